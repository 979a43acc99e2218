"""Sync an employment area's services from Suomi.fi Palvelutietovaranto (PTV) into the staff's
review queue (`polkuopas catalogue sync-ptv --area ID`).

For each municipality of the area it reads PTV's public Open API v11 (no login needed):

* `GET {base}/api/v11/Service/list/area/Municipality/code/{code}?date=…&page=N`: the services
  of the municipality modified since the last sync (all of them the first time), page by page;
* `GET {base}/api/v11/ServiceChannel/list/area/Municipality/code/{code}?date=…&page=N`: their
  channels;
* `GET {base}/api/v11/Service/area/Municipality/code/{code}?page=N`: the ids of every service
  still published there, to notice ones PTV no longer has.

Only employment-related services are kept (service classes under P10, "Työ ja työttömyys").
They go through the existing v11 import (catalogue/importers/ptv_import.py) and are proposed
into the area's review queue (catalogue/edits.py), never straight into the catalogue: a new
service as an addition, a newer version as a change, a service PTV no longer publishes as a
retirement. A record the catalogue checks refuse, a malformed page or a network fault is
reported and skipped; the time of the sync is stored only when every page was read, so the
next run fetches again what a fault left out. The API's address is configuration
(POLKUOPAS_PTV_API_URL, https://api.palvelutietovaranto.suomi.fi by default).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import Engine, select

from catalogue.db import session_scope
from catalogue.edits import EditRefused, System, current_records, propose, record_area
from catalogue.importers.ptv_import import import_ptv
from catalogue.models import CatalogueEdit, PtvSync
from catalogue.seed import load_municipality_data

DEFAULT_PTV_API_URL = "https://api.palvelutietovaranto.suomi.fi"
# PTV's service classes of employment ("P10 Työ ja työttömyys" and its sub-classes)
EMPLOYMENT_SERVICE_CLASS = "P10"
MAX_PAGES = 200
SYNC_EDITOR = System("ptv-sync")


def ptv_api_url() -> str:
    return (os.environ.get("POLKUOPAS_PTV_API_URL") or DEFAULT_PTV_API_URL).rstrip("/")


class FetchError(Exception):
    """A page could not be read: a network fault, an error status or not JSON."""


@dataclass
class SyncResult:
    area_id: str
    fetched: int = 0
    proposed: dict[str, list[str]] = field(default_factory=lambda: {"add": [], "change": [], "retire": []})
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    complete: bool = True

    def summary(self) -> str:
        counts = ", ".join(f"{len(ids)} to {action}" for action, ids in self.proposed.items())
        state = "" if self.complete else " (incomplete: the next run fetches again)"
        return (
            f"PTV sync of {self.area_id}: {self.fetched} employment services read, proposed {counts}, "
            f"{len(self.unchanged)} unchanged, {len(self.problems)} problems{state}"
        )


def _pages(client: httpx.Client, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every page of a paged PTV list (pageNumber, pageCount, itemList)."""
    page = 1
    while page <= MAX_PAGES:
        try:
            response = client.get(path, params={**params, "page": page})
            response.raise_for_status()
            data = response.json()
        except (httpx.HTTPError, json.JSONDecodeError) as fault:
            raise FetchError(f"{path} page {page}: {type(fault).__name__}") from None
        if not isinstance(data, dict) or not isinstance(data.get("itemList") or [], list):
            raise FetchError(f"{path} page {page}: not a PTV page")
        yield data
        count = data.get("pageCount")
        if not isinstance(count, int) or page >= count:
            return
        page += 1


def _employment_related(service: Any) -> bool:
    classes = service.get("serviceClasses") if isinstance(service, dict) else None
    codes = [c.get("code") for c in classes or [] if isinstance(c, dict)]
    return any(isinstance(code, str) and code.split(".")[0] == EMPLOYMENT_SERVICE_CLASS for code in codes)


def area_municipality_codes(records: dict[str, list[dict[str, Any]]], area_id: str) -> list[str]:
    area = next((a for a in records["area"] if a.get("id") == area_id), None)
    if area is None:
        raise ValueError(f"no employment area {area_id}")
    code_of = {m["name_fi"]: m["code"] for m in load_municipality_data()}
    return [code_of[name] for name in area.get("municipalities") or [] if name in code_of]


def last_sync(engine: Engine, area_id: str) -> dt.datetime | None:
    with session_scope(engine) as db:
        row = db.get(PtvSync, area_id)
        return row.synced_at if row else None


def sync_area(
    engine: Engine,
    area_id: str,
    *,
    base_url: str | None = None,
    client: httpx.Client | None = None,
    now: dt.datetime | None = None,
) -> SyncResult:
    """Reads the area's employment services from PTV and proposes what differs (see the module)."""
    base = base_url or ptv_api_url()
    now = now or dt.datetime.now(dt.UTC)
    records = current_records(engine)
    codes = area_municipality_codes(records, area_id)
    since = last_sync(engine, area_id)
    result = SyncResult(area_id)
    own = client or httpx.Client(base_url=base, timeout=30, transport=httpx.HTTPTransport(retries=2))
    try:
        services, channels, published = _fetch(own, codes, since, result)
    finally:
        if client is None:
            own.close()
    if not result.complete:
        return result
    result.fetched = len(services)
    ours = [r for r in records["service"] if record_area("service", r, records) == area_id or r.get("ptv_id")]
    imported = import_ptv([{"itemList": services}], [{"itemList": channels}], ours)
    result.problems += [f"{problem.where}: {problem.reason}" for problem in imported.errors]
    by_id = {record["id"]: record for record in imported.records}
    for action, ids in (("add", imported.added), ("change", imported.changed)):
        for record_id in ids:
            record = {**by_id[record_id]}
            if action == "add":
                record.setdefault("employment_area", area_id)
            _propose(engine, action, record, result)
    result.unchanged += list(imported.unchanged)
    for record in records["service"]:
        if (
            record.get("ptv_id")
            and record_area("service", record, records) == area_id
            and record["ptv_id"] not in published
        ):
            _propose(engine, "retire", record, result)
    with session_scope(engine) as db:
        db.merge(PtvSync(area_id=area_id, synced_at=now, source=base))
    return result


def _fetch(
    client: httpx.Client, codes: list[str], since: dt.datetime | None, result: SyncResult
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], set[str]]:
    """The changed employment services and their channels of every municipality, and the ids of
    every service still published there; on a fault, `result.complete` is False."""
    changed = {"date": since.strftime("%Y-%m-%dT%H:%M:%S")} if since else {}
    services: dict[str, dict[str, Any]] = {}
    channels: dict[str, dict[str, Any]] = {}
    published: set[str] = set()
    try:
        for code in codes:
            for page in _pages(client, f"/api/v11/Service/list/area/Municipality/code/{code}", changed):
                for item in page.get("itemList") or []:
                    if not _employment_related(item):
                        continue
                    services.setdefault(str(item.get("id")), item)
            for page in _pages(client, f"/api/v11/ServiceChannel/list/area/Municipality/code/{code}", changed):
                for item in page.get("itemList") or []:
                    if isinstance(item, dict):
                        channels.setdefault(str(item.get("id")), item)
            for page in _pages(client, f"/api/v11/Service/area/Municipality/code/{code}", {}):
                published |= {str(item.get("id")) for item in page.get("itemList") or [] if isinstance(item, dict)}
    except FetchError as fault:
        result.problems.append(str(fault))
        result.complete = False
    return list(services.values()), list(channels.values()), published


def _waiting(engine: Engine) -> set[str]:
    """The PTV ids and record ids the sync already proposed and nobody has reviewed yet."""
    with session_scope(engine) as db:
        pending = db.scalars(
            select(CatalogueEdit).where(CatalogueEdit.status == "pending", CatalogueEdit.source == "ptv")
        )
        return {str(key) for edit in pending for key in (edit.target_id, edit.record.get("ptv_id")) if key}


def _propose(engine: Engine, action: str, record: dict[str, Any], result: SyncResult) -> None:
    if {str(record.get("id")), str(record.get("ptv_id"))} & _waiting(engine):
        result.unchanged.append(str(record.get("id")))  # already in the queue from an earlier run
        return
    try:
        proposal = propose(engine, SYNC_EDITOR, "service", action, record, source="ptv")
    except EditRefused as refused:
        result.problems.append(f"service {record.get('id')}: {refused.reason}")
        return
    if proposal.errors:
        result.problems += proposal.errors
    else:
        result.proposed[action].append(str(record.get("id")))
