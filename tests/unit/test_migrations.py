"""Alembic migrations carry existing rows over, on a real database (SQLite, or PostgreSQL in the
PostgreSQL run of scripts/run_tests.sh)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from catalogue.db import make_engine
from catalogue.seed import PROJECT_ROOT, seed


def _config(connection: sa.Connection) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "catalogue" / "migrations"))
    config.attributes["connection"] = connection
    return config


def _json(value):
    """A JSON column's value: SQLite's driver gives the text, PostgreSQL's the parsed value."""
    return json.loads(value) if isinstance(value, str) else value


def test_area_contacts_move_into_json_and_back(new_database_url):
    engine = make_engine(new_database_url("old"))
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0001")
        connection.execute(
            sa.text(
                "INSERT INTO employment_areas (id, name, contact_name, contact_url, contact_phone,"
                " employer_contact_url, source_url, last_verified)"
                " VALUES ('x', 'X-alue', 'X:n palvelut', 'https://x.example/', '040 123 4567',"
                " 'https://x.example/yrityksille', 'https://x.example/lahde', '2026-11-23')"
            )
        )
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    columns = {column["name"] for column in sa.inspect(engine).get_columns("employment_areas")}
    assert "contact_phone" not in columns and {"contact", "employer_contact"} <= columns
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT contact, employer_contact FROM employment_areas")).one()
    assert _json(row.contact) == {"name": "X:n palvelut", "url": "https://x.example/", "phone": "040 123 4567"}
    assert _json(row.employer_contact) == {"url": "https://x.example/yrityksille"}

    with engine.begin() as connection:
        command.downgrade(_config(connection), "0001")
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT contact_phone, employer_contact_url FROM employment_areas")).one()
    assert tuple(row) == ("040 123 4567", "https://x.example/yrityksille")
    engine.dispose()


def test_service_source_caveat_column_comes_and_goes(new_database_url):
    engine = make_engine(new_database_url("caveat"))
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    assert "source_caveat" in {c["name"] for c in sa.inspect(engine).get_columns("services")}
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0003")
    assert "source_caveat" not in {c["name"] for c in sa.inspect(engine).get_columns("services")}
    engine.dispose()


def test_all_migrations_go_down_to_an_empty_database_and_up_again(new_database_url):
    engine = make_engine(new_database_url("roundtrip"))
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    tables = set(sa.inspect(engine).get_table_names())
    assert {"services", "employment_areas", "municipalities", "chat_sessions", "chat_messages"} <= tables
    with engine.begin() as connection:
        command.downgrade(_config(connection), "base")
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    assert set(sa.inspect(engine).get_table_names()) == tables
    engine.dispose()


def test_api_workers_starting_at_once_seed_one_at_a_time(new_database_url):
    """Several API workers seed a new database together (the production profile): each either
    seeds or finds the catalogue current, and none fails."""
    engine = make_engine(new_database_url("together"))
    with ThreadPoolExecutor(max_workers=3) as pool:
        reports = list(pool.map(lambda _n: seed(engine, if_needed=True), range(3)))
    assert sum(not report.skipped for report in reports) >= 1
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM services")).scalar() >= 100
    engine.dispose()
