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

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, assert_never

from par_cli.i18n import Lang, fmt_date, fmt_number, t
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


@dataclass(frozen=True)
class Check:
    """One comparison of a rule as it was decided; ``reading`` is None when nothing is recorded."""

    measure: str
    comparison: str
    bound: object
    reading: Reading | None
    holds: bool | None


@dataclass(frozen=True)
class Outcome:
    """Points a rule gives (None: not decided yet) and what decided them, for ``--explain``."""

    points: float | None
    checks: tuple[Check, ...] = ()
    reading: Reading | None = None  # single-measure rules
    share: float | None = None
    occurrences: tuple[OccurrenceStatus, ...] = field(default=())


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
    statuses: list[OccurrenceStatus],
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
            return Outcome({"known": None, "fail": 0.0, "pass": best}[policy])
        return _single_measure(rule, top, reading, _scale(criterion, rule.measure))
    if isinstance(rule, DeadlineRule):
        return _deadline(rule, top, statuses, policy)
    if isinstance(rule, ManualRule) or rule is None:
        if policy == "known":
            return Outcome(claimed)
        return Outcome(0.0 if policy == "fail" else top)
    assert_never(rule)


def _scale(criterion: Criterion, name: str) -> float:
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


def _deadline(rule: DeadlineRule, top: float, statuses: list[OccurrenceStatus], policy: Policy) -> Outcome:
    states = [status.state for status in statuses]
    if not states:
        return Outcome({"known": None, "fail": rule.missing * top, "pass": rule.on_time * top}[policy], occurrences=())
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


# --- words: the rule and its arithmetic as a person reads them ---------------------------


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


def _value(value: object, lang: Lang) -> str:
    if isinstance(value, bool):
        return t("rule.yes" if value else "rule.no", lang)
    if _is_number(value):
        return fmt_number(float(value), lang)  # type: ignore[arg-type]
    return str(value)


def _comparison_text(comparison: str, bound: object, lang: Lang) -> str:
    return f"{COMPARISONS[comparison]} {_value(bound, lang)}"


def describe(criterion: Criterion, lang: Lang) -> str:
    """The rule in words, from the YAML as written."""
    rule = criterion.rule

    def n(value: float) -> str:
        return fmt_number(float(value), lang)

    if isinstance(rule, TiersRule):
        steps = [f"{tier.measure or rule.measure} {_comparison_text(*comparison_of(tier), lang)} → {n(tier.points)}" for tier in rule.tiers]
        return t("rule.tiers", lang, steps="; ".join(steps), otherwise=n(rule.otherwise))
    if isinstance(rule, AllOfRule):
        conditions = [f"{condition.measure} {_comparison_text(*comparison_of(condition), lang)}" for condition in rule.conditions]
        return t("rule.all_of", lang, conditions="; ".join(conditions), max=n(criterion.max), otherwise=n(rule.otherwise))
    if isinstance(rule, PerItemRule):
        return t("rule.per_item", lang, measure=rule.measure, each=n(rule.points_each), max=n(criterion.max))
    if isinstance(rule, QualityRule):
        shares = "; ".join(f"{level} → {n(share * 100)} %" for level, share in rule.shares.items())
        return t("rule.quality", lang, measure=rule.measure, shares=shares, max=n(criterion.max))
    if isinstance(rule, DeductionRule):
        deductions = "; ".join(f"{deduction.level} → −{n(deduction.share * 100)} %" for deduction in rule.deductions)
        return t("rule.deductions", lang, measure=rule.measure, deductions=deductions, max=n(criterion.max))
    if isinstance(rule, ProportionalRule):
        return t("rule.proportional", lang, measure=rule.measure, max=n(criterion.max))
    if isinstance(rule, DeadlineRule):
        return t("rule.deadline", lang, on_time=n(rule.on_time * 100), late=n(rule.late * 100), missing=n(rule.missing * 100), max=n(criterion.max))
    return t("rule.manual", lang)


def arithmetic(criterion: Criterion, outcome: Outcome, lang: Lang) -> str:
    """How ``outcome`` was reached, with the numbers used."""
    rule = criterion.rule

    def n(value: float) -> str:
        return fmt_number(float(value), lang)

    result = t("rule.undecided", lang) if outcome.points is None else n(outcome.points)
    if isinstance(rule, (TiersRule, AllOfRule)):
        parts = []
        for check in outcome.checks:
            shown = "?" if check.reading is None else _value(check.reading.value, lang)
            mark = {True: "✓", False: "✗", None: "?"}[check.holds]
            parts.append(f"{check.measure} = {shown} {_comparison_text(check.comparison, check.bound, lang)} {mark}")
        return f"{'; '.join(parts)} → {result}"
    if isinstance(rule, (PerItemRule, QualityRule, DeductionRule, ProportionalRule)):
        reading = outcome.reading
        if reading is None:
            return f"{rule.measure} = ? → {result}"
        value = _value(reading.value, lang)
        if isinstance(rule, PerItemRule):
            return f"min({value} × {n(rule.points_each)}; {n(criterion.max)}) = {result}"
        if isinstance(rule, QualityRule):
            return f"{rule.measure} = {value}: {n(outcome.share or 0)} × {n(criterion.max)} = {result}"
        if isinstance(rule, DeductionRule):
            return f"{rule.measure} = {value}: {n(criterion.max)} × (1 − {n(outcome.share or 0)}) = {result}"
        return f"{value} / {n(_scale(criterion, rule.measure))} × {n(criterion.max)} = {result}"
    if isinstance(rule, DeadlineRule):
        counts = {state: sum(1 for status in outcome.occurrences if status.state == state) for state in ("on_time", "late", "open", "overdue")}
        text = t("rule.deadline_counts", lang, total=len(outcome.occurrences), **counts)
        if outcome.points is None:
            return f"{text} → {result}"
        return f"{text} → {n(outcome.share or 0)} × {n(criterion.max)} = {result}"
    return t("rule.manual_arithmetic", lang, result=result)


def occurrence_text(status: OccurrenceStatus, lang: Lang) -> str:
    done = fmt_date(status.completion.date, lang) if status.completion is not None else None
    return t(
        f"rule.occurrence.{status.state}",
        lang,
        what=status.deadline.what,
        last_day=fmt_date(status.occurrence.last_day, lang),
        done=done or "",
    )
