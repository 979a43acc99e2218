"""The production profile (scripts/run_production.sh) on the real processes: PostgreSQL, Redis, two
Rasa servers sharing the conversations and two API workers under supervisord. A Rasa server killed
in the middle of a conversation costs no turn: the next message goes to the other one, which reads
the conversation from the shared tracker store, and the killed one comes back by itself."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from api.rasa_client import RasaClient
from tests.integration.chat import Conversation, texts
from tests.livestack import STARTUP_TIMEOUT_SECONDS, ProductionStack


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> Iterator[ProductionStack]:
    stack = ProductionStack(tmp_path_factory.mktemp("production"))
    try:
        stack.up()
        yield stack
    finally:
        stack.down()


def test_a_killed_rasa_costs_no_turn_with_two_rasa_servers(production):
    conversation = Conversation(production)
    assert "Kuinka vanha olet" in texts(conversation.say("Etsin töitä. Asun Tampereella"))
    own = RasaClient(production.rasa_urls).order(conversation.session_id)[0]
    old = production.kill(f"rasa:rasa-{own}")
    # the answer goes to the other Rasa, which knows the conversation: the interview moves on
    following = texts(conversation.say("24"))
    assert following.strip() and "Kuinka vanha olet" not in following
    assert production.health().get("rasa") == "down"  # health says one is missing
    took = production.wait_healthy(STARTUP_TIMEOUT_SECONDS)
    assert production.pid(f"rasa:rasa-{own}") not in (0, old)
    print(f"rasa-{own} healthy again {took:.0f} s after the kill")
    # back on its own Rasa, the conversation still goes on
    assert texts(conversation.say("Työtön")).strip()
    assert len(conversation.history()) >= 6


def test_a_killed_api_worker_costs_no_request(production):
    """Two API workers on one socket that supervisord holds: while one is started again, the other
    answers, and no connection is refused."""
    production.wait_healthy(STARTUP_TIMEOUT_SECONDS)
    conversation = Conversation(production)
    conversation.say("Etsin töitä. Asun Tampereella")
    old = production.kill("api:api-0")
    for _ in range(20):  # new connections, spread over the workers by the kernel
        assert httpx.get(f"{production.base_url}/api/health", timeout=60).status_code == 200
    # the conversation goes on (on a new connection: its kept-alive one may have been the killed worker's)
    conversation.client = httpx.Client(base_url=production.base_url, timeout=60)
    assert texts(conversation.say("24")).strip()
    production.wait_healthy(60)
    assert production.pid("api:api-0") not in (0, old)
