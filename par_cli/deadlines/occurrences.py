"""Deadlines as dates: expanding one-off and recurring deadlines into occurrences.

The plan says "trước ngày D" (before day D): the last day on time is D − 1. An occurrence
keeps both dates: ``stated`` (as the document writes it, which is also how a completion
names the occurrence) and ``last_day`` (what a person must meet, what output shows).

Recurring deadlines are RFC 5545 rules run by python-dateutil; the short forms compile to
such a rule. This module is the one place that does date arithmetic on deadlines: which occurrences a
plan year holds and how many days are left. Which of them are done as of a day is decided
once, in `par_cli.state` (the plan as of a day), which every command reads.
"""

from __future__ import annotations

from typing import Any

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from par_cli.i18n import Message
from par_cli.plan.model import Completion, Criterion, Deadline, Recurrence
from par_cli.plan.reasons import rrule_reason


class RecurrenceError(ValueError):
    """A recurrence rule that python-dateutil cannot read, or that is not a rule of days.
    ``detail`` is why: a `Message` when the reason is ours, python-dateutil's own text when
    it is its (the check reports it as ``check.rrule``)."""

    def __init__(self, detail: "Message | str") -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True, order=True)
class Occurrence:
    last_day: dt.date
    stated: dt.date


# A deadline is a day. Hourly, minutely or secondly rules (or BYHOUR/BYMINUTE/BYSECOND) only
# repeat the same days, and FREQ=SECONDLY over a year is 31 million steps: `par validate` on
# such a plan took three and a half minutes before this guard.
_SUB_DAILY = re.compile(r"FREQ\s*=\s*(HOURLY|MINUTELY|SECONDLY)|BY(HOUR|MINUTE|SECOND)\s*=", re.IGNORECASE)


def to_rrule(recurrence: Recurrence) -> str:
    """The RFC 5545 RRULE for a recurrence. Days past the 28th use BYSETPOS=-1 over the
    candidate days, so "day 31" is the month's last day and "29 February" falls on the 28th in
    a common year, instead of silently skipping the month as a bare BYMONTHDAY would."""
    if recurrence.rrule is not None:
        return recurrence.rrule.removeprefix("RRULE:")
    assert recurrence.day is not None
    months = {"month": None, "quarter": "3,6,9,12", "year": str(recurrence.month)}[recurrence.every or "month"]
    parts = ["FREQ=MONTHLY"]
    if months:
        parts.append(f"BYMONTH={months}")
    if recurrence.day > 28:
        parts.append("BYMONTHDAY=" + ",".join(str(day) for day in range(28, recurrence.day + 1)))
        parts.append("BYSETPOS=-1")
    else:
        parts.append(f"BYMONTHDAY={recurrence.day}")
    return ";".join(parts)


# A deadline falls on a day, so a year holds at most 366 of them. Stop reading a rule after
# this many moments: a rule whose own DTSTART lies decades back would otherwise be walked
# day by day up to the plan year.
MAX_MOMENTS = 10_000


def _bounded(parsed: Any, end: dt.datetime) -> Any:
    """The rule (or set of rules) with every rule in it stopped at ``end``, or after
    MAX_MOMENTS + 1 moments when it counts them: the work of expanding is bounded by the
    steps it takes, not by the dates it yields. An EXRULE that removes every date of its
    RRULE yields nothing, and unbounded it was walked up to the year 9999 (10 s a rule)."""
    from dateutil.rrule import rruleset

    def bound(rule: Any) -> Any:
        if rule._count is not None:
            return rule.replace(count=min(rule._count, MAX_MOMENTS + 1))
        if rule._until is None or rule._until > end:
            return rule.replace(until=end)
        return rule

    if isinstance(parsed, rruleset):
        parsed._rrule = [bound(rule) for rule in parsed._rrule]
        parsed._exrule = [bound(rule) for rule in parsed._exrule]
        return parsed
    return bound(parsed)


@lru_cache(maxsize=1024)
def _expand_rule(rule: str, year: int) -> tuple[dt.date, ...]:
    from dateutil.rrule import rrulestr

    found = _SUB_DAILY.search(rule)
    if found:
        raise RecurrenceError(Message("rrule.finer_than_a_day", {"part": found.group(0).rstrip("= ")}))
    start = dt.datetime(year, 1, 1)
    end = dt.datetime(year, 12, 31, 23, 59, 59)
    try:
        parsed = _bounded(rrulestr(rule, dtstart=start, ignoretz=True, cache=False), end)
        days: list[dt.date] = []
        for count, moment in enumerate(parsed, start=1):
            if moment > end:
                break
            if count > MAX_MOMENTS:
                raise RecurrenceError(Message("rrule.too_many", {"limit": MAX_MOMENTS, "year": year}))
            if moment >= start and (not days or moment.date() != days[-1]):
                days.append(moment.date())
        return tuple(days)
    except (ValueError, TypeError, OverflowError) as error:
        # python-dateutil's reason, named when known, else in its words (said to be its).
        raise RecurrenceError(rrule_reason(error)) from None


def stated_dates(deadline: Deadline, year: int) -> tuple[dt.date, ...]:
    """The dates the document states for this deadline in the plan year.

    A one-off deadline has its one date whatever the year; a recurring one has every date of
    its rule that falls in the plan year.
    """
    when = deadline.when
    if isinstance(when, dt.date):
        return (when,)
    return _expand_rule(to_rrule(when), year)


def last_day_on_time(deadline: Deadline, stated: dt.date) -> dt.date:
    """The day before ``stated`` for "trước ngày", ``stated`` itself for "by".

    One exception: a short form whose day does not exist in that month ("before the 31st"
    in April, "before 29 February" in 2023) was moved back to the month's last day, and
    nothing of that day is after the missing one, so the month's last day is on time. Without
    this, "before 29/2" would end on 27/2 in 2023 but on 28/2 in 2024.
    """
    if not deadline.exclusive:
        return stated
    when = deadline.when
    if isinstance(when, Recurrence) and when.day is not None and stated.day < when.day:
        return stated
    return stated - dt.timedelta(days=1)


def occurrences(deadline: Deadline, year: int) -> list[Occurrence]:
    """The occurrences of the plan year: those whose stated date falls in it. A one-off
    deadline stated in another year belongs to that year's plan (7.1's "before 1 January"
    stays in 2024, though its last day on time is 31/12/2023)."""
    return [Occurrence(last_day_on_time(deadline, day), day) for day in stated_dates(deadline, year) if day.year == year]


def is_recurring(deadline: Deadline) -> bool:
    return not isinstance(deadline.when, dt.date)


@dataclass(frozen=True)
class PlanOccurrence:
    """One occurrence of one deadline of one criterion, with its completion when recorded.
    Built by `par_cli.state.plan_state`, which chooses the completion as of a day."""

    criterion: Criterion
    deadline: Deadline
    occurrence: Occurrence
    completion: Completion | None

    @property
    def stated(self) -> dt.date:
        return self.occurrence.stated

    @property
    def last_day(self) -> dt.date:
        return self.occurrence.last_day

    @property
    def done(self) -> bool:
        return self.completion is not None

    def days_left(self, today: dt.date) -> int:
        """Days from ``today`` to the last day on time: 0 on the day itself, negative when late."""
        return (self.last_day - today).days

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.last_day < today
