"""`par units`: each unit with what it leads, supports and answers for ("rõ người, rõ việc")."""

from typing import TYPE_CHECKING

from par_cli.commands.common import LangOption, PlanOption, lang_of, load_or_exit, parse_day, today_in_vietnam, write_json
from par_cli.commands.report import TodayOption
from par_cli.commands.score import FormatOption, plan_json
from par_cli.i18n import Lang, fmt_date, t
from par_cli.render.formats import Format

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from par_cli.plan.model import Plan
    from par_cli.render.table import TableView
    from par_cli.scoring.responsibilities import UnitsTable


def units(
    today: TodayOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
    plan: PlanOption = None,
) -> None:
    """Phân công theo đơn vị: chủ trì, phối hợp, điểm, hạn (who answers for what)."""
    from par_cli.scoring.responsibilities import units_table
    from par_cli.scoring.scorer import score_plan

    language = lang_of(lang)
    day = parse_day(today, language) or today_in_vietnam()
    loaded = load_or_exit(plan, language)
    the_plan = loaded.plan
    table = units_table(the_plan, score_plan(the_plan, today=day, as_of=day), day)
    if fmt is Format.json:
        write_json(units_payload(loaded.path, the_plan, table, day))
        return
    from par_cli.render.table import render

    render(units_view(the_plan, table, day, fmt is Format.csv, language), fmt, language)


def units_payload(path: "Path", plan: "Plan", table: "UnitsTable", today: "dt.date") -> dict[str, object]:
    return {
        "plan": plan_json(path, plan),
        "today": today.isoformat(),
        "lead_points_counted": table.counted,
        "table_points": table.table,
        "units": [
            {
                "id": load.unit.id,
                "name": load.unit.name,
                "kind": load.unit.kind,
                "part_of": load.unit.part_of,
                "members": load.members,
                "leads": load.leads,
                "supports": load.supports,
                "lead_max": load.lead_max,
                "lead_projected": load.lead_projected,
                "open": load.open,
                "overdue": load.overdue,
                "next_due": load.next_due.isoformat() if load.next_due else None,
            }
            for load in table.loads
        ],
    }


def units_view(plan: "Plan", table: "UnitsTable", today: "dt.date", for_csv: bool, lang: Lang) -> "TableView":
    """CSV lists every criterion id; people read runs ("5.1–5.4")."""
    from par_cli.render.table import Column, TableView

    loads = table.loads

    columns = [
        Column("id", t("units.col.id", lang)),
        Column("name", t("units.col.name", lang), max_width=30),
        Column("leads", t("units.col.leads", lang)),
        Column("supports", t("units.col.supports", lang), optional=2),
        Column("lead_max", t("units.col.lead_max", lang), "points"),
        Column("lead_projected", t("units.col.projected", lang), "points"),
        Column("open", t("units.col.open", lang), "int"),
        Column("overdue", t("units.col.overdue", lang), "int"),
        Column("next_due", t("units.col.next_due", lang), "date", optional=1),
    ]
    view = TableView(t("units.title", lang, plan=f"{plan.plan.number} ({plan.year})", date=fmt_date(today, lang)), columns)
    for index, load in enumerate(loads):
        view.rows.append(
            {
                "id": load.unit.id,
                "name": load.unit.name,
                "leads": " ".join(load.leads) if for_csv else load.leads_compact,
                "supports": " ".join(load.supports) if for_csv else load.supports_compact,
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
    names = {load.unit.id: load.unit.name for load in loads}
    for load in loads:
        if load.collective:
            view.footer.append(t(f"units.footer.{load.unit.kind}", lang, name=load.unit.name))
    for load in loads:
        for member in load.members:
            view.footer.append(t("units.footer.part_of", lang, outer=load.unit.name, inner=names[member]))
    view.footer.append(t("units.footer.total", lang, counted=table.counted, table=table.table))
    view.footer.append(t("units.footer.deadlines", lang, date=fmt_date(today, lang)))
    return view
