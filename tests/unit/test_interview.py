"""Tests for understanding/interview.py: reading free-Finnish interview answers into profile values."""

from __future__ import annotations

import pytest

from understanding import interview
from vocabulary import EMPLOYER_TYPES, FIELDS, FINNISH_LEVELS, GOALS, HIRE_GROUPS, SITUATIONS, WORK_ABILITIES

# --------------------------------------------------------------------------- is_skip


@pytest.mark.parametrize(
    "text",
    [
        "ohita",
        "Ohita",
        "OHITA",
        "ohita tämä kysymys",
        "en halua vastata",
        "En halua vastata.",
        "en tiiä",
        "en tiedä",
        "En tiedä",
        "en tieda",
        "skip",
        "Skip",
        "en osaa sanoa",
        "mieluummin en kerro",
        "en",
        "-",
        "/dont_know",
        "seuraava",
        "en haluu kertoa",
    ],
)
def test_is_skip_true(text):
    assert interview.is_skip(text) is True


@pytest.mark.parametrize(
    "text", ["Tampere", "kyllä", "joo", "oon 34", "ohjaamo", "enemmän", "enkä", "2400 €/kk", "", None, "   "]
)
def test_is_skip_false(text):
    assert interview.is_skip(text) is False


# --------------------------------------------------------------------------- payload_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('/inform{"situation": "unemployed"}', {"situation": "unemployed"}),
        ('/inform{"age": 34, "municipality": "Tampere"}', {"age": 34, "municipality": "Tampere"}),
        ('/inform{"goals": ["job", "education"]}', {"goals": ["job", "education"]}),
        ("/affirm", {}),
        ("/inform", {}),
        ('/inform{"a": 1', {}),  # broken JSON
        ("/inform[1, 2]", {}),  # JSON but not an object
        ('/inform"x"', {}),
        ('hello {"situation": "unemployed"}', {}),  # not a payload
        ("", {}),
        (None, {}),
    ],
)
def test_payload_entities(text, expected):
    assert interview.payload_entities(text) == expected


# --------------------------------------------------------------------------- situation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oon ollu työttömänä puol vuotta", "unemployed"),
        ("olen työtön", "unemployed"),
        ("tyoton", "unemployed"),
        ("sain potkut", "unemployed"),
        ("minut irtisanottiin", "unemployed"),
        ("työt loppu", "unemployed"),
        ("ei oo töitä", "unemployed"),
        ("olin töissä mutta jäin työttömäksi", "unemployed"),
        ("mut lomautettiin", "laid_off"),
        ("Olen lomautettuna", "laid_off"),
        ("olen sairauslomalla", "sick_leave"),
        ("valmistun keväällä", "graduating"),
        ("valmistuin juuri", "graduating"),
        ("opiskelen amiksessa", "student"),
        ("olen opiskelija", "student"),
        ("olen töissä kaupassa", "employed"),
        ("oon kotiäiti", "other"),
        ("olen eläkkeellä", "other"),
        ("en tiedä", None),
        ("asdf", None),
    ],
)
def test_situation(text, expected):
    assert interview.situation(text) == expected


@pytest.mark.parametrize("text", ["en ole töissä", "en oo töissä tällä hetkellä"])
def test_situation_not_working_is_not_employed(text):
    assert interview.situation(text) == "unemployed"


def test_situation_fixed_term_job_ended():
    assert interview.situation("määräaikainen työ loppui") == "unemployed"


# --------------------------------------------------------------------------- work ability, Finnish


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ei rajoita", "full"),
        ("ei", "full"),
        ("terve", "full"),
        ("selkä on huono", "partial"),
        ("minulla on selkäkipuja", "partial"),
        ("masennus", "partial"),
        ("en osaa sanoa", "unknown"),
        ("ehkä", "unknown"),
    ],
)
def test_work_ability(text, expected):
    assert interview.work_ability(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("äidinkieli", "native"),
        ("sujuvasti", "native"),
        ("hyvin", "good"),
        ("puhun hyvin suomea", "good"),
        ("vähän", "basic"),
        ("A2", "basic"),
        ("huono", "basic"),
        ("en osaa", "none"),
        ("en puhu suomea", "none"),
    ],
)
def test_finnish_level(text, expected):
    assert interview.finnish_level(text) == expected


def test_finnish_level_not_very_well():
    assert interview.finnish_level("en puhu suomea kovin hyvin") == "basic"


# --------------------------------------------------------------------------- goals, fields


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("haluan töihin", ["job"]),
        ("haluisin duunii", ["job"]),
        ("haluan opiskella", ["education"]),
        ("oma firma", ["business"]),
        ("haluun perustaa yrityksen ja saada starttirahaa", ["business"]),
        ("haluaisin kokeilla uutta alaa", ["try_field"]),
        ("haluisin kokeilla jotain uutta alaa tai opiskella", ["education", "try_field"]),
        ("jaksaminen ensin", ["rehabilitation"]),
        ("arki kuntoon ensin", ["rehabilitation"]),
        ("en tiedä", []),
    ],
)
def test_goals(text, expected):
    assert interview.goals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("olin 10 vuotta varastolla trukkikuskina", "logistics"),
        ("siivoojana", "cleaning"),
        ("kokkina ravintolassa", "kitchen"),
        ("lähihoitaja", "care"),
        ("koodaan pythonia", "it"),
        ("tein IT hommia", "it"),
        ("hitsaaja", "metal"),
        ("kaupan kassalla", "retail"),
        ("rekkakuski", "transport"),
        ("olin bussikuskina", "transport"),
        ("rakennusalalla", "construction"),
        ("olin kiinteistöhuollossa ja pihatöissä", "property_care"),
    ],
)
def test_fields(text, expected):
    assert expected in interview.fields(text)


def test_fields_nothing_known():
    assert interview.fields("asdf") == []


def test_forklift_driver_is_logistics_only():
    assert interview.fields("olin 10 vuotta varastolla trukkikuskina") == ["logistics"]


def test_gardener_is_gardening():
    assert interview.fields("olen puutarhuri") == ["gardening"]


# --------------------------------------------------------------------------- employer type, hire group


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yhdistys", "association"),
        ("Mielen ry", "association"),
        ("säätiö", "foundation"),
        ("kaupunki", "municipality"),
        ("kunta", "municipality"),
        ("hyvinvointialue", "municipality"),
        ("Oy", "company"),
        ("Rakennus Oy", "company"),
        ("meillä on pieni firma", "company"),
        ("toiminimi", "company"),
        ("ravintola", "company"),
        ("muu", "other"),
        ("asdf", None),
    ],
)
def test_employer_type(text, expected):
    assert interview.employer_type(text) == expected


@pytest.mark.parametrize("text", ["seurakunta", "evankelis-luterilainen seurakunta"])
def test_parish_is_not_a_municipality(text):
    assert interview.employer_type(text) == "other"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("oppisopimuksella", "apprentice"),
        ("osatyökykyinen", "partial_work_ability"),
        ("vammainen", "partial_work_ability"),
        ("yli 55-vuotias", "over_55"),
        ("60-vuotias", "over_55"),
        ("nuori alle 30", "under_30"),
        ("22-v nuori", "under_30"),
        ("pitkäaikaistyötön", "long_unemployed"),
        ("ei mikään erityinen", "none"),
        ("asdf", None),
    ],
)
def test_hire_group(text, expected):
    assert interview.hire_group(text) == expected


@pytest.mark.parametrize("text", ["58-vuotias", "57 vuotias"])
def test_hire_group_56_to_59(text):
    assert interview.hire_group(text) == "over_55"


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2400 €/kk, 30 h viikossa", (2400, 30)),
        ("2400€/kk 30h/vk", (2400, 30)),
        ("1 800 € kuukaudessa, 37,5 h/vko", (1800, 37.5)),
        ("palkka on 2 400 euroa ja työaika 30 tuntia", (2400, 30)),
        ("2400 euroa kuussa", (2400, None)),
        ("30 tuntia viikossa", (None, 30)),
        ("kokoaikainen 2500 e/kk", (2500, 37.5)),
        ("asdf", (None, None)),
        ("", (None, None)),
    ],
)
def test_job_terms(text, expected):
    assert interview.job_terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("oon 34", 34), ("58-vuotias", 58), ("kakskytviis", 25), ("en kerro", None)]
)
def test_age(text, expected):
    assert interview.age(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("puol vuotta", 6), ("2 vuotta", 24), ("kolme kuukautta", 3), ("vuoden", 12), ("puolitoista vuotta", 18)],
)
def test_unemployed_months(text, expected):
    assert interview.unemployed_months(text) == expected


# --------------------------------------------------------------------------- values fit the profiles


@pytest.mark.parametrize(
    "text",
    [
        "olen työtön ja haluan töihin",
        "selkä kipeä, suomi hyvä",
        "firma, palkkaisin nuoren oppisopimuksella",
        "asdf",
        "<script>alert(1)</script>",
        "x" * 2000,
    ],
)
def test_parsers_return_only_profile_values(text):
    assert interview.situation(text) in (*SITUATIONS, None)
    assert interview.work_ability(text) in (*WORK_ABILITIES, None)
    assert interview.finnish_level(text) in (*FINNISH_LEVELS, None)
    assert set(interview.goals(text)) <= set(GOALS)
    assert set(interview.fields(text)) <= set(FIELDS)
    assert interview.employer_type(text) in (*EMPLOYER_TYPES, None)
    assert interview.hire_group(text) in (*HIRE_GROUPS, None)
    assert isinstance(interview.is_skip(text), bool)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("miten voimme tarjota työkokeilupaikan?", "tyokokeilupaikan-tarjoaminen"),
        ("voiko yritys ottaa työkokeilijan", "tyokokeilupaikan-tarjoaminen"),
        ("mikä on työkokeilu", "tyokokeilu"),
        ("haluan työkokeiluun", "tyokokeilu"),
        (None, "tyokokeilu"),
    ],
)
def test_employer_view_of_a_work_trial_question(text, expected):
    from understanding.interview import employer_view

    assert employer_view("tyokokeilu", text) == expected
    assert employer_view("palkkatuki", text) == "palkkatuki"


# -- health details are redacted to categories the parsers still understand ---------------------
HEALTH_TEXTS = [
    "selkä on huono enkä pysty raskaisiin töihin",
    "mulla on diabetes ja vuorotyö ei sovi",
    "masennus vaikeuttaa työnhakua",
    "mulla on adhd ja työt ei oo onnistunu",
    "kuulovamma haittaa töissä",
    "polvet on rikki, en voi seistä koko päivää",
    "olkapää leikattu",
    "mulla on reuma ja käsityöt ei onnistu",
    "olin burnoutissa",
    "astma estää mua työskentelemästä rakennusalalla",
    "palkkaisin diabeetikon varastoon",
]


@pytest.mark.parametrize("text", HEALTH_TEXTS)
def test_redacted_health_text_keeps_its_category_and_work_ability(text):
    redacted = interview.redact_health_details(text)
    assert redacted != text
    assert "(" in redacted
    assert interview.health_category(redacted) == interview.health_category(text) != "other"
    assert interview.work_ability(redacted) == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "olen sairauslomalla",
        "olin sairaanhoitaja",
        "olin psykologina",
        "osaan nostaa trukilla",
        "olen terve",
        "en jaksa odottaa",
        "työntekijä sairastui",
        "sairauspäivärahat loppuu",
        "jalkapallon mm-kisat",
        "(tuki- ja liikuntaelimet) on huono",  # already redacted: left as it is
    ],
)
def test_situations_occupations_and_everyday_words_are_not_redacted(text):
    assert interview.redact_health_details(text) == text


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("palkkaisin siivoojan 12 kuukaudeksi", 12),
        ("puoleksi vuodeksi", 6),
        ("kuudeksi kuukaudeksi", 6),
        ("kahdeksi vuodeksi", 24),
        ("vuodeksi", 12),
        ("1,5 vuodeksi", 18),
        ("6 kk:n työsuhde", 6),
        ("8 kuukauden määräaikainen", 8),
        ("2 vuoden työsuhde", 24),
        ("entä jos työsuhde on 5 kk?", 5),
        ("työsopimus kestää 2 vuotta", 24),
        ("hän on ollut 8 kuukautta työttömänä ja työsuhde on 10 kk", 10),
        ("ollut työttömänä 8 kuukautta", None),
        ("toistaiseksi voimassa oleva työsuhde", None),
        ("vakituinen paikka", None),
        ("2400 €/kk, 30 h viikossa", None),
        ("100 vuodeksi", None),
    ],
)
def test_job_months(text, months):
    assert interview.job_months(text) == months


# =========================================================================== Swedish and English
# The bot also serves Swedish (Finland-Swedish) and English; the same parsers read those answers.
# Typos and missing å/ä/ö are included where people write them so.


@pytest.mark.parametrize(
    "text",
    [
        # Swedish
        "hoppa över",
        "Hoppa över den frågan",
        "hoppar över",
        "hoppa over",
        "vet inte",
        "jag vet inte",
        "Jag vet inte.",
        "vet int",
        "vet ej",
        "vill inte svara",
        "vill helst inte svara",
        "det vill jag inte säga",
        "nästa",
        "Nästa!",
        "nasta",
        "ingen aning",
        "har ingen aning faktiskt",
        "skippa",
        # English
        "skip",
        "skip this",
        "pass",
        "Pass.",
        "don't know",
        "dont know",
        "I don't know",
        "I don’t know",  # curly apostrophe
        "i dont know",
        "not sure",
        "I'm not sure",
        "rather not say",
        "I'd rather not say",
        "prefer not to answer",
        "next",
        "Next question",
        "no idea",
    ],
)
def test_is_skip_swedish_and_english(text):
    assert interview.is_skip(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "nästa år börjar jag studera",  # "next year", not "next question"
        "next year",
        "passport",
        "I passed the exam",
        "I don't know Finnish",  # an answer to the language question
        "I don't know much Finnish",
        "ja",
        "yes",
        "no",
        "nej",
        "Helsingfors",
        "jag är 45",
        "I'm unemployed",
    ],
)
def test_is_skip_false_swedish_and_english(text):
    assert interview.is_skip(text) is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unemployed
        ("jag är arbetslös", "unemployed"),
        ("arbetslos", "unemployed"),
        ("utan jobb", "unemployed"),
        ("jag är utan arbete", "unemployed"),
        ("jag blev av med jobbet", "unemployed"),
        ("jag har sagts upp", "unemployed"),
        ("blev uppsagd", "unemployed"),
        ("blev upsagd", "unemployed"),
        ("fick sparken igår", "unemployed"),
        ("mitt kontrakt tog slut", "unemployed"),
        ("mitt vikariat tog slut", "unemployed"),
        ("I'm unemployed", "unemployed"),
        ("unemployed", "unemployed"),
        ("out of work", "unemployed"),
        ("I lost my job", "unemployed"),
        ("no job", "unemployed"),
        ("jobless", "unemployed"),
        ("I was fired", "unemployed"),
        ("got fired today", "unemployed"),
        ("my contract ended", "unemployed"),
        ("contract ended in May", "unemployed"),
        ("I haven't found work", "unemployed"),
        ("havent found a job yet", "unemployed"),
        ("made redundant", "unemployed"),
        # laid off (temporary lay-off, lomautus)
        ("jag är permitterad", "laid_off"),
        ("permittering", "laid_off"),
        ("permiterad", "laid_off"),
        ("I'm laid off temporarily", "laid_off"),
        ("temporarily laid off", "laid_off"),
        ("temporary lay-off", "laid_off"),
        ("furloughed", "laid_off"),
        ("I'm on furlough", "laid_off"),
        ("jag är lomautettu", "laid_off"),
        # sick leave
        ("jag är sjukledig", "sick_leave"),
        ("sjukskriven", "sick_leave"),
        ("I'm on sick leave", "sick_leave"),
        # graduating
        ("jag utexamineras i vår", "graduating"),
        ("jag blir färdig i maj", "graduating"),
        ("blir fardig snart", "graduating"),
        ("graduating in June", "graduating"),
        ("I just graduated", "graduating"),
        ("I'm a graduate", "graduating"),
        # student
        ("jag studerar", "student"),
        ("studerande", "student"),
        ("I'm a student", "student"),
        ("student", "student"),
        ("studying at university", "student"),
        # employed
        ("jag jobbar", "employed"),
        ("jag jobbar på ett lager", "employed"),
        ("har jobb", "employed"),
        ("i arbete", "employed"),
        ("I'm working", "employed"),
        ("employed", "employed"),
        ("I have a job", "employed"),
        ("part-time", "employed"),
        ("I work part time", "employed"),
        # other
        ("pensionär", "other"),
        ("pensionar", "other"),
        ("hemma med barnen", "other"),
        ("retired", "other"),
        ("stay-at-home mom", "other"),
        ("something else", "other"),
        ("I'm on parental leave", "other"),
        # nothing said
        ("I want to study", None),
        ("asdf", None),
    ],
)
def test_situation_swedish_and_english(text, expected):
    assert interview.situation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm not working",
        "im not working at the moment",
        "I am not employed",
        "I don't have a job",
        "i dont work",
        "jag jobbar inte",
        "jag jobbar int just nu",
        "inte i arbete",
        "jag har inget jobb",
        "har inte jobb",
    ],
)
def test_situation_negated_work_is_unemployed_in_swedish_and_english(text):
    assert interview.situation(text) == "unemployed"


@pytest.mark.parametrize(
    "text", ["I'm not unemployed, I study", "jag är inte arbetslös, jag studerar", "not unemployed, studying"]
)
def test_situation_negated_unemployment_is_not_unemployed(text):
    assert interview.situation(text) == "student"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full: a plain "no" / "nej" means health does not limit work, as "ei" does
        ("nej", "full"),
        ("Nej.", "full"),
        ("nej, inte alls", "full"),
        ("inte alls", "full"),
        ("jag är frisk", "full"),
        ("no", "full"),
        ("No, not at all", "full"),
        ("not at all", "full"),
        ("I'm healthy", "full"),
        ("no problems", "full"),
        ("it doesn't limit me", "full"),
        # partial
        ("ja", "partial"),
        ("lite", "partial"),
        ("ja, lite", "partial"),
        ("det begränsar mig", "partial"),
        ("ryggen är dålig", "partial"),
        ("mitt knä", "partial"),
        ("depression", "partial"),
        ("utbrändhet", "partial"),
        ("utbrandhet", "partial"),
        ("en kronisk sjukdom", "partial"),
        ("yes", "partial"),
        ("yes, somewhat", "partial"),
        ("somewhat", "partial"),
        ("it limits me a bit", "partial"),
        ("my back is bad", "partial"),
        ("knee problems", "partial"),
        ("burnout", "partial"),
        ("I had a burn out", "partial"),
        ("illness", "partial"),
        ("disability", "partial"),
        ("chronic pain", "partial"),
        # unknown
        ("vet inte", "unknown"),
        ("svårt att säga", "unknown"),
        ("svart att saga", "unknown"),
        ("kanske", "unknown"),
        ("not sure", "unknown"),
        ("maybe", "unknown"),
        ("hard to say", "unknown"),
        ("no idea", "unknown"),  # not the "no" of "no, it doesn't"
        ("No it does not", "full"),
        # Finnish colloquial "no" is "well", not "no"
        ("no selkä vähän vaivaa", "partial"),
        ("no ei rajoita", "full"),
    ],
)
def test_work_ability_swedish_and_english(text, expected):
    assert interview.work_ability(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("modersmål", "native"),
        ("modersmal", "native"),
        ("flytande", "native"),
        ("jag talar finska flytande", "native"),
        ("native", "native"),
        ("fluent", "native"),
        ("mother tongue", "native"),
        ("bra", "good"),
        ("ganska bra", "good"),
        ("good", "good"),
        ("well", "good"),
        ("I speak it well", "good"),
        ("B2", "good"),
        ("lite", "basic"),
        ("grunderna", "basic"),
        ("basic", "basic"),
        ("a little", "basic"),
        ("some", "basic"),
        ("I know some basics", "basic"),
        ("A1", "basic"),
        ("a2", "basic"),
        ("B1", "basic"),
        ("inte alls", "none"),
        ("ingen", "none"),
        ("jag kan inte finska", "none"),
        ("not at all", "none"),
        ("none", "none"),
        ("no finnish", "none"),
        ("learning", "none"),
        ("I'm learning", "none"),
        ("I don't speak Finnish", "none"),
    ],
)
def test_finnish_level_swedish_and_english(text, expected):
    assert interview.finnish_level(text) == expected


@pytest.mark.parametrize(
    "text",
    ["inte så bra", "inte sa bra", "inte alls bra", "not very good", "not so good", "I don't speak Finnish very well"],
)
def test_finnish_level_not_very_well_swedish_and_english(text):
    assert interview.finnish_level(text) == "basic"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jobb", ["job"]),
        ("arbete", ["job"]),
        ("få jobb", ["job"]),
        ("fa jobb", ["job"]),
        ("jag vill jobba", ["job"]),
        ("job", ["job"]),
        ("work", ["job"]),
        ("employment", ["job"]),
        ("I want to find a job", ["job"]),
        ("I'll try to find a job", ["job"]),  # "try to" is no try_field
        ("studera", ["education"]),
        ("utbildning", ["education"]),
        ("skola", ["education"]),
        ("en kurs", ["education"]),
        ("study", ["education"]),
        ("studies", ["education"]),
        ("school", ["education"]),
        ("course", ["education"]),
        ("a degree", ["education"]),
        ("training", ["education"]),
        ("eget företag", ["business"]),
        ("eget foretag", ["business"]),
        ("företagare", ["business"]),
        ("starta företag", ["business"]),
        ("own business", ["business"]),
        ("entrepreneur", ["business"]),
        ("start a company", ["business"]),
        ("pröva något nytt", ["try_field"]),
        ("prova", ["try_field"]),
        ("ny bransch", ["try_field"]),
        ("byta bransch", ["try_field"]),
        ("try", ["try_field"]),
        ("new field", ["try_field"]),
        ("change field", ["try_field"]),
        ("work trial", ["try_field"]),
        ("orka", ["rehabilitation"]),
        ("hälsa", ["rehabilitation"]),
        ("återhämta mig", ["rehabilitation"]),
        ("rehabilitation", ["rehabilitation"]),
        ("feel better", ["rehabilitation"]),
        ("recover first", ["rehabilitation"]),
        ("more energy", ["rehabilitation"]),
        ("I want to study and work", ["education", "job"]),
        ("studera eller byta bransch", ["education", "try_field"]),
        ("a health care job", ["job"]),  # health care is a field, not a health goal
        ("vet inte", []),
    ],
)
def test_goals_swedish_and_english(text, expected):
    assert interview.goals(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("förening", "association"),
        ("en idrottsförening", "association"),
        ("forening", "association"),
        ("association", "association"),
        ("NGO", "association"),
        ("non-profit", "association"),
        ("stiftelse", "foundation"),
        ("foundation", "foundation"),
        ("kommun", "municipality"),
        ("Esbo stad", "municipality"),
        ("staden", "municipality"),
        ("välfärdsområde", "municipality"),
        ("municipality", "municipality"),
        ("city", "municipality"),
        ("the city of Espoo", "municipality"),
        ("wellbeing services county", "municipality"),
        ("företag", "company"),
        ("ett litet företag", "company"),
        ("firma", "company"),
        ("Ab", "company"),
        ("Oy", "company"),
        ("company", "company"),
        ("business", "company"),
        ("Ltd", "company"),
        ("café", "company"),
        ("cafe", "company"),
        ("a café in the city centre", "company"),
        ("restaurant", "company"),
        ("shop", "company"),
        ("församling", "other"),
        ("parish", "other"),
        ("other", "other"),
        ("annat", "other"),
        ("something else", "other"),
        ("Jakobstad", None),  # a town's name is no "stad"
        ("Kyrkslätt", None),  # nor a church
    ],
)
def test_employer_type_swedish_and_english(text, expected):
    assert interview.employer_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("läroavtal", "apprentice"),
        ("laroavtal", "apprentice"),
        ("apprentice", "apprentice"),
        ("apprenticeship", "apprentice"),
        ("partiell arbetsförmåga", "partial_work_ability"),
        ("nedsatt arbetsförmåga", "partial_work_ability"),
        ("funktionsnedsättning", "partial_work_ability"),
        ("partial work ability", "partial_work_ability"),
        ("reduced work ability", "partial_work_ability"),
        ("disability", "partial_work_ability"),
        ("över 55", "over_55"),
        ("over 55", "over_55"),
        ("55+", "over_55"),
        ("aged 58", "over_55"),
        ("äldre", "over_55"),
        ("58 år", "over_55"),
        ("58 years old", "over_55"),
        ("under 30", "under_30"),
        ("ung", "under_30"),
        ("ungdom", "under_30"),
        ("young", "under_30"),
        ("youth", "under_30"),
        ("a young person under 25", "under_30"),
        ("22 år", "under_30"),
        ("långtidsarbetslös", "long_unemployed"),
        ("langtidsarbetslos", "long_unemployed"),
        ("long-term unemployed", "long_unemployed"),
        ("ingen av dessa", "none"),
        ("none", "none"),
        ("nothing special", "none"),
        ("regular", "none"),
        ("20 years of experience", None),  # experience, not an age
    ],
)
def test_hire_group_swedish_and_english(text, expected):
    assert interview.hire_group(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("städning", "cleaning"),
        ("städare", "cleaning"),
        ("stadare", "cleaning"),
        ("lokalvårdare", "cleaning"),
        ("cleaning", "cleaning"),
        ("cleaner", "cleaning"),
        ("fastighetsskötare", "property_care"),
        ("property maintenance", "property_care"),
        ("janitor", "property_care"),
        ("återvinning", "recycling"),
        ("recycling", "recycling"),
        ("kök", "kitchen"),
        ("kock", "kitchen"),
        ("restaurang", "kitchen"),
        ("kitchen", "kitchen"),
        ("cook", "kitchen"),
        ("chef", "kitchen"),
        ("restaurant", "kitchen"),
        ("café", "kitchen"),
        ("media", "media"),
        ("graphic design", "media"),
        ("snickare", "woodwork"),
        ("woodwork", "woodwork"),
        ("carpenter", "woodwork"),
        ("lager", "logistics"),
        ("jag har jobbat på lager i tio år", "logistics"),
        ("logistik", "logistics"),
        ("warehouse", "logistics"),
        ("logistics", "logistics"),
        ("forklift", "logistics"),
        ("jag kör truck", "logistics"),  # Swedish "truck" is a forklift
        ("butik", "retail"),
        ("försäljning", "retail"),
        ("forsaljning", "retail"),
        ("kassa", "retail"),
        ("retail", "retail"),
        ("shop", "retail"),
        ("sales", "retail"),
        ("cashier", "retail"),
        ("vård", "care"),
        ("vården", "care"),
        ("vårdare", "care"),
        ("närvårdare", "care"),
        ("narvardare", "care"),
        ("sjukskötare", "care"),
        ("care", "care"),
        ("nurse", "care"),
        ("caregiver", "care"),
        ("bygg", "construction"),
        ("byggbranschen", "construction"),
        ("construction", "construction"),
        ("builder", "construction"),
        ("kontor", "office"),
        ("office", "office"),
        ("IT", "it"),
        ("inom IT", "it"),
        ("I worked in IT for 5 years", "it"),
        ("it-support", "it"),
        ("olin it:ssä", "it"),
        ("programmer", "it"),
        ("software developer", "it"),
        ("metall", "metal"),
        ("svetsare", "metal"),
        ("metal", "metal"),
        ("welder", "metal"),
        ("textil", "textile"),
        ("sömnad", "textile"),
        ("textile", "textile"),
        ("sewing", "textile"),
        ("trädgård", "gardening"),
        ("tradgard", "gardening"),
        ("garden", "gardening"),
        ("transport", "transport"),
        ("chaufför", "transport"),
        ("lastbilschaufför", "transport"),
        ("bussförare", "transport"),
        ("driver", "transport"),
        ("truck driver", "transport"),
        ("kundtjänst", "customer_service"),
        ("kundservice", "customer_service"),
        ("customer service", "customer_service"),
    ],
)
def test_fields_swedish_and_english(text, expected):
    assert expected in interview.fields(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("forklift driver in a warehouse", ["logistics"]),
        ("lokalvårdare", ["cleaning"]),  # not care ("vård")
        ("customer care", ["customer_service"]),
        ("caretaker", ["property_care"]),
    ],
)
def test_fields_swedish_and_english_exactly(text, expected):
    assert interview.fields(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I like it",  # the pronoun is not IT work
        "I have some experience",  # English "some" is not Finnish "some" (social media)
        "sometimes",
        "vardag",  # everyday life, not care ("vård")
        "kokemusta",  # Finnish "experience", not Swedish "kök"
        "kokoaikainen",
        "Stockholm city",
    ],
)
def test_fields_false_friends(text):
    assert interview.fields(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ett", 1),
        ("två", 2),
        ("tva", 2),
        ("tre", 3),
        ("en trea", 3),
        ("fyra", 4),
        ("fem", 5),
        ("mycket dåligt", 1),
        ("dåligt", 2),
        ("daligt", 2),
        ("inte så bra", 2),
        ("sådär", 3),
        ("bra", 4),
        ("mycket bra", 5),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("I'd give it a four", 4),
        ("five", 5),
        ("terrible", 1),
        ("bad", 2),
        ("not good", 2),
        ("not great", 2),
        ("not bad", 3),
        ("ok", 3),
        ("okay", 3),
        ("good", 4),
        ("very good", 5),
        ("3 out of 5", 3),
        ("3/5", 3),
        ("kolme", 3),
        ("tosi hyvä", 5),
        ("en", None),  # Finnish "en" (I don't), not Swedish "one"
        ("asdf", None),
    ],
)
def test_rating(text, expected):
    assert interview.rating(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2400 €/month", (2400, None)),
        ("2400 euros a month", (2400, None)),
        ("2400 €/mån", (2400, None)),
        ("2400 euro i månaden", (2400, None)),
        ("€2,400 a month", (2400, None)),
        ("2,400 euros per month", (2400, None)),
        ("30 hours a week", (None, 30)),
        ("30 h/vecka", (None, 30)),
        ("30 timmar i veckan", (None, 30)),
        ("€2,400 a month, 30 hours a week", (2400, 30)),
        ("2,400 euros per month and 37.5 hours a week", (2400, 37.5)),
        ("lön 2400 €/mån, heltid", (2400, 37.5)),
        ("salary 2800, full-time", (2800, 37.5)),
        ("15 € per hour", (None, None)),
    ],
)
def test_job_terms_swedish_and_english(text, expected):
    assert interview.job_terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I'm 45", 45), ("45 years old", 45), ("jag är 45", 45), ("45 år", 45), ("fyrtiofem år", 45), ("twenty-five", 25)],
)
def test_age_swedish_and_english(text, expected):
    assert interview.age(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ett halvt år", 6),
        ("ett halvår", 6),
        ("sex månader", 6),
        ("två år", 24),
        ("mer än ett år", 13),
        ("ett par månader", 2),
        ("half a year", 6),
        ("six and a half months", 6.5),
        ("over a year", 13),
        ("a couple of months", 2),
        ("since last summer", None),
    ],
)
def test_unemployed_months_swedish_and_english(text, expected):
    assert interview.unemployed_months(text) == expected


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("for 12 months", 12),
        ("I'd hire a cleaner for 12 months", 12),
        ("for a year", 12),
        ("a year", 12),
        ("for half a year", 6),
        ("a 6-month contract", 6),
        ("6 month job", 6),
        ("the contract is 6 months", 6),
        ("the job lasts a year", 12),
        ("2400 €/month, 12 months", 12),
        ("i 12 månader", 12),
        ("i ett år", 12),
        ("ett år", 12),
        ("för sex månader", 6),
        ("sex månaders anställning", 6),
        ("ett års kontrakt", 12),
        ("anställningen är på ett år", 12),
        ("he has been unemployed for 8 months and the contract is 10 months", 10),
        ("unemployed for 8 months", None),
        ("arbetslös i 8 månader", None),
        ("worked there for 2 years", None),
        ("permanent job", None),
        ("tills vidare", None),
        ("2400 €/month, 30 hours a week", None),
        ("i år", None),  # "this year"
        ("for 100 years", None),
    ],
)
def test_job_months_swedish_and_english(text, months):
    assert interview.job_months(text) == months


@pytest.mark.parametrize(
    "text",
    [
        "jag är arbetslös och vill jobba",
        "ryggen är dålig, finskan bra",
        "företag, anställer en ung på läroavtal",
        "I'm unemployed and want to work in IT",
        "my back is bad, Finnish is good",
        "a company hiring a young apprentice",
    ],
)
def test_parsers_return_only_profile_values_swedish_and_english(text):
    test_parsers_return_only_profile_values(text)
