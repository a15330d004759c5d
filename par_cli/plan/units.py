"""Who answers for what: resolving a unit against a criterion's lead (chủ trì) and support
(phối hợp) lists.

The plan names real units ("Văn phòng Sở") and collective phrases ("Các phòng, đơn vị",
"… được giao chủ trì", "… có liên quan") that stand for whichever units the task falls to.
A head of unit asking "what do I answer for?" must see both: the criteria naming the unit
(or a unit it contains: the inspectorate holds its legal officer) and those that name every
unit.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from par_cli.plan.model import Criterion, Plan, Unit

Role = Literal["lead", "support"]


class UnitIndex:
    """A plan's units by id, where each stands in the plan's list, and which units each one
    holds and is part of: made once for a plan (`unit_index`), so that asking them for every
    criterion and every unit does not read the list of units each time (`par units` on a plan
    of 5,000 units took 25 s, 10,000 units 161 s)."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.by_id = {unit.id: unit for unit in units}
        self.position = {unit.id: number for number, unit in reversed(list(enumerate(units)))}
        self._parts: dict[str, list[str]] = {}
        for unit in units:
            if unit.part_of is not None:
                self._parts.setdefault(unit.part_of, []).append(unit.id)
        self._members: dict[str, frozenset[str]] = {}
        self._within: dict[str, frozenset[str]] = {}

    def members(self, unit_id: str) -> frozenset[str]:
        """The unit and every unit that is part of it, however deep."""
        found = self._members.get(unit_id)
        if found is None:
            reached, stack = {unit_id}, [unit_id]
            while stack:
                for part in self._parts.get(stack.pop(), ()):
                    if part not in reached:
                        reached.add(part)
                        stack.append(part)
            found = self._members[unit_id] = frozenset(reached)
        return found

    def within(self, unit_id: str) -> frozenset[str]:
        """The unit and every unit it is part of, however high: those whose `members` hold it."""
        found = self._within.get(unit_id)
        if found is None:
            reached, here = {unit_id}, self.by_id.get(unit_id)
            while here is not None and here.part_of is not None and here.part_of not in reached:
                reached.add(here.part_of)
                here = self.by_id.get(here.part_of)
            found = self._within[unit_id] = frozenset(reached)
        return found


_LAST_INDEX: list[UnitIndex] = []


def unit_index(plan: Plan) -> UnitIndex:
    """The `UnitIndex` of ``plan``'s units, kept for the plan last asked about (a command
    reads one plan at a time; `par history` one version after another)."""
    if not _LAST_INDEX or _LAST_INDEX[0].units is not plan.units:
        _LAST_INDEX[:] = [UnitIndex(plan.units)]
    return _LAST_INDEX[0]


def units_by_id(plan: Plan) -> Mapping[str, Unit]:
    return MappingProxyType(unit_index(plan).by_id)


def members(plan: Plan, unit_id: str) -> set[str]:
    """The unit and every unit that is part of it."""
    return set(unit_index(plan).members(unit_id))


def roles(plan: Plan, criterion: Criterion, unit_id: str, *, collective: bool = True) -> set[Role]:
    """The roles ``unit_id`` holds on ``criterion``: named directly, through a unit it
    contains, or (unless ``collective`` is False) through a collective phrase that covers
    every unit. Without the collective phrases, each task is counted once: under the unit or
    the phrase the plan writes, which is how ``par units`` divides the table."""
    index = unit_index(plan)
    known = index.by_id
    contained = index.members(unit_id)
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
