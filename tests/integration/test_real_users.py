"""First messages as people really type them start the right flow (issue: colloquial Finnish).

Each message goes through the live stack (real Rasa model, actions and API), so these tests
check the trained NLU together with what the bot does with it.
"""

from __future__ import annotations

import pytest

from tests.integration.chat import JOBSEEKER_ANSWERS, Conversation, card_ids, interview, texts

NOT_UNDERSTOOD = "En ole varma, mitä tarkoitit"


def test_a_colloquial_graduate_starts_the_jobseeker_interview_without_being_asked_again(stack):
    conversation = Conversation(stack)
    messages = conversation.say("Moikka, sain just lähihoitajan paperit mutta töitä ei oo löytyny. Asun Oulussa.")
    assert NOT_UNDERSTOOD not in texts(messages)
    asked, messages = interview(conversation, messages, {**JOBSEEKER_ANSWERS, "Kuinka vanha olet": "26"})
    assert "paikkakunnalla" not in asked, asked  # said: Oulussa
    assert "kuvaa tilannettasi" not in asked, asked  # said: no work found
    assert "palvelupoluksi" in texts(messages)
    assert "Oulu" in texts(messages)


@pytest.mark.parametrize(
    "said",
    [
        "oon ollu kortistossa puol vuotta, tarttisin apua hommien hakuun",
        "terve, tarttis apua yhteen juttuun, en oo löytäny duunia",
    ],
)
def test_spoken_jobseekers_get_the_interview(stack, said):
    messages = Conversation(stack).say(said)
    assert NOT_UNDERSTOOD not in texts(messages)
    assert "paikkakunnalla" in texts(messages) or "Kuinka vanha olet" in texts(messages)


def test_a_misspelt_employer_gets_the_employer_interview(stack):
    messages = Conversation(stack).say("meiän firma tarttis uuden tyontekijan, saako siihen tukea")
    assert NOT_UNDERSTOOD not in texts(messages)
    assert "Missä kunnassa työpaikka on" in texts(messages) or "Millainen työnantaja" in texts(messages)


def test_a_one_word_question_about_a_service_gets_its_card(stack):
    messages = Conversation(stack).say("palkkatuki?")
    assert "palkkatuki" in card_ids(messages)


def test_a_bare_number_out_of_context_gets_the_ways_in_not_a_dead_end(stack):
    messages = Conversation(stack).say("26")
    payloads = [button["payload"] for message in messages for button in message.get("buttons") or []]
    assert "/jobseeker_start" in payloads, messages
    assert "sanoa toisin" not in texts(messages)
