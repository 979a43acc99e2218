"""Catalogue endpoints: service search and details, the municipality resolver."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from api.deps import catalogue
from api.schemas import ResolvedMunicipality, ServiceDetail, ServiceList
from catalogue.coverage import area_freshness
from catalogue.repository import CatalogueSnapshot
from catalogue.search import get_search
from insights.events import record
from insights.recording import answer_events
from messages import current_language, text
from vocabulary import Audience

router = APIRouter(prefix="/api", tags=["catalogue"])


@router.get("/services", response_model=ServiceList)
def list_services(
    request: Request,
    q: str = Query(default="", max_length=200),
    municipality: str | None = Query(default=None, max_length=100),
    audience: Audience | None = None,
    category: str | None = Query(default=None, max_length=40),
    limit: int = Query(default=20, ge=1, le=100),
    offset: int = Query(default=0, ge=0, le=100_000),
    snapshot: CatalogueSnapshot = Depends(catalogue),
) -> ServiceList:
    if municipality and snapshot.resolve_municipality(municipality) is None:
        raise HTTPException(
            status_code=422, detail=text("api.catalogue.municipality_not_recognised", municipality=municipality[:50])
        )
    result = get_search(snapshot).search(
        q, municipality=municipality, audience=audience, category=category, limit=limit, offset=offset
    )
    if q.strip() and offset == 0:  # a new search (not the next page): counted for the area's figures
        place = result.municipality or snapshot.resolve_municipality(municipality)
        events = answer_events(snapshot, result.items, place, current_language(), audience="coach", kind="search")
        record(request.app.state.engine, events)
    return ServiceList(total=result.total, items=[s.card() for s in result.items])


@router.get("/services/{service_id}", response_model=ServiceDetail)
def service_detail(service_id: str, snapshot: CatalogueSnapshot = Depends(catalogue)) -> dict[str, Any]:
    service = snapshot.service(service_id[:100])
    if service is None:
        raise HTTPException(status_code=404, detail=text("api.catalogue.service_not_found"))
    return service.detail()


@router.get("/municipalities/resolve", response_model=ResolvedMunicipality)
def resolve_municipality(
    q: str = Query(min_length=1, max_length=200), snapshot: CatalogueSnapshot = Depends(catalogue)
) -> ResolvedMunicipality:
    found = snapshot.resolve_municipality(q)
    if found is None:
        raise HTTPException(status_code=404, detail=text("api.catalogue.municipality_not_found"))
    area = snapshot.area_for_municipality(found.code)
    return ResolvedMunicipality(
        code=found.code,
        name_fi=found.name_fi,
        name_sv=found.name_sv,
        employment_area={"id": area.id, "name": area.name} if area else None,
        contacts={
            "jobseeker": snapshot.contact(found.code),
            "employer": snapshot.contact(found.code, audience="employer"),
        },
        freshness=area_freshness(snapshot, area).as_dict() if area else None,
    )
