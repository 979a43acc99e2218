"""The employer's support package: which supports fit this hire, how they go together, which one
to recommend, with euro estimates, notes and next steps (the response of
`POST /api/recommend/employer`, docs/api.md)."""

from __future__ import annotations

from typing import Any

from catalogue.repository import CatalogueSnapshot
from messages import euros, text
from recommendation.employer.other_supports import OtherSupports
from recommendation.employer.supplements import MunicipalSupplements
from recommendation.employer.support import ADDITIONAL, ALTERNATIVE, RECOMMENDED, Support
from recommendation.employer.wage_subsidies import WageSubsidies
from recommendation.profiles import EmployerProfile


class EmployerPackageBuilder(WageSubsidies, MunicipalSupplements, OtherSupports):
    """Picks the supports that fit, compares those not paid together and orders the package."""

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
    """The response of `POST /api/recommend/employer` (docs/api.md) for a profile."""
    if isinstance(profile, dict):
        profile = EmployerProfile.from_dict(profile)
    return EmployerPackageBuilder(catalogue, profile).build()
