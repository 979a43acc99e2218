"""Summary pages of a recommended service path: what a jobseeker takes to their employment coach.

`build_summary` turns a service path (and, when the user agreed, their profile and
competence profile) into plain JSON-safe data; `save_summary` stores it under an
unguessable token tied to the conversation. The page `/yhteenveto/<token>` (HTML and
PDF) shows it until the conversation is deleted or the retention period ends.

Health and work-ability information never goes into a summary: the profile's
`work_ability` and health self-rating are left out, and sentences of the path that
repeat what the user said about their health are dropped.

A Rasa action creates a link with::

    token = create_summary(engine, snapshot, tracker.sender_id, path,
                           profile=profile, competence=competence, include_profile=True)
    link = summary_path(token)          # "/yhteenveto/<token>"
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from sqlalchemy import CursorResult, Delete, Engine, delete, select
from sqlalchemy.orm import Session

from catalogue.db import session_scope
from conversations.models import ConversationSummary
from messages import current_language, local_date, months_text, supported, text
from understanding.competence import Competence, describe
from vocabulary import label, labels

SUMMARY_VERSION = 1
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
MAX_SESSION_ID_CHARS = 64

CONTACT_KEYS = ("name", "url", "phone", "email", "hours", "address")
CARD_KEYS = ("id", "title", "summary", "provider", "url", "contact", "source_url")

# The Finnish labels are the catalogue's own; health information is never shown:
# not the "sick_leave" situation and not the "health" and "wellbeing" self-ratings.
SITUATION_FI = {key: text for key, text in labels("situation").items() if key != "sick_leave"}
FINNISH_LEVEL_FI = labels("finnish_level")
EDUCATION_FI = labels("education")
GOAL_FI = labels("goal")
LIFE_AREA_FI = {key: text for key, text in labels("life_area").items() if key not in ("health", "wellbeing")}

# Words by which a sentence tells something about the user's own health or work ability.
HEALTH_MARKERS = re.compile(
    r"terveyt|terveydentila|työkykysi|työkykyäsi|työkyvystäsi|työkyky(?:si)? on alentunut|"
    r"sairau|sairasloma|vammasi|vammainen|diagnoosi|mielenterve",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

try:  # Finnish calendar date of the summary
    from zoneinfo import ZoneInfo

    HELSINKI: dt.tzinfo = ZoneInfo("Europe/Helsinki")
except Exception:  # pragma: no cover - no time zone data on the machine
    HELSINKI = dt.UTC


# ---------------------------------------------------------------------------
# Building the data
# ---------------------------------------------------------------------------


def build_summary(
    snapshot: Any,
    path: dict[str, Any],
    *,
    profile: dict[str, Any] | None,
    competence: dict[str, Any] | None,
    include_profile: bool,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """JSON-safe data of the summary page of a service path (see the module docstring)."""
    today = today or dt.datetime.now(HELSINKI).date()
    municipality_input = str((profile or {}).get("municipality") or "").strip()
    steps = []
    for number, step in enumerate(path.get("steps") or [], start=1):
        title = _text(step.get("title"))
        if HEALTH_MARKERS.search(title):
            title = text("conversations.summary.neutral_title")
        steps.append(
            {
                "number": number,
                "title": title,
                "why": _without_health(_text(step.get("why"))) or text("conversations.summary.neutral_why"),
                "how_to_start": _without_health(_text(step.get("how_to_start"))) or None,
                "services": [_card(card) for card in step.get("services") or [] if isinstance(card, dict)],
                "contact": _contact(step.get("contact")),
            }
        )
    notes = []
    for note in path.get("notes") or []:
        note = _without_health(_text(note))
        if not note:
            continue
        # A note quoting what the user typed as their municipality is profile data.
        if not include_profile and municipality_input and municipality_input.casefold() in note.casefold():
            continue
        notes.append(note)
    return {
        "version": SUMMARY_VERSION,
        "lang": current_language(),
        "date": today.isoformat(),
        "profile": _profile_items(snapshot, profile) if include_profile and profile else [],
        "competence": _competence_lines(competence) if include_profile and competence else [],
        "steps": steps,
        "contact": _contact(path.get("contact")),
        "notes": notes,
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())


def _safe_url(value: Any) -> str | None:
    url = _text(value)
    return url if re.match(r"^https?://[^\s<>\"']+$", url, re.IGNORECASE) else None


def _without_health(text: str) -> str:
    """The text without sentences about the user's own health or work ability."""
    if not text:
        return ""
    kept = [sentence for sentence in SENTENCE_END.split(text) if sentence and not HEALTH_MARKERS.search(sentence)]
    return " ".join(kept).strip()


def _card(card: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key in CARD_KEYS:
        value = card.get(key)
        if key in ("url", "source_url"):
            kept[key] = _safe_url(value)
        else:
            kept[key] = _text(value) or None
    kept["title"] = kept["title"] or text("conversations.summary.service")
    return kept


def _contact(contact: Any) -> dict[str, str] | None:
    if not isinstance(contact, dict):
        return None
    kept: dict[str, str] = {}
    for key in CONTACT_KEYS:
        value = _safe_url(contact.get(key)) if key == "url" else _text(contact.get(key))
        if value:
            kept[key] = value
    return kept or None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _profile_items(snapshot: Any, profile: dict[str, Any]) -> list[dict[str, str]]:
    """Plain-Finnish label/value pairs of the profile; never work ability or health."""
    items: list[dict[str, str]] = []

    def add(label: str, value: str | None) -> None:
        if value:
            items.append({"label": label, "value": value})

    municipality = _text(profile.get("municipality"))
    if municipality:
        found = None
        try:
            found = snapshot.resolve_municipality(municipality) if snapshot is not None else None
        except Exception:  # the resolver is a convenience here; the typed name is a fine fallback
            found = None
        add(text("conversations.summary.profile.municipality"), getattr(found, "name", None) or municipality[:100])
    age = _number(profile.get("age"))
    if age is not None:
        add(text("conversations.summary.profile.age"), text("conversations.summary.profile.age_years", age=int(age)))
    add(text("conversations.summary.profile.situation"), SITUATION_FI.get(str(profile.get("situation") or "")))
    months = _number(profile.get("unemployed_months"))
    if months is not None and profile.get("situation") != "sick_leave":
        add(text("conversations.summary.profile.unemployed"), months_text(months))
    add(
        text("conversations.summary.profile.finnish_level"),
        FINNISH_LEVEL_FI.get(str(profile.get("finnish_level") or "")),
    )
    add(text("conversations.summary.profile.education"), EDUCATION_FI.get(str(profile.get("education") or "")))
    goals = [GOAL_FI[g] for g in profile.get("goals") or [] if g in GOAL_FI]
    add(text("conversations.summary.profile.goals"), ", ".join(goals))
    fields = [label("field", str(f)) for f in profile.get("fields") or [] if _text(f)]
    add(text("conversations.summary.profile.fields"), ", ".join(fields))
    ratings = profile.get("self_rating") or {}
    if isinstance(ratings, dict):
        rated = [
            f"{LIFE_AREA_FI[area]} {int(value)}/5"
            for area, value in ratings.items()
            if area in LIFE_AREA_FI and _number(value) is not None
        ]
        add(text("conversations.summary.profile.self_rating"), ", ".join(rated))
    return items


def _competence_lines(competence: dict[str, Any]) -> list[str]:
    """Plain-Finnish lines of the competence profile, as the bot read it back to the user."""
    found = Competence.from_dict(competence)
    if found.is_empty():
        return []
    lines = [_without_health(_text(line)) for line in describe(found).splitlines()]
    return [line for line in lines if line]


def shown_date(iso: str | None) -> str:
    """'2024-05-03' → '3.5.2024' (in the current language's way); '' when it is not a date."""
    try:
        day = dt.date.fromisoformat(str(iso))
    except ValueError:
        return ""
    return local_date(day)


def expiry_date(data: dict[str, Any], days: int) -> str:
    """The date on which a summary made on data["date"] is deleted at the latest."""
    try:
        return shown_date((dt.date.fromisoformat(data["date"]) + dt.timedelta(days=days)).isoformat())
    except (KeyError, TypeError, ValueError):
        return ""


def summary_language(data: dict[str, Any] | None) -> str | None:
    """The language the summary was made in (its conversation's), if it says."""
    return supported(str((data or {}).get("lang") or "")) if data else None


# ---------------------------------------------------------------------------
# Storage
# ---------------------------------------------------------------------------


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def save_summary(engine: Engine, session_id: str, data: dict[str, Any], *, now: dt.datetime | None = None) -> str:
    """Stores the summary of conversation `session_id`; returns its token (256 random bits)."""
    session_id = str(session_id or "")
    if not session_id or len(session_id) > MAX_SESSION_ID_CHARS:
        raise ValueError(text("conversations.summary.missing_session"))
    token = secrets.token_urlsafe(32)
    created = _utc(now or dt.datetime.now(dt.UTC))
    with session_scope(engine) as db:
        db.add(ConversationSummary(token=token, session_id=session_id, data=data, created_at=created))
    return token


def load_summary(
    engine: Engine, token: str, *, max_age_days: int, now: dt.datetime | None = None
) -> dict[str, Any] | None:
    """The stored data, or None when the token is unknown, malformed or older than max_age_days."""
    if not token or not TOKEN_RE.match(token):
        return None
    with session_scope(engine) as db:
        summary = db.get(ConversationSummary, token)
        if summary is None:
            return None
        created = _utc(summary.created_at)
        data = dict(summary.data or {})
    if _utc(now or dt.datetime.now(dt.UTC)) - created > dt.timedelta(days=max_age_days):
        return None
    data.setdefault("created_at", created.isoformat())
    return data


def _deleted_rows(db: Session, statement: Delete) -> int:
    result: CursorResult[Any] = db.execute(statement)  # type: ignore[assignment]  # a DELETE gives a cursor result
    return result.rowcount or 0


def delete_summaries(bind: Engine | Session, session_id: str) -> int:
    """Deletes the summaries of a conversation; with a Session, inside its transaction."""
    statement = delete(ConversationSummary).where(ConversationSummary.session_id == session_id)
    if isinstance(bind, Session):
        return _deleted_rows(bind, statement)
    with session_scope(bind) as db:
        return _deleted_rows(db, statement)


def summary_tokens(engine: Engine, session_id: str) -> list[str]:
    with session_scope(engine) as db:
        return list(db.scalars(select(ConversationSummary.token).where(ConversationSummary.session_id == session_id)))


def summary_path(token: str) -> str:
    """The page's path on the API server (the PDF is the same path plus `.pdf`)."""
    return f"/yhteenveto/{token}"


def create_summary(
    engine: Engine,
    snapshot: Any,
    session_id: str,
    path: dict[str, Any],
    *,
    profile: dict[str, Any] | None,
    competence: dict[str, Any] | None,
    include_profile: bool,
) -> str:
    """build_summary + save_summary in one call, for the Rasa action; returns the token."""
    data = build_summary(snapshot, path, profile=profile, competence=competence, include_profile=include_profile)
    return save_summary(engine, session_id, data)
