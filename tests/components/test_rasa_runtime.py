"""The Rasa launcher (bot/rasa_runtime/polkuopas_rasa.py), in .venv-rasa with real Rasa."""

from __future__ import annotations

import jsonschema
import polkuopas_rasa
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

REPLY = {
    "events": [{"event": "slot", "timestamp": None, "name": "municipality", "value": "Oulu"}],
    "responses": [{"text": "Selvä, Oulu.", "buttons": []}],
}


@pytest.fixture(scope="module")
def action() -> RemoteAction:
    polkuopas_rasa.install()
    return RemoteAction("action_recommend_path", EndpointConfig("http://127.0.0.1:1"))


def test_the_launcher_replaces_rasas_check(action: RemoteAction) -> None:
    assert RemoteAction._validate_action_result is polkuopas_rasa.validate_action_result
    assert action._validate_action_result(REPLY) is True


@pytest.mark.parametrize(
    "reply",
    [
        {"events": "not a list"},
        {"events": [{"event": "no such event"}]},
        {"events": [{"event": "slot", "value": "Oulu"}]},  # a slot event without the slot's name
        {"responses": [["a list, not an object"]]},
    ],
)
def test_a_bad_reply_fails_as_in_rasa(action: RemoteAction, reply: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError) as raised:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError) as ours:
        action._validate_action_result(reply)
    assert ours.value.message.startswith(raised.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def test_the_schema_is_checked_once() -> None:
    assert polkuopas_rasa.action_response_validator() is polkuopas_rasa.action_response_validator()
