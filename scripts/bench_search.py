"""Search benchmark: 25,000 synthetic services across all municipalities.

Builds a catalogue snapshot in memory (the real one plus synthetic regional and
municipal services with realistic Finnish titles, keywords and summaries),
indexes it, and times typical coach queries. Prints p50/p95 latency, index build
time and memory. Run: `.venv/bin/python scripts/bench_search.py [N]`.
"""

from __future__ import annotations

import dataclasses
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from catalogue.repository import CatalogueSnapshot, get_catalogue  # noqa: E402
from catalogue.search import ServiceSearch  # noqa: E402
from understanding.municipalities import get_resolver  # noqa: E402

KINDS = [
    ("work_trial", "Työkokeilupaikat", ["työkokeilu", "kokeilu", "työpaikka"]),
    ("coaching", "Työhönvalmennus", ["työhönvalmennus", "valmennus", "valmentaja"]),
    ("coaching", "Työnhakuvalmennus", ["työnhaku", "cv", "hakemus"]),
    ("youth", "Nuorten työpaja", ["nuori", "työpaja", "nuoret"]),
    ("rehabilitation", "Kuntouttava työtoiminta", ["kuntouttava", "työtoiminta", "kuntoutus"]),
    ("guidance", "Ohjaus ja neuvonta", ["ohjaus", "neuvonta", "uraohjaus"]),
    ("training", "Ammatillinen kurssi", ["koulutus", "kurssi", "ammatti"]),
    ("integration", "Suomen kielen kurssi", ["kotoutuminen", "suomi", "kieli"]),
    ("employer_support", "Rekrytointituki työnantajalle", ["rekrytointi", "työnantaja", "tuki"]),
    ("social", "Sosiaalinen kuntoutus", ["sosiaalinen", "kuntoutus", "arki"]),
]
FIELDS = ["cleaning", "property_care", "recycling", "kitchen", "media", "woodwork", "logistics", "retail"]
QUERIES = [
    "työhönvalmennusta Kuopiossa",
    "tyokokeilu tampere",
    "palkkatuki yhdistykselle",
    "nuorille joensuu",
    "kuntouttava työtoiminta",
    "mikä on työkokeilu",
    "kierrätys työkokeilu varkaus",
    "suomen kielen kurssi oulu",
    "työnhakuvalmennus cv",
    "rekrytointituki helsinki",
    "nuorten työpaja seinäjoki",
    "starttiraha",
    "ohjaus lahti",
    "sosiaalinen kuntoutus rovaniemi",
    "palkkatukki",
    "keittiö työkokeilu turku",
]


def synthetic_snapshot(count: int, seed: int = 7) -> CatalogueSnapshot:
    real = get_catalogue()
    template = next(iter(real.services.values()))
    municipalities = get_resolver().all()
    rng = random.Random(seed)
    services = dict(real.services)
    for number in range(count - len(services)):
        category, title, keywords = rng.choice(KINDS)
        place = rng.choice(municipalities)
        field = rng.choice(FIELDS)
        service = dataclasses.replace(
            template,
            id=f"synthetic-{number}",
            title=f"{title} {place.name_fi} {number % 97}",
            category=category,
            scope=rng.choice(["regional", "municipal"]),
            audience=("employer",) if category == "employer_support" else ("jobseeker",),
            employment_area_id=None,
            municipality_code=place.code,
            provider=f"Palveluntuottaja {number % 500}",
            summary=f"{title} {place.name_fi}ssa: {', '.join(keywords)}.",
            keywords=tuple(keywords),
            fields=(field,),
            target_groups=(),
            employer_types=("company", "association") if category == "employer_support" else (),
            situations=(),
            support_variants=(),
        )
        services[service.id] = service
    return CatalogueSnapshot(
        services=services,
        areas=real.areas,
        providers=real.providers,
        area_of_municipality=real.area_of_municipality,
        version=f"synthetic-{count}",
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    snapshot = synthetic_snapshot(count)
    started = time.perf_counter()
    search = ServiceSearch(snapshot)
    build_seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    latencies = []
    for _ in range(10):
        for query in QUERIES:
            began = time.perf_counter()
            search.search(query, limit=20)
            latencies.append((time.perf_counter() - began) * 1000)
    latencies.sort()
    p95 = latencies[round(0.95 * (len(latencies) - 1))]
    print(
        f"services: {len(snapshot.services)}; index build {build_seconds:.1f} s; "
        f"peak RSS {rss_after:.0f} MB (before the snapshot {rss_before:.0f} MB)"
    )
    print(
        f"{len(latencies)} queries: p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, "
        f"max {latencies[-1]:.1f} ms"
    )


if __name__ == "__main__":
    main()
