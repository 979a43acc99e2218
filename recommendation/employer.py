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

from catalogue.repository import CatalogueSnapshot, ServiceRecord, SupportVariantRecord
from messages import euros, months_text
from recommendation.profiles import EmployerProfile
from vocabulary import LONG_TERM_UNEMPLOYED_MONTHS

FULL_TIME_HOURS_PER_WEEK = 37.5
ASSOCIATION_100_WORKING_TIME_SHARE = 0.65
ASSOCIATION_100_WAGE_MULTIPLIER = 1.23
NON_PROFIT_EMPLOYERS = ("association", "foundation", "other")
WAGE_SUBSIDIES = ("palkkatuki", "tyollistamistuki-55", "nuorten-tyollistymisseteli")
# Wording only: the genitive of the supports a supplement's `requires`/`excludes` names most often
GENITIVES = {
    "palkkatuki": "palkkatuen",
    "tyollistamistuki-55": "55 vuotta täyttäneiden työllistämistuen",
    "nuorten-tyollistymisseteli": "nuorten työllistymissetelin",
}

# The conditions a support variant's `when` may state (catalogue/data/SCHEMA.md). The
# profile checks some of them; the rest the package lists for the employer to check.
CONDITION_TEXTS = {
    "min_hours_per_week": "työaika vähintään {v} tuntia viikossa",
    "min_working_time_percent": "työaika vähintään {v} % täydestä työajasta",
    "min_labour_market_subsidy_days": "palkattava on saanut työmarkkinatukea vähintään {v} päivää",
    "more_than_labour_market_subsidy_days": "palkattava on saanut työmarkkinatukea yli {v} päivää",
    "min_unemployed_months": "palkattava on ollut työttömänä vähintään {v} kuukautta",
    "min_age": "palkattava on vähintään {v}-vuotias",
    "max_age": "palkattava on enintään {v}-vuotias",
    "apply_before_hiring": "haetaan ennen työsuhteen alkua",
    "min_employment_months": "työsuhde kestää vähintään {v} kuukautta",
    "first_employee": "palkattava on yrityksen ensimmäinen työntekijä",
    "foreign_language": "palkattava on vieraskielinen",
    "min_education_upper_secondary": "palkattavalla on toisen asteen tai korkea-asteen tutkinto",
}
KNOWN_CONDITIONS = frozenset(CONDITION_TEXTS) | {
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
    limit_working_time: bool = False,
) -> Estimate | None:
    """Percent of the wage, capped at the variant's monthly maximum, for its months.

    Without a wage the estimate is the maximum (the cap). With `limit_working_time`
    (the 100 % palkkatuki) only pay for 65 % of full working time counts, times 1.23.
    """
    if variant.percent is None or variant.monthly_max_eur is None:
        return None
    cap = variant.monthly_max_eur
    if monthly_wage_eur is None:
        monthly = cap
    else:
        counted_wage = monthly_wage_eur
        if limit_working_time:
            hours = hours_per_week or FULL_TIME_HOURS_PER_WEEK
            share = min(1.0, ASSOCIATION_100_WORKING_TIME_SHARE * FULL_TIME_HOURS_PER_WEEK / hours)
            counted_wage = monthly_wage_eur * share * ASSOCIATION_100_WAGE_MULTIPLIER
        monthly = min(cap, round(counted_wage * variant.percent / 100, 2))
    months = variant.months
    if job_months:
        months = min(months, job_months) if months else job_months
    if not months:
        return None
    return Estimate(int(variant.percent), monthly, int(months), round(monthly * months, 2))


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
        older_age = (older.conditions or {}).get("min_age", 60) if older else 60
        aged_60_long_term = (
            hire.age is not None and hire.age >= older_age and (months_unemployed or 0) >= LONG_TERM_UNEMPLOYED_MONTHS
        )
        supports: list[Support] = []

        if employer_type == "municipality" and not (partial or aged_60_long_term):
            self.notes.append(
                "Kunta voi saada palkkatukea vain, jos palkattavan työkyky on alentunut tai hän on "
                "60 vuotta täyttänyt pitkäaikaistyötön."
            )
            return []

        if partial and (variant := service.variant("reduced_work_ability")):
            estimate = self._estimate(variant)
            why = (
                "Palkattavan työkyky on alentunut, joten palkkatuki on 70 % palkkakuluista, enintään "
                f"{euros(variant.monthly_max_eur or 0)}/kk, ja sitä voi saada {months_text(variant.months or 24)} kerrallaan."
            )
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )
        elif aged_60_long_term and (variant := service.variant("long_unemployed_60")):
            estimate = self._estimate(variant)
            why = (
                f"Palkattava on {hire.age}-vuotias ja ollut työttömänä {months_text(months_unemployed or 0)}: "
                f"60 vuotta täyttäneestä pitkäaikaistyöttömästä palkkatukea voi saada {months_text(variant.months or 24)}."
            )
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )
        elif variant := service.variant("skills"):
            estimate = self._estimate(variant)
            why = (
                "Palkkatuki on 50 % palkkakuluista, enintään "
                f"{euros(variant.monthly_max_eur or 0)}/kk, kun työttömän työnhakijan osaaminen ei vielä vastaa työn "
                "vaatimuksia. Se myönnetään yleensä 5 tai 10 kuukaudeksi."
            )
            if hire.apprenticeship:
                why = "Oppisopimukseen voi saada palkkatukea, kun oppisopimusopiskelija on työtön työnhakija. " + why
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )

        full = service.variant("association_100")
        if (
            full is not None
            and employer_type in (full.conditions or {}).get("employer_types", NON_PROFIT_EMPLOYERS)
            and months_unemployed is not None
            and months_unemployed > (full.conditions or {}).get("more_than_unemployed_months", 24)
        ):
            variant = full
            estimate = self._estimate(variant, hours_per_week=self.profile.job.hours_per_week, limit_working_time=True)
            why = (
                "Yhdistys, säätiö tai uskonnollinen yhdyskunta voi saada 100 % palkkatukea, kun palkattava on ollut "
                "työttömänä yli kaksi vuotta ja työ ei ole liiketoimintaa. Tuki lasketaan enintään 65 %:n "
                f"työajan palkasta (kerroin 1,23), ja se on enintään {euros(variant.monthly_max_eur or 0)}/kk."
            )
            supports.append(
                Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)
            )
        return supports

    def subsidy_55(self) -> Support | None:
        hire = self.profile.hire
        service = self._service("tyollistamistuki-55")
        variant = service.support_variants[0] if service and service.support_variants else None
        if service is None or variant is None or not self._employer_may_get(service):
            return None
        rules = variant.conditions or {}
        min_age, min_months, min_hours = (
            rules.get("min_age", 55),
            rules.get("min_unemployed_months", 24),
            rules.get("min_hours_per_week", 25),
        )
        if hire.age is None or hire.age < min_age:
            return None
        if hire.unemployed_months is None or hire.unemployed_months < min_months:
            if hire.unemployed_months is not None:
                self.notes.append(
                    f"{min_age} vuotta täyttäneiden työllistämistukea voi saada vasta, kun palkattava on ollut työttömänä "
                    f"vähintään {min_months} kuukautta viimeisten 28 kuukauden aikana."
                )
            return None
        hours = self.profile.job.hours_per_week
        if hours is not None and hours < min_hours:
            self.notes.append(
                f"{min_age} vuotta täyttäneiden työllistämistuki edellyttää vähintään {min_hours:g} tunnin viikkotyöaikaa."
            )
            return None
        estimate = self._estimate(variant)
        why = (
            f"Palkattava on {hire.age}-vuotias ja ollut työttömänä vähintään {min_months} kuukautta viimeisten 28 kuukauden "
            f"aikana: tuki on {variant.percent:g} % palkkakuluista, enintään {euros(variant.monthly_max_eur or 0)}/kk"
            + (f" {months_text(variant.months)}" if variant.months else "")
            + f", kun työaika on vähintään {min_hours:g} tuntia viikossa."
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
        rules = variant.conditions or {}
        if hire.age is None or hire.age > rules.get("max_age", 29):
            return None
        needed = (
            rules.get("min_unemployed_months_basic_education_only", 3)
            if hire.education == "basic"
            else rules.get("min_unemployed_months", 6)
        )
        if hire.unemployed_months is None or hire.unemployed_months < needed:
            if hire.unemployed_months is not None:
                self.notes.append(
                    "Nuorten työllistymisseteliä voi saada, kun alle 30-vuotias on ollut työttömänä vähintään "
                    "6 kuukautta viimeisten 7 kuukauden aikana (3 kuukautta, jos hänellä on vain perusasteen koulutus)."
                )
            return None
        min_job = rules.get("min_employment_months")
        job_months = self.profile.job.months
        if min_job and job_months is not None and job_months < min_job:
            self.notes.append(
                f"{service.title} edellyttää, että työnantaja sitoutuu vähintään {min_job:g} kuukauden "
                f"työsuhteeseen. Nyt työsuhde kestää {months_text(job_months)}, joten tukea ei voi saada."
            )
            return None
        estimate = self._estimate(variant)
        why = (
            f"Palkattava on {hire.age}-vuotias ja ollut työttömänä vähintään {needed} kuukautta: "
            f"{service.title} on {variant.percent:g} % palkasta, enintään {euros(variant.monthly_max_eur or 0)}/kk "
            f"{variant.months or 6} kuukauden ajan."
        )
        if min_job:
            why += f" Työsuhteen on kestettävä vähintään {months_text(min_job)}."
        return Support(service, why + self._wage_text(estimate), estimate, "wage", variant=variant.variant)

    def _wage_text(self, estimate: Estimate | None) -> str:
        if estimate is None:
            return ""
        if self.profile.job.monthly_wage_eur is None:
            return (
                f" Enimmillään tuki on {euros(estimate.monthly_max_eur)}/kk, "
                f"{months_text(estimate.months)} yhteensä {euros(estimate.total_max_eur)}."
            )
        return (
            f" Palkalla {euros(self.profile.job.monthly_wage_eur)}/kk tuki on arviolta {euros(estimate.monthly_max_eur)}/kk, "
            f"{months_text(estimate.months)} yhteensä {euros(estimate.total_max_eur)}."
        )

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
            parts.append(f"työvälineisiin ja muutostöihin enintään {euros(equipment.one_off_max_eur)} henkilöä kohden")
        if coworker and coworker.hours_per_month and coworker.eur_per_hour:
            months = coworker.months or 18
            total = coworker.hours_per_month * coworker.eur_per_hour * months
            parts.append(
                f"työtoverin antamaan apuun enintään {coworker.hours_per_month:g} tuntia kuukaudessa, "
                f"{euros(coworker.eur_per_hour)}/tunti, enintään {months_text(months)} (yhteensä enintään {euros(total)})"
            )
        why = (
            "Palkattavan sairaus tai vamma voi vaatia muutoksia työpaikalla. Työolosuhteiden järjestelytukea saa "
            + " ja ".join(parts)
            + ". Tuki edellyttää lääkärinlausuntoa, ja sen voi yhdistää palkkatukeen."
        )
        return Support(service, why, None)

    def work_trial(self) -> Support | None:
        service = self._service("tyokokeilupaikan-tarjoaminen") or self._service("tyokokeilu")
        if service is None or self.profile.hire.apprenticeship:
            return None
        why = (
            "Työkokeilussa voitte ensin kokeilla yhteistyötä enintään kuusi kuukautta ilman työsopimusta ja "
            "palkkaa. Kokeilija saa työttömyysetuuden ja kulukorvauksen, joten kokeilu ei maksa työnantajalle palkkaa."
        )
        return Support(service, why, None)

    def job_coaching(self) -> Support | None:
        hire = self.profile.hire
        if not (hire.work_ability == "partial" or (hire.unemployed_months or 0) >= 12 or hire.needs_adjustments):
            return None
        service = self._service("tyohonvalmennus")
        if service is None:
            return None
        why = (
            "Työhönvalmentaja tukee sekä palkattavaa että teitä: perehdytyksessä, työtehtävien sovittamisessa "
            "ja alkuajan haasteissa."
        )
        return Support(service, why, None)

    def apprenticeship(self) -> Support | None:
        if not self.profile.hire.apprenticeship:
            return None
        service = self._service("oppisopimus")
        if service is None:
            return None
        why = (
            "Palkattava opiskelee ammatin työn ohessa oppisopimuksella. Työaika on vähintään 25 tuntia viikossa, "
            "ja työnantaja voi saada koulutuskorvausta sekä palkkatukea, jos opiskelija oli työtön."
        )
        return Support(service, why, None)

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
        place = self.municipality.name_fi if self.municipality else "Kunta"
        why = f"{place} maksaa oman lisänsä: {service.summary}"
        if len(steps) > 1 and all(step.monthly_max_eur and step.months for step in steps):
            parts = [f"{euros(step.monthly_max_eur)} kuukaudessa {step.months} kuukauden ajan" for step in steps]
            why += f" Lisä on ensin {', sitten '.join(parts)}"
            why += f" (yhteensä enintään {euros(estimate.total_max_eur)})." if estimate else "."
        elif variant.percent is None and variant.monthly_max_eur:
            why += f" Lisä on {euros(variant.monthly_max_eur)} kuukaudessa."
        if variant.requires:
            why += f" Lisä maksetaan {self._genitive(variant.requires)} päälle."
        whole = [ref for ref in variant.excludes if ":" not in ref]
        if whole:
            why += f" Tätä lisää ei voi saada samaan aikaan {self._genitive(whole)} kanssa, joten valitse edullisempi."
        partly = [ref for ref in variant.excludes if ":" in ref]
        if partly:
            why += f" Lisää ei makseta yhdessä {self._genitive(partly)} kanssa."
        unchecked = self._unchecked_conditions(variant)
        if unchecked:
            why += " Tarkista ehdot: " + "; ".join(unchecked) + "."
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
            why += (
                f" Lisä on {variant.percent:g} % palkasta, enintään {euros(variant.monthly_max_eur)}/kk, niin kauan "
                "kuin työsuhde kestää; kerro työsuhteen kesto, niin lasken kokonaissumman."
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
                hours = job.hours_per_week
                results[key] = None if hours is None else hours / FULL_TIME_HOURS_PER_WEEK * 100 >= expected
            else:
                results[key] = None
        return results

    def _unchecked_conditions(self, variant: SupportVariantRecord) -> list[str]:
        results = self._condition_results(variant)
        return [
            CONDITION_TEXTS[key].format(v=_number_text(value))
            for key, value in (variant.conditions or {}).items()
            if results.get(key) is None and key in CONDITION_TEXTS
        ]

    def _genitive(self, references: Any) -> str:
        """'palkkatuen', '100 %:n palkkatuen' or 'palkkatuen tai 55 vuotta täyttäneiden työllistämistuen'."""
        words = []
        for reference in references:
            service_id, _, variant_name = reference.partition(":")
            service = self._service(service_id)
            name = GENITIVES.get(service_id) or (f"tuen {service.title}" if service else f"tuen {service_id}")
            variant = service.variant(variant_name) if service and variant_name else None
            if variant is not None and variant.percent is not None:
                name = f"{variant.percent:g} %:n {name}"
            if name not in words:
                words.append(name)
        return " tai ".join(words)

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
            return best, f"arviolta yhteensä {euros(total(best))}"

        def monthly(option: Support) -> float:
            return sum(m for p in self._parts(option, addons) if (m := self._monthly(p)) is not None)

        best = max(priced, key=monthly)
        return best, f"arviolta {euros(monthly(best))} kuukaudessa"

    @staticmethod
    def _label(support: Support, options: list[Support]) -> str:
        """The title, with the percent when another option is a different variant of the same support."""
        twins = [o for o in options if o.service.id == support.service.id and o is not support]
        if twins and support.estimate is not None and support.estimate.percent:
            return f"{support.service.title} {support.estimate.percent} %"
        return support.service.title

    def _compare_alternatives(self, options: list[Support], addons: list[Support]) -> Support | None:
        """Says which of the supports that exclude each other pays more, with what can be added, and why."""
        best, reason = self._best_of(options, addons)
        if best is not None and reason and len(options) > 1:
            extras = [p for p in self._parts(best, addons)[1:] if self._monthly(p) is not None]
            name = " + ".join([self._label(best, options)] + [p.service.title for p in extras])
            if best.unchecked:
                reason += ", jos sen ehdot täyttyvät"
            note = (
                "Palkkatukia ei makseta samasta palkasta päällekkäin, eikä kaikkia kuntalisiä voi yhdistää niihin. "
                f"Tässä tapauksessa edullisin on {name} ({reason}), mutta lopullisen päätöksen tekee työllisyysalue."
            )
            undated = [o.service.title for o in options if o.estimate is None and self._monthly(o) is not None]
            if undated:
                note += (
                    " Vertailin kuukausimääriä, koska tämän tuen kestoa ei ole kerrottu: "
                    + ", ".join(undated)
                    + ". Siksi kokonaissummia ei voi verrata."
                )
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
                "total_max_eur": round(sum(s.estimate.total_max_eur for s in chosen), 2),
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
                    support.why += f" Vaihtoehto: tätä ei makseta samaan aikaan kuin {best.service.title}."
            elif support.requires or support.excludes:
                support.role = ADDITIONAL if support.compatible_with(best) else ALTERNATIVE
                if support.role == ALTERNATIVE and best is not None:
                    hit = next((r for r in support.excludes if best.matches(r)), None)
                    if hit is None:
                        support.why += f" Tätä lisää ei makseta, jos valitsette {self._genitive([best.service.id])}."
                    else:
                        support.why += (
                            f" Tässä tapauksessa {self._genitive([hit])} valitseminen ilman lisää on edullisempaa, "
                            "joten lisä on vain vaihtoehto."
                        )
            else:
                support.role = ADDITIONAL

    def _add_general_notes(self, wage_supports: list[Support]) -> None:
        if wage_supports:
            self.notes.append(
                "Hae tuki ennen kuin työsuhde alkaa: päätös on tehtävä ennen työn alkamista. "
                "Palkkatukea haetaan Työmarkkinatorin verkkoasioinnissa, ja työllisyysalue päättää sen määrärahojensa rajoissa."
            )
        if self.profile.job.monthly_wage_eur is not None:
            self.notes.append(
                "Arviot on laskettu bruttopalkasta ilman työnantajan sivukuluja ja lomarahaa: prosentti palkasta, "
                "enintään kuukausikatto, kerrottuna tuen kuukausilla. Ne on pyöristetty senttiin. Todellinen tuki voi olla pienempi."
            )
        else:
            self.notes.append("Kerro palkka ja työaika, niin lasken tarkemman arvion. Nyt näytän enimmäismäärät.")
        if self.profile.municipality and self.municipality is None:
            self.notes.append(
                f'En tunnistanut kuntaa "{self.profile.municipality}", joten näytän valtakunnalliset tuet.'
            )

    def _next_steps(self, supports: list[Support], contact: dict[str, Any]) -> list[str]:
        """What to do, in order: each chosen support's own application text (catalogue data)."""
        steps: list[str] = []
        chosen = [s for s in supports if s.role != ALTERNATIVE]
        if any(
            s.alternatives_group == "wage" or s.service.category in ("employer_support", "municipal_support")
            for s in chosen
        ):
            steps.append(
                "Sopikaa työsuhteen ehdoista, mutta älkää aloittako työtä ennen kuin tuesta on päätös: "
                "tukea ei myönnetä jo alkaneeseen työhön."
            )
        for support in chosen:
            text = support.service.how_to_apply
            if text and support.service.category in ("employer_support", "municipal_support", "work_trial"):
                steps.append(f"{support.service.title}: {text}")
        if contact.get("url") or contact.get("phone"):
            where = ", ".join(str(contact[k]) for k in ("url", "phone", "email") if contact.get(k))
            steps.append(
                f"Kysykää apua hakemukseen: {contact.get('name') or 'työllisyysalueen työnantajapalvelut'} ({where})."
            )
        steps.append(
            "Päätöksen käsittelyaikaa ei ole julkaistu yhteisesti; varatkaa aikaa ja hakekaa heti, kun palkattava on tiedossa."
        )
        return steps


def recommend_employer_package(
    catalogue: CatalogueSnapshot, profile: EmployerProfile | dict[str, Any]
) -> dict[str, Any]:
    """CONTRACT §4 `POST /api/recommend/employer` response for a profile."""
    if isinstance(profile, dict):
        profile = EmployerProfile.from_dict(profile)
    return EmployerPackageBuilder(catalogue, profile).build()
