"""The staff's login and logout (`/kirjaudu`): an HTML form, a session cookie (HttpOnly, Secure,
SameSite=Strict) and rate-limited attempts. Accounts are made with `polkuopas staff create`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from api.deps import STAFF_COOKIE
from api.pages import PRIVATE_HEADERS, page_templates
from api.protection import LoginLimits, client_key
from messages import current_language
from staff.accounts import SESSION_HOURS, log_in, log_out, normal_username

router = APIRouter(include_in_schema=False)
templates = page_templates("stats")
DEFAULT_NEXT = "/tilastot"


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path of this site only (never //host or a full URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return DEFAULT_NEXT
    return target[:500]


def login_page(
    status_code: int = 200, *, next_url: str = DEFAULT_NEXT, error: str | None = None, **params: Any
) -> HTMLResponse:
    html = templates.get_template("login.html").render(
        lang=current_language(), next_url=safe_next(next_url), error=error, **params
    )
    return HTMLResponse(html, status_code=status_code, headers=PRIVATE_HEADERS)


@router.get("/kirjaudu", response_class=HTMLResponse)
def login_form(next: str = DEFAULT_NEXT) -> HTMLResponse:
    return login_page(next_url=next)


@router.post("/kirjaudu", response_class=HTMLResponse)
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=1000)] = DEFAULT_NEXT,
) -> Response:
    limits: LoginLimits = request.app.state.login_limits
    wait = await limits.retry_after(
        client_key(request, request.app.state.settings.trust_proxy), normal_username(username)[:64]
    )
    if wait is not None:
        refusal = login_page(429, next_url=next, error="too_many", seconds=wait)
        refusal.headers["Retry-After"] = str(wait)
        return refusal
    token = await _log_in(request, username, password)
    if token is None:
        return login_page(401, next_url=next, error="failed")
    response = RedirectResponse(safe_next(next), status_code=303, headers=PRIVATE_HEADERS)
    response.set_cookie(
        STAFF_COOKIE,
        token,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        secure=request.app.state.settings.staff_cookie_secure,
        samesite="strict",
        path="/",
    )
    return response


async def _log_in(request: Request, username: str, password: str) -> str | None:
    """Argon2 takes a tenth of a second of CPU: in a thread, off the event loop."""
    return await run_in_threadpool(log_in, request.app.state.engine, username, password)


@router.post("/kirjaudu/ulos")
def logout(request: Request) -> Response:
    log_out(request.app.state.engine, request.cookies.get(STAFF_COOKIE))
    response = login_page(error="logged_out")
    response.delete_cookie(
        STAFF_COOKIE, path="/", httponly=True, secure=request.app.state.settings.staff_cookie_secure, samesite="strict"
    )
    return response
