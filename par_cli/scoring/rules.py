"""Rule evaluation: a criterion's declared rule applied to the progress recorded for it.

Evaluation is three-valued. With ``policy="known"`` a reading that is not recorded leaves a
comparison undecided, and the rule's points are ``None`` unless the readings that are there
already decide it (one failed condition of an ``all_of`` does). The same evaluation with
missing readings taken as failing (``"fail"``) or as passing (``"pass"``) gives the floor and
the ceiling, so the three totals can never disagree about what a rule means.

Deadline rules read completions instead of measurements: an occurrence not done is open; open
past its last day (``overdue``) it can at best be done late. Readings and occurrences come from
`par_cli.state`, which has already chosen what was recorded by the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, assert_never

from par_cli.plan.model import (
    AllOfRule,
    Criterion,
    DeadlineRule,
    DeductionRule,
    ManualRule,
    PerItemRule,
    ProportionalRule,
    QualityRule,
    Rule,
    Threshold,
    TiersRule,
)
from par_cli.state.as_of import DayOccurrence, Reading

OccurrenceStatus = DayOccurrence  # one deadline occurrence as of the day (see par_cli.state)

Policy = Literal["known", "fail", "pass"]

COMPARISONS = {"at_least": "≥", "above": ">", "at_most": "≤", "below": "<", "equals": "="}


@dataclass(frozen=True, slots=True)
class Check:
    """One comparison of a rule as it was decided; ``reading`` is None when nothing is recorded."""

    measure: str
    comparison: str
    bound: object
    reading: Reading | None
    holds: bool | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """Points a rule gives (None: not decided yet) and what decided them, for ``--explain``."""

    points: float | None
    checks: tuple[Check, ...] = ()
    reading: Reading | None = None  # single-measure rules
    share: float | None = None
    occurrences: tuple[OccurrenceStatus, ...] = field(default=())


@lru_cache(maxsize=256, typed=True)  # typed: 1 and 1.0 are written apart in JSON
def plain(points: float | None) -> Outcome:
    """The outcome of points alone (a criterion scored by hand, a measure not read): one
    shared value for each figure, as an outcome never changes (a plan of 50,000 criteria
    scored by hand held 150,000 of them)."""
    return Outcome(points)


def comparison_of(threshold: Threshold) -> tuple[str, object]:
    for key in COMPARISONS:
        value = getattr(threshold, key)
        if value is not None:
            return key, value
    raise ValueError("a threshold without a comparison")  # the model refuses these


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def compare(comparison: str, bound: object, value: object) -> bool:
    if comparison == "equals":
        if isinstance(bound, bool) or isinstance(value, bool):
            return isinstance(bound, bool) and isinstance(value, bool) and bound is value
        return value == bound
    if not (_is_number(value) and _is_number(bound)):
        return False
    number, limit = float(value), float(bound)  # type: ignore[arg-type]
    if comparison == "at_least":
        return number >= limit
    if comparison == "above":
        return number > limit
    if comparison == "at_most":
        return number <= limit
    return number < limit


def _check(measure: str, threshold: Threshold, readings: dict[str, Reading]) -> Check:
    comparison, bound = comparison_of(threshold)
    reading = readings.get(measure)
    holds = None if reading is None else compare(comparison, bound, reading.value)
    return Check(measure, comparison, bound, reading, holds)


def _verdict(check: Check, policy: Policy) -> bool | None:
    if check.holds is not None:
        return check.holds
    return {"known": None, "fail": False, "pass": True}[policy]


def measures_used(rule: Rule | None) -> list[str]:
    """The measures a rule reads, in the order it reads them."""
    names: list[str] = []
    if isinstance(rule, TiersRule):
        names = [tier.measure or rule.measure for tier in rule.tiers]
    elif isinstance(rule, AllOfRule):
        names = [condition.measure for condition in rule.conditions if condition.measure is not None]
    elif isinstance(rule, (PerItemRule, QualityRule, DeductionRule, ProportionalRule)):
        names = [rule.measure]
    return list(dict.fromkeys(names))


def evaluate(
    rule: Rule | None,
    criterion: Criterion,
    readings: dict[str, Reading],
    statuses: Sequence[OccurrenceStatus],
    policy: Policy,
    claimed: float | None = None,
) -> Outcome:
    """The points ``rule`` gives on these readings; a criterion with no rule is scored by hand,
    as a manual one, and ``claimed`` (the department's own score as of the day) is its result."""
    top = criterion.max
    if isinstance(rule, TiersRule):
        checks: list[Check] = []
        for tier in rule.tiers:
            check = _check(tier.measure or rule.measure, tier, readings)
            checks.append(check)
            verdict = _verdict(check, policy)
            if verdict is None:
                return Outcome(None, tuple(checks))
            if verdict:
                return Outcome(tier.points, tuple(checks))
        return Outcome(rule.otherwise, tuple(checks))
    if isinstance(rule, AllOfRule):
        checks = [_check(condition.measure or "", condition, readings) for condition in rule.conditions]
        verdicts = [_verdict(check, policy) for check in checks]
        if False in verdicts:
            return Outcome(rule.otherwise, tuple(checks))
        if None in verdicts:
            return Outcome(None, tuple(checks))
        return Outcome(top, tuple(checks))
    if isinstance(rule, (PerItemRule, QualityRule, DeductionRule, ProportionalRule)):
        reading = readings.get(rule.measure)
        if reading is None:
            best = top * max(rule.shares.values()) if isinstance(rule, QualityRule) else top
            return plain({"known": None, "fail": 0.0, "pass": best}[policy])
        return _single_measure(rule, top, reading, scale_of(criterion, rule.measure))
    if isinstance(rule, DeadlineRule):
        return _deadline(rule, top, statuses, policy)
    if isinstance(rule, ManualRule) or rule is None:
        if policy == "known":
            return plain(claimed)
        return plain(0.0 if policy == "fail" else top)
    assert_never(rule)


def scale_of(criterion: Criterion, name: str) -> float:
    """The value that is 100 % for a proportional rule: 100 for a percentage, the declared
    ``scale`` of a share (a number read as 0,975 of 1)."""
    measure = criterion.measures.get(name)
    scale = getattr(measure, "scale", None) if measure is not None else None
    return float(scale) if scale else 100.0


def _single_measure(rule: PerItemRule | QualityRule | DeductionRule | ProportionalRule, top: float, reading: Reading, scale: float = 100.0) -> Outcome:
    value = reading.value
    if isinstance(rule, QualityRule):
        share = rule.shares.get(str(value), 0.0)
        return Outcome(top * share, reading=reading, share=share)
    if isinstance(rule, DeductionRule):
        share = next((deduction.share for deduction in rule.deductions if deduction.level == value), 0.0)
        return Outcome(top * (1 - share), reading=reading, share=share)
    number = float(value) if _is_number(value) else 0.0  # type: ignore[arg-type]
    if isinstance(rule, PerItemRule):
        return Outcome(min(max(number, 0.0) * rule.points_each, top), reading=reading)
    share = min(max(number, 0.0), scale) / scale
    return Outcome(share * top, reading=reading, share=share)


def _deadline(rule: DeadlineRule, top: float, statuses: Sequence[OccurrenceStatus], policy: Policy) -> Outcome:
    states = [status.state for status in statuses]
    if not states:
        return plain({"known": None, "fail": rule.missing * top, "pass": rule.on_time * top}[policy])
    if policy == "known":
        if "open" in states or "overdue" in states:
            return Outcome(None, occurrences=tuple(statuses))
    elif policy == "fail":
        if "open" in states or "overdue" in states:
            return Outcome(rule.missing * top, occurrences=tuple(statuses), share=rule.missing)
    else:
        states = ["late" if state == "overdue" else "on_time" if state == "open" else state for state in states]
    share = rule.late if "late" in states else rule.on_time
    return Outcome(share * top, occurrences=tuple(statuses), share=share)


# --- what a rule rests on ------------------------------------------------------------------


def rule_assumptions(criterion: Criterion) -> list[str]:
    """The assumption texts a rule's points rest on: the rule's own, its tiers', and for a
    deadline rule the deadlines' (a date read from a merged cell is a reading, not the seed)."""
    rule = criterion.rule
    texts: list[str] = []
    if rule is not None and rule.assumption:
        texts.append(rule.assumption)
    if isinstance(rule, TiersRule):
        texts += [tier.assumption for tier in rule.tiers if tier.assumption]
    if isinstance(rule, DeadlineRule):
        texts += [deadline.assumption for deadline in criterion.deadlines if deadline.assumption]
    return texts
