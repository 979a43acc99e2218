"""The staff editor (/hallinta) in a real browser (Debian's Chromium) with axe-core: the login it
asks for, the overview, the new-service form with its errors, a proposal, and a colleague's
approval."""

from __future__ import annotations

import pytest

from tests.browser.test_widget import assert_no_axe_violations

pytestmark = pytest.mark.integration

STAFF = {"browser.salo": "Salon-salasana-2026", "browser.salo.kollega": "Kollegan-salasana-2026"}
# the Salo area's own page (catalogue/data/employment_areas.yaml)
OFFICIAL_PAGE = "https://tiedotteet.salo.fi/tulevaisuuden-tyovoimapalvelut-hahmottuvat-salon-alueella/"


@pytest.fixture(scope="module")
def staff_accounts(request) -> None:
    stack = request.getfixturevalue("stack")
    for username, password in STAFF.items():
        stack.create_staff(username, password, "salo")


def log_in(page, username: str) -> None:
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(STAFF[username])
    page.get_by_role("button", name="Kirjaudu").click()
    page.get_by_role("heading", level=1, name="Palvelujen ylläpito").wait_for()


@pytest.mark.console_errors_expected  # the 401 and 422 answers, and nothing else (asserted at the end)
def test_the_editor_proposes_and_a_colleague_approves(context, page, console, staff_accounts):
    response = page.goto("/hallinta")
    assert response is not None and response.status == 401
    log_in(page, "browser.salo")
    assert "Alue: Salon työllisyysalue" in page.locator(".stats-scope").inner_text()
    assert_no_axe_violations(page, "/hallinta")

    page.get_by_role("link", name="Lisää palvelu", exact=True).click()
    page.get_by_role("heading", level=1, name="Uusi palvelu").wait_for()
    assert_no_axe_violations(page, "/hallinta/palvelut/uusi")
    page.get_by_label("Nimi *").fill("Salon työkokeilupaikat")
    page.get_by_role("button", name="Lähetä tarkistettavaksi").click()
    # the errors are in the form, tied to their fields
    assert page.get_by_role("alert").is_visible()
    summary = page.get_by_label("Lyhyt kuvaus (enintään 240 merkkiä) *")
    assert summary.get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page, "/hallinta/palvelut/uusi with errors")

    summary.fill("Työkokeilupaikkoja Salon seudun yrityksissä ja yhdistyksissä.")
    page.get_by_label("Palvelun laji *").select_option("work_trial")
    page.get_by_label("Työnhakijoille").check()
    page.get_by_label("Lähde eli virallinen sivu *").fill(OFFICIAL_PAGE)
    page.get_by_role("button", name="Lähetä tarkistettavaksi").click()
    assert "lähetetty tarkistettavaksi" in page.get_by_role("status").inner_text()
    queue = page.get_by_role("table", name="Odottaa hyväksyntää")
    assert "Oma muutoksesi" in queue.inner_text()
    assert queue.get_by_role("button", name="Hyväksy", exact=True).count() == 0

    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.goto("/hallinta")
    log_in(page, "browser.salo.kollega")
    queue = page.get_by_role("table", name="Odottaa hyväksyntää")
    queue.get_by_text("Muutos (").first.click()  # the field-by-field change opens
    assert "Salon työkokeilupaikat" in queue.inner_text()
    assert_no_axe_violations(page, "/hallinta with a colleague's change open")
    queue.get_by_role("button", name="Hyväksy", exact=True).first.click()
    assert "hyväksytty" in page.get_by_role("status").inner_text()
    services = page.get_by_role("table", name="Alueen palvelut")
    assert "Salon työkokeilupaikat" in services.inner_text()
    assert all("(Unauthorized)" in error or "(Unprocessable" in error for error in console.errors), console.errors
