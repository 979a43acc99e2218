"""Who a support variant is for: the conditions its `when` may state (catalogue/data/SCHEMA.md),
checked against the hire and the job, and the youth employment voucher's rule
(https://tem.fi/-/asetus-nuorten-tyollistymissetelista-on-hyvaksytty-rahoitushaku-tyovoimaviranomaisille-aukeaa).
"""

from __future__ import annotations

from typing import Any

from catalogue.repository import CatalogueSnapshot, SupportVariantRecord
from recommendation.profiles import EmployerProfile

# The conditions a support variant's `when` may state (catalogue/data/SCHEMA.md). The
# profile checks some of them; the rest the package lists for the employer to check, each
# in the words of `employer.conditions.<key>` (messages/fi/employer.yaml).
STATED_CONDITIONS = (
    "min_hours_per_week",
    "min_working_time_percent",
    "min_labour_market_subsidy_days",
    "more_than_labour_market_subsidy_days",
    "min_unemployed_months",
    "min_age",
    "max_age",
    "apply_before_hiring",
    "min_employment_months",
    "first_employee",
    "foreign_language",
    "min_education_upper_secondary",
)
KNOWN_CONDITIONS = frozenset(STATED_CONDITIONS) | {
    "employer_types",
    "apprenticeship",
    "work_ability",
    "min_unemployed_months_basic_education_only",
    # read by the dedicated rules of palkkatuki and työolosuhteiden järjestelytuki below
    "long_term_unemployed",
    "non_business_work",
    "needs_adjustments",
    "more_than_unemployed_months",
    # `after: <variant>`: paid after that variant of the same support ends (e.g. an apprenticeship's later years)
    "after",
}


def youth_voucher_months_needed(variant: SupportVariantRecord, education: str | None) -> float | None:
    """Months of unemployment a youth employment voucher variant asks of a hire with this education
    (fewer with basic education only, when the variant says so)."""
    rules = variant.conditions
    general = rules.get("min_unemployed_months")
    if education == "basic":
        return rules.get("min_unemployed_months_basic_education_only", general)
    return general


def youth_voucher_fits_age(variant: SupportVariantRecord, age: float | None) -> bool:
    max_age = variant.conditions.get("max_age")
    return age is not None and (max_age is None or age <= max_age)


def national_youth_voucher(catalogue: CatalogueSnapshot) -> SupportVariantRecord | None:
    service = catalogue.service("nuorten-tyollistymisseteli")
    return service.support_variants[0] if service and service.support_variants else None


def education_decides_youth_voucher(catalogue: CatalogueSnapshot, age: Any, unemployed_months: Any) -> bool:
    """Whether the hire's education decides the national youth employment voucher: under its age limit
    and unemployed long enough with basic education only, but not long enough otherwise."""
    variant = national_youth_voucher(catalogue)
    if variant is None or not isinstance(age, (int, float)) or not isinstance(unemployed_months, (int, float)):
        return False
    basic, other = youth_voucher_months_needed(variant, "basic"), youth_voucher_months_needed(variant, None)
    if basic is None or other is None:
        return False
    return youth_voucher_fits_age(variant, age) and basic <= unemployed_months < other


def condition_results(
    profile: EmployerProfile, variant: SupportVariantRecord, full_time_hours: float | None
) -> dict[str, bool | None]:
    """Each condition of a variant: True met, False not met, None unknown from the profile."""
    hire, job = profile.hire, profile.job
    results: dict[str, bool | None] = {}
    for key, expected in (variant.conditions or {}).items():
        if key == "employer_types":
            results[key] = None if profile.employer_type is None else profile.employer_type in expected
        elif key == "apprenticeship":
            results[key] = hire.apprenticeship == bool(expected)
        elif key == "work_ability":
            results[key] = None if hire.work_ability is None else hire.work_ability == expected
        elif key == "min_age":
            results[key] = None if hire.age is None else hire.age >= expected
        elif key == "max_age":
            results[key] = None if hire.age is None else hire.age <= expected
        elif key == "min_unemployed_months":
            results[key] = None if hire.unemployed_months is None else hire.unemployed_months >= expected
        elif key in ("min_labour_market_subsidy_days", "more_than_labour_market_subsidy_days"):
            # Days of labour market subsidy cannot be told from months of unemployment (earnings-related
            # allowance is not labour market subsidy, and earlier spells count): the employer checks them.
            results[key] = None
        elif key == "after":
            continue  # the order of a support's variants, not a fact about the hire
        elif key == "min_employment_months":
            results[key] = None if job.months is None else job.months >= expected
        elif key == "min_hours_per_week":
            results[key] = None if job.hours_per_week is None else job.hours_per_week >= expected
        elif key == "foreign_language":
            # Only little or no Finnish tells it; "good" Finnish may be anyone's, so it stays to check.
            level = hire.finnish_level
            results[key] = None if level in (None, "good") else (level in ("basic", "none")) == bool(expected)
        elif key == "min_education_upper_secondary":
            results[key] = None if hire.education is None else (hire.education != "basic") == bool(expected)
        elif key == "min_working_time_percent":
            hours, full_time = job.hours_per_week, full_time_hours
            results[key] = None if hours is None or full_time is None else hours / full_time * 100 >= expected
        else:
            results[key] = None
    return results
