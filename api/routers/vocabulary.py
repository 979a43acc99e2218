"""The fixed vocabularies and their labels, for pages that show codes (the lookup page)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.schemas import VocabularyList
from messages import DEFAULT_LANGUAGE, LANGUAGES
from vocabulary import VOCABULARIES, labels

router = APIRouter(prefix="/api/vocabulary", tags=["vocabulary"])


@router.get("", response_model=VocabularyList)
def vocabularies(lang: str = Query(default=DEFAULT_LANGUAGE, max_length=5)) -> VocabularyList:
    """Every vocabulary's codes in order, each with its label (in `lang` where it is known)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return VocabularyList(
        lang=lang,
        vocabularies={
            name: [{"code": code, "label": text} for code, text in labels(name, lang).items()] for name in VOCABULARIES
        },
    )
