"""Shared dependencies: database sessions, the catalogue snapshot, the Rasa client."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from catalogue.db import session_scope
from catalogue.repository import CatalogueSnapshot, get_catalogue


def db_session(request: Request) -> Iterator[Session]:
    with session_scope(request.app.state.engine) as session:
        yield session


def catalogue(request: Request) -> CatalogueSnapshot:
    return get_catalogue(request.app.state.engine)
