"""The words of our own pages in one language: the chat widget's and the lookup page's (/haku).

They live in messages/<lang>/widget.yaml and haku.yaml like every other wording; the pages fetch
them before they render, so no words are written in JavaScript."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.schemas import UiStrings
from messages import catalogue, current_language, supported

router = APIRouter(prefix="/api/ui", tags=["ui"])

# the catalogue files whose keys are served (the key's first part is the file's name)
UI_TOPICS = ("widget", "haku")


def ui_strings(lang: str) -> dict[str, str]:
    """Every key of the UI topics in `lang` (a supported language), with its wording."""
    return {
        key: wording
        for key, wording in catalogue(lang).items()
        if key.split(".", 1)[0] in UI_TOPICS and isinstance(wording, str)
    }


@router.get("", response_model=UiStrings)
def ui(lang: str | None = Query(default=None, max_length=10)) -> UiStrings:
    """The pages' words in `lang`; without it (or for an unknown one) in the request's language."""
    chosen = supported(lang) or current_language()
    return UiStrings(lang=chosen, strings=ui_strings(chosen))
