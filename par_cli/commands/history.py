"""`par history`: the plan's score through its git history, or the trail of what was recorded."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import LangOption, PlanOption, fail_usage, help_text, lang_of, parse_day, write_json
from par_cli.i18n import t
from par_cli.render.formats import Format


class By(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def _day_option(name: str, vi: str, en: str):  # noqa: ANN202 - an Annotated type
    return Annotated[Optional[str], typer.Option(name, metavar="YYYY-MM-DD|DD/MM/YYYY", help=help_text(vi, en), show_default=False)]


SinceOption = _day_option("--since", "Từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY), theo ngày commit.", "From this commit day (YYYY-MM-DD or DD/MM/YYYY).")
UntilOption = _day_option("--until", "Đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY), theo ngày commit.", "Up to this commit day (YYYY-MM-DD or DD/MM/YYYY).")


def history(
    path: Annotated[Optional[Path], typer.Argument(help=help_text("Tệp kế hoạch trong một kho git.", "A plan file kept in git."), show_default=False)] = None,
    plan: PlanOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[
        Optional[By],
        typer.Option("--by", help=help_text("Mỗi ngày, tuần hoặc tháng một dòng: phiên bản cuối của kỳ.", "One row per day, week or month: its last version."), show_default=False),
    ] = None,
    records: Annotated[
        bool,
        typer.Option("--records", help=help_text("Nhật ký ghi nhận: mỗi số liệu, hoàn thành, điểm, tài liệu kiểm chứng với commit, người và ngày.", "The audit trail: every recorded fact with its commit, author and date.")),
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="auto | table | text | json | csv | md")] = Format.auto,
    lang: LangOption = None,
) -> None:
    """Lịch sử điểm và nhật ký ghi nhận theo git (the score history and audit trail)."""
    from par_cli.plan.problems import PlanFileError
    from par_cli.reading.discovery import find_plan
    from par_cli.reading.git import GitError
    from par_cli.render.history import history_payload, history_view, trail_payload, trail_view
    from par_cli.render.table import render
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
        fail_usage(error.message(language))
    if not file.is_file():
        fail_usage(PlanFileError(file, "file.is_directory" if file.is_dir() else "file.not_found").message(language))
    try:
        found = read_history(file)
    except GitError as error:
        fail_usage(t(error.key, language, **error.params))
    valid = found.valid()
    newest = valid[-1].score if valid else None
    if records:
        events = [event for event in found.trail() if (first is None or event.commit.day >= first) and (last is None or event.commit.day <= last)]
        if fmt is Format.json:
            write_json(trail_payload(str(file), events, since=first, until=last))
            return
        title = t("trail.title", language, plan=newest.number if newest else file, year=newest.year if newest else "", count=len(events))
        render(trail_view(title, events, language), fmt, language)
        return
    rows = history_rows(found, since=first, until=last, by=by.value if by else None)  # type: ignore[arg-type]
    if fmt is Format.json:
        write_json(history_payload(str(file), rows, since=first, until=last, by=by.value if by else None))
        return
    title = t("history.title", language, plan=newest.number if newest else file, year=newest.year if newest else "", count=len(rows))
    render(history_view(title, rows, language, plain=fmt is Format.csv), fmt, language)
