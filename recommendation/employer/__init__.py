"""The employer's support package: which supports fit a hire, with euro estimates.

Amounts, caps, durations and thresholds come from the catalogue's support variants
(catalogue/data/services.yaml, each with its official `source_url`), never from constants here;
the wording is in messages/fi/employer.yaml. `estimate` does the euro arithmetic, `eligibility`
checks a variant's conditions, `wage_subsidies`, `supplements` and `other_supports` find the
supports, and `package` builds the package.
"""

from recommendation.employer.eligibility import (
    KNOWN_CONDITIONS,
    STATED_CONDITIONS,
    education_decides_youth_voucher,
    national_youth_voucher,
    youth_voucher_fits_age,
    youth_voucher_months_needed,
)
from recommendation.employer.estimate import Estimate, estimate_wage_support
from recommendation.employer.package import EmployerPackageBuilder, recommend_employer_package
from recommendation.employer.support import Support

__all__ = [
    "KNOWN_CONDITIONS",
    "STATED_CONDITIONS",
    "EmployerPackageBuilder",
    "Estimate",
    "Support",
    "education_decides_youth_voucher",
    "estimate_wage_support",
    "national_youth_voucher",
    "recommend_employer_package",
    "youth_voucher_fits_age",
    "youth_voucher_months_needed",
]
