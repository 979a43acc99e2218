"""The events of what the bot answered: a path, a package, a service question or search, and the
needs the person's own area had no service for.

A need is a catalogue category. The area lacks it when the catalogue has a local (regional or
municipal) service of that category somewhere, but none for the person's municipality: a
category only the state or Kela offers (registration, benefits) is never a local gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from catalogue.repository import CatalogueSnapshot, ServiceRecord
from insights.events import Event
from understanding.municipalities import Municipality

_local: dict[str, frozenset[str]] = {}


def local_categories(catalogue: CatalogueSnapshot) -> frozenset[str]:
    """The categories some area or municipality offers a service of its own in (per catalogue version)."""
    version = catalogue.version.split(":")[0]
    if version not in _local:
        _local[version] = frozenset(s.category for s in catalogue.services.values() if s.scope != "national")
    return _local[version]


def lacks(catalogue: CatalogueSnapshot, municipality: Municipality | None, category: str) -> bool:
    """Whether the municipality's area has none of its own services of a category others have."""
    if municipality is None or category not in local_categories(catalogue):
        return False
    if catalogue.area_for_municipality(municipality.code) is None:
        return False
    return not any(service.category == category for service in catalogue.local_services(municipality.code))


def area_id(catalogue: CatalogueSnapshot, municipality: Municipality | None) -> str | None:
    area = catalogue.area_for_municipality(municipality.code) if municipality else None
    return area.id if area else None


def _unmet(
    catalogue: CatalogueSnapshot, municipality: Municipality | None, categories: Iterable[str], **common: Any
) -> list[Event]:
    return [
        Event(kind="unmet_need", category=category, **common)
        for category in dict.fromkeys(categories)
        if lacks(catalogue, municipality, category)
    ]


def path_events(
    catalogue: CatalogueSnapshot, path: dict[str, Any], municipality: Municipality | None, lang: str
) -> list[Event]:
    """A recommended service path (POST /api/recommend/jobseeker's shape): its steps and services,
    and each step's need (the commonest category of its services) the area lacks."""
    common: dict[str, Any] = {"lang": lang, "area_id": area_id(catalogue, municipality), "audience": "jobseeker"}
    steps = path.get("steps") or []
    needs = []
    for step in steps:
        categories = Counter(card.get("category") for card in step.get("services") or [] if card.get("category"))
        if categories:
            needs.append(categories.most_common(1)[0][0])
    service_ids = [card["id"] for step in steps for card in step.get("services") or []]
    path_event = Event(
        kind="path",
        steps=tuple(step["id"] for step in steps),
        service_ids=tuple(dict.fromkeys(service_ids)),
        **common,
    )
    return [path_event, *_unmet(catalogue, municipality, needs, **common)]


def package_events(
    catalogue: CatalogueSnapshot, package: dict[str, Any], municipality: Municipality | None, lang: str
) -> list[Event]:
    """A recommended support package: its supports, and "employer_support" when the area has no
    employer support of its own."""
    common: dict[str, Any] = {"lang": lang, "area_id": area_id(catalogue, municipality), "audience": "employer"}
    ids = tuple(dict.fromkeys(support["service"]["id"] for support in package.get("supports") or []))
    return [
        Event(kind="package", service_ids=ids, **common),
        *_unmet(catalogue, municipality, ["employer_support"], **common),
    ]


def answer_events(
    catalogue: CatalogueSnapshot,
    services: list[ServiceRecord],
    municipality: Municipality | None,
    lang: str,
    *,
    audience: str | None,
    topic: str | None = None,
    kind: str = "request",
) -> list[Event]:
    """A question or search answered with services: what was asked (the best answer's category),
    and whether the person's area lacks it."""
    category = services[0].category if services else None
    common: dict[str, Any] = {"lang": lang, "area_id": area_id(catalogue, municipality), "audience": audience}
    asked = Event(kind=kind, topic=topic, category=category, **common)  # type: ignore[arg-type]
    return [asked, *_unmet(catalogue, municipality, [category] if category else [], **common)]
