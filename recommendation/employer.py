"""The employer's support package: which supports fit this hire, with euro estimates.

Amounts, caps and durations come from the catalogue's support variants (data
with sources), never from constants here. The rules that pick a variant
follow FACTS.md: palkkatuki 50 % for lack of skills, 70 % for reduced work
ability, the 100 % form only for associations, foundations and religious
communities hiring someone unemployed for over two years (pay for at most
65 % of full working time counts); the 55+ subsidy after 24 of 28 months;
the youth voucher for under-30s after 6 months (3 with basic education).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.repository import CatalogueSnapshot, CountedPay, ServiceRecord, SupportVariantRecord
from messages import euros, has, months_text, text
from recommendation.profiles import EmployerProfile
from vocabulary import LONG_TERM_UNEMPLOYED_MONTHS

WAGE_SUBSIDIES = ("palkkatuki", "tyollistamistuki-55", "nuorten-tyollistymisseteli")
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


@dataclass
class Estimate:
    """CONTRACT §4 `estimate`. `percent` is an integer there (api/schemas.py), so a flat supplement
    (a fixed sum a month, not a share of the pay) has percent 0, never null; the bot shows no percent
    for 0. `total_max_eur` is monthly × months, or less for a supplement paid in steps."""

    percent: int
    monthly_max_eur: float
    months: int
    total_max_eur: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "percent": self.percent,
            "monthly_max_eur": round(self.monthly_max_eur, 2),
            "months": self.months,
            "total_max_eur": round(self.total_max_eur, 2),
        }


def _number_text(value: Any) -> str:
    """1000 → '1 000' (no-break space), as amounts are written elsewhere; other values as they are."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
        return f"{value:,}".replace(",", "\u00a0")
    return str(value)


# How each support in the package relates to the others
RECOMMENDED, ALTERNATIVE, ADDITIONAL = "recommended", "alternative", "additional"


@dataclass
class Support:
    service: ServiceRecord
    why: str
    estimate: Estimate | None = None
    alternatives_group: str | None = None  # supports of one group are not paid together
    excludes: set[str] = field(default_factory=set)
    requires: set[str] = field(default_factory=set)  # paid only on top of one of these
    role: str = ADDITIONAL
    variant: str | None = None  # the support variant's name, for `<service id>:<variant>` references
    monthly_eur: float | None = None  # a flat supplement's euros a month when its duration is not known
    unchecked: list[str] = field(default_factory=list)  # its conditions the profile cannot tell

    def matches(self, reference: str) -> bool:
        """A `requires`/`excludes` entry names a whole support (`palkkatuki`) or one of its variants
        (`palkkatuki:association_100`)."""
        service_id, _, variant = reference.partition(":")
        return service_id == self.service.id and (not variant or variant == self.variant)

    def compatible_with(self, other: Support | None) -> bool:
        """Whether this support can be paid together with `other` (the chosen wage support, or none)."""
        if self.requires and not (other is not None and any(other.matches(r) for r in self.requires)):
            return False
        if other is None:
            return True
        return not any(other.matches(r) for r in self.excludes) and not any(self.matches(r) for r in other.excludes)

    def as_dict(self) -> dict[str, Any]:
        return {
            "service": self.service.card(),
            "why": self.why,
            "estimate": self.estimate.as_dict() if self.estimate else None,
            "role": self.role,
        }


def estimate_wage_support(
    variant: SupportVariantRecord,
    monthly_wage_eur: float | None,
    job_months: int | None,
    *,
    hours_per_week: float | None = None,
) -> Estimate | None:
    """Percent of the wage, capped at the variant's monthly maximum, for its months.

    Without a wage the estimate is the maximum (the cap). A variant with `counted_pay` (the 100 %
    palkkatuki) counts pay only for its share of full working time, times its multiplier.
    """
    if variant.percent is None or variant.monthly_max_eur is None:
        return None
    cap = variant.monthly_max_eur
    if monthly_wage_eur is None:
        monthly = cap
    else:
        counted_wage = _counted_wage(variant.counted_pay, monthly_wage_eur, hours_per_week)
        monthly = min(cap, round(counted_wage * variant.percent / 100, 2))
    months = variant.months
    if job_months:
        months = min(months, job_months) if months else job_months
    if not months:
        return None
    return Estimate(int(variant.percent), monthly, int(months), round(monthly * months, 2))


def _counted_wage(rule: CountedPay | None, monthly_wage_eur: float, hours_per_week: float | None) -> float:
    """The pay a subsidy is counted from: all of it, or with `rule` pay for at most its share of full
    working time (unknown hours count as full time), times its multiplier."""
    if rule is None:
        return monthly_wage_eur
    hours = hours_per_week or rule.full_time_hours_per_week
    share = min(1.0, rule.working_time_share * rule.full_time_hours_per_week / hours)
    return monthly_wage_eur * share * rule.wage_multiplier


def _decimal_text(value: float) -> str:
    """1.23 → '1,23'."""
    return f"{value:g}".replace(".", ",")


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


class EmployerPackageBuilder:
    def __init__(self, catalogue: CatalogueSnapshot, profile: EmployerProfile):
        self.catalogue = catalogue
        self.profile = profile
        self.municipality = catalogue.resolve_municipality(profile.municipality)
        self.code = self.municipality.code if self.municipality else None
        self.notes: list[str] = []

    def _service(self, service_id: str) -> ServiceRecord | None:
        return self.catalogue.service(service_id)

    def _estimate(self, variant: SupportVariantRecord, **kwargs: Any) -> Estimate | None:
        job = self.profile.job
        return estimate_wage_support(variant, job.monthly_wage_eur, job.months, **kwargs)

    # -- wage subsidies --------------------------------------------------------------------
    def palkkatuki(self) -> list[Support]:
        service = self._service("palkkatuki")
        if service is None:
            return []
        hire, employer_type = self.profile.hire, self.profile.employer_type
        months_unemployed = hire.unemployed_months
        partial = hire.work_ability == "partial"
        older = service.variant("long_unemployed_60")
        older_age = older.conditions.get("min_age") if older else None
        aged_60_long_term = (
            hire.age is not None
            and older_age is not None
            and hire.age >= older_age
            and (months_unemployed or 0) >= LONG_TERM_UNEMPLOYED_MONTHS
        )
        supports: list[Support] = []

        if employer_type == "municipality" and not (partial or aged_60_long_term):
            self.notes.append(text("employer.palkkatuki.municipality_not_eligible", older_age=older_age))
            return []

        if partial and (variant := service.variant("reduced_work_ability")):
            estimate = self._estimate(variant)
            why = text(
                "employer.palkkatuki.reduced_work_ability",
                percent=variant.percent,
                cap=euros(variant.monthly_max_eur or 0),
                months=months_text(variant.months or 0),
            )
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )
        elif aged_60_long_term and (variant := service.variant("long_unemployed_60")):
            estimate = self._estimate(variant)
            why = text(
                "employer.palkkatuki.long_unemployed_60",
                age=hire.age,
                unemployed=months_text(months_unemployed or 0),
                older_age=older_age,
                months=months_text(variant.months or 0),
            )
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )
        elif variant := service.variant("skills"):
            estimate = self._estimate(variant)
            why = text("employer.palkkatuki.skills", percent=variant.percent, cap=euros(variant.monthly_max_eur or 0))
            if hire.apprenticeship:
                why = text("employer.palkkatuki.apprenticeship") + " " + why
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )

        full = service.variant("association_100")
        if full is not None and full.counted_pay is not None and self._fits_association_100(full):
            variant = full
            estimate = self._estimate(variant, hours_per_week=self.profile.job.hours_per_week)
            why = text(
                "employer.palkkatuki.association_100",
                percent=variant.percent,
                working_time_percent=full.counted_pay.working_time_share * 100,
                multiplier=_decimal_text(full.counted_pay.wage_multiplier),
                cap=euros(variant.monthly_max_eur or 0),
            )
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )
        return supports

    def _fits_association_100(self, variant: SupportVariantRecord) -> bool:
        """The employer is of the variant's types and the hire unemployed for more than its months."""
        rules, months_unemployed = variant.conditions, self.profile.hire.unemployed_months
        return (
            self.profile.employer_type in rules.get("employer_types", ())
            and months_unemployed is not None
            and "more_than_unemployed_months" in rules
            and months_unemployed > rules["more_than_unemployed_months"]
        )

    def subsidy_55(self) -> Support | None:
        hire = self.profile.hire
        service = self._service("tyollistamistuki-55")
        variant = service.support_variants[0] if service and service.support_variants else None
        if service is None or variant is None or not self._employer_may_get(service):
            return None
        rules = variant.conditions
        min_age, min_months, min_hours = (
            rules.get("min_age"),
            rules.get("min_unemployed_months"),
            rules.get("min_hours_per_week"),
        )
        if min_age is None or min_months is None or min_hours is None:
            return None  # `polkuopas catalogue check` asks for all three
        if hire.age is None or hire.age < min_age:
            return None
        if hire.unemployed_months is None or hire.unemployed_months < min_months:
            if hire.unemployed_months is not None:
                self.notes.append(
                    text("employer.subsidy_55.not_unemployed_long_enough", min_age=min_age, min_months=min_months)
                )
            return None
        hours = self.profile.job.hours_per_week
        if hours is not None and hours < min_hours:
            self.notes.append(text("employer.subsidy_55.too_few_hours", min_age=min_age, min_hours=min_hours))
            return None
        estimate = self._estimate(variant)
        why = text(
            "employer.subsidy_55.why" if variant.months else "employer.subsidy_55.why_without_months",
            age=hire.age,
            min_months=min_months,
            percent=variant.percent,
            cap=euros(variant.monthly_max_eur or 0),
            months=months_text(variant.months or 0),
            min_hours=min_hours,
        )
        return Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)

    def _employer_may_get(self, service: ServiceRecord) -> bool:
        employer_type = self.profile.employer_type
        return not (employer_type and service.employer_types and employer_type not in service.employer_types)

    def _youth_service(self) -> ServiceRecord | None:
        """The employment area's own youth recruitment subsidy if it has one, else the national voucher."""
        for service in self.catalogue.local_services(self.code):
            if service.category == "employer_support" and "youth" in service.target_groups and service.support_variants:
                return service
        return self._service("nuorten-tyollistymisseteli")

    def youth_voucher(self) -> Support | None:
        hire = self.profile.hire
        service = self._youth_service()
        variant = service.support_variants[0] if service and service.support_variants else None
        if service is None or variant is None or not self._employer_may_get(service):
            return None
        rules = variant.conditions
        needed = youth_voucher_months_needed(variant, hire.education)
        if not youth_voucher_fits_age(variant, hire.age) or needed is None:
            return None
        if hire.unemployed_months is None or hire.unemployed_months < needed:
            if hire.unemployed_months is not None:
                self.notes.append(self._youth_voucher_months_note(variant))
            return None
        min_job = rules.get("min_employment_months")
        job_months = self.profile.job.months
        if min_job and job_months is not None and job_months < min_job:
            self.notes.append(
                text(
                    "employer.youth_voucher.job_too_short",
                    title=service.title,
                    min_job=min_job,
                    job_months=months_text(job_months),
                )
            )
            return None
        estimate = self._estimate(variant)
        why = text(
            "employer.youth_voucher.why",
            age=hire.age,
            needed=needed,
            title=service.title,
            percent=variant.percent,
            cap=euros(variant.monthly_max_eur or 0),
            months=variant.months or 0,
        )
        if min_job:
            why += " " + text("employer.youth_voucher.min_job", months=months_text(min_job))
        return Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)

    @staticmethod
    def _youth_voucher_months_note(variant: SupportVariantRecord) -> str:
        """How long a young hire must have been unemployed, in the words of the national voucher."""
        rules = variant.conditions
        general, basic = rules.get("min_unemployed_months"), rules.get("min_unemployed_months_basic_education_only")
        under_age = rules["max_age"] + 1 if "max_age" in rules else None
        if basic is None:
            return text(
                "employer.youth_voucher.not_unemployed_long_enough_any_education",
                under_age=under_age,
                min_months=general,
            )
        return text(
            "employer.youth_voucher.not_unemployed_long_enough",
            under_age=under_age,
            min_months=general,
            min_months_basic=basic,
        )

    def _wage_text(self, estimate: Estimate | None) -> str:
        if estimate is None:
            return ""
        amounts = {
            "monthly": euros(estimate.monthly_max_eur),
            "months": months_text(estimate.months),
            "total": euros(estimate.total_max_eur),
        }
        wage = self.profile.job.monthly_wage_eur
        if wage is None:
            return " " + text("employer.wage_estimate.maximum", **amounts)
        return " " + text("employer.wage_estimate.with_wage", wage=euros(wage), **amounts)

    # -- other supports ----------------------------------------------------------------------
    def adjustments(self) -> Support | None:
        hire = self.profile.hire
        if not (hire.needs_adjustments or hire.work_ability == "partial"):
            return None
        service = self._service("tyoolosuhteiden-jarjestelytuki")
        if service is None:
            return None
        equipment = service.variant("equipment")
        coworker = service.variant("coworker_help")
        parts = []
        if equipment and equipment.one_off_max_eur:
            parts.append(text("employer.adjustments.equipment", amount=euros(equipment.one_off_max_eur)))
        if coworker and coworker.hours_per_month and coworker.eur_per_hour and coworker.months:
            months = coworker.months
            total = coworker.hours_per_month * coworker.eur_per_hour * months
            parts.append(
                text(
                    "employer.adjustments.coworker_help",
                    hours=coworker.hours_per_month,
                    per_hour=euros(coworker.eur_per_hour),
                    months=months_text(months),
                    total=euros(total),
                )
            )
        why = text("employer.adjustments.why", parts=text("employer.adjustments.and").join(parts))
        return Support(service, why, None)

    def work_trial(self) -> Support | None:
        service = self._service("tyokokeilupaikan-tarjoaminen") or self._service("tyokokeilu")
        if service is None or self.profile.hire.apprenticeship:
            return None
        return Support(service, text("employer.work_trial"), None)

    def job_coaching(self) -> Support | None:
        hire = self.profile.hire
        if not (hire.work_ability == "partial" or (hire.unemployed_months or 0) >= 12 or hire.needs_adjustments):
            return None
        service = self._service("tyohonvalmennus")
        if service is None:
            return None
        return Support(service, text("employer.job_coaching"), None)

    def apprenticeship(self) -> Support | None:
        if not self.profile.hire.apprenticeship:
            return None
        service = self._service("oppisopimus")
        if service is None:
            return None
        return Support(service, text("employer.apprenticeship"), None)

    def municipal_supplements(self, wage_supports: list[Support]) -> list[Support]:
        supports: list[Support] = []
        if not self.code:
            return supports
        for service in self.catalogue.local_services(self.code):
            if service.category != "municipal_support" or "employer" not in service.audience:
                continue
            if (
                self.profile.employer_type
                and service.employer_types
                and self.profile.employer_type not in service.employer_types
            ):
                continue
            months_unemployed = self.profile.hire.unemployed_months
            if (
                service.min_unemployed_months is not None
                and months_unemployed is not None
                and months_unemployed < service.min_unemployed_months
            ):
                continue
            for variant in self._pick_municipal_variants(service, wage_supports):
                supports.append(self._municipal_support(service, variant))
        return supports

    def _municipal_support(self, service: ServiceRecord, variant: SupportVariantRecord) -> Support:
        steps = self._steps(service, variant)
        if variant.percent is not None:
            estimate = self._estimate(variant)
        else:
            estimate = self._flat_estimate(steps)
        place = self.municipality.name_fi if self.municipality else text("employer.supplement.place_unknown")
        why = text("employer.supplement.own", place=place, summary=service.summary)
        if len(steps) > 1 and all(step.monthly_max_eur and step.months for step in steps):
            parts = [
                text("employer.supplement.step", monthly=euros(step.monthly_max_eur or 0), months=step.months)
                for step in steps
            ]
            why += " " + text("employer.supplement.steps", steps=text("employer.supplement.then").join(parts))
            why += (
                text("employer.supplement.steps_total", total=euros(estimate.total_max_eur))
                if estimate
                else text("employer.supplement.steps_end")
            )
        elif variant.percent is None and variant.monthly_max_eur:
            why += " " + text("employer.supplement.flat", monthly=euros(variant.monthly_max_eur))
        if variant.requires:
            why += " " + text("employer.supplement.requires", supports=self._genitive(variant.requires))
        whole = [ref for ref in variant.excludes if ":" not in ref]
        if whole:
            why += " " + text("employer.supplement.excludes_whole", supports=self._genitive(whole))
        partly = [ref for ref in variant.excludes if ":" in ref]
        if partly:
            why += " " + text("employer.supplement.excludes_variant", supports=self._genitive(partly))
        unchecked = self._unchecked_conditions(variant)
        if unchecked:
            separator = text("employer.supplement.condition_separator")
            why += " " + text("employer.supplement.check_conditions", conditions=separator.join(unchecked))
        if service.source_caveat:
            why += f" {service.source_caveat}"
        # A supplement that is never paid with a whole wage subsidy is an alternative to them; one that
        # only excludes a variant (e.g. 100 % palkkatuki) is added on top when the chosen support allows it.
        group = "wage" if whole else None
        monthly = variant.monthly_max_eur if variant.percent is None else None
        if variant.percent is not None and estimate is None and variant.monthly_max_eur is not None:
            # A share of the pay for as long as the job lasts (e.g. a whole apprenticeship) when the
            # profile does not tell how long: euros a month, so it can still be compared.
            wage = self.profile.job.monthly_wage_eur
            monthly = (
                variant.monthly_max_eur
                if wage is None
                else min(variant.monthly_max_eur, round(wage * variant.percent / 100, 2))
            )
            why += " " + text(
                "employer.supplement.share_while_job_lasts",
                percent=variant.percent,
                cap=euros(variant.monthly_max_eur),
            )
        return Support(
            service,
            why,
            estimate,
            group,
            set(variant.excludes),
            set(variant.requires),
            variant=variant.variant,
            monthly_eur=monthly,
            unchecked=unchecked,
        )

    def _condition_results(self, variant: SupportVariantRecord) -> dict[str, bool | None]:
        """Each condition of a variant: True met, False not met, None unknown from the profile."""
        hire, job = self.profile.hire, self.profile.job
        results: dict[str, bool | None] = {}
        for key, expected in (variant.conditions or {}).items():
            if key == "employer_types":
                results[key] = None if self.profile.employer_type is None else self.profile.employer_type in expected
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
                hours, full_time = job.hours_per_week, self._full_time_hours()
                results[key] = None if hours is None or full_time is None else hours / full_time * 100 >= expected
            else:
                results[key] = None
        return results

    def _full_time_hours(self) -> float | None:
        """Full working time in hours a week, as the 100 % palkkatuki's `counted_pay` states it."""
        service = self._service("palkkatuki")
        variant = service.variant("association_100") if service else None
        return variant.counted_pay.full_time_hours_per_week if variant and variant.counted_pay else None

    def _unchecked_conditions(self, variant: SupportVariantRecord) -> list[str]:
        results = self._condition_results(variant)
        return [
            text(f"employer.conditions.{key}", v=_number_text(value))
            for key, value in (variant.conditions or {}).items()
            if results.get(key) is None and key in STATED_CONDITIONS
        ]

    def _genitive(self, references: Any) -> str:
        """'palkkatuen', '100 %:n palkkatuen' or 'palkkatuen tai 55 vuotta täyttäneiden työllistämistuen'."""
        words = []
        for reference in references:
            service_id, _, variant_name = reference.partition(":")
            service = self._service(service_id)
            if has(f"employer.genitive.{service_id}"):
                name = text(f"employer.genitive.{service_id}")
            else:
                name = text("employer.genitive.other", title=service.title if service else service_id)
            variant = service.variant(variant_name) if service and variant_name else None
            if variant is not None and variant.percent is not None:
                name = text("employer.genitive.with_percent", percent=variant.percent, name=name)
            if name not in words:
                words.append(name)
        return text("employer.genitive.or").join(words)

    def _pick_municipal_variants(
        self, service: ServiceRecord, wage_supports: list[Support]
    ) -> list[SupportVariantRecord]:
        """The most useful variant whose known conditions are all met, one for each set of supports it
        is paid on top of (e.g. one amount with palkkatuki, another with the 55+ subsidy); the package
        then keeps the one that goes with the recommended wage support."""
        candidates = []
        for variant in service.support_variants:
            if variant.monthly_max_eur is None and variant.one_off_max_eur is None:
                continue
            if (variant.conditions or {}).get("after"):
                continue  # a continuation is paid only after the variant it follows
            results = self._condition_results(variant).values()
            if any(result is False for result in results):
                continue
            if variant.requires and not any(s.matches(r) for r in variant.requires for s in wage_supports):
                continue
            candidates.append((variant, sum(result is None for result in results)))
        if not candidates:
            return []
        # A variant for a group the hire is not known to belong to (e.g. 55+ when the age is not
        # given) never beats one whose conditions are known; then a supplement paid on top of a
        # wage subsidy beats an alternative to it; then the larger one.
        fewest_unknown = min(unknown for _, unknown in candidates)
        ranked = sorted(
            (variant for variant, unknown in candidates if unknown == fewest_unknown),
            key=lambda v: (bool(v.requires), v.monthly_max_eur or 0),
            reverse=True,
        )
        picked: dict[frozenset[str], SupportVariantRecord] = {}
        for variant in ranked:
            picked.setdefault(frozenset(variant.requires), variant)
        if len(picked) > 1:
            picked.pop(frozenset(), None)  # with on-top variants to choose from, not the stand-alone one too
        return list(picked.values())

    def _steps(self, service: ServiceRecord, variant: SupportVariantRecord) -> list[SupportVariantRecord]:
        """The variant and the variants paid after it (`when: {after: <variant>}`) whose conditions hold."""
        steps = [variant]
        while True:
            following = next(
                (
                    v
                    for v in service.support_variants
                    if (v.conditions or {}).get("after") == steps[-1].variant
                    and v not in steps
                    and not any(result is False for result in self._condition_results(v).values())
                ),
                None,
            )
            if following is None:
                return steps
            steps.append(following)

    def _flat_estimate(self, steps: list[SupportVariantRecord]) -> Estimate | None:
        """Euros a month for the months of each step in turn, no longer than the job lasts.

        `percent` is 0: a flat supplement is not a share of the pay (the contract's estimate has an
        integer percent; 0 tells "a fixed amount" and the bot then shows no percent). With steps
        (e.g. 200 €/month for a year, then 100 €/month) `monthly_max_eur` is the largest monthly amount
        and `total_max_eur` the sum of the steps, so it can be less than monthly × months.
        """
        remaining = self.profile.job.months
        months, total, monthly_max = 0, 0.0, 0.0
        for step in steps:
            if step.monthly_max_eur is None or not step.months:
                break
            step_months = step.months if remaining is None else min(step.months, remaining - months)
            if step_months <= 0:
                break
            months += step_months
            total += step.monthly_max_eur * step_months
            monthly_max = max(monthly_max, step.monthly_max_eur)
        if not months:
            return None
        return Estimate(0, monthly_max, int(months), round(total, 2))

    @staticmethod
    def _monthly(support: Support) -> float | None:
        if support.estimate is not None:
            return support.estimate.monthly_max_eur
        return support.monthly_eur

    @classmethod
    def _parts(cls, option: Support | None, addons: list[Support]) -> list[Support]:
        """A wage support and the supplements that can be paid on top of it (of each supplement the
        variant that pays most with it)."""
        chosen: dict[str, Support] = {}
        for addon in addons:
            if not addon.compatible_with(option):
                continue
            current = chosen.get(addon.service.id)
            if current is None or cls._value(addon) > cls._value(current):
                chosen[addon.service.id] = addon
        return ([option] if option is not None else []) + list(chosen.values())

    @classmethod
    def _value(cls, support: Support) -> float:
        if support.estimate is not None:
            return support.estimate.total_max_eur
        return cls._monthly(support) or 0.0

    def _best_of(self, options: list[Support], addons: list[Support]) -> tuple[Support | None, str]:
        """The option that pays most for this hire together with what can be added to it, and the
        reason in words: in total euros when every option has a duration, else in euros a month."""
        priced = [option for option in options if self._monthly(option) is not None]
        if not priced:
            return (options[0] if options else None), ""
        if all(option.estimate is not None for option in options):

            def total(option: Support) -> float:
                return sum(p.estimate.total_max_eur for p in self._parts(option, addons) if p.estimate is not None)

            best = max(options, key=total)
            return best, text("employer.compare.total", total=euros(total(best)))

        def monthly(option: Support) -> float:
            return sum(m for p in self._parts(option, addons) if (m := self._monthly(p)) is not None)

        best = max(priced, key=monthly)
        return best, text("employer.compare.monthly", monthly=euros(monthly(best)))

    @staticmethod
    def _label(support: Support, options: list[Support]) -> str:
        """The title, with the percent when another option is a different variant of the same support."""
        twins = [o for o in options if o.service.id == support.service.id and o is not support]
        if twins and support.estimate is not None and support.estimate.percent:
            return text("employer.compare.with_percent", title=support.service.title, percent=support.estimate.percent)
        return support.service.title

    def _compare_alternatives(self, options: list[Support], addons: list[Support]) -> Support | None:
        """Says which of the supports that exclude each other pays more, with what can be added, and why."""
        best, reason = self._best_of(options, addons)
        if best is not None and reason and len(options) > 1:
            extras = [p for p in self._parts(best, addons)[1:] if self._monthly(p) is not None]
            name = text("employer.compare.plus").join([self._label(best, options)] + [p.service.title for p in extras])
            if best.unchecked:
                reason += text("employer.compare.if_conditions_met")
            note = text("employer.compare.best", name=name, reason=reason)
            undated = [o.service.title for o in options if o.estimate is None and self._monthly(o) is not None]
            if undated:
                titles = text("employer.compare.list_separator").join(undated)
                note += " " + text("employer.compare.undated", titles=titles)
            self.notes.append(note)
        return best

    # -- the whole package -----------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        wage_supports: list[Support] = self.palkkatuki()
        for extra in (self.subsidy_55(), self.youth_voucher()):
            if extra:
                wage_supports.append(extra)
        municipal = self.municipal_supplements(wage_supports)
        options = [s for s in wage_supports + municipal if s.alternatives_group == "wage"]
        addons = [s for s in municipal if s.alternatives_group != "wage"]
        best = self._compare_alternatives(options, addons) if options else None
        in_package = self._parts(best, addons)
        ordered = sorted(wage_supports, key=lambda s: -(s.estimate.total_max_eur if s.estimate else 0))
        supports: list[Support] = []
        for candidate in (
            [self.work_trial()]
            + ordered
            + municipal
            + [
                self.apprenticeship(),
                self.adjustments(),
                self.job_coaching(),
            ]
        ):
            if candidate is None:
                continue
            ids = [s.service.id for s in supports]
            if candidate.service.id not in ids:
                supports.append(candidate)
                continue
            # Two variants of one support (e.g. 50 % and 100 % palkkatuki, or a supplement with one amount
            # on top of palkkatuki and another on top of the 55+ subsidy): keep the one in the recommended
            # package, else the better.
            existing = supports[ids.index(candidate.service.id)]
            if existing is best or (any(p is existing for p in in_package) and candidate is not best):
                continue
            if (
                candidate is best
                or any(p is candidate for p in in_package)
                or (
                    candidate.estimate
                    and existing.estimate
                    and candidate.estimate.total_max_eur > existing.estimate.total_max_eur
                )
            ):
                supports[ids.index(candidate.service.id)] = candidate
        self._assign_roles(supports, best)
        # the recommended wage support first after the work trial, its alternatives after the rest
        supports.sort(
            key=lambda s: (
                {RECOMMENDED: 0, ADDITIONAL: 1, ALTERNATIVE: 2}[s.role]
                if s.service.id != "tyokokeilupaikan-tarjoaminen"
                else -1
            )
        )
        self._add_general_notes(wage_supports)
        contact = self.catalogue.contact(self.code, "employer")
        chosen = [s for s in supports if s.role != ALTERNATIVE and s.estimate is not None]
        package_estimate = (
            {
                "total_max_eur": round(sum(s.estimate.total_max_eur for s in chosen if s.estimate is not None), 2),
                "supports": [s.service.id for s in chosen],
            }
            if chosen
            else None
        )
        return {
            "supports": [s.as_dict() for s in supports],
            "contact": contact,
            "notes": self.notes,
            "package_estimate": package_estimate,
            "next_steps": self._next_steps(supports, contact),
        }

    def _assign_roles(self, supports: list[Support], best: Support | None) -> None:
        """Supports that are not paid together: the best is recommended, the others are alternatives;
        a supplement is added on top when the recommended support allows it."""
        for support in supports:
            if support.alternatives_group == "wage":
                support.role = RECOMMENDED if support is best else ALTERNATIVE
                if support.role == ALTERNATIVE and best is not None:
                    support.why += " " + text("employer.roles.alternative", title=best.service.title)
            elif support.requires or support.excludes:
                support.role = ADDITIONAL if support.compatible_with(best) else ALTERNATIVE
                if support.role == ALTERNATIVE and best is not None:
                    hit = next((r for r in support.excludes if best.matches(r)), None)
                    if hit is None:
                        genitive = self._genitive([best.service.id])
                        support.why += " " + text("employer.roles.supplement_not_paid", support=genitive)
                    else:
                        support.why += " " + text("employer.roles.supplement_costs_more", support=self._genitive([hit]))
            else:
                support.role = ADDITIONAL

    def _add_general_notes(self, wage_supports: list[Support]) -> None:
        if wage_supports:
            self.notes.append(text("employer.notes.apply_before_hiring"))
        if self.profile.job.monthly_wage_eur is not None:
            self.notes.append(text("employer.notes.how_estimated"))
        else:
            self.notes.append(text("employer.notes.no_wage"))
        if self.profile.municipality and self.municipality is None:
            self.notes.append(text("employer.notes.unknown_municipality", municipality=self.profile.municipality))

    def _next_steps(self, supports: list[Support], contact: dict[str, Any]) -> list[str]:
        """What to do, in order: each chosen support's own application text (catalogue data)."""
        steps: list[str] = []
        chosen = [s for s in supports if s.role != ALTERNATIVE]
        if any(
            s.alternatives_group == "wage" or s.service.category in ("employer_support", "municipal_support")
            for s in chosen
        ):
            steps.append(text("employer.next_steps.wait_for_decision"))
        for support in chosen:
            how = support.service.how_to_apply
            if how and support.service.category in ("employer_support", "municipal_support", "work_trial"):
                steps.append(text("employer.next_steps.apply", title=support.service.title, how_to_apply=how))
        if contact.get("url") or contact.get("phone"):
            separator = text("employer.next_steps.contact_separator")
            where = separator.join(str(contact[k]) for k in ("url", "phone", "email") if contact.get(k))
            name = contact.get("name") or text("employer.next_steps.default_contact")
            steps.append(text("employer.next_steps.ask_for_help", name=name, where=where))
        steps.append(text("employer.next_steps.processing_time"))
        return steps


def recommend_employer_package(
    catalogue: CatalogueSnapshot, profile: EmployerProfile | dict[str, Any]
) -> dict[str, Any]:
    """CONTRACT §4 `POST /api/recommend/employer` response for a profile."""
    if isinstance(profile, dict):
        profile = EmployerProfile.from_dict(profile)
    return EmployerPackageBuilder(catalogue, profile).build()
