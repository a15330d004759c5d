"""A framework table as its source file holds it: cells with their place in the file.

A province issues its PAR-index framework (the criteria, their maxima, who leads and who
supports) as a table in a Word document or an Excel sheet. The readers (framework_docx.py,
framework_xlsx.py) turn either into the same plain `SourceTable`; one builder
(framework_plan.py) turns that into a draft plan, whatever the file was. Every cell keeps the
place a user needs to find it again: an Excel cell in Excel's own notation ("Sheet1!C7"), a
Word cell as a `TablePlace` (file, table, row, column) that the renderer words ("bảng 1,
dòng 7, cột 3").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from par_cli.plan.text import is_blank, nfc


@dataclass(frozen=True)
class TablePlace:
    """Where a Word table or one of its cells is: the file, the table's number in the file,
    and for a cell its row and column, counted from 1."""

    file: str
    table: int
    row: int | None = None
    column: int | None = None


# Where something is in a framework file: "khung.xlsx!Khung!C8" (Excel's notation, the same in
# every language) or a place in a Word table.
Place = str | TablePlace


@dataclass(frozen=True)
class Cell:
    """One cell's text (NFC, as written) and where it is. ``continued`` marks a cell merged
    with the one above it (Word's vMerge, an Excel merged range): it repeats that cell."""

    text: str
    where: Place
    continued: bool = False


@dataclass(frozen=True)
class SourceTable:
    """A table of one file: its rows of cells, and the paragraphs written before it (where a
    Word appendix says "Kèm theo Kế hoạch số … ngày …")."""

    where: Place
    rows: list[list[Cell]]
    preamble: list[str] = field(default_factory=list)


class FrameworkFileError(Exception):
    """The file cannot be read as a framework table: a catalogue key and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


COLUMNS = ("id", "title", "max", "lead", "support", "requirement", "note")

# Header words without diacritics, longest phrase first where one holds another: "Nội dung
# yêu cầu" is the requirement, "Nội dung" alone the title.
_HEADER_WORDS: tuple[tuple[str, str], ...] = (
    ("noi dung yeu cau", "requirement"),
    ("yeu cau", "requirement"),
    ("diem toi da", "max"),
    ("so diem", "max"),
    ("diem", "max"),
    ("don vi chu tri", "lead"),
    ("chu tri", "lead"),
    ("don vi phoi hop", "support"),
    ("phoi hop", "support"),
    ("ghi chu", "note"),
    ("nhiem vu", "title"),
    ("tieu chi", "title"),
    ("noi dung", "title"),
    ("stt", "id"),
    ("tt", "id"),
    ("so tt", "id"),
)


def plain(text: str) -> str:
    """Lower case, without diacritics, đ as d, one space between words: how header words
    and unit names are compared, whatever the keyboard that typed them."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().lower()


def cell_text(text: str) -> str:
    """A cell's text as one line: NFC, line breaks inside a cell (the layout of a narrow
    column) become single spaces, nothing else changes. A cell that shows nothing (only
    spaces, no-break or zero-width ones included: par_cli.plan.text.BLANK) is empty: the
    draft says "not filled in" there rather than writing a blank title the plan refuses."""
    text = re.sub(r"\s+", " ", nfc(text)).strip()
    return "" if is_blank(text) else text


def header_column(text: str) -> str | None:
    words = re.sub(r"[^a-z0-9 ]", " ", plain(text))
    words = re.sub(r"\s+", " ", words).strip()
    for phrase, column in _HEADER_WORDS:
        if words == phrase or (len(phrase) > 3 and words.startswith(phrase)):
            return column
    return None


def find_header(rows: list[list[Cell]]) -> tuple[int, dict[str, int]] | None:
    """The row that names the columns (TT, Nhiệm vụ, Điểm tối đa … in any order) and which
    column holds what; at least the number, the title and the maximum must be there."""
    for index, row in enumerate(rows[:30]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(row):
            column = header_column(cell.text)
            if column is not None and column not in columns:
                columns[column] = position
        if {"id", "title", "max"} <= columns.keys():
            return index, columns
    return None
