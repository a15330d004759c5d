"""`par collect`: a filled unit workbook back into the plan, all of it or nothing.

Every filled cell becomes the change `par set`, `par done` or `par evidence` would make
(record.py's builders, so the same checks refuse the same values): a self-assessed score
becomes the ``self_assessment`` stage ``par set ID self_assessment=… --note …`` records.
The changes of one workbook are written together by `record.record_all` in one atomic
replacement of the plan, or not at all: one refused cell anywhere (a percentage of 140, a
date outside the year, a level not in the list, a locked cell changed) and nothing from that
workbook is written.

Collecting is idempotent: a value the plan already holds (the same reading as the latest one,
the same occurrence done, the same evidence, the same score) is skipped, so a workbook
collected twice adds nothing the second time. Rows are matched to the plan by their hidden
key (criterion, measure, deadline occurrence), so a workbook made from an older version of
the plan is collected wherever its rows still match; the rest is listed, not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from par_cli.editing.record import (
    BatchOutcome,
    Change,
    EditRefused,
    completion_change,
    evidence_change,
    find_criterion,
    measurement_change,
    parse_measure_value,
)
from par_cli.reading.workbook import EVIDENCE_COLUMNS, LETTER, FilledRow, FilledWorkbook, split_key

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YES = {"có", "co", "yes", "x", "true", "đã xong", "xong"}
_NO = {"không", "khong", "no", "false", "chưa", "chua"}


@dataclass(frozen=True)
class Refusal:
    """One refused cell: its reference (``SHEET!E7``), a catalogue key with parameters, and
    the criterion of its row (None for a locked cell changed, which belongs to no entry)."""

    ref: str
    code: str
    params: dict[str, Any]
    criterion: str | None = None


@dataclass(frozen=True)
class Entry:
    """One entry for the plan: its criterion, its kind, as `par set`, `par done` and `par
    evidence` make them (``measurement``: a reading of measures; ``stage``: the
    self-assessed score; ``completion``: a deadline or one occurrence done; ``evidence``),
    the cells it was read from (``SHEET!I12``, in column order row by row) and the change
    that records it."""

    criterion: str
    kind: str
    cells: tuple[str, ...]
    change: Change


@dataclass(frozen=True)
class Skip:
    """One entry the plan already holds (the same reading, occurrence, evidence or score):
    left out, so a workbook collected twice adds nothing."""

    criterion: str
    kind: str
    cells: tuple[str, ...]


@dataclass
class Collected:
    """What a workbook holds for the plan: the entries to record, what was refused, the
    entries the plan already had, and the rows that no longer match it."""

    entries: list[Entry] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    unmatched: list[FilledRow] = field(default_factory=list)
    recorded: int = 0  # values recorded: a measurement of two measures counts two

    @property
    def changes(self) -> list[Change]:
        return [entry.change for entry in self.entries]

    @property
    def skipped(self) -> int:
        return len(self.skips)


class WorkbookRefused(Exception):
    """Raised inside `record_all`'s builder so nothing is written; carries the refusals."""

    def __init__(self, collected: Collected) -> None:
        super().__init__("collect.refused")
        self.collected = collected


def collect_changes(plan: Any, filled: FilledWorkbook, default_day: dt.date) -> Collected:
    result = Collected()
    readings: dict[tuple[str, dt.date], list[tuple[FilledRow, str, str]]] = {}
    for tampered in filled.tampered:
        result.refusals.append(Refusal(tampered.ref, "collect.locked_changed", {"written": tampered.written, "found": tampered.found}))
    for row in filled.rows:
        if not row.values:
            continue
        try:
            _collect_row(plan, row, default_day, result, readings)
        except _NoMatch:
            result.unmatched.append(row)
    # The readings of one criterion on one day are one measurement entry, as `par set
    # 1.3 plan_issued=có report_sent=có` would write them.
    for (criterion_id, day), items in readings.items():
        try:
            change = measurement_change(plan, criterion_id, [(name, raw) for _, name, raw in items], day)
        except EditRefused as refusal:
            row = items[0][0]
            column = "date" if refusal.code.startswith(("edit.date_window", "edit.date_future")) and "date" in row.values else "value"
            for row, _, _ in items:
                result.refusals.append(_refused(row, column, refusal.code, refusal.params))
            continue
        cells = tuple(ref for row, _, _ in items for ref in _cells(row, "value"))
        result.entries.append(Entry(change.criterion_id, "measurement", cells, change))
        result.recorded += len(items)
    return result


def _refused(row: FilledRow, column: str, code: str, params: Any) -> Refusal:
    """The refusal of one cell of ``row``, naming the criterion its key names."""
    return Refusal(row.ref(column), code, dict(params), split_key(row.key)[1])


def _cells(row: FilledRow, *columns: str) -> tuple[str, ...]:
    """The references of the filled cells of ``row`` an entry is read from: ``columns``, and
    the row's date, which dates every entry of the row."""
    return tuple(row.ref(name) for name in LETTER if name in row.values and (name in columns or name == "date"))


class _NoMatch(Exception):
    pass


def _collect_row(plan: Any, row: FilledRow, default_day: dt.date, result: Collected, readings: dict[tuple[str, dt.date], list[tuple[FilledRow, str, str]]]) -> None:
    parts = split_key(row.key)
    kind = parts[0]
    try:
        node = find_criterion(plan, parts[1])
    except (EditRefused, IndexError):
        raise _NoMatch from None
    criterion = node.criterion
    refused_before = len(result.refusals)
    day = _date(row, "date", result) if "date" in row.values else default_day
    evidence = _evidence_fields(row, result)
    if len(result.refusals) > refused_before:
        return

    def attempt(entry_kind: str, ref_column: str, cells: tuple[str, ...], build: Any) -> None:
        try:
            change = build()
        except EditRefused as refusal:
            column = ref_column
            if refusal.code.startswith(("edit.date_window", "edit.date_future")) and "date" in row.values:
                column = "date"
            result.refusals.append(_refused(row, column, refusal.code, refusal.params))
            return
        result.entries.append(Entry(change.criterion_id, entry_kind, cells, change))
        result.recorded += 1

    def skip(entry_kind: str, cells: tuple[str, ...]) -> None:
        result.skips.append(Skip(criterion.id, entry_kind, cells))

    if kind == "measure":
        if len(parts) != 3 or parts[2] not in criterion.measures:
            raise _NoMatch
        name = parts[2]
        measure = criterion.measures[name]
        if "value" not in row.values:
            result.refusals.append(_refused(row, "date", "collect.date_without_value", {}))
            return
        raw = _as_text(row.values["value"])
        try:
            value = parse_measure_value(measure, name, raw)
        except EditRefused as refusal:
            result.refusals.append(_refused(row, "value", refusal.code, refusal.params))
            return
        if _latest(plan, criterion, name, day) == (value,):
            skip("measurement", _cells(row, "value"))
            return
        readings.setdefault((criterion.id, day), []).append((row, name, raw))
        return

    if kind == "criterion":
        if len(parts) != 2:
            raise _NoMatch
        if "note" in row.values and "value" not in row.values:
            result.refusals.append(_refused(row, "note", "collect.note_without_score", {}))
            return
        if "value" in row.values:
            from par_cli.editing.record import parse_points

            raw_points = _as_text(row.values["value"])
            try:
                points = float(parse_points(criterion, "self_assessed", raw_points))
            except EditRefused as refusal:
                result.refusals.append(_refused(row, "value", refusal.code, refusal.params))
                return
            note = _as_text(row.values["note"]) if "note" in row.values else None
            note = note if note is not None and note.strip() else None  # a blank note cell is no note
            if _has_stage(criterion, points, note, day):
                skip("stage", _cells(row, "value", "note"))
            else:
                # The change `par set ID self_assessment=… --note … --date …` makes.
                attempt("stage", "value", _cells(row, "value", "note"), lambda: measurement_change(plan, criterion.id, [("self_assessment", raw_points)], day, note=note))
        if evidence:
            if _has_evidence(criterion, evidence):
                skip("evidence", _cells(row, *EVIDENCE_COLUMNS))
            else:
                attempt("evidence", "number", _cells(row, *EVIDENCE_COLUMNS), lambda: evidence_change(plan, criterion.id, day, **evidence))
        if "date" in row.values and "value" not in row.values and not evidence:
            result.refusals.append(_refused(row, "date", "collect.date_without_value", {}))
        return

    if kind == "occurrence":
        if len(parts) != 4:
            raise _NoMatch
        deadline_id, stated_text = parts[2], parts[3]
        deadline = next((d for d in criterion.deadlines if d.id == deadline_id), None)
        try:
            stated = dt.date.fromisoformat(stated_text)
        except ValueError:
            raise _NoMatch from None
        from par_cli.deadlines.occurrences import is_recurring, occurrences
        from par_cli.state.as_of import completion_of

        if deadline is None or stated not in {o.stated for o in occurrences(deadline, plan.year)}:
            raise _NoMatch
        done = None
        if "done" in row.values:
            done = _yes_no(row, result)
            if done is None:
                return
        if done:
            if completion_of(criterion, deadline, stated) is not None:
                skip("completion", _cells(row, "done"))
            else:
                attempt("completion", "done", _cells(row, "done"), lambda: completion_change(plan, criterion.id, deadline.id, stated, day))
        if evidence:
            fields = dict(evidence, deadline=deadline.id)
            if is_recurring(deadline):
                fields["occurrence"] = stated
            if _has_evidence(criterion, fields):
                skip("evidence", _cells(row, *EVIDENCE_COLUMNS))
            else:
                attempt("evidence", "number", _cells(row, *EVIDENCE_COLUMNS), lambda: evidence_change(plan, criterion.id, day, **fields))
        if "date" in row.values and not done and not evidence:
            result.refusals.append(_refused(row, "date", "collect.date_without_value", {}))
        return
    raise _NoMatch


def _as_text(value: Any) -> str:
    """A cell's value as the text `par set` would have been given: Excel stores 96,5 as the
    float 96.5, and 2 as 2 (or 2.0)."""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


def _date(row: FilledRow, column: str, result: Collected) -> dt.date | None:
    value = row.values[column]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    found = _DAY_FIRST.match(text)
    try:
        if found:
            return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        return dt.date.fromisoformat(text)
    except ValueError:
        result.refusals.append(_refused(row, column, "collect.not_a_date", {"value": text}))
        return None


def _yes_no(row: FilledRow, result: Collected) -> bool | None:
    value = row.values["done"]
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    result.refusals.append(_refused(row, "done", "collect.not_yes_no", {"value": str(value)}))
    return None


def _evidence_fields(row: FilledRow, result: Collected) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in EVIDENCE_COLUMNS:
        if name not in row.values:
            continue
        if name == "issued":
            day = _date(row, "issued", result)
            if day is not None:
                fields["issued"] = day
        else:
            fields[name] = _as_text(row.values[name]).strip()
    if fields and "number" not in fields:
        first = next(name for name in EVIDENCE_COLUMNS if name in row.values)
        result.refusals.append(_refused(row, first, "collect.evidence_without_number", {"column": LETTER["number"]}))
        return {}
    return fields


def _latest(plan: Any, criterion: Any, name: str, day: dt.date) -> tuple[Any, ...]:
    """The reading of one measure standing on ``day`` (`par_cli.state`'s latest reading, the
    one the workbook showed), as a 1-tuple; () when there is none."""
    from par_cli.state.as_of import latest_readings

    reading = latest_readings(plan, criterion, day).get(name)
    return () if reading is None else (reading.value,)


def _has_stage(criterion: Any, points: float, note: str | None, day: dt.date | None) -> bool:
    """Whether the self-assessment standing on ``day`` (the day the score is recorded) is
    this score with this note: what the workbook showed as the current score
    (`par_cli.state.stage_as_of`, the undated ``self_assessed`` of an older plan included)."""
    from par_cli.plan.text import nfc
    from par_cli.state.as_of import stage_as_of

    latest = stage_as_of(criterion, "self_assessment", day)
    if latest is None:
        return False
    wanted_note = nfc(note.strip()) if note and note.strip() else None
    return abs(latest.points - points) < 1e-9 and latest.note == wanted_note


def _has_evidence(criterion: Any, fields: dict[str, Any]) -> bool:
    """The same document already recorded for the same thing (the day it was recorded aside)."""
    from par_cli.editing.record import EVIDENCE_FIELDS
    from par_cli.plan.text import nfc

    wanted = {name: (nfc(value) if isinstance(value, str) else value) for name, value in fields.items() if value not in (None, "")}
    for entry in criterion.progress.evidence:
        have = {name: getattr(entry, name) for name in EVIDENCE_FIELDS if getattr(entry, name) is not None}
        if have == wanted:
            return True
    return False


@dataclass(frozen=True)
class CollectOutcome:
    path: Path
    collected: Collected
    write: BatchOutcome = field(repr=False)
    older_version: bool

    @property
    def written(self) -> bool:
        return self.write.written

    @property
    def diff(self) -> str:
        """The change to the plan as `git diff` shows it, computed only when asked for
        (``--dry-run``, ``--format json``): on 2,000 criteria with 1,000 values filled it
        took half of a collect that showed nothing of it."""
        return self.write.diff


def collect_workbook(plan_path: Path, filled: FilledWorkbook, default_day: dt.date, *, dry_run: bool, lock_wait: float) -> CollectOutcome:
    """Record one filled workbook in the plan, all of it or nothing. Raises `EditRefused`
    for a workbook of another plan, `WorkbookRefused` when any cell is refused."""
    from par_cli.editing.record import record_all
    from par_cli.reading.workbook import plan_sha256

    older = filled.meta.sha256 != plan_sha256(plan_path)
    holder: dict[str, Collected] = {}

    def build(plan: Any) -> list[Change]:
        if plan.plan.number != filled.meta.plan_number or plan.year != filled.meta.year:
            raise EditRefused("collect.other_plan", theirs=filled.meta.plan_number, their_year=filled.meta.year, ours=plan.plan.number, our_year=plan.year)
        collected = collect_changes(plan, filled, default_day)
        holder["collected"] = collected
        if collected.refusals:
            raise WorkbookRefused(collected)
        return collected.changes

    outcome = record_all(plan_path, build, dry_run=dry_run, lock_wait=lock_wait)
    return CollectOutcome(filled.path, holder["collected"], outcome, older)


@dataclass(frozen=True)
class WorkbookResult:
    """What became of one workbook `par collect` was given: collected (``outcome``), refused
    cell by cell (``refused``: the refusals, nothing written), or refused whole (``code`` and
    ``params``: not a workbook par made, one of another plan, the plan invalid, with its
    ``problems``, busy, changed while writing, not writable)."""

    file: Path
    filled: FilledWorkbook | None = None
    outcome: CollectOutcome | None = None
    refused: Collected | None = None
    code: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    problems: tuple[Any, ...] = ()


def collect_file(plan_path: Path, file: Path, default_day: dt.date, *, dry_run: bool, lock_wait: float) -> WorkbookResult:
    """`collect_workbook` of the workbook at ``file``, every refusal a value. A plan that
    cannot be read at all (`PlanFileError`) is raised: no workbook can be collected then."""
    from par_cli.editing.atomic import PlanBusy, PlanChanged, PlanNotWritable
    from par_cli.i18n import Message
    from par_cli.plan.reasons import os_reason
    from par_cli.reading.workbook import NotAWorkbook, read_workbook

    filled = None
    try:
        filled = read_workbook(file)
        outcome = collect_workbook(plan_path, filled, default_day, dry_run=dry_run, lock_wait=lock_wait)
    except NotAWorkbook as error:
        return WorkbookResult(file, code=error.code, params=dict(error.params))
    except WorkbookRefused as refused:
        return WorkbookResult(file, filled, refused=refused.collected)
    except EditRefused as refusal:
        return WorkbookResult(file, filled, code=refusal.code, params=dict(refusal.params), problems=tuple(refusal.problems))
    except PlanBusy as busy:
        return WorkbookResult(file, filled, code="edit.busy", params={"lock": busy.lock_path})
    except PlanChanged:
        return WorkbookResult(file, filled, code="edit.changed_while_writing")
    except OSError as error:
        reason = Message(error.code, error.params) if isinstance(error, PlanNotWritable) else os_reason(error)
        return WorkbookResult(file, filled, code="edit.cannot_write", params={"reason": reason})
    return WorkbookResult(file, filled, outcome=outcome)
