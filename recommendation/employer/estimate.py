"""The euro arithmetic of a support: percent of the pay up to the monthly cap, for the months.

The numbers are the catalogue's support variants (catalogue/data/services.yaml), e.g. palkkatuki
https://tyomarkkinatori.fi/en/more-information-about-services/pay-subsidy and, for the pay the
100 % palkkatuki is counted from, https://www.hel.fi/en/business-and-work/employers/financial-support-for-the-employer/pay-subsidies-for-employers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from catalogue.repository import CountedPay, SupportVariantRecord


@dataclass
class Estimate:
    """The `estimate` of a support (docs/api.md). `percent` is an integer there (api/schemas.py), so a flat supplement
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


def flat_estimate(steps: list[SupportVariantRecord], job_months: int | None) -> Estimate | None:
    """Euros a month for the months of each step in turn, no longer than the job lasts.

    `percent` is 0: a flat supplement is not a share of the pay (the estimate's percent is an integer,
    docs/api.md; 0 tells "a fixed amount" and the bot then shows no percent). With steps (e.g. 200 €/month
    for a year, then 100 €/month) `monthly_max_eur` is the largest monthly amount and `total_max_eur`
    the sum of the steps, so it can be less than monthly × months.
    """
    remaining = job_months
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
