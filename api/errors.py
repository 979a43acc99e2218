"""Finnish error responses: no stack traces and no 500s reach the user."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from messages import text, text_or

logger = logging.getLogger("polkuopas.api")


def _field_name(name: str) -> str:
    """A request field's Finnish name ("message" → "viesti"); an unknown one as it is."""
    return text_or(f"api.errors.fields.{name}", name)


def _validation_message(exc: RequestValidationError) -> str:
    for error in exc.errors():
        # the field's name, not a list item's index ("skills", not "0")
        location = [
            str(part)
            for part in error.get("loc", ())
            if part not in ("body", "query", "path") and not isinstance(part, int)
        ]
        field = _field_name(location[-1]) if location else text("api.errors.fields.request")
        kind = error.get("type", "")
        if kind == "json_invalid" or (not location and "json" in kind):
            return text("api.errors.invalid_json")
        if kind == "missing":
            return text("api.errors.field_missing", field=field)
        if kind in ("string_too_short",):
            return text("api.errors.field_empty", field=field)
        if kind in ("string_too_long",):
            return text("api.errors.field_too_long", field=field)
        if kind.startswith(("less_than", "greater_than")):
            return text("api.errors.field_out_of_range", field=field)
        if kind in ("literal_error", "enum"):
            return text("api.errors.field_not_allowed", field=field)
        return text("api.errors.field_invalid", field=field)
    return text("api.errors.invalid_request")


def install_error_handlers(app: FastAPI, security_headers: dict[str, str]) -> None:
    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _validation_message(exc)})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 404 and detail == "Not Found":
            detail = text("api.errors.page_not_found")
        elif exc.status_code == 405:
            detail = text("api.errors.method_not_allowed")
        return JSONResponse(
            status_code=exc.status_code, content={"detail": detail}, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        # Log the type and path only: messages may contain personal data.
        logger.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
        return JSONResponse(
            status_code=503,
            content={"detail": text("api.errors.unexpected")},
            headers=security_headers,
        )
