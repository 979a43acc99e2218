"""Shared fixtures: a seeded temporary database and its catalogue snapshot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from catalogue.db import make_engine
from catalogue.repository import CatalogueSnapshot, get_catalogue
from catalogue.seed import seed
from tests.livestack import Stack


@pytest.fixture(scope="session", autouse=True)
def no_rate_limits_unless_a_test_sets_them():
    """The unit tests send hundreds of requests a minute from one test client."""
    patch = pytest.MonkeyPatch()
    for name in ("POLKUOPAS_CHAT_PER_MINUTE_CLIENT", "POLKUOPAS_CHAT_PER_MINUTE_SESSION", "POLKUOPAS_API_PER_MINUTE_CLIENT"):
        patch.setenv(name, "100000")
    yield
    patch.undo()


@pytest.fixture(scope="session")
def seeded_engine(tmp_path_factory) -> Engine:
    """A SQLite database in a temporary folder, migrated and seeded from catalogue/data/."""
    path = tmp_path_factory.mktemp("db") / "catalogue.db"
    engine = make_engine(f"sqlite:///{path}")
    seed(engine)
    return engine


@pytest.fixture(scope="session")
def snapshot(seeded_engine) -> CatalogueSnapshot:
    return get_catalogue(seeded_engine, refresh=True)


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    """One live stack (Rasa 3.6 server, rasa-sdk actions, the API) for the integration and browser
    tests of one pytest run; started only when a test asks for it."""
    running = Stack(tmp_path_factory.mktemp("stack"))
    try:
        running.up()
        yield running
    finally:
        running.down()
