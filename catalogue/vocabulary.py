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


def field_label(code: str) -> str:
    return FIELD_LABELS_FI.get(code, code)
