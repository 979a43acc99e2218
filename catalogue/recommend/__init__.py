"""Recommendation engine: jobseeker service paths and employer support packages (CONTRACT §4)."""

from catalogue.recommend.employer import recommend_employer_package
from catalogue.recommend.jobseeker import recommend_jobseeker_path
from catalogue.recommend.profiles import EmployerProfile, JobseekerProfile, ProfileError

__all__ = [
    "EmployerProfile",
    "JobseekerProfile",
    "ProfileError",
    "recommend_employer_package",
    "recommend_jobseeker_path",
]
