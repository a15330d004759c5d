"""`par import`: what could not be read from the framework table, as a table, and what was
written. The draft plan itself is the file `par import` wrote; this is the account of it.
The place (``khung.xlsx!Khung!E8``) is never cut; the message wraps. The draft's problems
are not in this account: they go to stderr, after it, as every command's do, so the footer
names them by where they are, not by "above" (piped, they are not above anything)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from par_cli.i18n import Lang, t
from par_cli.render.table import Column, TableView


def place_text(where: object, lang: Lang) -> str:
    """Where something is in the framework file: an Excel cell as Excel writes it
    (``khung.xlsx!Khung!E8``), a Word cell in the reader's words (``phu-luc.docx: bảng 1,
    dòng 7, cột 3``)."""
    from par_cli.reading.framework_table import TablePlace

    if isinstance(where, TablePlace):
        if where.row is None or where.column is None:
            return t("import.place_table", lang, file=where.file, table=where.table)
        return t("import.place_cell", lang, file=where.file, table=where.table, row=where.row, column=where.column)
    return str(where)


def import_view(output: Path, counts: dict[str, int], problems: list[Any], draft: Any, lang: Lang, machine: bool = False) -> TableView:
    columns = [Column("where", t("import.col.where", lang), "id"), Column("message", t("import.col.message", lang), max_width=90)]
    rows = [{"where": place_text(item.where, lang), "message": item.code if machine else t(item.code, lang, **item.params)} for item in draft.unread]
    footer = [t("import.written", lang, path=output, **counts), t("import.invalid", lang, count=len(problems), path=output) if problems else t("import.valid", lang)]
    if draft.unread:
        footer.append(t("import.unread_summary", lang, count=len(draft.unread)))
    if draft.missing:
        footer.append(t("import.missing", lang, facts="; ".join(t(f"fact.{name}", lang) for name in draft.missing)))
    if not draft.unread and not machine:  # everything was read: what was written is the news
        return TableView(footer[0], [], [], footer=footer[1:])
    return TableView(t("import.unread_title", lang, count=len(draft.unread)), columns, rows, footer=footer)
