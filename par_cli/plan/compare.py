"""What a new framework changed against the one a plan was written for (`par diff`).

Criteria are matched by id when the title is the same; then by title among those left (the
number moved: renumbered); then by id (the same place, the title reworded); a mapping given
by the user comes before all of these. Of each matched pair, the maximum, the rule and the
deadlines are compared. The result is values; words are the renderer's.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from par_cli.plan.model import Criterion, Plan
from par_cli.plan.tree import walk

Kind = Literal["added", "removed", "renumbered", "title", "max", "rule", "deadlines"]
KINDS: tuple[Kind, ...] = ("added", "removed", "renumbered", "title", "max", "rule", "deadlines")


@dataclass(frozen=True)
class DeadlineTerm:
    """A deadline as compared: its id, "before D" (``exclusive``) or "by D", and the date
    or the recurrence (as ``(field, value)`` pairs). Dates stay dates until rendered."""

    id: str
    exclusive: bool
    date: dt.date | None = None
    recurrence: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class Difference:
    kind: Kind
    old_id: str | None
    new_id: str | None
    title: str
    # renumbered, title, rule: text; max: points; deadlines: the terms of each side.
    old: str | float | tuple[DeadlineTerm, ...] | None = None
    new: str | float | tuple[DeadlineTerm, ...] | None = None


def _key(title: str) -> str:
    decomposed = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped).strip().lower()


def match(old: Plan, new: Plan, mapping: dict[str, str] | None = None) -> dict[str, str]:
    """Old criterion id → new criterion id, for every old criterion that has a counterpart."""
    olds = {node.criterion.id: node.criterion for node in walk(old)}
    news = {node.criterion.id: node.criterion for node in walk(new)}
    pairs: dict[str, str] = {}
    taken: set[str] = set()

    def pair(old_id: str, new_id: str) -> None:
        pairs[old_id] = new_id
        taken.add(new_id)

    for old_id, new_id in (mapping or {}).items():
        if old_id in olds and new_id in news and new_id not in taken:
            pair(old_id, new_id)
    for old_id, criterion in olds.items():
        if old_id not in pairs and old_id in news and old_id not in taken and _key(news[old_id].title) == _key(criterion.title):
            pair(old_id, old_id)
    by_title: dict[str, list[str]] = {}
    for new_id, criterion in news.items():
        if new_id not in taken:
            by_title.setdefault(_key(criterion.title), []).append(new_id)
    for old_id, criterion in olds.items():
        candidates = [c for c in by_title.get(_key(criterion.title), []) if c not in taken]
        if old_id not in pairs and len(candidates) == 1:
            pair(old_id, candidates[0])
    for old_id in olds:
        if old_id not in pairs and old_id in news and old_id not in taken:
            pair(old_id, old_id)
    return pairs


def compare(old: Plan, new: Plan, mapping: dict[str, str] | None = None) -> list[Difference]:
    olds = {node.criterion.id: node.criterion for node in walk(old)}
    news = {node.criterion.id: node.criterion for node in walk(new)}
    pairs = match(old, new, mapping)
    found: list[Difference] = []
    for old_id, criterion in olds.items():
        new_id = pairs.get(old_id)
        if new_id is None:
            found.append(Difference("removed", old_id, None, criterion.title))
            continue
        other = news[new_id]
        if new_id != old_id:
            found.append(Difference("renumbered", old_id, new_id, other.title, old_id, new_id))
        if _key(other.title) != _key(criterion.title):
            found.append(Difference("title", old_id, new_id, other.title, criterion.title, other.title))
        if abs(other.max - criterion.max) > 1e-9:
            found.append(Difference("max", old_id, new_id, other.title, float(criterion.max), float(other.max)))
        if _rule(criterion) != _rule(other):
            found.append(Difference("rule", old_id, new_id, other.title, _rule(criterion), _rule(other)))
        if _deadlines(criterion) != _deadlines(other):
            found.append(Difference("deadlines", old_id, new_id, other.title, _deadlines(criterion), _deadlines(other)))
    placed = set(pairs.values())
    for new_id, criterion in news.items():
        if new_id not in placed:
            found.append(Difference("added", None, new_id, criterion.title))
    return found


def _rule(criterion: Criterion) -> str:
    """The rule's substance: its assumption's wording is not a change of rule."""
    if criterion.rule is None:
        return "—"
    data = criterion.rule.model_dump(mode="json", exclude_defaults=True, exclude={"assumption"})
    if "tiers" in data:
        data["tiers"] = [{k: v for k, v in tier.items() if k != "assumption"} for tier in data["tiers"]]
    return ", ".join(f"{key}={value}" for key, value in data.items())


def _deadlines(criterion: Criterion) -> tuple[DeadlineTerm, ...]:
    terms = []
    for deadline in criterion.deadlines:
        when = deadline.when
        if isinstance(when, dt.date):
            terms.append(DeadlineTerm(deadline.id, deadline.exclusive, date=when))
        else:
            terms.append(DeadlineTerm(deadline.id, deadline.exclusive, recurrence=tuple(when.model_dump(exclude_none=True).items())))
    return tuple(terms)
