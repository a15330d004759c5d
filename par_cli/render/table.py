"""One table value, drawn four ways: a rich table, aligned text, CSV, Markdown.

`render.views` builds a `TableView` of raw values (floats, dates, text); the renderers of
`render.output` call the functions here. Table and text format numbers and dates the
Vietnamese way; CSV keeps machine forms (ISO dates, a dot for decimals, UTF-8 with a BOM so
Excel shows the diacritics) so a spreadsheet or a script reads them back unchanged.

On a terminal of any width (``COLUMNS``), ids, dates and numbers are never cut: text columns
wrap, and when that is not enough the view's optional columns are dropped in its stated
order, with a footnote naming them. Rich honours ``NO_COLOR`` itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Literal

from par_cli.render.safe import csv_text, md_text, rich_cell, terminal_line
from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent, t

# "id": a criterion or unit id, never cut; "text": words, which may wrap or shorten.
Kind = Literal["id", "text", "points", "percent", "date", "int"]
NUMERIC = ("points", "percent", "int")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = "text"
    max_width: int | None = None
    # Columns a narrow terminal may drop first (higher drops first); 0 never drops.
    optional: int = 0
    # Text that must never wrap or be cut either ("còn 10 ngày").
    keep: bool = False
    # The narrowest a text column may become before optional columns are dropped instead
    # (a title wrapped into 12 characters takes five lines a row); None: `fit`'s own floor.
    least: int | None = None


@dataclass
class TableView:
    title: str
    columns: Sequence[Column]
    rows: list[dict[str, object]] = field(default_factory=list)
    # Per-row style for the rich table ("bold" for a domain, "red" for overdue), by row index.
    styles: dict[int, str] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)


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
        return t("rule.yes" if value else "rule.no", lang)
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


def _shorten(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def render_text(view: TableView, lang: Lang) -> str:
    """Aligned columns with no box and no colour: readable in a CI log, easy to grep."""
    header = [column.header for column in view.columns]
    body = [[_shorten(terminal_line(cell(row.get(column.key), column.kind, lang)), column.max_width) for column in view.columns] for row in view.rows]
    widths = [max([len(header[i])] + [len(line[i]) for line in body]) for i in range(len(header))]
    right = [column.kind in NUMERIC for column in view.columns]

    def line(values: list[str]) -> str:
        parts = [value.rjust(widths[i]) if right[i] else value.ljust(widths[i]) for i, value in enumerate(values)]
        return "  ".join(parts).rstrip()

    # A view with no columns is a title and its footer only (nothing to tabulate).
    lines = [terminal_line(view.title)] + ([line(header), "  ".join("-" * width for width in widths)] if view.columns else [])
    lines += [line(values) for values in body]
    lines += [terminal_line(text) for text in view.footer]
    return "\n".join(lines) + "\n"


def render_csv(view: TableView) -> str:
    """Machine values under the columns' keys, UTF-8 with a byte-order mark: without it Excel
    reads the file as the local code page and "Văn phòng Sở" arrives garbled."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
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

    align = ["---:" if column.kind in NUMERIC else "---" for column in view.columns]
    lines = [f"**{escape(view.title)}**", ""]
    if view.columns:  # a view with no columns is a title and its footer only
        lines += ["| " + " | ".join(escape(c.header) for c in view.columns) + " |", "| " + " | ".join(align) + " |"]
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
    """Plan text (and ids, which are plan text too) escaped; a number or a date as it is (no
    character of it is Markdown)."""
    return md_text(text) if kind in ("text", "id") else text


def render_rich(view: TableView, lang: Lang, stream: IO[str]) -> str:
    """A rich table as wide as the terminal ``stream`` is (``COLUMNS`` when set). Ids, dates
    and numbers are never cut; text columns wrap; when even that is too wide, the optional
    columns go (highest ``optional`` first) and a footnote names them."""
    from rich.console import Console
    from rich.table import Table

    width = Console(file=stream).width
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, highlight=False, force_terminal=_is_terminal(stream), color_system="auto" if _is_terminal(stream) else None)
    texts = [[_shorten(terminal_line(cell(row.get(column.key), column.kind, lang)), column.max_width) for column in view.columns] for row in view.rows]
    widths = fit(view.columns, texts, width)
    table = Table(title=rich_cell(view.title), title_justify="left", header_style="bold")
    for i, column_width in widths.items():
        column = view.columns[i]
        kept = column.kind != "text" or column.keep
        table.add_column(
            rich_cell(column.header),
            justify="right" if column.kind in NUMERIC else "left",
            no_wrap=False,
            overflow="fold",
            width=column_width,
            min_width=column_width if kept else None,
        )
    for index, line in enumerate(texts):
        # Text objects, not strings: rich would read plan text as markup.
        table.add_row(*[rich_cell(line[i]) for i in widths], style=view.styles.get(index))
    if view.columns:  # a view with no columns is a title and its footer only
        console.print(table)
    else:
        console.print(rich_cell(view.title), soft_wrap=True)
    dropped = [column.header for i, column in enumerate(view.columns) if i not in widths]
    for text in view.footer:
        console.print(rich_cell(text), soft_wrap=True)
    if dropped:
        console.print(t("table.dropped", lang, columns=", ".join(dropped)), markup=False, soft_wrap=True)
    return buffer.getvalue()


def _is_terminal(stream: IO[str]) -> bool:
    from rich.console import Console

    return Console(file=stream).is_terminal


def fit(columns: Sequence[Column], texts: list[list[str]], width: int) -> dict[int, int]:
    """Column widths for a terminal ``width`` columns wide, by column index. Ids, numbers
    and dates keep their full width (their headers may wrap between words); text columns
    give way (they wrap), the widest first, down to their longest word or ``least``; when
    that is not enough, optional columns are dropped, highest ``optional`` first (the order
    is each view's stated priority). A column's ``least`` says how narrow it may get before
    that: the title of a score table keeps room, and floor and ceiling go instead."""
    least = 12
    widths: dict[int, int] = {}
    floors: dict[int, int] = {}
    for i, column in enumerate(columns):
        values = max([len(line[i]) for line in texts] + [1])
        if _gives_way(column):
            natural = max(values, len(column.header))
            widths[i] = min(natural, column.max_width) if column.max_width else natural
            floors[i] = min(widths[i], max(column.least or least, _longest_word(texts, i)))
        else:
            widths[i] = max(values, len(column.header))
            floors[i] = max(values, max(len(word) for word in column.header.split() or [""]))

    def needed(shown: dict[int, int]) -> int:
        return sum(shown.values()) + 3 * len(shown) + 1

    for level in sorted({column.optional for column in columns if column.optional > 0}, reverse=True):
        if needed({i: floors[i] for i in widths}) <= width:
            break
        widths = {i: w for i, w in widths.items() if columns[i].optional != level}
    while needed(widths) > width:
        text = [i for i, w in widths.items() if w > floors[i] and _gives_way(columns[i])]
        headers = [i for i, w in widths.items() if w > floors[i]]
        if not headers:
            break
        # Text wraps first; only then do the headers of numbers wrap between words.
        widest = max(text or headers, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _gives_way(column: Column) -> bool:
    return column.kind == "text" and not column.keep


def _longest_word(texts: list[list[str]], i: int) -> int:
    """A text column wraps at spaces; below its longest word it would break words (up to a
    point: a long word may still fold)."""
    return min(16, max([len(word) for line in texts for word in line[i].split()] + [1]))


def console_err():
    """A console on stderr for summaries and diagnostics (pip-audit's habit: the report on
    stdout, what is said about it on stderr)."""
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False)


def render(view: TableView, fmt: "object", lang: Lang, out: IO[str] | None = None) -> None:
    """Draw one `TableView` in a table format and write it (to stdout by default).

    Kept for commands written against the earlier interface; a new command hands an
    `Output` to `commands.common.show`, which also gives it JSON, documents and ``--output``.
    ``fmt`` is a `render.formats.Format` member: auto, table, text, csv or md."""
    out = out or sys.stdout
    name = getattr(fmt, "value", fmt)
    if name == "auto":
        from rich.console import Console

        name = "table" if Console(file=out).is_terminal else "text"
    if name == "table":
        out.write(render_rich(view, lang, out))
    elif name == "text":
        out.write(render_text(view, lang))
    elif name == "csv":
        out.write(render_csv(view))
    elif name == "md":
        out.write(render_md(view, lang))
    else:
        raise ValueError(f"a table has no {name} form; JSON comes from render.json")
