"""Helpers for the tests of the Rasa custom actions: trackers, a collecting dispatcher and what it collected."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

DOMAIN_PATH = Path(__file__).resolve().parents[1] / "domain.yml"


def load_domain() -> dict[str, Any]:
    return yaml.safe_load(DOMAIN_PATH.read_text(encoding="utf-8"))


def make_tracker(
    domain: dict[str, Any],
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    events: list[dict[str, Any]] | None = None,
    active_loop: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
) -> Tracker:
    all_slots: dict[str, Any] = dict.fromkeys(domain["slots"])
    all_slots["requested_slot"] = None
    all_slots.update(slots or {})
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99} if intent else {},
        "entities": entities or [],
        "metadata": metadata or {},
    }
    return Tracker(
        sender_id="test-sender",
        slots=all_slots,
        latest_message=latest_message,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )


def run_action(action, tracker: Tracker, domain: dict[str, Any]) -> tuple[list[dict[str, Any]], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return events, dispatcher


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


def run_form_validation(
    action,
    domain: dict[str, Any],
    slot: str,
    value: Any,
    *,
    text: str | None = None,
    intent: str = "inform",
    slots: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    metadata: dict[str, Any] | None = None,
) -> tuple[dict[str, Any], CollectingDispatcher]:
    """Runs a validate_<form> action the way Rasa does: the candidate is the last SlotSet after the user turn."""
    text = str(value) if text is None else text
    form_slots = {**(slots or {}), "requested_slot": slot, slot: value}
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "entities": entities or []}},
        {"event": "slot", "name": slot, "value": value},
    ]
    tracker = make_tracker(
        domain, text, intent, entities, form_slots, events, active_loop={"name": action.form_name()}, metadata=metadata
    )
    events, dispatcher = run_action(action, tracker, domain)
    return slot_events(events), dispatcher


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [m["response"] for m in dispatcher.messages if m.get("response")]


def card_messages(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """Messages sent as json_message: they arrive in the REST channel as `custom`."""
    return [m["custom"] for m in dispatcher.messages if m.get("custom")]


def card_ids(dispatcher: CollectingDispatcher) -> list[str]:
    return [card["id"] for custom in card_messages(dispatcher) for card in custom.get("cards", [])]


def all_text(dispatcher: CollectingDispatcher) -> str:
    parts = []
    for message in dispatcher.messages:
        parts.append(message.get("text") or "")
        parts.append((message.get("custom") or {}).get("text") or "")
    return "\n".join(parts)


def assert_known_responses(dispatcher: CollectingDispatcher, domain: dict[str, Any]) -> None:
    for name in responses(dispatcher):
        assert name in domain["responses"], name
