"""The interviews: what the first message already told, and validation of every answer.

All reading of Finnish answers lives in understanding (facts.py and interview.py); these
classes only decide which slot gets which value and what to say when an answer
does not fit. Every question can be skipped: the slot then holds "skipped".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import (
    InConversationLanguage,
    catalogue,
    entity_values,
    known_municipality,
    latest_intent,
    latest_message,
    note_usage,
    page_municipality,
    usage_audience,
    usage_topic,
)
from insights.recording import answer_events
from messages import current_language, text
from recommendation.employer import education_decides_youth_voucher
from understanding import competence as competence_mapping
from understanding import facts, interview
from understanding.interview import SKIPPED
from vocabulary import (
    EDUCATION_LEVELS,
    EMPLOYER_TYPES,
    FINNISH_LEVELS,
    GOALS,
    HEALTH_CATEGORIES,
    HIRE_GROUPS,
    LIFE_AREAS,
    SITUATIONS,
    WORK_ABILITIES,
)

RATING_SLOTS = tuple(f"rating_{area}" for area in LIFE_AREAS)
# Answers to the competence questions are not kept as text: only what was understood of them.
GIVEN = "given"


def _skipped(tracker: Tracker, value: Any) -> bool:
    return facts.skipped(latest_intent(tracker), value)


def _read_choice(
    value: Any,
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    payload_key: str,
    allowed: tuple[str, ...],
    parse: Callable[[str], str | None],
) -> str | None:
    """The chosen value, SKIPPED, or None after asking again."""
    answer = facts.read_choice(str(value or ""), latest_intent(tracker), payload_key, allowed, parse)
    if answer is None:
        dispatcher.utter_message(response="utter_invalid_choice")
    return answer


def _number_answer(
    slot: str,
    value: Any,
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    parse: Callable[[], float | None],
    invalid_response: str,
) -> dict[str, Any]:
    """A number read from the answer, SKIPPED, or None after saying why the answer did not fit."""
    if _skipped(tracker, value):
        return {slot: SKIPPED}
    parsed = parse()
    if parsed is None:
        dispatcher.utter_message(response=invalid_response)
    return {slot: parsed}


async def _note_request(tracker: Tracker, default: str, told: dict[str, Any]) -> None:
    """The interview's topic for the area's figures: the intent that started it, in the place the
    first message named (`told`, the facts it stated), else the one known before."""
    topic = usage_topic(tracker, default=default)
    snapshot = catalogue()
    named = snapshot.resolve_municipality(told["municipality"]) if told.get("municipality") else None
    event = answer_events(
        snapshot,
        [],
        named or known_municipality(tracker),
        current_language(),
        audience=usage_audience(tracker, topic),
        topic=topic,
    )
    await note_usage(event)


class ActionPrefillJobseeker(InConversationLanguage, Action):
    """What the first message already told of the jobseeker, before the interview asks."""

    def name(self) -> str:
        return "action_prefill_jobseeker"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        told = facts.jobseeker_facts(latest_message(tracker), catalogue())
        await _note_request(tracker, "jobseeker_start", told)
        return [SlotSet(name, value) for name, value in told.items() if tracker.get_slot(name) is None]


class ActionPrefillEmployer(InConversationLanguage, Action):
    """What the first message already told of the employer and the hire."""

    def name(self) -> str:
        return "action_prefill_employer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict[str, Any]]:
        told = facts.employer_facts(latest_message(tracker), catalogue())
        await _note_request(tracker, "employer_hiring", told)
        return [SlotSet(name, value) for name, value in told.items() if tracker.get_slot(name) is None]


def _slots_before_latest_message(tracker: Tracker) -> dict[str, Any]:
    """Slot values as they were before the user's latest message."""
    events = tracker.events or []
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    values: dict[str, Any] = {}
    for event in events[:last_user]:
        kind = event.get("event")
        if kind == "slot":
            values[event.get("name")] = event.get("value")
        elif kind in ("restart", "reset_slots", "session_started"):
            values.clear()
    return values


class EarlierAnswersStay:
    """An answer to one question does not overwrite another, already answered one: the NLU may
    find a place or an age in "olin rakennuksilla kirvesmiehenä 20 vuotta", but only the question
    asked (or "itse asiassa …", change_answer) changes an answer."""

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        requested = tracker.get_slot("requested_slot")
        before = _slots_before_latest_message(tracker)
        candidates = tracker.slots_to_validate()
        kept = {
            name: before[name]
            for name, value in candidates.items()
            if name != requested and before.get(name) is not None and value != before[name]
        }
        if kept:
            remaining = {name: value for name, value in candidates.items() if name not in kept}
            tracker.slots_to_validate = lambda: dict(remaining)
            tracker.slots.update(kept)
        events: list[dict[str, Any]] = await super().get_validation_events(dispatcher, tracker, domain)  # type: ignore[misc]
        return events + [SlotSet(name, value) for name, value in kept.items()]


class MunicipalityValidation:
    """Shared by both interviews: the municipality through the resolver."""

    def validate_municipality(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        if _skipped(tracker, text):
            default = page_municipality(tracker)
            if default:
                # the user names none: the municipality of the site the chat is embedded on
                dispatcher.utter_message(response="utter_using_page_municipality", municipality=default)
                return {"municipality": default}
            return {"municipality": SKIPPED}
        name = facts.municipality_from(text[: facts.ANSWER_CHARS], entity_values(tracker, "municipality"), catalogue())
        if name:
            return {"municipality": name}
        dispatcher.utter_message(response="utter_invalid_municipality", municipality_text=text[:40])
        return {"municipality": None}


class ValidateJobseekerForm(InConversationLanguage, EarlierAnswersStay, MunicipalityValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_jobseeker_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        slots = list(domain_slots)
        if tracker.get_slot("situation") not in ("unemployed", "laid_off", None):
            slots.remove("unemployed_months")
        if tracker.get_slot("work_ability") not in ("partial", None):
            slots.remove("health_category")
        if _competence(tracker).is_empty() and tracker.get_slot("skills") is not None:
            # nothing to read back once every competence question was skipped or empty
            slots.remove("competence_confirmed")
        return slots

    def validate_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        ages = entity_values(tracker, "age")
        return _number_answer(
            "age", value, tracker, dispatcher, lambda: facts.age_answer(value, ages), "utter_invalid_age"
        )

    def validate_situation(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = _read_choice(value, tracker, dispatcher, "situation", SITUATIONS, interview.situation)
        result: dict[str, Any] = {"situation": chosen}
        if chosen in ("unemployed", "laid_off") and tracker.get_slot("unemployed_months") is None:
            months = interview.unemployed_months(str(value)[: facts.ANSWER_CHARS])
            if months is not None:
                result["unemployed_months"] = months
        return result

    def validate_unemployed_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        longest = facts.longest_unemployment(tracker.get_slot("age"))
        return _number_answer(
            "unemployed_months",
            value,
            tracker,
            dispatcher,
            lambda: facts.months_answer(value, longest=longest),
            "utter_invalid_duration",
        )

    def validate_work_ability(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = _read_choice(value, tracker, dispatcher, "work_ability_level", WORK_ABILITIES, interview.work_ability)
        return {"work_ability": chosen}

    def validate_finnish_level(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = _read_choice(value, tracker, dispatcher, "finnish_level", FINNISH_LEVELS, interview.finnish_level)
        return {"finnish_level": chosen}

    def validate_goals(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, list):
            return {"goals": value}
        text = str(value or "")
        chosen = facts.chosen(text, "goal", GOALS)
        if chosen:
            return {"goals": [chosen]}
        if _skipped(tracker, text):
            return {"goals": SKIPPED}
        parsed = interview.goals(text[: facts.ANSWER_CHARS])
        if not parsed:
            dispatcher.utter_message(response="utter_invalid_choice")
            return {"goals": None}
        result: dict[str, Any] = {"goals": parsed}
        fields = interview.fields(text[: facts.ANSWER_CHARS])
        if fields and not tracker.get_slot("fields"):
            result["fields"] = fields
        return result

    # -- health, only as a category -----------------------------------------------------
    def validate_health_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        chosen = facts.chosen(text, "health_category", HEALTH_CATEGORIES)
        if chosen:
            return {"health_category": chosen}
        # The chat gateway turns typed answers into a category before they reach Rasa; this
        # covers other channels. The words themselves are never put in a slot.
        return {"health_category": interview.health_category(text)}

    # -- competence mapping -------------------------------------------------------------
    def _add_competence(self, tracker: Tracker, text: str) -> dict[str, Any]:
        current = _competence(tracker)
        merged = competence_mapping.merge(current, competence_mapping.extract(text[: facts.DESCRIPTION_CHARS]))
        result: dict[str, Any] = {"competence": merged.to_dict()}
        fields = facts.profile_fields(merged, tracker.get_slot("fields"))
        if fields:
            result["fields"] = fields
        return result

    def _competence_answer(self, slot: str, value: Any, tracker: Tracker) -> dict[str, Any]:
        """A competence answer is kept only as what was understood of it (the slot says GIVEN)."""
        text = str(value or "")
        if _skipped(tracker, text):
            return {slot: SKIPPED}
        return {slot: GIVEN, **self._add_competence(tracker, text)}

    def validate_work_history(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._competence_answer("work_history", value, tracker)

    def validate_education(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = _education_answer(value, tracker, dispatcher)
        if chosen in (None, SKIPPED):
            return {"education": chosen}
        current = _competence(tracker)
        updated = competence_mapping.merge(current, competence_mapping.Competence(education=chosen))
        return {"education": chosen, "competence": updated.to_dict()}

    def validate_skills(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._competence_answer("skills", value, tracker)

    def validate_competence_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        intent = latest_intent(tracker)
        current = _competence(tracker)
        if not text.startswith("/"):
            corrected = competence_mapping.apply_correction(current, text[: facts.DESCRIPTION_CHARS])
            if corrected != current:
                # a correction in the user's own words: read the profile back again
                return {
                    "competence": corrected.to_dict(),
                    "competence_correcting": False,
                    "competence_confirmed": None,
                    "fields": facts.profile_fields(corrected, None),
                    **({"education": corrected.education} if corrected.education else {}),
                }
        if intent == "affirm" or text == "/affirm" or _skipped(tracker, text):
            return {"competence_confirmed": True, "competence_correcting": False}
        if intent == "deny" or text == "/deny" or tracker.get_slot("competence_correcting"):
            dispatcher.utter_message(response="utter_competence_correct_how")
            return {"competence_confirmed": None, "competence_correcting": True}
        dispatcher.utter_message(response="utter_invalid_choice")
        return {"competence_confirmed": None}

    # -- Kompassi-style self-rating -----------------------------------------------------
    def _validate_rating(
        self, slot_name: str, value: Any, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> dict[str, Any]:
        answer = str(value or "")
        chosen = facts.rating_choice(answer)
        if chosen == "skip_all":
            return {name: SKIPPED for name in RATING_SLOTS if tracker.get_slot(name) is None or name == slot_name}
        if chosen == "skip" or (chosen is None and _skipped(tracker, answer)):
            return {slot_name: SKIPPED}
        number = chosen if isinstance(chosen, int) else interview.rating(answer)
        if not isinstance(number, int) or not 1 <= number <= 5:
            dispatcher.utter_message(text=text("actions.forms.rating_invalid"))
            return {slot_name: None}
        return {slot_name: number}


def _rating_validator(slot_name: str) -> Callable[..., dict[str, Any]]:
    def validate(
        self: ValidateJobseekerForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return self._validate_rating(slot_name, value, tracker, dispatcher)

    validate.__name__ = f"validate_{slot_name}"
    return validate


# validate_rating_finances, validate_rating_social, ...: one validator a life area (rasa_sdk finds
# a slot's validator by its name)
for _slot in RATING_SLOTS:
    setattr(ValidateJobseekerForm, f"validate_{_slot}", _rating_validator(_slot))


class ValidateEmployerForm(InConversationLanguage, EarlierAnswersStay, MunicipalityValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_employer_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        slots = list(domain_slots)
        if tracker.get_slot("hire_group") not in ("under_30", "over_55", None):
            slots.remove("hire_age")
        if not _education_decides_the_youth_voucher(
            tracker.get_slot("hire_age"), tracker.get_slot("hire_unemployed_months")
        ):
            slots.remove("hire_education")
        return slots

    def validate_hire_education(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"hire_education": _education_answer(value, tracker, dispatcher)}

    def validate_employer_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = _read_choice(value, tracker, dispatcher, "employer_type", EMPLOYER_TYPES, interview.employer_type)
        return {"employer_type": chosen}

    def validate_hire_group(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        chosen = _read_choice(value, tracker, dispatcher, "hire_group", HIRE_GROUPS, interview.hire_group)
        if chosen in (None, SKIPPED):
            return {"hire_group": chosen}
        return facts.hire_group_slots(chosen)

    def validate_hire_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return _number_answer(
            "hire_age", value, tracker, dispatcher, lambda: facts.age_answer(value), "utter_invalid_age"
        )

    def validate_hire_unemployed_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return _number_answer(
            "hire_unemployed_months",
            value,
            tracker,
            dispatcher,
            lambda: facts.months_answer(value),
            "utter_invalid_duration",
        )

    def validate_job_terms(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        if text == "given":
            return {"job_terms": "given"}
        if _skipped(tracker, text):
            return {"job_terms": SKIPPED}
        answer = facts.job_terms_answer(text)
        if answer is None:
            dispatcher.utter_message(response="utter_invalid_job_terms")
            return {"job_terms": None}
        return answer


def _education_answer(value: Any, tracker: Tracker, dispatcher: CollectingDispatcher) -> str | None:
    """An education level from a button or in words ("vain peruskoulu"), SKIPPED, or None after
    asking again."""
    chosen = facts.education_answer(str(value or ""), EDUCATION_LEVELS, latest_intent(tracker))
    if chosen is None:
        dispatcher.utter_message(response="utter_invalid_choice")
    return chosen


def _education_decides_the_youth_voucher(age: Any, unemployed_months: Any) -> bool:
    """Whether the youth employment voucher depends on the hire's education (the voucher's own
    conditions in the catalogue: fewer months are enough with basic education only)."""
    return education_decides_youth_voucher(catalogue(), age, unemployed_months)


def _competence(tracker: Tracker) -> competence_mapping.Competence:
    return competence_mapping.Competence.from_dict(tracker.get_slot("competence"))


class ValidateSummaryForm(InConversationLanguage, FormValidationAction):
    def name(self) -> str:
        return "validate_summary_form"

    def validate_summary_include_profile(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        intent = latest_intent(tracker)
        text = str(value or "")
        if intent == "affirm" or text == "/affirm":
            return {"summary_include_profile": True}
        if intent in ("deny", "dont_know") or text == "/deny" or _skipped(tracker, text):
            return {"summary_include_profile": False}
        dispatcher.utter_message(response="utter_invalid_choice")
        return {"summary_include_profile": None}
