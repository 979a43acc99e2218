"""Anonymous feedback: a 1–5 rating, who gave it (jobseeker or employer) and the services it was about.

Nothing ties feedback to a conversation or a person: no session id, no free text,
so it is kept when conversations are deleted or purged.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine

from catalogue.db import session_scope
from conversations.models import Feedback
from messages import text
from vocabulary import AUDIENCES

MAX_SERVICE_IDS = 20
SERVICE_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


def validate_feedback(rating: object, kind: object, service_ids: object) -> tuple[int, str, list[str]]:
    """The cleaned values; ValueError with a Finnish message when something does not fit."""
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValueError(text("conversations.feedback.rating"))
    if kind not in AUDIENCES:
        raise ValueError(text("conversations.feedback.kind"))
    if not isinstance(service_ids, (list, tuple)):
        raise ValueError(text("conversations.feedback.service_list"))
    if len(service_ids) > MAX_SERVICE_IDS:
        raise ValueError(text("conversations.feedback.too_many_services", count=MAX_SERVICE_IDS))
    cleaned: list[str] = []
    for service_id in service_ids:
        if not isinstance(service_id, str) or not SERVICE_ID_RE.match(service_id):
            raise ValueError(text("conversations.feedback.service_id"))
        if service_id not in cleaned:
            cleaned.append(service_id)
    return rating, str(kind), cleaned


def save_feedback(engine: Engine, rating: int, kind: str, service_ids: list[str]) -> None:
    rating, kind, cleaned = validate_feedback(rating, kind, service_ids)
    with session_scope(engine) as db:
        db.add(Feedback(rating=rating, kind=kind, service_ids=cleaned))
