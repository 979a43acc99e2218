"""What a coach finds in each employment area with one line (`polkuopas catalogue coverage`).

For every area and every local need (job coaching, work-trial places, employer supports) the
coach's one-line search ("työhönvalmennus Kuopio") is run with the area's responsible
municipality, and the local services among its top results that meet the need are listed.
An empty cell is a gap in the catalogue: nobody has found that area's official page for it yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.edits import CHECK_AFTER_DAYS
from catalogue.repository import AreaRecord, CatalogueSnapshot, ServiceRecord
from catalogue.search import get_search
from catalogue.seed import DATA_DIR, load_yaml
from understanding.finnish import fold

KNOWN_GAPS_FILE = "coverage_gaps.yaml"

TOP_RESULTS = 3


@dataclass(frozen=True)
class LocalNeed:
    name: str
    query: str  # the coach's line, before the place name
    categories: frozenset[str]
    keywords: frozenset[str] = frozenset()  # a local service of another category that offers this

    def met_by(self, service: ServiceRecord) -> bool:
        if service.category in self.categories:
            return True
        return any(fold(str(word)) in self.keywords for word in service.keywords)


LOCAL_NEEDS = (
    LocalNeed(
        "job_coaching", "työhönvalmennus", frozenset({"coaching"}), frozenset({"tyohonvalmennus", "tyovalmennus"})
    ),
    LocalNeed("work_trial", "työkokeilu", frozenset({"work_trial"}), frozenset({"tyokokeilu"})),
    LocalNeed("employer_support", "työnantajan tuet", frozenset({"employer_support", "municipal_support"})),
)

# The areas issue 3 lists, by id, with the place a coach there types.
LISTED_AREAS = {
    "tampereen-seutu": "Tampere",
    "helsinki": "Helsinki",
    "vantaa": "Vantaa",
    "espoo-kauniainen": "Espoo",
    "turku": "Turku",
    "lahti": "Lahti",
    "paijat-hame": "Hollola",
    "kuopio": "Kuopio",
    "pohjois-karjala": "Joensuu",
    "seinajoki-ilmajoki-isokyro": "Seinäjoki",
    "pohjanmaa": "Vaasa",
    "oulun-seutu": "Oulu",
    "jyvaskyla-muurame": "Jyväskylä",
    "meri-lappi": "Kemi",
    "etela-kymenlaakso": "Kotka",
    "kouvola": "Kouvola",
    "salo": "Salo",
    "ylivieska-kalajoki-nivala": "Ylivieska",
    "tyohame": "Hämeenlinna",
    "kerava-sipoo": "Kerava",
    "kainuu-koillismaa": "Kajaani",
}


@dataclass
class AreaCoverage:
    area: AreaRecord
    place: str
    found: dict[str, list[str]] = field(default_factory=dict)  # need name -> service ids
    caveated: set[str] = field(default_factory=set)  # found ids whose only page is dated (source_caveat)
    freshness: Freshness | None = None

    @property
    def gaps(self) -> list[str]:
        return [need for need, ids in self.found.items() if not ids]

    @property
    def met_only_with_caveat(self) -> list[str]:
        """Needs met only by records whose page is from before the reform or a past year."""
        return [need for need, ids in self.found.items() if ids and set(ids) <= self.caveated]


def area_coverage(catalogue: CatalogueSnapshot, area: AreaRecord, place: str) -> AreaCoverage:
    search = get_search(catalogue)
    resolved = catalogue.resolve_municipality(place)
    local_ids = {s.id for s in catalogue.local_services(resolved.code)} if resolved else set()
    coverage = AreaCoverage(area=area, place=place)
    for need in LOCAL_NEEDS:
        top = search.search(f"{need.query} {place}", limit=TOP_RESULTS).items
        met = [s for s in top if s.id in local_ids and need.met_by(s)]
        coverage.found[need.name] = [s.id for s in met]
        coverage.caveated |= {s.id for s in met if s.source_caveat}
    coverage.freshness = area_freshness(catalogue, area)
    return coverage


@dataclass(frozen=True)
class Freshness:
    """How fresh an area's own data is: its record and its own services (regional and municipal)."""

    records: int
    oldest: dt.date
    newest: dt.date
    # not verified for CHECK_AFTER_DAYS: in the area's queue on /hallinta as "check this"
    to_check: int

    def as_dict(self) -> dict[str, object]:
        return {
            "records": self.records,
            "oldest": self.oldest.isoformat(),
            "newest": self.newest.isoformat(),
            "to_check": self.to_check,
        }


def area_freshness(catalogue: CatalogueSnapshot, area: AreaRecord, today: dt.date | None = None) -> Freshness:
    today = today or dt.date.today()
    own = {
        service.id: service.last_verified
        for code in area.municipality_codes
        for service in catalogue.local_services(code)
        if service.scope != "national"
    }
    dates = [area.last_verified, *own.values()]
    return Freshness(
        records=len(dates),
        oldest=min(dates),
        newest=max(dates),
        to_check=sum(1 for day in dates if (today - day).days > CHECK_AFTER_DAYS),
    )


def catalogue_coverage(catalogue: CatalogueSnapshot, *, listed_only: bool = False) -> list[AreaCoverage]:
    """Every area (or only the listed ones), the listed ones first, each with its place to type."""
    result = []
    for area_id, place in LISTED_AREAS.items():
        if area_id in catalogue.areas:
            result.append(area_coverage(catalogue, catalogue.areas[area_id], place))
    if not listed_only:
        for area in sorted(catalogue.areas.values(), key=lambda a: a.id):
            if area.id not in LISTED_AREAS and area.responsible_municipality:
                result.append(area_coverage(catalogue, area, area.responsible_municipality))
    return result


def format_coverage(rows: list[AreaCoverage], known: dict[tuple[str, str], str] | None = None) -> str:
    """A table: per area the services found for each need ('†' after an id: its only page is dated, and
    the card says so); '—' a gap documented in coverage_gaps.yaml, '— NEW GAP' a gap in a listed area
    that nobody has documented."""
    known = known if known is not None else known_gaps()

    def cell(row: AreaCoverage, need: LocalNeed) -> str:
        ids = row.found[need.name]
        if ids:
            return ", ".join(f"{i}†" if i in row.caveated else i for i in ids)
        if row.area.id in LISTED_AREAS and (row.area.id, need.name) not in known:
            return "— NEW GAP"
        return "—"

    lines = [
        f"{'area':28} {'typed place':12} " + " ".join(f"{n.name:34}" for n in LOCAL_NEEDS) + " checked (oldest…newest)"
    ]
    for row in rows:
        marker = "*" if row.area.id in LISTED_AREAS else " "
        fresh = row.freshness
        checked = (
            f"{fresh.oldest}…{fresh.newest}" + (f", {fresh.to_check} to check" if fresh.to_check else "")
            if fresh
            else ""
        )
        lines.append(
            f"{marker}{row.area.id:27} {row.place:12} "
            + " ".join(f"{cell(row, n):34}" for n in LOCAL_NEEDS)
            + f" {checked}"
        )
    listed = [r for r in rows if r.area.id in LISTED_AREAS]
    complete = sum(1 for r in listed if not r.gaps)
    lines.append(
        f"* listed in issue 3: {complete}/{len(listed)} areas have all three in the top {TOP_RESULTS}; "
        f"{sum(len(r.gaps) for r in listed)} gap(s), searched for in {KNOWN_GAPS_FILE}; "
        f"{sum(len(r.met_only_with_caveat) for r in listed)} need(s) met only by a dated page (†)"
    )
    return "\n".join(lines)


def known_gaps(data_dir: Path = DATA_DIR) -> dict[tuple[str, str], str]:
    """(area id, need) -> what was searched without finding an official page (coverage_gaps.yaml)."""
    return {(gap["area"], gap["need"]): gap.get("searched", "") for gap in load_yaml(KNOWN_GAPS_FILE, data_dir)}
