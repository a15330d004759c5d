"""The briefing report (giao ban): one plain object holding everything the director's page shows.

Nothing here is computed afresh: totals and per-domain points are the scorer's, the criteria
that give the most back and the distance to the target are gap.py's, what is overdue or due
soon is deadlines.py's. This module only chooses and groups them, so the page, the Markdown
and `par score --format json` for the same day can never disagree. Renderers (report_render.py)
turn the object into HTML or Markdown; labels and number formats are theirs.

Scores are as of the report's day, exactly as `par score --as-of DAY`: progress recorded after
it is left out, and deadlines before it that are not done are overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from par_cli.deadlines.occurrences import PlanOccurrence
from par_cli.scoring.gap import GapRow, TargetGap, gap_report, most_winnable
from par_cli.scoring.history import SinceBriefing, Trajectory
from par_cli.plan.model import Plan, Result, Unit
from par_cli.scoring.responsibilities import UnitLoad, unit_loads
from par_cli.scoring.rules import rule_assumptions
from par_cli.plan.points import points
from par_cli.scoring.scorer import NodeScore, PlanScore, Total
from par_cli.plan.units import members, unit_criteria, units_by_id
from par_cli.state.as_of import PlanState

TOP_CRITERIA = 5


@dataclass(frozen=True)
class DomainBar:
    """One domain of the chart: its maximum, the previous year's points when the plan states
    them for the whole domain, and the expectation split into what is recorded and what is
    assumed."""

    id: str
    title: str
    max: float
    baseline: float | None
    projected: float
    assumed: float  # the part of ``projected`` that rests on assumptions
    floor: float
    ceiling: float

    @property
    def recorded(self) -> float:
        return points(self.projected - self.assumed)


@dataclass(frozen=True)
class DueItem:
    criterion_id: str
    title: str
    what: str
    last_day: dt.date
    days_left: int  # negative when late
    overdue: bool
    max: float


@dataclass(frozen=True)
class UnitDue:
    """What one lead unit has overdue or due soon; ``unit`` is None for tasks with no lead."""

    unit: Unit | None
    overdue: list[DueItem]
    due: list[DueItem]


@dataclass(frozen=True)
class Claim:
    """Points claimed (recorded, self-assessed or appraised) with no evidence behind them."""

    id: str
    title: str
    points: float
    basis: str
    lead: list[str]


@dataclass(frozen=True)
class AssumptionNote:
    """A group of figures resting on one kind of assumption. ``kind`` names the source:
    ``outside`` (the part of the index outside the table), ``plan_assumption`` (the plan's
    general share for criteria with nothing known), ``baseline`` (expected to repeat the
    previous year), ``projection`` (a criterion's declared expectation), ``rule`` (scored by
    a rule that is our reading), ``unknown`` (nothing to go on: counted 0), ``target`` (the
    score the ranking aimed for takes)."""

    kind: str
    points: float | None
    ids: list[str]
    texts: list[str]


@dataclass(frozen=True)
class Report:
    plan: Plan
    path: Path
    today: dt.date
    days: int
    unit: Unit | None
    score: PlanScore  # of the criteria shown (one unit's with a unit)
    whole: PlanScore  # of the whole plan: the department's result and target
    previous: Result | None
    target: TargetGap | None
    domains: list[DomainBar]
    top: list[GapRow]
    deadlines: list[UnitDue]
    no_evidence: list[Claim]
    assumptions: list[AssumptionNote]
    responsibility: UnitLoad | None  # the unit's own row of `par units`
    # From the plan's git history (whole plan): the line through the year, what moved since
    # the last briefing; when there is no history, why not (a message key and parameters).
    trajectory: Trajectory | None = None
    since: SinceBriefing | None = None
    history_missing: tuple[str, dict[str, object]] | None = None

    @property
    def total(self) -> Total:
        return self.score.total

    @property
    def overdue_count(self) -> int:
        return sum(len(group.overdue) for group in self.deadlines)

    @property
    def due_count(self) -> int:
        return sum(len(group.due) for group in self.deadlines)


def build_report(
    plan: Plan, path: Path, *, today: dt.date, days: int = 14, unit: str | None = None, since: dt.date | None = None, history: bool = True
) -> Report:
    """The report for ``today``: scores as of that day, deadlines from it to ``days`` ahead.
    With ``unit``, the criteria that unit leads or supports (as `par score --unit`); the
    department's result and its target stay the whole plan's.

    With ``history`` and the plan in git: the expected total through the year, and what moved
    since the last briefing on ``since`` (default: a week before ``today``)."""
    gaps = gap_report(plan, today=today, as_of=today, unit=unit)
    score = gaps.score
    chosen = units_by_id(plan)[unit] if unit is not None else None
    responsibility = None
    if unit is not None:
        responsibility = next(load for load in unit_loads(plan, gaps.whole, today) if load.unit.id == unit)
    trajectory = since_last = missing = None
    if history:
        trajectory, since_last, missing = _history(plan, path, today, since if since is not None else today - dt.timedelta(days=7), gaps.whole)
    return Report(
        plan=plan,
        path=path,
        today=today,
        days=days,
        unit=chosen,
        score=score,
        whole=gaps.whole,
        previous=plan.previous,
        target=gaps.target,
        domains=[_bar(domain) for domain in score.domains],
        top=most_winnable(gaps.rows)[:TOP_CRITERIA],
        deadlines=_deadlines(plan, _state(gaps.whole).due(days, unit_criteria(plan, unit)), today, unit),
        no_evidence=[Claim(leaf.id, leaf.title, leaf.projected or 0.0, leaf.basis, leaf.lead) for leaf in score.leaves() if leaf.no_evidence],
        assumptions=_assumptions(plan, score),
        responsibility=responsibility,
        trajectory=trajectory,
        since=since_last,
        history_missing=missing,
    )


def _history(
    plan: Plan, path: Path, today: dt.date, since: dt.date, whole: PlanScore
) -> tuple[Trajectory | None, SinceBriefing | None, tuple[str, dict[str, object]] | None]:
    from par_cli.reading.git import GitError
    from par_cli.scoring.history import read_history, since_briefing, trajectory

    try:
        found = read_history(path)
    except GitError as error:
        return None, None, (error.key, {**error.params, "path": path})
    return trajectory(found, plan, today, whole), since_briefing(found, since, today, whole), None


def _bar(domain: NodeScore) -> DomainBar:
    assumed = sum(leaf.projected or 0.0 for leaf in domain.leaves() if leaf.assumed)
    return DomainBar(
        id=domain.id,
        title=domain.title,
        max=domain.max,
        baseline=domain.baseline,
        projected=domain.projected or 0.0,
        assumed=points(assumed),
        floor=domain.floor,
        ceiling=domain.ceiling,
    )


def _deadlines(plan: Plan, items: list[PlanOccurrence], today: dt.date, unit: str | None) -> list[UnitDue]:
    """Items grouped by lead unit, units in the plan's order (for one unit's report, its own
    work first), each group keeping the due list's order (overdue first, then by date). A
    task with two leads is listed under both."""
    known = units_by_id(plan)
    own = members(plan, unit) if unit is not None else set()
    order = [*sorted(known, key=lambda unit_id: unit_id not in own), None]
    groups: dict[str | None, list[PlanOccurrence]] = {}
    for item in items:
        for lead in item.criterion.lead or [None]:
            groups.setdefault(lead if lead in known else None, []).append(item)
    result = []
    for unit_id in order:
        if unit_id not in groups:
            continue
        lines = [_due_item(item, today) for item in groups[unit_id]]
        result.append(
            UnitDue(
                unit=known[unit_id] if unit_id is not None else None,
                overdue=[line for line in lines if line.overdue],
                due=[line for line in lines if not line.overdue],
            )
        )
    return result


def _due_item(item: PlanOccurrence, today: dt.date) -> DueItem:
    return DueItem(
        criterion_id=item.criterion.id,
        title=item.criterion.title,
        what=item.deadline.what,
        last_day=item.last_day,
        days_left=item.days_left(today),
        overdue=item.last_day < today and not item.done,
        max=item.criterion.max,
    )


def _assumptions(plan: Plan, score: PlanScore) -> list[AssumptionNote]:
    """The expected total's assumed points, by the kind of assumption they rest on; the notes'
    points add up to the total's ``assumed_points``."""
    notes: dict[str, tuple[list[str], float, list[str]]] = {}

    def add(kind: str, node_id: str, value: float, texts: list[str]) -> None:
        ids, total, known_texts = notes.get(kind, ([], 0.0, []))
        notes[kind] = ([*ids, node_id], total + value, known_texts + [text for text in texts if text not in known_texts])

    for leaf in score.leaves():
        if not leaf.assumed or leaf.criterion is None:
            continue
        criterion = leaf.criterion
        value = leaf.projected or 0.0
        if leaf.basis == "projection" and criterion.projection is not None:
            add("projection", leaf.id, value, [criterion.projection.assumption])
        elif leaf.basis == "baseline":
            add("baseline", leaf.id, value, [criterion.baseline.assumption] if criterion.baseline.assumption else [])
        elif leaf.basis == "plan_assumption":
            add("plan_assumption", leaf.id, value, [plan.assumptions.why] if plan.assumptions.why else [])
        elif leaf.basis == "unknown":
            add("unknown", leaf.id, value, [])
        else:
            add("rule", leaf.id, value, rule_assumptions(criterion))
    result = []
    if score.outside is not None and plan.outside_table is not None:
        result.append(AssumptionNote("outside", score.outside.projected, [score.outside.id], [plan.outside_table.projection.assumption]))
    for kind in ("plan_assumption", "baseline", "projection", "rule", "unknown"):
        if kind in notes:
            ids, total, texts = notes[kind]
            result.append(AssumptionNote(kind, points(total), ids, texts))
    if plan.target is not None and plan.target.assumption:
        result.append(AssumptionNote("target", plan.target.score, [], [plan.target.assumption]))
    return result


def _state(score: PlanScore) -> "PlanState":
    assert score.state is not None  # score_plan always sets it
    return score.state
