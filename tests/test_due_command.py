"""`par due` on the bundled plan (plans/2024.yaml, from the seed) and on small plans written
here. Expected rows are worked out by hand from the seed's appendix table:

  1.1    before 05/01/2024                      → last day 04/01/2024
  1.2    before the 12th of each quarter's last month → 11/03, 11/06, 11/09, 11/12/2024
  2.2.1, 2.3.1, 2.3.2  before 15/01/2024        → 14/01/2024
  2.2.3  before 15/11/2024                      → 14/11/2024
  6.3    before 30/6 every year                 → 29/06/2024
  7.1    before 1 January every year            → 31/12/2023 (its 2024 occurrence)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from par_cli.cli import app
from par_cli.commands.common import today_in_vietnam
from tests.conftest import BUNDLED, ROOT
from tests.edit_support import par_executable


def due_json(runner, *args: str, plan: Path = BUNDLED) -> dict:
    result = runner.invoke(app, ["due", "--format", "json", "--plan", str(plan), *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows(payload: dict) -> list[tuple[str, str, int]]:
    """(criterion id, last day on time, days left) in the order listed."""
    return [(item["id"], item["due"], item["days_left"]) for item in payload["items"]]


def record_done(plan: Path, after: str, entry: str) -> None:
    """Add a `progress.done` entry to the criterion whose deadline line is ``after``, as
    `par done` would; the YAML is edited as text so the test reads like the file."""
    text = plan.read_text(encoding="utf-8")
    assert text.count(after + "\n") == 1
    text = text.replace(after + "\n", f"{after}\n        progress:\n          done:\n            - {entry}\n")
    plan.write_text(text, encoding="utf-8")


# --- the windows the issue names ----------------------------------------------------------


def test_on_1_march_the_quarterly_report_is_due_on_11_march(runner):
    payload = due_json(runner, "--today", "2024-03-01", "--days", "14")
    assert payload["today"] == "2024-03-01" and payload["days"] == 14 and payload["unit"] is None
    quarterly = [item for item in payload["items"] if item["id"] == "1.2"]
    # Before 12/03 → last day 11/03; 11/03 − 01/03 = 10 days left.
    assert [(i["stated"], i["due"], i["days_left"], i["overdue"]) for i in quarterly] == [("2024-03-12", "2024-03-11", 10, False)]
    assert quarterly[0]["what"] == "Báo cáo CCHC định kỳ hàng quý"
    assert quarterly[0]["deadline"] == "bao-cao-quy"
    # Units are ids in JSON, with their names beside them.
    assert quarterly[0]["lead"] == ["van-phong"] and quarterly[0]["lead_names"] == ["Văn phòng Sở"]
    assert quarterly[0]["support"] == ["cac-phong"] and quarterly[0]["support_names"] == ["Các phòng, đơn vị"]
    assert quarterly[0]["max"] == 1


def test_on_1_january_the_yearly_plans_are_due(runner):
    payload = due_json(runner, "--today", "2024-01-01", "--days", "14")
    # Window 01/01 … 15/01. Overdue first: 7.1's last day 31/12/2023 is 1 day late.
    # Then 1.1 (04/01: 3 days left) and the three before 15/01 (14/01: 13 days left).
    assert rows(payload) == [
        ("7.1", "2023-12-31", -1),
        ("1.1", "2024-01-04", 3),
        ("2.2.1", "2024-01-14", 13),
        ("2.3.1", "2024-01-14", 13),
        ("2.3.2", "2024-01-14", 13),
    ]
    assert [item["overdue"] for item in payload["items"]] == [True, False, False, False, False]


def test_on_1_november_the_law_enforcement_report_is_due(runner):
    payload = due_json(runner, "--today", "2024-11-01")
    due_now = [row for row in rows(payload) if row[2] >= 0]
    # 14/11 − 01/11 = 13 days; the December quarterly report (11/12) is outside 01/11 … 15/11.
    assert due_now == [("2.2.3", "2024-11-14", 13)]


@pytest.mark.parametrize(
    ("today", "last_day"),
    [("2024-03-01", "2024-03-11"), ("2024-06-01", "2024-06-11"), ("2024-09-01", "2024-09-11"), ("2024-12-01", "2024-12-11")],
)
def test_each_quarter_end_report(runner, today, last_day):
    # The 1st of each quarter's last month: the report before the 12th has 10 days left.
    payload = due_json(runner, "--today", today)
    assert ("1.2", last_day, 10) in rows(payload)


def test_every_occurrence_of_the_year(runner):
    payload = due_json(runner, "--all", "--today", "2023-12-01")
    # On 01/12/2023 nothing is late yet, so the order is simply by last day.
    assert rows(payload) == [
        ("7.1", "2023-12-31", 30),
        ("1.1", "2024-01-04", 34),
        ("2.2.1", "2024-01-14", 44),
        ("2.3.1", "2024-01-14", 44),
        ("2.3.2", "2024-01-14", 44),
        ("1.2", "2024-03-11", 101),
        ("1.2", "2024-06-11", 193),
        ("6.3", "2024-06-29", 211),
        ("1.2", "2024-09-11", 285),
        ("2.2.3", "2024-11-14", 349),
        ("1.2", "2024-12-11", 376),
    ]
    # 7.4 and 7.5 give no date in the seed: no deadline is invented for them.
    assert not {"7.4", "7.5"} & {item["id"] for item in payload["items"]}


# --- window edges --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2024-02-25", []),  # 25/02 + 14 = 10/03: 11/03 is one day outside
        ("2024-02-26", [("1.2", "2024-03-11", 14)]),  # 26/02 + 14 = 11/03: the last day is inside
        ("2024-03-11", [("1.2", "2024-03-11", 0)]),  # the last day itself: 0 days left, not late
    ],
)
def test_window_edges(runner, today, expected):
    assert [row for row in rows(due_json(runner, "--today", today)) if row[0] == "1.2"] == expected


def test_the_day_after_the_last_day_is_overdue(runner):
    payload = due_json(runner, "--today", "2024-03-12", "--days", "0")
    quarterly = [item for item in payload["items"] if item["id"] == "1.2"]
    assert [(i["due"], i["days_left"], i["overdue"]) for i in quarterly] == [("2024-03-11", -1, True)]


# --- done work leaves the list -----------------------------------------------------------


def test_recorded_occurrence_disappears(runner, plan_copy):
    before = due_json(runner, "--today", "2024-03-01", plan=plan_copy)
    assert ("1.2", "2024-03-11", 10) in rows(before)
    record_done(
        plan_copy,
        "            before: {every: quarter, day: 12}",
        '{deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08, evidence: "Báo cáo số 45/BC-SGTVT ngày 08/3/2024"}',
    )
    # As of 01/03 the report was not done yet (it is dated 08/03): still due. From 08/03 on it is done.
    assert ("1.2", "2024-03-11", 10) in rows(due_json(runner, "--today", "2024-03-01", plan=plan_copy))
    after = due_json(runner, "--today", "2024-03-08", plan=plan_copy)
    assert [row for row in rows(after) if row[0] == "1.2"] == []
    # Only the March occurrence is done: June's report is still due on 01/06.
    assert ("1.2", "2024-06-11", 10) in rows(due_json(runner, "--today", "2024-06-01", plan=plan_copy))


def test_done_late_also_leaves_the_list_and_all_marks_it(runner, plan_copy):
    # 1.1 issued on 10/01, after its last day 04/01: late, but done.
    record_done(plan_copy, "            before: 2024-01-05", '{deadline: ke-hoach, date: 2024-01-10, evidence: "KH số 12/KH-SGTVT"}')
    assert "1.1" not in [row[0] for row in rows(due_json(runner, "--today", "2024-03-01", plan=plan_copy))]
    everything = due_json(runner, "--all", "--today", "2024-03-01", plan=plan_copy)
    [plan_item] = [item for item in everything["items"] if item["id"] == "1.1"]
    assert (plan_item["done"], plan_item["done_date"], plan_item["overdue"]) == (True, "2024-01-10", False)
    # Overdue first even in the year view: 7.1, 2.2.1, 2.3.1, 2.3.2 are late and not done,
    # so they come before 1.1 (done), although 1.1's last day is earlier than theirs.
    assert [row[0] for row in rows(everything)][:6] == ["7.1", "2.2.1", "2.3.1", "2.3.2", "1.1", "1.2"]


def test_all_in_text_shows_the_done_date(runner, plan_copy):
    record_done(plan_copy, "            before: 2024-01-05", "{deadline: ke-hoach, date: 2024-01-03}")
    result = runner.invoke(app, ["due", "--all", "--today", "2024-03-01", "--format", "text", "--plan", str(plan_copy)])
    assert result.exit_code == 0
    [line] = [line for line in result.stdout.splitlines() if line.startswith("1.1 ")]
    assert "04/01/2024" in line and "03/01/2024" in line
    # 11 occurrences in 2024; late on 01/03: 7.1, 2.2.1, 2.3.1, 2.3.2 (1.1 is done).
    assert "Hôm nay 01/03/2024: 11 lần đến hạn, 1 đã xong, 4 quá hạn." in result.stdout


# --- --unit --------------------------------------------------------------------------------


def test_unit_on_the_seed(runner):
    # Every criterion with a deadline in the seed names "Các phòng, đơn vị" as support: that
    # phrase gives the task to every unit together, so it does not put the task on each
    # unit's own list (issue 11). A unit sees what it leads or is named to support: the legal
    # officer leads 2.2.x/2.3.x, the inspectorate holds the legal officer, the office leads
    # 1.1, 1.2 and 7.1, planning-finance leads 6.3.
    expected = {
        "phap-che": {"2.2.1", "2.2.3", "2.3.1", "2.3.2"},
        "thanh-tra": {"2.2.1", "2.2.3", "2.3.1", "2.3.2"},
        "van-phong": {"1.1", "1.2", "7.1"},
        "ke-hoach-tai-chinh": {"6.3"},
    }
    for unit, ids in expected.items():
        payload = due_json(runner, "--all", "--unit", unit, "--today", "2024-01-01")
        assert payload["unit"] == unit
        assert {item["id"] for item in payload["items"]} == ids


UNIT_PLAN = """\
plan: {number: "7/KH-THU", date: 2024-01-02, issuer: "Sở thử"}
issuer: "Sở thử"
title: "Kế hoạch thử"
year: 2024
index_max: 4
units:
  - {id: a, name: "Phòng A"}
  - {id: c, name: "Tổ C (Phòng A)", part_of: a}
  - {id: b, name: "Phòng B"}
  - {id: tat-ca, name: "Các phòng, đơn vị", kind: all}
domains:
  - id: "1"
    title: "Lĩnh vực thử"
    criteria:
      - {id: "1.1", title: "A chủ trì, B phối hợp", max: 1, lead: a, support: b, deadlines: [{id: x, what: "Việc 1", by: 2024-05-10}]}
      - {id: "1.2", title: "C chủ trì", max: 1, lead: c, deadlines: [{id: x, what: "Việc 2", by: 2024-05-11}]}
      - {id: "1.3", title: "B chủ trì, mọi đơn vị phối hợp", max: 1, lead: b, support: tat-ca, deadlines: [{id: x, what: "Việc 3", by: 2024-05-12}]}
      - {id: "1.4", title: "B chủ trì", max: 1, lead: b, deadlines: [{id: x, what: "Việc 4", by: 2024-05-13}]}
"""


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        # "every unit supports 1.3" is given to all together: not on A's or C's own list.
        ("a", ["1.1", "1.2"]),  # leads 1.1; its member C leads 1.2
        ("b", ["1.1", "1.3", "1.4"]),  # supports 1.1; leads 1.3 and 1.4
        ("c", ["1.2"]),  # leads 1.2
    ],
)
def test_unit_keeps_what_it_leads_or_supports(runner, tmp_path, unit, expected):
    path = tmp_path / "2024.yaml"
    path.write_text(UNIT_PLAN, encoding="utf-8")
    payload = due_json(runner, "--unit", unit, "--today", "2024-05-01", plan=path)
    assert [item["id"] for item in payload["items"]] == expected


def test_unit_name_in_the_title(runner, tmp_path):
    path = tmp_path / "2024.yaml"
    path.write_text(UNIT_PLAN, encoding="utf-8")
    result = runner.invoke(app, ["due", "--unit", "c", "--today", "2024-05-01", "--format", "text", "--plan", str(path)])
    assert result.stdout.splitlines()[0] == "Việc đến hạn từ 01/05/2024 đến 15/05/2024, và việc quá hạn: Tổ C (Phòng A)"


def test_unknown_unit_is_a_usage_error_listing_the_ids(runner):
    result = runner.invoke(app, ["due", "--unit", "phong-khong-co", "--plan", str(BUNDLED)])
    assert result.exit_code == 2
    assert "phong-khong-co" in result.output
    for known in ("van-phong", "thanh-tra", "phap-che", "ke-hoach-tai-chinh", "cac-phong"):
        assert known in result.output
    assert "Traceback" not in result.output


# --- exit codes -----------------------------------------------------------------------------


def test_fail_on_overdue(runner, plan_copy):
    base = ["due", "--plan", str(plan_copy)]
    # 01/01/2024: 7.1 (last day 31/12/2023) is overdue.
    assert runner.invoke(app, [*base, "--today", "2024-01-01", "--fail-on-overdue"]).exit_code == 1
    assert runner.invoke(app, [*base, "--today", "2024-01-01"]).exit_code == 0
    # 20/12/2023: nothing has passed its last day yet.
    assert runner.invoke(app, [*base, "--today", "2023-12-20", "--fail-on-overdue"]).exit_code == 0
    # Once 7.1 is recorded done, 01/01/2024 has nothing overdue.
    record_done(plan_copy, "            before: {every: year, month: 1, day: 1}", "{deadline: ke-hoach-cds, occurrence: 2024-01-01, date: 2023-12-28}")
    assert runner.invoke(app, [*base, "--today", "2024-01-01", "--fail-on-overdue"]).exit_code == 0


@pytest.mark.parametrize("args", [["--today", "2024-13-01"], ["--today", "hôm nay"], ["--today", "03/13/2024"], ["--today", "31/02/2024"], ["--days", "-1"]])
def test_bad_options_are_usage_errors(runner, args):
    result = runner.invoke(app, ["due", "--plan", str(BUNDLED), *args])
    assert result.exit_code == 2
    assert result.output.startswith("par: ")
    assert "Traceback" not in result.output


def test_missing_plan_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["due", "--plan", str(tmp_path / "khong-co.yaml")])
    assert result.exit_code == 2
    assert "không tìm thấy tệp" in result.output


# --- formats and language ------------------------------------------------------------------


def test_text_is_the_default_when_piped(runner):
    result = runner.invoke(app, ["due", "--today", "2024-03-01", "--plan", str(BUNDLED)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Việc đến hạn từ 01/03/2024 đến 15/03/2024, và việc quá hạn"
    assert lines[1].split()[:5] == ["Mã", "Tiêu", "chí", "Việc", "phải"]
    quarterly = next(line for line in lines if line.startswith("1.2 "))
    assert "11/03/2024" in quarterly and "còn 10 ngày" in quarterly
    late = next(line for line in lines if line.startswith("7.1 "))
    assert "31/12/2023" in late and "trễ 61 ngày" in late  # 31/12/2023 → 01/03/2024: 31 + 29 + 1
    assert "0,5" in late  # 7.1's maximum, written the Vietnamese way
    assert "Hôm nay 01/03/2024: 1 việc đến hạn, 5 việc quá hạn." in lines


def test_table_marks_overdue_rows_red(runner, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "250")
    result = runner.invoke(app, ["due", "--today", "2024-03-01", "--format", "table", "--plan", str(BUNDLED)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    late = next(line for line in lines if "7.1" in line)
    on_time = next(line for line in lines if "1.2" in line)
    red = "\x1b[31m"
    assert red in late and red not in on_time


def test_csv_keeps_machine_values(runner):
    result = runner.invoke(app, ["due", "--today", "2024-03-01", "--format", "csv", "--plan", str(BUNDLED)])
    table = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert list(table[0]) == ["id", "title", "what", "due", "days_left", "lead", "support", "max"]
    first, last = table[0], table[-1]
    assert (first["id"], first["due"], first["days_left"], first["max"]) == ("7.1", "2023-12-31", "-61", "0.5")
    assert (last["id"], last["due"], last["days_left"], last["support"]) == ("1.2", "2024-03-11", "10", "Các phòng, đơn vị")


def test_markdown(runner):
    result = runner.invoke(app, ["due", "--today", "2024-03-01", "--format", "md", "--plan", str(BUNDLED)])
    lines = result.stdout.splitlines()
    assert lines[0] == "**Việc đến hạn từ 01/03/2024 đến 15/03/2024, và việc quá hạn**"
    assert lines[2].startswith("| Mã | Tiêu chí | Việc phải làm | Hạn cuối |")
    assert any(line.startswith("| 1.2 |") and "| 11/03/2024 | còn 10 ngày |" in line for line in lines)


def test_english(runner, monkeypatch):
    result = runner.invoke(app, ["due", "--today", "2024-01-03", "--lang", "en", "--plan", str(BUNDLED)])
    lines = result.stdout.splitlines()
    assert lines[0] == "Due from 03/01/2024 to 17/01/2024, and overdue work"
    assert "Last day" in lines[1] and "Days left" in lines[1]
    assert "3 days late" in next(line for line in lines if line.startswith("7.1 "))  # 31/12 → 03/01
    assert "1 day left" in next(line for line in lines if line.startswith("1.1 "))  # 04/01
    assert "Today 03/01/2024: 4 due, 1 overdue." in lines
    monkeypatch.setenv("PAR_LANG", "en")
    assert runner.invoke(app, ["due", "--today", "2024-01-03", "--plan", str(BUNDLED)]).stdout == result.stdout


def test_output_file(runner, tmp_path):
    target = tmp_path / "due.json"
    result = runner.invoke(app, ["due", "--today", "2024-03-01", "--format", "json", "--output", str(target), "--plan", str(BUNDLED)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert [item["id"] for item in json.loads(target.read_text(encoding="utf-8"))["items"]][-1] == "1.2"


# --- today in Viet Nam --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (dt.datetime(2024, 3, 10, 16, 59, tzinfo=dt.timezone.utc), dt.date(2024, 3, 10)),  # 23:59 in Hà Nội
        (dt.datetime(2024, 3, 10, 17, 0, tzinfo=dt.timezone.utc), dt.date(2024, 3, 11)),  # 00:00 next day (UTC+7)
        (dt.datetime(2024, 3, 10, 20, 0, tzinfo=ZoneInfo("America/New_York")), dt.date(2024, 3, 11)),  # 00:00 UTC = 07:00
        (dt.datetime(2024, 3, 11, 6, 0, tzinfo=ZoneInfo("Pacific/Kiritimati")), dt.date(2024, 3, 10)),  # UTC+14: 16:00 UTC the day before
    ],
)
def test_today_in_vietnam_at_a_fixed_instant(instant, expected):
    assert today_in_vietnam(instant) == expected




def test_real_subprocess_defaults_to_today_in_vietnam(tmp_path):
    """The installed console script, run from the repository like a user does (the plan is
    found as plans/2024.yaml), in a machine zone far from Viet Nam."""
    vietnam = ZoneInfo("Asia/Ho_Chi_Minh")
    env = {**os.environ, "TZ": "Pacific/Pago_Pago", "PAR_LANG": "", "NO_COLOR": "1"}
    env.pop("PAR_PLAN", None)
    start = dt.datetime.now(vietnam).date()
    completed = subprocess.run(
        [par_executable(), "due", "--format", "json", "--days", "3"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    end = dt.datetime.now(vietnam).date()
    assert completed.returncode == 0, completed.stderr
    payload = json.loads(completed.stdout)
    assert payload["today"] in {start.isoformat(), end.isoformat()}
    assert payload["days"] == 3

    fixed = subprocess.run(
        [par_executable(), "due", "--today", "2024-01-01", "--fail-on-overdue", "--plan", str(BUNDLED)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert fixed.returncode == 1  # 7.1 is overdue on 01/01/2024
    assert "trễ 1 ngày" in fixed.stdout and "Traceback" not in fixed.stderr
