"""`par history`: the plan's score through its git history, or the trail of what was recorded."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    READING,
    LangOption,
    OutputOption,
    PlanOption,
    fail_file,
    fail_usage,
    format_option,
    lang_of,
    parse_day,
    show,
)
from par_cli.i18n import t
from par_cli.render.formats import TABLE_FORMATS, Format, Output

OFFERED = TABLE_FORMATS  # auto, table, text, json, csv, md
FormatOption = format_option(OFFERED)


class By(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def _day_option(name: str, help_key: str):  # noqa: ANN202 - an Annotated type
    return Annotated[Optional[str], typer.Option(name, metavar="YYYY-MM-DD|DD/MM/YYYY", help=help_key, show_default=False)]


SinceOption = _day_option("--since", "help.history.since")
UntilOption = _day_option("--until", "help.history.until")


def history(
    path: Annotated[Optional[Path], typer.Argument(metavar="[PLAN]", help="help.history.path", show_default=False, readable=False)] = None,
    plan: PlanOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[
        Optional[By],
        typer.Option("--by", help="help.history.by", show_default=False),
    ] = None,
    records: Annotated[
        bool,
        typer.Option("--records", help="help.history.records"),
    ] = False,
    fmt: FormatOption = Format.auto,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Lịch sử điểm và nhật ký ghi nhận theo git (the score history and audit trail)."""
    from par_cli.plan.problems import PlanFileError
    from par_cli.render.problems import file_error_text
    from par_cli.reading.discovery import find_plan
    from par_cli.reading.git import GitError
    from par_cli.render.history import history_payload, history_view, trail_payload, trail_view
    from par_cli.scoring.history import history_rows, read_history

    language = lang_of(lang)
    if path is not None and plan is not None:
        fail_usage(t("score.path_and_plan", language))
    first, last = parse_day(since, language), parse_day(until, language)
    if first is not None and last is not None and first > last:
        fail_usage(t("history.since_after_until", language, since=first, until=last))
    try:
        file = find_plan(path or plan)
    except PlanFileError as error:
        fail_file(file_error_text(error, language))
    if not file.is_file():  # git reads the plan's versions, but the plan is a file first
        code = "file.is_directory" if file.is_dir() else "file.not_regular" if file.exists() else "file.not_found"
        fail_file(file_error_text(PlanFileError(file, code), language))
    READING.append(file)  # --output may not name it (issue 13)
    try:
        found = read_history(file)
    except GitError as error:
        fail_file(t(error.key, language, **error.params))
    valid = found.valid()
    newest = valid[-1].score if valid else None
    if records:
        events = [event for event in found.trail() if (first is None or event.commit.day >= first) and (last is None or event.commit.day <= last)]
        title = t("trail.title", language, plan=newest.number if newest else file, year=newest.year if newest else "", count=len(events))
        show(
            Output(json=lambda: trail_payload(str(file), events, since=first, until=last), table=lambda lang, machine: trail_view(title, events, lang)),
            fmt,
            language,
            output,
        )
        return
    rows = history_rows(found, since=first, until=last, by=by.value if by else None)  # type: ignore[arg-type]
    title = t("history.title", language, plan=newest.number if newest else file, year=newest.year if newest else "", count=len(rows))
    show(
        Output(
            json=lambda: history_payload(str(file), rows, since=first, until=last, by=by.value if by else None),
            table=lambda lang, machine: history_view(title, rows, lang, plain=machine),
        ),
        fmt,
        language,
        output,
    )
