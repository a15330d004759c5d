"""`par score --explain ID`: everything behind one node's points, as a value.

An `Explanation` is the rule, the inputs it read (each with its `Source`: the plan, an
assumption, a record and its date, a derived baseline, a score stage), the steps of the
arithmetic (the expectation, and while the rule is undecided its floor and its ceiling), the
`Result`, and the assumptions relied on. Nothing here is worded: numbers stay numbers, dates
stay dates, the plan's own text stays as written, and every other word is chosen by the
renderer (`par_cli.render.explain`) in the reader's language. `--format json` is this value
through the one serializer, so it is the same in every language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from par_cli.plan.model import (
    AllOfRule,
    DeadlineRule,
    DeductionRule,
    ManualRule,
    PerItemRule,
    Plan,
    ProportionalRule,
    QualityRule,
    Rule,
    TiersRule,
)
from par_cli.scoring.evidence import explanation_as_of
from par_cli.scoring.rules import Outcome, measures_used, rule_assumptions, scale_of
from par_cli.scoring.scorer import Account, Basis, Level, NodeScore, Status

SourceKind = Literal["plan", "assumption", "record", "missing", "derived", "stage", "score"]
"""Where an input comes from: stated in the plan; an assumption (ours or the plan's); recorded
progress (with its date); not recorded yet; derived from the previous year's readings the plan
states; a score stage recorded (with its date, when it has one); another node's score (a part
of a sum)."""

InputKind = Literal["measure", "occurrence", "stage", "baseline", "projection", "plan_share", "child"]
RuleKind = Literal["tiers", "all_of", "per_item", "quality", "deductions", "proportional", "deadline", "manual", "sum", "projection"]
StepOf = Literal["expected", "floor", "ceiling"]
AssumptionKind = Literal["rule", "projection", "baseline", "derived_baseline", "plan_share", "criterion"]


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    date: dt.date | None = None
    evidence: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Input:
    """One input. ``name`` is the measure, the deadline, the stage or the part's id; ``value``
    the reading (None: not recorded), the completion date, the points or the share. The other
    fields belong to one kind each and are None for the rest."""

    kind: InputKind
    name: str | None
    value: object
    source: Source
    label: str | None = None  # the measure's label; what the deadline asks for
    provisional: bool | None = None  # measure: the reading can still move
    closes: dt.date | None = None  # measure: when its period closes
    stated: dt.date | None = None  # occurrence: the date the plan states
    last_day: dt.date | None = None  # occurrence
    state: str | None = None  # occurrence: on_time / late / open / overdue
    counts: bool | None = None  # stage: the one that counts
    basis: Basis | None = None  # child: what its points rest on
    assumed: bool | None = None  # baseline: the 2023 figure is our reading


@dataclass(frozen=True)
class Comparison:
    """One comparison of a threshold rule: ``value`` None when nothing is recorded."""

    measure: str
    comparison: str  # at_least / above / at_most / below / equals
    bound: object
    value: object
    holds: bool | None


@dataclass(frozen=True)
class Term:
    """One part of a sum: the part's id and its points."""

    id: str
    points: float | None


@dataclass(frozen=True)
class Step:
    """One evaluation of the rule: the expectation (``known`` readings), or with missing
    readings taken as failing (the floor) or passing (the ceiling). ``points`` None: the
    readings do not decide the rule yet. Which fields are set depends on the rule's kind."""

    of: StepOf
    points: float | None
    comparisons: tuple[Comparison, ...] = ()  # tiers, all_of
    measure: str | None = None  # single-measure rules
    value: object = None  # the reading it read (None: not recorded)
    share: float | None = None  # quality, deductions, proportional, deadline
    scale: float | None = None  # proportional: the value that is 100 %
    each: float | None = None  # per_item
    occurrences: dict[str, int] | None = None  # deadline: total, on_time, late, open, overdue
    terms: tuple[Term, ...] = ()  # sum


@dataclass(frozen=True)
class Result:
    projected: float | None
    floor: float
    ceiling: float
    baseline: float | None
    basis: Basis
    status: Status
    account: Account | None  # None for a sum or the part outside the table
    assumed: bool
    provisional: bool
    no_evidence: bool
    unclamped: float | None = None  # the expectation before it was brought into [floor, ceiling]
    computed: float | None = None  # what the rule gives on the readings
    self_assessed: float | None = None
    appraised: float | None = None
    stage: str | None = None  # the score stage that counts
    stage_date: dt.date | None = None
    share: float | None = None  # the plan's share for criteria with nothing known, when used
    evidence: int | None = None  # evidence documents recorded (leaves)


@dataclass(frozen=True)
class Assumption:
    """An assumption relied on: the plan's words (``text``, as written, ``name`` for a
    criterion's named one), or a derived 2023 figure (``year``, ``points``)."""

    kind: AssumptionKind
    text: str | None = None
    name: str | None = None
    year: int | None = None
    points: float | None = None


@dataclass(frozen=True)
class Statement:
    """The department's explanation (giải trình) recorded by the day."""

    date: dt.date
    text: str


@dataclass(frozen=True)
class Explanation:
    id: str
    level: Level
    title: str
    max: float
    year: int  # the plan's year (the previous year's figures are year − 1)
    rule_kind: RuleKind
    rule: Rule | None  # as the plan writes it; None for a sum, the outside part, no rule
    inputs: tuple[Input, ...]
    steps: tuple[Step, ...]
    result: Result
    assumptions: tuple[Assumption, ...] = ()
    explanation: Statement | None = None  # the department's, for a criterion
    as_of: dt.date | None = field(default=None)


def explanation(plan: Plan, node: NodeScore, day: dt.date, as_of: dt.date | None = None) -> Explanation:
    """Everything behind ``node``'s points as scored on ``day`` (the score's reference day;
    ``as_of`` is the day asked for, None for today)."""
    head = {"id": node.id, "level": node.level, "title": node.title, "max": node.max, "year": plan.year, "as_of": as_of}
    if node.level == "outside":
        outside = plan.outside_table
        assert outside is not None
        return Explanation(
            **head,  # type: ignore[arg-type]
            rule_kind="projection",
            rule=None,
            inputs=(
                Input("projection", None, outside.projection.points, Source("assumption")),
                Input("baseline", None, outside.baseline.known, Source("plan")),
            ),
            steps=(Step("expected", outside.projection.points),),
            result=_result(node, None),
            assumptions=(Assumption("projection", outside.projection.assumption),),
        )
    if node.children:
        children = node.children
        return Explanation(
            **head,  # type: ignore[arg-type]
            rule_kind="sum",
            rule=None,
            inputs=tuple(Input("child", child.id, child.projected, Source("score"), basis=child.basis) for child in children),
            steps=(
                Step("expected", node.projected, terms=tuple(Term(child.id, child.projected) for child in children)),
                Step("floor", node.floor, terms=tuple(Term(child.id, child.floor) for child in children)),
                Step("ceiling", node.ceiling, terms=tuple(Term(child.id, child.ceiling) for child in children)),
            ),
            result=_result(node, None),
            explanation=_statement(node, day),
        )
    criterion, detail = node.criterion, node.detail
    assert criterion is not None and detail is not None
    rule = criterion.rule
    inputs: list[Input] = []
    for name in measures_used(rule):
        reading = detail.readings.get(name)
        measure = criterion.measures.get(name)
        label = measure.label if measure else None
        if reading is None:
            inputs.append(Input("measure", name, None, Source("missing"), label=label))
        else:
            source = Source("record", reading.date, reading.evidence)
            inputs.append(Input("measure", name, reading.value, source, label=label, provisional=reading.provisional, closes=reading.closes))
    for status in detail.statuses:
        completion = status.completion
        if completion is not None:
            source = Source("record", completion.date, completion.evidence)
        else:
            source = Source("assumption" if status.deadline.assumption else "plan")
        inputs.append(
            Input(
                "occurrence",
                status.deadline.id,
                completion.date if completion is not None else None,
                source,
                label=status.deadline.what,
                stated=status.occurrence.stated,
                last_day=status.occurrence.last_day,
                state=status.state,
            )
        )
    stages = detail.state.stages if detail.state is not None else ()
    for stage in stages:
        inputs.append(Input("stage", stage.stage, stage.points, Source("stage", stage.date, stage.evidence, stage.note), counts=stage is stages[-1]))
    baseline_source: SourceKind = "derived" if node.baseline_source == "derived" else "assumption" if criterion.baseline.assumption else "plan"
    inputs.append(Input("baseline", None, node.baseline, Source(baseline_source), assumed=node.baseline_assumed))
    if criterion.projection is not None:
        inputs.append(Input("projection", None, criterion.projection.points, Source("assumption")))
    if node.basis == "plan_assumption":
        inputs.append(Input("plan_share", None, plan.assumptions.unknown_share, Source("assumption")))
    assumptions = [Assumption("rule", text) for text in rule_assumptions(criterion)]
    if node.basis == "projection" and criterion.projection is not None:
        assumptions.append(Assumption("projection", criterion.projection.assumption))
    if node.basis == "baseline" and criterion.baseline.assumption:
        assumptions.append(Assumption("baseline", criterion.baseline.assumption))
    if node.basis == "baseline" and node.baseline_source == "derived":
        assumptions.append(Assumption("derived_baseline", year=plan.year - 1, points=node.baseline))
    if node.basis == "plan_assumption" and plan.assumptions.why:
        assumptions.append(Assumption("plan_share", plan.assumptions.why))
    assumptions += [Assumption("criterion", text, name=key) for key, text in criterion.assumptions.items()]
    steps = [_step("expected", rule, criterion.max, detail.known, _scale(criterion, rule))]
    # Once the rule is decided the floor and the ceiling are its result: nothing to add.
    if detail.known.points is None:
        steps.append(_step("floor", rule, criterion.max, detail.low, _scale(criterion, rule)))
        steps.append(_step("ceiling", rule, criterion.max, detail.high, _scale(criterion, rule)))
    return Explanation(
        **head,  # type: ignore[arg-type]
        rule_kind=_rule_kind(rule),
        rule=rule,
        inputs=tuple(inputs),
        steps=tuple(steps),
        result=_result(node, plan.assumptions.unknown_share if node.basis == "plan_assumption" else None),
        assumptions=tuple(assumptions),
        explanation=_statement(node, day),
    )


def _statement(node: NodeScore, day: dt.date) -> Statement | None:
    if node.criterion is None:
        return None
    said = explanation_as_of(node.criterion, day)
    return Statement(said.date, said.text) if said is not None else None


def _rule_kind(rule: Rule | None) -> RuleKind:
    return "manual" if rule is None else rule.kind  # type: ignore[return-value]


def _scale(criterion: object, rule: Rule | None) -> float | None:
    if isinstance(rule, ProportionalRule):
        return scale_of(criterion, rule.measure)  # type: ignore[arg-type]
    return None


def _result(node: NodeScore, share: float | None) -> Result:
    detail = node.detail
    leaf = detail is not None
    return Result(
        projected=node.projected,
        floor=node.floor,
        ceiling=node.ceiling,
        baseline=node.baseline,
        basis=node.basis,
        status=node.status,
        account=node.account if leaf else None,
        assumed=node.assumed,
        provisional=node.provisional,
        no_evidence=node.no_evidence,
        unclamped=detail.unclamped if detail is not None else None,
        computed=node.computed,
        self_assessed=node.self_assessed,
        appraised=node.appraised,
        stage=node.stage,
        stage_date=node.stage_date,
        share=share,
        evidence=detail.evidence if detail is not None else None,
    )


def _step(of: StepOf, rule: Rule | None, top: float, outcome: Outcome, scale: float | None) -> Step:
    if isinstance(rule, (TiersRule, AllOfRule)):
        comparisons = tuple(
            Comparison(check.measure, check.comparison, check.bound, check.reading.value if check.reading else None, check.holds)
            for check in outcome.checks
        )
        return Step(of, outcome.points, comparisons=comparisons)
    if isinstance(rule, (PerItemRule, QualityRule, DeductionRule, ProportionalRule)):
        reading = outcome.reading
        value = reading.value if reading is not None else None
        return Step(
            of,
            outcome.points,
            measure=rule.measure,
            value=value,
            share=outcome.share if reading is not None and not isinstance(rule, PerItemRule) else None,
            scale=scale if reading is not None else None,
            each=rule.points_each if isinstance(rule, PerItemRule) else None,
        )
    if isinstance(rule, DeadlineRule):
        states = [status.state for status in outcome.occurrences]
        counts = {"total": len(states), **{state: states.count(state) for state in ("on_time", "late", "open", "overdue")}}
        return Step(of, outcome.points, share=outcome.share if outcome.points is not None else None, occurrences=counts)
    if isinstance(rule, ManualRule) or rule is None:
        return Step(of, outcome.points)
    raise AssertionError(rule)  # every rule kind is handled above
