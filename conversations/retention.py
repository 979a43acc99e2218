"""Retention: conversations are deleted after a fixed period (POLKUOPAS_RETENTION_DAYS, default 30).

A conversation is purged whole once it has been inactive for longer than the
limit: its chat session, its messages, its summary pages and its Rasa tracker
events. Deleting only the oldest events of a conversation that is still going on
would leave Rasa a tracker without its start, so tracker rows go per sender id,
when the sender's newest event is older than the limit. Summary pages older than
the limit go even if their conversation is still active (their links expire at the
same age). Feedback is anonymous and kept.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from sqlalchemy import Engine, delete, inspect, or_, select, text

from conversations.models import ChatMessage, ChatSession, ConversationSummary

DEFAULT_RETENTION_DAYS = 30
TABLES = ("chat_sessions", "chat_messages", "conversation_summaries", "events")


def retention_days(default: int = DEFAULT_RETENTION_DAYS) -> int:
    """POLKUOPAS_RETENTION_DAYS, or the default when unset or not a positive whole number."""
    raw = os.environ.get("POLKUOPAS_RETENTION_DAYS", "").strip()
    try:
        days = int(raw)
    except ValueError:
        return default
    return days if days >= 1 else default


def purge(
    engine: Engine,
    *,
    older_than_days: int,
    now: dt.datetime | None = None,
    tracker_engine: Engine | None = None,
) -> dict[str, int]:
    """Deletes conversations inactive for longer than `older_than_days`; returns the rows deleted per table.

    Rasa's tracker rows (table `events`) are purged in `engine`'s database when Rasa
    uses it, and in `tracker_engine`'s database when given (Rasa's own tracker store).
    """
    if isinstance(older_than_days, bool) or not isinstance(older_than_days, int) or older_than_days < 1:
        raise ValueError("older_than_days must be a whole number of days, at least 1")
    now = now or dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    cutoff = now.astimezone(dt.UTC) - dt.timedelta(days=older_than_days)
    counts = dict.fromkeys(TABLES, 0)

    with engine.begin() as connection:
        old_sessions = select(ChatSession.id).where(ChatSession.last_seen_at < cutoff)
        counts["chat_messages"] = _rows(
            connection.execute(delete(ChatMessage).where(ChatMessage.session_id.in_(old_sessions)))
        )
        counts["conversation_summaries"] = _rows(
            connection.execute(
                delete(ConversationSummary).where(
                    or_(ConversationSummary.created_at < cutoff, ConversationSummary.session_id.in_(old_sessions))
                )
            )
        )
        counts["chat_sessions"] = _rows(
            connection.execute(delete(ChatSession).where(ChatSession.last_seen_at < cutoff))
        )

    engines = [engine]
    if tracker_engine is not None and str(tracker_engine.url) != str(engine.url):
        engines.append(tracker_engine)
    for database in engines:
        counts["events"] += _purge_events(database, cutoff.timestamp())
    return counts


def _purge_events(engine: Engine, cutoff_timestamp: float) -> int:
    """Rasa SQLTrackerStore rows of senders whose newest event is older than the cutoff."""
    if not inspect(engine).has_table("events"):
        return 0
    with engine.begin() as connection:
        result = connection.execute(
            text(
                "DELETE FROM events WHERE sender_id IN ("
                " SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff)"
            ),
            {"cutoff": cutoff_timestamp},
        )
        return _rows(result)


def _rows(result: Any) -> int:
    return max(result.rowcount or 0, 0)
