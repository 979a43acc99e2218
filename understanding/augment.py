"""Variants of our own training sentences as people type them: spoken forms, typos, no ä/ö.

The NLU learns from tidy written Finnish; users write "oon ollu kortistossa puol vuotta",
"tyottomyys", "haluasin". These rules derive such variants from the project's own training
examples (they never bring in outside text), so the classifier sees the same meaning in the
forms it will meet. `scripts/augment_nlu.py` writes them to bot/data/nlu/augmented.yml.

Entity annotations are kept intact: text inside `[...](entity)` keeps its surface form, because
that text is the entity's value; a span with an explicit value (`[...]{"entity": ..., "value":
...}`) may be varied, since its value does not change.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "colloquial_forms.yaml"
# [text](entity) | [text](entity:value) | [text]{"entity": ...}
ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?P<tail>\([^)]*\)|\{[^}]*\})")
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+")
FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A"})
LETTERS = "abcdefghijklmnoprstuvyäö"


@dataclass(frozen=True)
class Segment:
    """A piece of an annotated example: plain text, or an entity span with its annotation."""

    text: str
    annotation: str = ""  # "(municipality)" or '{"entity": ...}'; empty for plain text

    @property
    def variable(self) -> bool:
        """Plain text, or an entity whose value is given apart from its text."""
        if not self.annotation:
            return True
        if self.annotation.startswith("{"):
            try:
                return "value" in json.loads(self.annotation)
            except ValueError:
                return False
        return ":" in self.annotation

    def render(self) -> str:
        return f"[{self.text}]{self.annotation}" if self.annotation else self.text


def segments(example: str) -> list[Segment]:
    parts: list[Segment] = []
    position = 0
    for match in ANNOTATION.finditer(example):
        if match.start() > position:
            parts.append(Segment(example[position : match.start()]))
        parts.append(Segment(match["text"], match["tail"]))
        position = match.end()
    if position < len(example):
        parts.append(Segment(example[position:]))
    return parts


def plain_text(example: str) -> str:
    return "".join(segment.text for segment in segments(example))


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return dict(data["words"]), tuple((old, new) for old, new in data["endings"])


def _keep_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def colloquial_word(word: str) -> str:
    """The spoken form of one written word, or the word itself."""
    words, endings = _forms()
    lower = word.lower()
    if lower in words:
        return _keep_case(word, words[lower])
    if len(lower) > 5:
        for old, new in endings:
            if lower.endswith(old):
                return word[: len(word) - len(old)] + new
    return word


def colloquial(text: str, rng: random.Random | None = None) -> str:
    return WORD.sub(lambda match: colloquial_word(match[0]), text)


def without_diacritics(text: str, rng: random.Random | None = None) -> str:
    """ä → a, ö → o: a keyboard without Finnish letters, or a hurry."""
    return text.translate(FOLD)


def typo(text: str, rng: random.Random | None = None) -> str:
    """One slip in one longer word: a dropped, doubled or swapped letter, or a wrong neighbour."""
    rng = rng or random.Random(0)
    candidates = [match for match in WORD.finditer(text) if len(match[0]) >= 5]
    if not candidates:
        return text
    match = rng.choice(candidates)
    word = match[0]
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap", "replace"))
    if kind == "drop":
        slipped = word[:at] + word[at + 1 :]
    elif kind == "double":
        slipped = word[:at] + word[at] + word[at:]
    elif kind == "swap":
        slipped = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    else:
        slipped = word[:at] + rng.choice(LETTERS) + word[at + 1 :]
    return text[: match.start()] + slipped + text[match.end() :]


def casual(text: str, rng: random.Random | None = None) -> str:
    """Lower case: how most chat messages look (`apply` also drops the closing punctuation)."""
    return text.lower()


Transformation = Callable[[str, "random.Random | None"], str]
TRANSFORMATIONS: dict[str, Transformation] = {
    "colloquial": colloquial,
    "no-diacritics": without_diacritics,
    "typo": typo,
    "casual": casual,
}
# Each variant applies one of these recipes; a recipe is chosen per sentence, reproducibly.
RECIPES: tuple[tuple[str, ...], ...] = (
    ("colloquial", "casual"),
    ("colloquial", "typo"),
    ("no-diacritics", "casual"),
    ("colloquial", "no-diacritics"),
    ("typo", "casual"),
    ("colloquial", "no-diacritics", "typo"),
)


def _rng(example: str, number: int) -> random.Random:
    digest = hashlib.sha256(f"{number}:{example}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def apply(example: str, recipe: tuple[str, ...], rng: random.Random) -> str:
    """The example with each transformation of the recipe applied to its variable parts."""
    parts = segments(example)
    for name in recipe:
        transform = TRANSFORMATIONS[name]
        parts = [Segment(transform(part.text, rng), part.annotation) if part.variable else part for part in parts]
    # A transformation may leave an entity span empty; keep the example well formed.
    text = "".join(part.render() for part in parts if part.text.strip() or not part.annotation)
    return text.rstrip(" .!") if "casual" in recipe else text


def variants(example: str, count: int) -> Iterator[str]:
    """Up to `count` distinct variants of an annotated example, the same on every run."""
    seen = {plain_text(example).lower()}
    for number in range(count * 3):
        rng = _rng(example, number)
        variant = apply(example, rng.choice(RECIPES), rng)
        key = plain_text(variant).lower()
        if key in seen or not key.strip():
            continue
        seen.add(key)
        yield variant
        if len(seen) > count:
            return
