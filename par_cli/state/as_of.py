"""The plan as of a day D: the one place that decides what was recorded by D.

Every command that says "where do we stand" (`par score`, `gap`, `due` with ``--all`` and the
calendar, `units`, `report`, ``--explain``) reads a `PlanState` built here, and none filters
records by date on its own. So the invariant holds by construction: a record dated after D
(a completion, a reading, a score stage, a piece of evidence) changes nothing as of D.

Per criterion, as of D:

- each deadline occurrence is ``on_time`` (done by its last day), ``late`` (done after it),
  ``open`` (not done, last day today or later) or ``overdue`` (not done, last day before D);
  when several completions name one occurrence the earliest recorded by D counts;
- for each measure the latest reading dated on or before D (on the same date the line further
  down the file wins), marked ``provisional`` until the period it measures closes: the end of
  the plan year, or the measure's own ``closes`` day, or a reading marked ``final``;
- the score stage that counts: of the stages recorded by D, the furthest along the scoring
  process (self-assessment < appraisal 1 < explanation < appraisal 2 < final result), and
  within one stage the latest dated entry. A plan written before dated stages existed may hold
  the undated ``self_assessed`` and ``appraised`` values: they read as a self-assessment and
  as an appraisal round 1 known on every day (they carry no date to wait for), and any dated
  entry of the same stage outranks them;
- the evidence recorded by D: the register's entries and the evidence written on readings and
  completions; and the explanations (giải trình) recorded by D.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from par_cli.deadlines.occurrences import Occurrence, PlanOccurrence, is_recurring, last_day_on_time, occurrences
from par_cli.plan.model import STAGES, Completion, Criterion, Deadline, Evidence, Measurement, Plan, StageName, StageScore
from par_cli.plan.tree import walk

OccurrenceState = Literal["on_time", "late", "open", "overdue"]

APPRAISALS: tuple[StageName, ...] = ("appraisal_1", "appraisal_2", "final")
"""Stages scored by the appraisers: once one counts, its points are the criterion's."""
CLAIMS: tuple[StageName, ...] = ("self_assessment", "explanation")
"""Stages that are the department's own claim (its self-assessment, its explanation)."""

LEGACY_STAGES: dict[str, StageName] = {"self_assessed": "self_assessment", "appraised": "appraisal_1"}
"""How the undated values of older plans are read."""


@dataclass(frozen=True, slots=True)
class Reading:
    """The latest value of one measure as of the day, with the line it came from.

    ``provisional`` is True while the period the measure reads has not closed: the value can
    still move, so a rule applied to it gives the projection, not the result."""

    measure: str
    value: object
    date: dt.date
    evidence: str | None
    provisional: bool = False
    closes: dt.date | None = None


@dataclass(frozen=True)
class DayOccurrence(PlanOccurrence):
    """One deadline occurrence as of ``day``: ``completion`` is the earliest recorded by then."""

    day: dt.date = dt.date.min

    @property
    def state(self) -> OccurrenceState:
        if self.completion is not None:
            return "on_time" if self.completion.date <= self.last_day else "late"
        return "overdue" if self.last_day < self.day else "open"

    def overdue(self, today: dt.date | None = None) -> bool:
        return self.state == "overdue" if today is None else super().overdue(today)

    def days_left(self, today: dt.date | None = None) -> int:
        return super().days_left(self.day if today is None else today)


@dataclass(frozen=True, slots=True)
class CountingStage:
    """A score stage as it counts: ``date`` is None for an undated value of an older plan."""

    stage: StageName
    date: dt.date | None
    points: float
    note: str | None = None
    evidence: str | None = None

    @property
    def legacy(self) -> bool:
        return self.date is None

    @property
    def appraised(self) -> bool:
        return self.stage in APPRAISALS


@dataclass(frozen=True, slots=True)
class CriterionState:
    """Everything recorded for one criterion up to ``day``."""

    criterion: Criterion
    day: dt.date
    readings: dict[str, Reading]
    occurrences: tuple[DayOccurrence, ...]
    stages: tuple[CountingStage, ...]  # every stage recorded by the day, in the order they rank
    measurements: tuple[Measurement, ...]
    completions: tuple[Completion, ...]
    evidence: tuple[Evidence, ...]
    explanations: tuple[Any, ...] = ()  # the department's explanations (giải trình) recorded by the day

    @property
    def stage(self) -> CountingStage | None:
        """The stage that counts: the highest-ranked one recorded by the day."""
        return self.stages[-1] if self.stages else None

    @property
    def self_assessed(self) -> CountingStage | None:
        """The department's latest claim (self-assessment or explanation) by the day."""
        return next((stage for stage in reversed(self.stages) if stage.stage in CLAIMS), None)

    @property
    def appraised(self) -> CountingStage | None:
        """The latest appraisers' score by the day."""
        return next((stage for stage in reversed(self.stages) if stage.stage in APPRAISALS), None)

    @property
    def evidence_count(self) -> int:
        return (
            len(self.evidence)
            + sum(1 for measurement in self.measurements if measurement.evidence)
            + sum(1 for completion in self.completions if completion.evidence)
            + sum(1 for stage in self.stages if stage.evidence and stage.date is not None)
        )

    @property
    def recorded(self) -> bool:
        """Whether anything of the plan year is recorded by the day (readings, completions,
        dated stages). Undated stages of an older plan count too: they are records."""
        return bool(self.measurements or self.completions or self.stages)


@dataclass(frozen=True)
class PlanState:
    """The plan as of ``day``."""

    plan: Plan
    day: dt.date
    criteria: dict[str, CriterionState]
    occurrences: tuple[DayOccurrence, ...]  # every occurrence of the year, by last day on time

    def of(self, criterion: Criterion | str) -> CriterionState:
        return self.criteria[criterion if isinstance(criterion, str) else criterion.id]

    def occurrences_for(self, criterion_ids: set[str] | None) -> list[DayOccurrence]:
        """The occurrences of these criteria (all of them when None), in date order."""
        return [item for item in self.occurrences if criterion_ids is None or item.criterion.id in criterion_ids]

    def due(self, days: int, criterion_ids: set[str] | None = None) -> list[DayOccurrence]:
        """The due list as of the day: everything overdue, then what is open and whose last
        day falls within day … day + ``days``. Done work leaves the list, on time or late."""
        end = self.day + dt.timedelta(days=days)
        items = [item for item in self.occurrences_for(criterion_ids) if item.completion is None and item.last_day <= end]
        return sorted(items, key=lambda item: item.state != "overdue")

    def all_year(self, criterion_ids: set[str] | None = None) -> list[DayOccurrence]:
        """Every occurrence of the year, overdue first (as of the day), each group by date."""
        return sorted(self.occurrences_for(criterion_ids), key=lambda item: item.state != "overdue")


def known_on(date: dt.date | None, day: dt.date | None) -> bool:
    """Whether a record dated ``date`` is known as of ``day``: dated on or before it. An
    undated record (an older plan's score, an undated bonus or penalty) is known every day;
    with no day (None) every record is."""
    return date is None or day is None or date <= day


@dataclass(frozen=True)
class Recorded:
    """A criterion's dated records known as of a day, each list in file order."""

    measurements: tuple[Measurement, ...]
    completions: tuple[Completion, ...]
    evidence: tuple[Evidence, ...]
    explanations: tuple[Any, ...]
    scored: tuple[StageScore, ...] = ()  # dated score stages that carry evidence of their own


def recorded_as_of(criterion: Criterion, day: dt.date | None) -> Recorded:
    """The readings, completions, evidence register entries and explanations of a criterion
    recorded by ``day`` (every one when None). `CriterionState` holds these; the evidence
    and explanations of scoring/evidence.py come from here too."""
    progress = criterion.progress
    return Recorded(
        measurements=tuple(item for item in progress.measurements if known_on(item.date, day)),
        completions=tuple(item for item in progress.done if known_on(item.date, day)),
        evidence=tuple(item for item in progress.evidence if known_on(item.date, day)),
        explanations=tuple(item for item in getattr(progress, "explanations", ()) if known_on(item.date, day)),
        scored=tuple(item for item in progress.stages if item.evidence and known_on(item.date, day)),
    )


def _rank(stage: CountingStage, order: int) -> tuple[int, int, dt.date, int]:
    return (STAGES.index(stage.stage), 0 if stage.legacy else 1, stage.date or dt.date.min, order)


def _stages(criterion: Criterion, day: dt.date) -> tuple[CountingStage, ...]:
    progress = criterion.progress
    found: list[tuple[tuple[int, int, dt.date, int], CountingStage]] = []
    for key, stage_name in LEGACY_STAGES.items():
        value = getattr(progress, key)
        if value is not None:
            stage = CountingStage(stage_name, None, float(value))
            found.append((_rank(stage, -1), stage))
    for order, entry in enumerate(progress.stages):
        if entry.date <= day:
            stage = CountingStage(entry.stage, entry.date, float(entry.points), entry.note, entry.evidence)
            found.append((_rank(stage, order), stage))
    return tuple(stage for _, stage in sorted(found, key=lambda pair: pair[0]))


def stage_that_counts(criterion: Criterion, day: dt.date) -> CountingStage | None:
    """The score stage that counts for ``criterion`` as of ``day``, or None when none is
    recorded by then: the furthest stage of the scoring process recorded on or before the day
    (self-assessment < appraisal 1 < explanation < appraisal 2 < final), within a stage the
    latest date (on one date the later line). Undated ``self_assessed`` / ``appraised``
    values of older plans read as a self-assessment / an appraisal round 1 known every day."""
    stages = _stages(criterion, day)
    return stages[-1] if stages else None


def stage_entry_as_of(criterion: Criterion, stage: StageName, day: dt.date | None) -> StageScore | None:
    """The dated entry of one ``stage`` that stands on ``day`` (every entry when None): the
    latest dated on or before it, on one date the one further down the file. For the year-end
    sheet's columns; `stage_that_counts` is the one that scores."""
    found: StageScore | None = None
    for entry in criterion.progress.stages:
        if entry.stage != stage or not known_on(entry.date, day):
            continue
        if found is None or entry.date >= found.date:
            found = entry
    return found


def stage_as_of(criterion: Criterion, stage: StageName, day: dt.date | None) -> CountingStage | None:
    """What one ``stage`` stands at on ``day`` (every record when None): its latest dated
    entry (`stage_entry_as_of`), else the undated value an older plan holds for it
    (``self_assessed`` for a self-assessment, ``appraised`` for an appraisal round 1), else
    None. Unlike `stage_that_counts` it looks at this stage only: a unit's workbook shows
    the self-assessment standing on the day it is made, and `par collect` compares a filled
    score against it, whatever an appraisal has said since."""
    entry = stage_entry_as_of(criterion, stage, day)
    if entry is not None:
        return CountingStage(entry.stage, entry.date, float(entry.points), entry.note, entry.evidence)
    for key, stage_name in LEGACY_STAGES.items():
        value = getattr(criterion.progress, key)
        if stage_name == stage and value is not None:
            return CountingStage(stage, None, float(value))
    return None


def standing_entry(criterion: Criterion, stage: StageName, day: dt.date | None) -> StageScore | None:
    """The score that stands at ``stage`` on ``day``: its own entry, else the nearest earlier
    stage's (an appraisal that left a criterion alone keeps the figure it was given)."""
    for earlier in reversed(STAGES[: STAGES.index(stage) + 1]):
        entry = stage_entry_as_of(criterion, earlier, day)
        if entry is not None:
            return entry
    return None


def period_close(plan: Plan, criterion: Criterion, measure: str) -> dt.date:
    """The last day of the period a measure reads: its own ``closes`` day, else the end of
    the plan year. A reading is final once the day is past it (or when marked final)."""
    declared = criterion.measures.get(measure)
    closes = getattr(declared, "closes", None) if declared is not None else None
    return closes or dt.date(plan.year, 12, 31)


def latest_readings(plan: Plan, criterion: Criterion, day: dt.date) -> dict[str, Reading]:
    """For each measure, the latest reading taken on or before ``day`` (on one date the line
    further down the file wins: it was added later), provisional until its period closes."""
    found: dict[str, tuple[Measurement, object]] = {}
    for measurement in criterion.progress.measurements:
        if measurement.date > day:
            continue
        for name, value in measurement.values.items():
            current = found.get(name)
            if current is None or measurement.date >= current[0].date:
                found[name] = (measurement, value)
    readings: dict[str, Reading] = {}
    for name, (measurement, value) in found.items():
        closes = period_close(plan, criterion, name)
        final = bool(getattr(measurement, "final", False)) or day > closes
        readings[name] = Reading(name, value, measurement.date, measurement.evidence, provisional=not final, closes=closes)
    return readings


def _completion(criterion: Criterion, deadline: Deadline, occurrence: Occurrence, day: dt.date) -> Completion | None:
    recurring = is_recurring(deadline)
    matches = [
        completion
        for completion in criterion.progress.done
        if completion.deadline == deadline.id
        and completion.date <= day
        and (completion.occurrence == occurrence.stated if recurring else completion.occurrence in (None, occurrence.stated))
    ]
    return min(matches, key=lambda completion: completion.date, default=None)


def completion_of(criterion: Criterion, deadline: Deadline, stated: dt.date, day: dt.date = dt.date.max) -> Completion | None:
    """The completion that counts for one occurrence (named by its stated date) as of ``day``
    (every record when not given): the earliest recorded on or before the day."""
    return _completion(criterion, deadline, Occurrence(last_day_on_time(deadline, stated), stated), day)


def criterion_state(plan: Plan, criterion: Criterion, day: dt.date) -> CriterionState:
    """One criterion as of ``day`` (see the module's docstring for what that means)."""
    recorded = recorded_as_of(criterion, day)
    found = [
        DayOccurrence(criterion, deadline, occurrence, _completion(criterion, deadline, occurrence, day), day)
        for deadline in criterion.deadlines
        for occurrence in occurrences(deadline, plan.year)
    ]
    return CriterionState(
        criterion=criterion,
        day=day,
        readings=latest_readings(plan, criterion, day),
        occurrences=tuple(found),
        stages=_stages(criterion, day),
        measurements=recorded.measurements,
        completions=recorded.completions,
        evidence=recorded.evidence,
        explanations=recorded.explanations,
    )


def plan_state(plan: Plan, day: dt.date) -> PlanState:
    """The plan as it stood on ``day``: every criterion's `CriterionState` (parents included)
    and every deadline occurrence of the year, by last day on time (document order within a
    day). Everything a command shows about "as of D" derives from this value."""
    criteria: dict[str, CriterionState] = {}
    every: list[DayOccurrence] = []
    for node in walk(plan):
        state = criterion_state(plan, node.criterion, day)
        criteria.setdefault(node.criterion.id, state)
        every += state.occurrences
    every.sort(key=lambda item: item.occurrence)
    return PlanState(plan, day, criteria, tuple(every))
