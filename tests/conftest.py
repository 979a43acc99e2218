"""Shared fixtures: a seeded temporary database and its catalogue snapshot."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from catalogue.db import make_engine
from catalogue.repository import CatalogueSnapshot, get_catalogue
from catalogue.seed import seed
from tests.livestack import Stack
from tests.pgserver import PostgresServer

# `POLKUOPAS_TEST_DATABASE=postgresql` runs the database tests on a throwaway PostgreSQL server
# (scripts/run_tests.sh does, after the SQLite run); anything else uses SQLite files.
TEST_DATABASE = os.environ.get("POLKUOPAS_TEST_DATABASE", "sqlite")


@pytest.fixture(scope="session", autouse=True)
def no_rate_limits_unless_a_test_sets_them():
    """The unit tests send hundreds of requests a minute from one test client."""
    patch = pytest.MonkeyPatch()
    for name in (
        "POLKUOPAS_CHAT_PER_MINUTE_CLIENT",
        "POLKUOPAS_CHAT_PER_MINUTE_SESSION",
        "POLKUOPAS_API_PER_MINUTE_CLIENT",
    ):
        patch.setenv(name, "100000")
    yield
    patch.undo()


@pytest.fixture(scope="session")
def new_database_url(tmp_path_factory) -> Iterator[Callable[[str], str]]:
    """Makes a new empty database and gives its URL: a SQLite file, or a database on one
    PostgreSQL server started for this pytest run."""
    if TEST_DATABASE == "postgresql":
        server = PostgresServer()
        server.up()
        made = iter(range(1, 1_000_000))
        try:
            yield lambda name: server.create_database(f"{name}_{next(made)}")
        finally:
            server.down()
    else:
        yield lambda name: f"sqlite:///{tmp_path_factory.mktemp('db') / name}.db"


@pytest.fixture(scope="session")
def seeded_engine(new_database_url) -> Iterator[Engine]:
    """A database, migrated and seeded from catalogue/data/."""
    engine = make_engine(new_database_url("catalogue"))
    seed(engine)
    yield engine
    engine.dispose()


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
