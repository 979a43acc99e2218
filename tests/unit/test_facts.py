"""understanding.facts: what one message tells of a jobseeker or an employer, without Rasa."""

from __future__ import annotations

import pytest

from understanding import facts, interview
from understanding.facts import Message
from understanding.interview import SKIPPED
from vocabulary import EDUCATION_LEVELS, SITUATIONS


@pytest.fixture
def places(snapshot):
    """The catalogue snapshot resolves municipality names, as in the action server."""
    return snapshot


# -- the jobseeker's first message -----------------------------------------------------
def test_age_and_home_in_spoken_finnish(places):
    assert facts.jobseeker_facts(Message("oon 24 ja asun Tampereella"), places) == {
        "municipality": "Tampere",
        "age": 24,
    }


@pytest.mark.parametrize(
    ("reader", "said", "told"),
    [
        (
            facts.jobseeker_facts,
            "olen ollut työttömänä 8 kuukautta ja haluaisin opiskella, asun Oulussa",
            {"municipality": "Oulu", "situation": "unemployed", "unemployed_months": 8.0, "goals": ["education"]},
        ),
        (
            facts.employer_facts,
            "palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk",
            {
                "municipality": "Seinäjoki",
                "hire_group": "partial_work_ability",
                "hire_work_ability": "partial",
                "wage_eur": 2400.0,
                "job_terms": "given",
                "hours_per_week": 30.0,
            },
        ),
    ],
    ids=["jobseeker", "employer"],
)
def test_one_sentence_tells_every_answer_in_it(places, reader, said, told):
    assert reader(Message(said), places) == told


def test_work_history_becomes_a_field_and_competence(places):
    told = facts.jobseeker_facts(Message("olin 10 vuotta varastolla trukkikuskina"), places)
    assert told["fields"] == ["logistics"]
    assert told["competence"]["years_experience"] == 10
    assert "municipality" not in told and "age" not in told


def test_intents_tell_situation_goal_and_work_ability(places):
    assert facts.jobseeker_facts(Message("jäin juuri työttömäksi", intent="lost_job"), places)["situation"] == (
        "unemployed"
    )
    assert facts.jobseeker_facts(Message("haluan alan vaihtoon", intent="career_change"), places)["goals"][0] == (
        "try_field"
    )
    assert facts.jobseeker_facts(Message("selkä ei kestä", intent="work_ability"), places)["work_ability"] == (
        "partial"
    )


def test_an_uncertain_intent_is_not_taken_as_a_fact(places):
    """A graduate who has not found work, misread as wanting to study: the goal is asked, not assumed."""
    said = "Moikka, sain just lähihoitajan paperit mutta töitä ei oo löytyny. Asun Oulussa."
    told = facts.jobseeker_facts(Message(said, intent="education_goal", confidence=0.55), places)
    assert "goals" not in told
    assert told["situation"] == "unemployed" and told["municipality"] == "Oulu"
    sure = facts.jobseeker_facts(Message("haluan opiskella", intent="education_goal", confidence=0.93), places)
    assert sure["goals"] == ["education"]


@pytest.mark.parametrize(
    "said",
    ["oon ollu kortistossa puol vuotta", "valmistuin keväällä mut duunia ei oo löytyny", "en oo löytäny töitä"],
)
def test_spoken_ways_of_saying_out_of_work(places, said):
    assert facts.jobseeker_facts(Message(said), places)["situation"] == "unemployed"


def test_entities_of_the_nlu_come_first(places):
    message = Message("täällä päin", entities={"municipality": ["Nokialla"], "age": ["45"]})
    assert facts.jobseeker_facts(message, places) == {"municipality": "Nokia", "age": 45}


def test_a_button_payload_tells_nothing(places):
    assert facts.jobseeker_facts(Message('/inform{"situation": "unemployed"}'), places) == {}
    assert facts.employer_facts(Message("/employer_start"), places) == {}
    assert facts.employer_changes(Message("/affirm"), places) == {}


# -- the employer ----------------------------------------------------------------------
def test_employer_type_apprenticeship_and_education(places):
    told = facts.employer_facts(Message("yritys Kuopiossa, palkkaisin oppisopimuksella"), places)
    assert told["municipality"] == "Kuopio"
    assert told["employer_type"] == "company"
    assert told["hire_group"] == "apprentice"
    assert told["apprenticeship"] is True


@pytest.mark.parametrize(
    ("said", "changes"),
    [
        ("entä jos hän on yli 55?", {"hire_age": 56}),
        ("entä jos hän on 56-vuotias", {"hire_age": 56}),
        ("paljonko saan, jos palkka on 2800?", {"wage_eur": 2800.0}),
        ("entä jos hän on ollut työttömänä vuoden", {"hire_unemployed_months": 12.0}),
        ("entä jos työaika on 30 h viikossa", {"hours_per_week": 30.0}),
    ],
)
def test_what_if_changes_only_what_was_said(places, said, changes):
    assert facts.employer_changes(Message(said), places) == changes


def test_hire_group_tells_what_it_implies():
    assert facts.hire_group_slots("partial_work_ability") == {
        "hire_group": "partial_work_ability",
        "hire_work_ability": "partial",
    }
    assert facts.hire_group_slots("apprentice") == {"hire_group": "apprentice", "apprenticeship": True}
    assert facts.hire_group_slots("under_30") == {"hire_group": "under_30"}


# -- single answers --------------------------------------------------------------------
def test_municipality_from_a_short_answer_or_a_longer_text(places):
    assert facts.municipality_from("Tampere", [], places) == "Tampere"
    assert facts.municipality_from("asun nykyään Seinäjoella vanhempieni luona", [], places) == "Seinäjoki"
    assert facts.municipality_from("en kerro", [], places) is None


def test_choice_from_button_words_or_skip():
    parse = interview.situation
    assert facts.read_choice("unemployed", None, "situation", SITUATIONS, parse) == "unemployed"
    assert facts.read_choice('/inform{"situation": "laid_off"}', None, "situation", SITUATIONS, parse) == "laid_off"
    assert facts.read_choice("olen lomautettuna", None, "situation", SITUATIONS, parse) == "laid_off"
    assert facts.read_choice("ohita", None, "situation", SITUATIONS, parse) == SKIPPED
    assert facts.read_choice("mitä tarkoitat", "dont_know", "situation", SITUATIONS, parse) == SKIPPED
    assert facts.read_choice("banaani", None, "situation", SITUATIONS, parse) is None
    # a payload with a value outside the vocabulary is not a choice
    assert facts.chosen('/inform{"situation": "astronaut"}', "situation", SITUATIONS) is None


def test_age_answer_in_range_only():
    assert facts.age_answer("olen 24") == 24
    assert facts.age_answer(33.0) == 33
    assert facts.age_answer("en tiedä", ["45"]) == 45
    assert facts.age_answer("olen 14") is None
    assert facts.age_answer("olen 95") is None


def test_months_answer_and_the_longest_possible():
    assert facts.months_answer("puoli vuotta") == 6.0
    assert facts.months_answer(7) == 7.0
    assert facts.months_answer(700) is None
    assert facts.longest_unemployment(20) == 60
    assert facts.months_answer("6 vuotta", longest=facts.longest_unemployment(20)) is None
    assert facts.longest_unemployment(None) == 600


def test_rating_buttons_and_typed_skip_all():
    assert facts.rating_choice('/inform{"rating": 3}') == 3
    assert facts.rating_choice("ohita kaikki loput") == "skip_all"
    assert facts.rating_choice("4") is None  # a typed number is read by interview.rating


def test_job_terms_need_a_wage():
    assert facts.job_terms_answer("palkka 2400 €/kk, 30 h/vko") == {
        "job_terms": "given",
        "wage_eur": 2400.0,
        "hours_per_week": 30.0,
    }
    assert facts.job_terms_answer("2400 euroa kuussa 37,5 tuntia viikossa")["hours_per_week"] == 37.5
    assert facts.job_terms_answer("en tiedä vielä") is None


def test_education_from_button_words_or_skip():
    assert facts.education_answer("vain peruskoulu", EDUCATION_LEVELS, None) == "basic"
    assert facts.education_answer('/inform{"education_level": "higher"}', EDUCATION_LEVELS, None) == "higher"
    assert facts.education_answer("ohita", EDUCATION_LEVELS, None) == SKIPPED
    assert facts.education_answer("banaani", EDUCATION_LEVELS, None) is None


def test_skip_words_and_intent():
    assert facts.skipped(None, "en halua vastata")
    assert facts.skipped("dont_know", "mitä?")
    assert not facts.skipped("inform", "Tampere")
    assert not facts.skipped(None, 24)


def test_message_entities_and_payloads():
    message = Message("x", entities={"age": ["24"]})
    assert message.entity_values("age") == ["24"]
    assert message.entity_values("municipality") == []
    assert Message("/affirm").words == ""
    assert Message("moi").words == "moi"
