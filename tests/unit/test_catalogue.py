"""Tests for the catalogue data, seeding and the in-memory snapshot (catalogue/seed.py, repository.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
import yaml
from sqlalchemy import func, select

from catalogue import NATIONAL_SERVICE_IDS, repository
from catalogue.db import make_engine, session_scope
from catalogue.models import EmploymentArea, Municipality, PostalCode, Provider, Service, ServiceChannel, SupportVariant
from catalogue.repository import TYOMARKKINATORI_CONTACT, get_catalogue
from catalogue.seed import DATA_DIR, load_municipality_data, load_yaml, seed
from tests.contract import CARD_KEYS
from vocabulary import CATEGORIES

TAMPERE_REGION = {
    "Akaa",
    "Juupajoki",
    "Kangasala",
    "Kuhmoinen",
    "Lempäälä",
    "Nokia",
    "Orivesi",
    "Pirkkala",
    "Pälkäne",
    "Ruovesi",
    "Tampere",
    "Urjala",
    "Valkeakoski",
    "Vesilahti",
    "Virrat",
    "Ylöjärvi",
}
TABLES = (EmploymentArea, Municipality, PostalCode, Provider, Service, SupportVariant, ServiceChannel)


def row_counts(engine) -> dict[str, int]:
    with session_scope(engine) as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model)) for model in TABLES}


@pytest.fixture(scope="module")
def areas_yaml() -> list[dict]:
    return load_yaml("employment_areas.yaml")


@pytest.fixture(scope="module")
def services_yaml() -> list[dict]:
    return load_yaml("services.yaml")


@pytest.fixture(scope="module")
def municipalities_json() -> list[dict]:
    return load_municipality_data()


# --------------------------------------------------------------------------- services


@pytest.mark.parametrize("service_id", NATIONAL_SERVICE_IDS)
def test_every_contract_service_id_exists_and_is_national(snapshot, service_id):
    service = snapshot.service(service_id)
    assert service is not None
    assert service.scope == "national"
    assert service.title and service.summary


def test_service_ids_are_unique_in_the_data_file(services_yaml):
    counts = Counter(item["id"] for item in services_yaml)
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(services_yaml) == len(counts)


def test_every_yaml_service_is_seeded(snapshot, services_yaml):
    assert {item["id"] for item in services_yaml} == set(snapshot.services)


def test_every_service_is_sourced_and_dated(snapshot):
    for service in snapshot.services.values():
        assert service.source_url.startswith("https://"), service.id
        assert isinstance(service.last_verified, dt.date), service.id
        assert service.last_verified >= dt.date(2023, 1, 1), service.id
        assert service.url is None or service.url.startswith("https://"), service.id


def test_every_provider_and_area_is_sourced_and_dated(snapshot):
    records = list(snapshot.providers.values()) + list(snapshot.areas.values())
    assert records
    for record in records:
        assert record.source_url.startswith("https://"), record.id
        assert isinstance(record.last_verified, dt.date), record.id


def test_services_use_known_categories_scopes_and_audiences(snapshot):
    for service in snapshot.services.values():
        assert service.category in CATEGORIES, service.id
        assert service.scope in {"national", "regional", "municipal"}, service.id
        assert service.audience and set(service.audience) <= {"jobseeker", "employer"}, service.id


def test_regional_services_point_to_known_areas_and_providers(snapshot):
    for service in snapshot.services.values():
        if service.employment_area_id is not None:
            assert service.employment_area_id in snapshot.areas, service.id
        if service.provider_id is not None:
            assert service.provider_id in snapshot.providers, service.id
        if service.scope != "national":
            assert service.employment_area_id or service.municipality_code or service.provider_id, service.id


def test_kuntalisa_ids_follow_the_contract(snapshot):
    for service in snapshot.services.values():
        if service.category == "municipal_support":
            assert service.id.startswith("kuntalisa-")
            assert service.municipality_code is not None
    assert snapshot.service("kuntalisa-helsinki").municipality_code == "091"


@pytest.mark.parametrize("service_id", ["palkkatuki", "kuntalisa-helsinki", "tampere-titry-tyokokeilu"])
def test_service_card_has_exactly_the_contract_keys(snapshot, service_id):
    card = snapshot.service(service_id).card()
    assert set(card) == CARD_KEYS
    json.dumps(card)
    dt.date.fromisoformat(card["last_verified"])


def test_regional_card_names_its_provider(snapshot):
    card = snapshot.service("tampere-titry-tyokokeilu").card()
    assert card["scope"] == "regional"
    assert card["provider"] == snapshot.providers["titry-ry"].name


def test_service_detail_adds_the_contract_fields(snapshot):
    detail = snapshot.service("palkkatuki").detail()
    assert CARD_KEYS | {"description", "eligibility", "how_to_apply", "channels"} <= set(detail)
    assert detail["eligibility"]["employer_types"]


def test_a_source_caveat_is_the_last_key_rule_users_see(snapshot):
    service = snapshot.service("kuntalisa-kerava")
    assert service.source_caveat and service.source_caveat not in service.key_rules
    assert service.detail()["key_rules"][-1] == service.source_caveat
    assert snapshot.service("palkkatuki").detail()["key_rules"] == list(snapshot.service("palkkatuki").key_rules)


# --------------------------------------------------------------------------- support amounts (the official pages in each record's source_url)


def test_palkkatuki_variants_match_facts(snapshot):
    service = snapshot.service("palkkatuki")
    amounts = {v.variant: (v.percent, v.monthly_max_eur) for v in service.support_variants}
    assert amounts["skills"] == (50, 1260)
    assert amounts["reduced_work_ability"] == (70, 1770)
    assert amounts["association_100"] == (100, 2020)
    assert service.variant("reduced_work_ability").months == 24
    assert service.variant("long_unemployed_60").months == 24
    assert service.variant("skills").months in (5, 10)


def test_other_support_amounts_match_facts(snapshot):
    v55 = snapshot.service("tyollistamistuki-55").support_variants[0]
    assert (v55.percent, v55.monthly_max_eur) == (70, 1770)
    assert snapshot.service("tyollistamistuki-55").min_age == 55
    assert snapshot.service("tyollistamistuki-55").min_unemployed_months == 24

    youth = snapshot.service("nuorten-tyollistymisseteli").support_variants[0]
    assert (youth.percent, youth.monthly_max_eur, youth.months) == (50, 1500, 6)
    assert snapshot.service("nuorten-tyollistymisseteli").max_age == 29

    adjust = snapshot.service("tyoolosuhteiden-jarjestelytuki")
    assert adjust.variant("equipment").one_off_max_eur == 4000
    helper = adjust.variant("coworker_help")
    assert (helper.hours_per_month, helper.eur_per_hour, helper.months) == (20, 20, 18)

    helsinki = snapshot.service("kuntalisa-helsinki").variant("basic")
    assert (helsinki.percent, helsinki.monthly_max_eur, helsinki.months) == (50, 1500, 12)
    assert "palkkatuki" in helsinki.excludes

    oulu = snapshot.service("kuntalisa-oulu")
    # BusinessOulu from 1.1.2026: 50 %, at most 1 500 €/kk for at most 12 months (an apprenticeship for its
    # whole duration: months None, the job's months), never with palkkatuki or the 55+ subsidy
    assert {v.variant: (v.percent, v.monthly_max_eur, v.months) for v in oulu.support_variants} == {
        "basic": (50, 1500, 12),
        "apprenticeship": (50, 1500, None),
    }
    for variant in oulu.support_variants:
        assert set(variant.excludes) == {"palkkatuki", "tyollistamistuki-55"} and not variant.requires
    assert str(oulu.last_verified) == "2026-11-27"
    assert (
        oulu.source_url
        == "https://www.businessoulu.com/en/employers/recruitment-support/municipal-supplement-for-enterprises"
    )

    kajaani = snapshot.service("kuntalisa-kajaani").support_variants[0]
    assert (kajaani.monthly_max_eur, kajaani.months) == (400, 8)

    raahe = {v.monthly_max_eur for v in snapshot.service("kuntalisa-raahe").support_variants}
    assert raahe == {500, 750}


# --------------------------------------------------------------------------- municipalities and areas


def test_municipalities_count_and_unique_codes(snapshot, seeded_engine, municipalities_json):
    codes = [m["code"] for m in municipalities_json]
    assert len(codes) == 309
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 3 and c.isdigit() for c in codes)
    names = [m["name_fi"] for m in municipalities_json]
    assert len(set(names)) == len(names)
    assert row_counts(seeded_engine)["municipalities"] == len(codes)


def test_every_area_municipality_exists(areas_yaml, municipalities_json):
    names = {m["name_fi"] for m in municipalities_json}
    for area in areas_yaml:
        missing = [n for n in area["municipalities"] if n not in names]
        assert missing == [], area["id"]


def test_no_municipality_in_two_areas(areas_yaml):
    counts = Counter(name for area in areas_yaml for name in area["municipalities"])
    assert [name for name, n in counts.items() if n > 1] == []


def test_area_ids_are_unique(areas_yaml):
    ids = [a["id"] for a in areas_yaml]
    assert len(ids) == len(set(ids))


def test_tampere_belongs_to_tampere_region_with_16_municipalities(snapshot, municipalities_json):
    assert snapshot.resolve_municipality("Tampere").code == "837"
    area = snapshot.area_for_municipality("837")
    assert area is not None and area.id == "tampereen-seutu"
    assert len(area.municipality_codes) == 16
    code_to_name = {m["code"]: m["name_fi"] for m in municipalities_json}
    assert {code_to_name[c] for c in area.municipality_codes} == TAMPERE_REGION


def test_paijat_hame_and_lahti_are_separate(snapshot):
    lahti = snapshot.resolve_municipality("Lahti")
    hollola = snapshot.resolve_municipality("Hollola")
    assert snapshot.area_for_municipality(lahti.code).id == "lahti"
    assert snapshot.area_for_municipality(hollola.code).id == "paijat-hame"
    assert len(snapshot.areas["paijat-hame"].municipality_codes) == 9


def test_seeded_area_members_match_the_yaml(snapshot, areas_yaml):
    for area in areas_yaml:
        assert len(snapshot.areas[area["id"]].municipality_codes) == len(area["municipalities"]), area["id"]


def test_contact_for_municipality_without_documented_area_is_tyomarkkinatori(snapshot):
    savonlinna = snapshot.resolve_municipality("Savonlinna")
    assert savonlinna is not None and savonlinna.code == "740"
    assert snapshot.area_for_municipality(savonlinna.code) is None
    assert snapshot.contact(savonlinna.code) == TYOMARKKINATORI_CONTACT
    assert snapshot.contact(None) == TYOMARKKINATORI_CONTACT
    assert snapshot.contact("999") == TYOMARKKINATORI_CONTACT


def test_every_municipality_resolves_to_itself_and_gets_its_areas_contact(snapshot, areas_yaml, municipalities_json):
    area_of = {name: area["id"] for area in areas_yaml for name in area["municipalities"]}
    assert len(municipalities_json) == 309
    wrong, documented = [], 0
    for item in municipalities_json:
        code, name = item["code"], item["name_fi"]
        for text in (name, code):
            found = snapshot.resolve_municipality(text)
            if found is None or found.code != code:
                wrong.append((text, found and found.code))
        area_id = area_of.get(name)
        if area_id is None:
            expected, expected_employer = TYOMARKKINATORI_CONTACT, TYOMARKKINATORI_CONTACT
        else:
            documented += 1
            area = snapshot.areas[area_id]
            expected = area.contact
            expected_employer = area.employer_contact if area.employer_contact.get("url") else area.contact
        assert snapshot.contact(code) == expected, name
        assert snapshot.contact(code, "employer") == expected_employer, name
    assert wrong == []
    assert documented == len(area_of)  # every listed member is one of the 309


def test_contact_for_nokia_is_the_tampere_region(snapshot):
    nokia = snapshot.resolve_municipality("Nokia")
    contact = snapshot.contact(nokia.code)
    assert set(contact) == {"name", "url", "phone", "email"}
    assert contact == snapshot.areas["tampereen-seutu"].contact
    assert "Tampereen seudun" in contact["name"]
    assert contact["url"].startswith("https://")
    employer = snapshot.contact(nokia.code, "employer")
    assert "työnantaj" in employer["name"]


def test_employer_contact_falls_back_to_area_contact(snapshot):
    riihimaki = snapshot.resolve_municipality("Riihimäki")  # Etelä-Häme has no employer_contact in the data
    assert not snapshot.areas["etela-hame"].employer_contact.get("url")
    assert snapshot.contact(riihimaki.code, "employer") == snapshot.areas["etela-hame"].contact


def test_an_area_is_named_and_linked_in_the_conversations_language(snapshot):
    """translations/areas.<lang>.yaml: the area's own Swedish and English names and pages."""
    sv, en = snapshot.in_language("sv"), snapshot.in_language("en")
    vaasa = snapshot.resolve_municipality("Vaasa").code
    assert sv.area_for_municipality(vaasa).name == "Österbottens sysselsättningsområde"
    assert en.area_for_municipality(vaasa).name == "Ostrobothnia Employment Area"
    assert snapshot.area_for_municipality(vaasa).name == "Pohjanmaan työllisyysalue"
    helsinki = snapshot.resolve_municipality("Helsinki").code
    assert sv.contact(helsinki)["url"].startswith("https://tyollisyyspalvelut.hel.fi/sv/")
    assert en.contact(helsinki, "employer")["url"].startswith("https://www.hel.fi/en/")
    assert snapshot.contact(helsinki) == snapshot.areas["helsinki"].contact
    # an area without a page in the language keeps its Finnish page
    kuopio = snapshot.resolve_municipality("Kuopio").code
    assert en.contact(kuopio) == snapshot.contact(kuopio)
    # without an area, the national service in the language
    assert sv.contact(None)["url"] == "https://tyomarkkinatori.fi/sv"
    assert en.contact(None)["name"].startswith("Job Market Finland")


def test_a_translated_contact_keeps_the_published_phone_hours_and_address(snapshot):
    for lang in ("sv", "en"):
        for area in snapshot.in_language(lang).areas.values():
            finnish = snapshot.areas[area.id]
            for key in ("phone", "hours", "address", "email"):
                assert area.contact.get(key) == finnish.contact.get(key), (lang, area.id, key)
            assert area.municipality_codes == finnish.municipality_codes


def test_contact_returns_a_copy(snapshot):
    contact = snapshot.contact(None)
    contact["name"] = "changed"
    assert snapshot.contact(None) == TYOMARKKINATORI_CONTACT


def test_local_services_of_joensuu(snapshot):
    code = snapshot.resolve_municipality("Joensuu").code
    local = {s.id for s in snapshot.local_services(code)}
    assert {"honkalampi-nuorten-tyopaja", "joensuun-nuorisoverstas-tyopaja"} <= local
    assert not local & {"tampere-titry-tyokokeilu", "kaks-katta-tyopaja", "kuntalisa-helsinki"}
    assert snapshot.local_services(None) == []


def test_municipal_service_without_area_is_local(snapshot):
    raahe = snapshot.resolve_municipality("Raahe")
    assert snapshot.area_for_municipality(raahe.code) is None
    assert "kuntalisa-raahe" in {s.id for s in snapshot.local_services(raahe.code)}


def test_municipal_service_is_local_beside_its_area_services(snapshot):
    oulu = snapshot.resolve_municipality("Oulu")
    assert "kuntalisa-oulu" in {s.id for s in snapshot.local_services(oulu.code)}


# --------------------------------------------------------------------------- seeding


def test_seeding_twice_is_idempotent_and_if_needed_skips(new_database_url):
    engine = make_engine(new_database_url("twice"))
    try:
        first = seed(engine)
        assert not first.skipped
        assert first.services == len(load_yaml("services.yaml"))
        assert first.municipalities == len(load_municipality_data())
        counts_after_first = row_counts(engine)
        snapshot_first = get_catalogue(engine, refresh=True)

        second = seed(engine)
        assert not second.skipped
        assert (
            second.services,
            second.providers,
            second.employment_areas,
            second.municipalities,
            second.postal_codes,
        ) == (first.services, first.providers, first.employment_areas, first.municipalities, first.postal_codes)
        assert row_counts(engine) == counts_after_first
        snapshot_second = get_catalogue(engine, refresh=True)
        assert snapshot_second.services == snapshot_first.services
        assert snapshot_second.area_of_municipality == snapshot_first.area_of_municipality

        third = seed(engine, if_needed=True)
        assert third.skipped
        assert "up to date" in str(third)
        assert row_counts(engine) == counts_after_first
    finally:
        # get_catalogue caches per id(engine); drop ours so a later engine cannot reuse its id and snapshot
        repository._cache.pop(id(engine), None)
        engine.dispose()


def test_if_needed_on_the_shared_database_is_skipped(seeded_engine):
    assert seed(seeded_engine, if_needed=True).skipped


def test_seed_report_counts_match_the_database(seeded_engine, snapshot):
    counts = row_counts(seeded_engine)
    assert counts["services"] == len(snapshot.services)
    assert counts["providers"] == len(snapshot.providers)
    assert counts["employment_areas"] == len(snapshot.areas)
    assert counts["postal_codes"] > 309


def test_data_dir_holds_the_data_files():
    for name in ("municipalities.json", "employment_areas.yaml", "providers.yaml", "services.yaml"):
        assert (DATA_DIR / name).exists()
    raw = yaml.safe_load((DATA_DIR / "providers.yaml").read_text(encoding="utf-8"))
    assert all(p["source_url"].startswith("https://") and p.get("last_verified") for p in raw)


def test_the_database_tests_run_on_the_backend_asked_for(seeded_engine):
    """`POLKUOPAS_TEST_DATABASE=postgresql` (scripts/run_tests.sh's second run) really is PostgreSQL."""
    from tests.conftest import TEST_DATABASE

    assert seeded_engine.dialect.name == TEST_DATABASE


def test_a_service_speaks_swedish_and_english_from_its_own_official_pages(snapshot):
    catalogue = snapshot
    finnish = catalogue.service("palkkatuki")
    swedish = catalogue.in_language("sv").service("palkkatuki")
    english = catalogue.in_language("en").service("palkkatuki")
    assert (finnish.title, finnish.text_lang) == ("Palkkatuki", "fi")
    assert (swedish.title, swedish.text_lang, swedish.card()["lang"]) == ("Lönesubvention", "sv", "sv")
    assert english.text_lang == "en" and "subsidy" in english.title.lower()
    assert "/sv/" in swedish.source_url
    # the numbers the rules read are the same records
    assert swedish.support_variants == finnish.support_variants
    assert catalogue.in_language("sv") is catalogue.in_language("sv")


def test_a_service_without_an_official_translation_keeps_its_finnish_words(snapshot):
    catalogue = snapshot
    local = next(s for s in catalogue.services.values() if s.scope != "national" and not s.translations)
    shown = catalogue.in_language("en").service(local.id)
    assert (shown.title, shown.text_lang, shown.card()["lang"]) == (local.title, "fi", "fi")
