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


# ==========================================================================
# Swedish and English
# ==========================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish
        ("ett", 1),
        ("två", 2),
        ("tva", 2),
        ("tre", 3),
        ("åtta", 8),
        ("atta", 8),
        ("tio", 10),
        ("elva", 11),
        ("tolv", 12),
        ("femton", 15),
        ("tjugo", 20),
        ("trettio", 30),
        ("fyrtio", 40),
        ("femtio", 50),
        ("sextio", 60),
        ("tjugofem", 25),
        ("fyrtiofem", 45),
        ("femtiotvå", 52),
        ("femtiotva", 52),
        ("tjugoen", 21),
        ("tjugosju", 27),
        ("två tusen fyrahundra", 2400),
        # English
        ("one", 1),
        ("seven", 7),
        ("twelve", 12),
        ("twenty", 20),
        ("sixty", 60),
        ("twenty-five", 25),
        ("twentyfive", 25),
        ("forty five", 45),
        ("Forty-Five", 45),
        ("two thousand four hundred", 2400),
        ("one hundred", 100),
        # English thousands separator next to a euro sign
        ("€2,400", 2400),
        ("2,400 euros", 2400),
        ("2,5", 2.5),  # a decimal without a currency
    ],
)
def test_parse_number_swedish_and_english(text: str, expected: float) -> None:
    _check(parse_finnish_number(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "en",  # Finnish "en" (I don't) and the Swedish article: no number on its own
        "tjugo fem sex",
        "three four",
        "twenty-five to thirty",  # a range
        "sexton sjutton",
    ],
)
def test_parse_number_swedish_and_english_rejects(text: str) -> None:
    assert parse_finnish_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish
        ("jag är 45", 45),
        ("jag ar 45", 45),
        ("45 år", 45),
        ("45 ar", 45),
        ("fyrtiofem år", 45),
        ("jag är 45 år gammal", 45),
        ("61 år gammal", 61),
        ("45-årig", 45),
        ("tjugosju", 27),
        ("ålder 23", 23),
        ("jag fyllde 60 i våras", 60),
        ("jag är 45 år och har varit arbetslös i 2 år", 45),
        ("jag har varit arbetslös i 2 år, jag är 45", 45),
        ("femtiotvå", 52),
        # English
        ("I'm 45", 45),
        ("I’m 45", 45),
        ("im 30", 30),
        ("I am 52", 52),
        ("45 years old", 45),
        ("45-year-old", 45),
        ("45 yo", 45),
        ("aged 58", 58),
        ("age 42", 42),
        ("I turned 55", 55),
        ("twenty-five", 25),
        ("forty five", 45),
        ("I'm 45 and have been unemployed for 2 years", 45),
        ("I'm 34 and have 2 kids", 34),
    ],
)
def test_parse_age_swedish_and_english(text: str, expected: int) -> None:
    assert parse_age(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "unemployed for 20 years",  # a duration
        "I have 20 years of experience",
        "har varit arbetslös i 20 år",
        "I'm 14",
        "jag är 90",
        "2400 euros",
        "30 hours",
        "born in 1985",
    ],
)
def test_parse_age_swedish_and_english_rejects(text: str) -> None:
    assert parse_age(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish
        ("sex månader", 6),
        ("6 månader", 6),
        ("6 manader", 6),
        ("6 mån", 6),
        ("en månad", 1),
        ("ett år", 12),
        ("ett ar", 12),
        ("två år", 24),
        ("i 2 år", 24),
        ("tre veckor", 0.75),
        ("en vecka", 0.25),
        ("fyrtiofem dagar", 1.5),
        ("tjugofem veckor", 6.25),
        ("elva månader", 11),
        ("ett halvt år", 6),
        ("ett halvår", 6),
        ("ett halvar", 6),
        ("ett och ett halvt år", 18),
        ("1,5 år", 18),
        ("ungefär ett år", 12),
        ("arbetslös i åtta månader", 8),
        ("över ett år", 13),
        ("mer än ett år", 13),
        ("nästan två år", 23),
        ("ett par månader", 2),
        ("några månader", 3),
        ("nagra veckor", 0.75),
        ("jag är inte arbetslös", 0),
        # English
        ("six months", 6),
        ("3 months", 3),
        ("a month", 1),
        ("a year", 12),
        ("2 years", 24),
        ("2 yrs", 24),
        ("18 mo", 18),
        ("two weeks", 0.5),
        ("ten days", 1 / 3),
        ("half a year", 6),
        ("a half year", 6),
        ("six and a half months", 6.5),
        ("one and a half years", 18),
        ("1.5 years", 18),
        ("twenty-five weeks", 6.25),
        ("forty five days", 1.5),
        ("over a year", 13),
        ("more than a year", 13),
        ("more than 2 years", 25),
        ("less than a year", 11),
        ("almost two years", 23),
        ("about 6 months", 6),
        ("a couple of months", 2),
        ("a few weeks", 0.75),
        ("3 to 4 months", 3.5),
        ("I'm 45 and have been unemployed for 2 years", 24),
        ("I just lost my job", 0),
        ("I'm not unemployed", 0),
    ],
)
def test_parse_duration_months_swedish_and_english(text: str, expected: float) -> None:
    _check(parse_duration_months(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "since last summer",
        "sedan förra sommaren",
        "since 2019",
        "sedan 2019",
        "last year",  # a date, not a duration
        "i år",  # "this year"
        "many years",
        "jag är 45 år",  # an age
        "I'm 45 years old",
        "3 months and before that 5 years",  # two different durations
    ],
)
def test_parse_duration_months_swedish_and_english_rejects(text: str) -> None:
    assert parse_duration_months(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sex månader", 6),
        ("ett år", 12),
        ("a year", 12),
        ("six", 6),
        ("half a year", 6),
        ("two years", 24),
    ],
)
def test_parse_months_count_swedish_and_english(text: str, expected: int) -> None:
    assert parse_months_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish
        ("2400 €/mån", 2400),
        ("2400 euro i månaden", 2400),
        ("2400 € per månad", 2400),
        ("lön 2800", 2800),
        ("lönen är 2800 euro", 2800),
        ("månadslön 2500", 2500),
        ("2 400 € före skatt", 2400),
        # English
        ("2400 €/month", 2400),
        ("2400 euros a month", 2400),
        ("2400 euros per month", 2400),
        ("2400 eur monthly", 2400),
        ("€2400", 2400),
        ("€2,400", 2400),
        ("€2,400 per month", 2400),
        ("2,400 euros", 2400),
        ("2,400 € a month", 2400),
        ("salary 2800", 2800),
        ("the salary is about 2800", 2800),
        ("3k a month", 3000),
        ("two thousand four hundred euros", 2400),
        ("2400 € gross a month", 2400),
    ],
)
def test_parse_wage_eur_swedish_and_english(text: str, expected: float) -> None:
    _check(parse_wage_eur(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "15 € per hour",
        "15 euros an hour",
        "15 €/timme",
        "hourly wage 15",
        "timlön 15",
        "36000 € a year",
        "36 000 € per år",
        "annual salary 36000",
        "2,400",  # no currency: a decimal (2.4), below the monthly range
        "2000-2500 euros",
    ],
)
def test_parse_wage_eur_swedish_and_english_rejects(text: str) -> None:
    assert parse_wage_eur(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish
        ("30 h/vecka", 30),
        ("30 timmar i veckan", 30),
        ("30 timmar per vecka", 30),
        ("heltid", 37.5),
        ("heltidsjobb", 37.5),
        ("halvtid", 18.75),
        ("deltid 50 %", 18.75),
        ("8 timmar om dagen", 40),
        ("trettio timmar", 30),
        # English
        ("30 hours a week", 30),
        ("30 hours per week", 30),
        ("30 hrs/week", 30),
        ("full-time", 37.5),
        ("full time", 37.5),
        ("half-time", 18.75),
        ("part-time 50%", 18.75),
        ("8 hours a day", 40),
        ("thirty hours", 30),
    ],
)
def test_parse_hours_per_week_swedish_and_english(text: str, expected: float) -> None:
    _check(parse_hours_per_week(text), expected)


@pytest.mark.parametrize(
    "text",
    ["inte heltid", "not full-time", "deltid", "part-time", "100 hours a month", "160 timmar i månaden"],
)
def test_parse_hours_per_week_swedish_and_english_rejects(text: str) -> None:
    assert parse_hours_per_week(text) is None


@pytest.mark.parametrize(
    "text", ["2400 €/month, 30 hours a week, 6 months", "salary 2400 €/mån for 6 months", "€2,400 a month for 6 months"]
)
def test_a_duration_in_months_beside_an_english_or_swedish_wage_is_not_a_second_wage(text):
    assert parse_wage_eur(text) == 2400
