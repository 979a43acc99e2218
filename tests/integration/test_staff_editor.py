"""The staff editor on the live stack (issue: area staff keep their own services current):
Kuopio's coordinator adds the area's work-trial service with its official page, a colleague
approves it, and a jobseeker asking "työkokeilu Kuopio" in the chat then gets it first, with the
date it was checked. The action server notices the re-seeded catalogue by itself."""

from __future__ import annotations

import datetime as dt
import re
import time

import httpx
import pytest

from tests.integration.chat import Conversation
from tests.integration.test_area_figures import log_in

pytestmark = pytest.mark.integration

STAFF = {"kuopio.koordinaattori": "Kuopio-salasana-2026", "kuopio.kollega": "Kollegan-salasana-2026"}
# the Kuopio area's own site (catalogue/data/employment_areas.yaml)
OFFICIAL_PAGE = "https://tyonavigaattori.fi/"
NEW_ID = "kuopion-tyokokeilut"


def chat_cards(stack, message: str) -> list[dict]:
    return [card for m in Conversation(stack).say(message) for card in m.get("cards", [])]


def test_an_approved_work_trial_service_is_the_first_answer_in_the_chat(stack):
    for username, password in STAFF.items():
        stack.create_staff(username, password, "kuopio")
    assert NEW_ID not in [card["id"] for card in chat_cards(stack, "työkokeilu Kuopio")]

    with log_in(stack, "kuopio.koordinaattori", STAFF["kuopio.koordinaattori"]) as coordinator:
        proposed = coordinator.post(
            "/hallinta/palvelut/uusi",
            data={
                "id": NEW_ID,
                "title": "Kuopion työkokeilut",
                "summary": "Kokeile työtä Kuopion työllisyysalueen työkokeilupaikoissa. Sovi työkokeilusta työllisyyspalvelujen kanssa.",
                "category": "work_trial",
                "audience": ["jobseeker"],
                "url": OFFICIAL_PAGE,
                "keywords": "työkokeilu, työkokeilupaikka, kokeilla työtä",
                "source_url": OFFICIAL_PAGE,
            },
            follow_redirects=False,
        )
        assert proposed.status_code == 303, proposed.text
        # not shown to anyone before a colleague approves it
        assert NEW_ID not in [card["id"] for card in chat_cards(stack, "työkokeilu Kuopio")]

    with log_in(stack, "kuopio.kollega", STAFF["kuopio.kollega"]) as colleague:
        page = colleague.get("/hallinta").text
        edit_id = re.search(r"/hallinta/muutokset/(\d+)/hyvaksy", page)
        assert edit_id, page
        approved = colleague.post(f"/hallinta/muutokset/{edit_id.group(1)}/hyvaksy", follow_redirects=False)
        assert approved.status_code == 303 and "done=approved" in approved.headers["location"]

    deadline = time.monotonic() + 30
    while True:
        cards = chat_cards(stack, "työkokeilu Kuopio")
        if (cards and cards[0]["id"] == NEW_ID) or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert cards[0]["id"] == NEW_ID, [card["id"] for card in cards]
    assert cards[0]["last_verified"] == dt.date.today().isoformat()
    assert cards[0]["source_url"] == OFFICIAL_PAGE
    # and on the lookup page's API
    found = httpx.get(f"{stack.base_url}/api/services", params={"q": "työkokeilu Kuopio"}).json()
    assert found["items"][0]["id"] == NEW_ID
