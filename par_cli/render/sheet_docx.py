"""The self-assessment report in Word, laid out as Nghị định 30/2020/NĐ-CP asks.

A4 portrait, Times New Roman 13 pt, margins 20 mm top and bottom, 30 mm left, 15 mm right;
the issuing body top left and the national heading top right; "Số: …/BC-…"; the place and
date in italics; "BÁO CÁO" and its summary line; three parts (the results, with a summary
table by domain; the explanations; difficulties and recommendations); the signature block
and "Nơi nhận". The full table of every criterion is an appendix on landscape pages, which
the decree allows. Page numbers stand at the top centre from the second page on.

Built with python-docx's API; the one piece it has no call for, the PAGE field, is made with
its oxml element factory, and so are the appendix's rows, from parts the API made once, each
written into the saved package and let go (a table of python-docx's grows slower with every
row, and holds about 13 × its XML).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from copy import deepcopy

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from par_cli.i18n import Lang, fmt_number, fmt_percent
from par_cli.render import report_heading as h
from par_cli.render import sheet_cells as c
from par_cli.scoring.sheet import Sheet

FONT = "Times New Roman"
SIZE = Pt(13)
A4 = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
# The appendix table's column widths on landscape A4 (297 − 30 − 15 = 252 mm of text).
TABLE_WIDTHS = (Mm(14), Mm(70), Mm(18), Mm(20), Mm(70), Mm(35), Mm(25))
APPENDIX_SIZE = Pt(12)


def render_docx(sheet: Sheet, lang: Lang) -> bytes:
    document = Document()
    _base_style(document)
    section = document.sections[0]
    _page(section, landscape=False)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])
    _heading(document, sheet)
    _body(document, sheet, lang)
    _signature(document, sheet)
    appendix = document.add_section(WD_SECTION.NEW_PAGE)
    _page(appendix, landscape=True)
    appendix.different_first_page_header_footer = False
    _appendix(document, sheet, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_rows(buffer.getvalue(), _appendix_rows(sheet, lang))


# --- page and fonts --------------------------------------------------------------------------


def _base_style(document: Document) -> None:
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = SIZE
        # Word picks the East Asian font slot for some Vietnamese text: name it too.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), FONT)
    paragraph = document.styles["Normal"].paragraph_format
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(6)


def _page(section, *, landscape: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    section.header_distance = Mm(10)


def _page_number(paragraph) -> None:
    """A PAGE field, centred in the header; the first page has its own (empty) header."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    _font(run, SIZE)


def _font(run, size=SIZE, *, bold: bool | None = None, italic: bool | None = None) -> None:
    run.font.name = FONT
    run.font.size = size
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def _paragraph(container, text: str = "", *, size=SIZE, bold=False, italic=False, align=None, after=Pt(6), indent=None):
    paragraph = container.add_paragraph()
    if text:
        _font(paragraph.add_run(text), size, bold=bold, italic=italic)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = after
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = indent
    return paragraph


def _widths(table, widths) -> None:
    """Column widths in the table grid as well as on each cell: Word reads the cells,
    LibreOffice the grid."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


# --- the first page ----------------------------------------------------------------------------


def _heading(document: Document, sheet: Sheet) -> None:
    plan = sheet.plan
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (Mm(62), Mm(103)))
    left, right = table.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    left.paragraphs[0].alignment = centre
    first = left.paragraphs[0]
    if plan.report.parent:
        _font(first.add_run(plan.report.parent.upper()), Pt(12))
        first = left.add_paragraph()
        first.alignment = centre
    _font(first.add_run(plan.issuer.upper()), Pt(12), bold=True)
    _paragraph(left, "―――――", size=Pt(10), align=centre, after=Pt(0))
    _paragraph(left, h.number_line(plan), align=centre)
    national = right.paragraphs[0]
    national.alignment = centre
    _font(national.add_run(h.NATIONAL), Pt(12), bold=True)
    _paragraph(right, h.MOTTO, size=Pt(13), bold=True, align=centre, after=Pt(0))
    _paragraph(right, "――――――――――", size=Pt(10), align=centre, after=Pt(0))
    _paragraph(right, h.place_date_line(plan), size=Pt(13), italic=True, align=centre)
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.space_after = Pt(0)
    _paragraph(document, "", after=Pt(6))
    _paragraph(document, "BÁO CÁO", size=Pt(14), bold=True, align=centre, after=Pt(0))
    _paragraph(document, h.summary_line(plan, sheet.stage), size=Pt(14), bold=True, align=centre, after=Pt(12))


def _body(document: Document, sheet: Sheet, lang: Lang) -> None:
    plan, adjusted = sheet.plan, sheet.adjusted
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    indent = Mm(10)
    _paragraph(
        document,
        f"Thực hiện {plan.plan.number} ngày {plan.plan.date:%d/%m/%Y} của {plan.plan.issuer} về {plan.title[0].lower() + plan.title[1:]}, "
        f"{plan.issuer} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {plan.year} như sau:",
        align=justify,
        indent=indent,
    )
    _paragraph(document, "I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", bold=True, indent=indent)
    _paragraph(
        document,
        f"Tổng điểm tự đánh giá: {fmt_number(adjusted.total, 'vi')}/{fmt_number(adjusted.applicable_max, 'vi')} điểm, "
        f"đạt {fmt_percent(adjusted.percent, 'vi')} (điểm các tiêu chí {fmt_number(adjusted.points, 'vi')}, "
        f"điểm thưởng {fmt_number(adjusted.bonus, 'vi')}, điểm trừ {fmt_number(adjusted.penalty, 'vi')}). "
        "Kết quả theo từng lĩnh vực như bảng dưới đây; chi tiết từng tiêu chí, tiêu chí thành phần và tài liệu kiểm chứng tại Phụ lục kèm theo.",
        align=justify,
        indent=indent,
    )
    summary = document.add_table(rows=1, cols=4)
    summary.style = "Table Grid"
    summary.alignment = WD_TABLE_ALIGNMENT.CENTER
    heads = ("STT", "Lĩnh vực", "Điểm tối đa", c.headings(sheet, lang)[3])
    widths = (Mm(14), Mm(105), Mm(23), Mm(23))
    _row(summary.rows[0], heads, widths, bold=True, centre=True)
    for row in sheet.rows:
        if row.depth == 0:
            _row(summary.add_row(), (row.stt, row.title, c.number(row.max, lang), c.number(row.points, lang)), widths, italic=row.level == "outside", numbers=(2, 3))
    for closing in c.closing_rows(sheet, lang)[1:]:
        _row(summary.add_row(), ("", closing.label, closing.max, closing.points), widths, bold=True, numbers=(2, 3))
    _widths(summary, widths)
    _paragraph(document, "", after=Pt(0))
    _paragraph(document, "II. GIẢI TRÌNH", bold=True, indent=indent)
    explained = [row for row in sheet.rows if row.explanation or row.missing]
    if not explained:
        _paragraph(document, "Các tiêu chí tự chấm điểm đều có tài liệu kiểm chứng đầy đủ.", align=justify, indent=indent)
    for row in explained:
        _paragraph(document, f"- Tiêu chí {row.id} ({row.title}): {c.explanation_text(row, lang)}", align=justify, indent=indent)
    _paragraph(document, "III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT", bold=True, indent=indent)
    _paragraph(document, "1. Khó khăn, vướng mắc", bold=True, indent=indent)
    for text in plan.report.difficulties or [h.BLANK]:
        _paragraph(document, f"- {text}", align=justify, indent=indent)
    _paragraph(document, "2. Kiến nghị, đề xuất", bold=True, indent=indent)
    for text in plan.report.recommendations or [h.BLANK]:
        _paragraph(document, f"- {text}", align=justify, indent=indent)
    _paragraph(document, f"Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {plan.year} của {plan.issuer}./.", align=justify, indent=indent)


def _signature(document: Document, sheet: Sheet) -> None:
    report = sheet.plan.report
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (Mm(85), Mm(80)))
    left, right = table.rows[0].cells
    first = left.paragraphs[0]
    _font(first.add_run("Nơi nhận:"), Pt(12), bold=True, italic=True)
    first.paragraph_format.space_after = Pt(0)
    recipients = report.recipients or ["Như trên", "Lưu: VT"]
    for index, name in enumerate(recipients):
        end = "." if index == len(recipients) - 1 else ";"
        _paragraph(left, f"- {name}{end}", size=Pt(11), after=Pt(0))
    centre = WD_ALIGN_PARAGRAPH.CENTER
    title = right.paragraphs[0]
    title.alignment = centre
    for index, line in enumerate((report.signer_title or "GIÁM ĐỐC").split("\n")):
        if index:
            title = right.add_paragraph()
            title.alignment = centre
        _font(title.add_run(line), Pt(13), bold=True)
    for _ in range(4):
        _paragraph(right, "", after=Pt(0))
    _paragraph(right, report.signer or "", bold=True, align=centre, after=Pt(0))


# --- the appendix ------------------------------------------------------------------------------


def _appendix(document: Document, sheet: Sheet, lang: Lang) -> None:
    """The appendix up to its table's heading row; `_appendix_rows` makes the rest."""
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "PHỤ LỤC", bold=True, align=centre, after=Pt(0))
    _paragraph(document, c.title(sheet, lang), bold=True, align=centre, after=Pt(0))
    _paragraph(document, f"(Kèm theo Báo cáo {h.number_line(sheet.plan)[4:].strip()} {h.vietnamese_date(sheet.plan.report.date)} của {sheet.plan.issuer})", italic=True, align=centre)
    table = document.add_table(rows=1, cols=len(TABLE_WIDTHS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _row(table.rows[0], c.headings(sheet, lang), TABLE_WIDTHS, bold=True, centre=True, size=APPENDIX_SIZE)
    # The heading row repeats on every page of the table.
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)
    _widths(table, TABLE_WIDTHS)


def _appendix_rows(sheet: Sheet, lang: Lang) -> Iterator[bytes]:
    """The appendix table's rows after its heading, each as the XML `_row` would have made.

    A row per criterion is too many for python-docx's table: `add_row` and every property
    set on a cell, paragraph or run search the element's children for their place (a plan of
    5,000 criteria took 47 s, one of 50,000 one-line criteria 745 s), and the table's lxml
    elements take about 13 × its XML (222 MB at the peak for a 3.5 MB plan). So each row is
    built with the oxml element factory from copies of the parts python-docx made once
    (`_RowParts`), and written out and let go by `_with_rows`."""
    parts = _RowParts(TABLE_WIDTHS, APPENDIX_SIZE)
    for row in sheet.rows:
        yield parts.xml(c.cells(row, lang), bold=row.level == "domain", italic=row.level == "outside", numbers=(2, 3))
    for closing in c.closing_rows(sheet, lang):
        yield parts.xml(("", closing.label, closing.max, closing.points, "", "", closing.note), bold=True, italic=False, numbers=(2, 3))


def _row(row, values, widths, *, bold=False, italic=False, centre=False, numbers=(), size=SIZE) -> None:
    for index, (cell, value) in enumerate(zip(row.cells, values)):
        cell.width = widths[index]
        for number, line in enumerate(_lines(value)):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            alignment = _alignment(index, centre, numbers)
            if alignment is not None:
                paragraph.alignment = alignment
            if line:
                _font(paragraph.add_run(line), size, bold=bold, italic=italic)


def _lines(value) -> list[str]:
    """A cell's paragraphs: one a line, and one empty paragraph for an empty cell."""
    return str(value).split("\n") if value else [""]


def _alignment(index: int, centre: bool, numbers) -> WD_ALIGN_PARAGRAPH | None:
    """The first column (STT) and a heading centred, numbers to the right, text as the style."""
    if centre or index == 0:
        return WD_ALIGN_PARAGRAPH.CENTER
    if index in numbers:
        return WD_ALIGN_PARAGRAPH.RIGHT
    return None


class _RowParts:
    """A cell with its width, a paragraph with its spacing and alignment and a run with its
    font, each made once with python-docx's API (as `_row` makes them) and copied into
    every row of a table."""

    def __init__(self, widths, size) -> None:
        self._cells = []
        for width in widths:
            cell = _Cell(OxmlElement("w:tc"), None)
            cell.width = width
            self._cells.append(cell._tc)
        self._paragraphs = {}
        for alignment in (None, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT):
            paragraph = Paragraph(OxmlElement("w:p"), None)
            paragraph.paragraph_format.space_after = Pt(0)
            if alignment is not None:
                paragraph.alignment = alignment
            self._paragraphs[alignment] = paragraph._p
        self._runs = {}
        for bold in (False, True):
            for italic in (False, True):
                run = Paragraph(OxmlElement("w:p"), None).add_run()
                _font(run, size, bold=bold, italic=italic)
                self._runs[bold, italic] = run._r

    def xml(self, values, *, bold: bool, italic: bool, numbers) -> bytes:
        tr = OxmlElement("w:tr")
        for index, value in enumerate(values):
            tc = deepcopy(self._cells[index])
            for line in _lines(value):
                p = deepcopy(self._paragraphs[_alignment(index, False, numbers)])
                if line:
                    r = deepcopy(self._runs[bold, italic])
                    # `text` makes a tab a <w:tab/> (and a line break a <w:br/>) as
                    # `add_run` does; other text is one <w:t>, made faster by `add_t`.
                    if "\t" in line or "\r" in line:
                        r.text = line
                    else:
                        r.add_t(line)
                    p.append(r)
                tc.append(p)
            tr.append(tc)
        # The row stands inside the document's own element, which declares the namespace.
        return etree.tostring(tr, encoding="UTF-8", xml_declaration=False).replace(_W_DECLARATION, b"", 1)


_W_DECLARATION = f' xmlns:w="{nsmap["w"]}"'.encode()


def _with_rows(saved: bytes, rows: Iterable[bytes]) -> bytes:
    """The package python-docx saved, with ``rows`` written at the end of its last table
    (the appendix's) as the main part is compressed, never held whole."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
                continue
            head, end, tail = source.read(info).rpartition(b"</w:tbl>")
            with target.open(info, "w") as stream:
                stream.write(head)
                for row in rows:
                    stream.write(row)
                stream.write(end + tail)
    return output.getvalue()
