"""One chat message from the user to the bot and back, and the reading and deleting of a conversation.

The workflow behind ``POST /api/chat`` (see docs/api.md for the HTTP shapes): personal data is
masked, a health answer is kept only as a category, the message is recorded, Rasa answers, and
the answer is recorded before it is returned. When the bot says so, the conversation is deleted
from every store; a summary token becomes a link. The HTTP route only adds rate limits and
status codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from conversations import store
from conversations.privacy import mask_personal_data
from conversations.summaries import summary_path
from messages import text
from understanding import sensitive
from understanding.facts import MunicipalityNames
from understanding.interview import redact_health_details

# metadata key the actions read (bot/actions/common.py page_municipality)
PAGE_MUNICIPALITY_KEY = "page_municipality"
# Button payloads a page sends by itself; they are not shown in the history
SILENT_PAYLOADS = ("/greet", "/restart")


class EmptyMessage(ValueError):
    """Nothing is left of the message once control characters and whitespace are gone."""


class BackendUnavailable(Exception):
    """The bot did not answer (down, starting or timed out)."""


class BotAnswer(Protocol):
    """What the bot said: the messages and what it asked of the gateway."""

    messages: list[dict[str, Any]]
    delete_conversation: bool
    expects: str | None
    summary_token: str | None


class Bot(Protocol):
    async def send(self, sender_id: str, message: str, metadata: dict[str, Any] | None = None) -> BotAnswer: ...


@dataclass
class ChatOutcome:
    """The conversation's id (a new one after deletion) and the bot's messages; `bot_unavailable`
    when the bot did not answer (the user's message is recorded all the same)."""

    session_id: str
    messages: list[dict[str, Any]] = field(default_factory=list)
    bot_unavailable: bool = False


def page_metadata(places: MunicipalityNames, municipality: str | None) -> dict[str, str]:
    """What the bot may know of the embedding page: its municipality, if it is a real one."""
    found = places.resolve_municipality(municipality) if municipality else None
    return {PAGE_MUNICIPALITY_KEY: found.name_fi} if found else {}


def _safe_text(message: str) -> str:
    """Identity codes, phone numbers and e-mail addresses never reach Rasa or our database,
    and health details reach them only as a category."""
    return message if message.startswith("/") else redact_health_details(mask_personal_data(message))


async def handle_message(
    db: Session,
    bot: Bot,
    tracker_store: store.TrackerStore,
    session_id: str | None,
    message: str,
    *,
    places: MunicipalityNames,
    page_municipality: str | None,
    public_base_url: str,
    admit: Callable[[str], None] = lambda _session_id: None,
) -> ChatOutcome:
    """Sends the user's message to the bot and records both sides (see the module docstring).

    `admit` is called with the conversation's id before anything is recorded; it may raise
    (the route's per-conversation rate limit). Raises EmptyMessage for an empty message.
    """
    message = store.clean_message(message)
    if not message:
        raise EmptyMessage
    message = _safe_text(message)
    session = store.open_session(db, session_id)
    admit(session.id)
    shown_text = message
    if message.startswith("/"):
        shown_text = store.button_title_for_payload(db, session, message) or message
    category = sensitive.as_category(store.expected_answer(db, session), message)
    if category is not None:
        message, shown_text = category
    if not (message in SILENT_PAYLOADS and shown_text == message):
        store.record(db, session, "user", {"text": shown_text})
    db.commit()
    try:
        reply = await bot.send(session.id, message, page_metadata(places, page_municipality))
    except BackendUnavailable:
        return ChatOutcome(session_id=session.id, bot_unavailable=True)
    if reply.delete_conversation:
        store.delete_conversation(db, session, tracker_store)
        db.commit()
        # The deleted conversation's id is never used again.
        return ChatOutcome(session_id=store.new_session_id(), messages=reply.messages)
    if reply.summary_token:
        link = public_base_url.rstrip("/") + summary_path(reply.summary_token)
        reply.messages.append({"text": text("conversations.chat.summary_link", link=link), "buttons": [], "cards": []})
    for number, bot_message in enumerate(reply.messages, start=1):
        stored = dict(bot_message)
        if reply.expects and number == len(reply.messages):
            stored["expects"] = reply.expects  # kept in our database only, never sent or shown
        store.record(db, session, "bot", stored)
    db.commit()  # stored before the client hears the reply: a history read right after has it
    return ChatOutcome(session_id=session.id, messages=reply.messages)


def conversation_history(db: Session, session_id: str) -> list[dict[str, Any]] | None:
    """The messages of a conversation, or None when there is no such conversation."""
    session = store.find_session(db, session_id)
    return None if session is None else store.history(db, session)


def forget_conversation(db: Session, tracker_store: store.TrackerStore, session_id: str) -> bool:
    """Deletes a conversation from every store; False when there was none."""
    session = store.find_session(db, session_id)
    if session is None:
        return False
    store.delete_conversation(db, session, tracker_store)
    db.commit()  # gone before the client hears so: a request right after finds nothing
    return True
