"""Shared fixtures: a seeded temporary database and its catalogue snapshot."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from catalogue.db import make_engine
from catalogue.repository import CatalogueSnapshot, get_catalogue
from catalogue.seed import seed


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
