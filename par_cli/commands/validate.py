"""`par validate [PATH ...]`: check plans and point at every problem."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from par_cli.commands.common import LangOption, fail_usage, help_text, lang_of, write_json
from par_cli.i18n import t


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"


def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help=help_text(
                "Tệp hoặc thư mục kế hoạch; mặc định: kế hoạch tìm thấy như --plan.",
                "Plan files or folders; default: the plan found as for --plan.",
            ),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="text | json")] = ValidateFormat.text,
    lang: LangOption = None,
) -> None:
    """Kiểm tra kế hoạch: mỗi lỗi một dòng PATH:LINE:COL (validate plans)."""
    from par_cli.plan.tree import walk
    from par_cli.reading.discovery import find_plan, plan_files
    from par_cli.reading.reader import load_plan
    from par_cli.plan.problems import PlanFileError, exit_code

    language = lang_of(lang)
    files: list[Path] = []
    try:
        for path in paths or [find_plan(None)]:
            if path.is_dir():
                found = plan_files(path) or sorted(p for p in path.glob("*.y*ml") if p.is_file())
                files += found
            else:
                files.append(path)
        results = [load_plan(path, keep_data=False) for path in files]
    except PlanFileError as error:
        fail_usage(error.message(language))
    for result in results:
        if result.ok:
            result.problems += plan_warnings(result)
    problems = [problem for result in results for problem in result.problems]
    errors = [problem for problem in problems if problem.severity == "error"]
    warnings = len(problems) - len(errors)
    if fmt is ValidateFormat.json:
        write_json(
            {
                "valid": not errors,
                "warnings": warnings,
                "files": [{"path": str(r.path), "valid": r.ok, "problems": len(r.problems)} for r in results],
                "problems": [problem.as_json(language) for problem in problems],
            }
        )
    else:
        for problem in problems:
            typer.echo(problem.format(language))
        for result in results:
            if result.ok:
                total = result.plan.index_max
                count = sum(1 for _ in walk(result.plan))
                typer.echo(t("validate.ok", language, path=result.path, criteria=count, total=float(total)))
        if errors:
            typer.echo(t("validate.summary", language, problems=len(errors), files=len(results)), err=True)
        if warnings:
            typer.echo(t("validate.warnings", language, warnings=warnings), err=True)
    raise typer.Exit(exit_code(problems))


def plan_warnings(loaded: Any) -> list[Any]:
    """Warnings on a valid plan (they never make it invalid): evidence files that are not
    there, evidence dated after the deadline it proves."""
    from par_cli.reading.reader import locate_in_file
    from par_cli.scoring.evidence import evidence_warnings

    return locate_in_file(loaded.path, evidence_warnings(loaded.plan, loaded.path))
