"""The jobseeker's service path: `rules` picks the steps and their services, `wording` says why
and how to start, `steps` holds a step and the route's order."""

from recommendation.jobseeker.rules import JobseekerPathBuilder, recommend_jobseeker_path
from recommendation.jobseeker.steps import Step

__all__ = ["JobseekerPathBuilder", "Step", "recommend_jobseeker_path"]
