"""Recommendation endpoints: the jobseeker's service path and the employer's support package."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException

from api.deps import catalogue
from api.schemas import EmployerPackage, EmployerProfileIn, JobseekerPath, JobseekerProfileIn
from catalogue.repository import CatalogueSnapshot
from recommendation import ProfileError, recommend_employer_package, recommend_jobseeker_path

router = APIRouter(prefix="/api/recommend", tags=["recommend"])


@router.post("/jobseeker", response_model=JobseekerPath)
def jobseeker_path(profile: JobseekerProfileIn, snapshot: CatalogueSnapshot = Depends(catalogue)) -> dict[str, Any]:
    data = profile.model_dump()
    data["self_rating"] = {k: v for k, v in (data.get("self_rating") or {}).items() if v is not None}
    try:
        return recommend_jobseeker_path(snapshot, data)
    except ProfileError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None


@router.post("/employer", response_model=EmployerPackage)
def employer_package(profile: EmployerProfileIn, snapshot: CatalogueSnapshot = Depends(catalogue)) -> dict[str, Any]:
    try:
        return recommend_employer_package(snapshot, profile.model_dump())
    except ProfileError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None
