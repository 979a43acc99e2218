"""The summary page of a service path (HTML and PDF) and anonymous feedback.

`/yhteenveto/<token>` is for people: it answers HTML, also when the token is
unknown or expired (a Finnish 404 page, never JSON or a stack trace). The token is
the only key, so responses are not cached and not indexed.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Annotated, Any, Literal
from xml.sax.saxutils import escape

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field, StringConstraints

from api import errors
from conversations.feedback import MAX_SERVICE_IDS, save_feedback
from conversations.summaries import load_summary

router = APIRouter(tags=["summary"])

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
templates = Environment(
    loader=FileSystemLoader(str(TEMPLATES_DIR)),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
PRIVATE_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}

# Finnish names of the feedback fields for api.errors' validation messages.
for _name, _finnish in (("rating", "arvosana"), ("kind", "palautteen antaja"), ("service_ids", "palvelut")):
    errors.FIELD_NAMES_FI.setdefault(_name, _finnish)


def finnish_date(iso: str | None) -> str:
    try:
        day = dt.date.fromisoformat(str(iso))
    except ValueError:
        return ""
    return f"{day.day}.{day.month}.{day.year}"


def _expiry(data: dict[str, Any], days: int) -> str:
    try:
        return finnish_date((dt.date.fromisoformat(data["date"]) + dt.timedelta(days=days)).isoformat())
    except (KeyError, TypeError, ValueError):
        return ""


def _load(request: Request, token: str) -> tuple[dict[str, Any] | None, int]:
    days = request.app.state.settings.retention_days
    return load_summary(request.app.state.engine, token, max_age_days=days), days


def _missing_page(days: int) -> HTMLResponse:
    html = templates.get_template("summary.html").render(summary=None, retention_days=days)
    return HTMLResponse(html, status_code=404, headers=PRIVATE_HEADERS)


# The PDF route comes first: `{token}` alone would also match "<token>.pdf".
@router.get("/yhteenveto/{token}.pdf", include_in_schema=False)
def summary_pdf(token: str, request: Request) -> Response:
    data, days = _load(request, token)
    if data is None:
        return _missing_page(days)
    return Response(
        content=build_pdf(data, days),
        media_type="application/pdf",
        headers={**PRIVATE_HEADERS, "Content-Disposition": 'attachment; filename="polkuopas-yhteenveto.pdf"'},
    )


@router.get("/yhteenveto/{token}", include_in_schema=False, response_class=HTMLResponse)
def summary_page(token: str, request: Request) -> HTMLResponse:
    data, days = _load(request, token)
    if data is None:
        return _missing_page(days)
    html = templates.get_template("summary.html").render(
        summary=data,
        token=token,
        date_fi=finnish_date(data.get("date")),
        expires_fi=_expiry(data, days),
        retention_days=days,
    )
    return HTMLResponse(html, headers=PRIVATE_HEADERS)


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

CONTACT_LABELS = (("phone", "Puhelin"), ("email", "Sähköposti"), ("hours", "Palveluajat"), ("address", "Käyntiosoite"))


def _p(text: Any) -> str:
    """Plain text for reportlab's paragraph mini-markup."""
    return escape(" ".join(str(text).split()))


def _link(url: str) -> str:
    return f'<link href="{escape(url, {chr(34): "&quot;"})}" color="#0b4a8b">{_p(url)}</link>'


def build_pdf(data: dict[str, Any], retention_days: int) -> bytes:
    """An A4 PDF of the summary; Helvetica covers Finnish letters and the euro sign."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    sheet = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=sheet["Normal"], fontName="Helvetica", fontSize=10.5, leading=14, alignment=TA_LEFT
    )
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, textColor=colors.HexColor("#4b5563"))
    h1 = ParagraphStyle(
        "h1", parent=sheet["Heading1"], fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=4
    )
    h2 = ParagraphStyle(
        "h2",
        parent=sheet["Heading2"],
        fontName="Helvetica-Bold",
        fontSize=13.5,
        leading=17,
        spaceBefore=10,
        spaceAfter=4,
    )
    h3 = ParagraphStyle(
        "h3",
        parent=sheet["Heading3"],
        fontName="Helvetica-Bold",
        fontSize=11.5,
        leading=15,
        spaceBefore=8,
        spaceAfter=2,
    )
    indented = ParagraphStyle("indented", parent=body, leftIndent=12)
    service_title = ParagraphStyle(
        "service", parent=indented, fontName="Helvetica-Bold", spaceBefore=5, bulletIndent=2, bulletFontName="Helvetica"
    )

    def contact_lines(contact: dict[str, Any] | None) -> list[Any]:
        if not contact:
            return []
        lines = []
        if contact.get("name"):
            lines.append(Paragraph(f"<b>{_p(contact['name'])}</b>", body))
        for key, label in CONTACT_LABELS:
            if contact.get(key):
                lines.append(Paragraph(f"{label}: {_p(contact[key])}", body))
        if contact.get("url"):
            lines.append(Paragraph(f"Verkossa: {_link(contact['url'])}", body))
        return lines

    story: list[Any] = [
        Paragraph("Polkuopas – palvelupolkuni", h1),
        Paragraph(
            f"Yhteenveto {_p(finnish_date(data.get('date')))}. Ota tämä mukaan, kun tapaat työllisyysalueen asiantuntijan tai valmentajan.",
            small,
        ),
    ]
    profile = data.get("profile") or []
    if profile:
        story.append(Paragraph("Tietoni", h2))
        for item in profile:
            story.append(Paragraph(f"<b>{_p(item.get('label', ''))}:</b> {_p(item.get('value', ''))}", body))
    competence = data.get("competence") or []
    if competence:
        story.append(Paragraph("Osaamiseni", h2))
        for line in competence:
            story.append(Paragraph(_p(line), indented, bulletText="•"))
    story.append(Paragraph("Palvelupolku", h2))
    for step in data.get("steps") or []:
        block: list[Any] = [Paragraph(f"{_p(step.get('number', ''))}. {_p(step.get('title', ''))}", h3)]
        if step.get("why"):
            block.append(Paragraph(f"<b>Miksi:</b> {_p(step['why'])}", body))
        if step.get("how_to_start"):
            block.append(Paragraph(f"<b>Näin aloitat:</b> {_p(step['how_to_start'])}", body))
        story.append(KeepTogether(block))
        for service in step.get("services") or []:
            parts = [Paragraph(_p(service.get("title") or "Palvelu"), service_title, bulletText="•")]
            if service.get("summary"):
                parts.append(Paragraph(_p(service["summary"]), indented))
            if service.get("provider"):
                parts.append(Paragraph(f"Järjestäjä: {_p(service['provider'])}", indented))
            if service.get("contact"):
                parts.append(Paragraph(f"Yhteystieto: {_p(service['contact'])}", indented))
            if service.get("url"):
                parts.append(Paragraph(f"Lisätietoa: {_link(service['url'])}", indented))
            story.append(KeepTogether(parts))
        if step.get("contact"):
            story.append(
                Paragraph("Yhteystieto tähän vaiheeseen", ParagraphStyle("contact", parent=small, spaceBefore=6))
            )
            story.extend(contact_lines(step["contact"]))
    if data.get("contact"):
        story.append(Paragraph("Oman alueesi työllisyyspalvelut", h2))
        story.extend(contact_lines(data["contact"]))
    if data.get("notes"):
        story.append(Paragraph("Huomioita", h2))
        for note in data["notes"]:
            story.append(Paragraph(_p(note), body))
    story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            "Polkuopas on ohjaava palvelu: se ei tee päätöksiä etuuksista eikä palveluista. "
            f"Verkkosivu ja sen linkki poistuvat, kun keskustelu poistetaan, tai viimeistään {retention_days} päivän kuluttua.",
            small,
        )
    )

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="Polkuopas – palvelupolkuni",
        author="Polkuopas",
        lang="fi",
    )
    document.build(story)
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------

ServiceId = Annotated[str, StringConstraints(min_length=1, max_length=80)]


class FeedbackIn(BaseModel):
    rating: int = Field(ge=1, le=5, strict=True, description="1–5")
    kind: Literal["jobseeker", "employer"]
    service_ids: list[ServiceId] = Field(default_factory=list, max_length=MAX_SERVICE_IDS)


@router.post("/api/feedback", status_code=204, tags=["feedback"])
def feedback(body: FeedbackIn, request: Request) -> Response:
    """Anonymous: nothing ties the rating to a conversation."""
    try:
        save_feedback(request.app.state.engine, body.rating, body.kind, body.service_ids)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from None
    return Response(status_code=204)
