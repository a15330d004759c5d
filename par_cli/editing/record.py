"""Recording progress in a plan: the core of `par set`, `par done` and `par evidence`.

Through the year a unit records what it has achieved: a measurement (the number of
initiatives for 1.4, the on-time percentage for 3.4.1), a task or one occurrence of a
recurring task done (with its evidence, tài liệu kiểm chứng), a piece of evidence, or the
self-assessed (tự đánh giá) and appraised (thẩm định) scores. Each becomes one entry under
the criterion's ``progress``, next to earlier ones, so the history stays in the file.

Nothing is written unless everything holds: the criterion, the keys and the values are
checked against the plan's own rules (the same `checks.measure_value_problem` that
`par validate` applies to a hand-typed value), the edited text is parsed again and must hold
exactly the intended data and still be a valid plan, and only then does it replace the file
(see atomic.py). A refusal is one `EditRefused` with a catalogue key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from par_cli.i18n import Term
from par_cli.plan.problems import Loc, Problem
from par_cli.plan.text import is_blank, nfc

STAGE_KEYS = ("self_assessment", "appraisal_1", "explanation", "appraisal_2", "final")
"""`par set` keys that record a dated score stage (``par set 1.1 appraisal_1=1,5 --date 2025-02-20``)."""
LEGACY_STAGE_KEYS = {"self_assessed": "self_assessment", "appraised": "appraisal_1"}
"""The keys older plans and habits use, recorded as the stage they stand for, dated."""
POINT_KEYS = (*LEGACY_STAGE_KEYS, *STAGE_KEYS)
PROGRESS_ORDER = ("measurements", "done", "evidence", "explanations", "stages", "self_assessed", "appraised")

RecordKind = Literal["measurement", "completion", "evidence", "stage", "explanation"]

# Typed without diacritics too: not every keyboard in a department has Telex set up.
_YES = {"có", "co", "yes", "true"}
_NO = {"không", "khong", "no", "false"}
# Digits with at most one decimal mark: "96.5" and the Vietnamese "96,5". Thousands
# separators are refused rather than guessed ("1.000" is a thousand in Vietnamese, one in
# English).
_NUMBER = re.compile(r"^[+-]?[0-9]+(?:[.,][0-9]+)?$")
_WHOLE = re.compile(r"^[+-]?[0-9]+$")
_LONGEST_NUMBER = 30


class EditRefused(Exception):
    """Why an edit cannot be made: a catalogue key and its parameters; for a plan that is
    already invalid, its problems."""

    def __init__(self, code: str, problems: Sequence[Problem] = (), **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
        self.problems = list(problems)


@dataclass(frozen=True)
class Change:
    """What an edit adds to one criterion's ``progress``: entries appended to its lists and
    scores set, plus a plain summary of it for the confirmation and ``--format json``."""

    criterion_id: str
    criterion_loc: Loc
    appends: tuple[tuple[str, dict[str, Any]], ...] = ()
    points: tuple[tuple[str, float], ...] = ()
    summary: dict[str, Any] = field(default_factory=dict)


class _TextsOfAWrite:
    """The plan's text before and after a write, kept as the file's bytes (``path``,
    ``before_bytes``, ``after_bytes``): two more copies of a 35 MB plan as Python text
    otherwise."""

    path: Path
    before_bytes: bytes
    after_bytes: bytes

    @property
    def diff(self) -> str:
        """The change as `git diff` shows it, computed only when asked for (``--dry-run``,
        ``--format json``, the workbook's account): see `unified_diff`."""
        return unified_diff(self.path, self.before_bytes, self.after_bytes)


@dataclass(frozen=True)
class Outcome(_TextsOfAWrite):
    """What `record` did."""

    change: Change
    path: Path
    before_bytes: bytes = field(repr=False)
    after_bytes: bytes = field(repr=False)
    written: bool = False


# --- building a change from the command's words --------------------------------------------


def find_criterion(plan: Any, criterion_id: str) -> Any:
    """The `checks.Node` of a criterion or sub-criterion, by its id as the plan writes it."""
    from par_cli.plan.tree import node_by_id

    node = node_by_id(plan, nfc(criterion_id.strip()))
    if node is None:
        raise EditRefused("edit.unknown_criterion", id=criterion_id)
    return node


def measurement_change(
    plan: Any,
    criterion_id: str,
    assignments: Sequence[tuple[str, str]],
    day: dt.date,
    evidence: str | None = None,
    *,
    note: str | None = None,
    final: bool = False,
    today: dt.date | None = None,
) -> Change:
    """`par set`: measures become one dated measurement entry; score keys (a stage name, or
    ``self_assessed`` / ``appraised`` for a self-assessment / an appraisal round 1) become one
    dated entry each under ``progress.stages``, with the note and evidence when given.
    Evidence given with scores only goes on the stage entries."""
    node = find_criterion(plan, criterion_id)
    criterion = node.criterion
    values: dict[str, Any] = {}
    stages: list[tuple[str, float]] = []
    seen: set[str] = set()
    for raw_key, raw_value in assignments:
        key = nfc(raw_key.strip())
        if key in seen:
            raise EditRefused("edit.duplicate_key", key=key)
        seen.add(key)
        if key in POINT_KEYS:
            stage = LEGACY_STAGE_KEYS.get(key, key)
            if any(name == stage for name, _ in stages):
                raise EditRefused("edit.duplicate_key", key=key)
            stages.append((stage, parse_points(criterion, key, raw_value)))
            continue
        name = _measure_name(criterion, key)
        values[name] = parse_measure_value(criterion.measures[name], name, raw_value)
    evidence = _evidence_text(evidence) if evidence is not None else None
    note = _evidence_text(note, "edit.empty_note") if note is not None else None
    if note is not None and not stages:
        raise EditRefused("edit.note_needs_stage")
    if final and not values:
        raise EditRefused("edit.final_needs_reading")
    appends: list[tuple[str, dict[str, Any]]] = []
    summary: dict[str, Any] = {"criterion": criterion.id}
    if values:
        check_record_date(plan, day, "measurement", today=today)
        entry: dict[str, Any] = {"date": day, **values}
        if evidence is not None:
            entry["evidence"] = evidence
        if final:
            entry["final"] = True  # the period's final figure: no longer provisional
        appends.append(("measurements", entry))
        summary["measurement"] = {"date": day, "values": values, "evidence": evidence}
    if stages:
        check_record_date(plan, day, "stage", today=today)
        summary["stages"] = []
        for stage, points in stages:
            entry = {"stage": stage, "date": day, "points": points}
            if note is not None:
                entry["note"] = note
            if evidence is not None:
                entry["evidence"] = evidence
            appends.append(("stages", entry))
            summary["stages"].append(dict(entry))
    return Change(criterion.id, node.loc, tuple(appends), (), summary)


def completion_change(
    plan: Any,
    criterion_id: str,
    deadline_id: str | None,
    occurrence: dt.date | None,
    day: dt.date,
    evidence: str | None = None,
    *,
    today: dt.date | None = None,
) -> Change:
    """`par done`: one deadline, or one occurrence of a recurring one, done on ``day``.

    A recurring occurrence is named by the date the plan states or by its last day on time
    ("trước ngày 12" → the 11th); both are stored as the stated date. Without a name, the
    earliest occurrence not yet recorded is meant. Recording the same occurrence twice is
    refused: a second report does not make the first one on time.
    """
    from par_cli.deadlines.occurrences import is_recurring, last_day_on_time, occurrences

    node = find_criterion(plan, criterion_id)
    criterion = node.criterion
    deadline = _pick_deadline(criterion, deadline_id)
    done_before = {(c.deadline, c.occurrence) for c in criterion.progress.done}
    if is_recurring(deadline):
        expanded = occurrences(deadline, plan.year)
        if occurrence is None:
            pending = [o for o in expanded if (deadline.id, o.stated) not in done_before]
            if not pending:
                raise EditRefused("edit.all_done", deadline=deadline.id, year=plan.year)
            chosen = pending[0]
        else:
            matches = [o for o in expanded if o.stated == occurrence] or [o for o in expanded if o.last_day == occurrence]
            if not matches:
                raise EditRefused("edit.not_an_occurrence", date=occurrence, deadline=deadline.id, choices=tuple(o.stated for o in expanded))
            chosen = matches[0]
        if (deadline.id, chosen.stated) in done_before:
            raise EditRefused("edit.already_done", deadline=deadline.id, occurrence=chosen.stated)
        stated, last_day = chosen.stated, chosen.last_day
    else:
        stated = deadline.when
        last_day = last_day_on_time(deadline, stated)
        if occurrence is not None and occurrence not in (stated, last_day):
            raise EditRefused("edit.not_an_occurrence", date=occurrence, deadline=deadline.id, choices=(stated,))
        if any(key[0] == deadline.id for key in done_before):
            raise EditRefused("edit.already_done", deadline=deadline.id, occurrence=stated)
    check_record_date(plan, day, "completion", today=today, occurrence_last_day=last_day)
    entry: dict[str, Any] = {"deadline": deadline.id}
    if is_recurring(deadline):
        entry["occurrence"] = stated
    entry["date"] = day
    if evidence is not None:
        entry["evidence"] = _evidence_text(evidence)
    summary = {
        "criterion": criterion.id,
        "completion": {
            "deadline": deadline.id,
            "occurrence": stated,
            "last_day": last_day,
            "date": day,
            "on_time": day <= last_day,
            "evidence": entry.get("evidence"),
        },
    }
    return Change(criterion.id, node.loc, (("done", entry),), (), summary)


EVIDENCE_FIELDS = ("text", "number", "issued", "issuer", "summary", "section", "page", "file", "link", "deadline", "occurrence")
"""The evidence register's fields in the order they are written, after ``date``."""


def evidence_change(plan: Any, criterion_id: str, day: dt.date, *, complete: bool = True, today: dt.date | None = None, **fields: object) -> Change:
    """`par evidence`: a document (its number, date, issuer, summary, section and page), a
    path or a link, or free text, backing the criterion. ``fields`` are the register's
    (``EVIDENCE_FIELDS``); the entry is written with them in that order, the empty ones left
    out, and ``complete: false`` only where the evidence is known to be incomplete."""
    node = find_criterion(plan, criterion_id)
    check_record_date(plan, day, "evidence", today=today)
    unknown = sorted(set(fields) - set(EVIDENCE_FIELDS))
    if unknown:
        raise TypeError(f"not evidence fields: {', '.join(unknown)}")
    entry: dict[str, object] = {"date": day}
    for name in EVIDENCE_FIELDS:
        value = fields.get(name)
        if isinstance(value, str):
            # A field typed blank (spaces, a no-break or zero-width space) is a field not given.
            value = nfc(value.strip())
            if is_blank(value):
                value = None
            else:
                _refuse_forbidden(value)
        if value is not None:
            entry[name] = value
    if not any(name in entry for name in ("text", "number", "file", "link")):
        raise EditRefused("edit.empty_evidence")
    if not complete:
        entry["complete"] = False
    return Change(node.criterion.id, node.loc, (("evidence", entry),), (), {"criterion": node.criterion.id, "evidence": entry})


def explanation_change(plan: Any, criterion_id: str, day: dt.date, text: str) -> Change:
    """`par justify`: the department's explanation (giải trình) for a criterion, dated. A
    later one replaces an earlier one on the sheet, and both stay in the file."""
    node = find_criterion(plan, criterion_id)
    check_record_date(plan, day, "explanation")
    cleaned = nfc(text.strip())
    if is_blank(cleaned):
        raise EditRefused("edit.empty_explanation")
    _refuse_forbidden(cleaned)
    entry: dict[str, object] = {"date": day, "text": cleaned}
    return Change(node.criterion.id, node.loc, (("explanations", entry),), (), {"criterion": node.criterion.id, "explanation": entry})


def _measure_name(criterion: Any, key: str) -> str:
    for name in criterion.measures:
        if nfc(name) == key:
            return name
    accepted = [*criterion.measures, *POINT_KEYS]
    raise EditRefused("edit.unknown_key", key=key, id=criterion.id, accepted=", ".join(accepted))


def _pick_deadline(criterion: Any, deadline_id: str | None) -> Any:
    ids = [deadline.id for deadline in criterion.deadlines]
    if not ids:
        raise EditRefused("edit.no_deadline", id=criterion.id)
    if deadline_id is None:
        if len(ids) > 1:
            raise EditRefused("edit.which_deadline", id=criterion.id, choices=", ".join(ids))
        return criterion.deadlines[0]
    wanted = nfc(deadline_id.strip())
    for deadline in criterion.deadlines:
        if deadline.id == wanted:
            return deadline
    raise EditRefused("edit.unknown_deadline", deadline=deadline_id, id=criterion.id, choices=", ".join(ids))


def record_window(plan: Any, kind: RecordKind, occurrence_last_day: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The days a record of this kind may carry, first and last (never after today, too).

    Readings and completions belong to the plan year; a completion of an occurrence whose
    last day falls before the year (7.1: "before 01/01/2024", last day 31/12/2023) may carry
    a day of that earlier year. Score stages and evidence run into the year after: appraisals
    come after the year ends, and so does the evidence they ask for."""
    year = plan.year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "completion" and occurrence_last_day is not None and occurrence_last_day < start:
        start = dt.date(occurrence_last_day.year, 1, 1)
    if kind in ("stage", "evidence", "explanation"):
        end = dt.date(year + 1, 12, 31)
    return start, end


def check_record_date(
    plan: Any, day: dt.date, kind: RecordKind, *, today: dt.date | None = None, occurrence_last_day: dt.date | None = None
) -> None:
    """Refuse a record dated outside its window (`record_window`) or in the future, the same
    way for every writing command, with a message saying which days are allowed."""
    start, end = record_window(plan, kind, occurrence_last_day)
    if not start <= day <= end:
        raise EditRefused(f"edit.date_window.{kind}", date=day, start=start, end=end, year=plan.year)
    now = today if today is not None else _today_in_vietnam()
    if day > now:
        raise EditRefused("edit.date_future", date=day, today=now)


def _today_in_vietnam() -> dt.date:
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def _evidence_text(text: str, empty: str = "edit.empty_evidence") -> str:
    """Text typed on the command line, without its surrounding spaces; refused under
    ``empty`` when nothing but blank characters (par_cli.plan.text.BLANK) is left."""
    cleaned = nfc(text.strip())
    if is_blank(cleaned):
        raise EditRefused(empty)
    _refuse_forbidden(cleaned)
    return cleaned


def _refuse_forbidden(text: str) -> None:
    """Text typed on the command line obeys the plan's rule for text: no control character
    but tab and line feed, no bidi override (par_cli.plan.text.FORBIDDEN)."""
    from par_cli.plan.text import codepoint, forbidden_character

    found = forbidden_character(text)
    if found is not None:
        raise EditRefused("text.control", char=codepoint(found))


# --- values ---------------------------------------------------------------------------------


def parse_number(raw: str, percent: bool = False) -> float | int | None:
    """ "96,5", "96.5", "96,5 %" → 96.5; "2" → 2. None when it is not a plain number."""
    text = nfc(raw).strip().replace("\u00a0", " ")
    if percent and text.endswith("%"):
        text = text[:-1].rstrip()
    if not _NUMBER.match(text):
        return None
    _refuse_long_number(text)
    if _WHOLE.match(text):
        return int(text)
    return float(text.replace(",", "."))


def _refuse_long_number(text: str) -> None:
    """Python refuses to read more than 4,300 digits, and a float ends at about 1.8e308; no
    measure or score of a plan comes near either."""
    if len(text) > _LONGEST_NUMBER:
        raise EditRefused("edit.number_too_long", value=text[:20] + "…", digits=_LONGEST_NUMBER)


def parse_measure_value(measure: Any, name: str, raw: str) -> Any:
    """A typed value for ``measure`` from the command line, or `EditRefused` saying why not."""
    from par_cli.reading.checks import measure_value_problem

    text = nfc(raw).strip()
    value: Any
    if measure.kind == "yes_no":
        lowered = text.lower()
        value = True if lowered in _YES else False if lowered in _NO else None
        if value is None:
            raise EditRefused("edit.not_yes_no", value=raw, measure=name)
    elif measure.kind == "level":
        levels = measure.levels or []
        value = next((level for level in levels if nfc(level).casefold() == text.casefold()), None)
        if value is None:
            raise EditRefused("check.measure_value", value=repr(raw), measure=name, why=" / ".join(levels))
    elif measure.kind == "count":
        if not _WHOLE.match(text):
            raise EditRefused("check.measure_value", value=repr(raw), measure=name, why=Term("expected.whole_number"))
        _refuse_long_number(text)
        value = int(text)
    else:
        value = parse_number(text, percent=measure.kind == "percent")
        if value is None:
            raise EditRefused("edit.not_a_number", value=raw, measure=name)
    problem = measure_value_problem(measure, value)
    if problem is not None:
        raise EditRefused(problem[0], measure=name, **problem[1])
    return value


def parse_points(criterion: Any, key: str, raw: str) -> float:
    from par_cli.plan.points import EPSILON

    value = parse_number(raw)
    if value is None:
        raise EditRefused("edit.not_a_number", value=raw, measure=key)
    if value < 0:
        raise EditRefused("check.measure_value", value=repr(raw), measure=key, why="≥ 0")
    if value > criterion.max + EPSILON:
        raise EditRefused("check.points_above_max", points=float(value), max=float(criterion.max))
    return value


# --- applying a change to the text ------------------------------------------------------------


def criterion_order() -> tuple[str, ...]:
    from par_cli.plan.model import Criterion

    return tuple(Criterion.model_fields)


def edited_text(text: str, change: Change) -> str:
    """The plan's text with the change spliced in; every other character as it was."""
    from par_cli.reading.reader import compose_nodes

    return edited_text_all(text, compose_nodes(text), (change,))


def edited_text_all(text: str, root: Any, changes: Sequence[Change]) -> str:
    """The plan's text with every change spliced in, found from ``root``, the text's composed
    YAML (the nodes the reader composed when it validated the plan: composing 10,000
    criteria again took most of a write).

    The edits are made from the end of the text towards its start, so the nodes before an
    edit keep their offsets and one composition serves a whole batch; the text is composed
    again only when an edit falls in a criterion reaching past an edit already made (a
    second edit of one criterion, or of a parent after its child). The caller still reads
    the result again and compares it with the intended data."""
    from par_cli.editing import splice
    from par_cli.reading.reader import compose_nodes

    orders = (criterion_order(), PROGRESS_ORDER)
    style: Any = splice.DetectedStyle(root)  # the original's indentation, found when needed
    edits: list[tuple[int, int, Change, str, str, Any]] = []
    for number, change in enumerate(changes):
        start = splice.start_of(root, change.criterion_loc)
        edits += [(start, number, change, "append", key, entry) for key, entry in change.appends]
        edits += [(start, number, change, "set", key, value) for key, value in change.points]
    # Later criteria first; within one criterion, in the order the change lists them.
    edits.sort(key=lambda edit: (-edit[0], edit[1]))
    untouched = len(text)  # nodes ending before this offset still hold their true places
    for _, _, change, verb, key, value in edits:
        if splice.end_of(root, change.criterion_loc) >= untouched:
            root, untouched = compose_nodes(text), len(text)
        if verb == "append":
            changed = splice.append_to_list(text, root, change.criterion_loc, ("progress", key), splice.render_flow(value), orders, style)
        else:
            changed = splice.set_scalar(text, root, change.criterion_loc, ("progress", key), splice.render_scalar(value), orders, style)
        untouched = min(untouched, splice.first_difference(text, changed))
        text = changed
    return text


def expected_data(data: Any, change: Change) -> Any:
    """The plain data the edited text must parse to: the original with the change made to
    this criterion only. The mappings and lists on the way to the change are copied, the
    rest is shared with ``data`` (which is never changed): copying all of it took longer
    than the splice on 10,000 criteria. A part the YAML shares through an alias stays as it
    was here, so an edit that would reach another criterion through the alias does not
    match the text read again, and is refused."""
    return _with_change(data, change.criterion_loc, change)


def _with_change(data: Any, loc: Loc, change: Change) -> Any:
    """`expected_data` with the criterion changed at ``loc`` below ``data`` (the whole plan's
    data, or one criterion's)."""
    result = dict(data)
    node = result
    for part in loc:
        child = node[part]
        child = dict(child) if isinstance(child, dict) else list(child)
        node[part] = child
        node = child
    progress = node["progress"] = dict(node.get("progress") or {})
    for list_key, entry in change.appends:
        progress[list_key] = [*progress.get(list_key, []), dict(entry)]
    for key, value in change.points:
        progress[key] = value
    return result


def unified_diff(path: Path, before: bytes, after: bytes) -> str:
    """The change from the plan's bytes ``before`` to ``after`` as `git diff` would show it,
    line breaks shown as plain newlines.

    The lines both begin and end with are set aside first, as git's own diff does, and only
    the lines between, with the three lines of context around them, are decoded and compared
    by difflib: over the whole of a plan of 10,000 criteria it took 20 s for one line added,
    and the two texts as Python lists of lines three times the file."""
    from par_cli.editing.splice import first_difference

    name = path.as_posix().lstrip("/")
    shortest = min(len(before), len(after))
    same_start = first_difference(before, after)
    same_end = 0
    block = 1 << 16
    while same_end + block <= shortest - same_start and before[len(before) - same_end - block : len(before) - same_end] == after[len(after) - same_end - block : len(after) - same_end]:
        same_end += block
    while same_end < shortest - same_start and before[len(before) - same_end - 1] == after[len(after) - same_end - 1]:
        same_end += 1
    # From the start of the line the first difference is on, _CONTEXT lines back; to the end
    # of the line the last one is on, _CONTEXT lines on.
    start = before.rfind(b"\n", 0, same_start) + 1
    for _ in range(_CONTEXT):
        if start == 0:
            break
        start = before.rfind(b"\n", 0, start - 1) + 1
    old_end, new_end = (_lines_on(text, len(text) - same_end) for text in (before, after))
    first_line = before.count(b"\n", 0, start)
    lines = difflib.unified_diff(_lines(before[start:old_end]), _lines(after[start:new_end]), fromfile=f"a/{name}", tofile=f"b/{name}", lineterm="", n=_CONTEXT)
    return "".join(_moved_hunk(line, first_line) + "\n" for line in lines)


_CONTEXT = 3  # lines of context around a change, as git shows
_HUNK = re.compile(r"^@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@$")


def _lines_on(data: bytes, at: int) -> int:
    """The end of the line holding offset ``at`` of ``data`` and of _CONTEXT lines more."""
    end = at
    for _ in range(_CONTEXT + 1):
        line_feed = data.find(b"\n", end)
        if line_feed < 0:
            return len(data)
        end = line_feed + 1
    return end


def _lines(data: bytes) -> list[str]:
    """The lines of a part of the plan's bytes (whole lines; a byte order mark left out), as
    git splits them: at each line feed, a carriage return before it dropped."""
    import codecs

    text = data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _moved_hunk(line: str, shift: int) -> str:
    """A hunk's header of a diff of the lines from line ``shift`` on, numbered as in the whole."""
    found = _HUNK.match(line) if line.startswith("@@") else None
    if found is None:
        return line
    old, old_length, new, new_length = found.groups()
    return f"@@ -{int(old) + shift}{old_length} +{int(new) + shift}{new_length} @@"


# --- the whole operation ------------------------------------------------------------------------


def record(path: Path, build: Callable[[Any], Change], *, dry_run: bool = False, lock_wait: float = 5.0) -> Outcome:
    """Read the plan, build the change from it, check everything, then write (or only show).

    ``build`` receives the validated `Plan` and returns the `Change`; it runs after the lock
    is taken, on the file as it is then, so two writers never work from the same old text.
    """
    outcome = record_all(path, lambda plan: (build(plan),), dry_run=dry_run, lock_wait=lock_wait)
    return Outcome(outcome.changes[0], outcome.path, outcome.before_bytes, outcome.after_bytes, outcome.written)


@dataclass(frozen=True)
class BatchOutcome(_TextsOfAWrite):
    """What `record_all` did."""

    changes: tuple[Change, ...]
    path: Path
    before_bytes: bytes = field(repr=False)
    after_bytes: bytes = field(repr=False)
    written: bool = False


def record_all(path: Path, build: Callable[[Any], Sequence[Change]], *, dry_run: bool = False, lock_wait: float = 5.0) -> BatchOutcome:
    """`record` for several changes at once (a collected workbook): all of them are written
    in one replacement of the file, or none. No change at all writes nothing."""
    import gc

    from par_cli.editing.atomic import plan_lock

    # As in load_plan: a write holds two readings of the plan, none of it garbage, and the
    # cyclic collector would scan them again and again (on 10,000 criteria: seconds).
    collecting = gc.isenabled()
    gc.disable()
    try:
        if dry_run:
            return _record_locked(path, build, dry_run=True)
        with plan_lock(Path(os.path.realpath(path)), lock_wait):
            return _record_locked(path, build, dry_run=False)
    finally:
        if collecting:
            gc.enable()


def _record_locked(path: Path, build: Callable[[Any], Sequence[Change]], *, dry_run: bool) -> BatchOutcome:
    """Read, build, splice, check, then write: see `record`.

    A plan in the YAML plans are written in is read once from the parser's events, each
    criterion of a domain a model as soon as it is read, keeping of its data only a digest
    and where it starts and ends (`reader.read_for_edit`); only the lines of the criteria
    changed are decoded and composed into nodes to splice by (`_splice_pieces`). The result
    is read again from its events and held against the digests and the data the changed
    criteria must hold (`_check_pieces`); its model is the old one with the changed
    progress validated anew (`_plan_with`), checked whole by `check_plan`. Any other plan
    (anchors, aliases, problems to place), or a result those cannot vouch for, goes the
    reference way: composed whole, the plain data of the whole plan beside it."""
    import codecs

    from par_cli.editing.atomic import PlanHardLinked, replace_atomically
    from par_cli.reading.reader import load_plan, read_for_edit

    original = _read_bytes(path)
    reading = read_for_edit(path, original)
    if reading is not None:
        loaded = reading.loaded
    else:
        loaded = load_plan(path, keep_nodes=True)
        if not loaded.ok:
            raise EditRefused("edit.invalid_plan", loaded.problems, count=len(loaded.problems))
        if _read_bytes(path) != original:
            raise EditRefused("edit.changed_while_reading")
    plan = loaded.plan
    changes = tuple(build(plan))
    if not changes:
        return BatchOutcome(changes, path, original, original, written=False)
    edited = _splice_pieces(reading, changes) if reading is not None else None
    new_bytes = b""
    if edited is not None:
        new_bytes, changed = edited
        if not _check_pieces(path, original, new_bytes, reading, changed, plan, changes):
            edited = None
    if edited is None:
        # The criteria alone misread, or a plan the events are not read for: splice by the
        # whole composed document, and hold the result against the whole plan's data.
        from par_cli.reading.reader import compose_nodes, load_edited_bytes

        bom = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
        text = original[len(bom) :].decode("utf-8")
        wanted = loaded.data if reading is None else load_edited_bytes(original, path).data
        for change in changes:
            wanted = expected_data(wanted, change)
        root = loaded.nodes if loaded.nodes is not None else compose_nodes(text)
        loaded.nodes = None
        new_text = _splice_or_refuse(text, root, changes)
        del root, text
        new_bytes = bom + new_text.encode("utf-8")
        del new_text
        if not _check_result(path, new_bytes, wanted, plan, changes):
            raise EditRefused("edit.layout")
        del wanted
    del loaded, reading, plan
    if dry_run:
        return BatchOutcome(changes, path, original, new_bytes, written=False)
    try:
        replace_atomically(path, new_bytes, expected=original, check=lambda candidate: _written_as(candidate, new_bytes))
    except PlanHardLinked as linked:
        raise EditRefused("edit.hard_links", links=linked.links) from None
    return BatchOutcome(changes, path, original, new_bytes, written=True)


def _check_result(path: Path, new_bytes: bytes, wanted: Any, plan: Any, changes: Sequence[Change]) -> bool:
    """Whether the edited plan ``new_bytes`` reads to exactly ``wanted`` (the whole plan's
    plain data); `EditRefused` with its problems when it does but is not a valid plan. Read
    as `load_plan` would read the file: parsed whole and compared with ``wanted`` as the
    parser's events come (`text_holds`), its model the old ``plan`` with the changed
    progress validated again, checked whole by `check_plan`; where any of that cannot say,
    by `load_plan`'s own reading of the bytes, which places every problem."""
    from par_cli.reading.reader import decode_text, flow_too_deep, forbidden_text, keys_equal_after_nfc, nesting_bound, text_holds

    text, _ = decode_text(path, new_bytes)
    if text is None or flow_too_deep(text) is not None:
        return _check_by_reading(path, new_bytes, lambda: wanted)
    findings = forbidden_text(wanted, text) + keys_equal_after_nfc(wanted, text)
    levels = nesting_bound(text)
    del text  # the parser reads the bytes; the text is twice their size
    holds = text_holds(new_bytes, wanted, levels=levels)
    if holds is False:
        return False
    changed = {loc: _data_at(wanted, loc) for loc in _changed_locs(changes)}
    return _checked_model(path, new_bytes, lambda: wanted, bool(holds and not findings), plan, changed)


def _check_pieces(path: Path, original: bytes, new_bytes: bytes, reading: Any, changed: dict[int, Any], plan: Any, changes: Sequence[Change]) -> bool:
    """`_check_result` for a plan read by `read_for_edit` and edited by `_splice_pieces`:
    the result is held against ``reading`` with the criteria numbered in ``changed``
    holding that data (`reader.holds_as_edited`), so the whole plan's plain data is built
    only when a problem is to be placed or the events cannot say.

    What `load_plan` finds from the text before parsing it is known from the original and
    the edit: the parser refuses bytes that are not UTF-8 or hold a NUL or another control
    character itself; the text's nesting grows by at most the characters added, and its
    flow nesting by the brackets added (each placeholder ``{}`` or ``[]`` opened into lines
    takes two away); and the text of the original data was checked, so only the changed
    criteria's is looked at again."""
    from par_cli.reading.reader import FLOW_MARGIN, MAX_FILE_BYTES, decode_text, flow_too_deep, holds_as_edited

    def wanted() -> Any:
        from par_cli.reading.reader import load_edited_bytes

        data = load_edited_bytes(original, path).data
        for change in changes:
            data = expected_data(data, change)
        return data

    if len(new_bytes) > MAX_FILE_BYTES or new_bytes[:4] != original[:4]:
        return _check_by_reading(path, new_bytes, wanted)
    grown = sum(new_bytes.count(b) - original.count(b) for b in (b"[", b"{")) + 2 * len(changes)
    if not reading.facts.flow_margin or grown > FLOW_MARGIN:
        text, _ = decode_text(path, new_bytes)
        if text is None or flow_too_deep(text) is not None:
            return _check_by_reading(path, new_bytes, wanted)
        del text
    added = max(len(new_bytes) - len(original), 0)
    holds = holds_as_edited(new_bytes, reading, changed, levels=reading.facts.levels + added + 1024 * len(changes))
    if holds is False:
        return False
    below = {loc: _data_at(changed[reading.number_of(loc[:4])], loc[4:]) for loc in _changed_locs(changes)}
    return _checked_model(path, new_bytes, wanted, bool(holds and not _text_findings(below)), plan, below)


def _checked_model(path: Path, new_bytes: bytes, wanted: Callable[[], Any], holds: bool, plan: Any, changed: dict[Loc, Any]) -> bool:
    """The end of a check: when the result ``holds`` the intended data and no text finding,
    its model (the old ``plan`` with each ``changed`` criterion's progress validated again)
    checked; else, or when that model has problems, the reference reading's answer.

    The old plan was read without a finding, and a change reaches only the progress of its
    criterion: every criterion the new model shares with the old (the same object: all but
    the changed ones and those above them) reads what it read, so its checks find nothing
    again (`checks.criterion_findings` reads a criterion, the plan's year and its unit ids,
    none of which a change touches). The others, and the plan's own checks, run again."""
    from par_cli.plan.tree import walk
    from par_cli.reading.checks import check_plan, criterion_findings

    if holds:
        new_plan = _plan_with(plan, changed)
        if new_plan is not None:
            clean = {id(node.criterion) for node in walk(plan)}

            def check_criterion(checked: Any, node: Any, unit_ids: set[str]) -> Any:
                return () if id(node.criterion) in clean else criterion_findings(checked, node, unit_ids)

            if not check_plan(new_plan, check_criterion):
                return True
    return _check_by_reading(path, new_bytes, wanted)


def _check_by_reading(path: Path, new_bytes: bytes, wanted: Callable[[], Any]) -> bool:
    """`_check_result` by the reference reader: it places every problem, and reads what the
    parser's events are not read for. ``wanted`` gives the data the result must hold, built
    only once the result is a valid plan."""
    from dataclasses import replace as replaced

    from par_cli.reading.reader import load_edited_bytes

    reloaded = load_edited_bytes(new_bytes, path)
    if not reloaded.ok:
        raise EditRefused("edit.result_invalid", [replaced(p, path=path) for p in reloaded.problems], count=len(reloaded.problems))
    return bool(reloaded.data == wanted())


# Text that makes the reader's text checks look at all of the data they are given (their text
# only tells them when nothing can be found): a backslash, and a letter not in NFC.
_LOOK_AT_ALL = "\\e\u0301"


def _changed_locs(changes: Sequence[Change]) -> list[Loc]:
    return list(dict.fromkeys(change.criterion_loc for change in changes))


def _text_findings(changed: dict[Loc, Any]) -> list[Any]:
    """`reader.forbidden_text` and `reader.keys_equal_after_nfc` on the data of the changed
    criteria: the rest is the original's data, whose text was checked when it was read."""
    from par_cli.reading.reader import forbidden_text, keys_equal_after_nfc

    findings: list[Any] = []
    for node in changed.values():
        findings += forbidden_text(node, _LOOK_AT_ALL) + keys_equal_after_nfc(node, _LOOK_AT_ALL)
    return findings


def _plan_with(plan: Any, changed: dict[Loc, Any]) -> Any:
    """The model of the edited plan: the old ``plan`` with the progress of each changed
    criterion (its plain data by its place in ``changed``) validated again and put in its
    place: nothing above a progress checks it, so this is what `Plan.model_validate` of the
    edited data builds, without validating 10,000 criteria again. None when a progress does
    not validate (the reference reading then says where)."""
    from pydantic import ValidationError

    from par_cli.plan.model import Progress

    result = plan
    for loc, node in changed.items():
        try:
            progress = Progress.model_validate(node["progress"])
        except (ValidationError, KeyError, TypeError):
            return None
        result = _with_progress(result, loc, progress)
    return result


def _with_progress(model: Any, loc: Loc, progress: Any) -> Any:
    if not loc:
        return model.model_copy(update={"progress": progress})
    name, index, rest = loc[0], loc[1], loc[2:]
    items = list(getattr(model, name))
    items[index] = _with_progress(items[index], rest, progress)
    return model.model_copy(update={name: items})


def _data_at(data: Any, loc: Loc) -> Any:
    node = data
    for part in loc:
        node = node[part]
    return node


def _splice_pieces(reading: Any, changes: Sequence[Change]) -> tuple[bytes, dict[int, Any]] | None:
    """The plan's bytes with every change spliced in, made from the lines of the criteria
    changed alone (`EditReading.pieces`), the rest of the file copied as it is; and the plain
    data each changed criterion of a domain (by its number) must then hold. None when a
    criterion is not found, does not read alone as it reads in the whole, or does not
    splice alone: the caller splices by the whole composed document."""
    numbers = [reading.number_of(change.criterion_loc[:4]) for change in changes]
    if None in numbers:
        return None
    pieces = reading.pieces(numbers)
    if pieces is None:
        return None
    changed: dict[int, Any] = {}
    parts: list[Any] = []
    view = memoryview(reading.data)
    done = 0
    for piece in pieces:
        for number in piece.spans:
            changed[number] = reading.criterion_data(piece, number)
            if changed[number] is None:
                return None
        held = [(piece.spans[number], change) for number, change in zip(numbers, changes) if number in piece.spans]
        text = _splice_by_spans(piece.text, held, reading.notes)
        if text is None:
            return None
        parts += [view[done : piece.start], text.encode("utf-8")]
        done = piece.end
    parts.append(view[done:])
    for number, change in zip(numbers, changes):
        changed[number] = _with_change(changed[number], change.criterion_loc[4:], change)
    return b"".join(parts), changed


def _splice_by_spans(text: str, held: Sequence[tuple[tuple[int, int], Change]], notes: Any) -> str | None:
    """`edited_text_all` on ``text`` for each change with the span of the criterion of a
    domain it falls in, each criterion composed alone from its span (`reader.compose_span`),
    the file's indentation from ``notes`` (`reader.EditNotes`). None when the criterion
    alone does not splice.

    The criteria are edited from the last to the first, as the whole-document splice edits
    them, so an edit moves none of the spans still to edit but in a layout that puts it
    before its criterion's first key (then they are moved as the text moved). A criterion
    is composed once for its first edit, and again before each further edit of it: composing
    each criterion again for every edit, and moving every span by every edit, grew with the
    square of the edits of a workbook."""
    from par_cli.editing import splice
    from par_cli.reading.reader import compose_span

    orders = (criterion_order(), PROGRESS_ORDER)
    style = splice.style_from_counts(notes.indents, notes.offsets)
    # The edits of each criterion, numbered as the changes list them.
    by_span: dict[tuple[int, int], list[tuple[int, Loc, str, str, str]]] = {}
    for number, (span, change) in enumerate(held):
        below = change.criterion_loc[4:]
        edits = by_span.setdefault(span, [])
        edits += [(number, below, "append", key, splice.render_flow(entry)) for key, entry in change.appends]
        edits += [(number, below, "set", key, splice.render_scalar(value)) for key, value in change.points]
    # The spans still to edit, last first, moved when an edit lands at or before their end.
    spans = sorted(by_span, reverse=True)
    moved = {span: span for span in spans}
    ordered: dict[tuple[int, int], list[tuple[int, Loc, str, str, str]]] = {}

    def in_order(host: Any, span: tuple[int, int]) -> list[tuple[int, Loc, str, str, str]]:
        # Within one criterion: the part changed that starts last first, then in the order
        # the changes list them; placed as the criterion was before any edit.
        return sorted(by_span[span], key=lambda edit: (-splice.start_of(host, edit[1]), edit[0]))

    try:
        for done, original in enumerate(spans):
            start, end = moved[original]
            host = compose_span(text, start, end)
            if host is None:
                return None
            edits = ordered.pop(original, None) or in_order(host, original)
            for count, (_, below, verb, key, rendered) in enumerate(edits):
                if count:
                    host = compose_span(text, start, end)
                    if host is None:
                        return None
                put = splice.append_to_list if verb == "append" else splice.set_scalar
                changed = put(text, host, below, ("progress", key), rendered, orders, style)
                at, delta = splice.first_difference(text, changed), len(changed) - len(text)
                start, end = (start + delta if at < start else start, end + delta if at <= end else end)
                for later in spans[done + 1 :]:
                    first, last = moved[later]
                    if at > last:
                        break  # nor any span before it
                    if later not in ordered:
                        unmoved = compose_span(text, first, last)
                        if unmoved is None:
                            return None
                        ordered[later] = in_order(unmoved, later)
                    moved[later] = (first + delta if at < first else first, last + delta)
                text = changed
    except Exception:  # noqa: BLE001 - a SpliceError, or a part that does not read alone: the whole is composed
        return None
    return text


def _written_as(candidate: Path, data: bytes) -> None:
    """The file written reads back as the bytes checked, or the write is abandoned (an
    input/output error, in the system's words)."""
    import errno

    from par_cli.editing.atomic import file_holds

    if not file_holds(candidate, data):
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(candidate))


def _splice_or_refuse(text: str, root: Any, changes: Sequence[Change]) -> str:
    from par_cli.editing.splice import SpliceError

    try:
        return edited_text_all(text, root, changes)
    except SpliceError as error:
        from par_cli.i18n import Message

        raise EditRefused("edit.layout_detail", detail=Message(error.code, error.params)) from None


def _read_bytes(path: Path) -> bytes:
    from par_cli.plan.problems import PlanFileError

    from par_cli.reading.reader import MAX_FILE_BYTES, read_regular_file

    try:
        return read_regular_file(path, MAX_FILE_BYTES + 1)
    except PlanFileError:
        raise
    except FileNotFoundError:
        raise PlanFileError(path, "file.not_found") from None
    except IsADirectoryError:
        raise PlanFileError(path, "file.is_directory") from None
    except OSError as error:
        from par_cli.plan.reasons import os_reason

        raise PlanFileError(path, "file.unreadable", reason=os_reason(error)) from None
