"""Builds templates/sheet-form.docx, the sample form for `par sheet --template`.

Run it after changing it: .venv/bin/python templates/make_sheet_form.py
The form is plain python-docx with docxtpl's Jinja tags typed as text; an office copies it
and moves the tags into its own layout. The variables are listed in the README.
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

HERE = Path(__file__).parent


def build(path: Path) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    head = document.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.paragraphs[0].add_run("{{ report.parent }}")
    left.add_paragraph().add_run("{{ report.issuer }}").bold = True
    left.add_paragraph("{{ report.number_line }}")
    right.paragraphs[0].add_run("{{ report.national }}").bold = True
    right.add_paragraph().add_run("{{ report.motto }}").bold = True
    right.add_paragraph().add_run("{{ report.place_date }}").italic = True
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("{{ report.title }}").bold = True
    summary = document.add_paragraph()
    summary.alignment = WD_ALIGN_PARAGRAPH.CENTER
    summary.add_run("{{ report.summary_line }} ({{ stage_name }})").bold = True
    document.add_paragraph("Tổng điểm: {{ totals.total }}/{{ totals.applicable_max }} điểm, đạt {{ totals.percent }}.")
    table = document.add_table(rows=4, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("STT", "Tiêu chí", "Điểm tối đa", "Điểm", "Tài liệu kiểm chứng")):
        cell.paragraphs[0].add_run(text).bold = True
    table.rows[1].cells[0].text = "{%tr for row in rows %}"
    for cell, text in zip(table.rows[2].cells, ("{{ row.stt }}", "{{ row.title }}", "{{ row.max }}", "{{ row.points }}", "{{ row.evidence_text }}")):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    document.add_paragraph("Giải trình:").runs[0].bold = True
    document.add_paragraph("{%p for item in explanations %}")
    document.add_paragraph("- {{ item.id }} {{ item.title }}: {{ item.text }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("Nơi nhận:").runs[0].italic = True
    document.add_paragraph("{%p for name in report.recipients %}")
    document.add_paragraph("- {{ name }}")
    document.add_paragraph("{%p endfor %}")
    signer = document.add_paragraph()
    signer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signer.add_run("{{ report.signer_title }}").bold = True
    document.save(str(path))


if __name__ == "__main__":
    build(HERE / "sheet-form.docx")
