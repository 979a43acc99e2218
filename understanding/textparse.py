"""Parse numbers, ages, durations, wages and working hours from chat text.

The chat bot's form validators pass whatever the user typed: standard or
colloquial Finnish ("kakskytviis", "puol vuotta", "oon 34"), often without
ä/ö ("nelja", "tyoton"), sometimes inside a longer message; since the bot also
serves Swedish and English, Swedish ("fyrtiofem år", "ett halvt år", "2400 €/mån")
and English ("I'm 45", "six and a half months", "€2,400 a month") answers are
read too.  Every ``parse_*`` function returns ``None`` when it cannot read the
text confidently; the bot then asks again instead of storing a guess.

How it works
------------
1. ``_tokenize`` normalises the text (lower case, HTML tags and punctuation
   removed, ä/ö/å folded to a/o/a) and splits it into words, digit groups and the
   symbols ``€ % -``.  "34v" becomes ``["34", "v"]`` and "34-vuotias" becomes
   ``["34", "-", "vuotias"]``; "twenty-five" is joined to "twentyfive" and "half
   a year" becomes "half year".  Folding makes Swedish "år" (year) and "är" (is)
   the same token "ar": after a number it is a year, before one it is "is".
2. ``_find_numbers`` finds every number in the token list: digit groups
   ("2 400", "2,5") and number words, which are split into morphemes with
   the small tables below ("kakskytviis" -> kaks + kyt + viis, "fyrtiofem" ->
   fyrtio + fem, "twentyfive" -> twenty + five) and combined by
   ``_combine_atoms``; a word is split with one language's table at a time.
   Ranges ("3-4") and negative numbers are marked.
3. Each ``parse_*`` function looks at the words around the numbers (units
   such as "kk" or "€/h", cue words such as "oon" or "palkka") to decide
   which number, if any, answers the question.

Only the standard library is used.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace

__all__ = [
    "fold_diacritics",
    "normalize_finnish",
    "parse_age",
    "parse_duration_months",
    "parse_finnish_number",
    "parse_hours_per_week",
    "parse_months_count",
    "parse_wage_eur",
]

# Longer messages are not form answers; refuse them rather than guess.
MAX_INPUT_CHARS = 1000
# A spelled-out number is at most this many words ("kaksi tuhatta viisisataa ...").
_MAX_NUMBER_WORDS = 8

AGE_RANGE = (15, 80)
DURATION_RANGE_MONTHS = (0.0, 600.0)
WAGE_RANGE_EUR = (100.0, 20000.0)
HOURS_RANGE = (1.0, 60.0)
MONTHS_COUNT_RANGE = (1, 60)
FULL_TIME_HOURS = 37.5


# --------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------

_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-"})
_WHITESPACE_RE = re.compile(r"\s+")
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def fold_diacritics(text: str) -> str:
    """Lower-case ``text`` and drop diacritics: ä -> a, ö -> o, å -> a (é -> e ...)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def normalize_finnish(text: str) -> str:
    """Lower-case, keep letters (ä/ö/å too), digits, ``€ % -``; collapse whitespace.

    Other punctuation becomes a space, so "2400€/kk" -> "2400€ kk".  A comma or
    full stop between two digits is a decimal separator and is kept ("2,5").
    """
    text = unicodedata.normalize("NFC", text).lower().translate(_DASHES)
    out: list[str] = []
    for i, ch in enumerate(text):
        if (
            ch.isalnum()
            or ch in "€%-"
            or (ch in ",." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
        ):
            out.append(ch)
        else:
            out.append(" ")
    return _WHITESPACE_RE.sub(" ", "".join(out)).strip()


def _fold_all(words: set[str] | tuple[str, ...]) -> frozenset[str]:
    """Tables below are written in proper Finnish; matching happens on folded text."""
    return frozenset(fold_diacritics(w) for w in words)


# --------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------

# Units 1-9: standard, colloquial and genitive forms ("kahden vuoden").
_UNIT_WORDS: dict[int, tuple[str, ...]] = {
    1: ("yksi", "yks", "yhden", "yhen"),
    2: ("kaksi", "kaks", "kahden", "kahen"),
    3: ("kolme", "kolmen"),
    4: ("neljä", "neljän"),
    5: ("viisi", "viis", "viiden", "viien"),
    6: ("kuusi", "kuus", "kuuden", "kuuen"),
    7: ("seitsemän", "seittemän", "seitsemä", "seittemä"),
    8: ("kahdeksan", "kaheksan", "kaheksa"),
    9: ("yhdeksän", "yheksän", "yheksä"),
}
# Colloquial tens that are a single morpheme ("kolkyt" = 30).
_TENS_WORDS: dict[int, tuple[str, ...]] = {
    30: ("kolkyt",),
    40: ("nelkyt",),
    70: ("seitkyt", "seiskyt"),
    80: ("kasikyt",),
    90: ("ysikyt",),
}
# Multipliers: (value, may stand alone, forms).  "kymmenen" alone is 10, but
# "kymmentä" needs a unit before it ("kaksikymmentä"); "sataa" alone means
# "it is raining", so it is only a number after a unit.
_MULTIPLIER_WORDS: tuple[tuple[int, bool, tuple[str, ...]], ...] = (
    (10, True, ("kymmenen", "kymmene")),
    (10, False, ("kymmentä", "kymmenta", "kymentä", "kyt")),
    (100, True, ("sata", "sadan")),
    (100, False, ("sataa", "satta")),
    (1000, True, ("tuhat", "tuhannen", "tonni", "tonnin")),
    (1000, False, ("tuhatta", "tonnia")),
)
# "yksitoista", "kakstoist": unit + suffix = unit + 10.
_TEEN_SUFFIXES: tuple[str, ...] = ("toista", "toist", "tois")
# Words that are a whole number on their own and never part of a compound.
_STANDALONE_WORDS: dict[float, tuple[str, ...]] = {
    0.0: ("nolla",),
    0.5: ("puoli", "puol", "puolen", "puolet", "puolikas"),
    1.5: ("puolitoista", "puoltoista", "puolentoista"),
}
_HALF_WORDS = _fold_all(("puoli", "puol", "puolet", "halvt", "halv", "half"))
# "kaks ja puoli", "två och ett halvt", "six and a half"
_AND_WORDS = _fold_all(("ja", "och", "o", "and"))
_ARTICLES = _fold_all(("a", "an", "en", "ett"))
# Vague quantities, accepted only in front of a duration unit ("pari vuotta", "ett par
# månader", "a couple of months", "några veckor").
_APPROX_QUANTITIES: dict[str, float] = {
    fold_diacritics(w): v
    for v, words in {
        2.0: ("pari", "parin", "parisen", "par", "couple"),
        3.0: ("muutama", "muutaman", "muutamia", "muutamat", "några", "nån", "few"),
    }.items()
    for w in words
}

# Swedish and English number words.  Each language has its own table: a word is split
# with one table at a time, so Finnish words are never read as Swedish or English parts.
_SV_UNIT_WORDS: dict[int, tuple[str, ...]] = {
    1: ("ett", "en"),
    2: ("två",),
    3: ("tre",),
    4: ("fyra",),
    5: ("fem",),
    6: ("sex",),
    7: ("sju",),
    8: ("åtta",),
    9: ("nio",),
}
_SV_TENS_WORDS: dict[int, tuple[str, ...]] = {
    20: ("tjugo", "tjugu"),
    30: ("trettio", "tretti"),
    40: ("fyrtio", "förtio", "fyrti"),
    50: ("femtio", "femti"),
    60: ("sextio", "sexti"),
    70: ("sjuttio", "sjutti"),
    80: ("åttio", "åtti"),
    90: ("nittio", "nitti"),
}
# 10-19: whole words that never take a unit after them.
_SV_TEEN_WORDS: dict[float, tuple[str, ...]] = {
    10: ("tio",),
    11: ("elva",),
    12: ("tolv",),
    13: ("tretton",),
    14: ("fjorton",),
    15: ("femton",),
    16: ("sexton",),
    17: ("sjutton",),
    18: ("arton", "aderton"),
    19: ("nitton",),
    0.5: ("halvt", "halv"),
    1.5: ("halvannan", "halvtannat"),
}
_SV_MULTIPLIER_WORDS: tuple[tuple[int, bool, tuple[str, ...]], ...] = (
    (100, True, ("hundra",)),
    (1000, True, ("tusen",)),
)
_EN_UNIT_WORDS: dict[int, tuple[str, ...]] = {
    1: ("one",),
    2: ("two",),
    3: ("three",),
    4: ("four",),
    5: ("five",),
    6: ("six",),
    7: ("seven",),
    8: ("eight",),
    9: ("nine",),
}
_EN_TENS_WORDS: dict[int, tuple[str, ...]] = {
    20: ("twenty",),
    30: ("thirty",),
    40: ("forty", "fourty"),
    50: ("fifty",),
    60: ("sixty",),
    70: ("seventy",),
    80: ("eighty",),
    90: ("ninety",),
}
_EN_TEEN_WORDS: dict[float, tuple[str, ...]] = {
    10: ("ten",),
    11: ("eleven",),
    12: ("twelve",),
    13: ("thirteen",),
    14: ("fourteen",),
    15: ("fifteen",),
    16: ("sixteen",),
    17: ("seventeen",),
    18: ("eighteen",),
    19: ("nineteen",),
    0.5: ("half",),
    0.0: ("zero",),
}
_EN_MULTIPLIER_WORDS: tuple[tuple[int, bool, tuple[str, ...]], ...] = (
    (100, True, ("hundred",)),
    (1000, True, ("thousand",)),
)
# Number words that are something else when they stand alone: Swedish "en" is also
# Finnish "en" (I don't); only inside a compound ("tjugoen") is it a number.
_NOT_NUMBERS_ALONE = frozenset({"en"})
# "twenty-five" is one number, not the range 20-5.
_EN_HYPHENATED_RE = re.compile(
    r"\b(twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b"
)


@dataclass(frozen=True)
class _Atom:
    """One morpheme of a number word."""

    kind: str  # "unit", "tens", "teen", "mult" or "standalone"
    value: float
    standalone: bool = True  # for "mult": may it appear without a count before it?


def _build_lexicon(
    units: dict[int, tuple[str, ...]],
    tens: dict[int, tuple[str, ...]],
    multipliers: tuple[tuple[int, bool, tuple[str, ...]], ...],
    standalone: dict[float, tuple[str, ...]],
    teen_suffixes: tuple[str, ...] = (),
) -> dict[str, _Atom]:
    lexicon: dict[str, _Atom] = {}
    for value, words in units.items():
        lexicon.update({fold_diacritics(w): _Atom("unit", value) for w in words})
    for value, words in tens.items():
        lexicon.update({fold_diacritics(w): _Atom("tens", value) for w in words})
    for value, may_stand_alone, words in multipliers:
        lexicon.update({fold_diacritics(w): _Atom("mult", value, may_stand_alone) for w in words})
    lexicon.update({w: _Atom("teen", 10) for w in teen_suffixes})
    for amount, words in standalone.items():
        lexicon.update({fold_diacritics(w): _Atom("standalone", amount) for w in words})
    return lexicon


# Finnish first: a word is read with the first table that covers it whole.
_LEXICONS: tuple[dict[str, _Atom], ...] = (
    _build_lexicon(_UNIT_WORDS, _TENS_WORDS, _MULTIPLIER_WORDS, _STANDALONE_WORDS, _TEEN_SUFFIXES),
    _build_lexicon(_SV_UNIT_WORDS, _SV_TENS_WORDS, _SV_MULTIPLIER_WORDS, _SV_TEEN_WORDS),
    _build_lexicon(_EN_UNIT_WORDS, _EN_TENS_WORDS, _EN_MULTIPLIER_WORDS, _EN_TEEN_WORDS),
)
_MORPHEME_LENGTHS = tuple(sorted({len(m) for m in lexicon}, reverse=True) for lexicon in _LEXICONS)


@functools.lru_cache(maxsize=4096)
def _segment_number_word(word: str) -> tuple[_Atom, ...] | None:
    """Split a folded word into number morphemes of one language, longest morpheme first.

    "kakskytviis" -> kaks, kyt, viis; "fyrtiofem" -> fyrtio, fem.  Returns None
    unless the whole word is covered, so "yksin" or "kuussa" are not numbers.
    """
    if not word or len(word) > 60 or not word.isalpha() or word in _NOT_NUMBERS_ALONE:
        return None
    for language in range(len(_LEXICONS)):
        atoms = _segment_in(word, language)
        if atoms is not None:
            return atoms
    return None


@functools.lru_cache(maxsize=4096)
def _segment_in(word: str, language: int) -> tuple[_Atom, ...] | None:
    lexicon = _LEXICONS[language]
    if word in lexicon:
        return (lexicon[word],)
    for length in _MORPHEME_LENGTHS[language]:
        head = lexicon.get(word[:length]) if length < len(word) else None
        if head is None:
            continue
        rest = _segment_in(word[length:], language)
        if rest is not None:
            return (head, *rest)
    return None


def _combine_atoms(atoms: list[_Atom]) -> float | None:
    """Value of a sequence of morphemes, or None if it is not a well-formed number.

    Inside each group below a thousand the places (hundreds, tens, ones) must
    come in decreasing order, so "kaksi kolme" or "viisi sataa sata" fail.
    """
    if not atoms:
        return None
    if any(a.kind == "standalone" for a in atoms):
        return atoms[0].value if len(atoms) == 1 else None

    thousands = 0.0
    group = 0.0  # the part below a thousand being built
    place = 1000  # smallest place filled in `group` (1000 = nothing yet)
    unit: float | None = None  # last unit, still waiting for a possible multiplier
    place_before_unit = 1000

    for atom in atoms:
        if atom.kind == "unit":
            if unit is not None or place <= 1:
                return None
            place_before_unit, place, unit = place, 1, atom.value
            group += atom.value
        elif atom.kind == "tens":
            if unit is not None or place <= 10:
                return None
            group += atom.value
            place = 10
        elif atom.kind == "teen":
            if unit is None or place_before_unit <= 10:
                return None
            group += 10
            unit = None
        elif atom.value in (10, 100):  # "kymmentä", "sataa" and friends
            if unit is not None:
                if place_before_unit <= atom.value:
                    return None
                group += unit * (atom.value - 1)
            elif atom.standalone and place > atom.value:
                group += atom.value
            else:
                return None
            place, unit = int(atom.value), None
        else:  # thousands
            if thousands:
                return None
            if group:
                thousands = group * 1000
            elif atom.standalone:
                thousands = 1000.0
            else:
                return None
            group, place, unit = 0.0, 1000, None
    return thousands + group


# --------------------------------------------------------------------------
# Tokenizer and number finder
# --------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+|[€%-]")
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)?")
_THOUSANDS_GROUP_RE = re.compile(r"\d{3}(?:,\d+)?")
_CODE_RE = re.compile(
    r"\b(select|insert|update|delete|drop|union|alter|truncate)\b.*\b(from|into|table|where|set|select)\b"
    r"|['\"]\s*(;|--|\bor\b|\band\b)"
    r"|\b(or|and)\s+['\"]?\w+['\"]?\s*=\s*['\"]?\w+"
    r"|<\s*script",
    re.IGNORECASE | re.DOTALL,
)


def _tokenize(text: str) -> list[str] | None:
    """Folded tokens of ``text``; None for input no validator should trust."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_INPUT_CHARS:
        return None
    if _CODE_RE.search(text):
        return None
    text = _TAG_RE.sub(" ", text)
    folded = fold_diacritics(normalize_finnish(text))
    folded = _EN_HYPHENATED_RE.sub(r"\1\2", folded)  # "twenty-five" -> "twentyfive"
    folded = _HALF_A_RE.sub("half", folded)  # "half a year" -> "half year"
    tokens: list[str] = []
    for token in _TOKEN_RE.findall(folded):
        tokens.extend(_split_glued_age_word(token))
    return tokens or None


_HALF_A_RE = re.compile(r"\bhalf an?\b")


def _split_glued_age_word(token: str) -> list[str]:
    """ "kolmekymmentäneljävuotias" -> ["kolmekymmentanelja", "vuotias"]."""
    cut = token.find("vuotia")
    if cut > 0 and _segment_number_word(token[:cut]):
        return [token[:cut], token[cut:]]
    return [token]


@dataclass(frozen=True)
class _Number:
    """A number found in the token list; tokens[start:end] spell it."""

    value: float
    start: int
    end: int
    from_digits: bool
    is_range: bool = False

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()


def _parse_digit_token(token: str) -> float | None:
    if len(token) > 15:
        return None
    if re.fullmatch(r"\d{1,3}\.\d{3}", token):  # "2.400" = 2400
        return float(token.replace(".", ""))
    return float(token.replace(",", "."))


# English writes thousands with a comma ("€2,400", "2,400 euros"); in Finnish and Swedish the
# comma is a decimal separator ("2,5"). A euro amount never has three decimals, so "2,400"
# next to a currency word is 2400.
_COMMA_THOUSANDS_RE = re.compile(r"\d{1,3},\d{3}")
_CURRENCY_SIGNS = frozenset({"€", "e", "eur", "euro", "euroa", "euros"})


def _digit_number(tokens: list[str], i: int) -> _Number | None:
    """Digits at tokens[i], joining thousands groups ("1 770") and "2 tuhatta"."""
    if not _DIGITS_RE.fullmatch(tokens[i]):
        return None
    text, end = tokens[i], i + 1
    if _COMMA_THOUSANDS_RE.fullmatch(text) and (
        (end < len(tokens) and tokens[end] in _CURRENCY_SIGNS) or (i > 0 and tokens[i - 1] in ("€", "eur"))
    ):
        return _Number(float(text.replace(",", "")), i, end, from_digits=True)
    if text.isdigit() and len(text) <= 3:
        while end < len(tokens) and _THOUSANDS_GROUP_RE.fullmatch(tokens[end]) and "," not in text:
            text += tokens[end]
            end += 1
    value = _parse_digit_token(text)
    if value is None:
        return None
    if end < len(tokens):
        atoms = _segment_number_word(tokens[end])
        if atoms and len(atoms) == 1 and atoms[0].kind == "mult" and atoms[0].value >= 100:
            value *= atoms[0].value
            end += 1
    return _Number(value, i, end, from_digits=True)


def _word_number(tokens: list[str], i: int) -> _Number | None:
    """Longest run of number words starting at tokens[i] that forms one number."""
    atoms_per_token: list[tuple[_Atom, ...]] = []
    for token in tokens[i : i + _MAX_NUMBER_WORDS]:
        atoms = _segment_number_word(token)
        if atoms is None:
            break
        atoms_per_token.append(atoms)
    for length in range(len(atoms_per_token), 0, -1):
        value = _combine_atoms([a for atoms in atoms_per_token[:length] for a in atoms])
        if value is not None:
            return _Number(value, i, i + length, from_digits=False)
    return None


def _with_half(tokens: list[str], number: _Number) -> _Number:
    """ "kaks ja puoli", "två och ett halvt", "six and a half" -> 2.5, 2.5, 6.5."""
    end = number.end
    if not number.is_integer or end >= len(tokens) or tokens[end] not in _AND_WORDS:
        return number
    half = end + 1
    if half < len(tokens) and tokens[half] in _ARTICLES and tokens[end] != "ja":
        half += 1
    if half < len(tokens) and tokens[half] in _HALF_WORDS:
        return replace(number, value=number.value + 0.5, end=half + 1)
    return number


def _find_numbers(tokens: list[str]) -> list[_Number]:
    numbers: list[_Number] = []
    i = 0
    while i < len(tokens):
        number = _digit_number(tokens, i) or _word_number(tokens, i)
        if number is None:
            i += 1
            continue
        numbers.append(_with_half(tokens, number))
        i = numbers[-1].end
    return _mark_negatives(tokens, _merge_ranges(tokens, numbers))


_RANGE_WORDS = frozenset({"-", "tai", "eller", "or", "to", "till"})


def _merge_ranges(tokens: list[str], numbers: list[_Number]) -> list[_Number]:
    """ "3-4", "kolme-neljä", "3 tai 4", "3 eller 4", "3 to 4" -> one number with the midpoint value."""
    merged: list[_Number] = []
    for number in numbers:
        prev = merged[-1] if merged else None
        if prev is not None and not prev.is_range and number.start == prev.end + 1 and tokens[prev.end] in _RANGE_WORDS:
            merged[-1] = _Number(
                (prev.value + number.value) / 2, prev.start, number.end, prev.from_digits, is_range=True
            )
        else:
            merged.append(number)
    return merged


def _mark_negatives(tokens: list[str], numbers: list[_Number]) -> list[_Number]:
    """ "-5" and "miinus viisi" are negative (every parser then rejects them)."""
    return [
        replace(n, value=-n.value) if n.start > 0 and tokens[n.start - 1] in ("-", "miinus", "minus") else n
        for n in numbers
    ]


def _skip(tokens: list[str], index: int, skippable: frozenset[str], step: int) -> int:
    """Move from ``index`` in direction ``step`` past skippable tokens."""
    while 0 <= index < len(tokens) and tokens[index] in skippable:
        index += step
    return index


def _token_after(tokens: list[str], index: int, skippable: frozenset[str] = frozenset({"-"})) -> tuple[str | None, int]:
    index = _skip(tokens, index, skippable, +1)
    return (tokens[index], index) if index < len(tokens) else (None, index)


def _token_before(tokens: list[str], index: int, skippable: frozenset[str]) -> str | None:
    index = _skip(tokens, index - 1, skippable, -1)
    return tokens[index] if index >= 0 else None


_BARE_FILLERS = _fold_all(
    {
        "noin",
        "n",
        "about",
        "ehkä",
        "arviolta",
        "suunnilleen",
        "circa",
        "ca",
        "tasan",
        "kai",
        "varmaan",
        "jotain",
        # Swedish and English
        "ungefär",
        "cirka",
        "kanske",
        "typ",
        "around",
        "approximately",
        "approx",
        "roughly",
        "maybe",
    }
)


def _only_number(tokens: list[str], numbers: list[_Number]) -> _Number | None:
    """The number if the message is just a number ("2400", "noin 30")."""
    if len(numbers) != 1:
        return None
    number = numbers[0]
    others = tokens[: number.start] + tokens[number.end :]
    return number if all(t in _BARE_FILLERS for t in others) else None


def _single_value(values: list[float]) -> float | None:
    """The value if all candidates agree, else None (ambiguous)."""
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None


def _in_range(value: float | None, bounds: tuple[float, float]) -> float | None:
    if value is None or not bounds[0] <= value <= bounds[1]:
        return None
    return float(value)


# --------------------------------------------------------------------------
# parse_finnish_number
# --------------------------------------------------------------------------


def parse_finnish_number(text: str) -> float | None:
    """The one number in ``text``: "kakskytviis" -> 25.0, "1 770" -> 1770.0, "2,5" -> 2.5.

    None if there is no number, more than one, a range ("3-4") or a negative number.
    """
    tokens = _tokenize(text)
    if tokens is None:
        return None
    numbers = _find_numbers(tokens)
    if len(numbers) != 1 or numbers[0].is_range or numbers[0].value < 0:
        return None
    return float(numbers[0].value)


# --------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------

# Unit forms -> size in months.  A number must come before them, except for
# the singular forms in _IMPLICIT_ONE ("vuoden" alone = one year).
# Finnish, then Swedish ("mån" folds to "man", "år" to "ar"), then English forms.
_MONTH_FORMS = _fold_all(
    {
        "kk",
        "kuukausi",
        "kuukaus",
        "kuukautta",
        "kuukauden",
        "kuukauen",
        "kuukaudeksi",
        "kuukaudet",
        "kuukausia",
        "kuukauteen",
        "kuukaut",
        "kuuta",
        "månad",
        "månader",
        "månaders",
        "månads",
        "mån",
        "mnd",
        "month",
        "months",
        "mo",
        "mos",
        "mth",
        "mths",
    }
)
_YEAR_FORMS = _fold_all(
    {
        "v",
        "vuosi",
        "vuos",
        "vuotta",
        "vuoden",
        "vuoen",
        "vuodeksi",
        "vuodet",
        "vuosia",
        "vuoteen",
        "vuot",
        "år",
        "års",
        "åren",
        "year",
        "years",
        "yr",
        "yrs",
        "y",
    }
)
_WEEK_FORMS = _fold_all(
    {
        "vk",
        "vko",
        "viikko",
        "viikkoa",
        "viikon",
        "viikoksi",
        "viikot",
        "viikkoja",
        "viikkoon",
        "vecka",
        "veckor",
        "veckors",
        "week",
        "weeks",
        "wk",
        "wks",
    }
)
_DAY_FORMS = _fold_all(
    {"pv", "päivä", "päivää", "päivän", "päiväksi", "päiviä", "päivään", "dag", "dagar", "dagars", "day", "days"}
)
_HALF_YEAR_FORMS = _fold_all({"halvår", "halvåret"})
# A singular unit alone is one of it: "vuoden", "en månad", "a year".  (Swedish "år" is
# singular and plural alike, so "ett år" needs its number.)
_IMPLICIT_ONE = _fold_all(
    {
        "kuukausi",
        "kuukaus",
        "kuukauden",
        "kuukauen",
        "kuukaudeksi",
        "vuosi",
        "vuos",
        "vuoden",
        "vuoen",
        "vuodeksi",
        "viikko",
        "viikon",
        "viikoksi",
        "päivä",
        "päivän",
        "päiväksi",
        "månad",
        "vecka",
        "dag",
        "halvår",
        "month",
        "year",
        "week",
        "day",
    }
)

_UNIT_MONTHS: dict[str, float] = {
    **dict.fromkeys(_DAY_FORMS, 1.0 / 30),
    **dict.fromkeys(_WEEK_FORMS, 0.25),
    **dict.fromkeys(_MONTH_FORMS, 1.0),
    **dict.fromkeys(_HALF_YEAR_FORMS, 6.0),
    **dict.fromkeys(_YEAR_FORMS, 12.0),
}

# "yli vuoden" = strictly more than a year; "alle vuoden" = less than a year.
_MORE_THAN = _fold_all(
    {"yli", "reilu", "reilut", "reilun", "runsas", "runsaat", "runsaan", "över", "drygt", "mer", "mera", "over", "more"}
)
_LESS_THAN = _fold_all(
    {
        "alle",
        "vajaa",
        "vajaat",
        "vajaan",
        "melkein",
        "lähes",
        "miltei",
        "lähemmäs",
        "under",
        "nästan",
        "knappt",
        "mindre",
        "less",
        "almost",
        "nearly",
    }
)
_MODIFIER_FILLERS = _fold_all(
    {
        "vähän",
        "hieman",
        "hiukan",
        "jo",
        "noin",
        "n",
        "about",
        "ihan",
        "jopa",
        "reilusti",
        "selvästi",
        "juuri",
        "just",
        # Swedish: "lite mer än ett år"; English: "a bit more than a year", "over a year"
        "än",
        "lite",
        "redan",
        "than",
        "a",
        "an",
        "already",
        "slightly",
        "bit",
        "little",
    }
)
# "vuoden alusta", "viime vuoden", "last year", "per month" are dates or rates, not durations.
_DATE_WORDS_AFTER = _fold_all(
    {"alusta", "alussa", "lopusta", "lopussa", "vaihteesta", "vaihteessa", "puolivälistä", "ago"}
)
_DATE_WORDS_BEFORE = _fold_all(
    {
        "viime",
        "tämän",
        "ensi",
        "joka",
        "edellisen",
        "saman",
        "förra",
        "nästa",
        "varje",
        "per",
        "i",
        "last",
        "this",
        "next",
        "every",
        "each",
    }
)

# "en ole työtön", "en oo": not unemployed.
_NEGATION_WORDS = _fold_all({"en", "ei"})
_BE_WORDS = _fold_all({"ole", "oo"})
_AFTER_NEGATION = _fold_all(
    {"työtön", "työttömänä", "työttömäksi", "ollut", "ollu", "vielä", "yhtään", "lainkaan", "ollenkaan", "koskaan"}
)
# "jag är inte arbetslös", "I'm not unemployed"
_NOT_WORDS = _fold_all({"inte", "int", "ej", "not"})
_UNEMPLOYED_WORDS = _fold_all({"arbetslös", "unemployed", "jobless"})
# "just jäin työttömäks", "I just lost my job": unemployed since today.
_JUST_WORDS = _fold_all(
    {
        "just",
        "juuri",
        "juur",
        "äsken",
        "vasta",
        "tänään",
        "eilen",
        "nyss",
        "precis",
        "idag",
        "igår",
        "today",
        "yesterday",
    }
)
_JUST_FILLERS = _fold_all({"nyt", "ihan", "siis", "mä", "ma", "mie", "eli", "now", "nu", "jag"})
_BECAME_UNEMPLOYED_STEMS = tuple(
    fold_diacritics(w)
    for w in (
        "jäin",
        "jäädyin",
        "jouduin",
        "työttömäk",
        "työttömäks",
        "lomaut",
        "irtisano",
        "loppu",
        "blev",
        "uppsagd",
        "permitter",
        "förlorade",
        "lost",
        "fired",
        "laid",
    )
)


@dataclass(frozen=True)
class _DurationPart:
    start: int
    end: int
    months: float
    unit_months: float  # size of the unit, to order "vuosi ja kolme kuukautta"


def _duration_parts(tokens: list[str], numbers: list[_Number]) -> list[_DurationPart]:
    parts: list[_DurationPart] = []
    used_units: set[int] = set()
    for number in numbers:  # "3 kk", "kaksi vuotta", "3-4 kuukautta"
        unit, index = _token_after(tokens, number.end)
        before = _token_before(tokens, number.start, _AGE_FILLERS_BEFORE)
        if unit == "v" and before in _AGE_WORDS_BEFORE:
            continue  # "oon 34v" is an age
        if unit in _YEAR_FORMS and (
            before in _I_AM_WORDS or _token_after(tokens, index + 1)[0] in _AGE_CONFIRMING_WORDS
        ):
            continue  # "jag är 45 år", "I'm 45 years", "45 years old" are ages
        if unit in _UNIT_MONTHS:
            parts.append(_DurationPart(number.start, index + 1, number.value * _UNIT_MONTHS[unit], _UNIT_MONTHS[unit]))
            used_units.add(index)
    for i, token in enumerate(tokens[:-1]):  # "pari vuotta", "muutaman kuukauden", "a couple of months"
        at = i + 2 if tokens[i + 1] == "of" and i + 2 < len(tokens) else i + 1
        unit = tokens[at]
        if token in _APPROX_QUANTITIES and unit in _UNIT_MONTHS and at not in used_units:
            parts.append(_DurationPart(i, at + 1, _APPROX_QUANTITIES[token] * _UNIT_MONTHS[unit], _UNIT_MONTHS[unit]))
            used_units.add(at)
    for i, token in enumerate(tokens):  # "vuoden", "viikon"
        if token not in _IMPLICIT_ONE or i in used_units:
            continue
        before = tokens[i - 1] if i > 0 else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before in _DATE_WORDS_BEFORE or after in _DATE_WORDS_AFTER:
            continue
        parts.append(_DurationPart(i, i + 1, _UNIT_MONTHS[token], _UNIT_MONTHS[token]))
    return sorted(parts, key=lambda p: p.start)


def _join_duration_parts(tokens: list[str], parts: list[_DurationPart]) -> list[list[_DurationPart]]:
    """Group "vuosi ja kolme kuukautta" / "1 v 3 kk" (decreasing units) into one duration."""
    groups: list[list[_DurationPart]] = []
    for part in parts:
        last = groups[-1][-1] if groups else None
        adjacent = last is not None and (
            part.start == last.end or (part.start == last.end + 1 and tokens[last.end] == "ja")
        )
        if adjacent and last is not None and part.unit_months < last.unit_months:
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def _apply_modifier(tokens: list[str], group: list[_DurationPart]) -> float:
    """ "yli vuoden" -> 13, "alle vuoden" -> 11 (one month, or one unit if smaller)."""
    months = sum(p.months for p in group)
    step = min(1.0, min(p.unit_months for p in group))
    modifier = _token_before(tokens, group[0].start, _MODIFIER_FILLERS)
    if modifier in _MORE_THAN:
        return months + step
    if modifier in _LESS_THAN:
        return max(months - step, months / 2)
    return months


def _mentions_calendar_year(tokens: list[str], numbers: list[_Number]) -> bool:
    """ "2019 lähtien": a year as a date, which we do not convert to a duration."""
    for number in numbers:
        if number.from_digits and 1900 <= abs(number.value) <= 2100 and number.is_integer:
            unit, _ = _token_after(tokens, number.end)
            if unit not in _UNIT_MONTHS:
                return True
    return False


def _explicit_durations(tokens: list[str], numbers: list[_Number]) -> list[float] | None:
    """Every duration mentioned, in months; None if the text uses calendar years."""
    if _mentions_calendar_year(tokens, numbers):
        return None
    groups = _join_duration_parts(tokens, _duration_parts(tokens, numbers))
    return [_apply_modifier(tokens, group) for group in groups]


def _says_not_unemployed(tokens: list[str]) -> bool:
    for i, token in enumerate(tokens[:-1]):
        if token in _NEGATION_WORDS and tokens[i + 1] in _BE_WORDS:
            following = tokens[i + 2] if i + 2 < len(tokens) else None
            if following is None or following in _AFTER_NEGATION:
                return True
        if token in _NOT_WORDS and tokens[i + 1] in _UNEMPLOYED_WORDS:
            return True
    return False


def _says_just_became_unemployed(tokens: list[str]) -> bool:
    if not any(t in _JUST_WORDS for t in tokens):
        return False
    if all(t in _JUST_WORDS or t in _JUST_FILLERS for t in tokens):
        return True  # "juuri", "ihan just"
    return any(t.startswith(_BECAME_UNEMPLOYED_STEMS) for t in tokens)


def _read_durations(text: str) -> tuple[list[str], list[_Number], list[float]] | None:
    """The text's tokens, its numbers and the durations stated with a unit, in months; None for
    text that cannot be read or durations that contradict each other."""
    tokens = _tokenize(text)
    if tokens is None:
        return None
    numbers = _find_numbers(tokens)
    durations = _explicit_durations(tokens, numbers)
    if durations is None:
        return None
    return tokens, numbers, durations


def parse_duration_months(text: str) -> float | None:
    """How long (e.g. unemployed), in months: "puol vuotta" -> 6.0, "2 viikkoa" -> 0.5.

    "yli vuoden" -> 13, "alle vuoden" -> 11, "3-4 kk" -> 3.5, "en ole työtön" /
    "just jäin työttömäks" -> 0.  A bare number ("3") has no unit and gives
    None, as do calendar years ("2019 lähtien") and conflicting durations.
    """
    read = _read_durations(text)
    if read is None:
        return None
    tokens, _, durations = read
    if durations:
        return _in_range(_single_value(durations), DURATION_RANGE_MONTHS)
    if _says_not_unemployed(tokens) or _says_just_became_unemployed(tokens):
        return 0.0
    return None


def parse_months_count(text: str) -> int | None:
    """How many months a job or support lasts: "6 kk" -> 6, "puoli vuotta" -> 6, "6" -> 6.

    Whole months between 1 and 60 only.
    """
    read = _read_durations(text)
    if read is None:
        return None
    tokens, numbers, durations = read
    if durations:
        value = _single_value(durations)
    else:
        bare = _only_number(tokens, numbers)
        value = None if bare is None or bare.is_range else bare.value
    if value is None or not float(value).is_integer():
        return None
    months = int(value)
    return months if MONTHS_COUNT_RANGE[0] <= months <= MONTHS_COUNT_RANGE[1] else None


# --------------------------------------------------------------------------
# Age
# --------------------------------------------------------------------------

# "jag är 45" and "I'm 45" (the apostrophe goes, leaving "i m 45"): a form of "to be" before
# the number.  In Swedish and English that is an age even with a year unit after it ("jag är
# 45 år"), unlike Finnish "olen 20 vuotta ollut töissä".  "I am" / "jag är" with a number of
# years is never a duration either; "it is 2 years" may be, so "is" is left out there.
_I_AM_WORDS = _fold_all({"är", "am", "m", "im"})
_AGE_BE_WORDS = _I_AM_WORDS | {"is"}
_AGE_WORDS_BEFORE = _fold_all(
    {"olen", "oon", "ikä", "ikäni", "ikää", "iältäni", "täytin", "täytän", "täyttänyt", "täyttäny", "täytyin", "age"}
    | {"ålder", "åldern", "fyllde", "fyller", "fyllt", "aged", "turned", "turn", "turning"}
    | _AGE_BE_WORDS
)
_AGE_FILLERS_BEFORE = _fold_all(
    {"juuri", "just", "nyt", "jo", "tänä", "vuonna", "kohta", "ihan", "vasta", "noin", "n", "about", "siis", "on", "-"}
    | {"nu", "snart", "redan", "ungefär", "nästan", "now", "almost", "already", "around"}
)
# "34-vuotias", "ikäinen", "34 vee", "45-årig", "45-åring"
_AGE_WORDS_AFTER_PREFIXES = ("vuotia", "ikai", "vee", "arig", "aring")
_AGE_WORDS_AFTER = _fold_all({"yo"})  # "45 yo"
# "58 vuotta vanha", "45 år gammal", "45 years old", "45-year-old"
_AGE_CONFIRMING_WORDS = _fold_all({"vanha", "vanhana", "ikäinen", "iässä", "gammal", "old"})
# Words that make "2 vuotta" a duration rather than an age.
_DURATION_CONTEXT_STEMS = tuple(
    fold_diacritics(w)
    for w in (
        "työtön",
        "työttöm",
        "ollut",
        "ollu",
        "olin",
        "sitten",
        "ajan",
        "lähtien",
        "alkaen",
        "kestän",
        "töissä",
        "töitä",
        "tehnyt",
        # Swedish and English
        "arbetslös",
        "varit",
        "sedan",
        "jobbat",
        "arbetat",
        "unemployed",
        "jobless",
        "been",
        "since",
        "worked",
        "experience",
        "erfarenhet",
    )
)
# Numbers followed by these measure something else (money, hours, people...).
_NOT_AGE_UNITS = _fold_all(
    {
        "€",
        "e",
        "eur",
        "euro",
        "euroa",
        "h",
        "t",
        "tunti",
        "tuntia",
        "%",
        "prosenttia",
        "cm",
        "kg",
        "km",
        "m",
        "lasta",
        "kertaa",
        "krt",
        "henkeä",
        "hlö",
        "k",
        "euros",
        "hours",
        "hrs",
        "timmar",
        "kids",
        "children",
        "barn",
        "times",
        "gånger",
        "people",
        "persons",
        "personer",
    }
)

_AGE_EXPLICIT = 3
_AGE_WEAK = 1


def _age_score(tokens: list[str], number: _Number, duration_context: bool) -> int | None:
    """How strongly the text says this number is an age; None = it is not an age."""
    before = _token_before(tokens, number.start, _AGE_FILLERS_BEFORE)
    prefix_score = _AGE_EXPLICIT if before in _AGE_WORDS_BEFORE else 0
    after, index = _token_after(tokens, number.end)
    after2, _ = _token_after(tokens, index + 1)
    if after is not None and (after.startswith(_AGE_WORDS_AFTER_PREFIXES) or after in _AGE_WORDS_AFTER):
        suffix_score = _AGE_EXPLICIT
    elif after in _YEAR_FORMS:
        if after2 in _AGE_CONFIRMING_WORDS:
            suffix_score = _AGE_EXPLICIT
        elif duration_context and not ((after == "v" and prefix_score) or before in _AGE_BE_WORDS):
            # "ollut 2 vuotta työttömänä" (but "oon 34v, ollu työttömänä" and "jag är 45 år" are ages)
            return None
        else:
            suffix_score = _AGE_WEAK  # "58 vuotta", "34v"
    elif after in _UNIT_MONTHS or after in _NOT_AGE_UNITS:
        return None
    else:
        suffix_score = _AGE_WEAK
    return suffix_score + prefix_score


def parse_age(text: str) -> int | None:
    """Age in years, 15-80: "oon 34", "34-vuotias", "kolkytneljä vuotta" -> 34.

    When several numbers appear, the one with explicit age words wins
    ("ollut 2 vuotta työttömänä, oon 45" -> 45); a tie between different
    numbers, or a best candidate outside 15-80, gives None.
    """
    tokens = _tokenize(text)
    if tokens is None:
        return None
    duration_context = any(t.startswith(_DURATION_CONTEXT_STEMS) for t in tokens)
    scored: list[tuple[int, float]] = []
    for number in _find_numbers(tokens):
        score = _age_score(tokens, number, duration_context)
        if score is None:
            continue
        if number.is_range or not number.is_integer:
            return None  # "34-35", "34,5": not a confident age
        scored.append((score, number.value))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    age = _single_value([value for score, value in scored if score == best])
    if age is None or not AGE_RANGE[0] <= age <= AGE_RANGE[1]:
        return None
    return int(age)


# --------------------------------------------------------------------------
# Wage
# --------------------------------------------------------------------------

_CURRENCY_WORDS = _fold_all({"€", "e", "eur", "euro", "euroa", "euroo", "eeroo", "egee", "euros"})
# Currency written before the amount: "€2,400".
_CURRENCY_BEFORE = _fold_all({"€", "eur"})
_GROSS_NET_WORDS = _fold_all(
    {
        "brutto",
        "netto",
        "bruttona",
        "nettona",
        "ennen",
        "veroja",
        "före",
        "skatt",
        "gross",
        "net",
        "before",
        "tax",
        "taxes",
    }
)
# Between an amount and its period: "2400 euros a month", "2400 € i månaden", "per hour".
_PERIOD_FILLERS = _fold_all({"-", "a", "an", "per", "i", "om", "på", "in", "every", "each"})
_MONTHLY_WORDS = _fold_all(
    {"kk", "kuussa", "kuukaudessa", "kuukausi", "kuukaudelta", "kuukausipalkka", "kuukaus"}
    | {"mån", "månad", "månaden", "månadslön", "mnd", "month", "monthly", "mo", "mth"}
)
_NOT_MONTHLY_WORDS = _fold_all(
    {
        "h",
        "t",
        "tunti",
        "tuntia",
        "tunnilta",
        "tunnissa",
        "tunnista",
        "v",
        "vuodessa",
        "vuosi",
        "vuodelta",
        "vk",
        "vko",
        "viikossa",
        "viikolta",
        "pv",
        "päivässä",
        "päivältä",
        # Swedish ("år" folds to "ar") and English
        "timme",
        "timmen",
        "tim",
        "år",
        "året",
        "vecka",
        "veckan",
        "dag",
        "dagen",
        "hour",
        "hr",
        "hourly",
        "year",
        "yr",
        "yearly",
        "annual",
        "annually",
        "week",
        "weekly",
        "wk",
        "day",
        "daily",
    }
)
_NOT_MONTHLY_STEMS = tuple(
    fold_diacritics(w)
    for w in (
        "tuntipalk",
        "vuosipalk",
        "vuositulo",
        "viikkopalk",
        "päiväpalk",
        "tunnilta",
        "timlön",
        "årslön",
        "veckolön",
        "dagslön",
        "hourly",
        "annual",
    )
)
_WAGE_WORDS = _fold_all(
    {
        "palkka",
        "palkkaa",
        "palkkani",
        "palkaksi",
        "palkkana",
        "palkkatoive",
        "palkkatoiveeni",
        "bruttopalkka",
        "nettopalkka",
        "kuukausipalkka",
        "liksa",
        "liksaa",
        "tienaan",
        "tienasin",
        "ansaitsen",
        "ansaitsin",
        "ansiot",
        "tulot",
        "tuloni",
        "sain",
        "saan",
        # Swedish and English
        "lön",
        "lönen",
        "månadslön",
        "månadslönen",
        "tjänar",
        "tjänade",
        "salary",
        "wage",
        "wages",
        "pay",
        "earn",
        "earned",
        "earning",
        "income",
    }
)
_WAGE_FILLERS = _fold_all(
    {
        "on",
        "oli",
        "olis",
        "olisi",
        "noin",
        "n",
        "about",
        "mun",
        "minun",
        "mulla",
        "kuussa",
        "kuukaudessa",
        "brutto",
        "netto",
        "ois",
        "vähintään",
        "ainakin",
        "suunnilleen",
        "ehkä",
        # Swedish and English
        "är",
        "var",
        "blir",
        "skulle",
        "vara",
        "min",
        "ungefär",
        "cirka",
        "minst",
        "is",
        "was",
        "would",
        "be",
        "will",
        "my",
        "the",
        "of",
        "around",
        "approximately",
        "least",
        "at",
        "gross",
        "net",
    }
)


def parse_wage_eur(text: str) -> float | None:
    """Monthly wage in euros, 100-20000: "2 400 €/kk", "palkka 2800", "kaks tonnia" -> 2000.

    Hourly or yearly amounts ("15 €/h", "tuntipalkka 15") give None.
    """
    tokens = _tokenize(text)
    if tokens is None:
        return None
    if any(t.startswith(_NOT_MONTHLY_STEMS) for t in tokens):
        return None
    numbers = _find_numbers(tokens)
    candidates: list[_Number] = []
    for number in numbers:
        value, index = number.value, number.end
        if index < len(tokens) and tokens[index] == "k" and abs(value) < 1000:  # "3k", "3,5k€"
            value, index = value * 1000, index + 1
        has_currency = index < len(tokens) and tokens[index] in _CURRENCY_WORDS
        period, _ = _token_after(tokens, index + 1 if has_currency else index, _GROSS_NET_WORDS | _PERIOD_FILLERS)
        has_currency = has_currency or (number.start > 0 and tokens[number.start - 1] in _CURRENCY_BEFORE)
        has_wage_word = _token_before(tokens, number.start, _WAGE_FILLERS) in _WAGE_WORDS
        if period in _NOT_MONTHLY_WORDS:
            if has_currency or has_wage_word:
                return None  # "15 €/h": an hourly wage, not a monthly one
            continue
        if period in _MONTHLY_WORDS and not (has_currency or has_wage_word) and value < WAGE_RANGE_EUR[0]:
            continue  # "6 kk": a duration in months, not a wage
        if has_currency or has_wage_word or period in _MONTHLY_WORDS or value != number.value:
            candidates.append(replace(number, value=value))
    if not candidates:
        bare = _only_number(tokens, numbers)
        candidates = [bare] if bare is not None else []
    if any(c.is_range for c in candidates):
        return None
    return _in_range(_single_value([c.value for c in candidates]), WAGE_RANGE_EUR)


# --------------------------------------------------------------------------
# Working hours
# --------------------------------------------------------------------------

_HOUR_WORDS = _fold_all(
    {"h", "t", "tunti", "tuntia", "tuntii", "tunnin", "tuntina", "tuntiin"}
    | {"timmar", "timme", "tim", "hour", "hours", "hr", "hrs"}
)
_PER_DAY_WORDS = _fold_all(
    {"päivässä", "pv", "päivä", "pvä", "päivältä", "päivänä", "päivällä", "dag", "dagen", "day", "daily"}
)
_PER_LONGER_PERIOD_WORDS = _fold_all(
    {"kk", "kuussa", "kuukaudessa", "kuukausi", "v", "vuodessa", "vuosi"}
    | {"mån", "månad", "månaden", "år", "året", "month", "monthly", "mo", "year", "yearly", "yr"}
)
_PERCENT_WORDS = _fold_all({"%", "prosenttia", "prosentti", "pros", "prossaa", "procent", "percent"})
_HOURS_WORDS_BEFORE = _fold_all(
    {"työaika", "työaikaa", "työaikani", "tunnit", "tunteja", "viikkotunnit", "viikkotunteja", "tuntimäärä"}
    | {"arbetstid", "arbetstiden", "veckotimmar", "hours"}
)
_HOURS_FILLERS = _fold_all(
    {"on", "noin", "n", "about", "olis", "olisi", "ois", "viikossa", "är", "blir", "ungefär", "cirka", "is", "are"}
)
_FULL_TIME_RE = re.compile(r"\b(koko|taysi?)-?(aika|paiva)|\bfull\s*-?\s*time\b|\bheltid")
_HALF_TIME_RE = re.compile(r"\bpuoli-?(aika|paiva)|\bhalvtid|\bhalf\s*-?\s*time\b")
_NEGATIONS = _fold_all({"ei", "en", "eikä", "not", "inte", "int", "ej"})


def parse_hours_per_week(text: str) -> float | None:
    """Working hours per week, 1-60: "30h/vko" -> 30.0, "täysaikainen" -> 37.5.

    "puolipäiväinen" or an explicit percentage ("osa-aikainen 50%") is a share of
    37.5 h; "osa-aikainen" alone is not explicit and gives None.  Daily hours
    ("8 h päivässä") are multiplied by five.
    """
    tokens = _tokenize(text)
    if tokens is None:
        return None
    numbers = _find_numbers(tokens)
    hours: list[_Number] = []
    percents: list[_Number] = []
    for number in numbers:
        unit, index = _token_after(tokens, number.end)
        if unit in _HOUR_WORDS:
            period, _ = _token_after(tokens, index + 1, _PERIOD_FILLERS)
            if period in _PER_LONGER_PERIOD_WORDS:
                return None  # "100 h/kk": not a weekly figure
            factor = 5 if period in _PER_DAY_WORDS else 1
            hours.append(replace(number, value=number.value * factor))
        elif unit in _PERCENT_WORDS:
            percents.append(number)
        elif _token_before(tokens, number.start, _HOURS_FILLERS) in _HOURS_WORDS_BEFORE:
            hours.append(number)
    if not hours and not percents:
        bare = _only_number(tokens, numbers)
        hours = [bare] if bare is not None else []
    if hours:
        if any(h.is_range for h in hours):
            return None
        return _in_range(_single_value([h.value for h in hours]), HOURS_RANGE)
    if percents:
        percent = _single_value([p.value for p in percents if not p.is_range])
        if percent is None or not 1 <= percent <= 100:
            return None
        return FULL_TIME_HOURS * percent / 100
    return _hours_from_keywords(tokens)


def _hours_from_keywords(tokens: list[str]) -> float | None:
    """ "kokoaikainen" -> 37.5, "puolipäiväinen" -> 18.75; None if negated or both."""
    joined = " ".join(tokens).replace(" - ", "-")
    full = bool(_FULL_TIME_RE.search(joined))
    half = bool(_HALF_TIME_RE.search(joined))
    if full == half or any(t in _NEGATIONS for t in tokens):
        return None
    return FULL_TIME_HOURS if full else FULL_TIME_HOURS / 2
