"""`par set`: a measurement or a score recorded with one command, and nothing else touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.edit_support import AFTER_1_4, AFTER_3_4_1, BUNDLED, insert_after, par, problem_lines


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "2024.yaml"
    target.write_bytes(BUNDLED.read_bytes())
    return target


def test_a_count_becomes_one_dated_line_under_the_criterion(plan: Path):
    original = plan.read_text(encoding="utf-8")

    result = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10")

    assert result.exit_code == 0, result.output
    assert result.output == f"Đã ghi cho tiêu chí 1.4: initiatives = 2, ngày 10/03/2024 ({plan})\n"
    added = "        progress:\n          measurements:\n            - {date: 2024-03-10, initiatives: 2}\n"
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_1_4, added)


def test_a_second_measurement_goes_below_the_first_so_history_stays(plan: Path):
    original = plan.read_text(encoding="utf-8")

    first = par(plan, "set", "1.4", "initiatives=1", "--date", "2024-03-10")
    second = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-09-01", "--evidence", "Quyết định số 5/QĐ-SGTVT ngày 28/8/2024")

    assert (first.exit_code, second.exit_code) == (0, 0), second.output
    added = (
        "        progress:\n"
        "          measurements:\n"
        "            - {date: 2024-03-10, initiatives: 1}\n"
        '            - {date: 2024-09-01, initiatives: 2, evidence: "Quyết định số 5/QĐ-SGTVT ngày 28/8/2024"}\n'
    )
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_1_4, added)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("97,5", "97.5"),  # the Vietnamese decimal comma
        ("97.5", "97.5"),
        ("97,5%", "97.5"),
        ("97,5 %", "97.5"),
        ("100", "100"),
        ("0", "0"),
    ],
)
def test_a_percentage_is_read_the_vietnamese_way_or_the_english_way(plan: Path, typed: str, stored: str):
    original = plan.read_text(encoding="utf-8")

    result = par(plan, "set", "3.4.1", f"on_time_pct={typed}", "--date", "2024-06-30")

    assert result.exit_code == 0, result.output
    added = f"            progress:\n              measurements:\n                - {{date: 2024-06-30, on_time_pct: {stored}}}\n"
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_3_4_1, added)


def test_yes_no_and_levels_take_the_users_words(plan: Path):
    assert par(plan, "set", "3.4.2", "apologies_sent=Có", "--date", "2024-04-01").exit_code == 0
    assert par(plan, "set", "3.4.3", "rating=TỐT", "--date", "2024-04-01").exit_code == 0
    # 1.3 takes three measures in one entry; "khong" is "không" typed without diacritics.
    assert par(plan, "set", "1.3", "plan_issued=yes", "report_sent=khong", "contest_participation_pct=92,4", "--date", "2024-04-02").exit_code == 0

    text = plan.read_text(encoding="utf-8")
    assert "                - {date: 2024-04-01, apologies_sent: true}\n" in text
    # the level as the plan writes it, not as typed
    assert '                - {date: 2024-04-01, rating: "tốt"}\n' in text
    assert "            - {date: 2024-04-02, plan_issued: true, report_sent: false, contest_participation_pct: 92.4}\n" in text


def test_scores_are_dated_stages(plan: Path):
    # Issue 11: a score is a dated stage, kept as history; --date is no longer dropped, and
    # an appraisal may be dated in the year after the plan year (typed the Vietnamese way).
    original = plan.read_text(encoding="utf-8")

    assert par(plan, "set", "1.4", "self_assessed=1,5", "--date", "2024-12-20").exit_code == 0
    result = par(plan, "set", "1.4", "self_assessed=2", "appraised=1", "--date", "20/02/2025", "--note", "thiếu minh chứng", "--lang", "en")

    assert result.exit_code == 0, result.output
    assert result.output == f"Recorded for criterion 1.4: self-assessment 2 points on 20/02/2025; appraisal, round 1 1 points on 20/02/2025 ({plan})\n"
    added = (
        "        progress:\n"
        "          stages:\n"
        '            - {stage: "self_assessment", date: 2024-12-20, points: 1.5}\n'
        '            - {stage: "self_assessment", date: 2025-02-20, points: 2, note: "thiếu minh chứng"}\n'
        '            - {stage: "appraisal_1", date: 2025-02-20, points: 1, note: "thiếu minh chứng"}\n'
    )
    assert plan.read_text(encoding="utf-8") == insert_after(original, AFTER_1_4, added)
    # Every stage by its own name too.
    assert par(plan, "set", "1.4", "explanation=1,5", "appraisal_2=1,5", "--date", "2025-03-10").exit_code == 0
    assert par(plan, "set", "1.4", "final=1,5", "--date", "2025-04-01").exit_code == 0
    assert "- {stage: final, date: 2025-04-01, points: 1.5}" in plan.read_text(encoding="utf-8")


def test_evidence_given_with_a_score_goes_on_the_stage(plan: Path):
    original = plan.read_text(encoding="utf-8")

    result = par(plan, "set", "1.5", "self_assessed=2", "--date", "2024-12-20", "--evidence", "Báo cáo số 210/BC-SGTVT ngày 18/12/2024")

    assert result.exit_code == 0, result.output
    anchor = '        requirement: "Thực hiện đảm bảo đúng tiến độ 100% nhiệm vụ được giao"\n        rule: {kind: manual}\n        baseline: {points: unknown}\n'
    added = (
        "        progress:\n"
        "          stages:\n"
        '            - {stage: "self_assessment", date: 2024-12-20, points: 2, evidence: "Báo cáo số 210/BC-SGTVT ngày 18/12/2024"}\n'
    )
    assert plan.read_text(encoding="utf-8") == insert_after(original, anchor, added)


def test_json_output_says_what_was_recorded(plan: Path):
    result = par(plan, "set", "3.4.1", "on_time_pct=96,5", "--date", "2024-06-30", "--format", "json")

    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["written"] is True
    assert payload["dry_run"] is False
    assert payload["recorded"] == {
        "criterion": "3.4.1",
        "measurement": {"date": "2024-06-30", "values": {"on_time_pct": 96.5}, "evidence": None},
    }
    assert "+                - {date: 2024-06-30, on_time_pct: 96.5}\n" in payload["diff"]


def test_dry_run_prints_the_diff_and_writes_nothing(plan: Path):
    before = plan.read_bytes()

    result = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10", "--dry-run")

    assert result.exit_code == 0, result.output
    assert plan.read_bytes() == before
    assert sorted(path.name for path in plan.parent.iterdir()) == ["2024.yaml"]
    name = plan.as_posix().lstrip("/")
    # the hunk starts three lines above the insertion: the bundled plan's line 102 is 1.4's
    # baseline, so the context is lines 100-105 of the old file, 100-108 of the new one.
    expected_diff = (
        f"--- a/{name}\n"
        f"+++ b/{name}\n"
        "@@ -100,6 +100,9 @@\n"
        "           initiatives: {kind: count, label: \"Số sáng kiến, giải pháp mới\"}\n"
        "         rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]}\n"
        "         baseline: {points: 1, observed: [{measure: initiatives, value: 1}]}\n"
        "+        progress:\n"
        "+          measurements:\n"
        "+            - {date: 2024-03-10, initiatives: 2}\n"
        "       - id: \"1.5\"\n"
        "         title: \"Thực hiện các nhiệm vụ được UBND tỉnh giao tại Chương trình công tác năm\"\n"
        "         max: 2\n"
    )
    assert result.stdout == expected_diff
    assert "Chạy thử, chưa ghi gì: tiêu chí 1.4: initiatives = 2, ngày 10/03/2024" in result.stderr


REFUSED = [
    # (arguments, the message on stderr)
    (["set", "9.9", "initiatives=2", "--date", "2024-03-10"], "kế hoạch không có tiêu chí '9.9'"),
    (["set", "1.4", "sang_kien=2", "--date", "2024-03-10"], "tiêu chí 1.4 không có chỉ số đo 'sang_kien'; dùng một trong: initiatives, self_assessed, appraised"),
    (["set", "3.4.1", "on_time_pct=140", "--date", "2024-03-10"], "tỷ lệ 140 nằm ngoài 0–100 %"),
    (["set", "3.4.1", "on_time_pct=-1", "--date", "2024-03-10"], "tỷ lệ -1 nằm ngoài 0–100 %"),
    (["set", "3.4.1", "on_time_pct=nan", "--date", "2024-03-10"], "'nan' không phải là một số cho 'on_time_pct'"),
    (["set", "3.4.1", "on_time_pct=inf", "--date", "2024-03-10"], "'inf' không phải là một số cho 'on_time_pct'"),
    (["set", "3.4.1", "on_time_pct=1.000,5", "--date", "2024-03-10"], "'1.000,5' không phải là một số cho 'on_time_pct'"),
    (["set", "1.4", "initiatives=-1", "--date", "2024-03-10"], "giá trị -1 không hợp lệ cho 'initiatives': số nguyên ≥ 0"),
    (["set", "1.4", "initiatives=2,5", "--date", "2024-03-10"], "giá trị '2,5' không hợp lệ cho 'initiatives': số nguyên ≥ 0"),
    (["set", "3.4.2", "apologies_sent=maybe", "--date", "2024-03-10"], "giá trị 'maybe' không hợp lệ cho 'apologies_sent': dùng có hoặc không"),
    (["set", "3.4.3", "rating=xuất sắc", "--date", "2024-03-10"], "giá trị 'xuất sắc' không hợp lệ cho 'rating': rất tốt / tốt / chưa đạt"),
    (["set", "1.4", "initiatives=2", "--date", "2025-01-02"], "ngày 02/01/2025 không ghi được cho số liệu đo: số liệu là của năm kế hoạch, từ 01/01/2024 đến 31/12/2024"),
    (["set", "1.4", "appraisal_1=1", "--date", "2026-01-02"], "ngày 02/01/2026 không ghi được cho điểm các bước chấm: từ 01/01/2024 đến 31/12/2025"),
    (["set", "1.4", "initiatives=2", "--note", "x", "--date", "2024-03-10"], "--note là ghi chú cho điểm một bước chấm"),
    (["set", "1.4", "initiatives=2", "initiatives=3", "--date", "2024-03-10"], "khóa 'initiatives' được ghi hai lần"),
    (["set", "1.4", "self_assessed=2,5", "--date", "2024-12-20"], "2,5 điểm vượt điểm tối đa 2"),
    (["set", "1.4", "self_assessed=-0,5", "--date", "2024-12-20"], "giá trị '-0,5' không hợp lệ cho 'self_assessed': ≥ 0"),
    (["set", "1.4", "initiatives=2", "--date", "2024-03-10", "--evidence", "   "], "tài liệu kiểm chứng không được để trống"),
]


@pytest.mark.parametrize(("arguments", "message"), REFUSED, ids=[" ".join(a[1:3]) for a, _ in REFUSED])
def test_a_refused_value_leaves_the_file_byte_for_byte(plan: Path, arguments: list[str], message: str):
    before = plan.read_bytes()

    result = par(plan, *arguments)

    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert message in result.stderr
    assert result.stderr.count("\n") == 1  # one clear message
    assert plan.read_bytes() == before
    assert sorted(path.name for path in plan.parent.iterdir()) == ["2024.yaml"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["set", "1.4", "initiatives"], "'initiatives' không có dạng KHÓA=GIÁ_TRỊ"),
        (["set", "1.4", "initiatives="], "'initiatives=' không có dạng KHÓA=GIÁ_TRỊ"),
        # Day first always: there is no 13th month, so 03/13/2024 is refused, never read as 13 March.
        (["set", "1.4", "initiatives=2", "--date", "03/13/2024"], "ngày '03/13/2024' không hợp lệ: dùng dạng YYYY-MM-DD, DD/MM/YYYY hoặc D/M/YYYY"),
    ],
)
def test_a_malformed_command_is_a_usage_error(plan: Path, arguments: list[str], message: str):
    before = plan.read_bytes()

    result = par(plan, *arguments)

    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert plan.read_bytes() == before


def test_refusals_read_in_english(plan: Path):
    result = par(plan, "set", "3.4.1", "on_time_pct=140", "--date", "2024-03-10", "--lang", "en")

    assert result.exit_code == 1
    # 3.4.1 starts at line 277, column 13 of the bundled plan
    assert result.stderr == f"{plan}:277:13: percentage 140 is outside 0–100 %\n"


def test_a_plan_that_is_already_invalid_is_refused_with_its_problems(plan: Path):
    broken = plan.read_text(encoding="utf-8").replace("index_max: 95", "index_max: 96")
    plan.write_text(broken, encoding="utf-8")
    before = plan.read_bytes()

    result = par(plan, "set", "1.4", "initiatives=2", "--date", "2024-03-10")

    assert result.exit_code == 1
    # Two problems: the maxima add up to 62 + 33 = 95, not 96; and 2023's 80.36 points are
    # 83.71 % of 96, not the 84.59 % written. Line 12 is "index_max: 96", its value at
    # column 12 (after "index_max: "); line 13 holds `previous`, whose percent starts at 36.
    assert [line.split(": ")[0] for line in problem_lines(result.stderr)] == [f"{plan}:12:12", f"{plan}:13:36"]
    assert "kế hoạch đang có 2 lỗi" in result.stderr
    assert plan.read_bytes() == before


def test_a_missing_plan_is_a_usage_error(tmp_path: Path):
    result = par(tmp_path / "2024.yaml", "set", "1.4", "initiatives=2", "--date", "2024-03-10")

    assert result.exit_code == 2
    assert "không tìm thấy tệp" in result.stderr
    assert list(tmp_path.iterdir()) == []
