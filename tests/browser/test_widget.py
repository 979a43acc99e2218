"""The embeddable chat widget and the chat pages in a real browser (Debian's Chromium).

Every test gets a fresh browser profile; the stack is shared (conftest.py). Answers are
found by the words of the bot's question, as in tests/integration/test_live_stack.py.
"""

from __future__ import annotations

import json
import re

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.integration.chat import JOBSEEKER_ANSWERS as LIVE_STACK_ANSWERS

pytestmark = pytest.mark.integration

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# the widget's shadow root (embedded: <polkuopas-widget>, chat page: #polkuopas-chat)
ROOT_JS = "(document.querySelector('polkuopas-widget') || document.getElementById('polkuopas-chat')).shadowRoot"

# What the jobseeker answers, as in the live-stack test, but the municipality question is
# answered with the widget's own data-municipality button.
JOBSEEKER_ANSWERS = {**LIVE_STACK_ANSWERS, "paikkakunnalla": ("button", "Tampere")}

XSS = '<img src=x onerror="window.__xss=1">'


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def in_widget(page, body: str, arg=None):
    """Evaluates `body` (a function body using `r`, the widget's shadow root, and `arg`)."""
    return page.evaluate(f"(arg) => {{ const r = {ROOT_JS}; {body} }}", arg)


def replies_count(page) -> int:
    return in_widget(page, "return r.querySelectorAll('.msg-bot, .msg-error').length;")


def wait_for_reply(page, before: int) -> None:
    """Waits until a new bot message (or error) is shown and the typing indicator is gone."""
    page.wait_for_function(
        """(n) => {
            const host = document.querySelector('polkuopas-widget') || document.getElementById('polkuopas-chat');
            const r = host && host.shadowRoot;
            return !!r && r.querySelectorAll('.msg-bot, .msg-error').length > n
                && !r.querySelector('.typing').hasChildNodes();
        }""",
        arg=before,
        timeout=60_000,
    )


def last_reply_text(page) -> str:
    """Text of the bot messages after the user's last message."""
    return in_widget(
        page,
        """const texts = [];
        for (const node of r.querySelector('.po-log').children) {
          if (node.classList.contains('msg-user')) texts.length = 0;
          else texts.push(node.innerText);
        }
        return texts.join('\\n');""",
    )


def log_text(page) -> str:
    return in_widget(page, "return r.querySelector('.po-log').innerText;")


def session_id(page) -> str | None:
    return page.evaluate(
        "() => { for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i);"
        " if (k.startsWith('polkuopas.sessionId@')) return localStorage.getItem(k); } return null; }"
    )


def open_widget(page) -> None:
    before = replies_count(page) if page.locator("polkuopas-widget").count() else 0
    page.get_by_role("button", name="Kysy Polkuoppaalta").click()
    wait_for_reply(page, before)


def click_reply(page, title: str) -> None:
    before = replies_count(page)
    page.get_by_role("button", name=title, exact=True, disabled=False).click()
    wait_for_reply(page, before)


def type_message(page, text: str) -> None:
    before = replies_count(page)
    box = page.locator("#po-input")
    box.fill(text)
    box.press("Enter")
    wait_for_reply(page, before)


def interview(page, answers: dict, limit: int = 30) -> list[str]:
    asked: list[str] = []
    for _ in range(limit):
        question = last_reply_text(page)
        if "palvelupoluksi" in question:
            return asked
        for words, reply in answers.items():  # noqa: B007  (the matching reply is used after the loop)
            if words in question:
                break
        else:
            raise AssertionError(f"unexpected question: {question}")
        asked.append(words)
        if isinstance(reply, tuple):
            click_reply(page, reply[1])
        else:
            type_message(page, reply)
    raise AssertionError(f"no path after {limit} answers: {asked}")


def wait_for_animations(page) -> None:
    """New messages fade in (180 ms): axe measures contrast as it is at that moment."""
    page.wait_for_function(
        """() => {
            const host = document.querySelector('polkuopas-widget') || document.getElementById('polkuopas-chat');
            const roots = [document, host && host.shadowRoot].filter(Boolean);
            return roots.every((root) => root.getAnimations().every(
                (a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity));
        }"""
    )


def answer_chat_with(page, status: int, body: str, headers: dict | None = None) -> None:
    """From now on, POST /api/chat answers with this status and JSON body (the stack is not asked)."""
    page.unroute("**/api/chat")
    page.route(
        "**/api/chat",
        lambda route: route.fulfill(status=status, content_type="application/json", headers=headers or {}, body=body),
    )


def assert_no_axe_violations(page, where: str) -> None:
    wait_for_animations(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    details = [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]
    assert results.violations_count == 0, f"axe on {where}:\n" + "\n".join(details)


def active_in_widget(page) -> str:
    """'launcher', 'input', … : which widget element has the focus ('' if none)."""
    return page.evaluate(
        """() => {
            const host = document.querySelector('polkuopas-widget');
            if (!host || document.activeElement !== host) return '';
            const a = host.shadowRoot.activeElement;
            if (!a) return '';
            if (a.classList.contains('po-launcher')) return 'launcher';
            if (a.id === 'po-input') return 'input';
            return a.tagName.toLowerCase() + '.' + a.className;
        }"""
    )


# ---------------------------------------------------------------------------
# tests
# ---------------------------------------------------------------------------


def test_closed_widget_on_the_demo_page(page):
    page.goto("/demo")
    launcher = page.get_by_role("button", name="Kysy Polkuoppaalta")
    launcher.wait_for()
    assert launcher.get_attribute("aria-expanded") == "false"
    assert launcher.get_attribute("aria-controls") == "po-panel"
    assert in_widget(page, "return r.getElementById('po-panel').hidden;") is True
    assert session_id(page) is None, "a closed widget does not start a conversation"
    # the host page's aggressive CSS (serif !important, red buttons) does not reach in
    style = launcher.evaluate("b => { const s = getComputedStyle(b); return [s.fontFamily, s.backgroundColor]; }")
    assert "serif" not in style[0].replace("sans-serif", "") and "Georgia" not in style[0], style
    assert style[1] == "rgb(11, 74, 139)", style
    assert_no_axe_violations(page, "/demo, widget closed")


def test_jobseeker_path_survives_a_reload_and_is_deleted(page, base_url):
    page.goto("/demo")
    open_widget(page)
    panel = page.get_by_role("dialog", name="Polkuopas")
    assert panel.is_visible()
    assert in_widget(page, "return r.querySelector('.po-subtitle').innerText;").strip().endswith("Tampere")
    assert in_widget(page, "return r.querySelector('.po-root').lang;") == "fi"
    # the privacy line says what is stored and for how long (the stack's POLKUOPAS_RETENTION_DAYS)
    assert "poistetaan 21 päivän kuluttua" in in_widget(page, "return r.querySelector('.po-privacy').textContent;")

    click_reply(page, "Etsin töitä")
    assert "paikkakunnalla" in last_reply_text(page)
    asked = interview(page, JOBSEEKER_ANSWERS)
    assert len(asked) == len(set(asked)), f"a question was asked twice: {asked}"
    reply = last_reply_text(page)
    assert "palvelupoluksi" in reply and "Tampereen seudun" in reply

    cards = page.locator("polkuopas-widget .card")
    assert cards.count() >= 3
    hrefs = in_widget(page, "return Array.from(r.querySelectorAll('.card a'), a => [a.href, a.target, a.rel]);")
    assert hrefs, "the cards have links"
    for href, target, rel in hrefs:
        assert href.startswith(("https://", "http://")), href
        assert target == "_blank" and "noopener" in rel
    assert_no_axe_violations(page, "/demo, open with a service path and cards")

    # reload: the same conversation comes back from the history
    sid = session_id(page)
    assert sid
    shown = replies_count(page)
    page.reload()
    if page.get_by_role("button", name="Kysy Polkuoppaalta").get_attribute("aria-expanded") != "true":
        page.get_by_role("button", name="Kysy Polkuoppaalta").click()
    page.wait_for_function(f"() => {ROOT_JS}.querySelectorAll('.msg-bot').length >= {shown}")
    assert session_id(page) == sid
    assert "palvelupoluksi" in log_text(page)
    assert cards.count() >= 3
    assert "Tampere" in log_text(page)

    # delete: gone from the server and from the screen, a new conversation starts
    before = replies_count(page)
    page.get_by_role("button", name="Poista keskustelu").click()
    page.wait_for_function(
        f"() => !{ROOT_JS}.querySelector('.po-log').innerText.includes('palvelupoluksi')"
        f" && {ROOT_JS}.querySelectorAll('.msg-bot').length >= 1"
    )
    assert before > replies_count(page)
    assert "palvelupoluksi" not in log_text(page)
    assert "Polkuopas" in log_text(page)  # the greeting of the new conversation
    assert session_id(page) != sid
    assert httpx.get(f"{base_url}/api/chat/{sid}/history", timeout=30).status_code == 404


def test_markup_is_shown_as_text(page):
    page.goto("/demo")
    open_widget(page)
    type_message(page, XSS)
    bubbles = in_widget(page, "return Array.from(r.querySelectorAll('.msg-user .bubble'), b => b.textContent);")
    assert any(XSS in b for b in bubbles), bubbles
    assert in_widget(page, "return r.querySelectorAll('.po-log img').length;") == 0
    assert page.locator("img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None


def test_keyboard_only(page):
    page.goto("/demo")
    page.get_by_role("button", name="Kysy Polkuoppaalta").wait_for()
    for _ in range(30):
        page.keyboard.press("Tab")
        if active_in_widget(page) == "launcher":
            break
    else:
        raise AssertionError("Tab never reached the launcher")
    outline = in_widget(page, "const s = getComputedStyle(r.activeElement); return [s.outlineStyle, s.outlineWidth];")
    assert outline[0] != "none" and outline[1] != "0px", f"visible focus on the launcher: {outline}"

    page.keyboard.press("Enter")
    wait_for_reply(page, 0)
    launcher = page.get_by_role("button", name="Kysy Polkuoppaalta")
    assert launcher.get_attribute("aria-expanded") == "true"
    assert active_in_widget(page) == "input", "focus moves into the message field"

    # Tab order: the field, Lähetä … and the quick replies are reachable
    page.keyboard.press("Shift+Tab")
    assert active_in_widget(page) != "input"
    page.keyboard.press("Tab")
    assert active_in_widget(page) == "input"

    page.keyboard.press("Escape")
    assert launcher.get_attribute("aria-expanded") == "false"
    assert in_widget(page, "return r.getElementById('po-panel').hidden;") is True
    assert active_in_widget(page) == "launcher", "Esc returns the focus to the launcher"

    # and open again with the keyboard: the conversation is still there
    page.keyboard.press("Enter")
    assert active_in_widget(page) == "input"
    assert replies_count(page) >= 1


def test_small_screen_and_reduced_motion(page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.emulate_media(reduced_motion="reduce")
    page.goto("/demo")
    open_widget(page)
    box = page.get_by_role("dialog", name="Polkuopas").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    overflow = in_widget(page, "const p = r.getElementById('po-panel'); return p.scrollWidth - p.clientWidth;")
    assert overflow <= 0, "no horizontal scrolling inside the panel at 320 px"
    assert page.get_by_role("button", name="Sulje keskustelu").is_visible()
    animation = in_widget(page, "return getComputedStyle(r.querySelector('.msg')).animationName;")
    assert animation == "none"
    # 200 % zoom of a 1280 × 800 screen
    page.set_viewport_size({"width": 640, "height": 400})
    box = page.get_by_role("dialog", name="Polkuopas").bounding_box()
    assert box["width"] <= 640 and box["height"] <= 400, box
    page.locator("#po-input").scroll_into_view_if_needed()
    assert page.locator("#po-input").is_visible()


@pytest.mark.console_errors_expected  # the browser logs the failed requests
def test_rate_limit_and_backend_down_messages(page):
    page.goto("/demo")
    open_widget(page)
    answer_chat_with(page, 429, '{"detail": "Too many"}', headers={"Retry-After": "30"})
    type_message(page, "hei")
    assert "Liian monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen." in last_reply_text(page)
    assert page.locator("#po-input").input_value() == "hei", "the text is given back for a retry"
    answer_chat_with(page, 503, '{"detail": "Palvelussa on katko. Yritä hetken kuluttua.", "messages": []}')
    type_message(page, "hei taas")
    assert "Palvelussa on katko. Yritä hetken kuluttua." in last_reply_text(page)
    answer_chat_with(
        page,
        503,
        '{"detail": "Katso https://tyomarkkinatori.fi/ tai <a href=javascript:alert(1)>tästä</a>", "messages": []}',
    )
    type_message(page, "vielä kerran")
    links = in_widget(page, "return Array.from(r.querySelectorAll('.msg-error a'), a => a.href);")
    assert links == ["https://tyomarkkinatori.fi/"], links  # the address is a link, the markup stays text
    assert "<a href=javascript:alert(1)>" in last_reply_text(page)


def test_chat_page_uses_the_widget_inline(page):
    page.goto("/")
    wait_for_reply(page, 0)
    assert page.locator("script[src='/static/widget.js'][data-mode='page']").count() == 1
    assert page.locator("polkuopas-widget").count() == 0
    assert page.get_by_role("region", name="Keskustelu Polkuoppaan kanssa").is_visible()
    assert page.get_by_role("button", name="Kysy Polkuoppaalta").count() == 0
    click_reply(page, "Etsin palvelua")
    type_message(page, "mikä on työkokeilu?")
    page.locator("#polkuopas-chat .card").first.wait_for()
    assert_no_axe_violations(page, "/ with a conversation and a card")


def test_lookup_page_with_results(page):
    page.goto("/haku")
    page.locator("#f-q").fill("työkokeilu")
    page.locator("#search-button").click()
    page.locator("#result-list li").first.wait_for()
    assert_no_axe_violations(page, "/haku with results")
    # the detail view of the first result
    page.locator("#result-list .card-open").first.click()
    page.locator("#detail:not([hidden]) #detail-body h3, #detail:not([hidden]) #detail-body dl").first.wait_for()
    assert_no_axe_violations(page, "/haku, a service's detail view")


def test_lookup_page_names_the_municipalitys_employment_area_and_contacts(page):
    page.goto("/haku?q=ty%C3%B6kokeilu&municipality=Jyv%C3%A4skyl%C3%A4")
    box = page.locator("#area-contact")
    box.wait_for()
    text = box.inner_text()
    assert "Jyväskylä" in text and "Työnantajille" in text
    assert "Jyväskylän kaupungin yritys- ja työnantajapalvelut" in text
    assert box.locator("a[href^='https://']").count() >= 1
    assert_no_axe_violations(page, "/haku with a municipality's contacts")
    page.goto("/haku?q=ty%C3%B6kokeilu&municipality=Savonlinna")
    page.locator("#area-contact").wait_for()
    assert "Työmarkkinatori" in page.locator("#area-contact").inner_text()


def test_lookup_page_shows_no_empty_contact_box_without_a_municipality(page):
    """The area box is hidden until it has content (its grid layout once overrode the hidden attribute)."""
    page.goto("/haku?q=ty%C3%B6kokeilu")
    page.locator("#result-list li").first.wait_for()
    assert not page.locator("#area-contact").is_visible()
    page.goto("/haku?q=ty%C3%B6kokeilu&municipality=Kuopio")
    box = page.locator("#area-contact")
    box.wait_for()
    assert "Kuopio" in box.inner_text()


def test_lookup_page_says_when_a_municipality_has_no_own_service_for_the_search(page):
    page.goto("/haku?q=ty%C3%B6kokeilu&municipality=Lahti")  # coverage_gaps.yaml: no work-trial place in Lahti
    page.locator("#result-list li").first.wait_for()
    page.locator("#area-contact").wait_for()
    assert "tulokset ovat valtakunnallisia" in page.locator("#status").inner_text()
    page.goto("/haku?q=ty%C3%B6h%C3%B6nvalmennus&municipality=Kuopio")
    page.locator("#result-list li").first.wait_for()
    page.locator("#area-contact").wait_for()
    assert "valtakunnallisia" not in page.locator("#status").inner_text()


# ---------------------------------------------------------------------------
# languages: data-lang, the panel's switch, cards in Finnish, /haku in English
# ---------------------------------------------------------------------------


def demo_in(page, lang: str) -> None:
    """/demo as a Swedish- (or English-) speaking municipality's page: data-lang on the widget's script tag."""

    def with_lang(route):
        response = route.fetch()
        html = response.text().replace("data-municipality=", f'data-lang="{lang}" data-municipality=', 1)
        route.fulfill(response=response, body=html)

    page.route("**/demo", with_lang)
    page.goto("/demo")


def chrome(page) -> dict:
    """The panel's own words and its language."""
    return in_widget(
        page,
        """return {
          lang: r.querySelector('.po-root').lang,
          launcher: r.querySelector('.po-launcher') ? r.querySelector('.po-launcher').innerText.trim() : null,
          label: r.querySelector('.po-label').textContent,
          send: r.querySelector('.po-composer button[type=submit]').textContent,
          restart: r.querySelector('.po-toolbar').innerText,
          privacy: r.querySelector('.po-privacy').textContent,
          pressed: Array.from(r.querySelectorAll('.po-lang[aria-pressed=true]'), b => b.dataset.lang),
          names: Array.from(r.querySelectorAll('.po-lang'), b => [b.textContent, b.lang]),
        };""",
    )


def test_data_lang_sv_gives_the_swedish_panel(page):
    chat_requests: list[dict] = []
    page.on("request", lambda r: chat_requests.append(r.post_data_json) if r.url.endswith("/api/chat") else None)
    demo_in(page, "sv")
    page.get_by_role("button", name="Fråga Polkuopas").click()
    wait_for_reply(page, 0)
    words = chrome(page)
    assert words["lang"] == "sv"
    assert words["label"] == "Ditt meddelande" and words["send"] == "Skicka"
    assert "Börja om" in words["restart"] and "Radera chatten" in words["restart"]
    assert "raderas efter 21 dagar" in words["privacy"]
    assert words["pressed"] == ["sv"]
    assert words["names"] == [["Suomi", "fi"], ["Svenska", "sv"], ["English", "en"]]
    assert page.get_by_role("dialog", name="Polkuopas").is_visible()
    assert page.get_by_role("button", name="Stäng chatten").is_visible()
    assert chat_requests and chat_requests[0]["lang"] == "sv", chat_requests
    assert page.evaluate("() => document.documentElement.lang") == "fi", "the host page's own lang is left alone"
    assert_no_axe_violations(page, "/demo, the widget in Swedish")


def test_the_language_switch_changes_the_panel_to_english_and_it_sticks(page):
    chat_requests: list[dict] = []
    page.on("request", lambda r: chat_requests.append(r.post_data_json) if r.url.endswith("/api/chat") else None)
    demo_in(page, "sv")
    page.get_by_role("button", name="Fråga Polkuopas").click()
    wait_for_reply(page, 0)
    bubbles = in_widget(page, "return r.querySelectorAll('.msg-user').length;")
    page.get_by_role("button", name="English", exact=True).click()
    page.wait_for_function(
        f"() => {ROOT_JS}.querySelector('.po-root').lang === 'en' && !{ROOT_JS}.querySelector('.typing').hasChildNodes()"
    )
    page.wait_for_function(f"() => {ROOT_JS}.querySelector('.po-toolbar').innerText.includes('Start over')")
    words = chrome(page)
    assert words["label"] == "Your message" and words["send"] == "Send" and words["pressed"] == ["en"]
    assert words["launcher"] == "Ask Polkuopas"
    assert "deleted after 21 days" in words["privacy"]
    assert page.get_by_role("button", name="Close the chat").is_visible()
    # the switch went to the server as a silent command in the new language, not as the user's words
    switch = chat_requests[-1]
    assert switch["message"] == '/switch_language{"language": "en"}' and switch["lang"] == "en", switch
    assert in_widget(page, "return r.querySelectorAll('.msg-user').length;") == bubbles
    assert "/switch_language" not in log_text(page)
    assert_no_axe_violations(page, "/demo, the widget switched to English")

    # the next message carries the language; after a reload the panel is still in English
    type_message(page, "hello")
    assert [r["lang"] for r in chat_requests if r.get("message") == "hello"] == ["en"]
    page.reload()
    page.get_by_role("button", name="Ask Polkuopas").wait_for()
    assert chrome(page)["lang"] == "en"


def test_a_finnish_card_in_a_swedish_chat_says_so(page):
    demo_in(page, "sv")
    page.get_by_role("button", name="Fråga Polkuopas").click()
    wait_for_reply(page, 0)
    card = {
        "id": "tyokokeilu",
        "title": "Työkokeilu",
        "summary": "Työkokeilussa voit kokeilla, sopiiko ala sinulle.",
        "category": "work_trial",
        "scope": "national",
        "provider": None,
        "url": None,
        "contact": None,
        "source_url": "https://tyomarkkinatori.fi/",
        "last_verified": "2026-11-01",
        "lang": "fi",
    }
    swedish = dict(card, id="palkkatuki", title="Lönesubvention", summary="Pengar för arbetsgivaren.", lang="sv")
    body = {
        "session_id": "x" * 32,
        "lang": "sv",
        "messages": [{"text": "Här:", "buttons": [], "cards": [card, swedish]}],
    }
    answer_chat_with(page, 200, json.dumps(body))
    type_message(page, "arbetsprövning")
    cards = in_widget(
        page,
        """return Array.from(r.querySelectorAll('.card'), c => ({
          note: (c.querySelector('.card-language') || {}).textContent || null,
          title: c.querySelector('.card-title').lang,
          summary: c.querySelector('.card-summary').lang,
        }));""",
    )
    assert cards == [
        {"note": "Texten finns bara på finska.", "title": "fi", "summary": "fi"},
        {"note": None, "title": "", "summary": ""},
    ]
    assert_no_axe_violations(page, "/demo, a Finnish card in a Swedish chat")


def test_chat_page_in_swedish_from_the_address(page):
    page.goto("/?lang=sv")
    wait_for_reply(page, 0)
    assert page.evaluate("() => document.documentElement.lang") == "sv"
    assert page.get_by_role("region", name="Chatt med Polkuopas").is_visible()
    assert page.locator(".site-tagline").inner_text() == "Fråga om jobbsökning, tjänster och stöd för arbetsgivare."
    words = chrome(page)
    assert words["lang"] == "sv" and words["pressed"] == ["sv"] and words["launcher"] is None
    assert page.title() == "Polkuopas – guide till sysselsättningstjänsterna"
    assert_no_axe_violations(page, "/?lang=sv")


def test_lookup_page_in_english(page):
    page.goto("/haku?lang=en")
    # the page's words arrive from /api/ui after the first paint
    page.wait_for_function("() => document.querySelector('#status').innerText.startsWith('Write a search word')")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert page.locator("label[for=f-q]").inner_text() == "Search words"
    assert page.locator("#f-category option").nth(1).inner_text() != ""
    page.locator("#f-q").fill("palkkatuki")
    page.locator("#search-button").click()
    page.locator("#result-list li").first.wait_for()
    assert "lang=en" in page.url
    assert page.locator("#status").inner_text().split(" ")[1].startswith("service")
    assert page.locator(".lang-switch a[aria-current=true]").inner_text() == "English"
    assert page.locator(".lang-switch a[lang=sv]").get_attribute("href").endswith("lang=sv")
    assert_no_axe_violations(page, "/haku?lang=en with results")
    page.locator("#result-list .card-open").first.click()
    page.locator("#detail:not([hidden]) #detail-body h3").first.wait_for()
    assert "Who the service is for" in page.locator("#detail-body").inner_text()
    # the checked-on date as English writes it (CLDR's medium format, as the chat's messages)
    checked = page.locator("#detail-body .checked").first.inner_text()
    assert re.search(r"\b\d{1,2} [A-Z][a-z]{2,3} 20\d\d$", checked), checked
    assert_no_axe_violations(page, "/haku?lang=en, a service's detail view")
