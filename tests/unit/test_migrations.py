"""Alembic migrations carry existing rows over, on a real SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from catalogue.db import make_engine
from catalogue.seed import PROJECT_ROOT


def _config(connection: sa.Connection) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "catalogue" / "migrations"))
    config.attributes["connection"] = connection
    return config


def test_area_contacts_move_into_json_and_back(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
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
    assert json.loads(row.contact) == {"name": "X:n palvelut", "url": "https://x.example/", "phone": "040 123 4567"}
    assert json.loads(row.employer_contact) == {"url": "https://x.example/yrityksille"}

    with engine.begin() as connection:
        command.downgrade(_config(connection), "0001")
    with engine.connect() as connection:
        row = connection.execute(sa.text("SELECT contact_phone, employer_contact_url FROM employment_areas")).one()
    assert tuple(row) == ("040 123 4567", "https://x.example/yrityksille")
    engine.dispose()


def test_service_source_caveat_column_comes_and_goes(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'caveat.db'}")
    with engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    assert "source_caveat" in {c["name"] for c in sa.inspect(engine).get_columns("services")}
    with engine.begin() as connection:
        command.downgrade(_config(connection), "0003")
    assert "source_caveat" not in {c["name"] for c in sa.inspect(engine).get_columns("services")}
    engine.dispose()
