"""Area staff keep their own services current: proposals, review, history and undo.

A staff member proposes adding, changing or retiring a record (a service, a provider, or the
area's own record with its contacts). The proposal is checked with the same checks as
`polkuopas catalogue check`, on the whole catalogue with the change applied, and waits until
another staff member of the same area, or a national admin, approves it. Approved edits are
applied over the YAML seed each time the catalogue is seeded (catalogue/seed.py), in the order
they were approved, so they survive re-seeding; `polkuopas catalogue export-edits` writes the
result as YAML for review in the repository. National records are for national admins only.
The PTV sync (catalogue/importers/ptv_sync.py) proposes into the same queue.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, get_args

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from catalogue.db import session_scope
from catalogue.models import CatalogueEdit

EditKind = Literal["service", "provider", "area"]
EditAction = Literal["add", "change", "retire"]
EditSource = Literal["staff", "ptv", "undo"]
EDIT_KINDS: tuple[EditKind, ...] = get_args(EditKind)
EDIT_ACTIONS: tuple[EditAction, ...] = get_args(EditAction)
# the YAML seed file of each kind (catalogue/data/)
FILES: dict[str, str] = {"area": "employment_areas.yaml", "provider": "providers.yaml", "service": "services.yaml"}
# a record not verified for this long is in its area's queue as "check this"
CHECK_AFTER_DAYS = 365

Records = dict[str, list[dict[str, Any]]]


class Editor(Protocol):
    """Who edits: a staff member (staff.accounts.StaffUser) or the PTV sync."""

    @property
    def username(self) -> str: ...

    @property
    def area_id(self) -> str | None: ...


@dataclass(frozen=True)
class System:
    """An editor that is not a person: the PTV sync proposes for every area."""

    username: str
    area_id: str | None = None


class EditRefused(Exception):
    """A proposal or review this editor may not make (`reason` is a key of messages/<lang>/hallinta.yaml)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Proposal:
    """What `propose` answers: the new edit's id, or why the record does not pass the checks."""

    edit_id: int | None = None
    errors: list[str] = field(default_factory=list)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------------------
# The catalogue's records with the approved edits applied
# ---------------------------------------------------------------------------


def apply_edits(base: Records, edits: Iterable[CatalogueEdit]) -> Records:
    """The records of each kind with the edits applied in order (an edit of an id that is not there
    any more is skipped)."""
    records: dict[str, dict[str, dict[str, Any]]] = {
        kind: {str(r.get("id")): dict(r) for r in base.get(kind, [])} for kind in EDIT_KINDS
    }
    for edit in edits:
        of_kind = records[edit.kind]
        if edit.action == "retire":
            of_kind.pop(edit.target_id, None)
        elif edit.action == "add" or edit.target_id in of_kind:
            of_kind[edit.target_id] = dict(edit.record)
    return {kind: list(of_kind.values()) for kind, of_kind in records.items()}


def approved_edits(session: Session) -> list[CatalogueEdit]:
    return list(
        session.scalars(
            select(CatalogueEdit)
            .where(CatalogueEdit.status == "approved")
            .order_by(CatalogueEdit.reviewed_at, CatalogueEdit.id)
        )
    )


def edits_signature(session: Session) -> str:
    """Changes when an edit is approved: part of the hash that tells seeding to run again."""
    ids = ",".join(str(edit.id) for edit in approved_edits(session))
    return hashlib.sha256(ids.encode()).hexdigest()[:16]


_seed_cache: dict[str, Records] = {}


def seed_records() -> Records:
    """The YAML seed's records (read again when the files change)."""
    from catalogue.seed import data_hash, load_yaml

    version = data_hash()
    if version not in _seed_cache:
        _seed_cache.clear()
        _seed_cache[version] = {kind: load_yaml(name) for kind, name in FILES.items()}
    return {kind: [dict(record) for record in records] for kind, records in _seed_cache[version].items()}


def current_records(engine: Engine) -> Records:
    """The YAML seed with every approved edit applied: what the catalogue holds."""
    with session_scope(engine) as db:
        return apply_edits(seed_records(), approved_edits(db))


# ---------------------------------------------------------------------------
# Whose a record is
# ---------------------------------------------------------------------------


def area_of_municipality(records: Records) -> dict[str, str]:
    return {name: str(area["id"]) for area in records["area"] for name in area.get("municipalities") or []}


def record_area(kind: str, record: dict[str, Any], records: Records) -> str | None:
    """The employment area a record belongs to; None for a national record."""
    if kind == "area":
        return str(record["id"])
    members = area_of_municipality(records)
    if kind == "provider":
        if record.get("employment_area"):
            return str(record["employment_area"])
        areas = {members.get(name) for name in record.get("municipalities") or []}
        return areas.pop() if len(areas) == 1 else None
    if record.get("scope") == "national":
        return None
    if record.get("employment_area"):
        return str(record["employment_area"])
    if record.get("municipality"):
        return members.get(str(record["municipality"]))
    provider = next((p for p in records["provider"] if p.get("id") == record.get("provider")), None)
    return record_area("provider", provider, records) if provider else None


def may_edit(editor: Editor, area_id: str | None) -> bool:
    """A national admin edits everything; area staff their own area's records only."""
    return editor.area_id is None or (area_id is not None and area_id == editor.area_id)


# ---------------------------------------------------------------------------
# Proposing and reviewing
# ---------------------------------------------------------------------------


def check_edit(records: Records, kind: str, action: str, record: dict[str, Any], today: dt.date) -> list[str]:
    """`polkuopas catalogue check` on the whole catalogue before and with this edit: the errors the
    edit brings (about the record itself, references to a retired record, a contract service gone)."""
    from catalogue.checks import CheckReport, check_records
    from catalogue.seed import load_municipality_data

    municipalities = {m["name_fi"] for m in load_municipality_data()}

    def errors(catalogue: Records) -> list[str]:
        report = CheckReport()
        check_records(report, catalogue["area"], catalogue["provider"], catalogue["service"], municipalities, today)
        return report.errors

    target = str(record.get("id"))
    exists = any(str(r.get("id")) == target for r in records[kind])
    if action == "add" and exists:
        return [f"{kind} {target}: the id is taken"]
    if action != "add" and not exists:
        return [f"{kind} {target}: not in the catalogue any more"]
    edit = CatalogueEdit(kind=kind, action=action, target_id=target, record=record)
    before = set(errors(records))
    return [error for error in errors(apply_edits(records, [edit])) if error not in before]


def propose(
    engine: Engine,
    editor: Editor,
    kind: str,
    action: str,
    record: dict[str, Any],
    *,
    source: EditSource = "staff",
    today: dt.date | None = None,
) -> Proposal:
    """A pending edit, if the editor may make it and the record passes the checks. A staff edit
    sets `last_verified` to today: the person read the official page (`source_url`)."""
    if kind not in EDIT_KINDS or action not in EDIT_ACTIONS:
        raise ValueError(f"unknown edit {kind} {action}")
    today = today or dt.date.today()
    records = current_records(engine)
    target = str(record.get("id") or "")
    existing = next((r for r in records[kind] if str(r.get("id")) == target), None)
    if action != "add" and existing is None:
        raise EditRefused("not_found")
    if action == "retire":
        record = dict(existing or {})
    elif source == "staff":
        record = {**record, "last_verified": today.isoformat()}
    area = record_area(kind, record, records)
    before_area = record_area(kind, existing, records) if existing else area
    if not (may_edit(editor, area) and may_edit(editor, before_area)):
        raise EditRefused("national_only" if area is None or before_area is None else "other_area")
    if kind == "area" and action != "change":
        raise EditRefused("national_only")
    errors = check_edit(records, kind, action, record, today)
    if errors:
        return Proposal(errors=errors)
    with session_scope(engine) as db:
        edit = CatalogueEdit(
            kind=kind,
            target_id=target,
            action=action,
            record=_plain(record),
            previous=_plain(existing) if existing else None,
            area_id=area if area is not None else before_area,
            source=source,
            status="pending",
            proposed_by=editor.username,
            proposed_at=_now(),
        )
        db.add(edit)
        db.flush()
        return Proposal(edit_id=edit.id)


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe: dates as YYYY-MM-DD."""
    return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in record.items()}


def review(engine: Engine, reviewer: Editor, edit_id: int, *, approve: bool, note: str | None = None) -> None:
    """Approves or rejects a pending edit. The reviewer is not its proposer and may edit its area;
    an approved edit is checked again (others may have changed the catalogue since) and the
    catalogue is seeded again at once."""
    with session_scope(engine) as db:
        edit = db.get(CatalogueEdit, edit_id)
        if edit is None:
            raise EditRefused("not_found")
        if edit.status != "pending":
            raise EditRefused("not_pending")
        if edit.proposed_by == reviewer.username:
            raise EditRefused("own_edit")
        if not may_edit(reviewer, edit.area_id):
            raise EditRefused("national_only" if edit.area_id is None else "other_area")
        kind, action, record = edit.kind, edit.action, dict(edit.record)
    if approve:
        errors = check_edit(current_records(engine), kind, action, record, dt.date.today())
        if errors:
            raise EditRefused("no_longer_valid")
    with session_scope(engine) as db:
        edit = db.get(CatalogueEdit, edit_id)
        assert edit is not None
        edit.status = "approved" if approve else "rejected"
        edit.reviewed_by = reviewer.username
        edit.reviewed_at = _now()
        edit.note = (note or "").strip()[:500] or None
    if approve:
        from catalogue.repository import get_catalogue
        from catalogue.seed import seed

        seed(engine, if_needed=True)
        get_catalogue(engine, refresh=True)


def undo(engine: Engine, editor: Editor, edit_id: int) -> Proposal:
    """Proposes the reverse of an approved edit (reviewed like any other): an addition is retired,
    a change or a retirement brings the record back as it was."""
    with session_scope(engine) as db:
        edit = db.get(CatalogueEdit, edit_id)
        if edit is None or edit.status != "approved":
            raise EditRefused("not_found")
        kind, action, record, previous = edit.kind, edit.action, dict(edit.record), edit.previous
    if action == "add":
        return propose(engine, editor, kind, "retire", record, source="undo")
    if previous is None:
        raise EditRefused("not_found")
    return propose(engine, editor, kind, "change" if action == "change" else "add", previous, source="undo")


def approved_for_export(engine: Engine) -> list[dict[str, Any]]:
    """The approved edits in the order they apply, for review in the repository: what, by whom,
    approved by whom and when, and the record."""
    with session_scope(engine) as db:
        return [
            {
                "kind": edit.kind,
                "action": edit.action,
                "id": edit.target_id,
                "source": edit.source,
                "proposed_by": edit.proposed_by,
                "approved_by": edit.reviewed_by,
                "approved_at": edit.reviewed_at.isoformat() if edit.reviewed_at else None,
                "record": edit.record,
            }
            for edit in approved_edits(db)
        ]


def edits_of(engine: Engine, area_id: str | None, *, national: bool, status: str | None = None) -> list[CatalogueEdit]:
    """The edits an editor sees: an area's (a national admin: every edit), newest first."""
    with session_scope(engine) as db:
        query = select(CatalogueEdit).order_by(CatalogueEdit.proposed_at.desc(), CatalogueEdit.id.desc())
        if not national:
            query = query.where(CatalogueEdit.area_id == area_id)
        if status:
            query = query.where(CatalogueEdit.status == status)
        return list(db.scalars(query.limit(200)))


def changed_fields(edit: CatalogueEdit) -> list[tuple[str, Any, Any]]:
    """(field, before, after) of a change; every field of an addition or retirement."""
    before = edit.previous or {}
    after = edit.record if edit.action != "retire" else {}
    keys = list(dict.fromkeys([*before, *after]))
    return [(key, before.get(key), after.get(key)) for key in keys if before.get(key) != after.get(key)]


def to_check(records: Records, area_id: str | None, today: dt.date | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The area's records (a national admin: every record) not verified for CHECK_AFTER_DAYS:
    (kind, record), oldest first."""
    today = today or dt.date.today()
    found = []
    for kind in EDIT_KINDS:
        for record in records[kind]:
            if area_id is not None and record_area(kind, record, records) != area_id:
                continue
            verified = dt.date.fromisoformat(str(record.get("last_verified")))
            if (today - verified).days > CHECK_AFTER_DAYS:
                found.append((kind, record))
    return sorted(found, key=lambda pair: str(pair[1].get("last_verified")))
