"""What the actions share: the catalogue, slot values as profiles, cards as custom payloads."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from catalogue.db import get_engine
from catalogue.repository import CatalogueSnapshot, ServiceRecord, get_catalogue
from insights.events import Event, record
from messages import current_language, speaking
from understanding.facts import Message
from understanding.interview import SKIPPED
from understanding.municipalities import Municipality
from vocabulary import HIRE_GROUP_FACTS, LIFE_AREAS, TOPIC_AUDIENCE, TOPICS

MAX_CARDS_PER_MESSAGE = 6
# The slot that holds the conversation's language (domain.yml; set from the chat gateway's choice)
LANGUAGE_SLOT = "lang"

Run = Callable[[Any, CollectingDispatcher, Tracker, DomainDict], Coroutine[Any, Any, list[dict[str, Any]]]]


def _in_conversation_language(run: Run) -> Run:
    @functools.wraps(run)
    async def speaking_run(
        self: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        with speaking(tracker.get_slot(LANGUAGE_SLOT)):
            return await run(self, dispatcher, tracker, domain)

    speaking_run.in_conversation_language = True  # type: ignore[attr-defined]
    return speaking_run


class InConversationLanguage:
    """Every action's first base: its `run` speaks the conversation's language (the `lang` slot),
    so messages.text() and every sentence the recommendation and catalogue code build are in it."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        run = getattr(cls, "run", None)
        if run is not None and not getattr(run, "in_conversation_language", False):
            cls.run = _in_conversation_language(run)  # type: ignore[attr-defined]


def catalogue() -> CatalogueSnapshot:
    """The catalogue with the services' words in the conversation's language where they have them."""
    return get_catalogue().in_language(current_language())


def slot(tracker: Tracker, name: str) -> Any:
    """A slot value, with skipped answers read as unknown."""
    value = tracker.get_slot(name)
    return None if value in (SKIPPED, "", None) else value


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def latest_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def page_municipality(tracker: Tracker) -> str | None:
    """The embedding page's municipality (resolved by the API gateway), for when the user names none."""
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    value = metadata.get("page_municipality") if isinstance(metadata, dict) else None
    return value if isinstance(value, str) and value else None


def entity_values(tracker: Tracker, entity: str) -> list[str]:
    return [str(v) for v in tracker.get_latest_entity_values(entity)]


def known_municipality(tracker: Tracker) -> Municipality | None:
    """The place the user named (this message, or earlier in the conversation), else the embedding page's."""
    snapshot = catalogue()
    for value in [*entity_values(tracker, "municipality"), slot(tracker, "municipality"), page_municipality(tracker)]:
        found = snapshot.resolve_municipality(value) if value else None
        if found:
            return found
    return None


def usage_topic(tracker: Tracker, default: str | None = None) -> str | None:
    """The latest intent as a topic of the area's figures (vocabulary.TOPICS), else `default`."""
    intent = latest_intent(tracker)
    return intent if intent in TOPICS else default


def usage_audience(tracker: Tracker, topic: str | None) -> str | None:
    """Whom the figures count this for: the topic's own audience, else the conversation's; a
    service question outside both interviews is a lookup (a coach's, say)."""
    fixed = TOPIC_AUDIENCE.get(topic or "")
    if fixed:
        return fixed
    known = conversation_audience(tracker)
    if known:
        return known
    return "coach" if topic in ("service_info", "service_search") else None


async def note_usage(events: list[Event]) -> None:
    """Records the conversation's anonymous usage events (insights/) off the event loop."""
    await asyncio.to_thread(record, get_engine(), events)


def latest_message(tracker: Tracker) -> Message:
    """The user's latest message for understanding.facts: text, intent, entities and metadata."""
    latest = tracker.latest_message or {}
    names = {entity.get("entity") for entity in latest.get("entities") or []}
    metadata = latest.get("metadata")
    confidence = (latest.get("intent") or {}).get("confidence")
    return Message(
        text=latest_text(tracker),
        intent=latest_intent(tracker),
        entities={name: entity_values(tracker, name) for name in names if name},
        metadata=metadata if isinstance(metadata, dict) else {},
        # a button's payload and a message without NLU output are what the user chose: sure
        confidence=float(confidence) if isinstance(confidence, int | float) else 1.0,
    )


def send_cards(dispatcher: CollectingDispatcher, services: list[ServiceRecord], text: str | None = None) -> None:
    """Service cards go to the client as a custom payload: {"cards": [ServiceCard, ...]}."""
    if not services:
        if text:
            dispatcher.utter_message(text=text)
        return
    payload: dict[str, Any] = {"cards": [s.card() for s in services[:MAX_CARDS_PER_MESSAGE]]}
    if text:
        payload["text"] = text
    dispatcher.utter_message(json_message=payload)


def jobseeker_profile(tracker: Tracker) -> dict[str, Any]:
    """The JobseekerProfile (docs/api.md) from the interview's slots (skipped answers left out)."""
    goals = slot(tracker, "goals") or []
    ratings = {area: slot(tracker, f"rating_{area}") for area in LIFE_AREAS}
    return {
        "municipality": slot(tracker, "municipality"),
        "age": slot(tracker, "age"),
        "situation": slot(tracker, "situation"),
        "unemployed_months": slot(tracker, "unemployed_months"),
        "work_ability": slot(tracker, "work_ability"),
        "finnish_level": slot(tracker, "finnish_level"),
        "education": slot(tracker, "education"),
        "goals": goals if isinstance(goals, list) else [goals],
        "fields": slot(tracker, "fields") or [],
        "self_rating": {area: value for area, value in ratings.items() if isinstance(value, int)},
    }


EMPLOYER_SLOTS = (
    "municipality",
    "employer_type",
    "hire_group",
    "hire_age",
    "hire_unemployed_months",
    "hire_work_ability",
    "apprenticeship",
    "wage_eur",
    "hours_per_week",
    "job_months",
    "hire_education",
)


def employer_profile_from(values: dict[str, Any]) -> dict[str, Any]:
    """The EmployerProfile (docs/api.md) from the employer interview's slot values (skipped ones left out)."""

    def known(name: str) -> Any:
        value = values.get(name)
        return None if value in (SKIPPED, "", None) else value

    hire: dict[str, Any] = {
        "age": known("hire_age"),
        "unemployed_months": known("hire_unemployed_months"),
        "work_ability": known("hire_work_ability"),
        "apprenticeship": bool(known("apprenticeship")),
        "education": known("hire_education"),
        "needs_adjustments": False,
    }
    hire.update(HIRE_GROUP_FACTS.get(known("hire_group"), {}))
    return {
        "municipality": known("municipality"),
        "employer_type": known("employer_type"),
        "hire": hire,
        "job": {
            "monthly_wage_eur": known("wage_eur"),
            "hours_per_week": known("hours_per_week"),
            "months": known("job_months"),
        },
    }


def employer_profile(tracker: Tracker) -> dict[str, Any]:
    return employer_profile_from({name: tracker.get_slot(name) for name in EMPLOYER_SLOTS})


# Answers only one side's interview asks: they tell whose conversation it is
JOBSEEKER_ONLY_SLOTS = ("situation", "unemployed_months", "work_ability", "goals", "last_path")
EMPLOYER_ONLY_SLOTS = tuple(name for name in EMPLOYER_SLOTS if name != "municipality") + ("last_package",)


def conversation_audience(tracker: Tracker) -> str | None:
    """ "employer" or "jobseeker" when the conversation so far shows whose it is, else None."""
    if any(tracker.get_slot(name) is not None for name in EMPLOYER_ONLY_SLOTS if name in tracker.slots):
        return "employer"
    if any(tracker.get_slot(name) is not None for name in JOBSEEKER_ONLY_SLOTS if name in tracker.slots):
        return "jobseeker"
    return None
