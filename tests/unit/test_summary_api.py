"""The summary page (HTML and PDF), its expiry with the conversation, and anonymous feedback.

The app runs in-process with a real seeded SQLite database, as in test_api.py;
Rasa is not needed (the gateway points at a loopback port where nothing listens).
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import sqlalchemy as sa
from markupsafe import escape
from pypdf import PdfReader

from catalogue.db import session_scope
from conversations.models import ChatSession, Feedback
from conversations.store import TrackerStore, delete_conversation, new_session_id
from conversations.summaries import build_summary, create_summary, load_summary, save_summary
from recommendation import recommend_jobseeker_path
from tests.unit.conftest import api_without_rasa

INJECTED = '<script>alert("x")</script><img src=x onerror=alert(1)>'
PROFILE = {
    "municipality": "Tampere",
    "age": 24,
    "situation": "unemployed",
    "unemployed_months": 7,
    "work_ability": "partial",
    "goals": ["job", "try_field"],
    "fields": ["logistics"],
}
FINNISH_HINT = re.compile(r"[äöå]|\b(ei|on|kenttä|kentän|palvelun)\b", re.I)


@pytest.fixture(scope="module")
def client(seeded_engine, tmp_path_factory):
    with api_without_rasa(seeded_engine, tmp_path_factory.mktemp("tracker-summary"), retention_days=30) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def path(snapshot) -> dict:
    path = recommend_jobseeker_path(snapshot, PROFILE)
    path["steps"][0]["services"][0]["title"] = f"{INJECTED} Työkokeilu"
    return path


def open_conversation(engine) -> str:
    session_id = new_session_id()
    with session_scope(engine) as db:
        db.add(ChatSession(id=session_id))
    return session_id


@pytest.fixture(scope="module")
def summary(seeded_engine, snapshot, path) -> tuple[str, str]:
    session_id = open_conversation(seeded_engine)
    token = create_summary(
        seeded_engine,
        snapshot,
        session_id,
        path,
        profile=PROFILE,
        competence={"skills": ["trukkikortti"]},
        include_profile=True,
    )
    return session_id, token


def assert_missing_page(response) -> None:
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    body = response.text
    assert '<html lang="fi">' in body
    assert "Linkki ei ole enää voimassa" in body and "30 päivän" in body
    assert "Traceback" not in body and '"detail"' not in body


# --------------------------------------------------------------------------
# HTML page
# --------------------------------------------------------------------------


def test_page_shows_profile_steps_services_and_contact(client, seeded_engine, summary, path):
    _session_id, token = summary
    response = client.get(f"/yhteenveto/{token}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert '<html lang="fi">' in page
    assert '<link rel="stylesheet" href="/static/base.css">' in page
    data = load_summary(seeded_engine, token, max_age_days=30)
    assert len(data["steps"]) == len(path["steps"]) >= 2
    # Numbered steps, in order, each with its reason, services and contact.
    positions = [page.index(str(escape(step["title"]))) for step in data["steps"]]
    assert positions == sorted(positions)
    assert page.count('<li class="step">') == len(data["steps"])
    for step in data["steps"]:
        assert str(escape(step["why"])) in page
        if step["how_to_start"]:
            assert str(escape(step["how_to_start"])) in page
        for service in step["services"][1:]:
            assert str(escape(service["title"])) in page
            if service["url"]:
                assert f'href="{escape(service["url"])}"' in page
    # The step about work ability keeps its services but not the user's health.
    assert "Selvitä tilanteesi" in page and "työkykysi" not in page
    assert "Tietoni" in page and "Kotikunta" in page and "24 vuotta" in page
    assert "Osaamiseni" in page and "trukkikortti" in page
    assert path["contact"]["name"] in page
    assert f'href="/yhteenveto/{token}.pdf"' in page and "Lataa PDF" in page
    assert 'id="print-button"' in page and "Tulosta" in page
    assert "poistuvat, kun keskustelu poistetaan" in page and "30 päivän" in page
    # Never health information.
    assert "partial" not in page and "Kerroit, että terveytesi" not in page


def test_page_escapes_markup_from_the_data(client, summary):
    page = client.get(f"/yhteenveto/{summary[1]}").text
    assert INJECTED not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<img src=x" not in page


def test_page_works_under_the_content_security_policy(client, summary):
    response = client.get(f"/yhteenveto/{summary[1]}")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    page = response.text
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script src="/static/summary.js" defer>']
    assert "<style" not in page and " style=" not in page and " onclick=" not in page
    for asset in ("/static/summary.js", "/static/summary.css"):
        assert client.get(asset).status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "noindex" in response.headers["x-robots-tag"]


def test_page_without_profile_shows_only_the_path(client, seeded_engine, snapshot, path):
    data = build_summary(
        snapshot, path, profile=PROFILE, competence={"skills": ["trukkikortti"]}, include_profile=False
    )
    token = save_summary(seeded_engine, open_conversation(seeded_engine), data)
    page = client.get(f"/yhteenveto/{token}").text
    assert "Tietoni" not in page and "Osaamiseni" not in page and "24 vuotta" not in page
    assert str(escape(path["steps"][-1]["title"])) in page


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def test_pdf_download(client, summary, path):
    response = client.get(f"/yhteenveto/{summary[1]}.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Järjestäjä" in text and "Palvelupolku" in text
    for step in path["steps"]:
        assert step["title"].split()[0] in text
    assert "työkykysi" not in text
    # Markup in the data is printed as text, not interpreted.
    assert "<script>" in text.replace("\n", "")


# --------------------------------------------------------------------------
# Unknown, expired and deleted
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/yhteenveto/" + "A" * 43, "/yhteenveto/" + "A" * 43 + ".pdf", "/yhteenveto/x", "/yhteenveto/%3Cscript%3E"],
)
def test_unknown_token_is_a_finnish_404_page(client, url):
    assert_missing_page(client.get(url))


def test_expired_summary_is_404(client, seeded_engine):
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=31)
    token = save_summary(seeded_engine, open_conversation(seeded_engine), {"date": "2026-01-01", "steps": []}, now=old)
    assert_missing_page(client.get(f"/yhteenveto/{token}"))
    assert_missing_page(client.get(f"/yhteenveto/{token}.pdf"))


def test_deleting_the_conversation_deletes_the_summary(client, seeded_engine, snapshot, path):
    session_id = open_conversation(seeded_engine)
    token = create_summary(
        seeded_engine, snapshot, session_id, path, profile=None, competence=None, include_profile=False
    )
    other = create_summary(
        seeded_engine,
        snapshot,
        open_conversation(seeded_engine),
        path,
        profile=None,
        competence=None,
        include_profile=False,
    )
    assert client.get(f"/yhteenveto/{token}").status_code == 200

    assert client.delete(f"/api/chat/{session_id}").status_code == 204
    assert_missing_page(client.get(f"/yhteenveto/{token}"))
    assert_missing_page(client.get(f"/yhteenveto/{token}.pdf"))
    assert client.get(f"/yhteenveto/{other}").status_code == 200


def test_delete_conversation_removes_its_summaries(client, seeded_engine, snapshot, path, tmp_path):
    """The deletion the gateway runs for DELETE /api/chat/{id} and for "poista tietoni"."""
    session_id = open_conversation(seeded_engine)
    token = create_summary(
        seeded_engine, snapshot, session_id, path, profile=None, competence=None, include_profile=False
    )
    with session_scope(seeded_engine) as db:
        conversation = db.get(ChatSession, session_id)
        delete_conversation(db, conversation, TrackerStore(f"sqlite:///{tmp_path / 'no-tracker.db'}"))
    assert load_summary(seeded_engine, token, max_age_days=30) is None
    assert_missing_page(client.get(f"/yhteenveto/{token}"))


# --------------------------------------------------------------------------
# Feedback
# --------------------------------------------------------------------------


def feedback_rows(engine) -> list[tuple]:
    with session_scope(engine) as db:
        return [(f.rating, f.kind, f.service_ids) for f in db.scalars(sa.select(Feedback).order_by(Feedback.id))]


def test_feedback_is_stored(client, seeded_engine):
    before = feedback_rows(seeded_engine)
    response = client.post(
        "/api/feedback", json={"rating": 4, "kind": "jobseeker", "service_ids": ["tyokokeilu", "ohjaamo"]}
    )
    assert response.status_code == 204 and response.content == b""
    response = client.post("/api/feedback", json={"rating": 2, "kind": "employer", "session_id": "ignored"})
    assert response.status_code == 204
    assert feedback_rows(seeded_engine)[len(before) :] == [
        (4, "jobseeker", ["tyokokeilu", "ohjaamo"]),
        (2, "employer", []),
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"rating": 0, "kind": "jobseeker"},
        {"rating": 6, "kind": "jobseeker"},
        {"rating": "5", "kind": "jobseeker"},
        {"rating": 4.5, "kind": "jobseeker"},
        {"kind": "jobseeker"},
        {"rating": 3},
        {"rating": 3, "kind": "coach"},
        {"rating": 3, "kind": "jobseeker", "service_ids": "tyokokeilu"},
        {"rating": 3, "kind": "jobseeker", "service_ids": [f"palvelu-{i}" for i in range(21)]},
        {"rating": 3, "kind": "jobseeker", "service_ids": ["Työkokeilu ja muuta"]},
        {"rating": 3, "kind": "jobseeker", "service_ids": ["x" * 81]},
        {"rating": 3, "kind": "jobseeker", "service_ids": [""]},
        [],
    ],
)
def test_invalid_feedback_is_422_in_finnish(client, seeded_engine, body):
    before = len(feedback_rows(seeded_engine))
    response = client.post("/api/feedback", json=body)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and FINNISH_HINT.search(detail), detail
    for english in ("rating", "service_ids", "Field required", "Traceback"):
        assert english not in detail
    assert len(feedback_rows(seeded_engine)) == before


def test_feedback_invalid_json_is_422(client):
    response = client.post("/api/feedback", content=b"{rating", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert FINNISH_HINT.search(response.json()["detail"])


@pytest.mark.parametrize(("lang", "words"), [("sv", "Servicestig"), ("en", "service path")])
def test_a_summary_speaks_its_conversations_language(client, seeded_engine, snapshot, lang, words):
    """Made in a Swedish or English conversation, the page and the PDF are in that language, whatever
    the browser asks for."""
    from messages import speaking

    with speaking(lang):  # as the action that makes it runs
        localized = snapshot.in_language(lang)
        path = recommend_jobseeker_path(localized, PROFILE)
        data = build_summary(localized, path, profile=PROFILE, competence=None, include_profile=True)
    token = save_summary(seeded_engine, open_conversation(seeded_engine), data)
    page = client.get(f"/yhteenveto/{token}", headers={"Accept-Language": "fi"}).text
    assert f'<html lang="{lang}">' in page
    assert words.lower() in page.lower()
    pdf = client.get(f"/yhteenveto/{token}.pdf").content
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert words.lower() in pdf_text.lower().replace("\n", " ")
