"""Who answers for what: the plan's table divided by unit ("rõ người, rõ việc, rõ trách nhiệm").

Each task is counted once, under the unit or the collective phrase the plan writes for it:
a criterion led by "Các phòng, đơn vị" belongs to every unit together and appears on that
row, not added to each unit's points, so that a head of unit reads the points that rest on
his unit by name and the rows together account for the table. A unit that contains others
(the inspectorate holds the legal officer) answers for their tasks too, as `par score --unit`
already counts them.

Open and overdue deadlines are those of the criteria the unit leads: the lead unit is the one
the director asks about a missed date. They are read from the plan as of the day
(`par_cli.state`), as `par due`, `par score` and `par report` read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from par_cli.plan.tree import walk
from par_cli.plan.model import Criterion, Plan, Unit
from par_cli.plan.points import points
from par_cli.scoring.scorer import PlanScore
from par_cli.plan.units import Role, members, roles
from par_cli.state.as_of import plan_state


@dataclass(frozen=True)
class UnitLoad:
    """One row of the table: a unit (or a collective phrase) and the tasks named with it."""

    unit: Unit
    members: list[str]  # ids of the units it contains
    leads: list[str]  # criteria it leads, top-most only (a sub-criterion of a listed one is covered)
    supports: list[str]
    leads_compact: str  # the same ids as runs: "1.1–1.4, 3.2"
    supports_compact: str
    lead_max: float  # the points it answers for as lead
    lead_projected: float  # what those are expected to score
    open: int  # deadline occurrences of its criteria not done and not yet past their last day
    overdue: int  # not done and past their last day
    next_due: dt.date | None  # the nearest last day among the open ones

    @property
    def collective(self) -> bool:
        return self.unit.kind != "unit"


@dataclass(frozen=True)
class UnitsTable:
    loads: list[UnitLoad]
    counted: float  # lead points of every row, units within another counted once
    table: float  # the maxima of the plan's table, which ``counted`` should reach


def units_table(plan: Plan, score: PlanScore, today: dt.date) -> UnitsTable:
    """Every row, and the check a reader wants: do the rows account for the whole table?"""
    loads = unit_loads(plan, score, today)
    counted = points(sum(load.lead_max for load in loads if load.unit.part_of is None))
    return UnitsTable(loads, counted, points(sum(domain.max for domain in score.domains)))


def unit_loads(plan: Plan, score: PlanScore, today: dt.date) -> list[UnitLoad]:
    """Every unit of the plan, in the plan's order, with its tasks scored by ``score``."""
    by_id = {node.id: node for node in score.nodes()}
    state = score.state if score.state is not None and score.state.day == today else plan_state(plan, today)
    occurrences = state.occurrences
    loads = []
    for unit in plan.units:
        contained = members(plan, unit.id)
        led = _named(plan, unit.id, "lead")
        supported = _named(plan, unit.id, "support")
        covered = _covered(plan, led)
        mine = [item for item in occurrences if item.criterion.id in covered and not item.done]
        ahead = [item for item in mine if item.state != "overdue"]
        loads.append(
            UnitLoad(
                unit=unit,
                members=[other.id for other in plan.units if other.id != unit.id and other.id in contained],
                leads=led,
                supports=supported,
                leads_compact=compact_ids(plan, _covered(plan, led)),
                supports_compact=compact_ids(plan, _covered(plan, supported)),
                lead_max=points(sum(by_id[criterion_id].max for criterion_id in led if criterion_id in by_id)),
                lead_projected=points(sum(by_id[criterion_id].projected or 0.0 for criterion_id in led if criterion_id in by_id)),
                open=len(ahead),
                overdue=len(mine) - len(ahead),
                next_due=min((item.last_day for item in ahead), default=None),
            )
        )
    return loads


def _named(plan: Plan, unit_id: str, role: Role) -> list[str]:
    """Criteria naming the unit (or a unit it contains) in ``role``, top-most only."""
    found: list[str] = []
    covered: set[str] = set()
    for node in walk(plan):
        criterion_id = node.criterion.id
        if node.parent_id in covered:
            covered.add(criterion_id)
        elif role in roles(plan, node.criterion, unit_id, collective=False):
            found.append(criterion_id)
            covered.add(criterion_id)
    return found


def _covered(plan: Plan, criterion_ids: list[str]) -> set[str]:
    """The criteria listed and everything under them."""
    covered = set(criterion_ids)
    for node in walk(plan):
        if node.parent_id in covered:
            covered.add(node.criterion.id)
    return covered


def compact_ids(plan: Plan, covered: set[str]) -> str:
    """Criterion ids as a person scans them: consecutive siblings as a run ("5.1–5.4"), and a
    criterion whose sub-criteria are all covered by its own id."""

    def whole(criterion: Criterion) -> bool:
        return criterion.id in covered or (bool(criterion.children) and all(whole(child) for child in criterion.children))

    parts: list[str] = []

    def visit(criteria: list[Criterion]) -> None:
        run: list[str] = []
        for criterion in [*criteria, None]:
            if criterion is not None and whole(criterion):
                run.append(criterion.id)
                continue
            if run:
                parts.append(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}")
                run = []
            if criterion is not None:
                visit(criterion.children)

    for domain in plan.domains:
        visit(domain.criteria)
    return ", ".join(parts)
