"""Staff edits of the catalogue (catalogue/edits.py): proposals, review, history, undo, the
approved edits applied at every seeding (catalogue/seed.py), the forms' records
(catalogue/edit_forms.py), the records to check, and `polkuopas catalogue export-edits`.

Approvals change the catalogue, so the module has its own fresh seeded database; each test adds
or changes records of its own (distinct ids) so that the tests do not depend on their order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, select

from catalogue import DATA_DIR
from catalogue.cli import main
from catalogue.coverage import area_freshness
from catalogue.db import database_url, get_engine, make_engine, session_scope
from catalogue.edit_forms import area_contacts_from_form, provider_from_form, service_from_form
from catalogue.edits import (
    CHECK_AFTER_DAYS,
    EditRefused,
    System,
    apply_edits,
    approved_for_export,
    changed_fields,
    current_records,
    edits_of,
    may_edit,
    propose,
    record_area,
    review,
    seed_records,
    to_check,
    undo,
)
from catalogue.models import CatalogueEdit
from catalogue.repository import get_catalogue
from catalogue.search import get_search
from catalogue.seed import seed
from staff.accounts import StaffUser

KUOPIO = "kuopio"
ESPOO = "espoo-kauniainen"
COORDINATOR = StaffUser("kuopio.coordinator", KUOPIO)
COLLEAGUE = StaffUser("kuopio.colleague", KUOPIO)
ESPOO_STAFF = StaffUser("espoo.staff", ESPOO)
NATIONAL = StaffUser("national.admin", None)
OTHER_NATIONAL = System("other.admin")
# the Kuopio area's own official page (catalogue/data/employment_areas.yaml, its contact url)
KUOPIO_PAGE = next(area for area in seed_records()["area"] if area["id"] == KUOPIO)["contact"]["url"]
KEPT_ENGINES: list[Engine] = []
HALLINTA_ERRORS = yaml.safe_load((Path(DATA_DIR).parents[1] / "messages/fi/hallinta.yaml").read_text("utf-8"))["errors"]


@pytest.fixture(scope="module")
def engine(new_database_url) -> Iterator[Engine]:
    """A fresh seeded database of this module's own (approvals re-seed its catalogue)."""
    engine = make_engine(new_database_url("edits"))
    seed(engine)
    get_catalogue(engine, refresh=True)  # not a cached snapshot of an earlier engine that had the same id()
    yield engine
    engine.dispose()


def kuopio_municipalities() -> list[str]:
    return list(next(a for a in seed_records()["area"] if a["id"] == KUOPIO)["municipalities"])


def service_form(**changes: Any) -> dict[str, Any]:
    """The service form as Kuopio's staff fill it in, sourced from the area's own page (a plain
    guidance service that no search of these tests looks for, unless `changes` say otherwise)."""
    form: dict[str, Any] = {
        "id": "",
        "title": "Testineuvonta Kuopion työllisyysalueella",
        "summary": "Yksikkötestien palvelu: neuvontaa Kuopion työllisyysalueen asukkaille.",
        "description": "",
        "how_to_apply": "",
        "url": KUOPIO_PAGE,
        "contact": "",
        "source_url": KUOPIO_PAGE,
        "category": "guidance",
        "audience": ["jobseeker"],
        "municipality": "",
        "provider": "",
        "key_rules": "",
        "keywords": "testineuvonta",
    }
    form.update(changes)
    return form


def new_service(record_id: str, **changes: Any) -> dict[str, Any]:
    """A new Kuopio service record as the form makes it."""
    result = service_from_form(
        service_form(id=record_id, **changes),
        None,
        area_id=KUOPIO,
        municipalities=kuopio_municipalities(),
        providers=["tukeva-saatio"],
    )
    assert result.errors == {}
    return result.record


def added(engine: Engine, record: dict[str, Any], kind: str = "service") -> int:
    """Proposes adding `record` as Kuopio's coordinator and has the colleague approve it."""
    proposal = propose(engine, COORDINATOR, kind, "add", record)
    assert proposal.errors == [] and proposal.edit_id is not None
    review(engine, COLLEAGUE, proposal.edit_id, approve=True)
    return proposal.edit_id


def record_of(engine: Engine, kind: str, record_id: str) -> dict[str, Any] | None:
    return next((r for r in current_records(engine)[kind] if r["id"] == record_id), None)


def edit_row(engine: Engine, edit_id: int) -> CatalogueEdit:
    with session_scope(engine) as db:
        edit = db.get(CatalogueEdit, edit_id)
        assert edit is not None
        db.expunge(edit)
        return edit


# ---------------------------------------------------------------------------
# The records with the edits applied; whose a record is
# ---------------------------------------------------------------------------


def test_apply_edits_applies_in_order_and_skips_missing_targets() -> None:
    """Adds, changes and retirements apply in order; a change of an id that is not there is skipped;
    a retired id can be added again; the base records are not modified."""
    base = {"service": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}], "provider": [], "area": []}
    edits = [
        CatalogueEdit(kind="service", action="change", target_id="a", record={"id": "a", "title": "A2"}),
        CatalogueEdit(kind="service", action="retire", target_id="b", record={"id": "b"}),
        CatalogueEdit(kind="service", action="change", target_id="b", record={"id": "b", "title": "ghost"}),
        CatalogueEdit(kind="service", action="add", target_id="c", record={"id": "c", "title": "C"}),
        CatalogueEdit(kind="service", action="retire", target_id="c", record={"id": "c"}),
        CatalogueEdit(kind="service", action="add", target_id="c", record={"id": "c", "title": "C again"}),
    ]
    after = apply_edits(base, edits)
    assert after["service"] == [{"id": "a", "title": "A2"}, {"id": "c", "title": "C again"}]
    assert base["service"] == [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]
    assert after["provider"] == [] and after["area"] == []


def test_record_area_finds_the_area_of_each_kind() -> None:
    """An area is its own; a provider by its employment_area or its municipalities (one area only);
    a service by its area, its municipality or its provider; a national service has none."""
    records = seed_records()
    assert record_area("area", {"id": KUOPIO}, records) == KUOPIO
    assert record_area("provider", {"id": "p", "employment_area": KUOPIO}, records) == KUOPIO
    assert record_area("provider", {"id": "p", "municipalities": ["Suonenjoki"]}, records) == KUOPIO
    assert record_area("provider", {"id": "p", "municipalities": ["Kuopio", "Espoo"]}, records) is None
    assert record_area("service", {"id": "s", "scope": "municipal", "municipality": "Suonenjoki"}, records) == KUOPIO
    assert record_area("service", {"id": "s", "scope": "regional", "provider": "tukeva-saatio"}, records) == KUOPIO
    assert record_area("service", {"id": "s", "scope": "regional", "employment_area": ESPOO}, records) == ESPOO
    palkkatuki = next(s for s in records["service"] if s["id"] == "palkkatuki")
    assert record_area("service", palkkatuki, records) is None


def test_may_edit_national_everything_area_staff_their_own() -> None:
    """A national admin may edit every record; area staff only their own area's, never a national one."""
    assert may_edit(NATIONAL, None) and may_edit(NATIONAL, ESPOO)
    assert may_edit(COORDINATOR, KUOPIO)
    assert not may_edit(COORDINATOR, ESPOO)
    assert not may_edit(COORDINATOR, None)


# ---------------------------------------------------------------------------
# Proposing
# ---------------------------------------------------------------------------


def test_a_proposal_is_pending_with_its_proposer_and_today_as_last_verified(engine) -> None:
    """A staff proposal is stored pending, in its area, with who and when, and marks the record
    verified today; it is not in the catalogue before it is approved."""
    record = {**new_service("edits-pending-trial"), "last_verified": "2020-01-01"}
    proposal = propose(engine, COORDINATOR, "service", "add", record)
    assert proposal.errors == [] and proposal.edit_id is not None
    edit = edit_row(engine, proposal.edit_id)
    assert (edit.status, edit.kind, edit.action, edit.target_id) == ("pending", "service", "add", record["id"])
    assert (edit.area_id, edit.source, edit.proposed_by) == (KUOPIO, "staff", COORDINATOR.username)
    assert edit.proposed_at is not None and edit.reviewed_by is None and edit.previous is None
    assert edit.record["last_verified"] == dt.date.today().isoformat()
    assert record_of(engine, "service", record["id"]) is None
    assert get_catalogue(engine, refresh=True).service(record["id"]) is None
    assert proposal.edit_id in [e.id for e in edits_of(engine, KUOPIO, national=False, status="pending")]
    assert proposal.edit_id not in [e.id for e in edits_of(engine, ESPOO, national=False)]
    assert proposal.edit_id in [e.id for e in edits_of(engine, None, national=True)]


def test_adding_a_taken_id_is_an_error_and_changing_a_missing_one_is_refused(engine) -> None:
    """An addition of an id that is taken answers an error (nothing stored); a change or a retirement
    of an id that is not there is refused as not_found."""
    taken = new_service("kuopio-palkkatuen-linjaukset-2025")
    proposal = propose(engine, COORDINATOR, "service", "add", taken)
    assert proposal.edit_id is None
    assert proposal.errors == ["service kuopio-palkkatuen-linjaukset-2025: the id is taken"]
    for action in ("change", "retire"):
        with pytest.raises(EditRefused) as refused:
            propose(engine, COORDINATOR, "service", action, new_service("edits-no-such-service"))
        assert refused.value.reason == "not_found"
    with pytest.raises(ValueError):
        propose(engine, COORDINATOR, "service", "rename", taken)


def test_a_record_that_fails_the_catalogue_checks_is_not_proposed(engine) -> None:
    """A record with a source_url that is not a URL, or an empty title, answers the check errors."""
    bad_source = {**new_service("edits-bad-source"), "source_url": "tyonavigaattori.fi"}
    proposal = propose(engine, COORDINATOR, "service", "add", bad_source)
    assert proposal.edit_id is None
    assert proposal.errors == ["service edits-bad-source: source_url missing or not an http(s) URL"]
    empty_title = {**new_service("edits-empty-title"), "title": " "}
    assert propose(engine, COORDINATOR, "service", "add", empty_title).errors == [
        "service edits-empty-title: title is empty"
    ]


def test_area_staff_may_not_propose_for_a_national_record_or_another_area(engine) -> None:
    """Kuopio's staff cannot change or retire palkkatuki (national_only) nor move their service to
    Espoo (other_area); Espoo's staff cannot change Kuopio's service; nobody adds or retires an area."""
    palkkatuki = record_of(engine, "service", "palkkatuki")
    assert palkkatuki is not None
    for action in ("change", "retire"):
        with pytest.raises(EditRefused) as refused:
            propose(engine, COORDINATOR, "service", action, {**palkkatuki, "title": "Palkkatuki Kuopiossa"})
        assert refused.value.reason == "national_only"
    kuopio_service = record_of(engine, "service", "tukeva-saatio-valmennus")
    assert kuopio_service is not None
    with pytest.raises(EditRefused) as refused:
        propose(engine, ESPOO_STAFF, "service", "change", kuopio_service)
    assert refused.value.reason == "other_area"
    moved = {**kuopio_service, "employment_area": ESPOO, "municipality": None, "provider": None}
    with pytest.raises(EditRefused) as refused:
        propose(engine, COORDINATOR, "service", "change", moved)
    assert refused.value.reason == "other_area"
    kuopio_area = record_of(engine, "area", KUOPIO)
    assert kuopio_area is not None
    with pytest.raises(EditRefused) as refused:
        propose(engine, NATIONAL, "area", "retire", kuopio_area)
    assert refused.value.reason == "national_only"


def test_a_national_admin_may_propose_a_change_of_a_national_service(engine) -> None:
    """A national admin's change of palkkatuki is stored pending with no area (a national edit),
    and area staff may not review it."""
    palkkatuki = record_of(engine, "service", "palkkatuki")
    assert palkkatuki is not None
    proposal = propose(engine, NATIONAL, "service", "change", {**palkkatuki, "title": "Palkkatuki (tarkistettu)"})
    assert proposal.errors == [] and proposal.edit_id is not None
    edit = edit_row(engine, proposal.edit_id)
    assert edit.area_id is None and edit.previous is not None and edit.previous["title"] == "Palkkatuki"
    with pytest.raises(EditRefused) as refused:
        review(engine, COORDINATOR, proposal.edit_id, approve=True)
    assert refused.value.reason == "national_only"
    review(engine, OTHER_NATIONAL, proposal.edit_id, approve=False, note="ei muutosta")
    assert record_of(engine, "service", "palkkatuki")["title"] == "Palkkatuki"


def test_retiring_a_provider_that_services_name_answers_the_check_errors(engine) -> None:
    """Retiring a provider that a service of the catalogue names answers the services left pointing
    to it, and stores nothing."""
    records = current_records(engine)
    named = {s["provider"] for s in records["service"] if s.get("provider")}
    provider = next(
        p["id"] for p in records["provider"] if p["id"] in named and record_area("provider", p, records) == KUOPIO
    )
    naming = [s["id"] for s in records["service"] if s.get("provider") == provider]
    before = len(edits_of(engine, KUOPIO, national=False))
    proposal = propose(engine, COORDINATOR, "provider", "retire", {"id": provider})
    assert proposal.edit_id is None
    assert sorted(proposal.errors) == sorted(f"service {sid}: unknown provider {provider!r}" for sid in naming)
    assert len(edits_of(engine, KUOPIO, national=False)) == before


def test_retiring_a_contract_service_is_refused_by_the_checks(engine) -> None:
    """Retiring palkkatuki (a contract service id that `catalogue check` requires) answers check errors."""
    palkkatuki = record_of(engine, "service", "palkkatuki")
    assert palkkatuki is not None
    proposal = propose(engine, NATIONAL, "service", "retire", palkkatuki)
    if proposal.edit_id is not None:  # leave nothing pending for the other tests
        review(engine, OTHER_NATIONAL, proposal.edit_id, approve=False)
    assert proposal.edit_id is None
    assert any("palkkatuki" in error for error in proposal.errors)


# ---------------------------------------------------------------------------
# Reviewing
# ---------------------------------------------------------------------------


def test_review_refusals(engine) -> None:
    """The proposer cannot review their own edit, Espoo's staff cannot review Kuopio's, an unknown
    edit is not found; a handled edit cannot be reviewed again."""
    proposal = propose(engine, COORDINATOR, "service", "add", new_service("edits-review-refusals"))
    assert proposal.edit_id is not None
    for reviewer, reason in ((COORDINATOR, "own_edit"), (ESPOO_STAFF, "other_area")):
        with pytest.raises(EditRefused) as refused:
            review(engine, reviewer, proposal.edit_id, approve=True)
        assert refused.value.reason == reason
    with pytest.raises(EditRefused) as refused:
        review(engine, COLLEAGUE, 10_000_000, approve=True)
    assert refused.value.reason == "not_found"
    assert edit_row(engine, proposal.edit_id).status == "pending"
    review(engine, COLLEAGUE, proposal.edit_id, approve=False, note="  lähde puuttuu  ")
    for approve in (True, False):
        with pytest.raises(EditRefused) as refused:
            review(engine, NATIONAL, proposal.edit_id, approve=approve)
        assert refused.value.reason == "not_pending"


def test_a_rejected_edit_keeps_its_reviewer_and_note_and_changes_nothing(engine) -> None:
    """A rejection records who and when and the note, and the record stays out of the catalogue."""
    proposal = propose(engine, COORDINATOR, "service", "add", new_service("edits-rejected-trial"))
    assert proposal.edit_id is not None
    review(engine, COLLEAGUE, proposal.edit_id, approve=False, note="  lähde ei kerro tästä  ")
    edit = edit_row(engine, proposal.edit_id)
    assert (edit.status, edit.reviewed_by, edit.note) == ("rejected", COLLEAGUE.username, "lähde ei kerro tästä")
    assert edit.reviewed_at is not None
    assert record_of(engine, "service", "edits-rejected-trial") is None
    assert get_catalogue(engine).service("edits-rejected-trial") is None


def test_an_approved_edit_is_in_the_catalogue_and_survives_a_full_reseed(engine) -> None:
    """Approving re-seeds at once (the catalogue and its search have the service, verified today);
    a full `seed(engine)` keeps it, and `seed(if_needed=True)` has nothing more to do."""
    record = new_service(
        "edits-survives-reseed",
        title="Työkokeilu Suonenjoella",
        category="work_trial",
        keywords="työkokeilu, Suonenjoki",
        municipality="Suonenjoki",
    )
    version_before = get_catalogue(engine).version
    edit_id = added(engine, record)
    edit = edit_row(engine, edit_id)
    assert (edit.status, edit.reviewed_by) == ("approved", COLLEAGUE.username)
    snapshot = get_catalogue(engine)
    assert snapshot.version != version_before
    service = snapshot.service(record["id"])
    assert service is not None and service.last_verified == dt.date.today()
    assert service.title == "Työkokeilu Suonenjoella" and service.source_url == KUOPIO_PAGE
    report = seed(engine)
    assert not report.skipped
    snapshot = get_catalogue(engine, refresh=True)
    assert snapshot.service(record["id"]) is not None
    assert record["id"] in [s.id for s in get_search(snapshot).search("työkokeilu Suonenjoki", limit=5).items]
    assert seed(engine, if_needed=True).skipped


def test_another_process_sees_an_approved_edit_at_its_next_version_check(engine, monkeypatch) -> None:
    """A second engine on the same database (another API process) keeps its snapshot until it checks
    the stored version, then loads the approved edit without refresh=True."""
    other = make_engine(engine.url.render_as_string(hide_password=False))
    KEPT_ENGINES.append(other)  # alive, so that no later engine gets its id() and its cached snapshot
    try:
        before = get_catalogue(other, refresh=True)
        record = new_service("edits-other-process")
        added(engine, record)
        monkeypatch.setattr("catalogue.repository.VERSION_CHECK_SECONDS", 1e9)
        assert get_catalogue(other) is before
        monkeypatch.setattr("catalogue.repository.VERSION_CHECK_SECONDS", 0)
        seen = get_catalogue(other)
        assert seen.service(record["id"]) is not None
        assert seen.version == get_catalogue(engine).version
    finally:
        other.dispose()


def test_a_national_admin_approves_an_area_edit(engine) -> None:
    """A national admin may approve an edit of Kuopio's area."""
    proposal = propose(engine, COORDINATOR, "service", "add", new_service("edits-national-approves"))
    assert proposal.edit_id is not None
    review(engine, NATIONAL, proposal.edit_id, approve=True)
    assert get_catalogue(engine).service("edits-national-approves") is not None


def test_an_edit_the_catalogue_no_longer_accepts_is_not_approved(engine) -> None:
    """A service naming a provider that was retired after the proposal cannot be approved (no_longer_valid)."""
    provider = provider_from_form(
        {"name": "Edits Testisäätiö", "source_url": KUOPIO_PAGE, "url": KUOPIO_PAGE, "municipalities": ["Kuopio"]},
        None,
        area_id=KUOPIO,
        municipalities=kuopio_municipalities(),
    )
    assert provider.errors == {}
    added(engine, provider.record, kind="provider")
    service = {**new_service("edits-named-provider"), "provider": provider.record["id"]}
    pending = propose(engine, COORDINATOR, "service", "add", service)
    assert pending.errors == [] and pending.edit_id is not None
    retirement = propose(engine, COORDINATOR, "provider", "retire", {"id": provider.record["id"]})
    assert retirement.errors == [] and retirement.edit_id is not None
    review(engine, COLLEAGUE, retirement.edit_id, approve=True)
    with pytest.raises(EditRefused) as refused:
        review(engine, COLLEAGUE, pending.edit_id, approve=True)
    assert refused.value.reason == "no_longer_valid"
    assert edit_row(engine, pending.edit_id).status == "pending"
    assert get_catalogue(engine).service("edits-named-provider") is None


def test_a_second_addition_of_the_same_id_is_not_approved(engine) -> None:
    """Two pending additions of one id: after the first is approved, the second is no_longer_valid."""
    first = propose(engine, COORDINATOR, "service", "add", new_service("edits-same-id", title="Ensimmäinen"))
    second = propose(engine, COLLEAGUE, "service", "add", new_service("edits-same-id", title="Toinen"))
    assert first.edit_id is not None and second.edit_id is not None
    review(engine, COLLEAGUE, first.edit_id, approve=True)
    with pytest.raises(EditRefused) as refused:
        review(engine, COORDINATOR, second.edit_id, approve=True)
    assert refused.value.reason == "no_longer_valid"
    assert record_of(engine, "service", "edits-same-id")["title"] == "Ensimmäinen"


# ---------------------------------------------------------------------------
# Retire, history and undo
# ---------------------------------------------------------------------------


def test_an_approved_retirement_removes_the_service_and_undo_brings_it_back(engine) -> None:
    """Approving a retirement removes the service from the catalogue; undoing it proposes the old
    record again, and approving that restores it."""
    record = new_service("edits-retired-trial")
    added(engine, record)
    stored = record_of(engine, "service", record["id"])
    retirement = propose(engine, COORDINATOR, "service", "retire", {"id": record["id"]})
    assert retirement.errors == [] and retirement.edit_id is not None
    edit = edit_row(engine, retirement.edit_id)
    assert edit.previous == stored and edit.record == stored
    assert [name for name, _before, after in changed_fields(edit) if after is not None] == []
    assert get_catalogue(engine).service(record["id"]) is not None
    review(engine, COLLEAGUE, retirement.edit_id, approve=True)
    assert get_catalogue(engine, refresh=True).service(record["id"]) is None
    assert record["id"] not in get_catalogue(engine, refresh=True).services
    back = undo(engine, COLLEAGUE, retirement.edit_id)
    assert back.errors == [] and back.edit_id is not None
    undo_edit = edit_row(engine, back.edit_id)
    assert (undo_edit.action, undo_edit.source, undo_edit.record) == ("add", "undo", stored)
    review(engine, COORDINATOR, back.edit_id, approve=True)
    assert get_catalogue(engine).service(record["id"]) is not None


def test_history_keeps_who_when_before_and_after_and_undo_restores_the_title(engine) -> None:
    """A change keeps its proposer, reviewer, times, the record before and after (changed_fields);
    undoing it proposes the previous record, and approving the undo restores the old title."""
    added(engine, new_service("edits-history-trial", title="Testineuvonta ennen"))
    before = record_of(engine, "service", "edits-history-trial")
    assert before is not None
    change = propose(engine, COORDINATOR, "service", "change", {**before, "title": "Testineuvonta jälkeen"})
    assert change.edit_id is not None
    review(engine, COLLEAGUE, change.edit_id, approve=True, note="ok")
    edit = edit_row(engine, change.edit_id)
    assert (edit.proposed_by, edit.reviewed_by, edit.status) == (COORDINATOR.username, COLLEAGUE.username, "approved")
    assert edit.proposed_at is not None and edit.reviewed_at is not None
    assert edit.reviewed_at >= edit.proposed_at
    assert edit.previous == before and edit.record["title"] == "Testineuvonta jälkeen"
    assert ("title", "Testineuvonta ennen", "Testineuvonta jälkeen") in changed_fields(edit)
    assert {name for name, _before, _after in changed_fields(edit)} <= {"title", "last_verified"}
    assert get_catalogue(engine).service("edits-history-trial").title == "Testineuvonta jälkeen"

    back = undo(engine, COORDINATOR, change.edit_id)
    assert back.errors == [] and back.edit_id is not None
    undo_edit = edit_row(engine, back.edit_id)
    assert (undo_edit.action, undo_edit.source, undo_edit.status) == ("change", "undo", "pending")
    assert undo_edit.record == before
    review(engine, COLLEAGUE, back.edit_id, approve=True)
    assert get_catalogue(engine).service("edits-history-trial").title == "Testineuvonta ennen"
    history = [e.id for e in edits_of(engine, KUOPIO, national=False)]
    assert history.index(back.edit_id) < history.index(change.edit_id)  # newest first


def test_undo_refusals(engine) -> None:
    """Only an approved edit can be undone, and only by someone who may edit its area."""
    pending = propose(engine, COORDINATOR, "service", "add", new_service("edits-undo-refusals"))
    assert pending.edit_id is not None
    with pytest.raises(EditRefused) as refused:
        undo(engine, COLLEAGUE, pending.edit_id)
    assert refused.value.reason == "not_found"
    review(engine, COLLEAGUE, pending.edit_id, approve=True)
    with pytest.raises(EditRefused) as refused:
        undo(engine, ESPOO_STAFF, pending.edit_id)
    assert refused.value.reason == "other_area"
    back = undo(engine, COLLEAGUE, pending.edit_id)
    assert edit_row(engine, back.edit_id).action == "retire"


# ---------------------------------------------------------------------------
# Records to check, freshness
# ---------------------------------------------------------------------------


def test_to_check_lists_records_not_verified_for_a_year() -> None:
    """A record verified more than CHECK_AFTER_DAYS before today is listed, oldest first; one verified
    exactly CHECK_AFTER_DAYS before is not; other areas' records are not."""
    today = dt.date(2030, 6, 1)
    old = (today - dt.timedelta(days=CHECK_AFTER_DAYS + 1)).isoformat()
    older = (today - dt.timedelta(days=CHECK_AFTER_DAYS + 30)).isoformat()
    oldest = (today - dt.timedelta(days=CHECK_AFTER_DAYS + 60)).isoformat()
    edge = (today - dt.timedelta(days=CHECK_AFTER_DAYS)).isoformat()
    records = {
        "area": [{"id": KUOPIO, "municipalities": ["Kuopio"], "last_verified": today.isoformat()}],
        "provider": [{"id": "p", "employment_area": KUOPIO, "last_verified": older}],
        "service": [
            {"id": "old", "employment_area": KUOPIO, "scope": "regional", "last_verified": old},
            {"id": "edge", "employment_area": KUOPIO, "scope": "regional", "last_verified": edge},
            {"id": "espoo", "employment_area": ESPOO, "scope": "regional", "last_verified": oldest},
        ],
    }
    assert [(kind, r["id"]) for kind, r in to_check(records, KUOPIO, today)] == [("provider", "p"), ("service", "old")]
    assert [r["id"] for _kind, r in to_check(records, None, today)] == ["espoo", "p", "old"]


def test_to_check_and_freshness_of_the_seeded_catalogue(engine) -> None:
    """Far in the future every Kuopio record is to check and none of another area's; area_freshness
    counts the area's record and its own services."""
    records = current_records(engine)
    future = dt.date.today() + dt.timedelta(days=10 * 365)
    listed = to_check(records, KUOPIO, today=future)
    assert ("area", KUOPIO) in [(kind, r["id"]) for kind, r in listed]
    assert ("service", "kuopio-palkkatuen-linjaukset-2025") in [(kind, r["id"]) for kind, r in listed]
    assert all(record_area(kind, r, records) == KUOPIO for kind, r in listed)
    oldest = min(dt.date.fromisoformat(str(r["last_verified"])) for _kind, r in listed)
    assert to_check(records, KUOPIO, today=oldest + dt.timedelta(days=CHECK_AFTER_DAYS)) == []
    snapshot = get_catalogue(engine, refresh=True)
    fresh = area_freshness(snapshot, snapshot.areas[KUOPIO], today=future)
    assert fresh.records >= 2 and fresh.to_check == fresh.records
    assert fresh.oldest <= fresh.newest
    assert area_freshness(snapshot, snapshot.areas[KUOPIO], today=fresh.newest).to_check == 0


# ---------------------------------------------------------------------------
# The forms' records
# ---------------------------------------------------------------------------


def test_service_form_makes_a_regional_or_municipal_record() -> None:
    """A filled form makes a regional record of the area (a municipal one with a municipality), its
    id from the title, key rules one a line and keywords split at commas."""
    result = service_from_form(
        service_form(key_rules="Yksi\r\n\r\n Kaksi ", keywords="työkokeilu, , Kuopio"),
        None,
        area_id=KUOPIO,
        municipalities=kuopio_municipalities(),
        providers=[],
    )
    assert result.errors == {}
    record = result.record
    assert record["id"] == "testineuvonta-kuopion-tyollisyysalueella"
    assert (record["scope"], record["employment_area"], record["municipality"]) == ("regional", KUOPIO, None)
    assert record["key_rules"] == ["Yksi", "Kaksi"] and record["keywords"] == ["työkokeilu", "Kuopio"]
    assert (record["category"], record["audience"]) == ("guidance", ["jobseeker"])
    assert record["description"] is None and record["source_url"] == KUOPIO_PAGE
    municipal = service_from_form(
        service_form(municipality="Suonenjoki"),
        None,
        area_id=KUOPIO,
        municipalities=kuopio_municipalities(),
        providers=[],
    )
    assert (municipal.record["scope"], municipal.record["municipality"]) == ("municipal", "Suonenjoki")


def test_service_form_errors() -> None:
    """Missing title and summary, a source that is not a URL, an unknown category, audience,
    municipality or provider, a bad id and too long a summary are field errors."""
    result = service_from_form(
        service_form(
            id="Ei Slug",
            title="",
            summary="   ",
            source_url="tyonavigaattori.fi",
            url="https:// tyonavigaattori.fi",
            category="other",
            audience=["everyone"],
            municipality="Espoo",
            provider="honkalampi-saatio",
        ),
        None,
        area_id=KUOPIO,
        municipalities=kuopio_municipalities(),
        providers=["tukeva-saatio"],
    )
    assert result.errors == {
        "id": "slug",
        "title": "required",
        "summary": "required",
        "source_url": "url",
        "url": "url",
        "category": "choose",
        "audience": "choose",
        "municipality": "choose",
        "provider": "choose",
    }
    too_long = service_from_form(service_form(summary="x" * 241), None, area_id=KUOPIO, municipalities=[], providers=[])
    assert too_long.errors == {"summary": "too_long"}
    assert set(result.errors.values()) | {"too_long"} <= set(HALLINTA_ERRORS)


def test_service_form_keeps_a_national_service_national_and_its_other_fields() -> None:
    """Editing a national service keeps its scope and the fields the form does not show."""
    palkkatuki = next(s for s in seed_records()["service"] if s["id"] == "palkkatuki")
    form = service_form(
        title="Palkkatuki",
        summary=palkkatuki["summary"],
        category=palkkatuki["category"],
        audience=palkkatuki["audience"],
        source_url=palkkatuki["source_url"],
        url=palkkatuki.get("url") or "",
    )
    result = service_from_form(form, palkkatuki, area_id=None, municipalities=[], providers=[])
    assert result.errors == {}
    assert result.record["id"] == "palkkatuki" and result.record["scope"] == "national"
    assert result.record["employment_area"] is None
    assert result.record.get("support") == palkkatuki.get("support")


def test_provider_and_contacts_forms() -> None:
    """A provider needs a name and a source URL and works only in the area's municipalities; the
    area's contacts need the jobseekers' contact name and a source, and keep the area's members."""
    provider = provider_from_form(
        {"name": "", "source_url": "", "municipalities": ["Kuopio", "Espoo"]},
        None,
        area_id=KUOPIO,
        municipalities=kuopio_municipalities(),
    )
    assert provider.errors == {"name": "required", "source_url": "required", "id": "slug"}
    assert provider.record["municipalities"] == ["Kuopio"] and provider.record["employment_area"] == KUOPIO
    area = next(a for a in seed_records()["area"] if a["id"] == KUOPIO)
    contacts = area_contacts_from_form(
        {"contact_name": "", "contact_url": "tyonavigaattori.fi", "contact_hours": "ma–pe 9–15"}, area
    )
    assert contacts.errors == {"contact_url": "url", "source_url": "required", "contact_name": "required"}
    fine = area_contacts_from_form(
        {
            "contact_name": area["contact"]["name"],
            "contact_url": KUOPIO_PAGE,
            "contact_hours": "ma–pe 9–15",
            "source_url": KUOPIO_PAGE,
        },
        area,
    )
    assert fine.errors == {}
    assert fine.record["contact"] == {"name": area["contact"]["name"], "url": KUOPIO_PAGE, "hours": "ma–pe 9–15"}
    assert fine.record["employer_contact"] is None
    assert fine.record["municipalities"] == area["municipalities"]
    assert set(provider.errors.values()) | set(contacts.errors.values()) <= set(HALLINTA_ERRORS)


# ---------------------------------------------------------------------------
# polkuopas catalogue export-edits
# ---------------------------------------------------------------------------


def test_export_edits_writes_the_approved_edits_and_the_whole_files(new_database_url, monkeypatch, tmp_path) -> None:
    """`export-edits FOLDER` writes approved_edits.yaml listing the approved edit (not a pending or a
    rejected one); `--full` writes the three whole files with the new service in services.yaml."""
    monkeypatch.setenv("DATABASE_URL", new_database_url("export_edits"))
    engine = get_engine(database_url())
    seed(engine)
    record = new_service("edits-exported-trial")
    edit_id = added(engine, record)
    pending = propose(engine, COORDINATOR, "service", "add", new_service("edits-not-exported"))
    assert pending.edit_id is not None

    assert main(["catalogue", "export-edits", str(tmp_path / "edits")]) == 0
    exported = yaml.safe_load((tmp_path / "edits" / "approved_edits.yaml").read_text("utf-8"))
    assert exported == approved_for_export(engine)
    assert len(exported) == 1
    entry = exported[0]
    assert (entry["kind"], entry["action"], entry["id"], entry["source"]) == ("service", "add", record["id"], "staff")
    assert (entry["proposed_by"], entry["approved_by"]) == (COORDINATOR.username, COLLEAGUE.username)
    assert entry["record"] == edit_row(engine, edit_id).record and entry["approved_at"]

    assert main(["catalogue", "export-edits", str(tmp_path / "full"), "--full"]) == 0
    written = sorted(path.name for path in (tmp_path / "full").iterdir())
    assert written == ["employment_areas.yaml", "providers.yaml", "services.yaml"]
    services = yaml.safe_load((tmp_path / "full" / "services.yaml").read_text("utf-8"))
    assert [s["id"] for s in services] == [s["id"] for s in current_records(engine)["service"]]
    assert record["id"] in [s["id"] for s in services]
    assert "edits-not-exported" not in [s["id"] for s in services]
    areas = yaml.safe_load((tmp_path / "full" / "employment_areas.yaml").read_text("utf-8"))
    assert len(areas) == len(seed_records()["area"])
    with session_scope(engine) as db:
        assert db.scalar(select(CatalogueEdit.status).where(CatalogueEdit.id == pending.edit_id)) == "pending"


def test_a_phone_or_email_that_is_not_one_is_a_field_error() -> None:
    """Phone numbers and e-mail addresses are checked in the form, in the user's language, as the
    catalogue check would check them."""
    from catalogue.edit_forms import area_contacts_from_form, provider_from_form

    contacts = area_contacts_from_form(
        {
            "contact_name": "X",
            "contact_phone": "soita meille",
            "contact_email": "ei osoite",
            "source_url": "https://a.fi/",
        },
        {"id": "kuopio"},
    )
    assert contacts.errors == {"contact_phone": "phone", "contact_email": "email"}
    good = area_contacts_from_form(
        {
            "contact_name": "X",
            "contact_phone": "017 123 4567",
            "contact_email": "x@kuopio.fi",
            "source_url": "https://a.fi/",
        },
        {"id": "kuopio"},
    )
    assert good.errors == {}
    provider = provider_from_form(
        {"name": "P", "phone": "abc", "source_url": "https://a.fi/"}, None, area_id="kuopio", municipalities=[]
    )
    assert provider.errors == {"phone": "phone"}
