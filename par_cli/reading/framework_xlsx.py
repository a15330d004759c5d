"""Excel (.xlsx) framework sheets, read with openpyxl: one `SourceTable` per sheet.

A merged range holds its value in its top-left cell; the cells below it are marked
``continued`` (the sheet's way of writing one lead unit for several rows), those beside it
are empty. Numbers are shown as Excel shows them: 2 not 2.0, 0.5 as 0.5.
"""

from __future__ import annotations

from pathlib import Path

from par_cli.reading.framework_table import Cell, FrameworkFileError, SourceTable


def read_xlsx(path: Path, data: bytes) -> list[SourceTable]:
    """The tables of the Excel file ``data`` (read from ``path``, which the messages name)."""
    import io

    import openpyxl

    from par_cli.plan.reasons import office_reason
    from par_cli.reading.workbook import xlsx_errors

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except xlsx_errors() as error:
        raise FrameworkFileError("import.unreadable", path=str(path), reason=office_reason(error, "xlsx")) from None
    tables: list[SourceTable] = []
    for sheet in workbook.worksheets:
        below_top: set[tuple[int, int]] = set()
        for merged in sheet.merged_cells.ranges:
            for row in range(merged.min_row + 1, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    below_top.add((row, column))
        rows: list[list[Cell]] = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                where = f"{path.name}!{sheet.title}!{cell.coordinate}"
                cells.append(Cell(_shown(cell.value), where, (cell.row, cell.column) in below_top))
            rows.append(cells)
        tables.append(SourceTable(f"{path.name}!{sheet.title}", rows, []))
    return tables


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")  # type: ignore[union-attr]
    return str(value)
