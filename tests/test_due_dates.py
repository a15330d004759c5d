"""Date arithmetic of deadlines, through `par due --all --format json` on small plans written
here, plus the library API: leap years, month ends, quarter ends, raw RFC 5545 rules.

Every expected date is worked out by hand in the comments."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.cli import app
from par_cli.deadlines.occurrences import RecurrenceError, occurrences
from par_cli.plan.model import Deadline


def write_plan(folder: Path, year: int, deadlines: str) -> Path:
    """A one-criterion plan whose deadlines are the YAML flow mappings in ``deadlines``
    (one per line)."""
    items = "\n".join(f"          - {line.strip()}" for line in deadlines.strip().splitlines())
    text = f"""\
plan: {{number: "9/KH-THU", date: {year}-01-02, issuer: "Sở thử"}}
issuer: "Sở thử"
title: "Kế hoạch thử"
year: {year}
index_max: 1
units:
  - {{id: a, name: "Phòng A"}}
domains:
  - id: "1"
    title: "Lĩnh vực thử"
    criteria:
      - id: "1.1"
        title: "Tiêu chí thử"
        max: 1
        lead: a
        deadlines:
{items}
"""
    path = folder / f"{year}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def all_items(runner, path: Path, today: str = "2024-01-01") -> list[dict]:
    result = runner.invoke(app, ["due", "--all", "--format", "json", "--today", today, "--plan", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["items"]


def dates(items: list[dict], deadline: str) -> list[tuple[str, str]]:
    """(stated, last day on time) of one deadline's occurrences, in date order."""
    return sorted((item["stated"], item["due"]) for item in items if item["deadline"] == deadline)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # 2024 is a leap year: 29 February exists.
        (2024, {"by": [("2024-02-29", "2024-02-29")], "before": [("2024-02-29", "2024-02-28")]}),
        # 2023 is not: the rule falls on the month's last day, 28 February. "By 29/2" ends on
        # 28/2; so does "before 29/2": all of 28/2 comes before a 29/2 that does not exist.
        (2023, {"by": [("2023-02-28", "2023-02-28")], "before": [("2023-02-28", "2023-02-28")]}),
    ],
)
def test_29_february_every_year(runner, tmp_path, year, expected):
    path = write_plan(
        tmp_path,
        year,
        """
        {id: by, what: "Nộp", by: {every: year, month: 2, day: 29}}
        {id: before, what: "Nộp", before: {every: year, month: 2, day: 29}}
        """,
    )
    items = all_items(runner, path, today=f"{year}-01-01")
    assert dates(items, "by") == expected["by"]
    assert dates(items, "before") == expected["before"]


@pytest.mark.parametrize(
    ("year", "last_day"),
    [
        (2024, "2024-02-29"),  # before 01/03/2024: the day before 1 March of a leap year
        (2023, "2023-02-28"),  # before 01/03/2023: 28 February
    ],
)
def test_before_first_of_march(runner, tmp_path, year, last_day):
    path = write_plan(tmp_path, year, f'{{id: x, what: "Nộp", before: {year}-03-01}}')
    assert dates(all_items(runner, path, today=f"{year}-01-01"), "x") == [(f"{year}-03-01", last_day)]


def test_every_month_on_the_31st(runner, tmp_path):
    path = write_plan(
        tmp_path,
        2024,
        """
        {id: by, what: "Nộp", by: {every: month, day: 31}}
        {id: before, what: "Nộp", before: {every: month, day: 31}}
        """,
    )
    items = all_items(runner, path)
    month_ends = ["01-31", "02-29", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"]
    # "By the 31st": the month's last day, every month (29 in February 2024, 30 in April).
    assert dates(items, "by") == [(f"2024-{d}", f"2024-{d}") for d in month_ends]
    # "Before the 31st": the 30th in a 31-day month; in a shorter month the 31st does not
    # exist and the whole month is before it, so its last day (29/2, 30/4, …) is on time.
    before_last_days = ["01-30", "02-29", "03-30", "04-30", "05-30", "06-30", "07-30", "08-30", "09-30", "10-30", "11-30", "12-30"]
    assert dates(items, "before") == [(f"2024-{s}", f"2024-{d}") for s, d in zip(month_ends, before_last_days)]


def test_quarterly_on_the_31st_falls_on_each_quarter_end(runner, tmp_path):
    path = write_plan(tmp_path, 2024, '{id: q, what: "Báo cáo quý", by: {every: quarter, day: 31}}')
    # Quarter ends: 31/3, 30/6 (June has 30 days), 30/9, 31/12.
    assert dates(all_items(runner, path), "q") == [
        ("2024-03-31", "2024-03-31"),
        ("2024-06-30", "2024-06-30"),
        ("2024-09-30", "2024-09-30"),
        ("2024-12-31", "2024-12-31"),
    ]


def test_raw_rrule_strings(runner, tmp_path):
    path = write_plan(
        tmp_path,
        2024,
        """
        {id: last, what: "Cuối tháng", by: {rrule: "FREQ=MONTHLY;BYMONTH=1,2,3;BYMONTHDAY=-1"}}
        {id: ministry, what: "Báo cáo Bộ", before: {rrule: "RRULE:FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=20"}}
        {id: leap, what: "29/2", by: {rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"}}
        """,
    )
    items = all_items(runner, path)
    # BYMONTHDAY=-1 is the month's last day: 31/1, 29/2 (2024 is a leap year), 31/3.
    assert dates(items, "last") == [("2024-01-31", "2024-01-31"), ("2024-02-29", "2024-02-29"), ("2024-03-31", "2024-03-31")]
    # "RRULE:" prefix accepted; before the 20th of each quarter's last month → the 19th.
    assert dates(items, "ministry") == [
        ("2024-03-20", "2024-03-19"),
        ("2024-06-20", "2024-06-19"),
        ("2024-09-20", "2024-09-19"),
        ("2024-12-20", "2024-12-19"),
    ]
    assert dates(items, "leap") == [("2024-02-29", "2024-02-29")]


def test_raw_rrule_on_29_february_has_no_occurrence_in_a_common_year(runner, tmp_path):
    # As written, RFC 5545 skips a date that does not exist: 2023 has no 29/2, and a
    # deadline that never falls due is a mistake in the plan (exit 1, said where).
    path = write_plan(tmp_path, 2023, '{id: leap, what: "29/2", by: {rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"}}')
    result = runner.invoke(app, ["due", "--today", "2023-01-01", "--plan", str(path)])
    assert result.exit_code == 1
    assert "không có lần nào trong năm 2023" in result.output


@pytest.mark.parametrize("rule", ["FREQ=HOURLY", "FREQ=SECONDLY", "FREQ=DAILY;BYHOUR=9,15", "freq=minutely"])
def test_rules_finer_than_a_day_are_refused(runner, tmp_path, rule):
    # FREQ=SECONDLY over a year used to make `par validate` run for minutes; a deadline is a day.
    path = write_plan(tmp_path, 2024, f'{{id: x, what: "Nộp", by: {{rrule: "{rule}"}}}}')
    result = runner.invoke(app, ["due", "--today", "2024-01-01", "--plan", str(path)])
    assert result.exit_code == 1
    assert "hạn là một ngày, hãy dùng FREQ=DAILY" in result.output  # Vietnamese by default, all of it
    assert "a deadline is a day" not in result.output
    assert f"{path}:" in result.output
    english = runner.invoke(app, ["due", "--today", "2024-01-01", "--plan", str(path), "--lang", "en"])
    assert "a deadline is a day, use FREQ=DAILY or coarser" in english.output


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


@settings(max_examples=300, deadline=None)
@given(year=st.integers(min_value=1999, max_value=2101), day=st.integers(min_value=1, max_value=31), exclusive=st.booleans())
def test_monthly_short_form_in_any_year(year, day, exclusive):
    """Every month of any year, against the calendar module's month lengths: "by day d" ends
    on d or the month's last day if shorter; "before day d" ends on d − 1, or on the month's
    last day when d is past it; "before the 1st" ends on the previous month's last day."""
    recurrence = {"every": "month", "day": day}
    deadline = Deadline(id="x", what="Nộp", **({"before": recurrence} if exclusive else {"by": recurrence}))
    expected = []
    for month in range(1, 13):
        length = calendar.monthrange(year, month)[1]
        stated = dt.date(year, month, min(day, length))
        if not exclusive:
            last = stated
        elif day == 1:
            last = stated - dt.timedelta(days=1)
        else:
            last = dt.date(year, month, min(day - 1, length))
        expected.append((stated, last))
    assert [(o.stated, o.last_day) for o in occurrences(deadline, year)] == expected
