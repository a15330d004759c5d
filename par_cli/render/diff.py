"""`par diff` as a table: what changed between two plans, in the reader's words and dates.

The differences are the core's values (`plan.compare`); here the kind becomes a word, a
maximum a number (3,5), a deadline "trước 05/01/2024". Ids are never cut; on a narrow
terminal the detail wraps and the title goes first (see `render.table.fit`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.i18n import Lang, fmt_date, fmt_number, t
from par_cli.render.table import Column, TableView

if TYPE_CHECKING:
    from par_cli.editing.carry import NotPlaced
    from par_cli.plan.compare import DeadlineTerm, Difference


def not_placed_what(item: "NotPlaced", lang: Lang | None) -> str:
    """Which entry could not be carried, as the plan names it: its progress key, then what
    tells it apart (``done q1 31/03/2024``, ``measurements 30/06/2024: training_done_pct=95``,
    ``self_assessed 1,5``). ``lang`` None gives the machine form of ``--format json``: ISO
    dates and plain numbers, the same in both languages."""

    def shown(value: object) -> str:
        if isinstance(value, dt.date):
            return value.isoformat() if lang is None else fmt_date(value, lang)
        if isinstance(value, float) and lang is not None:
            return fmt_number(value, lang)
        return str(value)

    entry = item.entry
    if not isinstance(entry, dict):  # self_assessed / appraised: a number of points
        return f"{item.kind} {shown(entry)}"
    day = shown(entry["date"]) if "date" in entry else ""
    if item.kind == "done":
        parts = [str(entry.get("deadline", "")), day]
    elif item.kind == "stages":
        parts = [str(entry.get("stage", "")), day]
    elif item.kind == "measurements":
        readings = ", ".join(f"{name}={shown(value)}" for name, value in entry.items() if name not in ("date", "evidence", "final"))
        parts = [f"{day}: {readings}" if readings else day]
    else:
        parts = [day]
    return " ".join([item.kind, *(part for part in parts if part)])


def deadline_text(terms: "tuple[DeadlineTerm, ...]", lang: Lang) -> str:
    """``1.1-a: trước 05/01/2024; 1.2-q: every=quarter, day=12``; ``—`` for none."""
    parts = []
    for term in terms:
        if term.date is not None:
            when = t("diff.deadline_before" if term.exclusive else "diff.deadline_by", lang, date=fmt_date(term.date, lang))
        else:
            when = ", ".join(f"{name}={value}" for name, value in term.recurrence)
        parts.append(f"{term.id}: {when}")
    return "; ".join(parts) or "—"


def _side(value: object, kind: str, lang: Lang) -> str:
    if isinstance(value, float):
        return fmt_number(value, lang)
    if kind == "deadlines":
        return deadline_text(value, lang)  # type: ignore[arg-type]
    return "—" if value is None else str(value)


def diff_view(differences: "list[Difference]", old: Path, new: Path, lang: Lang, machine: bool = False) -> TableView:
    """One row per difference. ``machine`` (CSV): the kind as its code."""
    columns = [
        Column("change", t("diff.col.change", lang), keep=True),
        Column("old_id", t("diff.col.old", lang), "id"),
        Column("new_id", t("diff.col.new", lang), "id"),
        Column("title", t("diff.col.title", lang), max_width=60, optional=1),
        Column("detail", t("diff.col.detail", lang), max_width=70),
    ]
    rows = []
    for d in differences:
        detail = f"{_side(d.old, d.kind, lang)} → {_side(d.new, d.kind, lang)}" if d.kind in ("max", "rule", "deadlines", "title") else ""
        rows.append(
            {
                "change": d.kind if machine else t(f"diff.{d.kind}", lang),
                "old_id": d.old_id if machine else d.old_id or "—",
                "new_id": d.new_id if machine else d.new_id or "—",
                "title": d.title,
                "detail": detail,
            }
        )
    footer = [] if differences else [t("diff.none", lang)]
    return TableView(t("diff.heading", lang, old=old, new=new), columns, rows, footer=footer)
