"""`polkuopas catalogue sync-ptv`: PTV's pages served by a local HTTP server (there is no network
here) from tests/fixtures/ptv/sync; what the sync proposes into the review queue, paging,
incremental fetching, a changed, a withdrawn and a malformed record, and network faults."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import Engine

from catalogue.db import make_engine
from catalogue.edits import current_records, edits_of, review
from catalogue.importers.ptv_sync import last_sync, sync_area
from catalogue.repository import get_catalogue
from catalogue.seed import seed
from staff.accounts import StaffUser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ptv" / "sync"
KUOPIO, SUONENJOKI = "297", "778"
WORK_TRIAL_PTV_ID = "7d0e6a10-0000-4000-8000-0000000000a1"
COLLEAGUE = StaffUser("kuopio.kollega", "kuopio")


def pages(name: str) -> list[dict]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakePtv(ThreadingHTTPServer):
    """Answers PTV's paths from `routes` (path → list of pages); records what was asked."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, list[dict] | int] = {}
        self.asked: list[tuple[str, dict[str, list[str]]]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def serve(self, services: str, published: str, channels: str = "channels.json") -> None:
        self.routes = {
            f"/api/v11/Service/list/area/Municipality/code/{KUOPIO}": pages(services),
            f"/api/v11/ServiceChannel/list/area/Municipality/code/{KUOPIO}": pages(channels),
            f"/api/v11/Service/area/Municipality/code/{KUOPIO}": pages(published),
        }


class Handler(BaseHTTPRequestHandler):
    server: FakePtv

    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = parse_qs(url.query)
        self.server.asked.append((url.path, query))
        answer = self.server.routes.get(url.path, pages("empty.json"))
        if isinstance(answer, int):
            self.send_response(answer)
            self.end_headers()
            return
        page = int(query.get("page", ["1"])[0])
        body = json.dumps(answer[page - 1]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def ptv() -> Iterator[FakePtv]:
    server = FakePtv()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def engine(new_database_url) -> Iterator[Engine]:
    engine = make_engine(new_database_url("ptv_sync"))
    seed(engine)
    yield engine
    engine.dispose()


def queue(engine: Engine) -> dict[str, dict]:
    return {edit.target_id: edit for edit in edits_of(engine, "kuopio", national=False, status="pending")}


def test_a_first_sync_proposes_the_areas_employment_services(engine, ptv):
    ptv.serve("services_first.json", "published.json")
    result = sync_area(engine, "kuopio", base_url=ptv.url)
    assert result.complete
    # both pages were read; the library service is not about employment (the malformed one is)
    assert result.fetched == 3
    assert sorted(result.proposed["add"]) == ["tyokokeilu-kuopion-kaupungin-yksikoissa", "tyonhakuvalmennus-kuopiossa"]
    # the service without a Finnish name is reported, not proposed
    assert any("no Finnish name" in problem for problem in result.problems)
    pending = queue(engine)
    work_trial = pending["tyokokeilu-kuopion-kaupungin-yksikoissa"]
    assert (work_trial.source, work_trial.proposed_by, work_trial.action) == ("ptv", "ptv-sync", "add")
    assert work_trial.record["ptv_id"] == WORK_TRIAL_PTV_ID
    assert work_trial.record["url"] == "https://tyonavigaattori.fi/"
    assert work_trial.record["employment_area"] == "kuopio"
    # nothing reaches the catalogue before a person approves it
    assert "tyokokeilu-kuopion-kaupungin-yksikoissa" not in get_catalogue(engine, refresh=True).services
    # both municipalities of the area were asked, page by page, without a date the first time
    paths = [path for path, _ in ptv.asked]
    assert any(path.endswith(f"/code/{SUONENJOKI}") for path in paths)
    assert [
        query.get("page")
        for path, query in ptv.asked
        if path == f"/api/v11/Service/list/area/Municipality/code/{KUOPIO}"
    ] == [
        ["1"],
        ["2"],
    ]
    assert all("date" not in query for _, query in ptv.asked)
    assert last_sync(engine, "kuopio") is not None


def test_running_again_does_not_propose_the_same_twice(engine, ptv):
    ptv.serve("services_first.json", "published.json")
    sync_area(engine, "kuopio", base_url=ptv.url)
    again = sync_area(engine, "kuopio", base_url=ptv.url)
    assert again.proposed == {"add": [], "change": [], "retire": []}
    assert len(queue(engine)) == 2


def test_an_approved_service_changed_in_ptv_is_proposed_as_a_change(engine, ptv):
    ptv.serve("services_first.json", "published.json")
    sync_area(engine, "kuopio", base_url=ptv.url)
    review(engine, COLLEAGUE, queue(engine)["tyokokeilu-kuopion-kaupungin-yksikoissa"].id, approve=True)
    assert "tyokokeilu-kuopion-kaupungin-yksikoissa" in get_catalogue(engine, refresh=True).services

    ptv.serve("services_changed.json", "published.json")
    ptv.asked.clear()
    result = sync_area(engine, "kuopio", base_url=ptv.url)
    assert result.proposed["change"] == ["tyokokeilu-kuopion-kaupungin-yksikoissa"]
    change = queue(engine)["tyokokeilu-kuopion-kaupungin-yksikoissa"]
    assert "1–6 kuukautta" in change.record["summary"] and "1–6" not in change.previous["summary"]
    # incremental: only what was modified since the last sync
    assert all("date" in query for path, query in ptv.asked if "/list/area/" in path)


def test_a_service_ptv_no_longer_publishes_is_proposed_for_retirement(engine, ptv):
    ptv.serve("services_first.json", "published.json")
    sync_area(engine, "kuopio", base_url=ptv.url)
    review(engine, COLLEAGUE, queue(engine)["tyokokeilu-kuopion-kaupungin-yksikoissa"].id, approve=True)

    ptv.serve("empty.json", "published_without_s1.json")
    result = sync_area(engine, "kuopio", base_url=ptv.url)
    assert result.proposed["retire"] == ["tyokokeilu-kuopion-kaupungin-yksikoissa"]
    retire = queue(engine)["tyokokeilu-kuopion-kaupungin-yksikoissa"]
    assert retire.action == "retire"
    review(engine, COLLEAGUE, retire.id, approve=True)
    assert "tyokokeilu-kuopion-kaupungin-yksikoissa" not in get_catalogue(engine, refresh=True).services


def test_a_network_fault_proposes_nothing_and_keeps_the_last_sync_time(engine, ptv):
    ptv.serve("services_first.json", "published.json")
    ptv.routes[f"/api/v11/ServiceChannel/list/area/Municipality/code/{KUOPIO}"] = 503
    result = sync_area(engine, "kuopio", base_url=ptv.url)
    assert not result.complete
    assert any("HTTPStatusError" in problem for problem in result.problems)
    assert result.proposed == {"add": [], "change": [], "retire": []}
    assert last_sync(engine, "kuopio") is None


def test_an_unreachable_server_is_a_fault_too(engine):
    result = sync_area(engine, "kuopio", base_url="http://127.0.0.1:9")
    assert not result.complete and result.problems
    assert queue(engine) == {}


def test_a_page_that_is_not_json_is_reported(engine, ptv):
    ptv.serve("services_first.json", "published.json")
    ptv.routes[f"/api/v11/Service/area/Municipality/code/{KUOPIO}"] = [{"itemList": "not a list"}]
    result = sync_area(engine, "kuopio", base_url=ptv.url)
    assert not result.complete and any("not a PTV page" in problem for problem in result.problems)


def test_the_command_reports_and_an_unknown_area_fails(engine, ptv, monkeypatch, capsys):
    from catalogue import cli

    ptv.serve("services_first.json", "published.json")
    monkeypatch.setenv("DATABASE_URL", str(engine.url))
    monkeypatch.setenv("POLKUOPAS_PTV_API_URL", ptv.url)
    assert cli.main(["catalogue", "sync-ptv", "--area", "kuopio"]) == 0
    assert "PTV sync of kuopio: 3 employment services read, proposed 2 to add" in capsys.readouterr().out
    before = len(current_records(engine)["service"])
    assert cli.main(["catalogue", "sync-ptv", "--area", "nowhere"]) == 2
    assert len(current_records(engine)["service"]) == before  # proposals only, nothing applied
