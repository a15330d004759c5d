"""Evidence (tài liệu kiểm chứng) and explanations (giải trình) as of a day.

One place answers: what backs a criterion on day D, which claimed points need an
explanation, and which evidence `par validate` should warn about (a file that is not there,
a document dated after the deadline it proves). Values only; words are chosen when shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from par_cli.plan.model import Criterion, Explanation, Plan
from par_cli.plan.problems import Finding
from par_cli.plan.tree import walk


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence as a register row; free text (older plans, and the evidence
    typed with `par set` / `par done`) sits in ``text`` and is shown as written."""

    date: dt.date
    text: str | None = None
    number: str | None = None
    issued: dt.date | None = None
    issuer: str | None = None
    summary: str | None = None
    section: str | None = None
    page: str | None = None
    file: str | None = None
    link: str | None = None
    deadline: str | None = None
    occurrence: dt.date | None = None
    complete: bool = True


Why = Literal["no_evidence", "incomplete"]


@dataclass(frozen=True)
class Missing:
    """A criterion whose claimed points need an explanation, and the one recorded, if any."""

    criterion_id: str
    points: float
    why: Why
    explanation: Explanation | None


def evidence_as_of(criterion: Criterion, as_of: dt.date | None) -> list[EvidenceItem]:
    """Everything recorded as evidence for a criterion by ``as_of`` (all when None), in the
    order it was recorded: register entries, then evidence typed with a measurement, a
    completion or a score stage. What was recorded by the day is `par_cli.state`'s answer (`recorded_as_of`);
    this only lays it out as register rows (``CriterionState.evidence_count`` counts them)."""
    from par_cli.state.as_of import recorded_as_of

    recorded = recorded_as_of(criterion, as_of)
    items = [
        EvidenceItem(**entry.model_dump(exclude_none=False))  # the register's fields, one to one
        for entry in recorded.evidence
    ]
    items += [EvidenceItem(m.date, text=m.evidence) for m in recorded.measurements if m.evidence]
    items += [EvidenceItem(c.date, text=c.evidence, deadline=c.deadline, occurrence=c.occurrence) for c in recorded.completions if c.evidence]
    items += [EvidenceItem(s.date, text=s.evidence) for s in recorded.scored]
    return items


def explanation_as_of(criterion: Criterion, as_of: dt.date | None) -> Explanation | None:
    """The latest explanation recorded by ``as_of`` (`recorded_as_of`); on one date the
    later line wins."""
    from par_cli.state.as_of import recorded_as_of

    found: Explanation | None = None
    for entry in recorded_as_of(criterion, as_of).explanations:
        if found is None or entry.date >= found.date:
            found = entry
    return found


def why_missing(criterion: Criterion, claimed: float, as_of: dt.date | None) -> Why | None:
    """Why claimed points need an explanation: no evidence, or evidence marked incomplete."""
    if claimed <= 0:
        return None
    items = evidence_as_of(criterion, as_of)
    if not items:
        return "no_evidence"
    if any(not item.complete for item in items):
        return "incomplete"
    return None


def needing_explanation(claims: Iterator[tuple[Criterion, float]], as_of: dt.date | None) -> list[Missing]:
    """The criteria among ``claims`` (a leaf and the points it claims) that need one."""
    found: list[Missing] = []
    for criterion, claimed in claims:
        why = why_missing(criterion, claimed, as_of)
        if why is not None:
            found.append(Missing(criterion.id, claimed, why, explanation_as_of(criterion, as_of)))
    return found


def claimed_points(result: object) -> Iterator[tuple[Criterion, float]]:
    """The leaves of a `PlanScore` whose points a person vouched for (recorded progress, a
    self-assessment, an appraisal), with those points."""
    from par_cli.scoring.scorer import CLAIMED, PlanScore

    assert isinstance(result, PlanScore)
    for leaf in result.leaves():
        if leaf.criterion is not None and leaf.basis in CLAIMED and leaf.criterion.not_applicable is None:
            yield leaf.criterion, leaf.projected or 0.0


def evidence_warnings(plan: Plan, plan_path: Path) -> list[Finding]:
    """What `par validate` warns about, each a warning `Finding`: evidence files that do not
    exist (relative to the plan's folder) and evidence dated after the deadline it proves.
    Plain walks over the register, no scoring: validate stays as fast as it was. (Claimed
    points that need an explanation are listed by `par justify` and on the sheet.)"""
    from par_cli.deadlines.occurrences import is_recurring, last_day_on_time

    folder = plan_path.parent
    findings: list[Finding] = []
    for node in walk(plan):
        criterion = node.criterion
        if not criterion.progress.evidence:
            continue
        deadlines = {deadline.id: deadline for deadline in criterion.deadlines}
        for index, entry in enumerate(criterion.progress.evidence):
            here = (*node.loc, "progress", "evidence", index)
            if entry.file is not None and not (folder / entry.file).exists():
                findings.append(Finding((*here, "file"), "warn.evidence_file_missing", {"file": entry.file}, severity="warning"))
            deadline = deadlines.get(entry.deadline) if entry.deadline is not None else None
            if deadline is None:
                continue
            if is_recurring(deadline):
                if entry.occurrence is None:
                    continue
                stated = entry.occurrence
            else:
                stated = deadline.when
            last_day = last_day_on_time(deadline, stated)  # type: ignore[arg-type]
            dated = entry.issued or entry.date
            if dated > last_day:
                key = "issued" if entry.issued is not None else "date"
                findings.append(
                    Finding((*here, key), "warn.evidence_after_deadline", {"date": dated, "last_day": last_day, "deadline": deadline.id}, severity="warning")
                )
    return findings
