"""Abuse resistance at the public door: rate limits and CORS.

Rate limits are sliding windows of 60 seconds counted by the `limits` library: the count of the
current minute plus the previous minute's count weighted by how much of it is still inside the last
60 seconds, at most N (https://limits.readthedocs.io/en/stable/strategies.html). The library's
exact moving window keeps every event and, in this process's memory, re-checks every key's events
in a thread after each hit: 17 % of the API's time under load (docs/performance.md). Staff
login attempts are rare and must never pass their limit, so they use the exact moving window. They are
counted in a store named by POLKUOPAS_RATE_LIMIT_STORAGE: this process's memory by default
(`async+memory://`, the embedded profile), or Redis (`async+redis://host:6379/0`) so that every
API worker and every instance counts together (the production profile). The limits are per client
address for every /api/ request, and per client and per session for chat messages. If the store
cannot be reached, a request is let through and the fault is logged: a broken counter must not
stop the service. CORS is off unless POLKUOPAS_ALLOWED_ORIGINS names the municipality sites that
embed the widget.
"""

from __future__ import annotations

import logging
import math
import time

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from limits import RateLimitItem, RateLimitItemPerHour, RateLimitItemPerMinute
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter, SlidingWindowCounterRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Receive, Scope, Send

from api.settings import Settings
from messages import text

log = logging.getLogger(__name__)


class RateLimit:
    """At most `per_minute` events per key in a sliding minute (or per `item`), counted in `storage`."""

    def __init__(
        self, storage: Storage, name: str, per_minute: int, item: RateLimitItem | None = None, *, exact: bool = False
    ):
        self.name = name
        self.item = item or RateLimitItemPerMinute(per_minute)
        # the sliding window counter is cheap but approximate near a window's edge; a rare event
        # that must never pass its limit (a login) is counted in the exact moving window
        strategy = MovingWindowRateLimiter if exact else SlidingWindowCounterRateLimiter
        self._strategy = strategy(storage)

    async def retry_after(self, key: str) -> int | None:
        """None when the event is allowed (and counted); else whole seconds to wait."""
        try:
            if await self._strategy.hit(self.item, self.name, key):
                return None
            stats = await self._strategy.get_window_stats(self.item, self.name, key)
        except (StorageError, OSError) as fault:
            log.warning(
                "rate limit %s: the store failed (%s); the request is let through", self.name, type(fault).__name__
            )
            return None
        return max(1, math.ceil(stats.reset_time - time.time()))


def limit_storage(uri: str) -> Storage:
    """The limits' store from its URI (`async+memory://`, `async+redis://...`)."""
    storage = storage_from_string(uri, wrap_exceptions=True)
    if not isinstance(storage, Storage):
        raise ValueError(
            f"POLKUOPAS_RATE_LIMIT_STORAGE must be an async store (async+memory://, async+redis://): {uri}"
        )
    return storage


def client_key(request: Request, trust_proxy: bool) -> str:
    """The client's address; behind a trusted reverse proxy, the first X-Forwarded-For address."""
    if trust_proxy:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.client.host if request.client else "unknown"


def too_many(retry_after: int) -> HTTPException:
    return HTTPException(status_code=429, detail=text("api.too_many"), headers={"Retry-After": str(retry_after)})


async def check_client_chat_limit(request: Request) -> None:
    """Raises 429 when this client sends chat messages too fast."""
    limits: ChatLimits = request.app.state.chat_limits
    wait = await limits.per_client.retry_after(client_key(request, request.app.state.settings.trust_proxy))
    if wait is not None:
        raise too_many(wait)


async def check_session_chat_limit(request: Request, session_id: str) -> None:
    """Raises 429 when one conversation sends messages too fast (a new one counts too)."""
    limits: ChatLimits = request.app.state.chat_limits
    wait = await limits.per_session.retry_after(session_id[:64])
    if wait is not None:
        raise too_many(wait)


class ChatLimits:
    def __init__(self, storage: Storage, per_client: int, per_session: int):
        self.per_client = RateLimit(storage, "chat-client", per_client)
        self.per_session = RateLimit(storage, "chat-session", per_session)


class LoginLimits:
    """Staff login attempts: per client address, and per username both a minute's and an hour's
    worth, so that guessing one account's password stays slow from any number of addresses."""

    def __init__(self, storage: Storage, per_client_minute: int, per_user_minute: int, per_user_hour: int):
        self.per_client = RateLimit(storage, "login-client", per_client_minute, exact=True)
        self.per_user = RateLimit(storage, "login-user", per_user_minute, exact=True)
        self.per_user_hour = RateLimit(storage, "login-user-hour", 0, RateLimitItemPerHour(per_user_hour), exact=True)

    async def retry_after(self, client: str, username: str) -> int | None:
        """None when this attempt may go on (it is counted); else whole seconds to wait."""
        waits = [
            await self.per_client.retry_after(client),
            await self.per_user.retry_after(username),
            await self.per_user_hour.retry_after(username),
        ]
        refused = [wait for wait in waits if wait is not None]
        return max(refused) if refused else None


class ApiRateLimit:
    """429 when a client sends /api/ requests too fast. A pure ASGI middleware: Starlette's
    BaseHTTPMiddleware (`@app.middleware("http")`) costs a task group and a stream per request."""

    def __init__(self, app: ASGIApp, limit: RateLimit, trust_proxy: bool) -> None:
        self.app = app
        self.limit = limit
        self.trust_proxy = trust_proxy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/") and scope["method"] != "OPTIONS":
            wait = await self.limit.retry_after(client_key(Request(scope), self.trust_proxy))
            if wait is not None:
                refusal = JSONResponse(
                    status_code=429, content={"detail": text("api.too_many")}, headers={"Retry-After": str(wait)}
                )
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install_protection(app: FastAPI, settings: Settings) -> None:
    storage = limit_storage(settings.rate_limit_storage)
    app.state.chat_limits = ChatLimits(
        storage, settings.chat_messages_per_minute_per_client, settings.chat_messages_per_minute_per_session
    )

    app.state.login_limits = LoginLimits(
        storage,
        settings.logins_per_minute_per_client,
        settings.logins_per_minute_per_user,
        settings.logins_per_hour_per_user,
    )

    app.add_middleware(
        ApiRateLimit,
        limit=RateLimit(storage, "api-client", settings.api_requests_per_minute_per_client),
        trust_proxy=settings.trust_proxy,
    )

    if settings.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.allowed_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type"],
            max_age=600,
        )
