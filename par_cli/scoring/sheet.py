"""The score sheet's values (bảng tự chấm điểm): every row, every sum, once.

Markdown, HTML, Word and Excel render the same `Sheet`; none of them adds a number up. A
leaf's points at a stage are that stage's score recorded by the day, else the score of the
nearest earlier stage, else what `par score` expects for it on that day; so with no stage
recorded the sheet's total is `par score`'s, and every row says where its figure came from.
Domains and criteria with sub-criteria are the sums of their applicable children; a criterion
declared not applicable shows its maximum and no points, and leaves the applicable maximum.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from par_cli.plan.model import STAGES, Criterion, Plan, StageName
from par_cli.plan.points import points
from par_cli.scoring.adjust import Adjusted, adjusted_total
from par_cli.scoring.evidence import EvidenceItem, Missing, Why, evidence_as_of, explanation_as_of, why_missing
from par_cli.scoring.scorer import CLAIMED, NodeScore, PlanScore, score_plan
from par_cli.state.as_of import standing_entry

Level = Literal["domain", "criterion", "sub", "outside"]
Source = Literal["stage", "earlier_stage", "expected", "survey", "sum", "not_applicable"]


@dataclass(frozen=True)
class StageCell:
    """One stage's score of one row in the comparison, and what it cut from the stage before."""

    points: float | None
    cut: float | None  # the stage before minus this one, when both are known and differ
    note: str | None


@dataclass
class SheetRow:
    id: str
    stt: str
    level: Level
    depth: int  # 0 domain and outside row, 1 criterion, 2 sub-criterion, …
    title: str
    max: float
    points: float | None
    source: Source
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    not_applicable: str | None = None
    evidence: list[EvidenceItem] = field(default_factory=list)
    explanation: str | None = None
    missing: Why | None = None
    note: str | None = None
    stages: dict[str, StageCell] = field(default_factory=dict)
    assumed: bool = False  # the figure is the scorer's expectation, not a recorded or claimed one

    @property
    def leaf(self) -> bool:
        return self.level in ("criterion", "sub") and not self.children


@dataclass(frozen=True)
class Sheet:
    plan: Plan
    stage: StageName
    as_of: dt.date | None
    rows: list[SheetRow]
    adjusted: Adjusted
    missing: list[Missing]
    compared: tuple[StageName, ...]  # the stages shown side by side (empty without --compare)
    score: PlanScore
    stage_totals: dict[str, Adjusted] = field(default_factory=dict)  # with --compare: each stage's index

    def find(self, row_id: str) -> SheetRow | None:
        return next((row for row in self.rows if row.id == row_id), None)

    @property
    def domain_rows(self) -> list[SheetRow]:
        return [row for row in self.rows if row.level == "domain"]


def roman(number: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    text = ""
    for value, letters in values:
        while number >= value:
            text, number = text + letters, number - value
    return text


def build_sheet(plan: Plan, *, today: dt.date, as_of: dt.date | None = None, stage: StageName = "self_assessment", compare: bool = False) -> Sheet:
    """The sheet of ``plan`` at ``stage`` with what is recorded by ``as_of`` (all when None)."""
    result = score_plan(plan, today=today, as_of=as_of)
    compared: tuple[StageName, ...] = ()
    if compare:
        recorded = {entry.stage for node in _criteria(plan) for entry in node.progress.stages if as_of is None or entry.date <= as_of}
        compared = tuple(name for name in STAGES if name == "self_assessment" or name in recorded)
    rows: list[SheetRow] = []
    missing: list[Missing] = []
    excluded: dict[str, tuple[float, float]] = {}

    def visit(node: NodeScore, depth: int, parent: str | None, out_of_scope: bool) -> SheetRow:
        criterion = node.criterion
        assert criterion is not None
        na = criterion.not_applicable if criterion.not_applicable is not None else None
        row = SheetRow(
            id=node.id,
            stt=node.id,
            level=node.level,
            depth=depth,
            title=node.title,
            max=node.max,
            points=None,
            source="sum",
            parent=parent,
            not_applicable=na,
            evidence=evidence_as_of(criterion, as_of),
        )
        if na is not None and not out_of_scope:
            excluded[node.id] = (node.max, 0.0)
        rows.append(row)
        if node.children:
            child_rows = [visit(child, depth + 1, node.id, out_of_scope or na is not None) for child in node.children]
            row.children = [child.id for child in child_rows]
            if na is None and not out_of_scope:
                row.points = points(sum(child.points or 0.0 for child in child_rows if child.not_applicable is None))
            else:
                row.source = "not_applicable"
        else:
            _leaf(row, node, criterion, stage, as_of, na is not None or out_of_scope)
            claimed = row.source in ("stage", "earlier_stage") or (row.source == "expected" and node.basis in CLAIMED)
            if row.points and claimed:
                row.missing = why_missing(criterion, row.points, as_of)
                if row.missing is not None:
                    explained = explanation_as_of(criterion, as_of)
                    missing.append(Missing(criterion.id, row.points, row.missing, explained))
        if criterion.progress.explanations:
            explained = explanation_as_of(criterion, as_of)
            row.explanation = explained.text if explained else None
        if compared:
            excluded_here = na is not None or out_of_scope
            row.stages = _stage_cells(criterion, node.projected, compared, as_of) if not node.children and not excluded_here else {}
        return row

    for number, domain in enumerate(result.domains, start=1):
        domain_row = SheetRow(domain.id, roman(number), "domain", 0, domain.title, domain.max, None, "sum")
        rows.append(domain_row)
        children = [visit(child, 1, domain.id, False) for child in domain.children]
        domain_row.children = [child.id for child in children]
        domain_row.points = points(sum(child.points or 0.0 for child in children if child.not_applicable is None))
    if result.outside is not None:
        outside = result.outside
        outside_row = SheetRow(outside.id, roman(len(result.domains) + 1), "outside", 0, outside.title, outside.max, outside.projected, "survey")
        # Assessed by survey, not by the rounds: the same figure stands at every stage.
        outside_row.stages = {name: StageCell(outside.projected, None, None) for name in compared}
        rows.append(outside_row)
    if compared:
        by_id = {row.id: row for row in rows}
        for row in rows:
            if row.children and row.not_applicable is None and row.source != "not_applicable":
                row.stages = _summed_cells(row, by_id, compared)
    top = [row for row in rows if row.depth == 0]
    raw = points(sum(row.points or 0.0 for row in top))
    adjusted = adjusted_total(plan, raw, index_max=result.total.max, not_applicable=excluded, as_of=as_of)
    stage_totals: dict[str, Adjusted] = {}
    for name in compared:
        raw_stage = points(sum((row.stages[name].points or 0.0) if row.stages else (row.points or 0.0) for row in top))
        stage_totals[name] = adjusted_total(plan, raw_stage, index_max=result.total.max, not_applicable=excluded, as_of=as_of)
    return Sheet(plan, stage, as_of, rows, adjusted, missing, compared, result, stage_totals)


def _criteria(plan: Plan) -> list[Criterion]:
    from par_cli.plan.tree import walk

    return [node.criterion for node in walk(plan)]


def _leaf(row: SheetRow, node: NodeScore, criterion: Criterion, stage: StageName, as_of: dt.date | None, excluded: bool) -> None:
    if excluded:
        row.source = "not_applicable"
        return
    entry = standing_entry(criterion, stage, as_of)
    if entry is not None:
        row.points = entry.points
        row.source = "stage" if entry.stage == stage else "earlier_stage"
        row.note = entry.note
    else:
        row.points = node.projected
        row.source = "expected"
        row.assumed = node.basis not in CLAIMED


def _stage_cells(criterion: Criterion, expected: float | None, stages: tuple[StageName, ...], as_of: dt.date | None) -> dict[str, StageCell]:
    """A leaf's score at each stage by the rule of ``--stage`` (its own entry, else the
    nearest earlier stage's, else the expectation), what the stage cut from the one before,
    and the note recorded with the stage's own entry (the appraisers' reason)."""
    cells: dict[str, StageCell] = {}
    before: float | None = None
    for name in stages:
        entry = standing_entry(criterion, name, as_of)
        value = entry.points if entry is not None else expected
        own = entry is not None and entry.stage == name
        cut = points(before - value) if before is not None and value is not None and abs(before - value) > 1e-9 else None
        cells[name] = StageCell(value, cut, entry.note if own and entry is not None else None)
        before = value
    return cells


def _leaves(row: SheetRow, by_id: dict[str, SheetRow]) -> list[SheetRow]:
    if not row.children:
        return [row]
    return [leaf for child in row.children for leaf in _leaves(by_id[child], by_id)]


def _summed_cells(row: SheetRow, by_id: dict[str, SheetRow], stages: tuple[StageName, ...]) -> dict[str, StageCell]:
    """A parent's stage scores: the sum of its applicable leaves' (None when one is unknown),
    with the cut from the stage before."""
    mine = [leaf for leaf in _leaves(row, by_id) if leaf.source != "not_applicable"]
    cells: dict[str, StageCell] = {}
    before: float | None = None
    for name in stages:
        values = [leaf.stages[name].points for leaf in mine if name in leaf.stages]
        known = len(values) == len(mine) and all(value is not None for value in values)
        value = points(sum(v for v in values if v is not None)) if known else None
        cut = points(before - value) if before is not None and value is not None and abs(before - value) > 1e-9 else None
        cells[name] = StageCell(value, cut, None)
        before = value
    return cells
