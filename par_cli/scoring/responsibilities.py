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
from typing import Any

from par_cli.plan.tree import Node, walk
from par_cli.plan.model import Criterion, Plan, Unit
from par_cli.plan.points import points
from par_cli.scoring.scorer import PlanScore
from par_cli.plan.units import Role, unit_index
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
    """Every unit of the plan, in the plan's order, with its tasks scored by ``score``.

    Each question is asked of the plan once, not once a unit: which criteria each unit is
    named on (`_named`), what lies under each criterion, which occurrences are open for each
    criterion. Asked for each unit, they read every criterion and every unit again (`par
    units` on 10,000 units took 161 s)."""
    by_id = {node.id: node for node in score.nodes()}
    state = score.state if score.state is not None and score.state.day == today else plan_state(plan, today)
    index = unit_index(plan)
    nodes = list(walk(plan))
    under: dict[str, list[str]] = {}
    for node in nodes:
        under.setdefault(node.parent_id, []).append(node.criterion.id)
    open_items: dict[str, list[Any]] = {}
    for item in state.occurrences:
        if not item.done:
            open_items.setdefault(item.criterion.id, []).append(item)
    leads, supports = _named(plan, nodes, "lead"), _named(plan, nodes, "support")
    places = CriterionPlaces(plan)
    loads = []
    for unit in plan.units:
        led, supported = leads.get(unit.id, []), supports.get(unit.id, [])
        covered = _covered(under, led)
        mine = [item for criterion_id in covered for item in open_items.get(criterion_id, ())]
        ahead = [item for item in mine if item.state != "overdue"]
        loads.append(
            UnitLoad(
                unit=unit,
                members=sorted(index.members(unit.id) - {unit.id}, key=index.position.__getitem__),
                leads=led,
                supports=supported,
                leads_compact=compact_ids(places, covered),
                supports_compact=compact_ids(places, _covered(under, supported)),
                lead_max=points(sum(by_id[criterion_id].max for criterion_id in led if criterion_id in by_id)),
                lead_projected=points(sum(by_id[criterion_id].projected or 0.0 for criterion_id in led if criterion_id in by_id)),
                open=len(ahead),
                overdue=len(mine) - len(ahead),
                next_due=min((item.last_day for item in ahead), default=None),
            )
        )
    return loads


def _named(plan: Plan, nodes: list[Node], role: Role) -> dict[str, list[str]]:
    """For each unit, the criteria naming it (or a unit it contains) in ``role``, top-most
    only, in document order: a criterion under one already listed for the unit is not
    listed again."""
    index = unit_index(plan)
    found: dict[str, list[str]] = {}
    # For each criterion, the units it is listed or covered for: its own and its parents'.
    covered: dict[str, frozenset[str]] = {}
    nobody: frozenset[str] = frozenset()
    for node in nodes:
        criterion_id = node.criterion.id
        above = covered.get(node.parent_id, nobody)
        naming = frozenset().union(*(index.within(named) for named in getattr(node.criterion, role)))
        for unit_id in naming - above:
            found.setdefault(unit_id, []).append(criterion_id)
        covered[criterion_id] = above | naming
    return found


def _covered(under: dict[str, list[str]], criterion_ids: list[str]) -> set[str]:
    """The criteria listed and everything under them (``under``: the ids of the criteria
    directly under each id)."""
    covered = set(criterion_ids)
    stack = list(criterion_ids)
    while stack:
        for below in under.get(stack.pop(), ()):
            if below not in covered:
                covered.add(below)
                stack.append(below)
    return covered


class CriterionPlaces:
    """Where each criterion of a plan stands: the list of siblings it is in (its parent's id,
    or its domain's place for a top-level criterion) and its place in that list. Made once for
    `compact_ids`, which then reads only what a unit answers for and what lies above it, not
    every criterion for every unit."""

    def __init__(self, plan: Plan) -> None:
        self.domains = len(plan.domains)
        self.criteria: dict[str, Criterion] = {}
        self.siblings: dict[str, str | int] = {}
        self.place: dict[str, int] = {}

        def visit(criteria: list[Criterion], siblings: str | int) -> None:
            for number, criterion in enumerate(criteria):
                self.criteria[criterion.id] = criterion
                self.siblings[criterion.id] = siblings
                self.place[criterion.id] = number
                visit(criterion.children, criterion.id)

        for number, domain in enumerate(plan.domains):
            visit(domain.criteria, number)


def compact_ids(places: CriterionPlaces, covered: set[str]) -> str:
    """Criterion ids as a person scans them: consecutive siblings as a run ("5.1–5.4"), and a
    criterion whose sub-criteria are all covered by its own id."""
    # The criteria covered and those above them, by the list they are in: no other criterion
    # can be whole or hold one that is.
    relevant: dict[str | int, list[str]] = {}
    seen: set[str] = set()
    for criterion_id in covered:
        while criterion_id in places.criteria and criterion_id not in seen:
            seen.add(criterion_id)
            siblings = places.siblings[criterion_id]
            relevant.setdefault(siblings, []).append(criterion_id)
            if isinstance(siblings, int):
                break
            criterion_id = siblings
    known: dict[str, bool] = {}

    def whole(criterion_id: str) -> bool:
        found = known.get(criterion_id)
        if found is None:
            children = places.criteria[criterion_id].children
            found = known[criterion_id] = criterion_id in covered or (
                bool(children) and len(relevant.get(criterion_id, ())) == len(children) and all(whole(child.id) for child in children)
            )
        return found

    parts: list[str] = []

    def spelled(run: list[str]) -> str:
        return run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}"

    def visit(siblings: str | int) -> None:
        # A run ends at a sibling that is not whole, or at a gap: the siblings between are not.
        run: list[str] = []
        last = -2
        for criterion_id in sorted(relevant.get(siblings, ()), key=places.place.__getitem__):
            position, joins = places.place[criterion_id], whole(criterion_id)
            if run and not (joins and position == last + 1):
                parts.append(spelled(run))
                run = []
            if joins:
                run.append(criterion_id)
                last = position
            else:
                visit(criterion_id)
        if run:
            parts.append(spelled(run))

    if relevant:
        for domain in range(places.domains):
            visit(domain)
    return ", ".join(parts)
