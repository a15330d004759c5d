"""Plan text made safe for each output format: one function per format, and nowhere else.

Plans are edited by many people and arrive in pull requests; their text is shown on
terminals, in spreadsheets, calendars, chat messages and web pages. Whatever a title, a
unit name or a note holds, it stays inside its cell there:

- terminal and plain text: control characters shown as their escapes (``\\x1b``), line
  breaks too where a value must stay on one line; rich markup never interpreted (cells are
  `rich.text.Text`, never markup strings);
- CSV: a text cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return first) starts with an apostrophe; numbers are not text cells and
  stay numbers;
- iCalendar: control characters shown as escapes (the library escapes line breaks itself);
  a one-line value (the calendar's name) keeps no line break;
- Markdown: every character Markdown would read as structure (emphasis, links and images,
  raw HTML, headings, tables, code) escaped with a backslash, line breaks made spaces, so
  plan text can never forge a heading, a bold figure or fetch a remote image.

- Excel (openpyxl): a text cell is stored as a string (``inlineStr``), never as a formula,
  whatever it starts with; only the formulas par writes itself are formulas;
- HTML written without a template (the score sheet): escaped, control characters visible.

The report's templates escape every value themselves (``autoescape=True``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from par_cli.plan.text import visible

if TYPE_CHECKING:
    from rich.text import Text

_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def terminal_text(text: str) -> str:
    """Text for a terminal or a log, lines kept: no control character but tab and newline."""
    return visible(text)


def terminal_line(text: str) -> str:
    """A value in one cell or on one line: line breaks shown as ``\\n``, tabs as spaces."""
    return visible(_LINE_BREAK.sub(lambda match: repr(match.group())[1:-1], text).replace("\t", " "))


def rich_cell(text: str) -> Text:
    """A cell for a rich table: the text as it is (made one line), markup never read, so
    ``[/]`` cannot crash the table nor ``[link=…]`` make a link."""
    from rich.text import Text

    return Text(terminal_line(text))


# A spreadsheet (Excel, LibreOffice, Google Sheets) reads a cell starting with one of these
# as a formula; OWASP's advice is a leading apostrophe, which the spreadsheet hides.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_text(text: str) -> str:
    """A text cell for CSV: never read as a formula, control characters made visible (a line
    break stays: the csv module quotes the cell)."""
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def ics_text(text: str) -> str:
    """A TEXT value for iCalendar: line breaks kept as breaks (the library writes them as
    ``\\n``), a lone carriage return made one, every other control character visible."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def ics_line(text: str) -> str:
    """A one-line iCalendar value (X-WR-CALNAME): no line break of any kind."""
    return terminal_line(text)


# Backslash-escapable in CommonMark: any ASCII punctuation. These are the ones that can
# start structure anywhere in a line (emphasis, code, links, images, HTML, entities, tables,
# strikethrough, autolinks) or at its start (headings, quotes, lists, rules).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&{}])")
# At the start of a line: a list item ("- ", "+ ", "1. "), a rule or an underline ("---").
_MD_LINE_START = re.compile(r"^(\s*)([-+=])(?=\s|$|\2)")
_MD_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def md_text(text: str) -> str:
    """Plan text inside Markdown, shown exactly as text: no line break, nothing Markdown
    would read as structure. Space at either end is dropped: the text often sits inside
    emphasis (``**…**``), which CommonMark does not open or close next to a space. Text of
    blanks only becomes a dash: nothing inside ``**…**`` would be ``****``, a rule."""
    blank = bool(text) and not text.strip()
    text = " ".join(_LINE_BREAK.split(visible(text))).strip()
    if blank and not text:
        return "—"
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text, count=1)
    return _MD_LIST_NUMBER.sub(r"\1\\\2", text, count=1)


def html_text(text: str) -> str:
    """Plan text inside HTML written by hand: escaped, control characters made visible."""
    from html import escape

    return escape(visible(text))


def xlsx_value(cell: object, value: object, *, formula: bool = False) -> None:
    """Put ``value`` in an openpyxl cell. Text stays text: openpyxl would store a string
    starting with ``=`` as a formula, and Excel evaluate it; ``formula=True`` is for the
    formulas par writes itself (``=SUM(D5:D9)``)."""
    cell.value = value  # type: ignore[attr-defined]
    if isinstance(value, str) and not formula:
        cell.data_type = "s"  # type: ignore[attr-defined]
