"""`par score`: where the department stands against the index maximum and its previous result."""

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    AsOfOption,
    Findings,
    LangOption,
    PlanOption,
    UnitOption,
    check_unit,
    fail_usage,
    format_option,
    lang_of,
    load_or_exit,
    parse_day,
    plan_path,
    report_problems,
    show,
    today_in_vietnam,
)
from par_cli.i18n import Lang, t
from par_cli.render.formats import TABLE_FORMATS, Format, Output

OFFERED = TABLE_FORMATS  # auto, table, text, json, csv, md
FormatOption = format_option(OFFERED)

DepthOption = Annotated[int, typer.Option("--depth", min=1, max=3, help="help.score.depth")]


def score(
    path: Annotated[Optional[Path], typer.Argument(metavar="[PLAN|DIR]", help="help.score.path", show_default=False, readable=False)] = None,
    plan: PlanOption = None,
    depth: DepthOption = 3,
    unit: UnitOption = None,
    explain: Annotated[Optional[str], typer.Option("--explain", metavar="ID", help="help.score.explain", show_default=False)] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    from par_cli.scoring.scorer import score_plan

    language = lang_of(lang)
    day = parse_day(as_of, language)
    chosen = plan_path(path, plan, language)
    if chosen is not None and chosen.is_dir():
        if explain is not None or unit is not None:
            fail_usage(t("score.folder_options", language))
        score_folder(chosen, day, fmt, language)
        return
    loaded = load_or_exit(chosen, language, fmt)
    the_plan = loaded.plan
    unit_id = check_unit(the_plan, unit, language)
    today = today_in_vietnam()
    if explain is not None:
        from par_cli.render.explain import explanation_lines
        from par_cli.scoring.explain import explanation

        scored = score_plan(the_plan, today=today, as_of=day)
        node = scored.find(explain)
        if node is None:
            fail_usage(t("score.unknown_id", language, id=explain))
        details = explanation(the_plan, node, scored.reference, day)
        if fmt is Format.json:
            show(Output(json=lambda: details), fmt, language)
        else:
            typer.echo("\n".join(explanation_lines(details, language)))
        return
    result = score_plan(the_plan, today=today, as_of=day, unit=unit_id)
    from par_cli.render.json import score_payload
    from par_cli.render.views import score_view

    output = Output(
        json=lambda: score_payload(loaded.path, the_plan, result, depth),
        table=lambda lang, machine: score_view(the_plan, result, depth, lang, machine),
    )
    show(output, fmt, language)


def score_folder(folder: Path, as_of: dt.date | None, fmt: Format, lang: Lang) -> None:
    """Every plan in a folder and its subfolders (a province's departments, several years
    each): one table of totals, sorted by department then year. A plan that does not
    validate is reported with its problems and left out of the table; the others are still
    scored (exit 1 at the end)."""
    from par_cli.reading.discovery import plans_in
    from par_cli.reading.reader import load_plan
    from par_cli.render.json import folder_payload
    from par_cli.render.views import folder_view
    from par_cli.scoring.scorer import score_plan

    today = today_in_vietnam()
    rows: list[dict[str, object]] = []
    problems = []
    files = plans_in(folder)
    for file in files:
        loaded = load_plan(file, keep_data=False)
        if not loaded.ok:
            problems += loaded.problems
            continue
        the_plan = loaded.plan
        total = score_plan(the_plan, today=today, as_of=as_of).total
        rows.append(
            {
                "path": file,
                "issuer": the_plan.issuer,
                "year": the_plan.year,
                "number": the_plan.plan.number,
                "max": total.max,
                "baseline": total.baseline,
                "projected": total.projected,
                "percent": total.percent,
                "change": total.change,
                "floor": total.floor,
                "ceiling": total.ceiling,
            }
        )
    rows.sort(key=lambda row: (str(row["issuer"]), int(row["year"]), str(row["path"])))  # type: ignore[call-overload]
    if fmt is not Format.json:
        report_problems(problems, fmt, lang, files=len(files))
    output = Output(
        json=lambda: folder_payload(as_of, rows, problems, lang),
        table=lambda lang, machine: folder_view(folder, as_of, rows, lang, machine),
    )
    show(output, fmt, lang)
    if problems:
        raise Findings()
