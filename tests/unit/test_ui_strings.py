"""GET /api/ui: the words of the chat widget and the lookup page /haku, from the message catalogues.

The pages write no words of their own: the JavaScript names catalogue keys (t('widget.send')), the
static HTML marks its words with data-i18n (its Finnish text is only what shows before the
catalogue loads, and must be the catalogue's)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from messages import LANGUAGES, catalogue
from tests.unit.conftest import api_without_rasa

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "api" / "static"
PLACEHOLDER = re.compile(r"\{(\w*)\}")
# t('widget.send'), t(`haku.detail.${key}`) (a template: only its fixed part), t.count('widget.cards_announced', n)
KEY_IN_JS = re.compile(r"""\bt\(\s*['`]((?:widget|haku)\.[a-z0-9_.]*)""")
COUNT_IN_JS = re.compile(r"""\bt\.count\(\s*'((?:widget|haku)\.[a-z0-9_.]*)'""")


def finnish_ui_keys() -> set[str]:
    return {key for key in catalogue("fi") if key.split(".", 1)[0] in ("widget", "haku")}


@pytest.fixture(scope="module")
def client(seeded_engine, tmp_path_factory):
    with api_without_rasa(seeded_engine, tmp_path_factory.mktemp("tracker-ui")) as test_client:
        yield test_client


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_key_of_the_finnish_widget_and_lookup_page(client, lang):
    response = client.get("/api/ui", params={"lang": lang})
    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == lang
    strings = body["strings"]
    assert set(strings) == finnish_ui_keys()
    assert all(isinstance(value, str) and value.strip() for value in strings.values())
    for key, wording in strings.items():
        finnish = catalogue("fi")[key]
        assert sorted(PLACEHOLDER.findall(wording)) == sorted(PLACEHOLDER.findall(finnish)), key


def test_the_strings_are_the_catalogues_words(client):
    finnish = client.get("/api/ui").json()["strings"]
    assert finnish["widget.send"] == "Lähetä"
    assert finnish["widget.privacy"].startswith("Keskustelu tallennetaan palvelimelle")
    assert "{days}" in finnish["widget.privacy"]
    assert (finnish["widget.cards_announced.one"], finnish["widget.cards_announced.many"]) == (
        "1 palvelu.",
        "{n} palvelua.",
    )
    assert finnish["haku.form.q"] == "Hakusana"
    swedish = client.get("/api/ui?lang=sv").json()["strings"]
    assert swedish["widget.card_language.fi"] == "Texten finns bara på finska."
    assert client.get("/api/ui?lang=en").json()["strings"]["widget.card_language.fi"] == "This text is only in Finnish."
    # every language names the languages in themselves
    for lang in LANGUAGES:
        names = client.get(f"/api/ui?lang={lang}").json()["strings"]
        assert [names[f"widget.language.{code}"] for code in LANGUAGES] == ["Suomi", "Svenska", "English"]


@pytest.mark.parametrize(
    ("params", "headers", "expected"),
    [
        ({}, {}, "fi"),
        ({"lang": "sv-FI"}, {}, "sv"),
        ({"lang": "EN"}, {}, "en"),
        ({}, {"Accept-Language": "sv-FI,sv;q=0.9,en;q=0.8"}, "sv"),
        ({"lang": "de"}, {"Accept-Language": "en-GB,en;q=0.9"}, "en"),  # an unknown ?lang= is ignored
        ({"lang": "de"}, {}, "fi"),
    ],
)
def test_the_language_from_the_query_or_the_browser(client, params, headers, expected):
    body = client.get("/api/ui", params=params, headers=headers).json()
    assert body["lang"] == expected
    assert body["strings"]["widget.send"] == catalogue(expected)["widget.send"]


def test_an_overlong_language_is_refused_in_the_browsers_language(client):
    response = client.get("/api/ui", params={"lang": "x" * 11}, headers={"Accept-Language": "sv"})
    assert response.status_code == 422
    assert "lang" in response.json()["detail"]


def test_the_endpoint_is_read_only(client):
    assert client.post("/api/ui", json={}).status_code == 405


def test_every_key_the_pages_name_is_in_the_catalogue():
    known = finnish_ui_keys()
    used: set[str] = set()
    for path in [*STATIC.glob("*.js"), *STATIC.glob("widget/*.js")]:
        code = path.read_text(encoding="utf-8")
        used.update(KEY_IN_JS.findall(code))
        used.update(f"{key}.{form}" for key in COUNT_IN_JS.findall(code) for form in ("one", "many"))
    assert {"widget.send", "widget.privacy", "haku.prompt", "haku.detail.", "widget.cards_announced.one"} <= used
    exact = {key for key in used if not key.endswith(".")}
    assert sorted(exact - known) == []
    for prefix in used - exact:  # a key built from a code: some key starts so
        assert any(key.startswith(prefix) for key in known), prefix


def test_the_scripts_write_no_words_of_their_own():
    """Finnish (or Swedish) letters in the code itself, outside comments, would be inline words."""
    for path in [STATIC / "haku.js", *STATIC.glob("widget/*.js")]:
        code = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        code = "\n".join(line.split("//", 1)[0] if "://" not in line else line for line in code.splitlines())
        assert not re.search(r"[äöåÄÖÅ]", code), f"{path.name} has words in it: use the message catalogue"


class MarkedWords(HTMLParser):
    """(key, text) of every element with data-i18n, and (key, value) of every data-i18n-attr."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.open: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for pair in (values.get("data-i18n-attr") or "").split(";"):
            if ":" in pair:
                attr, key = (part.strip() for part in pair.split(":", 1))
                self.found.append((key, values.get(attr) or ""))
        if values.get("data-i18n"):
            self.open.append((tag, values["data-i18n"], []))

    def handle_data(self, data):
        for _tag, _key, texts in self.open:
            texts.append(data)

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            _tag, key, texts = self.open.pop()
            self.found.append((key, " ".join("".join(texts).split())))


@pytest.mark.parametrize("page", ["index.html", "haku.html"])
def test_the_finnish_words_in_the_pages_html_are_the_catalogues(page):
    parser = MarkedWords()
    parser.feed((STATIC / page).read_text(encoding="utf-8"))
    assert len(parser.found) >= 4
    finnish = catalogue("fi")
    for key, shown in parser.found:
        assert key in finnish, f"{page}: {key} is not in messages/fi"
        assert shown == " ".join(str(finnish[key]).split()), f"{page}: {key}"
