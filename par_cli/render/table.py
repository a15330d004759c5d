"""Renderers: one table value, several ways to show it.

A command builds a `TableView` of raw values (floats, dates, text) and hands it to the
renderer chosen by ``--format``. Table and text renderers format numbers and dates the
Vietnamese way; CSV keeps machine forms (ISO dates, a dot for decimals) so a spreadsheet or a
script reads them back unchanged. JSON is not here: each command builds its own payload with
stable keys.

``auto`` (the default) is a rich table on a terminal and plain aligned text when piped, so
`par score | grep` works and CI logs stay readable. Rich honours ``NO_COLOR`` itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Literal, assert_never

from par_cli.render.formats import Format
from par_cli.render.safe import csv_text, md_text, rich_cell, terminal_line
from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent

Kind = Literal["text", "points", "percent", "date", "int"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = "text"
    max_width: int | None = None
    # Columns a narrow terminal may drop first (higher drops first); 0 never drops.
    optional: int = 0


@dataclass
class TableView:
    title: str
    columns: Sequence[Column]
    rows: list[dict[str, object]] = field(default_factory=list)
    # Per-row style for the rich table ("bold" for a domain, "red" for overdue), by row index.
    styles: dict[int, str] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)


def resolve(fmt: Format, stream: IO[str] | None = None) -> Format:
    if fmt is not Format.auto:
        return fmt
    stream = stream or sys.stdout
    return Format.table if stream.isatty() else Format.text


def cell(value: object, kind: Kind, lang: Lang) -> str:
    """A value as a person reads it: 1,5 / 84,59 % / 05/01/2024 / — for unknown."""
    if value is None:
        return "—"
    if kind == "points" and isinstance(value, (int, float)):
        return fmt_number(float(value), lang)
    if kind == "percent" and isinstance(value, (int, float)):
        return fmt_percent(float(value), lang)
    if kind == "date" and isinstance(value, dt.date):
        return fmt_date(value, lang)
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    return str(value)


def machine(value: object) -> str:
    """A value for CSV: ISO dates, dot decimals, empty for unknown."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return str(value)


def render(view: TableView, fmt: Format, lang: Lang, out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    fmt = resolve(fmt, out)
    if fmt is Format.table:
        _render_rich(view, lang, out)
    elif fmt is Format.text:
        out.write(render_text(view, lang))
    elif fmt is Format.csv:
        out.write(render_csv(view))
    elif fmt is Format.md:
        out.write(render_md(view, lang))
    elif fmt is Format.json or fmt is Format.auto:
        raise ValueError(f"{fmt.value} is rendered by the command itself")
    else:
        assert_never(fmt)


def _shorten(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def render_text(view: TableView, lang: Lang) -> str:
    """Aligned columns with no box and no colour: readable in a CI log, easy to grep."""
    header = [column.header for column in view.columns]
    body = [[_shorten(terminal_line(cell(row.get(column.key), column.kind, lang)), column.max_width) for column in view.columns] for row in view.rows]
    widths = [max([len(header[i])] + [len(line[i]) for line in body]) for i in range(len(header))]
    right = [column.kind in ("points", "percent", "int") for column in view.columns]

    def line(values: list[str]) -> str:
        parts = [value.rjust(widths[i]) if right[i] else value.ljust(widths[i]) for i, value in enumerate(values)]
        return "  ".join(parts).rstrip()

    lines = [terminal_line(view.title), line(header), "  ".join("-" * width for width in widths)]
    lines += [line(values) for values in body]
    lines += [terminal_line(text) for text in view.footer]
    return "\n".join(lines) + "\n"


def render_csv(view: TableView) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.key for column in view.columns])
    for row in view.rows:
        values = [row.get(column.key) for column in view.columns]
        # Text is plan text and may look like a formula; numbers and dates are never text here.
        writer.writerow([csv_text(value) if isinstance(value, str) else machine(value) for value in values])
    return buffer.getvalue()


def render_md(view: TableView, lang: Lang) -> str:
    """A GitHub-style table that pastes into a report or a chat message."""

    def escape(text: str) -> str:
        return md_text(text)

    align = ["---:" if column.kind in ("points", "percent", "int") else "---" for column in view.columns]
    lines = [f"**{escape(view.title)}**", "", "| " + " | ".join(escape(c.header) for c in view.columns) + " |", "| " + " | ".join(align) + " |"]
    for index, row in enumerate(view.rows):
        # A report has room for the whole title; only terminals and logs need it shortened.
        values = [_md_cell(cell(row.get(column.key), column.kind, lang), column.kind) for column in view.columns]
        if view.styles.get(index) == "bold":
            values = [f"**{value}**" if value and value != "—" else value for value in values]
        lines.append("| " + " | ".join(values) + " |")
    if view.footer:
        lines.append("")
        lines += [escape(text) + "  " for text in view.footer]
    return "\n".join(lines) + "\n"


def _md_cell(text: str, kind: Kind) -> str:
    """Plan text escaped; a number or a date as it is (no character of it is Markdown)."""
    return md_text(text) if kind == "text" else text


def _render_rich(view: TableView, lang: Lang, out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, highlight=False)
    texts = [[terminal_line(cell(row.get(column.key), column.kind, lang)) for column in view.columns] for row in view.rows]
    widths = _fit(view.columns, texts, console.width)
    table = Table(title=rich_cell(view.title), title_justify="left", header_style="bold")
    for i, width in widths.items():
        column = view.columns[i]
        numeric = column.kind in ("points", "percent", "int")
        table.add_column(
            rich_cell(column.header),
            justify="right" if numeric else "left",
            no_wrap=True,
            overflow="ellipsis",
            width=width,
        )
    for index, line in enumerate(texts):
        # Text objects, not strings: rich would read plan text as markup.
        table.add_row(*[rich_cell(line[i]) for i in widths], style=view.styles.get(index))
    console.print(table)
    for text in view.footer:
        console.print(rich_cell(text))


def _fit(columns: Sequence[Column], texts: list[list[str]], width: int) -> dict[int, int]:
    """Column widths for a terminal ``width`` columns wide, by column index. Numbers are never
    cut to "…": the widest text column gives way first, down to a few characters, and when
    that is not enough optional columns are dropped (highest ``optional`` first)."""
    least = 8
    widths: dict[int, int] = {}
    for i, column in enumerate(columns):
        natural = max([len(column.header)] + [len(line[i]) for line in texts])
        widths[i] = min(natural, column.max_width) if column.max_width else natural

    def needed(shown: dict[int, int]) -> int:
        return sum(shown.values()) + 3 * len(shown) + 1

    for level in sorted({column.optional for column in columns if column.optional > 0}, reverse=True):
        floor = {i: (min(w, least) if columns[i].kind == "text" else w) for i, w in widths.items()}
        if needed(floor) <= width:
            break
        widths = {i: w for i, w in widths.items() if columns[i].optional != level}
    while needed(widths) > width:
        text = [i for i, w in widths.items() if columns[i].kind == "text" and w > least]
        if not text:
            break
        widest = max(text, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def console_err():
    """A console on stderr for summaries and diagnostics (pip-audit's habit: the report on
    stdout, what is said about it on stderr)."""
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False)
