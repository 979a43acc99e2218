"""Conversations on one event loop never wait for each other's database writes.

SQLite locks the whole file for a write. When one request held a write open across an await (the
per-conversation rate limit), the next request's write blocked the event loop waiting for the lock,
and the first request could never finish to release it: under load every request stalled for the
lock's timeout and then failed with "database is locked" (docs/performance.md, issue 20).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conversations import chat, store
from conversations.models import ChatMessage


@dataclass
class Answer:
    messages: list[dict[str, Any]] = field(default_factory=lambda: [{"text": "Hei!", "buttons": [], "cards": []}])
    delete_conversation: bool = False
    expects: str | None = None
    summary_token: str | None = None


class YieldingBot:
    """Answers after giving the event loop to the other conversations, as a network call does."""

    async def send(self, sender_id: str, message: str, metadata: dict[str, Any] | None = None) -> Answer:
        await asyncio.sleep(0.01)
        return Answer()


async def admit_after_a_pause(conversation_id: str) -> None:
    """A rate limit whose store answers over the network (Redis) or behind a lock (memory)."""
    await asyncio.sleep(0.01)


async def converse(engine, snapshot, tracker_store: store.TrackerStore, count: int) -> list[str]:
    async def one(number: int) -> str:
        with Session(engine) as db:
            outcome = await chat.handle_message(
                db,
                YieldingBot(),
                tracker_store,
                None,
                f"hei {number}",
                places=snapshot,
                page_municipality=None,
                public_base_url="http://localhost",
                admit=admit_after_a_pause,
            )
            return outcome.session_id

    return list(await asyncio.gather(*(one(number) for number in range(count))))


def test_many_first_messages_at_once_are_all_recorded(seeded_engine, snapshot, tmp_path) -> None:
    tracker_store = store.TrackerStore(f"sqlite:///{tmp_path / 'tracker.db'}")
    session_ids = asyncio.run(converse(seeded_engine, snapshot, tracker_store, 12))
    assert len(set(session_ids)) == 12
    with Session(seeded_engine) as db:
        for session_id in session_ids:
            senders = db.scalars(
                select(ChatMessage.sender).where(ChatMessage.session_id == session_id).order_by(ChatMessage.id)
            ).all()
            assert senders == ["user", "bot"]
        assert db.scalar(select(func.count()).select_from(ChatMessage)) >= 24
