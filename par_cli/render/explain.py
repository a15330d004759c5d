"""`par score --explain ID` in words: the `Explanation` value (scoring/explain.py) as lines a
person reads top to bottom, in the reader's language. Every word comes from the catalogue;
the symbols (≥, ✓, →, ×) and the plan's own text are the same in every language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent, t
from par_cli.plan.model import AllOfRule, DeadlineRule, DeductionRule, PerItemRule, ProportionalRule, QualityRule, TiersRule
from par_cli.scoring.rules import COMPARISONS, comparison_of

if TYPE_CHECKING:
    from par_cli.plan.model import Rule
    from par_cli.scoring.explain import Assumption, Explanation, Input, Source, Step


def value_text(value: object, lang: Lang) -> str:
    """A reading or a bound: yes/no in words, numbers in the language's habit, a level as written."""
    if isinstance(value, bool):
        return t("rule.yes" if value else "rule.no", lang)
    if isinstance(value, (int, float)):
        return fmt_number(float(value), lang)
    return "?" if value is None else str(value)


def _comparison_text(comparison: str, bound: object, lang: Lang) -> str:
    return f"{COMPARISONS[comparison]} {value_text(bound, lang)}"


def rule_text(rule: "Rule | None", top: float, lang: Lang) -> str:
    """The rule in words, from the YAML as written."""

    def n(value: float) -> str:
        return fmt_number(float(value), lang)

    if isinstance(rule, TiersRule):
        steps = [f"{tier.measure or rule.measure} {_comparison_text(*comparison_of(tier), lang)} → {n(tier.points)}" for tier in rule.tiers]
        return t("rule.tiers", lang, steps="; ".join(steps), otherwise=n(rule.otherwise))
    if isinstance(rule, AllOfRule):
        conditions = [f"{condition.measure} {_comparison_text(*comparison_of(condition), lang)}" for condition in rule.conditions]
        return t("rule.all_of", lang, conditions="; ".join(conditions), max=n(top), otherwise=n(rule.otherwise))
    if isinstance(rule, PerItemRule):
        return t("rule.per_item", lang, measure=rule.measure, each=n(rule.points_each), max=n(top))
    if isinstance(rule, QualityRule):
        shares = "; ".join(f"{level} → {n(share * 100)} %" for level, share in rule.shares.items())
        return t("rule.quality", lang, measure=rule.measure, shares=shares, max=n(top))
    if isinstance(rule, DeductionRule):
        deductions = "; ".join(f"{deduction.level} → −{n(deduction.share * 100)} %" for deduction in rule.deductions)
        return t("rule.deductions", lang, measure=rule.measure, deductions=deductions, max=n(top))
    if isinstance(rule, ProportionalRule):
        return t("rule.proportional", lang, measure=rule.measure, max=n(top))
    if isinstance(rule, DeadlineRule):
        return t("rule.deadline", lang, on_time=n(rule.on_time * 100), late=n(rule.late * 100), missing=n(rule.missing * 100), max=n(top))
    return t("rule.manual", lang)


def step_text(details: "Explanation", step: "Step", lang: Lang) -> str:
    """How one step reached its points, with the numbers used."""

    def n(value: float | None) -> str:
        return fmt_number(value, lang)

    kind, top = details.rule_kind, details.max
    if kind == "sum":
        if step.of == "expected":
            return f"{' + '.join(f'{term.id} ({n(term.points)})' for term in step.terms)} = {n(step.points)}"
        return f"{' + '.join(n(term.points) for term in step.terms)} = {n(step.points)}"
    if kind == "projection":
        return n(step.points)
    result = t("rule.undecided", lang) if step.points is None else n(step.points)
    if kind in ("tiers", "all_of"):
        parts = []
        for check in step.comparisons:
            shown = "?" if check.value is None else value_text(check.value, lang)
            mark = {True: "✓", False: "✗", None: "?"}[check.holds]
            parts.append(f"{check.measure} = {shown} {_comparison_text(check.comparison, check.bound, lang)} {mark}")
        return f"{'; '.join(parts)} → {result}"
    if kind in ("per_item", "quality", "deductions", "proportional"):
        if step.value is None:
            return f"{step.measure} = ? → {result}"
        value = value_text(step.value, lang)
        if kind == "per_item":
            return f"min({value} × {n(step.each)}; {n(top)}) = {result}"
        if kind == "quality":
            return f"{step.measure} = {value}: {n(step.share or 0)} × {n(top)} = {result}"
        if kind == "deductions":
            return f"{step.measure} = {value}: {n(top)} × (1 − {n(step.share or 0)}) = {result}"
        return f"{value} / {n(step.scale)} × {n(top)} = {result}"
    if kind == "deadline":
        counts = dict(step.occurrences or {})
        text = t("rule.deadline_counts", lang, **counts)
        if step.points is None:
            return f"{text} → {result}"
        return f"{text} → {n(step.share or 0)} × {n(top)} = {result}"
    return t("rule.manual_arithmetic", lang, result=result)


def source_text(source: "Source", lang: Lang) -> str:
    if source.kind in ("record", "stage"):
        if source.date is not None:
            return t("source.recorded", lang, date=fmt_date(source.date, lang))
        return t("source.recorded_undated", lang)
    return t(f"source.{source.kind}", lang)


def input_text(item: "Input", lang: Lang) -> str:
    def n(value: object) -> str:
        return fmt_number(float(value), lang) if isinstance(value, (int, float)) and not isinstance(value, bool) else fmt_number(None, lang)

    evidence = item.source.evidence
    if item.kind == "measure":
        text = t("explain.input.measure", lang, name=item.name, label=item.label, value=value_text(item.value, lang), source=source_text(item.source, lang))
    elif item.kind == "occurrence":
        done = fmt_date(item.value, lang) if item.value is not None else ""  # type: ignore[arg-type]
        text = t(f"rule.occurrence.{item.state}", lang, what=item.label, last_day=fmt_date(item.last_day, lang), done=done)
    elif item.kind == "stage":
        text = t(f"explain.input.score.{item.name}", lang, value=n(item.value), source=source_text(item.source, lang))
        if evidence:
            text += "; " + t("explain.input.evidence", lang, evidence=evidence)
        if item.source.note:
            text += "; " + t("explain.input.note", lang, note=item.source.note)
        return text
    elif item.kind == "plan_share":
        value = item.value if isinstance(item.value, (int, float)) else 0.0
        return t("explain.input.plan_assumption", lang, value=fmt_percent(value * 100, lang), source=source_text(item.source, lang))
    elif item.kind == "child":
        return t("explain.input.child", lang, id=item.name, value=n(item.value), basis=t(f"basis.{item.basis}", lang))
    else:
        return t(f"explain.input.{item.kind}", lang, value=n(item.value), source=source_text(item.source, lang))
    if evidence:
        text += "; " + t("explain.input.evidence", lang, evidence=evidence)
    return text


def projection_text(details: "Explanation", lang: Lang) -> str:
    """What the expectation rests on, in one sentence."""

    def n(value: float | None) -> str:
        return fmt_number(value, lang)

    result = details.result
    if details.rule_kind == "projection":
        return t("explain.projection.projection", lang, points=n(result.projected))
    if details.rule_kind == "sum":
        return t("explain.projection.children", lang, points=n(result.projected))
    if result.basis == "appraised":
        text = t("explain.projection.appraised", lang, points=n(result.projected), computed=n(result.computed), self_assessed=n(result.self_assessed))
    elif result.basis == "plan_assumption":
        share = result.share or 0.0
        text = t("explain.projection.plan_assumption", lang, share=n(share), max=n(details.max), points=n(share * details.max))
    else:
        shown = result.unclamped if result.unclamped is not None else result.projected
        text = t(f"explain.projection.{result.basis}", lang, points=n(shown))
        if result.provisional:
            text += t("explain.provisional", lang, floor=n(result.floor), ceiling=n(result.ceiling))
    if result.unclamped is not None:
        text += t("explain.clamped", lang, floor=n(result.floor), ceiling=n(result.ceiling), points=n(result.projected))
    return text


def assumption_text(assumption: "Assumption", lang: Lang) -> str:
    if assumption.kind == "derived_baseline":
        return t("explain.derived_baseline", lang, year=assumption.year, points=fmt_number(assumption.points, lang))
    if assumption.name is not None:
        return f"{assumption.name}: {assumption.text}"
    return assumption.text or ""


def explanation_lines(details: "Explanation", lang: Lang) -> list[str]:
    """The explanation as lines a person reads top to bottom."""

    def n(value: float | None) -> str:
        return fmt_number(value, lang)

    result = details.result
    lines = [t("explain.header", lang, id=details.id, title=details.title, max=n(details.max))]
    if details.rule_kind == "sum":
        lines.append(t("explain.rule", lang, rule=t("explain.sum_rule", lang)))
    elif details.rule_kind != "projection":
        lines.append(t("explain.rule", lang, rule=rule_text(details.rule, details.max, lang)))
    lines.append(t("explain.inputs", lang))
    lines += [f"  - {input_text(item, lang)}" for item in details.inputs]
    for step in details.steps:
        key = {"expected": "explain.arithmetic", "floor": "explain.floor", "ceiling": "explain.ceiling"}[step.of]
        lines.append(t(key, lang, text=step_text(details, step, lang)))
    lines.append(t("explain.projection", lang, text=projection_text(details, lang)))
    status = t(f"status.{result.status}", lang, year=details.year - 1)
    lines.append(t("explain.result", lang, projected=n(result.projected), status=status, floor=n(result.floor), ceiling=n(result.ceiling)))
    if result.evidence is not None:
        lines.append(t("explain.evidence_count", lang, count=result.evidence))
    if details.explanation is not None:
        said = t("edit.what_explanation", lang, date=fmt_date(details.explanation.date, lang), text=details.explanation.text)
        lines.append(said[0].upper() + said[1:])
    if result.no_evidence:
        lines.append(t("explain.no_evidence", lang))
    if details.assumptions:
        lines.append(t("explain.assumptions", lang))
        lines += [f"  - {assumption_text(assumption, lang)}" for assumption in details.assumptions]
    return lines
