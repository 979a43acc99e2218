"""Whole conversations through the real stack: Rasa 3.6 server, rasa-sdk actions and the API.

The three processes are started here on free loopback ports with a temporary
database, exactly as `make run` starts them (same scripts, same commands),
and every message goes through POST /api/chat.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.livestack import Stack

@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    running = Stack(tmp_path_factory.mktemp("stack"))
    try:
        running.up()
        yield running
    finally:
        running.down()


class Conversation:
    def __init__(self, stack: Stack):
        self.client = httpx.Client(base_url=stack.base_url, timeout=60)
        self.session_id: str | None = None
        self.transcript: list[tuple[str, list[dict]]] = []

    def say(self, message: str) -> list[dict]:
        body = {"message": message}
        if self.session_id:
            body["session_id"] = self.session_id
        response = self.client.post("/api/chat", json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        self.session_id = data["session_id"]
        self.transcript.append((message, data["messages"]))
        return data["messages"]

    def all_bot_text(self) -> str:
        return "\n".join(m.get("text") or "" for _, messages in self.transcript for m in messages)


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def card_ids(messages: list[dict]) -> list[str]:
    return [card["id"] for m in messages for card in m.get("cards", [])]


def button_payload(messages: list[dict], title: str) -> str:
    for message in messages:
        for button in message.get("buttons", []):
            if button["title"] == title:
                return button["payload"]
    raise AssertionError(f"no button {title!r} in {messages}")


# What the jobseeker answers to each question, found by words of the question.
JOBSEEKER_ANSWERS = {
    "paikkakunnalla": "Tampere",
    "Kuinka vanha olet": "24",
    "kuvaa tilannettasi": ("button", "Olen työtön"),
    "ilman työtä": "puoli vuotta",
    "terveytesi": ("button", "Ei rajoita"),
    "suomen kielen": ("button", "Äidinkieli tai sujuva"),
    "seuraavaksi päästä": ("button", "Kokeilemaan uutta alaa"),
}


def answer(conversation: Conversation, messages: list[dict], answers: dict) -> tuple[str, list[dict]]:
    question = texts(messages)
    for words, reply in answers.items():
        if words in question:
            if isinstance(reply, tuple):
                return words, conversation.say(button_payload(messages, reply[1]))
            return words, conversation.say(reply)
    raise AssertionError(f"unexpected question: {question}")


def interview(conversation: Conversation, messages: list[dict], answers: dict) -> tuple[list[str], list[dict]]:
    """Answers the bot's questions until it sends cards; returns the topics asked and the last reply."""
    asked: list[str] = []
    for _ in range(10):
        if card_ids(messages):
            break
        topic, messages = answer(conversation, messages, answers)
        asked.append(topic)
    return asked, messages


def test_jobseeker_gets_a_path_of_tampere_region_services(stack):
    conversation = Conversation(stack)
    greeting = conversation.say("/greet")
    assert "Polkuopas" in texts(greeting)
    asked, messages = interview(conversation, conversation.say(button_payload(greeting, "Etsin töitä")), JOBSEEKER_ANSWERS)
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
    for _ in range(10):
        messages = conversation.say("ohita")
        if "palvelupoluksi" in texts(messages):
            break
    assert card_ids(messages), "skipping every question still gives a path"
    assert "valtakunnalliset" in texts(messages)


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
    assert "tyokokeilu" in ids
    # 70 % of 2 400 € = 1 680 €/kk for 24 months = 40 320 €
    assert "1\u00a0680" in texts(messages)
    assert "40\u00a0320" in texts(messages)


def test_service_questions_and_deletion(stack):
    conversation = Conversation(stack)
    messages = conversation.say("mikä on työkokeilu?")
    assert card_ids(messages) == ["tyokokeilu"]
    assert "9 €" in texts(messages)
    messages = conversation.say("työhönvalmennusta Kuopiossa")
    ids = card_ids(messages)
    assert "tyohonvalmennus" in ids or "tukeva-saatio-valmennus" in ids
    session_id = conversation.session_id
    history = conversation.client.get(f"/api/chat/{session_id}/history")
    assert history.status_code == 200 and len(history.json()["messages"]) >= 4
    messages = conversation.say("aloitetaan alusta")
    assert "Aloitetaan alusta" in texts(messages)
    assert "En ihan ymmärtänyt" not in texts(messages)
    messages = conversation.say("poista mun tiedot")
    assert "Poistin" in texts(messages)
    assert conversation.client.get(f"/api/chat/{session_id}/history").status_code == 404
