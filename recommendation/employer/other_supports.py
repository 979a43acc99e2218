"""The supports beside the wage subsidies: a work trial, workplace adjustments
(https://tem.fi/tyoolosuhteiden-jarjestelytuki), job coaching and an apprenticeship."""

from __future__ import annotations

from messages import euros, months_text, text
from recommendation.employer.support import EmployerContext, Support


class OtherSupports(EmployerContext):
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
