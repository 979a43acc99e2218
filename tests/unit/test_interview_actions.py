"""The deeper jobseeker interview (issue 4) in the action server: competence mapping,
self-rating, health only as a category, and the questions after a path."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

import bot.actions.common
import bot.actions.followups
import bot.actions.forms
import bot.actions.recommend
from api.rasa_client import to_messages
from bot.actions import (
    ActionAskCompetenceConfirmed,
    ActionAskHealthCategory,
    ActionAskWhy,
    ActionAskWorkAbility,
    ActionChangeAnswer,
    ActionMakeSummary,
    ActionRecommendPath,
    ActionShowAlternatives,
    ActionStoreFeedback,
    ValidateJobseekerForm,
)
from conversations.models import Feedback
from conversations.summaries import load_summary
from tests.action_utils import (
    card_ids,
    make_tracker,
    run_action,
    run_form_validation,
    slot_events,
)
from understanding.interview import SKIPPED
from understanding.sensitive import as_category

FORM = ValidateJobseekerForm()
PATH_SLOTS = {"municipality": "Tampere", "age": 24, "situation": "unemployed", "unemployed_months": 7, "goals": ["job"]}


@pytest.fixture(autouse=True)
def test_catalogue(monkeypatch, snapshot, seeded_engine):
    for module in (bot.actions.common, bot.actions.forms, bot.actions.recommend, bot.actions.followups):
        monkeypatch.setattr(module, "catalogue", lambda: snapshot)
    monkeypatch.setattr(bot.actions.followups, "_engine", lambda: seeded_engine)
    return snapshot


def validate(domain, slot: str, value: Any, **kwargs) -> tuple[dict[str, Any], Any]:
    return run_form_validation(FORM, domain, slot, value, **kwargs)


# -- competence ---------------------------------------------------------------------------
def test_work_history_is_kept_as_a_competence_profile_not_as_text(domain):
    slots, _ = validate(domain, "work_history", "olin 10 vuotta varastolla trukkikuskina")
    assert slots["work_history"] == "given"
    assert "logistics" in slots["competence"]["fields"]
    assert slots["competence"]["years_experience"] == 10
    assert "logistics" in slots["fields"]


def test_skipped_work_history_is_not_asked_again(domain):
    slots, _ = validate(domain, "work_history", "ohita")
    assert slots == {"work_history": SKIPPED}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('/inform{"education_level": "vocational"}', "vocational"),
        ("kävin lukion", "upper_secondary"),
        ("ammattikoulu", "vocational"),
    ],
)
def test_education_from_button_or_words(domain, value, expected):
    slots, _ = validate(domain, "education", value)
    assert slots["education"] == expected
    assert slots["competence"]["education"] == expected


def test_skills_and_likes_add_to_the_profile(domain):
    earlier = {
        "fields": ["logistics"],
        "occupation_groups": ["83"],
        "skills": [],
        "education": None,
        "years_experience": 10,
        "likes": [],
    }
    slots, _ = validate(
        domain, "skills", "minulla on hygieniapassi ja tykkään laittaa ruokaa", slots={"competence": earlier}
    )
    assert "hygieniapassi" in slots["competence"]["skills"]
    assert "logistics" in slots["competence"]["fields"]
    assert slots["fields"][0] == "kitchen"  # what the person likes comes first


def test_competence_read_back_lists_what_was_understood(domain):
    tracker = make_tracker(domain, slots={"competence": {"fields": ["logistics"], "skills": ["trukkikortti"]}})
    _, dispatcher = run_action(ActionAskCompetenceConfirmed(), tracker, domain)
    message = dispatcher.messages[0]
    assert "varasto ja logistiikka" in message["text"] and "trukkikortti" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/affirm", "/deny"]


def test_competence_confirmed_corrected_and_read_back_again(domain):
    profile = {
        "fields": ["logistics", "cleaning"],
        "occupation_groups": [],
        "skills": [],
        "education": None,
        "years_experience": None,
        "likes": [],
    }
    slots, _ = validate(domain, "competence_confirmed", "/affirm", intent="affirm", slots={"competence": profile})
    assert slots["competence_confirmed"] is True

    slots, dispatcher = validate(domain, "competence_confirmed", "/deny", intent="deny", slots={"competence": profile})
    assert slots["competence_confirmed"] is None and slots["competence_correcting"] is True
    assert dispatcher.messages[0]["response"] == "utter_competence_correct_how"

    slots, _ = validate(
        domain,
        "competence_confirmed",
        "en ole ollut siivoojana",
        slots={"competence": profile, "competence_correcting": True},
    )
    assert slots["competence_confirmed"] is None  # asked again with the corrected profile
    assert slots["competence"]["fields"] == ["logistics"]


# -- self-rating ----------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [('/inform{"rating": 2}', 2), ("kolme", 3), ("aika huono", 2)])
def test_rating_from_button_or_words(domain, value, expected):
    slots, _ = validate(domain, "rating_daily_life", value)
    assert slots == {"rating_daily_life": expected}


def test_skip_all_ratings_skips_the_rest_but_keeps_given_ones(domain):
    slots, _ = validate(
        domain, "rating_skills", '/inform{"rating": "skip_all"}', slots={"rating_finances": 4, "rating_social": 3}
    )
    assert slots == dict.fromkeys(
        ("rating_skills", "rating_wellbeing", "rating_daily_life", "rating_employment", "rating_health"), SKIPPED
    )


@pytest.mark.parametrize("typed", ["ohita kaikki", "ohita loput", "ohitan kaikki loputkin kysymykset"])
def test_typed_skip_all_ratings_is_the_button(domain, typed):
    slots, _ = validate(domain, "rating_skills", typed, slots={"rating_finances": 4, "rating_social": 3})
    assert slots == dict.fromkeys(
        ("rating_skills", "rating_wellbeing", "rating_daily_life", "rating_employment", "rating_health"), SKIPPED
    )


def test_typed_skip_is_one_rating(domain):
    assert validate(domain, "rating_skills", "ohita")[0] == {"rating_skills": SKIPPED}


def test_nonsense_rating_is_asked_again(domain):
    slots, dispatcher = validate(domain, "rating_health", "banaani")
    assert slots == {"rating_health": None}
    assert "1–5" in dispatcher.messages[0]["text"]


# -- health -----------------------------------------------------------------------------------
def test_health_question_says_it_is_optional_and_how_long_it_is_kept(domain, monkeypatch):
    monkeypatch.setenv("POLKUOPAS_RETENTION_DAYS", "14")
    _, dispatcher = run_action(ActionAskWorkAbility(), make_tracker(domain), domain)
    text = dispatcher.messages[0]["text"]
    assert "vapaaehtoista" in text and "14 päivän" in text


def test_health_category_question_tells_the_gateway_to_keep_only_a_category(domain):
    _, dispatcher = run_action(ActionAskHealthCategory(), make_tracker(domain), domain)
    message = dispatcher.messages[0]
    assert message["custom"] == {"expects": "health"}
    assert len(message["buttons"]) == 7
    reply = to_messages([{"text": message["text"], "buttons": message["buttons"]}, {"custom": message["custom"]}])
    assert reply.expects == "health" and len(reply.messages) == 1


@pytest.mark.parametrize(
    ("typed", "category", "label"),
    [
        ("selkä on kipeä enkä voi nostaa", "musculoskeletal", "(tuki- ja liikuntaelimet)"),
        ("masennus", "mental_health", "(mieliala ja jaksaminen)"),
        ("en halua kertoa", "undisclosed", "(ei halua kertoa)"),
    ],
)
def test_typed_health_answer_becomes_a_category_before_rasa(typed, category, label):
    payload, stored = as_category("health", typed)
    assert payload == '/inform{"health_category": "' + category + '"}'
    assert stored == label
    assert as_category(None, typed) is None  # only right after the health question
    assert as_category("health", '/inform{"health_category": "other"}') is None  # a button passes as it is


@pytest.mark.parametrize("typed", ["miksi kysyt?", "poista tietoni", "aloitetaan alusta", "haluan puhua ihmiselle"])
def test_questions_and_commands_at_the_health_question_are_not_taken_as_answers(typed):
    assert as_category("health", typed) is None


def test_health_category_slot_never_holds_free_text(domain):
    slots, _ = validate(domain, "health_category", "polvi on leikattu")
    assert slots == {"health_category": "musculoskeletal"}


# -- after the path ---------------------------------------------------------------------------
def path_memory(domain) -> dict:
    events, _ = run_action(ActionRecommendPath(), make_tracker(domain, slots=PATH_SLOTS), domain)
    return slot_events(events)["last_path"]


def test_why_in_the_middle_of_the_interview_explains_the_question(domain):
    tracker = make_tracker(
        domain, "miksi?", "ask_why", slots={"requested_slot": "age"}, active_loop={"name": "jobseeker_form"}
    )
    _, dispatcher = run_action(ActionAskWhy(), tracker, domain)
    assert "alle 30-vuotiaille" in dispatcher.messages[0]["text"]


def test_why_after_the_path_lists_the_answers_behind_each_step(domain):
    tracker = make_tracker(domain, "miksi?", "ask_why", slots={**PATH_SLOTS, "last_path": path_memory(domain)})
    _, dispatcher = run_action(ActionAskWhy(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "Ilmoittaudu työnhakijaksi: koska työtön" in text
    assert "24-vuotias" in text


def test_why_about_one_named_service_explains_only_its_step(domain):
    memory = path_memory(domain)
    tracker = make_tracker(
        domain,
        "miksi ohjaamo?",
        "ask_why",
        slots={**PATH_SLOTS, "last_path": memory},
        entities=[{"entity": "service", "value": "ohjaamo"}],
    )
    _, dispatcher = run_action(ActionAskWhy(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Perustelin ehdotuksen näin:") and text.count("koska") == 1


def test_alternatives_show_services_not_shown_before(domain):
    memory = path_memory(domain)
    tracker = make_tracker(domain, "jotain muuta", "ask_alternatives", slots={**PATH_SLOTS, "last_path": memory})
    events, dispatcher = run_action(ActionShowAlternatives(), tracker, domain)
    new_ids = card_ids(dispatcher)
    assert new_ids and not set(new_ids) & set(memory["shown"])
    assert set(memory["shown"]) < set(slot_events(events)["last_path"]["shown"])


def test_a_corrected_work_history_is_added_to_the_competence_profile(domain):
    tracker = make_tracker(
        domain,
        "itse asiassa olin 10 vuotta varastolla trukkikuskina",
        "change_answer",
        slots={**PATH_SLOTS, "last_path": path_memory(domain)},
    )
    events, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    competence = slot_events(events)["competence"]
    assert "logistics" in competence["fields"]
    assert "osaaminen" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["text"].startswith("Tässä ehdotukseni palvelupoluksi")


def test_changed_municipality_recomputes_the_path(domain):
    tracker = make_tracker(
        domain,
        "itse asiassa asun Nokialla",
        "change_answer",
        entities=[{"entity": "municipality", "value": "Nokialla"}],
        slots={**PATH_SLOTS, "municipality": "Oulu", "last_path": path_memory(domain)},
    )
    events, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    assert slot_events(events)["municipality"] == "Nokia"
    assert "korjasin: kunta" in dispatcher.messages[0]["text"]
    # the path again, now with the Tampere region's services (Nokia's area)
    assert dispatcher.messages[1]["text"].startswith("Tässä ehdotukseni palvelupoluksi")
    assert "Tampereen seudun työllisyysalue" in " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert slot_events(events)["last_path"]["steps"]


def test_change_without_a_recognisable_answer_changes_nothing(domain):
    tracker = make_tracker(domain, "itse asiassa kaikki on toisin", "change_answer", slots=PATH_SLOTS)
    events, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    assert events == []
    assert "En saanut selville" in dispatcher.messages[0]["text"]


def test_feedback_is_stored_without_the_conversation(domain, seeded_engine):
    memory = path_memory(domain)
    tracker = make_tracker(
        domain,
        '/give_feedback{"rating": 4}',
        "give_feedback",
        entities=[{"entity": "rating", "value": 4}],
        slots={"last_path": memory},
    )
    run_action(ActionStoreFeedback(), tracker, domain)
    from sqlalchemy.orm import Session

    with Session(seeded_engine) as session:
        stored = session.scalars(select(Feedback).order_by(Feedback.id.desc())).first()
    assert stored.rating == 4 and stored.kind == "jobseeker"
    assert stored.service_ids == [sid for step in memory["steps"] for sid in step["service_ids"]][:20]
    assert not hasattr(stored, "session_id")


def test_summary_is_saved_and_its_token_goes_to_the_gateway(domain, seeded_engine):
    tracker = make_tracker(
        domain,
        "/affirm",
        "affirm",
        slots={
            **PATH_SLOTS,
            "last_path": path_memory(domain),
            "summary_include_profile": True,
            "work_ability": "partial",
            "health_category": "mental_health",
        },
    )
    events, dispatcher = run_action(ActionMakeSummary(), tracker, domain)
    token = next(m["custom"]["summary_token"] for m in dispatcher.messages if m.get("custom"))
    data = load_summary(seeded_engine, token, max_age_days=30)
    assert data["steps"] and any(item for item in data["profile"])
    assert "mieliala" not in str(data) and "partial" not in str(data)
    assert slot_events(events) == {"summary_include_profile": None}


# -- employer: "entä jos" --------------------------------------------------------------------
EMPLOYER_SLOTS = {
    "municipality": "Seinäjoki",
    "employer_type": "company",
    "hire_group": "partial_work_ability",
    "hire_work_ability": "partial",
    "wage_eur": 2400,
    "hours_per_week": 30,
    "job_terms": "given",
    "last_package": {"supports": ["palkkatuki"]},
}


@pytest.mark.parametrize(
    ("text", "slot", "value", "said"),
    [
        ("paljonko saan jos palkka on 2800", "wage_eur", 2800, "palkka 2\u00a0800\u00a0€/kk"),
        ("entä jos hän on yli 55", "hire_age", 56, "palkattava 56-vuotias"),
        ("entä jos työaika on 20 tuntia viikossa", "hours_per_week", 20, "työaika 20 h/viikko"),
        ("entä jos hän on ollut työttömänä 3 vuotta", "hire_unemployed_months", 36, "työttömänä 3 vuotta"),
        ("entä jos työsuhde on 12 kk", "job_months", 12, "työsuhteen kesto 12 kk"),
        ("mitä jos palkkaan hänet puoleksi vuodeksi", "job_months", 6, "työsuhteen kesto 6 kk"),
        ("entä jos hänellä on vain peruskoulu", "hire_education", "basic", "palkattavalla vain peruskoulu"),
    ],
)
def test_what_if_recomputes_the_package(domain, text, slot, value, said):
    tracker = make_tracker(domain, text, "change_answer", slots=EMPLOYER_SLOTS)
    events, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    assert slot_events(events)[slot] == value
    assert said in dispatcher.messages[0]["text"] and "Laskin uudelleen" in dispatcher.messages[0]["text"]
    assert "palkkatuki" in card_ids(dispatcher)


def test_what_if_wage_gives_the_new_euros(domain):
    tracker = make_tracker(domain, "paljonko saan jos palkka on 2800", "change_answer", slots=EMPLOYER_SLOTS)
    _, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    text = " ".join(m.get("text") or m.get("custom", {}).get("text") or "" for m in dispatcher.messages)
    # 70 % × 2 800 = 1 960 > cap → 1 770 €/kk × 24 = 42 480 €
    assert "1\u00a0770\u00a0€/kk" in text and "42\u00a0480\u00a0€" in text


def test_what_if_job_length_gives_the_new_euros(domain):
    tracker = make_tracker(domain, "entä jos työsuhde on 12 kk", "change_answer", slots=EMPLOYER_SLOTS)
    _, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    text = " ".join(m.get("text") or m.get("custom", {}).get("text") or "" for m in dispatcher.messages)
    # 70 % × 2 400 = 1 680 €/kk, paid for the job's 12 months (not the 24 allowed) = 20 160 €
    assert "1\u00a0680\u00a0€/kk" in text and "20\u00a0160\u00a0€" in text
    assert "40\u00a0320\u00a0€" not in text


def test_what_if_without_a_change_says_how_to_ask(domain):
    tracker = make_tracker(domain, "entä jos sataa lunta", "change_answer", slots=EMPLOYER_SLOTS)
    events, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    assert events == [] and "En saanut selville" in dispatcher.messages[0]["text"]


def test_alternatives_that_ran_out_point_to_the_area_contact(domain, snapshot):
    memory = {**path_memory(domain), "shown": list(snapshot.services)}  # every service already shown
    tracker = make_tracker(domain, "jotain muuta", "ask_alternatives", slots={**PATH_SLOTS, "last_path": memory})
    events, dispatcher = run_action(ActionShowAlternatives(), tracker, domain)
    assert events == [] and not card_ids(dispatcher)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Näytin jo kaikki palvelut")
    assert snapshot.areas["tampereen-seutu"].contact["name"] in text


@pytest.mark.parametrize(
    ("requested", "said"),
    [("work_history", "jag jobbade tre år i en butik som kassör"), ("skills", "olin varastolla trukkikuskina")],
)
def test_an_own_words_answer_read_as_a_correction_is_taken_as_the_answer(domain, requested, said):
    """The NLU may read a work history as change_answer; while the form asks for it, it is the answer."""
    from rasa_sdk.executor import CollectingDispatcher

    from bot.actions.followups import ActionChangeAnswer

    tracker = make_tracker(
        domain,
        said,
        "change_answer",
        slots={"requested_slot": requested, "lang": "sv"},
        active_loop={"name": "jobseeker_form"},
    )
    events, dispatcher = run_action(ActionChangeAnswer(), tracker, domain)
    assert {"event": "slot", "name": requested, "value": "given"} in [
        {key: event.get(key) for key in ("event", "name", "value")} for event in events
    ]
    assert isinstance(dispatcher, CollectingDispatcher) and not dispatcher.messages
