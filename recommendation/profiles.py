"""The profiles the recommendation engine works on (the request bodies of docs/api.md), with their allowed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from messages import text
from understanding.competence import Competence, work_fields
from vocabulary import (
    EDUCATION_LEVELS,
    EMPLOYER_TYPES,
    FINNISH_LEVELS,
    GOALS,
    LIFE_AREAS,
    LONG_TERM_UNEMPLOYED_MONTHS,
    SITUATIONS,
    WORK_ABILITIES,
    YOUTH_UNDER_AGE,
)


class ProfileError(ValueError):
    """A profile value outside what the engine understands; the message is Finnish."""


def _choice(value: Any, allowed: tuple[str, ...], label: str) -> str | None:
    if value in (None, ""):
        return None
    if value not in allowed:
        separator = text("recommendation.profile_error.separator")
        raise ProfileError(
            text("recommendation.profile_error.unknown_value", field=label, allowed=separator.join(allowed))
        )
    return str(value)


def _number(value: Any, label: str, low: float, high: float) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ProfileError(text("recommendation.profile_error.not_a_number", field=label)) from None
    if not low <= number <= high:
        raise ProfileError(text("recommendation.profile_error.out_of_range", field=label, low=low, high=high))
    return number


def _competence(data: dict[str, Any]) -> Competence | None:
    found = data.get("competence")
    merged = dict(found) if isinstance(found, dict) else {}
    for key in ("occupation_groups", "skills"):
        if isinstance(data.get(key), (list, tuple)) and data.get(key):
            merged[key] = list(merged.get(key) or []) + list(data[key])
    competence = Competence.from_dict(merged) if merged else None
    return competence if competence is not None and not competence.is_empty() else None


@dataclass
class JobseekerProfile:
    municipality: str | None = None
    age: int | None = None
    situation: str | None = None
    unemployed_months: float | None = None
    work_ability: str | None = None
    finnish_level: str | None = None
    education: str | None = None
    goals: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    self_rating: dict[str, int] = field(default_factory=dict)
    # Beside the documented keys: the competence profile of the interview (competence.Competence),
    # from "competence" {fields, occupation_groups, skills, likes, ...} or top-level
    # "occupation_groups" / "skills". Unknown codes are left out.
    competence: Competence | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JobseekerProfile:
        age = _number(data.get("age"), "age", 15, 80)
        goals = [g for g in (data.get("goals") or []) if g]
        for goal in goals:
            _choice(goal, GOALS, "goals")
        rating: dict[str, int] = {}
        for area, value in (data.get("self_rating") or {}).items():
            _choice(area, LIFE_AREAS, "self_rating")
            if value is None:
                continue
            rating[area] = int(_number(value, f"self_rating.{area}", 1, 5) or 0)
        municipality = data.get("municipality")
        return cls(
            municipality=str(municipality).strip() if municipality not in (None, "") else None,
            age=int(age) if age is not None else None,
            situation=_choice(data.get("situation"), SITUATIONS, "situation"),
            unemployed_months=_number(data.get("unemployed_months"), "unemployed_months", 0, 600),
            work_ability=_choice(data.get("work_ability"), WORK_ABILITIES, "work_ability"),
            finnish_level=_choice(data.get("finnish_level"), FINNISH_LEVELS, "finnish_level"),
            education=_choice(data.get("education"), EDUCATION_LEVELS, "education"),
            goals=goals,
            fields=[str(f).strip() for f in (data.get("fields") or []) if str(f).strip()][:10],
            self_rating=rating,
            competence=_competence(data),
        )

    @property
    def work_fields(self) -> list[str]:
        """The fields the engine ranks places, training and providers by: the given fields and
        those of the competence profile (occupation groups, cards and licences)."""
        return work_fields(self.fields, self.competence)

    @property
    def named_fields(self) -> list[str]:
        """The fields a text may name: like `work_fields`, but only the most typical field of
        each occupation group."""
        return work_fields(self.fields, self.competence, typical_only=True)

    @property
    def is_young(self) -> bool:
        return self.age is not None and self.age < YOUTH_UNDER_AGE

    @property
    def is_long_term_unemployed(self) -> bool:
        return self.unemployed_months is not None and self.unemployed_months >= LONG_TERM_UNEMPLOYED_MONTHS

    @property
    def has_partial_work_ability(self) -> bool:
        return self.work_ability == "partial" or self.rating("health") in (1, 2) or self.situation == "sick_leave"

    @property
    def needs_finnish(self) -> bool:
        return self.finnish_level in ("basic", "none")

    def rating(self, area: str) -> int | None:
        return self.self_rating.get(area)

    def low(self, area: str) -> bool:
        value = self.rating(area)
        return value is not None and value <= 2


@dataclass
class HireProfile:
    age: int | None = None
    unemployed_months: float | None = None
    work_ability: str | None = None
    needs_adjustments: bool = False
    finnish_level: str | None = None
    apprenticeship: bool = False
    education: str | None = None


@dataclass
class JobProfile:
    hours_per_week: float | None = None
    monthly_wage_eur: float | None = None
    months: int | None = None


@dataclass
class EmployerProfile:
    municipality: str | None = None
    employer_type: str | None = None
    employees: int | None = None
    hire: HireProfile = field(default_factory=HireProfile)
    job: JobProfile = field(default_factory=JobProfile)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EmployerProfile:
        hire = data.get("hire") or {}
        job = data.get("job") or {}
        age = _number(hire.get("age"), "hire.age", 15, 80)
        months = _number(job.get("months"), "job.months", 1, 60)
        employees = _number(data.get("employees"), "employees", 0, 1_000_000)
        municipality = data.get("municipality")
        return cls(
            municipality=str(municipality).strip() if municipality not in (None, "") else None,
            employer_type=_choice(data.get("employer_type"), EMPLOYER_TYPES, "employer_type"),
            employees=int(employees) if employees is not None else None,
            hire=HireProfile(
                age=int(age) if age is not None else None,
                unemployed_months=_number(hire.get("unemployed_months"), "hire.unemployed_months", 0, 600),
                work_ability=_choice(hire.get("work_ability"), WORK_ABILITIES, "hire.work_ability"),
                needs_adjustments=bool(hire.get("needs_adjustments") or False),
                finnish_level=_choice(hire.get("finnish_level"), FINNISH_LEVELS, "hire.finnish_level"),
                apprenticeship=bool(hire.get("apprenticeship") or False),
                education=_choice(hire.get("education"), EDUCATION_LEVELS, "hire.education"),
            ),
            job=JobProfile(
                hours_per_week=_number(job.get("hours_per_week"), "job.hours_per_week", 1, 60),
                monthly_wage_eur=_number(job.get("monthly_wage_eur"), "job.monthly_wage_eur", 100, 20000),
                months=int(months) if months is not None else None,
            ),
        )
