"""Finnish labels for the catalogue's fixed codes (fields of work, target groups, categories)."""

FIELD_LABELS_FI = {
    "cleaning": "siivous",
    "property_care": "kiinteistönhoito",
    "recycling": "kierrätys",
    "kitchen": "keittiö- ja ravintolatyö",
    "media": "media",
    "woodwork": "puutyö",
    "logistics": "varasto ja logistiikka",
    "retail": "kauppa ja myynti",
    "care": "hoiva",
    "construction": "rakentaminen",
    "office": "toimistotyö",
    "it": "IT",
    "metal": "metalliala",
    "textile": "tekstiiliala",
    "gardening": "puutarha- ja viherala",
    "transport": "kuljetus",
    "customer_service": "asiakaspalvelu",
}


SITUATION_LABELS = {
    "unemployed": "työtön",
    "laid_off": "lomautettu",
    "employed": "töissä",
    "student": "opiskelija",
    "graduating": "valmistumassa",
    "sick_leave": "sairauslomalla",
    "other": "muu tilanne",
}

FINNISH_LEVEL_LABELS = {
    "native": "äidinkieli tai sujuva",
    "good": "hyvä",
    "basic": "perustaso",
    "none": "opettelee vasta",
}

EDUCATION_LABELS = {
    "basic": "peruskoulu",
    "upper_secondary": "lukio",
    "vocational": "ammatillinen tutkinto",
    "higher": "korkeakoulututkinto",
}

GOAL_LABELS = {
    "job": "töihin",
    "education": "opiskelemaan",
    "try_field": "kokeilemaan uutta alaa",
    "business": "yrittäjäksi",
    "rehabilitation": "jaksamaan ensin paremmin",
}

# Kompassi-style self-rating (1–5): the life areas as the user sees them
LIFE_AREA_LABELS = {
    "finances": "talous",
    "social": "ihmissuhteet ja sosiaalinen tilanne",
    "skills": "osaaminen",
    "wellbeing": "hyvinvointi ja jaksaminen",
    "daily_life": "arjen sujuminen",
    "employment": "työllistyminen ja työnhaku",
    "health": "terveys",
}


def field_label(code: str) -> str:
    return FIELD_LABELS_FI.get(code, code)


# Health is kept only as one of these categories (never as the person's own words)
HEALTH_CATEGORY_LABELS = {
    "musculoskeletal": "tuki- ja liikuntaelimet",
    "mental_health": "mieliala ja jaksaminen",
    "chronic_illness": "pitkäaikainen sairaus",
    "disability": "vamma tai aistivamma",
    "learning_neuro": "oppiminen tai keskittyminen",
    "other": "muu terveyteen liittyvä asia",
    "undisclosed": "ei halua kertoa",
}
