"""The summary of a service path as an A4 PDF, to print or to take along (the page
/yhteenveto/<token>.pdf; the data comes from conversations.summaries)."""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from conversations.summaries import shown_date
from messages import text


def _contact_labels() -> tuple[tuple[str, str], ...]:
    """The lines of a contact and their labels, in order (the web address comes last, as a link)."""
    return (
        ("phone", text("conversations.summary_pdf.contact.phone")),
        ("email", text("conversations.summary_pdf.contact.email")),
        ("hours", text("conversations.summary_pdf.contact.hours")),
        ("address", text("conversations.summary_pdf.contact.address")),
    )


def _p(value: Any) -> str:
    """Plain text for reportlab's paragraph mini-markup."""
    return escape(" ".join(str(value).split()))


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

    def heading(level: int, size: float, leading: float, before: float, after: float) -> ParagraphStyle:
        return ParagraphStyle(
            f"h{level}",
            parent=sheet[f"Heading{level}"],
            fontName="Helvetica-Bold",
            fontSize=size,
            leading=leading,
            spaceBefore=before,
            spaceAfter=after,
        )

    h2 = heading(2, 13.5, 17, before=10, after=4)
    h3 = heading(3, 11.5, 15, before=8, after=2)
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
        for key, label in _contact_labels():
            if contact.get(key):
                lines.append(Paragraph(f"{label}: {_p(contact[key])}", body))
        if contact.get("url"):
            lines.append(Paragraph(f"{text('conversations.summary_pdf.contact.url')}: {_link(contact['url'])}", body))
        return lines

    story: list[Any] = [
        Paragraph(_p(text("conversations.summary_pdf.title")), h1),
        Paragraph(_p(text("conversations.summary_pdf.intro", date=shown_date(data.get("date")))), small),
    ]
    profile = data.get("profile") or []
    if profile:
        story.append(Paragraph(text("conversations.summary_pdf.profile"), h2))
        for item in profile:
            story.append(Paragraph(f"<b>{_p(item.get('label', ''))}:</b> {_p(item.get('value', ''))}", body))
    competence = data.get("competence") or []
    if competence:
        story.append(Paragraph(text("conversations.summary_pdf.competence"), h2))
        for line in competence:
            story.append(Paragraph(_p(line), indented, bulletText="•"))
    story.append(Paragraph(text("conversations.summary_pdf.path"), h2))
    for step in data.get("steps") or []:
        block: list[Any] = [Paragraph(f"{_p(step.get('number', ''))}. {_p(step.get('title', ''))}", h3)]
        if step.get("why"):
            block.append(Paragraph(f"<b>{text('conversations.summary_pdf.why')}:</b> {_p(step['why'])}", body))
        if step.get("how_to_start"):
            block.append(
                Paragraph(f"<b>{text('conversations.summary_pdf.how_to_start')}:</b> {_p(step['how_to_start'])}", body)
            )
        story.append(KeepTogether(block))
        for service in step.get("services") or []:
            parts = [
                Paragraph(
                    _p(service.get("title") or text("conversations.summary_pdf.service")), service_title, bulletText="•"
                )
            ]
            if service.get("summary"):
                parts.append(Paragraph(_p(service["summary"]), indented))
            if service.get("provider"):
                parts.append(
                    Paragraph(f"{text('conversations.summary_pdf.provider')}: {_p(service['provider'])}", indented)
                )
            if service.get("contact"):
                parts.append(
                    Paragraph(
                        f"{text('conversations.summary_pdf.service_contact')}: {_p(service['contact'])}", indented
                    )
                )
            if service.get("url"):
                parts.append(Paragraph(f"{text('conversations.summary_pdf.more')}: {_link(service['url'])}", indented))
            story.append(KeepTogether(parts))
        if step.get("contact"):
            story.append(
                Paragraph(
                    text("conversations.summary_pdf.step_contact"),
                    ParagraphStyle("contact", parent=small, spaceBefore=6),
                )
            )
            story.extend(contact_lines(step["contact"]))
    if data.get("contact"):
        story.append(Paragraph(text("conversations.summary_pdf.area_contact"), h2))
        story.extend(contact_lines(data["contact"]))
    if data.get("notes"):
        story.append(Paragraph(text("conversations.summary_pdf.notes"), h2))
        for note in data["notes"]:
            story.append(Paragraph(_p(note), body))
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(_p(text("conversations.summary_pdf.disclaimer", days=retention_days)), small))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=text("conversations.summary_pdf.title"),
        author=text("conversations.summary_pdf.author"),
        lang="fi",
    )
    document.build(story)
    return buffer.getvalue()
