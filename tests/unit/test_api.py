"""Tests for the HTTP API (docs/api.md): chat gateway, catalogue, recommendations, health, page.

The app runs in-process through Starlette's TestClient (as a context manager, so
the lifespan seeds and loads the catalogue). Rasa is not running in unit tests:

* `down_client` points the gateway at a loopback port where nothing listens,
  which is how the 503 path is exercised;
* `client` points it at `FakeRasa`, a real stdlib HTTP server on loopback that
  answers like Rasa's REST channel (POST /webhooks/rest/webhook). Nothing of our
  own code is mocked: the gateway's HTTP client, its mapping of Rasa output to
  Messages, the history tables and the tracker-store deletion all run for real.
"""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from tests.contract import CARD_KEYS
from tests.redisserver import RedisServer

SERVICE_CARD_KEYS = CARD_KEYS
# The fixed step keys of docs/api.md plus the extras the path adds (how to start, contact, the answers behind it)
STEP_KEYS = {"title", "why", "services", "id", "how_to_start", "contact", "factors"}
MESSAGE_KEYS = {"text", "buttons", "cards"}
FINNISH_HINT = re.compile(r"[äöå]|\b(ei|on|kenttä|kentän|viesti|pyyntö|kuntaa|palvelua|sivua|keskustelua)\b", re.I)

GREETING_TEXT = "Hei! Olen Polkuopas."
DELETE_TEXT = "Poistin keskustelumme ja antamasi tiedot."
AGE_QUESTION = "Kuinka vanha olet?"


def assert_finnish_detail(response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.strip(), detail
    assert FINNISH_HINT.search(detail), f"detail is not Finnish: {detail!r}"
    # No English framework messages or stack traces leak through.
    for english in ("Field required", "Not Found", "Traceback", "value_error", "Internal Server Error"):
        assert english not in detail
    return detail


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------
# A real loopback HTTP server standing in for Rasa's REST channel
# --------------------------------------------------------------------------


class FakeRasa:
    """Answers POST /webhooks/rest/webhook like Rasa's REST channel; GET / and /health like Rasa and the action server."""

    def __init__(self, card: dict[str, Any]):
        self.card = card
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):  # keep the test output quiet
                pass

            def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path == "/":
                    self._send(200, b"Hello from Rasa: 3.6.21", "text/plain")
                elif self.path == "/health":
                    self._send(200, b'{"status": "ok"}')
                else:
                    self._send(404, b"{}")

            def do_POST(self):
                if self.path != "/webhooks/rest/webhook":
                    self._send(404, b"{}")
                    return
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(payload)
                status, body = fake.reply(payload)
                self._send(status, body if isinstance(body, bytes) else json.dumps(body).encode("utf-8"))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def reply(self, payload: dict[str, Any]) -> tuple[int, Any]:
        sender = payload.get("sender")
        message = payload.get("message")
        if message == "/delete_my_data":
            return 200, [{"recipient_id": sender, "custom": {"text": DELETE_TEXT, "delete_conversation": True}}]
        if message == "/jobseeker_start":
            return 200, [{"recipient_id": sender, "text": AGE_QUESTION}]
        if message == "/fake_server_error":
            return 500, {"error": "boom"}
        if message == "/fake_not_a_list":
            return 200, {"unexpected": True}
        if message == "/fake_not_json":
            return 200, b"<html>oops</html>"
        if message == "/fake_silence":
            return 200, []
        if message == "/fake_incomplete_card":
            incomplete = {"id": "tyokokeilu", "title": "Työkokeilu"}  # no summary, category, source_url ...
            return 200, [{"recipient_id": sender, "custom": {"cards": [incomplete], "text": "Katso tämä:"}}]
        return 200, [
            {
                "recipient_id": sender,
                "text": GREETING_TEXT,
                "buttons": [
                    {"title": "Etsin töitä", "payload": "/jobseeker_start"},
                    {"title": "Olen työnantaja", "payload": "/employer_hiring"},
                ],
            },
            {"recipient_id": sender, "custom": {"cards": [self.card], "text": "Tästä voisi olla apua:"}},
        ]

    def __enter__(self) -> FakeRasa:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def card(snapshot) -> dict[str, Any]:
    return snapshot.service("tyokokeilu").card()


@pytest.fixture(scope="module")
def fake_rasa(card):
    with FakeRasa(card) as fake:
        yield fake


@pytest.fixture(scope="module")
def tracker_db(tmp_path_factory) -> Path:
    """A stand-in for Rasa's SQL tracker store: table `events` keyed by sender_id."""
    path = tmp_path_factory.mktemp("tracker") / "rasa_tracker.db"
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT NOT NULL, type_name TEXT, data TEXT)"
        )
    return path


def tracker_rows(path: Path, sender_id: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender_id,)).fetchone()[0]


def add_tracker_rows(path: Path, sender_id: str, count: int = 3) -> None:
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO events (sender_id, type_name, data) VALUES (?, ?, ?)",
            [(sender_id, "user", json.dumps({"text": f"viesti {i}"})) for i in range(count)],
        )


@pytest.fixture(scope="module")
def client(seeded_engine, fake_rasa, tracker_db):
    settings = Settings(
        rasa_url=fake_rasa.url,
        action_server_url=fake_rasa.url,
        tracker_db_url=f"sqlite:///{tracker_db}",
        rasa_timeout_seconds=5,
    )
    with TestClient(create_app(settings, seeded_engine), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def down_client(seeded_engine, tmp_path_factory):
    dead = f"http://127.0.0.1:{free_port()}"
    settings = Settings(
        rasa_url=dead,
        action_server_url=f"http://127.0.0.1:{free_port()}",
        tracker_db_url=f"sqlite:///{tmp_path_factory.mktemp('tracker-down') / 'none.db'}",
        rasa_timeout_seconds=2,
    )
    with TestClient(create_app(settings, seeded_engine), raise_server_exceptions=False) as test_client:
        yield test_client


def chat(client: TestClient, message: str, session_id: str | None = None):
    body: dict[str, Any] = {"message": message}
    if session_id is not None:
        body["session_id"] = session_id
    return client.post("/api/chat", json=body)


# --------------------------------------------------------------------------
# Chat gateway: sessions and message mapping
# --------------------------------------------------------------------------


def test_chat_issues_a_long_random_session_id(client):
    first = chat(client, "hei")
    second = chat(client, "hei")
    assert first.status_code == second.status_code == 200
    ids = {first.json()["session_id"], second.json()["session_id"]}
    assert len(ids) == 2
    for session_id in ids:
        assert re.fullmatch(r"[A-Za-z0-9_-]{32,100}", session_id), session_id


@pytest.mark.parametrize(
    "given",
    [
        None,
        "",
        "abc",
        "x" * 20 + "-unknown-but-well-formed",
        "../../etc/passwd",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "ääääääääääääääääääääääää",
    ],
    ids=["missing", "empty", "short", "unknown", "path", "sql", "markup", "non-ascii"],
)
def test_chat_issues_a_new_id_for_an_unknown_or_invalid_one(client, given):
    body: dict[str, Any] = {"message": "hei"}
    if given is not None:
        body["session_id"] = given
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200, response.text
    issued = response.json()["session_id"]
    assert issued != given
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,100}", issued)
    # An unknown id is never adopted: the caller cannot choose its own id.
    if given:
        assert client.get(f"/api/chat/{given}/history").status_code == 404


def test_chat_and_history_tell_the_retention_period(client):
    response = client.post("/api/chat", json={"message": "hei"})
    assert response.json()["retention_days"] == 30
    history = client.get(f"/api/chat/{response.json()['session_id']}/history")
    assert history.json()["retention_days"] == 30


def test_chat_null_session_id_is_a_new_session(client):
    response = client.post("/api/chat", json={"session_id": None, "message": "hei"})
    assert response.status_code == 200
    assert response.json()["session_id"]


def test_chat_keeps_a_known_session_id_and_uses_it_as_rasa_sender(client, fake_rasa):
    session_id = chat(client, "hei").json()["session_id"]
    response = chat(client, "moi taas", session_id)
    assert response.status_code == 200
    assert response.json()["session_id"] == session_id
    assert fake_rasa.requests[-1]["sender"] == session_id
    assert fake_rasa.requests[-1]["message"] == "moi taas"


def test_chat_maps_rasa_output_to_messages(client, card):
    response = chat(client, "hei")
    assert response.status_code == 200
    messages = response.json()["messages"]
    assert len(messages) == 2
    for message in messages:
        assert set(message) == MESSAGE_KEYS
    greeting, cards = messages
    assert greeting == {
        "text": GREETING_TEXT,
        "buttons": [
            {"title": "Etsin töitä", "payload": "/jobseeker_start"},
            {"title": "Olen työnantaja", "payload": "/employer_hiring"},
        ],
        "cards": [],
    }
    assert cards["text"] == "Tästä voisi olla apua:"
    assert cards["buttons"] == []
    assert cards["cards"] == [card]
    assert set(cards["cards"][0]) == SERVICE_CARD_KEYS
    assert "recipient_id" not in json.dumps(response.json())


def test_chat_sends_cleaned_text_to_rasa(client, fake_rasa):
    response = chat(client, "  hei\x00\x07 siellä  ")
    assert response.status_code == 200
    assert fake_rasa.requests[-1]["message"] == "hei siellä"


def test_history_lists_user_and_bot_messages_in_order_with_button_titles(client, card):
    session_id = chat(client, "hei").json()["session_id"]
    response = chat(client, "/jobseeker_start", session_id)
    assert response.status_code == 200
    assert response.json()["messages"] == [{"text": AGE_QUESTION, "buttons": [], "cards": []}]

    history = client.get(f"/api/chat/{session_id}/history")
    assert history.status_code == 200
    messages = history.json()["messages"]
    assert [(m["sender"], m["text"]) for m in messages] == [
        ("user", "hei"),
        ("bot", GREETING_TEXT),
        ("bot", "Tästä voisi olla apua:"),
        ("user", "Etsin töitä"),  # the clicked button's title, not its payload
        ("bot", AGE_QUESTION),
    ]
    assert messages[1]["buttons"][0] == {"title": "Etsin töitä", "payload": "/jobseeker_start"}
    assert messages[2]["cards"] == [card]
    for message in messages:
        assert set(message) == MESSAGE_KEYS | {"sender"}


def test_history_shows_an_unknown_payload_as_typed(client):
    session_id = chat(client, "hei").json()["session_id"]
    chat(client, "/fake_silence", session_id)
    messages = client.get(f"/api/chat/{session_id}/history").json()["messages"]
    assert messages[-1] == {"sender": "user", "text": "/fake_silence", "buttons": [], "cards": []}


def test_history_of_unknown_or_invalid_session_is_404(client):
    assert_finnish_detail(client.get(f"/api/chat/{'A' * 32}/history"), 404)
    assert_finnish_detail(client.get("/api/chat/x/history"), 404)
    assert_finnish_detail(client.get("/api/chat/' OR 1=1 --/history"), 404)


def test_delete_removes_the_conversation_from_history_and_tracker_store(client, tracker_db):
    session_id = chat(client, "hei").json()["session_id"]
    other_id = chat(client, "hei").json()["session_id"]
    add_tracker_rows(tracker_db, session_id)
    add_tracker_rows(tracker_db, other_id)

    response = client.delete(f"/api/chat/{session_id}")
    assert response.status_code == 204
    assert response.content == b""

    assert_finnish_detail(client.get(f"/api/chat/{session_id}/history"), 404)
    assert tracker_rows(tracker_db, session_id) == 0
    # Only that conversation is gone.
    assert tracker_rows(tracker_db, other_id) == 3
    assert client.get(f"/api/chat/{other_id}/history").status_code == 200

    assert_finnish_detail(client.delete(f"/api/chat/{session_id}"), 404)


def test_deleted_session_id_is_not_reused(client):
    session_id = chat(client, "hei").json()["session_id"]
    assert client.delete(f"/api/chat/{session_id}").status_code == 204
    response = chat(client, "hei taas", session_id)
    assert response.status_code == 200
    assert response.json()["session_id"] != session_id


def test_delete_unknown_session_is_404(client):
    assert_finnish_detail(client.delete(f"/api/chat/{'B' * 40}"), 404)
    assert_finnish_detail(client.delete("/api/chat/short"), 404)


def test_delete_conversation_reply_removes_the_session(client, tracker_db, fake_rasa):
    session_id = chat(client, "hei").json()["session_id"]
    add_tracker_rows(tracker_db, session_id)

    response = chat(client, "/delete_my_data", session_id)
    assert response.status_code == 200
    body = response.json()
    assert body["messages"] == [{"text": DELETE_TEXT, "buttons": [], "cards": []}]
    # The flag itself is for the gateway only.
    assert "delete_conversation" not in response.text
    assert fake_rasa.requests[-1]["sender"] == session_id
    assert body["session_id"] != session_id

    assert_finnish_detail(client.get(f"/api/chat/{session_id}/history"), 404)
    assert tracker_rows(tracker_db, session_id) == 0
    assert client.delete(f"/api/chat/{session_id}").status_code == 404


def test_delete_works_without_a_tracker_table(down_client):
    """The down client's tracker database has no `events` table yet: nothing to delete, still 204."""
    session_id = chat(down_client, "hei").json()["session_id"]
    assert down_client.delete(f"/api/chat/{session_id}").status_code == 204
    assert down_client.get(f"/api/chat/{session_id}/history").status_code == 404


def test_silent_greet_payload_is_not_recorded(client):
    session_id = chat(client, "/greet").json()["session_id"]
    messages = client.get(f"/api/chat/{session_id}/history").json()["messages"]
    assert [m["sender"] for m in messages] == ["bot", "bot"]


# --------------------------------------------------------------------------
# Chat gateway: Rasa down or misbehaving → 503 with a Finnish message
# --------------------------------------------------------------------------


def assert_backend_down(response) -> dict[str, Any]:
    detail = assert_finnish_detail(response, 503)
    body = response.json()
    assert re.fullmatch(r"[A-Za-z0-9_-]{32,100}", body["session_id"])
    assert len(body["messages"]) == 1
    notice = body["messages"][0]
    assert set(notice) == MESSAGE_KEYS
    assert notice["text"] and FINNISH_HINT.search(notice["text"])
    assert notice["text"] == detail
    return body


def test_chat_with_rasa_down_answers_503_in_finnish(down_client):
    body = assert_backend_down(chat(down_client, "hei"))
    # The session exists and keeps its id on the next try.
    again = chat(down_client, "hei uudestaan", body["session_id"])
    assert assert_backend_down(again)["session_id"] == body["session_id"]
    history = down_client.get(f"/api/chat/{body['session_id']}/history").json()["messages"]
    assert [(m["sender"], m["text"]) for m in history] == [("user", "hei"), ("user", "hei uudestaan")]


@pytest.mark.parametrize("message", ["/fake_server_error", "/fake_not_a_list", "/fake_not_json"])
def test_chat_with_rasa_misbehaving_answers_503(client, message):
    assert_backend_down(chat(client, message))


def test_chat_with_empty_rasa_reply_is_ok(client):
    response = chat(client, "/fake_silence")
    assert response.status_code == 200
    assert response.json()["messages"] == []


def test_an_empty_reply_while_the_action_server_is_down_is_an_apology(seeded_engine, fake_rasa, tmp_path):
    """Rasa answers 200 and nothing when an action cannot be reached: the user gets the 503 apology."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{closed.getsockname()[1]}"
    settings = Settings(
        rasa_url=fake_rasa.url, action_server_url=nobody, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}"
    )
    with TestClient(create_app(settings, seeded_engine)) as client:
        response = chat(client, "/fake_silence")
        assert response.status_code == 503
        assert response.json()["detail"].startswith("Keskustelupalvelu ei vastaa")
        assert chat(client, "hei").status_code == 200  # a turn with messages needs no check


def closed_port_url() -> str:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{closed.getsockname()[1]}"


def test_a_conversation_goes_on_another_rasa_when_its_own_is_down(seeded_engine, fake_rasa, tmp_path, monkeypatch):
    """The production profile: several Rasa servers share the conversations; a message that cannot
    reach its own goes to the next, and health reports the one that is down."""
    down = closed_port_url()
    monkeypatch.setenv("RASA_URLS", f"{down},{fake_rasa.url}")
    monkeypatch.setenv("ACTION_SERVER_URLS", f"{fake_rasa.url},{fake_rasa.url}")
    settings = Settings(tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, seeded_engine)) as client:
        for _ in range(6):  # new conversations: some are the down server's own
            response = chat(client, "hei")
            assert response.status_code == 200, response.text
        assert client.get("/api/health").json()["rasa"] == "down"


def test_each_conversation_has_its_own_rasa_in_every_worker():
    urls = ["http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"]
    one, two = RasaClient(urls), RasaClient(list(urls))
    orders = {sender: one.order(sender) for sender in (f"session-{n}" for n in range(60))}
    assert all(two.order(sender) == order for sender, order in orders.items())
    assert {order[0] for order in orders.values()} == {0, 1, 2}
    assert all(sorted(order) == [0, 1, 2] for order in orders.values())


def test_incomplete_card_from_rasa_is_dropped_not_a_503(client):
    response = chat(client, "/fake_incomplete_card")
    assert response.status_code == 200, response.text
    assert response.json()["messages"] == [{"text": "Katso tämä:", "buttons": [], "cards": []}]


@pytest.fixture(scope="module")
def broken_tracker_client(seeded_engine, fake_rasa):
    """The tracker store cannot be opened (its folder does not exist)."""
    settings = Settings(
        rasa_url=fake_rasa.url,
        action_server_url=fake_rasa.url,
        tracker_db_url="sqlite:////nonexistent-polkuopas-dir/tracker.db",
        rasa_timeout_seconds=5,
    )
    with TestClient(create_app(settings, seeded_engine), raise_server_exceptions=False) as test_client:
        yield test_client


def test_delete_with_tracker_store_down_is_503_and_deletes_nothing(broken_tracker_client):
    client = broken_tracker_client
    session_id = chat(client, "hei").json()["session_id"]
    assert_finnish_detail(client.delete(f"/api/chat/{session_id}"), 503)
    # Not half-deleted: the history is still there and the deletion can be retried.
    assert len(client.get(f"/api/chat/{session_id}/history").json()["messages"]) == 3
    assert_finnish_detail(chat(client, "/delete_my_data", session_id), 503)
    assert client.get(f"/api/chat/{session_id}/history").status_code == 200


def test_security_headers_on_unexpected_error_503(broken_tracker_client):
    session_id = chat(broken_tracker_client, "hei").json()["session_id"]
    response = broken_tracker_client.delete(f"/api/chat/{session_id}")
    assert response.status_code == 503
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert "Content-Security-Policy" in response.headers


# --------------------------------------------------------------------------
# Chat gateway: input limits
# --------------------------------------------------------------------------


def test_message_of_1000_chars_is_accepted(client, fake_rasa):
    message = "a" * 1000
    response = chat(client, message)
    assert response.status_code == 200
    assert fake_rasa.requests[-1]["message"] == message


@pytest.mark.parametrize(
    "body",
    [
        {"message": ""},
        {"message": "   "},
        {"message": " \n\t "},
        {"message": "\x00\x01"},
        {"message": "a" * 1001},
        {},
        {"session_id": "abc"},
        {"message": 123},
        {"message": None},
        {"message": ["hei"]},
        {"message": {"text": "hei"}},
        {"message": True},
        {"message": "hei", "session_id": 123},
        {"message": "hei", "session_id": "s" * 101},
        [],
        ["hei"],
        "hei",
        123,
    ],
    ids=[
        "empty",
        "spaces",
        "whitespace",
        "control-chars",
        "1001-chars",
        "no-fields",
        "no-message",
        "int",
        "null",
        "list",
        "object",
        "bool",
        "int-session",
        "long-session",
        "empty-array",
        "array",
        "string-body",
        "number-body",
    ],
)
def test_invalid_chat_bodies_are_422_in_finnish(client, body):
    assert_finnish_detail(client.post("/api/chat", json=body), 422)


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b"", b'{"message": "hei"', b"\xff\xfe", b"null"],
    ids=["broken", "empty", "truncated", "not-utf8", "null"],
)
def test_invalid_json_is_422_in_finnish(client, raw):
    response = client.post("/api/chat", content=raw, headers={"Content-Type": "application/json"})
    assert_finnish_detail(response, 422)


def test_message_with_1000_chars_and_control_chars_only_counts_text(client):
    response = chat(client, "b" * 999 + "\x00")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "message",
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "'; DROP TABLE chat_messages; --",
        "' OR '1'='1",
        "{{7*7}} ${7*7} %s %d",
        '/inform{"situation": "unemployed"}',
        "/",
        "😀 emoji ja äöå",
        "\u202eRTL-teksti",
        "null",
    ],
)
def test_markup_and_sql_looking_text_is_plain_text(client, fake_rasa, message):
    response = chat(client, message)
    assert response.status_code == 200, response.text
    session_id = response.json()["session_id"]
    assert fake_rasa.requests[-1]["message"] == message
    history = client.get(f"/api/chat/{session_id}/history").json()["messages"]
    assert history[0] == {"sender": "user", "text": message, "buttons": [], "cards": []}
    # The chat tables still work afterwards.
    assert chat(client, "hei", session_id).json()["session_id"] == session_id


# --------------------------------------------------------------------------
# Catalogue: services
# --------------------------------------------------------------------------


def test_services_list_shape(client):
    response = client.get("/api/services")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"total", "items"}
    assert isinstance(body["total"], int) and body["total"] >= len(body["items"]) > 0
    assert len(body["items"]) <= 20  # default limit
    for item in body["items"]:
        assert set(item) == SERVICE_CARD_KEYS
        assert item["scope"] in ("national", "regional", "municipal")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["last_verified"])
        assert item["source_url"].startswith("https://")


def test_services_search_by_query(client):
    body = client.get("/api/services", params={"q": "työkokeilu"}).json()
    assert body["total"] >= 1
    assert "tyokokeilu" in [item["id"] for item in body["items"]]


def test_services_search_by_query_and_municipality(client):
    body = client.get("/api/services", params={"q": "työhönvalmennus", "municipality": "Kuopio"}).json()
    ids = [item["id"] for item in body["items"]]
    assert "tyohonvalmennus" in ids
    assert "tukeva-saatio-valmennus" in ids  # a Kuopio region provider
    # Other regions' services are not shown.
    assert "tampere-titry-tyokokeilu" not in ids


def test_services_municipality_accepts_inflected_name(client):
    assert client.get("/api/services", params={"municipality": "Kuopiossa"}).status_code == 200


def test_services_filter_by_audience_and_category(client):
    employer = client.get("/api/services", params={"audience": "employer", "limit": 100}).json()
    ids = {item["id"] for item in employer["items"]}
    assert "palkkatuki" in ids
    assert "tyottomyysturva" not in ids

    supports = client.get("/api/services", params={"category": "employer_support", "limit": 100}).json()
    assert supports["total"] >= 1
    assert {item["category"] for item in supports["items"]} == {"employer_support"}

    nothing = client.get("/api/services", params={"category": "no-such-category"}).json()
    assert nothing == {"total": 0, "items": []}


def test_services_limit_and_offset_paginate(client):
    whole = client.get("/api/services", params={"limit": 4}).json()
    first = client.get("/api/services", params={"limit": 2, "offset": 0}).json()
    second = client.get("/api/services", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == len(second["items"]) == 2
    assert first["total"] == second["total"] == whole["total"]
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in whole["items"]]
    beyond = client.get("/api/services", params={"offset": 100_000}).json()
    assert beyond["items"] == [] and beyond["total"] == whole["total"]


@pytest.mark.parametrize(
    "params",
    [
        {"municipality": "asdfgh"},
        {"limit": 0},
        {"limit": 101},
        {"limit": -1},
        {"limit": "kaksi"},
        {"offset": -1},
        {"offset": 100_001},
        {"audience": "alien"},
        {"q": "x" * 201},
        {"category": "c" * 41},
        {"municipality": "m" * 101},
    ],
    ids=[
        "unknown-municipality",
        "limit-0",
        "limit-101",
        "limit-negative",
        "limit-text",
        "offset-negative",
        "offset-huge",
        "audience",
        "q-long",
        "category-long",
        "municipality-long",
    ],
)
def test_services_bad_parameters_are_422_in_finnish(client, params):
    assert_finnish_detail(client.get("/api/services", params=params), 422)


def test_services_limit_bounds_are_inclusive(client):
    assert len(client.get("/api/services", params={"limit": 1}).json()["items"]) == 1
    assert client.get("/api/services", params={"limit": 100}).status_code == 200


def test_service_detail(client):
    response = client.get("/api/services/palkkatuki")
    assert response.status_code == 200
    body = response.json()
    assert SERVICE_CARD_KEYS | {"description", "eligibility", "how_to_apply", "channels"} <= set(body)
    assert body["id"] == "palkkatuki"
    assert body["title"] == "Palkkatuki"
    assert body["description"]
    assert isinstance(body["eligibility"], dict)
    assert isinstance(body["channels"], list)
    for channel in body["channels"]:
        assert {"kind", "value"} <= set(channel)


@pytest.mark.parametrize("service_id", ["nope", "PALKKATUKI", "palkkatuki%20", "x" * 500, "' OR 1=1 --"])
def test_unknown_service_is_404_in_finnish(client, service_id):
    assert_finnish_detail(client.get(f"/api/services/{service_id}"), 404)


# --------------------------------------------------------------------------
# Catalogue: municipality resolver
# --------------------------------------------------------------------------


def test_resolve_inflected_name(client):
    response = client.get("/api/municipalities/resolve", params={"q": "Tampereella"})
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "837"
    assert body["name_fi"] == "Tampere"
    assert body["name_sv"] == "Tammerfors"
    area = body["employment_area"]
    assert set(area) == {"id", "name"}
    assert area["id"] and area["name"]
    assert "Tampere" in area["name"]


def test_resolve_tells_whom_to_contact(client):
    jyvaskyla = client.get("/api/municipalities/resolve", params={"q": "Jyväskylässä"}).json()["contacts"]
    assert jyvaskyla["employer"]["name"] == "Jyväskylän kaupungin yritys- ja työnantajapalvelut"
    assert jyvaskyla["jobseeker"]["name"] and jyvaskyla["jobseeker"]["url"].startswith("https://")
    unknown_area = client.get("/api/municipalities/resolve", params={"q": "Savonlinna"}).json()
    assert unknown_area["employment_area"] is None
    assert "Työmarkkinatori" in unknown_area["contacts"]["jobseeker"]["name"]


@pytest.mark.parametrize(
    ("q", "code", "name_fi"),
    [
        ("33100", "837", "Tampere"),
        ("Tammerfors", "837", "Tampere"),
        ("tampere", "837", "Tampere"),
        ("Mietoinen", "503", "Mynämäki"),
        ("Seinäjoelta", "743", "Seinäjoki"),
    ],
)
def test_resolve_postal_code_swedish_and_former_names(client, q, code, name_fi):
    body = client.get("/api/municipalities/resolve", params={"q": q}).json()
    assert (body["code"], body["name_fi"]) == (code, name_fi)
    assert "employment_area" in body


def test_resolve_municipality_without_known_area_gives_null_area(client):
    body = client.get("/api/municipalities/resolve", params={"q": "Savonlinna"}).json()
    assert body["code"] == "740"
    assert body["employment_area"] is None


@pytest.mark.parametrize("q", ["asdf", "00000", "' OR 1=1 --", "<b>Tampere</b>x"])
def test_resolve_unknown_is_404_in_finnish(client, q):
    response = client.get("/api/municipalities/resolve", params={"q": q})
    if q.startswith("<b>"):
        assert response.status_code in (200, 404)
    else:
        assert_finnish_detail(response, 404)


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 201}], ids=["missing", "empty", "long"])
def test_resolve_bad_query_is_422_in_finnish(client, params):
    assert_finnish_detail(client.get("/api/municipalities/resolve", params=params), 422)


# --------------------------------------------------------------------------
# Recommendations
# --------------------------------------------------------------------------

JOBSEEKER = {
    "municipality": "Tampere",
    "age": 22,
    "situation": "unemployed",
    "unemployed_months": 3,
    "work_ability": "full",
    "finnish_level": "native",
    "education": "vocational",
    "goals": ["job"],
    "fields": ["kitchen"],
    "self_rating": {"finances": 2, "employment": 3},
}

EMPLOYER = {
    "municipality": "Seinäjoki",
    "employer_type": "company",
    "employees": 12,
    "hire": {"work_ability": "partial", "unemployed_months": 8},
    "job": {"hours_per_week": 30, "monthly_wage_eur": 2400},
}


def assert_contact(contact: dict[str, Any]) -> None:
    # The fixed Contact of docs/api.md, plus the service hours and address an area may publish
    assert set(contact) == {"name", "url", "phone", "email", "hours", "address"}
    assert contact["name"]


def test_recommend_jobseeker_path(client):
    response = client.post("/api/recommend/jobseeker", json=JOBSEEKER)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"steps", "contact", "notes"}
    assert body["steps"]
    for step in body["steps"]:
        assert set(step) == STEP_KEYS
        assert step["title"] and step["why"]
        for service in step["services"]:
            assert set(service) == SERVICE_CARD_KEYS
    ids = {service["id"] for step in body["steps"] for service in step["services"]}
    assert "ohjaamo" in ids  # 22 years old
    assert_contact(body["contact"])
    assert "Tampere" in body["contact"]["name"]
    assert all(isinstance(note, str) for note in body["notes"])


def test_recommend_jobseeker_uses_the_competence_profile(client):
    base = {"municipality": "Tampere", "situation": "unemployed", "unemployed_months": 5, "goals": ["try_field"]}
    without = client.post("/api/recommend/jobseeker", json=base).json()
    driver = client.post(
        "/api/recommend/jobseeker", json={**base, "skills": ["C-ajokortti"], "occupation_groups": ["83"]}
    ).json()
    assert "kuljetus" in " ".join(step["why"] for step in driver["steps"])
    assert "kuljetus" not in " ".join(step["why"] for step in without["steps"])
    unknown = client.post(
        "/api/recommend/jobseeker", json={**base, "skills": ["ei-tällaista"], "occupation_groups": ["99"]}
    )
    assert unknown.status_code == 200 and unknown.json() == without
    assert_finnish_detail(client.post("/api/recommend/jobseeker", json={**base, "skills": ["x" * 41]}), 422)
    assert client.post("/api/recommend/jobseeker", json={**base, "skills": ["x" * 41]}).json()["detail"] == (
        "Kenttä taidot on liian pitkä."
    )


def test_recommend_jobseeker_empty_profile(client):
    response = client.post("/api/recommend/jobseeker", json={})
    assert response.status_code == 200
    assert response.json()["steps"]
    assert_contact(response.json()["contact"])


def test_recommend_employer_package(client):
    response = client.post("/api/recommend/employer", json=EMPLOYER)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"supports", "contact", "notes", "package_estimate", "next_steps"}
    by_id = {support["service"]["id"]: support for support in body["supports"]}
    assert "palkkatuki" in by_id
    assert by_id["palkkatuki"]["role"] == "recommended"
    # palkkatuki 70 % × 2 400 = 1 680 × 24 = 40 320 € + Seinäjoki's supplement on top, 300 × 6 = 1 800 €
    assert body["package_estimate"] == {"total_max_eur": 42120.0, "supports": ["palkkatuki", "kuntalisa-seinajoki"]}
    assert any("Työmarkkinatori" in step for step in body["next_steps"])
    for support in body["supports"]:
        assert set(support) == {"service", "why", "estimate", "role"}
        assert set(support["service"]) == SERVICE_CARD_KEYS
        assert support["why"]
    estimate = by_id["palkkatuki"]["estimate"]
    assert set(estimate) == {"percent", "monthly_max_eur", "months", "total_max_eur"}
    assert estimate["percent"] == 70
    assert estimate["monthly_max_eur"] == pytest.approx(1680)
    assert estimate["months"] == 24
    assert estimate["total_max_eur"] == pytest.approx(1680 * 24)
    assert_contact(body["contact"])


def test_recommend_employer_empty_profile(client):
    response = client.post("/api/recommend/employer", json={})
    assert response.status_code == 200
    assert_contact(response.json()["contact"])


@pytest.mark.parametrize(
    "profile",
    [
        {"age": 200},
        {"age": -1},
        {"age": "kaksikymmentä"},
        {"situation": "retired"},
        {"work_ability": "great"},
        {"finnish_level": "fluent"},
        {"education": "phd"},
        {"goals": ["fly"]},
        {"goals": "job"},
        {"unemployed_months": -3},
        {"self_rating": {"finances": 7}},
        {"self_rating": {"finances": 0}},
        {"self_rating": {"happiness": 3}},
        {"fields": "kitchen"},
        {"municipality": "x" * 101},
    ],
)
def test_recommend_jobseeker_invalid_profiles_are_422_in_finnish(client, profile):
    assert_finnish_detail(client.post("/api/recommend/jobseeker", json=profile), 422)


@pytest.mark.parametrize(
    "profile",
    [
        {"employer_type": "pirate"},
        {"employees": -1},
        {"hire": {"age": 200}},
        {"hire": {"work_ability": "great"}},
        {"hire": {"apprenticeship": "maybe"}},
        {"hire": "nuori"},
        {"job": {"monthly_wage_eur": -5}},
        {"job": {"hours_per_week": 100}},
        {"job": {"months": 0}},
    ],
)
def test_recommend_employer_invalid_profiles_are_422_in_finnish(client, profile):
    assert_finnish_detail(client.post("/api/recommend/employer", json=profile), 422)


@pytest.mark.parametrize("path", ["/api/recommend/jobseeker", "/api/recommend/employer"])
def test_recommend_unknown_municipality_never_500(client, path):
    response = client.post(path, json={"municipality": "asdfgh"})
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert_finnish_detail(response, 422)


@pytest.mark.parametrize("path", ["/api/recommend/jobseeker", "/api/recommend/employer"])
def test_recommend_invalid_json_is_422(client, path):
    response = client.post(path, content=b"{oops", headers={"Content-Type": "application/json"})
    assert_finnish_detail(response, 422)


# --------------------------------------------------------------------------
# Health, page, headers, errors, OpenAPI
# --------------------------------------------------------------------------


def test_health_with_rasa_down_is_degraded(down_client):
    response = down_client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "rasa": "down", "actions": "down", "database": "ok"}


def test_health_with_backends_up_is_ok(client):
    assert client.get("/api/health").json() == {"status": "ok", "rasa": "ok", "actions": "ok", "database": "ok"}


def test_chat_page_is_finnish_html(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="fi"' in response.text


def test_lookup_page_is_finnish_html_with_a_search_form(client):
    response = client.get("/haku")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="fi"' in response.text
    assert "Palveluhaku" in response.text and "/static/haku.js" in response.text
    assert client.get("/static/haku.js").status_code == 200


@pytest.mark.parametrize("path", ["/", "/haku", "/api/health", "/api/services", "/no/such/page", "/api/services/nope"])
def test_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]
    assert headers["Referrer-Policy"] == "no-referrer"


def test_security_headers_on_chat_errors(client, down_client):
    for response in (client.post("/api/chat", json={"message": ""}), chat(down_client, "hei")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("path", ["/no/such/page", "/api/nope", "/api/chat", "/static/nope.js"])
def test_unknown_path_is_404_json_in_finnish(client, path):
    response = client.get(path)
    if path == "/api/chat":
        # The path exists for POST only.
        assert_finnish_detail(response, 405)
    else:
        assert_finnish_detail(response, 404)


def test_wrong_method_is_405_in_finnish(client):
    assert_finnish_detail(client.put("/api/health"), 405)
    assert_finnish_detail(client.delete("/api/services/palkkatuki"), 405)


def test_openapi_document(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/chat",
        "/api/chat/{session_id}/history",
        "/api/chat/{session_id}",
        "/api/services",
        "/api/services/{service_id}",
        "/api/municipalities/resolve",
        "/api/recommend/jobseeker",
        "/api/recommend/employer",
        "/api/health",
    ):
        assert path in paths


# --------------------------------------------------------------------------
# Nasty input across endpoints: never a 500, always JSON errors
# --------------------------------------------------------------------------

NASTY_STRINGS = [
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"; DROP TABLE services; --',
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "\u0000\u0001\u001f",
    "😀" * 50,
    "\u202e\u200b\ufeff",
    "ÅÄÖåäö" * 30,
    "a" * 5000,
    "{{7*7}}",
    "${jndi:ldap://x}",
    " ",
    "null",
    "-1",
    "1e309",
    "%s%s%s%n",
]


def _nasty_requests(value: str) -> list[tuple[str, str, dict[str, Any]]]:
    segment = quote(value, safe="")
    return [
        ("POST", "/api/chat", {"json": {"message": value}}),
        ("POST", "/api/chat", {"json": {"message": "hei", "session_id": value}}),
        ("GET", f"/api/chat/{segment}/history", {}),
        ("DELETE", f"/api/chat/{segment}", {}),
        ("GET", "/api/services", {"params": {"q": value}}),
        ("GET", "/api/services", {"params": {"municipality": value}}),
        ("GET", "/api/services", {"params": {"category": value, "audience": "jobseeker"}}),
        ("GET", "/api/services", {"params": {"limit": value}}),
        ("GET", f"/api/services/{segment}", {}),
        ("GET", "/api/municipalities/resolve", {"params": {"q": value}}),
        ("POST", "/api/recommend/jobseeker", {"json": {"municipality": value, "fields": [value], "age": value}}),
        ("POST", "/api/recommend/jobseeker", {"json": {"municipality": value[:100], "fields": [value]}}),
        ("POST", "/api/recommend/employer", {"json": {"municipality": value[:100], "employer_type": value}}),
        ("POST", "/api/recommend/employer", {"json": {"municipality": value[:100]}}),
    ]


@pytest.mark.parametrize("value", NASTY_STRINGS, ids=[f"nasty{i}" for i in range(len(NASTY_STRINGS))])
def test_nasty_input_never_500(client, value):
    for method, path, kwargs in _nasty_requests(value):
        response = client.request(method, path, **kwargs)
        assert response.status_code < 500, (method, path, response.status_code, response.text[:200])
        assert response.status_code in (200, 204, 404, 405, 422), (method, path, response.status_code)
        if response.status_code >= 400:
            assert_finnish_detail(response, response.status_code)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"message": "\\ud800"}',
        b'{"message": "hei\\udfff"}',
        b'{"message": "' + b"a" * 100_000 + b'"}',
        b'{"message": "hei", "message": ""}',
        b'{"message": "hei", "extra": {"deep": [[[[[[[[[[1]]]]]]]]]]}}',
        b'{"message": NaN}',
        b'{"message": "hei", "session_id": "\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000'
        b'\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000"}',
    ],
    ids=["lone-surrogate", "trailing-surrogate", "huge", "duplicate-key", "deep-extra", "nan", "nul-session"],
)
def test_nasty_raw_chat_bodies_never_500(client, raw):
    response = client.post("/api/chat", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code in (200, 422), (response.status_code, response.text[:300])
    if response.status_code == 422:
        assert_finnish_detail(response, 422)
    else:
        session_id = response.json()["session_id"]
        assert client.get(f"/api/chat/{session_id}/history").status_code == 200


def test_nasty_raw_recommend_body_never_500(client):
    for path in ("/api/recommend/jobseeker", "/api/recommend/employer"):
        for raw in (b'{"municipality": "\\ud800"}', b"[]", b'"x"', b'{"age": 1e400}'):
            response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
            assert response.status_code in (200, 422), (path, raw, response.status_code, response.text[:200])


def test_wrong_content_type_is_422(client):
    response = client.post(
        "/api/chat", content=b"message=hei", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert_finnish_detail(response, 422)


def test_personal_data_is_masked_before_rasa_and_the_history(client, fake_rasa):
    response = chat(client, "olen Matti, hetu 131052-308T, puh. 040 123 4567, matti@example.fi")
    assert response.status_code == 200
    sent = fake_rasa.requests[-1]["message"]
    assert sent == "olen Matti, hetu [henkilötunnus], puh. [puhelinnumero], [sähköposti]"
    session_id = response.json()["session_id"]
    stored = [
        m["text"] for m in client.get(f"/api/chat/{session_id}/history").json()["messages"] if m["sender"] == "user"
    ]
    assert stored == [sent]


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        (
            "selkä on huono enkä pysty raskaisiin töihin",
            "(tuki- ja liikuntaelimet) on huono enkä pysty raskaisiin töihin",
        ),
        ("mulla on diabetes ja masennus", "mulla on (pitkäaikainen sairaus) ja (mieliala ja jaksaminen)"),
        ("olen sairauslomalla", "olen sairauslomalla"),  # a situation, not a health detail
        ("olin sairaanhoitaja ja psykologi", "olin sairaanhoitaja ja psykologi"),  # occupations
    ],
)
def test_health_details_reach_rasa_and_the_history_only_as_categories(client, fake_rasa, typed, sent):
    response = chat(client, typed)
    assert response.status_code == 200
    assert fake_rasa.requests[-1]["message"] == sent
    session_id = response.json()["session_id"]
    stored = [
        m["text"] for m in client.get(f"/api/chat/{session_id}/history").json()["messages"] if m["sender"] == "user"
    ]
    assert stored == [sent]


# -- abuse resistance (issue 6) ---------------------------------------------------------------
def test_chat_rate_limit_per_session_is_a_finnish_429(tmp_path, seeded_engine, fake_rasa, monkeypatch):
    monkeypatch.setenv("POLKUOPAS_CHAT_PER_MINUTE_SESSION", "3")
    settings = Settings(rasa_url=fake_rasa.url, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, seeded_engine)) as limited:
        session_id = chat(limited, "hei").json()["session_id"]
        assert chat(limited, "hei", session_id).status_code == 200
        assert chat(limited, "hei", session_id).status_code == 200
        refused = chat(limited, "hei", session_id)
        assert refused.status_code == 429
        assert refused.json()["detail"].startswith("Liian monta viestiä")
        assert int(refused.headers["Retry-After"]) >= 1
        # another conversation of the same client still works
        assert chat(limited, "hei").status_code == 200


def test_api_rate_limit_per_client(tmp_path, seeded_engine, fake_rasa, monkeypatch):
    monkeypatch.setenv("POLKUOPAS_API_PER_MINUTE_CLIENT", "5")
    settings = Settings(rasa_url=fake_rasa.url, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, seeded_engine)) as limited:
        codes = [limited.get("/api/services", params={"q": "työkokeilu"}).status_code for _ in range(7)]
        assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
        assert limited.get("/haku").status_code == 200  # pages are not limited


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    yield server
    server.stop()


def test_two_api_workers_share_the_chat_limit_in_redis(tmp_path, seeded_engine, fake_rasa, monkeypatch, redis_server):
    """The production profile: every API worker counts a conversation's messages in one Redis."""
    monkeypatch.setenv("POLKUOPAS_CHAT_PER_MINUTE_SESSION", "3")
    monkeypatch.setenv("POLKUOPAS_RATE_LIMIT_STORAGE", "async+" + redis_server.url)
    settings = Settings(rasa_url=fake_rasa.url, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, seeded_engine)) as one, TestClient(create_app(settings, seeded_engine)) as two:
        session_id = chat(one, "hei").json()["session_id"]
        assert chat(two, "hei", session_id).status_code == 200
        assert chat(one, "hei", session_id).status_code == 200
        refused = chat(two, "hei", session_id)  # the fourth message, on the other worker
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) >= 1
        assert chat(one, "hei").status_code == 200  # a new conversation still gets in


def test_two_api_workers_share_the_staff_login_limit_in_redis(
    tmp_path, fake_rasa, monkeypatch, redis_server, new_database_url
):
    """The production profile: login attempts for one username are counted together by every API
    worker (limits' moving window in Redis); the sixth in a minute is refused on either."""
    from catalogue.db import make_engine
    from catalogue.seed import seed
    from staff.accounts import create_account

    engine = make_engine(new_database_url("login_redis"))
    seed(engine)
    create_account(engine, "redis.login", "Oikea-salasana-2026", "kuopio")
    for name in ("POLKUOPAS_LOGINS_PER_MINUTE_CLIENT", "POLKUOPAS_LOGINS_PER_MINUTE_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POLKUOPAS_RATE_LIMIT_STORAGE", "async+" + redis_server.url)
    settings = Settings(rasa_url=fake_rasa.url, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, engine)) as one, TestClient(create_app(settings, engine)) as two:
        wrong = {"username": "redis.login", "password": "väärä-salasana-1"}
        codes = [(one if n % 2 else two).post("/kirjaudu", data=wrong).status_code for n in range(5)]
        assert codes == [401] * 5
        right = {"username": "redis.login", "password": "Oikea-salasana-2026"}
        assert one.post("/kirjaudu", data=right, follow_redirects=False).status_code == 429
        assert two.post("/kirjaudu", data=right, follow_redirects=False).status_code == 429
    engine.dispose()


def test_an_unreachable_limit_store_lets_requests_through(tmp_path, seeded_engine, fake_rasa, monkeypatch, caplog):
    """A broken counter must not stop the service: the request passes and the fault is logged."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("POLKUOPAS_RATE_LIMIT_STORAGE", f"async+redis://127.0.0.1:{port}/0")
    settings = Settings(rasa_url=fake_rasa.url, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, seeded_engine)) as client:
        assert chat(client, "hei").status_code == 200
        assert client.get("/api/services", params={"q": "työkokeilu"}).status_code == 200
    assert "the store failed" in caplog.text


def test_cors_only_for_configured_origins(tmp_path, seeded_engine, fake_rasa, monkeypatch):
    monkeypatch.setenv("POLKUOPAS_ALLOWED_ORIGINS", "https://www.tampere.fi")
    settings = Settings(rasa_url=fake_rasa.url, tracker_db_url=f"sqlite:///{tmp_path / 'tracker.db'}")
    with TestClient(create_app(settings, seeded_engine)) as cors:
        allowed = cors.options(
            "/api/chat", headers={"Origin": "https://www.tampere.fi", "Access-Control-Request-Method": "POST"}
        )
        assert allowed.headers.get("access-control-allow-origin") == "https://www.tampere.fi"
        other = cors.options(
            "/api/chat", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
        )
        assert "access-control-allow-origin" not in other.headers


def test_no_cors_by_default(client):
    response = client.options(
        "/api/chat", headers={"Origin": "https://www.tampere.fi", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    ("page_municipality", "metadata"),
    [
        ("Tampere", {"page_municipality": "Tampere"}),
        ("Tammerfors", {"page_municipality": "Tampere"}),
        ("Kuopiossa", {"page_municipality": "Kuopio"}),
        ("Atlantis", {}),
        ("<script>alert(1)</script>", {}),
        ("", {}),
    ],
)
def test_chat_passes_the_pages_municipality_to_rasa_only_when_it_is_real(
    client, fake_rasa, page_municipality, metadata
):
    response = client.post("/api/chat", json={"message": "hei", "municipality": page_municipality})
    assert response.status_code == 200
    assert fake_rasa.requests[-1]["metadata"] == {**metadata, "lang": "fi"}


@pytest.mark.parametrize(
    ("first", "lang", "expected"),
    [
        ("hei", None, "fi"),
        ("hej", "sv", "sv"),  # the page's data-lang
        ("Hej, jag är arbetslös och bor i Vasa. Vilka tjänster finns det?", None, "sv"),  # detected
        ("My contract in Espoo ended last month, where do I get help now?", "fi", "en"),  # beats the page
        ("hei", "de", "fi"),  # an unknown language is ignored
    ],
)
def test_the_conversations_language_goes_to_rasa_and_back(client, fake_rasa, first, lang, expected):
    response = client.post("/api/chat", json={"message": first, "lang": lang})
    assert response.status_code == 200
    assert response.json()["lang"] == expected
    assert fake_rasa.requests[-1]["metadata"]["lang"] == expected


def test_the_language_sticks_and_a_request_for_another_switches_it(client, fake_rasa):
    session = client.post("/api/chat", json={"message": "jag söker jobb i Esbo"}).json()["session_id"]
    assert fake_rasa.requests[-1]["metadata"]["lang"] == "sv"
    # a number and a button keep it
    for message in ("26", '/inform{"rating": 3}'):
        answer = client.post("/api/chat", json={"session_id": session, "message": message}).json()
        assert answer["lang"] == "sv"
    # a message that only asks for English reaches Rasa as the switch, and the history shows what was typed
    answer = client.post("/api/chat", json={"session_id": session, "message": "in English please"}).json()
    assert answer["lang"] == "en"
    assert fake_rasa.requests[-1]["message"] == '/switch_language{"language": "en"}'
    history = client.get(f"/api/chat/{session}/history").json()["messages"]
    assert "in English please" in [m["text"] for m in history if m["sender"] == "user"]


def test_errors_speak_the_clients_language(client):
    empty = client.post("/api/chat", json={"message": "   ", "lang": "sv"})
    assert (
        empty.status_code == 422
        and empty.json()["detail"] != client.post("/api/chat", json={"message": "   "}).json()["detail"]
    )
    too_long = client.post("/api/chat", json={"message": "x" * 1001}, headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert too_long.status_code == 422 and "message" in too_long.json()["detail"].lower()


def test_chat_rejects_an_overlong_page_municipality_in_finnish(client):
    response = client.post("/api/chat", json={"message": "hei", "municipality": "x" * 101})
    assert response.status_code == 422
    assert response.json()["detail"] == "Kenttä kunta on liian pitkä."


def test_vocabulary_endpoint_gives_every_code_with_its_label_from_the_message_catalogue(client):
    from messages import text
    from vocabulary import SITUATIONS, VOCABULARIES

    body = client.get("/api/vocabulary").json()
    assert body["lang"] == "fi"
    assert set(body["vocabularies"]) == set(VOCABULARIES)
    situations = body["vocabularies"]["situation"]
    assert [entry["code"] for entry in situations] == list(SITUATIONS)
    employed = next(entry for entry in situations if entry["code"] == "employed")
    assert employed["label"] == text("vocabulary.situation.employed") == "töissä"
    assert client.get("/api/vocabulary?lang=xx").json()["lang"] == "fi"


def test_static_files_are_revalidated_so_widget_modules_never_mix_versions(client):
    response = client.get("/static/widget/main.js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"
    assert "javascript" in response.headers["content-type"]
    etag = response.headers["etag"]
    assert client.get("/static/widget/main.js", headers={"If-None-Match": etag}).status_code == 304


def test_service_cards_in_the_asked_language(client):
    swedish = client.get("/api/services/palkkatuki", params={"lang": "sv"}).json()
    assert (swedish["title"], swedish["lang"]) == ("Lönesubvention", "sv")
    english = client.get("/api/services/palkkatuki", headers={"Accept-Language": "en-US,en;q=0.9"}).json()
    assert english["lang"] == "en" and english["title"] != "Palkkatuki"
    finnish = client.get("/api/services/palkkatuki").json()
    assert (finnish["title"], finnish["lang"]) == ("Palkkatuki", "fi")
    listed = client.get("/api/services", params={"lang": "en", "q": "palkkatuki"}).json()["items"]
    assert listed[0]["lang"] == "en"


def test_the_panels_language_switch_is_not_shown_in_the_history(client, fake_rasa):
    session = client.post("/api/chat", json={"message": "hei"}).json()["session_id"]
    switch = '/switch_language{"language": "sv"}'
    answer = client.post("/api/chat", json={"session_id": session, "message": switch, "lang": "sv"}).json()
    assert answer["lang"] == "sv"
    assert fake_rasa.requests[-1]["message"] == switch and fake_rasa.requests[-1]["metadata"]["lang"] == "sv"
    history = client.get(f"/api/chat/{session}/history").json()["messages"]
    assert [m["text"] for m in history if m["sender"] == "user"] == ["hei"]
