"""An office's own Word form, rendered with docxtpl (`par sheet --template FORM.docx`).

Provinces' forms differ, so the layout is theirs; par fills in the values. The context is
built here and documented in the README ("Mẫu Word của cơ quan"); templates/sheet-form.docx
is a sample made by templates/make_sheet_form.py.
"""

from __future__ import annotations

import io
from typing import Any

from par_cli.i18n import Lang, Message, fmt_date, fmt_number, fmt_percent
from par_cli.render import report_heading as h
from par_cli.render import sheet_cells as c
from par_cli.scoring.sheet import Sheet


class TemplateError(Exception):
    """The form cannot be rendered: why (``reason``, a `Message`: not a Word file, or a
    Jinja error in it) and the template's line where jinja2 names one."""

    def __init__(self, reason: Message, line: int | None = None) -> None:
        super().__init__(reason.code)
        self.reason = reason
        self.line = line


def template_context(sheet: Sheet, lang: Lang) -> dict[str, Any]:
    """Everything a form can use; numbers both as text (80,91) and as numbers (``*_value``)."""
    plan, adjusted = sheet.plan, sheet.adjusted
    report = plan.report

    def n(value: float | None) -> str:
        return c.number(value, lang)

    rows = [
        {
            "stt": row.stt,
            "id": row.id,
            "level": row.level,
            "depth": row.depth,
            "title": row.title,
            "max": n(row.max),
            "points": n(row.points),
            "max_value": row.max,
            "points_value": row.points,
            "evidence": c.evidence_text(row, lang),
            "evidence_text": "\n".join(c.evidence_text(row, lang)),
            "explanation": c.explanation_text(row, lang),
            "note": c.note_text(row, lang),
            "bold": row.level == "domain",
        }
        for row in sheet.rows
    ]
    return {
        "plan": {"number": plan.plan.number, "date": fmt_date(plan.plan.date, lang), "issuer": plan.issuer, "title": plan.title, "year": plan.year},
        "report": {
            "parent": report.parent or "",
            "issuer": plan.issuer,
            "national": h.NATIONAL,
            "motto": h.MOTTO,
            "number_line": h.number_line(plan),
            "place_date": h.place_date_line(plan),
            "title": "BÁO CÁO",
            "summary_line": h.summary_line(plan, sheet.stage),
            "difficulties": list(report.difficulties),
            "recommendations": list(report.recommendations),
            "signer": report.signer or "",
            "signer_title": report.signer_title or "GIÁM ĐỐC",
            "recipients": list(report.recipients),
        },
        "stage": sheet.stage,
        "stage_name": c.stage_name(sheet.stage, lang),
        "as_of": fmt_date(sheet.as_of, lang) if sheet.as_of else "",
        "headings": c.headings(sheet, lang),
        "rows": rows,
        "domains": [row for row in rows if row["depth"] == 0],
        "explanations": [{"id": row.id, "title": row.title, "text": c.explanation_text(row, lang)} for row in sheet.rows if row.explanation or row.missing],
        "totals": {
            "points": fmt_number(adjusted.points, lang),
            "bonus": fmt_number(adjusted.bonus, lang),
            "penalty": fmt_number(adjusted.penalty, lang),
            "total": fmt_number(adjusted.total, lang),
            "max": fmt_number(adjusted.max, lang),
            "applicable_max": fmt_number(adjusted.applicable_max, lang),
            "percent": fmt_percent(adjusted.percent, lang),
            "total_value": adjusted.total,
            "percent_value": adjusted.percent,
        },
    }


def render_template(sheet: Sheet, form: bytes, lang: Lang) -> bytes:
    """The office's Word form ``form`` (its bytes) filled in with the sheet."""
    from docxtpl import DocxTemplate

    from par_cli.plan.reasons import jinja_reason, office_reason

    document = DocxTemplate(io.BytesIO(form))
    try:
        document.init_docx()
    except Exception as error:  # noqa: BLE001 - python-docx says "not a .docx" in many ways
        raise TemplateError(office_reason(error, "docx")) from None
    try:
        document.render(template_context(sheet, lang), autoescape=True)
    except Exception as error:  # noqa: BLE001 - jinja2's errors, and whatever a form's code raises
        reason, line = jinja_reason(error)
        raise TemplateError(reason, line) from None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
