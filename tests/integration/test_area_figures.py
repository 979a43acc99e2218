"""The employment area's figures after real conversations on the live stack (issue: knowledge for
the employment area): a day of conversations in Tampere and Espoo, then the area staff's view.

- Tampere's staff see their top needs, the recommended services, the need the area lacks, and
  the ratings with counts under 5 hidden; Espoo's staff get 403 for Tampere's figures.
- Nobody without a login gets in; a brute-force attempt is stopped.
- The event store holds no session id, no message, no age and no health detail.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from messages import LANGUAGES
from recommendation.jobseeker.steps import ROUTE_ORDER
from tests.integration.chat import JOBSEEKER_ANSWERS, Conversation, card_ids, interview, texts
from tests.unit.test_insights import EVENT_COLUMNS
from vocabulary import CATEGORIES, HEALTH_CATEGORIES, STATS_AUDIENCES, TOPICS, label

pytestmark = pytest.mark.integration

PASSWORDS = {
    "tampere-coordinator": "Tampere-salasana-2026",
    "espoo-coordinator": "Espoo-salasana-2026",
    "national-admin": "Kansallinen-salasana-2026",
    "brute-force-target": "Oikea-salasana-2026",
}
AREAS = {
    "tampere-coordinator": "tampereen-seutu",
    "espoo-coordinator": "espoo-kauniainen",
    "national-admin": None,
    "brute-force-target": "tampereen-seutu",
}
OPENING = "Tarvitsen apua työnhakuun, asun Tampereella"
RATINGS = (4, 5, 4, 5, 3)


def stack_database(stack) -> Path:
    return Path(stack.env["DATABASE_URL"].removeprefix("sqlite:///"))


@contextmanager
def log_in(stack, username: str, password: str | None = None) -> Iterator[httpx.Client]:
    """A client with the staff session. The cookie is Secure and the test stack speaks plain HTTP
    on loopback, so the client sends it itself, as a browser does for localhost."""
    client = httpx.Client(base_url=stack.base_url, timeout=60)
    response = client.post(
        "/kirjaudu",
        data={"username": username, "password": password or PASSWORDS[username], "next": "/tilastot"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/tilastot"
    cookie = response.headers["set-cookie"]
    for flag in ("HttpOnly", "Secure", "SameSite=strict"):
        assert flag in cookie
    token = cookie.split(";", 1)[0].split("=", 1)[1]
    client.cookies.clear()
    client.headers["Cookie"] = f"polkuopas_staff={token}"
    try:
        yield client
    finally:
        client.close()


@pytest.fixture(scope="module")
def day(stack) -> dict:
    """A day of conversations; returns what was said and the session ids."""
    said: list[str] = []
    sessions: list[str] = []

    def talk(conversation: Conversation, message: str) -> list[dict]:
        said.append(message)
        return conversation.say(message)

    # five jobseekers in Tampere: an interview, a path, a rating
    for rating in RATINGS:
        conversation = Conversation(stack)
        _asked, messages = interview(conversation, talk(conversation, OPENING), JOBSEEKER_ANSWERS)
        assert "palvelupoluksi" in texts(messages), conversation.all_bot_text()[-1500:]
        path_services = card_ids(messages)
        thanks = talk(conversation, f'/give_feedback{{"rating": {rating}}}')
        assert "Kiitos palautteesta" in texts(thanks)
        said.extend(message for message, _ in conversation.transcript)
        sessions.append(conversation.session_id or "")

    # coaches look up job coaching in Tampere on the lookup page (Tampere has none of its own)
    with httpx.Client(base_url=stack.base_url, timeout=60) as client:
        for _ in range(5):
            found = client.get("/api/services", params={"q": "työhönvalmennus", "municipality": "Tampere"})
            assert found.status_code == 200

    # an employer in Tampere asks in the chat, someone writes nonsense, a Swedish speaker in Espoo
    for page_municipality, message in (
        ("Tampere", "Mitä tukia saan jos palkkaan pitkään työttömän?"),
        ("Tampere", "asdfgh qwerty zxcvb"),
        ("Espoo", "Hej, jag bor i Esbo och har varit utan jobb sedan i somras"),
    ):
        conversation = Conversation(stack, page_municipality=page_municipality)
        talk(conversation, message)
        sessions.append(conversation.session_id or "")

    for username, password in PASSWORDS.items():
        stack.create_staff(username, password, AREAS[username])
    return {"said": said, "sessions": sessions, "path_services": path_services}


def numbers(figures: object) -> list[int]:
    """Every count (whole number) in the figures, wherever it is."""
    if isinstance(figures, dict):
        return [
            n
            for key, value in figures.items()
            if key not in ("rating", "share_percent", "average")
            for n in numbers(value)
        ]
    if isinstance(figures, list):
        return [n for value in figures for n in numbers(value)]
    return [figures] if isinstance(figures, int) and not isinstance(figures, bool) else []


def test_tampere_staff_see_needs_services_gaps_and_ratings(stack, day):
    with log_in(stack, "tampere-coordinator") as client:
        response = client.get("/api/stats")
        assert response.status_code == 200, response.text
        figures = response.json()
        page = client.get("/tilastot")
    assert figures["areas"] == [{"id": "tampereen-seutu", "name": "Tampereen seudun työllisyysalue"}]

    # (other tests on the same stack talk in Tampere too: the figures are at least the day's)
    # the top need of the jobseekers: five conversations that opened the same way
    top_need = figures["needs"]["jobseeker"][0]
    assert top_need["key"] == "jobseeker_start" and isinstance(top_need["count"], int) and top_need["count"] >= 5

    # every path recommended the same services: each counted at least five times
    services = {row["key"]: row["count"] for row in figures["services"]}
    assert set(day["path_services"]) <= set(services), (day["path_services"], services)
    assert all(isinstance(services[i], int) and services[i] >= 5 for i in day["path_services"]), services

    # the lookups of job coaching: a need Tampere's area has no service of its own for
    unmet = {(row["area"]["id"], row["category"]): row["count"] for row in figures["unmet_needs"]}
    assert isinstance(unmet[("tampereen-seutu", "coaching")], int) and unmet[("tampereen-seutu", "coaching")] >= 5

    # five ratings or more: the total and the average are shown, a rating given once is not
    feedback = figures["feedback"]
    assert isinstance(feedback["count"], int) and feedback["count"] >= 5
    assert feedback["average"] is not None
    assert next(row["count"] for row in feedback["ratings"] if row["rating"] == 3) == "< 5"
    # no count under 5 anywhere
    assert not [n for n in numbers(figures) if n < 5]

    # the page shows the same, as tables
    assert page.status_code == 200
    assert label("topic", "jobseeker_start") in page.text  # "Apua työnhakuun"
    assert label("category", "coaching") in page.text
    assert "&lt; 5" in page.text


def test_espoo_staff_cannot_see_tampere(stack, day):
    with log_in(stack, "espoo-coordinator") as client:
        assert client.get("/api/stats", params={"area": "tampereen-seutu"}).status_code == 403
        assert client.get("/api/stats.csv", params={"area": "tampereen-seutu"}).status_code == 403
        assert client.get("/tilastot", params={"area": "tampereen-seutu"}).status_code == 403
        own = client.get("/api/stats").json()
    assert own["areas"] == [{"id": "espoo-kauniainen", "name": "Espoon ja Kauniaisten työllisyysalue"}]
    assert all(row["area"]["id"] == "espoo-kauniainen" for row in own["unmet_needs"])
    assert "tampereen-seutu" not in json.dumps(own)


def test_a_national_admin_sees_every_area(stack, day):
    with log_in(stack, "national-admin") as client:
        everything = client.get("/api/stats").json()
        espoo = client.get("/api/stats", params={"area": "espoo-kauniainen"}).json()
    assert everything["areas"] is None
    assert everything["feedback"]["count"] != "< 5"
    assert espoo["areas"][0]["id"] == "espoo-kauniainen"


def test_nobody_gets_in_without_a_login(stack, day):
    with httpx.Client(base_url=stack.base_url, timeout=60) as client:
        assert client.get("/api/stats").status_code == 401
        assert client.get("/api/stats.csv").status_code == 401
        page = client.get("/tilastot")
        assert page.status_code == 401 and 'action="/kirjaudu?lang=fi"' in page.text
        forged = client.get("/api/stats", headers={"Cookie": "polkuopas_staff=forged-token"})
        assert forged.status_code == 401


def test_a_brute_force_attempt_is_stopped(stack, day):
    with httpx.Client(base_url=stack.base_url, timeout=60) as client:
        answers = [
            client.post("/kirjaudu", data={"username": "brute-force-target", "password": f"arvaus-{n}"}).status_code
            for n in range(6)
        ]
        assert answers[:5] == [401] * 5
        assert answers[5] == 429
        # still refused with the right password until the window has passed
        right = client.post(
            "/kirjaudu",
            data={"username": "brute-force-target", "password": PASSWORDS["brute-force-target"]},
            follow_redirects=False,
        )
        assert right.status_code == 429 and int(right.headers["retry-after"]) > 0
    with sqlite3.connect(stack_database(stack)) as db:
        failed = db.execute(
            "SELECT COUNT(*) FROM staff_audit WHERE username = 'brute-force-target' AND action = 'login_failed'"
        ).fetchone()[0]
    assert failed == 5


def test_the_event_store_holds_nothing_that_ties_an_event_to_a_person(stack, day):
    with sqlite3.connect(stack_database(stack)) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(usage_events)")]
        rows = db.execute("SELECT * FROM usage_events").fetchall()
    assert columns == list(EVENT_COLUMNS)
    assert len(rows) >= 20
    from catalogue.db import make_engine
    from catalogue.repository import get_catalogue

    catalogue = get_catalogue(make_engine(stack.env["DATABASE_URL"]), refresh=True)
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        assert len(record["day"]) == 10  # a day, no time of day
        assert record["area_id"] in (None, *catalogue.areas)
        assert record["audience"] in (None, *STATS_AUDIENCES)
        assert record["lang"] in LANGUAGES
        assert record["topic"] in (None, *TOPICS)
        assert record["category"] in (None, *CATEGORIES)
        assert set(json.loads(record["steps"])) <= set(ROUTE_ORDER)
        assert set(json.loads(record["service_ids"])) <= set(catalogue.services)
        assert record["rating"] in (None, 1, 2, 3, 4, 5)
    everything = json.dumps(rows, ensure_ascii=False).lower()
    for session_id in day["sessions"]:
        assert session_id and session_id.lower() not in everything
    for message in day["said"]:
        if len(message) > 3 and not message.startswith("/"):
            assert message.lower() not in everything, message
    for health in HEALTH_CATEGORIES:
        assert health not in everything
