"""The staff editor (`/hallinta`): an area's staff add, change and retire their own services,
providers and contacts; another staff member of the area (or a national admin) approves each
change before users see it (catalogue/edits.py). Server-rendered forms, no script. Without a
login the pages answer 401 with the login form; a form posted from another site is refused."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import urlencode, urlparse

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from api.deps import staff_user
from api.pages import PRIVATE_HEADERS, page_templates
from api.routers.staff import login_page
from catalogue import edits
from catalogue.edit_forms import FormResult, area_contacts_from_form, provider_from_form, service_from_form
from catalogue.repository import get_catalogue
from messages import current_language, text
from staff.accounts import StaffUser
from vocabulary import AUDIENCES, labels

router = APIRouter(include_in_schema=False)
templates = page_templates("hallinta")
Staff = Annotated[StaffUser | None, Depends(staff_user)]
PROVIDER_KINDS = ("association", "foundation", "company", "municipality", "state_company", "other")


class Refused(Exception):
    def __init__(self, status_code: int, reason: str):
        self.status_code = status_code
        self.reason = reason


def _login(request: Request) -> HTMLResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return login_page(401, next_url=target if request.method == "GET" else "/hallinta", error="login_required_editor")


def _same_origin(request: Request) -> bool:
    """A form posted from another site is refused: the browser says where it comes from in
    Sec-Fetch-Site, or in Origin (which our no-referrer policy makes "null" on a form post). The
    session cookie is SameSite=Strict as well, so another site's form carries no login."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin in (None, "null") or urlparse(origin).netloc == request.url.netloc


def _render(name: str, user: StaffUser, status_code: int = 200, **params: Any) -> HTMLResponse:
    html = templates.get_template(name).render(lang=current_language(), user=user, **params)
    return HTMLResponse(html, status_code=status_code, headers=PRIVATE_HEADERS)


def _area_choice(request: Request, user: StaffUser) -> str | None:
    """The area the page is about: the user's own; a national admin's ?area= (None: all areas)."""
    if user.area_id is not None:
        return user.area_id
    chosen = request.query_params.get("area") or None
    return chosen if chosen in get_catalogue(request.app.state.engine).areas else None


def _refusal(user: StaffUser, error: edits.EditRefused | Refused) -> HTMLResponse:
    status = error.status_code if isinstance(error, Refused) else 403 if error.reason != "not_pending" else 409
    if isinstance(error, edits.EditRefused) and error.reason in ("not_found",):
        status = 404
    return _render("hallinta_message.html", user, status, error=error.reason)


# ---------------------------------------------------------------------------
# The overview: queue, records to check, the area's services, providers, contacts, history
# ---------------------------------------------------------------------------


@router.get("/hallinta", response_class=HTMLResponse)
def overview(request: Request, user: Staff, done: str | None = None) -> HTMLResponse:
    if user is None:
        return _login(request)
    engine = request.app.state.engine
    area_id = _area_choice(request, user)
    records = edits.current_records(engine)
    national = user.area_id is None
    mine = [
        (kind, record)
        for kind in ("service", "provider")
        for record in records[kind]
        if area_id is not None and edits.record_area(kind, record, records) == area_id
    ]
    history = edits.edits_of(engine, area_id, national=national and area_id is None)
    catalogue = get_catalogue(engine).in_language(current_language())
    return _render(
        "hallinta.html",
        user,
        area=catalogue.areas.get(area_id or ""),
        areas=sorted(((a.id, a.name) for a in catalogue.areas.values()), key=lambda pair: pair[1]) if national else [],
        national_services=[r for r in records["service"] if r.get("scope") == "national"]
        if national and area_id is None
        else [],
        queue=[edit for edit in history if edit.status == "pending"],
        history=[edit for edit in history if edit.status != "pending"][:50],
        to_check=edits.to_check(records, area_id) if area_id or not national else [],
        services=[record for kind, record in mine if kind == "service"],
        providers=[record for kind, record in mine if kind == "provider"],
        changed_fields=edits.changed_fields,
        category_labels=labels("category"),
        done=done if done in ("proposed", "approved", "rejected") else None,
    )


# ---------------------------------------------------------------------------
# Forms
# ---------------------------------------------------------------------------


def _find(records: edits.Records, kind: str, record_id: str) -> dict[str, Any]:
    found = next((r for r in records[kind] if str(r.get("id")) == record_id), None)
    if found is None:
        raise Refused(404, "not_found")
    return found


def _form_context(request: Request, user: StaffUser, kind: str, existing: dict[str, Any] | None) -> dict[str, Any]:
    """What a form offers: the area's municipalities and providers, the categories."""
    engine = request.app.state.engine
    records = edits.current_records(engine)
    area_id = edits.record_area(kind, existing, records) if existing else _area_choice(request, user)
    if existing is not None and not edits.may_edit(user, area_id):
        raise edits.EditRefused("national_only" if area_id is None else "other_area")
    if existing is None and area_id is None:
        raise Refused(422, "choose_area")
    area = next((a for a in records["area"] if a.get("id") == area_id), None)
    return {
        "area_id": area_id,
        "municipalities": list(area.get("municipalities") or []) if area else [],
        "providers": [
            (str(p["id"]), str(p["name"]))
            for p in records["provider"]
            if edits.record_area("provider", p, records) == area_id
        ],
        "categories": labels("category"),
        "audiences": labels("audience"),
        "provider_kinds": [(kind, text(f"hallinta.provider_kinds.{kind}")) for kind in PROVIDER_KINDS],
        "municipality_options": [(name, name) for name in area.get("municipalities") or []] if area else [],
    }


def _form_page(
    request: Request,
    user: StaffUser,
    kind: str,
    existing: dict[str, Any] | None,
    result: FormResult | None = None,
    checks: list[str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = _form_context(request, user, kind, existing)
    values = result.record if result else (existing or {})
    return _render(
        f"hallinta_{kind}.html",
        user,
        status_code,
        existing=existing,
        values=values,
        errors=result.errors if result else {},
        checks=checks or [],
        query=urlencode({"area": context["area_id"]}) if user.area_id is None and context["area_id"] else "",
        **context,
    )


def _read_form(kind: str, form: FormData, existing: dict[str, Any] | None, context: dict[str, Any]) -> FormResult:
    fields: dict[str, Any] = {key: form.get(key) for key in form}
    fields["audience"] = [value for value in form.getlist("audience") if value in AUDIENCES]
    fields["municipalities"] = form.getlist("municipalities")
    if kind == "service":
        return service_from_form(
            fields,
            existing,
            area_id=context["area_id"],
            municipalities=context["municipalities"],
            providers=[pid for pid, _name in context["providers"]],
        )
    if kind == "provider":
        return provider_from_form(
            fields, existing, area_id=context["area_id"], municipalities=context["municipalities"]
        )
    assert existing is not None
    return area_contacts_from_form(fields, existing)


async def _submit(request: Request, user: StaffUser, kind: str, existing: dict[str, Any] | None) -> Response:
    context = await run_in_threadpool(_form_context, request, user, kind, existing)
    result = _read_form(kind, await request.form(max_fields=100), existing, context)
    if result.errors:
        return await run_in_threadpool(_form_page, request, user, kind, existing, result, None, 422)
    action = "add" if existing is None else "change"
    proposal = await run_in_threadpool(edits.propose, request.app.state.engine, user, kind, action, result.record)
    if proposal.errors:
        return await run_in_threadpool(_form_page, request, user, kind, existing, result, proposal.errors, 422)
    return _back(user, context["area_id"], "proposed")


def _back(user: StaffUser, area_id: str | None, done: str) -> RedirectResponse:
    query = {"done": done}
    if user.area_id is None and area_id:
        query["area"] = area_id
    return RedirectResponse(f"/hallinta?{urlencode(query)}", status_code=303, headers=PRIVATE_HEADERS)


# the address part of each kind's forms
SECTIONS = {"palvelut": "service", "tuottajat": "provider"}
Handler = Callable[..., Awaitable[Response]]


async def _guarded(request: Request, user: StaffUser | None, handler: Handler, *args: Any) -> Response:
    """The login, the origin of a posted form and the refusals, the same for every form route."""
    if user is None:
        return _login(request)
    if request.method == "POST" and not _same_origin(request):
        return _render("hallinta_message.html", user, 403, error="forbidden_origin")
    try:
        return await handler(request, user, *args)
    except (edits.EditRefused, Refused) as error:
        return _refusal(user, error)


def _kind(section: str) -> str:
    if section not in SECTIONS:
        raise Refused(404, "not_found")
    return SECTIONS[section]


async def _new_form(request: Request, user: StaffUser, section: str) -> Response:
    return await run_in_threadpool(_form_page, request, user, _kind(section), None)


async def _edit_form(request: Request, user: StaffUser, section: str, record_id: str) -> Response:
    kind = _kind(section)
    existing = _find(edits.current_records(request.app.state.engine), kind, record_id)
    return await run_in_threadpool(_form_page, request, user, kind, existing)


async def _add(request: Request, user: StaffUser, section: str) -> Response:
    return await _submit(request, user, _kind(section), None)


async def _change(request: Request, user: StaffUser, section: str, record_id: str) -> Response:
    kind = _kind(section)
    return await _submit(request, user, kind, _find(edits.current_records(request.app.state.engine), kind, record_id))


async def _retire(request: Request, user: StaffUser, section: str, record_id: str) -> Response:
    kind, engine = _kind(section), request.app.state.engine
    records = edits.current_records(engine)
    existing = _find(records, kind, record_id)
    proposal = await run_in_threadpool(edits.propose, engine, user, kind, "retire", existing)
    if proposal.errors:
        return _render("hallinta_message.html", user, 422, error="checks", checks=proposal.errors)
    return _back(user, edits.record_area(kind, existing, records), "proposed")


async def _contacts_form(request: Request, user: StaffUser) -> Response:
    existing = _find(edits.current_records(request.app.state.engine), "area", _area_choice(request, user) or "")
    return await run_in_threadpool(_form_page, request, user, "area", existing)


async def _contacts_submit(request: Request, user: StaffUser) -> Response:
    existing = _find(edits.current_records(request.app.state.engine), "area", _area_choice(request, user) or "")
    return await _submit(request, user, "area", existing)


@router.get("/hallinta/yhteystiedot", response_class=HTMLResponse)
async def contacts_form(request: Request, user: Staff) -> Response:
    return await _guarded(request, user, _contacts_form)


@router.post("/hallinta/yhteystiedot")
async def contacts_submit(request: Request, user: Staff) -> Response:
    return await _guarded(request, user, _contacts_submit)


@router.get("/hallinta/{section}/uusi", response_class=HTMLResponse)
async def new_form(request: Request, user: Staff, section: str) -> Response:
    return await _guarded(request, user, _new_form, section)


@router.post("/hallinta/{section}/uusi")
async def add(request: Request, user: Staff, section: str) -> Response:
    return await _guarded(request, user, _add, section)


@router.get("/hallinta/{section}/{record_id}", response_class=HTMLResponse)
async def edit_form(request: Request, user: Staff, section: str, record_id: str) -> Response:
    return await _guarded(request, user, _edit_form, section, record_id)


@router.post("/hallinta/{section}/{record_id}")
async def change(request: Request, user: Staff, section: str, record_id: str) -> Response:
    return await _guarded(request, user, _change, section, record_id)


@router.post("/hallinta/{section}/{record_id}/poista")
async def retire(request: Request, user: Staff, section: str, record_id: str) -> Response:
    return await _guarded(request, user, _retire, section, record_id)


# ---------------------------------------------------------------------------
# Review: approve, reject, undo
# ---------------------------------------------------------------------------


async def _review(request: Request, user: StaffUser, edit_id: int, verdict: str) -> Response:
    engine = request.app.state.engine
    if verdict == "undo":
        proposal = await run_in_threadpool(edits.undo, engine, user, edit_id)
        if proposal.errors:
            return _render("hallinta_message.html", user, 422, error="checks", checks=proposal.errors)
        return _back(user, request.query_params.get("area"), "proposed")
    form = await request.form(max_fields=5)
    note = str(form.get("note") or "")[:500]
    await run_in_threadpool(edits.review, engine, user, edit_id, approve=verdict == "approve", note=note)
    return _back(user, request.query_params.get("area"), "approved" if verdict == "approve" else "rejected")


@router.post("/hallinta/muutokset/{edit_id}/hyvaksy")
async def approve(request: Request, user: Staff, edit_id: int) -> Response:
    return await _guarded(request, user, _review, edit_id, "approve")


@router.post("/hallinta/muutokset/{edit_id}/hylkaa")
async def reject(request: Request, user: Staff, edit_id: int) -> Response:
    return await _guarded(request, user, _review, edit_id, "reject")


@router.post("/hallinta/muutokset/{edit_id}/peru")
async def undo(request: Request, user: Staff, edit_id: int) -> Response:
    return await _guarded(request, user, _review, edit_id, "undo")
