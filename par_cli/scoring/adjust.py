"""The adjustment after the tree sum: bonus and penalty points, criteria that do not apply.

A separate step on purpose: the scorer sums the tree; this turns the sum into the index.
total = points + bonus − penalty, each side capped as the plan declares, clamped to the
plan's [floor, ceiling]; a criterion declared not applicable (không áp dụng) leaves both
the points and the maximum, so the index is the total over the applicable maximum.

Whether a bonus or penalty counts on the day scored is `par_cli.state.known_on` (dated on or
before the day; undated, every day), the rule every other record follows. The items stay
here, not in `PlanState`: they are the plan's, not any criterion's, every one is shown
whether it counts yet or not, and what they do to the total is this step's arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from par_cli.plan.model import Adjustment, Plan
from par_cli.plan.points import points
from par_cli.state.as_of import known_on


@dataclass(frozen=True)
class AdjustmentItem:
    id: str
    title: str
    points: float  # after the item's own cap
    counted: bool  # False when dated after the day scored (`par_cli.state.known_on`)
    note: str | None


@dataclass(frozen=True)
class Adjusted:
    points: float  # the criteria's points (and the component outside the table), applicable ones only
    bonus: float
    penalty: float
    total: float
    max: float  # the index maximum
    applicable_max: float
    percent: float | None  # total over the applicable maximum
    not_applicable: tuple[str, ...]
    bonus_items: tuple[AdjustmentItem, ...]
    penalty_items: tuple[AdjustmentItem, ...]


def adjusted_total(
    plan: Plan, raw_points: float, *, index_max: float, not_applicable: dict[str, tuple[float, float]], as_of: dt.date | None
) -> Adjusted:
    """``raw_points`` is the tree's sum with every criterion in it; ``not_applicable`` maps
    the top-most criteria declared not applicable to their (max, points)."""
    excluded_max = sum(top for top, _ in not_applicable.values())
    excluded_points = sum(scored for _, scored in not_applicable.values())
    applicable_max = points(index_max - excluded_max)
    kept = points(raw_points - excluded_points)
    rules = plan.adjustments
    bonus_items = tuple(_item(item, as_of) for item in rules.bonus)
    penalty_items = tuple(_item(item, as_of) for item in rules.penalty)
    bonus = _capped(bonus_items, rules.bonus_max)
    penalty = _capped(penalty_items, rules.penalty_max)
    ceiling = rules.ceiling if rules.ceiling is not None else applicable_max
    total = points(min(max(kept + bonus - penalty, rules.floor), ceiling))
    return Adjusted(
        points=kept,
        bonus=bonus,
        penalty=penalty,
        total=total,
        max=index_max,
        applicable_max=applicable_max,
        percent=points(total / applicable_max * 100) if applicable_max else None,
        not_applicable=tuple(not_applicable),
        bonus_items=bonus_items,
        penalty_items=penalty_items,
    )


def adjust(plan: Plan, result: object) -> Adjusted:
    """The adjustment of a `PlanScore` (the whole plan, not one unit's share). Typed
    ``object`` and not imported: scorer.py calls this, and importing it back would be a cycle."""
    excluded: dict[str, tuple[float, float]] = {}
    for domain in result.domains:  # type: ignore[attr-defined]
        stack = list(reversed(domain.children))
        while stack:
            node = stack.pop()
            if node.criterion is not None and node.criterion.not_applicable is not None:
                excluded[node.id] = (node.max, node.projected or 0.0)
                continue  # its sub-criteria are out with it
            stack.extend(reversed(node.children))
    return adjusted_total(plan, result.total.projected, index_max=result.total.max, not_applicable=excluded, as_of=result.reference)  # the day scored: a bonus dated later does not count yet


def _item(item: Adjustment, as_of: dt.date | None) -> AdjustmentItem:
    value = min(item.points, item.max) if item.max is not None else item.points
    counted = known_on(item.date, as_of)  # `par_cli.state`'s rule: an undated item counts every day
    return AdjustmentItem(item.id, item.title, points(value), counted, item.note)


def _capped(items: tuple[AdjustmentItem, ...], cap: float | None) -> float:
    total = sum(item.points for item in items if item.counted)
    return points(min(total, cap) if cap is not None else total)
