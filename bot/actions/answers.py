"""Answers from the catalogue: service questions, searches, handover, restart and deletion."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, Restarted, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import (
    InConversationLanguage,
    catalogue,
    conversation_audience,
    entity_values,
    known_municipality,
    latest_intent,
    latest_text,
    note_usage,
    page_municipality,
    send_cards,
    usage_audience,
    usage_topic,
)
from bot.actions.recommend import contact_text
from catalogue.repository import ServiceRecord
from catalogue.search import get_search
from insights.recording import answer_events
from messages import current_language, text
from understanding import interview
from vocabulary import TOPICS

INTENT_SERVICE = {
    "register_jobseeker": "ilmoittautuminen-tyonhakijaksi",
    "unemployment_benefit": "tyottomyysturva",
}


def _service_from_message(tracker: Tracker) -> ServiceRecord | None:
    """The service the user asks about: the NLU entity, else the best search hit for the text."""
    snapshot = catalogue()
    for value in entity_values(tracker, "service"):
        service = snapshot.service(interview.employer_view(value, latest_text(tracker)))
        if service is not None:
            return service
    intent_service = INTENT_SERVICE.get(latest_intent(tracker) or "")
    if intent_service:
        return snapshot.service(intent_service)
    text = latest_text(tracker)
    if text and not text.startswith("/"):
        result = get_search(snapshot).search(text[:200], limit=1)
        if result.items:
            return result.items[0]
    return None


class ActionServiceInfo(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_service_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        service = _service_from_message(tracker)
        topic = usage_topic(tracker, default="service_info")
        await note_usage(
            answer_events(
                catalogue(),
                [service] if service else [],
                known_municipality(tracker),
                current_language(),
                audience=usage_audience(tracker, topic),
                topic=topic,
            )
        )
        if service is None:
            dispatcher.utter_message(text=text("actions.services.not_found"))
            return []
        lines = [f"{service.title}: {service.description or service.summary}"]
        if service.shown_rules:
            lines.append(text("actions.services.main_rules"))
            lines += [text("actions.services.rule", rule=rule) for rule in service.shown_rules]
        if service.how_to_apply:
            lines.append(text("actions.services.how_to_apply", how=service.how_to_apply))
        if service.audience == ("employer",):  # the employer's own supports: where to get help
            lines.append(_employer_contact_line(tracker))
        lines.append(text("actions.services.source", url=service.source_url, date=f"{service.last_verified:%d.%m.%Y}"))
        send_cards(dispatcher, [service], text="\n".join(lines))
        return []


class ActionServiceSearch(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_service_search"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        snapshot = catalogue()
        said = latest_text(tracker)
        if said.startswith("/"):
            said = ""
        query_parts = [said[:200]]
        municipality = next(iter(entity_values(tracker, "municipality")), None)
        result = get_search(snapshot).search(
            " ".join(query_parts),
            municipality=municipality,
            default_municipality=page_municipality(tracker),
            prefer_audience=conversation_audience(tracker),
            limit=5,
        )
        await note_usage(
            answer_events(
                snapshot,
                result.items,
                result.municipality or known_municipality(tracker),
                current_language(),
                audience=usage_audience(tracker, "service_search"),
                topic="service_search",
            )
        )
        if result.total == 0 and municipality:
            result = get_search(snapshot).search(said[:200], limit=5)
        if result.total == 0:
            # Nothing found ("26" out of context, a typo): the ways in, not a dead end
            dispatcher.utter_message(text=text("actions.services.search_none"), buttons=fallback_buttons([]))
            return []
        lines = [text("actions.services.search_found", total=result.total)]
        if result.municipality is not None:
            lines = [
                text("actions.services.search_found_in", total=result.total, municipality=result.municipality.name)
            ]
            # local places and providers not in the catalogue yet: a person there knows them
            employer_side = all(service.audience == ("employer",) for service in result.items[:5])
            contact = snapshot.contact(result.municipality.code, audience="employer" if employer_side else "jobseeker")
            if all(service.scope == "national" for service in result.items):
                lines.append(text("actions.services.national_only"))
            lines.append(text("actions.services.local_contact", contact=contact_text(contact)))
        send_cards(dispatcher, result.items, text="\n".join(lines))
        return []


def _employer_contact_line(tracker: Tracker) -> str:
    """Where an employer gets help in person: the area's employer services, or Työmarkkinatori."""
    municipality = known_municipality(tracker)
    contact = catalogue().contact(municipality.code if municipality else None, audience="employer")
    return text("actions.services.employer_contact", contact=contact_text(contact))


class ActionHumanHandover(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_human_handover"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        snapshot = catalogue()
        municipality = known_municipality(tracker)
        contact = snapshot.contact(municipality.code if municipality else None)
        area = snapshot.area_for_municipality(municipality.code) if municipality else None
        if area:
            intro = text("actions.handover.area", area=area.name)
        elif municipality:
            intro = text("actions.handover.unknown_area", municipality=municipality.name)
        else:
            intro = text("actions.handover.no_municipality")
        dispatcher.utter_message(text=f"{intro}\n{contact_text(contact)}")
        await note_usage(
            answer_events(
                snapshot,
                [],
                municipality,
                current_language(),
                audience=usage_audience(tracker, "human_handover"),
                topic="human_handover",
            )
        )
        return []


class ActionKeepEmployee(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_keep_employee"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        snapshot = catalogue()
        ids = [
            "tyoterveyshuolto-yhteistyo",
            "tyoolosuhteiden-jarjestelytuki",
            "tyoelakekuntoutus",
            "kela-ammatillinen-kuntoutus",
            "tyohonvalmennus",
        ]
        services = [s for s in (snapshot.service(i) for i in ids) if s is not None]
        send_cards(
            dispatcher,
            services,
            text=text("actions.keep_employee") + "\n" + _employer_contact_line(tracker),
        )
        await note_usage(
            answer_events(
                snapshot,
                [],
                known_municipality(tracker),
                current_language(),
                audience="employer",
                topic="employer_keep_employee",
            )
        )
        return []


class ActionDeleteMyData(InConversationLanguage, Action):
    """Tells the API to delete the whole conversation; the API removes it from every store."""

    def name(self) -> str:
        return "action_delete_my_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            json_message={
                "text": text("actions.deleted"),
                "delete_conversation": True,
            }
        )
        return [AllSlotsReset(), Restarted()]


class ActionDefaultFallback(InConversationLanguage, Action):
    """When the bot is unsure, it searches the catalogue instead of only saying sorry."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        said = latest_text(tracker)
        ranking = [entry.get("name") for entry in tracker.latest_message.get("intent_ranking") or []]
        buttons = fallback_buttons([name for name in ranking if isinstance(name, str)])
        # the likeliest topic only, never the words
        likely = next((name for name in ranking if name != "nlu_fallback"), None)
        topic = likely if likely in TOPICS else None
        await note_usage(
            answer_events(
                catalogue(),
                [],
                known_municipality(tracker),
                current_language(),
                audience=usage_audience(tracker, topic),
                topic=topic,
                kind="fallback",
            )
        )
        if said and not said.startswith("/") and len(said) <= 200:
            result = get_search(catalogue()).search(said, prefer_audience=conversation_audience(tracker), limit=3)
            if result.items:
                send_cards(dispatcher, result.items, text=text("actions.fallback.services"))
                dispatcher.utter_message(text=text("actions.fallback.or_choose"), buttons=buttons)
                return [UserUtteranceReverted()]
        dispatcher.utter_message(text=text("actions.fallback.choose"), buttons=buttons)
        return [UserUtteranceReverted()]


# What a likely intent offers when the bot is unsure: the flow it starts (titles in
# messages/fi/actions.yaml under actions.fallback.choices)
FALLBACK_CHOICES = {
    "jobseeker_start": "/jobseeker_start",
    "lost_job": "/jobseeker_start",
    "career_change": "/jobseeker_start",
    "competence_mapping": "/jobseeker_start",
    "work_ability": "/jobseeker_start",
    "laid_off": "/laid_off",
    "register_jobseeker": "/register_jobseeker",
    "unemployment_benefit": "/unemployment_benefit",
    "education_goal": "/education_goal",
    "start_business": "/start_business",
    "employer_hiring": "/employer_hiring",
    "employer_keep_employee": "/employer_keep_employee",
    "service_info": "/choose_service_lookup",
    "service_search": "/choose_service_lookup",
    "human_handover": "/human_handover",
}
# Offered when the likely intents offer fewer: the three ways in of the greeting
DEFAULT_CHOICES = ("/jobseeker_start", "/employer_hiring", "/choose_service_lookup")
MAX_FALLBACK_CHOICES = 3


def fallback_buttons(ranked_intents: list[str]) -> list[dict[str, str]]:
    """Up to three choices: the flows of the most likely intents first, then the greeting's."""
    payloads: list[str] = []
    for payload in [FALLBACK_CHOICES[name] for name in ranked_intents if name in FALLBACK_CHOICES] + list(
        DEFAULT_CHOICES
    ):
        if payload not in payloads:
            payloads.append(payload)
    return [
        {"title": text(f"actions.fallback.choices.{payload.lstrip('/')}"), "payload": payload}
        for payload in payloads[:MAX_FALLBACK_CHOICES]
    ]
