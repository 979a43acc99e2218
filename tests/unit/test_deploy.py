"""The profiles agree: the Procfile's processes are the default profile's supervisord programs, and
the production profile runs the same ones plus PostgreSQL and Redis, with Rasa's shared stores."""

from __future__ import annotations

import configparser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def programs(name: str) -> dict[str, str]:
    """supervisord's programs of deploy/<name>: program name -> command."""
    config = configparser.RawConfigParser()
    config.read(ROOT / "deploy" / name)
    found = {}
    for section in config.sections():
        kind, _, program = section.partition(":")
        if kind in ("program", "fcgi-program"):
            found[program] = config.get(section, "command")
    return found


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


def test_the_default_profile_runs_the_procfiles_processes():
    default = programs("supervisord.conf")
    assert set(default) == set(procfile()) == {"rasa", "actions", "api"}
    for name in ("rasa", "actions"):
        assert default[name].endswith(procfile()[name]), name
    assert "api.main:app" in default["api"] and "api.main:app" in (ROOT / procfile()["api"]).read_text()


def test_the_production_profile_runs_the_same_processes_and_its_stores():
    default, production = programs("supervisord.conf"), programs("supervisord.production.conf")
    assert set(production) == set(default) | {"postgresql", "redis"}
    for name in default:
        assert production[name] == default[name], name


def test_production_rasa_shares_conversations_in_postgresql_and_locks_them_in_redis():
    endpoints = yaml.safe_load((ROOT / "endpoints.production.yml").read_text(encoding="utf-8"))
    assert endpoints["tracker_store"]["type"] == "SQL" and endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "redis"
    assert endpoints["action_endpoint"] == yaml.safe_load((ROOT / "endpoints.yml").read_text())["action_endpoint"]
