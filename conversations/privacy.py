"""Personal data that must not be stored: masked before a message reaches Rasa or our database.

Finnish personal identity codes (henkilötunnus), phone numbers and e-mail addresses are
replaced by a label in brackets, as the City of Turku's Rasa bot did. Numbers the bot
needs (ages, months, wages, hours, postal codes) are left alone.
"""

from __future__ import annotations

import re

# DDMMYY, the century sign (+, -, A–F, U–Y), three digits and a check character
IDENTITY_CODE_RE = re.compile(
    r"\b(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.IGNORECASE
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
# +358 40 123 4567, 040-123 4567, 0401234567, (09) 310 1234: a leading + or 0 and 7–12 digits
PHONE_RE = re.compile(r"(?<![\w@])(\+\d{1,3}[\s-]?|\(?0)\d{1,4}\)?(?:[\s-]?\d){5,10}(?!\s*(€|e\b|eur|euro))(?![\w@])")

MASKS = (
    (IDENTITY_CODE_RE, "[henkilötunnus]"),
    (EMAIL_RE, "[sähköposti]"),
    (PHONE_RE, "[puhelinnumero]"),
)


def mask_personal_data(text: str) -> str:
    """The text with identity codes, e-mail addresses and phone numbers replaced by labels."""
    for pattern, label in MASKS:
        text = pattern.sub(label, text)
    return text
