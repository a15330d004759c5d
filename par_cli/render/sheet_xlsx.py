"""The score sheet as an Excel workbook: the table with real numbers, where every sum is a
formula (an officer edits a score and the total moves), the evidence register, and the
explanations. Vietnamese headings, widths set, heading row frozen, A4 landscape."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from par_cli.i18n import Lang, t
from par_cli.render import sheet_cells as c
from par_cli.render.xlsx_layout import FONT_NAME, body_cell, column_widths, heading_row, print_a4_landscape
from par_cli.scoring.sheet import Sheet, SheetRow

TABLE_HEADING_ROW = 4
POINTS = "General"
DATE = "DD/MM/YYYY"


def render_xlsx(sheet: Sheet, lang: Lang) -> bytes:
    book = Workbook()
    table = book.active
    table.title = t("sheet.sheet_table", lang)
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
    _text(table.cell(row=1, column=1), c.title(sheet, lang)).font = Font(name=FONT_NAME, bold=True, size=14)
    _text(table.cell(row=2, column=1), c.subtitle(sheet, lang)).font = Font(name=FONT_NAME, size=12)


def _table(table, sheet: Sheet, lang: Lang) -> None:
    _titles(table, sheet, lang)
    heading_row(table, TABLE_HEADING_ROW, c.headings(sheet, lang))
    column_widths(table, (8, 50, 10, 12, 55, 35, 25))
    where: dict[str, int] = {}
    for offset, row in enumerate(sheet.rows):
        where[row.id] = TABLE_HEADING_ROW + 1 + offset
    by_id = {row.id: row for row in sheet.rows}
    for row in sheet.rows:
        line = where[row.id]
        bold, italic = row.level == "domain", row.level == "outside"
        body_cell(table, line, 1, row.stt, bold=bold, italic=italic)
        body_cell(table, line, 2, row.title, bold=bold, italic=italic)
        if row.children:
            cells = ",".join(f"C{where[child]}" for child in row.children)
            applicable = [child for child in row.children if by_id[child].not_applicable is None]
            body_cell(table, line, 3, f"=SUM({cells})", bold=bold, number_format=POINTS, formula=True)
            points = f"=SUM({','.join(f'D{where[child]}' for child in applicable)})" if applicable and row.points is not None else None
            body_cell(table, line, 4, points, bold=bold, number_format=POINTS, formula=True)
        else:
            body_cell(table, line, 3, row.max, bold=bold, italic=italic, number_format=POINTS)
            body_cell(table, line, 4, row.points, bold=bold, italic=italic, number_format=POINTS)
        body_cell(table, line, 5, "\n".join(c.evidence_text(row, lang)))
        body_cell(table, line, 6, c.explanation_text(row, lang))
        body_cell(table, line, 7, c.note_text(row, lang), italic=italic)
    top = [where[row.id] for row in sheet.rows if row.depth == 0]
    line = TABLE_HEADING_ROW + 1 + len(sheet.rows)
    closing = dict(zip(("points", "bonus", "penalty", "total", "index"), c.closing_rows(sheet, lang)))
    adjustments, adjusted = sheet.plan.adjustments, sheet.adjusted
    rows: dict[str, int] = {"points": line}
    _closing(table, line, closing["points"].label, f"=SUM({','.join(f'C{n}' for n in top)})", f"=SUM({','.join(f'D{n}' for n in top)})", None)
    line += 1
    # Each bonus and penalty item on its own row, so its points can be edited too; the side's
    # row sums them under the plan's cap.
    for side, items, cap in (("bonus", adjusted.bonus_items, adjustments.bonus_max), ("penalty", adjusted.penalty_items, adjustments.penalty_max)):
        counted = [item for item in items if item.counted]
        first = line
        for item in counted:
            body_cell(table, line, 1, item.id, italic=True)
            body_cell(table, line, 2, item.title, italic=True)
            body_cell(table, line, 3, None)
            body_cell(table, line, 4, item.points, italic=True, number_format=POINTS)
            for column in (5, 6):
                body_cell(table, line, column, None)
            body_cell(table, line, 7, item.note, italic=True)
            line += 1
        total = f"SUM(D{first}:D{line - 1})" if counted else "0"
        _closing(table, line, closing[side].label, cap, f"=MIN({total},{cap:g})" if cap is not None else f"={total}", closing[side].note)
        rows[side] = line
        line += 1
    ceiling = adjustments.ceiling if adjustments.ceiling is not None else adjusted.applicable_max
    rows["total"] = line
    _closing(table, line, closing["total"].label, adjusted.applicable_max, f"=MIN(MAX(D{rows['points']}+D{rows['bonus']}-D{rows['penalty']},{adjustments.floor:g}),{ceiling:g})", None)
    line += 1
    _closing(table, line, closing["index"].label, None, f"=IF(C{rows['total']}>0,D{rows['total']}/C{rows['total']},\"\")", None, number_format="0.00%")
    print_a4_landscape(table, TABLE_HEADING_ROW)


def _closing(table, line: int, label: str, maximum: object, value: object, note: str | None, *, number_format: str = POINTS) -> None:
    body_cell(table, line, 1, None)
    body_cell(table, line, 2, label, bold=True)
    body_cell(table, line, 3, maximum, bold=True, number_format=POINTS, formula=True)
    body_cell(table, line, 4, value, bold=True, number_format=number_format, formula=True)
    for column in (5, 6):
        body_cell(table, line, column, None)
    body_cell(table, line, 7, note)


def _compare(table, sheet: Sheet, lang: Lang) -> None:
    _titles(table, sheet, lang)
    head = c.compare_headings(sheet, lang)
    heading_row(table, TABLE_HEADING_ROW, head)
    column_widths(table, (8, 50, 10, *([12] + [12, 10, 30] * (len(sheet.compared) - 1))))
    numeric = c.numeric_columns(sheet)
    for offset, row in enumerate(sheet.rows):
        line = TABLE_HEADING_ROW + 1 + offset
        values: list[object] = [row.stt, row.title, row.max]
        for index, stage in enumerate(sheet.compared):
            cell = row.stages.get(stage)
            values.append(cell.points if cell else None)
            if index:
                values += [cell.cut if cell else None, (cell.note or None) if cell and cell.cut is not None else None]
        for column, value in enumerate(values, start=1):
            body_cell(table, line, column, value, bold=row.level == "domain", italic=row.level == "outside", number_format=POINTS if column - 1 in numeric else None)
    line = TABLE_HEADING_ROW + 1 + len(sheet.rows)
    for name in ("total", "index"):
        values = [None, t(f"sheet.{name}", lang, max=c.number(sheet.adjusted.applicable_max, lang)), sheet.adjusted.applicable_max if name == "total" else None]
        for index, stage in enumerate(sheet.compared):
            adjusted = sheet.stage_totals[stage]
            values.append(adjusted.total if name == "total" else (adjusted.percent or 0) / 100)
            if index:
                values += [None, None]
        for column, value in enumerate(values, start=1):
            body_cell(table, line, column, value, bold=True, number_format=("0.00%" if name == "index" else POINTS) if column - 1 in numeric else None)
        line += 1
    print_a4_landscape(table, TABLE_HEADING_ROW)


def _evidence(book_sheet, sheet: Sheet, lang: Lang) -> None:
    keys = ("criterion", "recorded", "number", "issued", "issuer", "summary", "section", "page", "file", "complete", "text")
    heading_row(book_sheet, 1, [t(f"sheet.ev.{key}", lang) for key in keys])
    column_widths(book_sheet, (10, 13, 18, 13, 28, 45, 10, 8, 30, 9, 40))
    line = 2
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
            for column, value in enumerate(values, start=1):
                body_cell(book_sheet, line, column, value, number_format=DATE if column in (2, 4) and value is not None else None)
            line += 1
    print_a4_landscape(book_sheet, 1)


def _explanations(book_sheet, sheet: Sheet, lang: Lang) -> None:
    heading_row(book_sheet, 1, [t("sheet.col.stt", lang), t("sheet.col.title", lang), t("sheet.col.points", lang), t("justify.col.why", lang), t("sheet.col.explanation", lang)])
    column_widths(book_sheet, (10, 50, 12, 30, 60))
    line = 2
    rows: list[SheetRow] = [row for row in sheet.rows if row.explanation or row.missing]
    for row in rows:
        values = (row.id, row.title, row.points, t(f"why.{row.missing}", lang) if row.missing else None, row.explanation)
        for column, value in enumerate(values, start=1):
            body_cell(book_sheet, line, column, value, number_format=POINTS if column == 3 else None)
        line += 1
    print_a4_landscape(book_sheet, 1)


def _text(cell, text: str):  # noqa: ANN001, ANN202 - an openpyxl cell
    from par_cli.render.safe import xlsx_value

    xlsx_value(cell, text)
    return cell
