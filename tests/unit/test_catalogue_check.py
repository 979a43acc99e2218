"""`polkuopas catalogue check` passes on our data and catches what it promises to catch."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from catalogue.checks import check_catalogue
from catalogue.cli import main
from catalogue.seed import DATA_DIR


def test_our_catalogue_passes():
    report = check_catalogue()
    assert report.ok, str(report)
    assert report.counts["services"] >= 25


def test_command_exits_zero_on_our_catalogue(capsys):
    assert main(["catalogue", "check"]) == 0
    assert "Catalogue check: ok" in capsys.readouterr().out


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def edit(folder: Path, name: str, change) -> None:
    records = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    change(records)
    (folder / name).write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


def by_id(records, record_id):
    return next(r for r in records if r["id"] == record_id)


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        ("services.yaml", lambda r: by_id(r, "tyokokeilu").pop("source_url"), "service tyokokeilu: source_url"),
        ("services.yaml", lambda r: by_id(r, "tyokokeilu").update(source_url="ftp://x"), "source_url"),
        ("services.yaml", lambda r: by_id(r, "tyokokeilu").update(last_verified="eilen"), "last_verified"),
        ("services.yaml", lambda r: by_id(r, "tyokokeilu").update(provider="nobody"), "unknown provider"),
        (
            "services.yaml",
            lambda r: by_id(r, "tyokokeilu").update(employment_area="nowhere"),
            "unknown employment area",
        ),
        ("services.yaml", lambda r: by_id(r, "tyokokeilu").update(url="javascript:alert(1)"), "url is not"),
        (
            "services.yaml",
            lambda r: by_id(r, "tyokokeilu").update(url="https://www.lappeenranta.fi/tyokokeilu"),
            "service tyokokeilu: a national service's url is Lappeenranta's own page",
        ),
        (
            "services.yaml",
            lambda r: by_id(r, "ohjaamo").update(url="https://app.aanekoski.fi/ohjaamo"),
            "service ohjaamo: a national service's url is Äänekoski's own page",
        ),
        ("services.yaml", lambda r: r.remove(by_id(r, "ohjaamo")), "service ohjaamo: contract service id missing"),
        ("translations/sv.yaml", lambda r: by_id(r, "tyokokeilu").update(id="nosuch"), "sv.yaml nosuch: no such"),
        ("translations/en.yaml", lambda r: by_id(r, "tyokokeilu").update(title=" "), "en.yaml tyokokeilu: title is"),
        ("translations/en.yaml", lambda r: by_id(r, "ohjaamo").pop("source_url"), "translation en/ohjaamo: source_url"),
        ("translations/sv.yaml", lambda r: r.append(dict(by_id(r, "ohjaamo"))), "sv.yaml ohjaamo: duplicate id"),
        ("services.yaml", lambda r: r.append(dict(by_id(r, "ohjaamo"))), "service ohjaamo: duplicate id"),
        ("translations/areas.sv.yaml", lambda r: r[0].update(id="atlantis"), "sv.yaml atlantis: no such area"),
        (
            "translations/areas.en.yaml",
            lambda r: by_id(r, "helsinki")["contact"].pop("url"),
            "areas.en.yaml helsinki: contact's url missing",
        ),
        ("translations/areas.en.yaml", lambda r: by_id(r, "vantaa").pop("source_url"), "area translation en/vantaa"),
        (
            "translations/areas.sv.yaml",
            lambda r: by_id(r, "helsinki").pop("contact") and by_id(r, "helsinki").pop("employer_contact"),
            "areas.sv.yaml helsinki: neither a name nor a contact",
        ),
        (
            "employment_areas.yaml",
            lambda r: r[1]["municipalities"].append(r[0]["municipalities"][0]),
            "is already in area",
        ),
        (
            "employment_areas.yaml",
            lambda r: r[0]["municipalities"].append("Atlantis"),
            "unknown municipality 'Atlantis'",
        ),
        ("providers.yaml", lambda r: r[0].update(phone="soita meille"), "is not a phone number"),
        ("employment_areas.yaml", lambda r: r[0].update(responsible_municipality="Oulu"), "is not a member"),
        ("employment_areas.yaml", lambda r: r[0]["contact"].update(email="ei osoitetta"), "is not an e-mail"),
        ("services.yaml", lambda r: by_id(r, "kuntalisa-tampere").update(municipality="Oulu"), "Oulu is not in area"),
        ("services.yaml", lambda r: by_id(r, "kuntalisa-kemi").update(id="kemi-lisa"), "id is kuntalisa-kemi"),
        (
            "services.yaml",
            lambda r: by_id(r, "kuntalisa-kemi")["support"][0]["when"].update(moon_phase="full"),
            "unknown condition 'moon_phase'",
        ),
        (
            "services.yaml",
            lambda r: by_id(r, "tyokokeilu").update(summary="Pitkä kuvaus. " * 20),
            "summary is over 240",
        ),
    ],
)
def test_broken_data_is_reported(data_copy, file, change, expected):
    edit(data_copy, file, change)
    report = check_catalogue(data_copy)
    assert not report.ok
    assert any(expected in error for error in report.errors), report.errors


def variant(records, reference):
    service_id, _, name = reference.partition(":")
    return next(v for v in by_id(records, service_id)["support"] if v["variant"] == name)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda r: variant(r, "palkkatuki:association_100").pop("counted_pay"),
            "support variant association_100: counted_pay missing",
        ),
        (
            lambda r: variant(r, "palkkatuki:association_100")["counted_pay"].update(working_time_share=65),
            "counted_pay: working_time_share must be a number over 0 and at most 1",
        ),
        (
            lambda r: variant(r, "palkkatuki:association_100")["counted_pay"].update(wage_multiplier="1,23"),
            "counted_pay: wage_multiplier must be a number",
        ),
        (
            lambda r: variant(r, "palkkatuki:association_100")["counted_pay"].pop("full_time_hours_per_week"),
            "counted_pay: full_time_hours_per_week must be a number",
        ),
        (
            lambda r: variant(r, "palkkatuki:association_100")["counted_pay"].update(bonus=2),
            "counted_pay: unknown field 'bonus'",
        ),
        (lambda r: variant(r, "palkkatuki:skills").update(counted_pay=0.65), "counted_pay must be a mapping"),
        (
            lambda r: variant(r, "nuorten-tyollistymisseteli:basic")["when"].pop(
                "min_unemployed_months_basic_education_only"
            ),
            "min_unemployed_months_basic_education_only missing",
        ),
        (
            lambda r: variant(r, "tyollistamistuki-55:basic")["when"].update(min_hours_per_week="25 h"),
            "support variant basic: min_hours_per_week must be a number",
        ),
        (lambda r: variant(r, "palkkatuki:reduced_work_ability").pop("percent"), "percent missing"),
        (lambda r: variant(r, "palkkatuki:long_unemployed_60")["when"].pop("min_age"), "min_age missing"),
    ],
)
def test_the_numbers_the_rules_read_are_checked(data_copy, change, expected):
    edit(data_copy, "services.yaml", change)
    report = check_catalogue(data_copy)
    assert not report.ok
    assert any(expected in error for error in report.errors), report.errors


def test_records_older_than_a_year_are_listed_not_failed(data_copy):
    report = check_catalogue(data_copy, today=dt.date(2028, 1, 1))
    assert report.ok
    assert any("service palkkatuki" in line for line in report.stale)


def test_records_sourced_from_secondhand_pages_are_listed_not_failed(data_copy):
    def source_from_a_mirror(services):
        services[0]["source_url"] = "https://docplayer.fi/123-toimintakertomus.html"

    edit(data_copy, "services.yaml", source_from_a_mirror)
    report = check_catalogue(data_copy)
    assert report.ok
    assert any(line.startswith("service palkkatuki: sourced from docplayer.fi") for line in report.secondhand)
    assert "SECONDHAND service palkkatuki" in str(report)
    assert not any("service palkkatuki" in line for line in check_catalogue().secondhand)


def test_a_data_file_that_is_not_yaml_is_an_error_with_its_line(data_copy, capsys):
    path = data_copy / "services.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- id: broken\n  summary: a: b\n", encoding="utf-8")
    report = check_catalogue(data_copy)
    assert not report.ok
    assert len(report.errors) == 1 and report.errors[0].startswith("services.yaml, line ")
    assert "not valid YAML" in str(report)
