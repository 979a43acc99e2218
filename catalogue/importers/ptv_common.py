"""What the PTV importer and exporter share: the PTV Open API v11 shapes, constants,
language-version helpers, paging and the place lookup.

Suomi.fi Palvelutietovaranto (PTV, Finnish Service Catalogue); its Open API for reading
("OUT" integrations) is documented at
https://kehittajille.suomi.fi/services/servicecatalogue/utilisation-of-fsc-data/technical-documentation-for-implementers-of-integrations/additional-information-for-implementers-of-the-out-integration
:mod:`catalogue.importers.ptv_import` reads PTV into our records,
:mod:`catalogue.importers.ptv_export` writes our records as PTV.

The functions work on the JSON the PTV Open API v11 returns (already parsed into
Python objects); fetching over HTTP is left to the caller.

Shapes read and written (field names of the v11 view models):

* a paged list (``V3VmOpenApiGuidPage``): ``{"pageNumber", "pageSize", "pageCount",
  "itemList": [...]}``;
* a service (``V11VmOpenApiService``): ``id``, ``type``, ``serviceNames`` and
  ``serviceDescriptions`` (localized items ``{"type", "language", "value"}``; description
  types ``Summary``, ``Description``, ``UserInstruction``, ...), ``serviceClasses``,
  ``targetGroups``, ``lifeEvents`` (Finto items with ``code`` and localized ``name``),
  ``areaType`` (``Nationwide``, ``NationwideExceptAlandIslands``, ``LimitedType``),
  ``areas`` (``{"type": "Municipality", "code", "municipalities": [{"code", "name"}]}``),
  ``serviceChannels`` (``[{"serviceChannel": {"id", "name"}}, ...]``) and ``modified``;
* a service channel: ``id``, ``serviceChannelType`` (``EChannel``, ``WebPage``,
  ``PrintableForm``, ``Phone``, ``ServiceLocation``), ``serviceChannelNames``,
  ``webPages`` (``{"url", "value", "language"}``), ``phoneNumbers`` (``{"number",
  "prefixNumber", "language", ...}``), ``supportEmails`` / ``emails``
  (``{"value", "language"}``) and ``addresses`` (``{"type", "subType", "streetAddress":
  {"street", "streetNumber", "postalCode", "postOffice"}}``).

Polkuopas fields PTV has no place for travel in one extra key, ``polkuopasExtra``
(see :data:`EXTRA_KEY`), on the exported service object. PTV itself never sends it; the
importer only reads it, so an export can be imported back without loss.

Areas. A national record is exported as ``areaType: Nationwide`` without areas; any
other record as ``LimitedType`` with one ``Municipality`` area per municipality code
(``{"type": "Municipality", "code", "name", "municipalities": [{"code", "name"}]}``).
The codes are the record's ``ptv_municipality_codes`` when it has them (it came from
PTV); otherwise they are derived from our data (:class:`Places`): the record's
``municipality`` (a Finnish name, looked up in municipalities.json), else its
``employment_area``'s member municipalities (employment_areas.yaml), else its
``provider``'s municipalities (providers.yaml). Derived codes are marked
``derivedAreas: true`` in the extra block, and the importer then does not store them as
``ptv_municipality_codes``: our own records keep linking places through
``municipality`` / ``employment_area`` / ``provider`` only, so the round trip adds
nothing. Codes read from a PTV record without that mark are stored as
``ptv_municipality_codes``.

Languages. Finnish texts are ``title``, ``summary``, ``description`` and
``how_to_apply``; Swedish and English versions, when a record has them, are the
optional ``<field>_sv`` / ``<field>_en`` fields (:data:`TRANSLATED_FIELDS`). They are
exported as localized items with ``language`` ``sv`` / ``en`` (``availableLanguages``
lists the languages with text) and read back from PTV the same way; PTV is authoritative
for them, so a translation PTV no longer has is dropped on import.

Service hours. A channel's ``serviceHours`` become the optional ``hours`` text of the
channel entry of the channel's own kind (the address of a ServiceLocation, the number of
a Phone channel, ...; else its first entry): regular (``DaysOfTheWeek`` /
``OverMidnight``) opening hours as ``ma–to 9.00–15.00, pe 9.00–13.00`` followed by the
Finnish ``additionalInformation`` in brackets; ``Exceptional`` hours (holidays) are left
out. An entry with ``hours`` is exported as one ``DaysOfTheWeek`` service hour whose
Finnish ``additionalInformation`` is that text, so it reads back unchanged. An entry
with hours is never taken as the record's ``url``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from catalogue import DATA_DIR

#: Key on an exported PTV service object carrying the Polkuopas fields PTV cannot hold.
EXTRA_KEY = "polkuopasExtra"

#: Our Finnish text fields that may have Swedish and English versions.
TRANSLATABLE = ("title", "summary", "description", "how_to_apply")
#: Other languages than Finnish read from and written to PTV.
OTHER_LANGUAGES = ("sv", "en")
#: Optional record fields holding the other language versions: ``title_sv``, ``summary_en``, ...
TRANSLATED_FIELDS = tuple(f"{name}_{lang}" for name in TRANSLATABLE for lang in OTHER_LANGUAGES)

#: Our description fields and the PTV description types they map to.
DESCRIPTION_TYPES = {
    "summary": "Summary",
    "description": "Description",
    "how_to_apply": "UserInstruction",
}

#: The language of our own texts.
FINNISH = "fi"


@dataclass(frozen=True)
class Places:
    """What the exporter needs to turn our place links into PTV municipality codes.

    ``code_by_name``: casefolded Finnish municipality name -> code; ``names``: code ->
    ``{"fi": ..., "sv": ...}``; ``area_names`` / ``provider_names``: employment area or
    provider id -> the Finnish names of its municipalities.
    """

    code_by_name: dict[str, str] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    area_names: dict[str, list[str]] = field(default_factory=dict)
    provider_names: dict[str, list[str]] = field(default_factory=dict)

    def codes(self, names: list[str]) -> list[str]:
        """Sorted codes of the known names among ``names`` (unknown ones are left to ``catalogue check``)."""
        found = {self.code_by_name[str(n).casefold()] for n in names if str(n).casefold() in self.code_by_name}
        return sorted(found)


def load_places(data_dir: Path = DATA_DIR) -> Places:
    """:class:`Places` from municipalities.json, employment_areas.yaml and providers.yaml."""
    municipalities = json.loads((data_dir / "municipalities.json").read_text(encoding="utf-8"))["municipalities"]

    def _yaml(name: str) -> list[dict[str, Any]]:
        path = data_dir / name
        return (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []

    return Places(
        code_by_name={m["name_fi"].casefold(): m["code"] for m in municipalities},
        names={
            m["code"]: {lang: m[f"name_{lang}"] for lang in ("fi", "sv") if m.get(f"name_{lang}")}
            for m in municipalities
        },
        area_names={a["id"]: list(a.get("municipalities") or []) for a in _yaml("employment_areas.yaml")},
        provider_names={p["id"]: list(p.get("municipalities") or []) for p in _yaml("providers.yaml")},
    )


def area_codes(record: dict[str, Any], places: Places) -> tuple[list[str], bool]:
    """The municipality codes a record is exported with, and whether they were derived.

    National records have none. ``ptv_municipality_codes`` (from PTV) win; otherwise the
    codes come from ``municipality``, else ``employment_area``, else ``provider``.
    """
    if record.get("ptv_municipality_codes"):
        return list(record["ptv_municipality_codes"]), False
    if record.get("scope") == "national":
        return [], False
    if record.get("municipality"):
        codes = places.codes([record["municipality"]])
    elif record.get("employment_area"):
        codes = places.codes(places.area_names.get(record["employment_area"], []))
    elif record.get("provider"):
        codes = places.codes(places.provider_names.get(record["provider"], []))
    else:
        codes = []
    return codes, bool(codes)


def paged(items: list[dict[str, Any]], page_size: int = 100) -> list[dict[str, Any]]:
    """Splits items into PTV-style pages ``{"pageNumber", "pageSize", "pageCount", "itemList"}``.

    Page numbers start at 1, as in the PTV API. An empty list gives one empty page.
    """
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    page_count = max(1, -(-len(items) // page_size))
    return [
        {
            "pageNumber": number + 1,
            "pageSize": page_size,
            "pageCount": page_count,
            "itemList": items[number * page_size : (number + 1) * page_size],
        }
        for number in range(page_count)
    ]


def localized(items: Any, language: str = FINNISH, item_type: str | None = None) -> str | None:
    """The value of the first localized item in ``language`` (and of ``item_type`` if given)."""
    if not isinstance(items, list):
        return None
    for item in items:
        if not isinstance(item, dict) or item.get("language") != language:
            continue
        if item_type is not None and item.get("type") != item_type:
            continue
        value = item.get("value")
        if isinstance(value, str) and value != "":
            return value
    return None


def text_item(value: str, item_type: str | None = None, language: str = FINNISH) -> dict[str, Any]:
    """A localized PTV item ``{"type"?, "language", "value"}``."""
    item: dict[str, Any] = {"language": language, "value": value}
    if item_type is not None:
        item = {"type": item_type, **item}
    return item
