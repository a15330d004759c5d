"""`par new-year PLAN`: next year's plan from this year's, beside it (or --output)."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    PreviousOption,
    RankOption,
    fail_usage,
    lang_of,
    parse_points_option,
    parse_rank_option,
    report_problems,
    write_new_plan,
)
from par_cli.i18n import t
from par_cli.render.formats import Format


def new_year(
    plan_path: Annotated[Path, typer.Argument(metavar="PLAN", help="help.new_year.plan-path", show_default=False, readable=False)],
    previous: PreviousOption = None,
    rank: RankOption = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="help.new_year.output", show_default=False, readable=False)
    ] = None,
    lang: LangOption = None,
) -> None:
    """Lập kế hoạch năm sau từ kế hoạch năm nay (next year's plan from this year's)."""
    import tempfile

    from par_cli.commands.common import load_or_exit
    from par_cli.editing.new_year import roll_over
    from par_cli.reading.reader import load_plan

    language = lang_of(lang)
    points = parse_points_option(previous, language)
    ranked = parse_rank_option(rank, language)
    loaded = load_or_exit(plan_path, language)
    plan = loaded.plan
    target = output or plan_path.parent / f"{plan.year + 1}.yaml"
    if target.exists():
        fail_usage(t("output.exists", language, path=target))
    result = roll_over(plan, plan_path.read_text(encoding="utf-8-sig"), points, ranked)
    year = plan.year
    del loaded, plan  # the new text is joined and read next: not beside the old plan's models
    with tempfile.TemporaryDirectory(prefix="par-") as folder:
        candidate = Path(folder) / target.name
        candidate.write_bytes(result.data)
        problems = load_plan(candidate, keep_data=False).problems
    if problems:
        report_problems(problems, Format.text, language, summary=False)
        typer.echo(t("new_year.invalid", language, count=len(problems)), err=True)
        raise Findings()
    write_new_plan(result.data, target, language)
    typer.echo(t("new_year.written", language, year=result.year, path=target, baselines=result.baselines, previous_year=year, moved=result.moved, review=result.review))
    if not result.previous_given:
        typer.echo(t("new_year.no_previous", language, year=year))
