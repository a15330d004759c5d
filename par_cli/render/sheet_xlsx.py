"""The score sheet as an Excel workbook: the table with real numbers, where every sum is a
formula (an officer edits a score and the total moves), the evidence register, and the
explanations. Vietnamese headings, widths set, heading row frozen, A4 landscape. Written row
by row in openpyxl's write-only mode: a large plan's sheet is not kept whole in memory. A sum
lists its cells (``=SUM(C6,C7,C9)``) while Excel admits them; a parent of more than 255
children sums its block of rows one level below it instead (``=SUMIF(H6:H5005,1,C6:C5005)``),
over a hidden column H of each row's level, written only in a sheet that has such a parent."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from par_cli.i18n import Lang, t
from par_cli.render import sheet_cells as c
from par_cli.render.safe import xlsx_value
from par_cli.render.xlsx_layout import FONT_NAME, BodyCells, heading_row, printable
from par_cli.scoring.sheet import Sheet, SheetRow

TABLE_HEADING_ROW = 4
POINTS = "General"
DATE = "DD/MM/YYYY"
# Excel takes at most 255 arguments in one function (and 8,192 characters in a formula, which
# 255 references of at most 8 characters each stay well within). A parent of more children
# sums them with SUMIF over the hidden column LEVEL, which holds each row's level in the tree.
MAX_ARGUMENTS = 255
LEVEL = "H"


def render_xlsx(sheet: Sheet, lang: Lang) -> bytes:
    book = Workbook(write_only=True)
    table = book.create_sheet(t("sheet.sheet_table", lang))
    if sheet.compared:
        _compare(table, sheet, lang)
    else:
        _table(table, sheet, lang)
    _evidence(book.create_sheet(t("sheet.sheet_evidence", lang)), sheet, lang)
    _explanations(book.create_sheet(t("sheet.sheet_explanations", lang)), sheet, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _titles(table, sheet: Sheet, lang: Lang) -> None:
    """Rows 1 to 3: the title, the subtitle, a blank row."""
    for text, font in ((c.title(sheet, lang), Font(name=FONT_NAME, bold=True, size=14)), (c.subtitle(sheet, lang), Font(name=FONT_NAME, size=12))):
        cell = WriteOnlyCell(table)
        xlsx_value(cell, text)
        cell.font = font
        table.append([cell])
    table.append([])


def _table(table, sheet: Sheet, lang: Lang) -> None:
    top = [row for row in sheet.rows if row.depth == 0]
    levels = len(top) > MAX_ARGUMENTS or any(len(row.children) > MAX_ARGUMENTS for row in sheet.rows)
    printable(table, (8, 50, 10, 12, 55, 35, 25), TABLE_HEADING_ROW)
    if levels:
        table.column_dimensions[LEVEL].hidden = True
    _titles(table, sheet, lang)
    table.append(heading_row(table, c.headings(sheet, lang) + ([t("sheet.col.level", lang)] if levels else [])))
    body = BodyCells(table)
    where = {row.id: TABLE_HEADING_ROW + 1 + offset for offset, row in enumerate(sheet.rows)}
    by_id = {row.id: row for row in sheet.rows}
    for row in sheet.rows:
        bold, italic = row.level == "domain", row.level == "outside"
        cells = [body(row.stt, bold=bold, italic=italic), body(row.title, bold=bold, italic=italic)]
        if row.children:
            block = (where[row.id] + 1, where[_last_descendant(row, by_id).id], row.depth + 1)
            children = [where[child] for child in row.children]
            applicable = [where[child] for child in row.children if by_id[child].not_applicable is None]
            points = _sum("D", applicable, block) if applicable and row.points is not None else None
            cells += [body(_sum("C", children, block), bold=bold, number_format=POINTS, formula=True), body(points, bold=bold, number_format=POINTS, formula=True)]
        else:
            cells += [body(row.max, bold=bold, italic=italic, number_format=POINTS), body(row.points, bold=bold, italic=italic, number_format=POINTS)]
        cells += [body("\n".join(c.evidence_text(row, lang))), body(c.explanation_text(row, lang)), body(c.note_text(row, lang), italic=italic)]
        if levels:
            cells.append(body(row.depth))
        table.append(cells)
    top_rows = [where[row.id] for row in top]
    every_row = (TABLE_HEADING_ROW + 1, TABLE_HEADING_ROW + len(sheet.rows), 0)
    line = TABLE_HEADING_ROW + 1 + len(sheet.rows)
    closing = dict(zip(("points", "bonus", "penalty", "total", "index"), c.closing_rows(sheet, lang)))
    adjustments, adjusted = sheet.plan.adjustments, sheet.adjusted
    rows: dict[str, int] = {"points": line}
    table.append(_closing(body, closing["points"].label, _sum("C", top_rows, every_row), _sum("D", top_rows, every_row), None))
    line += 1
    # Each bonus and penalty item on its own row, so its points can be edited too; the side's
    # row sums them under the plan's cap.
    for side, items, cap in (("bonus", adjusted.bonus_items, adjustments.bonus_max), ("penalty", adjusted.penalty_items, adjustments.penalty_max)):
        counted = [item for item in items if item.counted]
        first = line
        for item in counted:
            table.append([
                body(item.id, italic=True), body(item.title, italic=True), body(None), body(item.points, italic=True, number_format=POINTS),
                body(None), body(None), body(item.note, italic=True),
            ])  # fmt: skip
            line += 1
        total = f"SUM(D{first}:D{line - 1})" if counted else "0"
        table.append(_closing(body, closing[side].label, cap, f"=MIN({total},{cap:g})" if cap is not None else f"={total}", closing[side].note))
        rows[side] = line
        line += 1
    ceiling = adjustments.ceiling if adjustments.ceiling is not None else adjusted.applicable_max
    rows["total"] = line
    table.append(_closing(body, closing["total"].label, adjusted.applicable_max, f"=MIN(MAX(D{rows['points']}+D{rows['bonus']}-D{rows['penalty']},{adjustments.floor:g}),{ceiling:g})", None))
    table.append(_closing(body, closing["index"].label, None, f"=IF(C{rows['total']}>0,D{rows['total']}/C{rows['total']},\"\")", None, number_format="0.00%"))


def _last_descendant(row: SheetRow, by_id: dict[str, SheetRow]) -> SheetRow:
    while row.children:
        row = by_id[row.children[-1]]
    return row


def _sum(column: str, rows: list[int], block: tuple[int, int, int]) -> str:
    """The sum of ``column`` on ``rows``: the cells listed while Excel takes them as one
    function's arguments, past that those of ``block`` (its first row, its last row, the
    level of ``rows``) whose level is the level of ``rows``. The rows there on the level that
    ``rows`` leave out (a child that does not apply) have no points to add."""
    if len(rows) <= MAX_ARGUMENTS:
        return f"=SUM({','.join(f'{column}{n}' for n in rows)})"
    first, last, level = block
    return f"=SUMIF({LEVEL}{first}:{LEVEL}{last},{level},{column}{first}:{column}{last})"


def _closing(body: BodyCells, label: str, maximum: object, value: object, note: str | None, *, number_format: str = POINTS) -> list:
    return [
        body(None), body(label, bold=True), body(maximum, bold=True, number_format=POINTS, formula=True), body(value, bold=True, number_format=number_format, formula=True),
        body(None), body(None), body(note),
    ]  # fmt: skip


def _compare(table, sheet: Sheet, lang: Lang) -> None:
    printable(table, (8, 50, 10, *([12] + [12, 10, 30] * (len(sheet.compared) - 1))), TABLE_HEADING_ROW)
    _titles(table, sheet, lang)
    table.append(heading_row(table, c.compare_headings(sheet, lang)))
    body = BodyCells(table)
    numeric = c.numeric_columns(sheet)
    for row in sheet.rows:
        values: list[object] = [row.stt, row.title, row.max]
        for index, stage in enumerate(sheet.compared):
            standing = row.stages.get(stage)
            values.append(standing.points if standing else None)
            if index:
                values += [standing.cut if standing else None, (standing.note or None) if standing and standing.cut is not None else None]
        bold, italic = row.level == "domain", row.level == "outside"
        table.append([body(value, bold=bold, italic=italic, number_format=POINTS if column in numeric else None) for column, value in enumerate(values)])
    for name in ("total", "index"):
        values = [None, t(f"sheet.{name}", lang, max=c.number(sheet.adjusted.applicable_max, lang)), sheet.adjusted.applicable_max if name == "total" else None]
        for index, stage in enumerate(sheet.compared):
            adjusted = sheet.stage_totals[stage]
            values.append(adjusted.total if name == "total" else (adjusted.percent or 0) / 100)
            if index:
                values += [None, None]
        table.append([body(value, bold=True, number_format=("0.00%" if name == "index" else POINTS) if column in numeric else None) for column, value in enumerate(values)])


def _evidence(book_sheet, sheet: Sheet, lang: Lang) -> None:
    keys = ("criterion", "recorded", "number", "issued", "issuer", "summary", "section", "page", "file", "complete", "text")
    printable(book_sheet, (10, 13, 18, 13, 28, 45, 10, 8, 30, 9, 40), 1)
    book_sheet.append(heading_row(book_sheet, [t(f"sheet.ev.{key}", lang) for key in keys]))
    body = BodyCells(book_sheet)
    for row in sheet.rows:
        for item in row.evidence:
            values = (
                row.id,
                item.date,
                item.number,
                item.issued,
                item.issuer,
                item.summary,
                item.section,
                item.page,
                item.file or item.link,
                t("rule.yes" if item.complete else "rule.no", lang),
                item.text,
            )
            book_sheet.append([body(value, number_format=DATE if column in (2, 4) and value is not None else None) for column, value in enumerate(values, start=1)])


def _explanations(book_sheet, sheet: Sheet, lang: Lang) -> None:
    printable(book_sheet, (10, 50, 12, 30, 60), 1)
    book_sheet.append(heading_row(book_sheet, [t("sheet.col.stt", lang), t("sheet.col.title", lang), t("sheet.col.points", lang), t("justify.col.why", lang), t("sheet.col.explanation", lang)]))
    body = BodyCells(book_sheet)
    rows: list[SheetRow] = [row for row in sheet.rows if row.explanation or row.missing]
    for row in rows:
        values = (row.id, row.title, row.points, t(f"why.{row.missing}", lang) if row.missing else None, row.explanation)
        book_sheet.append([body(value, number_format=POINTS if column == 3 else None) for column, value in enumerate(values, start=1)])
