"""The national wage subsidies: palkkatuki (https://tyomarkkinatori.fi/en/more-information-about-services/pay-subsidy),
the 55+ subsidy (https://tyomarkkinatori.fi/uutiset/hyodynna-uutta-55-vuotta-taytteneiden-tyollistymistukea)
and the youth employment voucher or the area's own youth subsidy. Each variant's numbers and
conditions come from the catalogue."""

from __future__ import annotations

from catalogue.repository import ServiceRecord, SupportVariantRecord
from messages import euros, months_text, text
from recommendation.employer.eligibility import youth_voucher_fits_age, youth_voucher_months_needed
from recommendation.employer.support import EmployerContext, Support
from vocabulary import LONG_TERM_UNEMPLOYED_MONTHS


def _decimal_text(value: float) -> str:
    """1.23 → '1,23'."""
    return f"{value:g}".replace(".", ",")


class WageSubsidies(EmployerContext):
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
