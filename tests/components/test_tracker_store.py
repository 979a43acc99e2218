"""The tracker store that keeps conversations in progress (bot/rasa_runtime/polkuopas_tracker_store.py).

Against Rasa's own SQLTrackerStore on real SQLite files: whatever the caching store returns and
writes must be what Rasa's store would have returned and written.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from polkuopas_tracker_store import CachingSQLTrackerStore
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.core.utils import read_endpoints_from_path
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def session_start() -> list[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def turn(number: int) -> list[Event]:
    parse = {"intent": {"name": "inform", "confidence": 0.9}, "entities": [], "text": f"viesti {number}"}
    return [
        UserUttered(f"viesti {number}", parse["intent"], [], parse),
        ActionExecuted("jobseeker_form"),
        SlotSet("municipality", "Oulu"),
        BotUttered(f"vastaus {number}", {"buttons": [{"title": "Kyllä", "payload": "/affirm"}]}),
        ActionExecuted("action_listen"),
    ]


def run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


def stored(store: SQLTrackerStore, sender_id: str) -> list[dict]:
    tracker = run(
        SQLTrackerStore(domain=store.domain, dialect="sqlite", db=store.engine.url.database).retrieve(sender_id)
    )
    return [] if tracker is None else [event.as_dict() for event in tracker.events]


def rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT sender_id, type_name, timestamp, intent_name, action_name, data FROM events ORDER BY id"
        ).fetchall()


def converse(store: SQLTrackerStore, sender_id: str, turns: list[list[Event]]) -> DialogueStateTracker:
    """Turns as Rasa's processor takes them: retrieve (or create), add the turn's events, save."""
    tracker = None
    for events in turns:
        tracker = run(store.get_or_create_tracker(sender_id, append_action_listen=False))
        for event in events:
            tracker.update(event)
        run(store.save(tracker))
    assert tracker is not None
    return tracker


def test_endpoints_yml_loads_the_caching_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, domain: Domain) -> None:
    """A wrong module path would make Rasa fall back to keeping conversations in memory only."""
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    monkeypatch.setenv("RASA_TRACKER_DB", str(tmp_path / "tracker.db"))
    endpoints = read_endpoints_from_path(str(ROOT / "endpoints.yml"))
    store = create_tracker_store(endpoints.tracker_store, domain)
    assert isinstance(store, CachingSQLTrackerStore)
    assert store.engine.url.database == str(tmp_path / "tracker.db")


def test_it_writes_the_rows_rasas_store_writes(tmp_path: Path, domain: Domain) -> None:
    turns = [session_start() + turn(0)] + [turn(number) for number in range(1, 6)]
    ours = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "ours.db"))
    rasas = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "rasas.db"))
    converse(ours, "a", turns)
    converse(rasas, "a", turns)
    assert rows(tmp_path / "ours.db") == rows(tmp_path / "rasas.db")
    assert len(rows(tmp_path / "ours.db")) == 3 + 6 * 5
    assert stored(ours, "a") == [event.as_dict() for event in run(ours.retrieve("a")).events]


def test_a_conversation_in_progress_is_kept_between_turns(tmp_path: Path, domain: Domain) -> None:
    store = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    converse(store, "a", [session_start() + turn(0), turn(1)])
    first = run(store.retrieve("a"))
    assert run(store.retrieve("a")) is first


def test_a_turn_taken_by_another_process_is_read_from_the_database(tmp_path: Path, domain: Domain) -> None:
    """Two Rasa processes share one database (the production profile)."""
    one = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    other = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    converse(one, "a", [session_start() + turn(0), turn(1)])
    converse(other, "a", [turn(2)])
    tracker = converse(one, "a", [turn(3)])
    assert [event.as_dict() for event in tracker.events] == stored(one, "a")
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == [f"viesti {n}" for n in range(4)]


def test_a_deleted_conversation_is_gone(tmp_path: Path, domain: Domain) -> None:
    """The API deletes a conversation's rows on request and after the retention period."""
    store = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    converse(store, "a", [session_start() + turn(0), turn(1)])
    with sqlite3.connect(tmp_path / "t.db") as connection:
        connection.execute("DELETE FROM events WHERE sender_id = 'a'")
    assert run(store.retrieve("a")) is None


def test_events_of_a_turn_that_failed_midway_are_not_returned(tmp_path: Path, domain: Domain) -> None:
    store = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    converse(store, "a", [session_start() + turn(0), turn(1)])
    tracker = run(store.retrieve("a"))
    tracker.update(turn(2)[0])  # the action server was down: nothing saved
    again = run(store.retrieve("a"))
    assert [event.as_dict() for event in again.events] == stored(store, "a")
    assert len(again.events) == len(tracker.events) - 1


def test_a_new_session_returns_only_the_new_session(tmp_path: Path, domain: Domain) -> None:
    store = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    converse(store, "a", [session_start() + turn(0), turn(1), session_start() + turn(2), turn(3)])
    tracker = run(store.retrieve("a"))
    assert [event.as_dict() for event in tracker.events] == stored(store, "a")
    assert not any(isinstance(event, SessionStarted) for event in list(tracker.events)[2:])
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["viesti 2", "viesti 3"]


def test_only_cache_size_conversations_are_kept(tmp_path: Path, domain: Domain) -> None:
    store = CachingSQLTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "t.db"), cache_size=2)
    for sender_id in ("a", "b", "c"):
        converse(store, sender_id, [session_start() + turn(0), turn(1)])
    kept_b, kept_c = run(store.retrieve("b")), run(store.retrieve("c"))
    first_a = run(store.retrieve("a"))  # read again: "a" was the least recently used
    assert run(store.retrieve("a")) is first_a
    assert run(store.retrieve("c")) is kept_c
    assert run(store.retrieve("b")) is not kept_b  # now "b" was
    assert [event.as_dict() for event in first_a.events] == stored(store, "a")
