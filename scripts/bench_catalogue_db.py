"""Catalogue database benchmark: 25,000 services written to and loaded from SQLite and PostgreSQL.

The API and the action server load the whole catalogue into memory once per process
(`catalogue.repository.get_catalogue`) and search it there, so with every public service in
Finland the database's share is the seeding and the load at start. This writes the real
catalogue plus synthetic services (the same kinds as `bench_search.py`) with the real seeding
code, then times the snapshot load, on a SQLite file and on a throwaway PostgreSQL server
(`tests/pgserver.py`, Debian's `postgresql` package).

Run: `.venv/bin/python scripts/bench_catalogue_db.py [N] [--sqlite-only]`.
"""

from __future__ import annotations

import datetime as dt
import platform
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench_search import FIELDS, KINDS  # noqa: E402
from catalogue.db import make_engine  # noqa: E402
from catalogue.repository import get_catalogue  # noqa: E402
from catalogue.seed import DATA_DIR, load_municipality_data, load_yaml, seed  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

LOADS = 5


def data_dir_with_synthetic_services(count: int, folder: Path, seed_value: int = 7) -> Path:
    """A copy of catalogue/data/ whose services.yaml holds `count` services in all."""
    shutil.copytree(DATA_DIR, folder, dirs_exist_ok=True)
    services = load_yaml("services.yaml")
    municipalities = load_municipality_data()
    rng = random.Random(seed_value)
    for number in range(count - len(services)):
        category, title, keywords = rng.choice(KINDS)
        place = rng.choice(municipalities)["name_fi"]
        services.append({
            "id": f"synthetic-{number}",
            "title": f"{title} {place} {number % 97}",
            "category": category,
            "scope": rng.choice(["regional", "municipal"]),
            "audience": ["employer"] if category == "employer_support" else ["jobseeker"],
            "municipality": place,
            "provider_name": f"Palveluntuottaja {number % 500}",
            "summary": f"{title} {place}: {', '.join(keywords)}.",
            "key_rules": [f"{title} on tarkoitettu alueen asukkaille."],
            "url": f"https://palvelu{number % 500}.example.fi/{number}",
            "keywords": list(keywords),
            "fields": [rng.choice(FIELDS)],
            "source_url": f"https://palvelu{number % 500}.example.fi/{number}",
            "last_verified": dt.date(2026, 12, 1),
        })
    with open(folder / "services.yaml", "w", encoding="utf-8") as out:
        yaml.safe_dump(services, out, allow_unicode=True, sort_keys=False)
    return folder


def measure(name: str, url: str, data_dir: Path) -> None:
    engine = make_engine(url)
    started = time.perf_counter()
    report = seed(engine, data_dir=data_dir)
    seed_seconds = time.perf_counter() - started
    loads = []
    for _ in range(LOADS):
        began = time.perf_counter()
        snapshot = get_catalogue(engine, refresh=True)
        loads.append(time.perf_counter() - began)
    assert len(snapshot.services) == report.services
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name}: {report.services} services seeded in {seed_seconds:.1f} s; snapshot load "
          f"median {statistics.median(loads):.2f} s, max {max(loads):.2f} s over {LOADS} loads; "
          f"peak RSS so far {rss:.0f} MB")
    engine.dispose()


def main() -> None:
    count = int(next((arg for arg in sys.argv[1:] if arg.isdigit()), 25_000))
    print(f"{platform.node()} ({platform.machine()}, Python {platform.python_version()}), {dt.date.today()}")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = data_dir_with_synthetic_services(count, Path(tmp) / "data")
        measure("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", data_dir)
        if "--sqlite-only" not in sys.argv:
            server = PostgresServer()
            server.up()
            try:
                measure("PostgreSQL", server.create_database("bench"), data_dir)
            finally:
                server.down()


if __name__ == "__main__":
    main()
