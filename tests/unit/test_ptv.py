"""Tests for the Suomi.fi Palvelutietovaranto (PTV) importer and exporter."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from catalogue.importers.ptv_common import EXTRA_KEY, load_places, paged
from catalogue.importers.ptv_export import export_ptv
from catalogue.importers.ptv_import import ImportResult, hours_text, import_ptv, normalised, slugify

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ptv"
SERVICES_YAML = Path(__file__).resolve().parents[2] / "catalogue" / "data" / "services.yaml"

WORK_TRIAL = "6f1c7a52-2b1e-4c43-9d3e-0a8f5d6e1a01"
TAMPERE_BONUS = "6f1c7a52-2b1e-4c43-9d3e-0a8f5d6e1a02"
YOUTH_WORKSHOP = "6f1c7a52-2b1e-4c43-9d3e-0a8f5d6e1a03"
COACHING = "6f1c7a52-2b1e-4c43-9d3e-0a8f5d6e1a06"


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture()
def service_pages() -> list[dict[str, Any]]:
    return _load("services.json")


@pytest.fixture()
def channel_pages() -> list[dict[str, Any]]:
    return _load("channels.json")


def _by_ptv_id(result: ImportResult) -> dict[str, dict[str, Any]]:
    return {r["ptv_id"]: r for r in result.records if r.get("ptv_id")}


def _wire(value: Any) -> Any:
    """Sends a value through JSON, as the PTV API would."""
    return json.loads(json.dumps(value, ensure_ascii=False))


# ---------------------------------------------------------------- import


def test_import_counts(service_pages, channel_pages):
    result = import_ptv(service_pages, channel_pages, [])

    assert sorted(result.added) == sorted(
        ["tyokokeilu", "tampereen-kuntalisa", "nuorten-tyopaja-pohjois-karjala", "tyonhakuvalmennus"]
    )
    assert result.changed == []
    assert result.unchanged == []
    assert len(result.records) == 4
    assert len(result.errors) == 7
    assert "4 added, 0 changed, 0 unchanged, 7 errors" in result.summary()


def test_import_maps_national_service(service_pages, channel_pages):
    record = _by_ptv_id(import_ptv(service_pages, channel_pages, []))[WORK_TRIAL]

    assert record["id"] == "tyokokeilu"
    assert record["title"] == "Työkokeilu"
    assert record["summary"] == "Työkokeilussa voit kokeilla sopiiko ala sinulle."
    assert record["description"].startswith("Työkokeilu kestää enintään kuusi kuukautta.")
    assert record["how_to_apply"] == "Sovi työkokeilusta asiantuntijasi kanssa."
    assert record["scope"] == "national"
    assert record["ptv_municipality_codes"] == []
    assert record["ptv_service_classes"] == ["P10.1"]
    assert record["ptv_target_groups"] == ["KR1"]
    assert record["audience"] == ["jobseeker"]
    assert record["url"] == "https://tyomarkkinatori.fi/"  # the Finnish page, not the Swedish one
    assert record["channels"] == [
        {"kind": "phone", "value": "+358 295025500", "label": "Työllisyyspalvelujen puhelinpalvelu"}
    ]  # Swedish number and fax left out; the url is not repeated as a channel
    assert record["source_url"] == f"https://api.palvelutietovaranto.suomi.fi/api/v11/Service/{WORK_TRIAL}"
    assert record["last_verified"] == dt.date(2026, 11, 20)


def test_import_keeps_swedish_and_english_versions(service_pages, channel_pages):
    record = _by_ptv_id(import_ptv(service_pages, channel_pages, []))[WORK_TRIAL]

    assert record["title_sv"] == "Arbetsprövning"
    assert record["title_en"] == "Work trial"
    assert record["summary_sv"] == "I arbetsprövning kan du pröva om en bransch passar dig."
    assert record["summary_en"] == "A work trial lets you test whether a field suits you."
    assert record["description_en"] == "A work trial lasts at most six months."
    assert record["how_to_apply_sv"] == "Kom överens om arbetsprövning med din sakkunnige."
    assert "description_sv" not in record and "how_to_apply_en" not in record  # PTV has none
    tampere = _by_ptv_id(import_ptv(service_pages, channel_pages, []))[TAMPERE_BONUS]
    assert tampere["title_sv"] == "Tammerfors kommuntillägg"  # Name, not AlternativeName


def test_translation_removed_in_ptv_is_dropped(service_pages, channel_pages):
    first = import_ptv(service_pages, channel_pages, [])
    edited = copy.deepcopy(service_pages)
    names = edited[0]["itemList"][0]["serviceNames"]
    names[:] = [n for n in names if n["language"] != "en"]
    second = import_ptv(edited, channel_pages, first.records)

    assert second.changed == ["tyokokeilu"]
    assert "title_en" not in _by_ptv_id(second)[WORK_TRIAL]
    assert _by_ptv_id(second)[WORK_TRIAL]["title_sv"] == "Arbetsprövning"


def test_import_maps_limited_areas_and_channel_types(service_pages, channel_pages):
    records = _by_ptv_id(import_ptv(service_pages, channel_pages, []))

    tampere = records[TAMPERE_BONUS]
    assert tampere["scope"] == "municipal"
    assert tampere["ptv_municipality_codes"] == ["837"]
    assert tampere["ptv_service_classes"] == ["P10.4", "P10.1"]
    assert tampere["audience"] == ["employer"]
    assert tampere["title"] == "Tampereen kuntalisä"  # Name, not AlternativeName
    assert tampere["url"] == "https://www.tampere.fi/kuntalisa/haku"
    assert tampere["channels"] == [
        {"kind": "email", "value": "kuntalisa@tampere.fi", "label": "Kuntalisän sähköinen haku"},
        {"kind": "phone", "value": "03 565 611", "label": "Tampereen työllisyyspalvelut"},
        {
            "kind": "address",
            "value": "Hämeenkatu 1, 33100 TAMPERE",
            "label": "Tampereen työllisyyspalvelut",
            "hours": "ma–to 9.00–15.00, pe 9.00–13.00 (Muulloin ajanvarauksella)",
        },
    ]  # a service location's hours go on its address; the holiday exception is left out

    workshop = records[YOUTH_WORKSHOP]
    assert workshop["scope"] == "regional"
    assert workshop["ptv_municipality_codes"] == ["167", "276"]
    assert workshop["ptv_target_groups"] == ["KR1.2"]
    assert "audience" not in workshop  # no obvious mapping for a sub-group
    assert workshop["url"] == "https://example.invalid/lomake.pdf"
    assert workshop["description"] is None and workshop["how_to_apply"] is None


def test_broken_records_are_reported_not_fatal(service_pages, channel_pages):
    result = import_ptv(service_pages, channel_pages, [])
    reasons = [(e.ptv_id, e.reason) for e in result.errors]

    assert ("6f1c7a52-2b1e-4c43-9d3e-0a8f5d6e1a04", "no Finnish name (serviceNames type Name, language fi)") in reasons
    assert ("6f1c7a52-2b1e-4c43-9d3e-0a8f5d6e1a05", "malformed service: serviceNames is not a list") in reasons
    assert (None, "malformed service: not an object") in reasons
    assert (COACHING, "unknown channel id ffffffff-0000-4000-8000-000000000099 (channel skipped)") in reasons
    assert ("a1000000-0000-4000-8000-000000000006", "unknown serviceChannelType 'Fax'") in reasons
    assert (None, "malformed channel: no id") in reasons
    assert any(e.where == "service page 3" and "malformed page" in e.reason for e in result.errors)
    # the service with one unknown channel keeps the channel that exists
    coaching = _by_ptv_id(result)[COACHING]
    assert coaching["channels"] == [
        {"kind": "phone", "value": "+358 295025500", "label": "Työllisyyspalvelujen puhelinpalvelu"}
    ]
    assert coaching["url"] is None


def test_garbage_pages_do_not_raise():
    result = import_ptv([None, {"itemList": "x"}], "not pages", [])  # type: ignore[arg-type]
    assert result.records == [] and result.added == []
    assert len(result.errors) == 3


def test_existing_record_keeps_its_id_and_our_fields(service_pages, channel_pages):
    existing = [
        {
            "id": "kuntalisa-tampere",
            "ptv_id": TAMPERE_BONUS,
            "title": "Kuntalisä (Tampere)",
            "category": "municipal_support",
            "key_rules": ["Enintään 500 €/kk."],
        },
        {"id": "tyokokeilu", "title": "Työkokeilu (oma)", "category": "work_trial"},
    ]
    before = copy.deepcopy(existing)
    result = import_ptv(service_pages, channel_pages, existing)

    assert existing == before  # inputs are not modified
    assert result.changed == ["kuntalisa-tampere"]
    assert "tyokokeilu-2" in result.added  # slug taken by a record without ptv_id
    updated = result.records[0]
    assert updated["id"] == "kuntalisa-tampere"
    assert updated["title"] == "Tampereen kuntalisä"
    assert updated["category"] == "municipal_support"
    assert updated["key_rules"] == ["Enintään 500 €/kk."]
    assert result.records[1] == before[1]


def test_import_is_idempotent(service_pages, channel_pages):
    first = import_ptv(service_pages, channel_pages, [])
    second = import_ptv(service_pages, channel_pages, first.records)

    assert second.added == []
    assert second.changed == []
    assert sorted(second.unchanged) == sorted(first.added)
    assert second.records == first.records


def test_changed_service_is_reported(service_pages, channel_pages):
    first = import_ptv(service_pages, channel_pages, [])
    edited = copy.deepcopy(service_pages)
    edited[0]["itemList"][0]["serviceDescriptions"][0]["value"] = "Uusi tiivistelmä."
    edited[0]["itemList"][0]["modified"] = "2026-11-22T10:00:00Z"
    second = import_ptv(edited, channel_pages, first.records)

    assert second.changed == ["tyokokeilu"]
    assert second.added == []
    record = _by_ptv_id(second)[WORK_TRIAL]
    assert record["summary"] == "Uusi tiivistelmä."
    assert record["last_verified"] == dt.date(2026, 11, 22)


# ---------------------------------------------------------------- export and round trip


def _round_trip(records: list[dict[str, Any]], page_size: int = 7) -> ImportResult:
    services, channels = export_ptv(records)
    return import_ptv(_wire(paged(services, page_size)), _wire(paged(channels, page_size)), [])


def test_round_trip_of_services_yaml_is_lossless():
    ours = yaml.safe_load(SERVICES_YAML.read_text(encoding="utf-8"))
    result = _round_trip(ours)

    assert result.errors == []
    assert result.added == [r["id"] for r in ours]
    assert len(result.records) == len(ours)
    for original, imported in zip(ours, result.records):
        assert normalised(imported) == normalised(original), original["id"]


def test_round_trip_into_own_catalogue_changes_nothing():
    ours = yaml.safe_load(SERVICES_YAML.read_text(encoding="utf-8"))
    services, channels = export_ptv(ours)
    result = import_ptv(_wire(paged(services)), _wire(paged(channels)), ours)

    assert result.added == [] and result.changed == [] and result.errors == []
    assert len(result.unchanged) == len(ours)


def test_round_trip_of_channels_and_ptv_fields():
    record = {
        "id": "tampereen-kuntalisa",
        "title": "Tampereen kuntalisä",
        "category": "municipal_support",
        "scope": "municipal",
        "municipality": "Tampere",
        "summary": "Tiivistelmä.",
        "description": None,
        "how_to_apply": "Hae verkossa.",
        "url": "https://www.tampere.fi/kuntalisa",
        "channels": [
            {"kind": "phone", "value": "03 565 611", "label": "Neuvonta"},
            {"kind": "email", "value": "kuntalisa@tampere.fi", "label": None},
            {"kind": "echannel", "value": "https://www.tampere.fi/kuntalisa/haku", "label": "Sähköinen haku"},
            {"kind": "address", "value": "Hämeenkatu 1, 33100 Tampere", "label": "Palvelupiste"},
            {"kind": "web", "value": "https://www.tampere.fi/tyollisyys", "label": "Työllisyyspalvelut"},
        ],
        "ptv_id": TAMPERE_BONUS,
        "ptv_municipality_codes": ["837"],
        "ptv_target_groups": ["KR2"],
        "ptv_service_classes": ["P10.4"],
        "support": [{"variant": "basic", "percent": None, "monthly_max_eur": 500, "when": {"min_age": 18}}],
        "source_url": "https://www.tampere.fi/kuntalisa",
        "last_verified": dt.date(2026, 11, 23),
    }
    services, channels = export_ptv([record])

    service = services[0]
    assert service["id"] == TAMPERE_BONUS
    assert service["areaType"] == "LimitedType"
    assert service["areas"][0]["code"] == "837"
    assert [m["code"] for m in service["areas"][0]["municipalities"]] == ["837"]
    assert service["modified"] == "2026-11-23T00:00:00Z"
    assert {c["serviceChannelType"] for c in channels} == {"WebPage", "Phone", "EChannel", "ServiceLocation"}
    assert EXTRA_KEY in service and "title" not in service[EXTRA_KEY]

    result = _round_trip([record], page_size=2)
    assert result.errors == []
    assert normalised(result.records[0]) == normalised(record)


@pytest.fixture(scope="module")
def exported_catalogue() -> dict[str, dict[str, Any]]:
    ours = yaml.safe_load(SERVICES_YAML.read_text(encoding="utf-8"))
    services, _ = export_ptv(ours)
    return {service[EXTRA_KEY]["id"]: service for service in services}


def _area_codes(service: dict[str, Any]) -> list[str]:
    assert all(area["type"] == "Municipality" for area in service["areas"])
    return [area["code"] for area in service["areas"]]


def test_municipal_record_is_exported_with_its_municipality_code(exported_catalogue):
    service = exported_catalogue["kuntalisa-tampere"]  # municipality: Tampere

    assert service["areaType"] == "LimitedType"
    assert _area_codes(service) == ["837"]
    area = service["areas"][0]
    assert {"language": "fi", "value": "Tampere"} in area["name"]
    assert area["municipalities"][0]["code"] == "837"
    assert service[EXTRA_KEY]["derivedAreas"] is True


def test_employment_area_record_is_exported_with_the_member_codes(exported_catalogue):
    places = load_places()
    areas = {
        a["id"]: a for a in yaml.safe_load((SERVICES_YAML.parent / "employment_areas.yaml").read_text(encoding="utf-8"))
    }
    service = exported_catalogue["tampereen-seudun-nuorten-rekrytointituki"]  # employment_area: tampereen-seutu

    assert service["areaType"] == "LimitedType"
    codes = _area_codes(service)
    assert len(codes) == 16 and "837" in codes and "536" in codes  # Tampere, Nokia
    assert codes == sorted(places.code_by_name[n.casefold()] for n in areas["tampereen-seutu"]["municipalities"])


def test_provider_record_is_exported_with_the_providers_municipalities(exported_catalogue):
    service = exported_catalogue["tukeva-saatio-valmennus"]  # no area; provider in Kuopio, Leppävirta, ...
    assert _area_codes(service) == ["297", "420", "749", "915"]


def test_every_local_record_has_areas_and_national_ones_none(exported_catalogue):
    for record_id, service in exported_catalogue.items():
        if service[EXTRA_KEY]["scope"] == "national":
            assert service["areaType"] == "Nationwide" and service["areas"] == [], record_id
        else:
            assert service["areaType"] == "LimitedType" and service["areas"], record_id


def test_ptv_codes_win_over_derived_ones_and_are_kept():
    record = {
        "id": "x",
        "title": "X",
        "scope": "regional",
        "employment_area": "tampereen-seutu",
        "ptv_municipality_codes": ["837", "536"],
        "last_verified": dt.date(2026, 1, 1),
    }
    services, _ = export_ptv([record])
    assert _area_codes(services[0]) == ["837", "536"]
    assert "derivedAreas" not in services[0][EXTRA_KEY]
    assert _round_trip([record]).records[0]["ptv_municipality_codes"] == ["837", "536"]


def test_derived_codes_are_not_stored_on_import():
    record = {
        "id": "x",
        "title": "X",
        "scope": "municipal",
        "municipality": "Nokia",
        "last_verified": dt.date(2026, 1, 1),
    }
    imported = _round_trip([record]).records[0]
    assert "ptv_municipality_codes" not in imported and "derivedAreas" not in imported
    assert normalised(imported) == normalised(record)


def test_language_versions_are_exported_with_their_language():
    record = {
        "id": "x",
        "title": "Työkokeilu",
        "title_sv": "Arbetsprövning",
        "summary": "Kokeile alaa.",
        "summary_en": "Try a field.",
        "how_to_apply": "Sovi asiantuntijan kanssa.",
        "how_to_apply_sv": "Kom överens med sakkunnige.",
        "scope": "national",
        "last_verified": dt.date(2026, 1, 1),
    }
    services, _ = export_ptv([record])
    service = services[0]

    assert service["serviceNames"] == [
        {"type": "Name", "language": "fi", "value": "Työkokeilu"},
        {"type": "Name", "language": "sv", "value": "Arbetsprövning"},
    ]
    assert {"type": "Summary", "language": "en", "value": "Try a field."} in service["serviceDescriptions"]
    assert {"type": "UserInstruction", "language": "sv", "value": "Kom överens med sakkunnige."} in service[
        "serviceDescriptions"
    ]
    assert service["availableLanguages"] == ["fi", "sv", "en"]
    assert not any(key.endswith(("_sv", "_en")) for key in service[EXTRA_KEY])  # real PTV fields, not extra
    assert normalised(_round_trip([record]).records[0]) == normalised(record)

    finnish_only, _ = export_ptv([{k: v for k, v in record.items() if not k.endswith(("_sv", "_en"))}])
    assert finnish_only[0]["availableLanguages"] == ["fi"]
    assert {item["language"] for item in finnish_only[0]["serviceDescriptions"]} == {"fi"}


def test_service_hours_without_text_give_nothing():
    assert hours_text([{"serviceHourType": "DaysOfTheWeek", "openingHour": []}]) is None
    assert hours_text(None) is None and hours_text("x") is None
    assert hours_text([{"serviceHourType": "DaysOfTheWeek", "isAlwaysOpen": True}]) == "aina avoinna"


def test_channel_hours_are_exported_and_read_back():
    record = {
        "id": "x",
        "title": "X",
        "scope": "national",
        "url": "https://example.invalid/",
        "channels": [
            {"kind": "phone", "value": "0295 025 500", "label": "Neuvonta", "hours": "ma–pe 9–16"},
            {"kind": "echannel", "value": "https://example.invalid/chat", "label": "Chat", "hours": "ma–pe 9–15"},
            {"kind": "address", "value": "Katu 1, 00100 Helsinki", "label": "Palvelupiste"},
        ],
        "last_verified": dt.date(2026, 1, 1),
    }
    _services, channels = export_ptv([record])
    phone = next(c for c in channels if c["serviceChannelType"] == "Phone")
    assert phone["serviceHours"][0]["serviceHourType"] == "DaysOfTheWeek"
    assert phone["serviceHours"][0]["additionalInformation"] == [{"language": "fi", "value": "ma–pe 9–16"}]
    address = next(c for c in channels if c["serviceChannelType"] == "ServiceLocation")
    assert address["serviceHours"] == []

    imported = _round_trip([record]).records[0]
    assert imported["url"] == "https://example.invalid/"
    assert normalised(imported) == normalised(record)


def test_seeder_shows_channel_hours_after_the_label():
    from catalogue.seed import _service_from_record

    record = {
        "id": "x",
        "title": "X",
        "summary": "S",
        "channels": [
            {"kind": "phone", "value": "03 565 611", "label": "Neuvonta", "hours": "ma–pe 9–15"},
            {"kind": "address", "value": "Katu 1", "label": None, "hours": "ti 10–12"},
            {"kind": "email", "value": "a@example.invalid", "label": "Sähköposti"},
        ],
        "source_url": "https://example.invalid/",
        "last_verified": "2026-01-01",
    }
    labels = [c.label for c in _service_from_record(record, {}).channels]
    assert labels == ["Neuvonta (ma–pe 9–15)", "ti 10–12", "Sähköposti"]


def test_service_classes_and_target_groups_are_exported_as_codes():
    record = {
        "id": "x",
        "title": "X",
        "scope": "national",
        "audience": ["jobseeker"],
        "ptv_service_classes": ["P10.1", "P10.4"],
        "ptv_target_groups": ["KR1", "KR1.2"],
        "last_verified": dt.date(2026, 1, 1),
    }
    service = export_ptv([record])[0][0]

    assert [c["code"] for c in service["serviceClasses"]] == ["P10.1", "P10.4"]
    assert [c["code"] for c in service["targetGroups"]] == ["KR1", "KR1.2"]
    assert not {"ptv_service_classes", "ptv_target_groups"} & set(service[EXTRA_KEY])
    assert normalised(_round_trip([record]).records[0]) == normalised(record)
    # records without PTV codes export none (no codes are guessed from our audience)
    bare = export_ptv([{k: v for k, v in record.items() if not k.startswith("ptv_")}])[0][0]
    assert bare["serviceClasses"] == [] and bare["targetGroups"] == []


def test_export_without_ptv_id_uses_stable_ids():
    record = {"id": "x", "title": "X", "scope": "national", "last_verified": dt.date(2026, 1, 1)}
    first, _ = export_ptv([record])
    second, _ = export_ptv([record])
    assert first[0]["id"] == second[0]["id"]
    assert "ptv_id" not in _round_trip([record]).records[0]


# ---------------------------------------------------------------- helpers


def test_paged_builds_api_style_pages():
    pages = paged([{"id": str(n)} for n in range(5)], page_size=2)

    assert [p["pageNumber"] for p in pages] == [1, 2, 3]
    assert all(p["pageCount"] == 3 and p["pageSize"] == 2 for p in pages)
    assert [len(p["itemList"]) for p in pages] == [2, 2, 1]
    assert paged([]) == [{"pageNumber": 1, "pageSize": 100, "pageCount": 1, "itemList": []}]


def test_slugify_finnish_names():
    assert slugify("Nuorten työpaja, Pohjois-Karjala") == "nuorten-tyopaja-pohjois-karjala"
    assert slugify("Åland – ÄÖ") == "aland-ao"
    assert slugify("!!!") == "palvelu"


def test_cli_export_then_import_changes_nothing(tmp_path, capsys):
    from catalogue.cli import main

    assert main(["catalogue", "export-ptv", str(tmp_path)]) == 0
    assert main(["catalogue", "import-ptv", str(tmp_path / "services.json"), str(tmp_path / "channels.json")]) == 0
    out = capsys.readouterr().out
    assert "0 added, 0 changed" in out and "0 errors" in out


def test_cli_reports_unreadable_files(tmp_path, capsys):
    from catalogue.cli import main

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert main(["catalogue", "import-ptv", str(tmp_path / "broken.json"), str(tmp_path / "broken.json")]) == 2


def test_the_export_carries_the_swedish_and_english_words(tmp_path):
    import json

    from catalogue.cli import main

    assert main(["catalogue", "export-ptv", str(tmp_path)]) == 0
    pages = json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))
    services = [item for page in (pages if isinstance(pages, list) else [pages]) for item in page["itemList"]]
    pay_subsidy = next(s for s in services if s["polkuopasExtra"]["id"] == "palkkatuki")
    names = {item["language"]: item["value"] for item in pay_subsidy["serviceNames"]}
    assert names["fi"] == "Palkkatuki" and names["sv"] == "Lönesubvention" and names.get("en")
    assert set(pay_subsidy["availableLanguages"]) == {"fi", "sv", "en"}
