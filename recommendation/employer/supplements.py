"""Municipal supplements (kuntalisä): which variant of each of the area's supplements fits, what it
pays (in steps, or as a share of the pay) and how it goes with the wage subsidies. Each supplement's
terms are its catalogue record's `support` variants and `source_url`."""

from __future__ import annotations

from typing import Any

from catalogue.repository import ServiceRecord, SupportVariantRecord
from messages import current_language, euros, text
from recommendation.employer.eligibility import STATED_CONDITIONS, condition_results
from recommendation.employer.estimate import flat_estimate
from recommendation.employer.support import EmployerContext, Support


def _number_text(value: Any) -> str:
    """1000 → '1 000' (no-break space), as amounts are written elsewhere; other values as they are."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
        return f"{value:,}".replace(",", "\u00a0")
    return str(value)


class MunicipalSupplements(EmployerContext):
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
            estimate = flat_estimate(steps, self.profile.job.months)
        place = self.municipality.name if self.municipality else text("employer.supplement.place_unknown")
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
            # the caveat is in the service's words (Finnish); another language gets its gist
            same = service.text_lang == current_language()
            why += " " + (service.source_caveat if same else text("employer.supplement.source_caveat"))
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
        return condition_results(self.profile, variant, self._full_time_hours())

    def _unchecked_conditions(self, variant: SupportVariantRecord) -> list[str]:
        results = self._condition_results(variant)
        return [
            text(f"employer.conditions.{key}", v=_number_text(value))
            for key, value in (variant.conditions or {}).items()
            if results.get(key) is None and key in STATED_CONDITIONS
        ]

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
