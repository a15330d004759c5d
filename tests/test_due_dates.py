"""Date arithmetic of deadlines through the library API.

Every expected date is worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from par_cli.deadlines import RecurrenceError, occurrences
from par_cli.model import Deadline


def test_one_off_deadline_stated_in_another_year_is_not_in_this_plan_year():
    deadline = Deadline(id="x", what="Nộp", before=dt.date(2025, 1, 15))
    assert occurrences(deadline, 2024) == []
    # Its own year sees it, with the last day on time the day before.
    [only] = occurrences(deadline, 2025)
    assert (only.stated, only.last_day) == (dt.date(2025, 1, 15), dt.date(2025, 1, 14))


def test_yearly_before_1_january_belongs_to_its_year_but_ends_the_year_before():
    deadline = Deadline(id="cds", what="Kế hoạch", before={"every": "year", "month": 1, "day": 1})
    [only] = occurrences(deadline, 2024)
    assert (only.stated, only.last_day) == (dt.date(2024, 1, 1), dt.date(2023, 12, 31))


def test_unreadable_rule_is_a_recurrence_error():
    deadline = Deadline(id="x", what="Nộp", by={"rrule": "FREQ=FORTNIGHTLY"})
    with pytest.raises(RecurrenceError):
        occurrences(deadline, 2024)
