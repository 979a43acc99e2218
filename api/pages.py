"""Our server-rendered pages (the summary page, the staff's login and figures pages): Jinja
templates in api/templates/, autoescaped, with `t(key)` for the page's wording in the request's
language (messages/<lang>/<topic>.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from messages import local_date, number, text

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# pages for one person's eyes: never cached, never indexed
PRIVATE_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}


def page_templates(topic: str) -> Environment:
    """Templates whose `t("x.y")` is the wording `<topic>.x.y`."""
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def page_text(key: str, **params: Any) -> str:
        return text(f"{topic}.{key}", **params)

    def shown_number(value: Any) -> str:
        """A count in the locale's digits (1 234 / 1,234); "< 5" and other words as they are."""
        return number(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)

    def shown_date(value: str) -> str:
        return local_date(dt.date.fromisoformat(value))

    environment.globals["t"] = page_text
    environment.filters["number"] = shown_number
    environment.filters["date"] = shown_date
    return environment
