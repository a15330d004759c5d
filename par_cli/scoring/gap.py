"""Where the points went in 2023 and where they can still be won.

For each leaf criterion: what was lost in 2023 (maximum − 2023 points, where the plan states
them), what is expected now, and the gap still open to the maximum. The reconciliation says
how much of the 2023 loss (index maximum − the published result) the itemised results explain
(stated by the plan, or derived from the 2023 readings it states, scored by the rules);
the rest was lost outside the table or is not recorded anywhere. The target says how far the
expected total is from the score the department believes the ranking it aims for takes, and
which criteria, most points still winnable first, would close that distance. Winnable is the
ceiling less the expectation, not the maximum less it: a deadline already missed can no longer
be met on time, and recommending it would promise points that are gone.

Reconciliation and target are about the department's whole result, so they always use the
whole plan, even when the criteria listed are one unit's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from par_cli.plan.points import EPSILON
from par_cli.plan.model import Plan
from par_cli.plan.points import points
from par_cli.scoring.scorer import NodeScore, PlanScore, score_plan


@dataclass(frozen=True, slots=True)
class GapRow:
    id: str
    title: str
    max: float
    baseline: float | None
    lost_baseline: float | None
    projected: float | None
    change: float | None
    gap: float  # maximum − expected: what is still missing
    winnable: float  # ceiling − expected: what can still be won (a missed deadline cannot be met on time)
    note: str | None
    assumed: bool
    lead: list[str]
    baseline_source: str | None = None  # "stated" by the plan, or "derived" from its 2023 reading
    baseline_assumed: bool = False
    provisional: bool = False


@dataclass(frozen=True)
class Reconciliation:
    lost: float | None  # index maximum − the previous year's published points
    explained: float  # what the itemised 2023 results account for
    unexplained: float | None  # outside the table or not recorded


@dataclass(frozen=True)
class TargetGap:
    score: float
    rank: int
    of: int
    distance: float  # target − expected total; zero or less: the expectation reaches it
    to_close: list[str]  # criteria, most winnable first, that together cover the distance
    covered: float  # the points those criteria can still win together
    closable: bool  # False when every gap of the table together is still too little
    assumption: str | None


@dataclass(frozen=True)
class GapReport:
    rows: list[GapRow]
    score: PlanScore  # of the criteria listed (one unit's with --unit)
    whole: PlanScore  # of the whole plan
    reconciliation: Reconciliation
    target: TargetGap | None

    @property
    def gap_total(self) -> float:
        return points(sum(row.gap for row in self.rows))

    @property
    def outside_gap(self) -> float | None:
        outside = self.whole.outside
        if outside is None:
            return None
        return points(outside.max - (outside.projected or 0.0))


def _id_key(criterion_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in criterion_id.split("."))


def gap_rows(score: PlanScore) -> list[GapRow]:
    """Every leaf criterion, the most points still to win first, then in document order."""
    rows = [_row(leaf) for leaf in score.leaves()]
    return sorted(rows, key=lambda row: (-row.gap, _id_key(row.id)))


def _row(leaf: NodeScore) -> GapRow:
    baseline = leaf.baseline
    projected = leaf.projected
    note = leaf.criterion.note if leaf.criterion is not None else None
    return GapRow(
        id=leaf.id,
        title=leaf.title,
        max=leaf.max,
        baseline=baseline,
        lost_baseline=points(leaf.max - baseline) if baseline is not None else None,
        projected=projected,
        change=points(projected - baseline) if projected is not None and baseline is not None else None,
        gap=points(leaf.max - (projected or 0.0)),
        winnable=points(leaf.ceiling - (projected or 0.0)),
        note=note,
        assumed=leaf.assumed,
        lead=leaf.lead,
        baseline_source=leaf.baseline_source,
        baseline_assumed=leaf.baseline_assumed,
        provisional=leaf.provisional,
    )


def reconcile(plan: Plan, rows: list[GapRow]) -> Reconciliation:
    explained = points(sum(row.lost_baseline for row in rows if row.lost_baseline is not None))
    if plan.previous is None:
        return Reconciliation(None, explained, None)
    lost = points(plan.index_max - plan.previous.points)
    return Reconciliation(lost, explained, points(lost - explained))


def most_winnable(rows: list[GapRow]) -> list[GapRow]:
    """The criteria that can still give points back, most first (ties in document order):
    the order in which to work on them, for the target and for the briefing report."""
    return sorted((row for row in rows if row.winnable > 0), key=lambda row: (-row.winnable, _id_key(row.id)))


def target_gap(plan: Plan, whole: PlanScore, rows: list[GapRow]) -> TargetGap | None:
    target = plan.target
    if target is None or target.score is None:
        return None
    distance = points(target.score - whole.total.projected)
    to_close: list[str] = []
    covered = 0.0
    for row in most_winnable(rows):
        if covered >= distance - EPSILON:
            break
        to_close.append(row.id)
        covered += row.winnable
    return TargetGap(
        score=target.score,
        rank=target.rank,
        of=target.of,
        distance=distance,
        to_close=to_close,
        covered=points(covered),
        closable=covered >= distance - EPSILON,
        assumption=target.assumption,
    )


def gap_report(plan: Plan, *, today: dt.date, as_of: dt.date | None = None, unit: str | None = None) -> GapReport:
    whole = score_plan(plan, today=today, as_of=as_of)
    whole_rows = gap_rows(whole)
    score = whole if unit is None else score_plan(plan, today=today, as_of=as_of, unit=unit, state=whole.state)
    rows = whole_rows if unit is None else gap_rows(score)
    return GapReport(rows, score, whole, reconcile(plan, whole_rows), target_gap(plan, whole, whole_rows))
