"""Shared dependencies: database sessions, the catalogue snapshot, the Rasa client."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy.orm import Session

from catalogue.repository import CatalogueSnapshot, get_catalogue


def db_session(request: Request) -> Iterator[Session]:
    session = request.app.state.session_factory()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()


def catalogue(request: Request) -> CatalogueSnapshot:
    return get_catalogue(request.app.state.engine)
