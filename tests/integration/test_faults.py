"""A part of the stack dies (SIGKILL, as a crash or the out-of-memory killer would): supervisord
brings it back by itself, the chat apologises in the user's language with a 503 meanwhile, and the
conversation started before the fault goes on where it was.

These run on the real processes of the default profile (tests/livestack.py runs
scripts/run_stack.sh, as `make run` does). Each test ends with the stack healthy again.
"""

from __future__ import annotations

import httpx

from messages import text
from tests.integration.chat import Conversation, texts
from tests.livestack import STARTUP_TIMEOUT_SECONDS

# issue 20: the API and the action server are healthy again within 60 s
RESTART_LIMIT_SECONDS = 60


def post(conversation: Conversation, message: str) -> httpx.Response:
    """One message without asserting success (Conversation.say expects a 200)."""
    return conversation.client.post("/api/chat", json={"message": message, "session_id": conversation.session_id})


def assert_apology(response: httpx.Response, lang: str) -> None:
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["detail"] == text("api.chat.backend_down", lang)
    assert body["session_id"] and body["lang"] == lang


def test_a_killed_action_server_comes_back_and_the_interview_goes_on(stack):
    stack.wait_healthy(STARTUP_TIMEOUT_SECONDS)
    conversation = Conversation(stack)
    asked = texts(conversation.say("Etsin töitä. Asun Tampereella"))
    assert "Kuinka vanha olet" in asked
    before = len(conversation.history())
    old = stack.kill("actions")
    assert_apology(post(conversation, "24"), "fi")  # the form's validation needs the action server
    took = stack.wait_healthy(RESTART_LIMIT_SECONDS)
    assert stack.pid("actions") not in (0, old)
    print(f"actions healthy again {took:.1f} s after the kill")
    # the same conversation, the same question answered again: the interview moves on
    following = texts(conversation.say("24"))
    assert "Kuinka vanha olet" not in following and following.strip()
    assert len(conversation.history()) > before


def test_a_killed_api_comes_back_and_keeps_the_conversation(stack):
    stack.wait_healthy(STARTUP_TIMEOUT_SECONDS)
    conversation = Conversation(stack)
    conversation.say("Etsin töitä. Asun Tampereella")
    history = conversation.history()
    old = stack.kill("api:api-0")
    # the one API process of the default profile: back within the limit (supervisord holds the
    # socket while a process starts; the production profile's second worker answers meanwhile)
    took = stack.wait_healthy(RESTART_LIMIT_SECONDS)
    assert stack.pid("api:api-0") not in (0, old)
    print(f"api healthy again {took:.1f} s after the kill")
    assert conversation.history()[: len(history)] == history
    assert "Kuinka vanha olet" not in texts(conversation.say("24"))


def test_a_killed_rasa_comes_back_and_a_swedish_conversation_goes_on(stack):
    stack.wait_healthy(STARTUP_TIMEOUT_SECONDS)
    conversation = Conversation(stack)
    conversation.say("Hej, jag är arbetslös och bor i Vasa")
    assert conversation.lang == "sv"
    old = stack.kill("rasa")
    assert_apology(post(conversation, "34"), "sv")
    took = stack.wait_healthy(STARTUP_TIMEOUT_SECONDS)
    assert stack.pid("rasa") not in (0, old)
    print(f"rasa healthy again {took:.1f} s after the kill")
    following = conversation.say("34")
    assert conversation.lang == "sv" and texts(following).strip()
