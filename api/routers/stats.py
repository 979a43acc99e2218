"""The employment area's anonymous figures: the `/tilastot` page, `GET /api/stats` (JSON) and
`GET /api/stats.csv`, for the area's own staff only: 401 without a login, 403 for another
area's figures. A national admin sees every area, or one chosen with `?area=`."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import staff_user
from api.pages import PRIVATE_HEADERS, page_templates
from api.routers.staff import login_page
from api.schemas import StatsResponse
from catalogue.repository import get_catalogue
from insights.figures import Period, as_csv, figures
from messages import current_language, text
from staff.accounts import StaffUser
from vocabulary import labels

router = APIRouter(tags=["stats"])
templates = page_templates("stats")

Staff = Annotated[StaffUser | None, Depends(staff_user)]
AreaParam = Annotated[str | None, Query(max_length=80, description="an employment area's id")]
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")]


class StatsRefusal(Exception):
    def __init__(self, status_code: int, key: str):
        self.status_code = status_code
        self.key = key


def _scope(
    request: Request, user: StaffUser | None, area: str | None, start: str | None, end: str | None
) -> tuple[list[str] | None, Period]:
    """The areas and the period asked for, if this user may see them (else StatsRefusal)."""
    if user is None:
        raise StatsRefusal(401, "login_required")
    area = area or None
    if area is not None and not user.may_see(area):
        raise StatsRefusal(403, "forbidden")
    areas = get_catalogue(request.app.state.engine).areas
    if area is not None and area not in areas:
        raise StatsRefusal(404, "unknown_area")
    try:
        period = Period.ending(_date(end), _date(start))
    except ValueError:
        raise StatsRefusal(422, "period") from None
    if user.area_id is None:  # a national admin: every area, or the one asked for
        return ([area] if area else None), period
    return [user.area_id], period


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _figures(
    request: Request, user: StaffUser | None, area: str | None, start: str | None, end: str | None
) -> dict[str, Any]:
    area_ids, period = _scope(request, user, area, start, end)
    catalogue = get_catalogue(request.app.state.engine).in_language(current_language())
    return figures(request.app.state.engine, catalogue, area_ids, period)


def _api_figures(
    request: Request, user: StaffUser | None, area: str | None, start: str | None, end: str | None
) -> dict[str, Any]:
    """The figures, or the refusal as an HTTP error with a detail in the request's language."""
    try:
        return _figures(request, user, area, start, end)
    except StatsRefusal as refusal:
        raise HTTPException(status_code=refusal.status_code, detail=text(f"stats.errors.{refusal.key}")) from None


@router.get("/api/stats", response_model=StatsResponse)
def stats(
    request: Request,
    response: Response,
    user: Staff,
    area: AreaParam = None,
    start: DateParam = None,
    end: DateParam = None,
) -> dict[str, Any]:
    """An area's figures for a period (default: the 12 weeks up to today). Counts under 5 are "< 5"."""
    data = _api_figures(request, user, area, start, end)
    response.headers.update(PRIVATE_HEADERS)
    return data


@router.get("/api/stats.csv")
def stats_csv(
    request: Request, user: Staff, area: AreaParam = None, start: DateParam = None, end: DateParam = None
) -> Response:
    """The same figures as CSV (semicolons, UTF-8 with a byte order mark for spreadsheets)."""
    data = _api_figures(request, user, area, start, end)
    name = f"polkuopas-tilastot-{data['period']['start']}-{data['period']['end']}.csv"
    return Response(
        "\ufeff" + as_csv(data),
        media_type="text/csv; charset=utf-8",
        headers={**PRIVATE_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/tilastot", response_class=HTMLResponse, include_in_schema=False)
def stats_page(
    request: Request, user: Staff, area: AreaParam = None, start: DateParam = None, end: DateParam = None
) -> HTMLResponse:
    try:
        data = _figures(request, user, area, start, end)
    except StatsRefusal as refusal:
        if refusal.status_code == 401:
            return login_page(
                401,
                next_url=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
                error="login_required",
            )
        return _page(request, user, None, refusal.status_code, error=refusal.key, area=area)
    return _page(request, user, data, 200, area=area)


def _page(
    request: Request, user: StaffUser | None, data: dict[str, Any] | None, status_code: int, **params: Any
) -> HTMLResponse:
    catalogue = get_catalogue(request.app.state.engine).in_language(current_language())
    areas = sorted(((a.id, a.name) for a in catalogue.areas.values()), key=lambda pair: pair[1])
    html = templates.get_template("stats.html").render(
        lang=current_language(),
        user=user,
        data=data,
        areas=areas if user is not None and user.national else [],
        audience_labels=labels("stats_audience"),
        query=request.url.query,
        **params,
    )
    return HTMLResponse(html, status_code=status_code, headers=PRIVATE_HEADERS)
