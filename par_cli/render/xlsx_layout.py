"""Small openpyxl helpers for a printable worksheet: a bold wrapped heading row that stays
frozen and repeats on every printed page, column widths, A4 landscape fitted to the width.
Generic on purpose: nothing here knows what the sheet holds."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Times New Roman"
THIN = Side(style="thin", color="444444")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def heading_row(sheet: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column, value=label)
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        cell.border = BOX


def column_widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    """Widths in characters, first column first."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def print_a4_landscape(sheet: Worksheet, heading: int) -> None:
    """Freeze the rows up to ``heading`` and repeat that row on every page; A4 landscape,
    as wide as one page, as long as it takes."""
    sheet.freeze_panes = sheet.cell(row=heading + 1, column=1)
    sheet.print_title_rows = f"{heading}:{heading}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left, sheet.page_margins.right = 30 / 25.4, 15 / 25.4
    sheet.page_margins.top = sheet.page_margins.bottom = 20 / 25.4


def body_cell(
    sheet: Worksheet, row: int, column: int, value: object, *, bold: bool = False, italic: bool = False, number_format: str | None = None, formula: bool = False
):
    """A bordered cell; text stays text (`render.safe.xlsx_value`), a formula only with
    ``formula=True``."""
    from par_cli.render.safe import xlsx_value

    cell = sheet.cell(row=row, column=column)
    xlsx_value(cell, value, formula=formula)
    cell.font = Font(name=FONT_NAME, bold=bold, italic=italic)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    cell.border = BOX
    if number_format is not None:
        cell.number_format = number_format
    return cell
