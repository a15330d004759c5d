"""Which reader opens a framework file: Word (.docx) or Excel (.xlsx).

Apart from framework_table.py, which both readers import: the choice of reader there made
the table module and its readers import each other (tests/test_layers.py forbids cycles).
"""

from __future__ import annotations

from pathlib import Path

from par_cli.reading.framework_table import FrameworkFileError, SourceTable


def read_framework(path: Path) -> list[SourceTable]:
    """The tables of a .docx or .xlsx file, each with its header still in it. A directory, a
    FIFO, a socket or a device is refused before a byte is read (`reading.files`)."""
    from par_cli.reading.files import InputRefused, read_input

    suffix = path.suffix.lower()
    try:
        data = read_input(path)
    except InputRefused as refused:
        if refused.missing:
            raise FrameworkFileError("import.not_found", path=str(path)) from None
        raise FrameworkFileError("import.unreadable", path=str(path), reason=refused.reason) from None
    if suffix == ".docx":
        from par_cli.reading.framework_docx import read_docx

        return read_docx(path, data)
    if suffix in (".xlsx", ".xlsm"):
        from par_cli.reading.framework_xlsx import read_xlsx

        return read_xlsx(path, data)
    raise FrameworkFileError("import.unknown_format", path=str(path), suffix=suffix or "?")
