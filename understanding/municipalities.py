"""Recognise Finnish municipalities in what people type.

The data comes from ``catalogue/data/municipalities.json`` (made by
``scripts/derive_municipalities.py`` from Posti's postal code data). Everything
runs in memory: the indexes are built once when the file is loaded.

``MunicipalityResolver.resolve`` takes one place expression – a name in any
case, an inflected Finnish form ("Seinäjoelta"), a Swedish name ("Åbo"), a
postal code ("33100"), a postal area name that keeps a former municipality or
a village ("Mietoinen"), or a small typo ("jyvaskyla", "Tamprella").

``MunicipalityResolver.find_in_text`` looks for a municipality anywhere in a
longer message ("asun nykyään Seinäjoella ja oon 34"). It is stricter: names
that are also ordinary Finnish words ("lahdessa" = in the bay, "kolarissa" =
in a car crash) count only when written with a capital letter, next to a word
such as "asun" or "kunta", or alone; very short names (Ii) only when
capitalised or inflected.

Finnish forms are recognised in three steps: Voikko's base form (when the
libvoikko library is available), rule-based removal of case endings with
consonant gradation and stem changes, and finally fuzzy matching with a strict
limit of one edit (two for long names) after folding ä/ö/å to a/o/a.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from catalogue import DATA_DIR
from messages import current_language

DEFAULT_DATA_PATH = DATA_DIR / "municipalities.json"


@dataclass(frozen=True)
class Municipality:
    code: str
    name_fi: str
    name_sv: str | None

    @property
    def name(self) -> str:
        """The name in the current language: Swedish where the municipality has a Swedish name
        ('Esbo' in a Swedish conversation), else Finnish (also in English: 'Espoo')."""
        return self.name_sv if current_language() == "sv" and self.name_sv else self.name_fi


# --------------------------------------------------------------------------- constants

# Index priorities: a lower number wins when the same key means several places.
PRIORITY_NAME_FI = 0
PRIORITY_NAME_SV = 1
PRIORITY_ALIAS = 2
PRIORITY_POSTAL = 3
PRIORITY_POSTAL_QUALIFIED = 4  # 'Koski as' -> 'koski'
MUNICIPALITY_LEVEL = PRIORITY_ALIAS  # priorities up to this one name a municipality itself

# Regions (maakunnat) and the country: never a municipality even where a postal
# area has the same name ('Lappi' is a village in Rauma but usually means Lapland).
REGION_NAMES = frozenset(
    name.casefold()
    for name in (
        "Ahvenanmaa",
        "Åland",
        "Etelä-Karjala",
        "Södra Karelen",
        "Etelä-Pohjanmaa",
        "Södra Österbotten",
        "Etelä-Savo",
        "Södra Savolax",
        "Kainuu",
        "Kajanaland",
        "Kanta-Häme",
        "Egentliga Tavastland",
        "Keski-Pohjanmaa",
        "Mellersta Österbotten",
        "Keski-Suomi",
        "Mellersta Finland",
        "Kymenlaakso",
        "Kymmenedalen",
        "Lappi",
        "Lappland",
        "Pirkanmaa",
        "Birkaland",
        "Pohjanmaa",
        "Österbotten",
        "Pohjois-Karjala",
        "Norra Karelen",
        "Pohjois-Pohjanmaa",
        "Norra Österbotten",
        "Pohjois-Savo",
        "Norra Savolax",
        "Päijät-Häme",
        "Päijänne-Tavastland",
        "Satakunta",
        "Satakunda",
        "Uusimaa",
        "Nyland",
        "Varsinais-Suomi",
        "Egentliga Finland",
        "Suomi",
        "Finland",
        "Karjala",
        "Savo",
        "Häme",
    )
)

# Other names that are ordinary words in Swedish or English ('tre år' = three years): they name the
# municipality only when written with a capital ('Tre').
CAPITALISED_ONLY = frozenset({"tre"})

# Other names people use for a municipality: Finnish name -> extra names.
ALIASES: dict[str, tuple[str, ...]] = {
    "Helsinki": ("Hki", "Stadi"),
    "Tampere": ("Tre", "Manse"),
    "Turku": ("Tku",),
    "Jyväskylä": ("Jkl",),
    "Lappeenranta": ("Lpr",),
    "Seinäjoki": ("Sjk",),
    "Hämeenlinna": ("Hml",),
    "Koski Tl": ("Koski",),
    "Pedersöre": ("Pedersören kunta",),
    # Plural name that Voikko does not inflect.
    "Virrat": ("Virroilla", "Virroilta", "Virroille", "Virroissa", "Virroista", "Virtoihin", "Virtain"),
}

# Words after a genitive that make it a place: 'Tampereen kaupunki', 'Lahden seudulla'.
# ('lähellä', 'alueella' are left out: 'pellon lähellä' is near a field, not near Pello.)
PLACE_HEAD_WORDS = frozenset(
    [
        "kunta",
        "kunnan",
        "kunnassa",
        "kunnasta",
        "kuntaan",
        "kunnalla",
        "kunnalta",
        "kunnalle",
        "kaupunki",
        "kaupungin",
        "kaupungissa",
        "kaupungista",
        "kaupunkiin",
        "kaupungilla",
        "kaupungilta",
        "kaupungille",
        "seutu",
        "seudun",
        "seudulla",
        "seudulta",
        "seudulle",
        "seutukunta",
        "seutukunnan",
        "seutukunnassa",
        "seutukunnasta",
        "kommun",
        "kommuns",
        "stad",
    ]
)

# Words near a place expression that mark it as where someone lives or comes from.
RESIDENCE_CUE_WORDS = frozenset(
    [
        "asun",
        "asut",
        "asuu",
        "asumme",
        "asutte",
        "asuvat",
        "asunut",
        "asuneet",
        "asuin",
        "asuimme",
        "asuva",
        "asuvana",
        "asustan",
        "asuinpaikka",
        "asuinpaikkani",
        "asuinpaikkakunta",
        "asuinpaikkakuntani",
        "asuinkunta",
        "asuinkuntani",
        "kotikunta",
        "kotikuntani",
        "kotikaupunki",
        "kotikaupunkini",
        "kotipaikka",
        "kotipaikkani",
        "kotiseutu",
        "kotiseutuni",
        "kotoisin",
        "syntynyt",
        "synnyin",
        "muutin",
        "muutan",
        "muutamme",
        "muutimme",
        "muuttanut",
        "muuttaneet",
        "muuttamassa",
        "muuttamaan",
        "muutto",
        "muuton",
        "paikkakunta",
        "paikkakunnalla",
        "paikkakunnalta",
        "paikkakuntani",
        "kuntani",
        "kaupunkini",
        "asuinalue",
        "asuinalueeni",
        "bor",
    ]
)
# 'oon Kotkasta' (I am from Kotka): a cue only for the elative and ablative.
ORIGIN_CUE_WORDS = frozenset(["olen", "oon", "oot", "ollaan", "olemme", "olet", "on"])
# 'nimeni on Kaarina': a nominative name right after these is a person, not a place.
PERSON_CUE_WORDS = frozenset(["nimeni", "nimi", "nimellä", "olen", "oon", "terveisin", "t", "terv"])
NAME_WORDS = frozenset(["nimeni", "nimi", "nimes", "nimesi"])
# Municipalities whose name, even inflected, is also an ordinary word likely in this service:
# 'olin kolarissa' (I was in a car crash), 'tuomittiin varkaudesta' (for theft), 'pellolla' (on the
# field), 'koskella' (at the rapids).
CUE_NEEDED_MUNICIPALITIES = frozenset({"kolari", "varkaus", "pello", "koski"})
# Municipality names that are also ordinary words, for when Voikko is not installed.
FALLBACK_COMMON_NAMES = frozenset(
    [
        "aura",
        "hanko",
        "kannus",
        "kolari",
        "kotka",
        "kurikka",
        "lahti",
        "liperi",
        "luoto",
        "multia",
        "nokia",
        "perho",
        "rusko",
        "salo",
        "somero",
        "turku",
        "varkaus",
        "vieremä",
        "pello",
        "pori",
        "kitee",
        "koski",
        "sievi",
        "vasa",
    ]
)
# Words that may stand beside a bare place name in a short answer ('lahti kiitos').
FILLER_WORDS = frozenset(
    [
        "kiitos",
        "kiitti",
        "no",
        "niin",
        "siis",
        "joo",
        "juu",
        "kyllä",
        "moi",
        "hei",
        "heippa",
        "terve",
        "ok",
        "okei",
        "eli",
        "tota",
        "tuota",
        "vaan",
        "mä",
        "minä",
        "mää",
        "mie",
        "ma",
        "mun",
        "minun",
        "on",
        "oon",
        "olen",
        "asun",
        "kunta",
        "kaupunki",
        "paikkakunta",
    ]
)
# A five-digit number followed by one of these is an amount, not a postal code.
UNIT_WORDS = frozenset(
    ["e", "€", "eur", "euro", "euroa", "euroja", "e/kk", "€/kk", "km", "kg", "h", "tuntia", "hlö", "henkilöä", "kpl"]
)

# Colloquial and chat words that are never fuzzy-matched to a place.
NEVER_FUZZY = frozenset(
    [
        "niinku",
        "niiku",
        "semmonen",
        "sellanen",
        "tommonen",
        "tällanen",
        "pitäis",
        "tarttis",
        "täytyis",
        "oisin",
        "oisko",
        "oliskohan",
        "vois",
        "voisko",
        "mulla",
        "sulla",
        "mulle",
        "sulle",
        "multa",
        "sulta",
        "meijän",
        "teijän",
        "heijän",
        "niitten",
        "näitten",
        "tosiaa",
        "ehkä",
        "kiitti",
        "kiitos",
        "moikka",
        "heippa",
        "terve",
        "jooh",
        "juuh",
        "okei",
        "okey",
        "selvä",
        "hyvä",
        "mitäs",
        "kuinkas",
        "missäs",
        "koska",
        "kunnes",
        "vaikka",
        "jotta",
        "mutta",
        "sitten",
        "sillee",
        "silleen",
        "duuni",
        "duunia",
        "duunii",
        "työkkäri",
        "työkkärissä",
        "työkkäristä",
        "tyäkkäri",
        "kelalta",
        "kelasta",
    ]
)

# Cases in which a place name is used; Voikko readings in other cases are ignored
# ('euroina' could be the plural essive of Eura).
PLACE_CASES = frozenset(
    {"nimento", "omanto", "sisaolento", "sisaeronto", "sisatulento", "ulkoolento", "ulkoeronto", "ulkotulento"}
)
LOCATIVE_CASES = frozenset({"sisaolento", "sisaeronto", "sisatulento", "ulkoolento", "ulkoeronto", "ulkotulento"})
ORIGIN_CASES = frozenset({"sisaeronto", "ulkoeronto"})
PROPER_NOUN_CLASSES = frozenset({"paikannimi", "etunimi", "sukunimi", "nimi"})

# Case endings removed by the rules, longest first, with the Voikko case they stand for.
CASE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("seen", "sisatulento"),
    ("hin", "sisatulento"),
    ("ssa", "sisaolento"),
    ("ssä", "sisaolento"),
    ("sta", "sisaeronto"),
    ("stä", "sisaeronto"),
    ("lla", "ulkoolento"),
    ("llä", "ulkoolento"),
    ("lta", "ulkoeronto"),
    ("ltä", "ulkoeronto"),
    ("lle", "ulkotulento"),
    ("ksi", "tulento"),
    ("na", "olento"),
    ("nä", "olento"),
    ("n", "omanto"),
)
# Spoken forms: 'Helsingis', 'Tampereel', 'Turust', 'Vantaalt'.
COLLOQUIAL_ENDINGS: tuple[tuple[str, str], ...] = (
    ("st", "sisaeronto"),
    ("lt", "ulkoeronto"),
    ("s", "sisaolento"),
    ("l", "ulkoolento"),
)
VOWELS = "aeiouyäöå"
# Weak grade -> strong grade, undone on the consonants before a stem's last vowel.
STRONG_GRADES: tuple[tuple[str, str], ...] = (
    ("ng", "nk"),
    ("nn", "nt"),
    ("mm", "mp"),
    ("ll", "lt"),
    ("rr", "rt"),
    ("hd", "ht"),
    ("d", "t"),
    ("v", "p"),
)
# 'Uudessakaupungissa', 'Isossakyrössä': the first part of the name is inflected too.
INFLECTED_FIRST_PART = re.compile(
    r"^(?:(uude(?:ssa|sta|lla|lta|lle|n)|uuteen)|(iso(?:ssa|sta|lla|lta|lle|on|n)))(.{3,})$"
)

FOLD_TABLE = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "è": "e", "ü": "u", "á": "a"})
TOKEN_RE = re.compile(r"\d+|[^\W\d_]+(?:[-:'’][^\W\d_]+)*\.?")
MAX_EXPRESSION_LENGTH = 80
MAX_TEXT_LENGTH = 5000
MIN_FUZZY_LENGTH = 6


def normalize(text: str) -> str:
    """Case-folded, NFC, single-spaced text with one kind of dash and apostrophe."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[‐‑‒–—−]", "-", text).replace("’", "'").replace("´", "'")
    return " ".join(text.split())


def fold(text: str) -> str:
    """Fold ä/ö/å to a/o/a so 'jyvaskyla' finds 'jyväskylä'."""
    return text.translate(FOLD_TABLE)


# --------------------------------------------------------------------------- Voikko

_voikko_lock = threading.Lock()
_voikko: Any = None
_voikko_state = "unloaded"  # unloaded | ready | unavailable


def _voikko_analyze(word: str) -> list[dict[str, str]]:
    """Voikko's analyses of one word, or [] when Voikko is not installed."""
    global _voikko, _voikko_state
    with _voikko_lock:
        if _voikko_state == "unloaded":
            try:
                import libvoikko

                _voikko = libvoikko.Voikko("fi")
                _voikko_state = "ready"
            except Exception:  # no native library or dictionary: rules and fuzzy matching still work
                _voikko_state = "unavailable"
        if _voikko_state != "ready" or not word or len(word) > 60:
            return []
        try:
            return list(_voikko.analyze(word))
        except Exception:
            return []


def voikko_available() -> bool:
    _voikko_analyze("a")
    return _voikko_state == "ready"


# --------------------------------------------------------------------------- rules


def _strong_variants(stem: str) -> list[str]:
    """Undo consonant gradation before the stem's last vowel: 'lahde' -> 'lahte', 'turu' -> 'turku'."""
    if len(stem) < 3 or stem[-1] not in VOWELS:
        return []
    head, tail = stem[:-1], stem[-1]
    variants: list[str] = []
    for weak, strong in STRONG_GRADES:
        if head.endswith(weak) and len(head) > len(weak):
            variants.append(head[: -len(weak)] + strong + tail)
    last = head[-1]
    if last in "kpt" and head[-2:-1] != last:
        variants.append(head + last + tail)  # 'iiti' -> 'iitti', 'kurika' -> 'kurikka'
    if last in VOWELS or last in "lrh":
        variants.append(head + "k" + tail)  # 'joe' -> 'joke' (-> 'joki'), 'turu' -> 'turku'
    return variants


def _weaken(stem: str) -> str:
    """Strong grade -> weak grade before the last vowel ('pihtiputa' -> 'pihtipuda'), for -as/-un names."""
    if len(stem) < 3 or stem[-1] not in VOWELS:
        return stem
    head, tail = stem[:-1], stem[-1]
    for weak, strong in STRONG_GRADES:
        if head.endswith(strong):
            return head[: -len(strong)] + weak + tail
    return stem


def _expand_stem(stem: str) -> list[str]:
    """Possible base forms of a stem left after removing a case ending."""
    bases = [stem]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] in VOWELS:
        bases.append(stem[:-1])  # 'tamperee' -> 'tampere'
    if stem.endswith(("ise", "isi")):
        bases.append(stem[:-2] + "nen")  # 'mietoise' -> 'mietoinen'
    if stem.endswith("de"):
        bases += [stem[:-2] + "si", stem[:-2] + "s"]  # 'heinävede' -> 'heinävesi', 'varkaude' -> 'varkaus'
    if stem.endswith("kse"):
        bases.append(stem[:-3] + "s")  # 'muhokse' -> 'muhos'
    if stem.endswith(("aa", "ää")):
        bases.append(_weaken(stem[:-1]) + "s")  # 'pihtiputaa' -> 'pihtipudas'
    if stem.endswith("me"):
        bases.append(_weaken(stem[:-2]) + "n")  # 'punkalaitume' -> 'punkalaidun'
    if stem.endswith("i") and len(stem) >= 4 and stem[-2] not in VOWELS:
        bases.append(stem[:-1])  # 'kökari' -> 'kökar', 'saltviki' -> 'saltvik'
    results: list[str] = []
    for base in bases:
        for form in [base, *_strong_variants(base)]:
            results.append(form)
            if form.endswith("e"):
                results.append(form[:-1] + "i")  # 'rovanieme' -> 'rovaniemi', 'lahte' -> 'lahti'
    return results


@lru_cache(maxsize=20_000)
def candidate_base_forms(word: str, colloquial: bool = True) -> tuple[tuple[str, str | None], ...]:
    """Possible base forms of a (lower-case) inflected place name with the case each assumes.

    Over-generates on purpose: every candidate is only looked up in the name index.
    ``[('seinäjoelta', None), ('seinäjoe', 'ulkoeronto'), ..., ('seinäjoki', 'ulkoeronto'), ...]``
    """
    results: list[tuple[str, str | None]] = [(word, None)]
    if ":" in word:  # 'koski tl:ssä', 'hki:ssa'
        results.append((word.split(":", 1)[0], "sisaolento"))
    endings = CASE_ENDINGS + (COLLOQUIAL_ENDINGS if colloquial else ())
    stems: list[tuple[str, str]] = []
    for ending, case in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stems.append((word[: -len(ending)], case))
    if len(word) >= 4 and word[-1] == "n" and word[-2] == word[-3] and word[-2] in VOWELS:
        stems.append((word[:-2], "sisatulento"))  # illative: 'turkuun', 'helsinkiin', 'lahteen'
    if word.endswith("isten"):
        results.append((word[:-5] + "inen", "omanto"))  # 'kauniaisten'
    for stem, case in stems:
        for base in _expand_stem(stem):
            results.append((base, case))
        # Haplology of -la/-lä names: 'kangasalla' -> 'kangasala'.
        if case in ("ulkoolento", "ulkoeronto"):
            results.append((stem + "la", case))
            results.append((stem + "lä", case))
    match = INFLECTED_FIRST_PART.match(word)
    if match:
        first = "uusi" if match.group(1) else "iso"
        for base_form, base_case in candidate_base_forms(match.group(3), colloquial=False):
            results.append((first + base_form, base_case))
    seen: set[str] = set()
    unique: list[tuple[str, str | None]] = []
    for found, found_case in results:
        if found not in seen and len(found) >= 2:
            seen.add(found)
            unique.append((found, found_case))
    return tuple(unique)


def _has_common_reading(analyses: list[dict[str, str]]) -> bool:
    """True when Voikko also reads the word as an ordinary word ('lahdessa' = in the bay).

    When Voikko has a place reading, its compound-noun readings do not count: they are the place
    name itself ('seinäjoki' = wall + river) or accidental ('kokkolasta' = 'kokko' + 'lapsi').
    Without a place reading they do ('ylipäätään' = at all).
    """
    has_place = any(a.get("CLASS") == "paikannimi" for a in analyses)
    for analysis in analyses:
        base = analysis.get("BASEFORM") or ""
        if analysis.get("CLASS") in PROPER_NOUN_CLASSES or base[:1].isupper():
            continue
        if has_place and (analysis.get("STRUCTURE") or "=").count("=") > 1:
            continue
        return True
    return False


def _has_person_reading(analyses: list[dict[str, str]]) -> bool:
    return any(a.get("CLASS") in ("etunimi", "sukunimi") for a in analyses)


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class TokenMatch:
    """How one word (or phrase) matched a municipality."""

    code: str
    priority: int  # see PRIORITY_*
    method: str  # exact | voikko | rules | fuzzy | postal_code
    key: str  # the name the word matched
    inflected: bool  # the word is not the name's base form
    case: str | None  # Voikko's case name when known
    voikko_known: bool  # Voikko recognised the word at all
    common_reading: bool  # Voikko also reads it as an ordinary word ('lahdessa' = in the bay)
    person_reading: bool = False  # Voikko also reads it as a first name or surname ('Aho')

    @property
    def municipality_level(self) -> bool:
        return self.priority <= MUNICIPALITY_LEVEL

    @property
    def locative(self) -> bool:
        return self.case in LOCATIVE_CASES


@dataclass
class _Candidate:
    match: TokenMatch
    start: int  # token index
    end: int  # token index after the last token
    tier: int
    capitalised: bool


class MunicipalityResolver:
    """Finds municipalities by name, inflected form, Swedish name, postal code or postal area."""

    def __init__(self, data_path: Path | None = None):
        self.data_path = Path(data_path) if data_path else DEFAULT_DATA_PATH
        document = json.loads(self.data_path.read_text(encoding="utf-8"))
        self._municipalities: dict[str, Municipality] = {}
        self._by_name_fi: dict[str, Municipality] = {}
        self._postal_codes: dict[str, str] = {}
        # normalised name -> (priority, municipality code); the folded index drops ä/ö/å.
        self._names: dict[str, tuple[int, str]] = {}
        self._folded_names: dict[str, tuple[int, str] | None] = {}
        self._fuzzy_choices: dict[str, str] = {}  # folded municipality name -> code
        self._ambiguous_postal_names: dict[str, dict[str, int]] = {}
        self._build(document.get("municipalities", []))
        # Word sequences that begin a name of several words ('koski', 'pernajan'), for find_in_text.
        self._phrase_prefixes = {
            " ".join(words[:length])
            for words in (key.split(" ") for key in list(self._names) + list(self._folded_names))
            for length in range(1, len(words))
        }
        self._fuzzy_keys = list(self._fuzzy_choices)
        self._analyse_word = lru_cache(maxsize=20_000)(self._analyse_word_uncached)
        voikko_available()  # load Voikko now rather than on the first message

    # ----------------------------------------------------------------- building

    def _build(self, items: Iterable[dict[str, Any]]) -> None:
        postal_owners: dict[str, Counter[str]] = defaultdict(Counter)
        first_code: dict[tuple[str, str], str] = {}
        for item in items:
            municipality = Municipality(str(item["code"]).zfill(3), item["name_fi"], item.get("name_sv") or None)
            self._municipalities[municipality.code] = municipality
            self._by_name_fi[normalize(municipality.name_fi)] = municipality
            self._add_name(municipality.name_fi, municipality.code, PRIORITY_NAME_FI)
            if municipality.name_sv:
                self._add_name(municipality.name_sv, municipality.code, PRIORITY_NAME_SV)
            for name in (municipality.name_fi, municipality.name_sv):
                if name:
                    self._fuzzy_choices.setdefault(fold(normalize(name)), municipality.code)
            for postal in item.get("postal_codes", []):
                code = str(postal["code"])
                self._postal_codes.setdefault(code, municipality.code)
                for name in {postal.get("name_fi"), postal.get("name_sv")} - {None, ""}:
                    key = normalize(name)
                    postal_owners[key][municipality.code] += 1
                    first_code.setdefault((key, municipality.code), code)
        for name_fi, aliases in ALIASES.items():
            aliased = self._by_name_fi.get(normalize(name_fi))
            if aliased:
                for alias in aliases:
                    self._add_name(alias, aliased.code, PRIORITY_ALIAS)
        for key, owners in postal_owners.items():
            # Several municipalities: the one with most postal codes of that name, then the lowest code.
            code = min(owners, key=lambda c: (-owners[c], first_code[(key, c)]))
            if len(owners) > 1:
                self._ambiguous_postal_names[key] = dict(owners)
            self._add_name(key, code, PRIORITY_POSTAL)
            qualifier = re.fullmatch(r"(.+?) (?:as|kk|st|kby|tl|ab)\.?", key)
            if qualifier:
                self._add_name(qualifier.group(1), code, PRIORITY_POSTAL_QUALIFIED)

    def _add_name(self, name: str, code: str, priority: int) -> None:
        key = normalize(name)
        if not key or (key in REGION_NAMES and priority > MUNICIPALITY_LEVEL):
            return
        current = self._names.get(key)
        if current is None or priority < current[0]:
            self._names[key] = (priority, code)
        folded = fold(key)
        if folded not in self._folded_names:
            self._folded_names[folded] = (priority, code)
        else:
            existing = self._folded_names[folded]
            if existing is not None and priority < existing[0]:
                self._folded_names[folded] = (priority, code)
            elif existing is not None and priority == existing[0] and existing[1] != code:
                self._folded_names[folded] = None  # two places fold to the same spelling

    # ----------------------------------------------------------------- public API

    def all(self) -> list[Municipality]:
        """Every municipality, sorted by code."""
        return [self._municipalities[code] for code in sorted(self._municipalities)]

    def by_code(self, code: str) -> Municipality | None:
        if not isinstance(code, str) or not code.strip().isdigit() or len(code.strip()) > 3:
            return None
        return self._municipalities.get(code.strip().zfill(3))

    def by_name(self, name_fi: str) -> Municipality | None:
        """The municipality with exactly this Finnish name (case-insensitive)."""
        if not isinstance(name_fi, str):
            return None
        return self._by_name_fi.get(normalize(name_fi))

    def by_postal_code(self, postal_code: str) -> Municipality | None:
        code = self._postal_codes.get(str(postal_code).strip())
        return self._municipalities.get(code) if code else None

    @property
    def ambiguous_postal_names(self) -> dict[str, dict[str, int]]:
        """Postal area names used in several municipalities: name -> {municipality code: postal codes}."""
        return dict(self._ambiguous_postal_names)

    def resolve(self, text: str) -> Municipality | None:
        """The municipality meant by one place expression, or None.

        Accepts 'Tampere', 'TAMPEREELLA', 'Seinäjoelta', 'Åbo', '33100', '33100 Tampere',
        'Mietoinen', 'Tampereen kaupunki', 'jyvaskyla'. A short message that is more than a
        place expression ('asun Tampereella') falls back to :meth:`find_in_text`.
        """
        if not isinstance(text, str):
            return None
        cleaned = normalize(text).strip(" \t.,;!?\"'()[]{}<>")
        if not cleaned or len(cleaned) > MAX_EXPRESSION_LENGTH:
            return None
        match = self._resolve_expression(cleaned, original=text.strip())
        if match is not None:
            return self._municipalities[match.code]
        if 2 <= len(TOKEN_RE.findall(cleaned)) <= 6:  # 'asun Tampereella'
            return self.find_in_text(text)
        return None

    def find_in_text(self, text: str) -> Municipality | None:
        """The municipality mentioned in a message, or None.

        Prefers multiword names and 'X:n kunta/kaupunki', then municipality names over postal
        areas, then capitalised words, then the earliest mention.
        """
        if not isinstance(text, str) or not text.strip():
            return None
        text = unicodedata.normalize("NFC", text[:MAX_TEXT_LENGTH])
        tokens = self._tokenize(text)
        best: _Candidate | None = None
        for candidate in self._candidates(tokens, len(tokens)):
            key = (candidate.tier, candidate.capitalised, -candidate.start)
            if best is None or key > (best.tier, best.capitalised, -best.start):
                best = candidate
        return self._municipalities[best.match.code] if best else None

    # ----------------------------------------------------------------- single expressions

    def _resolve_expression(self, cleaned: str, original: str) -> TokenMatch | None:
        if re.fullmatch(r"\d{5}", cleaned):
            return self._postal_code_match(cleaned)
        postal_and_name = re.fullmatch(r"(?:fi-)?(\d{5})[ ,]+(.+)", cleaned)
        if postal_and_name:  # '33100 Tampere': the code decides
            return self._postal_code_match(postal_and_name.group(1)) or self._resolve_expression(
                postal_and_name.group(2), original
            )
        direct = self._lookup(cleaned)
        if direct is not None:
            match = self._match(direct, "exact", cleaned, inflected=False, case=None, word=cleaned)
            return None if self._rejected_in_expression(match, original) else match
        words = cleaned.split(" ")
        if len(words) >= 2 and words[-1] in PLACE_HEAD_WORDS:  # 'Tampereen kaupunki', 'Pedersöre kommun'
            return self._resolve_expression(" ".join(words[:-1]), original)
        if len(words) == 1 or (len(words) <= 3 and "-" not in cleaned):
            phrase = self._analyse_phrase(words)
            if phrase is not None and not self._rejected_in_expression(phrase, original):
                return phrase
        return None

    def _rejected_in_expression(self, match: TokenMatch, original: str) -> bool:
        """An ordinary word that only names a postal village ('metsässä', 'Eteläisen') is not a place.

        Accepted only when capitalised and not in the genitive, which usually starts a longer name.
        """
        if match.key in CAPITALISED_ONLY:
            return not original[:1].isupper()
        if match.municipality_level or match.method == "postal_code" or not match.common_reading:
            return False
        return not original[:1].isupper() or match.case == "omanto"

    def _postal_code_match(self, code: str) -> TokenMatch | None:
        municipality_code = self._postal_codes.get(code)
        if municipality_code is None:
            return None
        return TokenMatch(municipality_code, PRIORITY_NAME_FI, "postal_code", code, False, None, False, False)

    def _lookup(self, key: str) -> tuple[int, str] | None:
        found = self._names.get(key)
        if found is not None or any(char in key for char in "äöå"):
            return found  # a word written with ä/ö/å is not folded: 'lähen' is not 'Lahti'
        return self._folded_names.get(key)

    def _match(
        self, found: tuple[int, str], method: str, key: str, inflected: bool, case: str | None, word: str
    ) -> TokenMatch:
        known, common, person = self._voikko_summary(word)
        return TokenMatch(found[1], found[0], method, key, inflected, case, known, common, person)

    def _analyse_phrase(self, words: list[str]) -> TokenMatch | None:
        """A match for a phrase whose last word may be inflected ('koski tl:ssä', 'pernajan vanhakylässä')."""
        if len(words) == 1:
            return self._analyse_word(words[0])
        if " ".join(words[:-1]) not in self._phrase_prefixes:
            return None
        prefix = " ".join(words[:-1]) + " "
        for base, case in candidate_base_forms(words[-1], colloquial=False):
            found = self._lookup(prefix + base)
            if found is not None:
                return self._match(found, "rules", prefix + base, base != words[-1], case, words[-1])
        return None

    # ----------------------------------------------------------------- one word

    @staticmethod
    def _voikko_summary(word: str) -> tuple[bool, bool, bool]:
        """(Voikko knows the word, reads it as an ordinary word, reads it as a person's name)."""
        analyses = _voikko_analyze(word)
        return bool(analyses), _has_common_reading(analyses), _has_person_reading(analyses)

    def _analyse_word_uncached(self, word: str) -> TokenMatch | None:
        """The best municipality match for one lower-case word, before any context rules."""
        if not word or len(word) > 60:
            return None
        analyses = _voikko_analyze(word)
        voikko_known = bool(analyses)
        common = _has_common_reading(analyses)
        person = _has_person_reading(analyses)

        def make(found: tuple[int, str], method: str, key: str, case: str | None) -> TokenMatch:
            ordinary = common
            if _voikko_state != "ready":  # without Voikko: a short list, and postal names are suspect
                ordinary = key in FALLBACK_COMMON_NAMES or found[0] > MUNICIPALITY_LEVEL
            return TokenMatch(found[1], found[0], method, key, key != word, case, voikko_known, ordinary, person)

        direct = self._lookup(word)
        if direct is not None:
            case = next((a.get("SIJAMUOTO") for a in analyses if a.get("CLASS") == "paikannimi"), None)
            return make(direct, "exact", word, case if case != "nimento" else None)

        best: TokenMatch | None = None
        # 1. Voikko's base forms of proper-name readings ('Kemiönsaari' is a capitalised noun to Voikko).
        for analysis in sorted(analyses, key=lambda a: a.get("CLASS") != "paikannimi"):
            raw_base = analysis.get("BASEFORM") or ""
            base = normalize(raw_base)
            if base in REGION_NAMES or not (analysis.get("CLASS") == "paikannimi" or raw_base[:1].isupper()):
                continue
            if analysis.get("SIJAMUOTO") not in PLACE_CASES:
                continue
            plural_name = base.endswith(("nen", "t"))  # Kauniaisissa, Virrat
            if analysis.get("NUMBER") == "plural" and not plural_name:
                continue
            found = self._lookup(base) if base else None
            if found is not None and (best is None or found[0] < best.priority):
                best = make(found, "voikko", base, analysis.get("SIJAMUOTO"))
        if best is not None and best.municipality_level:
            return best
        # 2. Rules, on the word as written and with ä/ö/å folded.
        for base, case in candidate_base_forms(word):
            found = self._lookup(base)
            if found is not None and (best is None or found[0] < best.priority):
                best = make(found, "rules", base, case)
                if best.municipality_level:
                    return best
        if best is not None:
            return best
        # 3. Fuzzy, only for words Voikko does not know ('tamprella', 'helsinkki').
        if voikko_known or word in NEVER_FUZZY or len(word) < MIN_FUZZY_LENGTH:
            return None
        return self._fuzzy(word, make)

    def _fuzzy(
        self, word: str, make: Callable[[tuple[int, str], str, str, str | None], TokenMatch]
    ) -> TokenMatch | None:
        """A municipality one edit away (two for long names), tried on the word and its bare stems.

        Only the stem left after removing a case ending is compared ('tamprella' -> 'tampre'), not
        the gradation variants, which would multiply the chances of a false match.
        """
        folded = fold(word)
        tries: list[tuple[str, str | None]] = [(folded, None)]
        for raw_ending, ending_case in CASE_ENDINGS + COLLOQUIAL_ENDINGS:
            ending = fold(raw_ending)
            if folded.endswith(ending):
                stem = folded[: -len(ending)]
                tries.append((stem, ending_case))
                if len(stem) >= 3 and stem[-1] == stem[-2]:
                    tries.append((stem[:-1], ending_case))  # 'tampree' -> 'tampre'
                if stem.endswith("e"):
                    tries.append((stem[:-1] + "i", ending_case))  # 'rovanieme' -> 'rovaniemi'
        winners: dict[str, tuple[int, str, str | None]] = {}
        for base, case in tries:
            if len(base) < MIN_FUZZY_LENGTH or not base.isalpha():
                continue
            limit = 2 if len(base) >= 9 else 1
            for choice, distance, _ in process.extract(
                base, self._fuzzy_keys, scorer=OSA.distance, score_cutoff=limit, limit=5
            ):
                if len(choice) < MIN_FUZZY_LENGTH:
                    continue
                code = self._fuzzy_choices[choice]
                if code not in winners or distance < winners[code][0]:
                    winners[code] = (int(distance), choice, case)
        if not winners:
            return None
        ranked = sorted(winners.items(), key=lambda item: item[1][0])
        if len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0]:
            return None  # two places equally close: do not guess
        code, (_, choice, case) = ranked[0]
        return make((PRIORITY_NAME_FI, code), "fuzzy", choice, case)

    # ----------------------------------------------------------------- messages

    @staticmethod
    def _tokenize(text: str) -> list[tuple[str, bool]]:
        """Words of a message with a flag for 'starts a sentence'."""
        tokens: list[tuple[str, bool]] = []
        sentence_start = True
        position = 0
        for found in TOKEN_RE.finditer(text):
            between = text[position : found.start()]
            if any(mark in between for mark in ".!?\n"):
                sentence_start = True
            word = found.group()
            ends_sentence = word.endswith(".") and not re.fullmatch(r"[^\W\d_]{1,3}\.", word)
            tokens.append((word.rstrip("."), sentence_start))
            sentence_start = ends_sentence
            position = found.end()
        return tokens

    def _candidates(self, tokens: list[tuple[str, bool]], count: int) -> Iterable[_Candidate]:
        lowered = [normalize(word) for word, _ in tokens]
        covered: set[int] = set()
        # Multiword names and 'genitive + kunta/kaupunki'.
        for start in range(count):
            for length in (3, 2):
                end = start + length
                if end > count or any(i in covered for i in range(start, end)):
                    continue
                words = lowered[start:end]
                if words[-1] in PLACE_HEAD_WORDS and length == 2 and not words[0].isdigit():
                    match = self._analyse_word(words[0])
                    if match is not None and (match.case in (None, "omanto") or words[0].endswith("n")):
                        if len(match.key) > 2 or tokens[start][0][:1].isupper():
                            covered.update(range(start, end))
                            yield _Candidate(match, start, end, 5, tokens[start][0][:1].isupper())
                            break
                if any(w.isdigit() for w in words):
                    continue
                match = self._analyse_phrase(words)
                if match is not None and " " in match.key:
                    covered.update(range(start, end))
                    yield _Candidate(match, start, end, 5, tokens[start][0][:1].isupper())
                    break
        for index, (word, initial) in enumerate(tokens):
            if index in covered:
                continue
            lower = lowered[index]
            if lower.isdigit():
                if len(lower) == 5:
                    following = lowered[index + 1] if index + 1 < count else ""
                    match = self._postal_code_match(lower)
                    if match is not None and following not in UNIT_WORDS:
                        yield _Candidate(match, index, index + 1, 2, False)
                continue
            match = self._analyse_word(lower)
            if match is None:
                continue
            capitalised = word[:1].isupper()
            if not self._accept_in_text(match, word, lowered, index, initial, count):
                continue
            if match.method == "fuzzy":
                tier = 2
            elif match.municipality_level:
                tier = 4
            else:
                tier = 3
            yield _Candidate(match, index, index + 1, tier, capitalised and not initial)

    def _accept_in_text(
        self, match: TokenMatch, word: str, lowered: list[str], index: int, initial: bool, count: int
    ) -> bool:
        """Context rules that keep ordinary words and people's names from being read as places."""
        capitalised = word[:1].isupper()
        if match.key in CAPITALISED_ONLY and not capitalised:
            return False
        clearly_capitalised = capitalised and not initial
        others = lowered[:index] + lowered[index + 1 :]
        alone = all(w in FILLER_WORDS for w in others)  # 'Lahti', 'lahti kiitos', 'asun salossa'
        nearby = lowered[max(0, index - 2) : index] + lowered[index + 1 : index + 3]
        residence_cue = any(w in RESIDENCE_CUE_WORDS for w in nearby)
        origin_cue = match.case in ORIGIN_CASES and any(w in ORIGIN_CUE_WORDS for w in nearby)
        cue = residence_cue or origin_cue
        previous = lowered[index - 1] if index > 0 else ""
        before_previous = lowered[index - 2] if index > 1 else ""

        if not match.inflected and not residence_cue:
            if previous in PERSON_CUE_WORDS or (previous == "on" and before_previous in NAME_WORDS):
                return False  # 'nimeni on Kaarina', 'oon Simo'
        if match.method == "fuzzy":  # a typo: only where the word looks like a place
            return capitalised or cue or alone
        if len(match.key) <= 2:  # 'Ii': capitalised, or inflected as a place ('Iissä')
            return capitalised or (match.inflected and match.locative)
        # An ordinary word: Voikko reads it as one, or knows it only as something else than a place.
        ordinary_word = match.common_reading or (
            match.voikko_known and match.method == "rules" and not self._voikko_has_place(lowered[index])
        )
        if match.municipality_level:
            if not ordinary_word or cue or alone:
                return True
            if match.key in CUE_NEEDED_MUNICIPALITIES:  # 'olin kolarissa' no, 'työkokeilu Kolarissa' yes
                return clearly_capitalised and match.locative
            # 'Kotkassa', 'työkokeilu lahdessa': a locative form is read as the place.
            return clearly_capitalised or match.locative
        # Postal areas: villages and former municipalities, many named like ordinary words or people.
        if not match.inflected and (
            match.person_reading or match.key.endswith("nen") or self._after_first_name(lowered, index, capitalised)
        ):
            return cue  # 'Aho', 'Nieminen', 'Matti Anttila'
        if ordinary_word:  # 'Metsässä', 'neuvolassa', 'Eteläisen'
            return capitalised and (cue or alone) and match.case != "omanto"
        if len(match.key) <= 3:  # 'Eno', 'Box'
            return capitalised
        return capitalised or cue or len(match.key) >= 5

    @staticmethod
    def _after_first_name(lowered: list[str], index: int, capitalised: bool) -> bool:
        if index == 0 or not capitalised:
            return False
        return any(a.get("CLASS") == "etunimi" for a in _voikko_analyze(lowered[index - 1]))

    @staticmethod
    def _voikko_has_place(word: str) -> bool:
        return any(a.get("CLASS") == "paikannimi" for a in _voikko_analyze(word))


_default_resolver: MunicipalityResolver | None = None
_default_lock = threading.Lock()


def get_resolver() -> MunicipalityResolver:
    """The shared resolver for the packaged data (loaded on first use)."""
    global _default_resolver
    if _default_resolver is None:
        with _default_lock:
            if _default_resolver is None:
                _default_resolver = MunicipalityResolver()
    return _default_resolver
