"""`par gap`: where the previous year's points were lost and which criteria give the most back."""

from typing import TYPE_CHECKING

from par_cli.commands.common import LangOption, PlanOption, check_unit, lang_of, load_or_exit, parse_day, today_in_vietnam, write_json
from par_cli.commands.score import AsOfOption, FormatOption, UnitOption, plan_json, signed
from par_cli.i18n import Lang, fmt_number, t
from par_cli.render.formats import Format

if TYPE_CHECKING:
    from pathlib import Path

    from par_cli.scoring.gap import GapReport
    from par_cli.plan.model import Plan
    from par_cli.render.table import TableView


def gap(
    plan: PlanOption = None,
    unit: UnitOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Điểm bị mất năm trước và điểm còn có thể giành (gap to the maximum)."""
    from par_cli.scoring.gap import gap_report

    language = lang_of(lang)
    day = parse_day(as_of, language)
    loaded = load_or_exit(plan, language)
    the_plan = loaded.plan
    unit_id = check_unit(the_plan, unit, language)
    report = gap_report(the_plan, today=today_in_vietnam(), as_of=day, unit=unit_id)
    if fmt is Format.json:
        write_json(gap_payload(loaded.path, the_plan, report))
        return
    from par_cli.render.table import render

    render(gap_view(the_plan, report, language), fmt, language)


def gap_payload(path: "Path", plan: "Plan", report: "GapReport") -> dict[str, object]:
    total = report.score.total
    reconciliation = report.reconciliation
    target = report.target
    return {
        "plan": plan_json(path, plan),
        "as_of": report.score.as_of.isoformat() if report.score.as_of else None,
        "unit": report.score.unit,
        "total": {
            "max": total.max,
            "projected": total.projected,
            "baseline": total.baseline,
            "gap": report.gap_total,
            "lost_baseline": reconciliation.lost,
            "explained": reconciliation.explained,
            "unexplained": reconciliation.unexplained,
            "outside_gap": report.outside_gap,
            "whole_projected": report.whole.total.projected,
            "target": target.score if target else None,
            "target_rank": target.rank if target else None,
            "target_of": target.of if target else None,
            "distance_to_target": target.distance if target else None,
            "target_closable": target.closable if target else None,
        },
        "criteria": [
            {
                "id": row.id,
                "title": row.title,
                "max": row.max,
                "baseline": row.baseline,
                "lost_baseline": row.lost_baseline,
                "projected": row.projected,
                "change": row.change,
                "gap": row.gap,
                "winnable": row.winnable,
                "note": row.note,
                "assumed": row.assumed,
                "baseline_source": row.baseline_source,
                "baseline_assumed": row.baseline_assumed,
                "provisional": row.provisional,
                "lead": row.lead,
            }
            for row in report.rows
        ],
        "to_close_target": target.to_close if target else [],
    }


def gap_view(plan: "Plan", report: "GapReport", lang: Lang) -> "TableView":
    from par_cli.render.table import Column, TableView
    from par_cli.plan.units import names

    previous_year = plan.year - 1
    columns = [
        Column("id", t("score.col.id", lang)),
        Column("title", t("score.col.title", lang), max_width=36),
        Column("max", t("score.col.max", lang), "points"),
        Column("baseline", t("score.col.baseline", lang, year=previous_year), "points"),
        Column("lost_baseline", t("gap.col.lost", lang, year=previous_year), "points"),
        Column("projected", t("score.col.projected", lang), "points"),
        Column("change", t("gap.col.change", lang)),
        Column("gap", t("gap.col.gap", lang), "points"),
        Column("winnable", t("gap.col.winnable", lang), "points", optional=1),
        Column("note", t("gap.col.note", lang), max_width=40, optional=2),
    ]
    rows = [
        {
            "id": row.id,
            "title": row.title,
            "max": row.max,
            "baseline": row.baseline,
            "lost_baseline": row.lost_baseline,
            "projected": row.projected,
            "change": signed(row.change, lang) if row.change is not None else None,
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
