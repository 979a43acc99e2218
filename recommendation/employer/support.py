"""One support in the employer's package and what the package builders share (the catalogue,
the profile, the notes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catalogue.repository import CatalogueSnapshot, ServiceRecord, SupportVariantRecord
from messages import euros, has, months_text, text
from recommendation.employer.estimate import Estimate, estimate_wage_support
from recommendation.profiles import EmployerProfile

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


class EmployerContext:
    """The catalogue, the profile and its municipality, and the notes the package collects."""

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

    def _employer_may_get(self, service: ServiceRecord) -> bool:
        employer_type = self.profile.employer_type
        return not (employer_type and service.employer_types and employer_type not in service.employer_types)

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

    def _full_time_hours(self) -> float | None:
        """Full working time in hours a week, as the 100 % palkkatuki's `counted_pay` states it."""
        service = self._service("palkkatuki")
        variant = service.variant("association_100") if service else None
        return variant.counted_pay.full_time_hours_per_week if variant and variant.counted_pay else None

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
