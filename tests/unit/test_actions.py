"""Tests for the Rasa custom actions (bot/actions), in the style of RasaHQ's rasa-demo.

Trackers are built by hand, the dispatcher is rasa_sdk's CollectingDispatcher and
the domain is domain.yml itself. The actions read the catalogue of the seeded test
database (the `snapshot` fixture) instead of the default database.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.events import AllSlotsReset, Restarted, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

import bot.actions.answers
import bot.actions.common
import bot.actions.forms
import bot.actions.recommend
from bot.actions import (
    ActionDefaultFallback,
    ActionDeleteMyData,
    ActionHumanHandover,
    ActionKeepEmployee,
    ActionPrefillEmployer,
    ActionPrefillJobseeker,
    ActionRecommendPackage,
    ActionRecommendPath,
    ActionServiceInfo,
    ActionServiceSearch,
    ValidateEmployerForm,
    ValidateJobseekerForm,
)
from bot.actions.questions import QUESTIONS
from messages import text
from tests.action_utils import (
    all_text,
    assert_known_responses,
    card_ids,
    card_messages,
    make_tracker,
    responses,
    run_action,
    run_form_validation,
    slot_events,
)
from tests.contract import CARD_KEYS
from understanding.interview import SKIPPED
from vocabulary import VOCABULARIES, label

NBSP = "\u00a0"


# --------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------


# "palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk", as slots
SEINAJOKI_HIRE = {
    "municipality": "Seinäjoki",
    "hire_group": "partial_work_ability",
    "hire_work_ability": "partial",
    "wage_eur": 2400,
    "hours_per_week": 30,
    "job_terms": "given",
}


@pytest.fixture(autouse=True)
def test_catalogue(monkeypatch, snapshot):
    """Every action module reads the seeded test catalogue."""
    for module in (bot.actions.common, bot.actions.forms, bot.actions.answers, bot.actions.recommend):
        monkeypatch.setattr(module, "catalogue", lambda: snapshot)
    return snapshot


# --------------------------------------------------------------------------
# Sanity: the actions match the domain
# --------------------------------------------------------------------------


ALL_ACTIONS = [
    ActionPrefillJobseeker,
    ActionPrefillEmployer,
    ValidateJobseekerForm,
    ValidateEmployerForm,
    ActionRecommendPath,
    ActionRecommendPackage,
    ActionServiceInfo,
    ActionServiceSearch,
    ActionHumanHandover,
    ActionDeleteMyData,
    ActionKeepEmployee,
    ActionDefaultFallback,
]


@pytest.mark.parametrize("action_class", ALL_ACTIONS, ids=lambda c: c.__name__)
def test_every_action_is_declared_in_the_domain(action_class, domain):
    assert action_class().name() in domain["actions"]


def test_dispatcher_message_shape(domain):
    """What the REST channel receives: json_message ends up under `custom`, responses under `response`."""
    _, dispatcher = run_action(ActionDeleteMyData(), make_tracker(domain, "/delete_my_data", "delete_my_data"), domain)
    message = dispatcher.messages[0]
    assert {"text", "buttons", "custom", "response"} <= set(message)
    assert message["custom"]["delete_conversation"] is True


# --------------------------------------------------------------------------
# Prefill from the first message
# --------------------------------------------------------------------------


def test_prefill_jobseeker_from_colloquial_message(domain):
    tracker = make_tracker(domain, "oon 24-vuotias ja työtön Tampereella, ollu työttömänä puol vuotta", "lost_job")
    events, dispatcher = run_action(ActionPrefillJobseeker(), tracker, domain)
    assert slot_events(events) == {
        "municipality": "Tampere",
        "age": 24,
        "situation": "unemployed",
        "unemployed_months": 6,
    }
    assert all(event["event"] == "slot" for event in events)
    assert dispatcher.messages == []


def test_prefill_jobseeker_from_button_payload_sets_nothing(domain):
    events, dispatcher = run_action(
        ActionPrefillJobseeker(), make_tracker(domain, "/jobseeker_start", "jobseeker_start"), domain
    )
    assert events == []
    assert dispatcher.messages == []


def test_prefill_jobseeker_lost_job_intent_sets_unemployed(domain):
    events, _ = run_action(ActionPrefillJobseeker(), make_tracker(domain, "menetin työpaikkani", "lost_job"), domain)
    assert slot_events(events) == {"situation": "unemployed"}


def test_prefill_jobseeker_laid_off_with_duration(domain):
    events, _ = run_action(
        ActionPrefillJobseeker(), make_tracker(domain, "olen lomautettu 3 kuukautta sitten", "laid_off"), domain
    )
    assert slot_events(events) == {"situation": "laid_off", "unemployed_months": 3}


def test_prefill_jobseeker_age_is_not_taken_as_unemployment_duration(domain):
    events, _ = run_action(
        ActionPrefillJobseeker(), make_tracker(domain, "oon 24-vuotias ja työtön", "lost_job"), domain
    )
    slots = slot_events(events)
    assert slots["age"] == 24
    assert "unemployed_months" not in slots


def test_prefill_jobseeker_postal_code_goal_and_field(domain):
    events, _ = run_action(
        ActionPrefillJobseeker(),
        make_tracker(domain, "työtön 2 kk, asun 33100, haluan kokeilla siivousalaa", "lost_job"),
        domain,
    )
    slots = slot_events(events)
    assert slots["municipality"] == "Tampere"
    assert slots["unemployed_months"] == 2
    assert slots["goals"] == ["try_field"]
    assert slots["fields"] == ["cleaning"]


def test_prefill_jobseeker_does_not_overwrite_filled_slots(domain):
    tracker = make_tracker(
        domain, "olen 30 ja työtön Tampereella", "lost_job", slots={"municipality": "Oulu", "age": 44}
    )
    events, _ = run_action(ActionPrefillJobseeker(), tracker, domain)
    assert slot_events(events) == {"situation": "unemployed"}


def test_prefill_jobseeker_municipality_entity_wins(domain):
    tracker = make_tracker(
        domain, "olen työtön", "lost_job", entities=[{"entity": "municipality", "value": "Kuopiossa"}]
    )
    events, _ = run_action(ActionPrefillJobseeker(), tracker, domain)
    assert slot_events(events)["municipality"] == "Kuopio"


def test_prefill_employer_from_message(domain):
    tracker = make_tracker(
        domain, "palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk", "employer_hiring"
    )
    events, _ = run_action(ActionPrefillEmployer(), tracker, domain)
    assert slot_events(events) == SEINAJOKI_HIRE


def test_prefill_employer_reads_the_jobs_length(domain):
    tracker = make_tracker(
        domain, "palkkaisin siivoojan Seinäjoella 2400 €/kk 30 h viikossa 10 kuukaudeksi", "employer_hiring"
    )
    events, _ = run_action(ActionPrefillEmployer(), tracker, domain)
    assert slot_events(events)["job_months"] == 10


def test_prefill_employer_reads_the_hires_education(domain):
    tracker = make_tracker(domain, "palkkaisin nuoren, jolla on vain peruskoulu, Jyväskylään", "employer_hiring")
    events, _ = run_action(ActionPrefillEmployer(), tracker, domain)
    assert slot_events(events)["hire_education"] == "basic"
    plain = make_tracker(domain, "palkkaisin siivoojan Seinäjoella", "employer_hiring")
    assert "hire_education" not in slot_events(run_action(ActionPrefillEmployer(), plain, domain)[0])


def test_validate_job_terms_reads_the_jobs_length(domain):
    slots, _ = run_form_validation(
        ValidateEmployerForm(), domain, "job_terms", "2400 €/kk, 30 h viikossa, 12 kuukaudeksi"
    )
    slots.pop("requested_slot", None)  # rasa-sdk picks the next slot when required_slots changes
    assert slots == {"job_terms": "given", "wage_eur": 2400, "hours_per_week": 30, "job_months": 12}


def test_prefill_employer_association_and_long_unemployed(domain):
    tracker = make_tracker(domain, "yhdistys palkkaa pitkäaikaistyöttömän 1800 e/kk", "employer_hiring")
    slots = slot_events(run_action(ActionPrefillEmployer(), tracker, domain)[0])
    assert slots["employer_type"] == "association"
    assert slots["hire_group"] == "long_unemployed"
    assert slots["wage_eur"] == 1800
    assert slots["job_terms"] == "given"
    assert "hours_per_week" not in slots


def test_prefill_employer_from_payload_sets_nothing(domain):
    events, _ = run_action(ActionPrefillEmployer(), make_tracker(domain, "/employer_hiring", "employer_hiring"), domain)
    assert events == []


@pytest.mark.parametrize("text", ["palkkaisin siivoojan, palkka 2550 €/kk", "palkkaisin 45-vuotiaan myyjän 1550 e/kk"])
def test_prefill_employer_wage_with_55_is_not_an_age_group(domain, text):
    slots = slot_events(run_action(ActionPrefillEmployer(), make_tracker(domain, text, "employer_hiring"), domain)[0])
    assert slots.get("hire_group") != "over_55"


@pytest.mark.parametrize("text", ["palkkaisin 58-vuotiaan myyjän", "palkkaisin 57 vuotiaan"])
def test_prefill_employer_recognises_56_to_59_year_olds_as_over_55(domain, text):
    slots = slot_events(run_action(ActionPrefillEmployer(), make_tracker(domain, text, "employer_hiring"), domain)[0])
    assert slots.get("hire_group") == "over_55"


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("seurakunta palkkaisi osatyökykyisen Tampereella", "municipality"),
        ("palkkaisin muutaman nuoren Ouluun 2000 €/kk", "other"),
        ("Henry's Pub Oy palkkaisi kokin", "association"),
    ],
)
def test_prefill_employer_type_is_not_read_from_parts_of_words(domain, text, wrong):
    slots = slot_events(run_action(ActionPrefillEmployer(), make_tracker(domain, text, "employer_hiring"), domain)[0])
    assert slots.get("employer_type") != wrong


# --------------------------------------------------------------------------
# ValidateJobseekerForm
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Seinäjoelta", "Seinäjoki"), ("Tampere", "Tampere"), ("33100", "Tampere"), ("asun Kuopiossa", "Kuopio")],
)
def test_validate_municipality(domain, value, expected):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "municipality", value)
    assert slots["municipality"] == expected
    assert dispatcher.messages == []


def test_validate_municipality_unknown_asks_again(domain):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "municipality", "asdfgh")
    assert slots["municipality"] is None
    assert responses(dispatcher) == ["utter_invalid_municipality"]
    # The response's {municipality_text} variable is filled.
    assert dispatcher.messages[0]["municipality_text"] == "asdfgh"
    assert_known_responses(dispatcher, domain)


@pytest.mark.parametrize("value", ["ohita", "en halua vastata", "en tiedä"])
def test_validate_municipality_skip(domain, value):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "municipality", value)
    assert slots["municipality"] == SKIPPED
    assert dispatcher.messages == []


@pytest.mark.parametrize("form", [ValidateJobseekerForm, ValidateEmployerForm])
def test_a_skipped_municipality_is_the_embedding_pages_one(domain, form):
    metadata = {"page_municipality": "Tampere"}
    slots, dispatcher = run_form_validation(form(), domain, "municipality", "ohita", metadata=metadata)
    assert slots["municipality"] == "Tampere"
    assert responses(dispatcher) == ["utter_using_page_municipality"]
    assert dispatcher.messages[0]["municipality"] == "Tampere"
    assert_known_responses(dispatcher, domain)


def test_a_named_municipality_wins_over_the_embedding_pages_one(domain):
    slots, dispatcher = run_form_validation(
        ValidateJobseekerForm(), domain, "municipality", "Nokia", metadata={"page_municipality": "Tampere"}
    )
    assert slots["municipality"] == "Nokia"
    assert dispatcher.messages == []


def _answer_with_stray_entities(domain, text: str, candidates: dict[str, Any], before: dict[str, Any]):
    """The user answers the work-history question; the NLU also found other slot values in it."""
    events = [{"event": "slot", "name": n, "value": v} for n, v in before.items()]
    events += [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}, "entities": []}},
        {"event": "slot", "name": "work_history", "value": text},
    ]
    events += [{"event": "slot", "name": n, "value": v} for n, v in candidates.items()]
    slots = {**before, "requested_slot": "work_history", "work_history": text, **candidates}
    tracker = make_tracker(domain, text, "inform", None, slots, events, active_loop={"name": "jobseeker_form"})
    return run_action(ValidateJobseekerForm(), tracker, domain)


def test_an_answer_to_another_question_does_not_change_an_earlier_answer(domain):
    text = "olin rakennuksilla kirvesmiehenä 20 vuotta"
    events, dispatcher = _answer_with_stray_entities(
        domain, text, {"municipality": "rakennuksilla", "age": "20"}, {"municipality": "Oulu", "age": 45}
    )
    slots = slot_events(events)
    assert slots["municipality"] == "Oulu" and slots["age"] == 45
    assert "utter_invalid_municipality" not in responses(dispatcher)
    assert slots["work_history"]  # the question asked is answered


def test_a_slot_not_yet_known_may_still_come_from_any_answer(domain):
    events, _ = _answer_with_stray_entities(domain, "olin Tampereella varastolla", {"municipality": "Tampereella"}, {})
    assert slot_events(events)["municipality"] == "Tampere"


def test_validate_municipality_dont_know_intent_skips(domain):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "municipality", "hmm", intent="dont_know")
    assert slots["municipality"] == SKIPPED


@pytest.mark.parametrize(
    ("value", "expected"),
    [("kakskytviis", 25), ("24", 24), ("olen 45-vuotias", 45), (30, 30)],
)
def test_validate_age(domain, value, expected):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "age", value)
    assert slots["age"] == expected
    assert dispatcher.messages == []


@pytest.mark.parametrize("value", ["150", "5", "ikä on vain numero", 200])
def test_validate_age_invalid_asks_again(domain, value):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "age", value)
    assert slots["age"] is None
    assert responses(dispatcher) == ["utter_invalid_age"]


def test_validate_age_skip(domain):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "age", "ohita")
    assert slots["age"] == SKIPPED
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("kolme kuukautta", 3), ("puoli vuotta", 6), ("2 v", 24), ("yli vuoden", 13), ("8 kk", 8)],
)
def test_validate_unemployed_months(domain, value, expected):
    slots, dispatcher = run_form_validation(
        ValidateJobseekerForm(), domain, "unemployed_months", value, slots={"situation": "unemployed", "age": 40}
    )
    assert slots["unemployed_months"] == pytest.approx(expected)
    assert dispatcher.messages == []


def test_validate_unemployed_months_impossible_for_age(domain):
    slots, dispatcher = run_form_validation(
        ValidateJobseekerForm(), domain, "unemployed_months", "30 vuotta", slots={"situation": "unemployed", "age": 20}
    )
    assert slots["unemployed_months"] is None
    assert responses(dispatcher) == ["utter_invalid_duration"]


def test_validate_unemployed_months_nonsense_and_skip(domain):
    slots, dispatcher = run_form_validation(
        ValidateJobseekerForm(), domain, "unemployed_months", "asdf", slots={"situation": "unemployed"}
    )
    assert slots["unemployed_months"] is None
    assert responses(dispatcher) == ["utter_invalid_duration"]
    slots, _ = run_form_validation(
        ValidateJobseekerForm(), domain, "unemployed_months", "ohita", slots={"situation": "unemployed"}
    )
    assert slots["unemployed_months"] == SKIPPED


@pytest.mark.parametrize(
    "situation", ["unemployed", "laid_off", "employed", "student", "graduating", "sick_leave", "other"]
)
def test_validate_situation_from_button_payload(domain, situation):
    payload = f'/inform{{"situation": "{situation}"}}'
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "situation", payload)
    assert slots["situation"] == situation
    assert dispatcher.messages == []


@pytest.mark.parametrize("question_class", QUESTIONS, ids=[q.slot for q in QUESTIONS])
def test_every_choice_button_is_a_vocabulary_label_its_validator_accepts(domain, question_class):
    question, slot = question_class(), question_class.slot
    form = (
        ValidateEmployerForm()
        if slot in domain["forms"]["employer_form"]["required_slots"]
        else ValidateJobseekerForm()
    )
    _, dispatcher = run_action(question, make_tracker(domain), domain)
    (message,) = dispatcher.messages
    assert message["text"] == text(f"actions.ask.{slot}")
    codes = []
    for button in message["buttons"]:
        slots, _ = run_form_validation(form, domain, slot, button["payload"])
        value = slots[slot]
        code = value[0] if isinstance(value, list) else value
        assert code not in (None, SKIPPED), button
        assert button["title"].lower() == label(question.vocabulary, code).lower()
        codes.append(code)
    assert codes == list(VOCABULARIES[question.vocabulary])
    assert question.name() in domain["actions"]
    assert f"utter_ask_{slot}" not in domain["responses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("olen työtön", "unemployed"),
        ("mut on lomautettu", "laid_off"),
        ("opiskelen vielä", "student"),
        ("oon saikulla", "sick_leave"),
    ],
)
def test_validate_situation_from_text(domain, text, expected):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "situation", text)
    assert slots["situation"] == expected


def test_validate_situation_negated_unemployment(domain):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "situation", "en ole työtön, opiskelen")
    assert slots["situation"] == "student"


def test_validate_situation_text_with_duration_also_fills_months(domain):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "situation", "olen työtön ollut 4 kk")
    assert slots == {"situation": "unemployed", "unemployed_months": 4}


def test_validate_situation_unclear_asks_again(domain):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "situation", "asdf")
    assert slots["situation"] is None
    assert responses(dispatcher) == ["utter_invalid_choice"]


def test_validate_situation_skip(domain):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "situation", "ohita")
    assert slots["situation"] == SKIPPED


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('/inform{"goal": "education"}', ["education"]),
        ('/inform{"goal": "rehabilitation"}', ["rehabilitation"]),
        ("haluan töihin", ["job"]),
        ("haluaisin perustaa oman firman", ["business"]),
    ],
)
def test_validate_goals(domain, value, expected):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "goals", value)
    assert slots["goals"] == expected
    assert dispatcher.messages == []


def test_validate_goals_text_also_fills_fields(domain):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "goals", "haluaisin opiskella puutarha-alalle")
    assert slots["goals"] == ["education"]
    assert slots["fields"] == ["gardening"]


def test_validate_goals_unclear_and_skip(domain):
    slots, dispatcher = run_form_validation(ValidateJobseekerForm(), domain, "goals", "qwerty")
    assert slots["goals"] is None
    assert responses(dispatcher) == ["utter_invalid_choice"]
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, "goals", "ohita")
    assert slots["goals"] == SKIPPED


@pytest.mark.parametrize(
    ("slot", "payload", "expected"),
    [
        ("work_ability", '/inform{"work_ability_level": "partial"}', "partial"),
        ("work_ability", "selkä rajoittaa", "partial"),
        ("work_ability", "ei rajoita", "full"),
        ("finnish_level", '/inform{"finnish_level": "basic"}', "basic"),
        ("finnish_level", "äidinkieli", "native"),
    ],
)
def test_validate_work_ability_and_finnish_level(domain, slot, payload, expected):
    slots, _ = run_form_validation(ValidateJobseekerForm(), domain, slot, payload)
    assert slots[slot] == expected


def required(action, domain: dict[str, Any], slots: dict[str, Any]) -> list[str]:
    tracker = make_tracker(domain, slots=slots)
    return asyncio.run(action.required_slots(action.domain_slots(domain), CollectingDispatcher(), tracker, domain))


def test_required_slots_drop_unemployed_months_for_a_student(domain):
    form = ValidateJobseekerForm()
    assert "unemployed_months" not in required(form, domain, {"situation": "student"})
    assert "unemployed_months" not in required(form, domain, {"situation": "employed"})
    assert "unemployed_months" in required(form, domain, {"situation": "unemployed"})
    assert "unemployed_months" in required(form, domain, {"situation": "laid_off"})
    assert "unemployed_months" in required(form, domain, {})
    assert required(form, domain, {}) == domain["forms"]["jobseeker_form"]["required_slots"]


def test_student_form_does_not_validate_unemployed_months(domain):
    _slots, dispatcher = run_form_validation(
        ValidateJobseekerForm(), domain, "unemployed_months", "asdf", slots={"situation": "student"}
    )
    assert "utter_invalid_duration" not in responses(dispatcher)


# --------------------------------------------------------------------------
# ValidateEmployerForm
# --------------------------------------------------------------------------


def test_validate_job_terms_from_text(domain):
    slots, dispatcher = run_form_validation(ValidateEmployerForm(), domain, "job_terms", "2400 €/kk, 30 h viikossa")
    assert slots["job_terms"] == "given"
    assert slots["wage_eur"] == 2400
    assert slots["hours_per_week"] == 30
    assert dispatcher.messages == []


def test_validate_job_terms_given_by_prefill(domain):
    slots, _ = run_form_validation(ValidateEmployerForm(), domain, "job_terms", "given")
    assert slots["job_terms"] == "given"


@pytest.mark.parametrize("value", ["ohita", "en tiedä vielä"])
def test_validate_job_terms_skip(domain, value):
    slots, _ = run_form_validation(ValidateEmployerForm(), domain, "job_terms", value)
    assert slots["job_terms"] == SKIPPED


def test_validate_job_terms_unclear_asks_again(domain):
    slots, dispatcher = run_form_validation(ValidateEmployerForm(), domain, "job_terms", "paljon")
    assert slots["job_terms"] is None
    assert responses(dispatcher) == ["utter_invalid_job_terms"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '/inform{"hire_group": "partial_work_ability"}',
            {"hire_group": "partial_work_ability", "hire_work_ability": "partial"},
        ),
        ('/inform{"hire_group": "apprentice"}', {"hire_group": "apprentice", "apprenticeship": True}),
        ('/inform{"hire_group": "under_30"}', {"hire_group": "under_30"}),
        ("nuori alle 30", {"hire_group": "under_30"}),
        ("osatyökykyinen", {"hire_group": "partial_work_ability", "hire_work_ability": "partial"}),
        ("ei mikään näistä", {"hire_group": "none"}),
    ],
)
def test_validate_hire_group(domain, value, expected):
    slots, dispatcher = run_form_validation(ValidateEmployerForm(), domain, "hire_group", value)
    slots.pop("requested_slot", None)  # rasa-sdk picks the next slot when required_slots changes
    assert slots == expected
    assert dispatcher.messages == []


def test_validate_hire_group_unclear_and_skip(domain):
    slots, dispatcher = run_form_validation(ValidateEmployerForm(), domain, "hire_group", "zzz")
    assert slots["hire_group"] is None
    assert responses(dispatcher) == ["utter_invalid_choice"]
    slots, _ = run_form_validation(ValidateEmployerForm(), domain, "hire_group", "ohita")
    assert slots["hire_group"] == SKIPPED


def test_validate_employer_municipality_and_type(domain):
    slots, _ = run_form_validation(ValidateEmployerForm(), domain, "municipality", "Seinäjoelta")
    assert slots["municipality"] == "Seinäjoki"
    slots, _ = run_form_validation(
        ValidateEmployerForm(), domain, "employer_type", '/inform{"employer_type": "foundation"}'
    )
    assert slots["employer_type"] == "foundation"
    slots, _ = run_form_validation(ValidateEmployerForm(), domain, "employer_type", "meillä on pieni firma")
    assert slots["employer_type"] == "company"


def test_employer_required_slots_ask_age_only_for_age_groups(domain):
    form = ValidateEmployerForm()
    assert "hire_age" in required(form, domain, {"hire_group": "under_30"})
    assert "hire_age" in required(form, domain, {"hire_group": "over_55"})
    assert "hire_age" in required(form, domain, {})
    assert "hire_age" not in required(form, domain, {"hire_group": "partial_work_ability"})


@pytest.mark.parametrize(
    ("age", "months", "asked"),
    [
        (25, 4, True),
        (29, 3, True),
        (29, 5.5, True),
        (30, 4, False),
        (25, 6, False),
        (25, 2, False),
        (None, 4, False),
        (25, SKIPPED, False),
    ],
)
def test_employer_hire_education_is_asked_only_when_it_decides_the_youth_voucher(domain, age, months, asked):
    slots = {"hire_age": age, "hire_unemployed_months": months}
    assert ("hire_education" in required(ValidateEmployerForm(), domain, slots)) is asked


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('/inform{"education_level": "basic"}', "basic"),
        ('/inform{"education_level": "vocational"}', "vocational"),
        ("hänellä on vain peruskoulu", "basic"),
        ("en tiedä", SKIPPED),
    ],
)
def test_validate_hire_education(domain, value, expected):
    slots, _ = run_form_validation(
        ValidateEmployerForm(), domain, "hire_education", value, slots={"hire_age": 25, "hire_unemployed_months": 4}
    )
    assert slots["hire_education"] == expected


def test_a_hire_with_basic_education_gets_the_youth_voucher_after_3_months(domain):
    slots = {
        "municipality": "Jyväskylä",
        "employer_type": "company",
        "hire_group": "under_30",
        "hire_age": 25,
        "hire_unemployed_months": 4,
        "wage_eur": 2200,
        "hours_per_week": 37.5,
        "job_months": 12,
        "job_terms": "given",
    }
    without = card_ids(run_action(ActionRecommendPackage(), make_tracker(domain, slots=slots), domain)[1])
    with_basic = card_ids(
        run_action(ActionRecommendPackage(), make_tracker(domain, slots={**slots, "hire_education": "basic"}), domain)[
            1
        ]
    )
    assert "nuorten-tyollistymisseteli" not in without
    assert "nuorten-tyollistymisseteli" in with_basic


@pytest.mark.parametrize(
    ("slot", "value", "expected"),
    [("hire_age", "25", 25), ("hire_age", "200", None), ("hire_unemployed_months", "yli 2 vuotta", 25)],
)
def test_validate_hire_age_and_unemployment(domain, slot, value, expected):
    slots, _ = run_form_validation(ValidateEmployerForm(), domain, slot, value, slots={"hire_group": "under_30"})
    if expected is None:
        assert slots[slot] is None
    else:
        assert slots[slot] == pytest.approx(expected)


# --------------------------------------------------------------------------
# Recommendations
# --------------------------------------------------------------------------


def test_recommend_path_sends_cards_with_real_services(domain, test_catalogue):
    tracker = make_tracker(
        domain,
        slots={
            "municipality": "Tampere",
            "age": 22,
            "situation": "unemployed",
            "unemployed_months": 3,
            "goals": ["job"],
        },
    )
    events, dispatcher = run_action(ActionRecommendPath(), tracker, domain)
    memory = slot_events(events)["last_path"]
    assert [s["id"] for s in memory["steps"]] and memory["shown"] == card_ids(dispatcher)
    ids = card_ids(dispatcher)
    assert "ohjaamo" in ids  # 22 years old
    assert all(test_catalogue.service(service_id) is not None for service_id in ids)
    for custom in card_messages(dispatcher):
        assert custom["text"]
        for card in custom["cards"]:
            assert set(card) == CARD_KEYS
    assert dispatcher.messages[0]["text"].startswith("Tässä ehdotukseni palvelupoluksi")
    assert "Tampereen seudun työllisyysalue" in all_text(dispatcher)
    assert "Näin aloitat:" in all_text(dispatcher)
    # the path ends with what can be asked next and the feedback question 1–5
    follow_up, feedback = dispatcher.messages[-2], dispatcher.messages[-1]
    assert [b["payload"] for b in follow_up["buttons"]] == ["/request_summary", "/ask_why", "/ask_alternatives"]
    assert [b["title"] for b in feedback["buttons"]] == ["1", "2", "3", "4", "5"]
    assert_known_responses(dispatcher, domain)


def test_a_step_with_a_contact_of_its_own_names_it(domain):
    tracker = make_tracker(
        domain, slots={"municipality": "Tampere", "age": 45, "situation": "unemployed", "unemployed_months": 14}
    )
    _, dispatcher = run_action(ActionRecommendPath(), tracker, domain)
    steps = [m for m in card_messages(dispatcher) if m["text"][:2] in ("1.", "2.", "3.", "4.", "5.")]
    registration = next(m for m in steps if "Ilmoittaudu työnhakijaksi" in m["text"])
    assert "Yhteys: Työmarkkinatori" in registration["text"]  # the national e-service, not the area
    others = [m for m in steps if m is not registration]
    assert others and all("Yhteys:" not in m["text"] for m in others)  # the area's contact comes once, at the end
    assert "Tampereen seudun työllisyysalue" in all_text(dispatcher)


def test_recommend_path_with_skipped_answers(domain):
    tracker = make_tracker(
        domain,
        slots={
            "municipality": SKIPPED,
            "age": SKIPPED,
            "situation": SKIPPED,
            "goals": SKIPPED,
            "work_ability": SKIPPED,
        },
    )
    _, dispatcher = run_action(ActionRecommendPath(), tracker, domain)
    assert card_ids(dispatcher)
    assert "Työmarkkinatori" in all_text(dispatcher)


def test_recommend_path_for_an_older_jobseeker_has_no_youth_services(domain):
    tracker = make_tracker(domain, slots={"municipality": "Tampere", "age": 50, "situation": "unemployed"})
    _, dispatcher = run_action(ActionRecommendPath(), tracker, domain)
    assert "ohjaamo" not in card_ids(dispatcher)


def test_recommend_package_with_euro_estimate(domain):
    tracker = make_tracker(domain, slots=SEINAJOKI_HIRE)
    events, dispatcher = run_action(ActionRecommendPackage(), tracker, domain)
    assert slot_events(events) == {"last_package": {"supports": card_ids(dispatcher)}, "last_path": None}
    assert "palkkatuki" in card_ids(dispatcher)
    palkkatuki = next(c for c in card_messages(dispatcher) if c["cards"][0]["id"] == "palkkatuki")
    assert palkkatuki["text"].startswith("Suositus: Palkkatuki.")
    assert f"1{NBSP}680" in palkkatuki["text"]
    assert "70 %" in palkkatuki["text"]
    assert f"40{NBSP}320" in palkkatuki["text"]  # 24 months
    text = all_text(dispatcher)
    # 40 320 € + Seinäjoki's supplement 300 × 6 = 1 800 € on top
    assert f"yhteensä enintään 42{NBSP}120{NBSP}€" in text
    assert "Näin etenette:\n1. Sopikaa työsuhteen ehdoista" in text
    assert "Seinäjoen, Ilmajoen ja Isokyrön työllisyysalue" in text
    assert "entä jos" in dispatcher.messages[-1]["text"]


def test_recommend_package_with_skipped_answers(domain):
    tracker = make_tracker(
        domain,
        slots={"municipality": SKIPPED, "hire_group": SKIPPED, "job_terms": SKIPPED, "employer_type": SKIPPED},
    )
    _, dispatcher = run_action(ActionRecommendPackage(), tracker, domain)
    assert dispatcher.messages[0]["text"] == "Näitä tukia voitte hyödyntää:"
    assert "Työmarkkinatori" in all_text(dispatcher)


def test_recommend_package_apprentice(domain):
    tracker = make_tracker(
        domain, slots={"municipality": "Tampere", "hire_group": "apprentice", "apprenticeship": True}
    )
    _, dispatcher = run_action(ActionRecommendPackage(), tracker, domain)
    assert "oppisopimus" in card_ids(dispatcher)


# --------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------


def test_service_info_from_entity(domain, test_catalogue):
    tracker = make_tracker(
        domain, "mikä on työkokeilu?", "service_info", entities=[{"entity": "service", "value": "tyokokeilu"}]
    )
    events, dispatcher = run_action(ActionServiceInfo(), tracker, domain)
    assert events == []
    assert card_ids(dispatcher) == ["tyokokeilu"]
    text = card_messages(dispatcher)[0]["text"]
    assert text.startswith("Työkokeilu:")
    assert "9 €" in text
    assert test_catalogue.service("tyokokeilu").source_url in text
    assert "Lähde:" in text


def test_service_info_from_intent(domain):
    _, dispatcher = run_action(
        ActionServiceInfo(), make_tracker(domain, "miten saan työttömyysrahaa", "unemployment_benefit"), domain
    )
    assert card_ids(dispatcher) == ["tyottomyysturva"]


def test_service_info_from_text_search(domain):
    _, dispatcher = run_action(ActionServiceInfo(), make_tracker(domain, "kerro palkkatuesta", "service_info"), domain)
    assert card_ids(dispatcher) == ["palkkatuki"]


def test_service_info_unknown_entity_and_nothing_found(domain):
    tracker = make_tracker(domain, "/service_info", "service_info", entities=[{"entity": "service", "value": "nope"}])
    _, dispatcher = run_action(ActionServiceInfo(), tracker, domain)
    assert card_ids(dispatcher) == []
    assert "En löytänyt palvelua" in dispatcher.messages[0]["text"]


def test_service_search_in_a_municipality(domain):
    tracker = make_tracker(
        domain,
        "työhönvalmennusta Kuopiossa",
        "service_search",
        entities=[{"entity": "municipality", "value": "Kuopiossa"}],
    )
    _, dispatcher = run_action(ActionServiceSearch(), tracker, domain)
    ids = card_ids(dispatcher)
    assert "tyohonvalmennus" in ids
    assert "tukeva-saatio-valmennus" in ids
    assert "tampere-titry-tyokokeilu" not in ids
    assert len(ids) <= 6
    assert "(Kuopio)" in card_messages(dispatcher)[0]["text"]


def test_service_search_place_in_text_only(domain):
    _, dispatcher = run_action(
        ActionServiceSearch(), make_tracker(domain, "työhönvalmennusta Kuopiossa", "service_search"), domain
    )
    assert "tukeva-saatio-valmennus" in card_ids(dispatcher)


def test_service_search_without_a_place_uses_the_embedding_pages_municipality(domain):
    tracker = make_tracker(domain, "työhönvalmennus", "service_search", metadata={"page_municipality": "Kuopio"})
    _, dispatcher = run_action(ActionServiceSearch(), tracker, domain)
    assert "tukeva-saatio-valmennus" in card_ids(dispatcher)
    assert "(Kuopio)" in card_messages(dispatcher)[0]["text"]


def test_service_search_place_named_in_the_text_wins_over_the_pages(domain):
    tracker = make_tracker(
        domain, "työhönvalmennusta Kuopiossa", "service_search", metadata={"page_municipality": "Tampere"}
    )
    _, dispatcher = run_action(ActionServiceSearch(), tracker, domain)
    assert "(Kuopio)" in card_messages(dispatcher)[0]["text"]
    assert "tampere-titry-tyokokeilu" not in card_ids(dispatcher)


def test_service_search_in_a_place_names_whom_to_ask_there(domain, test_catalogue):
    _, dispatcher = run_action(
        ActionServiceSearch(), make_tracker(domain, "työkokeilu jyväskylä", "service_search"), domain
    )
    text = card_messages(dispatcher)[0]["text"]
    assert "Paikallisista paikoista ja palveluista kertoo:" in text
    assert test_catalogue.contact("179")["name"] in text
    _, plain = run_action(ActionServiceSearch(), make_tracker(domain, "työkokeilu", "service_search"), domain)
    assert "Paikallisista" not in card_messages(plain)[0]["text"]  # no place, no local contact


def test_service_search_in_a_place_says_when_only_national_services_fit(domain):
    # Lahti has no work-trial place in the catalogue (coverage_gaps.yaml); Kuopio has its own job coaching.
    _, lahti = run_action(ActionServiceSearch(), make_tracker(domain, "työkokeilu lahti", "service_search"), domain)
    assert (
        "Alueen omaa palvelua tähän en löytänyt, joten nämä ovat valtakunnallisia." in card_messages(lahti)[0]["text"]
    )
    _, kuopio = run_action(
        ActionServiceSearch(), make_tracker(domain, "työhönvalmennus kuopio", "service_search"), domain
    )
    assert "tukeva-saatio-valmennus" in card_ids(kuopio)
    assert "Alueen omaa palvelua" not in card_messages(kuopio)[0]["text"]


def test_service_search_nothing_found(domain):
    _, dispatcher = run_action(ActionServiceSearch(), make_tracker(domain, "qwzx plorg", "service_search"), domain)
    assert card_ids(dispatcher) == []
    assert "En löytänyt tällä sopivia palveluja" in dispatcher.messages[0]["text"]
    # not a dead end: the three ways in
    payloads = [button["payload"] for button in dispatcher.messages[0]["buttons"]]
    assert payloads == ["/jobseeker_start", "/employer_hiring", "/choose_service_lookup"]


def test_human_handover_uses_the_area_contact(domain, test_catalogue):
    tracker = make_tracker(domain, "haluan puhua ihmiselle", "human_handover", slots={"municipality": "Nokia"})
    _, dispatcher = run_action(ActionHumanHandover(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "Tampereen seudun työllisyysalue" in text
    contact = test_catalogue.contact("536")
    assert contact["url"] in text


def test_human_handover_unknown_area_gives_tyomarkkinatori(domain):
    tracker = make_tracker(domain, "haluan puhua ihmiselle", "human_handover", slots={"municipality": "Savonlinna"})
    _, dispatcher = run_action(ActionHumanHandover(), tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "Savonlinna" in text
    assert "Työmarkkinatori" in text
    assert "https://tyomarkkinatori.fi/" in text


def test_human_handover_from_entity_and_without_municipality(domain):
    tracker = make_tracker(
        domain, "ihminen Nokialla", "human_handover", entities=[{"entity": "municipality", "value": "Nokialla"}]
    )
    _, dispatcher = run_action(ActionHumanHandover(), tracker, domain)
    assert "Tampereen seudun työllisyysalue" in dispatcher.messages[0]["text"]

    tracker = make_tracker(domain, "ihminen", "human_handover", slots={"municipality": SKIPPED})
    _, dispatcher = run_action(ActionHumanHandover(), tracker, domain)
    assert dispatcher.messages[0]["text"].startswith("Kerro kuntasi")
    assert "Työmarkkinatori" in dispatcher.messages[0]["text"]


def test_delete_my_data(domain):
    events, dispatcher = run_action(
        ActionDeleteMyData(),
        make_tracker(domain, "/delete_my_data", "delete_my_data", slots={"municipality": "Tampere", "age": 30}),
        domain,
    )
    assert len(dispatcher.messages) == 1
    custom = dispatcher.messages[0]["custom"]
    assert custom["delete_conversation"] is True
    assert custom["text"].startswith("Poistin")
    assert Restarted() in events
    assert AllSlotsReset() in events


def test_restart_uses_rasas_own_action_and_its_response(domain):
    # Rasa's action_restart utters utter_restart when the domain defines it.
    assert "utter_restart" in domain["responses"]
    assert "action_restart_conversation" not in domain["actions"]


def test_keep_employee_sends_cards(domain, test_catalogue):
    _, dispatcher = run_action(
        ActionKeepEmployee(), make_tracker(domain, "työntekijän työkyky heikkenee", "employer_keep_employee"), domain
    )
    ids = card_ids(dispatcher)
    assert "tyoolosuhteiden-jarjestelytuki" in ids
    assert all(test_catalogue.service(i) for i in ids)


def test_keep_employee_gives_the_areas_employer_services(domain, test_catalogue):
    tracker = make_tracker(
        domain,
        "työntekijäni työkyky heikkenee Jyväskylässä",
        "employer_keep_employee",
        entities=[{"entity": "municipality", "value": "Jyväskylässä"}],
    )
    _, dispatcher = run_action(ActionKeepEmployee(), tracker, domain)
    text = card_messages(dispatcher)[0]["text"]
    assert "Jyväskylän kaupungin yritys- ja työnantajapalvelut" in text
    assert test_catalogue.contact("179", audience="employer")["url"] in text


def test_keep_employee_without_a_place_uses_the_page_or_tyomarkkinatori(domain):
    plain = make_tracker(domain, "työntekijän työkyky heikkenee", "employer_keep_employee")
    text = card_messages(run_action(ActionKeepEmployee(), plain, domain)[1])[0]["text"]
    assert "Työmarkkinatori" in text
    on_page = make_tracker(
        domain, "työntekijän työkyky heikkenee", "employer_keep_employee", metadata={"page_municipality": "Jyväskylä"}
    )
    text = card_messages(run_action(ActionKeepEmployee(), on_page, domain)[1])[0]["text"]
    assert "Jyväskylän kaupungin yritys- ja työnantajapalvelut" in text


def test_employer_service_info_names_where_to_get_help(domain):
    tracker = make_tracker(
        domain,
        "miten voimme tarjota työkokeilupaikan?",
        "service_info",
        entities=[{"entity": "service", "value": "tyokokeilu"}],
        slots={"municipality": "Jyväskylä"},
    )
    _, dispatcher = run_action(ActionServiceInfo(), tracker, domain)
    text = card_messages(dispatcher)[0]["text"]
    assert "tyokokeilupaikan-tarjoaminen" in card_ids(dispatcher)
    assert "Jyväskylän kaupungin yritys- ja työnantajapalvelut" in text


def _fallback(domain, typed: str, ranking: list[str] | None = None):
    tracker = make_tracker(domain, typed, "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": name, "confidence": 0.2} for name in ranking or []]
    return run_action(ActionDefaultFallback(), tracker, domain)


def test_default_fallback_with_nonsense_offers_the_ways_in_and_never_asks_to_rephrase(domain):
    events, dispatcher = _fallback(domain, "qwzx plorg vrumf")
    assert card_ids(dispatcher) == []
    (message,) = dispatcher.messages
    assert message["text"] == text("actions.fallback.choose")
    assert [b["payload"] for b in message["buttons"]] == [
        "/jobseeker_start",
        "/employer_hiring",
        "/choose_service_lookup",
    ]
    assert "toisin" not in all_text(dispatcher)
    assert events == [UserUtteranceReverted()]


def test_default_fallback_with_a_payload_or_long_text(domain):
    for typed in ("/nonsense_payload", "työkokeilu " * 40):
        _, dispatcher = _fallback(domain, typed)
        assert card_ids(dispatcher) == []
        assert dispatcher.messages[0]["text"] == text("actions.fallback.choose")


def test_default_fallback_answers_from_the_catalogue_with_the_likely_intents_as_choices(domain):
    events, dispatcher = _fallback(
        domain, "paljonko sitä päivärahaa oikein saa", ["nlu_fallback", "unemployment_benefit", "laid_off", "greet"]
    )
    assert "tyottomyysturva" in card_ids(dispatcher)
    choices = dispatcher.messages[-1]["buttons"]
    # the two likely flows first, then a way in of the greeting; the greeting itself offers nothing
    assert [b["payload"] for b in choices] == ["/unemployment_benefit", "/laid_off", "/jobseeker_start"]
    assert all(b["title"] == text(f"actions.fallback.choices.{b['payload'][1:]}") for b in choices)
    assert events == [UserUtteranceReverted()]


def test_every_fallback_choice_is_a_flow_of_the_domain(domain):
    from bot.actions.answers import DEFAULT_CHOICES, FALLBACK_CHOICES

    for payload in {*FALLBACK_CHOICES.values(), *DEFAULT_CHOICES}:
        assert payload[1:] in domain["intents"], payload


def test_default_fallback_suggests_services_when_text_matches(domain):
    events, dispatcher = _fallback(domain, "starttiraha")
    assert "starttiraha" in card_ids(dispatcher)
    assert events == [UserUtteranceReverted()]


# --------------------------------------------------------------------------
# Robustness: hostile or odd text never crashes an action
# --------------------------------------------------------------------------

ODD_TEXTS = [
    "",
    " ",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "/inform{not json",
    '/inform{"situation": ["unemployed"]}',
    "😀" * 100,
    "a" * 1000,
    "\x00\x01",
    "ohita ohita ohita",
]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=[f"odd{i}" for i in range(len(ODD_TEXTS))])
def test_actions_survive_odd_text(domain, text):
    tracker_args = {"text": text, "intent": "inform", "entities": [{"entity": "municipality", "value": text}]}
    for action in (
        ActionPrefillJobseeker(),
        ActionPrefillEmployer(),
        ActionServiceInfo(),
        ActionServiceSearch(),
        ActionHumanHandover(),
        ActionDefaultFallback(),
    ):
        events, dispatcher = run_action(action, make_tracker(domain, **tracker_args), domain)
        assert isinstance(events, list)
        assert_known_responses(dispatcher, domain)
    for slot in ("municipality", "age", "situation", "unemployed_months", "work_ability", "finnish_level", "goals"):
        slots, dispatcher = run_form_validation(
            ValidateJobseekerForm(), domain, slot, text, slots={"situation": "unemployed"}
        )
        assert slot in slots
        assert_known_responses(dispatcher, domain)
    for slot in ("municipality", "employer_type", "hire_group", "hire_age", "hire_unemployed_months", "job_terms"):
        slots, dispatcher = run_form_validation(
            ValidateEmployerForm(), domain, slot, text, slots={"hire_group": "under_30"}
        )
        assert slot in slots
        assert_known_responses(dispatcher, domain)


def test_slot_set_events_are_serialisable(domain):
    """Events go over HTTP to Rasa as JSON."""
    import json

    tracker = make_tracker(
        domain, "palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk", "employer_hiring"
    )
    events, _ = run_action(ActionPrefillEmployer(), tracker, domain)
    json.dumps(events)
    assert SlotSet("municipality", "Seinäjoki") in events


@pytest.mark.parametrize(
    ("form", "slot", "value"),
    [
        ("jobseeker", "situation", "unemployed"),
        ("jobseeker", "work_ability", "partial"),
        ("jobseeker", "finnish_level", "basic"),
        ("employer", "employer_type", "association"),
        ("employer", "hire_group", "partial_work_ability"),
    ],
)
def test_values_prefilled_from_the_first_message_are_accepted(domain, form, slot, value):
    """The prefill actions store canonical values; the form must not ask them again."""
    validator = ValidateJobseekerForm() if form == "jobseeker" else ValidateEmployerForm()
    dispatcher = CollectingDispatcher()
    result = getattr(validator, f"validate_{slot}")(value, dispatcher, make_tracker(domain, "", "inform"), domain)
    assert result[slot] == value
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("slots", "first"),
    [
        ({"situation": "unemployed"}, "tyokokeilu"),  # a jobseeker looks for a place to do a work trial
        ({"employer_type": "company"}, "tyokokeilupaikan-tarjoaminen"),  # an employer offers one
    ],
)
def test_service_search_weighs_the_conversations_side(domain, slots, first):
    tracker = make_tracker(domain, "onks kuopiossa työkokeilupaikkoja?", "service_search", slots=slots)
    _, dispatcher = run_action(ActionServiceSearch(), tracker, domain)
    ids = card_ids(dispatcher)
    assert ids[0] == first
    assert {"tyokokeilu", "tyokokeilupaikan-tarjoaminen"} <= set(ids)  # the other side is still shown


def test_the_real_action_server_registers_every_custom_action_of_the_domain(domain):
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("bot.actions")
    custom = {name for name in domain["actions"] if name.startswith(("action_", "validate_"))}
    assert custom <= set(executor.actions)


def test_every_action_can_be_sent_to_the_action_servers_workers():
    """Sanic's workers get the actions pickled (by module and class name)."""
    import pickle

    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("bot.actions")
    for name, run in executor.actions.items():
        assert pickle.loads(pickle.dumps(run)), name


def test_every_action_speaks_the_conversations_language():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("bot.actions")
    for name, run in executor.actions.items():
        assert getattr(run, "in_conversation_language", False), name


@pytest.mark.parametrize(
    ("lang", "recommendation", "total"),
    [
        ("fi", "Suositus: Palkkatuki.", f"42{NBSP}120{NBSP}€"),
        ("sv", "Rekommend", f"42{NBSP}120{NBSP}€"),
        ("en", "Recommended: ", "€42,120"),
    ],
)
def test_the_package_is_said_in_the_conversations_language(domain, lang, recommendation, total):
    """The same euros in every language, each written the language's way (CLDR)."""
    slots = {**SEINAJOKI_HIRE, "lang": lang}
    _, dispatcher = run_action(ActionRecommendPackage(), make_tracker(domain, slots=slots), domain)
    palkkatuki = next(c for c in card_messages(dispatcher) if c["cards"][0]["id"] == "palkkatuki")
    assert palkkatuki["text"].startswith(recommendation)
    assert total in all_text(dispatcher)
