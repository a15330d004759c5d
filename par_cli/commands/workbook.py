"""`par workbook` and `par collect`: the unit workbook out to a head of unit, and back in.

Thin: options in, the core's values out. A workbook is one unit's work (render/workbook.py);
collecting records it through the same builders as `par set` / `par done` / `par evidence`
(editing/collect.py), all of a workbook or nothing of it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    PlanArgument,
    PlanFirstArgument,
    PlanOption,
    check_unit,
    fail_file,
    fail_usage,
    format_option,
    lang_of,
    load_or_exit,
    parse_day,
    plan_first,
    plan_path,
    report_problems,
    today_in_vietnam,
    write_json,
    write_out,
)
from par_cli.i18n import Lang, t
from par_cli.plan.reasons import os_reason
from par_cli.render.formats import Format

if TYPE_CHECKING:
    from par_cli.editing.collect import WorkbookResult

DEFAULT_LOCK_WAIT = 5.0


def workbook(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="help.workbook.output",
            show_default=False,
            readable=False,
        ),
    ],
    given: PlanArgument = None,
    unit: Annotated[
        Optional[str],
        typer.Option("--unit", "-u", help="help.workbook.unit", show_default=False),
    ] = None,
    all_units: Annotated[
        bool,
        typer.Option("--all-units", help="help.workbook.all-units"),
    ] = False,
    plan: PlanOption = None,
    lang: LangOption = None,
) -> None:
    """Lập sổ Excel cho đơn vị điền số liệu (a workbook for a unit to fill in)."""
    from par_cli.reading.discovery import find_plan
    from par_cli.render.workbook import render_workbook

    language = lang_of(lang)
    if (unit is None) == (not all_units):
        fail_usage(t("workbook.unit_or_all", language))
    plan = plan_path(given, plan, language)
    loaded = load_or_exit(plan, language)
    the_plan = loaded.plan
    path = find_plan(plan)
    if all_units:
        targets = [(known.id, output / f"{known.id}.xlsx") for known in the_plan.units if known.kind == "unit"]
    else:
        targets = [(check_unit(the_plan, unit, language), output)]
    made = today_in_vietnam()
    names = {known.id: known.name for known in the_plan.units}
    for unit_id, target in targets:
        data, rows = render_workbook(the_plan, path, unit_id, language, made)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail_file(t("workbook.cannot_write", language, path=target, reason=os_reason(error)))
        # Atomically, never over the plan (directly or through a link), never into a FIFO.
        write_out(data, target, language, "workbook.written", unit=names[unit_id], rows=rows)


# What `par collect` shows, as `par set` does: what it said (auto, text) or a JSON account.
COLLECT_OFFERED = (Format.auto, Format.text, Format.json)
CollectFormatOption = format_option(COLLECT_OFFERED)


def collect(
    first: PlanFirstArgument = None,
    files: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="FILE.xlsx...", help="help.collect.files", show_default=False),
    ] = None,
    date: Annotated[
        Optional[str],
        typer.Option(
            "--date",
            help="help.collect.date",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="help.collect.dry-run"),
    ] = False,
    plan: PlanOption = None,
    fmt: CollectFormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Ghi các sổ đơn vị đã điền vào kế hoạch (record filled unit workbooks in the plan)."""
    from par_cli.editing.collect import collect_file
    from par_cli.plan.problems import PlanFileError
    from par_cli.render.problems import file_error_text
    from par_cli.reading.discovery import find_plan

    language = lang_of(lang)
    plan, words = plan_first([first, *(files or [])], plan, language)
    if not words:
        fail_usage(t("usage.missing", language, param="'FILE.xlsx...'"))
    day = parse_day(date, language) or today_in_vietnam()
    try:
        path = find_plan(plan)
    except PlanFileError as error:
        fail_file(file_error_text(error, language))
    results = []  # for --format json; said one by one otherwise, each plan's texts let go
    failed = False
    for file in map(Path, words):
        try:
            result = collect_file(path, file, day, dry_run=dry_run, lock_wait=_lock_wait())
        except PlanFileError as error:
            fail_file(file_error_text(error, language))
        failed = failed or result.outcome is None
        if fmt is Format.json:
            results.append(result)
        else:
            _say(result, path, dry_run, language)
    if fmt is Format.json:
        from par_cli.render.json import collect_payload

        write_json(collect_payload(path, dry_run, results, language))
    if failed:
        raise Findings()


def _say(result: "WorkbookResult", path: Path, dry_run: bool, lang: Lang) -> None:
    """What `par collect` says of one workbook: the refused cells on stdout, the rest on
    stderr (the diff of ``--dry-run`` on stdout)."""
    from par_cli.render.problems import one_line

    file = result.file
    name = file.name
    if result.refused is not None:
        for refusal in result.refused.refusals:
            typer.echo(f"{name}!{refusal.ref}: {one_line(t(refusal.code, lang, **refusal.params))}")
        typer.echo(t("collect.refused", lang, path=file, count=len(result.refused.refusals)), err=True)
        return
    if result.outcome is None:
        if result.problems:
            report_problems(result.problems, Format.text, lang, summary=False)
        typer.echo(f"{file}: {one_line(t(result.code, lang, **result.params))}", err=True)
        return
    outcome = result.outcome
    collected = outcome.collected
    # Every collect changes the plan, so a version mismatch alone is no news; it explains
    # the rows that no longer match.
    if outcome.older_version and collected.unmatched:
        typer.echo(t("collect.older_version", lang, path=file, theirs=result.filled.meta.sha256[:12], ours=_sha(path)[:12]), err=True)
    for row in collected.unmatched:
        ref = row.ref(next(iter(row.values)))
        typer.echo(t("collect.no_longer_matches", lang, ref=f"{name}!{ref}", key=row.key), err=True)
    if dry_run:
        typer.echo(outcome.diff, nl=False)
    if not collected.changes:
        typer.echo(t("collect.nothing_new", lang, path=file, skipped=collected.skipped), err=True)
    else:
        key = "collect.would_record" if dry_run else "collect.recorded"
        typer.echo(t(key, lang, path=file, count=collected.recorded, skipped=collected.skipped, plan=path), err=True)


def _sha(path: Path) -> str:
    from par_cli.reading.workbook import plan_sha256

    return plan_sha256(path)


def _lock_wait() -> float:
    """``PAR_LOCK_WAIT`` seconds to wait for another `par` writing the same plan."""
    try:
        return max(0.0, float(os.environ.get("PAR_LOCK_WAIT", DEFAULT_LOCK_WAIT)))
    except ValueError:
        return DEFAULT_LOCK_WAIT
