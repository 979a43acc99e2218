"""Fixtures of the unit tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.action_utils import load_domain


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    """Rasa's domain.yml, as the action server receives it."""
    return load_domain()
