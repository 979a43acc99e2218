"""Recommendation engine: jobseeker service paths and employer support packages (the HTTP shapes are in docs/api.md)."""

from recommendation.employer import recommend_employer_package
from recommendation.jobseeker import recommend_jobseeker_path
from recommendation.profiles import EmployerProfile, JobseekerProfile, ProfileError

__all__ = [
    "EmployerProfile",
    "JobseekerProfile",
    "ProfileError",
    "recommend_employer_package",
    "recommend_jobseeker_path",
]
