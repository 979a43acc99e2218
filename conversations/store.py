"""Conversation records: server-issued session ids, the message history and deletion.

A conversation lives in two stores: the API's own history (chat tables of the
catalogue database) and Rasa's tracker store. Deleting removes it from both.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from typing import Any

from sqlalchemy import Engine, create_engine, delete, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from conversations.models import ChatMessage, ChatSession
from conversations.summaries import delete_summaries

logger = logging.getLogger("polkuopas.api")

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def new_session_id() -> str:
    """192 random bits, URL-safe: cannot be guessed."""
    return secrets.token_urlsafe(24)


def clean_message(message: str) -> str:
    """Drops control characters and surrounding whitespace; the text is otherwise kept as typed."""
    return CONTROL_CHARS_RE.sub("", message).strip()


def find_session(db: Session, session_id: str | None) -> ChatSession | None:
    if not session_id or not SESSION_ID_RE.match(session_id):
        return None
    return db.get(ChatSession, session_id)


def open_session(db: Session, known: ChatSession | None, new_id: str) -> ChatSession:
    """The caller's conversation (found with find_session) if it exists; otherwise a new one.

    `new_id` is an id the server issued with new_session_id(), never the client's.
    """
    session = known
    if session is None:
        session = ChatSession(id=new_id)
        db.add(session)
    session.last_seen_at = dt.datetime.now(dt.UTC)
    db.flush()
    return session


def _latest_bot_messages(db: Session, session: ChatSession, count: int) -> list[ChatMessage]:
    return list(
        db.scalars(
            select(ChatMessage)
            .where(ChatMessage.session_id == session.id, ChatMessage.sender == "bot")
            .order_by(ChatMessage.id.desc())
            .limit(count)
        ).all()
    )


def button_title_for_payload(db: Session, session: ChatSession, payload: str) -> str | None:
    """The title of the button the user clicked, so the history shows words, not payloads."""
    for message in _latest_bot_messages(db, session, 10):
        for button in message.body.get("buttons") or []:
            if button.get("payload") == payload:
                title = button.get("title")
                return str(title) if title is not None else None
    return None


def expected_answer(db: Session, session: ChatSession) -> str | None:
    """What the bot's latest question said about its answer ("health": keep only a category)."""
    latest = _latest_bot_messages(db, session, 1)
    return (latest[0].body or {}).get("expects") if latest else None


def record(db: Session, session: ChatSession, sender: str, body: dict[str, Any]) -> None:
    db.add(ChatMessage(session_id=session.id, sender=sender, body=body))


def history(db: Session, session: ChatSession) -> list[dict[str, Any]]:
    return [
        {
            "sender": m.sender,
            "text": m.body.get("text"),
            "buttons": m.body.get("buttons") or [],
            "cards": m.body.get("cards") or [],
        }
        for m in session.messages
    ]


class TrackerStore:
    """Deletes conversations from Rasa's SQL tracker store (table `events`, keyed by sender_id)."""

    def __init__(self, url: str):
        self.url = url
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = create_engine(self.url)
        return self._engine

    def delete(self, sender_id: str) -> None:
        try:
            with self.engine.begin() as connection:
                connection.execute(text("DELETE FROM events WHERE sender_id = :sender_id"), {"sender_id": sender_id})
        except SQLAlchemyError as error:
            # No tracker database yet means nothing to delete.
            if "no such table" not in str(error).lower() and "does not exist" not in str(error).lower():
                raise


def delete_conversation(db: Session, session: ChatSession, tracker_store: TrackerStore) -> None:
    tracker_store.delete(session.id)
    delete_summaries(db, session.id)
    db.execute(delete(ChatMessage).where(ChatMessage.session_id == session.id))
    db.execute(delete(ChatSession).where(ChatSession.id == session.id))
    logger.info("conversation deleted")
