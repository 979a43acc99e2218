"""Anonymous feedback: a 1–5 rating, who gave it (jobseeker or employer) and the services it was about.

Nothing ties feedback to a conversation or a person: no session id, no free text,
so it is kept when conversations are deleted or purged.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine

from catalogue.db import session_scope
from conversations.models import Feedback

KINDS = ("jobseeker", "employer")
MAX_SERVICE_IDS = 20
SERVICE_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


def validate_feedback(rating: object, kind: object, service_ids: object) -> tuple[int, str, list[str]]:
    """The cleaned values; ValueError with a Finnish message when something does not fit."""
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValueError("Arvosanan pitää olla kokonaisluku 1–5.")
    if kind not in KINDS:
        raise ValueError("Palautteen antajan pitää olla työnhakija (jobseeker) tai työnantaja (employer).")
    if not isinstance(service_ids, (list, tuple)):
        raise ValueError("Palvelut pitää antaa luettelona palvelujen tunnuksia.")
    if len(service_ids) > MAX_SERVICE_IDS:
        raise ValueError(f"Palveluja voi olla enintään {MAX_SERVICE_IDS}.")
    cleaned: list[str] = []
    for service_id in service_ids:
        if not isinstance(service_id, str) or not SERVICE_ID_RE.match(service_id):
            raise ValueError("Palvelun tunnus ei kelpaa: käytä palvelun lyhyttä tunnusta, esim. tyokokeilu.")
        if service_id not in cleaned:
            cleaned.append(service_id)
    return rating, str(kind), cleaned


def save_feedback(engine: Engine, rating: int, kind: str, service_ids: list[str]) -> None:
    rating, kind, cleaned = validate_feedback(rating, kind, service_ids)
    with session_scope(engine) as db:
        db.add(Feedback(rating=rating, kind=kind, service_ids=cleaned))
