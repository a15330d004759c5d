"""`par due`: what falls due in the next days, what is overdue, and a calendar to subscribe to."""

import contextlib
import io
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from par_cli.commands.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    LangOption,
    PlanOption,
    check_unit,
    fail_usage,
    help_text,
    lang_of,
    load_or_exit,
    parse_day,
    today_in_vietnam,
    write_json,
)
from par_cli.render.formats import Format
from par_cli.i18n import Lang, fmt_date, t

if TYPE_CHECKING:
    import datetime as dt

    from par_cli.deadlines.occurrences import PlanOccurrence
    from par_cli.plan.model import Plan
    from par_cli.render.table import TableView
    from par_cli.state.as_of import DayOccurrence, PlanState


# The table formats, and a calendar to subscribe to. An Enum with members cannot be
# subclassed, so this one is built from Format's members rather than written out again.
DueFormat = Enum("DueFormat", [(member.name, member.value) for member in Format] + [("ics", "ics")], type=str)


def due(
    days: Annotated[
        int,
        typer.Option("--days", "-d", help=help_text("Số ngày tới cần xem (mặc định 14).", "How many days ahead to look (default 14).")),
    ] = 14,
    today: Annotated[
        Optional[str],
        typer.Option(
            "--today",
            help=help_text("Ngày tính là hôm nay, dạng YYYY-MM-DD hoặc DD/MM/YYYY; mặc định: hôm nay theo giờ Việt Nam.", "The day taken as today, YYYY-MM-DD or DD/MM/YYYY (day first); default: today in Asia/Ho_Chi_Minh."),
            show_default=False,
        ),
    ] = None,
    unit: Annotated[
        Optional[str],
        typer.Option("--unit", "-u", help=help_text("Chỉ các tiêu chí đơn vị này chủ trì hoặc phối hợp.", "Only criteria this unit leads or supports."), show_default=False),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help=help_text("Mọi lần đến hạn trong năm, kể cả việc đã xong.", "Every deadline of the year, done ones included.")),
    ] = False,
    fmt: Annotated[
        DueFormat,
        typer.Option(
            "--format",
            "-f",
            help=help_text(
                "auto | table | text | json | csv | md | ics. Lịch ics gồm cả năm (việc chưa xong), không chỉ các ngày tới.",
                "auto | table | text | json | csv | md | ics. The ics calendar holds the whole year (work not done), not only the coming days.",
            ),
        ),
    ] = DueFormat.auto,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help=help_text("Ghi ra tệp thay vì màn hình.", "Write to this file instead of standard output."), show_default=False),
    ] = None,
    fail_on_overdue: Annotated[
        bool,
        typer.Option("--fail-on-overdue", help=help_text("Thoát với mã 1 khi có việc quá hạn.", "Exit 1 when anything is overdue.")),
    ] = False,
    remind: Annotated[
        str,
        typer.Option(
            "--remind",
            help=help_text(
                "Lịch ics: nhắc lúc 8 giờ, trước hạn cuối bấy nhiêu ngày (mặc định 7,1); 'none': không nhắc.",
                "ics: alarms at 08:00 this many days before the last day (default 7,1); 'none': no alarms.",
            ),
        ),
    ] = "7,1",
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """Việc đến hạn và quá hạn; lịch ics để đăng ký (deadlines, overdue work, calendar)."""
    import datetime as dt

    from par_cli.plan.units import names, unit_criteria
    from par_cli.state.as_of import plan_state

    language = lang_of(lang)
    if days < 0:
        fail_usage(t("due.bad_days", language, value=days))
    day = parse_day(today, language) or today_in_vietnam()
    loaded = load_or_exit(plan, language)
    the_plan = loaded.plan
    unit = check_unit(the_plan, unit, language)
    reminders = _remind_days(remind, language)

    # The plan as of the day: a completion recorded after it is not done yet.
    shown = due_items(plan_state(the_plan, day), unit_criteria(the_plan, unit), days, everything, calendar=fmt is DueFormat.ics)

    if everything:
        title = t("due.title_all", language, year=the_plan.year)
    else:
        title = t("due.title", language, start=fmt_date(day, language), end=fmt_date(day + dt.timedelta(days=days), language))
    if unit is not None:
        title = t("due.title_unit", language, title=title, unit=names(the_plan, [unit]))

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer) if output is not None else contextlib.nullcontext():
        if fmt is DueFormat.json:
            write_json(_payload(the_plan, shown, day, days, unit))
        elif fmt is DueFormat.ics:
            from par_cli.render.ics import calendar

            name = t("ics.name", language, year=the_plan.year, plan=the_plan.plan.number)
            if unit is not None:
                name = f"{name}: {names(the_plan, [unit])}"
            # The earlier export being replaced carries the SEQUENCEs on (see render/ics.py).
            previous = _read_previous(output)
            sys.stdout.write(calendar(the_plan, shown, language, name, dt.datetime.now(dt.timezone.utc), reminders, previous))
        elif fmt is DueFormat.md and unit is not None and not everything:
            from par_cli.render.message import unit_message

            sys.stdout.write(unit_message(the_plan, unit, shown, day, days, language))
        else:
            from par_cli.render.table import render

            chosen = Format(fmt.value)
            render(_view(the_plan, shown, day, title, everything, chosen is Format.csv, language), chosen, language)
    if output is not None:
        try:
            output.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        except OSError as error:
            fail_usage(t("due.cannot_write", language, path=output, reason=error.strerror or error))
        typer.echo(t("due.written", language, count=len(shown), path=output), err=True)

    overdue = any(item.overdue(day) for item in shown)
    raise typer.Exit(EXIT_FINDINGS if fail_on_overdue and overdue else EXIT_OK)


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


def _payload(plan: "Plan", shown: "list[PlanOccurrence]", today: "dt.date", days: int, unit: str | None) -> dict[str, object]:
    """Stable keys, ISO dates, raw numbers: for scripts and dashboards."""
    known = {u.id: u.name for u in plan.units}
    return {
        "today": today.isoformat(),
        "days": days,
        "unit": unit,
        "items": [
            {
                "id": item.criterion.id,
                "title": item.criterion.title,
                "deadline": item.deadline.id,
                "what": item.deadline.what,
                "stated": item.stated.isoformat(),
                "due": item.last_day.isoformat(),
                "days_left": item.days_left(today),
                "overdue": item.overdue(today),
                "done": item.done,
                "done_date": item.completion.date.isoformat() if item.completion else None,
                "lead": [known.get(u, u) for u in item.criterion.lead],
                "support": [known.get(u, u) for u in item.criterion.support],
                "max": item.criterion.max,
            }
            for item in shown
        ],
    }


def _days_text(days_left: int, lang: Lang) -> str:
    if days_left == 0:
        return t("due.today", lang)
    if days_left < 0:
        return t("due.day_late", lang) if days_left == -1 else t("due.days_late", lang, n=-days_left)
    return t("due.day_left", lang) if days_left == 1 else t("due.days_left", lang, n=days_left)


def _view(plan: "Plan", shown: "list[PlanOccurrence]", today: "dt.date", title: str, everything: bool, for_csv: bool, lang: Lang) -> "TableView":
    """The rows as a table. CSV keeps days left as a signed number (negative when late) so a
    spreadsheet can sort it; people read "còn 3 ngày" / "trễ 2 ngày"."""
    from par_cli.render.table import Column, TableView
    from par_cli.plan.units import names

    columns = [
        Column("id", t("due.col.id", lang)),
        Column("title", t("due.col.title", lang), max_width=32),
        Column("what", t("due.col.what", lang), max_width=44),
        Column("due", t("due.col.due", lang), kind="date"),
        Column("days_left", t("due.col.days_left", lang), kind="int" if for_csv else "text"),
    ]
    if everything:
        columns.append(Column("done", t("due.col.done", lang), kind="date"))
    columns += [
        Column("lead", t("due.col.lead", lang), max_width=30),
        Column("support", t("due.col.support", lang), max_width=28),
        Column("max", t("due.col.max", lang), kind="points"),
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
                "days_left": None if item.done else days_left if for_csv else _days_text(days_left, lang),
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
