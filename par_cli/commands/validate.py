"""`par validate [PATH ...]`: check plans and point at every problem."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import EXIT_FINDINGS, EXIT_OK, LangOption, fail_usage, help_text, lang_of, write_json
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
    from par_cli.plan.problems import PlanFileError

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
    problems = [problem for result in results for problem in result.problems]
    if fmt is ValidateFormat.json:
        write_json(
            {
                "valid": not problems,
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
        if problems:
            typer.echo(t("validate.summary", language, problems=len(problems), files=len(results)), err=True)
    raise typer.Exit(EXIT_FINDINGS if problems else EXIT_OK)

