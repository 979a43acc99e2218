"""User-facing wording, apart from the logic: one message catalogue per language.

``messages/<lang>/<topic>.yaml`` holds the sentences of one topic (``recommendation``,
``actions``, ``api``, ``vocabulary``, ``units`` ...). A key is the file's name and the path of
nested keys, joined by dots: ``units.months.many`` is ``many`` under ``months`` in
``units.yaml``. Values are plain strings with ``{name}`` placeholders (``str.format``) or
lists of such strings. Code refers to wording only by key::

    text("units.months.many", n=6)        # '6 kuukautta'

The language is the one given, else the current one: ``speaking("sv")`` sets it for a block of
code (one chat turn, one request), so the functions that build sentences need not pass it on.
Finnish (``fi``) is the default; a test checks that every key has every language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

CATALOGUE_DIR = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "fi"
LANGUAGES = ("fi", "sv", "en")

# The CLDR locale of each language's numbers: Finland's Finnish and Swedish; English with the euro
# as Ireland writes it (€1,680), since en_FI writes numbers the Finnish way.
BABEL_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_IE"}

_current: ContextVar[str] = ContextVar("language", default=DEFAULT_LANGUAGE)


def supported(lang: str | None) -> str | None:
    """``lang`` if it is one of LANGUAGES (case and region ignored: 'sv-FI' → 'sv'), else None."""
    code = (lang or "").strip().lower()[:2]
    return code if code in LANGUAGES else None


def current_language() -> str:
    return _current.get()


@contextmanager
def speaking(lang: str | None) -> Iterator[str]:
    """Sentences built inside the block are in ``lang`` (Finnish if it is not supported)."""
    chosen = supported(lang) or DEFAULT_LANGUAGE
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


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


def _lookup(key: str, lang: str | None) -> Wording:
    lang = lang or _current.get()
    wording = catalogue(lang).get(key) if lang in LANGUAGES else None
    if wording is None:
        wording = catalogue(DEFAULT_LANGUAGE)[key]  # a KeyError here is a bug: the key is not in the catalogue
    return wording


def text(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The sentence under ``key``, its ``{placeholders}`` filled from ``params``."""
    wording = _lookup(key, lang)
    if not isinstance(wording, str):
        raise TypeError(f"messages: {key} is a list; use text_list()")
    return wording.format(**params) if params else wording


def text_list(key: str, lang: str | None = None, /, **params: Any) -> list[str]:
    """The list of sentences under ``key``, each filled from ``params``."""
    wording = _lookup(key, lang)
    if isinstance(wording, str):
        raise TypeError(f"messages: {key} is a string; use text()")
    return [line.format(**params) if params else line for line in wording]


def has(key: str, lang: str | None = None) -> bool:
    return key in catalogue(lang or _current.get()) or key in catalogue(DEFAULT_LANGUAGE)


def text_or(key: str, default: str, lang: str | None = None, /, **params: Any) -> str:
    """The sentence under ``key`` if the catalogue has one (e.g. one of a family of keys named by a
    code: ``api.errors.fields.<field>``), else ``default``."""
    return text(key, lang, **params) if has(key, lang) else default


def months_text(months: float, lang: str | None = None) -> str:
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


def _locale(lang: str | None) -> Locale:
    return _parsed_locale(supported(lang or _current.get()) or DEFAULT_LANGUAGE)


@cache
def _parsed_locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[lang])


def euros(amount: float, lang: str | None = None) -> str:
    """An amount in euros as the language writes it (CLDR through Babel), cents only if there are
    any: 1770 → '1 770 €' (fi, sv), '€1,770' (en); 1234.5 → '1 234,50 €', '€1,234.50'."""
    locale = _locale(lang)
    pattern = locale.currency_formats["standard"].pattern
    if abs(amount - round(amount)) < 0.005:
        amount, pattern = round(amount), pattern.replace(".00", "")
    return format_currency(amount, "EUR", format=pattern, locale=locale, currency_digits=False)


def number(value: float, lang: str | None = None) -> str:
    """A number as the language writes it (CLDR), decimals only if there are any: 2.5 → '2,5'
    (fi, sv), '2.5' (en); 10.0 → '10'."""
    return str(format_decimal(value, locale=_locale(lang)))


def local_date(day: dt.date, lang: str | None = None) -> str:
    """A date as the language writes it (CLDR's medium format): '3.5.2024', '3 maj 2024', '3 May 2024'."""
    locale = _locale(lang)
    return str(format_date(day, "medium", locale=locale))
