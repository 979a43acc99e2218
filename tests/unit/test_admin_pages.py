"""The staff editor's pages (/hallinta, api/routers/admin.py) over HTTP: the logins, the forms,
review, history and undo, permissions, and what users see after an approval (/api/services,
/api/municipalities/resolve).

Approvals change the catalogue, so the module has its own fresh seeded database. Argon2 takes a
tenth of a second a hash, so the four accounts are made once; each user has a client (cookie jar)
of their own on one app.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from catalogue import DATA_DIR
from catalogue.db import make_engine, session_scope
from catalogue.edits import current_records, propose, record_area, review, seed_records
from catalogue.models import CatalogueEdit
from catalogue.repository import get_catalogue
from catalogue.seed import seed
from staff.accounts import StaffUser, create_account
from tests.unit.conftest import api_without_rasa

KUOPIO = "kuopio"
ESPOO = "espoo-kauniainen"
PASSWORD = "oikein-pitkä-salasana-42"
COORDINATOR = "kuopio.coordinator"
COLLEAGUE = "kuopio.colleague"
ESPOO_STAFF = "espoo.staff"
NATIONAL = "national.admin"
# the Kuopio area's own official page (catalogue/data/employment_areas.yaml, its contact url)
KUOPIO_PAGE = next(area for area in seed_records()["area"] if area["id"] == KUOPIO)["contact"]["url"]
TEXTS = yaml.safe_load((Path(DATA_DIR).parents[1] / "messages/fi/hallinta.yaml").read_text("utf-8"))
ERRORS = TEXTS["errors"]
LOGIN_FORM = re.compile(r'<form[^>]*method="post"[^>]*action="/kirjaudu[?"].*name="password"', re.DOTALL)
APPROVE_ACTION = re.compile(r'action="/hallinta/muutokset/(\d+)/hyvaksy')
KEPT_ENGINES: list[Engine] = []


@pytest.fixture(scope="module")
def engine(new_database_url) -> Iterator[Engine]:
    """A fresh seeded database with two Kuopio staff, one of Espoo and a national admin."""
    engine = make_engine(new_database_url("admin_pages"))
    seed(engine)
    for username, area in ((COORDINATOR, KUOPIO), (COLLEAGUE, KUOPIO), (ESPOO_STAFF, ESPOO), (NATIONAL, None)):
        create_account(engine, username, PASSWORD, area)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def app_client(engine, tmp_path_factory) -> Iterator[TestClient]:
    """The API over HTTPS (the staff cookie is Secure) with room for many logins; no one logged in."""
    with api_without_rasa(
        engine,
        tmp_path_factory.mktemp("admin-pages"),
        purge_interval_minutes=0,
        logins_per_minute_per_client=10_000,
        logins_per_minute_per_user=10_000,
        logins_per_hour_per_user=10_000,
    ) as client:
        client.base_url = "https://testserver"
        yield client


def logged_in_client(app_client: TestClient, username: str) -> TestClient:
    """A client of its own (cookie jar) on the same app, logged in as `username`."""
    client = TestClient(app_client.app, base_url="https://testserver", raise_server_exceptions=False)
    response = client.post(
        "/kirjaudu", data={"username": username, "password": PASSWORD, "next": "/hallinta"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/hallinta"
    return client


@pytest.fixture(scope="module")
def coordinator(app_client) -> TestClient:
    return logged_in_client(app_client, COORDINATOR)


@pytest.fixture(scope="module")
def colleague(app_client) -> TestClient:
    return logged_in_client(app_client, COLLEAGUE)


@pytest.fixture(scope="module")
def espoo(app_client) -> TestClient:
    return logged_in_client(app_client, ESPOO_STAFF)


@pytest.fixture(scope="module")
def national(app_client) -> TestClient:
    return logged_in_client(app_client, NATIONAL)


@pytest.fixture
def public(app_client) -> Iterator[TestClient]:
    """The API with no one logged in."""
    app_client.cookies.clear()
    yield app_client
    app_client.cookies.clear()


def service_form(**changes: Any) -> dict[str, Any]:
    """The new-service form as Kuopio's staff fill it in, sourced from the area's own page (a plain
    guidance service that no search of these tests looks for, unless `changes` say otherwise)."""
    form: dict[str, Any] = {
        "id": "",
        "title": "Testineuvonta Kuopion työllisyysalueella",
        "summary": "Yksikkötestien palvelu: neuvontaa Kuopion työllisyysalueen asukkaille.",
        "description": "",
        "category": "guidance",
        "audience": ["jobseeker"],
        "municipality": "",
        "provider": "",
        "url": KUOPIO_PAGE,
        "contact": "",
        "key_rules": "",
        "how_to_apply": "",
        "keywords": "testineuvonta",
        "source_url": KUOPIO_PAGE,
    }
    form.update(changes)
    return form


# Kuopio's work trial as its coordinator fills the form in (the "done when")
WORK_TRIAL = {
    "title": "Työkokeilu Kuopion työllisyysalueella",
    "summary": "Kuopion työllisyysalueen työkokeilu: kokeile työpaikassa, sopiiko ala tai työ sinulle.",
    "description": "Työkokeilussa tutustut työhön ja työpaikkaan ilman työsuhdetta.",
    "category": "work_trial",
    "key_rules": "Työkokeilusta sovitaan työllisyysalueen kanssa.",
    "how_to_apply": "Kysy työkokeilusta Kuopion työllisyysalueen asiantuntijalta.",
    "keywords": "työkokeilu, Kuopio, Suonenjoki",
}


def form_of(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The edit form of an existing service, as the page fills it in, with `changes`."""
    form = {
        key: record.get(key) or ""
        for key in ("title", "summary", "description", "how_to_apply", "url", "contact", "source_url", "category")
    }
    form.update(
        audience=list(record.get("audience") or []),
        municipality=record.get("municipality") or "",
        provider=record.get("provider") or "",
        key_rules="\n".join(record.get("key_rules") or []),
        keywords=", ".join(record.get("keywords") or []),
    )
    form.update(changes)
    return form


def pending_ids(client: TestClient, query: str = "") -> list[int]:
    """The edits the user may approve, from the approve buttons of their overview."""
    page = client.get(f"/hallinta{query}")
    assert page.status_code == 200
    return [int(found) for found in APPROVE_ACTION.findall(page.text)]


def edits_of_target(engine: Engine, target_id: str) -> list[CatalogueEdit]:
    with session_scope(engine) as db:
        found = list(db.scalars(select(CatalogueEdit).where(CatalogueEdit.target_id == target_id)))
        db.expunge_all()
        return sorted(found, key=lambda edit: edit.id)


def proposed(engine: Engine, target_id: str) -> int:
    """The id of the newest pending edit of `target_id`."""
    pending = [edit.id for edit in edits_of_target(engine, target_id) if edit.status == "pending"]
    assert pending, target_id
    return pending[-1]


def text_of(page: Any) -> str:
    return html.unescape(page.text)


# ---------------------------------------------------------------------------
# Without a login
# ---------------------------------------------------------------------------

GET_ROUTES = (
    "/hallinta",
    "/hallinta/palvelut/uusi",
    "/hallinta/palvelut/kuopio-palkkatuen-linjaukset-2025",
    "/hallinta/tuottajat/uusi",
    "/hallinta/tuottajat/tukeva-saatio",
    "/hallinta/yhteystiedot",
)
POST_ROUTES = (
    "/hallinta/palvelut/uusi",
    "/hallinta/palvelut/kuopio-palkkatuen-linjaukset-2025",
    "/hallinta/palvelut/kuopio-palkkatuen-linjaukset-2025/poista",
    "/hallinta/tuottajat/uusi",
    "/hallinta/tuottajat/tukeva-saatio",
    "/hallinta/tuottajat/tukeva-saatio/poista",
    "/hallinta/yhteystiedot",
    "/hallinta/muutokset/1/hyvaksy",
    "/hallinta/muutokset/1/hylkaa",
    "/hallinta/muutokset/1/peru",
)


def test_the_public_gets_the_login_form_on_every_route(public, engine) -> None:
    """Without a login every /hallinta page and form answers 401 with the login form, and a posted
    form proposes nothing."""
    with session_scope(engine) as db:
        before = len(db.scalars(select(CatalogueEdit.id)).all())
    for url in GET_ROUTES:
        page = public.get(url)
        assert page.status_code == 401, url
        assert LOGIN_FORM.search(page.text), url
        assert "no-store" in page.headers.get("cache-control", ""), url
        assert f'name="next" value="{url}"' in page.text, url
    for url in POST_ROUTES:
        page = public.post(url, data=service_form(), follow_redirects=False)
        assert page.status_code == 401, url
        assert LOGIN_FORM.search(page.text), url
    with session_scope(engine) as db:
        assert len(db.scalars(select(CatalogueEdit.id)).all()) == before


# ---------------------------------------------------------------------------
# The "done when": Kuopio's work trial, added, approved, found first
# ---------------------------------------------------------------------------


def test_kuopio_adds_its_work_trial_a_colleague_approves_and_a_search_finds_it_first(
    engine, coordinator, colleague, public
) -> None:
    """Kuopio's coordinator adds the area's work trial with its official page; it is not shown until
    a colleague approves it; then 'työkokeilu Kuopio' finds it first, checked on today."""
    form_page = coordinator.get("/hallinta/palvelut/uusi")
    assert form_page.status_code == 200
    assert TEXTS["form"]["add_service"] in form_page.text and 'name="source_url"' in form_page.text
    sent = coordinator.post("/hallinta/palvelut/uusi", data=service_form(**WORK_TRIAL), follow_redirects=False)
    assert sent.status_code == 303, sent.text
    assert sent.headers["location"] == "/hallinta?done=proposed"
    service_id = "tyokokeilu-kuopion-tyollisyysalueella"
    edit_id = proposed(engine, service_id)

    own = coordinator.get("/hallinta?done=proposed")
    assert TEXTS["done"]["proposed"] in own.text and TEXTS["own_edit"] in own.text
    assert edit_id not in pending_ids(coordinator)
    search = public.get("/api/services", params={"q": "työkokeilu Kuopio"}).json()
    assert service_id not in [item["id"] for item in search["items"]]

    assert edit_id in pending_ids(colleague)
    approved = colleague.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False)
    assert approved.status_code == 303
    assert approved.headers["location"] == "/hallinta?done=approved"

    today = dt.date.today().isoformat()
    search = public.get("/api/services", params={"q": "työkokeilu Kuopio"}).json()
    first = search["items"][0]
    assert first["id"] == service_id
    jobseeker = public.get("/api/services", params={"q": "työkokeilu Kuopio", "audience": "jobseeker"}).json()
    assert jobseeker["items"][0]["id"] == service_id
    assert first["last_verified"] == today
    assert first["source_url"] == KUOPIO_PAGE and first["url"] == KUOPIO_PAGE
    detail = public.get(f"/api/services/{service_id}").json()
    assert detail["title"] == WORK_TRIAL["title"] and detail["category"] == "work_trial"
    freshness = public.get("/api/municipalities/resolve", params={"q": "Kuopio"}).json()["freshness"]
    assert freshness["newest"] == today and freshness["records"] >= 2


# ---------------------------------------------------------------------------
# Permissions
# ---------------------------------------------------------------------------


def test_the_proposer_cannot_approve_their_own_edit(engine, coordinator) -> None:
    """Approving one's own edit answers 403 with the page saying another staff member approves it."""
    sent = coordinator.post(
        "/hallinta/palvelut/uusi",
        data=service_form(id="oma-testineuvonta", title="Oma testineuvonta"),
        follow_redirects=False,
    )
    assert sent.status_code == 303
    edit_id = proposed(engine, "oma-testineuvonta")
    refused = coordinator.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False)
    assert refused.status_code == 403
    assert ERRORS["own_edit"] in text_of(refused)
    assert edits_of_target(engine, "oma-testineuvonta")[-1].status == "pending"


def test_a_handled_edit_cannot_be_reviewed_again(engine, coordinator, colleague, national) -> None:
    """A second review of a rejected edit answers 409 and the page says it is handled already."""
    sent = coordinator.post(
        "/hallinta/palvelut/uusi", data=service_form(id="kahdesti-kasitelty"), follow_redirects=False
    )
    assert sent.status_code == 303
    edit_id = proposed(engine, "kahdesti-kasitelty")
    rejected = colleague.post(
        f"/hallinta/muutokset/{edit_id}/hylkaa", data={"note": "lähde ei riitä"}, follow_redirects=False
    )
    assert rejected.status_code == 303 and rejected.headers["location"] == "/hallinta?done=rejected"
    for client, verdict in ((colleague, "hyvaksy"), (national, "hyvaksy"), (colleague, "hylkaa")):
        again = client.post(f"/hallinta/muutokset/{edit_id}/{verdict}", follow_redirects=False)
        assert again.status_code == 409
        assert ERRORS["not_pending"] in text_of(again)
    edit = edits_of_target(engine, "kahdesti-kasitelty")[-1]
    assert (edit.status, edit.reviewed_by, edit.note) == ("rejected", COLLEAGUE, "lähde ei riitä")
    assert get_catalogue(engine).service("kahdesti-kasitelty") is None


def test_espoo_staff_cannot_approve_nor_edit_kuopio_records(engine, coordinator, espoo) -> None:
    """Espoo's staff get 403 approving Kuopio's edit, opening, changing or retiring Kuopio's service,
    and do not see Kuopio's queue."""
    sent = coordinator.post("/hallinta/palvelut/uusi", data=service_form(id="espoo-ei-nae"), follow_redirects=False)
    assert sent.status_code == 303
    edit_id = proposed(engine, "espoo-ei-nae")
    assert edit_id not in pending_ids(espoo)
    refused = espoo.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False)
    assert refused.status_code == 403 and ERRORS["other_area"] in text_of(refused)
    service = next(s for s in current_records(engine)["service"] if s["id"] == "kuopio-palkkatuen-linjaukset-2025")
    url = "/hallinta/palvelut/kuopio-palkkatuen-linjaukset-2025"
    before = len(edits_of_target(engine, service["id"]))
    for response in (
        espoo.get(url),
        espoo.post(url, data=form_of(service, title="Espoon muutos"), follow_redirects=False),
        espoo.post(f"{url}/poista", follow_redirects=False),
    ):
        assert response.status_code == 403
        assert ERRORS["other_area"] in text_of(response)
    assert len(edits_of_target(engine, service["id"])) == before
    assert edits_of_target(engine, "espoo-ei-nae")[-1].status == "pending"


def test_area_staff_cannot_edit_a_national_service_but_a_national_admin_can(engine, coordinator, national) -> None:
    """Kuopio's staff get 403 national_only opening, changing or retiring palkkatuki; a national admin
    opens its form and proposes a change of it."""
    palkkatuki = next(s for s in current_records(engine)["service"] if s["id"] == "palkkatuki")
    url = "/hallinta/palvelut/palkkatuki"
    for response in (
        coordinator.get(url),
        coordinator.post(url, data=form_of(palkkatuki, title="Palkkatuki Kuopiossa"), follow_redirects=False),
        coordinator.post(f"{url}/poista", follow_redirects=False),
    ):
        assert response.status_code == 403
        assert ERRORS["national_only"] in text_of(response)
    assert edits_of_target(engine, "palkkatuki") == []

    page = national.get(url)
    assert page.status_code == 200 and 'name="title"' in page.text
    sent = national.post(url, data=form_of(palkkatuki, title="Palkkatuki (tarkistettu)"), follow_redirects=False)
    assert sent.status_code == 303, sent.text
    edit = edits_of_target(engine, "palkkatuki")[-1]
    assert (edit.status, edit.action, edit.area_id, edit.proposed_by) == ("pending", "change", None, NATIONAL)
    assert edit.record["scope"] == "national" and edit.record["title"] == "Palkkatuki (tarkistettu)"
    review(engine, StaffUser("other.admin", None), edit.id, approve=False)  # leave the catalogue as it was


def test_a_form_posted_from_another_site_is_refused(engine, coordinator) -> None:
    """A POST whose Origin is another site answers 403 and proposes nothing; the site's own origin is fine."""
    refused = coordinator.post(
        "/hallinta/palvelut/uusi",
        data=service_form(id="toiselta-sivustolta"),
        headers={"Origin": "https://example.org"},
        follow_redirects=False,
    )
    assert refused.status_code == 403 and ERRORS["forbidden_origin"] in text_of(refused)
    assert edits_of_target(engine, "toiselta-sivustolta") == []
    same = coordinator.post(
        "/hallinta/palvelut/uusi",
        data=service_form(id="omalta-sivustolta"),
        headers={"Origin": "https://testserver"},
        follow_redirects=False,
    )
    assert same.status_code == 303


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def test_field_errors_answer_422_with_the_finnish_message(engine, coordinator) -> None:
    """A missing title and summary and a source that is not a URL answer 422 with the Finnish error
    texts in the form, which keeps what was typed; nothing is proposed."""
    missing = coordinator.post(
        "/hallinta/palvelut/uusi",
        data=service_form(id="virheellinen-lomake", title="", summary=""),
        follow_redirects=False,
    )
    assert missing.status_code == 422
    page = text_of(missing)
    assert ERRORS["heading"] in page and ERRORS["required"] in page
    assert 'id="title-error"' in missing.text and 'id="summary-error"' in missing.text
    bad_source = coordinator.post(
        "/hallinta/palvelut/uusi",
        data=service_form(id="virheellinen-lomake", source_url="tyonavigaattori.fi"),
        follow_redirects=False,
    )
    assert bad_source.status_code == 422
    assert ERRORS["url"] in text_of(bad_source) and 'id="source_url-error"' in bad_source.text
    assert 'value="tyonavigaattori.fi"' in bad_source.text
    assert edits_of_target(engine, "virheellinen-lomake") == []


def test_retiring_a_provider_that_services_name_lists_the_check_errors(engine, coordinator) -> None:
    """Retiring Kuopio's provider that a service names answers 422 listing the catalogue check's errors."""
    records = current_records(engine)
    named = {s["provider"] for s in records["service"] if s.get("provider")}
    provider = next(
        p["id"] for p in records["provider"] if p["id"] in named and record_area("provider", p, records) == KUOPIO
    )
    naming = [s["id"] for s in records["service"] if s.get("provider") == provider]
    refused = coordinator.post(f"/hallinta/tuottajat/{provider}/poista", follow_redirects=False)
    assert refused.status_code == 422
    page = text_of(refused)
    assert ERRORS["checks"] in page
    for service_id in naming:
        assert f"service {service_id}: unknown provider {provider!r}" in page
    assert edits_of_target(engine, provider) == []


# ---------------------------------------------------------------------------
# History, undo, retire, contacts
# ---------------------------------------------------------------------------


def test_history_shows_who_and_undo_restores_the_old_title(engine, coordinator, colleague, public) -> None:
    """A change approved by a colleague is in the overview's history with its proposer, reviewer and
    the title before and after; undoing it and approving the undo restores the old title."""
    service_id = "kuopio-palkkatuen-linjaukset-2025"
    service = next(s for s in current_records(engine)["service"] if s["id"] == service_id)
    old_title, new_title = service["title"], "Palkkatuen linjaukset Kuopion työllisyysalueella"
    sent = coordinator.post(
        f"/hallinta/palvelut/{service_id}", data=form_of(service, title=new_title), follow_redirects=False
    )
    assert sent.status_code == 303, sent.text
    edit_id = proposed(engine, service_id)
    assert colleague.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False).status_code == 303
    assert public.get(f"/api/services/{service_id}").json()["title"] == new_title

    edit = edits_of_target(engine, service_id)[-1]
    assert (edit.proposed_by, edit.reviewed_by, edit.status) == (COORDINATOR, COLLEAGUE, "approved")
    assert edit.proposed_at is not None and edit.reviewed_at is not None
    assert edit.previous is not None and edit.previous["title"] == old_title and edit.record["title"] == new_title
    history = text_of(colleague.get("/hallinta")).split(TEXTS["sections"]["history"], 1)[1]
    assert f"<code>{service_id}</code>" in history
    assert COORDINATOR in history and f"{TEXTS['statuses']['approved']}: {COLLEAGUE}" in history
    assert old_title in history and new_title in history
    assert f"/hallinta/muutokset/{edit_id}/peru" in history

    undone = coordinator.post(f"/hallinta/muutokset/{edit_id}/peru", follow_redirects=False)
    assert undone.status_code == 303 and undone.headers["location"] == "/hallinta?done=proposed"
    undo_id = proposed(engine, service_id)
    undo_edit = edits_of_target(engine, service_id)[-1]
    assert (undo_edit.id, undo_edit.source, undo_edit.record) == (undo_id, "undo", edit.previous)
    assert public.get(f"/api/services/{service_id}").json()["title"] == new_title
    assert colleague.post(f"/hallinta/muutokset/{undo_id}/hyvaksy", follow_redirects=False).status_code == 303
    assert public.get(f"/api/services/{service_id}").json()["title"] == old_title


def test_an_approved_retirement_removes_the_service(engine, coordinator, colleague, public) -> None:
    """Kuopio's coordinator retires a service of the area; after a colleague's approval the API no
    longer has it."""
    added = propose(
        engine,
        StaffUser(COORDINATOR, KUOPIO),
        "service",
        "add",
        {
            **next(s for s in current_records(engine)["service"] if s["id"] == "kuopio-palkkatuen-linjaukset-2025"),
            "id": "poistuva-palvelu",
            "title": "Poistuva palvelu",
        },
    )
    assert added.errors == [] and added.edit_id is not None
    review(engine, StaffUser(COLLEAGUE, KUOPIO), added.edit_id, approve=True)
    assert public.get("/api/services/poistuva-palvelu").status_code == 200

    sent = coordinator.post("/hallinta/palvelut/poistuva-palvelu/poista", follow_redirects=False)
    assert sent.status_code == 303 and sent.headers["location"] == "/hallinta?done=proposed"
    edit_id = proposed(engine, "poistuva-palvelu")
    assert public.get("/api/services/poistuva-palvelu").status_code == 200
    assert colleague.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False).status_code == 303
    assert public.get("/api/services/poistuva-palvelu").status_code == 404
    assert "poistuva-palvelu" not in get_catalogue(engine, refresh=True).services
    assert coordinator.get("/hallinta/palvelut/poistuva-palvelu").status_code == 404


def test_kuopio_changes_its_phone_hours(engine, coordinator, colleague, public) -> None:
    """Kuopio's staff change their area's service hours in the contacts form; after a colleague's
    approval the municipality resolver shows the new hours."""
    form_page = coordinator.get("/hallinta/yhteystiedot")
    assert form_page.status_code == 200
    area = next(a for a in current_records(engine)["area"] if a["id"] == KUOPIO)
    assert html.escape(area["contact"]["name"], quote=True) in form_page.text
    hours = "ma–pe klo 9–15"
    form = {
        "contact_name": area["contact"]["name"],
        "contact_url": area["contact"]["url"],
        "contact_hours": hours,
        "source_url": KUOPIO_PAGE,
    }
    earlier = len(edits_of_target(engine, KUOPIO))
    missing_name = coordinator.post("/hallinta/yhteystiedot", data={**form, "contact_name": ""}, follow_redirects=False)
    assert missing_name.status_code == 422 and ERRORS["required"] in text_of(missing_name)
    assert len(edits_of_target(engine, KUOPIO)) == earlier

    sent = coordinator.post("/hallinta/yhteystiedot", data=form, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    edit_id = proposed(engine, KUOPIO)
    before = public.get("/api/municipalities/resolve", params={"q": "Kuopio"}).json()
    assert before["contacts"]["jobseeker"].get("hours") != hours
    assert colleague.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False).status_code == 303
    after = public.get("/api/municipalities/resolve", params={"q": "Kuopio"}).json()
    assert after["employment_area"]["id"] == KUOPIO
    assert after["contacts"]["jobseeker"]["hours"] == hours
    assert after["contacts"]["jobseeker"]["name"] == area["contact"]["name"]
    assert after["freshness"]["newest"] == dt.date.today().isoformat()


def test_a_national_admin_approves_an_area_edit_from_the_area_view(engine, coordinator, national) -> None:
    """A national admin sees Kuopio's queue with ?area=kuopio and approves its edit."""
    sent = coordinator.post(
        "/hallinta/palvelut/uusi",
        data=service_form(id="valtakunnallinen-hyvaksyy", municipality="Suonenjoki"),
        follow_redirects=False,
    )
    assert sent.status_code == 303
    edit_id = proposed(engine, "valtakunnallinen-hyvaksyy")
    assert edit_id in pending_ids(national, f"?area={KUOPIO}")
    approved = national.post(f"/hallinta/muutokset/{edit_id}/hyvaksy?area={KUOPIO}", follow_redirects=False)
    assert approved.status_code == 303
    assert approved.headers["location"] == f"/hallinta?done=approved&area={KUOPIO}"
    service = get_catalogue(engine).service("valtakunnallinen-hyvaksyy")
    assert service is not None and service.scope == "municipal"


def test_markup_in_a_proposed_title_is_shown_escaped(engine, coordinator, colleague) -> None:
    """A title with HTML in it is shown as text in the colleague's queue, not as markup."""
    title = "Testineuvonta <b>Kuopio</b>"
    sent = coordinator.post(
        "/hallinta/palvelut/uusi", data=service_form(id="merkinnat-nakyvat", title=title), follow_redirects=False
    )
    assert sent.status_code == 303, sent.text
    edit_id = proposed(engine, "merkinnat-nakyvat")
    queue = colleague.get("/hallinta")
    assert edit_id in [int(found) for found in APPROVE_ACTION.findall(queue.text)]
    assert "Testineuvonta &lt;b&gt;Kuopio&lt;/b&gt;" in queue.text and "<b>Kuopio</b>" not in queue.text
    assert colleague.post(f"/hallinta/muutokset/{edit_id}/hylkaa", follow_redirects=False).status_code == 303


def test_the_overview_lists_the_area_services_and_links_to_their_forms(coordinator) -> None:
    """Kuopio's overview lists the area's own services with their edit links, not other areas' or
    national ones, and a link to the contacts form."""
    page = coordinator.get("/hallinta")
    assert page.status_code == 200
    records = seed_records()
    for service in records["service"]:
        link = f'href="/hallinta/palvelut/{service["id"]}?'
        assert (link in page.text) == (record_area("service", service, records) == KUOPIO), service["id"]
    assert 'href="/hallinta/yhteystiedot?' in page.text
    assert html.escape(TEXTS["area"].format(area="Kuopion työllisyysalue"), quote=False) in page.text


def test_kuopio_adds_a_provider_and_then_names_it_in_a_service(engine, coordinator, colleague, public) -> None:
    """A provider added in the provider form and approved is offered in the service form, and a
    service naming it is approved and shows it."""
    assert coordinator.get("/hallinta/tuottajat/uusi").status_code == 200
    form = {
        "id": "kuopion-testituottaja",
        "name": "Kuopion testituottaja",
        "kind": "association",
        "summary": "Valmentaa työnhakijoita Kuopiossa.",
        "url": KUOPIO_PAGE,
        "phone": "",
        "municipalities": ["Kuopio", "Espoo"],
        "source_url": KUOPIO_PAGE,
    }
    sent = coordinator.post("/hallinta/tuottajat/uusi", data=form, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    edit = edits_of_target(engine, "kuopion-testituottaja")[-1]
    assert (edit.kind, edit.area_id) == ("provider", KUOPIO)
    assert edit.record["municipalities"] == ["Kuopio"] and edit.record["employment_area"] == KUOPIO
    assert 'value="kuopion-testituottaja"' not in coordinator.get("/hallinta/palvelut/uusi").text
    assert colleague.post(f"/hallinta/muutokset/{edit.id}/hyvaksy", follow_redirects=False).status_code == 303
    assert 'value="kuopion-testituottaja"' in coordinator.get("/hallinta/palvelut/uusi").text

    service = service_form(
        id="testituottajan-valmennus",
        provider="kuopion-testituottaja",
        category="coaching",
        title="Testituottajan valmennus",
    )
    assert coordinator.post("/hallinta/palvelut/uusi", data=service, follow_redirects=False).status_code == 303
    edit_id = proposed(engine, "testituottajan-valmennus")
    assert colleague.post(f"/hallinta/muutokset/{edit_id}/hyvaksy", follow_redirects=False).status_code == 303
    detail = public.get("/api/services/testituottajan-valmennus").json()
    assert detail["provider"] == "Kuopion testituottaja"
