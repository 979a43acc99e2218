"""Tests for understanding/competence.py: free-Finnish answers -> a competence profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from messages import speaking
from understanding import competence
from understanding.competence import Competence, apply_correction, describe, extract, merge, occupation_group_name
from vocabulary import EDUCATION_LEVELS, FIELDS, labels

OCCUPATIONS = yaml.safe_load(
    (Path(competence.__file__).parent / "data" / "occupations.yaml").read_text(encoding="utf-8")
)


def C(fields=(), groups=(), skills=(), education=None, years=None, likes=()):
    return Competence(tuple(fields), tuple(groups), tuple(skills), education, years, tuple(likes))


EMPTY = C()

# (answer, expected profile): every attribute is compared exactly.
CASES = [
    # work history, inflected and spoken forms
    ("olin 10 vuotta varastolla trukkikuskina", C(["logistics"], ["93", "83"], years=10.0)),
    ("olin 10 vuotta varastolla ja 2 vuotta siivoojana", C(["logistics", "cleaning"], ["93", "91"], years=12.0)),
    ("oon ollu keittiössä töissä pari vuotta", C(["kitchen"], years=2.0)),
    ("Työskentelin lähihoitajana vanhusten palvelutalossa kuusi vuotta.", C(["care"], ["53"], years=6.0)),
    ("kiinteistönhoitajana 5v, sitä ennen kaupan kassalla", C(["property_care", "retail"], ["51", "52"], years=5.0)),
    ("olin kaupan kassalla kolme vuotta", C(["retail"], ["52"], years=3.0)),
    ("myyjänä vaatekaupassa vuoden", C(["retail"], ["52"], years=1.0)),
    ("<p>olin <b>varastotyöntekijänä</b></p>", C(["logistics"], ["93"])),
    ("olin rakennuksella kirvesmiehenä 15 vuotta", C(["construction", "woodwork"], ["71"], years=15.0)),
    ("hitsaajana konepajalla 8 vuotta", C(["metal"], ["72"], years=8.0)),
    ("tein remonttihommia ja maalasin taloja", C(["construction"], ["71"])),
    ("olin bussikuskina HSL:llä", C(["transport"], ["83"])),
    ("ajoin jakeluautoa puolitoista vuotta", C(["transport"], ["83"], years=1.5)),
    ("ajoin linja-autoa 20 vuotta", C(["transport"], ["83"], years=20.0)),
    ("kokkina ravintolassa ja tiskarina pizzeriassa", C(["kitchen"], ["51", "94"])),
    ("olin koulunkäyntiavustajana kolme vuotta", C(["care"], ["53"], years=3.0)),
    ("olin henkilökohtaisena avustajana", C(["care"], ["53"])),
    ("olin metsurina ja marjanpoimijana", C(["gardening"], ["62", "92"])),
    ("olen ollut puutarhurina kasvihuoneella", C(["gardening"], ["61"])),
    ("ompelin vaatteita ompelimossa 10 vuotta", C(["textile"], ["75"], years=10.0)),
    ("kierrätyskeskuksessa lajittelijana", C(["recycling"], ["96"])),
    ("jaoin lehtiä ja olin lähettinä", C(["logistics"], ["96"])),
    ("olin vartijana kauppakeskuksessa", C([], ["54"])),
    ("ohjelmoijana 3 vuotta, koodaan pythonia", C(["it"], ["25"], years=3.0)),
    ("olen ollut asiakaspalvelussa puhelimessa 4 vuotta", C(["customer_service"], ["42"], years=4.0)),
    ("toimistotyöntekijänä kirjanpidossa", C(["office"], ["41"])),
    ("tein siivoushommia laitoshuoltajana sairaalassa", C(["cleaning"], ["91"])),
    ("siivoushommia tein", C(["cleaning"], ["91"])),
    ("olin siivoojana, keittiöapulaisena ja ahtaajana", C(["cleaning", "kitchen", "logistics"], ["91", "94", "93"])),
    ("olin kesätöissä kaupassa kaksi kesää", C(["retail"], ["52"])),
    # durations that are not work experience
    ("olin hoitovapaalla 3 vuotta", EMPTY),
    ("olen ollut työttömänä kaksi vuotta", EMPTY),
    ("asuin ruotsissa viisi vuotta", EMPTY),
    ("olin armeijassa vuoden", EMPTY),
    ("oon 45 vuotias, olin varastolla 20 vuotta", C(["logistics"], ["93"], years=20.0)),
    ("olin varastolla vuoden ja kolme kuukautta", C(["logistics"], ["93"], years=1.2)),
    ("lapsia on kaksi, olin kaupassa 2 vuotta", C(["retail"], ["52"], years=2.0)),
    # negation
    ("en ole koskaan ollut siivoojana", EMPTY),
    ("en ole koskaan ollut siivoojana mutta olin 3 vuotta keittiössä", C(["kitchen"], years=3.0)),
    ("en ole ollut varastolla, olin kaupassa", C(["retail"], ["52"])),
    ("olin varastolla enkä koskaan siivonnut", C(["logistics"], ["93"])),
    ("mulla ei oo ajokorttia mutta on työturvallisuuskortti", C(skills=["työturvallisuuskortti"])),
    # cards, licences, languages
    ("minulla on trukkikortti ja hygieniapassi", C(skills=["trukkikortti", "hygieniapassi"])),
    (
        "mulla on B-ajokortti ja C-ajokortti, ajoin rekkaa kolme vuotta",
        C(["transport"], ["83"], ["B-ajokortti", "C-ajokortti"], years=3.0),
    ),
    ("ensiapukortti EA1 ja tulityökortti", C(skills=["ensiapukortti", "tulityökortti"])),
    ("tieturvakortti ja työturvakortti löytyy", C(skills=["tieturvakortti", "työturvallisuuskortti"])),
    ("olin taksikuskina, mulla on taksinkuljettajan ajolupa", C(["transport"], ["83"], ["taksinkuljettajan ajolupa"])),
    ("osaan excelin ja puhun ruotsia ja englantia", C(skills=["Excel", "ruotsin kieli", "englannin kieli"])),
    ("puhun sujuvaa englantia", C(skills=["englannin kieli"])),
    ("olin tarjoilijana ja baarimikkona, anniskelupassi on", C(["kitchen"], ["51"], ["anniskelupassi"])),
    ("trukkikortin suoritin viime vuonna", C(skills=["trukkikortti"])),
    (
        "olin varastotyöntekijänä keräilijänä kaksi vuotta, trukkikortti on",
        C(["logistics"], ["93"], ["trukkikortti"], years=2.0),
    ),
    ("haluaisin trukkikortin", EMPTY),  # a wish, not a card
    ("mulla on ajokortti", C(skills=["B-ajokortti"])),
    ("Mulla on CE-kortti ja ammattipätevyys", C(skills=["CE-ajokortti", "kuljettajan ammattipätevyys"])),
    # education
    (
        "Olen käynyt peruskoulun ja ammattikoulun, valmistuin kokiksi 2015. Olin ravintolan keittiössä puoli vuotta.",
        C(["kitchen"], ["51"], education="vocational", years=0.5),
    ),
    ("kävin lähihoitajakoulun mutta en valmistunut", C(["care"])),
    ("valmistuin lähihoitajaksi 2012", C(["care"], ["53"], education="vocational")),
    ("olen ylioppilas ja kävin ammattikorkeakoulun, olen tradenomi", C(["office"], ["24"], education="higher")),
    ("lukio jäi kesken", EMPTY),
    ("kävin peruskoulun ja aloitin lukion mutta se jäi kesken", C(education="basic")),
    ("olen opiskellut yliopistossa mutta keskeytin", EMPTY),
    ("mulla on amis käyty, sähköasentaja", C(["construction"], ["74"], education="vocational")),
    ("ei oo mitään koulutusta", EMPTY),
    (
        "olin 5 vuotta kirvesmiehenä, lisäksi olen käynyt rakennusalan perustutkinnon",
        C(["woodwork", "construction"], ["71"], education="vocational", years=5.0),
    ),
    ("mulla on hygieniapassi, kävin kokkikoulun", C(["kitchen"], skills=["hygieniapassi"], education="vocational")),
    ("en käynyt lukiota, ammattikoulun kävin", C(education="vocational")),
    ("olen käynyt kauppakorkeakoulun", C(education="higher")),
    ("peruskoulu käyty", C(education="basic")),
    # likes and strengths
    ("osaan laittaa ruokaa isolle porukalle", C(likes=["kitchen"])),
    ("tykkään olla ulkona ja tehdä käsillä", C(likes=["gardening", "property_care", "woodwork", "construction"])),
    ("en tykkää siivoamisesta mutta pidän ruoanlaitosta", C(likes=["kitchen"])),
    ("haluaisin lähihoitajaksi", C(likes=["care"])),
    ("tykkään autoista ja ajamisesta", C(likes=["transport"])),
    ("olen hyvä käsistäni", C(likes=["woodwork", "construction"])),
    ("oon hyvä ihmisten kanssa ja tykkään auttaa", C(likes=["customer_service", "care"])),
    ("pidän lasten kanssa olemisesta", C(likes=["care"])),
    ("kiinnostaa IT ja tietokoneet", C(likes=["it"])),
    ("haluaisin kokeilla puutarhatöitä", C(likes=["gardening"])),
    ("mä osaan siivota tosi hyvin", C(likes=["cleaning"])),
    ("olin kotisiivoojana kaks vuotta ja tykkään siivota", C(["cleaning"], ["91"], years=2.0, likes=["cleaning"])),
    # nothing usable
    ("asdfghjkl", EMPTY),
    ("", EMPTY),
    ("   ", EMPTY),
    ("ok", EMPTY),
    ("ohita", EMPTY),
    ("en tiedä", EMPTY),
    ("<script>alert('x')</script>", EMPTY),
    ("'; DROP TABLE users; --", EMPTY),
    ("🙂🙂🙂", EMPTY),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_extract(text, expected):
    assert extract(text) == expected


def test_there_are_at_least_70_cases():
    assert len(CASES) >= 70


@pytest.mark.parametrize("text", [None, 123, ["olin varastolla"], "x" * 50_000, "olin varastolla " * 500])
def test_extract_never_raises_on_odd_input(text):
    result = extract(text)
    assert isinstance(result, Competence)


def test_only_the_first_1000_characters_are_read():
    assert extract("a " * 600 + "olin varastolla") == EMPTY
    assert extract("olin varastolla " + "a " * 600).fields == ("logistics",)


# --------------------------------------------------------------------------- merge


def test_merge_unions_in_order_and_keeps_the_higher_education_and_more_years():
    first = C(["logistics"], ["93"], ["trukkikortti"], "basic", 10.0, ["kitchen"])
    second = C(["cleaning", "logistics"], ["91", "93"], ["hygieniapassi"], "vocational", 2.0, ["care", "kitchen"])
    assert merge(first, second) == C(
        ["logistics", "cleaning"],
        ["93", "91"],
        ["trukkikortti", "hygieniapassi"],
        "vocational",
        10.0,
        ["kitchen", "care"],
    )


def test_merge_with_empty_is_identity():
    profile = extract("olin 10 vuotta varastolla trukkikuskina, mulla on trukkikortti")
    assert merge(profile, EMPTY) == profile
    assert merge(EMPTY, profile) == profile


def test_merge_lower_education_second_does_not_downgrade():
    assert merge(C(education="higher"), C(education="basic")).education == "higher"


# --------------------------------------------------------------------------- apply_correction

BASE = (
    "olin 10 vuotta varastolla trukkikuskina ja siivoojana, tykkään siivota, "
    "mulla on trukkikortti ja hygieniapassi, kävin lukion"
)

# the base profile with a vocational degree instead of upper secondary school, and with none
BASE_WITH_VOCATIONAL = C(
    ["logistics", "cleaning"], ["93", "83", "91"], ["trukkikortti", "hygieniapassi"], "vocational", 10.0, ["cleaning"]
)
BASE_WITHOUT_EDUCATION = C(
    ["logistics", "cleaning"], ["93", "83", "91"], ["trukkikortti", "hygieniapassi"], None, 10.0, ["cleaning"]
)


def test_base_profile():
    assert extract(BASE) == C(
        ["logistics", "cleaning"],
        ["93", "83", "91"],
        ["trukkikortti", "hygieniapassi"],
        "upper_secondary",
        10.0,
        ["cleaning"],
    )


@pytest.mark.parametrize(
    "correction,expected",
    [
        (
            "en ole ollut varastolla",
            C(["cleaning"], ["83", "91"], ["trukkikortti", "hygieniapassi"], "upper_secondary", 10.0, ["cleaning"]),
        ),
        (
            "ei varastoa",
            C(["cleaning"], ["83", "91"], ["trukkikortti", "hygieniapassi"], "upper_secondary", 10.0, ["cleaning"]),
        ),
        ("poista siivous", C(["logistics"], ["93", "83"], ["trukkikortti", "hygieniapassi"], "upper_secondary", 10.0)),
        (
            "vaihda koulutus: ammattikoulu",
            BASE_WITH_VOCATIONAL,
        ),
        (
            "olen käynyt ammattikoulun",
            BASE_WITH_VOCATIONAL,
        ),
        (
            "ei hygieniapassia",
            C(["logistics", "cleaning"], ["93", "83", "91"], ["trukkikortti"], "upper_secondary", 10.0, ["cleaning"]),
        ),
        (
            "olin myös kaupan kassalla",
            C(
                ["logistics", "cleaning", "retail"],
                ["93", "83", "91", "52"],
                ["trukkikortti", "hygieniapassi"],
                "upper_secondary",
                10.0,
                ["cleaning"],
            ),
        ),
        (
            "en oo käyny lukiota",
            BASE_WITHOUT_EDUCATION,
        ),
        (
            "poista koulutus",
            BASE_WITHOUT_EDUCATION,
        ),
        (
            "työkokemusta on 12 vuotta",
            C(
                ["logistics", "cleaning"],
                ["93", "83", "91"],
                ["trukkikortti", "hygieniapassi"],
                "upper_secondary",
                12.0,
                ["cleaning"],
            ),
        ),
        (
            "en tykkää siivoamisesta",
            C(
                ["logistics", "cleaning"],
                ["93", "83", "91"],
                ["trukkikortti", "hygieniapassi"],
                "upper_secondary",
                10.0,
            ),
        ),
        ("", extract(BASE)),
        ("asdf", extract(BASE)),
    ],
)
def test_apply_correction(correction, expected):
    assert apply_correction(extract(BASE), correction) == expected


def test_apply_correction_on_empty_profile_adds():
    assert apply_correction(EMPTY, "olin kokkina") == C(["kitchen"], ["51"])


def test_apply_correction_tolerates_garbage():
    assert apply_correction(None, None) == EMPTY  # type: ignore[arg-type]


# --------------------------------------------------------------------------- describe


def test_describe_full_profile():
    profile = C(["logistics", "transport"], ["83"], ["trukkikortti"], "vocational", 10.0, ["kitchen"])
    assert describe(profile) == (
        "Alat: varasto ja logistiikka, kuljetus\n"
        "Ammattiryhmät: Kuljetustyöntekijät (83)\n"
        "Kortit ja taidot: trukkikortti\n"
        "Koulutus: ammatillinen tutkinto\n"
        "Työkokemus: noin 10 vuotta\n"
        "Kiinnostaa: keittiö- ja ravintolatyö"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "sv",
            "Branscher: lager och logistik\nKort och färdigheter: truckkort, B-körkort\n"
            "Utbildning: yrkesinriktad examen\nArbetserfarenhet: ungefär 2,5 år",
        ),
        (
            "en",
            "Fields: warehouse and logistics\nCards and skills: forklift licence, B driving licence\n"
            "Education: vocational qualification\nWork experience: about 2.5 years",
        ),
    ],
)
def test_describe_in_the_conversations_language(lang, expected):
    """Every word of the read-back in the language, the cards' names too."""
    profile = C(["logistics"], [], ["trukkikortti", "B-ajokortti"], "vocational", 2.5)
    with speaking(lang):
        assert describe(profile) == expected
        assert describe(EMPTY) != "En löytänyt vastauksistasi vielä osaamista."


def test_describe_empty():
    assert describe(EMPTY) == "En löytänyt vastauksistasi vielä osaamista."
    assert describe(None) == "En löytänyt vastauksistasi vielä osaamista."  # type: ignore[arg-type]


def test_describe_only_lines_with_content():
    assert describe(C(skills=["hygieniapassi"])) == "Kortit ja taidot: hygieniapassi"
    assert describe(C(likes=["care"])) == "Kiinnostaa: hoiva"


@pytest.mark.parametrize(
    "years,text",
    [
        (0.2, "alle vuoden"),
        (0.5, "noin puoli vuotta"),
        (1.0, "noin vuoden"),
        (2.5, "noin 2,5 vuotta"),
        (12.0, "noin 12 vuotta"),
    ],
)
def test_describe_years(years, text):
    assert describe(C(years=years)) == f"Työkokemus: {text}"


def test_describe_field_line_has_no_codes():
    text = describe(C(list(FIELDS)))
    line = text.splitlines()[0]
    assert line.startswith("Alat: ")
    for code, _label in labels("field").items():
        if "_" in code:  # "media" and "it" read the same as their labels; the others must not leak
            assert code not in line
    assert line == "Alat: " + ", ".join(labels("field").values())
    assert "_" not in line and "<" not in text


def test_describe_of_extracted_text_is_plain():
    text = describe(extract("olin 10 vuotta varastolla trukkikuskina, tykkään kokata"))
    assert text == (
        "Alat: varasto ja logistiikka\n"
        "Ammattiryhmät: Teollisuuden ja rakentamisen avustavat työntekijät (93), Kuljetustyöntekijät (83)\n"
        "Työkokemus: noin 10 vuotta\n"
        "Kiinnostaa: keittiö- ja ravintolatyö"
    )


# --------------------------------------------------------------------------- to_dict / from_dict


def test_round_trip():
    profile = extract(BASE)
    data = profile.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert isinstance(data["fields"], list)
    assert Competence.from_dict(data) == profile


def test_empty_round_trip_and_is_empty():
    assert EMPTY.is_empty()
    assert not C(years=1.0).is_empty()
    assert Competence.from_dict(EMPTY.to_dict()) == EMPTY


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        [],
        "x",
        {"fields": "logistics"},
        {"fields": [1, None, "nope"]},
        {"education": "phd"},
        {"years_experience": "10"},
        {"years_experience": True},
        {"years_experience": -3},
        {"skills": {"a": 1}},
        {"occupation_groups": ["99", 83]},
        {"likes": ["kitchen", "kitchen", "x"]},
    ],
)
def test_from_dict_tolerates_garbage(data):
    result = Competence.from_dict(data)
    assert isinstance(result, Competence)
    assert set(result.fields) <= set(FIELDS)
    assert result.education in (None, *EDUCATION_LEVELS)


def test_from_dict_keeps_valid_and_drops_invalid():
    data = {
        "fields": ["logistics", "bogus", "logistics"],
        "occupation_groups": ["83", "99"],
        "skills": ["Excel"],
        "education": "higher",
        "years_experience": 3,
        "likes": ["kitchen", "x"],
        "extra": 1,
    }
    assert Competence.from_dict(data) == C(["logistics"], ["83"], ["Excel"], "higher", 3.0, ["kitchen"])


# --------------------------------------------------------------------------- occupations.yaml


def test_occupations_yaml_header():
    assert OCCUPATIONS["source_url"].startswith("https://")
    assert "stat.fi" in OCCUPATIONS["source_url"] or "tilastokeskus.fi" in OCCUPATIONS["source_url"]
    assert str(OCCUPATIONS["last_verified"]) == "2026-11-23"


def test_occupations_yaml_has_all_groups():
    majors = [m["code"] for m in OCCUPATIONS["major_groups"]]
    assert majors == [str(i) for i in range(10)]
    codes = [g["code"] for g in OCCUPATIONS["groups"]]
    assert len(codes) == 43 and len(set(codes)) == 43
    for code in codes:
        assert len(code) == 2 and code[0] in majors


def test_every_occupation_field_is_a_catalogue_field():
    for group in OCCUPATIONS["groups"]:
        assert isinstance(group["fields"], list)
        for code in group["fields"]:
            assert code in FIELDS, (group["code"], code)


def test_every_group_has_keywords_and_keywords_are_unique():
    seen: dict[str, str] = {}
    for group in OCCUPATIONS["groups"]:
        assert group["keywords"], group["code"]
        assert group["name"]
        for keyword in group["keywords"]:
            assert keyword == keyword.lower()
            assert keyword not in seen, (keyword, seen.get(keyword), group["code"])
            seen[keyword] = group["code"]


def test_occupation_group_name():
    assert occupation_group_name("83") == "Kuljetustyöntekijät"
    assert occupation_group_name("91") == "Siivoojat, kotiapulaiset ja muut puhdistustyöntekijät"
    assert occupation_group_name("8") == "Prosessi- ja kuljetustyöntekijät"
    assert occupation_group_name("99") is None
    assert occupation_group_name(None) is None  # type: ignore[arg-type]


# --------------------------------------------------------------------------- without Voikko


def test_works_without_voikko(monkeypatch):
    """Surface forms and prefixes still match when libvoikko is missing."""
    monkeypatch.setattr(competence, "analyse", lambda word: ((word.casefold(),), ()))
    for cached in (competence._candidates, competence._word_fields, competence._word_likes, competence._word_group):
        cached.cache_clear()
    try:
        result = extract("olin 10 vuotta varastolla, mulla on trukkikortti ja hygieniapassi")
        assert result == C(["logistics"], ["93"], ["trukkikortti", "hygieniapassi"], years=10.0)
        assert extract("en ole ollut siivoojana") == EMPTY
    finally:
        for cached in (competence._candidates, competence._word_fields, competence._word_likes, competence._word_group):
            cached.cache_clear()


# --------------------------------------------------------------------------- the word tables


def test_word_tables_are_all_listed_in_the_header_and_used():
    """data/competence_words.yaml: its header names every table, and the code reads every one."""
    text = competence.WORDS_PATH.read_text(encoding="utf-8")
    tables = set(yaml.safe_load(text))
    header = {line.split()[1] for line in text.split("\n\n")[0].splitlines() if line.startswith("#   ")}
    assert header == tables
    source = Path(competence.__file__).read_text(encoding="utf-8")
    assert {name for name in tables if f'"{name}"' not in source} == set()


def test_word_tables_agree_with_the_vocabulary():
    """Cards that point to a line of work are ones the extraction finds; every code is a known one;
    education levels are tried highest first."""
    names = {name for name, _ in competence.SKILL_PATTERNS}
    assert set(competence.SKILL_FIELDS) <= names
    assert {code for codes in competence.SKILL_FIELDS.values() for code in codes} <= set(FIELDS)
    assert {code for _, code in competence.EXTRA_FIELD_PATTERNS} <= set(FIELDS)
    assert {code for _, codes in competence.LIKE_FIELD_PATTERNS for code in codes} <= set(FIELDS)
    assert [level for _, level in competence.EDUCATION_WORD_PATTERNS] == list(reversed(EDUCATION_LEVELS))


@pytest.mark.parametrize(
    ("answer", "group"),
    [
        ("Jag har jobbat tio år som truckförare på ett lager", "83"),
        ("jag är närvårdare", "53"),
        ("I worked as a cook for 5 years", "51"),
        ("I was a cleaner in a hotel", "91"),
        ("I am a bus driver", "83"),
    ],
)
def test_swedish_and_english_occupation_titles_find_their_group(answer, group):
    """occupations.yaml's keywords_sv and keywords_en: titles as people write them, without Voikko."""
    assert group in extract(answer).occupation_groups


def test_occupation_groups_are_named_in_the_language_where_the_classification_has_a_name():
    assert occupation_group_name("53", "sv") and occupation_group_name("53", "en")
    assert occupation_group_name("53") != occupation_group_name("53", "en")
    with speaking("en"):
        assert "(53)" in describe(Competence(occupation_groups=("53",)))
