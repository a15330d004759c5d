"""The scorer: every criterion's points as recorded, expected (projected), at worst and at best,
as of a day.

What was recorded by the day comes from `par_cli.state.plan_state` (the plan as of a day);
nothing here filters records by date. A leaf's expected points come from the first source
that exists, in this order: the appraisers' score (the latest appraisal stage that counts by
the day), the rule applied to the readings and completions recorded by the day, the
department's own claim (self-assessment or explanation), the criterion's declared
projection, its 2023 points (stated by the plan, or derived: the 2023 reading the baseline
states scored by the criterion's rule), the plan's declared share of the maximum for
criteria with nothing known, and otherwise unknown (counted 0 and flagged).

Every leaf says which account its points belong to: ``recorded`` (from what the year has
recorded: readings, completions, score stages), ``derived`` (from the plan's own 2023
figures) or ``assumed`` (declared projections, the plan's share, an unknown, or a 2023 figure
that is itself our reading: a baseline with an assumption, or a reading scored by a rule that
is an assumption). Only the last is "resting on assumptions".

A reading is provisional until the period it measures closes: the projection applies the rule
to it, but the floor and the ceiling keep what the rule can still reach, as if it were not
recorded. A rule the recorded progress already settles (floor = ceiling: a deadline missed
where late scores nothing) is recorded, not projected.

The floor scores unknown inputs 0 and open tasks as failed; the ceiling lets them reach the
maximum, except that a deadline already past can at best be met late. An expectation outside
that range is brought back into it.

Parents, domains and the total are sums of their children. The part of the index outside the
plan's table is one more node, projected from its own declared assumption.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from par_cli.plan.points import points
from par_cli.plan.model import Criterion, DeadlineRule, ManualRule, Plan
from par_cli.plan.points import EPSILON
from par_cli.plan.units import named, shared_by_all
from par_cli.scoring.rules import (
    OccurrenceStatus,
    Outcome,
    Reading,
    evaluate,
    measures_used,
    rule_assumptions,
)
from par_cli.state.as_of import CriterionState, PlanState, criterion_state, plan_state

if TYPE_CHECKING:
    from par_cli.scoring.adjust import Adjusted

Level = Literal["domain", "criterion", "sub", "outside"]
Basis = Literal["appraised", "recorded", "self_assessed", "projection", "baseline", "plan_assumption", "unknown", "children"]
Status = Literal["appraised", "recorded", "provisional", "self_assessed", "overdue", "in_progress", "estimated", "assumed", "unknown", "mixed"]
Account = Literal["recorded", "derived", "assumed"]
BaselineSource = Literal["stated", "derived"]

# Bases a person has vouched for: a score resting on one of them must have evidence behind it.
CLAIMED: tuple[Basis, ...] = ("appraised", "recorded", "self_assessed")




@dataclass(slots=True)
class LeafDetail:
    """What a leaf's points were computed from, kept for ``--explain``."""

    readings: dict[str, Reading]
    statuses: Sequence[OccurrenceStatus]  # the state's own occurrences, not a copy
    known: Outcome
    low: Outcome  # missing readings taken as failing; ``known`` once the readings decide
    high: Outcome  # ... as passing
    unclamped: float | None  # the expectation before it was brought into [floor, ceiling]
    evidence: int
    state: CriterionState | None = None  # everything recorded by the day


@dataclass(slots=True)
class NodeScore:
    """One node of the scored tree. ``projected`` is None for a leaf whose expectation is
    unknown (it counts 0 in every sum); ``baseline`` is None where the previous year's points
    are not known for the whole node, ``baseline_known_sum`` the part that is."""

    id: str
    level: Level
    title: str
    max: float
    baseline: float | None
    baseline_known_sum: float
    projected: float | None
    floor: float
    ceiling: float
    assumed: bool
    basis: Basis
    status: Status
    lead: list[str] = field(default_factory=list)
    self_assessed: float | None = None
    appraised: float | None = None
    computed: float | None = None
    no_evidence: bool = False
    children: Sequence[NodeScore] = ()  # a leaf's: one empty tuple for all of them
    criterion: Criterion | None = None
    detail: LeafDetail | None = None
    account: Account = "assumed"  # recorded / derived / assumed: see the module's docstring
    provisional: bool = False  # rests on a reading whose period has not closed
    baseline_source: BaselineSource | None = None  # where ``baseline`` comes from
    baseline_assumed: bool = False  # the 2023 figure is our reading (derived under an assumed rule)
    rule_assumed: bool = False  # the rule (or a deadline it reads) is our reading, not the plan's words
    stage: str | None = None  # the score stage that counts, when one does
    stage_date: dt.date | None = None

    def walk(self) -> Iterator[NodeScore]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[NodeScore]:
        return (node for node in self.walk() if not node.children and node.level != "domain")


@dataclass(frozen=True)
class Total:
    max: float
    projected: float
    floor: float
    ceiling: float
    baseline: float | None
    change: float | None
    percent: float | None
    assumed_points: float  # how much of the expected total rests on assumptions
    outside_points: float  # how much of it is the component outside the table
    recorded_points: float = 0.0  # how much comes from what the year has recorded
    derived_points: float = 0.0  # how much from the plan's own 2023 figures


@dataclass
class PlanScore:
    domains: list[NodeScore]
    outside: NodeScore | None
    total: Total
    as_of: dt.date | None
    reference: dt.date  # the day against which open deadlines are overdue
    unit: str | None = None
    shared: list[NodeScore] = field(default_factory=list)  # with a unit: given to every unit, not counted
    state: PlanState | None = None  # the plan as of the reference day
    # Bonus, penalty and criteria not applicable, applied after the tree sum (adjust.py);
    # None for one unit's share, which has no index of its own.
    adjusted: "Adjusted | None" = None

    def nodes(self) -> Iterator[NodeScore]:
        """Every node in document order: domains, their criteria and sub-criteria, then the
        component outside the table."""
        for domain in self.domains:
            yield from domain.walk()
        if self.outside is not None:
            yield self.outside

    def leaves(self) -> Iterator[NodeScore]:
        for domain in self.domains:
            yield from domain.leaves()

    def find(self, node_id: str) -> NodeScore | None:
        from par_cli.plan.text import nfc

        wanted = nfc(node_id.strip())
        return next((node for node in self.nodes() if node.id == wanted), None)


LeafScorer = Callable[[Plan, Criterion, dt.date, int], NodeScore]
"""How a leaf is scored as of a day at a depth: `score_leaf`, or one that gives its answer."""


def score_plan(
    plan: Plan,
    *,
    today: dt.date,
    as_of: dt.date | None = None,
    unit: str | None = None,
    state: PlanState | None = None,
    leaf: LeafScorer | None = None,
) -> PlanScore:
    """Score ``plan`` as of ``as_of`` (``today`` when None): the progress recorded up to that
    day, open deadlines before it overdue. ``unit`` keeps the criteria that unit leads or is
    named to support (with the units that are part of it) and the totals become theirs; the
    criteria given to every unit together are in ``shared``, not in the totals. ``state`` is
    the plan as of that day when the caller already has it (`par_cli.state.plan_state`).

    ``leaf`` stands in for `score_leaf` (`par history` gives one that remembers a leaf's
    score over the days its records leave it unchanged); the result then holds no state."""
    reference = as_of if as_of is not None else today
    if leaf is None:
        if state is None or state.day != reference:
            state = plan_state(plan, reference)
        states = state

        def leaf(plan: Plan, criterion: Criterion, day: dt.date, depth: int) -> NodeScore:
            return _score_leaf(plan, states.of(criterion), depth)
    else:
        state = None
    shared: list[NodeScore] = []
    domains: list[NodeScore] = []
    for domain in plan.domains:
        criteria = [node for criterion in domain.criteria if (node := _score(plan, leaf, reference, criterion, 2, unit, shared)) is not None]
        if criteria:
            domains.append(_sum_node(domain.id, "domain", domain.title, criteria, own_baseline=None))
    outside = _outside(plan) if unit is None else None
    parts = [*domains, *([outside] if outside else [])]
    if unit is None:
        top = plan.index_max
        baseline = plan.previous.points if plan.previous is not None else None
    else:
        top = points(sum(node.max for node in parts))
        baseline = _sum_known([node.baseline for node in parts])
    projected = points(sum(node.projected or 0.0 for node in parts))
    leaves = [leaf for node in domains for leaf in node.leaves()]

    def account(kind: Account) -> float:
        return sum(leaf.projected or 0.0 for leaf in leaves if leaf.account == kind)

    outside_points = (outside.projected or 0.0) if outside is not None else 0.0
    total = Total(
        max=top,
        projected=projected,
        floor=points(sum(node.floor for node in parts)),
        ceiling=points(sum(node.ceiling for node in parts)),
        baseline=baseline,
        change=points(projected - baseline) if baseline is not None else None,
        percent=points(projected / top * 100) if top else None,
        assumed_points=points(account("assumed") + outside_points),
        outside_points=points(outside_points),
        recorded_points=points(account("recorded")),
        derived_points=points(account("derived")),
    )
    result = PlanScore(domains, outside, total, as_of, reference, unit, shared, state)
    if unit is None:
        from par_cli.scoring.adjust import adjust

        result.adjusted = adjust(plan, result)
    return result


def _level(depth: int) -> Level:
    return "criterion" if depth == 2 else "sub"


def _score(
    plan: Plan, leaf: LeafScorer, day: dt.date, criterion: Criterion, depth: int, unit: str | None, shared: list[NodeScore]
) -> NodeScore | None:
    if not criterion.children:
        if unit is not None and not named(plan, criterion, unit):
            if shared_by_all(plan, criterion):
                shared.append(leaf(plan, criterion, day, depth))
            return None
        return leaf(plan, criterion, day, depth)
    keep_all = unit is not None and named(plan, criterion, unit)
    children = [
        node
        for child in criterion.children
        if (node := _score(plan, leaf, day, child, depth + 1, None if keep_all else unit, shared)) is not None
    ]
    if not children:
        return None
    node = _sum_node(criterion.id, _level(depth), criterion.title, children, own_baseline=criterion.baseline.known)
    node.lead = criterion.lead
    node.criterion = criterion
    return node


def derived_baseline(criterion: Criterion) -> float | None:
    """The previous year's points derived from the previous year's readings the baseline
    states (``observed``: an exact value or an "about" one), scored by the criterion's own
    rule; None where the plan states the points, states no reading, or the rule cannot decide
    on the readings stated (a bound such as "below 0,3" is not a reading)."""
    rule = criterion.rule
    baseline = criterion.baseline
    if baseline.known is not None or rule is None or isinstance(rule, (ManualRule, DeadlineRule)):
        return None
    readings: dict[str, Reading] = {}
    for observation in baseline.observed:
        value = observation.value if observation.value is not None else observation.about
        if value is not None:
            readings[observation.measure] = Reading(observation.measure, value, dt.date.min, None)
    if not readings:
        return None
    outcome = evaluate(rule, criterion, readings, [], "known")
    return None if outcome.points is None else points(outcome.points)


def score_leaf(plan: Plan, criterion: Criterion, day: dt.date, depth: int) -> NodeScore:
    """One leaf as of ``day`` at ``depth`` (2: a criterion, 3 or more: a sub-criterion), from
    its `par_cli.state.criterion_state`: what `score_plan` gives it."""
    return _score_leaf(plan, criterion_state(plan, criterion, day), depth)


def _score_leaf(plan: Plan, state: CriterionState, depth: int) -> NodeScore:
    criterion = state.criterion
    rule = criterion.rule
    readings = state.readings
    statuses = state.occurrences if isinstance(rule, DeadlineRule) else ()
    claim = state.self_assessed
    claimed = claim.points if claim is not None else None
    known = evaluate(rule, criterion, readings, statuses, "known", claimed)
    provisional = any(readings[name].provisional for name in measures_used(rule) if name in readings)
    # A provisional reading can still move: the bounds are what the rule reaches without it.
    bounded = {name: reading for name, reading in readings.items() if not reading.provisional} if provisional else readings
    if known.points is not None and not provisional:
        low = high = known  # what is recorded decides the rule: no bound to look for
    else:
        low = evaluate(rule, criterion, bounded, statuses, "fail", claimed)
        high = evaluate(rule, criterion, bounded, statuses, "pass", claimed)
        scored_by_hand = rule is None or isinstance(rule, ManualRule)
        if known.points is None and not provisional and not scored_by_hand and abs((low.points or 0.0) - (high.points or 0.0)) < EPSILON:
            known = low  # settled: whatever is still to come, the rule gives this (a deadline missed, late worth 0)
            low = high = known
    stated = criterion.baseline.known
    derived = derived_baseline(criterion) if stated is None else None
    baseline = stated if stated is not None else derived
    baseline_source: BaselineSource | None = "stated" if stated is not None else "derived" if derived is not None else None
    baseline_assumed = bool(criterion.baseline.assumption) or (derived is not None and bool(rule_assumptions(criterion)))
    unclamped: float | None = None
    basis: Basis
    stage = state.stage
    appraised = state.appraised
    if stage is not None and stage.appraised:
        basis, projected = "appraised", stage.points
        floor = ceiling = projected
        provisional = False
    elif known.points is not None:
        scored_by_hand = rule is None or isinstance(rule, ManualRule)
        basis, projected = ("self_assessed" if scored_by_hand else "recorded"), known.points
        if provisional:
            floor, ceiling = float(low.points or 0.0), float(high.points or 0.0)
        else:
            floor = ceiling = projected
    else:
        provisional = False
        # Missing readings taken as failing or passing always decide a rule.
        floor, ceiling = float(low.points or 0.0), float(high.points or 0.0)
        if claimed is not None:
            basis, projected = "self_assessed", claimed
        elif criterion.projection is not None:
            basis, projected = "projection", criterion.projection.points
        elif baseline is not None:
            basis, projected = "baseline", baseline
        elif plan.assumptions.unknown_share is not None:
            basis, projected = "plan_assumption", plan.assumptions.unknown_share * criterion.max
        else:
            basis, projected = "unknown", None
    if projected is not None and not floor - EPSILON <= projected <= ceiling + EPSILON:
        unclamped, projected = projected, min(max(projected, floor), ceiling)
    projected = points(projected) if projected is not None else None
    account: Account
    if basis in CLAIMED:
        account = "recorded"
    elif basis == "baseline" and baseline_source == "derived" and not baseline_assumed:
        account = "derived"
    else:
        account = "assumed"
    evidence = state.evidence_count
    status = _status(basis, readings, statuses)
    if status == "recorded" and provisional:
        status = "provisional"
    return NodeScore(
        id=criterion.id,
        level=_level(depth),
        title=criterion.title,
        max=criterion.max,
        baseline=baseline,
        baseline_known_sum=baseline or 0.0,
        projected=projected,
        floor=points(floor),
        ceiling=points(ceiling),
        assumed=account == "assumed",
        basis=basis,
        status=status,
        lead=criterion.lead,  # read only: the model's own list, not a copy of it
        self_assessed=claimed,
        appraised=appraised.points if appraised is not None else None,
        computed=known.points,
        no_evidence=basis in CLAIMED and (projected or 0.0) > 0 and evidence == 0,
        criterion=criterion,
        detail=LeafDetail(readings, statuses, known, low, high, unclamped, evidence, state),
        account=account,
        provisional=provisional,
        baseline_source=baseline_source,
        baseline_assumed=baseline_source is not None and baseline_assumed,
        rule_assumed=bool(rule_assumptions(criterion)),
        stage=stage.stage if stage is not None else None,
        stage_date=stage.date if stage is not None else None,
    )


def _status(basis: Basis, readings: dict[str, Reading], statuses: Sequence[OccurrenceStatus]) -> Status:
    if basis in ("appraised", "recorded", "self_assessed"):
        return basis  # type: ignore[return-value]
    if any(status.state == "overdue" for status in statuses):
        return "overdue"
    if readings or any(status.completion is not None for status in statuses):
        return "in_progress"
    return {"baseline": "estimated", "unknown": "unknown"}.get(basis, "assumed")  # type: ignore[return-value]


def _sum_known(values: list[float | None]) -> float | None:
    return None if any(value is None for value in values) else points(sum(value for value in values if value is not None))


def _sum_node(node_id: str, level: Level, title: str, children: list[NodeScore], own_baseline: float | None) -> NodeScore:
    statuses = {child.status for child in children}
    baseline = _sum_known([child.baseline for child in children])
    return NodeScore(
        id=node_id,
        level=level,
        title=title,
        max=points(sum(child.max for child in children)),
        baseline=baseline if baseline is not None else own_baseline,
        baseline_known_sum=points(sum(child.baseline_known_sum for child in children)),
        projected=points(sum(child.projected or 0.0 for child in children)),
        floor=points(sum(child.floor for child in children)),
        ceiling=points(sum(child.ceiling for child in children)),
        assumed=any(child.assumed for child in children),
        basis="children",
        status=statuses.pop() if len(statuses) == 1 else "mixed",
        self_assessed=_sum_known([child.self_assessed for child in children]),
        appraised=_sum_known([child.appraised for child in children]),
        no_evidence=any(child.no_evidence for child in children),
        children=children,
    )


def _outside(plan: Plan) -> NodeScore | None:
    outside = plan.outside_table
    if outside is None:
        return None
    return NodeScore(
        id=outside.id,
        level="outside",
        title=outside.title,
        max=outside.max,
        baseline=outside.baseline.known,
        baseline_known_sum=outside.baseline.known or 0.0,
        projected=outside.projection.points,
        floor=0.0,
        ceiling=outside.max,
        assumed=True,
        basis="projection",
        status="assumed",
    )
