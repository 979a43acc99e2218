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
import subprocess
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
from catalogue.search import ServiceSearch  # noqa: E402
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
        services.append(
            {
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
            }
        )
    with open(folder / "services.yaml", "w", encoding="utf-8") as out:
        yaml.safe_dump(services, out, allow_unicode=True, sort_keys=False)
    return folder


def measure(name: str, url: str, data_dir: Path) -> None:
    """Seeds here; loads in a new process, as the API and the action server do at start."""
    engine = make_engine(url)
    started = time.perf_counter()
    report = seed(engine, data_dir=data_dir)
    seed_seconds = time.perf_counter() - started
    engine.dispose()
    loaded = subprocess.run([sys.executable, __file__, "--load", url], check=True, capture_output=True, text=True)
    print(
        f"{name}: {report.services} services seeded in {seed_seconds:.1f} s; in a new process {loaded.stdout.strip()}"
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; unlike ru_maxrss it does not carry over the
    forking parent's peak into a new program)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_in_this_process(url: str) -> str:
    engine = make_engine(url)
    before = peak_rss_mb()
    loads = []
    for _ in range(LOADS):
        began = time.perf_counter()
        snapshot = get_catalogue(engine, refresh=True)
        loads.append(time.perf_counter() - began)
    after_load = peak_rss_mb()
    began = time.perf_counter()
    ServiceSearch(snapshot)
    index_seconds = time.perf_counter() - began
    after_index = peak_rss_mb()
    return (
        f"the snapshot of {len(snapshot.services)} services loads in median {statistics.median(loads):.2f} s "
        f"(max {max(loads):.2f} s, {LOADS} loads) and the search index builds in {index_seconds:.1f} s; "
        f"peak RSS {before:.0f} MB before, {after_load:.0f} MB after the loads, {after_index:.0f} MB with the index"
    )


def main() -> None:
    if sys.argv[1:2] == ["--load"]:
        print(load_in_this_process(sys.argv[2]))
        return
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
