"""The Rasa launcher (bot/rasa_runtime/polkuopas_rasa.py), in .venv-rasa with real Rasa."""

from __future__ import annotations

import asyncio

import jsonschema
import polkuopas_rasa
import pytest
from aiohttp import web
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
    assert EndpointConfig.request is polkuopas_rasa.request_with_ujson
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


def test_a_json_body_arrives_as_the_same_json(action: RemoteAction) -> None:
    """EndpointConfig.request with ujson: what the action server receives is the value sent."""
    body = {
        "next_action": "action_recommend_path",
        "tracker": {
            "events": [{"event": "user", "text": "Työkokeilu Ähtärissä / Närpes? 50 % €"}],
            "slots": {"age": 3.5},
        },
        "domain": {"responses": {"utter_greet": [{"text": "Hei <b>&</b> tervetuloa"}]}},
    }

    async def exchange() -> tuple[object, str | None]:
        received: dict[str, object] = {}

        async def webhook(request: web.Request) -> web.Response:
            received["body"] = await request.json()
            received["type"] = request.content_type
            return web.json_response({"events": [], "responses": []})

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        try:
            reply = await EndpointConfig(f"http://127.0.0.1:{port}/webhook").request(json=body, method="post")
        finally:
            await runner.cleanup()
        assert reply == {"events": [], "responses": []}
        return received["body"], str(received["type"])

    polkuopas_rasa.install()
    sent, content_type = asyncio.run(exchange())
    assert sent == body
    assert content_type == "application/json"


async def serve(port: int, peers: list[object]) -> web.AppRunner:
    """An action server stand-in on loopback that notes the client's address of each call."""

    async def webhook(request: web.Request) -> web.Response:
        peers.append(request.transport.get_extra_info("peername") if request.transport else None)
        return web.json_response({"events": [], "responses": []})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner


def test_calls_share_one_kept_alive_connection() -> None:
    polkuopas_rasa.install()
    assert EndpointConfig.session is polkuopas_rasa.shared_session

    async def calls() -> list[object]:
        peers: list[object] = []
        runner = await serve(0, peers)
        endpoint = EndpointConfig(f"http://127.0.0.1:{runner.addresses[0][1]}/webhook")
        try:
            for _ in range(3):
                assert await endpoint.request(json={"next_action": "x"}, method="post") == {
                    "events": [],
                    "responses": [],
                }
        finally:
            await runner.cleanup()
        return peers

    peers = asyncio.run(calls())
    assert len(peers) == 3 and len(set(peers)) == 1  # one client port: one connection


def test_a_call_after_the_action_server_restarted_gets_through() -> None:
    """The kept connection died with the old server; the call goes on a new one."""
    polkuopas_rasa.install()

    async def calls() -> list[object]:
        peers: list[object] = []
        runner = await serve(0, peers)
        port = runner.addresses[0][1]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        await endpoint.request(json={"next_action": "x"}, method="post")
        await runner.cleanup()  # the action server goes away and comes back on the same port
        runner = await serve(port, peers)
        try:
            assert await endpoint.request(json={"next_action": "x"}, method="post") == {"events": [], "responses": []}
        finally:
            await runner.cleanup()
        return peers

    assert len(asyncio.run(calls())) == 2
