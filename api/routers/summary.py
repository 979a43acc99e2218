"""The summary page of a service path (HTML and PDF) and anonymous feedback.

`/yhteenveto/<token>` is for people: it answers HTML, also when the token is
unknown or expired (a Finnish 404 page, never JSON or a stack trace). The token is
the only key, so responses are not cached and not indexed.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field, StringConstraints

from api.pages import PRIVATE_HEADERS, page_templates
from conversations.feedback import MAX_SERVICE_IDS, save_feedback
from conversations.summaries import expiry_date, load_summary, shown_date, summary_language
from conversations.summary_pdf import build_pdf
from insights.events import Event, record
from messages import current_language, speaking
from vocabulary import Audience

router = APIRouter(tags=["summary"])

# the summary page's wording: messages/<lang>/summary_page.yaml
templates = page_templates("summary_page")


def _load(request: Request, token: str) -> tuple[dict[str, Any] | None, int]:
    days = request.app.state.settings.retention_days
    return load_summary(request.app.state.engine, token, max_age_days=days), days


def _missing_page(days: int) -> HTMLResponse:
    html = templates.get_template("summary.html").render(summary=None, retention_days=days, lang=current_language())
    return HTMLResponse(html, status_code=404, headers=PRIVATE_HEADERS)


# The PDF route comes first: `{token}` alone would also match "<token>.pdf".
@router.get("/yhteenveto/{token}.pdf", include_in_schema=False)
def summary_pdf(token: str, request: Request) -> Response:
    data, days = _load(request, token)
    if data is None:
        return _missing_page(days)
    with speaking(summary_language(data) or current_language()):
        pdf = build_pdf(data, days)
    return Response(
        content=pdf,
        media_type="application/pdf",
        headers={**PRIVATE_HEADERS, "Content-Disposition": 'attachment; filename="polkuopas-yhteenveto.pdf"'},
    )


@router.get("/yhteenveto/{token}", include_in_schema=False, response_class=HTMLResponse)
def summary_page(token: str, request: Request) -> HTMLResponse:
    data, days = _load(request, token)
    if data is None:
        return _missing_page(days)
    # the page speaks the conversation's language, whatever the browser's
    with speaking(summary_language(data) or current_language()) as lang:
        html = templates.get_template("summary.html").render(
            summary=data,
            token=token,
            lang=lang,
            date_shown=shown_date(data.get("date")),
            expires_shown=expiry_date(data, days),
            retention_days=days,
        )
    return HTMLResponse(html, headers=PRIVATE_HEADERS)


# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------

ServiceId = Annotated[str, StringConstraints(min_length=1, max_length=80)]


class FeedbackIn(BaseModel):
    rating: int = Field(ge=1, le=5, strict=True, description="1–5")
    kind: Audience
    service_ids: list[ServiceId] = Field(default_factory=list, max_length=MAX_SERVICE_IDS)


@router.post("/api/feedback", status_code=204, tags=["feedback"])
def feedback(body: FeedbackIn, request: Request) -> Response:
    """Anonymous: nothing ties the rating to a conversation."""
    try:
        save_feedback(request.app.state.engine, body.rating, body.kind, body.service_ids)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None
    # for the figures: no area (nothing ties the rating to a conversation, so neither to a place)
    record(
        request.app.state.engine,
        [Event(kind="feedback", rating=body.rating, audience=body.kind, lang=current_language())],
    )
    return Response(status_code=204)
