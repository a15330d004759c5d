"""Framework tables for the import tests: the bundled plan's appendix, as the seed text holds
it, written into a real Word document (python-docx) or Excel workbook (openpyxl).

The seed is the text of the plan's appendix table: one table row a line, cells separated by
tabs, and a row that Word split across two pages as two lines, the second with an empty TT
cell (1.6, 3.3.2, 4.1, 6.2). Those lines become two table rows, as in the document.
"""

from __future__ import annotations

from pathlib import Path

SEED = Path("/work/shared/seed/000_03ddd76106a35850.txt")
HEADER = "TT\tNhiệm vụ\tĐiểm tối đa\tChủ trì\tPhối hợp\tNội dung yêu cầu\tGhi chú"
PREAMBLE = ["PHÂN CÔNG NHIỆM VỤ CỤ THỂ", "(Kèm theo Kế hoạch số 1163 /KH-SGTVT ngày 04 /6/2024 của Sở GTVT)"]


def seed_rows() -> list[list[str]]:
    """The appendix table's rows after its header, seven cells each, as the seed writes them."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER)
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            continue
        cells = line.split("\t")
        rows.append((cells + [""] * 7)[:7])
    return rows


def write_docx(path: Path, rows: list[list[str]], header: list[str] | None = None, preamble: list[str] | None = None, merges: list[tuple[int, int, int]] = ()) -> Path:
    """A Word document with ``preamble`` paragraphs and one table. ``merges`` are vertical
    merges (first row, last row, column), counted in ``rows`` from 0."""
    import docx

    document = docx.Document()
    for text in PREAMBLE if preamble is None else preamble:
        document.add_paragraph(text)
    head = header or HEADER.split("\t")
    table = document.add_table(rows=1 + len(rows), cols=len(head))
    for column, text in enumerate(head):
        table.cell(0, column).text = text
    for r, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            if text:
                table.cell(r, column).text = text
    for first, last, column in merges:
        kept = table.cell(first + 1, column).text
        merged = table.cell(first + 1, column).merge(table.cell(last + 1, column))
        merged.text = kept
    document.save(str(path))
    return path


def write_xlsx(path: Path, rows: list[list[str]], header: list[str] | None = None, preamble: list[str] | None = None, sheet: str = "Sheet1", merges: list[tuple[int, int, int]] = ()) -> Path:
    """An Excel workbook whose sheet holds ``preamble`` lines, then the header and rows;
    maxima written as numbers where they are numbers (Excel stores 0,5 as 0.5)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    lines = PREAMBLE if preamble is None else preamble
    for text in lines:
        worksheet.append([text])
    worksheet.append(header or HEADER.split("\t"))
    for row in rows:
        values: list[object] = []
        for column, text in enumerate(row):
            if column == 2 and text.replace(",", "").isdigit():
                values.append(float(text.replace(",", ".")) if "," in text else int(text))
            else:
                values.append(text or None)
        worksheet.append(values)
    offset = len(lines) + 2  # Excel rows count from 1, and the header takes one
    for first, last, column in merges:
        worksheet.merge_cells(start_row=first + offset, start_column=column + 1, end_row=last + offset, end_column=column + 1)
    workbook.save(str(path))
    return path
