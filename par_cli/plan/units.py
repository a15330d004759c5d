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
    return bool(roles(plan, criterion, unit_id))


def names(plan: Plan, unit_ids: list[str]) -> str:
    """Unit names as the plan writes them, joined for a table cell."""
    known = units_by_id(plan)
    return "; ".join(known[unit_id].name if unit_id in known else unit_id for unit_id in unit_ids)
