"""The tables par shows: each command's values laid out as a `TableView`, once.

A view function takes the core's value, the language, and ``machine`` (true for CSV: raw
codes, signed numbers and ids instead of words, runs and symbols) and returns the rows of
raw values with the words of the headers and footers. `render.table` draws them for a
terminal, a log, a spreadsheet or Markdown. No view computes a figure the core has not.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent, fmt_signed, t
from par_cli.plan.units import names
from par_cli.render.json import visible
from par_cli.render.table import Column, TableView

if TYPE_CHECKING:
    from pathlib import Path

    from par_cli.deadlines.occurrences import PlanOccurrence
    from par_cli.plan.model import Plan
    from par_cli.scoring.gap import GapReport
    from par_cli.scoring.responsibilities import UnitsTable
    from par_cli.scoring.scorer import NodeScore, PlanScore


def status_label(node: "NodeScore", year: int, lang: Lang) -> str:
    """The status as a person reads it; a sum of mixed sources says nothing and stays blank."""
    label = "" if node.status == "mixed" else t(f"status.{node.status}", lang, year=year)
    return f"{label} ⚠".strip() if node.no_evidence else label


def score_view(plan: "Plan", result: "PlanScore", depth: int, lang: Lang, machine: bool = False) -> "TableView":

    previous_year = plan.year - 1
    nodes = [node for node in result.nodes() if visible(node, depth)]
    columns = [
        Column("id", t("score.col.id", lang), "id"),
        # At 80 columns the title keeps 24 characters (two or three lines a row); floor and
        # ceiling, then the status, go first (issue 12 §5).
        Column("title", t("score.col.title", lang), max_width=40, least=24),
        Column("max", t("score.col.max", lang), "points"),
        Column("baseline", t("score.col.baseline", lang, year=previous_year), "points"),
        Column("projected", t("score.col.projected", lang), "points"),
        Column("floor", t("score.col.floor", lang), "points", optional=2),
        Column("ceiling", t("score.col.ceiling", lang), "points", optional=2),
        Column("status", t("score.col.status", lang), optional=1),
    ]
    if any(node.self_assessed is not None for node in nodes):
        columns.append(Column("self_assessed", t("score.col.self_assessed", lang), "points", optional=3))
    if any(node.appraised is not None for node in nodes):
        columns.append(Column("appraised", t("score.col.appraised", lang), "points", optional=3))
    if machine:
        columns.append(Column("no_evidence", "no_evidence", "text"))
    # On a narrow terminal the lead goes first, then sources, then floor and ceiling.
    columns.append(Column("lead", t("score.col.lead", lang), max_width=24, optional=4))
    rows: list[dict[str, object]] = []
    styles: dict[int, str] = {}
    for node in nodes:
        if node.level in ("domain", "outside"):
            styles[len(rows)] = "bold" if node.level == "domain" else "italic"
        rows.append(
            {
                "id": node.id,
                "title": node.title,
                "max": node.max,
                "baseline": node.baseline,
                "projected": node.projected,
                "floor": node.floor,
                "ceiling": node.ceiling,
                "status": node.status if machine else status_label(node, previous_year, lang),
                "self_assessed": node.self_assessed,
                "appraised": node.appraised,
                "no_evidence": node.no_evidence,
                "lead": names(plan, node.lead),
            }
        )
    title = f"{plan.plan.number} ({plan.year})"
    if result.unit is not None:
        heading = t("score.title_unit", lang, year=plan.year, plan=title, unit=names(plan, [result.unit]))
    else:
        heading = t("score.title", lang, year=plan.year, plan=title)
    return TableView(heading, columns, rows, styles, score_footer(result, previous_year, lang))


def score_footer(result: "PlanScore", previous_year: int, lang: Lang) -> list[str]:
    total = result.total

    def n(value: float | None) -> str:
        return fmt_number(value, lang)

    lines = []
    if result.as_of is not None:
        lines.append(t("score.as_of", lang, date=fmt_date(result.as_of, lang)))
    lines.append(t("score.total", lang, projected=n(total.projected), max=n(total.max), percent=fmt_percent(total.percent, lang)))
    if total.baseline is not None and total.change is not None:
        lines.append(t("score.change", lang, year=previous_year, baseline=n(total.baseline), change=fmt_signed(total.change, lang)))
    adjusted = result.adjusted
    if adjusted is not None and (adjusted.bonus or adjusted.penalty or adjusted.not_applicable):
        lines.append(
            t(
                "score.adjusted",
                lang,
                points=n(adjusted.points),
                bonus=n(adjusted.bonus),
                penalty=n(adjusted.penalty),
                total=n(adjusted.total),
                max=n(adjusted.applicable_max),
                percent=fmt_percent(adjusted.percent, lang),
            )
        )
    lines.append(t("score.range", lang, floor=n(total.floor), ceiling=n(total.ceiling)))
    # The same three accounts as the JSON total and the report's banner (scorer.py's docstring).
    lines.append(t("score.accounts", lang, recorded=n(total.recorded_points), derived=n(total.derived_points), year=previous_year, assumed=n(total.assumed_points)))
    assumed_key = "score.assumed_outside" if result.outside is not None else "score.assumed"
    lines.append(t(assumed_key, lang, assumed=n(total.assumed_points), outside=n(total.outside_points)))
    leaves = list(result.leaves())
    for key, selected in (
        ("score.overdue", [leaf.id for leaf in leaves if leaf.status == "overdue"]),
        ("score.unknown", [leaf.id for leaf in leaves if leaf.basis == "unknown"]),
        ("score.no_evidence", [leaf.id for leaf in leaves if leaf.no_evidence]),
        ("score.provisional", [leaf.id for leaf in leaves if leaf.provisional]),
        ("score.shared", [leaf.id for leaf in result.shared]),
    ):
        if selected:
            lines.append(t(key, lang, ids=", ".join(selected)))
    return lines


def gap_view(plan: "Plan", report: "GapReport", lang: Lang, machine: bool = False) -> "TableView":

    previous_year = plan.year - 1
    columns = [
        Column("id", t("score.col.id", lang), "id"),
        Column("title", t("score.col.title", lang), max_width=36),
        Column("max", t("score.col.max", lang), "points"),
        Column("baseline", t("score.col.baseline", lang, year=previous_year), "points", optional=3),
        Column("lost_baseline", t("gap.col.lost", lang, year=previous_year), "points", optional=2),
        Column("projected", t("score.col.projected", lang), "points"),
        Column("change", t("gap.col.change", lang), "points" if machine else "text", keep=True, optional=4),
        Column("gap", t("gap.col.gap", lang), "points", optional=1),
        Column("winnable", t("gap.col.winnable", lang), "points"),
        # On a narrow terminal: the note goes first, then the change, 2023, its loss, the gap.
        Column("note", t("gap.col.note", lang), max_width=40, optional=5),
    ]
    rows = [
        {
            "id": row.id,
            "title": row.title,
            "max": row.max,
            "baseline": row.baseline,
            "lost_baseline": row.lost_baseline,
            "projected": row.projected,
            "change": row.change if machine or row.change is None else fmt_signed(row.change, lang),
            "gap": row.gap,
            "winnable": row.winnable,
            "note": row.note,
        }
        for row in report.rows
    ]
    title = f"{plan.plan.number} ({plan.year})"
    if report.score.unit is not None:
        title += f" — {names(plan, [report.score.unit])}"
    return TableView(t("gap.title", lang, plan=title), columns, rows, footer=gap_footer(plan, report, lang))


def gap_footer(plan: "Plan", report: "GapReport", lang: Lang) -> list[str]:
    def n(value: float | None) -> str:
        return fmt_number(value, lang)

    rows = report.rows
    lines = [t("gap.total", lang, max=n(sum(row.max for row in rows)), projected=n(sum(row.projected or 0.0 for row in rows)), gap=n(report.gap_total))]
    reconciliation = report.reconciliation
    if reconciliation.lost is not None and plan.previous is not None:
        lines.append(
            t(
                "gap.reconcile",
                lang,
                year=plan.year - 1,
                lost=n(reconciliation.lost),
                max=n(plan.index_max),
                points=n(plan.previous.points),
                explained=n(reconciliation.explained),
                unexplained=n(reconciliation.unexplained),
            )
        )
    outside = report.whole.outside
    if outside is not None:
        lines.append(t("gap.outside", lang, projected=n(outside.projected), max=n(outside.max), gap=n(report.outside_gap)))
    target = report.target
    if target is not None:
        projected = report.whole.total.projected
        if target.distance > 0:
            lines.append(t("gap.target", lang, rank=target.rank, of=target.of, score=n(target.score), projected=n(projected), distance=n(target.distance)))
            key = "gap.to_close" if target.closable else "gap.not_closable"
            lines.append(t(key, lang, ids=", ".join(target.to_close), covered=n(target.covered)))
        else:
            lines.append(t("gap.target_reached", lang, rank=target.rank, of=target.of, score=n(target.score), projected=n(projected), surplus=n(-target.distance)))
    return lines


def units_view(plan: "Plan", table: "UnitsTable", today: "dt.date", machine: bool, lang: Lang) -> "TableView":
    """CSV lists every criterion id; people read runs ("5.1–5.4")."""

    loads = table.loads

    columns = [
        Column("id", t("units.col.id", lang), "id"),
        Column("name", t("units.col.name", lang), max_width=30, optional=1),
        Column("leads", t("units.col.leads", lang)),
        Column("supports", t("units.col.supports", lang), optional=3),
        Column("lead_max", t("units.col.lead_max", lang), "points"),
        Column("lead_projected", t("units.col.projected", lang), "points"),
        Column("open", t("units.col.open", lang), "int"),
        Column("overdue", t("units.col.overdue", lang), "int"),
        # On a narrow terminal: supports go first, then the next deadline, then the name.
        Column("next_due", t("units.col.next_due", lang), "date", optional=2),
    ]
    view = TableView(t("units.title", lang, plan=f"{plan.plan.number} ({plan.year})", date=fmt_date(today, lang)), columns)
    for index, load in enumerate(loads):
        view.rows.append(
            {
                "id": load.unit.id,
                "name": load.unit.name,
                "leads": " ".join(load.leads) if machine else load.leads_compact,
                "supports": " ".join(load.supports) if machine else load.supports_compact,
                "lead_max": load.lead_max,
                "lead_projected": load.lead_projected,
                "open": load.open,
                "overdue": load.overdue,
                "next_due": load.next_due,
            }
        )
        if load.overdue:
            view.styles[index] = "red"
        elif load.collective:
            view.styles[index] = "italic"
    unit_names = {load.unit.id: load.unit.name for load in loads}
    for load in loads:
        if load.collective:
            view.footer.append(t(f"units.footer.{load.unit.kind}", lang, name=load.unit.name))
    for load in loads:
        for member in load.members:
            view.footer.append(t("units.footer.part_of", lang, outer=load.unit.name, inner=unit_names[member]))
    view.footer.append(t("units.footer.total", lang, counted=table.counted, table=table.table))
    view.footer.append(t("units.footer.deadlines", lang, date=fmt_date(today, lang)))
    return view


def days_text(days_left: int, lang: Lang) -> str:
    """"N days left" / "today" / "N days late": the one wording of a deadline's distance, for
    the due table, the unit message and the report."""
    if days_left == 0:
        return t("due.today", lang)
    if days_left < 0:
        return t("due.day_late", lang) if days_left == -1 else t("due.days_late", lang, n=-days_left)
    return t("due.day_left", lang) if days_left == 1 else t("due.days_left", lang, n=days_left)


def due_view(plan: "Plan", shown: "list[PlanOccurrence]", today: "dt.date", title: str, everything: bool, machine: bool, lang: Lang) -> "TableView":
    """The rows as a table. CSV keeps days left as a signed number (negative when late) so a
    spreadsheet can sort it; people read "còn 3 ngày" / "trễ 2 ngày"."""

    columns = [
        Column("id", t("due.col.id", lang), "id"),
        Column("title", t("due.col.title", lang), max_width=32, optional=3),
        Column("what", t("due.col.what", lang), max_width=44),
        Column("due", t("due.col.due", lang), kind="date"),
        Column("days_left", t("due.col.days_left", lang), kind="int" if machine else "text", keep=True),
    ]
    if everything:
        columns.append(Column("done", t("due.col.done", lang), kind="date"))
    columns += [
        Column("lead", t("due.col.lead", lang), max_width=30, optional=1),
        # On a narrow terminal: support goes first, then the title, the points, the lead.
        Column("support", t("due.col.support", lang), max_width=28, optional=4),
        Column("max", t("due.col.max", lang), kind="points", optional=2),
    ]
    view = TableView(title=title, columns=columns)
    for index, item in enumerate(shown):
        days_left = item.days_left(today)
        view.rows.append(
            {
                "id": item.criterion.id,
                "title": item.criterion.title,
                "what": item.deadline.what,
                "due": item.last_day,
                "days_left": None if item.done else days_left if machine else days_text(days_left, lang),
                "done": item.completion.date if item.completion else None,
                "lead": names(plan, item.criterion.lead),
                "support": names(plan, item.criterion.support),
                "max": item.criterion.max,
            }
        )
        if item.overdue(today):
            view.styles[index] = "red"
    overdue = sum(1 for item in shown if item.overdue(today))
    shown_today = fmt_date(today, lang)
    if everything:
        done = sum(1 for item in shown if item.done)
        view.footer.append(t("due.summary_all", lang, today=shown_today, count=len(shown), done=done, overdue=overdue))
    else:
        view.footer.append(t("due.summary", lang, today=shown_today, due=len(shown) - overdue, overdue=overdue))
    view.footer.append(t("due.explain", lang))
    return view


def folder_view(folder: "Path", as_of: dt.date | None, rows: list[dict[str, object]], lang: Lang, machine: bool = False) -> "TableView":
    """`par score DIR`: one row of totals per plan."""
    columns = [
        Column("issuer", t("score.col.issuer", lang), max_width=40),
        Column("year", t("score.col.year", lang), "int"),
        Column("number", t("score.col.number", lang), optional=1),
        Column("max", t("score.col.max", lang), "points"),
        Column("baseline", t("score.col.previous", lang), "points"),
        Column("projected", t("score.col.projected", lang), "points"),
        Column("percent", "%", "percent"),
        Column("floor", t("score.col.floor", lang), "points"),
        Column("ceiling", t("score.col.ceiling", lang), "points"),
    ]
    footer = [t("score.as_of", lang, date=fmt_date(as_of, lang))] if as_of else []
    return TableView(t("score.folder_title", lang, folder=folder, count=len(rows)), columns, rows, {}, footer)
