"""The actions record the area's anonymous usage events (insights/) as they answer, and a broken
event store never breaks a conversation."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from bot.actions.answers import ActionDefaultFallback, ActionHumanHandover, ActionServiceSearch
from bot.actions.followups import ActionStoreFeedback
from bot.actions.forms import ActionPrefillEmployer, ActionPrefillJobseeker
from bot.actions.recommend import ActionRecommendPackage, ActionRecommendPath
from catalogue.db import make_engine, session_scope
from insights.models import UsageEvent
from tests.action_utils import make_tracker, run_action
from tests.unit.test_actions import card_ids


@pytest.fixture
def events(usage_events_in_the_test_database):
    """The events the test's actions recorded (the table is emptied first)."""
    engine = usage_events_in_the_test_database
    with session_scope(engine) as db:
        db.execute(delete(UsageEvent))

    def recorded() -> list[UsageEvent]:
        with session_scope(engine) as db:
            return list(db.scalars(select(UsageEvent).order_by(UsageEvent.id)))

    return recorded


def test_a_path_records_its_steps_services_and_the_area(domain, events):
    tracker = make_tracker(
        domain, slots={"municipality": "Tampere", "age": 45, "situation": "unemployed", "unemployed_months": 14}
    )
    _, dispatcher = run_action(ActionRecommendPath(), tracker, domain)
    path, *gaps = events()
    assert (path.kind, path.area_id, path.audience, path.lang) == ("path", "tampereen-seutu", "jobseeker", "fi")
    assert set(path.service_ids) == set(card_ids(dispatcher))
    assert len(path.steps) >= 2
    assert all(gap.kind == "unmet_need" and gap.area_id == "tampereen-seutu" for gap in gaps)


def test_a_package_records_its_supports(domain, events):
    slots = {"municipality": "Seinäjoki", "employer_type": "company", "hire_group": "long_unemployed"}
    _, dispatcher = run_action(ActionRecommendPackage(), make_tracker(domain, slots=slots), domain)
    package = events()[0]
    assert (package.kind, package.audience, package.area_id) == ("package", "employer", "seinajoki-ilmajoki-isokyro")
    assert set(package.service_ids) == set(card_ids(dispatcher))


def test_a_search_in_an_area_without_its_own_job_coaching_records_the_gap(domain, events):
    tracker = make_tracker(
        domain,
        "työhönvalmennusta Tampereella",
        "service_search",
        entities=[{"entity": "municipality", "value": "Tampereella"}],
    )
    run_action(ActionServiceSearch(), tracker, domain)
    asked, gap = events()
    # nobody's interview: a lookup, as a coach makes
    assert (asked.kind, asked.topic, asked.category, asked.audience) == (
        "request",
        "service_search",
        "coaching",
        "coach",
    )
    assert (gap.kind, gap.category, gap.area_id) == ("unmet_need", "coaching", "tampereen-seutu")


def test_a_search_inside_the_employer_interview_counts_for_employers(domain, events):
    tracker = make_tracker(domain, "työkokeilu Kuopio", "service_search", slots={"employer_type": "company"})
    run_action(ActionServiceSearch(), tracker, domain)
    assert events()[0].audience == "employer"


def test_the_interviews_record_the_topic_that_started_them(domain, events):
    run_action(ActionPrefillJobseeker(), make_tracker(domain, "jäin työttömäksi Oulussa", "lost_job"), domain)
    run_action(ActionPrefillEmployer(), make_tracker(domain, "haluan palkata", "employer_hiring"), domain)
    jobseeker, employer = events()
    assert (jobseeker.topic, jobseeker.audience, jobseeker.area_id) == ("lost_job", "jobseeker", "oulun-seutu")
    assert (employer.topic, employer.audience, employer.area_id) == ("employer_hiring", "employer", None)


def test_a_fallback_records_only_the_likeliest_topic(domain, events):
    tracker = make_tracker(domain, "paljonko sitä päivärahaa oikein saa, olen 52", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "unemployment_benefit", "confidence": 0.3},
    ]
    run_action(ActionDefaultFallback(), tracker, domain)
    (fallback,) = events()
    assert (fallback.kind, fallback.topic, fallback.category) == ("fallback", "unemployment_benefit", None)


def test_a_fallback_whose_guess_is_no_topic_records_none(domain, events):
    tracker = make_tracker(domain, "qwzx plorg", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": "greet", "confidence": 0.2}]
    run_action(ActionDefaultFallback(), tracker, domain)
    assert [(e.kind, e.topic) for e in events()] == [("fallback", None)]


def test_feedback_and_a_handover_are_recorded(domain, events):
    slots = {"municipality": "Kuopio", "last_path": {"steps": [{"service_ids": ["tyokokeilu"]}]}}
    feedback = make_tracker(domain, '/give_feedback{"rating": 4}', "give_feedback", slots=slots)
    feedback.latest_message["entities"] = [{"entity": "rating", "value": "4"}]
    run_action(ActionStoreFeedback(), feedback, domain)
    run_action(
        ActionHumanHandover(), make_tracker(domain, "haluan puhua ihmiselle", "human_handover", slots=slots), domain
    )
    rating, handover = events()
    assert (rating.kind, rating.rating, rating.audience, rating.area_id) == ("feedback", 4, "jobseeker", "kuopio")
    assert (handover.kind, handover.topic, handover.area_id) == ("request", "human_handover", "kuopio")


def test_a_broken_event_store_does_not_break_the_answer(domain, monkeypatch, tmp_path):
    """A database without the tables: the event is lost, the path is still sent."""
    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    monkeypatch.setattr("bot.actions.common.get_engine", lambda: empty)
    tracker = make_tracker(domain, slots={"municipality": "Tampere", "age": 30, "situation": "unemployed"})
    _, dispatcher = run_action(ActionRecommendPath(), tracker, domain)
    assert card_ids(dispatcher)
