"""`par report`: the briefing page for the director, or for one unit's head."""

import sys
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    DaysOption,
    LangOption,
    OutputOption,
    PlanArgument,
    PlanOption,
    TodayOption,
    UnitOption,
    check_days,
    check_unit,
    fail_usage,
    format_option,
    lang_of,
    load_or_exit,
    parse_day,
    plan_path,
    show,
    today_in_vietnam,
)
from par_cli.i18n import t
from par_cli.render.formats import Format, Output

OFFERED = (Format.html, Format.md)
FormatOption = format_option(OFFERED)


def report(
    path: PlanArgument = None,
    today: TodayOption = None,
    days: DaysOption = 14,
    unit: UnitOption = None,
    fmt: FormatOption = Format.html,
    output: OutputOption = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD|DD/MM/YYYY", help="help.report.since", show_default=False)] = None,
    lang: LangOption = None,
    plan: PlanOption = None,
) -> None:
    from par_cli.render.report import render_html, render_md
    from par_cli.scoring.briefing import build_report

    language = lang_of(lang)
    check_days(days, language)
    if fmt is Format.html and output is None and sys.stdout.isatty():
        # A page of markup is no use on a terminal; say how to get the page or the text.
        fail_usage(t("report.html_on_terminal", language))
    day = parse_day(today, language) or today_in_vietnam()
    last_briefing = parse_day(since, language)
    loaded = load_or_exit(plan_path(path, plan, language), language)
    unit_id = check_unit(loaded.plan, unit, language)
    briefing = build_report(loaded.plan, loaded.path, today=day, days=days, unit=unit_id, since=last_briefing)
    page = Output(documents={Format.html: lambda lang: render_html(briefing, lang), Format.md: lambda lang: render_md(briefing, lang)})
    show(page, fmt, language, output, "report.written")
