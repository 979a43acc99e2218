"""A step of the jobseeker's path and the order of the route (the `steps` of
`POST /api/recommend/jobseeker`, docs/api.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.repository import ServiceRecord

MAX_STEPS = 5
MIN_STEPS = 2
# Least essential first: general skills, direction, staying at work, the trial; never supports.
DROP_ORDER = ("skills", "clarify", "stay_at_work", "try")
# The route a coach would walk: clarify, try, strengthen skills, work with support, stay at work.
ROUTE_ORDER = (
    "register",
    "clarify",
    "rehabilitation",
    "try",
    "business",
    "skills",
    "supported_work",
    "stay_at_work",
    "start",
)


@dataclass
class Step:
    title: str
    why: str
    services: list[ServiceRecord]
    key: str = "start"
    how_to_start: str = ""
    contact: dict[str, Any] | None = None
    # The answers that led to this step, in short plain Finnish ("työttömänä 30 kuukautta"):
    # the "miksi?" answer lists them.
    factors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "title": self.title,
            "why": self.why,
            "services": [s.card() for s in self.services],
            "how_to_start": self.how_to_start,
            "contact": self.contact,
            "factors": list(self.factors),
        }
