"""Finnish error responses: no stack traces and no 500s reach the user."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("polkuopas.api")

FIELD_NAMES_FI = {
    "message": "viesti",
    "session_id": "istunnon tunnus",
    "q": "hakusana",
    "limit": "tulosten määrä",
    "offset": "aloituskohta",
    "audience": "kohderyhmä",
    "municipality": "kunta",
    "skills": "taidot",
    "occupation_groups": "ammattiryhmät",
}


def _validation_message(exc: RequestValidationError) -> str:
    for error in exc.errors():
        # the field's name, not a list item's index ("skills", not "0")
        location = [
            str(part)
            for part in error.get("loc", ())
            if part not in ("body", "query", "path") and not isinstance(part, int)
        ]
        field = FIELD_NAMES_FI.get(location[-1], location[-1]) if location else "pyyntö"
        kind = error.get("type", "")
        if kind == "json_invalid" or (not location and "json" in kind):
            return "Pyyntö ei ole kelvollista JSONia."
        if kind == "missing":
            return f"Kenttä puuttuu: {field}."
        if kind in ("string_too_short",):
            return f"Kenttä {field} on tyhjä."
        if kind in ("string_too_long",):
            return f"Kenttä {field} on liian pitkä."
        if kind.startswith(("less_than", "greater_than")):
            return f"Kentän {field} arvo on sallitun välin ulkopuolella."
        if kind in ("literal_error", "enum"):
            return f"Kentän {field} arvo ei ole sallittu."
        return f"Kentän {field} arvo ei kelpaa."
    return "Pyyntö ei kelpaa."


def install_error_handlers(app: FastAPI, security_headers: dict[str, str]) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _validation_message(exc)})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = "Sivua ei löytynyt."
        elif exc.status_code == 405:
            detail = "Tätä toimintoa ei voi käyttää tässä osoitteessa."
        return JSONResponse(
            status_code=exc.status_code, content={"detail": detail}, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        # Log the type and path only: messages may contain personal data.
        logger.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return JSONResponse(
            status_code=503,
            content={"detail": "Palvelussa on tilapäinen häiriö. Yritä hetken päästä uudelleen."},
            headers=security_headers,
        )
