"""User-facing wording, apart from the logic: one message catalogue per language.

``messages/<lang>/<topic>.yaml`` holds the sentences of one topic (``recommendation``,
``actions``, ``api``, ``vocabulary``, ``units`` ...). A key is the file's name and the path of
nested keys, joined by dots: ``units.months.many`` is ``many`` under ``months`` in
``units.yaml``. Values are plain strings with ``{name}`` placeholders (``str.format``) or
lists of such strings. Code refers to wording only by key::

    text("units.months.many", n=6)        # '6 kuukautta'

Finnish (``fi``) is the default and, for now, the only language; a key missing from another
language falls back to Finnish.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

CATALOGUE_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "fi"
LANGUAGES = ("fi",)

Wording = str | list[str]


def _flatten(prefix: str, node: Any, into: dict[str, Wording]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}", value, into)
    elif isinstance(node, str) or (isinstance(node, list) and all(isinstance(item, str) for item in node)):
        into[prefix] = node
    else:
        raise ValueError(f"messages: {prefix} must be a string or a list of strings")


@cache
def catalogue(lang: str = DEFAULT_LANGUAGE) -> dict[str, Wording]:
    """Every key of one language's catalogue and its wording."""
    found: dict[str, Wording] = {}
    for path in sorted((CATALOGUE_DIR / lang).glob("*.yaml")):
        _flatten(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")) or {}, found)
    return found


def _lookup(key: str, lang: str) -> Wording:
    wording = catalogue(lang).get(key) if lang in LANGUAGES else None
    if wording is None:
        wording = catalogue(DEFAULT_LANGUAGE)[key]  # a KeyError here is a bug: the key is not in the catalogue
    return wording


def text(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The sentence under ``key``, its ``{placeholders}`` filled from ``params``."""
    wording = _lookup(key, lang)
    if not isinstance(wording, str):
        raise TypeError(f"messages: {key} is a list; use text_list()")
    return wording.format(**params) if params else wording


def text_list(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> list[str]:
    """The list of sentences under ``key``, each filled from ``params``."""
    wording = _lookup(key, lang)
    if isinstance(wording, str):
        raise TypeError(f"messages: {key} is a string; use text()")
    return [line.format(**params) if params else line for line in wording]


def has(key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    return key in catalogue(lang) or key in catalogue(DEFAULT_LANGUAGE)


def text_or(key: str, default: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The sentence under ``key`` if the catalogue has one (e.g. one of a family of keys named by a
    code: ``api.errors.fields.<field>``), else ``default``."""
    return text(key, lang, **params) if has(key, lang) else default


def months_text(months: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A duration in months as it is said in a sentence: 'alle kuukauden', '1 kuukausi',
    '6 kuukautta', 'vuoden', '2 vuotta' (whole years from 24 months on)."""
    rounded = round(months)
    if months < 1 and rounded < 1:
        return text("units.months.less_than_one", lang)
    if rounded == 12:
        return text("units.years.one", lang)
    if rounded >= 24 and rounded % 12 == 0:
        return text("units.years.many", lang, n=rounded // 12)
    if rounded == 1:
        return text("units.months.one", lang)
    return text("units.months.many", lang, n=rounded)


def euros(amount: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """1770.0 → '1 770 €', 1234.5 → '1 234,50 €' (a no-break space groups the thousands)."""
    if abs(amount - round(amount)) < 0.005:
        number = f"{round(amount):,}".replace(",", "\u00a0")
    else:
        number = f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return text("units.euros", lang, amount=number)
