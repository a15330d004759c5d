"""The criteria tree walked in document order: one place for "every criterion of a plan".

Checks, deadlines, editing and scoring all need the criteria with their place in the data;
it lives here, below all of them, so none has to import another for it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from par_cli.plan.model import Criterion, Plan
from par_cli.plan.problems import Loc


@dataclass(frozen=True)
class Node:
    """A criterion with its place in the data and its parent's id (a domain id at the top)."""

    criterion: Criterion
    loc: Loc
    parent_id: str


def walk(plan: Plan) -> Iterator[Node]:
    """Every criterion and sub-criterion in document order."""

    def visit(criteria: list[Criterion], loc: Loc, parent_id: str) -> Iterator[Node]:
        for index, criterion in enumerate(criteria):
            here = (*loc, index)
            yield Node(criterion, here, parent_id)
            yield from visit(criterion.children, (*here, "children"), criterion.id)

    for d_index, domain in enumerate(plan.domains):
        yield from visit(domain.criteria, ("domains", d_index, "criteria"), domain.id)


_BY_ID: dict[int, dict[str, Node]] = {}


def node_by_id(plan: Plan, criterion_id: str) -> Node | None:
    """The criterion or sub-criterion with this id (the first in document order), or None.

    The plan's criteria are indexed by id once, while the plan lives: `par collect` looks up
    the criterion of each of a workbook's rows, and walking 2,000 criteria for each of its
    thousands of rows took most of the collect."""
    index = _BY_ID.get(id(plan))
    if index is None:
        index = {}
        for node in walk(plan):
            index.setdefault(node.criterion.id, node)
        _BY_ID[id(plan)] = index
        weakref.finalize(plan, _BY_ID.pop, id(plan), None)
    return index.get(criterion_id)
