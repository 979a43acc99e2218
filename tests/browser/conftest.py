"""Browser tests: Debian's Chromium (headless, driven by Playwright) against one live stack.

The stack is the integration tests' (tests/conftest.py: Rasa 3.6 server, rasa-sdk actions,
the API on free loopback ports), shared when both run in one pytest run.
POLKUOPAS_BROWSER_BASE_URL=http://host:port points the tests at an already running stack
instead (quicker while developing).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("POLKUOPAS_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def base_url(request) -> str:
    external = os.environ.get("POLKUOPAS_BROWSER_BASE_URL")
    if external:
        return external.rstrip("/")
    return request.getfixturevalue("stack").base_url


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install the Debian package chromium (scripts/bootstrap.sh does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


class ConsoleLog:
    """Console errors, uncaught exceptions and CSP violations seen by one page."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if url.endswith("/favicon.ico"):
            return  # the browser's own request, not the page's
        if url == "" and message.text.startswith("Applying inline style violates"):
            return  # axe-core, injected by the test (not a file of ours), adds a <style>
        self.errors.append(f"console.error: {message.text} at {message.location}")

    def on_page_error(self, error) -> None:
        self.errors.append(f"uncaught: {error}")


@pytest.fixture
def console() -> ConsoleLog:
    return ConsoleLog()


@pytest.fixture
def context(browser, base_url) -> Iterator:
    """A fresh profile (empty localStorage) per test."""
    ctx = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800}, locale="fi-FI")
    ctx.set_default_timeout(60_000)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context, console, request) -> Iterator:
    """A page that accepts confirm() dialogs and fails the test on console errors
    (unless the test is marked `console_errors_expected`)."""
    tab = context.new_page()
    tab.on("console", console.on_console)
    tab.on("pageerror", console.on_page_error)
    tab.on("dialog", lambda dialog: dialog.accept())
    yield tab
    if request.node.get_closest_marker("console_errors_expected") is None:
        assert console.errors == [], "\n".join(console.errors)


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "console_errors_expected: the test provokes errors on purpose")
