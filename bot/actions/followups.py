"""The interview's sensitive and read-back questions, and what follows a path:
"miksi?", "jotain muuta", a changed answer, feedback and the summary to take along.

Thin: the catalogue package builds every text and number; these only pick what to say.
"""

from __future__ import annotations

import contextlib
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import (
    InConversationLanguage,
    catalogue,
    entity_values,
    jobseeker_profile,
    known_municipality,
    latest_message,
    latest_text,
    note_usage,
    send_cards,
)
from bot.actions.forms import ValidateJobseekerForm
from bot.actions.recommend import employer_package, jobseeker_path, path_memory, present_package, present_path
from catalogue.db import get_engine
from conversations.feedback import save_feedback
from conversations.retention import retention_days
from conversations.summaries import build_summary, save_summary
from insights.events import Event
from insights.recording import area_id
from messages import current_language, euros, months_text, text, text_or
from understanding import competence as competence_mapping
from understanding import facts, interview
from understanding.finnish import fold
from vocabulary import HEALTH_CATEGORIES, label


def start_buttons() -> list[dict[str, str]]:
    """The button that starts the jobseeker's interview."""
    return [{"title": text("actions.start_button"), "payload": "/jobseeker_start"}]


def _engine():
    return get_engine()


class ActionAskWorkAbility(InConversationLanguage, Action):
    """The health question, with what is kept of the answer and for how long."""

    def name(self) -> str:
        return "action_ask_work_ability"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text=text("actions.health.ask_work_ability", days=retention_days()),
            buttons=[
                {
                    "title": text("actions.health.work_ability_buttons.full"),
                    "payload": '/inform{"work_ability_level": "full"}',
                },
                {
                    "title": text("actions.health.work_ability_buttons.partial"),
                    "payload": '/inform{"work_ability_level": "partial"}',
                },
                {
                    "title": text("actions.health.work_ability_buttons.unknown"),
                    "payload": '/inform{"work_ability_level": "unknown"}',
                },
            ],
        )
        return []


class ActionAskHealthCategory(InConversationLanguage, Action):
    """Asks only for a category. The gateway turns a typed answer into a category before it is stored."""

    def name(self) -> str:
        return "action_ask_health_category"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        options = [category for category in HEALTH_CATEGORIES if category != "undisclosed"]
        buttons = [
            {"title": label("health_category", key).capitalize(), "payload": f'/inform{{"health_category": "{key}"}}'}
            for key in options
        ]
        buttons.append(
            {
                "title": text("actions.health.category_undisclosed"),
                "payload": '/inform{"health_category": "undisclosed"}',
            }
        )
        dispatcher.utter_message(
            text=text("actions.health.ask_category", days=retention_days()),
            buttons=buttons,
            # tells the chat gateway to keep only a category of the next answer
            json_message={"expects": "health"},
        )
        return []


class ActionAskCompetenceConfirmed(InConversationLanguage, Action):
    def name(self) -> str:
        return "action_ask_competence_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        found = competence_mapping.Competence.from_dict(tracker.get_slot("competence"))
        dispatcher.utter_message(
            text=text("actions.competence.ask_confirmed", profile=competence_mapping.describe(found)),
            buttons=[
                {"title": text("actions.competence.confirm"), "payload": "/affirm"},
                {"title": text("actions.competence.correct"), "payload": "/deny"},
            ],
        )
        return []


class ActionAskWhy(InConversationLanguage, Action):
    """ "miksi?": in the interview, why this question; after a path, what led to each step."""

    def name(self) -> str:
        return "action_ask_why"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        requested = tracker.get_slot("requested_slot")
        if tracker.active_loop.get("name") == "jobseeker_form" and requested:
            dispatcher.utter_message(text=text("actions.why.continue", reason=_question_reason(str(requested))))
            return []
        memory = tracker.get_slot("last_path") or {}
        steps = memory.get("steps") or []
        if not steps:
            dispatcher.utter_message(text=text("actions.why.no_path_yet"), buttons=start_buttons())
            return []
        chosen = _step_asked_about(tracker, steps)
        chosen_steps = [chosen] if chosen else steps
        lines = []
        for step in chosen_steps:
            number = steps.index(step) + 1
            factors = ", ".join(step.get("factors") or []) or text("actions.why.whole_situation")
            lines.append(text("actions.why.step", number=number, title=step["title"], factors=factors, why=step["why"]))
        intro = text("actions.why.intro_one") if chosen else text("actions.why.intro_all")
        dispatcher.utter_message(text="\n\n".join([intro, *lines, text("actions.why.correct_hint")]))
        return []


def _question_reason(requested: str) -> str:
    """Why the interview asks the question it is on."""
    if requested.startswith("rating_"):
        return text("actions.why.questions.rating")
    return text_or(f"actions.why.questions.{requested}", text("actions.why.questions.other"))


def _step_asked_about(tracker: Tracker, steps: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The step the user named: by a service entity, a number ("miksi 2?") or words of its title."""
    services = set(entity_values(tracker, "service"))
    for step in steps:
        if services & set(step.get("service_ids") or []):
            return step
    said = latest_text(tracker)
    if said.startswith("/"):
        return None
    number = interview.rating(said) if any(c.isdigit() for c in said) else None
    if number and number <= len(steps):
        return steps[number - 1]
    folded = fold(said)
    snapshot = catalogue()
    for step in steps:
        for service_id in step.get("service_ids") or []:
            service = snapshot.service(service_id)
            # the first word of a service's title, e.g. "työkokeilu" in "miksi työkokeilua?"
            stem = fold(service.title.split()[0])[:7] if service else ""
            if len(stem) >= 5 and stem in folded:
                return step
    return None


def no_alternatives_text(contact: dict) -> str:
    """What to say when every fitting service was already shown: whom to ask next."""
    reach = ", ".join(
        part
        for part in (
            contact.get("name"),
            text("actions.contact.phone", phone=contact["phone"]) if contact.get("phone") else None,
            contact.get("url"),
        )
        if part
    )
    if reach:
        return text("actions.alternatives.none_left_ask", contact=reach)
    return text("actions.alternatives.none_left")


class ActionShowAlternatives(InConversationLanguage, Action):
    """ "jotain muuta": the next best services for the same steps, leaving out what was shown."""

    def name(self) -> str:
        return "action_show_alternatives"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        memory = tracker.get_slot("last_path") or {}
        if not memory.get("steps"):
            dispatcher.utter_message(text=text("actions.alternatives.no_path_yet"), buttons=start_buttons())
            return []
        shown = list(memory.get("shown") or [])
        path = jobseeker_path(tracker, exclude=frozenset(shown))
        new_services = [card for step in path["steps"] for card in step["services"]]
        if not new_services:
            dispatcher.utter_message(text=no_alternatives_text(path.get("contact") or {}))
            return []
        snapshot = catalogue()
        dispatcher.utter_message(text=text("actions.alternatives.intro"))
        for step in path["steps"]:
            services = [s for card in step["services"] if (s := snapshot.service(card["id"])) is not None]
            send_cards(dispatcher, services, text=text("actions.alternatives.step", title=step["title"]))
        return [SlotSet("last_path", path_memory(path, shown_before=shown))]


# The interview's questions answered in one's own words (work history, skills)
OWN_WORDS_ANSWERS = ("work_history", "skills")
# What such an answer tells besides (a correction of the place or age is still a correction)
COMPETENCE_FACTS = {"fields", "competence"}


class ActionChangeAnswer(InConversationLanguage, Action):
    """ "itse asiassa asun Nokialla": change the answer and recompute the path if one was given."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if tracker.active_loop.get("name") == "employer_form" or (
            tracker.get_slot("last_package") and not tracker.active_loop.get("name")
        ):
            return self.what_if_for_employer(dispatcher, tracker)
        told = facts.jobseeker_facts(latest_message(tracker), catalogue())
        found = told.pop("competence", None)
        changes = {name: value for name, value in told.items() if tracker.get_slot(name) != value}
        if found:
            # "itse asiassa olin varastolla trukkikuskina": added to the competence profile
            current = competence_mapping.Competence.from_dict(tracker.get_slot("competence"))
            merged = competence_mapping.merge(current, competence_mapping.Competence.from_dict(found)).to_dict()
            if merged != current.to_dict():
                changes["competence"] = merged
        requested = tracker.get_slot("requested_slot")
        if (
            tracker.active_loop.get("name") == "jobseeker_form"
            and requested in OWN_WORDS_ANSWERS
            and set(changes) <= COMPETENCE_FACTS
        ):
            # "jag jobbade tre år i en butik" read as a correction while the form asks for the work
            # history: it is the answer, as the form's validator takes it
            answer = getattr(ValidateJobseekerForm(), f"validate_{requested}")
            taken = answer(latest_text(tracker), dispatcher, tracker, domain)
            return [SlotSet(name, value) for name, value in taken.items()]
        if not changes:
            dispatcher.utter_message(text=text("actions.change.not_understood"))
            return []
        changed = ", ".join(_answer_name(name) for name in changes)
        events: list[Any] = [SlotSet(name, value) for name, value in changes.items()]
        if tracker.active_loop.get("name"):
            dispatcher.utter_message(text=text("actions.change.corrected_continue", changed=changed))
            return events
        dispatcher.utter_message(text=text("actions.change.corrected", changed=changed))
        if tracker.get_slot("last_path"):
            # the path again, from the corrected answers
            events += present_path(dispatcher, jobseeker_path(tracker, changes=changes))
        return events

    @staticmethod
    def what_if_for_employer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[Any]:
        told = facts.employer_changes(latest_message(tracker), catalogue())
        changes = {name: value for name, value in told.items() if tracker.get_slot(name) != value}
        if not changes:
            dispatcher.utter_message(text=text("actions.change.employer_not_understood"))
            return []
        described = ", ".join(_describe_change(name, value) for name, value in changes.items())
        events: list[Any] = [SlotSet(name, value) for name, value in changes.items()]
        if changes.get("wage_eur") is not None:
            events.append(SlotSet("job_terms", "given"))
        if tracker.active_loop.get("name"):
            dispatcher.utter_message(text=text("actions.change.employer_continue", changes=described))
            return events
        package = employer_package(tracker, changes)
        return events + present_package(
            dispatcher, package, intro=text("actions.change.employer_recomputed", changes=described)
        )


def _answer_name(name: str) -> str:
    """The jobseeker's answer as it is named in "Selvä, korjasin: kunta, ikä"."""
    return text_or(f"actions.change.answers.{name}", name)


def _describe_change(name: str, value: Any) -> str:
    """One changed answer of the employer, as it is said in "Laskin uudelleen (...)"."""
    if name == "hire_age":
        return text("actions.change.employer.hire_age", age=value)
    if name == "wage_eur":
        return text("actions.change.employer.wage_eur", amount=euros(value))
    if name == "hours_per_week":
        return text("actions.change.employer.hours_per_week", hours=f"{value:g}")
    if name == "job_months":
        return text("actions.change.employer.job_months", months=value)
    if name == "hire_unemployed_months":
        return text("actions.change.employer.hire_unemployed_months", duration=months_text(value))
    if name == "municipality":
        return text("actions.change.employer.municipality", municipality=value)
    if name == "hire_education":
        if value == "basic":
            return text("actions.change.employer.basic_education_only")
        return text("actions.change.employer.degree")
    # employer_type, hire_group, hire_work_ability, apprenticeship: named without their value
    return text_or(f"actions.change.employer.{name}", name)


class ActionStoreFeedback(InConversationLanguage, Action):
    """Feedback 1–5, stored without the conversation: only the rating and the path's service ids."""

    def name(self) -> str:
        return "action_store_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        values = entity_values(tracker, "rating")
        rating = interview.rating(values[0]) if values else interview.rating(latest_text(tracker))
        if rating is not None:
            memory = tracker.get_slot("last_path") or {}
            package = tracker.get_slot("last_package") or {}
            if package.get("supports") and not memory.get("steps"):
                kind, service_ids = "employer", list(package["supports"])
            else:
                kind = "jobseeker"
                service_ids = [sid for step in memory.get("steps") or [] for sid in step.get("service_ids") or []]
            with contextlib.suppress(ValueError):
                save_feedback(_engine(), rating, kind, service_ids[:20])
            municipality = known_municipality(tracker)
            await note_usage(
                [
                    Event(
                        kind="feedback",
                        rating=rating,
                        audience=kind,
                        lang=current_language(),
                        area_id=area_id(catalogue(), municipality),
                    )
                ]
            )
        dispatcher.utter_message(response="utter_feedback_thanks")
        return []


class ActionMakeSummary(InConversationLanguage, Action):
    """The summary page to take to the coach; the gateway turns the token into a link."""

    def name(self) -> str:
        return "action_make_summary"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        if not tracker.get_slot("last_path"):
            dispatcher.utter_message(text=text("actions.summary.path_first"), buttons=start_buttons())
            return [SlotSet("summary_include_profile", None)]
        include = tracker.get_slot("summary_include_profile") is True
        profile = jobseeker_profile(tracker)
        path = jobseeker_path(tracker)
        data = build_summary(
            catalogue(), path, profile=profile, competence=tracker.get_slot("competence"), include_profile=include
        )
        token = save_summary(_engine(), tracker.sender_id, data)
        dispatcher.utter_message(
            text=text("actions.summary.ready", days=retention_days()),
            json_message={"summary_token": token},
        )
        return [SlotSet("summary_include_profile", None)]
