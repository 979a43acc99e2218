"""Talks to Rasa's REST channel on loopback and turns its replies into Messages (docs/api.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from pydantic import ValidationError

from api.schemas import ServiceCard
from conversations.chat import BackendUnavailable

DELETE_CONVERSATION_KEY = "delete_conversation"
# The bot's question whose answer may only be kept as a category (see understanding/sensitive.py)
EXPECTS_KEY = "expects"
SENSITIVE_EXPECTATIONS = ("health",)
SUMMARY_TOKEN_KEY = "summary_token"


class RasaUnavailable(BackendUnavailable):
    """Rasa did not answer (down, starting or timed out)."""


@dataclass
class BotReply:
    messages: list[dict[str, Any]] = field(default_factory=list)
    delete_conversation: bool = False
    expects: str | None = None
    summary_token: str | None = None


def to_messages(rasa_output: list[dict[str, Any]]) -> BotReply:
    """Rasa REST output ({text, buttons, custom, image}) to Messages ({text, buttons, cards})."""
    reply = BotReply()
    for item in rasa_output:
        custom = item.get("custom") or {}
        if custom.get(DELETE_CONVERSATION_KEY):
            reply.delete_conversation = True
        if custom.get(EXPECTS_KEY) in SENSITIVE_EXPECTATIONS:
            reply.expects = custom[EXPECTS_KEY]
        token = custom.get(SUMMARY_TOKEN_KEY)
        if isinstance(token, str) and 20 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum():
            reply.summary_token = token
        text = item.get("text")
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in item.get("buttons") or []
            if b.get("payload")
        ]
        cards = [card for card in custom.get("cards") or [] if _is_valid_card(card)]
        if custom.get("text") and not text:
            text = custom["text"]
        if custom.get("buttons"):
            buttons += [
                {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))} for b in custom["buttons"]
            ]
        if text or buttons or cards:
            reply.messages.append({"text": text, "buttons": buttons, "cards": cards})
    return reply


def _is_valid_card(card: Any) -> bool:
    """Only complete ServiceCards reach the client; a broken one is dropped, not fatal."""
    if not isinstance(card, dict):
        return False
    try:
        ServiceCard.model_validate(card)
    except ValidationError:
        return False
    return True


class RasaClient:
    def __init__(self, base_url: str, timeout: float = 30.0, actions_health_url: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Rasa answers 200 with no messages when the action server cannot be reached (it logs the
        # failed action and waits for the next message); an empty reply is then checked against
        # the action server's health
        self.actions_health_url = actions_health_url
        self._client = httpx.AsyncClient(timeout=timeout)

    async def send(self, sender_id: str, message: str, metadata: dict[str, Any] | None = None) -> BotReply:
        try:
            response = await self._client.post(
                f"{self.base_url}/webhooks/rest/webhook",
                json={"sender": sender_id, "message": message, "metadata": metadata or {}},
            )
            response.raise_for_status()
            output = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from None
        if not isinstance(output, list):
            raise RasaUnavailable("unexpected reply")
        if not output and self.actions_health_url and not await self.is_up(self.actions_health_url):
            raise RasaUnavailable("the action server is down")
        return to_messages(output)

    async def is_up(self, url: str | None = None) -> bool:
        try:
            response = await self._client.get(url or f"{self.base_url}/", timeout=3.0)
            return response.status_code == 200
        except httpx.HTTPError:
            return False

    async def close(self) -> None:
        await self._client.aclose()
