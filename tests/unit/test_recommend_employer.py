"""Tests for the employer support package (recommendation.employer, docs/api.md).

Every euro amount below is computed by hand from the official rules (each support's source_url) (palkkatuki 50 % /
1 260 €, 70 % / 1 770 €, 100 % / 2 020 € with 65 % of working time × 1.23;
55+ subsidy 70 % / 1 770 €; youth voucher 50 % / 1 500 € for 6 months;
Helsinki-lisä 50 % / 1 500 € for 12 months; Oulu kuntalisä from 1.1.2026 50 % / 1 500 € for
12 months, an apprenticeship for the job's months, never with palkkatuki or the 55+ subsidy —
BusinessOulu's page, which supersedes the domain notes' 500 € on top of palkkatuki).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from catalogue.repository import TYOMARKKINATORI_CONTACT, CountedPay, SupportVariantRecord
from messages import speaking, text
from recommendation import EmployerProfile, ProfileError, recommend_employer_package
from recommendation.employer import EmployerPackageBuilder, education_decides_youth_voucher, estimate_wage_support
from tests.contract import CARD_KEYS

ESTIMATE_KEYS = {"percent", "monthly_max_eur", "months", "total_max_eur"}
CONTACT_KEYS = {"name", "url", "phone", "email"}
OVERLAP_NOTE = "Palkkatukia ei makseta samasta palkasta päällekkäin"


def package(snapshot, profile: dict) -> dict:
    return recommend_employer_package(snapshot, profile)


def support(result: dict, service_id: str) -> dict | None:
    return next((s for s in result["supports"] if s["service"]["id"] == service_id), None)


def ids(result: dict) -> list[str]:
    return [s["service"]["id"] for s in result["supports"]]


def estimate(result: dict, service_id: str) -> dict | None:
    found = support(result, service_id)
    assert found is not None, f"{service_id} not offered: {ids(result)}"
    return found["estimate"]


def norm(text: str) -> str:
    """Amounts are written with a no-break space ('1\u00a0770 €'); compare with plain spaces."""
    return text.replace("\u00a0", " ")


def why(result: dict, service_id: str) -> str:
    found = support(result, service_id)
    assert found is not None, f"{service_id} not offered: {ids(result)}"
    return norm(found["why"])


def notes(result: dict) -> str:
    return norm(" ".join(result["notes"]))


# The eight+ profiles of the brief, checked for shape below.
PROFILES: dict[str, dict] = {
    "company_partial_2400": {
        "employer_type": "company",
        "hire": {"age": 45, "unemployed_months": 5, "work_ability": "partial"},
        "job": {"monthly_wage_eur": 2400, "hours_per_week": 37.5},
    },
    "company_partial_3000": {
        "employer_type": "company",
        "hire": {"work_ability": "partial"},
        "job": {"monthly_wage_eur": 3000},
    },
    "company_skills_2000": {
        "employer_type": "company",
        "hire": {"age": 35, "work_ability": "full", "unemployed_months": 6},
        "job": {"monthly_wage_eur": 2000},
    },
    "company_skills_3000": {
        "employer_type": "company",
        "hire": {"age": 35, "work_ability": "full", "unemployed_months": 6},
        "job": {"monthly_wage_eur": 3000},
    },
    "association_30_months_full_time": {
        "employer_type": "association",
        "hire": {"age": 45, "unemployed_months": 30},
        "job": {"monthly_wage_eur": 2000, "hours_per_week": 37.5},
    },
    "association_30_months_20h": {
        "employer_type": "association",
        "hire": {"age": 45, "unemployed_months": 30},
        "job": {"monthly_wage_eur": 1200, "hours_per_week": 20},
    },
    "municipality_full": {
        "employer_type": "municipality",
        "hire": {"age": 40, "work_ability": "full", "unemployed_months": 6},
    },
    "municipality_partial": {
        "employer_type": "municipality",
        "hire": {"age": 40, "work_ability": "partial"},
        "job": {"monthly_wage_eur": 2400},
    },
    "company_55_plus": {
        "employer_type": "company",
        "hire": {"age": 55, "unemployed_months": 24},
        "job": {"monthly_wage_eur": 3000, "hours_per_week": 37.5, "months": 12},
    },
    "company_youth": {"employer_type": "company", "hire": {"age": 29, "unemployed_months": 6}},
    "company_apprentice": {
        "employer_type": "company",
        "hire": {"age": 20, "unemployed_months": 2, "apprenticeship": True},
    },
    "helsinki_company_4_months": {
        "municipality": "Helsinki",
        "employer_type": "company",
        "hire": {"age": 35, "unemployed_months": 4},
        "job": {"monthly_wage_eur": 2500},
    },
    "oulu_company": {
        "municipality": "Oulu",
        "employer_type": "company",
        "hire": {"age": 35, "unemployed_months": 8},
        "job": {"monthly_wage_eur": 2500},
    },
    "tampere_company": {
        "municipality": "Tampere",
        "employer_type": "company",
        "hire": {"age": 40, "unemployed_months": 8},
    },
    "empty": {},
    "atlantis": {"municipality": "Atlantis", "employer_type": "company"},
}


@pytest.fixture(scope="module")
def packages(snapshot) -> dict[str, dict]:
    return {name: package(snapshot, profile) for name, profile in PROFILES.items()}


# --------------------------------------------------------------------------- shape


@pytest.mark.parametrize("name", list(PROFILES))
def test_response_has_the_contract_shape(packages, name):
    result = packages[name]
    json.dumps(result)
    # The fixed keys of docs/api.md plus the package total and the next steps
    assert set(result) == {"supports", "contact", "notes", "package_estimate", "next_steps"}
    assert result["supports"], "there is always at least one support"
    assert result["next_steps"] and all(isinstance(step, str) and step for step in result["next_steps"])
    for item in result["supports"]:
        assert set(item) == {"service", "why", "estimate", "role"}
        assert item["role"] in ("recommended", "alternative", "additional")
        assert set(item["service"]) == CARD_KEYS
        assert item["service"]["source_url"].startswith("https://")
        dt.date.fromisoformat(item["service"]["last_verified"])
        assert isinstance(item["why"], str) and len(item["why"]) > 30
        if item["estimate"] is not None:
            est = item["estimate"]
            assert set(est) == ESTIMATE_KEYS
            assert isinstance(est["percent"], int)
            assert isinstance(est["months"], int) and est["months"] > 0
            assert isinstance(est["monthly_max_eur"], (int, float)) and est["monthly_max_eur"] > 0
            assert est["total_max_eur"] == pytest.approx(est["monthly_max_eur"] * est["months"])
    assert set(result["contact"]) == CONTACT_KEYS and result["contact"]["name"]
    assert all(isinstance(n, str) and n for n in result["notes"])


@pytest.mark.parametrize("name", list(PROFILES))
def test_each_support_is_listed_once(packages, name):
    listed = ids(packages[name])
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize("name", list(PROFILES))
def test_every_support_is_for_employers(snapshot, packages, name):
    for service_id in ids(packages[name]):
        assert "employer" in snapshot.service(service_id).audience


# --------------------------------------------------------------------------- palkkatuki, 70 % (reduced work ability)


def test_partial_work_ability_2400_gets_70_percent(packages):
    est = estimate(packages["company_partial_2400"], "palkkatuki")
    # 70 % × 2 400 = 1 680 €/kk (< cap 1 770), 24 months, 1 680 × 24 = 40 320 €
    assert est == {"percent": 70, "monthly_max_eur": 1680.0, "months": 24, "total_max_eur": 40320.0}
    text = why(packages["company_partial_2400"], "palkkatuki")
    assert "70 %" in text and "1 770 €/kk" in text and "1 680 €/kk" in text


def test_partial_work_ability_3000_is_capped_at_1770(packages):
    est = estimate(packages["company_partial_3000"], "palkkatuki")
    # 70 % × 3 000 = 2 100 > cap → 1 770 €/kk; 1 770 × 24 = 42 480 €
    assert est == {"percent": 70, "monthly_max_eur": 1770.0, "months": 24, "total_max_eur": 42480.0}


def test_partial_work_ability_gets_adjustment_support_and_job_coaching(packages):
    result = packages["company_partial_2400"]
    assert {"tyoolosuhteiden-jarjestelytuki", "tyohonvalmennus"} <= set(ids(result))
    text = why(result, "tyoolosuhteiden-jarjestelytuki")
    # The official rule: tools up to 4 000 € per person; co-worker help 20 h/month at 20 €/h for up to 18 months
    assert "4 000 €" in text and "20 tuntia" in text and "20 €" in text and "18 kuukautta" in text
    assert support(result, "tyoolosuhteiden-jarjestelytuki")["estimate"] is None


def test_job_months_shorter_than_the_grant_limit_the_estimate(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "company",
            "hire": {"work_ability": "partial"},
            "job": {"monthly_wage_eur": 2400, "months": 6},
        },
    )
    # 1 680 €/kk × 6 = 10 080 €
    assert estimate(result, "palkkatuki") == {
        "percent": 70,
        "monthly_max_eur": 1680.0,
        "months": 6,
        "total_max_eur": 10080.0,
    }


# --------------------------------------------------------------------------- palkkatuki, 50 % (lack of skills)


def test_lack_of_skills_2000_gets_50_percent(packages):
    est = estimate(packages["company_skills_2000"], "palkkatuki")
    # 50 % × 2 000 = 1 000 €/kk (< cap 1 260), 10 months, 10 000 €
    assert est == {"percent": 50, "monthly_max_eur": 1000.0, "months": 10, "total_max_eur": 10000.0}


def test_lack_of_skills_3000_is_capped_at_1260(packages):
    est = estimate(packages["company_skills_3000"], "palkkatuki")
    # 50 % × 3 000 = 1 500 > cap → 1 260 €/kk; × 10 = 12 600 €
    assert est == {"percent": 50, "monthly_max_eur": 1260.0, "months": 10, "total_max_eur": 12600.0}


def test_full_work_ability_company_hire_gets_no_adjustment_support(packages):
    result = packages["company_skills_2000"]
    assert "tyoolosuhteiden-jarjestelytuki" not in ids(result)
    assert "tyohonvalmennus" not in ids(result)  # not long-term unemployed, no adjustments


# --------------------------------------------------------------------------- palkkatuki, 100 % (associations)


def test_association_full_time_100_percent_uses_65_percent_times_1_23(packages):
    est = estimate(packages["association_30_months_full_time"], "palkkatuki")
    # share = min(1, 0.65 × 37.5 / 37.5) = 0.65; 2 000 × 0.65 × 1.23 = 1 599.00 €/kk (< cap 2 020)
    # 10 months (Tuusula's page, after the 2023 reform) × 1 599 = 15 990 €
    assert est == {"percent": 100, "monthly_max_eur": 1599.0, "months": 10, "total_max_eur": 15990.0}


def test_association_20h_whole_wage_counts(packages):
    est = estimate(packages["association_30_months_20h"], "palkkatuki")
    # 20 h < 0.65 × 37.5 = 24.375 h → share = min(1, 24.375 / 20) = 1; 1 200 × 1.23 = 1 476.00 €/kk
    # 10 × 1 476 = 14 760 €
    assert est == {"percent": 100, "monthly_max_eur": 1476.0, "months": 10, "total_max_eur": 14760.0}


def test_association_100_percent_is_capped_at_2020(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "foundation",
            "hire": {"unemployed_months": 36},
            "job": {"monthly_wage_eur": 3000, "hours_per_week": 37.5},
        },
    )
    # 3 000 × 0.65 × 1.23 = 2 398.50 > cap → 2 020 €/kk; × 10 = 20 200 €
    assert estimate(result, "palkkatuki") == {
        "percent": 100,
        "monthly_max_eur": 2020.0,
        "months": 10,
        "total_max_eur": 20200.0,
    }


@pytest.mark.parametrize(("months", "percent"), [(24, 50), (25, 100), (30, 100)])
def test_100_percent_needs_more_than_two_years(snapshot, months, percent):
    result = package(
        snapshot,
        {"employer_type": "association", "hire": {"unemployed_months": months}, "job": {"monthly_wage_eur": 2000}},
    )
    assert estimate(result, "palkkatuki")["percent"] == percent


def test_company_never_gets_the_100_percent_variant(snapshot):
    result = package(
        snapshot, {"employer_type": "company", "hire": {"unemployed_months": 40}, "job": {"monthly_wage_eur": 2000}}
    )
    assert estimate(result, "palkkatuki")["percent"] == 50


def test_100_percent_and_50_percent_are_alternatives_with_a_note(packages):
    result = packages["association_30_months_full_time"]
    assert ids(result).count("palkkatuki") == 1
    assert OVERLAP_NOTE in notes(result)


# --------------------------------------------------------------------------- municipalities as employers


def test_municipality_hiring_full_work_ability_gets_no_palkkatuki(packages):
    result = packages["municipality_full"]
    assert "palkkatuki" not in ids(result)
    assert any("Kunta voi saada palkkatukea vain" in n for n in result["notes"])


def test_municipality_hiring_partial_work_ability_gets_70_percent(packages):
    est = estimate(packages["municipality_partial"], "palkkatuki")
    # 70 % × 2 400 = 1 680 €/kk, 24 months, 40 320 €
    assert est == {"percent": 70, "monthly_max_eur": 1680.0, "months": 24, "total_max_eur": 40320.0}


def test_municipality_hiring_60_plus_long_term_unemployed_gets_palkkatuki(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "municipality",
            "hire": {"age": 62, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500},
        },
    )
    est = estimate(result, "palkkatuki")
    assert est["months"] == 24  # The official rule: 60+ long-term unemployed, up to 24 months
    assert "62-vuotias" in why(result, "palkkatuki")


# --------------------------------------------------------------------------- 55+ subsidy


def test_55_plus_subsidy_offered_at_55_and_24_months(packages):
    result = packages["company_55_plus"]
    # 70 % × 3 000 = 2 100 > cap → 1 770 €/kk; granted for 10 months (job 12) → 17 700 €
    assert estimate(result, "tyollistamistuki-55") == {
        "percent": 70,
        "monthly_max_eur": 1770.0,
        "months": 10,
        "total_max_eur": 17700.0,
    }
    text = why(result, "tyollistamistuki-55")
    assert "55-vuotias" in text and "25 tuntia" in text
    # 55+ subsidy (17 700 €) beats palkkatuki 50 % (1 260 × 10 = 12 600 €) and is listed first of the two
    order = ids(result)
    assert order.index("tyollistamistuki-55") < order.index("palkkatuki")
    assert "55 vuotta täyttäneiden työllistämistuki (arviolta yhteensä 17 700 €)" in notes(result)


def test_55_plus_subsidy_wage_below_cap(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "company",
            "hire": {"age": 58, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 30, "months": 10},
        },
    )
    # 70 % × 2 000 = 1 400 €/kk; × 10 = 14 000 €
    assert estimate(result, "tyollistamistuki-55") == {
        "percent": 70,
        "monthly_max_eur": 1400.0,
        "months": 10,
        "total_max_eur": 14000.0,
    }


@pytest.mark.parametrize(
    ("hire", "hours", "note_part"),
    [
        ({"age": 54, "unemployed_months": 24}, 37.5, None),
        ({"age": 55, "unemployed_months": 23}, 37.5, "vähintään 24 kuukautta"),
        ({"age": 60, "unemployed_months": 12}, 37.5, "vähintään 24 kuukautta"),
        ({"age": 56, "unemployed_months": 30}, 20, "vähintään 25 tunnin"),
        ({"age": 56, "unemployed_months": 30}, 24.5, "vähintään 25 tunnin"),
    ],
)
def test_55_plus_subsidy_not_offered(snapshot, hire, hours, note_part):
    result = package(snapshot, {"employer_type": "company", "hire": hire, "job": {"hours_per_week": hours}})
    assert "tyollistamistuki-55" not in ids(result)
    if note_part:
        assert note_part in notes(result)


def test_55_plus_subsidy_at_25_hours(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "company",
            "hire": {"age": 56, "unemployed_months": 30},
            "job": {"hours_per_week": 25, "months": 12},
        },
    )
    # no wage → the cap: 1 770 × 10 months (the grant, shorter than the 12-month job) = 17 700 €
    assert estimate(result, "tyollistamistuki-55") == {
        "percent": 70,
        "monthly_max_eur": 1770.0,
        "months": 10,
        "total_max_eur": 17700.0,
    }


# --------------------------------------------------------------------------- youth voucher


def test_youth_voucher_at_29_and_6_months(packages):
    result = packages["company_youth"]
    # no wage → cap 1 500 €/kk × 6 = 9 000 €
    assert estimate(result, "nuorten-tyollistymisseteli") == {
        "percent": 50,
        "monthly_max_eur": 1500.0,
        "months": 6,
        "total_max_eur": 9000.0,
    }
    assert "29-vuotias" in why(result, "nuorten-tyollistymisseteli")


def test_youth_voucher_with_wage(snapshot):
    result = package(
        snapshot,
        {"employer_type": "company", "hire": {"age": 25, "unemployed_months": 8}, "job": {"monthly_wage_eur": 2400}},
    )
    # 50 % × 2 400 = 1 200 €/kk (< 1 500); × 6 = 7 200 €
    assert estimate(result, "nuorten-tyollistymisseteli") == {
        "percent": 50,
        "monthly_max_eur": 1200.0,
        "months": 6,
        "total_max_eur": 7200.0,
    }


@pytest.mark.parametrize(
    ("hire", "offered"),
    [
        ({"age": 29, "unemployed_months": 6}, True),
        ({"age": 30, "unemployed_months": 6}, False),
        ({"age": 25, "unemployed_months": 5}, False),
        ({"age": 25, "unemployed_months": 3, "education": "basic"}, True),  # 3 months with basic education
        ({"age": 25, "unemployed_months": 2, "education": "basic"}, False),
        ({"age": 25}, False),
    ],
)
def test_youth_voucher_edges(snapshot, hire, offered):
    result = package(snapshot, {"employer_type": "company", "hire": hire})
    assert ("nuorten-tyollistymisseteli" in ids(result)) is offered


@pytest.mark.parametrize(
    ("age", "unemployed_months", "decides"),
    [
        (25, 4, True),  # 3 months are enough with basic education only, 6 otherwise
        (25, 3, True),
        (29, 5.5, True),
        (25, 2, False),  # not enough either way
        (25, 6, False),  # enough either way
        (30, 4, False),  # over the age limit
        (None, 4, False),
        (25, "skipped", False),
    ],
)
def test_education_decides_youth_voucher(snapshot, age, unemployed_months, decides):
    assert education_decides_youth_voucher(snapshot, age, unemployed_months) is decides


def test_youth_voucher_refusal_explains_the_rule(snapshot):
    result = package(snapshot, {"employer_type": "company", "hire": {"age": 25, "unemployed_months": 5}})
    assert "6 kuukautta" in notes(result)


# --------------------------------------------------------------------------- apprenticeship


def test_apprentice_gets_oppisopimus_and_palkkatuki(packages):
    result = packages["company_apprentice"]
    assert "oppisopimus" in ids(result)
    assert "palkkatuki" in ids(result)
    assert "Oppisopimukseen voi saada palkkatukea" in why(result, "palkkatuki")
    assert "tyokokeilupaikan-tarjoaminen" not in ids(result)
    assert "25 tuntia" in why(result, "oppisopimus")


def test_no_apprenticeship_no_oppisopimus(packages):
    assert "oppisopimus" not in ids(packages["company_skills_2000"])


# --------------------------------------------------------------------------- municipal supplements


def test_helsinki_lisa_for_company_hiring_after_4_months(packages):
    result = packages["helsinki_company_4_months"]
    # Helsinki-lisä: 50 % × 2 500 = 1 250 €/kk (< 1 500), 12 months → 15 000 €
    assert estimate(result, "kuntalisa-helsinki") == {
        "percent": 50,
        "monthly_max_eur": 1250.0,
        "months": 12,
        "total_max_eur": 15000.0,
    }
    # palkkatuki 50 %: 1 250 €/kk × 10 = 12 500 €
    assert estimate(result, "palkkatuki")["total_max_eur"] == 12500.0
    # not paid on top of each other; the note names the better one
    assert OVERLAP_NOTE in notes(result)
    assert "edullisin on Helsinki-lisä" in notes(result)
    assert "palkkatuen tai 55 vuotta täyttäneiden työllistämistuen kanssa" in why(result, "kuntalisa-helsinki")
    assert result["contact"]["url"].startswith("https://www.hel.fi/")


def test_helsinki_lisa_needs_3_months(snapshot):
    result = package(
        snapshot, {"municipality": "Helsinki", "employer_type": "company", "hire": {"unemployed_months": 2}}
    )
    assert "kuntalisa-helsinki" not in ids(result)


def test_no_other_municipalitys_supplement(packages):
    for name in ("helsinki_company_4_months", "tampere_company", "company_skills_2000", "empty"):
        others = [i for i in ids(packages[name]) if i.startswith("kuntalisa-")]
        expected = {"helsinki_company_4_months": ["kuntalisa-helsinki"], "tampere_company": ["kuntalisa-tampere"]}
        assert others == expected.get(name, []), name


def test_oulu_kuntalisa_is_an_alternative_to_palkkatuki(packages):
    result = packages["oulu_company"]
    # Since 1.1.2026 not paid with palkkatuki (BusinessOulu), so the two are compared:
    # Oulu: 50 % × 2 500 = 1 250 €/kk (< 1 500) × 12 = 15 000 € beats palkkatuki 50 % × 2 500 = 1 250 × 10 = 12 500 €
    assert estimate(result, "kuntalisa-oulu") == {
        "percent": 50,
        "monthly_max_eur": 1250.0,
        "months": 12,
        "total_max_eur": 15000.0,
    }
    assert estimate(result, "palkkatuki")["total_max_eur"] == 12500.0
    assert support(result, "kuntalisa-oulu")["role"] == "recommended"
    assert support(result, "palkkatuki")["role"] == "alternative"
    assert result["package_estimate"] == {"total_max_eur": 15000.0, "supports": ["kuntalisa-oulu"]}
    assert OVERLAP_NOTE in notes(result)
    assert "edullisin on Oulun kuntalisä yrityksille (arviolta yhteensä 15 000 €)" in notes(result)
    assert "palkkatuen tai 55 vuotta täyttäneiden työllistämistuen kanssa" in why(result, "kuntalisa-oulu")


def test_oulu_kuntalisa_does_not_need_palkkatuki(snapshot):
    builder = EmployerPackageBuilder(snapshot, EmployerProfile.from_dict(PROFILES["oulu_company"]))
    without = [s for s in builder.municipal_supplements([]) if s.service.id == "kuntalisa-oulu"]
    assert len(without) == 1
    assert without[0].alternatives_group == "wage"
    assert without[0].excludes == {"palkkatuki", "tyollistamistuki-55"} and not without[0].requires


def test_oulu_kuntalisa_only_for_companies(snapshot):
    result = package(
        snapshot, {"municipality": "Oulu", "employer_type": "association", "hire": {"unemployed_months": 8}}
    )
    assert "kuntalisa-oulu" not in ids(result)


# --------------------------------------------------------------------------- unknown wage, unknown place


@pytest.mark.parametrize(
    ("profile", "service_id", "cap", "months"),
    [
        ({"employer_type": "company", "hire": {"work_ability": "partial"}}, "palkkatuki", 1770.0, 24),
        ({"employer_type": "company", "hire": {"unemployed_months": 6}}, "palkkatuki", 1260.0, 10),
        ({"employer_type": "association", "hire": {"unemployed_months": 30}}, "palkkatuki", 2020.0, 10),
        (
            {"employer_type": "company", "hire": {"age": 22, "unemployed_months": 7}},
            "nuorten-tyollistymisseteli",
            1500.0,
            6,
        ),
        (
            {"municipality": "Helsinki", "employer_type": "company", "hire": {"unemployed_months": 7}},
            "kuntalisa-helsinki",
            1500.0,
            12,
        ),
    ],
)
def test_unknown_wage_gives_the_caps(snapshot, profile, service_id, cap, months):
    result = package(snapshot, profile)
    est = estimate(result, service_id)
    assert est["monthly_max_eur"] == cap
    assert est["months"] == months
    assert est["total_max_eur"] == cap * months
    assert "Kerro palkka" in notes(result)


def test_unknown_municipality_note_and_national_contact(packages):
    result = packages["atlantis"]
    assert result["contact"] == TYOMARKKINATORI_CONTACT
    assert "Atlantis" in notes(result)
    assert all(s["service"]["scope"] == "national" for s in result["supports"])


def test_empty_profile_gets_work_trial_and_palkkatuki(packages):
    result = packages["empty"]
    assert {"tyokokeilupaikan-tarjoaminen", "palkkatuki"} <= set(ids(result))
    assert result["contact"] == TYOMARKKINATORI_CONTACT


def test_apply_before_the_job_starts_note(packages):
    assert "ennen kuin työsuhde alkaa" in notes(packages["company_partial_2400"])


def test_tampere_employer_gets_area_employer_contact(snapshot, packages):
    assert packages["tampere_company"]["contact"] == snapshot.areas["tampereen-seutu"].employer_contact


@pytest.mark.parametrize(
    "profile",
    [
        {"employer_type": "corporation"},
        {"hire": {"age": 5}},
        {"job": {"monthly_wage_eur": 50}},
        {"job": {"hours_per_week": 80}},
        {"hire": {"work_ability": "great"}},
    ],
)
def test_invalid_employer_profile_raises_profile_error(snapshot, profile):
    with pytest.raises(ProfileError):
        package(snapshot, profile)


# --------------------------------------------------------------------------- estimate_wage_support directly


# The 100 % palkkatuki's rule in catalogue/data/services.yaml: pay for 65 % of 37.5 h a week counts, × 1.23
COUNTED_PAY = CountedPay(full_time_hours_per_week=37.5, working_time_share=0.65, wage_multiplier=1.23)


def _variant(percent, cap, months, counted_pay=None) -> SupportVariantRecord:
    return SupportVariantRecord("v", percent, cap, months, None, None, None, {}, (), (), counted_pay)


@pytest.mark.parametrize(
    ("variant", "wage", "job_months", "kwargs", "expected"),
    [
        (_variant(70, 1770, 24), 2400, None, {}, (70, 1680.0, 24, 40320.0)),
        (_variant(50, 1260, 10), None, None, {}, (50, 1260.0, 10, 12600.0)),
        (_variant(50, 1260, 10), 2000, 5, {}, (50, 1000.0, 5, 5000.0)),
        # 100 %: 2 000 × 0.65 × 1.23 = 1 599.00
        (
            _variant(100, 2020, 12, COUNTED_PAY),
            2000,
            None,
            {"hours_per_week": 37.5},
            (100, 1599.0, 12, 19188.0),
        ),
        # 30 h: share = min(1, 24.375 / 30) = 0.8125; 2 000 × 0.8125 × 1.23 = 1 998.75
        (
            _variant(100, 2020, 12, COUNTED_PAY),
            2000,
            None,
            {"hours_per_week": 30},
            (100, 1998.75, 12, 23985.0),
        ),
        # no hours known → full time assumed: same as 37.5 h
        (_variant(100, 2020, 12, COUNTED_PAY), 2000, None, {}, (100, 1599.0, 12, 19188.0)),
    ],
)
def test_estimate_wage_support(variant, wage, job_months, kwargs, expected):
    est = estimate_wage_support(variant, wage, job_months, **kwargs)
    assert (est.percent, est.monthly_max_eur, est.months, est.total_max_eur) == expected


def test_estimate_without_months_is_none():
    assert estimate_wage_support(_variant(70, 1770, None), 2000, None) is None
    assert estimate_wage_support(_variant(None, 1770, 10), 2000, None) is None


# --------------------------------------------------------------------------- known bugs


def test_55_plus_subsidy_is_not_called_worse_than_50_percent_palkkatuki(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "company",
            "hire": {"age": 55, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500, "hours_per_week": 37.5},
        },
    )
    # 55+: 70 % × 2 500 = 1 750 × 10 = 17 500 €; palkkatuki 50 %: 1 250 × 10 = 12 500 €
    assert "tyollistamistuki-55" in ids(result)
    assert "edullisin on 55 vuotta täyttäneiden työllistämistuki (arviolta yhteensä 17 500 €)" in notes(result)


def test_60_plus_long_term_unemployed_palkkatuki_beats_the_55_plus_subsidy_in_total(snapshot):
    result = package(
        snapshot,
        {
            "employer_type": "company",
            "hire": {"age": 62, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500, "hours_per_week": 37.5},
        },
    )
    # 60+ palkkatuki: 50 % × 2 500 = 1 250 × 24 months = 30 000 €; 55+: 1 750 × 10 = 17 500 €
    assert estimate(result, "palkkatuki")["total_max_eur"] == 30000.0
    assert estimate(result, "tyollistamistuki-55")["total_max_eur"] == 17500.0
    assert "edullisin on Palkkatuki (arviolta yhteensä 30 000 €)" in notes(result)


def test_oulu_apprenticeship_supplement_for_the_whole_apprenticeship(snapshot):
    # BusinessOulu 2026: an apprenticeship may be supported for its entire duration → the job's months.
    # Oulu: 50 % × 2 000 = 1 000 €/kk × 36 = 36 000 € beats palkkatuki 50 % × 2 000 = 1 000 × 10 = 10 000 €
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": "company",
            "hire": {"age": 20, "unemployed_months": 2, "apprenticeship": True},
            "job": {"monthly_wage_eur": 2000, "months": 36},
        },
    )
    assert estimate(result, "kuntalisa-oulu") == {
        "percent": 50,
        "monthly_max_eur": 1000.0,
        "months": 36,
        "total_max_eur": 36000.0,
    }
    assert estimate(result, "palkkatuki")["total_max_eur"] == 10000.0
    assert support(result, "kuntalisa-oulu")["role"] == "recommended"
    assert result["package_estimate"] == {"total_max_eur": 36000.0, "supports": ["kuntalisa-oulu"]}


def test_oulu_apprenticeship_without_a_duration_is_compared_by_the_month(snapshot):
    # No wage, no duration: Oulu's cap 1 500 €/kk (months unknown, so no total) vs palkkatuki's cap 1 260 €/kk
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": "company",
            "hire": {"age": 20, "unemployed_months": 2, "apprenticeship": True},
        },
    )
    assert estimate(result, "kuntalisa-oulu") is None
    assert support(result, "kuntalisa-oulu")["role"] == "recommended"
    assert support(result, "palkkatuki")["role"] == "alternative"
    assert "edullisin on Oulun kuntalisä yrityksille (arviolta 1 500 € kuukaudessa)" in notes(result)
    assert "niin kauan kuin työsuhde kestää" in why(result, "kuntalisa-oulu")


def test_oulu_55_plus_subsidy_beats_the_supplement(snapshot):
    # 57 and 30 months, 2 500 €, full time; the 2026 supplement is not paid with the 55+ subsidy:
    # 55+ subsidy 70 % × 2 500 = 1 750 × 10 = 17 500 € beats Oulu 50 % × 2 500 = 1 250 × 12 = 15 000 €
    # and palkkatuki 50 % × 2 500 = 1 250 × 10 = 12 500 €
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": "company",
            "hire": {"age": 57, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500, "hours_per_week": 37.5},
        },
    )
    assert estimate(result, "kuntalisa-oulu") == {
        "percent": 50,
        "monthly_max_eur": 1250.0,
        "months": 12,
        "total_max_eur": 15000.0,
    }
    assert estimate(result, "tyollistamistuki-55")["total_max_eur"] == 17500.0
    assert support(result, "tyollistamistuki-55")["role"] == "recommended"
    assert support(result, "kuntalisa-oulu")["role"] == "alternative"
    assert result["package_estimate"] == {"total_max_eur": 17500.0, "supports": ["tyollistamistuki-55"]}
    assert "edullisin on 55 vuotta täyttäneiden työllistämistuki (arviolta yhteensä 17 500 €)" in notes(result)


def test_oulu_57_without_the_55_plus_subsidy_gets_the_supplement(snapshot):
    # 57 and 10 months: no 55+ subsidy (needs 24 months). No wage, so the caps:
    # Oulu 1 500 × 12 = 18 000 € beats palkkatuki 50 % 1 260 × 10 = 12 600 €
    result = package(
        snapshot, {"municipality": "Oulu", "employer_type": "company", "hire": {"age": 57, "unemployed_months": 10}}
    )
    assert "tyollistamistuki-55" not in ids(result)
    assert estimate(result, "kuntalisa-oulu") == {
        "percent": 50,
        "monthly_max_eur": 1500.0,
        "months": 12,
        "total_max_eur": 18000.0,
    }
    assert support(result, "kuntalisa-oulu")["role"] == "recommended"
    assert support(result, "palkkatuki")["role"] == "alternative"


def test_oulu_60_plus_palkkatuki_beats_the_supplement_and_the_55_plus_subsidy(snapshot):
    # 62 and 30 months, 2 500 €: palkkatuki 50 % for 24 months = 1 250 × 24 = 30 000 € beats
    # the 55+ subsidy 70 % = 1 750 × 10 = 17 500 € and Oulu 50 % = 1 250 × 12 = 15 000 € (none added on top)
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": "company",
            "hire": {"age": 62, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2500, "hours_per_week": 37.5},
        },
    )
    assert support(result, "palkkatuki")["role"] == "recommended"
    assert estimate(result, "kuntalisa-oulu")["total_max_eur"] == 15000.0
    assert support(result, "kuntalisa-oulu")["role"] == "alternative"
    assert support(result, "tyollistamistuki-55")["role"] == "alternative"
    assert result["package_estimate"] == {"total_max_eur": 30000.0, "supports": ["palkkatuki"]}
    assert [s["service"]["id"] for s in result["supports"]].count("kuntalisa-oulu") == 1


def test_oulu_supplement_states_no_working_time_minimum(snapshot):
    # The old rules' 85 % working time is not on the 2026 page, so a 20 h job is not ruled out.
    # No wage: Oulu 1 500 × 12 = 18 000 € vs palkkatuki 1 260 × 10 = 12 600 €
    result = package(
        snapshot,
        {
            "municipality": "Oulu",
            "employer_type": "company",
            "hire": {"age": 40, "unemployed_months": 10},
            "job": {"hours_per_week": 20},
        },
    )
    assert estimate(result, "kuntalisa-oulu")["total_max_eur"] == 18000.0
    assert "85 %" not in why(result, "kuntalisa-oulu")


def test_helsinki_lisa_is_not_paid_on_top_of_palkkatuki_for_an_association_either(snapshot):
    # hel.fi 2026: not together with palkkatuki or the 55+ subsidy (the 800 €/month association top-up
    # on palkkatuki was the rule up to 2025). 100 % palkkatuki: 2 000 × 0.65 × 1.23 = 1 599 €/month × 10
    # = 15 990 € beats Helsinki-lisä 50 % × 2 000 = 1 000 €/month × 12 = 12 000 €.
    result = package(
        snapshot,
        {
            "municipality": "Helsinki",
            "employer_type": "association",
            "hire": {"age": 35, "unemployed_months": 30},
            "job": {"monthly_wage_eur": 2000},
        },
    )
    assert support(result, "palkkatuki")["role"] == "recommended"
    assert estimate(result, "palkkatuki")["total_max_eur"] == 15990.0
    item = support(result, "kuntalisa-helsinki")
    assert item["role"] == "alternative"
    assert estimate(result, "kuntalisa-helsinki") == {
        "percent": 50,
        "monthly_max_eur": 1000.0,
        "months": 12,
        "total_max_eur": 12000.0,
    }
    assert "800" not in item["why"]


def test_raahe_subsidy_days_are_a_condition_to_check_not_a_guess(snapshot):
    # Days of labour market subsidy cannot be told from months unemployed (earlier spells count,
    # earnings-related allowance does not): the condition is listed for the employer to check.
    result = package(
        snapshot, {"municipality": "Raahe", "employer_type": "company", "hire": {"age": 35, "unemployed_months": 2}}
    )
    item = support(result, "kuntalisa-raahe")
    assert item is not None
    assert "Tarkista ehdot: palkattava on saanut työmarkkinatukea yli 1 000 päivää" in norm(item["why"])
    # without a wage palkkatuki's cap 1 260 €/month beats Raahe's 750 €/month
    assert item["role"] == "alternative" and support(result, "palkkatuki")["role"] == "recommended"


def test_raahe_long_unemployed_is_not_assumed_to_have_1000_subsidy_days(snapshot):
    # 50 months × 21.5 = 1 075 "days" was the old guess; now the condition stays unknown
    result = package(
        snapshot,
        {
            "municipality": "Raahe",
            "employer_type": "company",
            "hire": {"unemployed_months": 50},
            "job": {"monthly_wage_eur": 1000},
        },
    )
    assert "yli 1 000 päivää" in why(result, "kuntalisa-raahe")
    # 750 €/month until the employment condition is met, usually 8 months: 6 000 € (> palkkatuki 500 × 10)
    assert "(arviolta yhteensä 6 000 €, jos sen ehdot täyttyvät)" in notes(result)


def test_labour_market_subsidy_day_conditions_say_over_or_at_least_as_the_source(snapshot):
    # Lapinlahti: "yli 200 päivää"; Kiuruvesi: "vähintään 300 päivää"
    lapinlahti = package(
        snapshot, {"municipality": "Lapinlahti", "employer_type": "company", "hire": {"unemployed_months": 20}}
    )
    assert "työmarkkinatukea yli 200 päivää" in why(lapinlahti, "kuntalisa-lapinlahti")
    kiuruvesi = package(
        snapshot,
        {
            "municipality": "Kiuruvesi",
            "employer_type": "company",
            "hire": {"unemployed_months": 20},
            "job": {"hours_per_week": 30},
        },
    )
    assert "työmarkkinatukea vähintään 300 päivää" in why(kiuruvesi, "kuntalisa-kiuruvesi")


def test_tampere_employer_gets_regional_youth_recruitment_subsidy(snapshot):
    result = package(
        snapshot, {"municipality": "Tampere", "employer_type": "company", "hire": {"age": 24, "unemployed_months": 8}}
    )
    assert "tampereen-seudun-nuorten-rekrytointituki" in ids(result)


def test_work_trial_place_is_not_with_the_persons_own_former_employer(snapshot):
    # The official rule: organisers are not private households, not one's own former employer
    for service_id in ("tyokokeilupaikan-tarjoaminen", "tyokokeilu"):
        service = snapshot.service(service_id)
        text = " ".join([service.description or "", *service.key_rules])
        assert "entisellä työnantajalla" in text, service_id
        assert "jo töissä" not in text


def test_flat_supplement_estimate_has_percent_0_and_fits_the_api_schema(snapshot):
    # docs/api.md: percent is an int (api/schemas.py Estimate), so a fixed sum a month has percent 0, not null.
    from api.schemas import Estimate as EstimateSchema

    result = package(
        snapshot,
        {
            "municipality": "Seinäjoki",
            "employer_type": "company",
            "hire": {"unemployed_months": 6},
            "job": {"hours_per_week": 37.5},
        },
    )
    est = estimate(result, "kuntalisa-seinajoki")
    # 300 €/month × 6 = 1 800 €
    assert est == {"percent": 0, "monthly_max_eur": 300.0, "months": 6, "total_max_eur": 1800.0}
    assert EstimateSchema(**est).percent == 0


ESPOO_JOB = {"hours_per_week": 37.5, "monthly_wage_eur": 2800, "months": 12}


@pytest.mark.parametrize(
    ("hire", "job", "offered"),
    [
        # Espoo city board 15.12.2025: under 30 OR foreign-language, upper secondary or higher education,
        # unemployed at least 3 months; the job at least 12 months and at least 80 % of full time.
        ({"age": 25, "unemployed_months": 4, "education": "vocational"}, ESPOO_JOB, True),
        ({"age": 41, "unemployed_months": 4, "education": "higher", "finnish_level": "basic"}, ESPOO_JOB, True),
        ({"age": 41, "unemployed_months": 4, "education": "higher", "finnish_level": "native"}, ESPOO_JOB, False),
        ({"age": 25, "unemployed_months": 2, "education": "vocational"}, ESPOO_JOB, False),
        ({"age": 25, "unemployed_months": 4, "education": "basic"}, ESPOO_JOB, False),
        ({"age": 25, "unemployed_months": 4, "education": "vocational"}, {**ESPOO_JOB, "months": 6}, False),
        ({"age": 25, "unemployed_months": 4, "education": "vocational"}, {**ESPOO_JOB, "hours_per_week": 20}, False),
    ],
)
def test_espoo_recruitment_support_follows_the_city_boards_conditions(snapshot, hire, job, offered):
    result = package(snapshot, {"municipality": "Espoo", "employer_type": "company", "hire": hire, "job": job})
    found = support(result, "kuntalisa-espoo")
    assert (found is not None) is offered, ids(result)
    if offered:
        assert "5 000" in found["why"]  # a one-off sum: no monthly estimate


def test_a_support_known_only_from_a_pre_reform_page_says_so_in_the_package(snapshot):
    result = package(
        snapshot,
        {
            "municipality": "Seinäjoki",
            "employer_type": "association",
            "hire": {"unemployed_months": 14},
            "job": {"monthly_wage_eur": 2000, "hours_per_week": 30},
        },
    )
    caveat = snapshot.service("kuntalisa-seinajoki").source_caveat
    assert caveat and "ennen vuoden 2025 uudistusta" in caveat
    assert why(result, "kuntalisa-seinajoki").endswith(caveat)
    # a support read from a current page has none
    helsinki = package(
        snapshot, {"municipality": "Helsinki", "employer_type": "company", "hire": {"unemployed_months": 4}}
    )
    assert snapshot.service("kuntalisa-helsinki").source_caveat is None
    assert "ennen vuoden 2025" not in why(helsinki, "kuntalisa-helsinki")


def test_a_finnish_only_caveat_is_said_in_the_packages_language(snapshot):
    """A local support with Finnish words only keeps its caveat's gist in English, not the Finnish sentence."""
    profile = {
        "municipality": "Seinäjoki",
        "employer_type": "association",
        "hire": {"unemployed_months": 14},
        "job": {"monthly_wage_eur": 2000, "hours_per_week": 30},
    }
    with speaking("en"):
        result = package(snapshot.in_language("en"), profile)
        expected = text("employer.supplement.source_caveat")
    found = why(result, "kuntalisa-seinajoki")
    assert found.endswith(expected) and "source page" in expected
    assert snapshot.service("kuntalisa-seinajoki").source_caveat not in found
