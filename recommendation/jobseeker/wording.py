"""The words of the jobseeker's path: the sentences and short factors built from the profile,
and how to take each step. The sentences themselves are in messages/fi/jobseeker.yaml; the rules
that pick the steps are in recommendation.jobseeker.rules."""

from __future__ import annotations

from typing import Any

from messages import has, months_text, text
from recommendation.jobseeker.steps import Step
from recommendation.profiles import JobseekerProfile
from vocabulary import SITUATIONS, label


def unemployment_text(p: JobseekerProfile) -> str:
    months = p.unemployed_months
    if months is None:
        return ""
    if months < 1:
        return text("jobseeker.unemployment.short")
    return text("jobseeker.unemployment.months", months=months_text(months))


def unemployment_factor(p: JobseekerProfile) -> list[str]:
    months = p.unemployed_months
    return [text("jobseeker.factors.unemployed", months=months_text(months))] if months else []


def rating_factor(p: JobseekerProfile, area: str) -> str:
    return text("jobseeker.factors.rating", area=label("life_area", area), rating=p.rating(area))


def goals_factor(p: JobseekerProfile) -> str:
    """'tavoite: työ, opiskelu', or '' without goals."""
    goals = p.goals
    return text("jobseeker.factors.goals", goals=listed(label("goal", g) for g in goals)) if goals else ""


def work_ability_factor(p: JobseekerProfile) -> str:
    key = "health_limits_work" if p.work_ability == "partial" else "reduced_work_ability"
    return text(f"jobseeker.factors.{key}")


def general_factors(p: JobseekerProfile) -> list[str]:
    """Why a step fits when no single answer called for it."""
    known = [label("situation", p.situation)] if p.situation in SITUATIONS else []
    if p.age is not None:
        known.append(text("jobseeker.factors.age", age=p.age))
    return known or [text("jobseeker.factors.fits_almost_anyone")]


def situation_opener(p: JobseekerProfile) -> str:
    """A short sentence from the answers the fallback steps build on ("Olet töissä.")."""
    parts: list[str] = []
    if p.situation in ("employed", "student", "sick_leave", "laid_off", "graduating"):
        parts.append(text(f"jobseeker.opener.{p.situation}"))
    elif p.situation == "unemployed":
        unemployment = unemployment_text(p) or text("jobseeker.opener.unemployed_unknown_months")
        parts.append(text("jobseeker.opener.unemployed", unemployment=unemployment))
    elif p.age is not None:
        parts.append(text("jobseeker.opener.age", age=p.age))
    parts += [text(f"jobseeker.opener.goals.{g}") for g in p.goals[:2] if has(f"jobseeker.opener.goals.{g}")]
    if not p.goals:
        parts.append(text("jobseeker.opener.no_goals"))
    return " ".join(parts)


def how_to_start(p: JobseekerProfile, step: Step) -> str:
    if step.key == "supported_work" and not any(s.category == "employer_support" for s in step.services):
        return text("jobseeker.how_to_start.job_search")
    if step.key == "skills" and p.situation in ("employed", "student"):
        return text("jobseeker.how_to_start.skills_employed")
    return text(f"jobseeker.how_to_start.{step.key}")


def listed(words: Any) -> str:
    """'siivous, IT, toimisto'."""
    return text("jobseeker.list_separator").join(words)
