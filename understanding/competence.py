"""Competence mapping: a jobseeker's free-Finnish answer -> a competence profile.

"olin 10 vuotta varastolla trukkikuskina, mulla on trukkikortti ja hygieniapassi,
tykkään laittaa ruokaa" -> fields (logistics), occupation groups (83, 93), skills
(trukkikortti, hygieniapassi), years of experience (10.0), likes (kitchen).

How it works
------------
1. The text (first ``MAX_CHARS`` characters, markup removed) is cut into clauses at
   punctuation and at "ja", "mutta", "vaan", "enkä", "eikä" ...
2. A clause with a negation word ("en", "ei", "eikä", "ilman", "poista" ...) is
   *negated*: what it mentions is not added ("en ole koskaan ollut siivoojana"), and
   ``apply_correction`` removes it from the profile. A clause with a liking / wish cue
   ("tykkään", "osaan", "olen hyvä", "haluaisin" ...) is a *like* clause: its fields go to
   ``likes``, not to ``fields``; the cue carries over "ja" to the next clause when that
   clause has no verb of its own ("tykkään olla ulkona ja tehdä käsillä").
3. Each word is read through Voikko (``understanding.finnish.analyse``): the surface form,
   base forms and compound parts are matched against ``interview.FIELD_PATTERNS`` (plus
   the extra patterns of ``data/competence_words.yaml``) for fields, and against the
   Ammattiluokitus 2010 keywords of ``data/occupations.yaml`` for occupation groups.
   Without Voikko only surface forms and prefixes match, so fewer inflected forms are found.
4. Cards and skills, education level and durations ("10 vuotta", via
   ``textparse.parse_duration_months``) are read per clause.

The words and word parts all this looks for (cards, licences, education words, negation,
liking and wish cues, duration words ...) are in ``data/competence_words.yaml``, loaded once
at import; the regular expressions are built from them here.

Nothing here raises on odd input: empty, very long, markup or nonsense text gives an
empty ``Competence``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from messages import current_language, number, text, text_or
from understanding.finnish import analyse, fold
from understanding.interview import FIELD_PATTERNS
from understanding.textparse import parse_duration_months
from vocabulary import EDUCATION_LEVELS, FIELDS, label

__all__ = [
    "EDUCATION_LEVELS",
    "Competence",
    "apply_correction",
    "describe",
    "extract",
    "merge",
    "occupation_group_fields",
    "occupation_group_name",
    "occupation_groups",
    "work_fields",
]

MAX_CHARS = 1000
OCCUPATIONS_PATH = Path(__file__).parent / "data" / "occupations.yaml"
# the occupation titles of each group: Finnish (matched through Voikko), Finland-Swedish and English
KEYWORD_LISTS = ("keywords", "keywords_sv", "keywords_en")
WORDS_PATH = Path(__file__).parent / "data" / "competence_words.yaml"

# Lowest first; the highest completed level is kept.
# --------------------------------------------------------------------------- the profile


@dataclass(frozen=True)
class Competence:
    fields: tuple[str, ...] = ()  # catalogue field codes, in order of first mention
    occupation_groups: tuple[str, ...] = ()  # Ammattiluokitus 2010 2-digit codes
    skills: tuple[str, ...] = ()  # canonical Finnish names of cards, licences, skills
    education: str | None = None  # highest completed: one of EDUCATION_LEVELS
    years_experience: float | None = None  # total years of work experience mentioned
    likes: tuple[str, ...] = ()  # field codes the person enjoys or is good at

    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.occupation_groups
            or self.skills
            or self.education
            or self.years_experience
            or self.likes
        )

    def to_dict(self) -> dict:
        return {
            "fields": list(self.fields),
            "occupation_groups": list(self.occupation_groups),
            "skills": list(self.skills),
            "education": self.education,
            "years_experience": self.years_experience,
            "likes": list(self.likes),
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> Competence:
        """Tolerant of missing keys, wrong types and unknown codes (a stale or edited slot)."""
        if not isinstance(data, dict):
            return cls()
        groups = set(occupation_groups())
        education = data.get("education")
        years = data.get("years_experience")
        if isinstance(years, bool) or not isinstance(years, (int, float)) or not 0 < years <= 60:
            years = None
        return cls(
            fields=_clean_codes(data.get("fields"), FIELDS),
            occupation_groups=_clean_codes(data.get("occupation_groups"), groups),
            skills=_clean_codes(data.get("skills"), None),
            education=education if education in EDUCATION_LEVELS else None,
            years_experience=float(years) if years is not None else None,
            likes=_clean_codes(data.get("likes"), FIELDS),
        )


def _clean_codes(values: Any, allowed: Any) -> tuple[str, ...]:
    if not isinstance(values, (list, tuple)):
        return ()
    out: list[str] = []
    for value in values[:50]:
        if not isinstance(value, str) or not value.strip() or len(value) > 80 or value in out:
            continue
        if allowed is not None and value not in allowed:
            continue
        out.append(value)
    return tuple(out)


# --------------------------------------------------------------------------- occupation data


@lru_cache(maxsize=1)
def _occupation_data() -> dict:
    try:
        data = yaml.safe_load(OCCUPATIONS_PATH.read_text(encoding="utf-8")) or {}
    except Exception:  # missing or broken file: extraction still finds fields, cards, years
        return {"groups": [], "names": {}, "words": {}, "phrases": [], "fields": {}}
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    group_fields: dict[str, tuple[str, ...]] = {}
    for group in data.get("groups") or []:
        code = str(group.get("code", ""))
        if not code:
            continue
        names[code] = str(group.get("name", ""))
        for lang in ("sv", "en"):  # the classification's own Swedish and English names, where given
            if group.get(f"name_{lang}"):
                names[f"{lang}:{code}"] = str(group[f"name_{lang}"])
        group_fields[code] = tuple(f for f in group.get("fields") or [] if f in FIELDS)
        # Finnish base forms, and the Swedish and English titles as written (KEYWORD_LISTS)
        for keyword in (word for key in KEYWORD_LISTS for word in group.get(key) or []):
            key = fold(str(keyword))
            if " " in key:
                phrases.append((key, code))
            else:
                words.setdefault(key, code)
    for major in data.get("major_groups") or []:
        names.setdefault(str(major.get("code", "")), str(major.get("name", "")))
        for lang in ("sv", "en"):
            if major.get(f"name_{lang}"):
                names.setdefault(f"{lang}:{major.get('code', '')}", str(major[f"name_{lang}"]))
    return {"groups": list(group_fields), "names": names, "words": words, "phrases": phrases, "fields": group_fields}


def occupation_groups() -> list[str]:
    """All 2-digit Ammattiluokitus 2010 codes in occupations.yaml."""
    return list(_occupation_data()["groups"])


def occupation_group_fields(code: str) -> tuple[str, ...]:
    """'83' -> ('transport', 'logistics'): the group's catalogue fields, most typical first."""
    if not isinstance(code, str):
        return ()
    return tuple(_occupation_data()["fields"].get(code.strip(), ()))


# --------------------------------------------------------------------------- word tables


def _load_words(path: Path = WORDS_PATH) -> dict[str, Any]:
    """The word tables of data/competence_words.yaml (what each is: the file's header)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping of word tables")
    return data


_WORDS = _load_words()


def _words(name: str) -> tuple[str, ...]:
    """One table of words (or regex fragments), in the file's order."""
    values = _WORDS[name]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{WORDS_PATH.name}: {name} is not a list of strings")
    return tuple(values)


def _lists(name: str) -> dict[str, tuple[str, ...]]:
    """One table of names -> words (or regex fragments), in the file's order."""
    table = _WORDS[name]
    if not isinstance(table, dict):
        raise ValueError(f"{WORDS_PATH.name}: {name} is not a mapping")
    return {str(key): tuple(str(v) for v in values) for key, values in table.items()}


def _either(alternatives: tuple[str, ...]) -> str:
    """A regex matching any of the alternatives."""
    return "|".join(alternatives)


# Cards and licences that point to a line of work (catalogue field codes).
SKILL_FIELDS: dict[str, tuple[str, ...]] = _lists("skill_fields")


def work_fields(fields: Any = (), competence: Competence | None = None, *, typical_only: bool = False) -> list[str]:
    """Every line of work the person's answers point to, strongest first, each once.

    The fields the person gave, then the competence profile: fields of their work history,
    what they enjoy, fields of their cards and licences (a C licence -> transport), and the
    fields of their occupation groups (the most typical field of each group first;
    with `typical_only` only that one, for texts that name the fields).
    """
    out: list[str] = [str(f) for f in (fields or ()) if isinstance(f, str) and f]
    if competence is not None:
        out += list(competence.fields) + list(competence.likes)
        for skill in competence.skills:
            out += SKILL_FIELDS.get(skill, ())
        group_fields = [occupation_group_fields(code) for code in competence.occupation_groups]
        out += [found[0] for found in group_fields if found]
        if not typical_only:
            out += [code for found in group_fields for code in found[1:]]
    return list(dict.fromkeys(out))[:10]


def occupation_group_name(code: str, lang: str = "fi") -> str | None:
    """'83' -> 'Kuljetustyöntekijät' (1-digit major groups too) in `lang`; None for unknown codes
    and where the classification has no name in `lang`."""
    if not isinstance(code, str):
        return None
    key = code.strip() if lang == "fi" else f"{lang}:{code.strip()}"
    return _occupation_data()["names"].get(key) or None


# --------------------------------------------------------------------------- regexes and word sets

# Added to interview.FIELD_PATTERNS; matched on a word's folded surface, base forms and parts.
EXTRA_FIELD_PATTERNS: list[tuple[str, str]] = [
    (_either(parts), code) for code, parts in _lists("extra_field_patterns").items()
]
# Only in like clauses: "tykkään olla ulkona ja tehdä käsillä"; whole words.
LIKE_FIELD_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    ("^(" + _either(tuple(entry["words"])) + ")$", tuple(entry["fields"])) for entry in _WORDS["like_field_patterns"]
]

# (canonical name, pattern on the folded clause text)
SKILL_PATTERNS: list[tuple[str, str]] = [(name, _either(parts)) for name, parts in _lists("skill_patterns").items()]
_SKILL_RES = [(name, re.compile(pattern)) for name, pattern in SKILL_PATTERNS]
_SKILL_WORD_RE = re.compile("(" + _either(_words("skill_word_endings")) + ")$")
_EDUCATION_WORD_RE = re.compile(_either(_words("education_words")))

_FIELD_RES = [(re.compile(p), code) for p, code in FIELD_PATTERNS] + [
    (re.compile(p), code) for p, code in EXTRA_FIELD_PATTERNS
]
_LIKE_FIELD_RES = [(re.compile(p), codes) for p, codes in LIKE_FIELD_PATTERNS]
_CARE_ONLY_BY_HOIT = re.compile(_either(_words("care_only_by_hoit")))
_NOT_CARE_RE = re.compile(_either(_words("not_care_words")))

# Education: (pattern on a folded word, level); the first matching level wins for a word.
EDUCATION_WORD_PATTERNS: list[tuple[str, str]] = [
    ("^(" + _either(starts) + ")", level) for level, starts in _lists("education_word_patterns").items()
]
_EDUCATION_WORD_RES = [(re.compile(p), level) for p, level in EDUCATION_WORD_PATTERNS]
# Titles that come with a higher-education degree ("valmistuin sairaanhoitajaksi").
HIGHER_TITLES = {fold(w) for w in _words("higher_titles")}
_STUDY_VERBS = _words("study_verbs")
_QUALIFICATION_NOUNS = _words("qualification_nouns")

# Clause structure (all folded).
NEGATION_WORDS = frozenset(_words("negation_words"))
REMOVE_WORDS = frozenset(_words("remove_words"))
_REMOVE_EDUCATION_CUES = _words("remove_education_cues")
_REMOVE_YEARS_CUES = _words("remove_years_cues")
_CLAUSE_CONJUNCTIONS = frozenset(_words("clause_conjunctions"))
_NEGATING_CONJUNCTIONS = frozenset(_words("negating_conjunctions"))
_LIKE_PREFIXES = _words("like_prefixes")
_WANT_PREFIXES = _words("want_prefixes")
_GOOD_AT_VERBS = _words("good_at_verbs")
_LIKE_CARRY_LEADS = _words("like_carry_leads")
_FACT_VERBS = frozenset(_words("fact_verbs"))
_DURATION_UNITS = frozenset(_words("duration_units"))
# Durations in these clauses are not work experience.
_NOT_WORK_DURATION = _words("not_work_duration")
_WORK_WORDS_LIKE_NOT_WORK = _words("work_words_like_not_work")
_TOKEN_RE = re.compile(r"[0-9a-zåäöéü]+(?:[-'][0-9a-zåäöéü]+)*|[.,;:!?()\n/]", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^<>]{0,300}>")
_STRONG_BOUNDARIES = frozenset(".;!?\n")
_INCOMPLETE_PREFIXES = _words("incomplete_prefixes")
_INCOMPLETE_IF_NEGATED = _words("incomplete_if_negated")
_NUMBERISH = frozenset(_words("numberish"))
_GENERIC_HEADS = _words("generic_heads")


@dataclass
class _Clause:
    words: list[str] = field(default_factory=list)  # folded surface words
    raw: list[str] = field(default_factory=list)  # lower-case surface words (ä/ö kept, for Voikko)
    negated: bool = False
    like: bool = False
    want: bool = False
    removal: bool = False
    lead: str | None = None  # the conjunction or punctuation that opened the clause
    sentence: int = 0

    @property
    def text(self) -> str:
        return " ".join(self.words)


# --------------------------------------------------------------------------- clauses


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    text = text[:MAX_CHARS]
    return _TAG_RE.sub(" ", text).replace("&nbsp;", " ")


def _clauses(text: str) -> list[_Clause]:
    clauses: list[_Clause] = [_Clause()]
    sentence = 0
    tokens = _TOKEN_RE.findall(text)
    for i, token in enumerate(tokens):
        low = token.casefold()
        folded = fold(low)
        current = clauses[-1]
        if len(token) == 1 and not token.isalnum():
            if token in _STRONG_BOUNDARIES:
                sentence += 1
            clauses.append(_Clause(lead=token, sentence=sentence))
            continue
        if folded in _NEGATING_CONJUNCTIONS:
            clauses.append(_Clause(lead=folded, sentence=sentence, negated=True))
            continue
        if folded in _CLAUSE_CONJUNCTIONS:
            prev = current.words[-1] if current.words else None
            nxt = fold(tokens[i + 1].casefold()) if i + 1 < len(tokens) else ""
            # "vuoden ja kolme kuukautta" is one duration
            if not (folded == "ja" and prev in _DURATION_UNITS and (nxt.isdigit() or nxt in _NUMBERISH)):
                clauses.append(_Clause(lead=folded, sentence=sentence))
                continue
        current.words.append(folded)
        current.raw.append(low)
    clauses = [c for c in clauses if c.words]
    _mark(clauses)
    return clauses


def _mark(clauses: list[_Clause]) -> None:
    previous: _Clause | None = None
    for clause in clauses:
        words = clause.words
        if any(w in NEGATION_WORDS for w in words):
            clause.negated = True
        if any(w in REMOVE_WORDS for w in words):
            clause.removal = True
        if (
            any(w.startswith(_LIKE_PREFIXES) for w in words)
            or ("hyva" in words and any(w in _GOOD_AT_VERBS for w in words))
            or "hyva kasistani" in clause.text
        ):
            clause.like = True
        if any(w.startswith(_WANT_PREFIXES) for w in words):
            clause.like = clause.want = True
        # "tykkään olla ulkona ja tehdä käsillä": the cue carries over "ja" / "," to a verbless clause.
        if (
            previous is not None
            and previous.like
            and not clause.like
            and previous.sentence == clause.sentence
            and clause.lead in _LIKE_CARRY_LEADS
            and not any(w in _FACT_VERBS for w in words)
        ):
            clause.like, clause.want = True, previous.want
            clause.negated = clause.negated or previous.negated
        previous = clause


# --------------------------------------------------------------------------- per-word reading


@lru_cache(maxsize=20_000)
def _candidates(raw_word: str) -> tuple[str, ...]:
    """Folded surface form, base forms and compound parts of one word."""
    forms, parts = analyse(raw_word)
    if raw_word in forms:  # a base form itself: ignore rarer readings ("kokeilla" is not "kokki")
        forms = (raw_word,)
    out: list[str] = []
    for item in (raw_word, *forms, *parts):
        folded = fold(item)
        if folded and folded not in out:
            out.append(folded)
    return tuple(out)


@lru_cache(maxsize=20_000)
def _word_fields(raw_word: str) -> tuple[str, ...]:
    candidates = _candidates(raw_word)
    surface = candidates[0]
    if _SKILL_WORD_RE.search(surface) or any(_SKILL_WORD_RE.search(c) for c in candidates[1:2]):
        return ()
    if any(_word_education(c) for c in candidates):
        return ()  # "ammattikoulu", "kauppakorkeakoulu": a school, not a field
    found: list[str] = []
    for candidate in candidates:
        for regex, code in _FIELD_RES:
            if code not in found and regex.search(candidate):
                found.append(code)
    if "care" in found:
        if _NOT_CARE_RE.search(surface):
            found.remove("care")
        elif len(found) > 1 and not _CARE_ONLY_BY_HOIT.search(surface):
            found.remove("care")  # "kiinteistönhoitaja", "varastonhoitaja", "kassanhoitaja"
    if "transport" in found and re.search(r"trukki|trukin", surface):
        found.remove("transport")  # a forklift driver works in logistics
    if "kitchen" in found and re.search(r"kauppa|kaupa", surface):
        found.remove("kitchen")  # "ruokakaupassa"
    if "retail" in found and "kauppakesk" in surface:
        found.remove("retail")  # a shopping centre is a place, not the trade
    return tuple(found)


@lru_cache(maxsize=20_000)
def _word_likes(raw_word: str) -> tuple[str, ...]:
    found: list[str] = []
    for candidate in _candidates(raw_word):
        for regex, codes in _LIKE_FIELD_RES:
            if regex.search(candidate):
                found.extend(c for c in codes if c not in found)
    return tuple(found)


@lru_cache(maxsize=20_000)
def _word_group(raw_word: str) -> str | None:
    """Ammattiluokitus group of one word: exact keyword, else the longest keyword it starts or ends with."""
    data = _occupation_data()
    keywords: dict[str, str] = data["words"]
    # surface and base forms only: a compound's first part is a modifier ("kauppakeskus" is no shop
    # job); its head is found by the ends-with match below
    forms = analyse(raw_word)[0]
    candidates = tuple(dict.fromkeys(fold(f) for f in ((raw_word,) if raw_word in forms else (raw_word, *forms))))
    if not keywords or _SKILL_WORD_RE.search(candidates[0]):
        return None
    exact = [keywords[c] for c in candidates if c in keywords]
    if _EDUCATION_WORD_RE.search(candidates[0]) and not exact:
        return None  # "lähihoitajakoulu" is a school; "koulunkäyntiavustaja" is an occupation
    best: tuple[int, str] | None = None
    for index, candidate in enumerate(candidates):
        if candidate in keywords:
            score = 1000 + len(candidate)
            if best is None or score > best[0]:
                best = (score, keywords[candidate])
            continue
        if len(candidate) < 5:
            continue
        for keyword, code in keywords.items():
            if len(keyword) < 5 or len(keyword) >= len(candidate):
                continue
            # a prefix plus an inflection or a short compound head ("varastolla", "varastotyö"),
            # or a compound ending in the keyword ("trukkikuski")
            starts = candidate.startswith(keyword) and (
                len(candidate) - len(keyword) <= 4 or candidate[len(keyword) :].startswith(_GENERIC_HEADS)
            )
            if starts or (index < 2 and candidate.endswith(keyword)):
                if best is None or len(keyword) > best[0]:
                    best = (len(keyword), code)
    return best[1] if best else None


def _word_education(word: str) -> str | None:
    for regex, level in _EDUCATION_WORD_RES:
        if regex.search(word):
            return level
    return None


def _clause_education(clause: _Clause) -> str | None:
    """Highest education level a clause mentions (completed or not)."""
    levels: list[str] = []
    keywords = _occupation_data()["words"]
    has_study_verb = any(w.startswith(_STUDY_VERBS) for w in clause.words)
    has_qualification = any(w in _QUALIFICATION_NOUNS for w in clause.words)
    for word, raw in zip(clause.words, clause.raw):
        candidates = _candidates(raw)
        level = next((lv for c in candidates if (lv := _word_education(c))), None)
        if level:
            levels.append(level)
            continue
        # "lähihoitajakoulu", "kokkikoulun": an occupation school is vocational
        cut = word.find("koulu")
        if cut > 2:
            prefix = word[:cut]
            if prefix in keywords or any(prefix.endswith(k) for k in keywords if len(k) >= 5):
                levels.append("higher" if prefix in HIGHER_TITLES else "vocational")
                continue
        # "valmistuin lähihoitajaksi", "minulla on kokin koulutus"
        if (has_study_verb and word.endswith("ksi")) or (has_qualification and word.endswith("n")):
            title = next((c for c in candidates[1:] if c in keywords), None)
            if title:
                levels.append("higher" if title in HIGHER_TITLES else "vocational")
    if not levels:
        return None
    return max(levels, key=EDUCATION_LEVELS.index)


def _is_incomplete(clause: _Clause) -> bool:
    if any(w.startswith(_INCOMPLETE_PREFIXES) for w in clause.words):
        return True
    return clause.negated and any(w.startswith(_INCOMPLETE_IF_NEGATED) for w in clause.words)


# --------------------------------------------------------------------------- reading a text


@dataclass
class _Reading:
    fields: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    likes: list[str] = field(default_factory=list)
    education: str | None = None
    months: float = 0.0
    # mentioned in negated clauses (for apply_correction)
    neg_fields: list[str] = field(default_factory=list)
    neg_groups: list[str] = field(default_factory=list)
    neg_skills: list[str] = field(default_factory=list)
    neg_likes: list[str] = field(default_factory=list)
    neg_education: list[str] = field(default_factory=list)
    remove_education: bool = False
    remove_years: bool = False


def _add(target: list[str], values: Any) -> None:
    for value in values:
        if value and value not in target:
            target.append(value)


def _read(text: Any) -> _Reading:
    reading = _Reading()
    try:
        clauses = _clauses(_clean(text))
    except Exception:  # defensive: never let odd input break the form
        return reading
    group_fields = _occupation_data()["fields"]
    phrases = _occupation_data()["phrases"]
    for index, clause in enumerate(clauses):
        fields: list[str] = []
        likes: list[str] = []
        groups: list[str] = []
        for raw in clause.raw:
            word_fields = _word_fields(raw)
            _add(fields, word_fields)
            if clause.like:
                _add(likes, word_fields)
                _add(likes, _word_likes(raw))
            else:
                group = _word_group(raw)
                if group:
                    groups.append(group)
                    # a group with exactly one field stands for that field ("olin ahtaajana")
                    if not word_fields and len(group_fields.get(group, ())) == 1:
                        _add(fields, group_fields[group])
        if not clause.like:
            lemma_text = " ".join(fold(analyse(raw)[0][0]) for raw in clause.raw)
            _add(groups, [code for phrase, code in phrases if phrase in lemma_text])
        clause_text = clause.text
        skills = [name for name, regex in _SKILL_RES if regex.search(clause_text)]
        education = None if clause.want else _clause_education(clause)

        if clause.negated:
            _add(reading.neg_likes if clause.like else reading.neg_fields, likes if clause.like else fields)
            if clause.removal:
                _add(reading.neg_fields, fields)
                _add(reading.neg_likes, fields + likes)
                if any(w.startswith(_REMOVE_EDUCATION_CUES) for w in clause.words) and not education:
                    reading.remove_education = True
                if any(w.startswith(_REMOVE_YEARS_CUES) for w in clause.words):
                    reading.remove_years = True
            _add(reading.neg_groups, groups)
            _add(reading.neg_skills, skills)
            if education:
                reading.neg_education.append(education)
            continue

        if clause.like:
            _add(reading.likes, likes)
        else:
            _add(reading.fields, fields)
            _add(reading.groups, groups)
        if not clause.want:
            _add(reading.skills, skills)
        if education and not _education_incomplete(clauses, index):
            if reading.education is None or EDUCATION_LEVELS.index(education) > EDUCATION_LEVELS.index(
                reading.education
            ):
                reading.education = education
        if not clause.like:
            reading.months += _clause_months(clause)
    return reading


def _education_incomplete(clauses: list[_Clause], index: int) -> bool:
    clause = clauses[index]
    if _is_incomplete(clause):
        return True
    if index + 1 < len(clauses):
        following = clauses[index + 1]
        if following.sentence == clause.sentence and _is_incomplete(following) and not _clause_education(following):
            return True
    return False


def _clause_months(clause: _Clause) -> float:
    if any(w.startswith(_NOT_WORK_DURATION) and not w.startswith(_WORK_WORDS_LIKE_NOT_WORK) for w in clause.words):
        return 0.0
    months = parse_duration_months(" ".join(clause.raw))
    return months if months and months > 0 else 0.0


def _years(months: float) -> float | None:
    if months <= 0:
        return None
    return round(min(months, 600.0) / 12.0, 1) or None


def _competence(reading: _Reading) -> Competence:
    return Competence(
        fields=tuple(reading.fields),
        occupation_groups=tuple(reading.groups),
        skills=tuple(reading.skills),
        education=reading.education,
        years_experience=_years(reading.months),
        likes=tuple(reading.likes),
    )


# --------------------------------------------------------------------------- public API


def extract(text: str) -> Competence:
    """The competence profile one free-text answer describes; empty for nothing usable."""
    return _competence(_read(text))


def _higher(first: str | None, second: str | None) -> str | None:
    levels = [e for e in (first, second) if e in EDUCATION_LEVELS]
    return max(levels, key=EDUCATION_LEVELS.index) if levels else None


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    out = list(first)
    _add(out, second)
    return tuple(out)


def merge(first: Competence, second: Competence) -> Competence:
    """Union of two profiles (first's order first); the higher education and the larger years win."""
    years = [y for y in (first.years_experience, second.years_experience) if y]
    return Competence(
        fields=_union(first.fields, second.fields),
        occupation_groups=_union(first.occupation_groups, second.occupation_groups),
        skills=_union(first.skills, second.skills),
        education=_higher(first.education, second.education),
        years_experience=max(years) if years else None,
        likes=_union(first.likes, second.likes),
    )


def apply_correction(current: Competence, text: str) -> Competence:
    """The profile after the user's correction.

    Negated or "poista" mentions are removed ("en ole ollut varastolla", "ei varastoa",
    "poista siivous"); other mentions are added. An education the correction states
    replaces the old one ("vaihda koulutus: ammattikoulu", "olen käynyt ammattikoulun"),
    and so do stated years of experience.
    """
    if not isinstance(current, Competence):
        current = Competence()
    reading = _read(text)
    fields = tuple(f for f in current.fields if f not in reading.neg_fields)
    likes = tuple(f for f in current.likes if f not in reading.neg_likes)
    groups = tuple(g for g in current.occupation_groups if g not in reading.neg_groups)
    skills = tuple(s for s in current.skills if s not in reading.neg_skills)
    education = current.education
    if reading.remove_education or education in reading.neg_education:
        education = None
    years = None if reading.remove_years else current.years_experience
    kept = Competence(fields, groups, skills, education, years, likes)
    added = _competence(reading)
    result = merge(kept, replace(added, education=None, years_experience=None))
    if added.education:
        result = replace(result, education=added.education)
    if added.years_experience:
        result = replace(result, years_experience=added.years_experience)
    return result


def _format_years(years: float) -> str:
    if years < 0.75:
        return text("competence.years.under_half" if years < 0.4 else "competence.years.half")
    rounded = round(years * 2) / 2
    if rounded == 1:
        return text("competence.years.one")
    return text("competence.years.many", n=number(rounded))


def skill_name(skill: str) -> str:
    """A card, licence or skill by its name in the current language ('trukkikortti' -> 'truckkort')."""
    return text_or(f"competence.skill_names.{skill}", skill)


def describe(competence: Competence) -> str:
    """A plain read-back in the current language, one short line per kind of fact; only lines with
    content. Occupation groups are named where the classification has a name in the language."""
    if not isinstance(competence, Competence) or competence.is_empty():
        return text("competence.empty")
    separator = text("competence.list_separator")
    lines: list[str] = []
    if competence.fields:
        lines.append(text("competence.fields", items=separator.join(label("field", f) for f in competence.fields)))
    lang = current_language()
    groups = [
        f"{name} ({code})" for code in competence.occupation_groups if (name := occupation_group_name(code, lang))
    ]
    if groups:
        lines.append(text("competence.occupation_groups", items=separator.join(groups)))
    if competence.skills:
        lines.append(text("competence.skills", items=separator.join(skill_name(s) for s in competence.skills)))
    if competence.education in EDUCATION_LEVELS:
        lines.append(text("competence.education", level=label("education", competence.education)))
    if competence.years_experience:
        lines.append(text("competence.experience", years=_format_years(competence.years_experience)))
    if competence.likes:
        lines.append(text("competence.likes", items=separator.join(label("field", f) for f in competence.likes)))
    return "\n".join(lines) if lines else text("competence.empty")
