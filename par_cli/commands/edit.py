"""`par set`, `par done`, `par evidence`, `par justify`: record progress in the plan file.

Thin: parse the words of the command, hand a builder to `editing.record`, say what happened
in one line. Every refusal is one message and exit 1; a malformed command line is exit 2.

Each takes the plan first, positionally, as every command does (``par done plans/2024.yaml
1.4``), or with ``--plan``: a first word ending in .yaml or .yml is the plan
(`common.plan_first`), which a criterion id (1.4, 3.4.1) never is.
"""

import datetime as dt
import os
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    PlanFirstArgument,
    PlanOption,
    check_format,
    fail_file,
    fail_usage,
    format_option,
    lang_of,
    parse_day,
    plan_first,
    report_problems,
    show,
    today_in_vietnam,
    write_json,
)
from par_cli.i18n import Lang, fmt_date, fmt_number, t
from par_cli.plan.reasons import os_reason
from par_cli.render.formats import TABLE_FORMATS, Format

DEFAULT_LOCK_WAIT = 5.0


OFFERED = (Format.auto, Format.text, Format.json)
# `par justify` with no id lists, as a table; with an id it records, and offers OFFERED.
LIST_OFFERED = TABLE_FORMATS
FormatOption = format_option(OFFERED)
JustifyFormatOption = format_option(LIST_OFFERED, "help.justify.format")

# Not required for click: with the plan in front, click would give the id to [PLAN]; the
# words are sorted by `plan_first`, and a missing id is the usual usage error.
CriterionArgument = Annotated[Optional[str], typer.Argument(metavar="ID", help="help.edit.id", show_default=False)]
DateOption = Annotated[
    Optional[str],
    typer.Option("--date", help="help.edit.date", show_default=False),
]
EvidenceOption = Annotated[
    Optional[str],
    typer.Option(
        "--evidence",
        help="help.edit.evidence",
        show_default=False,
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option("--dry-run", help="help.edit.dry-run"),
]


def set_(
    first: PlanFirstArgument = None,
    second: CriterionArgument = None,
    assignments: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="KEY=VALUE...",
            help="help.edit.key_value",
            show_default=False,
        ),
    ] = None,
    date: DateOption = None,
    evidence: EvidenceOption = None,
    note: Annotated[str | None, typer.Option("--note", help="help.edit.note", show_default=False)] = None,
    final: Annotated[bool, typer.Option("--final", help="help.edit.final")] = False,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Ghi số liệu đo hoặc điểm một bước chấm của một tiêu chí, kèm ngày (record a measurement or a score stage)."""
    from par_cli.editing.record import measurement_change

    language = lang_of(lang)
    plan, words = plan_first([first, second, *(assignments or [])], plan, language)
    if not words or "=" in words[0]:
        fail_usage(t("usage.missing", language, param="'ID'"))
    if len(words) > 2 and "=" not in words[1] and "=" in words[2]:  # PLAN ID KEY=VALUE, PLAN misnamed
        fail_usage(t("usage.plan_first", language, word=words[0]))
    criterion_id = words[0]
    pairs = [_split_assignment(item, language) for item in words[1:]]
    if not pairs:
        fail_usage(t("usage.nothing_to_set", language))
    day = parse_day(date, language) or today_in_vietnam()
    _run(plan, criterion_id, language, fmt, dry_run, lambda loaded: measurement_change(loaded, criterion_id, pairs, day, evidence, note=note, final=final))


def done(
    first: PlanFirstArgument = None,
    second: CriterionArgument = None,
    deadline: Annotated[
        Optional[str],
        typer.Option("--deadline", help="help.edit.deadline", show_default=False),
    ] = None,
    occurrence: Annotated[
        Optional[str],
        typer.Option(
            "--occurrence",
            help="help.edit.occurrence",
            show_default=False,
        ),
    ] = None,
    date: DateOption = None,
    evidence: EvidenceOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Ghi một nhiệm vụ (hoặc một lần của nhiệm vụ định kỳ) đã hoàn thành (mark a task done)."""
    from par_cli.editing.record import completion_change

    language = lang_of(lang)
    plan, (criterion_id,) = _words(plan_first([first, second], plan, language), 1, 1, language)
    day = parse_day(date, language) or today_in_vietnam()
    which = parse_day(occurrence, language)
    _run(plan, criterion_id, language, fmt, dry_run, lambda loaded: completion_change(loaded, criterion_id, deadline, which, day, evidence))


def _text_option(name: str, help_key: str) -> Any:
    return typer.Option(name, help=help_key, show_default=False)


def evidence(
    first: PlanFirstArgument = None,
    second: CriterionArgument = None,
    text: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[TEXT]",
            help="help.evidence.text",
            show_default=False,
        ),
    ] = None,
    number: Annotated[Optional[str], _text_option("--number", "help.evidence.number")] = None,
    issued: Annotated[Optional[str], _text_option("--issued", "help.evidence.issued")] = None,
    issuer: Annotated[Optional[str], _text_option("--issuer", "help.evidence.issuer")] = None,
    summary: Annotated[Optional[str], _text_option("--summary", "help.evidence.summary")] = None,
    section: Annotated[Optional[str], _text_option("--section", "help.evidence.section")] = None,
    page: Annotated[Optional[str], _text_option("--page", "help.evidence.page")] = None,
    file: Annotated[Optional[str], _text_option("--file", "help.evidence.file")] = None,
    link: Annotated[Optional[str], _text_option("--link", "help.evidence.link")] = None,
    deadline: Annotated[Optional[str], _text_option("--deadline", "help.evidence.deadline")] = None,
    occurrence: Annotated[
        Optional[str], _text_option("--occurrence", "help.evidence.occurrence")
    ] = None,
    incomplete: Annotated[
        bool, typer.Option("--incomplete", help="help.evidence.incomplete")
    ] = False,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Thêm tài liệu kiểm chứng cho một tiêu chí (add evidence)."""
    from par_cli.editing.record import evidence_change

    language = lang_of(lang)
    plan, (criterion_id, text) = _words(plan_first([first, second, text], plan, language), 1, 2, language)
    day = parse_day(date, language) or today_in_vietnam()
    fields: dict[str, object] = {
        "text": text,
        "number": number,
        "issued": parse_day(issued, language),
        "issuer": issuer,
        "summary": summary,
        "section": section,
        "page": page,
        "file": file,
        "link": link,
        "deadline": deadline,
        "occurrence": parse_day(occurrence, language),
    }
    if occurrence is not None and deadline is None:
        fail_usage(t("usage.occurrence_needs_deadline", language))
    _run(plan, criterion_id, language, fmt, dry_run, lambda loaded: evidence_change(loaded, criterion_id, day, complete=not incomplete, **fields))


def justify(
    first: PlanFirstArgument = None,
    criterion_id: Annotated[
        Optional[str],
        typer.Argument(metavar="[ID]", help="help.justify.criterion-id", show_default=False),
    ] = None,
    text: Annotated[
        Optional[str],
        typer.Argument(metavar="[TEXT]", help="help.justify.text", show_default=False),
    ] = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="YYYY-MM-DD|DD/MM/YYYY", help="help.justify.as-of", show_default=False),
    ] = None,
    date: DateOption = None,
    dry_run: DryRunOption = False,
    plan: PlanOption = None,
    fmt: JustifyFormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Giải trình cho tiêu chí có điểm mà thiếu tài liệu kiểm chứng (record or list explanations)."""
    from par_cli.editing.record import explanation_change
    from par_cli.plan.text import is_blank

    language = lang_of(lang)
    plan, (criterion_id, text) = _words(plan_first([first, criterion_id, text], plan, language), 0, 2, language)
    if criterion_id is None:
        _list_missing(plan, parse_day(as_of, language), fmt, language)
        return
    if text is None or is_blank(text):
        fail_usage(t("usage.justify_text", language))
    day = parse_day(date, language) or today_in_vietnam()
    _run(plan, criterion_id, language, fmt, dry_run, lambda loaded: explanation_change(loaded, criterion_id, day, text))


def _list_missing(plan: Path | None, as_of: dt.date | None, fmt: Format, lang: Lang) -> None:
    """The criteria whose claimed points lack (complete) evidence, with the explanation
    recorded for each so far; exit 0 either way (a list, not a check)."""
    from par_cli.commands.common import load_or_exit
    from par_cli.scoring.evidence import claimed_points, needing_explanation
    from par_cli.plan.tree import walk
    from par_cli.render.formats import Output
    from par_cli.render.json import justify_payload
    from par_cli.render.justify import justify_view
    from par_cli.scoring.scorer import score_plan

    loaded = load_or_exit(plan, lang, fmt)
    result = score_plan(loaded.plan, today=today_in_vietnam(), as_of=as_of)
    missing = needing_explanation(claimed_points(result), as_of)
    titles = {node.criterion.id: node.criterion.title for node in walk(loaded.plan)}
    show(Output(json=lambda: justify_payload(missing), table=lambda lang, machine: justify_view(missing, titles, lang, machine)), fmt, lang)


def _words(found: tuple[Path | None, list[str]], least: int, most: int, lang: Lang) -> tuple[Path | None, list[str | None]]:
    """The plan and the command's other words (ID, TEXT), padded with None to ``most``: fewer
    than ``least`` is a missing id; more than ``most`` means the first was meant as the plan
    but does not end in .yaml or .yml."""
    plan, words = found
    if len(words) < least:
        fail_usage(t("usage.missing", lang, param="'ID'"))
    if len(words) > most:
        fail_usage(t("usage.plan_first", lang, word=words[0]))
    return plan, [*words, *[None] * (most - len(words))]


def _split_assignment(item: str, lang: Lang) -> tuple[str, str]:
    key, equals, value = item.partition("=")
    if not equals or not key.strip() or not value.strip():
        fail_usage(t("usage.assignment", lang, value=item))
    return key, value


def _lock_wait() -> float:
    """``PAR_LOCK_WAIT`` seconds to wait for another `par` writing the same plan."""
    try:
        return max(0.0, float(os.environ.get("PAR_LOCK_WAIT", DEFAULT_LOCK_WAIT)))
    except ValueError:
        return DEFAULT_LOCK_WAIT


def _run(plan: Path | None, criterion_id: str, lang: Lang, fmt: Format, dry_run: bool, build: Callable[[Any], Any]) -> None:
    from par_cli.editing.atomic import PlanBusy, PlanChanged
    from par_cli.reading.discovery import find_plan
    from par_cli.editing.record import EditRefused, record
    from par_cli.plan.problems import PlanFileError
    from par_cli.render.problems import file_error_text

    check_format(fmt, OFFERED, lang)
    try:
        path = find_plan(plan)
        outcome = record(path, build, dry_run=dry_run, lock_wait=_lock_wait())
    except PlanFileError as error:
        fail_file(file_error_text(error, lang))
    except EditRefused as refusal:
        if refusal.problems:
            report_problems(refusal.problems, fmt, lang, summary=False)
            _refuse(t(refusal.code, lang, **refusal.params))
        from par_cli.reading.reader import criterion_position

        # A refused value concerns the criterion, so point at it, as validate would.
        line, column = criterion_position(path, criterion_id)
        _refuse(t(refusal.code, lang, **refusal.params), where=f"{path}:{line}:{column}")
    except PlanBusy as busy:
        _refuse(t("edit.busy", lang, lock=busy.lock_path))
    except PlanChanged:
        _refuse(t("edit.changed_while_writing", lang))
    except OSError as error:
        from par_cli.editing.atomic import PlanNotWritable

        reason = t(error.code, lang, **error.params) if isinstance(error, PlanNotWritable) else os_reason(error)
        _refuse(t("edit.cannot_write", lang, reason=reason))
    summary = outcome.change.summary
    if fmt is Format.json:
        write_json({"path": str(path), "dry_run": dry_run, "written": outcome.written, "recorded": summary, "diff": outcome.diff})
        return
    from par_cli.render.problems import one_line

    key = "edit.would_record" if dry_run else "edit.recorded"
    line = one_line(t(key, lang, id=outcome.change.criterion_id, what=_describe(summary, lang), path=path))
    if dry_run:
        typer.echo(outcome.diff, nl=False)
        typer.echo(line, err=True)
    else:
        typer.echo(line)


def _refuse(message: str, where: str = "par") -> None:
    from par_cli.render.problems import one_line

    typer.echo(f"{where}: {one_line(message)}", err=True)
    raise Findings()


def _describe(summary: dict[str, Any], lang: Lang) -> str:
    parts: list[str] = []
    measurement = summary.get("measurement")
    if measurement:
        values = "; ".join(f"{name} = {_shown(value, lang)}" for name, value in measurement["values"].items())
        parts.append(t("edit.what_measurement", lang, values=values, date=fmt_date(measurement["date"], lang)))
    completion = summary.get("completion")
    if completion:
        parts.append(
            t(
                "edit.what_done",
                lang,
                deadline=completion["deadline"],
                occurrence=fmt_date(completion["occurrence"], lang),
                last_day=fmt_date(completion["last_day"], lang),
                date=fmt_date(completion["date"], lang),
                timing=t("edit.on_time" if completion["on_time"] else "edit.late", lang),
            )
        )
    evidence_entry = summary.get("evidence")
    if evidence_entry:
        from par_cli.render.evidence import evidence_line

        parts.append(t("edit.what_evidence", lang, date=fmt_date(evidence_entry["date"], lang), text=evidence_line(evidence_entry, lang)))
    explanation_entry = summary.get("explanation")
    if explanation_entry:
        parts.append(t("edit.what_explanation", lang, date=fmt_date(explanation_entry["date"], lang), text=explanation_entry["text"]))
    for stage in summary.get("stages", []):
        parts.append(t("edit.what_stage", lang, stage=t(f"stage.{stage['stage']}", lang), points=_shown(stage["points"], lang), date=fmt_date(stage["date"], lang)))
    return "; ".join(parts)


def _shown(value: Any, lang: Lang) -> str:
    from par_cli.render.table import cell

    if isinstance(value, float):
        return fmt_number(value, lang, digits=6)
    return cell(value, "text", lang)

