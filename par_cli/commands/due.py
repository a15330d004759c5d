"""`par due`: what falls due in the next days, what is overdue, and a calendar to subscribe to."""

from typing import Annotated

import typer

from par_cli.commands.common import (
    Findings,
    FormatOption,
    LangOption,
    OutputOption,
    PlanArgument,
    PlanOption,
    TodayOption,
    check_format,
    check_unit,
    fail_usage,
    lang_of,
    load_or_exit,
    parse_day,
    plan_path,
    show,
    today_in_vietnam,
)
from par_cli.i18n import t
from par_cli.render.formats import TABLE_FORMATS, Format, Output

OFFERED = (*TABLE_FORMATS, Format.ics)


def due(
    path: PlanArgument = None,
    days: Annotated[int, typer.Option("--days", "-d", help="help.due.days")] = 14,
    today: TodayOption = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", metavar="ID", help="help.due.unit", show_default=False)] = None,
    everything: Annotated[bool, typer.Option("--all", help="help.due.all")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="help.due.format")] = Format.auto,
    output: OutputOption = None,
    fail_on_overdue: Annotated[bool, typer.Option("--fail-on-overdue", help="help.due.fail-on-overdue")] = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    import datetime as dt

    from par_cli.deadlines.occurrences import due_within, overdue_first, plan_occurrences
    from par_cli.plan.units import names
    from par_cli.render.json import due_payload
    from par_cli.render.views import due_view

    language = lang_of(lang)
    check_format(fmt, OFFERED, language)
    if days < 0:
        fail_usage(t("due.bad_days", language, value=days))
    day = parse_day(today, language) or today_in_vietnam()
    loaded = load_or_exit(plan_path(path, plan, language), language, fmt)
    the_plan = loaded.plan
    unit = check_unit(the_plan, unit, language)

    items = plan_occurrences(the_plan, unit)
    if fmt is Format.ics:
        # People subscribe to the whole year, so the calendar is not cut to the window.
        shown = items if everything else [item for item in items if not item.done]
    elif everything:
        shown = overdue_first(items, day)
    else:
        shown = due_within(items, day, days)

    if everything:
        title = t("due.title_all", language, year=the_plan.year)
    else:
        title = t("due.title", language, start=day, end=day + dt.timedelta(days=days))
    if unit is not None:
        title = t("due.title_unit", language, title=title, unit=names(the_plan, [unit]))

    def calendar(lang):  # noqa: ANN001, ANN202
        from par_cli.render.ics import calendar as ics

        name = t("ics.name", lang, year=the_plan.year, plan=the_plan.plan.number)
        if unit is not None:
            name = f"{name}: {names(the_plan, [unit])}"
        return ics(the_plan, shown, lang, name, dt.datetime.now(dt.timezone.utc))

    result = Output(
        json=lambda: due_payload(the_plan, shown, day, days, unit),
        table=lambda lang, machine: due_view(the_plan, shown, day, title, everything, machine, lang),
        documents={Format.ics: calendar},
    )
    show(result, fmt, language, output, "due.written", count=len(shown))
    if fail_on_overdue and any(item.overdue(day) for item in shown):
        raise Findings()
