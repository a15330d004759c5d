"""Word (.docx) framework tables, read with python-docx.

Cells are read from the table's own XML so that merges are seen as merges: a cell spanning
several grid columns (gridSpan) fills the first of them, a cell merged with the one above
(vMerge "continue") is marked ``continued`` rather than repeated, and the column numbers
given to the user are the grid columns Word shows.
"""

from __future__ import annotations

from pathlib import Path

from par_cli.reading.framework_table import Cell, FrameworkFileError, SourceTable, TablePlace, cell_text


def read_docx(path: Path, data: bytes) -> list[SourceTable]:
    """The tables of the Word file ``data`` (read from ``path``, which the messages name)."""
    import io
    import zipfile
    import zlib

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from docx.opc.exceptions import OpcError

    from par_cli.plan.reasons import office_reason

    try:
        document = docx.Document(io.BytesIO(data))
    # Not a zip, a zip of something else, another kind of Office file, a damaged part (lxml's
    # XMLSyntaxError is a SyntaxError; zlib's error and EOFError come from a cut member).
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, OpcError, SyntaxError, EOFError, zlib.error) as error:
        raise FrameworkFileError("import.unreadable", path=str(path), reason=office_reason(error, "docx")) from None
    tables: list[SourceTable] = []
    paragraphs: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = cell_text(Paragraph(element, document).text)
            if text:
                paragraphs.append(text)
        elif tag == "tbl":
            number = len(tables) + 1
            table = Table(element, document)
            tables.append(SourceTable(TablePlace(path.name, number), _rows(table, path.name, number), paragraphs))
            paragraphs = []
    return tables


def _rows(table, name: str, number: int) -> list[list[Cell]]:
    from docx.table import _Cell

    rows: list[list[Cell]] = []
    for r_index, tr in enumerate(table._tbl.tr_lst, start=1):
        cells: list[Cell] = []
        for tc in tr.tc_lst:
            column = len(cells) + 1
            where = TablePlace(name, number, r_index, column)
            continued = tc.vMerge == "continue"
            text = "" if continued else "\n".join(p.text for p in _Cell(tc, table).paragraphs)
            cells.append(Cell(text, where, continued))
            for extra in range(1, tc.grid_span):
                cells.append(Cell("", TablePlace(name, number, r_index, column + extra), continued))
        rows.append(cells)
    return rows
