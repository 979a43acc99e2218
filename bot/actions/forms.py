"""The interviews: what the first message already told, and validation of every answer.

All parsing of Finnish answers lives in understanding.interview; these classes
only decide which slot gets which value and what to say when an answer
does not fit. Every question can be skipped: the slot then holds "skipped".
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.common import HIRE_FACT_SLOTS, catalogue, entity_values, latest_intent, latest_text, page_municipality
from understanding import competence as competence_mapping
from understanding import interview
from understanding.finnish import fold
from understanding.interview import SKIPPED
from vocabulary import (
    EDUCATION_LEVELS,
    EMPLOYER_TYPES,
    FINNISH_LEVELS,
    GOALS,
    HEALTH_CATEGORIES,
    HIRE_GROUP_FACTS,
    HIRE_GROUPS,
    LIFE_AREAS,
    SITUATIONS,
    WORK_ABILITIES,
)

SKIP_INTENTS = {"dont_know"}
INTENT_SITUATION = {"lost_job": "unemployed", "laid_off": "laid_off"}
INTENT_GOAL = {"education_goal": "education", "start_business": "business", "career_change": "try_field"}
MAX_AGE = 80
MIN_AGE = 15


RATING_SLOTS = tuple(f"rating_{area}" for area in LIFE_AREAS)
# Answers to the competence questions are not kept as text: only what was understood of them.
GIVEN = "given"


def _chosen(text: str, payload_key: str, allowed: tuple[str, ...]) -> str | None:
    """A value already in canonical form (set from the first message) or picked with a button."""
    if text in allowed:
        return text
    chosen = interview.payload_entities(text).get(payload_key)
    return chosen if chosen in allowed else None


def _read_choice(
    slot_name: str,
    value: Any,
    tracker: Tracker,
    dispatcher: CollectingDispatcher,
    payload_key: str,
    allowed: tuple[str, ...],
    parse,
) -> tuple[str | None, dict[str, Any] | None]:
    """(the chosen value, None) or (None, the final slot answer: skipped or re-ask)."""
    text = str(value or "")
    chosen = _chosen(text, payload_key, allowed)
    if chosen:
        return chosen, None
    if _skipped(tracker, text):
        return None, {slot_name: SKIPPED}
    parsed = parse(text[:300])
    if parsed is None:
        dispatcher.utter_message(response="utter_invalid_choice")
        return None, {slot_name: None}
    return parsed, None


def _skipped(tracker: Tracker, value: Any) -> bool:
    return latest_intent(tracker) in SKIP_INTENTS or (isinstance(value, str) and interview.is_skip(value))


def _municipality_from(tracker: Tracker, text: str) -> str | None:
    snapshot = catalogue()
    for candidate in entity_values(tracker, "municipality"):
        found = snapshot.resolve_municipality(candidate)
        if found:
            return found.name_fi
    found = snapshot.resolve_municipality(text) if len(text) <= 60 else None
    if found is None:
        from understanding.municipalities import get_resolver

        found = get_resolver().find_in_text(text)
    return found.name_fi if found else None


def _age_from(tracker: Tracker, text: str) -> int | None:
    for candidate in entity_values(tracker, "age"):
        parsed = interview.age(candidate)
        if parsed is not None:
            return parsed
    return interview.age(text)


def jobseeker_facts(tracker: Tracker) -> dict[str, Any]:
    """Everything the latest message says about the jobseeker (used before the form starts)."""
    text = latest_text(tracker)
    intent = latest_intent(tracker)
    facts: dict[str, Any] = {}
    if text.startswith("/"):
        text = ""
    municipality = _municipality_from(tracker, text) if text else None
    if municipality:
        facts["municipality"] = municipality
    age = _age_from(tracker, text) if text else None
    if age is not None:
        facts["age"] = age
    situation = INTENT_SITUATION.get(intent or "") or (interview.situation(text) if text else None)
    if situation:
        facts["situation"] = situation
    if text and situation in ("unemployed", "laid_off"):
        duration_texts = entity_values(tracker, "duration") or [text]
        for candidate in duration_texts:
            months = interview.unemployed_months(candidate)
            if months is not None:
                facts["unemployed_months"] = months
                break
    if intent == "work_ability":
        facts["work_ability"] = "partial"
    goals = [INTENT_GOAL[intent]] if intent in INTENT_GOAL else []
    if text:
        goals += [g for g in interview.goals(text) if g not in goals and g != "job"]
    if goals:
        facts["goals"] = goals
    fields = interview.fields(" ".join([text, *entity_values(tracker, "field")])) if text else []
    if fields:
        facts["fields"] = fields
    found = competence_mapping.extract(text) if text else competence_mapping.Competence()
    if found.occupation_groups or found.skills:
        facts["competence"] = found.to_dict()
    return facts


def employer_facts(tracker: Tracker) -> dict[str, Any]:
    """Everything the latest message says about the employer and the hire."""
    text = latest_text(tracker)
    if not text or text.startswith("/"):
        return {}
    facts: dict[str, Any] = {}
    municipality = _municipality_from(tracker, text)
    if municipality:
        facts["municipality"] = municipality
    employer_type = interview.employer_type(text)
    if employer_type:
        facts["employer_type"] = employer_type
    group = interview.hire_group(text)
    if group:
        facts.update(_hire_group_slots(group))
    wage, hours = interview.job_terms(text)
    if wage is not None:
        facts["wage_eur"] = wage
        facts["job_terms"] = "given"
        if hours is not None:
            facts["hours_per_week"] = hours
    months = interview.job_months(text)
    if months is not None:
        facts["job_months"] = months
    education = competence_mapping.extract(text[:1000]).education  # "jolla on vain peruskoulu"
    if education is not None:
        facts["hire_education"] = education
    return facts


def employer_changes(tracker: Tracker) -> dict[str, Any]:
    """What "entä jos hän on yli 55?" or "paljonko saan, jos palkka on 2800?" changes in the employer's answers."""
    text = latest_text(tracker)
    if not text or text.startswith("/"):
        return {}
    text = text[:300]
    changes = employer_facts(tracker)
    changes.pop("job_terms", None)
    age = _age_from(tracker, text)
    if age is not None and MIN_AGE <= age <= MAX_AGE:
        # "yli 55" is older than 55
        changes["hire_age"] = age + 1 if re.search(rf"\byli\s+{age}\b", text) else age
    if re.search(r"tyot(o|t)|ilman toita", fold(text)):
        months = interview.unemployed_months(text)
        if months is not None:
            changes["hire_unemployed_months"] = months
    _, hours = interview.job_terms(text)
    if hours is not None:
        changes["hours_per_week"] = hours
    if changes.get("hire_group") == "over_55":
        # the age itself says it; keep an earlier group such as partial work ability
        changes.pop("hire_group")
    return changes


def _hire_group_slots(group: str) -> dict[str, Any]:
    """The hire group and what it tells of the hire, as the employer form's slots."""
    slots: dict[str, Any] = {"hire_group": group}
    for key, value in HIRE_GROUP_FACTS.get(group, {}).items():
        slots[HIRE_FACT_SLOTS[key]] = value
    return slots


class ActionPrefillJobseeker(Action):
    def name(self) -> str:
        return "action_prefill_jobseeker"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return [
            SlotSet(name, value) for name, value in jobseeker_facts(tracker).items() if tracker.get_slot(name) is None
        ]


class ActionPrefillEmployer(Action):
    def name(self) -> str:
        return "action_prefill_employer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        return [
            SlotSet(name, value) for name, value in employer_facts(tracker).items() if tracker.get_slot(name) is None
        ]


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

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
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
            tracker.slots_to_validate = lambda: dict(remaining)  # type: ignore[method-assign]
            tracker.slots.update(kept)
        events = await super().get_validation_events(dispatcher, tracker, domain)  # type: ignore[misc]
        return events + [SlotSet(name, value) for name, value in kept.items()]


class MunicipalityValidation:
    """Shared by both interviews: the municipality through the resolver."""

    def validate_municipality(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        text = str(value or "")
        if _skipped(tracker, text):
            default = page_municipality(tracker)
            if default:
                # the user names none: the municipality of the site the chat is embedded on
                dispatcher.utter_message(response="utter_using_page_municipality", municipality=default)
                return {"municipality": default}
            return {"municipality": SKIPPED}
        name = _municipality_from(tracker, text[:300])
        if name:
            return {"municipality": name}
        dispatcher.utter_message(response="utter_invalid_municipality", municipality_text=text[:40])
        return {"municipality": None}


class ValidateJobseekerForm(EarlierAnswersStay, MunicipalityValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_jobseeker_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
        slots = list(domain_slots)
        if tracker.get_slot("situation") not in ("unemployed", "laid_off", None):
            slots.remove("unemployed_months")
        if tracker.get_slot("work_ability") not in ("partial", None):
            slots.remove("health_category")
        if _competence(tracker).is_empty() and tracker.get_slot("skills") is not None:
            # nothing to read back once every competence question was skipped or empty
            slots.remove("competence_confirmed")
        return slots

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        if _skipped(tracker, value):
            return {"age": SKIPPED}
        if isinstance(value, (int, float)):
            parsed: int | None = int(value)
        else:
            parsed = _age_from(tracker, str(value)[:300])
        if parsed is None or not MIN_AGE <= parsed <= MAX_AGE:
            dispatcher.utter_message(response="utter_invalid_age")
            return {"age": None}
        return {"age": parsed}

    def validate_situation(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        chosen, answer = _read_choice(
            "situation", value, tracker, dispatcher, "situation", SITUATIONS, interview.situation
        )
        if answer is not None:
            return answer
        result: dict[str, Any] = {"situation": chosen}
        if chosen in ("unemployed", "laid_off") and tracker.get_slot("unemployed_months") is None:
            months = interview.unemployed_months(str(value)[:300])
            if months is not None:
                result["unemployed_months"] = months
        return result

    def validate_unemployed_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        if _skipped(tracker, value):
            return {"unemployed_months": SKIPPED}
        months = float(value) if isinstance(value, (int, float)) else interview.unemployed_months(str(value)[:300])
        age = tracker.get_slot("age")
        longest_possible = (age - MIN_AGE) * 12 if isinstance(age, (int, float)) else 600
        if months is None or months < 0 or months > longest_possible:
            dispatcher.utter_message(response="utter_invalid_duration")
            return {"unemployed_months": None}
        return {"unemployed_months": months}

    def validate_work_ability(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        chosen, answer = _read_choice(
            "work_ability", value, tracker, dispatcher, "work_ability_level", WORK_ABILITIES, interview.work_ability
        )
        return answer or {"work_ability": chosen}

    def validate_finnish_level(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        chosen, answer = _read_choice(
            "finnish_level", value, tracker, dispatcher, "finnish_level", FINNISH_LEVELS, interview.finnish_level
        )
        return answer or {"finnish_level": chosen}

    def validate_goals(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        if isinstance(value, list):
            return {"goals": value}
        text = str(value or "")
        chosen = _chosen(text, "goal", GOALS)
        if chosen:
            return {"goals": [chosen]}
        if _skipped(tracker, text):
            return {"goals": SKIPPED}
        parsed = interview.goals(text[:300])
        if not parsed:
            dispatcher.utter_message(response="utter_invalid_choice")
            return {"goals": None}
        result: dict[str, Any] = {"goals": parsed}
        fields = interview.fields(text[:300])
        if fields and not tracker.get_slot("fields"):
            result["fields"] = fields
        return result

    # -- health, only as a category -----------------------------------------------------
    def validate_health_category(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        text = str(value or "")
        chosen = _chosen(text, "health_category", HEALTH_CATEGORIES)
        if chosen:
            return {"health_category": chosen}
        # The chat gateway turns typed answers into a category before they reach Rasa; this
        # covers other channels. The words themselves are never put in a slot.
        return {"health_category": interview.health_category(text)}

    # -- competence mapping -------------------------------------------------------------
    def _add_competence(self, tracker: Tracker, text: str) -> dict[str, Any]:
        current = _competence(tracker)
        merged = competence_mapping.merge(current, competence_mapping.extract(text[:1000]))
        result: dict[str, Any] = {"competence": merged.to_dict()}
        fields = _profile_fields(merged, tracker.get_slot("fields"))
        if fields:
            result["fields"] = fields
        return result

    def validate_work_history(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        text = str(value or "")
        if _skipped(tracker, text):
            return {"work_history": SKIPPED}
        return {"work_history": GIVEN, **self._add_competence(tracker, text)}

    def validate_education(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        chosen = _education_answer(value, tracker, dispatcher)
        if chosen in (None, SKIPPED):
            return {"education": chosen}
        current = _competence(tracker)
        updated = competence_mapping.merge(current, competence_mapping.Competence(education=chosen))
        return {"education": chosen, "competence": updated.to_dict()}

    def validate_skills(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        text = str(value or "")
        if _skipped(tracker, text):
            return {"skills": SKIPPED}
        return {"skills": GIVEN, **self._add_competence(tracker, text)}

    def validate_competence_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        text = str(value or "")
        intent = latest_intent(tracker)
        current = _competence(tracker)
        if not text.startswith("/"):
            corrected = competence_mapping.apply_correction(current, text[:1000])
            if corrected != current:
                # a correction in the user's own words: read the profile back again
                return {
                    "competence": corrected.to_dict(),
                    "competence_correcting": False,
                    "competence_confirmed": None,
                    "fields": _profile_fields(corrected, None),
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
    def _validate_rating(self, slot_name: str, value: Any, tracker: Tracker, dispatcher: CollectingDispatcher):
        text = str(value or "")
        chosen = interview.payload_entities(text).get("rating")
        if chosen is None and re.search(
            r"\b(ohita|ohitan|skippaa|hyppaa yli)\b.*\b(kaikki|loput|loputkin)\b", fold(text)
        ):
            chosen = "skip_all"  # typed "ohita kaikki loput" = the button
        if chosen == "skip_all":
            return {name: SKIPPED for name in RATING_SLOTS if tracker.get_slot(name) is None or name == slot_name}
        if chosen == "skip" or (chosen is None and _skipped(tracker, text)):
            return {slot_name: SKIPPED}
        number = chosen if isinstance(chosen, int) else interview.rating(text)
        if not isinstance(number, int) or not 1 <= number <= 5:
            dispatcher.utter_message(text='Valitse numero 1–5 tai kirjoita "ohita".')
            return {slot_name: None}
        return {slot_name: number}

    def validate_rating_finances(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_finances", value, tracker, dispatcher)

    def validate_rating_social(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_social", value, tracker, dispatcher)

    def validate_rating_skills(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_skills", value, tracker, dispatcher)

    def validate_rating_wellbeing(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_wellbeing", value, tracker, dispatcher)

    def validate_rating_daily_life(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_daily_life", value, tracker, dispatcher)

    def validate_rating_employment(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_employment", value, tracker, dispatcher)

    def validate_rating_health(self, value, dispatcher, tracker, domain):
        return self._validate_rating("rating_health", value, tracker, dispatcher)


class ValidateEmployerForm(EarlierAnswersStay, MunicipalityValidation, FormValidationAction):
    def name(self) -> str:
        return "validate_employer_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain):
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
    ):
        return {"hire_education": _education_answer(value, tracker, dispatcher)}

    def validate_employer_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        chosen, answer = _read_choice(
            "employer_type", value, tracker, dispatcher, "employer_type", EMPLOYER_TYPES, interview.employer_type
        )
        return answer or {"employer_type": chosen}

    def validate_hire_group(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        chosen, answer = _read_choice(
            "hire_group", value, tracker, dispatcher, "hire_group", HIRE_GROUPS, interview.hire_group
        )
        return answer or _hire_group_slots(chosen)

    def validate_hire_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        if _skipped(tracker, value):
            return {"hire_age": SKIPPED}
        parsed = int(value) if isinstance(value, (int, float)) else interview.age(str(value)[:300])
        if parsed is None or not MIN_AGE <= parsed <= MAX_AGE:
            dispatcher.utter_message(response="utter_invalid_age")
            return {"hire_age": None}
        return {"hire_age": parsed}

    def validate_hire_unemployed_months(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        if _skipped(tracker, value):
            return {"hire_unemployed_months": SKIPPED}
        months = float(value) if isinstance(value, (int, float)) else interview.unemployed_months(str(value)[:300])
        if months is None or not 0 <= months <= 600:
            dispatcher.utter_message(response="utter_invalid_duration")
            return {"hire_unemployed_months": None}
        return {"hire_unemployed_months": months}

    def validate_job_terms(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        text = str(value or "")
        if text == "given":
            return {"job_terms": "given"}
        if _skipped(tracker, text) or interview.is_skip(text):
            return {"job_terms": SKIPPED}
        wage, hours = interview.job_terms(text[:300])
        if wage is None:
            dispatcher.utter_message(response="utter_invalid_job_terms")
            return {"job_terms": None}
        answer = {"job_terms": "given", "wage_eur": wage, "hours_per_week": hours}
        months = interview.job_months(text[:300])
        if months is not None:
            answer["job_months"] = months
        return answer


def _education_answer(value: Any, tracker: Tracker, dispatcher: CollectingDispatcher) -> str | None:
    """An education level from a button or in words ("vain peruskoulu"), SKIPPED, or None after
    asking again."""
    text = str(value or "")
    chosen = _chosen(text, "education_level", EDUCATION_LEVELS)
    if chosen is None and _skipped(tracker, text):
        return SKIPPED
    if chosen is None:
        chosen = competence_mapping.extract(text[:1000]).education
    if chosen is None:
        dispatcher.utter_message(response="utter_invalid_choice")
    return chosen


def _education_decides_the_youth_voucher(age: Any, unemployed_months: Any) -> bool:
    """Only for a hire under 30 who has been out of work 3–5 months does the youth employment
    voucher depend on education (3 months is enough with basic education only, else 6)."""
    if not isinstance(age, (int, float)) or not isinstance(unemployed_months, (int, float)):
        return False
    return age < 30 and 3 <= unemployed_months < 6


def _competence(tracker: Tracker) -> competence_mapping.Competence:
    return competence_mapping.Competence.from_dict(tracker.get_slot("competence"))


def _profile_fields(found: competence_mapping.Competence, earlier: Any) -> list[str]:
    """The fields the path uses: what the person enjoys first, then their experience."""
    fields = list(found.likes) + list(found.fields) + [f for f in (earlier or []) if isinstance(f, str)]
    return list(dict.fromkeys(fields))[:10]


class ValidateSummaryForm(FormValidationAction):
    def name(self) -> str:
        return "validate_summary_form"

    def validate_summary_include_profile(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ):
        intent = latest_intent(tracker)
        text = str(value or "")
        if intent == "affirm" or text == "/affirm":
            return {"summary_include_profile": True}
        if intent in ("deny", "dont_know") or text == "/deny" or _skipped(tracker, text):
            return {"summary_include_profile": False}
        dispatcher.utter_message(response="utter_invalid_choice")
        return {"summary_include_profile": None}
