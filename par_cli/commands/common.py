"""Options and helpers every command shares: plan discovery, language, format, exit codes."""

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from par_cli.i18n import Lang, t

if TYPE_CHECKING:
    from par_cli.plan.model import Plan

EXIT_OK = 0
EXIT_FINDINGS = 1  # invalid plan, or findings a scheduled job should fail on
EXIT_USAGE = 2


class LangChoice(str, Enum):
    vi = "vi"
    en = "en"


def help_text(vi: str, en: str) -> str:
    """Help in the user's language: ``PAR_LANG=en par --help`` reads English."""
    return en if os.environ.get("PAR_LANG", "").lower().startswith("en") else vi


PlanOption = Annotated[
    Optional[Path],
    typer.Option(
        "--plan",
        "-p",
        help=help_text(
            "Tệp kế hoạch; mặc định: biến PAR_PLAN, rồi plans/NĂM.yaml mới nhất.",
            "Plan file; default: PAR_PLAN, then the newest plans/YEAR.yaml.",
        ),
        show_default=False,
    ),
]
LangOption = Annotated[
    Optional[LangChoice],
    typer.Option("--lang", envvar="PAR_LANG", help=help_text("Ngôn ngữ: vi (mặc định) hoặc en.", "Language: vi (default) or en."), show_default=False),
]


def lang_of(option: LangChoice | None) -> Lang:
    return "en" if option is LangChoice.en else "vi"


def fail_usage(message: str) -> NoReturn:
    typer.echo(f"par: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def parse_day(value: str | None, lang: Lang) -> dt.date | None:
    """A date option (YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY: see `read_day`), or a usage error
    that says what was wrong. Every date option of every command goes through here."""
    if value is None:
        return None
    from par_cli.plan.dates import read_day

    day = read_day(value)
    if day is None:
        fail_usage(t("usage.bad_date", lang, value=value))
    return day


def parse_any_day(value: str | None, lang: Lang) -> dt.date | None:
    """A date option written YYYY-MM-DD or, as on Vietnamese paper, DD/MM/YYYY (D/M/YYYY)."""
    if value is None:
        return None
    text = value.strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            if year < 1000:
                raise ValueError(text)
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        fail_usage(t("usage.bad_day", lang, value=value))


def today_in_vietnam(now: dt.datetime | None = None) -> dt.date:
    """The date in Asia/Ho_Chi_Minh at the aware instant ``now`` (default: this moment),
    whatever the machine's time zone: at 23:30 UTC it is already tomorrow in Hà Nội, and a
    deadline list must say so."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    return (now.astimezone(zone) if now is not None else dt.datetime.now(zone)).date()


def load_or_exit(option: Path | None, lang: Lang):
    """Find and load the plan; print its problems and exit 1 when it is invalid, exit 2 when
    there is no file to read. Every command that reads a plan starts here."""
    from par_cli.reading.discovery import find_plan
    from par_cli.reading.reader import load_plan
    from par_cli.plan.problems import PlanFileError

    try:
        loaded = load_plan(find_plan(option), keep_data=False)
    except PlanFileError as error:
        fail_usage(error.message(lang))
    if not loaded.ok:
        for problem in loaded.problems:
            typer.echo(problem.format(lang))
        typer.echo(t("validate.summary", lang, problems=len(loaded.problems), files=1), err=True)
        raise typer.Exit(EXIT_FINDINGS)
    return loaded


def write_json(payload: object) -> None:
    import json

    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def check_unit(plan: "Plan", unit: str | None, lang: Lang) -> str | None:
    """The unit id as the plan spells it (after NFC), or a usage error naming the units there
    are: every ``--unit`` option goes through here."""
    if unit is None:
        return None
    from par_cli.plan.text import nfc

    wanted = nfc(unit.strip())
    if wanted not in {known.id for known in plan.units}:
        fail_usage(t("score.unknown_unit", lang, unit=unit, units=", ".join(known.id for known in plan.units)))
    return wanted


PreviousOption = Annotated[
    Optional[str],
    typer.Option(
        "--previous",
        help=help_text("Kết quả (điểm) năm trước đã công bố, ví dụ 83,2.", "The previous year's published points, e.g. 83.2."),
        show_default=False,
    ),
]
RankOption = Annotated[
    Optional[str],
    typer.Option("--rank", help=help_text("Xếp hạng năm trước, HẠNG/TỔNG, ví dụ 9/21.", "The previous year's rank, RANK/OF, e.g. 9/21."), show_default=False),
]


def parse_points_option(value: str | None, lang: Lang) -> float | None:
    """``83,2`` or ``83.2``; a usage error otherwise."""
    import re

    if value is None:
        return None
    text = value.strip()
    if not re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", text):
        fail_usage(t("usage.bad_points", lang, value=value))
    return float(text.replace(",", "."))


def parse_rank_option(value: str | None, lang: Lang) -> tuple[int, int] | None:
    """``9/21``: the rank and the number ranked; a usage error otherwise."""
    import re

    if value is None:
        return None
    found = re.fullmatch(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*", value)
    if found is None or not 1 <= int(found.group(1)) <= int(found.group(2)):
        fail_usage(t("usage.bad_rank", lang, value=value))
    return int(found.group(1)), int(found.group(2))
