"""Import from Suomi.fi Palvelutietovaranto (PTV): PTV Open API v11 JSON -> our services.yaml
records, with a report of what was added, changed or could not be used.

The functions work on the JSON the PTV Open API returns (already parsed into Python
objects); fetching over HTTP is left to the caller. The shapes read, the extra key, areas,
languages and service hours are described in :mod:`catalogue.importers.ptv_common`.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from catalogue.importers.ptv_common import (
    DESCRIPTION_TYPES,
    EXTRA_KEY,
    FINNISH,
    OTHER_LANGUAGES,
    TRANSLATED_FIELDS,
    localized,
)

#: Where a PTV service can be read; used as ``source_url`` of imported records.
PTV_SERVICE_URL = "https://api.palvelutietovaranto.suomi.fi/api/v11/Service/{id}"

#: Top-level PTV target groups (KR codes) with an obvious Polkuopas audience. Sub-groups
#: (KR1.2, KR2.1, ...) stay unmapped (kept in ``ptv_target_groups`` only) until their
#: meaning is confirmed from the Finto target group vocabulary.
AUDIENCE_BY_TARGET_GROUP = {
    "KR1": "jobseeker",  # Kansalaiset (citizens)
    "KR2": "employer",  # Yritykset ja yhteisöt (businesses and organisations)
}

#: The PTV service channel types the importer reads.
CHANNEL_TYPES = ("EChannel", "WebPage", "PrintableForm", "Phone", "ServiceLocation")
#: The channel entry kind that carries a PTV channel's service hours.
HOURS_KIND = {
    "ServiceLocation": "address",
    "Phone": "phone",
    "EChannel": "echannel",
    "PrintableForm": "echannel",
    "WebPage": "web",
}
#: PTV weekday names and their Finnish abbreviations.
WEEKDAYS = {
    "Monday": "ma",
    "Tuesday": "ti",
    "Wednesday": "ke",
    "Thursday": "to",
    "Friday": "pe",
    "Saturday": "la",
    "Sunday": "su",
}


@dataclass
class ImportProblem:
    """One record (or page) the importer could not use, and why."""

    where: str
    reason: str
    ptv_id: str | None = None


@dataclass
class ImportResult:
    """The catalogue after an import and a report of what the import did.

    ``records`` holds the existing records (updated where PTV had a newer version)
    followed by the added ones. ``added``, ``changed`` and ``unchanged`` hold record ids.
    """

    records: list[dict[str, Any]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[ImportProblem] = field(default_factory=list)

    def summary(self) -> str:
        """A one-line report for logs and the CLI."""
        return (
            f"PTV import: {len(self.added)} added, {len(self.changed)} changed, "
            f"{len(self.unchanged)} unchanged, {len(self.errors)} errors"
        )


class RecordError(ValueError):
    """A PTV object is unusable; the message says why."""


# ---------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    """A lowercase ASCII slug of a Finnish name: ``Työkokeilu Oulussa`` -> ``tyokokeilu-oulussa``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "palvelu"


def _codes(items: Any, where: str) -> list[str]:
    """The ``code`` of every Finto item (service class, target group, ...) in order."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise RecordError(f"{where} is not a list")
    codes = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            raise RecordError(f"{where} has an item without a code")
        codes.append(item["code"])
    return codes


def _modified_date(value: Any) -> dt.date:
    """The date part of PTV's ``modified`` timestamp (``2026-11-20T08:15:00Z`` style)."""
    if not isinstance(value, str):
        raise RecordError("modified is missing")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as error:
        raise RecordError(f"modified is not a date: {value!r}") from error


def _iter_items(pages: Any, kind: str, errors: list[ImportProblem]) -> list[tuple[str, Any]]:
    """Flattens pages into ``(location, item)`` pairs, reporting malformed pages."""
    found: list[tuple[str, Any]] = []
    if not isinstance(pages, list):
        errors.append(ImportProblem(f"{kind} pages", "pages are not a list"))
        return found
    for page_index, page in enumerate(pages):
        where = f"{kind} page {page_index + 1}"
        if not isinstance(page, dict) or not isinstance(page.get("itemList"), list):
            errors.append(ImportProblem(where, "malformed page: no itemList list"))
            continue
        for item_index, item in enumerate(page["itemList"]):
            found.append((f"{where} item {item_index + 1}", item))
    return found


# ---------------------------------------------------------------- channels


def _phone_text(phone: dict[str, Any]) -> str | None:
    number = phone.get("number")
    if not isinstance(number, str) or not number.strip():
        return None
    prefix = phone.get("prefixNumber")
    return f"{prefix} {number}" if isinstance(prefix, str) and prefix else number


def _address_text(address: dict[str, Any]) -> str | None:
    """A one-line address from a PTV street address (``street number, postal code post office``)."""
    street = address.get("streetAddress")
    if not isinstance(street, dict):
        return None
    street_name = localized(street.get("street"))
    if not street_name:
        return None
    line = " ".join(part for part in (street_name, street.get("streetNumber")) if part)
    place = " ".join(part for part in (street.get("postalCode"), localized(street.get("postOffice"))) if part)
    return f"{line}, {place}" if place else line


def _clock(value: Any) -> str | None:
    """``09:00:00`` / ``09:00`` -> ``9.00``."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", value) if isinstance(value, str) else None
    return f"{int(match.group(1))}.{match.group(2)}" if match else None


def hours_text(service_hours: Any) -> str | None:
    """Finnish text of a PTV channel's regular service hours, or None when there are none."""
    parts: list[str] = []
    for hour in service_hours if isinstance(service_hours, list) else []:
        if not isinstance(hour, dict) or hour.get("serviceHourType") not in ("DaysOfTheWeek", "OverMidnight"):
            continue
        times = []
        if hour.get("isAlwaysOpen"):
            times.append("aina avoinna")
        for opening in hour.get("openingHour") or []:
            if not isinstance(opening, dict):
                continue
            days = "–".join(WEEKDAYS[d] for d in (opening.get("dayFrom"), opening.get("dayTo")) if d in WEEKDAYS)
            start, end = _clock(opening.get("from")), _clock(opening.get("to"))
            clock = f"{start}–{end}" if start and end else None
            if days or clock:
                times.append(" ".join(part for part in (days, clock) if part))
        info = localized(hour.get("additionalInformation"))
        text = ", ".join(times)
        if info:
            text = f"{text} ({info})" if text else info
        if text:
            parts.append(text)
    return "; ".join(parts) or None


def channel_entries(channel: dict[str, Any]) -> list[dict[str, Any]]:
    """Our channel entries ``{kind, value, label[, hours]}`` of one PTV service channel.

    Web pages come first, then phones, e-mails and street addresses. Only Finnish
    contact details are used. The channel's regular service hours go on the entry of its
    own kind (see the module docstring). Raises :class:`RecordError` on an unknown
    channel type.
    """
    channel_type = channel.get("serviceChannelType")
    if channel_type not in CHANNEL_TYPES:
        raise RecordError(f"unknown serviceChannelType {channel_type!r}")
    label = localized(channel.get("serviceChannelNames"), item_type="Name")
    web_kind = "echannel" if channel_type in ("EChannel", "PrintableForm") else "web"
    entries: list[dict[str, Any]] = []
    for page in channel.get("webPages") or []:
        if isinstance(page, dict) and page.get("language") == FINNISH and page.get("url"):
            entries.append({"kind": web_kind, "value": page["url"], "label": label})
    for phone in channel.get("phoneNumbers") or []:
        if isinstance(phone, dict) and phone.get("language") == FINNISH and phone.get("type", "Phone") == "Phone":
            text = _phone_text(phone)
            if text:
                entries.append({"kind": "phone", "value": text, "label": label})
    for email in (channel.get("supportEmails") or []) + (channel.get("emails") or []):
        if isinstance(email, dict) and email.get("language") == FINNISH and email.get("value"):
            entries.append({"kind": "email", "value": email["value"], "label": label})
    for address in channel.get("addresses") or []:
        if isinstance(address, dict):
            text = _address_text(address)
            if text:
                entries.append({"kind": "address", "value": text, "label": label})
    hours = hours_text(channel.get("serviceHours"))
    if hours and entries:
        own = [e for e in entries if e["kind"] == HOURS_KIND[channel_type]] or entries[:1]
        for entry in own:
            entry["hours"] = hours
    return entries


def _index_channels(channel_pages: Any, errors: list[ImportProblem]) -> dict[str, list[dict[str, Any]]]:
    """Channel id -> our channel entries; bad channels are reported and left out."""
    by_id: dict[str, list[dict[str, Any]]] = {}
    for where, channel in _iter_items(channel_pages, "channel", errors):
        channel_id = channel.get("id") if isinstance(channel, dict) else None
        if not isinstance(channel_id, str) or not channel_id:
            errors.append(ImportProblem(where, "malformed channel: no id"))
            continue
        try:
            by_id[channel_id] = channel_entries(channel)
        except RecordError as error:
            errors.append(ImportProblem(where, str(error), channel_id))
    return by_id


# ---------------------------------------------------------------- services


def _scope_from_areas(service: dict[str, Any], municipality_codes: list[str]) -> str:
    area_type = service.get("areaType")
    if area_type in ("Nationwide", "NationwideExceptAlandIslands"):
        return "national"
    if area_type not in ("LimitedType", None):
        raise RecordError(f"unknown areaType {area_type!r}")
    return "municipal" if len(municipality_codes) == 1 else "regional"


def _municipality_codes(areas: Any) -> list[str]:
    """Municipality codes from ``areas`` (both ``Municipality`` areas and larger areas' lists)."""
    if areas is None:
        return []
    if not isinstance(areas, list):
        raise RecordError("areas is not a list")
    codes: list[str] = []
    for area in areas:
        if not isinstance(area, dict):
            raise RecordError("areas has an item that is not an object")
        members = area.get("municipalities") or []
        if area.get("type") == "Municipality" and not members and area.get("code"):
            members = [{"code": area["code"]}]
        for municipality in members:
            code = municipality.get("code") if isinstance(municipality, dict) else None
            if isinstance(code, str) and code not in codes:
                codes.append(code)
    return codes


def service_record(
    service: Any, channels_by_id: dict[str, list[dict[str, Any]]], problems: list[str]
) -> dict[str, Any]:
    """Our record fields from one PTV service (without an id of ours).

    Raises :class:`RecordError` when the service cannot be used at all; smaller problems
    (a link to an unknown channel) are appended to ``problems`` and the rest is kept.
    """
    if not isinstance(service, dict):
        raise RecordError("malformed service: not an object")
    ptv_id = service.get("id")
    if not isinstance(ptv_id, str) or not ptv_id:
        raise RecordError("malformed service: no id")
    for list_field in ("serviceNames", "serviceDescriptions", "serviceChannels"):
        if service.get(list_field) is not None and not isinstance(service[list_field], list):
            raise RecordError(f"malformed service: {list_field} is not a list")
    title = localized(service.get("serviceNames"), item_type="Name")
    if title is None:
        raise RecordError("no Finnish name (serviceNames type Name, language fi)")
    municipality_codes = _municipality_codes(service.get("areas"))
    target_groups = _codes(service.get("targetGroups"), "targetGroups")
    record: dict[str, Any] = {
        "title": title,
        "scope": _scope_from_areas(service, municipality_codes),
        **{
            ours: localized(service.get("serviceDescriptions"), item_type=ptv_type)
            for ours, ptv_type in DESCRIPTION_TYPES.items()
        },
        "ptv_id": ptv_id,
        "ptv_municipality_codes": municipality_codes,
        "ptv_target_groups": target_groups,
        "ptv_service_classes": _codes(service.get("serviceClasses"), "serviceClasses"),
        "source_url": PTV_SERVICE_URL.format(id=ptv_id),
        "last_verified": _modified_date(service.get("modified")),
    }
    for lang in OTHER_LANGUAGES:
        texts = {"title": localized(service.get("serviceNames"), lang, "Name")}
        texts.update(
            (ours, localized(service.get("serviceDescriptions"), lang, ptv_type))
            for ours, ptv_type in DESCRIPTION_TYPES.items()
        )
        record.update((f"{name}_{lang}", value) for name, value in texts.items() if value is not None)
    audience = [AUDIENCE_BY_TARGET_GROUP[c] for c in target_groups if c in AUDIENCE_BY_TARGET_GROUP]
    if audience:
        record["audience"] = list(dict.fromkeys(audience))

    channels: list[dict[str, Any]] = []
    for link in service.get("serviceChannels") or []:
        linked = link.get("serviceChannel") if isinstance(link, dict) else None
        channel_id = linked.get("id") if isinstance(linked, dict) else None
        if not isinstance(channel_id, str):
            problems.append("malformed serviceChannels item (skipped)")
        elif channel_id not in channels_by_id:
            problems.append(f"unknown channel id {channel_id} (channel skipped)")
        else:
            channels.extend(copy.deepcopy(channels_by_id[channel_id]))
    # The first Finnish web page is the record's url; seeding adds `url` as a web channel
    # itself, so that entry is not repeated in `channels`.
    url_entry = next((c for c in channels if c["kind"] in ("web", "echannel") and not c.get("hours")), None)
    record["url"] = url_entry["value"] if url_entry else None
    record["channels"] = [c for c in channels if c is not url_entry]

    extra = service.get(EXTRA_KEY)
    if extra is not None:
        if not isinstance(extra, dict):
            raise RecordError(f"malformed {EXTRA_KEY}: not an object")
        record.update(copy.deepcopy(extra))
        if extra.get("syntheticPtvId"):
            record.pop("syntheticPtvId", None)
            record.pop("ptv_id", None)
        if extra.get("derivedAreas"):
            # Codes we derived from municipality / employment_area / provider on export.
            record.pop("derivedAreas", None)
            record.pop("ptv_municipality_codes", None)
    return record


def import_ptv(
    service_pages: list[dict[str, Any]],
    channel_pages: list[dict[str, Any]],
    existing: list[dict[str, Any]],
) -> ImportResult:
    """Merges PTV services into our records and reports what changed.

    A PTV service updates the existing record whose ``ptv_id`` equals its id (or, for
    our own exports, whose ``id`` equals the exported id); otherwise it is added with an
    id slugged from its Finnish name. Fields PTV does not have (category, key_rules, ...)
    are kept from the existing record. Bad pages, services and channels are reported in
    ``errors`` and never stop the import. The input lists are not modified.
    """
    result = ImportResult(records=copy.deepcopy(list(existing)))
    channels_by_id = _index_channels(channel_pages, result.errors)
    position_by_ptv_id = {r["ptv_id"]: i for i, r in enumerate(result.records) if r.get("ptv_id")}
    position_by_id = {r.get("id"): i for i, r in enumerate(result.records)}
    seen_ptv_ids: set[str] = set()

    for where, service in _iter_items(service_pages, "service", result.errors):
        raw_id = service.get("id") if isinstance(service, dict) else None
        problems: list[str] = []
        try:
            imported = service_record(service, channels_by_id, problems)
        except RecordError as error:
            result.errors.append(ImportProblem(where, str(error), raw_id if isinstance(raw_id, str) else None))
            continue
        ptv_id: str = service["id"]  # service_record accepted it: a non-empty string
        if ptv_id in seen_ptv_ids:
            result.errors.append(ImportProblem(where, "duplicate service id in the pages (skipped)", ptv_id))
            continue
        seen_ptv_ids.add(ptv_id)
        result.errors.extend(ImportProblem(where, problem, ptv_id) for problem in problems)

        position = position_by_ptv_id.get(ptv_id)
        if position is None and imported.get("id") in position_by_id:
            position = position_by_id[imported["id"]]
        if position is not None:
            current = result.records[position]
            merged = {**current, **imported, "id": current["id"]}
            for name in TRANSLATED_FIELDS:
                if name not in imported:
                    merged.pop(name, None)  # PTV no longer has this language version
            if _normalised(merged) == _normalised(current):
                result.unchanged.append(current["id"])
            else:
                result.records[position] = merged
                result.changed.append(current["id"])
            continue

        record_id = imported.get("id") or _free_id(slugify(imported["title"]), position_by_id)
        record = {"id": record_id, **{k: v for k, v in imported.items() if k != "id"}}
        position_by_id[record_id] = len(result.records)
        if record.get("ptv_id"):
            position_by_ptv_id[record["ptv_id"]] = len(result.records)
        result.records.append(record)
        result.added.append(record_id)
    return result


def _free_id(slug: str, taken: dict[Any, int]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _normalised(value: Any) -> Any:
    """Drops None, empty lists and empty dicts (recursively) so "absent" equals "empty"."""
    if isinstance(value, dict):
        cleaned = {k: _normalised(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_normalised(v) for v in value]
    return value


def normalised(record: dict[str, Any]) -> dict[str, Any]:
    """A record with None and empty values dropped, for comparing records."""
    cleaned: dict[str, Any] = _normalised(record)
    return cleaned
