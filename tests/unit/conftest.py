"""Fixtures of the unit tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from tests.action_utils import load_domain
from tests.livestack import free_port


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    """Rasa's domain.yml, as the action server receives it."""
    return load_domain()


@contextmanager
def api_without_rasa(engine: Engine, folder: Path, **settings: Any) -> Iterator[TestClient]:
    """The API on `engine` with nothing listening where Rasa would be (pages, catalogue, errors)."""
    from api.main import create_app
    from api.settings import Settings

    configured = Settings(
        rasa_url=f"http://127.0.0.1:{free_port()}",
        action_server_url=f"http://127.0.0.1:{free_port()}",
        tracker_db_url=f"sqlite:///{folder / 'none.db'}",
        rasa_timeout_seconds=2,
        **settings,
    )
    with TestClient(create_app(configured, engine), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(autouse=True)
def usage_events_in_the_test_database(monkeypatch, seeded_engine):
    """The actions record their anonymous usage events (insights/) in the test database, not in
    the developer's var/polkuopas.db."""
    monkeypatch.setattr("bot.actions.common.get_engine", lambda: seeded_engine)
    return seeded_engine
