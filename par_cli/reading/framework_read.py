"""Which reader opens a framework file: Word (.docx) or Excel (.xlsx).

Apart from framework_table.py, which both readers import: the choice of reader there made
the table module and its readers import each other (tests/test_layers.py forbids cycles).
"""

from __future__ import annotations

from pathlib import Path

from par_cli.i18n import Message
from par_cli.reading.framework_table import FrameworkFileError, SourceTable


def read_framework(path: Path) -> list[SourceTable]:
    """The tables of a .docx or .xlsx file, each with its header still in it."""
    suffix = path.suffix.lower()
    if not path.is_file():
        if path.is_dir():
            raise FrameworkFileError("import.unreadable", path=str(path), reason=Message("os.is_directory"))
        raise FrameworkFileError("import.not_found", path=str(path))
    if suffix == ".docx":
        from par_cli.reading.framework_docx import read_docx

        return read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        from par_cli.reading.framework_xlsx import read_xlsx

        return read_xlsx(path)
    raise FrameworkFileError("import.unknown_format", path=str(path), suffix=suffix or "?")
