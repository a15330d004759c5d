"""What every command shares: its options, finding and loading the plan, the end of a run.

Commands import from here (and from the core and `render`), never from one another. The exit
codes live here and nowhere else:

====  ===================================================================================
code  meaning
====  ===================================================================================
0     done
1     an invalid plan, a refused change, or findings asked for (``--fail-on-overdue``)
2     a usage error: a bad option or argument, a file that cannot be read at all
3     a bug in par (the last resort in `cli.main`: one line on stderr, never a traceback)
====  ===================================================================================

A command ends by returning (0), or by raising `Usage` (2: `fail_usage`; the line naming the
command's help follows its message, as it follows typer's own usage errors), `FileUsage` (2:
`fail_file`, a file that cannot be read or written, without that line) or `Findings` (1);
`cli.ParGroup` turns those, and typer's own usage errors, into the exit code and the words.
A command's ``--format`` is `format_option(OFFERED)`: what its help lists and all it accepts.

Help texts are catalogue keys (``help="help.score.depth"``): `cli` replaces them with the
words of the language asked for (``--lang``, ``PAR_LANG``) before anything is parsed, so
``par --help --lang en`` and a usage error read English.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, Optional

import typer

from par_cli.i18n import Lang, t
from par_cli.plan.reasons import os_reason
from par_cli.render.formats import Format

if TYPE_CHECKING:
    from par_cli.plan.model import Plan
    from par_cli.plan.problems import Problem
    from par_cli.reading.reader import LoadedPlan
    from par_cli.render.formats import Output

from par_cli.commands.help import EXIT_OK, EXIT_USAGE  # noqa: F401 - shared from there

EXIT_FINDINGS = 1  # invalid plan, refused change, or findings a scheduled job should fail on
EXIT_INTERNAL = 3  # a bug in par; see cli.main


try:  # typer ≥ 0.22 carries its own copy of click
    from typer._click.exceptions import ClickException as _ClickException
    from typer._click.globals import get_current_context as _current_context
except ImportError:  # pragma: no cover - older typer, click installed beside it
    from click import get_current_context as _current_context  # type: ignore[no-redef]
    from click.exceptions import ClickException as _ClickException  # type: ignore[no-redef]


class Usage(_ClickException):
    """A usage error already worded for the user, exit 2: `cli.ParGroup` writes ``par:
    MESSAGE`` on stderr and, as for typer's own usage errors, the line that names the
    command's help (``Xem 'par set --help'.``), whichever layer raised it."""

    exit_code = EXIT_USAGE
    hint = True  # the line naming the command's help follows the message

    def __init__(self, message: str) -> None:
        super().__init__(message)
        # The command running when it was raised (`par set`; a group's subcommand by its
        # whole path), named by the hint; None before any command (see `cli._command_path`).
        context = _current_context(silent=True)
        self.command: str | None = context.command_path if context is not None and context.parent is not None else None

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        typer.echo(f"par: {self.message}", err=True)


class FileUsage(Usage):
    """A file the command cannot read or write (not there, not a plan, a folder, a disk that
    refuses): exit 2 like a usage error, but nothing on the command line is misused, so no
    line sends the user to the help."""

    hint = False


class Findings(_ClickException):
    """The run found what it reports (an invalid plan, a refusal) and has said so: exit 1."""

    exit_code = EXIT_FINDINGS

    def __init__(self) -> None:
        super().__init__("")

    def show(self, file=None) -> None:  # noqa: ANN001 - said already
        return None


# Past these, dates and spans stop being a plan's: `--today 9999-12-31` or `--days 10**9`
# would overflow the calendar arithmetic, so they are usage errors (issue 13).
MAX_DAYS = 3660
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)


class LangChoice(str, Enum):
    vi = "vi"
    en = "en"


# --- the options shared by several commands -------------------------------------------------

# Every path a command takes says `readable=False`: typer's default has click test access
# first and refuse an unreadable file as a misused option, in click's English ("path '…' is
# not readable"), an output that is only written included. The reader and the writers say
# why a file cannot be read or written, in the user's language (tests/test_library_words.py).

PlanArgument = Annotated[Optional[Path], typer.Argument(metavar="[PLAN]", help="help.common.plan_argument", show_default=False, readable=False)]
# The plan before a command's other words (`par done [PLAN] ID`): see `plan_first`.
PlanFirstArgument = Annotated[Optional[str], typer.Argument(metavar="[PLAN]", help="help.common.plan_first", show_default=False)]
PlanOption = Annotated[Optional[Path], typer.Option("--plan", "-p", help="help.common.plan", show_default=False, readable=False)]
LangOption = Annotated[Optional[LangChoice], typer.Option("--lang", envvar="PAR_LANG", help="help.common.lang", show_default=False)]
UnitOption = Annotated[Optional[str], typer.Option("--unit", "-u", metavar="ID", help="help.common.unit", show_default=False)]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", metavar="YYYY-MM-DD|DD/MM/YYYY", help="help.common.as-of", show_default=False)]
TodayOption = Annotated[Optional[str], typer.Option("--today", metavar="YYYY-MM-DD|DD/MM/YYYY", help="help.common.today", show_default=False)]
DaysOption = Annotated[int, typer.Option("--days", "-d", help="help.common.days")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="help.common.output", show_default=False, readable=False)]


class OfferedFormats:
    """What ``--format`` accepts for one command: a format it offers, as a `Format`; anything
    else is a usage error naming the formats it does offer (typer calls this while parsing)."""

    def __init__(self, offered: Sequence[Format]) -> None:
        self.offered = tuple(offered)

    def __call__(self, value: object) -> Format:
        given = value.value if isinstance(value, Format) else str(value)
        for fmt in self.offered:
            if fmt.value == given:
                return fmt
        fail_usage(t("usage.format", lang_of(None), format=given, formats=", ".join(fmt.value for fmt in self.offered)))


def format_option(offered: Sequence[Format], help_key: str | None = None) -> Any:
    """The ``--format`` option of a command that offers ``offered`` (in the order its help
    lists them): the command's one declaration of its formats. Its help shows exactly these
    (``--format <auto|text|json>``, from the choices typer reads off the type) and its parsing
    refuses any other (`OfferedFormats`)::

        OFFERED = (Format.auto, Format.text, Format.json)
        FormatOption = format_option(OFFERED)

        def validate(..., fmt: FormatOption = Format.auto) -> None: ...
    """
    choices = Literal[tuple(fmt.value for fmt in offered)]  # type: ignore[valid-type]
    if help_key is None:
        # auto is a table on a terminal only where there is a table to show
        help_key = "help.common.format_auto" if Format.auto in offered and Format.table in offered else "help.common.format"
    return Annotated[choices, typer.Option("--format", "-f", help=help_key, parser=OfferedFormats(offered))]


def lang_of(option: LangChoice | None) -> Lang:
    """A command's ``--lang``, else the one given before the command (``par --lang en
    score``, which `cli.ParGroup` reads itself), else ``PAR_LANG`` (typer reads it into the
    option), else Vietnamese."""
    if option is None:
        context = _current_context(silent=True)
        root = context.find_root().command if context is not None else None
        return getattr(root, "lang", None) or "vi"
    return "en" if option is LangChoice.en else "vi"


def fail_usage(message: str) -> NoReturn:
    raise Usage(message)


def fail_file(message: str) -> NoReturn:
    """A file that cannot be read or written: exit 2, without the hint (`FileUsage`)."""
    raise FileUsage(message)


def check_format(fmt: Format, offered: Iterable[Format], lang: Lang) -> Format:
    """A narrower choice within what a command's ``--format`` accepts (`format_option`),
    for one way of running it (``par justify ID TEXT`` records, the list is a table)."""
    offered = list(offered)
    if fmt not in offered:
        fail_usage(t("usage.format", lang, format=fmt.value, formats=", ".join(f.value for f in offered)))
    return fmt


def check_days(days: int, lang: Lang) -> int:
    """``--days`` (how far ahead to look) of `par due` and `par report`: 0 … MAX_DAYS, or a
    usage error."""
    if not 0 <= days <= MAX_DAYS:
        fail_usage(t("usage.bad_days", lang, value=days, most=MAX_DAYS))
    return days


def parse_day(value: str | None, lang: Lang) -> dt.date | None:
    """A date option (YYYY-MM-DD, DD/MM/YYYY or D/M/YYYY: see `read_day`), or a usage error
    that says what was wrong. Every date option of every command goes through here."""
    if value is None:
        return None
    from par_cli.plan.dates import read_day

    day = read_day(value)
    if day is None:
        fail_usage(t("usage.bad_date", lang, value=value))
    if not FIRST_DAY <= day <= LAST_DAY:
        fail_usage(t("usage.date_range", lang, value=value, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()))
    return day


def today_in_vietnam(now: dt.datetime | None = None) -> dt.date:
    """The date in Asia/Ho_Chi_Minh at the aware instant ``now`` (default: this moment),
    whatever the machine's time zone: at 23:30 UTC it is already tomorrow in Hà Nội, and a
    deadline list must say so."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    return (now.astimezone(zone) if now is not None else dt.datetime.now(zone)).date()


def plan_path(argument: Path | None, option: Path | None, lang: Lang) -> Path | None:
    """The plan named on the command line, positionally (``par gap plans/2024.yaml``) or
    with ``--plan``; not both."""
    if argument is not None and option is not None:
        fail_usage(t("score.path_and_plan", lang))
    return argument if argument is not None else option


PLAN_SUFFIXES = (".yaml", ".yml")


def plan_first(words: "Iterable[str | None]", option: Path | None, lang: Lang) -> tuple[Path | None, list[str]]:
    """A command whose plan comes before other words (``par set [PLAN] ID KEY=VALUE...``,
    ``par collect [PLAN] FILE.xlsx...``): the first word is the plan when it ends in .yaml or
    .yml, which a criterion id, a KEY=VALUE or a workbook never does; else the plan is
    ``--plan`` (or found as usual). Returns the plan and the other words; the plan given
    both ways is a usage error, as `plan_path` says."""
    given = [word for word in words if word is not None]
    if given and given[0].lower().endswith(PLAN_SUFFIXES):
        return plan_path(Path(given[0]), option, lang), given[1:]
    return option, given


def report_problems(problems: "Iterable[Problem]", fmt: Format, lang: Lang, files: int = 1, summary: bool = True) -> None:
    """The one way a command shows the problems of a plan: JSON on stdout under
    ``--format json``, else one ``PATH:LINE:COL: message`` line each and a summary on stderr."""
    from par_cli.render.problems import problem_line

    problems = list(problems)
    if fmt is Format.json:
        from par_cli.render.json import problems_payload, write_json

        write_json(problems_payload(problems, lang))
        return
    for problem in problems:
        typer.echo(problem_line(problem, lang), err=True)
    errors = sum(1 for problem in problems if getattr(problem, "severity", "error") == "error")
    if errors and summary:
        typer.echo(t("validate.summary", lang, problems=errors, files=files), err=True)
    if len(problems) > errors and summary:
        typer.echo(t("validate.warnings", lang, warnings=len(problems) - errors), err=True)


def load_or_exit(option: Path | None, lang: Lang, fmt: Format = Format.text) -> "LoadedPlan":
    """Find and load the plan; show its problems and exit 1 when it is invalid, exit 2 when
    there is no file to read. Every command that reads a plan starts here."""
    from par_cli.plan.problems import PlanFileError
    from par_cli.reading.discovery import find_plan
    from par_cli.reading.reader import load_plan
    from par_cli.render.problems import file_error_text

    try:
        loaded = load_plan(find_plan(option), keep_data=False)
    except PlanFileError as error:
        fail_file(file_error_text(error, lang))
    READING.append(loaded.path)
    if not loaded.ok:
        report_problems(loaded.problems, fmt, lang)
        raise Findings()
    return loaded


# Every plan this run has read: `--output` may name none of them (issue 13).
READING: list[Path] = []


def write_json(payload: object) -> None:
    from par_cli.render.json import write_json as write

    write(payload)


def write_out(text: str | bytes, output: Path | None, lang: Lang, written_key: str, **params: object) -> None:
    """A command's whole output, to stdout or to ``--output`` (text as UTF-8; bytes, a Word
    or Excel document, as they are), saying on stderr what was written. This is the one way
    a command writes a file it made (only a new plan goes through `write_new_plan`)."""
    if output is None:
        if isinstance(text, bytes):  # a document a terminal cannot show
            fail_usage(t("sheet.output_needed", lang, format=params.get("format", "docx/xlsx")))
        sys.stdout.write(text)
        return
    from par_cli.editing.atomic import OutputIsPlan, OutputNotAFile, write_output

    # Atomically, never over a plan this run reads (also through a symlink or a second
    # name), never into a FIFO or a device (issue 13).
    try:
        write_output(output, text if isinstance(text, bytes) else text.encode("utf-8"), reading=tuple(READING))
    except OutputIsPlan:
        fail_usage(t("usage.output_is_plan", lang, path=output))
    except OutputNotAFile:
        fail_usage(t("usage.output_not_a_file", lang, path=output))
    except OSError as error:
        fail_file(t("usage.cannot_write", lang, path=output, reason=os_reason(error)))
    typer.echo(t(written_key, lang, path=output, **params), err=True)


def write_new_plan(text: str | bytes, target: Path, lang: Lang) -> None:
    """A plan par made (``init``, ``import``, ``new-year``), written atomically and only
    where nothing is: never over an existing file, so never over a plan being read (also
    through a symlink, a dangling one included, or a FIFO, all of which are there)."""
    from par_cli.editing.draft_yaml import FileExists, write_new

    try:
        write_new(target, text)
    except FileExists:
        fail_usage(t("output.exists", lang, path=target))
    except OSError as error:
        fail_file(t("usage.cannot_write", lang, path=target, reason=os_reason(error)))


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


def show(output: "Output", fmt: Format, lang: Lang, destination: Path | None = None, written_key: str = "usage.written", **params: object) -> None:
    """Render ``output`` in ``fmt`` (`render.output`) and write it to stdout or to the file
    ``destination`` (``--output``); on a file ``auto`` is plain text. A binary format (docx,
    xlsx) needs a file: asked for on stdout it is a usage error, before any rendering."""
    import io

    from par_cli.render.formats import BINARY_FORMATS
    from par_cli.render.output import render

    if fmt in BINARY_FORMATS and destination is None:
        fail_usage(t("sheet.output_needed", lang, format=fmt.value))
    if fmt is Format.json and destination is None and output.json is not None:
        # Written while it is built, never whole (issue 13 item 15): the same text.
        write_json(output.json())
        return
    text = render(output, fmt, lang, io.StringIO() if destination is not None else None)
    write_out(text, destination, lang, written_key, **params)


PreviousOption = Annotated[
    Optional[str],
    typer.Option(
        "--previous",
        help="help.common.previous",
        show_default=False,
    ),
]
RankOption = Annotated[
    Optional[str],
    typer.Option("--rank", help="help.common.rank", show_default=False),
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
