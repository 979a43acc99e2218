"""One chat message from the user to the bot and back, and the reading and deleting of a conversation.

The workflow behind ``POST /api/chat`` (see docs/api.md for the HTTP shapes): personal data is
masked, a health answer is kept only as a category, the message is recorded, Rasa answers, and
the answer is recorded before it is returned. When the bot says so, the conversation is deleted
from every store; a summary token becomes a link. The HTTP route only adds rate limits and
status codes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.orm import Session

from conversations import store
from conversations.models import ChatSession
from conversations.privacy import mask_personal_data
from conversations.summaries import summary_path
from messages import speaking, text
from understanding import sensitive
from understanding.facts import MunicipalityNames
from understanding.interview import redact_health_details
from understanding.language import LanguageChoice, choose_language

# metadata key the actions read (bot/actions/common.py page_municipality)
PAGE_MUNICIPALITY_KEY = "page_municipality"
# metadata key of the conversation's language (bot/components/conversation_language.py)
LANGUAGE_KEY = "lang"
# what Rasa gets instead of a message that only asks for another language (domain.yml)
SWITCH_LANGUAGE = '/switch_language{{"language": "{lang}"}}'
# Payloads a page sends by itself (the greeting, "start over", the panel's language switch); they
# are not shown in the history
SILENT_PAYLOADS = ("/greet", "/restart", "/switch_language")


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
    lang: str = "fi"


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
    lang: str | None = None,
    admit: Callable[[str], Awaitable[None]] | None = None,
) -> ChatOutcome:
    """Sends the user's message to the bot and records both sides (see the module docstring).

    `lang` is the language the client asks for; the conversation's language is decided by
    understanding.language.choose_language and kept with the conversation. `admit` is called
    with the conversation's id before anything is recorded; it may raise (the route's
    per-conversation rate limit). Raises EmptyMessage for an empty message.
    """
    message = store.clean_message(message)
    if not message:
        raise EmptyMessage
    known = store.find_session(db, session_id)
    conversation_id = known.id if known is not None else store.new_session_id()
    if admit is not None:
        # Admitted before anything is written: nothing may wait on an await while a write is open,
        # because SQLite locks the whole file for a write and the other requests on the event loop
        # would wait for the lock, and the lock for them (docs/performance.md, issue 20).
        await admit(conversation_id)
    session = store.open_session(db, known, conversation_id)
    language = choose_language(message, requested=lang, current=session.lang)
    session.lang = language.lang
    with speaking(language.lang):  # the category labels, the summary line: in the conversation's language
        message = _safe_text(message)
        return await _exchange(
            db, bot, tracker_store, session, message, language, places, page_municipality, public_base_url
        )


async def _exchange(
    db: Session,
    bot: Bot,
    tracker_store: store.TrackerStore,
    session: ChatSession,
    message: str,
    language: LanguageChoice,
    places: MunicipalityNames,
    page_municipality: str | None,
    public_base_url: str,
) -> ChatOutcome:
    """Records the user's message, asks the bot and records its answer."""
    shown_text = message
    if language.requested_only:
        message = SWITCH_LANGUAGE.format(lang=language.lang)
    elif message.startswith("/"):
        shown_text = store.button_title_for_payload(db, session, message) or message
    category = sensitive.as_category(store.expected_answer(db, session), message)
    if category is not None:
        message, shown_text = category
    silent = shown_text == message and message.split("{", 1)[0] in SILENT_PAYLOADS
    if not silent:
        store.record(db, session, "user", {"text": shown_text})
    db.commit()
    metadata = {**page_metadata(places, page_municipality), LANGUAGE_KEY: language.lang}
    try:
        reply = await bot.send(session.id, message, metadata)
    except BackendUnavailable:
        return ChatOutcome(session_id=session.id, bot_unavailable=True, lang=language.lang)
    if reply.delete_conversation:
        store.delete_conversation(db, session, tracker_store)
        db.commit()
        # The deleted conversation's id is never used again.
        return ChatOutcome(session_id=store.new_session_id(), messages=reply.messages, lang=language.lang)
    if reply.summary_token:
        link = public_base_url.rstrip("/") + summary_path(reply.summary_token)
        reply.messages.append({"text": text("conversations.chat.summary_link", link=link), "buttons": [], "cards": []})
    for number, bot_message in enumerate(reply.messages, start=1):
        stored = dict(bot_message)
        if reply.expects and number == len(reply.messages):
            stored["expects"] = reply.expects  # kept in our database only, never sent or shown
        store.record(db, session, "bot", stored)
    db.commit()  # stored before the client hears the reply: a history read right after has it
    return ChatOutcome(session_id=session.id, messages=reply.messages, lang=language.lang)


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
