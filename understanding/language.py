"""Which language a conversation is in: asked for, detected, or kept.

The gateway decides it for every message (conversations.chat) in this order:

1. a message that only asks for a language ("på svenska", "in English please", "suomeksi");
2. the language of a free-text message, when the detector is sure: py3langid (a fork of
   langid.py, Lui & Baldwin 2012, whose model ships in the package), restricted to our
   languages. Buttons, numbers and one-word answers never switch the language;
3. the language the client asks for (the page's `data-lang`, `?lang=`, the panel's switch);
4. the conversation's language so far, else Finnish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from messages import DEFAULT_LANGUAGE, LANGUAGES, supported
from understanding.finnish import fold

# Detection only from this many words of letters, and with this probability among our languages
# (docs/performance.md, "language detection": on the held-out sets of all three languages these
# switched wrongly on 1 message of 1,083).
MIN_WORDS = 2
MIN_PROBABILITY = 0.9

WORD = re.compile(r"[^\W\d_]+")
# A request for a language, as the whole message: the language's name in the three languages
# ("ruotsiksi", "på svenska", "in Swedish"), with a few words of asking around it.
LANGUAGE_NAMES = {
    "fi": r"suomeksi|suomea|suomi|suomen kielella|pa finska|finska|in finnish|finnish",
    "sv": r"ruotsiksi|ruotsia|ruotsi|pa svenska|svenska|in swedish|swedish",
    "en": r"englanniksi|englantia|englanti|pa engelska|engelska|in english|english",
}
ASKING = (
    r"(?:voisitko|voitko|voiko|voisiko|saisinko|saako|osaatko|puhutko|puhu|puhua|puhutaan|kirjoita|kirjoittaa|"
    r"jatketaan|vaihda|haluan|mielummin|mieluummin|"
    r"kiitos|kiitti|please|pls|can we|could we|can you|could you|speak|talk|write|continue|switch to|change to|"
    r"i want|i prefer|kan du|kan vi|skriv|tala|prata|fortsatt|byt till|jag vill|helst|tack|garna|ok|okay)"
)
_REQUEST = {
    lang: re.compile(rf"^(?:{ASKING}\s+)*(?:{names})(?:\s+{ASKING})*$") for lang, names in LANGUAGE_NAMES.items()
}


@dataclass(frozen=True)
class LanguageChoice:
    """The conversation's language after a message; `requested_only` when the message did nothing
    but ask for it (the bot then only confirms the switch)."""

    lang: str
    requested_only: bool = False
    changed: bool = False


def asked_language(message: str) -> str | None:
    """The language a message asks for, if that is all it says."""
    words = " ".join(WORD.findall(fold(message[:100])))
    if not words or len(words.split()) > 6:
        return None
    for lang, pattern in _REQUEST.items():
        if lang in LANGUAGES and pattern.match(words):
            return lang
    return None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detected_language(message: str) -> str | None:
    """The language of a free-text message when the detector is sure, else None."""
    if message.startswith("/") or len(WORD.findall(message[:1000])) < MIN_WORDS or len(LANGUAGES) < 2:
        return None
    lang, probability = _identifier().classify(message[:1000])
    return str(lang) if probability >= MIN_PROBABILITY else None


def choose_language(message: str, *, requested: str | None, current: str | None) -> LanguageChoice:
    """The conversation's language for this message (see the module docstring for the order)."""
    before = supported(current)
    asked = asked_language(message) if not message.startswith("/") else None
    if asked and asked != before:  # asking for the language already spoken is an ordinary message
        return LanguageChoice(asked, requested_only=True, changed=before is not None)
    lang = detected_language(message) or supported(requested) or before or DEFAULT_LANGUAGE
    return LanguageChoice(lang, changed=before is not None and lang != before)
