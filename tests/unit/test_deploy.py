"""The profiles agree: the Procfile's processes are the default profile's supervisord programs, and
the production profile runs the same ones plus PostgreSQL and Redis, with Rasa's shared stores."""

from __future__ import annotations

import configparser
import re
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
    store = endpoints["tracker_store"]
    assert store["type"] == "polkuopas_tracker_store.CachingSQLTrackerStore" and store["dialect"] == "postgresql"
    assert store["type"] == yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]["type"]
    assert endpoints["lock_store"]["type"] == "redis"
    assert endpoints["action_endpoint"] == yaml.safe_load((ROOT / "endpoints.yml").read_text())["action_endpoint"]


def compose() -> dict:
    loaded: dict = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    return loaded["services"]


def production_exports() -> set[str]:
    """The variables scripts/run_production.sh exports for the processes."""
    script = (ROOT / "scripts" / "run_production.sh").read_text(encoding="utf-8")
    return {name for line in script.splitlines() if line.startswith("export ") for name in re.findall(r"(\w+)=", line)}


def test_compose_runs_the_production_profiles_processes_with_their_commands():
    production = programs("supervisord.production.conf")
    services = compose()
    count = sum(1 for name in services if name.startswith("rasa-"))
    assert count >= 2 and count == sum(1 for name in services if name.startswith("actions-"))
    kinds = {re.sub(r"-\d+$", "", name) for name in services} - {"postgres"} | {"postgresql"}
    assert kinds == set(production)
    for name, service in services.items():
        kind = re.sub(r"-\d+$", "", name)
        if kind in ("rasa", "actions"):
            script = " ".join(service["command"])
            assert production[kind].endswith(script), (name, script, production[kind])
    # the API: the same app (supervisord hands it its socket; a container binds its own port)
    assert services["api"]["command"] == [procfile()["api"]]
    assert "api.main:app" in production["api"]


def test_compose_gives_each_process_what_the_production_profile_gives_it():
    services, exported = compose(), production_exports()
    endpoints = (ROOT / "endpoints.production.yml").read_text(encoding="utf-8")
    needed_by_rasa = set(re.findall(r"\$\{(\w+)\}", endpoints)) - {"ACTION_SERVER_URL"}
    assert needed_by_rasa <= exported, needed_by_rasa - exported
    for n in range(2):
        rasa = services[f"rasa-{n}"]["environment"]
        assert needed_by_rasa <= set(rasa), (n, needed_by_rasa - set(rasa))
        assert rasa["RASA_ENDPOINTS"] == "endpoints.production.yml"
        assert rasa["ACTION_SERVER_URL"] == f"http://actions-{n}:5055/webhook"  # its own action server
    api = services["api"]["environment"]
    for name in (
        "DATABASE_URL",
        "RASA_TRACKER_DB_URL",
        "RASA_URLS",
        "ACTION_SERVER_URLS",
        "POLKUOPAS_RATE_LIMIT_STORAGE",
    ):
        assert name in exported and name in api, name
    assert api["RASA_URLS"].split(",") == [f"http://rasa-{n}:5005" for n in range(2)]
    assert api["POLKUOPAS_RATE_LIMIT_STORAGE"].startswith("async+redis://redis:")
    assert all("DATABASE_URL" in services[f"actions-{n}"]["environment"] for n in range(2))
