"""Issue 11's nine reproducers: every command sees the plan as it stood on the chosen day.

Each test replays what a new user did through a simulated 2024 and checks the figure the
issue says was wrong, worked out by hand in the comments.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BUNDLED
from tests.edit_support import par, par_executable, subprocess_env
from tests.score_plans import node, one_domain, write


def validate(plan: Path):
    from typer.testing import CliRunner

    from par_cli.cli import app

    return CliRunner().invoke(app, ["validate", str(plan)])


def ok(result):
    assert result.exit_code == 0, result.output
    return result


def as_json(plan: Path, *args: str) -> dict:
    return json.loads(ok(par(plan, *args, "--format", "json")).stdout)


def due_ids(payload: dict) -> dict[str, bool]:
    """Criterion id → overdue, for the items of a `par due --format json`."""
    return {item["id"]: item["overdue"] for item in payload["items"]}


def unit_row(plan: Path, day: str, unit: str) -> dict:
    return next(row for row in as_json(plan, "units", "--today", day)["units"] if row["id"] == unit)


# --- 1. records dated after the chosen day leak in ----------------------------------------


def test_1_a_completion_dated_later_is_not_done_yet(plan_copy):
    ok(par(plan_copy, "done", "6.3", "--date", "2024-06-25", "--evidence", "BC 88/BC-SGTVT"))
    # 6.3: "trước ngày 30/6" → last day 29/06, 9 days after 20/06: inside the 14 days, open.
    due = as_json(plan_copy, "due", "--today", "2024-06-20")
    assert due_ids(due)["6.3"] is False
    leaf = node(as_json(plan_copy, "score", "--as-of", "2024-06-20"), "6.3")
    assert leaf["status"] != "recorded" and (leaf["floor"], leaf["ceiling"]) == (0, 1)  # open: 0 … 1
    # Planning-finance leads 6.3 only: on 20/06 one open occurrence, next last day 29/06.
    row = unit_row(plan_copy, "2024-06-20", "ke-hoach-tai-chinh")
    assert (row["open"], row["overdue"], row["next_due"]) == (1, 0, "2024-06-29")
    # From 25/06 it is done (on time): it leaves the list and scores 1.
    assert "6.3" not in due_ids(as_json(plan_copy, "due", "--today", "2024-06-25"))
    assert node(as_json(plan_copy, "score", "--as-of", "2024-06-25"), "6.3")["projected"] == 1


def test_1_overdue_on_the_day_everywhere(plan_copy):
    ok(par(plan_copy, "done", "2.2.3", "--date", "2024-11-20"))
    day = "2024-11-18"  # 2.2.3: "trước ngày 15/11" → last day 14/11: overdue on 18/11
    score = as_json(plan_copy, "score", "--as-of", day)
    assert node(score, "2.2.3")["status"] == "overdue"
    assert due_ids(as_json(plan_copy, "due", "--today", day))["2.2.3"] is True
    everything = as_json(plan_copy, "due", "--today", day, "--all")
    item = next(item for item in everything["items"] if item["id"] == "2.2.3")
    assert (item["done"], item["overdue"], item["done_date"]) == (False, True, None)
    # The legal officer's row: 2.2.1, 2.3.1, 2.3.2 (15/01) and 2.2.3 (15/11) all overdue.
    assert unit_row(plan_copy, day, "phap-che")["overdue"] == 4
    report = ok(par(plan_copy, "report", "--today", day, "--format", "md")).stdout
    assert "- 2.2.3 Báo cáo công tác theo dõi thi hành pháp luật: hạn cuối 14/11/2024, **trễ 4 ngày**" in report
    # From 20/06 on it is done, late: 0,5 × 0,5 = 0,25; no longer overdue.
    later = node(as_json(plan_copy, "score", "--as-of", "2024-11-20"), "2.2.3")
    assert (later["projected"], later["status"]) == (0.25, "recorded")


ONE_DEADLINE = """
- id: "1.1"
  title: "Báo cáo theo dõi thi hành pháp luật"
  max: 1
  lead: vp
  rule: {kind: deadline}
  deadlines: [{id: bao-cao, what: "Báo cáo", before: 2024-11-15}]
  progress:
    done: [{deadline: bao-cao, date: 2024-11-20, evidence: "BC 9"}]
"""


def test_1_fail_on_overdue_sees_the_day(tmp_path):
    plan = write(tmp_path, one_domain(ONE_DEADLINE, 1))
    # 18/11: last day 14/11 passed, the completion of 20/11 not made yet → overdue → exit 1.
    assert par(plan, "due", "--today", "2024-11-18", "--fail-on-overdue").exit_code == 1
    # 21/11: done (late), nothing overdue → exit 0.
    assert par(plan, "due", "--today", "2024-11-21", "--fail-on-overdue").exit_code == 0


# --- 2. score stages carry a date ------------------------------------------------------------


def test_2_an_appraisal_typed_in_2025_does_not_change_18_11_2024(plan_copy):
    ok(par(plan_copy, "set", "1.5", "self_assessed=1,5", "--date", "2024-12-20", "--evidence", "BC 210/BC-SGTVT"))
    ok(par(plan_copy, "set", "1.5", "appraisal_1=1", "--date", "2025-02-20", "--note", "thiếu minh chứng"))
    # 18/11/2024: nothing recorded yet; 1.5 (manual, 2023 unknown) at the plan's share 1 × 2 = 2.
    early = node(as_json(plan_copy, "score", "--as-of", "2024-11-18"), "1.5")
    assert (early["projected"], early["basis"], early["stage"]) == (2, "plan_assumption", None)
    # 20/12/2024: the self-assessment counts: 1,5.
    claimed = node(as_json(plan_copy, "score", "--as-of", "2024-12-20"), "1.5")
    assert (claimed["projected"], claimed["basis"], claimed["stage"], claimed["stage_date"]) == (1.5, "self_assessed", "self_assessment", "2024-12-20")
    # 20/02/2025: the appraisal, round 1, counts: 1, fixed (floor = ceiling).
    appraised = node(as_json(plan_copy, "score", "--as-of", "2025-02-20"), "1.5")
    assert (appraised["projected"], appraised["floor"], appraised["ceiling"], appraised["basis"]) == (1, 1, 1, "appraised")
    assert (appraised["self_assessed"], appraised["appraised"], appraised["stage"]) == (1.5, 1, "appraisal_1")


def test_2_the_furthest_stage_counts_and_undated_values_are_read(tmp_path):
    criteria = """
    - id: "1.1"
      title: "Chấm tay"
      max: 2
      lead: vp
      rule: {kind: manual}
      progress:
        self_assessed: 2
        appraised: 1
        stages:
          - {stage: explanation, date: 2025-03-01, points: 1.5, note: "giải trình bổ sung minh chứng"}
          - {stage: appraisal_2, date: 2025-03-20, points: 1.75}
          - {stage: final, date: 2025-04-10, points: 1.5}
    """
    plan = write(tmp_path, one_domain(criteria, 2))
    # Undated values of an older plan: a self-assessment and an appraisal round 1 known every day.
    assert node(as_json(plan, "score", "--as-of", "2024-06-01"), "1.1")["projected"] == 1  # the appraisal counts
    # 01/03/2025: the explanation (1,5) is further along than appraisal 1: the claim counts.
    explained = node(as_json(plan, "score", "--as-of", "2025-03-01"), "1.1")
    assert (explained["projected"], explained["stage"]) == (1.5, "explanation")
    assert node(as_json(plan, "score", "--as-of", "2025-03-20"), "1.1")["projected"] == 1.75
    assert node(as_json(plan, "score", "--as-of", "2025-04-10"), "1.1")["projected"] == 1.5


def test_2_the_library_function_for_the_stage_that_counts():
    import datetime as dt

    from par_cli.plan.model import Criterion
    from par_cli.state import stage_that_counts

    criterion = Criterion.model_validate(
        {
            "id": "1.1",
            "title": "x",
            "max": 2,
            "progress": {
                "stages": [
                    {"stage": "appraisal_1", "date": dt.date(2025, 2, 20), "points": 1},
                    {"stage": "self_assessment", "date": dt.date(2024, 12, 20), "points": 2},
                    {"stage": "self_assessment", "date": dt.date(2025, 1, 5), "points": 1.5},
                ]
            },
        }
    )
    assert stage_that_counts(criterion, dt.date(2024, 12, 19)) is None
    assert stage_that_counts(criterion, dt.date(2024, 12, 31)).points == 2
    assert stage_that_counts(criterion, dt.date(2025, 1, 5)).points == 1.5  # the later self-assessment
    counted = stage_that_counts(criterion, dt.date(2025, 2, 20))
    assert (counted.stage, counted.points, counted.appraised) == ("appraisal_1", 1, True)


# --- 3. a mid-year reading is provisional ------------------------------------------------


def test_3_a_mid_year_reading_keeps_what_the_rule_can_reach(plan_copy):
    ok(par(plan_copy, "set", "7.2", "full_process_pct=45", "online_dossier_pct=58,2", "--date", "2024-06-30"))
    ok(par(plan_copy, "set", "1.4", "initiatives=1", "--date", "2024-03-10"))
    ok(par(plan_copy, "set", "5.4", "training_done_pct=60", "--date", "2024-08-31"))
    gap = as_json(plan_copy, "gap", "--as-of", "2024-09-10")
    rows = {row["id"]: row for row in gap["criteria"]}
    # 7.2: 58,2 % is not over 60 %: projected 0, but the reading moves until 31/12, and 63,5 %
    # twenty days later would win the 5 points: ceiling 5, winnable 5 − 0 = 5, provisional.
    assert (rows["7.2"]["projected"], rows["7.2"]["winnable"], rows["7.2"]["provisional"]) == (0, 5, True)
    # 1.4: one initiative → 1 of 2, a second can still come: winnable 1. 5.4: 60 % < 90 % → 0, winnable 1.
    assert (rows["1.4"]["projected"], rows["1.4"]["winnable"]) == (1, 1)
    assert (rows["5.4"]["projected"], rows["5.4"]["winnable"]) == (0, 1)
    assert "7.2" in gap["to_close_target"] and gap["total"]["target_closable"] is True
    leaf = node(as_json(plan_copy, "score", "--as-of", "2024-09-10"), "7.2")
    assert (leaf["status"], leaf["basis"], leaf["floor"], leaf["ceiling"]) == ("provisional", "recorded", 0, 5)
    text = ok(par(plan_copy, "score", "--as-of", "2024-09-10", "--format", "text")).stdout
    assert "Tạm tính (số liệu còn thay đổi đến hết kỳ đo): 1.4, 5.4, 7.2" in text
    # After the year closes the reading is final: nothing left to win on 7.2.
    closed = {row["id"]: row for row in as_json(plan_copy, "gap", "--as-of", "2025-01-05")["criteria"]}
    assert (closed["7.2"]["projected"], closed["7.2"]["winnable"], closed["7.2"]["provisional"]) == (0, 0, False)


def test_3_a_reading_marked_final_or_a_declared_close(tmp_path):
    criteria = """
    - id: "1.1"
      title: "Đào tạo"
      max: 1
      lead: vp
      measures: {done_pct: {kind: percent, label: "Tỷ lệ", closes: 2024-06-30}}
      rule: {kind: tiers, measure: done_pct, tiers: [{at_least: 90, points: 1}]}
      progress: {measurements: [{date: 2024-05-10, done_pct: 60}]}
    - id: "1.2"
      title: "Đào tạo 2"
      max: 1
      lead: vp
      measures: {done_pct: {kind: percent, label: "Tỷ lệ"}}
      rule: {kind: tiers, measure: done_pct, tiers: [{at_least: 90, points: 1}]}
      progress: {measurements: [{date: 2024-05-10, done_pct: 60, final: true}]}
    """
    plan = write(tmp_path, one_domain(criteria, 2))
    june = as_json(plan, "score", "--as-of", "2024-06-30")
    assert (node(june, "1.1")["ceiling"], node(june, "1.1")["provisional"]) == (1, True)  # the period runs to 30/06
    assert (node(june, "1.2")["ceiling"], node(june, "1.2")["provisional"]) == (0, False)  # marked final
    july = node(as_json(plan, "score", "--as-of", "2024-07-01"), "1.1")
    assert (july["ceiling"], july["provisional"]) == (0, False)  # the declared close has passed


# --- 4. the plan's own 2023 readings ---------------------------------------------------------


def test_4_last_years_readings_count(runner):
    score = as_json(BUNDLED, "score", "--as-of", "2024-01-02")
    # 7.2: about 32 % online in 2023, the all-of rule needs over 60 % → 0 of 5, derived.
    seven = node(score, "7.2")
    assert (seven["projected"], seven["baseline"], seven["baseline_source"], seven["baseline_assumed"]) == (0, 0, "derived", True)
    # 3.4.1: 96,5 % on time, proportional → 0,965 × 2 = 1,93.
    three = node(score, "3.4.1")
    assert (three["projected"], three["baseline"], three["baseline_source"]) == (1.93, 1.93, "derived")
    # Both rules are our reading: the derived figures are assumed.
    assert seven["assumed"] and three["assumed"]
    gap = as_json(BUNDLED, "gap", "--as-of", "2024-01-02")["total"]
    # 95 − 80,36 = 14,64 lost; stated 5,5 + 7.2's 5 + 3.4.1's 0,07 = 10,57 explained.
    assert (gap["lost_baseline"], gap["explained"], gap["unexplained"]) == (14.64, 10.57, 4.07)


def test_4_derived_under_a_plan_worded_rule_is_derived_not_assumed(tmp_path):
    criteria = """
    - id: "1.1"
      title: "Tỷ lệ"
      max: 2
      lead: vp
      measures: {pct: {kind: percent, label: "Tỷ lệ"}}
      rule: {kind: tiers, measure: pct, tiers: [{at_least: 70, points: 2}], otherwise: 0}
      baseline: {observed: [{measure: pct, value: 75}]}
    """
    plan = write(tmp_path, one_domain(criteria, 2))
    payload = as_json(plan, "score", "--as-of", "2024-03-01")
    leaf = node(payload, "1.1")
    # 75 % ≥ 70 % → 2 in 2023, by the plan's own rule: derived, not an assumption.
    assert (leaf["projected"], leaf["account"], leaf["assumed"]) == (2, "derived", False)
    assert (payload["total"]["derived_points"], payload["total"]["assumed_points"]) == (2, 0)


# --- 5. the assumption account ---------------------------------------------------------------


def test_5_recorded_points_are_not_resting_on_assumptions(plan_copy):
    ok(par(plan_copy, "done", "1.1", "--date", "2024-01-04", "--evidence", "KH 01/KH-SGTVT"))
    ok(par(plan_copy, "set", "1.3", "plan_issued=có", "report_sent=có", "contest_participation_pct=95", "--date", "2024-01-20", "--evidence", "BC 5"))
    ok(par(plan_copy, "done", "2.2.1", "--date", "2024-01-10", "--evidence", "KH 3/KH-SGTVT"))
    total = as_json(plan_copy, "score", "--as-of", "2024-02-01")["total"]
    # Recorded, with evidence: 1.1 on time 2 + 1.3 all three conditions 2 + 2.2.1 on time 0,5 = 4,5.
    assert total["recorded_points"] == 4.5
    # Nothing derived under a plan-worded rule in the bundled plan; the rest is assumed.
    assert total["derived_points"] == 0
    assert total["assumed_points"] == pytest.approx(total["projected"] - 4.5)
    report = ok(par(plan_copy, "report", "--today", "2024-02-01", "--format", "md")).stdout
    assumed = f"{total['assumed_points']:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    projected = f"{total['projected']:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"⚠ {assumed} trong {projected} điểm dự kiến dựa trên giả định; 4,5 điểm từ số liệu ghi nhận, 0 điểm suy ra từ kết quả năm trước" in report


# --- 6. a unit's view ------------------------------------------------------------------------


def test_6_a_units_report_is_its_own(runner):
    day = "2024-01-02"
    total = as_json(BUNDLED, "score", "--as-of", day, "--unit", "thanh-tra")
    # Thanh tra leads 2.5 (1,5); the legal officer (part of it) leads 2.2 (1,5), 2.3 (1,5), 2.4 (1):
    # 5,5, not the 62 of the whole table reached through "Các phòng, đơn vị".
    assert total["total"]["max"] == 5.5
    assert {item["id"] for item in total["criteria"] if item["level"] in ("criterion", "sub")} == {
        "2.2", "2.2.1", "2.2.2", "2.2.3", "2.3", "2.3.1", "2.3.2", "2.4", "2.5"
    }
    assert "1.1" in {item["id"] for item in total["shared"]}  # listed apart
    md = ok(par(BUNDLED, "report", "--today", day, "--unit", "thanh-tra", "--format", "md")).stdout
    assert "/5,5 (" in md and "/62" not in md
    gap = as_json(BUNDLED, "gap", "--as-of", day, "--unit", "thanh-tra")
    assert {row["id"] for row in gap["criteria"]} == {"2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.4", "2.5"}
    due = as_json(BUNDLED, "due", "--all", "--today", day, "--unit", "thanh-tra")
    assert set(due_ids(due)) == {"2.2.1", "2.2.3", "2.3.1", "2.3.2"}


# --- 7. rules check the measures they read ---------------------------------------------------


WRONG_KIND = """
- id: "1.1"
  title: "Vi phạm"
  max: 2
  lead: vp
  measures: {breaches: {kind: count, label: "Số vi phạm"}}
  rule: {kind: deductions, measure: breaches, deductions: [{level: "nhẹ", share: 0.5}]}
- id: "1.2"
  title: "Chất lượng"
  max: 1
  lead: vp
  measures: {rating: {kind: count, label: "Xếp loại"}}
  rule: {kind: quality, measure: rating, shares: {"tốt": 1}}
- id: "1.3"
  title: "Tỷ lệ"
  max: 4
  lead: vp
  measures: {share: {kind: number, label: "Tỷ lệ (phần của 1)"}}
  rule: {kind: proportional, measure: share}
- id: "1.4"
  title: "Ngưỡng"
  max: 1
  lead: vp
  measures: {sent: {kind: yes_no, label: "Đã gửi"}}
  rule: {kind: tiers, measure: sent, tiers: [{at_least: 1, points: 1}]}
"""


def test_7_a_rule_over_a_measure_it_cannot_score_is_refused(tmp_path):
    plan = write(tmp_path, one_domain(WRONG_KIND, 8))
    result = validate(plan)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "không chấm được" in line]
    assert len(lines) == 3
    assert lines[0].endswith("quy tắc 'deductions' không chấm được chỉ số đo 'breaches' kiểu 'count': cần kiểu level")
    assert lines[1].endswith("quy tắc 'quality' không chấm được chỉ số đo 'rating' kiểu 'count': cần kiểu level")
    assert lines[2].endswith("quy tắc 'proportional' không chấm được chỉ số đo 'share' kiểu 'number': cần kiểu percent, number + scale")
    # A comparison "at least 1" on a yes/no is refused at the same place, by the value check.
    assert "37:63: tiêu chí 1.4: giá trị 1 không hợp lệ cho 'sent': true/false" in result.output
    # Positioned: PATH:LINE:COL at the rule's measure (line 14 of the written plan: 1.1's rule).
    assert lines[0].startswith(f"{plan}:")
    text = plan.read_text(encoding="utf-8").splitlines()
    line_no = int(lines[0].split(":")[1])
    assert "kind: deductions, measure: breaches" in text[line_no - 1]


def test_7_a_share_with_a_declared_scale_scores_proportionally(tmp_path):
    criteria = """
    - id: "1.3"
      title: "Tỷ lệ"
      max: 4
      lead: vp
      measures: {share: {kind: number, label: "Tỷ lệ (phần của 1)", scale: 1}}
      rule: {kind: proportional, measure: share}
      progress: {measurements: [{date: 2024-03-01, share: 0.975, final: true}]}
    """
    plan = write(tmp_path, one_domain(criteria, 4))
    assert validate(plan).exit_code == 0
    # 0,975 of 1 × 4 = 3,9 (not 0,975 / 100 × 4 = 0,039).
    assert node(as_json(plan, "score", "--as-of", "2024-03-02"), "1.3")["projected"] == 3.9


# --- 8. a settled deadline criterion is recorded ---------------------------------------------


SETTLED = """
- id: "1.1"
  title: "Báo cáo quý"
  max: 1
  lead: vp
  rule: {kind: deadline, late: 0}
  baseline: {points: 1}
  deadlines: [{id: quy, what: "Báo cáo quý", before: {every: quarter, day: 12}}]
  progress:
    done: [{deadline: quy, occurrence: 2024-03-12, date: 2024-03-20, evidence: "BC 1"}]
"""


def test_8_a_deadline_criterion_settled_at_zero_is_recorded(tmp_path):
    plan = write(tmp_path, one_domain(SETTLED, 1))
    leaf = node(as_json(plan, "score", "--as-of", "2024-04-01"), "1.1")
    # Q1 done late (20/03 after 11/03) and late scores 0: whatever Q2–Q4 do, 0 of 1.
    assert (leaf["projected"], leaf["floor"], leaf["ceiling"]) == (0, 0, 0)
    assert (leaf["basis"], leaf["assumed"], leaf["status"], leaf["account"]) == ("recorded", False, "recorded", "recorded")
    md = ok(par(plan, "report", "--today", "2024-04-01", "--format", "md")).stdout
    assert "dự kiến bằng điểm năm 2023" not in md


# --- 9. dates typed the Vietnamese way -------------------------------------------------------


@pytest.mark.parametrize("typed", ["03/01/2024", "3/1/2024", "2024-01-03"])
def test_9_day_first_dates_in_every_option(plan_copy, typed):
    ok(par(plan_copy, "done", "1.1", "--date", typed))
    assert "- {deadline: ke-hoach, date: 2024-01-03}" in plan_copy.read_text(encoding="utf-8")
    assert as_json(plan_copy, "due", "--today", typed)["today"] == "2024-01-03"
    assert as_json(plan_copy, "score", "--as-of", typed)["as_of"] == "2024-01-03"
    assert as_json(plan_copy, "gap", "--as-of", typed)["as_of"] == "2024-01-03"
    assert as_json(plan_copy, "units", "--today", typed)["today"] == "2024-01-03"
    ok(par(plan_copy, "report", "--today", typed, "--format", "md"))


def test_9_occurrence_day_first_and_writing_commands_agree_on_the_year(plan_copy):
    ok(par(plan_copy, "done", "1.2", "--occurrence", "12/3/2024", "--date", "8/3/2024"))
    assert "- {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08}" in plan_copy.read_text(encoding="utf-8")
    before = plan_copy.read_bytes()
    # Without --date: today (after 2025 on this machine) is outside 2024: refused, file untouched.
    for args in (["done", "1.2"], ["set", "1.4", "initiatives=1"], ["set", "1.4", "initiatives=1", "--date", "02/01/2025"]):
        result = par(plan_copy, *args)
        assert result.exit_code == 1, args
        assert "từ 01/01/2024 đến 31/12/2024" in result.stderr
    assert plan_copy.read_bytes() == before


def test_9_a_day_first_date_in_the_yaml_gets_its_iso_form(tmp_path, plan_copy):
    text = plan_copy.read_text(encoding="utf-8").replace("before: 2024-01-05", "before: 05/01/2024")
    broken = write(tmp_path, text, "broken.yaml")
    completed = subprocess.run([par_executable(), "validate", str(broken)], capture_output=True, text=True, env=subprocess_env(), check=False)
    assert completed.returncode == 1
    assert f"{broken}:60:21: tiêu chí 1.1: ngày '05/01/2024' viết theo kiểu Việt Nam; trong tệp kế hoạch hãy viết dạng ISO: 2024-01-05" in completed.stdout + completed.stderr
