"""Answers that may only be kept as a category.

When the bot has just asked what a health limitation relates to, the next typed
answer never reaches Rasa or the database as text: the gateway turns it into a
category and forwards a button payload instead, and the conversation history
shows only the category's label.
"""

from __future__ import annotations

import json
import re

from understanding.finnish import fold
from understanding.interview import health_category
from vocabulary import label

# What a person may say instead of answering: it goes to Rasa as it is (health details in it
# are still replaced by their category, like in every message).
NOT_AN_ANSWER = re.compile(
    r"^\W*(miksi|miks|mihin|mita varten)\b|\bpoista\b|\balusta\b|\blopeta\b|\bihmise|\bvirkailija|"
    # Swedish and English: why, delete, start over, a person
    r"^\W*(varfor|why)\b|\b(radera|ta bort|delete|erase)\b|\bborja om\b|\bstart over\b|\bmanniska|\bhuman\b|\breal person"
)


def as_category(expects: str | None, message: str) -> tuple[str, str] | None:
    """(the payload to send to Rasa, the text to store) for a sensitive answer, else None."""
    if expects != "health" or message.startswith("/"):
        return None
    if NOT_AN_ANSWER.search(fold(message[:300])):
        return None
    category = health_category(message)
    payload = "/inform" + json.dumps({"health_category": category})
    return payload, f"({label('health_category', category)})"
