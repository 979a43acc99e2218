"""SQLAlchemy 2.0 models of the conversation records: chats, summary links and anonymous feedback.

They share the catalogue's declarative base (one database, one chain of migrations in
catalogue/migrations/), but nothing in the catalogue refers to them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from catalogue.models import Base


class ChatSession(Base):
    """A conversation started through the public API. Ids are random and issued by the server."""

    __tablename__ = "chat_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    # fi | sv | en, as the chat gateway decided it (understanding/language.py); None before the first message
    lang: Mapped[str | None] = mapped_column(String(2))

    messages: Mapped[list[ChatMessage]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="ChatMessage.id"
    )


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("chat_sessions.id", ondelete="CASCADE"), index=True)
    sender: Mapped[str] = mapped_column(String(10))  # user | bot
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    session: Mapped[ChatSession] = relationship(back_populates="messages")


class ConversationSummary(Base):
    """A summary page of a recommended service path, reachable by an unguessable token.

    It belongs to a conversation (the chat session id, which is also Rasa's sender id) and
    is deleted with it, and by the retention purge.
    """

    __tablename__ = "conversation_summaries"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(64), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)


class Feedback(Base):
    """Anonymous feedback: a rating and the services it was about. No session id, no free text."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    rating: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # jobseeker | employer
    service_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
