"""Semantic checks: what the schema alone cannot say about a plan.

Plain functions over the validated model. Each yields `Finding`s that name the place in the
data (keys and indices from the root), so the loader can point at the exact YAML node. All
problems are collected: a person fixing a plan wants the whole list at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from par_cli.plan.model import (
    AllOfRule,
    Criterion,
    Deadline,
    DeductionRule,
    Measure,
    PerItemRule,
    Plan,
    ProportionalRule,
    QualityRule,
    Threshold,
    TiersRule,
)
from par_cli.i18n import Term
from par_cli.plan.problems import Finding, Loc
from par_cli.plan.points import EPSILON, same_points
from par_cli.plan.tree import Node, walk

def check_plan(plan: Plan, check_criterion: Callable[[Plan, Node, set[str]], Iterable[Finding]] | None = None) -> list[Finding]:
    """Every finding of the checks. ``check_criterion`` stands in for `criterion_findings`
    (same arguments, same findings): `par history` gives one that remembers a criterion's."""
    findings: list[Finding] = []
    nodes = list(walk(plan))
    findings += _check_units(plan)
    findings += _check_ids(plan, nodes)
    findings += _check_totals(plan)
    findings += _check_adjustments(plan)
    unit_ids = {unit.id for unit in plan.units}
    check = check_criterion or criterion_findings
    for node in nodes:
        findings += check(plan, node, unit_ids)
    return findings


def criterion_findings(plan: Plan, node: Node, unit_ids: set[str]) -> Iterator[Finding]:
    """The findings of one criterion (its children's sum, not their own). They read the
    criterion, the plan's year and its unit ids, nothing else; ``node.loc`` only places them."""
    return _check_criterion(plan, node, unit_ids)


def _check_units(plan: Plan) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, unit in enumerate(plan.units):
        if unit.id in seen:
            yield Finding(("units", index, "id"), "check.duplicate_unit", {"unit": unit.id})
        seen.add(unit.id)
    for index, unit in enumerate(plan.units):
        if unit.part_of is not None and unit.part_of not in seen:
            yield Finding(("units", index, "part_of"), "check.unknown_unit", {"unit": unit.part_of})


def _check_ids(plan: Plan, nodes: list[Node]) -> Iterator[Finding]:
    first: dict[str, Loc] = {}
    for d_index, domain in enumerate(plan.domains):
        loc = ("domains", d_index, "id")
        if domain.id in first:
            yield Finding(loc, "check.duplicate_id", {"id": domain.id})
        first.setdefault(domain.id, loc)
    for node in nodes:
        loc = (*node.loc, "id")
        criterion_id = node.criterion.id
        if criterion_id in first:
            yield Finding(loc, "check.duplicate_id", {"id": criterion_id})
        first.setdefault(criterion_id, loc)
        prefix, _, last = criterion_id.rpartition(".")
        if prefix != node.parent_id or not last:
            yield Finding(loc, "check.id_not_under_parent", {"id": criterion_id, "parent": node.parent_id})


def _check_totals(plan: Plan) -> Iterator[Finding]:
    table = sum(criterion.max for domain in plan.domains for criterion in domain.criteria)
    outside = plan.outside_table.max if plan.outside_table else 0.0
    if not same_points(table + outside, plan.index_max):
        yield Finding(
            ("index_max",),
            "check.total",
            {"table": table, "outside": outside, "sum": table + outside, "index_max": plan.index_max},
        )
    if plan.previous is not None:
        previous = plan.previous
        if previous.points > plan.index_max + EPSILON:
            yield Finding(("previous", "points"), "check.baseline_above_max", {"points": previous.points, "max": plan.index_max})
        elif plan.index_max > 0:
            computed = previous.points / plan.index_max * 100
            if abs(computed - previous.percent) >= 0.01:
                yield Finding(
                    ("previous", "percent"),
                    "check.percent_mismatch",
                    {"percent": previous.percent, "points": previous.points, "index_max": plan.index_max, "computed": round(computed, 2)},
                )
    if plan.target is not None and plan.target.score is not None and plan.target.score > plan.index_max + EPSILON:
        yield Finding(("target", "score"), "check.points_above_max", {"points": plan.target.score, "max": plan.index_max})
    if plan.outside_table is not None:
        outside_table = plan.outside_table
        for key, points in (("baseline", outside_table.baseline.known), ("projection", outside_table.projection.points)):
            if points is not None and points > outside_table.max + EPSILON:
                yield Finding(("outside_table", key, "points"), "check.points_above_max", {"points": points, "max": outside_table.max})


def _check_adjustments(plan: Plan) -> Iterator[Finding]:
    """Bonus and penalty items are named by id (in reports, in the workbook): one each."""
    seen: set[str] = set()
    for side in ("bonus", "penalty"):
        for index, item in enumerate(getattr(plan.adjustments, side)):
            if item.id in seen:
                yield Finding(("adjustments", side, index, "id"), "check.duplicate_adjustment", {"id": item.id})
            seen.add(item.id)


def _check_criterion(plan: Plan, node: Node, unit_ids: set[str]) -> Iterator[Finding]:
    criterion, loc = node.criterion, node.loc
    for field_name in ("lead", "support"):
        for index, unit in enumerate(getattr(criterion, field_name)):
            if unit not in unit_ids:
                yield Finding((*loc, field_name, index), "check.unknown_unit", {"unit": unit})
    if criterion.children:
        total = sum(child.max for child in criterion.children)
        if not same_points(total, criterion.max):
            yield Finding((*loc, "max"), "check.children_sum", {"sum": total, "max": criterion.max, "id": criterion.id})
        if criterion.rule is not None:
            yield Finding((*loc, "rule"), "check.rule_on_parent", key=True)
    known = criterion.baseline.known
    if known is not None and known > criterion.max + EPSILON:
        yield Finding((*loc, "baseline", "points"), "check.baseline_above_max", {"points": known, "max": criterion.max})
    if criterion.projection is not None and criterion.projection.points > criterion.max + EPSILON:
        yield Finding((*loc, "projection", "points"), "check.points_above_max", {"points": criterion.projection.points, "max": criterion.max})
    for index, observation in enumerate(criterion.baseline.observed):
        here = (*loc, "baseline", "observed", index)
        measure = criterion.measures.get(observation.measure)
        if measure is None:
            yield Finding((*here, "measure"), "check.unknown_measure", {"measure": observation.measure})
            continue
        for key in ("value", "about", "below", "above"):
            value = getattr(observation, key)
            if value is not None:
                problem = measure_value_problem(measure, value)
                if problem is not None:
                    yield Finding((*here, key), problem[0], {"measure": observation.measure, **problem[1]})
    yield from _check_rule(criterion, loc)
    yield from _check_deadlines(plan, criterion, loc)
    yield from _check_progress(plan, criterion, loc)


def _check_rule(criterion: Criterion, loc: Loc) -> Iterator[Finding]:
    rule = criterion.rule
    here = (*loc, "rule")
    if rule is None:
        return
    measure_names: list[tuple[Loc, str]] = []
    if isinstance(rule, (TiersRule, PerItemRule, QualityRule, DeductionRule, ProportionalRule)):
        measure_names.append(((*here, "measure"), rule.measure))
    if isinstance(rule, TiersRule):
        if rule.otherwise > criterion.max + EPSILON:
            yield Finding((*here, "otherwise"), "check.points_above_max", {"points": rule.otherwise, "max": criterion.max})
        previous: float | None = None
        for index, tier in enumerate(rule.tiers):
            if tier.points > criterion.max + EPSILON:
                yield Finding((*here, "tiers", index, "points"), "check.points_above_max", {"points": tier.points, "max": criterion.max})
            if previous is not None and tier.points > previous + EPSILON:
                yield Finding((*here, "tiers", index), "check.tiers_order", {"index": index + 1, "points": tier.points})
            previous = tier.points
            if tier.measure is not None:
                measure_names.append(((*here, "tiers", index, "measure"), tier.measure))
            yield from _check_threshold(criterion, tier, tier.measure or rule.measure, (*here, "tiers", index))
    if isinstance(rule, AllOfRule):
        if rule.otherwise > criterion.max + EPSILON:
            yield Finding((*here, "otherwise"), "check.points_above_max", {"points": rule.otherwise, "max": criterion.max})
        for index, condition in enumerate(rule.conditions):
            if condition.measure is None:
                yield Finding((*here, "conditions", index), "schema.missing", {"field": "measure"})
                continue
            measure_names.append(((*here, "conditions", index, "measure"), condition.measure))
            yield from _check_threshold(criterion, condition, condition.measure, (*here, "conditions", index))
    if isinstance(rule, QualityRule):
        measure = criterion.measures.get(rule.measure)
        if measure is not None and measure.levels is not None:
            for level in rule.shares:
                if level not in measure.levels:
                    yield Finding((*here, "shares", level), "check.measure_value", {"value": repr(level), "measure": rule.measure, "why": "/".join(measure.levels)}, key=True)
    if isinstance(rule, DeductionRule):
        measure = criterion.measures.get(rule.measure)
        if measure is not None and measure.levels is not None:
            for index, deduction in enumerate(rule.deductions):
                if deduction.level not in measure.levels:
                    yield Finding((*here, "deductions", index, "level"), "check.measure_value", {"value": repr(deduction.level), "measure": rule.measure, "why": "/".join(measure.levels)})
    for where, name in measure_names:
        if name not in criterion.measures:
            yield Finding(where, "check.unknown_measure", {"measure": name})
    yield from _check_measure_kinds(criterion, here)


NUMERIC = ("count", "percent", "number")
# What each rule that reads one measure can score: the kinds of measure it accepts.
SCORABLE: dict[str, tuple[str, ...]] = {
    "quality": ("level",),
    "deductions": ("level",),
    "per_item": ("count", "number"),
    "proportional": ("percent", "number"),  # a number only with a declared scale (a share)
}


def _check_measure_kinds(criterion: Criterion, here: Loc) -> Iterator[Finding]:
    """A rule reading a measure of a kind it cannot score is refused where the rule names it:
    levels for quality and deductions, a percentage (or a share with a declared ``scale``)
    for proportional, numbers for per_item and for the comparisons of tiers and all_of
    (``equals`` compares a yes/no or a level, or a number with a number)."""
    rule = criterion.rule

    def refuse(where: Loc, name: str, measure: Measure, accepted: str) -> Finding:
        return Finding(where, "check.rule_measure_kind", {"rule": rule.kind, "measure": name, "kind": measure.kind, "accepted": accepted})  # type: ignore[union-attr]

    if isinstance(rule, (QualityRule, DeductionRule, PerItemRule, ProportionalRule)):
        measure = criterion.measures.get(rule.measure)
        if measure is None:
            return
        accepted = SCORABLE[rule.kind]
        if measure.kind not in accepted:
            shown = "percent, number + scale" if isinstance(rule, ProportionalRule) else ", ".join(accepted)
            yield refuse((*here, "measure"), rule.measure, measure, shown)
        elif isinstance(rule, ProportionalRule) and measure.kind == "number" and measure.scale is None:
            yield refuse((*here, "measure"), rule.measure, measure, "percent, number + scale")
        return
    thresholds: list[tuple[Loc, str, Threshold]] = []
    if isinstance(rule, TiersRule):
        thresholds = [((*here, "tiers", index), tier.measure or rule.measure, tier) for index, tier in enumerate(rule.tiers)]
    elif isinstance(rule, AllOfRule):
        thresholds = [((*here, "conditions", index), condition.measure, condition) for index, condition in enumerate(rule.conditions) if condition.measure]
    for where, name, threshold in thresholds:
        measure = criterion.measures.get(name)
        if measure is None:
            continue
        if threshold.equals is None:
            if measure.kind not in NUMERIC:
                key = next(key for key in ("at_least", "above", "at_most", "below") if getattr(threshold, key) is not None)
                yield refuse((*where, key), name, measure, ", ".join(NUMERIC))
            continue
        bound = threshold.equals
        wanted = ("yes_no",) if isinstance(bound, bool) else ("level",) if isinstance(bound, str) else NUMERIC
        if measure.kind not in wanted:
            yield refuse((*where, "equals"), name, measure, ", ".join(wanted))


def _check_threshold(criterion: Criterion, threshold: Threshold, measure_name: str, loc: Loc) -> Iterator[Finding]:
    measure = criterion.measures.get(measure_name)
    if measure is None:
        return
    for key in ("at_least", "above", "at_most", "below", "equals"):
        value = getattr(threshold, key)
        if value is not None:
            problem = measure_value_problem(measure, value)
            if problem is not None:
                yield Finding((*loc, key), problem[0], {"measure": measure_name, **problem[1]})


LARGEST_MEASURE = 10**15


def measure_value_problem(measure: Measure, value: object) -> tuple[str, dict[str, object]] | None:
    """Why ``value`` cannot be a reading of ``measure`` (catalogue key and parameters), or
    None. Shared by the checks and by `par set`, so a value refused on the command line is
    refused the same way when typed into the file by hand."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > LARGEST_MEASURE:
        # Past a float's range (a 400-digit integer) the figures below could not be worked
        # out at all; no count, percentage or amount of a plan comes near this.
        return ("check.number_too_large", {"largest": float(LARGEST_MEASURE)})
    shown: object = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else repr(value)
    if measure.kind == "yes_no":
        return None if isinstance(value, bool) else ("check.measure_value", {"value": shown, "why": "true/false"})
    if measure.kind == "level":
        levels = measure.levels or []
        return None if value in levels else ("check.measure_value", {"value": shown, "why": " / ".join(levels)})
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        return ("check.measure_value", {"value": shown, "why": Term("expected.number")})
    if measure.kind == "percent" and not 0 <= value <= 100:
        return ("check.percent_range", {"value": shown})
    if measure.kind == "count" and (value < 0 or value != int(value)):
        return ("check.measure_value", {"value": shown, "why": Term("expected.whole_number")})
    if measure.kind == "number" and value < 0:
        return ("check.measure_value", {"value": shown, "why": "≥ 0"})
    return None


def _check_deadlines(plan: Plan, criterion: Criterion, loc: Loc) -> Iterator[Finding]:
    from par_cli.deadlines.occurrences import RecurrenceError, stated_dates

    seen: set[str] = set()
    for index, deadline in enumerate(criterion.deadlines):
        here = (*loc, "deadlines", index)
        if deadline.id in seen:
            yield Finding((*here, "id"), "check.duplicate_deadline", {"deadline": deadline.id})
        seen.add(deadline.id)
        key = "before" if deadline.before is not None else "by"
        when = deadline.when
        if isinstance(when, dt.date):
            if abs(when.year - plan.year) > 1:
                yield Finding((*here, key), "check.date_far", {"date": when, "year": plan.year})
            continue
        try:
            dates = stated_dates(deadline, plan.year)
        except RecurrenceError as error:
            yield Finding((*here, key, "rrule"), "check.rrule", {"detail": error.detail})
            continue
        if not dates:
            yield Finding((*here, key), "check.no_occurrence", {"year": plan.year})


def _check_progress(plan: Plan, criterion: Criterion, loc: Loc) -> Iterator[Finding]:
    # Each entry's findings read that entry, the criterion's own fields and the plan's year,
    # never another entry: `par history` (par_cli/scoring/reuse.py) checks a criterion new
    # only by an entry as its own fields and that entry. A check across entries must say so there.
    from par_cli.deadlines.occurrences import RecurrenceError, is_recurring, stated_dates

    progress = criterion.progress
    here = (*loc, "progress")
    for index, measurement in enumerate(progress.measurements):
        entry = (*here, "measurements", index)
        if measurement.date.year != plan.year:
            yield Finding((*entry, "date"), "check.date_outside_year", {"date": measurement.date, "year": plan.year})
        for name, value in measurement.values.items():
            measure = criterion.measures.get(name)
            if measure is None:
                yield Finding((*entry, name), "check.unknown_measure", {"measure": name}, key=True)
                continue
            problem = measure_value_problem(measure, value)
            if problem is not None:
                yield Finding((*entry, name), problem[0], {"measure": name, **problem[1]})
    deadlines: dict[str, Deadline] = {deadline.id: deadline for deadline in criterion.deadlines}
    for index, completion in enumerate(progress.done):
        entry = (*here, "done", index)
        if abs(completion.date.year - plan.year) > 1:
            yield Finding((*entry, "date"), "check.date_far", {"date": completion.date, "year": plan.year})
        deadline = deadlines.get(completion.deadline)
        if deadline is None:
            yield Finding((*entry, "deadline"), "check.unknown_deadline", {"deadline": completion.deadline})
            continue
        if completion.occurrence is None:
            if is_recurring(deadline):
                yield Finding(entry, "check.occurrence_needed", {"deadline": deadline.id})
            continue
        try:
            valid = stated_dates(deadline, plan.year)
        except RecurrenceError:
            continue
        if completion.occurrence not in valid:
            yield Finding((*entry, "occurrence"), "check.not_an_occurrence", {"occurrence": completion.occurrence, "deadline": deadline.id})
    for key in ("self_assessed", "appraised"):
        points = getattr(progress, key)
        if points is not None and points > criterion.max + EPSILON:
            yield Finding((*here, key), "check.points_above_max", {"points": points, "max": criterion.max})
    for index, stage in enumerate(progress.stages):
        entry = (*here, "stages", index)
        if stage.points > criterion.max + EPSILON:
            yield Finding((*entry, "points"), "check.points_above_max", {"points": stage.points, "max": criterion.max})
        if stage.date.year not in (plan.year, plan.year + 1):
            yield Finding((*entry, "date"), "check.date_far", {"date": stage.date, "year": plan.year})
    for index, evidence in enumerate(progress.evidence):
        entry = (*here, "evidence", index)
        if abs(evidence.date.year - plan.year) > 1:
            yield Finding((*entry, "date"), "check.date_far", {"date": evidence.date, "year": plan.year})
        if evidence.deadline is not None:
            # Evidence for one deadline (occurrence) must name one the criterion has.
            deadline = deadlines.get(evidence.deadline)
            if deadline is None:
                yield Finding((*entry, "deadline"), "check.unknown_deadline", {"deadline": evidence.deadline})
            elif evidence.occurrence is not None:
                try:
                    valid = stated_dates(deadline, plan.year)
                except RecurrenceError:
                    continue
                if evidence.occurrence not in valid:
                    yield Finding((*entry, "occurrence"), "check.not_an_occurrence", {"occurrence": evidence.occurrence, "deadline": deadline.id})
    for index, explanation in enumerate(progress.explanations):
        if abs(explanation.date.year - plan.year) > 1:
            yield Finding((*here, "explanations", index, "date"), "check.date_far", {"date": explanation.date, "year": plan.year})

