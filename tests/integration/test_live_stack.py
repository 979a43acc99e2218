"""Whole conversations through the real stack: Rasa 3.6 server, rasa-sdk actions and the API.

The three processes are started here on free loopback ports with a temporary
database, exactly as `make run` starts them (same scripts, same commands),
and every message goes through POST /api/chat.
"""

from __future__ import annotations

from tests.integration.chat import JOBSEEKER_ANSWERS, Conversation, button_payload, card_ids, interview, texts


def test_jobseeker_gets_a_path_of_tampere_region_services(stack):
    conversation = Conversation(stack)
    greeting = conversation.say("/greet")
    assert "Polkuopas" in texts(greeting)
    asked, messages = interview(
        conversation, conversation.say(button_payload(greeting, "Etsin töitä")), JOBSEEKER_ANSWERS
    )
    ids = card_ids(messages)
    assert "ohjaamo" in ids  # 24-year-old
    assert "tyokokeilu" in ids  # wants to try a new field
    assert "ilmoittautuminen-tyonhakijaksi" in ids  # unemployed
    assert len(asked) == len(set(asked)), f"a question was asked twice: {asked}"
    assert "Miksi:" in texts(messages)
    assert "Tampereen seudun" in texts(messages)  # the area's own contact


def test_first_message_details_are_not_asked_again(stack):
    conversation = Conversation(stack)
    messages = conversation.say("Etsin töitä. Oon 24-vuotias ja asun Tampereella")
    asked, messages = interview(conversation, messages, JOBSEEKER_ANSWERS)
    assert "paikkakunnalla" not in asked and "Kuinka vanha olet" not in asked, asked
    assert "ohjaamo" in card_ids(messages)


def test_jobseeker_can_skip_everything_and_ask_a_question_midway(stack):
    conversation = Conversation(stack)
    messages = conversation.say("/jobseeker_start")
    assert "paikkakunnalla" in texts(messages)
    messages = conversation.say("mikä on työkokeilu?")
    assert "tyokokeilu" in card_ids(messages)
    assert "paikkakunnalla" in texts(messages)  # back to the interview
    for _ in range(30):
        messages = conversation.say("ohita")
        if "palvelupoluksi" in texts(messages):
            break
    assert card_ids(messages), "skipping every question still gives a path"
    assert "valtakunnalliset" in texts(messages)


def test_the_embedding_pages_municipality_is_used_when_the_user_names_none(stack):
    conversation = Conversation(stack, page_municipality="Kuopio")
    messages = conversation.say("/jobseeker_start")
    assert "paikkakunnalla" in texts(messages)
    messages = conversation.say("ohita")
    assert "Käytän tämän sivun kuntaa: Kuopio" in texts(messages)
    for _ in range(30):
        if "palvelupoluksi" in texts(messages):
            break
        messages = conversation.say("ohita")
    assert "Kuopio" in texts(messages)  # the area's contact, not only the national one


def test_employer_gets_a_package_with_euro_estimates(stack):
    conversation = Conversation(stack)
    messages = conversation.say("palkkaisin osatyökykyisen siivoojan Seinäjoella 30 h viikossa 2400 €/kk")
    answers = {
        "Millainen työnantaja": ("button", "Yritys"),
        "ollut työttömänä": "8 kuukautta",
        "Kuvaako jokin näistä": ("button", "Osatyökykyinen"),
        "Missä kunnassa": "Seinäjoki",
        "bruttopalkka": "2400 €/kk, 30 h viikossa",
    }
    asked, messages = interview(conversation, messages, answers)
    assert "Missä kunnassa" not in asked and "bruttopalkka" not in asked and "Kuvaako jokin näistä" not in asked
    ids = card_ids(messages)
    assert "palkkatuki" in ids
    assert "tyoolosuhteiden-jarjestelytuki" in ids
    assert "tyokokeilupaikan-tarjoaminen" in ids  # a work trial first, for employers
    # 70 % of 2 400 € = 1 680 €/kk for 24 months = 40 320 €
    assert "1\u00a0680" in texts(messages)
    assert "40\u00a0320" in texts(messages)


def test_service_questions_and_deletion(stack):
    conversation = Conversation(stack)
    messages = conversation.say("mikä on työkokeilu?")
    assert card_ids(messages) == ["tyokokeilu"]
    assert "9 €" in texts(messages)
    messages = conversation.say("työhönvalmennusta Kuopiossa")
    # a search in a place: Kuopio's own job coaching (Tukeva) beside the national card, and the
    # answer says where it searched
    ids = card_ids(messages)
    assert "tukeva-saatio-valmennus" in ids and "tyohonvalmennus" in ids, ids
    assert "(Kuopio)" in texts(messages)
    session_id = conversation.session_id
    history = conversation.client.get(f"/api/chat/{session_id}/history")
    assert history.status_code == 200 and len(history.json()["messages"]) >= 4
    messages = conversation.say("aloitetaan alusta")
    assert "Aloitetaan alusta" in texts(messages)
    assert "En ihan ymmärtänyt" not in texts(messages)
    messages = conversation.say("poista mun tiedot")
    assert "Poistin" in texts(messages)
    assert conversation.client.get(f"/api/chat/{session_id}/history").status_code == 404
