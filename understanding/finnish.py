"""Finnish word handling for search: base forms through Voikko, compounds, and ä/ö folding."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

WORD_RE = re.compile(r"[0-9a-zåäöéü]+(?:-[0-9a-zåäöéü]+)*", re.IGNORECASE)
FOLD_TABLE = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})

_voikko_lock = threading.Lock()
_voikko = None
_voikko_failed = False


def _get_voikko():
    global _voikko, _voikko_failed
    if _voikko is None and not _voikko_failed:
        try:
            import libvoikko

            _voikko = libvoikko.Voikko("fi")
        except Exception:  # Voikko missing: search still works on surface forms
            _voikko_failed = True
    return _voikko


def fold(text: str) -> str:
    """Lower-case and fold ä→a, ö→o, å→a so 'tyokokeilu' matches 'työkokeilu'."""
    return text.casefold().translate(FOLD_TABLE)


def words(text: str) -> list[str]:
    return [w.casefold() for w in WORD_RE.findall(text or "")]


@lru_cache(maxsize=50_000)
def analyse(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(base forms, compound parts) of one word.

    'työhönvalmennusta' -> (('työhönvalmennus',), ('työhön', 'valmennus')); unknown words
    return themselves as their only base form.
    """
    word = word.casefold()
    voikko = _get_voikko()
    if voikko is None or len(word) > 60:
        return (word,), ()
    with _voikko_lock:
        analyses = voikko.analyze(word)
    forms: list[str] = []
    parts: list[str] = []
    for analysis in analyses:
        base = (analysis.get("BASEFORM") or "").casefold()
        if base and base not in forms:
            forms.append(base)
        for part in _compound_parts(word, analysis.get("STRUCTURE") or ""):
            if part not in parts and len(part) >= 4:
                parts.append(part)
    return tuple(forms) or (word,), tuple(p for p in parts if p not in forms)


def base_forms(word: str) -> tuple[str, ...]:
    """Base forms and compound parts of one word."""
    forms, parts = analyse(word)
    return forms + parts


def _compound_parts(word: str, structure: str) -> list[str]:
    """Parts of a compound word as base forms: 'työkokeilupaikkoja' -> ['työ', 'kokeilu', 'paikka']."""
    lengths = [len(chunk) for chunk in structure.split("=")[1:]]
    if len(lengths) < 2 or sum(lengths) != len(word):
        return []
    parts, start = [], 0
    for length in lengths:
        parts.append(word[start : start + length].strip("-"))
        start += length
    result = [p for p in parts[:-1] if len(p) >= 3]
    if len(parts) >= 3:
        # the compound without its head: 'työkokeilupaikka' -> 'työkokeilu', 'palkkatukityö' -> 'palkkatuki'
        result.append("".join(parts[:-1]).strip("-"))
    voikko = _get_voikko()
    last = parts[-1]
    if voikko is not None and len(last) >= 3:
        with _voikko_lock:
            result += [(a.get("BASEFORM") or last).casefold() for a in voikko.analyze(last)] or [last]
    return result


def terms(text: str) -> set[str]:
    """Search terms of a text: every word's base forms and compound parts, folded."""
    primary, parts = term_sets(text)
    return primary | parts


def term_sets(text: str) -> tuple[set[str], set[str]]:
    """(whole-word terms, compound-part terms) of a text, folded."""
    primary: set[str] = set()
    parts: set[str] = set()
    for word in words(text):
        forms, compound_parts = analyse(word)
        primary.update(fold(form) for form in forms)
        primary.add(fold(word))
        parts.update(fold(part) for part in compound_parts)
    return primary, parts - primary
