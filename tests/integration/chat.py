"""Talking to the live stack through POST /api/chat, as the widget does."""

from __future__ import annotations

import httpx

from tests.livestack import Stack


class Conversation:
    def __init__(self, stack: Stack, page_municipality: str | None = None, lang: str | None = None):
        self.client = httpx.Client(base_url=stack.base_url, timeout=60)
        self.session_id: str | None = None
        self.page_municipality = page_municipality  # the embedding page's data-municipality
        self.lang = lang  # the page's data-lang, then the conversation's language as the API says
        self.transcript: list[tuple[str, list[dict]]] = []

    def say(self, message: str) -> list[dict]:
        body = {"message": message}
        if self.session_id:
            body["session_id"] = self.session_id
        if self.page_municipality:
            body["municipality"] = self.page_municipality
        if self.lang:
            body["lang"] = self.lang  # as the widget sends its current language
        response = self.client.post("/api/chat", json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        self.session_id = data["session_id"]
        self.lang = data["lang"]
        self.transcript.append((message, data["messages"]))
        return data["messages"]

    def click(self, messages: list[dict], title: str) -> list[dict]:
        return self.say(button_payload(messages, title))

    def all_bot_text(self) -> str:
        return "\n".join(m.get("text") or "" for _, messages in self.transcript for m in messages)

    def history(self) -> list[dict]:
        response = self.client.get(f"/api/chat/{self.session_id}/history")
        assert response.status_code == 200, response.text
        return response.json()["messages"]


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


def answer(conversation: Conversation, messages: list[dict], answers: dict) -> tuple[str, list[dict]]:
    """Answers the question in `messages` with the first entry of `answers` whose words it contains.

    A value is typed text, or ("button", title) to click a button.
    """
    question = texts(messages)
    for words, reply in answers.items():
        if words in question:
            if isinstance(reply, tuple):
                return words, conversation.click(messages, reply[1])
            return words, conversation.say(reply)
    raise AssertionError(f"unexpected question: {question}")


def interview(
    conversation: Conversation, messages: list[dict], answers: dict, limit: int = 30
) -> tuple[list[str], list[dict]]:
    """Answers the bot's questions until it sends the path; returns the topics asked and the last reply."""
    asked: list[str] = []
    for _ in range(limit):
        if "palvelupoluksi" in texts(messages) or "Näitä tukia" in texts(messages):
            break
        topic, messages = answer(conversation, messages, answers)
        asked.append(topic)
    return asked, messages


# A 24-year-old in Tampere who wants to try a new field: what they answer to each question,
# found by words of the question (the live-stack and browser tests).
JOBSEEKER_ANSWERS = {
    "paikkakunnalla": "Tampere",
    "Kuinka vanha olet": "24",
    "kuvaa tilannettasi": ("button", "Työtön"),
    "ilman työtä": "puoli vuotta",
    "Rajoittaako terveytesi": ("button", "Ei rajoita"),
    "suomen kielen": ("button", "Äidinkieli tai sujuva"),
    "seuraavaksi päästä": ("button", "Kokeilemaan uutta alaa"),
    "työhistoriastasi": "olin kaksi vuotta kaupan kassalla",
    "korkein koulutuksesi": ("button", "Lukio tai ylioppilastutkinto"),
    "Mitä osaat": "tykkään asiakaspalvelusta",
    "osaamisesi lyhyesti": ("button", "Kyllä, pitää"),
    "Arvioi asteikolla": ("button", "Ohita kaikki loput"),
}
