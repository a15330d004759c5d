"""Small openpyxl helpers for a printable worksheet written in openpyxl's write-only mode,
where each row goes to the file as it is appended and nothing of it is kept: column widths,
a bold wrapped heading row that stays frozen and repeats on every printed page, A4 landscape
fitted to the width, bordered body cells. Generic on purpose: nothing here knows what the
sheet holds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from par_cli.render.safe import xlsx_value

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FONT_NAME = "Times New Roman"
THIN = Side(style="thin", color="444444")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def printable(sheet: WriteOnlyWorksheet, widths: Sequence[float], heading: int) -> None:
    """Widths in characters, first column first; the rows up to ``heading`` frozen and that
    row repeated on every page; A4 landscape, as wide as one page, as long as it takes. Set
    before the first row: a write-only sheet writes its columns and view with that row."""
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{heading + 1}"
    sheet.print_title_rows = f"{heading}:{heading}"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left, sheet.page_margins.right = 30 / 25.4, 15 / 25.4
    sheet.page_margins.top = sheet.page_margins.bottom = 20 / 25.4


def heading_row(sheet: WriteOnlyWorksheet, labels: Sequence[str]) -> list[Cell]:
    """The cells of a heading row: bold, centred, wrapped, on grey, boxed."""
    cells = []
    for label in labels:
        cell = WriteOnlyCell(sheet)
        xlsx_value(cell, label)
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        cell.border = BOX
        cells.append(cell)
    return cells


class BodyCells:
    """The bordered, top-aligned, wrapped cells of one sheet: ``cell(value, bold=…)``. Text
    stays text (`render.safe.xlsx_value`), a formula only with ``formula=True``.

    openpyxl looks every style assigned to a cell up in the workbook's lists by its hash, a
    tenth of a millisecond a cell; so each look is assigned once, to a first cell, and the
    cells after it are made with that cell's style (its indexes in those lists)."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self._sheet = sheet
        self._styles: dict[tuple[bool, bool, str | None], object] = {}

    def __call__(self, value: object, *, bold: bool = False, italic: bool = False, number_format: str | None = None, formula: bool = False) -> Cell:
        look = (bold, italic, number_format)
        style = self._styles.get(look)
        if style is None:
            first = WriteOnlyCell(self._sheet)
            first.font = Font(name=FONT_NAME, bold=bold, italic=italic)
            first.alignment = Alignment(vertical="top", wrap_text=True)
            first.border = BOX
            if number_format is not None:
                first.number_format = number_format
            style = self._styles[look] = first._style
        cell = Cell(self._sheet, row=1, column=1, style_array=style)  # placed when appended, as a WriteOnlyCell
        xlsx_value(cell, value, formula=formula)
        return cell
