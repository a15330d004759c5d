"""``--format json``: one serializer over the core's values, one payload builder per value.

`to_json` is the only conversion: dates become ISO text (JSON has no dates), enums their
value, paths text, dataclasses their fields; floats and ints stay numbers (unrounded), no
word is translated. Units are ids everywhere, with their names beside them under a key
ending in ``_names`` (``"lead": ["van-phong"], "lead_names": ["Văn phòng Sở"]``).
The keys are stable and documented in the README ("JSON output").

A payload's long lists (one entry per criterion) are `Lazy`: built entry by entry while
`write_json` writes, so neither the whole payload nor the whole text is ever held (issue 13
item 15); `dumps` gives the same text whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum
from json.encoder import encode_basestring as _STRING
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from par_cli.i18n import Lang
from par_cli.render.problems import problem_json, worded

if TYPE_CHECKING:
    from pathlib import Path

    from par_cli.deadlines.occurrences import PlanOccurrence
    from par_cli.editing.collect import WorkbookResult
    from par_cli.plan.model import Plan
    from par_cli.plan.problems import Problem
    from par_cli.scoring.gap import GapReport
    from par_cli.scoring.responsibilities import UnitsTable
    from par_cli.scoring.scorer import NodeScore, PlanScore


_INFINITY = float("inf")


class Lazy:
    """A list of a payload made only when it is written: ``make`` gives its entries afresh
    each time it is iterated."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self.make())


def to_json(value: Any) -> Any:
    """A value as JSON data."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(to_json(key)): to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset, Lazy)):
        return [to_json(item) for item in value]
    if hasattr(value, "model_dump"):  # a pydantic model of the plan
        return to_json(value.model_dump(mode="python", exclude_none=True))
    raise TypeError(f"no JSON form for {type(value).__name__}")


def _text(value: Any, level: int) -> str:
    """``value`` as the JSON text `json.dumps` gives it ``level`` deep in a document."""
    return _encoded(to_json(value), level)


def _encoded(value: Any, level: int) -> str:
    """JSON data as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, ``level``
    deep. Written out here because that encoder, with an indent, is made of closures that
    refer to each other: made once an entry, each would stay until the (disabled, see
    `par_cli.console`) cyclic collector ran, 27 MB for 10,000 criteria."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (_INFINITY, -_INFINITY):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{_key(key)}: {_encoded(item, level + 1)}" for key, item in value.items())
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * level + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_encoded(item, level + 1) for item in value) + "\n" + "  " * level + "]"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    return _STRING(key) if isinstance(key, str) else _STRING(_encoded(key, 0))


def chunks(payload: Any) -> Iterator[str]:
    """The text of ``json.dumps(to_json(payload), ensure_ascii=False, indent=2)`` and a line
    break, in pieces: the top mapping's values one by one, a `Lazy` list's entries one by
    one, each converted only when its turn comes."""
    if not isinstance(payload, Mapping) or not payload:
        yield _text(payload, 0) + "\n"
        return
    opening = "{"
    for key, value in payload.items():
        yield f"{opening}\n  {_STRING(str(to_json(key)))}: "
        opening = ","
        if isinstance(value, Lazy):
            yield from _lazy_chunks(value)
        else:
            yield _text(value, 1)
    yield "\n}\n"


def _lazy_chunks(value: Lazy) -> Iterator[str]:
    opening = "["
    for item in value:
        yield f"{opening}\n    {_text(item, 2)}"
        opening = ","
    yield "[]" if opening == "[" else "\n  ]"


def dumps(payload: Any) -> str:
    return "".join(chunks(payload))


def write_json(payload: Any, stream: Any = None) -> None:
    """``payload`` written as it is converted, about 64 KB at a time."""
    stream = stream or sys.stdout
    pending: list[str] = []
    size = 0
    for chunk in chunks(payload):
        pending.append(chunk)
        size += len(chunk)
        if size >= 65536:
            stream.write("".join(pending))
            pending.clear()
            size = 0
    stream.write("".join(pending))


def unit_names(plan: "Plan") -> Callable[[Iterable[str]], list[str]]:
    """The names of units given their ids (an id the plan does not declare stays as it is),
    by one lookup of the plan's units, built here once for every row that asks."""
    known = {unit.id: unit.name for unit in plan.units}

    def names(unit_ids: Iterable[str]) -> list[str]:
        return [known.get(unit_id, unit_id) for unit_id in unit_ids]

    return names


# --- payloads -----------------------------------------------------------------------------


def problems_payload(problems: "Iterable[Problem]", lang: Lang) -> dict[str, object]:
    """An invalid plan under ``--format json``, whichever command read it."""
    problems = list(problems)
    errors = [problem for problem in problems if getattr(problem, "severity", "error") == "error"]
    return {"valid": not errors, "warnings": len(problems) - len(errors), "problems": [problem_json(problem, lang) for problem in problems]}


def plan_json(path: "Path", plan: "Plan") -> dict[str, object]:
    return {
        "path": path,
        "number": plan.plan.number,
        "date": plan.plan.date,
        "issuer": plan.issuer,
        "title": plan.title,
        "year": plan.year,
        "index_max": plan.index_max,
    }


def visible(node: "NodeScore", depth: int) -> bool:
    """``--depth``: 1 domains (and the part outside the table), 2 criteria, 3 sub-criteria."""
    return {"domain": 1, "outside": 1, "criterion": 2, "sub": 3}[node.level] <= depth


def _parents(result: "PlanScore") -> dict[str, str]:
    parents: dict[str, str] = {}
    for domain in result.domains:
        for node in domain.walk():
            for child in node.children:
                parents[child.id] = node.id
    return parents


def score_payload(path: "Path", plan: "Plan", result: "PlanScore", depth: int) -> dict[str, object]:
    total = result.total
    parents = _parents(result)
    names = unit_names(plan)
    return {
        "plan": plan_json(path, plan),
        "as_of": result.as_of,
        "reference_date": result.reference,
        "unit": result.unit,
        "total": {
            "max": total.max,
            "projected": total.projected,
            "floor": total.floor,
            "ceiling": total.ceiling,
            "baseline": total.baseline,
            "change": total.change,
            "percent": total.percent,
            "assumed_points": total.assumed_points,
            "outside_points": total.outside_points,
            "recorded_points": total.recorded_points,
            "derived_points": total.derived_points,
        },
        "adjusted": adjusted_json(result),
        "shared": [
            {"id": node.id, "title": node.title, "max": node.max, "projected": node.projected, "status": node.status, "lead": node.lead}
            for node in result.shared
        ],
        "criteria": Lazy(lambda: (
            {
                "id": node.id,
                "level": node.level,
                "parent": parents.get(node.id),
                "title": node.title,
                "max": node.max,
                "baseline": node.baseline,
                "baseline_known_sum": node.baseline_known_sum,
                "projected": node.projected,
                "floor": node.floor,
                "ceiling": node.ceiling,
                "computed": node.computed,
                "self_assessed": node.self_assessed,
                "appraised": node.appraised,
                "assumed": node.assumed,
                "account": node.account,
                "rule_assumed": node.rule_assumed,
                "provisional": node.provisional,
                "baseline_source": node.baseline_source,
                "baseline_assumed": node.baseline_assumed,
                "stage": node.stage,
                "stage_date": node.stage_date,
                "basis": node.basis,
                "status": node.status,
                "lead": node.lead,
                "lead_names": names(node.lead),
                "no_evidence": node.no_evidence,
            }
            for node in result.nodes()
            if visible(node, depth)
        )),
    }


def adjusted_json(result: "PlanScore") -> dict[str, object] | None:
    """Bonus, penalty and the index over the applicable maximum (None for one unit)."""
    adjusted = result.adjusted
    if adjusted is None:
        return None
    return {
        "points": adjusted.points,
        "bonus": adjusted.bonus,
        "penalty": adjusted.penalty,
        "total": adjusted.total,
        "max": adjusted.max,
        "applicable_max": adjusted.applicable_max,
        "percent": adjusted.percent,
        "not_applicable": list(adjusted.not_applicable),
    }


def folder_payload(as_of: dt.date | None, rows: list[dict[str, object]], problems: "list[Problem]", lang: Lang) -> dict[str, object]:
    return {"as_of": as_of, "plans": rows, "problems": [problem_json(problem, lang) for problem in problems]}


def gap_payload(path: "Path", plan: "Plan", report: "GapReport") -> dict[str, object]:
    total = report.score.total
    reconciliation = report.reconciliation
    target = report.target
    names = unit_names(plan)
    return {
        "plan": plan_json(path, plan),
        "as_of": report.score.as_of,
        "unit": report.score.unit,
        "total": {
            "max": total.max,
            "projected": total.projected,
            "baseline": total.baseline,
            "gap": report.gap_total,
            "lost_baseline": reconciliation.lost,
            "explained": reconciliation.explained,
            "unexplained": reconciliation.unexplained,
            "outside_gap": report.outside_gap,
            "whole_projected": report.whole.total.projected,
            "target": target.score if target else None,
            "target_rank": target.rank if target else None,
            "target_of": target.of if target else None,
            "distance_to_target": target.distance if target else None,
            "target_closable": target.closable if target else None,
        },
        "criteria": Lazy(lambda: (
            {
                "id": row.id,
                "title": row.title,
                "max": row.max,
                "baseline": row.baseline,
                "lost_baseline": row.lost_baseline,
                "projected": row.projected,
                "change": row.change,
                "gap": row.gap,
                "winnable": row.winnable,
                "note": row.note,
                "assumed": row.assumed,
                "baseline_source": row.baseline_source,
                "baseline_assumed": row.baseline_assumed,
                "provisional": row.provisional,
                "lead": row.lead,
                "lead_names": names(row.lead),
            }
            for row in report.rows
        )),
        "to_close_target": target.to_close if target else [],
    }


def units_payload(path: "Path", plan: "Plan", table: "UnitsTable", today: dt.date) -> dict[str, object]:
    return {
        "plan": plan_json(path, plan),
        "today": today,
        "lead_points_counted": table.counted,
        "table_points": table.table,
        "units": [
            {
                "id": load.unit.id,
                "name": load.unit.name,
                "kind": load.unit.kind,
                "part_of": load.unit.part_of,
                "members": load.members,
                "leads": load.leads,
                "supports": load.supports,
                "lead_max": load.lead_max,
                "lead_projected": load.lead_projected,
                "open": load.open,
                "overdue": load.overdue,
                "next_due": load.next_due,
            }
            for load in table.loads
        ],
    }


def due_payload(plan: "Plan", shown: "list[PlanOccurrence]", today: dt.date, days: int, unit: str | None) -> dict[str, object]:
    """Stable keys, ISO dates, raw numbers: for scripts and dashboards."""
    names = unit_names(plan)
    return {
        "today": today,
        "days": days,
        "unit": unit,
        "items": [
            {
                "id": item.criterion.id,
                "title": item.criterion.title,
                "deadline": item.deadline.id,
                "what": item.deadline.what,
                "stated": item.stated,
                "due": item.last_day,
                "days_left": item.days_left(today),
                "overdue": item.overdue(today),
                "done": item.done,
                "done_date": item.completion.date if item.completion else None,
                "lead": list(item.criterion.lead),
                "lead_names": names(item.criterion.lead),
                "support": list(item.criterion.support),
                "support_names": names(item.criterion.support),
                "max": item.criterion.max,
            }
            for item in shown
        ],
    }


def diff_payload(old: "Path", new: "Path", differences: list[Any], carried: Any = None, lang: Lang = "vi") -> dict[str, object]:
    """``par diff --format json``: each difference with its kind's code; a deadline change
    gives each side's terms (id, exclusive, ISO date or recurrence); with ``--carry``, what
    was carried and what could not be placed (with the reason in ``lang``)."""
    from par_cli.render.diff import not_placed_what

    def side(value: Any) -> Any:
        if isinstance(value, tuple):
            return [{"id": term.id, "exclusive": term.exclusive, "date": term.date, "recurrence": dict(term.recurrence) or None} for term in value]
        return value

    payload: dict[str, object] = {
        "old": old,
        "new": new,
        "differences": [
            {"kind": d.kind, "old_id": d.old_id, "new_id": d.new_id, "title": d.title, "old": side(d.old), "new": side(d.new)} for d in differences
        ],
    }
    if carried is not None:
        payload["carried"] = [{"old_id": a, "new_id": b} for a, b in carried.carried]
        payload["not_placed"] = [{"old_id": n.old_id, "what": not_placed_what(n, None), "reason": worded(n.code, n.params, lang)} for n in carried.not_placed]
    return payload


def justify_payload(missing: list[Any]) -> list[dict[str, object]]:
    """``par justify --format json`` (no id): each criterion needing an explanation."""
    return [
        {
            "criterion": item.criterion_id,
            "points": item.points,
            "why": item.why,
            "explanation": item.explanation.model_dump() if item.explanation else None,
        }
        for item in missing
    ]


def import_payload(output: "Path", valid: bool, counts: dict[str, int], problems: "list[Problem]", draft: Any, lang: Lang) -> dict[str, object]:
    """``par import --format json``: the draft written, its counts, its problems, what could
    not be read (place, code, message in ``lang``) and the facts the table does not hold."""
    from par_cli.i18n import t
    from par_cli.render.framework import place_text

    return {
        "output": output,
        "valid": valid,
        **counts,
        "problems": [problem_json(problem, lang) for problem in problems],
        # A Word cell's place in the README's documented form ("table 1, row 7, column 3"),
        # the same in every language, like the rest of the JSON.
        "unread": [{"where": place_text(item.where, "en"), "code": item.code, "message": t(item.code, lang, **item.params)} for item in draft.unread],
        "missing": draft.missing,
    }


def collect_payload(plan: "Path", dry_run: bool, results: "list[WorkbookResult]", lang: Lang) -> dict[str, object]:
    """`par collect --format json`: the plan, whether it was written, and per workbook what
    was recorded, skipped and refused, each entry with the cells it was read from."""
    workbooks = [_workbook_json(result, lang) for result in results]
    return {"plan": plan, "dry_run": dry_run, "written": any(book["written"] for book in workbooks), "workbooks": workbooks}


# Where a kind of entry stands in a change's summary (`par set --format json`'s "recorded").
_SUMMARY_PART = {"measurement": "measurement", "completion": "completion", "evidence": "evidence"}


def _workbook_json(result: "WorkbookResult", lang: Lang) -> dict[str, object]:
    from openpyxl.utils.cell import coordinate_to_tuple

    from par_cli.plan.problems import Problem
    from par_cli.reading.workbook import split_key

    file = result.file

    def cells(refs: Iterable[str]) -> list[dict[str, str]]:
        shown = []
        for ref in refs:
            sheet, _, cell = ref.rpartition("!")
            shown.append({"ref": f"{file.name}!{ref}", "sheet": sheet, "cell": cell})
        return shown

    recorded: list[dict[str, object]] = []
    skipped: list[dict[str, object]] = []
    refused: list[dict[str, object]] = []
    problems = [problem_json(problem, lang) for problem in result.problems]
    outcome = result.outcome
    if outcome is not None:
        collected = outcome.collected
        for entry in collected.entries:
            summary = entry.change.summary
            values = summary["stages"][0] if entry.kind == "stage" else summary[_SUMMARY_PART[entry.kind]]
            recorded.append({"criterion": entry.criterion, "kind": entry.kind, "values": values, "cells": cells(entry.cells)})
        for skip in collected.skips:
            skipped.append({"criterion": skip.criterion, "kind": skip.kind, "reason": "already_recorded", "cells": cells(skip.cells)})
        for row in collected.unmatched:
            refs = [row.ref(name) for name in _filled_columns(row)]
            skipped.append({"criterion": split_key(row.key)[1] if "|" in row.key else None, "kind": None, "reason": "no_longer_matches", "cells": cells(refs)})
        status = "recorded" if collected.entries else "nothing_new"
    elif result.refused is not None:
        for refusal in result.refused.refusals:
            sheet, _, cell = refusal.ref.rpartition("!")
            row, column = coordinate_to_tuple(cell)  # I12: row 12, column 9
            problem = Problem(file, row, column, refusal.code, refusal.params, criterion_id=refusal.criterion)
            refused.append({"criterion": refusal.criterion, "cells": cells([refusal.ref]), "problem": problem_json(problem, lang)})
        status = "refused"
    else:
        # The workbook refused whole: placed at 1:1, as a problem of a whole plan file is.
        problems.append(problem_json(Problem(file, 1, 1, result.code or "", result.params), lang))
        status = "not_collected"
    return {
        "path": file,
        "unit": result.filled.meta.unit if result.filled is not None else None,
        "status": status,
        "older_version": outcome.older_version if outcome is not None else None,
        "written": outcome.written if outcome is not None else False,
        "recorded": recorded,
        "skipped": skipped,
        "refused": refused,
        "problems": problems,
        "diff": outcome.diff if outcome is not None else "",
    }


def _filled_columns(row: Any) -> list[str]:
    from par_cli.reading.workbook import LETTER

    return [name for name in LETTER if name in row.values]
