"""Deadlines as dates: expanding one-off and recurring deadlines into occurrences.

The plan says "trước ngày D" (before day D): the last day on time is D − 1. An occurrence
keeps both dates: ``stated`` (as the document writes it, which is also how a completion
names the occurrence) and ``last_day`` (what a person must meet, what output shows).

Recurring deadlines are RFC 5545 rules run by python-dateutil. The short forms compile to
such a rule, so the calendar export can hand the same rule on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from par_cli.model import Deadline, Recurrence


class RecurrenceError(ValueError):
    """A recurrence rule that python-dateutil cannot read."""


@dataclass(frozen=True, order=True)
class Occurrence:
    last_day: dt.date
    stated: dt.date


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


# A deadline falls on a day, so a year holds at most 366 of them. A rule that yields one
# every second would take minutes and gigabytes to expand: stop reading a rule after this
# many moments (a daily rule with two hours a day, or a DTSTART decades back, stays under it).
MAX_MOMENTS = 10_000
_FINER_THAN_A_DAY = re.compile(r"FREQ\s*=\s*(HOURLY|MINUTELY|SECONDLY)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _expand_rule(rule: str, year: int) -> tuple[dt.date, ...]:
    from dateutil.rrule import rrulestr

    finer = _FINER_THAN_A_DAY.search(rule)
    if finer:
        raise RecurrenceError(f"FREQ={finer.group(1).upper()}: a deadline recurs at most daily")
    start = dt.datetime(year, 1, 1)
    end = dt.datetime(year, 12, 31, 23, 59, 59)
    try:
        parsed = rrulestr(rule, dtstart=start, ignoretz=True, cache=False)
        days: list[dt.date] = []
        for count, moment in enumerate(parsed, start=1):
            if moment > end:
                break
            if count > MAX_MOMENTS:
                raise RecurrenceError(f"more than {MAX_MOMENTS} moments before the end of {year}")
            if moment >= start and (not days or moment.date() != days[-1]):
                days.append(moment.date())
        return tuple(days)
    except (ValueError, TypeError, OverflowError) as error:
        raise RecurrenceError(str(error) or type(error).__name__) from None


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
    return stated - dt.timedelta(days=1) if deadline.exclusive else stated


def occurrences(deadline: Deadline, year: int) -> list[Occurrence]:
    return [Occurrence(last_day_on_time(deadline, day), day) for day in stated_dates(deadline, year)]


def is_recurring(deadline: Deadline) -> bool:
    return not isinstance(deadline.when, dt.date)
