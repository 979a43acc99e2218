"""Abuse resistance at the public door: rate limits and CORS.

Rate limits are sliding windows kept in this process's memory: per client address for
every /api/ request, and per client and per session for chat messages. Run one API
process per instance (or a shared limiter in front) for the limits to be exact. CORS is
off unless POLKUOPAS_ALLOWED_ORIGINS names the municipality sites that embed the widget.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response

from api.settings import Settings
from messages import text

WINDOW_SECONDS = 60.0
MAX_TRACKED_KEYS = 100_000


class SlidingWindowLimiter:
    """At most `limit` events per key in any `window` seconds."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS):
        self.limit = limit
        self.window = window
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def retry_after(self, key: str, now: float | None = None) -> int | None:
        """None when the event is allowed (and counted); else seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._events) > MAX_TRACKED_KEYS:
                self._forget_idle(now)
            events = self._events[key]
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return max(1, int(events[0] + self.window - now) + 1)
            events.append(now)
            return None

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, events in self._events.items() if not events or events[-1] <= now - self.window]:
            del self._events[key]


def client_key(request: Request, trust_proxy: bool) -> str:
    """The client's address; behind a trusted reverse proxy, the first X-Forwarded-For address."""
    if trust_proxy:
        forwarded = request.headers.get("x-forwarded-for", "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.client.host if request.client else "unknown"


def too_many(retry_after: int) -> HTTPException:
    return HTTPException(status_code=429, detail=text("api.too_many"), headers={"Retry-After": str(retry_after)})


def check_client_chat_limit(request: Request) -> None:
    """Raises 429 when this client sends chat messages too fast."""
    limits: ChatLimits = request.app.state.chat_limits
    wait = limits.per_client.retry_after(client_key(request, request.app.state.settings.trust_proxy))
    if wait is not None:
        raise too_many(wait)


def check_session_chat_limit(request: Request, session_id: str) -> None:
    """Raises 429 when one conversation sends messages too fast (a new one counts too)."""
    limits: ChatLimits = request.app.state.chat_limits
    wait = limits.per_session.retry_after(session_id[:64])
    if wait is not None:
        raise too_many(wait)


class ChatLimits:
    def __init__(self, per_client: int, per_session: int):
        self.per_client = SlidingWindowLimiter(per_client)
        self.per_session = SlidingWindowLimiter(per_session)


def install_protection(app: FastAPI, settings: Settings) -> None:
    app.state.chat_limits = ChatLimits(
        settings.chat_messages_per_minute_per_client, settings.chat_messages_per_minute_per_session
    )
    api_limiter = SlidingWindowLimiter(settings.api_requests_per_minute_per_client)

    @app.middleware("http")
    async def api_rate_limit(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.url.path.startswith("/api/") and request.method != "OPTIONS":
            wait = api_limiter.retry_after(client_key(request, settings.trust_proxy))
            if wait is not None:
                return JSONResponse(
                    status_code=429, content={"detail": text("api.too_many")}, headers={"Retry-After": str(wait)}
                )
        return await call_next(request)

    if settings.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.allowed_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type"],
            max_age=600,
        )
