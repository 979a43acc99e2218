"""The language of a request's own words (errors, pages): `?lang=`, else the browser's
Accept-Language (RFC 9110 §12.5.4), else Finnish. A pure ASGI middleware, so the choice holds
for the route, the exception handlers and the threads sync routes run in."""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.types import ASGIApp, Receive, Scope, Send

from messages import DEFAULT_LANGUAGE, speaking, supported


def accepted_languages(header: str) -> list[str]:
    """The languages of an Accept-Language header, most wanted first ('sv-FI,en;q=0.8' → sv, en)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(ranked)]


def request_language(query_string: bytes, accept_language: str | None) -> str:
    asked = parse_qs(query_string.decode("latin-1")).get("lang", [])
    for candidate in [*asked[:1], *accepted_languages(accept_language or "")]:
        found = supported(candidate)
        if found:
            return found
    return DEFAULT_LANGUAGE


class RequestLanguage:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        accept = headers.get(b"accept-language", b"").decode("latin-1")[:500]
        with speaking(request_language(scope.get("query_string", b""), accept)):
            await self.app(scope, receive, send)
