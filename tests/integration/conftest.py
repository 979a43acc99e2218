"""One live stack (Rasa 3.6 server, rasa-sdk actions, the API) for every integration test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.livestack import Stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    running = Stack(tmp_path_factory.mktemp("stack"))
    try:
        running.up()
        yield running
    finally:
        running.down()
