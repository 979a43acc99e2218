"""Anonymous events: what is recorded when something happens, and the counts each event adds to.

An event holds codes only, each checked against its vocabulary before it is stored: a value
that is not a known code is refused (ValueError), so no free text can reach the table by
mistake. The day is the only time kept.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, get_args

from sqlalchemy import Engine

from catalogue.db import session_scope
from conversations.feedback import SERVICE_ID_RE
from insights.models import UsageEvent
from messages import LANGUAGES
from recommendation.jobseeker.steps import ROUTE_ORDER
from vocabulary import CATEGORIES, STATS_AUDIENCES, TOPICS

log = logging.getLogger(__name__)

EventKind = Literal[
    "request",  # the user asked for something the bot understood (topic)
    "search",  # a service search on the lookup page (category of what was found)
    "path",  # a jobseeker's service path was recommended (steps, service ids)
    "package",  # an employer's support package was recommended (service ids)
    "unmet_need",  # the area had none of its own services for a need (category)
    "fallback",  # the bot did not understand (the likeliest topic, if any)
    "feedback",  # a rating 1–5
]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)

# The figures an event adds to (the `metric` of insights.models.UsageDaily)
Metric = Literal["request", "category", "search", "path", "step", "service", "package", "unmet", "fallback", "rating"]
METRICS: tuple[Metric, ...] = get_args(Metric)

# (day, area id, audience, language, metric, key): one row of insights.models.UsageDaily
DailyKey = tuple[dt.date, str | None, str | None, str, str, str]

# an area or service id (the catalogue's slugs)
ID_RE = SERVICE_ID_RE
MAX_IDS = 30


@dataclass(frozen=True)
class Event:
    kind: EventKind
    lang: str
    area_id: str | None = None
    audience: str | None = None
    topic: str | None = None
    category: str | None = None
    steps: tuple[str, ...] = ()
    service_ids: tuple[str, ...] = ()
    rating: int | None = None
    day: dt.date = field(default_factory=dt.date.today)

    def __post_init__(self) -> None:
        _check(self.kind in EVENT_KINDS, "kind")
        _check(self.lang in LANGUAGES, "lang")
        _check(self.area_id is None or bool(ID_RE.match(self.area_id)), "area_id")
        _check(self.audience is None or self.audience in STATS_AUDIENCES, "audience")
        _check(self.topic is None or self.topic in TOPICS, "topic")
        _check(self.category is None or self.category in CATEGORIES, "category")
        _check(all(step in ROUTE_ORDER for step in self.steps), "steps")
        _check(len(self.service_ids) <= MAX_IDS and all(ID_RE.match(i) for i in self.service_ids), "service_ids")
        _check(self.rating is None or (type(self.rating) is int and 1 <= self.rating <= 5), "rating")
        _check(type(self.day) is dt.date, "day")

    def daily_keys(self) -> Iterator[DailyKey]:
        """The keys of the daily counts (insights.models.UsageDaily) this event adds one to."""
        for metric, key in self.counts():
            yield (self.day, self.area_id, self.audience, self.lang, metric, key)

    def counts(self) -> Iterator[tuple[Metric, str]]:
        """The (metric, key) counts this event adds one to."""
        if self.kind == "request" and self.topic:
            yield "request", self.topic
        if self.kind in ("request", "search") and self.category:
            yield "category", self.category
        if self.kind == "search":
            yield "search", ""
        if self.kind in ("path", "package"):
            yield self.kind, ""
            for service_id in dict.fromkeys(self.service_ids):
                yield "service", service_id
        if self.kind == "path":
            for step in dict.fromkeys(self.steps):
                yield "step", step
        if self.kind == "unmet_need" and self.category:
            yield "unmet", self.category
        if self.kind == "fallback":
            yield "fallback", self.topic or ""
        if self.kind == "feedback" and self.rating:
            yield "rating", str(self.rating)


def _check(ok: bool, name: str) -> None:
    if not ok:
        raise ValueError(f"usage event: {name} is not a known code")


def record(engine: Engine, events: Iterable[Event]) -> None:
    """Stores the events. Recording must never break a conversation: a database fault is logged
    (its type only) and the events are lost."""
    rows = [
        UsageEvent(
            day=event.day,
            kind=event.kind,
            area_id=event.area_id,
            audience=event.audience,
            lang=event.lang,
            topic=event.topic,
            category=event.category,
            steps=list(event.steps),
            service_ids=list(event.service_ids),
            rating=event.rating,
        )
        for event in events
    ]
    if not rows:
        return
    try:
        with session_scope(engine) as db:
            db.add_all(rows)
    except Exception as error:  # a lost count is better than a failed turn
        log.warning("usage events not recorded: %s", type(error).__name__)


def from_row(row: UsageEvent) -> Event:
    return Event(
        kind=row.kind,  # type: ignore[arg-type]
        lang=row.lang,
        area_id=row.area_id,
        audience=row.audience,
        topic=row.topic,
        category=row.category,
        steps=tuple(row.steps or ()),
        service_ids=tuple(row.service_ids or ()),
        rating=row.rating,
        day=row.day,
    )
