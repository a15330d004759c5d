"""Who answers for what: resolving a unit against a criterion's lead (chủ trì) and support
(phối hợp) lists.

The plan names real units ("Văn phòng Sở") and collective phrases ("Các phòng, đơn vị",
"… được giao chủ trì", "… có liên quan") that stand for whichever units the task falls to.
A head of unit asking "what do I answer for?" must see both: the criteria naming the unit
(or a unit it contains: the inspectorate holds its legal officer) and those that name every
unit.
"""

from __future__ import annotations

from typing import Literal

from par_cli.plan.model import Criterion, Plan, Unit

Role = Literal["lead", "support"]


def units_by_id(plan: Plan) -> dict[str, Unit]:
    return {unit.id: unit for unit in plan.units}


def members(plan: Plan, unit_id: str) -> set[str]:
    """The unit and every unit that is part of it."""
    found = {unit_id}
    changed = True
    while changed:
        changed = False
        for unit in plan.units:
            if unit.part_of in found and unit.id not in found:
                found.add(unit.id)
                changed = True
    return found


def roles(plan: Plan, criterion: Criterion, unit_id: str, *, collective: bool = True) -> set[Role]:
    """The roles ``unit_id`` holds on ``criterion``: named directly, through a unit it
    contains, or (unless ``collective`` is False) through a collective phrase that covers
    every unit. Without the collective phrases, each task is counted once: under the unit or
    the phrase the plan writes, which is how ``par units`` divides the table."""
    known = units_by_id(plan)
    contained = members(plan, unit_id)
    found: set[Role] = set()
    for role in ("lead", "support"):
        for named in getattr(criterion, role):
            unit = known.get(named)
            if named in contained or (collective and unit is not None and unit.kind != "unit"):
                found.add(role)  # type: ignore[arg-type]
    return found


def involves(plan: Plan, criterion: Criterion, unit_id: str) -> bool:
    """Named on the criterion, directly, through a unit it contains or through a collective
    phrase (every unit)."""
    return bool(roles(plan, criterion, unit_id))


def named(plan: Plan, criterion: Criterion, unit_id: str) -> bool:
    """The unit (or a unit that is part of it) is named as lead or support: what the unit's
    own view (`par score --unit`, `due --unit`, `report --unit`) counts."""
    return bool(roles(plan, criterion, unit_id, collective=False))


def shared_by_all(plan: Plan, criterion: Criterion) -> bool:
    """The criterion names a collective phrase ("Các phòng, đơn vị", "… được giao chủ trì",
    "… có liên quan"): a unit's view lists it apart and does not add it to the unit's points."""
    known = units_by_id(plan)
    return any(known[name].kind != "unit" for name in [*criterion.lead, *criterion.support] if name in known)


def names(plan: Plan, unit_ids: list[str]) -> str:
    """Unit names as the plan writes them, joined for a table cell."""
    known = units_by_id(plan)
    return "; ".join(known[unit_id].name if unit_id in known else unit_id for unit_id in unit_ids)


def unit_criteria(plan: Plan, unit_id: str | None) -> set[str] | None:
    """The ids of the criteria a unit's view holds: those naming it (or a unit part of it) as
    lead or support, and everything under them; None (every criterion) without a unit."""
    if unit_id is None:
        return None
    from par_cli.plan.tree import walk

    found: set[str] = set()
    for node in walk(plan):
        if node.parent_id in found or named(plan, node.criterion, unit_id):
            found.add(node.criterion.id)
    return found
