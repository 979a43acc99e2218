"""Talks to Rasa's REST channel on loopback and turns its replies into Messages (docs/api.md)."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
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


# A connection that broke under the request: the Rasa at its end was killed or restarted
DROPPED_CONNECTION = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)


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
    """One or several Rasa servers that share a tracker store and a lock store (the production
    profile). A conversation goes to the same Rasa each time, chosen by a stable hash of its id;
    when that Rasa cannot be reached (killed, restarting), the message goes to the next one, which
    reads the same conversation from the shared tracker store. The i-th Rasa calls the i-th
    action server (or all call one)."""

    def __init__(
        self,
        base_urls: str | Sequence[str],
        timeout: float = 30.0,
        actions_urls: str | Sequence[str] | None = None,
    ):
        urls = [base_urls] if isinstance(base_urls, str) else list(base_urls)
        if not urls:
            raise ValueError("RasaClient needs at least one Rasa URL")
        self.base_urls = [url.rstrip("/") for url in urls]
        actions = [actions_urls] if isinstance(actions_urls, str) else list(actions_urls or [])
        if actions and len(actions) not in (1, len(urls)):
            raise ValueError("one action server, or one for each Rasa server")
        # Rasa answers 200 with no messages when the action server cannot be reached (it logs the
        # failed action and waits for the next message); an empty reply is then checked against
        # the action server's health
        self.actions_urls = [url.rstrip("/") for url in actions]
        self.timeout = timeout
        self._client = httpx.AsyncClient(timeout=timeout)

    @property
    def base_url(self) -> str:
        return self.base_urls[0]

    def order(self, sender_id: str) -> list[int]:
        """The Rasa servers to try for a conversation, its own first (the same in every API worker)."""
        count = len(self.base_urls)
        first = int.from_bytes(hashlib.blake2b(sender_id.encode("utf-8"), digest_size=8).digest(), "big") % count
        return [(first + step) % count for step in range(count)]

    def _actions_health(self, index: int) -> str | None:
        if not self.actions_urls:
            return None
        return f"{self.actions_urls[index if len(self.actions_urls) > 1 else 0]}/health"

    async def send(self, sender_id: str, message: str, metadata: dict[str, Any] | None = None) -> BotReply:
        body = {"sender": sender_id, "message": message, "metadata": metadata or {}}
        for index in self.order(sender_id):
            url = f"{self.base_urls[index]}/webhooks/rest/webhook"
            try:
                try:
                    response = await self._client.post(url, json=body)
                except DROPPED_CONNECTION:
                    # a kept-alive connection to a Rasa that was restarted: once more on a new one
                    response = await self._client.post(url, json=body)
            except (httpx.ConnectError, httpx.ConnectTimeout, *DROPPED_CONNECTION):
                continue  # this Rasa is down or starting: try the next, which shares the conversation
            except httpx.HTTPError as error:  # a timeout: this Rasa may still be answering, no retry
                raise RasaUnavailable(type(error).__name__) from None
            return await self._reply(response, index)
        raise RasaUnavailable("no Rasa server answered")

    async def _reply(self, response: httpx.Response, index: int) -> BotReply:
        try:
            response.raise_for_status()
            output = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from None
        if not isinstance(output, list):
            raise RasaUnavailable("unexpected reply")
        health = self._actions_health(index)
        if not output and health and not await self.is_up(health):
            raise RasaUnavailable("the action server is down")
        return to_messages(output)

    async def all_up(self) -> bool:
        """Does every Rasa server answer?"""
        answers = await asyncio.gather(*(self.is_up(f"{url}/") for url in self.base_urls))
        return all(answers)

    async def all_actions_up(self) -> bool:
        """Does every action server answer?"""
        answers = await asyncio.gather(*(self.is_up(f"{url}/health") for url in self.actions_urls))
        return all(answers)

    async def is_up(self, url: str | None = None) -> bool:
        try:
            response = await self._client.get(url or f"{self.base_url}/", timeout=3.0)
            return response.status_code == 200
        except httpx.HTTPError:
            return False

    async def close(self) -> None:
        await self._client.aclose()
