"""Tests for understanding.textparse: Finnish numbers, ages, durations, wages, hours."""

from __future__ import annotations

import pytest

from understanding.textparse import (
    fold_diacritics,
    normalize_finnish,
    parse_age,
    parse_duration_months,
    parse_finnish_number,
    parse_hours_per_week,
    parse_months_count,
    parse_wage_eur,
)

LONG_TEXT = "kolme kuukautta " * 200  # well over the input limit
NONSENSE = "asdf qwerty zxcv"
SQL = "1; DROP TABLE users; --"
SQL_OR = "' OR 1=1 --"


def _check(actual: float | int | None, expected: float | int | None) -> None:
    if expected is None:
        assert actual is None
    else:
        assert actual == pytest.approx(expected)


# --------------------------------------------------------------------------
# parse_finnish_number
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kolme", 3),
        ("kaksikymmentäviisi", 25),
        ("kaksikymmentaviisi", 25),
        ("kakskytviis", 25),
        ("kolkytkaks", 32),
        ("viiskyt", 50),
        ("sata", 100),
        ("puoli", 0.5),
        ("puolitoista", 1.5),
        ("2,5", 2.5),
        ("2.5", 2.5),
        ("1 770", 1770),
        ("2400", 2400),
        ("tuhat", 1000),
        ("kaks tuhatta viissataa", 2500),
        ("kaksituhattaviisisataa", 2500),
        ("kymmenen", 10),
        ("yks", 1),
        ("neljä", 4),
        ("nelja", 4),
        ("seittemän", 7),
        ("seitseman", 7),
        ("kaheksan", 8),
        ("yheksän", 9),
        ("yhdeksan", 9),
        ("yksitoista", 11),
        ("kakstoist", 12),
        ("viistoista", 15),
        ("kolmekymmentäneljä", 34),
        ("sata kaksikymmentä", 120),
        ("kaks ja puoli", 2.5),
        ("nolla", 0),
        ("KOLME", 3),
        ("<b>3</b>", 3),
        ("noin kolme", 3),
    ],
)
def test_parse_finnish_number(text: str, expected: float) -> None:
    _check(parse_finnish_number(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        NONSENSE,
        "kaksi kolme",  # two numbers, not one
        "3 ja 4",
        "3-4",  # a range is not a single number
        "-5",
        "miinus viisi",
        "sataa lunta",  # "it is snowing"
        "yksin",
        "toista",
        "kymmentä",
        SQL,
        SQL_OR,
        LONG_TEXT,
        "9" * 40,
    ],
)
def test_parse_finnish_number_rejects(text: str) -> None:
    assert parse_finnish_number(text) is None


# --------------------------------------------------------------------------
# parse_age
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("34", 34),
        ("oon 34", 34),
        ("34-vuotias", 34),
        ("34v", 34),
        ("34 v.", 34),
        ("kolmekymmentäneljä", 34),
        ("kolkytneljä vuotta", 34),
        ("kolmekymmentäneljävuotias", 34),
        ("58 vuotta", 58),
        ("täytin juuri 55", 55),
        ("tayttanyt 60", 60),
        ("olen 19 vuoden ikäinen", 19),
        ("ikä: 42", 42),
        ("ikä on 42", 42),
        ("ollut 2 vuotta työttömänä, oon 45", 45),
        ("ollut tyottomana 2v, oon 45", 45),
        ("oon 45 ja ollu työttömänä 3 kk", 45),
        ("olen 58 vuotta vanha", 58),
        ("mä oon viiskytkaks", 52),
        ("15", 15),
        ("80", 80),
        ("oon 34v ja ollu työttömänä 3kk", 34),
        ("Olen 34-vuotias ja ollut työttömänä 2 vuotta", 34),
        ("oon 34 ja mulla on 2 lasta", 34),
    ],
)
def test_parse_age(text: str, expected: int) -> None:
    assert parse_age(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3",
        "150",
        "ikä 0",
        "oon 14",
        "81",
        "ollut työttömänä 2 vuotta",
        "ollut työttömänä 20 vuotta",  # a duration, not an age
        "3 kk",
        "2400 €",
        "34-35",
        "34,5",
        "-34",
        "34 ja 45",  # ambiguous
        "",
        NONSENSE,
        SQL,
        SQL_OR,
        LONG_TEXT,
        "syntynyt 1985",
        "olen 20 vuotta ollut töissä",
    ],
)
def test_parse_age_rejects(text: str) -> None:
    assert parse_age(text) is None


# --------------------------------------------------------------------------
# parse_duration_months
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kolme kuukautta", 3),
        ("3 kk", 3),
        ("3kk", 3),
        ("puoli vuotta", 6),
        ("puol vuotta", 6),
        ("puolen vuoden", 6),
        ("vuoden", 12),
        ("vuosi", 12),
        ("yli vuoden", 13),
        ("alle vuoden", 11),
        ("2 v", 24),
        ("2v", 24),
        ("kaksi vuotta", 24),
        ("kahden vuoden", 24),
        ("puolitoista vuotta", 18),
        ("pari kuukautta", 2),
        ("pari vuotta", 24),
        ("muutaman kuukauden", 3),
        ("viikon", 0.25),
        ("2 viikkoa", 0.5),
        ("6 viikkoa", 1.5),
        ("en ole työtön", 0),
        ("en ole tyoton", 0),
        ("en oo", 0),
        ("just jäin työttömäks", 0),
        ("juuri jäin tyottomaksi", 0),
        ("juuri", 0),
        ("yli kaksi vuotta", 25),
        ("3-4 kuukautta", 3.5),
        ("3–4 kk", 3.5),
        ("oon ollu työttömänä puol vuotta ja asun Tampereella", 6),
        ("ollut 2 vuotta työttömänä, oon 45", 24),
        ("vuosi ja kolme kuukautta", 15),
        ("1 v 3 kk", 15),
        ("kaks ja puol vuotta", 30),
        ("1,5 vuotta", 18),
        ("vähän yli vuoden", 13),
        ("kymmenen kuukautta", 10),
        ("en ole ollut työttömänä kuin 3 kk", 3),
        ("kuukauden", 1),
        ("KOLME KUUKAUTTA", 3),
        ("oon 34v ja ollu työttömänä 3kk", 3),
        ("en oo ollu töissä 2 vuoteen", 24),
    ],
)
def test_parse_duration_months(text: str, expected: float) -> None:
    _check(parse_duration_months(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "2019 lähtien",
        "vuodesta 2019",
        "3",  # no unit
        "en tiedä",
        "en ole varma",
        "monta vuotta",
        "3 kk ja sitä ennen 5 vuotta",  # two different durations
        "-3 kk",
        "100 vuotta",  # 1200 months: out of range
        "",
        NONSENSE,
        SQL,
        SQL_OR,
        LONG_TEXT,
        "viime vuoden lopusta",
    ],
)
def test_parse_duration_months_rejects(text: str) -> None:
    assert parse_duration_months(text) is None


# --------------------------------------------------------------------------
# parse_wage_eur
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2400 €/kk", 2400),
        ("2400e", 2400),
        ("2 400 euroa kuussa", 2400),
        ("2400€", 2400),
        ("palkka 2800", 2800),
        ("palkka on noin 2800 e", 2800),
        ("kaks tuhatta neljäsataa euroa", 2400),
        ("kaks tuhatta neljasataa euroa", 2400),
        ("2400", 2400),
        ("2 400,50 €", 2400.5),
        ("3k", 3000),
        ("kolme tonnia kuussa", 3000),
        ("2400 € brutto kuukaudessa", 2400),
        ("2.400 €", 2400),
        ("2\u00a0400\u00a0€", 2400),  # non-breaking spaces
    ],
)
def test_parse_wage_eur(text: str, expected: float) -> None:
    _check(parse_wage_eur(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "15 €/h",
        "15 euroa tunnilta",
        "tuntipalkka 15",
        "36000 €/v",
        "50 €",  # below the monthly range
        "25000 €/kk",
        "-2400 €",
        "2000-2500 €",
        "",
        NONSENSE,
        SQL,
        SQL_OR,
        LONG_TEXT,
        "asun Tampereella",
        "2400 €/kk eli 15 €/h",  # mixed monthly and hourly: ask again
    ],
)
def test_parse_wage_eur_rejects(text: str) -> None:
    assert parse_wage_eur(text) is None


# --------------------------------------------------------------------------
# parse_hours_per_week
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 h viikossa", 30),
        ("30h/vko", 30),
        ("30 tuntia viikossa", 30),
        ("37,5 h", 37.5),
        ("täysaikainen", 37.5),
        ("taysaikainen", 37.5),
        ("kokoaikainen", 37.5),
        ("full time", 37.5),
        ("puolipäiväinen", 18.75),
        ("osa-aikainen 50%", 18.75),
        ("osa-aikainen 20 h", 20),
        ("kolmekymmentä tuntia", 30),
        ("8 h päivässä", 40),
        ("37,5", 37.5),
        ("kokoaikainen, 40 h viikossa", 40),
    ],
)
def test_parse_hours_per_week(text: str, expected: float) -> None:
    _check(parse_hours_per_week(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "osa-aikainen",  # share not explicit
        "70 h",
        "0 h",
        "100 h/kk",
        "ei kokoaikainen",
        "15 €/h",
        "-30 h",
        "",
        NONSENSE,
        SQL,
        SQL_OR,
        LONG_TEXT,
    ],
)
def test_parse_hours_per_week_rejects(text: str) -> None:
    assert parse_hours_per_week(text) is None


# --------------------------------------------------------------------------
# parse_months_count
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 kk", 6),
        ("puoli vuotta", 6),
        ("vuoden", 12),
        ("10 kuukautta", 10),
        ("kaksi vuotta", 24),
        ("6", 6),
        ("kuusi", 6),
        ("puolitoista vuotta", 18),
        ("viisi vuotta", 60),
    ],
)
def test_parse_months_count(text: str, expected: int) -> None:
    result = parse_months_count(text)
    assert result == expected
    assert isinstance(result, int)


@pytest.mark.parametrize(
    "text",
    ["2 viikkoa", "3-4 kk", "6 vuotta", "0", "-6 kk", "", NONSENSE, SQL, LONG_TEXT],
)
def test_parse_months_count_rejects(text: str) -> None:
    assert parse_months_count(text) is None


# --------------------------------------------------------------------------
# normalize_finnish / fold_diacritics
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Hei,   MAAILMA!  ", "hei maailma"),
        ("Työtön? Kyllä.", "työtön kyllä"),
        ("2400€/kk", "2400€ kk"),
        ("2,5 h", "2,5 h"),
        ("osa-aikainen 50%", "osa-aikainen 50%"),
        ("Åland\tÄÖ\n", "åland äö"),
        ("", ""),
    ],
)
def test_normalize_finnish(text: str, expected: str) -> None:
    assert normalize_finnish(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Työtön", "tyoton"),
        ("ÄÖÅ äöå", "aoa aoa"),
        ("neljä", "nelja"),
        ("plain", "plain"),
    ],
)
def test_fold_diacritics(text: str, expected: str) -> None:
    assert fold_diacritics(text) == expected


ALL_PARSERS = [
    parse_finnish_number,
    parse_age,
    parse_duration_months,
    parse_wage_eur,
    parse_hours_per_week,
    parse_months_count,
]


@pytest.mark.parametrize("parser", ALL_PARSERS)
@pytest.mark.parametrize("value", [None, 34, "x" * 1001, "kaksikymmentä" * 70])
def test_parsers_reject_non_text_and_oversized_input(parser, value) -> None:
    assert parser(value) is None


@pytest.mark.parametrize(
    "text", ["2400 €/kk, 30 h viikossa, 6 kk", "palkka 2400 €/kk 6 kk", "2400 e/kk ja 6 kk työsuhde"]
)
def test_a_duration_in_months_beside_the_wage_is_not_a_second_wage(text):
    assert parse_wage_eur(text) == 2400
