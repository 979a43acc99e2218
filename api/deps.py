"""Shared dependencies: database sessions, the catalogue snapshot, the logged-in staff member."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from catalogue.db import session_scope
from catalogue.repository import CatalogueSnapshot, get_catalogue
from messages import current_language
from staff.accounts import StaffUser, logged_in


def db_session(request: Request) -> Iterator[Session]:
    with session_scope(request.app.state.engine) as session:
        yield session


def catalogue(request: Request) -> CatalogueSnapshot:
    """The catalogue with the services' words in the request's language where they have them."""
    return get_catalogue(request.app.state.engine).in_language(current_language())


# the staff's session cookie (api/routers/staff.py)
STAFF_COOKIE = "polkuopas_staff"


def staff_user(request: Request) -> StaffUser | None:
    """Who is logged in as area staff, if anyone."""
    return logged_in(request.app.state.engine, request.cookies.get(STAFF_COOKIE))
