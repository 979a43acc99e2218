"""The Polkuopas FastAPI app: chat gateway, catalogue and recommendation APIs, the chat page."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import install_error_handlers
from api.language import RequestLanguage
from api.protection import install_protection
from api.rasa_client import RasaClient
from api.routers import admin, chat, health, recommend, staff, stats, summary, ui, vocabulary
from api.routers import catalogue as catalogue_router
from api.settings import Settings, get_settings
from catalogue.db import get_engine
from catalogue.repository import get_catalogue
from catalogue.seed import seed
from conversations.retention import purge
from conversations.store import TrackerStore
from insights.retention import fold as fold_events
from messages import text

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
logger = logging.getLogger("polkuopas.api")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'"
    ),
}


async def purge_periodically(app: FastAPI, interval_seconds: float) -> None:
    """Deletes conversations older than the retention period at start and then every interval,
    so what the privacy notice promises happens even without a cron job; folds old usage events
    into daily counts."""
    settings: Settings = app.state.settings
    while True:
        try:
            counts = await asyncio.to_thread(
                purge,
                app.state.engine,
                older_than_days=settings.retention_days,
                tracker_engine=app.state.tracker_store.engine,
            )
            logger.info("retention: deleted %d rows older than %d days", sum(counts.values()), settings.retention_days)
            folded = await asyncio.to_thread(
                fold_events, app.state.engine, older_than_days=settings.stats_retention_days
            )
            logger.info("retention: folded %d usage events into daily counts", folded)
        except Exception as error:  # a failed purge is retried next time; the API keeps serving
            logger.warning("retention purge failed: %s", type(error).__name__)
        await asyncio.sleep(interval_seconds)


class SecurityHeaders:
    """SECURITY_HEADERS on every response that has not set its own. A pure ASGI middleware: Starlette's
    BaseHTTPMiddleware (`@app.middleware("http")`) costs a task group and a stream per request."""

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers.setdefault(name, value)
                if static:
                    # revalidated on every load (cheap: ETag, 304): after a deploy no browser mixes a
                    # cached old widget module with a new one
                    headers.setdefault("Cache-Control", "no-cache")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = engine or get_engine()
        seed(app.state.engine, if_needed=True)
        get_catalogue(app.state.engine, refresh=True)
        app.state.rasa = RasaClient(
            settings.rasa_servers, settings.rasa_timeout_seconds, actions_urls=settings.action_servers
        )
        app.state.tracker_store = TrackerStore(settings.tracker_db_url)
        app.state.settings = settings
        purging = None
        if settings.purge_interval_minutes > 0:
            purging = asyncio.create_task(purge_periodically(app, settings.purge_interval_minutes * 60))
        yield
        if purging is not None:
            purging.cancel()
        await app.state.rasa.close()

    app = FastAPI(
        title="Polkuopas API",
        description=text("api.description"),
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handlers(app, SECURITY_HEADERS)
    install_protection(app, settings)
    app.add_middleware(RequestLanguage)
    app.add_middleware(SecurityHeaders, headers=SECURITY_HEADERS)
    app.include_router(chat.router)
    app.include_router(catalogue_router.router)
    app.include_router(recommend.router)
    app.include_router(health.router)
    app.include_router(summary.router)
    app.include_router(vocabulary.router)
    app.include_router(ui.router)
    app.include_router(staff.router)
    app.include_router(stats.router)
    app.include_router(admin.router)
    app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")

    @app.get("/", include_in_schema=False)
    def chat_page() -> FileResponse:
        return FileResponse(settings.static_dir / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/haku", include_in_schema=False)
    def lookup_page() -> FileResponse:
        return FileResponse(settings.static_dir / "haku.html", media_type="text/html; charset=utf-8")

    @app.get("/demo", include_in_schema=False)
    def widget_demo_page() -> Response:
        """A pretend municipality site that embeds the chat widget with its one line.

        The host site's own (inline) stylesheet is allowed by its hash, nothing else inline.
        """
        html = (settings.static_dir / "demo-kunta.html").read_text(encoding="utf-8")
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii") + "'"
            for block in re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
        )
        csp = SECURITY_HEADERS["Content-Security-Policy"].replace(
            "style-src 'self'", f"style-src 'self' {hashes}".rstrip()
        )
        return Response(html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": csp})

    return app


app = create_app()
