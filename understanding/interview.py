"""Reads interview answers written in free Finnish into profile values.

The bot's form validators call these; everything returns None when the text
does not say the thing clearly, so the bot asks instead of guessing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from understanding.finnish import fold
from understanding.textparse import (
    parse_age,
    parse_duration_months,
    parse_hours_per_week,
    parse_wage_eur,
)
from vocabulary import label

SKIPPED = "skipped"

SKIP_PATTERNS = [
    r"\bohita\b",
    r"\bohitan\b",
    r"\bskip",
    r"\ben halua vastata\b",
    r"\ben haluu vastata\b",
    r"\ben halua kertoa\b",
    r"\ben haluu kertoa\b",
    r"\ben tieda\b",
    r"\ben tiia\b",
    r"\ben tii\b",
    r"\ben osaa sanoa\b",
    r"\ben osaa sanoo\b",
    r"\bei kuulu\b",
    r"\bseuraava\b",
    r"\bjatketaan\b",
    r"\ben kerro\b",
    r"\bmieluummin en\b",
    r"^en$",
    r"^-$",
    r"\bdont_know\b",
    r"/dont_know",
]
_SKIP_RE = re.compile("|".join(SKIP_PATTERNS))

# (pattern on folded text, value): the first matching pattern wins.
SITUATION_PATTERNS: list[tuple[str, str]] = [
    (r"\be[in] (ole|oo) (toissa|tyossa|toita|tyosuhteessa)", "unemployed"),
    (r"lomaut", "laid_off"),
    (r"sairauslom|sairaslom|saikulla|sairaana", "sick_leave"),
    (r"valmistun|valmistumassa|valmistuin juuri|viimeista vuotta", "graduating"),
    (
        r"tyoton|tyottoma|ilman toita|ilman tyota|ei ole toita|ei oo toita|ei toita|irtisano|potku|tyot loppu|tyo loppu|tyosuhde loppu|maaraaikai\w*( \w+)? loppu|jain tyotto",
        "unemployed",
    ),
    # "töitä ei oo löytyny", "en oo löytäny duunia", "oon ollu kortistossa"
    (
        r"(toita|tyota|tyopaikkaa|duunia|hommia)\w* ei (ole|oo) loyty|e[in] (ole|oo) loyt\w* (toita|tyota|tyopaikkaa|duunia|hommia)|kortisto|duunit loppu|pesti loppu|patka loppu",
        "unemployed",
    ),
    (r"opiskelen|opiskelija|opiskelemassa|koulussa|opinnot kesken", "student"),
    (r"olen toissa|oon toissa|olen tyossa|oon tyossa|tyosuhteessa|toissa\b|vakituinen|osa-aika", "employed"),
    (r"jokin muu|muu tilanne|kotona lasten|kotiaiti|kotiisa|elakkeella", "other"),
]
WORK_ABILITY_PATTERNS: list[tuple[str, str]] = [
    (
        r"^ei\b|ei rajoita|ei mitaan|\bterve(\b|ena)|taysin kunnossa|hyvassa kunnossa|ei ongelm|ei oo ongelm|^en$",
        "full",
    ),
    (
        r"rajoittaa|osatyokyky|selka|polvi|niska|olkapaa|masennus|uupu|burnout|mielenterve|sairaus|sairas|vamma|kipu|kivu|krooni|ahdistu|diabet|astma|reuma|kuntoutu|jaksa|alentun|"
        r"liikuntaelim|mieliala|keskittyminen",
        "partial",
    ),
    (r"en osaa sanoa|en tieda|vaikea sanoa|ehka", "unknown"),
]
FINNISH_PATTERNS: list[tuple[str, str]] = [
    (r"\be[in] \w+( suomea)? (kovin|kauhean|niin) hyvin|\bei kovin hyva", "basic"),
    (r"aidinkiel|natiivi|sujuva|sujuvasti|erinomai|suomalainen", "native"),
    (r"\bhyva\b|hyvin|ihan ok|pärjään|parjaan", "good"),
    (r"perus|vahan|jonkin verran|a1|a2|b1|alkeet|huono", "basic"),
    (r"en osaa|opettelen|en puhu|ei yhtaan|en viela", "none"),
]
GOAL_PATTERNS: list[tuple[str, str]] = [
    (r"yrittaja|yritys|oma firma|oman firman|toiminimi|starttiraha", "business"),
    (r"opisk|koulutu|kouluun|tutkinto|kurssi|uudelleenkoulut|amis|ammattikoulu", "education"),
    (r"kokeil|uusi ala|uudelle alalle|alanvaihto|vaihtaa alaa", "try_field"),
    (r"jaksa|kuntoutu|terveys kuntoon|lepo|arki kuntoon|voimia", "rehabilitation"),
    (r"toihin|tyopaikka|toita|duuni|duunii|tyota|palkkatyo|vakituinen", "job"),
]
EMPLOYER_TYPE_PATTERNS: list[tuple[str, str]] = [
    (r"seurakun|uskonnollinen yhdyskunta", "other"),
    (r"yhdistys|\bry\b|jarjesto", "association"),
    (r"saatio", "foundation"),
    (r"\bkunta|\bkunnan\b|kaupunki|\bkaupungin\b|hyvinvointialue", "municipality"),
    (r"yritys|firma|\boy\b|osakeyhtio|toiminimi|\btmi\b|yrittaja|kauppa|ravintola|liike", "company"),
    (r"^muu\b|\bjokin muu\b", "other"),
]
HIRE_GROUP_PATTERNS: list[tuple[str, str]] = [
    (r"oppisopim|oppisopparil|apprentice", "apprentice"),
    (r"osatyokyk|vamma|sairaus|alentun|tyokyky", "partial_work_ability"),
    (r"\b(5[5-9]|6[0-9])\s*-?\s*v|yli 5[5-9]\b|\b55\s*\+|^\s*55\s*$|ikaantyn|senior|konkari", "over_55"),
    (r"alle 30|nuori|nuoren|nuorta|nuoria|\b(1[5-9]|2[0-9])\s*-?\s*v", "under_30"),
    (r"pitkaaikaistyot|pitkaan tyottoma|pitkaan tyoton|pitka tyottomyys", "long_unemployed"),
    (r"ei mikaan|ei kumpikaan|tavallinen|ei erityis", "none"),
]
FIELD_PATTERNS: list[tuple[str, str]] = [
    (r"siivo|puhtaanapi|laitoshuol", "cleaning"),
    (r"kiinteisto|talonmie|huoltomie|piha", "property_care"),
    (r"kierrat", "recycling"),
    (r"keittio|kokki|ravintol|ruoka|kahvila|tarjoilu", "kitchen"),
    (r"media|grafi|some|valokuv|video", "media"),
    (r"puutyo|puusepa|puusepp|kirves", "woodwork"),
    (r"varasto|logisti|trukki|lahett", "logistics"),
    (r"kauppa|myyj|kassa|myymala", "retail"),
    (r"hoiva|hoitaja|lahihoi|vanhus|hoito", "care"),
    (r"rakennu|rakentam|remont|raksa", "construction"),
    (r"toimisto|sihteeri|kirjanpi", "office"),
    (r"\bit\b|ohjelmoi|koodaa|tietotekni|atk", "it"),
    (r"metalli|hitsa|koneistaj", "metal"),
    (r"ompel|tekstiil", "textile"),
    (r"puutarh|viherala", "gardening"),
    (r"kuljet|(?<!trukki)kuski|autonkulj|rekka|bussi", "transport"),
    (r"asiakaspalvel|asiakkai", "customer_service"),
]


def _first_match(text: str, patterns: list[tuple[str, str]]) -> str | None:
    folded = fold(text)
    for pattern, value in patterns:
        if re.search(pattern, folded):
            return value
    return None


def is_skip(text: str | None) -> bool:
    """'ohita', 'en halua vastata', 'en tiedä', 'skip' ..."""
    if not text:
        return False
    return bool(_SKIP_RE.search(fold(text).strip()))


def payload_entities(text: str | None) -> dict[str, Any]:
    """Entities of a button payload like '/inform{"situation": "unemployed"}'."""
    if not text or not text.startswith("/"):
        return {}
    brace = text.find("{")
    if brace < 0:
        return {}
    try:
        data = json.loads(text[brace:])
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


NEGATED_UNEMPLOYMENT_RE = re.compile(r"\be[in] (ole|oo|oo enaa|ole enaa) (tyoton|tyottomana|ilman toita)")


def situation(text: str) -> str | None:
    # "en ole työtön, opiskelen" is about studying, not unemployment.
    return _first_match(NEGATED_UNEMPLOYMENT_RE.sub(" ", fold(text)), SITUATION_PATTERNS)


def work_ability(text: str) -> str | None:
    return _first_match(text, WORK_ABILITY_PATTERNS)


def finnish_level(text: str) -> str | None:
    return _first_match(text, FINNISH_PATTERNS)


def goals(text: str) -> list[str]:
    folded = fold(text)
    return [value for pattern, value in GOAL_PATTERNS if re.search(pattern, folded)]


def employer_type(text: str) -> str | None:
    return _first_match(text, EMPLOYER_TYPE_PATTERNS)


def hire_group(text: str) -> str | None:
    return _first_match(text, HIRE_GROUP_PATTERNS)


def fields(text: str) -> list[str]:
    folded = fold(text)
    return [value for pattern, value in FIELD_PATTERNS if re.search(pattern, folded)]


def age(text: str) -> int | None:
    return parse_age(text)


def unemployed_months(text: str) -> float | None:
    return parse_duration_months(text)


# "kuudeksi kuukaudeksi", "kahdeksi vuodeksi": number words in the translative case
_TRANSLATIVE_NUMBERS = {
    "yhdeksi": 1,
    "kahdeksi": 2,
    "kolmeksi": 3,
    "neljaksi": 4,
    "viideksi": 5,
    "kuudeksi": 6,
    "seitsemaksi": 7,
    "kahdeksaksi": 8,
    "yhdeksaksi": 9,
    "kymmeneksi": 10,
    "puoleksi": 0.5,
    "puoleks": 0.5,
}
_JOB_LENGTH_TRANSLATIVE = re.compile(
    r"(?:(\d+(?:[.,]5)?|[a-z]+)\s+)?(kuukaudeksi|kuukaudeks|kk:ksi|vuodeksi|vuodeks)\b"
)
_JOB_LENGTH_ATTRIBUTE = re.compile(
    r"(\d+(?:[.,]5)?)\s*(?:kk|kuukauden|kk:n|vuoden|v:n)\s+(?:maaraaikai|tyosuh|tyosopimu|pesti|sopimu|keikka)"
    r"|(?:tyosuhde|tyosopimus|pesti|sopimus)\s+(?:on|olis|olisi|kestaa|kestais|kestaisi)?\s*(\d+(?:[.,]5)?)\s*"
    r"(?:kk|kuukau|vuo)"
)


def job_months(text: str) -> int | None:
    """How long the job lasts, in whole months: "12 kuukaudeksi", "puoleksi vuodeksi", "6 kk:n
    työsuhde", "kahdeksi vuodeksi". None when not said, or for a permanent job ("toistaiseksi"):
    then each support's own longest duration applies. Not "8 kuukautta työttömänä"."""
    folded = fold(text[:300])
    if re.search(r"toistaiseksi|vakituis", folded):
        return None
    months: float | None = None
    found = _JOB_LENGTH_TRANSLATIVE.search(folded)
    if found:
        number, unit = found.group(1), found.group(2)
        if number is None or not (number[0].isdigit() or number in _TRANSLATIVE_NUMBERS):
            count = 1.0
        elif number[0].isdigit():
            count = float(number.replace(",", "."))
        else:
            count = float(_TRANSLATIVE_NUMBERS[number])
        months = count * (12 if unit.startswith("vuode") else 1)
    else:
        found = _JOB_LENGTH_ATTRIBUTE.search(folded)
        if found:
            count = float((found.group(1) or found.group(2)).replace(",", "."))
            in_years = re.search(r"\d\s*(vuo|v:n)", found.group(0)) is not None
            months = count * (12 if in_years else 1)
    if months is None or not months.is_integer() or not 1 <= months <= 60:
        return None
    return int(months)


def job_terms(text: str) -> tuple[float | None, float | None]:
    """(monthly wage in euros, hours per week) from e.g. '2400 €/kk, 30 h viikossa'."""
    return parse_wage_eur(text), parse_hours_per_week(text)


# -- health: kept only as a category, never as the words the person wrote ------------------
HEALTH_PATTERNS: list[tuple[str, str]] = [
    (
        r"selka|\bselan\b|niska|hartia|olkapa|polvi|polve|lonkka|nivel|reuma|tules|tuki- ja liikunta|jalka|jalat|ranne|kasivarsi|"
        r"iskias|valilevy|nostaa|seisominen|istuminen|liikuntaelim",
        "musculoskeletal",
    ),
    (
        r"masennu|masentu|ahdist|mielenterv|mieliala|uupu|burn ?out|loppuun ?palami|jaksami|paniikki|"
        r"kaksisuuntai|psyk|stressi|unettom|mieliala",
        "mental_health",
    ),
    (
        r"adhd|add\b|autism|asperger|lukihair|oppimisvaik|keskittymisvaik|neurokirj|kehitysvamm|"
        r"oppiminen tai keskittyminen",
        "learning_neuro",
    ),
    (
        r"nakovam|sokea|heikkonako|kuulovam|kuuro|huonokuuloi|pyoratuol|liikuntavamm|cp-|cp vamma|amputo|vammai|"
        r"aistivamm",
        "disability",
    ),
    (
        r"diabet|diabee|sokeritau|sydan|astma|epilep|syopa|migreen|\bms\b|ms-tau|uniapnea|suolistosairau|crohn|"
        r"keuhko|pitkaaikaissairau|krooni|sairaus|sairauden|sairas",
        "chronic_illness",
    ),
]


# Words that are situations or everyday verbs, not health details: never redacted
# Words that are situations, occupations, everyday verbs or illness in general, not health
# details: never redacted ("sairastuin", "sairauslomalla", "sairaanhoitaja", "jalkapallo")
NOT_HEALTH_DETAILS = re.compile(
    r"^(osa)?sairau|^sairas|^sairaana|^sairaanhoit|^sairaala|psykolog|nostaa|nostam|seisomi|istumi|jaksa|"
    r"^jalkapallo|^jalkau"
)
# a word, or a category label already put in its place (left as it is)
HEALTH_WORD = re.compile(r"\((?:[^()]{1,40})\)|[\w-]+", re.UNICODE)


def health_detail_category(word: str) -> str | None:
    """The health category a single word reveals (a diagnosis, a body part, a disability), else None."""
    folded = fold(word)
    if NOT_HEALTH_DETAILS.search(folded):
        return None
    for pattern, category in HEALTH_PATTERNS:
        if re.search(pattern, folded):
            return category
    return None


def redact_health_details(text: str) -> str:
    """The text with every health detail replaced by its category, e.g. "selkä on huono" →
    "(tuki- ja liikuntaelimet) on huono". What people write about their health is never stored
    as their own words; the category is enough to pick services."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0).startswith("("):
            return match.group(0)
        category = health_detail_category(match.group(0))
        return f"({label('health_category', category)})" if category else match.group(0)

    redacted = HEALTH_WORD.sub(replace, text)
    # "selkä ja niska" → one label, not two
    return re.sub(r"(\([^()]+\))(?:\s*(?:,|ja|sekä|ja myös)?\s*\1)+", r"\1", redacted)


def health_category(text: str | None) -> str:
    """The category of a free-text health answer; the text itself is never kept anywhere."""
    if not text or is_skip(text):
        return "undisclosed"
    folded = fold(text[:1000])
    if re.search(r"\ben (halua|haluu|kerro)|\bei kuulu|yksityi", folded):
        return "undisclosed"
    return _first_match(folded, HEALTH_PATTERNS) or "other"


# -- Kompassi-style self-rating, 1–5 -----------------------------------------------------
RATING_WORDS = {
    "yksi": 1,
    "ykkonen": 1,
    "ykkosen": 1,
    "kaksi": 2,
    "kakkonen": 2,
    "kakkosen": 2,
    "kolme": 3,
    "kolmonen": 3,
    "kolmosen": 3,
    "nelja": 4,
    "nelonen": 4,
    "nelosen": 4,
    "viisi": 5,
    "vitonen": 5,
    "viitonen": 5,
    "viitosen": 5,
    "vitosen": 5,
}
# In the order they are tried: strong words first, then negations before the plain "hyvä".
RATING_PHRASES: list[tuple[str, int]] = [
    (r"todella huono|tosi huono|erittain huono|surkea|kamala|katastrof", 1),
    (r"erinomai|tosi hyva|todella hyva|loistava|mahtava|tosi hyvin|erittain hyva", 5),
    (r"huono|heikko|ei hyva|ei kovin hyva|ei oikein|ei hyvin", 2),
    (r"keskinkertai|ihan ok|siina ja siina|niin ja nain|kohtalai|\bok\b", 3),
    (r"hyva|ihan hyvin|hyvin", 4),
]


def rating(text: str | None) -> int | None:
    """A self-rating 1–5 from '3', 'kolme', 'viitonen', 'aika huono, ehkä 2' or 'tosi hyvä'."""
    if not text:
        return None
    folded = fold(text[:200])
    digits = re.findall(r"(?<![\d/,.])([1-5])(?![\d/,.])", folded)
    if len(set(digits)) == 1:
        return int(digits[0])
    for word in re.findall(r"[a-z]+", folded):
        if word in RATING_WORDS:
            return RATING_WORDS[word]
    for pattern, value in RATING_PHRASES:
        if re.search(pattern, folded):
            return value
    return None


# -- the same service seen by an employer --------------------------------------------------
# "miten voimme tarjota työkokeilupaikan?" is about the employer's side of a work trial.
EMPLOYER_VIEWS = {"tyokokeilu": "tyokokeilupaikan-tarjoaminen"}
_EMPLOYER_WORDS_RE = re.compile(
    r"\b(tarjo\w*|meille|meidan|yrityk\w*|yritykse\w*|firma\w*|yhdistyk\w*|yhdistykse\w*|tyonantaj\w*|"
    r"tyopaikallemme|ottaa|ottaisimme|otettaisiin|tyokokeilij\w*)\b"
)


def employer_view(service_id: str, text: str | None) -> str:
    """The employer-facing service for a question that sounds like an employer's, else the service itself."""
    view = EMPLOYER_VIEWS.get(service_id)
    if view and text and _EMPLOYER_WORDS_RE.search(fold(text[:300])):
        return view
    return service_id
