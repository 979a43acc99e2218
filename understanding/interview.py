"""Reads interview answers written in free Finnish, Swedish or English into profile values.

The bot's form validators call these; everything returns None when the text
does not say the thing clearly, so the bot asks instead of guessing.

Patterns are matched on folded text (``_fold``: lower case, ä -> a, ö -> o, å -> a,
curly apostrophes straightened), so Swedish "arbetslös" is matched as "arbetslos" and
"på" as "pa". Where one list holds several languages, each entry keeps the Finnish
alternatives first, then the Swedish, then the English ones.
"""

from __future__ import annotations

import json
import re
from typing import Any

from understanding.finnish import fold
from understanding.textparse import (
    parse_age,
    parse_duration_months,
    parse_finnish_number,
    parse_hours_per_week,
    parse_wage_eur,
)
from vocabulary import label

SKIPPED = "skipped"

# A whole short answer ("pass", "next.") rather than a word inside a longer one.
_ALONE = r"[\s.!]*$"
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
    # Swedish ("int" is Finland-Swedish colloquial "inte")
    r"\bhoppa(r)? over\b",
    r"\bvet (inte|int|ej)\b",
    r"\bvill (helst )?(inte|int|ej) (svara|saga|beratta)\b",
    r"\bvill jag (helst )?(inte|int) (svara pa|saga|beratta)\b",
    r"\bkan (inte|int) saga\b",
    r"\bingen aning\b",
    rf"^nasta( fraga)?{_ALONE}",
    # English; "I don't know Finnish" answers the language question, it does not skip it
    r"\b(don'?t|do not) know\b(?!\s+(\w+\s+)?finnish)",
    r"\bnot sure\b",
    r"\brather not (say|answer|tell)\b",
    r"\bprefer not to (say|answer|tell)\b",
    r"\b(don'?t|do not) want to (say|answer|tell)\b",
    r"\bno idea\b",
    rf"^pass{_ALONE}",
    rf"^next( question| one)?{_ALONE}",
]
_SKIP_RE = re.compile("|".join(SKIP_PATTERNS))

# (pattern on folded text, value): the first matching pattern wins.
SITUATION_PATTERNS: list[tuple[str, str]] = [
    # a negated job is no job: "en ole töissä", "jag jobbar inte", "I'm not working"
    (r"\be[in] (ole|oo) (toissa|tyossa|toita|tyosuhteessa)", "unemployed"),
    (
        r"\b(jobbar|arbetar) (inte|int|ej)\b|\b(inte|int|ej) i arbete\b"
        r"|\bhar (inget|inte|int)( nagot| nat| nan| ett)? (jobb|arbete)\b"
        r"|\bnot (currently |at the moment |right now |now )?(working|employed|in work)\b"
        r"|\b(don'?t|do not) (currently )?(have (a |any )?(job|work)|work)\b"
        r"|\bhaven'?t (got )?(a |any )?(job|work)\b|\bhave no (job|work)\b",
        "unemployed",
    ),
    # temporary lay-off: "lomautus", "permittering", "temporarily laid off", "furlough"
    (r"lomaut|permitter|permiter|\blaid off|\blay-?offs?\b|\blaying (\w+ )?off|furlough", "laid_off"),
    (
        r"sairauslom|sairaslom|saikulla|sairaana"
        r"|sjukledig|sjukskriv|sjukpenning"
        r"|sick[- ]leave|off sick",
        "sick_leave",
    ),
    (
        r"valmistun|valmistumassa|valmistuin juuri|viimeista vuotta"
        r"|utexaminer|blir (fardig|klar)|tar examen|sista (aret|terminen)"
        r"|graduat|final year|last year of (my )?stud",
        "graduating",
    ),
    (
        r"tyoton|tyottoma|ilman toita|ilman tyota|ei ole toita|ei oo toita|ei toita|irtisano|potku|tyot loppu|tyo loppu|tyosuhde loppu|maaraaikai\w*( \w+)? loppu|jain tyotto",
        "unemployed",
    ),
    # "töitä ei oo löytyny", "en oo löytäny duunia", "oon ollu kortistossa"
    (
        r"(toita|tyota|tyopaikkaa|duunia|hommia)\w* ei (ole|oo) loyty|e[in] (ole|oo) loyt\w* (toita|tyota|tyopaikkaa|duunia|hommia)|kortisto|duunit loppu|pesti loppu|patka loppu",
        "unemployed",
    ),
    (
        r"arbetslos|arbetssokande|utan (jobb|arbete|anstallning)"
        r"|(blev|blivit|bli) av med (jobbet|mitt jobb|arbetet|min anstallning)"
        r"|sagts upp|sades upp|sa upp mig|uppsagd|upsagd|fick sparken"
        r"|(forlorade|forlorat|miste|mist) (jobbet|jobbe|mitt jobb|arbetet)"
        r"|(kontrakt|visstid|vikariat|anstallning|avtal|jobb)\w* (tog|har tagit|gick) (slut|ut)"
        r"|(kontrakt|avtal)\w* (fornyades|forlangdes) (inte|int)",
        "unemployed",
    ),
    (
        r"unemployed|out of work|lost (my|the|his|her|our) (job|work)|\bno (job|work)\b|jobless"
        r"|\bfired\b|\bsacked\b|dismissed|made redundant|redundan|\blet go\b"
        r"|(contract|job|employment|project)\w* (has )?(ended|expired|ran out|finished|is over|was not renewed)"
        r"|haven'?t (found|got|been able to find) (a |any )?(job|work)|can'?t find (a |any )?(job|work)"
        r"|without (a )?(job|work)|between jobs",
        "unemployed",
    ),
    (
        r"opiskelen|opiskelija|opiskelemassa|koulussa|opinnot kesken"
        r"|\bstuderar|\bstuderande|\bstudent\b|gar i skola|gar pa (universitet|hogskola|yrkes|gymnasi)"
        r"|\bstudying\b|\bi study\b|at (university|college|school)",
        "student",
    ),
    (
        r"olen toissa|oon toissa|olen tyossa|oon tyossa|tyosuhteessa|toissa\b|vakituinen|osa-aika"
        r"|\bjobbar\b|\barbetar\b|\bhar (ett )?(jobb|arbete)\b|\bi arbete\b|anstalld|\bdeltid|\bheltid"
        r"|\bworking\b|\bemployed\b|\bhave (a )?(job|work)\b|\bi work\b|i'?ve got a job|part[- ]?time|full[- ]?time",
        "employed",
    ),
    (
        r"jokin muu|muu tilanne|kotona lasten|kotiaiti|kotiisa|elakkeella"
        r"|pension|hemma med (barnen|barn|bebisen)|foraldraledig|mammaledig|pappaledig|vardnadsledig|nagot annat|^annat\b"
        r"|\bretired\b|stay[- ]at[- ]home|at home with (the |my |our )?(kids|children|baby)"
        r"|(parental|maternity|paternity) leave|something else|^other\b|homemaker",
        "other",
    ),
]
# Health limits work (answer to "does your health limit what work you can do?"). A plain "ei",
# "nej" or "no" says it does not; "ja"/"yes" says it does.
WORK_ABILITY_PATTERNS: list[tuple[str, str]] = [
    (
        r"^ei\b|ei rajoita|ei mitaan|\bterve(\b|ena)|taysin kunnossa|hyvassa kunnossa|ei ongelm|ei oo ongelm|^en$"
        r"|^(nej|nope|nah)\b|\binte alls\b|\bfrisk\b|begransar (mig )?(inte|int|ej)|(inga|inte nagra) (problem|begransningar|hinder)"
        # English "no" alone or with more English; Finnish colloquial "no" is "well" ("no selkä vaivaa")
        r"|^no(\s*[,.!]|\s*$|\s+(not|it|i|my|nothing|none|problems?|limitations?|issues)\b)|\bnot at all\b|\bhealthy\b|\bno (problems?|limitations?|limits|issues|restrictions|health (problems|issues))\b"
        r"|(doesn'?t|does not|don'?t|do not) limit|in good (health|shape)|fully (fit|able|healthy)",
        "full",
    ),
    (
        r"rajoittaa|osatyokyky|selka|polvi|niska|olkapaa|masennus|uupu|burnout|mielenterve|sairaus|sairas|vamma|kipu|kivu|krooni|ahdistu|diabet|astma|reuma|kuntoutu|jaksa|alentun|"
        r"liikuntaelim|mieliala|keskittyminen"
        r"|^ja\b|\blite\b|begransar|begransning|\brygg|\bkna(n|et|na)?\b|\bnacke|\baxel|\baxlar|depression|deprimerad"
        r"|utbrand|utmattning|angest|sjukdom|\bsjuk\b|kronisk|funktionsnedsattning|handikapp|smart(a|or)|reum"
        r"|rehabiliter|(orkar|klarar) (inte|int)|nedsatt"
        r"|^(yes|yeah|yep)\b|somewhat|a (little|bit)\b|\blimit|\bback\b|\bknees?\b|\bneck\b|shoulder|depress"
        r"|burn(ed|t)? ?out|anxiety|illness|\bill\b|disab|chronic|injur|\bpain|asthma|rheuma|arthrit|mental health"
        r"|\bsick|rehab|can'?t (lift|stand|sit|walk)|partial|adhd|autis|epilep",
        "partial",
    ),
    (
        r"en osaa sanoa|en tieda|vaikea sanoa|ehka"
        r"|\bvet (inte|int|ej)\b|svart att saga|\bkanske\b|osaker|inte saker|ingen aning"
        r"|\bnot sure\b|\bmaybe\b|(hard|difficult) to say|(don'?t|do not) know|\bunsure\b|\bperhaps\b|no idea",
        "unknown",
    ),
]
FINNISH_PATTERNS: list[tuple[str, str]] = [
    # "not very well" is some Finnish, whatever word comes after the negation
    (
        r"\be[in] \w+( suomea)? (kovin|kauhean|niin) hyvin|\bei kovin hyva"
        r"|\b(inte|int) (alls |sa |sarskilt |speciellt |sa varst |alltfor |jatte)?(bra|flytande|gott)\b"
        r"|\bnot (at all |very |that |so |too |really |particularly )?(good|well|fluent|great)\b"
        r"|\b(don'?t|do not|can'?t|cannot) (speak|talk|write|read|understand)( \w+){0,2} (very |that |so |too |really )?well\b",
        "basic",
    ),
    (
        r"aidinkiel|natiivi|sujuva|sujuvasti|erinomai|suomalainen"
        r"|modersmal|flytande|infodd"
        r"|\bnative\b|fluent|mother tongue|first language|\bc[12]\b",
        "native",
    ),
    (r"\bhyva\b|hyvin|ihan ok|pärjään|parjaan|\bbra\b|\bgott\b|\bgood\b|\bwell\b|\bb2\b|\bok(ay|ej)?\b", "good"),
    (
        r"perus|vahan|jonkin verran|a1|a2|b1|alkeet|huono"
        r"|\blite\b|grund|\bnagot\b|nagorlunda|\bdalig|\bsvag|nyborjare"
        r"|\bbasic|a (little|bit)\b|\bsome\b|\bpoor\b|\bweak\b|\bbad\b|beginner|\blittle\b|elementary",
        "basic",
    ),
    (
        r"en osaa|opettelen|en puhu|ei yhtaan|en viela"
        r"|\binte alls\b|\bingen\b|\binget\b|\bkan (inte|int|ej)\b|\btalar (inte|int|ej)\b|lar mig|haller pa att lara"
        r"|\bnot at all\b|\bnone\b|no finnish|(don'?t|do not|can'?t|cannot) (speak|talk|understand|know)"
        r"|\blearning\b|\bzero\b|\bnothing\b|^no\b",
        "none",
    ),
]
# Goals: every matching goal is returned.
GOAL_PATTERNS: list[tuple[str, str]] = [
    (
        r"yrittaja|yritys|oma firma|oman firman|toiminimi|starttiraha"
        r"|eget (foretag|bolag)|egen firma|starta (ett |eget |en |egen )?(foretag|firma|bolag|business)|foretagare|entreprenor|startpeng"
        r"|own (business|company|firm)|entrepreneur|start(ing)? (a|an|my own|my) (business|company|firm)|self[- ]employ"
        r"|\bstartup|start-up|freelanc",
        "business",
    ),
    (
        r"opisk|koulutu|kouluun|tutkinto|kurssi|uudelleenkoulut|amis|ammattikoulu"
        r"|\bstudera|\bstudier|utbildning|skola|skolor|\bkurs|examen"
        r"|\bstud(y|ies|ying)\b|\bschool|\bcourses?\b|degree|training|education|universit|vocational|retrain|qualification",
        "education",
    ),
    (
        r"kokeil|uusi ala|uudelle alalle|alanvaihto|vaihtaa alaa"
        r"|\bprova|ny bransch|byta (bransch|yrke|bana|omrade|riktning)|nytt (yrke|omrade)|annan bransch"
        r"|\btry\b(?! to\b)|try(ing)? out|new (field|career)|change (my )?(field|career|profession)|career change"
        r"|different (field|career|industry)|switch(ing)? (fields?|careers?|industr)|something new|work trial",
        "try_field",
    ),
    (
        r"jaksa|kuntoutu|terveys kuntoon|lepo|arki kuntoon|voimia"
        r"|\borka|\bork\b|\bhalsa\b|\bhalsan\b|aterhamt|rehabiliter|ma battre|\bvila\b|krafter"
        r"|rehab|feel better|recover|\benergy\b|\bhealth\b(?![- ]?care)|get well|well-?being|\bcope\b|\brest\b"
        r"|get (my )?(strength|life) back",
        "rehabilitation",
    ),
    (
        r"toihin|tyopaikka|toita|duuni|duunii|tyota|palkkatyo|vakituinen"
        r"|\bjobb(et|a|en)?\b|\barbete\b|\barbeta\b|anstallning|sysselsattning"
        r"|\bjobs?\b|\bwork\b(?! trial)|\bworking\b|employment|\bemployed\b",
        "job",
    ),
]
EMPLOYER_TYPE_PATTERNS: list[tuple[str, str]] = [
    (r"seurakun|uskonnollinen yhdyskunta|forsamling|\bkyrka(n)?\b|kyrklig|parish|church|congregation", "other"),
    (
        r"yhdistys|\bry\b|jarjesto"
        r"|forening|\bforbund|\brf\b|\br\.f\.|ideell"
        r"|association|\bngo\b|non-?profit|charit|\bsociety\b|\bclub\b",
        "association",
    ),
    (r"saatio|stiftelse|foundation", "foundation"),
    (
        r"\bkunta|\bkunnan\b|kaupunki|\bkaupungin\b|hyvinvointialue"
        r"|\bkommun|\bstad\b|\bstaden\b|valfardsomrade"
        r"|municipal|\bcity\b(?!\s*cent)|\btown\b(?!\s*cent)|wellbeing services county|wellbeing county"
        r"|welfare (services )?(area|region|county)",
        "municipality",
    ),
    (
        r"yritys|firma|\boy\b|osakeyhtio|toiminimi|\btmi\b|yrittaja|kauppa|ravintola|liike"
        r"|foretag|\bab\b|aktiebolag|restaurang|\bkafe|butik|privat"
        r"|company|\bltd\b|\binc\b|\bllc\b|\bbusiness|enterprise|corporation|\bfirm\b|\bcafe|restaurant"
        r"|\bshop\b|\bstore\b|\bkiosk|private|startup|start-up|sole trader|self-employed",
        "company",
    ),
    (r"^muu\b|\bjokin muu\b|^annat\b|nagot annat|^other\b|something else", "other"),
]
# "58 years old", "58-year-old", "58 år", "58-årig", "58 yo": an age in a hire-group answer
_AGED = r"\s*-?\s*(years?[- ]old|yrs?[- ]old|yo|ar|arig|aring)\b"
HIRE_GROUP_PATTERNS: list[tuple[str, str]] = [
    (r"oppisopim|oppisopparil|apprentice|laroavtal|larling", "apprentice"),
    (
        r"osatyokyk|vamma|sairaus|alentun|tyokyky"
        r"|arbetsformaga|funktionsnedsatt|funktionshind|handikapp"
        r"|work ability|disab|handicap|chronic(ally)? ill|illness",
        "partial_work_ability",
    ),
    (
        r"\b(5[5-9]|6[0-9])\s*-?\s*v|yli 5[5-9]\b|\b55\s*\+|^\s*55\s*$|ikaantyn|senior|konkari"
        rf"|\bover (5[5-9]|[6-9]\d)\b|\baged? (5[5-9]|6\d)\b|\b(5[5-9]|6\d){_AGED}|\baldre\b|\bolder\b",
        "over_55",
    ),
    (
        r"alle 30|nuori|nuoren|nuorta|nuoria|\b(1[5-9]|2[0-9])\s*-?\s*v"
        rf"|\bunder (2\d|30)\b|\bung\b|\bunga\b|\bungt\b|ungdom|\byoung|\byouth|\baged? (1[5-9]|2\d)\b|\b(1[5-9]|2\d){_AGED}",
        "under_30",
    ),
    (
        r"pitkaaikaistyot|pitkaan tyottoma|pitkaan tyoton|pitka tyottomyys"
        r"|langtidsarbetslos|langvarigt arbetslos|arbetslos (lange|lang tid)"
        r"|long[- ]?term unemploy|unemployed (for )?(a )?long|long[- ]?term jobless",
        "long_unemployed",
    ),
    (
        r"ei mikaan|ei kumpikaan|tavallinen|ei erityis"
        r"|(ingen|inget) av (dessa|dem)|ingen (sarskild|speciell)|\bvanlig|^(ingen|inget)\b"
        r"|\bnone\b|nothing special|\bregular\b|\bnormal\b|\bneither\b",
        "none",
    ),
]
# Fields of work: every matching field is returned. Also used by understanding/competence.py on
# single (Finnish) words and their base forms, so short stems keep word boundaries.
FIELD_PATTERNS: list[tuple[str, str]] = [
    (
        r"siivo|puhtaanapi|laitoshuol"
        r"|stadning|stadare|staderska|\bstadar\b|\bstada\b|stadjobb|stadfirma|lokalvard"
        r"|clean|housekeep",
        "cleaning",
    ),
    (
        r"kiinteisto|talonmie|huoltomie|piha"
        r"|fastighet|vaktmast|gardskarl"
        r"|property|janitor|caretaker|facility maint|building maint|groundskeep",
        "property_care",
    ),
    (r"kierrat|atervinn|recycl", "recycling"),
    (
        r"keittio|kokki|ravintol|ruoka|kahvila|tarjoilu"
        r"|\bkok(et)?\b|storkok|\bkock|restauran(g|t)|\bkafe|\bcafe|servering|servitr|servitor|diskare|bageri|bagare"
        r"|kitchen|\bcook|\bchef|catering|waiter|waitress|dishwash|\bbaker|barista",
        "kitchen",
    ),
    (
        # Finnish "some" (social media) but not English "some", "something"
        r"media|grafi|\bsome(a|ssa|sta|en|tta|tus|tt|-|pai|jul|mar|kan|sis)|^some$|valokuv|video"
        r"|fotograf|graphic|photograph|journalis",
        "media",
    ),
    (r"puutyo|puusepa|puusepp|kirves|snickare|snickeri|traarbet|woodwork|carpent|joiner|cabinet ?mak", "woodwork"),
    (
        r"varasto|logisti|trukki|lahett"
        r"|\blager|gaffeltruck|truckkort|truckforare|kor truck|\btruckar\b"
        r"|warehouse|forklift|order pick",
        "logistics",
    ),
    (
        r"kauppa|myyj|kassa|myymala"
        r"|butik|forsalj|saljare|detaljhandel|dagligvaruhandel"
        r"|retail|(?<!work)shop|\bstores?\b|\bsales|cashier|supermarket|grocer",
        "retail",
    ),
    (
        r"hoiva|hoitaja|lahihoi|vanhus|hoito"
        r"|(?<!lokal)vard(are|arbet|bitr|hem|jobb|yrke|en\b|\b)|narvard|sjukvard|sjukskot|omsorg|hemtjanst|barnskot"
        r"|(?<!customer )\bcare\b|caregiv|\bcarers?\b|\bnurs(e|es|ing)\b|health ?care|elderly|personal assistant",
        "care",
    ),
    (
        r"rakennu|rakentam|remont|raksa|\bbygg|renover|construct|\bbuilder|building site|renovat|bricklay",
        "construction",
    ),
    (
        r"toimisto|sihteeri|kirjanpi"
        r"|kontor|sekreterare|bokforing|administrat"
        r"|office|secretar|accounting|bookkeep|receptionist|clerical|\badmin",
        "office",
    ),
    (
        # "it" is also an English pronoun: only IT work ("IT-ala", "it support"); fields() also
        # reads a capitalised "IT" in the original text
        r"\bit(?=[-:]\w)|\bit\b(?=\s+(ala|alal\w*|alan|hommi\w*|tuki\w*|tuen|support|field|sector|industry|branschen"
        r"|bransch|jobs?|work|specialist|consult\w*|department|company|companies|administrat\w*)\b)|^it$|\binom it\b"
        r"|ohjelmoi|koodaa|tietotekni|atk"
        r"|programmer|programming|software|developer|coding|\bcoder|web ?develop|data ?analy",
        "it",
    ),
    (r"metalli|hitsa|koneistaj|\bmetal|svets|\bweld|machinist|\bcnc\b", "metal"),
    (r"ompel|tekstiil|textil|somnad|sommersk|sewing|seamstress|tailor|garment", "textile"),
    (r"puutarh|viherala|tradgard|gronomrade|garden|landscap|horticult", "gardening"),
    (
        r"kuljet|(?<!trukki)kuski|autonkulj|rekka|bussi"
        r"|transport|chauffor|(?<!truck)forare|lastbil|\bbus(s|ses|sar)?\b|\btaxi|budbil"
        r"|(?<!forklift )(?<!forklift-)driver(?!'?s? licen)|(?<!forklift )(?<!forklift-)(?<!kor )\btruck(?!kort|forare|ar\b)|lorry|delivery|courier",
        "transport",
    ),
    (
        r"asiakaspalvel|asiakkai"
        r"|kundtjanst|kundservice|kundbetjan"
        r"|customer (service|support|care|advis)|call ?cent|contact ?cent",
        "customer_service",
    ),
]
_IT_CAPITALISED_RE = re.compile(r"\bIT\b")
_CURLY_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def _fold(text: str) -> str:
    """Folded text as the patterns expect it ("I’m" -> "i'm", "Arbetslös" -> "arbetslos")."""
    return fold(text).translate(_CURLY_APOSTROPHES)


def _first_match(text: str, patterns: list[tuple[str, str]]) -> str | None:
    folded = _fold(text)
    for pattern, value in patterns:
        if re.search(pattern, folded):
            return value
    return None


def is_skip(text: str | None) -> bool:
    """'ohita', 'en halua vastata', 'en tiedä', 'skip', 'hoppa över', 'vet inte', "don't know" ..."""
    if not text:
        return False
    return bool(_SKIP_RE.search(_fold(text).strip()))


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


NEGATED_UNEMPLOYMENT_RE = re.compile(
    r"\be[in] (ole|oo|oo enaa|ole enaa) (tyoton|tyottomana|ilman toita)"
    r"|\b(inte|int|ej) (langre )?(arbetslos|utan (jobb|arbete))"
    r"|\b(not|no longer) (unemployed|jobless|out of work|without (a )?(job|work))"
)


def situation(text: str) -> str | None:
    # "en ole työtön, opiskelen" / "I'm not unemployed, I study" is about studying, not unemployment.
    return _first_match(NEGATED_UNEMPLOYMENT_RE.sub(" ", _fold(text)), SITUATION_PATTERNS)


def work_ability(text: str) -> str | None:
    return _first_match(text, WORK_ABILITY_PATTERNS)


def finnish_level(text: str) -> str | None:
    return _first_match(text, FINNISH_PATTERNS)


def goals(text: str) -> list[str]:
    folded = _fold(text)
    return [value for pattern, value in GOAL_PATTERNS if re.search(pattern, folded)]


def employer_type(text: str) -> str | None:
    return _first_match(text, EMPLOYER_TYPE_PATTERNS)


def hire_group(text: str) -> str | None:
    return _first_match(text, HIRE_GROUP_PATTERNS)


def fields(text: str) -> list[str]:
    folded = _fold(text)
    # a capitalised "IT" is IT work even beside English words ("I worked in IT"), unless the
    # whole message is shouted
    it_capitalised = bool(_IT_CAPITALISED_RE.search(text)) and (text != text.upper() or len(text.split()) <= 2)
    return [
        value for pattern, value in FIELD_PATTERNS if re.search(pattern, folded) or (value == "it" and it_capitalised)
    ]


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


# Swedish and English: "for 12 months", "i ett år", "a 6-month contract", "sex månaders
# anställning", "the job lasts a year". The words naming the length are read by
# textparse.parse_duration_months.
_LENGTH_UNIT = r"(?:months?|mos?|mths?|years?|yrs?|weeks?|manad(?:er)?|man|ar|halvar|veckor|vecka)"
_LENGTH_WORDS = rf"((?:[\w,.-]+\s+){{0,4}}?{_LENGTH_UNIT})\b"
_JOB_NOUN = (
    r"(?:contract|job|position|post|employment|placement|work trial|anstallning\w*|kontrakt\w*|jobb\w*|"
    r"arbetsavtal\w*|vikariat\w*|visstid\w*|tjanst\w*)"
)
_JOB_LENGTH_OTHER = [
    # "a 12-month contract", "6 month fixed-term job", "sex månaders anställning", "ett års kontrakt"
    re.compile(
        r"((?:\d+(?:[.,]5)?|[a-z]+)[\s-]*(?:months?|mo|years?|manaders|manads|ars))[\s-]+"
        rf"(?:long\s+)?(?:fixed[- ]term\s+|temporary\s+|full[- ]time\s+|part[- ]time\s+)?{_JOB_NOUN}"
    ),
    # "the contract is 6 months", "anställningen varar ett år", "the job would last for a year"
    re.compile(
        rf"{_JOB_NOUN}\s+(?:is|would be|will be|lasts|would last|will last|of|ar|varar|blir|skulle vara|pa)"
        rf"\s+(?:for\s+)?{_LENGTH_WORDS}"
    ),
    # "for 12 months", "i 12 månader", "för ett år", "under ett halvår"
    re.compile(rf"\b(?:for|i|under)\s+{_LENGTH_WORDS}"),  # "för" folds to "for"
]
# "unemployed for 8 months", "arbetslös i ett år", "worked there for 2 years": not the job's length
_NOT_JOB_LENGTH_RE = re.compile(
    r"(unemploy|jobless|out of work|been|worked|arbetslos|varit|jobbat|arbetat|utan (jobb|arbete))[\w\s,']{0,30}$"
)
_PERMANENT_RE = re.compile(
    r"toistaiseksi|vakituis|permanent|indefinite|until further notice|open-ended|tills? vidare|tillsvidare|fast anstallning"
)


# A part of the answer that is only a length: "a year", "ett år", "2400 €/month, 12 months".
_LENGTH_FILLERS = frozenset({"a", "an", "and", "och", "about", "around", "ungefar", "cirka", "ca"})
_BARE_LENGTH_RE = re.compile(rf"^(?:[a-z0-9,.]+[\s-]+){{0,4}}?{_LENGTH_UNIT}$")


def _other_job_months(folded: str) -> float | None:
    for pattern in _JOB_LENGTH_OTHER:
        for found in pattern.finditer(folded):
            if _NOT_JOB_LENGTH_RE.search(folded[: found.end()]):
                continue
            months = parse_duration_months(found.group(1))
            if months is not None:
                return months
    for part in re.split(r"[,;\n]+", folded):
        part = part.strip(" .!")
        words = re.split(r"[\s-]+", part)[:-1]
        if _BARE_LENGTH_RE.match(part) and all(
            w in _LENGTH_FILLERS or parse_finnish_number(w) is not None for w in words
        ):
            months = parse_duration_months(part)
            if months is not None:
                return months
    return None


def job_months(text: str) -> int | None:
    """How long the job lasts, in whole months: "12 kuukaudeksi", "puoleksi vuodeksi", "6 kk:n
    työsuhde", "kahdeksi vuodeksi", "for 12 months", "a 6-month contract", "i ett år". None when
    not said, or for a permanent job ("toistaiseksi", "permanent", "tills vidare"): then each
    support's own longest duration applies. Not "8 kuukautta työttömänä" / "unemployed for 8 months"."""
    folded = _fold(text[:300])
    if _PERMANENT_RE.search(folded):
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
        else:
            months = _other_job_months(folded)
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
        r"iskias|valilevy|nostaa|seisominen|istuminen|liikuntaelim|"
        # Swedish and English
        r"\brygg|nacke|\baxel|\bknan?\b|\bhoft|artros|ischias|diskbrack|rorelseorgan|"
        r"backache|lumbago|\bneck\b|shoulder|\bknees?\b|\bhips?\b|arthritis|sciatica|\bspine|spinal|wrist|musculoskeletal",
        "musculoskeletal",
    ),
    (
        r"masennu|masentu|ahdist|mielenterv|mieliala|uupu|burn ?out|loppuun ?palami|jaksami|paniikki|"
        r"kaksisuuntai|psyk|stressi|unettom|mieliala|"
        r"depress|angest|anxi|utbrand|utmattning|panik|panic|bipolar|psych|somnlos|insomnia|mental health|psykisk",
        "mental_health",
    ),
    (
        r"adhd|add\b|autism|asperger|lukihair|oppimisvaik|keskittymisvaik|neurokirj|kehitysvamm|"
        r"oppiminen tai keskittyminen|dyslexi|inlarningssvarig|learning difficult|learning disabilit",
        "learning_neuro",
    ),
    (
        r"nakovam|sokea|heikkonako|kuulovam|kuuro|huonokuuloi|pyoratuol|liikuntavamm|cp-|cp vamma|amputo|vammai|"
        r"aistivamm|\bblind|synskad|visually impaired|\bdeaf|\bdov\b|horselskad|hearing impair|wheelchair|rullstol|"
        r"amput|disabled|funktionsnedsatt|funktionshind",
        "disability",
    ),
    (
        r"diabet|diabee|sokeritau|sydan|astma|epilep|syopa|migreen|\bms\b|ms-tau|uniapnea|suolistosairau|crohn|"
        r"keuhko|pitkaaikaissairau|krooni|sairaus|sairauden|sairas|"
        r"hjart|\bheart\b|asthma|cancer|migran|migraine|sclerosis|sleep apnea|somnapne|\blung|kronisk|chronic|"
        r"sjukdom|illness|disease",
        "chronic_illness",
    ),
]


# Words that are situations or everyday verbs, not health details: never redacted
# Words that are situations, occupations, everyday verbs or illness in general, not health
# details: never redacted ("sairastuin", "sairauslomalla", "sairaanhoitaja", "jalkapallo")
NOT_HEALTH_DETAILS = re.compile(
    r"^(osa)?sairau|^sairas|^sairaana|^sairaanhoit|^sairaala|psykolog|nostaa|nostam|seisomi|istumi|jaksa|"
    r"^jalkapallo|^jalkau|"
    # illness in general and sick leave are situations in every language
    r"^sjuk|^sick|^illness|^disease|^chronic|^kronisk|^disabled$|^psychology|^heartbeat"
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
    # Swedish: "en" is left out, it is also Finnish "en" (I don't); "en etta", "en trea" are read
    "ett": 1,
    "etta": 1,
    "tva": 2,
    "tvaa": 2,
    "tvaan": 2,
    "tre": 3,
    "trea": 3,
    "fyra": 4,
    "fyran": 4,
    "fem": 5,
    "femma": 5,
    # English
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
}
# In the order they are tried: strong words first, then negations ("not very good", "inte så
# bra", "not bad") before the words they negate, then the plain "hyvä", "bra" and "good".
RATING_PHRASES: list[tuple[str, int]] = [
    (
        r"todella huono|tosi huono|erittain huono|surkea|kamala|katastrof"
        r"|mycket dalig|jattedalig|urdalig|hemsk|fruktansvard"
        r"|very (bad|poor)|really bad|terrible|awful|horrible",
        1,
    ),
    (
        r"\b(inte|int) (sa |sarskilt |speciellt |jatte|mycket )?bra\b"
        r"|\bnot (so |very |that |too |really )?(good|well|great)\b",
        2,
    ),
    (r"\bnot (so |that |too )?bad\b|\b(inte|int) (sa )?dalig", 3),
    (
        r"erinomai|tosi hyva|todella hyva|loistava|mahtava|tosi hyvin|erittain hyva"
        r"|mycket bra|jattebra|utmarkt|fantastisk|toppen"
        r"|very (good|well)|really good|excellent|great|perfect|amazing|fantastic",
        5,
    ),
    (
        r"huono|heikko|ei hyva|ei kovin hyva|ei oikein|ei hyvin"
        r"|\bdalig|\bsvag|\bbad\b|\bpoor\b|\bweak\b",
        2,
    ),
    (
        r"keskinkertai|ihan ok|siina ja siina|niin ja nain|kohtalai|\bok\b"
        r"|\bokej\b|\bsadar\b|hyfsa|\bmedel|\bsi sa\b"
        r"|\bokay\b|average|so-? ?so|\bfine\b|alright|all right|moderate|mediocre",
        3,
    ),
    (r"hyva|ihan hyvin|hyvin|\bbra\b|\bgood\b|\bwell\b", 4),
]


def rating(text: str | None) -> int | None:
    """A self-rating 1–5 from '3', 'kolme', 'viitonen', 'aika huono, ehkä 2', 'tosi hyvä', 'tre',
    'mycket bra', 'four' or 'very good'."""
    if not text:
        return None
    folded = _fold(text[:200])
    out_of_five = re.search(r"(?<![\d/,.])([1-5])\s*(?:/|out of|of|av)\s*5\b", folded)  # "3/5", "3 out of 5"
    if out_of_five:
        return int(out_of_five.group(1))
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
