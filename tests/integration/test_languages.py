"""Swedish and English users get the whole service in their language (issue 19), on the live stack.

The bot's questions are recognised by their wording in the message catalogue of the language,
and buttons by their titles there, so these tests follow the catalogue rather than copies of it.
"""

from __future__ import annotations

import re

import pytest

from messages import catalogue, text
from tests.integration.chat import Conversation, card_ids, texts
from vocabulary import label


def opening(key: str, lang: str) -> str:
    """The start of a catalogue sentence, up to its first placeholder or line break."""
    return re.split(r"\{|\n", text(key, lang))[0].strip()[:40]


def title(key: str, lang: str) -> str:
    value = text(key, lang)
    return value[:1].upper() + value[1:]


def choice(vocabulary: str, code: str, lang: str) -> str:
    found = label(vocabulary, code, lang)
    return found[:1].upper() + found[1:]


def jobseeker_answers(lang: str, typed: dict[str, str]) -> dict[str, str | tuple[str, str]]:
    """What a jobseeker answers to each question of the interview, in `lang`."""
    skip_all = catalogue(lang)["responses.utter_ask_rating_finances.buttons"][6]
    return {
        opening("responses.utter_ask_municipality.text", lang): typed["municipality"],
        opening("responses.utter_ask_age.text", lang): typed["age"],
        opening("actions.ask.situation", lang): ("button", choice("situation", "unemployed", lang)),
        opening("responses.utter_ask_unemployed_months.text", lang): typed["unemployed"],
        opening("actions.health.ask_work_ability", lang): (
            "button",
            title("actions.health.work_ability_buttons.full", lang),
        ),
        opening("actions.ask.finnish_level", lang): ("button", choice("finnish_level", "good", lang)),
        opening("actions.ask.goals", lang): ("button", choice("goal", "job", lang)),
        opening("responses.utter_ask_work_history.text", lang): typed["work_history"],
        opening("actions.ask.education", lang): ("button", choice("education", "vocational", lang)),
        opening("responses.utter_ask_skills.text", lang): typed["skills"],
        opening("actions.competence.ask_confirmed", lang): ("button", title("actions.competence.confirm", lang)),
        opening("responses.utter_ask_rating_finances.text", lang): ("button", skip_all),
    }


def run_interview(conversation: Conversation, messages: list[dict], answers: dict, done: str) -> list[dict]:
    for _ in range(30):
        said = texts(messages)
        if done in said:
            return messages
        for words, reply in answers.items():
            if words in said:
                messages = (
                    conversation.click(messages, reply[1]) if isinstance(reply, tuple) else conversation.say(reply)
                )
                break
        else:
            raise AssertionError(f"unexpected question: {said}")
    raise AssertionError("the interview did not end")


def test_a_swedish_jobseeker_in_espoo_gets_the_interview_and_path_in_swedish(stack):
    conversation = Conversation(stack)
    messages = conversation.say("Hej, jag bor i Esbo och har varit utan jobb sedan i somras")
    assert conversation.lang == "sv"
    answers = jobseeker_answers(
        "sv",
        {
            "municipality": "Esbo",
            "age": "34",
            "unemployed": "fem månader",
            "work_history": "jag jobbade tre år i en butik som kassör",
            "skills": "jag tycker om kundtjänst",
        },
    )
    messages = run_interview(conversation, messages, answers, opening("actions.path.intro", "sv"))
    said = conversation.all_bot_text()
    assert opening("actions.path.intro", "sv") in texts(messages)
    # in Swedish throughout: no Finnish question or path sentence slipped through
    for key in ("responses.utter_ask_age.text", "actions.ask.situation", "actions.path.intro"):
        assert opening(key, "fi") not in said, key
    assert "Espoo" in said or "Esbo" in said
    assert card_ids(messages)


def test_an_english_employer_in_turku_gets_the_package_in_english_with_euros(stack):
    conversation = Conversation(stack)
    messages = conversation.say(
        "We run a café in Turku and would like to hire someone with partial work ability, "
        "25 hours a week, 1,800 euros a month"
    )
    assert conversation.lang == "en"
    done = opening("actions.package.intro", "en")
    answers = {
        opening("actions.ask.employer_type", "en"): ("button", choice("employer_type", "company", "en")),
        opening("actions.ask.hire_group", "en"): ("button", choice("hire_group", "partial_work_ability", "en")),
        opening("responses.utter_ask_hire_age.text", "en"): "40",
        opening("responses.utter_ask_hire_unemployed_months.text", "en"): "8 months",
        opening("responses.utter_ask_job_terms.text", "en"): "1800 €/month, 25 hours a week",
    }
    messages = run_interview(conversation, messages, answers, done)
    said = texts(messages)
    assert "palkkatuki" in card_ids(messages)
    # 70 % of 1,800 = €1,260 a month, under the cap of €1,770: in English, written the English way
    assert "€1,260" in said and "70 %" in said
    assert opening("actions.package.intro", "fi") not in conversation.all_bot_text()


def test_a_swedish_question_about_pay_subsidy_gets_its_card_in_swedish(stack):
    conversation = Conversation(stack)
    messages = conversation.say("hur länge kan man få lönesubvention?")
    assert conversation.lang == "sv"
    cards = [card for message in messages for card in message.get("cards", [])]
    pay_subsidy = next(card for card in cards if card["id"] == "palkkatuki")
    assert pay_subsidy["title"] == "Lönesubvention" and pay_subsidy["lang"] == "sv"
    assert "månader" in texts(messages)  # the durations


@pytest.mark.parametrize(
    ("lang", "first", "search"),
    [("sv", "hej", "arbetsprövning i Vasa"), ("en", "hello", "job coaching in Kuopio")],
)
def test_search_in_a_place_and_deletion_in_the_users_language(stack, lang, first, search):
    conversation = Conversation(stack, lang=lang)
    conversation.say(first)
    messages = conversation.say(search)
    assert card_ids(messages), messages
    assert conversation.lang == lang
    deleted = conversation.say({"sv": "radera mina uppgifter", "en": "delete my data"}[lang])
    assert conversation.lang == lang
    assert opening("actions.deleted", lang) in texts(deleted)


def test_a_request_for_another_language_switches_and_sticks(stack):
    conversation = Conversation(stack)
    conversation.say("moi")
    switched = conversation.say("in English please")
    assert conversation.lang == "en"
    assert text("responses.utter_language_switched.text", "en") in texts(switched)
    messages = conversation.say("I lost my job")
    assert conversation.lang == "en"
    assert opening("responses.utter_ask_municipality.text", "en") in texts(messages) or opening(
        "responses.utter_lost_job.text", "en"
    ) in texts(messages)
