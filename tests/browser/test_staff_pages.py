"""The area staff's pages in a real browser (Debian's Chromium) with axe-core: the login form that
/tilastot answers without a login, the figures page after logging in, its Swedish version, its
print view and logging out."""

from __future__ import annotations

import pytest

from tests.browser.test_widget import assert_no_axe_violations

pytestmark = pytest.mark.integration

USERNAME = "browser-tampere"
PASSWORD = "Selaimen-salasana-2026"


@pytest.fixture(scope="module")
def staff_account(request) -> None:
    """A Tampere staff account on the stack's database, made with `polkuopas staff create`."""
    request.getfixturevalue("stack").create_staff(USERNAME, PASSWORD, "tampereen-seutu")


def log_in(page, path: str = "/tilastot") -> None:
    page.goto(path)
    page.get_by_label("Käyttäjätunnus").fill(USERNAME)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    page.get_by_role("heading", level=1, name="Alueen tilastot").wait_for()


@pytest.mark.console_errors_expected  # the 401 answers, and nothing else (asserted at the end)
def test_the_figures_page_asks_for_a_login_and_then_shows_tables(page, console, staff_account):
    response = page.goto("/tilastot")
    assert response is not None and response.status == 401
    assert page.get_by_role("heading", level=1).inner_text() == "Henkilökunnan kirjautuminen"
    assert page.get_by_role("alert").inner_text() == "Kirjaudu sisään nähdäksesi alueen tilastot."
    assert_no_axe_violations(page, "/tilastot without a login")

    page.get_by_label("Käyttäjätunnus").fill(USERNAME)
    page.get_by_label("Salasana").fill("väärä salasana")
    page.get_by_role("button", name="Kirjaudu").click()
    assert page.get_by_role("alert").inner_text() == "Käyttäjätunnus tai salasana on väärin."

    log_in(page)
    assert page.url.endswith("/tilastot")
    assert "Tampereen seudun työllisyysalue" in page.locator(".stats-scope").inner_text()
    # every figure is a table with headers; the weekly trend has one row per week
    assert page.get_by_role("table", name="Viikoittain").locator("tbody tr").count() >= 12
    for heading in ("Eniten suositellut palvelut", "Palaute", "Kielet"):
        assert page.get_by_role("region", name=heading).is_visible()
    assert_no_axe_violations(page, "/tilastot logged in")

    # printable: the filters and the logout button are not printed, the tables are
    page.emulate_media(media="print")
    assert not page.locator(".stats-filters").is_visible()
    assert page.get_by_role("table", name="Viikoittain").is_visible()
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Kirjaudu ulos").click()
    assert page.get_by_role("status").inner_text() == "Olet kirjautunut ulos."
    assert page.goto("/tilastot").status == 401
    assert console.errors and all("status of 401 (Unauthorized)" in error for error in console.errors), console.errors


@pytest.mark.console_errors_expected  # the first answer is 401 (asserted at the end)
def test_the_figures_page_in_swedish(page, console, staff_account):
    page.goto("/tilastot?lang=sv")
    assert page.evaluate("() => document.documentElement.lang") == "sv"
    page.get_by_label("Användarnamn").fill(USERNAME)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", level=1, name="Områdets statistik").wait_for()
    assert "lang=sv" in page.url
    assert page.get_by_role("region", name="Språk").is_visible()
    assert_no_axe_violations(page, "/tilastot?lang=sv logged in")
    assert all("status of 401 (Unauthorized)" in error for error in console.errors), console.errors
