"""Employer cases with euro figures computed by hand from the official rules (each support's source_url) (issue 5).

Each case gives the hire and the job, and the expected estimate of one support:
percent, monthly amount after the cap, months and total. The arithmetic is in the
comment of each case. Caps: palkkatuki 50 % → 1 260 €/kk (10 months), 70 % → 1 770 €/kk
(24 months), 100 % for associations → 2 020 €/kk with only 65 % of full working time
counted, × 1.23 (10 months, Tuusula's page); 55+ subsidy 70 % → 1 770 €/kk for 10 months
(Työmarkkinatori); youth voucher 50 % → 1 500 €/kk for 6 months; Helsinki-lisä 50 % →
1 500 €/kk for 12 months; Oulu's kuntalisä for companies from 1.1.2026 50 % → 1 500 €/kk for
12 months, not paid with palkkatuki or the 55+ subsidy (BusinessOulu's page; it supersedes
the domain notes' 500 €/kk on top of palkkatuki).
"""

from __future__ import annotations

import pytest

from recommendation import recommend_employer_package


def package(snapshot, profile: dict) -> dict:
    return recommend_employer_package(snapshot, profile)


def by_id(result: dict) -> dict[str, dict]:
    return {s["service"]["id"]: s for s in result["supports"]}


def est(percent, monthly, months):
    return {
        "percent": percent,
        "monthly_max_eur": float(monthly),
        "months": months,
        "total_max_eur": float(round(monthly * months, 2)),
    }


COMPANY = "company"
CASES = [
    # (name, profile, service id, expected estimate or None when not offered)
    (
        "skills 2 000 € → 50 % = 1 000 × 10 = 10 000 €",
        {"employer_type": COMPANY, "hire": {"unemployed_months": 6}, "job": {"monthly_wage_eur": 2000}},
        "palkkatuki",
        est(50, 1000, 10),
    ),
    (
        "skills 3 000 € → 1 500 > cap 1 260 × 10 = 12 600 €",
        {"employer_type": COMPANY, "hire": {"unemployed_months": 6}, "job": {"monthly_wage_eur": 3000}},
        "palkkatuki",
        est(50, 1260, 10),
    ),
    (
        "reduced work ability 2 400 € → 70 % = 1 680 × 24 = 40 320 €",
        {"employer_type": COMPANY, "hire": {"work_ability": "partial"}, "job": {"monthly_wage_eur": 2400}},
        "palkkatuki",
        est(70, 1680, 24),
    ),
    (
        "reduced work ability 3 000 € → 2 100 > cap 1 770 × 24 = 42 480 €",
        {"employer_type": COMPANY, "hire": {"work_ability": "partial"}, "job": {"monthly_wage_eur": 3000}},
        "palkkatuki",
        est(70, 1770, 24),
    ),
    (
        "reduced work ability, a 6-month job → 1 680 × 6 = 10 080 €",
        {"employer_type": COMPANY, "hire": {"work_ability": "partial"}, "job": {"monthly_wage_eur": 2400, "months": 6}},
        "palkkatuki",
        est(70, 1680, 6),
    ),
    (
        "association 30 months, 2 000 € full time → 2 000 × 0.65 × 1.23 = 1 599 × 10 = 15 990 €",
        {
            "employer_type": "association",
            "hire": {"unemployed_months": 30},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
        },
        "palkkatuki",
        est(100, 1599, 10),
    ),
    (
        "association 30 months, 20 h (under 65 % of 37.5 h) → whole 1 200 × 1.23 = 1 476 × 10 = 14 760 €",
        {
            "employer_type": "association",
            "hire": {"unemployed_months": 30},
            "job": {"monthly_wage_eur": 1200, "hours_per_week": 20},
        },
        "palkkatuki",
        est(100, 1476, 10),
    ),
    (
        "foundation 36 months, 3 000 € → 2 398.50 > cap 2 020 × 10 = 20 200 €",
        {
            "employer_type": "foundation",
            "hire": {"unemployed_months": 36},
            "job": {"monthly_wage_eur": 3000, "hours_per_week": 37.5},
        },
        "palkkatuki",
        est(100, 2020, 10),
    ),
    (
        "association at exactly 24 months: not more than two years → 50 %: 1 000 × 10 = 10 000 €",
        {
            "employer_type": "association",
            "hire": {"unemployed_months": 24},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
        },
        "palkkatuki",
        est(50, 1000, 10),
    ),
    (
        "55+ at 55 and 24 months, 3 000 € → 2 100 > cap 1 770 × 10 = 17 700 €",
        {
            "employer_type": COMPANY,
            "hire": {"age": 55, "unemployed_months": 24},
            "job": {"monthly_wage_eur": 3000, "hours_per_week": 37.5, "months": 12},
        },
        "tyollistamistuki-55",
        est(70, 1770, 10),
    ),
    (
        "55+ not at 54",
        {
            "employer_type": COMPANY,
            "hire": {"age": 54, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 3000, "hours_per_week": 37.5},
        },
        "tyollistamistuki-55",
        None,
    ),
    (
        "55+ not after 23 months",
        {
            "employer_type": COMPANY,
            "hire": {"age": 55, "unemployed_months": 23},
            "job": {"monthly_wage_eur": 3000, "hours_per_week": 37.5},
        },
        "tyollistamistuki-55",
        None,
    ),
    (
        "55+ at 25 h, 1 800 € → 70 % = 1 260 × 10 = 12 600 €",
        {
            "employer_type": COMPANY,
            "hire": {"age": 58, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 1800, "hours_per_week": 25},
        },
        "tyollistamistuki-55",
        est(70, 1260, 10),
    ),
    (
        "55+ not at 24.5 h",
        {
            "employer_type": COMPANY,
            "hire": {"age": 58, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 1800, "hours_per_week": 24.5},
        },
        "tyollistamistuki-55",
        None,
    ),
    (
        "youth voucher at 29 and 6 months, 2 500 € → 50 % = 1 250 × 6 = 7 500 €",
        {"employer_type": COMPANY, "hire": {"age": 29, "unemployed_months": 6}, "job": {"monthly_wage_eur": 2500}},
        "nuorten-tyollistymisseteli",
        est(50, 1250, 6),
    ),
    (
        "youth voucher not at 30",
        {"employer_type": COMPANY, "hire": {"age": 30, "unemployed_months": 12}, "job": {"monthly_wage_eur": 2500}},
        "nuorten-tyollistymisseteli",
        None,
    ),
    (
        "youth voucher not after 5 months",
        {"employer_type": COMPANY, "hire": {"age": 25, "unemployed_months": 5}, "job": {"monthly_wage_eur": 2500}},
        "nuorten-tyollistymisseteli",
        None,
    ),
    (
        "youth voucher after 5 months with basic education only (3 months needed) → 1 000 × 6 = 6 000 €",
        {
            "employer_type": COMPANY,
            "hire": {"age": 25, "unemployed_months": 5, "education": "basic"},
            "job": {"monthly_wage_eur": 2000},
        },
        "nuorten-tyollistymisseteli",
        est(50, 1000, 6),
    ),
    (
        "youth voucher 3 500 € → 1 750 > cap 1 500 × 6 = 9 000 €",
        {"employer_type": COMPANY, "hire": {"age": 22, "unemployed_months": 8}, "job": {"monthly_wage_eur": 3500}},
        "nuorten-tyollistymisseteli",
        est(50, 1500, 6),
    ),
    (
        "60+ long-term unemployed, 2 500 € → palkkatuki 50 % = 1 250 × 24 = 30 000 €",
        {
            "employer_type": COMPANY,
            "hire": {"age": 62, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500, "hours_per_week": 37.5},
        },
        "palkkatuki",
        est(50, 1250, 24),
    ),
    (
        "Helsinki-lisä after 4 months, 3 200 € → 1 600 > cap 1 500 × 12 = 18 000 €",
        {
            "municipality": "Helsinki",
            "employer_type": COMPANY,
            "hire": {"unemployed_months": 4},
            "job": {"monthly_wage_eur": 3200, "hours_per_week": 37.5},
        },
        "kuntalisa-helsinki",
        est(50, 1500, 12),
    ),
    (
        "municipality employer, full work ability: no palkkatuki",
        {"employer_type": "municipality", "hire": {"unemployed_months": 12}, "job": {"monthly_wage_eur": 2500}},
        "palkkatuki",
        None,
    ),
    (
        "municipality employer, reduced work ability → 70 %: 1 750 × 24 = 42 000 €",
        {"employer_type": "municipality", "hire": {"work_ability": "partial"}, "job": {"monthly_wage_eur": 2500}},
        "palkkatuki",
        est(70, 1750, 24),
    ),
    # Oulu 2026: the supplement is an alternative to palkkatuki and the 55+ subsidy (cases 23–26 below)
    (
        "Oulu (a) skills 2 400 € → Oulu 50 % = 1 200 (< 1 500) × 12 = 14 400 €",
        {
            "municipality": "Oulu",
            "employer_type": COMPANY,
            "hire": {"age": 35, "unemployed_months": 8, "work_ability": "full"},
            "job": {"monthly_wage_eur": 2400},
        },
        "kuntalisa-oulu",
        est(50, 1200, 12),
    ),
    (
        "Oulu (b) reduced work ability 2 400 € → Oulu 50 % = 1 200 × 12 = 14 400 €",
        {
            "municipality": "Oulu",
            "employer_type": COMPANY,
            "hire": {"age": 45, "work_ability": "partial"},
            "job": {"monthly_wage_eur": 2400},
        },
        "kuntalisa-oulu",
        est(50, 1200, 12),
    ),
    (
        "Oulu (c) 57 and 30 months, 2 500 € → Oulu 50 % = 1 250 × 12 = 15 000 €",
        {
            "municipality": "Oulu",
            "employer_type": COMPANY,
            "hire": {"age": 57, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500, "hours_per_week": 37.5},
        },
        "kuntalisa-oulu",
        est(50, 1250, 12),
    ),
    (
        "Oulu (d) 3 600 € → 50 % = 1 800 > cap 1 500 × 12 = 18 000 €",
        {
            "municipality": "Oulu",
            "employer_type": COMPANY,
            "hire": {"age": 35, "unemployed_months": 8},
            "job": {"monthly_wage_eur": 3600},
        },
        "kuntalisa-oulu",
        est(50, 1500, 12),
    ),
]


@pytest.mark.parametrize(("name", "profile", "service_id", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_hand_computed_estimate(snapshot, name, profile, service_id, expected):
    supports = by_id(package(snapshot, profile))
    if expected is None:
        assert service_id not in supports
    else:
        assert supports[service_id]["estimate"] == expected


def test_at_least_twenty_hand_computed_cases():
    assert len(CASES) >= 20


def test_helsinki_lisa_beats_palkkatuki_and_they_are_not_offered_together(snapshot):
    result = package(snapshot, CASES[20][1])
    supports = by_id(result)
    # Helsinki-lisä 18 000 € vs palkkatuki 50 %: 1 260 × 10 = 12 600 €
    assert supports["kuntalisa-helsinki"]["role"] == "recommended"
    assert supports["palkkatuki"]["role"] == "alternative"
    assert result["package_estimate"] == {"total_max_eur": 18000.0, "supports": ["kuntalisa-helsinki"]}


def test_60_plus_gets_the_better_palkkatuki_not_the_55_plus_subsidy(snapshot):
    supports = by_id(package(snapshot, CASES[19][1]))
    assert supports["palkkatuki"]["role"] == "recommended"
    # 55+: 70 % × 2 500 = 1 750 × 10 = 17 500 € < 30 000 €
    assert supports["tyollistamistuki-55"]["estimate"]["total_max_eur"] == 17500.0
    assert supports["tyollistamistuki-55"]["role"] == "alternative"


def test_oulu_supplement_is_an_alternative_to_palkkatuki_not_added_on_top(snapshot):
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": COMPANY,
            "hire": {"unemployed_months": 6},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
        },
    )
    supports = by_id(result)
    # Oulu 50 % × 2 000 = 1 000 × 12 = 12 000 € beats palkkatuki 50 % × 2 000 = 1 000 × 10 = 10 000 €;
    # not paid together since 1.1.2026, so the package is 12 000 €, not 22 000 €
    assert supports["kuntalisa-oulu"]["estimate"] == est(50, 1000, 12)
    assert supports["palkkatuki"]["estimate"] == est(50, 1000, 10)
    assert supports["kuntalisa-oulu"]["role"] == "recommended"
    assert supports["palkkatuki"]["role"] == "alternative"
    assert result["package_estimate"] == {"total_max_eur": 12000.0, "supports": ["kuntalisa-oulu"]}


# (case index, the other support and its hand-computed estimate, the recommended one, the package total)
OULU_COMPARISONS = [
    # (a) Oulu 1 200 × 12 = 14 400 € beats palkkatuki 50 % × 2 400 = 1 200 × 10 = 12 000 €
    (23, "palkkatuki", est(50, 1200, 10), "kuntalisa-oulu", 14400.0),
    # (b) palkkatuki 70 % × 2 400 = 1 680 (< 1 770) × 24 = 40 320 € beats Oulu 1 200 × 12 = 14 400 €
    (24, "palkkatuki", est(70, 1680, 24), "palkkatuki", 40320.0),
    # (c) 55+ subsidy 70 % × 2 500 = 1 750 (< 1 770) × 10 = 17 500 € beats Oulu 1 250 × 12 = 15 000 €
    #     (and palkkatuki 50 % × 2 500 = 1 250 × 10 = 12 500 €)
    (25, "tyollistamistuki-55", est(70, 1750, 10), "tyollistamistuki-55", 17500.0),
    # (d) Oulu capped 1 500 × 12 = 18 000 € beats palkkatuki 50 % × 3 600 = 1 800 > cap 1 260 × 10 = 12 600 €
    (26, "palkkatuki", est(50, 1260, 10), "kuntalisa-oulu", 18000.0),
]


@pytest.mark.parametrize(
    ("index", "other", "other_estimate", "recommended", "total"), OULU_COMPARISONS, ids=["a", "b", "c", "d"]
)
def test_oulu_supplement_against_the_wage_subsidies(snapshot, index, other, other_estimate, recommended, total):
    name, profile, _, _ = CASES[index]
    assert name.startswith("Oulu (" + "abcd"[index - 23] + ")")
    result = package(snapshot, profile)
    supports = by_id(result)
    assert supports[other]["estimate"] == other_estimate
    assert supports[recommended]["role"] == "recommended"
    for service_id in ("kuntalisa-oulu", other):
        if service_id != recommended:
            assert supports[service_id]["role"] == "alternative"
    # never paid together: the package is the recommended support alone
    assert result["package_estimate"] == {"total_max_eur": total, "supports": [recommended]}


def test_workplace_adjustments_in_euros(snapshot):
    why = by_id(package(snapshot, {"employer_type": COMPANY, "hire": {"work_ability": "partial"}}))[
        "tyoolosuhteiden-jarjestelytuki"
    ]["why"].replace("\u00a0", " ")
    # equipment up to 4 000 €; co-worker help 20 h × 20 €/h = 400 €/kk for 18 months = 7 200 €
    assert "4 000 €" in why and "20 tuntia" in why and "20 €/tunti" in why and "18 kuukautta" in why
    assert "7 200 €" in why


def test_next_steps_say_where_and_before_the_job_starts(snapshot):
    steps = package(snapshot, CASES[2][1])["next_steps"]
    assert steps[0].startswith("Sopikaa työsuhteen ehdoista, mutta älkää aloittako työtä")
    assert any("Palkkatuki:" in step and "Suomi.fi-valtuus" in step for step in steps)
    assert any("lääkärinlausunto" in step for step in steps)  # workplace adjustments


# --------------------------------------------------------------------------- combinations the records exclude


def test_seinajoki_supplement_is_not_added_to_100_percent_palkkatuki(snapshot):
    # Seinäjoki's page: no recruitment supplement when the state granted 100 % palkkatuki (associations).
    # 100 %: 2 000 × 0.65 × 1.23 = 1 599 × 10 = 15 990 €; 50 % + supplement: 1 000 × 10 + 300 × 6 = 11 800 €
    result = package(
        snapshot,
        {
            "municipality": "Seinäjoki",
            "employer_type": "association",
            "hire": {"unemployed_months": 30},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
        },
    )
    supports = by_id(result)
    assert supports["palkkatuki"]["estimate"] == est(100, 1599, 10)
    assert supports["palkkatuki"]["role"] == "recommended"
    assert supports["kuntalisa-seinajoki"]["role"] == "alternative"
    assert "Lisää ei makseta yhdessä 100 %:n palkkatuen kanssa" in supports["kuntalisa-seinajoki"]["why"]
    assert result["package_estimate"] == {"total_max_eur": 15990.0, "supports": ["palkkatuki"]}  # not 17 790 €


def test_seinajoki_supplement_is_added_to_50_percent_palkkatuki(snapshot):
    # company: 50 % × 2 000 = 1 000 × 10 = 10 000 € + 300 × 6 = 1 800 € → 11 800 €
    result = package(
        snapshot,
        {
            "municipality": "Seinäjoki",
            "employer_type": COMPANY,
            "hire": {"unemployed_months": 6},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
        },
    )
    supports = by_id(result)
    assert supports["kuntalisa-seinajoki"]["estimate"] == est(0, 300, 6)
    assert supports["kuntalisa-seinajoki"]["role"] == "additional"
    assert result["package_estimate"] == {"total_max_eur": 11800.0, "supports": ["palkkatuki", "kuntalisa-seinajoki"]}


def test_tampere_supplement_is_not_added_to_100_percent_palkkatuki(snapshot):
    # Tampere: not paid when the pay is supported 100 % from elsewhere.
    # 100 %: 15 990 € alone beats 50 % + supplement: 10 000 + 600 × 6 = 13 600 €
    result = package(
        snapshot,
        {
            "municipality": "Tampere",
            "employer_type": "association",
            "hire": {"unemployed_months": 30},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
        },
    )
    supports = by_id(result)
    assert supports["palkkatuki"]["estimate"]["percent"] == 100
    assert supports["kuntalisa-tampere"]["role"] == "alternative"
    assert result["package_estimate"] == {"total_max_eur": 15990.0, "supports": ["palkkatuki"]}  # not 19 590 €


def test_low_wage_50_percent_palkkatuki_with_tampere_supplement_beats_100_percent(snapshot):
    # 1 000 € full time: 100 % → 1 000 × 0.65 × 1.23 = 799.50 × 10 = 7 995 €;
    # 50 % → 500 × 10 = 5 000 € + Tampere 600 × 6 = 3 600 € → 8 600 € (more)
    result = package(
        snapshot,
        {
            "municipality": "Tampere",
            "employer_type": "association",
            "hire": {"unemployed_months": 30},
            "job": {"monthly_wage_eur": 1000, "hours_per_week": 37.5},
        },
    )
    supports = by_id(result)
    assert supports["palkkatuki"]["estimate"] == est(50, 500, 10)
    assert supports["palkkatuki"]["role"] == "recommended"
    assert supports["kuntalisa-tampere"]["role"] == "additional"
    assert result["package_estimate"] == {"total_max_eur": 8600.0, "supports": ["palkkatuki", "kuntalisa-tampere"]}
    text = " ".join(result["notes"]).replace("\u00a0", " ")
    assert (
        "edullisin on Palkkatuki 50 % + Tampereen kaupungin rekrytointilisä ja -palkkio (arviolta yhteensä 8 600 €)"
    ) in text


def test_raahe_supplement_for_8_months_beats_palkkatuki_for_a_low_wage(snapshot):
    # Raahe pays 750 €/month until the employment condition is met ("yleensä 8 kk"), not with palkkatuki:
    # 750 × 8 = 6 000 € > palkkatuki 50 % × 1 000 = 500 €/month × 10 = 5 000 €.
    result = package(
        snapshot,
        {
            "municipality": "Raahe",
            "employer_type": COMPANY,
            "hire": {"unemployed_months": 50},
            "job": {"monthly_wage_eur": 1000},
        },
    )
    supports = by_id(result)
    assert supports["palkkatuki"]["estimate"] == est(50, 500, 10)
    assert supports["palkkatuki"]["role"] == "alternative"
    assert supports["kuntalisa-raahe"]["role"] == "recommended"
    assert supports["kuntalisa-raahe"]["estimate"] == est(0, 750, 8)
    text = " ".join(result["notes"]).replace("\u00a0", " ")
    assert "edullisin on Raahen työllistämisen kuntalisä (arviolta yhteensä 6 000 €" in text
    assert "Vertailin kuukausimääriä" not in text


def test_palkkatuki_stays_better_when_it_pays_more_in_total(snapshot):
    # 2 000 € → palkkatuki 50 % = 1 000 €/month × 10 = 10 000 € > Raahe's 750 × 8 = 6 000 €
    result = package(
        snapshot,
        {
            "municipality": "Raahe",
            "employer_type": COMPANY,
            "hire": {"unemployed_months": 50},
            "job": {"monthly_wage_eur": 2000},
        },
    )
    supports = by_id(result)
    assert supports["palkkatuki"]["role"] == "recommended"
    assert supports["kuntalisa-raahe"]["role"] == "alternative"
    assert "edullisin on Palkkatuki (arviolta yhteensä 10 000 €)" in " ".join(result["notes"]).replace("\u00a0", " ")


def test_a_supplement_without_a_duration_is_compared_in_euros_a_month(snapshot):
    # Oulu supports a whole apprenticeship; without the job's months there is no total, so the package
    # compares a month: 50 % × 3 400 capped at 1 500 € > palkkatuki's cap 1 260 €.
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": COMPANY,
            "hire": {"unemployed_months": 10, "apprenticeship": True},
            "job": {"monthly_wage_eur": 3400},
        },
    )
    supports = by_id(result)
    assert supports["kuntalisa-oulu"]["role"] == "recommended"
    assert supports["kuntalisa-oulu"]["estimate"] is None  # no duration, no total
    assert supports["palkkatuki"]["role"] == "alternative"
    text = " ".join(result["notes"]).replace("\u00a0", " ")
    assert "edullisin on Oulun kuntalisä yrityksille (arviolta 1 500 € kuukaudessa)" in text
    assert "Vertailin kuukausimääriä, koska tämän tuen kestoa ei ole kerrottu: Oulun kuntalisä yrityksille." in text


# --------------------------------------------------------------------------- youth voucher: a job of at least 6 months


@pytest.mark.parametrize(
    ("service_id", "municipality"),
    [
        ("nuorten-tyollistymisseteli", None),
        ("tampereen-seudun-nuorten-rekrytointituki", "Tampere"),
    ],
)
def test_youth_voucher_needs_a_job_of_at_least_6_months(snapshot, service_id, municipality):
    # tem.fi 22.12.2025: the company commits to employing the young person for at least six months.
    base = {"municipality": municipality, "employer_type": COMPANY, "hire": {"age": 25, "unemployed_months": 8}}
    five = package(snapshot, {**base, "job": {"monthly_wage_eur": 2000, "months": 5}})
    assert service_id not in by_id(five)
    assert "vähintään 6 kuukauden työsuhteeseen" in " ".join(five["notes"])
    # 6 months: 50 % × 2 000 = 1 000 €/month × 6 = 6 000 €
    six = package(snapshot, {**base, "job": {"monthly_wage_eur": 2000, "months": 6}})
    assert by_id(six)[service_id]["estimate"] == est(50, 1000, 6)


# --------------------------------------------------------------------------- Kajaani: apprenticeship supplement

KAJAANI = {"municipality": "Kajaani", "employer_type": COMPANY}


def _flat(monthly, months, total):
    return {"percent": 0, "monthly_max_eur": float(monthly), "months": months, "total_max_eur": float(total)}


@pytest.mark.parametrize(
    ("job_months", "expected"),
    [
        # kajaani.fi: 1st year 200 €/month, 2nd and 3rd year 100 €/month (cap 4 800 € per person)
        (None, _flat(200, 36, 4800)),  # 12 × 200 + 24 × 100 = 2 400 + 2 400 = 4 800 €
        (24, _flat(200, 24, 3600)),  # 12 × 200 + 12 × 100 = 2 400 + 1 200 = 3 600 €
        (10, _flat(200, 10, 2000)),  # 10 × 200 = 2 000 €
    ],
)
def test_kajaani_apprentice_gets_the_apprenticeship_supplement_not_400_x_8(snapshot, job_months, expected):
    job = {"monthly_wage_eur": 2000, "hours_per_week": 37.5, **({"months": job_months} if job_months else {})}
    result = package(snapshot, {**KAJAANI, "hire": {"unemployed_months": 14, "apprenticeship": True}, "job": job})
    item = by_id(result)["kuntalisa-kajaani"]
    assert item["estimate"] == expected
    assert item["role"] == "additional"
    assert "200 € kuukaudessa 12 kuukauden ajan, sitten 100 € kuukaudessa 24 kuukauden ajan" in item["why"].replace(
        "\u00a0", " "
    )


def test_kajaani_supplement_is_paid_on_top_of_palkkatuki(snapshot):
    # Kajaani's page: the supplement is not for wage costs and does not cumulate with palkkatuki; all grants
    # together at most the wage costs. 50 % × 2 000 = 1 000 × 10 = 10 000 € + 400 × 8 = 3 200 € = 13 200 €
    result = package(
        snapshot,
        {**KAJAANI, "hire": {"unemployed_months": 14}, "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5}},
    )
    supports = by_id(result)
    assert supports["kuntalisa-kajaani"]["estimate"] == est(0, 400, 8)
    assert supports["kuntalisa-kajaani"]["role"] == "additional"
    assert result["package_estimate"] == {"total_max_eur": 13200.0, "supports": ["palkkatuki", "kuntalisa-kajaani"]}
