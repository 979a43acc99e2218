"""Facts read out of one chat message: what a jobseeker or an employer told in their own words.

Nothing here knows Rasa. A caller hands over the message as a :class:`Message` (its text,
intent, entities and metadata) and, where a place name must be recognised, something that
resolves municipality names (the catalogue snapshot). The results are keyed by the names of
the interview's answers ("municipality", "age", "hire_group", ...), so the chat's forms can
take them over as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from understanding import competence as competence_mapping
from understanding import interview
from understanding.finnish import fold
from understanding.interview import SKIPPED
from understanding.municipalities import Municipality, get_resolver
from vocabulary import HIRE_GROUP_FACTS

# Intents of the NLU that answer a question by themselves
SKIP_INTENTS = frozenset({"dont_know"})
INTENT_SITUATION = {"lost_job": "unemployed", "laid_off": "laid_off"}
INTENT_GOAL = {"education_goal": "education", "start_business": "business", "career_change": "try_field"}
# An intent alone becomes a fact (a situation, a goal) only when the NLU is this sure of it; a less
# certain guess is asked about instead, unless the words themselves say the same.
CONFIDENT_INTENT = 0.8
MAX_AGE = 80
MIN_AGE = 15
# The answer of each `hire` key of the employer profile that a hire group can tell
HIRE_FACT_SLOTS = {"work_ability": "hire_work_ability", "apprenticeship": "apprenticeship"}
# How much of a message the parsers read: a short answer, or a longer description of work and skills
ANSWER_CHARS = 300
DESCRIPTION_CHARS = 1000

SKIP_ALL_RE = re.compile(r"\b(ohita|ohitan|skippaa|hyppaa yli)\b.*\b(kaikki|loput|loputkin)\b")
OUT_OF_WORK_RE = re.compile(r"tyot(o|t)|ilman toita")


class MunicipalityNames(Protocol):
    """Resolves a municipality's name, postal code or code (the catalogue snapshot does)."""

    def resolve_municipality(self, text: str | None) -> Municipality | None: ...


@dataclass(frozen=True)
class Message:
    """The user's latest message as the NLU understood it."""

    text: str = ""
    intent: str | None = None
    entities: Mapping[str, Sequence[str]] = field(default_factory=dict)
    metadata: Mapping[str, Any] = field(default_factory=dict)
    confidence: float = 1.0  # the NLU's confidence in `intent`

    @property
    def sure_intent(self) -> str | None:
        """The intent, when the NLU is sure enough of it to take it as the user's own words."""
        return self.intent if self.confidence >= CONFIDENT_INTENT else None

    def entity_values(self, name: str) -> list[str]:
        return [str(value) for value in self.entities.get(name) or ()]

    @property
    def is_payload(self) -> bool:
        """A button's payload ("/inform{...}"), not words."""
        return self.text.startswith("/")

    @property
    def words(self) -> str:
        """The text as typed, or '' for a button's payload."""
        return "" if self.is_payload else self.text


def skipped(intent: str | None, value: Any) -> bool:
    """'ohita', 'en tiedä' or the dont_know intent: the question is left unanswered."""
    return intent in SKIP_INTENTS or (isinstance(value, str) and interview.is_skip(value))


def chosen(text: str, payload_key: str, allowed: tuple[str, ...]) -> str | None:
    """A value already in canonical form (set from the first message) or picked with a button."""
    if text in allowed:
        return text
    picked = interview.payload_entities(text).get(payload_key)
    return picked if picked in allowed else None


def read_choice(
    text: str,
    intent: str | None,
    payload_key: str,
    allowed: tuple[str, ...],
    parse: Callable[[str], str | None],
) -> str | None:
    """The answer to a multiple-choice question: the chosen value, SKIPPED, or None when it was
    not understood."""
    picked = chosen(text, payload_key, allowed)
    if picked:
        return picked
    if skipped(intent, text):
        return SKIPPED
    return parse(text[:ANSWER_CHARS])


def municipality_from(text: str, named: Sequence[str], places: MunicipalityNames) -> str | None:
    """The municipality the NLU found (`named`), the whole short answer, or a place in a longer text."""
    for candidate in named:
        found = places.resolve_municipality(candidate)
        if found:
            return found.name_fi
    found = places.resolve_municipality(text) if len(text) <= 60 else None
    if found is None:
        found = get_resolver().find_in_text(text)
    return found.name_fi if found else None


def age_from(text: str, named: Sequence[str] = ()) -> int | None:
    """An age the NLU found (`named`), else one read from the text."""
    for candidate in named:
        parsed = interview.age(candidate)
        if parsed is not None:
            return parsed
    return interview.age(text)


def hire_group_slots(group: str) -> dict[str, Any]:
    """The hire group and what it tells of the hire, as the employer interview's answers."""
    slots: dict[str, Any] = {"hire_group": group}
    for key, value in HIRE_GROUP_FACTS.get(group, {}).items():
        slots[HIRE_FACT_SLOTS[key]] = value
    return slots


def jobseeker_facts(message: Message, places: MunicipalityNames) -> dict[str, Any]:
    """Everything the message says about the jobseeker (used before the interview starts)."""
    text = message.words
    intent = message.sure_intent
    facts: dict[str, Any] = {}
    municipality = municipality_from(text, message.entity_values("municipality"), places) if text else None
    if municipality:
        facts["municipality"] = municipality
    age = age_from(text, message.entity_values("age")) if text else None
    if age is not None:
        facts["age"] = age
    situation = INTENT_SITUATION.get(intent or "") or (interview.situation(text) if text else None)
    if situation:
        facts["situation"] = situation
    if text and situation in ("unemployed", "laid_off"):
        for candidate in message.entity_values("duration") or [text]:
            months = interview.unemployed_months(candidate)
            if months is not None:
                facts["unemployed_months"] = months
                break
    if intent == "work_ability" or (message.intent == "work_ability" and interview.work_ability(text)):
        facts["work_ability"] = "partial"
    goals = [INTENT_GOAL[intent]] if intent in INTENT_GOAL else []
    if text:
        goals += [g for g in interview.goals(text) if g not in goals and g != "job"]
    if goals:
        facts["goals"] = goals
    fields = interview.fields(" ".join([text, *message.entity_values("field")])) if text else []
    if fields:
        facts["fields"] = fields
    found = competence_mapping.extract(text) if text else competence_mapping.Competence()
    if found.occupation_groups or found.skills:
        facts["competence"] = found.to_dict()
    return facts


def employer_facts(message: Message, places: MunicipalityNames) -> dict[str, Any]:
    """Everything the message says about the employer and the hire."""
    text = message.words
    if not text:
        return {}
    facts: dict[str, Any] = {}
    municipality = municipality_from(text, message.entity_values("municipality"), places)
    if municipality:
        facts["municipality"] = municipality
    employer_type = interview.employer_type(text)
    if employer_type:
        facts["employer_type"] = employer_type
    group = interview.hire_group(text)
    if group:
        facts.update(hire_group_slots(group))
    wage, hours = interview.job_terms(text)
    if wage is not None:
        facts["wage_eur"] = wage
        facts["job_terms"] = "given"
        if hours is not None:
            facts["hours_per_week"] = hours
    months = interview.job_months(text)
    if months is not None:
        facts["job_months"] = months
    education = competence_mapping.extract(text[:DESCRIPTION_CHARS]).education  # "jolla on vain peruskoulu"
    if education is not None:
        facts["hire_education"] = education
    return facts


def employer_changes(message: Message, places: MunicipalityNames) -> dict[str, Any]:
    """What "entä jos hän on yli 55?" or "paljonko saan, jos palkka on 2800?" changes in the employer's answers."""
    if not message.words:
        return {}
    text = message.text[:ANSWER_CHARS]
    changes = employer_facts(message, places)
    changes.pop("job_terms", None)
    age = age_from(text, message.entity_values("age"))
    if age is not None and MIN_AGE <= age <= MAX_AGE:
        # "yli 55" is older than 55
        changes["hire_age"] = age + 1 if re.search(rf"\byli\s+{age}\b", text) else age
    if OUT_OF_WORK_RE.search(fold(text)):
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


def age_answer(value: Any, named: Sequence[str] = ()) -> int | None:
    """An answer to "kuinka vanha?": a number, or an age read from the words; None outside 15–80."""
    parsed = int(value) if isinstance(value, (int, float)) else age_from(str(value)[:ANSWER_CHARS], named)
    return parsed if parsed is not None and MIN_AGE <= parsed <= MAX_AGE else None


def months_answer(value: Any, longest: float = 600) -> float | None:
    """An answer to "kuinka kauan?" in months; None when not understood or not 0–`longest`."""
    if isinstance(value, (int, float)):
        months: float | None = float(value)
    else:
        months = interview.unemployed_months(str(value)[:ANSWER_CHARS])
    return months if months is not None and 0 <= months <= longest else None


def longest_unemployment(age: Any) -> float:
    """The most months a person of this age can have been out of work (working age from 15)."""
    return (age - MIN_AGE) * 12 if isinstance(age, (int, float)) else 600


def rating_choice(text: str) -> Any:
    """A self-rating button's value (1–5, "skip", "skip_all"); "ohita kaikki loput" typed is the button."""
    picked = interview.payload_entities(text).get("rating")
    if picked is None and SKIP_ALL_RE.search(fold(text)):
        picked = "skip_all"
    return picked


def job_terms_answer(text: str) -> dict[str, Any] | None:
    """The wage, the hours and the length of the job from "2400 €/kk, 30 h viikossa"; None without a wage."""
    wage, hours = interview.job_terms(text[:ANSWER_CHARS])
    if wage is None:
        return None
    answer: dict[str, Any] = {"job_terms": "given", "wage_eur": wage, "hours_per_week": hours}
    months = interview.job_months(text[:ANSWER_CHARS])
    if months is not None:
        answer["job_months"] = months
    return answer


def education_answer(text: str, allowed: tuple[str, ...], intent: str | None) -> str | None:
    """An education level from a button or in words ("vain peruskoulu"), SKIPPED, or None."""
    picked = chosen(text, "education_level", allowed)
    if picked is None and skipped(intent, text):
        return SKIPPED
    if picked is None:
        picked = competence_mapping.extract(text[:DESCRIPTION_CHARS]).education
    return picked


def profile_fields(found: competence_mapping.Competence, earlier: Any) -> list[str]:
    """The fields the path uses: what the person enjoys first, then their experience."""
    fields = list(found.likes) + list(found.fields) + [f for f in (earlier or []) if isinstance(f, str)]
    return list(dict.fromkeys(fields))[:10]
