"""Reading the dated score stages as of a day.

TEMPORARY: issue 11 makes the scorer read the stages ("the plan as of a day", the stage
that counts as of D). Until its function lands on main, the sheet reads a stage here, with
the same rule: the latest entry of that stage dated on or before the day (on the same date
the one further down the file, recorded later, wins). Replace the callers by issue 11's
function when it lands, and delete this module.
"""

from __future__ import annotations

import datetime as dt

from par_cli.plan.model import STAGES, Criterion, StageName, StageScore


def stage_entry_as_of(criterion: Criterion, stage: StageName, day: dt.date | None) -> StageScore | None:
    """The entry of ``stage`` that stands on ``day`` (every entry when None), or None."""
    found: StageScore | None = None
    for entry in criterion.progress.stages:
        if entry.stage != stage or (day is not None and entry.date > day):
            continue
        if found is None or entry.date >= found.date:
            found = entry
    return found


def standing_entry(criterion: Criterion, stage: StageName, day: dt.date | None) -> StageScore | None:
    """The score that stands at ``stage``: its own entry, else the nearest earlier stage's
    (an appraisal that left a criterion alone keeps the figure it was given)."""
    for earlier in reversed(STAGES[: STAGES.index(stage) + 1]):
        entry = stage_entry_as_of(criterion, earlier, day)
        if entry is not None:
            return entry
    return None
