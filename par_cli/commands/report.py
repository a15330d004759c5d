"""`par report`: the briefing page for the director, or for one unit's head."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import LangOption, PlanOption, check_unit, fail_usage, help_text, lang_of, load_or_exit, parse_any_day, parse_day, today_in_vietnam
from par_cli.commands.score import UnitOption
from par_cli.i18n import t

TodayOption = Annotated[
    Optional[str],
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD|DD/MM/YYYY",
        help=help_text(
            "Ngày tính là hôm nay: điểm theo số liệu ghi nhận đến ngày này, hạn tính từ ngày này; mặc định: hôm nay theo giờ Việt Nam.",
            "The day taken as today: scores use the progress recorded up to it, deadlines count from it; default: today in Asia/Ho_Chi_Minh.",
        ),
        show_default=False,
    ),
]


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


def report(
    today: TodayOption = None,
    days: Annotated[
        int,
        typer.Option("--days", "-d", help=help_text("Số ngày tới cần xem hạn (mặc định 14).", "How many days ahead to list deadlines (default 14).")),
    ] = 14,
    unit: UnitOption = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help=help_text("html (trang một tệp, in A4) hoặc md (dán vào tin nhắn).", "html (one self-contained page, prints on A4) or md (to paste into a message).")),
    ] = ReportFormat.html,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help=help_text("Ghi ra tệp thay vì màn hình.", "Write to this file instead of standard output."), show_default=False),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            metavar="YYYY-MM-DD",
            help=help_text(
                "Ngày giao ban trước (YYYY-MM-DD hoặc DD/MM/YYYY): điểm thay đổi và ai ghi nhận từ đó, theo git; mặc định: 7 ngày trước --today.",
                "The last briefing's day (YYYY-MM-DD or DD/MM/YYYY): what moved since and who recorded it, from git; default: 7 days before --today.",
            ),
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
    plan: PlanOption = None,
) -> None:
    """Báo cáo giao ban: một trang cho lãnh đạo (the briefing report)."""
    from par_cli.scoring.briefing import build_report
    from par_cli.render.report import RENDERERS

    language = lang_of(lang)
    if days < 0:
        fail_usage(t("report.bad_days", language, value=days))
    day = parse_day(today, language) or today_in_vietnam()
    last_briefing = parse_any_day(since, language)
    loaded = load_or_exit(plan, language)
    unit_id = check_unit(loaded.plan, unit, language)
    text = RENDERERS[fmt.value](build_report(loaded.plan, loaded.path, today=day, days=days, unit=unit_id, since=last_briefing), language)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        fail_usage(t("report.cannot_write", language, path=output, reason=error.strerror or error))
    typer.echo(t("report.written", language, path=output), err=True)
