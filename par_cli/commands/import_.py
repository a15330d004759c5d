"""`par import FILE --output PLAN`: a draft plan from a framework table in Word or Excel."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    PreviousOption,
    RankOption,
    fail_file,
    fail_usage,
    format_option,
    lang_of,
    parse_day,
    parse_points_option,
    parse_rank_option,
    report_problems,
    show,
    write_new_plan,
)
from par_cli.i18n import t
from par_cli.render.formats import TABLE_FORMATS, Format, Output

# What could not be read is a table (where, what); the draft itself is the file written.
OFFERED = TABLE_FORMATS
FormatOption = format_option(OFFERED)


def import_(
    source: Annotated[Path, typer.Argument(metavar="FILE", help="help.import.source", show_default=False, readable=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="help.import.output", show_default=False, readable=False)],
    year: Annotated[Optional[int], typer.Option("--year", help="help.import.year", show_default=False)] = None,
    index_max: Annotated[
        Optional[str], typer.Option("--index-max", help="help.import.index-max", show_default=False)
    ] = None,
    previous: PreviousOption = None,
    rank: RankOption = None,
    issuer: Annotated[Optional[str], typer.Option("--issuer", help="help.import.issuer", show_default=False)] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="help.import.number", show_default=False)] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="help.import.date", show_default=False)] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="help.import.title", show_default=False)] = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Lập bản nháp kế hoạch từ bảng khung chỉ số Word/Excel (a draft plan from a framework table)."""
    from par_cli.editing.draft_yaml import dump
    from par_cli.plan.text import is_blank, nfc
    from par_cli.reading.framework_plan import Facts, build_draft
    from par_cli.reading.framework_read import read_framework
    from par_cli.reading.framework_table import FrameworkFileError
    from par_cli.render.framework import import_view
    from par_cli.render.json import import_payload

    language = lang_of(lang)
    for option, value in (("--issuer", issuer), ("--number", number), ("--title", title)):
        if value is not None and is_blank(value):  # the draft would hold a blank the plan refuses
            fail_usage(t("usage.blank_option", language, option=option))
    facts = Facts(
        year=year,
        index_max=parse_points_option(index_max, language),
        previous=parse_points_option(previous, language),
        rank=parse_rank_option(rank, language),
        issuer=nfc(issuer) if issuer else None,
        number=nfc(number) if number else None,
        date=parse_day(date, language),
        title=nfc(title) if title else None,
    )
    if output.exists():
        fail_usage(t("output.exists", language, path=output))
    try:
        draft = build_draft(read_framework(source), facts)
    except FrameworkFileError as error:
        fail_file(t(error.code, language, **error.params))
    text = dump(draft.data, draft.comments)
    write_new_plan(text, output, language)
    problems = _validate(output)
    counts = _counts(draft.data)
    # The account first (stdout), then the draft's problems (stderr), flushed in that order so
    # that `2>&1` keeps it: the account's footer announces them. JSON holds them inside.
    show(
        Output(
            json=lambda: import_payload(output, not problems, counts, problems, draft, language),
            table=lambda lang, machine: import_view(output, counts, problems, draft, lang, machine),
        ),
        fmt,
        language,
    )
    if fmt is not Format.json:
        sys.stdout.flush()
        report_problems(problems, fmt, language, summary=False)
    if problems or draft.unread:
        raise Findings()


def _validate(path: Path) -> list:
    from par_cli.reading.reader import load_plan

    return load_plan(path, keep_data=False).problems


def _counts(data: dict) -> dict[str, int]:
    criteria = deadlines = baselines = 0
    stack = [criterion for domain in data["domains"] for criterion in domain["criteria"]]
    while stack:
        criterion = stack.pop()
        criteria += 1
        deadlines += len(criterion.get("deadlines", []))
        baselines += 1 if criterion.get("baseline", {}).get("assumption") else 0
        stack += criterion.get("children", [])
    return {"criteria": criteria, "units": len(data["units"]), "deadlines": deadlines, "baselines": baselines}
