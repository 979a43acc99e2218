"""Shared fixtures: a seeded temporary database and its catalogue snapshot."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from catalogue.db import make_engine
from catalogue.repository import CatalogueSnapshot, get_catalogue
from catalogue.seed import seed


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
