"""The unit workbook's layout, and reading a filled one back.

`par workbook` (render/workbook.py) writes a workbook per unit; the unit fills it in Excel and
sends it back; `par collect` (editing/collect.py) records it. Both sides agree on the layout
written down here: which sheets, which columns, what the hidden key column says, where the
hidden sheet keeps the plan's identity and the original text of every locked cell.

This module only reads: it returns the cells as values with their references
(``SHEET!E7``), and the locked cells whose text is no longer what was written. What a value
means for the plan is decided in editing/collect.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "par-workbook 1"

META_SHEET = "_par"  # very hidden: the plan's identity, then the original text of locked cells
LISTS_SHEET = "_ds"  # very hidden: the values of the drop-down lists (yes/no, levels)

# Column letters of a data sheet, by what they hold. A is the hidden row key.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "A"),
    ("id", "B"),
    ("content", "C"),
    ("detail", "D"),
    ("max", "E"),
    ("last_day", "F"),
    ("current", "G"),
    ("done", "H"),
    ("value", "I"),
    ("date", "J"),
    ("number", "K"),
    ("issued", "L"),
    ("issuer", "M"),
    ("summary", "N"),
    ("section", "O"),
    ("page", "P"),
    ("note", "Q"),
)
LETTER = dict(COLUMNS)
NAMES = tuple(name for name, _ in COLUMNS)
EVIDENCE_COLUMNS = ("number", "issued", "issuer", "summary", "section", "page")
HEADER_ROW = 1
FIRST_ROW = 2

# What each kind of row lets a unit fill (the rest is locked).
FILLABLE: dict[str, tuple[str, ...]] = {
    "criterion": ("value", "date", *EVIDENCE_COLUMNS, "note"),
    "criterion_support": ("date", *EVIDENCE_COLUMNS),
    "measure": ("value", "date"),
    "occurrence": ("done", "date", *EVIDENCE_COLUMNS),
    "occurrence_done": EVIDENCE_COLUMNS + ("date",),
}


def row_key(kind: str, *parts: str) -> str:
    """The hidden key of a row: ``criterion|1.4``, ``measure|1.4|initiatives``,
    ``occurrence|1.2|bao-cao-quy|2024-03-12`` (the occurrence by its stated date)."""
    return "|".join((kind, *parts))


def split_key(key: str) -> tuple[str, ...]:
    return tuple(key.split("|"))


def plan_sha256(path: Path) -> str:
    """The version of a plan a workbook was made from: the SHA-256 of the file's bytes."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def cell_text(value: Any) -> str:
    """A cell's value as text, the same for what was written and what openpyxl reads back
    (a date comes back as a datetime at midnight, a whole float as an int)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Meta:
    format: str
    plan_file: str
    plan_number: str
    year: int
    sha256: str
    unit: str
    made: str


@dataclass(frozen=True)
class FilledRow:
    """One data row: its key, its kind (the fillable set it was written with), and the
    values of its fillable cells that hold something, by column name."""

    sheet: str
    row: int
    key: str
    kind: str
    values: dict[str, Any]

    def ref(self, column: str) -> str:
        return f"{self.sheet}!{LETTER[column]}{self.row}"


@dataclass(frozen=True)
class Tampered:
    """A locked cell whose text is not what `par workbook` wrote."""

    ref: str
    written: str
    found: str


@dataclass
class FilledWorkbook:
    path: Path
    meta: Meta
    rows: list[FilledRow] = field(default_factory=list)
    tampered: list[Tampered] = field(default_factory=list)


class NotAWorkbook(Exception):
    """Not a workbook `par workbook` made (or not readable): a catalogue key and parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def xlsx_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl raises for a file that is no readable workbook: not a zip, a zip of
    something else or of a Word file (KeyError, ValueError), a name openpyxl does not take
    (InvalidFileException), a damaged part (XML cut short: a SyntaxError, whichever XML
    library parses it; a member cut short: zlib's error, EOFError), the system's refusal."""
    import zlib
    from zipfile import BadZipFile

    from openpyxl.utils.exceptions import InvalidFileException

    return (BadZipFile, KeyError, ValueError, OSError, InvalidFileException, SyntaxError, EOFError, zlib.error)


def read_workbook(path: Path) -> FilledWorkbook:
    """The filled workbook at ``path``. A directory, a FIFO, a socket or a device is refused
    before a byte is read (`reading.files`), so no file named here can block par."""
    import io

    from openpyxl import load_workbook
    from openpyxl.reader.excel import SUPPORTED_FORMATS

    from par_cli.i18n import Message, Term
    from par_cli.plan.reasons import office_reason
    from par_cli.reading.files import InputRefused, read_input

    try:
        data = read_input(path)
    except InputRefused as refused:
        raise NotAWorkbook("file.not_found" if refused.missing else "collect.not_xlsx", reason=refused.reason) from None
    if path.suffix.lower() not in SUPPORTED_FORMATS:  # what openpyxl says of a name it does not take
        raise NotAWorkbook("collect.not_xlsx", reason=Message("office.wrong_extension", {"kind": Term("office.kind.xlsx")}))
    try:
        # Read-only: each sheet is read row by row from the file, never held as cells, so a
        # large workbook (ten thousand rows, and the text of each locked cell) is read in a
        # small multiple of its size; the cells are then looked at in one pass per sheet.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except xlsx_errors() as error:
        raise NotAWorkbook("collect.not_xlsx", reason=office_reason(error, "xlsx")) from None
    try:
        return _filled(path, book)
    except xlsx_errors() as error:  # a damaged sheet shows only when it is read
        raise NotAWorkbook("collect.not_xlsx", reason=office_reason(error, "xlsx")) from None
    finally:
        book.close()


def _read_through(book: Any, names: list[str]) -> None:
    """Read the sheets ``names`` to their end: a damaged one says so (an error of
    `xlsx_errors`), as loading the whole workbook did, though its cells are not needed."""
    for name in names:
        for _ in book[name].iter_rows(values_only=True):
            pass


def _filled(path: Path, book: Any) -> FilledWorkbook:
    if META_SHEET not in book.sheetnames:
        _read_through(book, book.sheetnames)
        raise NotAWorkbook("collect.not_ours")
    pairs = {}
    # The text each locked cell was written with, by sheet and reference, numbered in the
    # order the hidden sheet lists them (the order the changed ones are told in): each is
    # compared as its sheet is read, and only the changed ones kept.
    originals: dict[str, dict[str, list[tuple[int, str]]]] = {}
    listed = 0
    for read in book[META_SHEET].iter_rows(values_only=True):
        row = (*read, None, None, None, None)  # a read-only row ends at its last value
        if row[0] is None:
            continue
        if row[0] == "cell":
            originals.setdefault(str(row[1]), {}).setdefault(str(row[2]), []).append((listed, cell_text(row[3])))
            listed += 1
        else:
            pairs[str(row[0])] = cell_text(row[1])
    if pairs.get("format") != FORMAT:
        raise NotAWorkbook("collect.not_ours")
    try:
        meta = Meta(
            pairs["format"], pairs.get("plan_file", ""), pairs["plan_number"], int(pairs["year"]), pairs["sha256"], pairs["unit"], pairs.get("made", "")
        )
    except (KeyError, ValueError):
        raise NotAWorkbook("collect.not_ours") from None
    filled = FilledWorkbook(path, meta)
    tampered: list[tuple[int, Tampered]] = []
    for sheet in [name for name in book.sheetnames if name in originals]:
        refs = originals[sheet]
        for number, cells in enumerate(book[sheet].iter_rows(max_col=len(COLUMNS), values_only=True), start=1):
            values = dict(zip(NAMES, cells))
            for name, letter in COLUMNS:
                ref = f"{letter}{number}"
                if ref in refs:
                    text = cell_text(values.get(name))
                    tampered += [(place, Tampered(f"{sheet}!{ref}", written, text)) for place, written in refs.pop(ref) if text != written]
            key = cell_text(values.get("key"))
            if number < FIRST_ROW or not key:
                continue
            kind, _, _ = key.partition("#")
            key = key.split("#", 1)[1] if "#" in key else key
            filled_values = {}
            for name in FILLABLE.get(kind, ()):
                value = values.get(name)
                if isinstance(value, str):
                    value = value.strip() or None
                if value is not None:
                    filled_values[name] = value
            filled.rows.append(FilledRow(sheet, number, key, kind, filled_values))
    _read_through(book, [name for name in book.sheetnames if name not in originals and name != META_SHEET])
    # The cells left were not found: on a sheet the workbook no longer has, each is changed;
    # past the end of its sheet, each not written empty.
    for sheet, refs in originals.items():
        gone = sheet not in book.sheetnames
        for ref, written_there in refs.items():
            tampered += [(place, Tampered(f"{sheet}!{ref}", written, "")) for place, written in written_there if gone or written != ""]
    filled.tampered = [found for _, found in sorted(tampered, key=lambda item: item[0])]
    return filled
