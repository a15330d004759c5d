"""Moving the progress recorded under an old plan into a new one (`par diff --carry`).

Each criterion's entries go through the editing path (`record.record`): checked against the
new plan, spliced in with every comment and line kept, re-read and validated, written
atomically. An entry that cannot be placed (no counterpart criterion, a deadline or a measure
the new criterion lacks, a result the new plan refuses) is listed with the reason, never
dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from par_cli.plan.model import Criterion, Plan
from par_cli.plan.tree import walk


@dataclass(frozen=True)
class NotPlaced:
    """Something recorded under ``old_id`` that has nowhere to go: the progress key it is
    under (``done``, ``evidence``, ``self_assessed``…), the entry as recorded (dates as dates;
    a number of points for ``self_assessed``/``appraised``), why (a catalogue key and its
    parameters). `render.diff.not_placed_what` says which entry it is."""

    old_id: str
    kind: str
    entry: object
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class CarryResult:
    carried: list[tuple[str, str]] = field(default_factory=list)
    not_placed: list[NotPlaced] = field(default_factory=list)


def _entries(criterion: Criterion) -> list[tuple[str, dict[str, Any]]]:
    """(list key, entry) for everything recorded under a criterion."""
    progress = criterion.progress
    found: list[tuple[str, dict[str, Any]]] = []
    for measurement in progress.measurements:
        entry = measurement.model_dump(exclude_none=True)
        if not entry.get("final"):
            entry.pop("final", None)  # written only where a reading is marked final
        found.append(("measurements", entry))
    for completion in progress.done:
        entry = completion.model_dump(exclude_none=True)
        found.append(("done", entry))
    for evidence in progress.evidence:
        entry = evidence.model_dump(exclude_defaults=True)
        entry = {"date": evidence.date, **{k: v for k, v in entry.items() if k != "date"}}
        found.append(("evidence", entry))
    for stage in progress.stages:
        entry = stage.model_dump(exclude_none=True)
        found.append(("stages", entry))
    return found


def carry(old: Plan, new_path: Path, mapping: dict[str, str] | None = None) -> CarryResult:
    from par_cli.editing.record import Change, EditRefused, find_criterion, record
    from par_cli.plan.compare import match
    from par_cli.reading.reader import load_plan

    result = CarryResult()
    loaded = load_plan(new_path)
    if not loaded.ok:
        raise EditRefused("edit.invalid_plan", loaded.problems, count=len(loaded.problems))
    pairs = match(old, loaded.plan, mapping)
    for node in walk(old):
        criterion = node.criterion
        entries = _entries(criterion)
        points = [(key, getattr(criterion.progress, key)) for key in ("self_assessed", "appraised") if getattr(criterion.progress, key) is not None]
        if not entries and not points:
            continue
        target_id = pairs.get(criterion.id)
        if target_id is None:
            for key, entry in entries:
                result.not_placed.append(NotPlaced(criterion.id, key, entry, "carry.no_match"))
            for key, value in points:
                result.not_placed.append(NotPlaced(criterion.id, key, value, "carry.no_match"))
            continue
        target = find_criterion(loaded.plan, target_id)
        placeable: list[tuple[str, dict[str, Any]]] = []
        for key, entry in entries:
            problem = _misfit(key, entry, target.criterion)
            if problem is not None:
                result.not_placed.append(NotPlaced(criterion.id, key, entry, problem[0], {"target": target_id, **problem[1]}))
            else:
                placeable.append((key, entry))
        if not placeable and not points:
            continue

        def build(plan: Plan, target_id: str = target_id, placeable: list = placeable, points: list = points) -> Change:  # type: ignore[type-arg]
            node_now = find_criterion(plan, target_id)
            return Change(target_id, node_now.loc, tuple(placeable), tuple(points), {"criterion": target_id})

        try:
            record(new_path, build)
        except EditRefused as refusal:
            from par_cli.i18n import Message

            # Words are the renderer's: the refusal travels as a message, its problems as
            # the values they are (`render.problems.worded` says them).
            reason = Message(refusal.code, refusal.params)
            problems = tuple(refusal.problems[:3])
            for key, entry in placeable:
                params = {"target": target_id, "reason": reason}
                if problems:
                    result.not_placed.append(NotPlaced(criterion.id, key, entry, "carry.refused_problems", {**params, "problems": problems}))
                else:
                    result.not_placed.append(NotPlaced(criterion.id, key, entry, "carry.refused", params))
            continue
        result.carried.append((criterion.id, target_id))
    return result


def _misfit(key: str, entry: dict[str, Any], target: Criterion) -> tuple[str, dict[str, object]] | None:
    if key == "done" and entry["deadline"] not in {deadline.id for deadline in target.deadlines}:
        return "carry.unknown_deadline", {"deadline": entry["deadline"]}
    if key == "measurements":
        for name in entry:
            if name not in ("date", "evidence", "final") and name not in target.measures:
                return "carry.unknown_measure", {"measure": name}
    return None
