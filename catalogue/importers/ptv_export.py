"""Export to Suomi.fi Palvelutietovaranto (PTV): our catalogue records -> PTV Open API v11
service and channel objects (page them with :func:`catalogue.importers.ptv_common.paged`).

The objects are the ones :func:`catalogue.importers.ptv_import.import_ptv` reads, so an export
imports back without loss. Areas, languages, service hours and the extra key
(:data:`~catalogue.importers.ptv_common.EXTRA_KEY`) are described in
:mod:`catalogue.importers.ptv_common`.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from catalogue.importers.ptv_common import (
    DESCRIPTION_TYPES,
    EXTRA_KEY,
    FINNISH,
    OTHER_LANGUAGES,
    TRANSLATED_FIELDS,
    Places,
    area_codes,
    load_places,
    text_item,
)

#: Namespace for deterministic PTV-style ids of exported records that have no ``ptv_id``.
EXPORT_NAMESPACE = uuid.UUID("5b0f3f0e-6a43-4d0b-9a51-1f6c2f3c9e11")

#: Fields of our record that the importer derives from plain PTV fields.
PTV_DERIVED_FIELDS = (
    "title",
    "summary",
    "description",
    "how_to_apply",
    "url",
    "channels",
    "last_verified",
    "ptv_id",
    "ptv_municipality_codes",
    "ptv_target_groups",
    "ptv_service_classes",
)

#: Our channel entry kinds the exporter can write.
CHANNEL_KINDS = ("web", "phone", "email", "echannel", "address")


def _channel_object(
    channel_id: str, kind: str, value: str, label: str | None, hours: str | None = None
) -> dict[str, Any]:
    """A PTV service channel holding one of our channel entries."""
    channel_type = {
        "web": "WebPage",
        "echannel": "EChannel",
        "phone": "Phone",
        "email": "EChannel",
        "address": "ServiceLocation",
    }[kind]
    channel: dict[str, Any] = {
        "id": channel_id,
        "serviceChannelType": channel_type,
        "serviceChannelNames": [text_item(label, "Name")] if label else [],
        "serviceChannelDescriptions": [],
        "webPages": [],
        "phoneNumbers": [],
        "supportEmails": [],
        "addresses": [],
        "serviceHours": [],
    }
    if hours:
        channel["serviceHours"] = [
            {
                "serviceHourType": "DaysOfTheWeek",
                "validForNow": True,
                "isClosed": False,
                "isAlwaysOpen": False,
                "additionalInformation": [text_item(hours)],
                "openingHour": [],
            }
        ]
    if kind in ("web", "echannel"):
        channel["webPages"] = [{"url": value, "value": label, "language": FINNISH}]
    elif kind == "phone":
        channel["phoneNumbers"] = [{"type": "Phone", "number": value, "prefixNumber": None, "language": FINNISH}]
    elif kind == "email":
        channel["supportEmails"] = [text_item(value)]
    else:
        channel["addresses"] = [
            {"type": "Location", "subType": "Single", "streetAddress": {"street": [text_item(value)]}}
        ]
    return channel


def _area_object(code: str, places: Places) -> dict[str, Any]:
    """A PTV ``Municipality`` area with its localized names (when known)."""
    names = [{"language": lang, "value": value} for lang, value in places.names.get(code, {}).items()]
    return {
        "type": "Municipality",
        "code": code,
        "name": names,
        "municipalities": [{"code": code, "name": copy.deepcopy(names)}],
    }


def export_ptv(
    records: list[dict[str, Any]], places: Places | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Our records as PTV-shaped ``(services, channels)``, the objects :func:`import_ptv` reads.

    ``places`` (default: :func:`load_places` of the catalogue's data files) turns
    municipality names, employment areas and providers into municipality codes; see the
    module docstring on areas.

    ``url`` becomes a WebPage channel linked first; each ``channels`` entry becomes a
    channel of its own. Records without ``ptv_id`` get a deterministic UUID (marked
    ``syntheticPtvId`` in the extra block so the import does not store it). Every field
    PTV has no place for travels in :data:`EXTRA_KEY`; dates inside it are not expected.
    Record channels of kind ``web`` must not repeat the record's ``url``.
    """
    places = load_places() if places is None else places
    services: list[dict[str, Any]] = []
    channels: list[dict[str, Any]] = []
    for record in records:
        ptv_id = record.get("ptv_id") or str(uuid.uuid5(EXPORT_NAMESPACE, f"service:{record['id']}"))
        entries = []
        if record.get("url"):
            entries.append(("web", record["url"], "Verkkosivu", None))
        for channel in record.get("channels") or []:
            if channel.get("kind") not in CHANNEL_KINDS:
                raise ValueError(f"{record['id']}: unknown channel kind {channel.get('kind')!r}")
            entries.append((channel["kind"], str(channel["value"]), channel.get("label"), channel.get("hours")))
        links = []
        for position, (kind, value, label, hours) in enumerate(entries):
            channel_id = str(uuid.uuid5(EXPORT_NAMESPACE, f"channel:{record['id']}:{position}"))
            channels.append(_channel_object(channel_id, kind, value, label, hours and str(hours)))
            links.append({"serviceChannel": {"id": channel_id, "name": label}})

        municipality_codes, derived_areas = area_codes(record, places)
        extra = {
            k: copy.deepcopy(v) for k, v in record.items() if k not in PTV_DERIVED_FIELDS and k not in TRANSLATED_FIELDS
        }
        extra["id"] = record["id"]
        # The importer derives these when PTV has them; carry ours (even when empty) so
        # the round trip neither invents nor drops them.
        for derived in ("audience", "scope", "source_url"):
            extra[derived] = copy.deepcopy(record.get(derived))
        if not record.get("ptv_id"):
            extra["syntheticPtvId"] = True
        if derived_areas:
            extra["derivedAreas"] = True
        last_verified = record.get("last_verified")
        languages = (FINNISH, *OTHER_LANGUAGES)
        names = [text_item(record["title"], "Name")] + [
            text_item(record[f"title_{lang}"], "Name", lang) for lang in OTHER_LANGUAGES if record.get(f"title_{lang}")
        ]
        descriptions = [
            text_item(record[key], ptv_type, lang)
            for ours, ptv_type in DESCRIPTION_TYPES.items()
            for lang in languages
            if record.get(key := ours if lang == FINNISH else f"{ours}_{lang}")
        ]
        available = [lang for lang in languages if any(item["language"] == lang for item in names + descriptions)]
        services.append(
            {
                "id": ptv_id,
                "type": "Service",
                "serviceNames": names,
                "serviceDescriptions": descriptions,
                "availableLanguages": available,
                "serviceClasses": [{"code": c, "name": []} for c in record.get("ptv_service_classes") or []],
                "targetGroups": [{"code": c, "name": []} for c in record.get("ptv_target_groups") or []],
                "lifeEvents": [],
                "ontologyTerms": [],
                "areaType": "Nationwide" if record.get("scope") == "national" else "LimitedType",
                "areas": [_area_object(code, places) for code in municipality_codes],
                "organizations": [],
                "serviceChannels": links,
                "modified": f"{str(last_verified)[:10]}T00:00:00Z" if last_verified else None,
                EXTRA_KEY: extra,
            }
        )
    return services, channels
