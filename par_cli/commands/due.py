"""`par due`: what falls due in the next days, what is overdue, and a calendar to subscribe to."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    OutputOption,
    PlanArgument,
    PlanOption,
    TodayOption,
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
from par_cli.i18n import Lang, t
from par_cli.render.formats import TABLE_FORMATS, Format, Output

if TYPE_CHECKING:
    from par_cli.state.as_of import DayOccurrence, PlanState

OFFERED = (*TABLE_FORMATS, Format.ics)
FormatOption = format_option(OFFERED, "help.due.format")


def due(
    path: PlanArgument = None,
    days: Annotated[int, typer.Option("--days", "-d", help="help.due.days")] = 14,
    today: TodayOption = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", metavar="ID", help="help.due.unit", show_default=False)] = None,
    everything: Annotated[bool, typer.Option("--all", help="help.due.all")] = False,
    fmt: FormatOption = Format.auto,
    output: OutputOption = None,
    fail_on_overdue: Annotated[bool, typer.Option("--fail-on-overdue", help="help.due.fail-on-overdue")] = False,
    remind: Annotated[str, typer.Option("--remind", help="help.due.remind")] = "7,1",
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    import datetime as dt

    from par_cli.plan.units import names, unit_criteria
    from par_cli.state.as_of import plan_state
    from par_cli.render.json import due_payload
    from par_cli.render.views import due_view

    language = lang_of(lang)
    check_days(days, language)
    day = parse_day(today, language) or today_in_vietnam()
    loaded = load_or_exit(plan_path(path, plan, language), language, fmt)
    the_plan = loaded.plan
    unit = check_unit(the_plan, unit, language)
    reminders = _remind_days(remind, language)

    # The plan as of the day: a completion recorded after it is not done yet.
    shown = due_items(plan_state(the_plan, day), unit_criteria(the_plan, unit), days, everything, calendar=fmt is Format.ics)

    if everything:
        title = t("due.title_all", language, year=the_plan.year)
    else:
        title = t("due.title", language, start=day, end=day + dt.timedelta(days=days))
    if unit is not None:
        title = t("due.title_unit", language, title=title, unit=names(the_plan, [unit]))

    def calendar(lang: Lang) -> str:
        from par_cli.render.ics import calendar as ics

        name = t("ics.name", lang, year=the_plan.year, plan=the_plan.plan.number)
        if unit is not None:
            name = f"{name}: {names(the_plan, [unit])}"
        # The earlier export being replaced carries the SEQUENCEs on (see render/ics.py).
        return ics(the_plan, shown, lang, name, dt.datetime.now(dt.timezone.utc), reminders, _read_previous(output))

    documents = {Format.ics: calendar}
    if unit is not None and not everything:
        # For one unit, Markdown is the message a head of unit reads on the phone.
        from par_cli.render.message import unit_message

        documents[Format.md] = lambda lang: unit_message(the_plan, unit, shown, day, days, lang)
    result = Output(
        json=lambda: due_payload(the_plan, shown, day, days, unit),
        table=lambda lang, machine: due_view(the_plan, shown, day, title, everything, machine, lang),
        documents=documents,
    )
    show(result, fmt, language, output, "due.written", count=len(shown))
    if fail_on_overdue and any(item.overdue(day) for item in shown):
        raise Findings()


def due_items(state: "PlanState", mine: "set[str] | None", days: int, everything: bool, *, calendar: bool = False) -> "list[DayOccurrence]":
    """What `par due` lists as of the state's day: the window (overdue first), or with
    ``everything`` the whole year; the calendar holds the whole year's work not done (all of
    it with ``everything``), since people subscribe to the year, not to the window."""
    if calendar:
        items = state.occurrences_for(mine)
        return items if everything else [item for item in items if not item.done]
    return state.all_year(mine) if everything else state.due(days, mine)


def _remind_days(value: str, lang: Lang) -> tuple[int, ...]:
    """``7,1`` → (7, 1); ``none`` or an empty value → no alarms."""
    text = value.strip().lower()
    if text in ("", "none"):
        return ()
    try:
        days = tuple(sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True))
    except ValueError:
        fail_usage(t("due.remind_bad", lang, value=value))
    if any(day < 0 or day > 366 for day in days):
        fail_usage(t("due.remind_bad", lang, value=value))
    return days


def _read_previous(output: Path | None) -> bytes | None:
    if output is None or not output.is_file():
        return None
    try:
        return output.read_bytes()
    except OSError:
        return None
