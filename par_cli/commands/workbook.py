"""`par workbook` and `par collect`: the unit workbook out to a head of unit, and back in.

Thin: options in, the core's values out. A workbook is one unit's work (render/workbook.py);
collecting records it through the same builders as `par set` / `par done` / `par evidence`
(editing/collect.py), all of a workbook or nothing of it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

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
    lang_of,
    load_or_exit,
    parse_day,
    plan_first,
    plan_path,
    report_problems,
    today_in_vietnam,
    write_out,
)
from par_cli.i18n import t
from par_cli.plan.reasons import os_reason
from par_cli.render.formats import Format

DEFAULT_LOCK_WAIT = 5.0


def workbook(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="help.workbook.output",
            show_default=False,
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
    lang: LangOption = None,
) -> None:
    """Ghi các sổ đơn vị đã điền vào kế hoạch (record filled unit workbooks in the plan)."""
    from par_cli.editing.atomic import PlanBusy, PlanChanged
    from par_cli.editing.collect import WorkbookRefused, collect_workbook
    from par_cli.editing.record import EditRefused
    from par_cli.plan.problems import PlanFileError
    from par_cli.render.problems import file_error_text, one_line
    from par_cli.reading.discovery import find_plan
    from par_cli.reading.workbook import NotAWorkbook, read_workbook

    language = lang_of(lang)
    plan, words = plan_first([first, *(files or [])], plan, language)
    if not words:
        fail_usage(t("usage.missing", language, param="'FILE.xlsx...'"))
    day = parse_day(date, language) or today_in_vietnam()
    try:
        path = find_plan(plan)
    except PlanFileError as error:
        fail_file(file_error_text(error, language))
    failed = False
    for file in map(Path, words):
        name = file.name
        try:
            filled = read_workbook(file)
            outcome = collect_workbook(path, filled, day, dry_run=dry_run, lock_wait=_lock_wait())
        except NotAWorkbook as error:
            typer.echo(f"{file}: {one_line(t(error.code, language, **error.params))}", err=True)
            failed = True
            continue
        except PlanFileError as error:
            fail_file(file_error_text(error, language))
        except WorkbookRefused as refused:
            for refusal in refused.collected.refusals:
                typer.echo(f"{name}!{refusal.ref}: {one_line(t(refusal.code, language, **refusal.params))}")
            typer.echo(t("collect.refused", language, path=file, count=len(refused.collected.refusals)), err=True)
            failed = True
            continue
        except EditRefused as refusal:
            report_problems(refusal.problems, Format.text, language, summary=False)
            typer.echo(f"{file}: {one_line(t(refusal.code, language, **refusal.params))}", err=True)
            failed = True
            continue
        except PlanBusy as busy:
            typer.echo(f"{file}: {t('edit.busy', language, lock=busy.lock_path)}", err=True)
            failed = True
            continue
        except PlanChanged:
            typer.echo(f"{file}: {t('edit.changed_while_writing', language)}", err=True)
            failed = True
            continue
        except OSError as error:
            from par_cli.editing.atomic import PlanNotWritable

            reason = t(error.code, language, **error.params) if isinstance(error, PlanNotWritable) else os_reason(error)
            typer.echo(f"{file}: {t('edit.cannot_write', language, reason=reason)}", err=True)
            failed = True
            continue
        collected = outcome.collected
        # Every collect changes the plan, so a version mismatch alone is no news; it explains
        # the rows that no longer match.
        if outcome.older_version and collected.unmatched:
            typer.echo(t("collect.older_version", language, path=file, theirs=filled.meta.sha256[:12], ours=_sha(path)[:12]), err=True)
        for row in collected.unmatched:
            ref = row.ref(next(iter(row.values)))
            typer.echo(t("collect.no_longer_matches", language, ref=f"{name}!{ref}", key=row.key), err=True)
        if dry_run:
            typer.echo(outcome.diff, nl=False)
        if not collected.changes:
            typer.echo(t("collect.nothing_new", language, path=file, skipped=collected.skipped), err=True)
        else:
            key = "collect.would_record" if dry_run else "collect.recorded"
            typer.echo(t(key, language, path=file, count=collected.recorded, skipped=collected.skipped, plan=path), err=True)
    if failed:
        raise Findings()


def _sha(path: Path) -> str:
    from par_cli.reading.workbook import plan_sha256

    return plan_sha256(path)


def _lock_wait() -> float:
    """``PAR_LOCK_WAIT`` seconds to wait for another `par` writing the same plan."""
    try:
        return max(0.0, float(os.environ.get("PAR_LOCK_WAIT", DEFAULT_LOCK_WAIT)))
    except ValueError:
        return DEFAULT_LOCK_WAIT
