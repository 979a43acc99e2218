"""SQLAlchemy 2.0 models of the anonymous usage records: events and their daily counts.

They share the catalogue's declarative base (one database, one chain of migrations in
catalogue/migrations/). No column can hold a person's words or anything that ties a row to a
conversation: every value is a code of a vocabulary, a catalogue id, a rating or a day.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from catalogue.models import Base


class UsageEvent(Base):
    """One thing that happened in a conversation or on the lookup page (insights/events.py)."""

    __tablename__ = "usage_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    # the employment area's id; None when the conversation never named a place
    area_id: Mapped[str | None] = mapped_column(String(80), index=True)
    audience: Mapped[str | None] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(2))
    topic: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str | None] = mapped_column(String(40))
    steps: Mapped[list[str]] = mapped_column(JSON, default=list)
    service_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    rating: Mapped[int | None] = mapped_column(Integer)


class UsageDaily(Base):
    """Events older than the retention period, folded into counts: one row per day, area,
    audience, language and figure (`metric`, `key`), e.g. ("service", "tyokokeilu")."""

    __tablename__ = "usage_daily"
    __table_args__ = (Index("ix_usage_daily_area_day", "area_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    day: Mapped[dt.date] = mapped_column(Date)
    area_id: Mapped[str | None] = mapped_column(String(80))
    audience: Mapped[str | None] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(2))
    metric: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(80))
    count: Mapped[int] = mapped_column(Integer)
