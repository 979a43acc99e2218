"""Helpers shared by the jobseeker and employer recommendations."""

from __future__ import annotations

from collections.abc import Iterable

from catalogue.repository import CatalogueSnapshot, ServiceRecord


def fits_age_and_unemployment(service: ServiceRecord, age: int | None, unemployed_months: float | None) -> bool:
    """False only when a known fact rules the service out; unknown facts do not exclude."""
    if age is not None:
        if service.min_age is not None and age < service.min_age:
            return False
        if service.max_age is not None and age > service.max_age:
            return False
    elif service.max_age is not None and service.max_age < 35:
        # Youth-only services need a known age below the limit.
        return False
    if (
        service.min_unemployed_months is not None
        and unemployed_months is not None
        and unemployed_months < service.min_unemployed_months
    ):
        return False
    return True


def service_fields(catalogue: CatalogueSnapshot, service: ServiceRecord) -> set[str]:
    """The lines of work a service offers: its own fields, or its provider's when it names none."""
    if service.fields:
        return set(service.fields)
    provider = catalogue.providers.get(service.provider_id or "")
    return set(provider.fields) if provider is not None else set()


LIMITED_WORK_ABILITY_GROUPS = frozenset({"partial_work_ability", "disabled"})


def is_only_for_limited_work_ability(service: ServiceRecord) -> bool:
    groups = set(service.target_groups)
    return bool(groups) and groups <= LIMITED_WORK_ABILITY_GROUPS


def pick_services(
    catalogue: CatalogueSnapshot,
    municipality_code: str | None,
    national_ids: Iterable[str],
    *,
    categories: Iterable[str] = (),
    regional_ids_like: Iterable[str] = (),
    fields: Iterable[str] = (),
    age: int | None = None,
    unemployed_months: float | None = None,
    partial_work_ability: bool = False,
    audience: str = "jobseeker",
    limit: int = 3,
    exclude: Iterable[str] = (),
) -> list[ServiceRecord]:
    """Up to `limit` services: the user's own area's matching services first, then national ones.

    A regional service matches when its category is one of `categories` or its
    id contains one of `regional_ids_like` (e.g. a provider's "tyokokeilu"
    places); services offering one of the user's `fields` come first. A regional service only
    for people whose health limits their work (IPS coaching, disability services) is picked only
    when the user said so (`partial_work_ability`).
    """
    categories = set(categories)
    excluded = set(exclude)
    id_parts = tuple(regional_ids_like)
    wanted_fields = set(fields)
    regional: list[ServiceRecord] = []
    for service in catalogue.local_services(municipality_code):
        if audience not in service.audience or service.id in excluded:
            continue
        if service.category not in categories and not any(part in service.id for part in id_parts):
            continue
        if not partial_work_ability and is_only_for_limited_work_ability(service):
            continue
        if fits_age_and_unemployment(service, age, unemployed_months):
            regional.append(service)
    regional.sort(key=lambda s: (not (wanted_fields & service_fields(catalogue, s)), s.scope != "municipal", s.title))
    national = [
        found
        for service_id in national_ids
        if (found := catalogue.service(service_id)) is not None
        and service_id not in excluded
        and fits_age_and_unemployment(found, age, unemployed_months)
    ]
    # Keep at least one national service beside regional ones so the user always has a fallback.
    chosen = regional[: max(limit - min(len(national), 1), 0)]
    for service in national:
        if len(chosen) >= limit:
            break
        if service not in chosen:
            chosen.append(service)
    return chosen
