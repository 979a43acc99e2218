"""The message catalogues (messages/) and the vocabularies whose labels live there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from messages import LANGUAGES, catalogue, euros, months_text, text
from vocabulary import VOCABULARIES, label, labels

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("api", "bot", "catalogue", "conversations", "recommendation", "understanding", "vocabulary")
KEY_IN_CODE = re.compile(r"""\btext(?:_list)?\(\s*f?["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_of_every_vocabulary_has_a_label(lang):
    for name, codes in VOCABULARIES.items():
        found = labels(name, lang)
        assert list(found) == list(codes), name
        assert all(found.values()), name


def test_no_label_without_a_code():
    for key in catalogue("fi"):
        if key.startswith("vocabulary."):
            _, name, code = key.split(".")
            assert code in VOCABULARIES[name], key


def test_every_key_the_code_names_is_in_the_finnish_catalogue():
    known = catalogue("fi")
    used: set[str] = set()
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            used.update(KEY_IN_CODE.findall(path.read_text(encoding="utf-8")))
    missing = sorted(key for key in used if key not in known and "{" not in key)
    assert not missing


def test_label_of_an_unknown_or_missing_code():
    assert label("situation", "unemployed") == "työtön"
    assert label("situation", "astronaut") == "astronaut"
    assert label("situation", None) == ""


@pytest.mark.parametrize(
    ("months", "said"),
    [
        (0.4, "alle kuukauden"),
        (1, "1 kuukausi"),
        (6, "6 kuukautta"),
        (12, "vuoden"),
        (18, "18 kuukautta"),
        (24, "2 vuotta"),
    ],
)
def test_months_are_said_one_way_everywhere(months, said):
    assert months_text(months) == said


def test_euros_in_finnish_format():
    assert euros(1770) == "1\u00a0770\u00a0€"
    assert euros(1234.5) == "1\u00a0234,50\u00a0€"


def test_placeholders_are_filled():
    assert text("units.months.many", n=3) == "3 kuukautta"


def test_every_key_the_summary_template_names_is_in_the_finnish_catalogue():
    template = (ROOT / "api" / "templates" / "summary.html").read_text(encoding="utf-8")
    used = set(re.findall(r"""\bt\(["']([a-z_.]+)["']""", template))
    assert used
    assert sorted(key for key in used if f"summary_page.{key}" not in catalogue("fi")) == []


PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "fi"])
def test_every_key_is_in_every_language_with_the_same_placeholders(lang):
    finnish, other = catalogue("fi"), catalogue(lang)
    assert sorted(set(finnish) - set(other)) == [], f"keys missing in {lang}"
    assert sorted(set(other) - set(finnish)) == [], f"keys in {lang} but not in Finnish"
    for key, wording in finnish.items():
        translated = other[key]
        assert type(translated) is type(wording), key
        if isinstance(wording, list):
            assert len(translated) == len(wording), key
            pairs = list(zip(wording, translated))
        else:
            pairs = [(wording, translated)]
        for source, target in pairs:
            assert sorted(PLACEHOLDER.findall(target)) == sorted(PLACEHOLDER.findall(source)), key


def test_the_responses_of_domain_yml_are_built_from_the_catalogues():
    """domain.yml's utter_* are written by scripts/build_responses.py; edit messages/*/responses.yaml."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_responses", ROOT / "scripts" / "build_responses.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "domain.yml").read_text(encoding="utf-8") == module.current_domain()
