"""The output formats (``--format``) and the one interface every format is rendered through.

A command computes a value with the core and hands the renderer an `Output`: the JSON
payload of that value, and, where the value is table-shaped, a function that lays it out as
a `TableView`; a whole document (the briefing page, a calendar) is given as a function per
format. `render.output.render` looks the renderer up by name; `commands.common.show`
writes the text to stdout or ``--output``. Adding a format is adding
one `Renderer` to `RENDERERS` in `render.output` and one member here.

For a new command (``par sheet``, ``par diff`` …)::

    from par_cli.commands.common import format_option, show
    from par_cli.render.formats import Format, Output

    OFFERED = (Format.auto, Format.table, Format.text, Format.json, Format.csv, Format.md)
    FormatOption = format_option(OFFERED)   # its help lists these; parsing refuses the rest

    def sheet(..., fmt: FormatOption = Format.auto, lang: LangOption = None) -> None:
        language = lang_of(lang)
        value = compute_with_the_core(...)
        show(Output(json=lambda: sheet_payload(value),    # render.json: ISO dates, ids
                    table=lambda lang, machine: sheet_view(value, lang, machine)),
             fmt, language)    # output=PATH writes a file instead

``machine`` is true for CSV: give raw values there (ids, signed numbers, ISO dates come by
themselves), words and symbols only for people.

This module is imported when `par` starts, so it holds only the enum and plain classes; the
renderers (rich, csv, jinja2, icalendar) load when output is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from par_cli.i18n import Lang
    from par_cli.render.table import TableView


class Format(str, Enum):
    """Every format par writes. ``auto`` is a rich table on a terminal, plain text when piped."""

    auto = "auto"
    table = "table"
    text = "text"
    json = "json"
    csv = "csv"
    md = "md"
    html = "html"
    ics = "ics"
    docx = "docx"
    xlsx = "xlsx"


# Formats whose document is bytes, not text: written only to a file (``--output``).
BINARY_FORMATS = (Format.docx, Format.xlsx)
TABLE_FORMATS = (Format.auto, Format.table, Format.text, Format.json, Format.csv, Format.md)


@dataclass
class Output:
    """What a command hands to a renderer.

    ``json``: the payload for ``--format json`` (built in `render.json` from the core's
    values). ``table``: ``(lang, machine) -> TableView`` for table, text, csv and md.
    ``documents``: a whole document per format, ``lang -> text`` (the report's html and md,
    the ics calendar, the score sheet in Word or Excel as bytes); a document given for md
    wins over the table's md.
    """

    json: Callable[[], object] | None = None
    table: Callable[["Lang", bool], "TableView"] | None = None
    documents: dict[Format, Callable[["Lang"], str | bytes]] = field(default_factory=dict)
