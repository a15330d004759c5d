"""The plan as it stood on a day: what every command reads (see as_of.py)."""

from par_cli.state.as_of import (
    CountingStage,
    CriterionState,
    DayOccurrence,
    PlanState,
    Reading,
    criterion_state,
    plan_state,
    stage_that_counts,
)

__all__ = ["CountingStage", "CriterionState", "DayOccurrence", "PlanState", "Reading", "criterion_state", "plan_state", "stage_that_counts"]
