"""The Polkuopas FastAPI app: chat gateway, catalogue and recommendation APIs, the chat page."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from api.conversations import TrackerStore
from api.errors import install_error_handlers
from api.protection import install_protection
from api.rasa_client import RasaClient
from api.routers import catalogue as catalogue_router
from api.routers import chat, health, recommend, summary
from api.settings import Settings, get_settings
from catalogue.db import get_engine
from catalogue.repository import get_catalogue
from catalogue.seed import seed

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'"
    ),
}


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.engine = engine or get_engine()
        seed(app.state.engine, if_needed=True)
        get_catalogue(app.state.engine, refresh=True)
        app.state.rasa = RasaClient(settings.rasa_url, settings.rasa_timeout_seconds)
        app.state.tracker_store = TrackerStore(settings.tracker_db_url)
        app.state.settings = settings
        yield
        await app.state.rasa.close()

    app = FastAPI(
        title="Polkuopas API",
        description="Työllisyyspalvelujen opas: chat, palveluhaku ja suositukset.",
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handlers(app, SECURITY_HEADERS)
    install_protection(app, settings)
    app.include_router(chat.router)
    app.include_router(catalogue_router.router)
    app.include_router(recommend.router)
    app.include_router(health.router)
    app.include_router(summary.router)
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
        csp = SECURITY_HEADERS["Content-Security-Policy"].replace("style-src 'self'", f"style-src 'self' {hashes}".rstrip())
        return Response(html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": csp})

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


app = create_app()
