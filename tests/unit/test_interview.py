"""Tests for understanding/interview.py: reading free-Finnish interview answers into profile values."""

from __future__ import annotations

import pytest

from understanding import interview
from vocabulary import EMPLOYER_TYPES, FIELDS, FINNISH_LEVELS, GOALS, HIRE_GROUPS, SITUATIONS, WORK_ABILITIES

# --------------------------------------------------------------------------- is_skip


@pytest.mark.parametrize(
    "text",
    [
        "ohita",
        "Ohita",
        "OHITA",
        "ohita tämä kysymys",
        "en halua vastata",
        "En halua vastata.",
        "en tiiä",
        "en tiedä",
        "En tiedä",
        "en tieda",
        "skip",
        "Skip",
        "en osaa sanoa",
        "mieluummin en kerro",
        "en",
        "-",
        "/dont_know",
        "seuraava",
        "en haluu kertoa",
    ],
)
def test_is_skip_true(text):
    assert interview.is_skip(text) is True


@pytest.mark.parametrize(
    "text", ["Tampere", "kyllä", "joo", "oon 34", "ohjaamo", "enemmän", "enkä", "2400 €/kk", "", None, "   "]
)
def test_is_skip_false(text):
    assert interview.is_skip(text) is False


# --------------------------------------------------------------------------- payload_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('/inform{"situation": "unemployed"}', {"situation": "unemployed"}),
        ('/inform{"age": 34, "municipality": "Tampere"}', {"age": 34, "municipality": "Tampere"}),
        ('/inform{"goals": ["job", "education"]}', {"goals": ["job", "education"]}),
        ("/affirm", {}),
        ("/inform", {}),
        ('/inform{"a": 1', {}),  # broken JSON
        ("/inform[1, 2]", {}),  # JSON but not an object
        ('/inform"x"', {}),
        ('hello {"situation": "unemployed"}', {}),  # not a payload
        ("", {}),
        (None, {}),
    ],
)
def test_payload_entities(text, expected):
    assert interview.payload_entities(text) == expected


# --------------------------------------------------------------------------- situation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oon ollu työttömänä puol vuotta", "unemployed"),
        ("olen työtön", "unemployed"),
        ("tyoton", "unemployed"),
        ("sain potkut", "unemployed"),
        ("minut irtisanottiin", "unemployed"),
        ("työt loppu", "unemployed"),
        ("ei oo töitä", "unemployed"),
        ("olin töissä mutta jäin työttömäksi", "unemployed"),
        ("mut lomautettiin", "laid_off"),
        ("Olen lomautettuna", "laid_off"),
        ("olen sairauslomalla", "sick_leave"),
        ("valmistun keväällä", "graduating"),
        ("valmistuin juuri", "graduating"),
        ("opiskelen amiksessa", "student"),
        ("olen opiskelija", "student"),
        ("olen töissä kaupassa", "employed"),
        ("oon kotiäiti", "other"),
        ("olen eläkkeellä", "other"),
        ("en tiedä", None),
        ("asdf", None),
    ],
)
def test_situation(text, expected):
    assert interview.situation(text) == expected


@pytest.mark.parametrize("text", ["en ole töissä", "en oo töissä tällä hetkellä"])
def test_situation_not_working_is_not_employed(text):
    assert interview.situation(text) == "unemployed"


def test_situation_fixed_term_job_ended():
    assert interview.situation("määräaikainen työ loppui") == "unemployed"


# --------------------------------------------------------------------------- work ability, Finnish


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ei rajoita", "full"),
        ("ei", "full"),
        ("terve", "full"),
        ("selkä on huono", "partial"),
        ("minulla on selkäkipuja", "partial"),
        ("masennus", "partial"),
        ("en osaa sanoa", "unknown"),
        ("ehkä", "unknown"),
    ],
)
def test_work_ability(text, expected):
    assert interview.work_ability(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("äidinkieli", "native"),
        ("sujuvasti", "native"),
        ("hyvin", "good"),
        ("puhun hyvin suomea", "good"),
        ("vähän", "basic"),
        ("A2", "basic"),
        ("huono", "basic"),
        ("en osaa", "none"),
        ("en puhu suomea", "none"),
    ],
)
def test_finnish_level(text, expected):
    assert interview.finnish_level(text) == expected


def test_finnish_level_not_very_well():
    assert interview.finnish_level("en puhu suomea kovin hyvin") == "basic"


# --------------------------------------------------------------------------- goals, fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("haluan töihin", ["job"]),
        ("haluisin duunii", ["job"]),
        ("haluan opiskella", ["education"]),
        ("oma firma", ["business"]),
        ("haluun perustaa yrityksen ja saada starttirahaa", ["business"]),
        ("haluaisin kokeilla uutta alaa", ["try_field"]),
        ("haluisin kokeilla jotain uutta alaa tai opiskella", ["education", "try_field"]),
        ("jaksaminen ensin", ["rehabilitation"]),
        ("arki kuntoon ensin", ["rehabilitation"]),
        ("en tiedä", []),
    ],
)
def test_goals(text, expected):
    assert interview.goals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("olin 10 vuotta varastolla trukkikuskina", "logistics"),
        ("siivoojana", "cleaning"),
        ("kokkina ravintolassa", "kitchen"),
        ("lähihoitaja", "care"),
        ("koodaan pythonia", "it"),
        ("tein IT hommia", "it"),
        ("hitsaaja", "metal"),
        ("kaupan kassalla", "retail"),
        ("rekkakuski", "transport"),
        ("olin bussikuskina", "transport"),
        ("rakennusalalla", "construction"),
        ("olin kiinteistöhuollossa ja pihatöissä", "property_care"),
    ],
)
def test_fields(text, expected):
    assert expected in interview.fields(text)


def test_fields_nothing_known():
    assert interview.fields("asdf") == []


def test_forklift_driver_is_logistics_only():
    assert interview.fields("olin 10 vuotta varastolla trukkikuskina") == ["logistics"]


def test_gardener_is_gardening():
    assert interview.fields("olen puutarhuri") == ["gardening"]


# --------------------------------------------------------------------------- employer type, hire group


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yhdistys", "association"),
        ("Mielen ry", "association"),
        ("säätiö", "foundation"),
        ("kaupunki", "municipality"),
        ("kunta", "municipality"),
        ("hyvinvointialue", "municipality"),
        ("Oy", "company"),
        ("Rakennus Oy", "company"),
        ("meillä on pieni firma", "company"),
        ("toiminimi", "company"),
        ("ravintola", "company"),
        ("muu", "other"),
        ("asdf", None),
    ],
)
def test_employer_type(text, expected):
    assert interview.employer_type(text) == expected


@pytest.mark.parametrize("text", ["seurakunta", "evankelis-luterilainen seurakunta"])
def test_parish_is_not_a_municipality(text):
    assert interview.employer_type(text) == "other"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oppisopimuksella", "apprentice"),
        ("osatyökykyinen", "partial_work_ability"),
        ("vammainen", "partial_work_ability"),
        ("yli 55-vuotias", "over_55"),
        ("60-vuotias", "over_55"),
        ("nuori alle 30", "under_30"),
        ("22-v nuori", "under_30"),
        ("pitkäaikaistyötön", "long_unemployed"),
        ("ei mikään erityinen", "none"),
        ("asdf", None),
    ],
)
def test_hire_group(text, expected):
    assert interview.hire_group(text) == expected


@pytest.mark.parametrize("text", ["58-vuotias", "57 vuotias"])
def test_hire_group_56_to_59(text):
    assert interview.hire_group(text) == "over_55"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2400 €/kk, 30 h viikossa", (2400, 30)),
        ("2400€/kk 30h/vk", (2400, 30)),
        ("1 800 € kuukaudessa, 37,5 h/vko", (1800, 37.5)),
        ("palkka on 2 400 euroa ja työaika 30 tuntia", (2400, 30)),
        ("2400 euroa kuussa", (2400, None)),
        ("30 tuntia viikossa", (None, 30)),
        ("kokoaikainen 2500 e/kk", (2500, 37.5)),
        ("asdf", (None, None)),
        ("", (None, None)),
    ],
)
def test_job_terms(text, expected):
    assert interview.job_terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("oon 34", 34), ("58-vuotias", 58), ("kakskytviis", 25), ("en kerro", None)]
)
def test_age(text, expected):
    assert interview.age(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("puol vuotta", 6), ("2 vuotta", 24), ("kolme kuukautta", 3), ("vuoden", 12), ("puolitoista vuotta", 18)],
)
def test_unemployed_months(text, expected):
    assert interview.unemployed_months(text) == expected


# --------------------------------------------------------------------------- values fit the profiles


@pytest.mark.parametrize(
    "text",
    [
        "olen työtön ja haluan töihin",
        "selkä kipeä, suomi hyvä",
        "firma, palkkaisin nuoren oppisopimuksella",
        "asdf",
        "<script>alert(1)</script>",
        "x" * 2000,
    ],
)
def test_parsers_return_only_profile_values(text):
    assert interview.situation(text) in (*SITUATIONS, None)
    assert interview.work_ability(text) in (*WORK_ABILITIES, None)
    assert interview.finnish_level(text) in (*FINNISH_LEVELS, None)
    assert set(interview.goals(text)) <= set(GOALS)
    assert set(interview.fields(text)) <= set(FIELDS)
    assert interview.employer_type(text) in (*EMPLOYER_TYPES, None)
    assert interview.hire_group(text) in (*HIRE_GROUPS, None)
    assert isinstance(interview.is_skip(text), bool)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("miten voimme tarjota työkokeilupaikan?", "tyokokeilupaikan-tarjoaminen"),
        ("voiko yritys ottaa työkokeilijan", "tyokokeilupaikan-tarjoaminen"),
        ("mikä on työkokeilu", "tyokokeilu"),
        ("haluan työkokeiluun", "tyokokeilu"),
        (None, "tyokokeilu"),
    ],
)
def test_employer_view_of_a_work_trial_question(text, expected):
    from understanding.interview import employer_view

    assert employer_view("tyokokeilu", text) == expected
    assert employer_view("palkkatuki", text) == "palkkatuki"


# -- health details are redacted to categories the parsers still understand ---------------------
HEALTH_TEXTS = [
    "selkä on huono enkä pysty raskaisiin töihin",
    "mulla on diabetes ja vuorotyö ei sovi",
    "masennus vaikeuttaa työnhakua",
    "mulla on adhd ja työt ei oo onnistunu",
    "kuulovamma haittaa töissä",
    "polvet on rikki, en voi seistä koko päivää",
    "olkapää leikattu",
    "mulla on reuma ja käsityöt ei onnistu",
    "olin burnoutissa",
    "astma estää mua työskentelemästä rakennusalalla",
    "palkkaisin diabeetikon varastoon",
]


@pytest.mark.parametrize("text", HEALTH_TEXTS)
def test_redacted_health_text_keeps_its_category_and_work_ability(text):
    redacted = interview.redact_health_details(text)
    assert redacted != text
    assert "(" in redacted
    assert interview.health_category(redacted) == interview.health_category(text) != "other"
    assert interview.work_ability(redacted) == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "olen sairauslomalla",
        "olin sairaanhoitaja",
        "olin psykologina",
        "osaan nostaa trukilla",
        "olen terve",
        "en jaksa odottaa",
        "työntekijä sairastui",
        "sairauspäivärahat loppuu",
        "jalkapallon mm-kisat",
        "(tuki- ja liikuntaelimet) on huono",  # already redacted: left as it is
    ],
)
def test_situations_occupations_and_everyday_words_are_not_redacted(text):
    assert interview.redact_health_details(text) == text


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("palkkaisin siivoojan 12 kuukaudeksi", 12),
        ("puoleksi vuodeksi", 6),
        ("kuudeksi kuukaudeksi", 6),
        ("kahdeksi vuodeksi", 24),
        ("vuodeksi", 12),
        ("1,5 vuodeksi", 18),
        ("6 kk:n työsuhde", 6),
        ("8 kuukauden määräaikainen", 8),
        ("2 vuoden työsuhde", 24),
        ("entä jos työsuhde on 5 kk?", 5),
        ("työsopimus kestää 2 vuotta", 24),
        ("hän on ollut 8 kuukautta työttömänä ja työsuhde on 10 kk", 10),
        ("ollut työttömänä 8 kuukautta", None),
        ("toistaiseksi voimassa oleva työsuhde", None),
        ("vakituinen paikka", None),
        ("2400 €/kk, 30 h viikossa", None),
        ("100 vuodeksi", None),
    ],
)
def test_job_months(text, months):
    assert interview.job_months(text) == months
