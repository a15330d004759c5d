"""`par validate [PATH ...]`: check plans and point at every problem."""

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    fail_file,
    format_option,
    lang_of,
    report_problems,
)
from par_cli.i18n import t
from par_cli.render.formats import Format

OFFERED = (Format.auto, Format.text, Format.json)
FormatOption = format_option(OFFERED)


def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="[PLAN|DIR]...", help="help.validate.path", show_default=False, readable=False)] = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    from par_cli.plan.problems import PlanFileError, exit_code
    from par_cli.render.problems import file_error_text
    from par_cli.plan.tree import walk
    from par_cli.reading.discovery import find_plan, plans_in
    from par_cli.reading.reader import load_plan

    language = lang_of(lang)
    files: list[Path] = []
    try:
        for path in paths or [find_plan(None)]:
            files += plans_in(path) if path.is_dir() else [path]
        results = [load_plan(path, keep_data=False) for path in files]
    except PlanFileError as error:
        fail_file(file_error_text(error, language))
    for result in results:
        if result.ok:
            result.problems += plan_warnings(result)
    problems = [problem for result in results for problem in result.problems]
    if fmt is Format.json:
        from par_cli.render.json import problems_payload, write_json

        payload = problems_payload(problems, language)
        write_json(
            {
                "valid": payload["valid"],
                "warnings": payload["warnings"],
                "files": [{"path": r.path, "valid": r.ok, "problems": len(r.problems)} for r in results],
                "problems": payload["problems"],
            }
        )
    else:
        report_problems(problems, fmt, language, files=len(results))
        for result in results:
            if result.ok:
                count = sum(1 for _ in walk(result.plan))
                typer.echo(t("validate.ok", language, path=result.path, criteria=count, total=float(result.plan.index_max)))
    if exit_code(problems):
        raise Findings()


def plan_warnings(loaded: Any) -> list[Any]:
    """Warnings on a valid plan (they never make it invalid): evidence files that are not
    there, evidence dated after the deadline it proves."""
    from par_cli.reading.reader import locate_in_file
    from par_cli.scoring.evidence import evidence_warnings

    return locate_in_file(loaded.path, evidence_warnings(loaded.plan, loaded.path))
