"""`par new-year`, `par diff` (and `--carry`) and `par init` on the bundled plan."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

from typer.testing import CliRunner

from par_cli.cli import app
from par_cli.plan.tree import walk
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line
from tests.edit_support import AFTER_1_1, AFTER_1_4, BUNDLED, par_executable, subprocess_env


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def scored_plan(tmp_path):
    """The bundled plan with 2024's scores recorded: 1.1 final 1,5; 1.4 appraised 1 then final
    2, with two initiatives measured; 5.4 only self-assessed."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace(AFTER_1_1, AFTER_1_1 + "        progress:\n          done:\n            - {deadline: ke-hoach, date: 2024-01-03}\n          stages:\n            - {stage: final, date: 2025-03-15, points: 1.5}\n", 1)
    text = text.replace(
        AFTER_1_4,
        AFTER_1_4
        + "        progress:\n          measurements:\n            - {date: 2024-05-02, initiatives: 1}\n            - {date: 2024-10-20, initiatives: 2}\n"
        + "          stages:\n            - {stage: appraisal_1, date: 2025-02-20, points: 1}\n            - {stage: final, date: 2025-03-15, points: 2}\n",
        1,
    )
    anchor = '        rule: {kind: tiers, measure: training_done_pct, tiers: [{at_least: 90, points: 1}], otherwise: 0}\n        baseline: {points: unknown}\n'
    assert anchor in text
    text = text.replace(anchor, anchor + "        progress:\n          stages:\n            - {stage: self_assessment, date: 2025-01-10, points: 1}\n", 1)
    path = tmp_path / "2024.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path).ok
    return path


def test_new_year_baselines_previous_and_deadlines(tmp_path):
    old = scored_plan(tmp_path)
    result = run("new-year", old, "--previous", "83,2", "--rank", "9/21")
    assert result.exit_code == 0, result.output
    new_path = tmp_path / "2025.yaml"
    loaded = load_plan(new_path)
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    plan = loaded.plan
    by_id = {node.criterion.id: node.criterion for node in walk(plan)}
    assert plan.year == 2025 and plan.title.endswith("năm 2025")
    # 83,2 / 95 × 100 = 87,578… → 87,58; 13th last year, 9th now: up 4.
    assert (plan.previous.points, plan.previous.percent, plan.previous.rank, plan.previous.of, plan.previous.rank_change) == (83.2, 87.58, 9, 21, 4)
    assert by_id["1.1"].baseline.points == 1.5
    assert by_id["1.4"].baseline.points == 2  # the final result, not the earlier appraisal
    assert [(o.measure, o.value) for o in by_id["1.4"].baseline.observed] == [("initiatives", 2)]
    assert by_id["5.4"].baseline.points == 1 and "chưa có kết quả chính thức" in by_id["5.4"].baseline.assumption
    assert by_id["1.6"].baseline.points == "unknown"  # 2023's 0 is not 2024's result
    assert all(not node.criterion.progress.done and not node.criterion.progress.stages and not node.criterion.progress.measurements for node in walk(plan))
    # One-off deadlines move a year and say so; recurring ones carry over as written.
    assert by_id["1.1"].deadlines[0].before.isoformat() == "2025-01-05" and "05/01/2024" in by_id["1.1"].deadlines[0].assumption
    assert by_id["1.2"].deadlines[0].before.model_dump(exclude_none=True) == {"every": "quarter", "day": 12}
    assert by_id["1.4"].rule.tiers and by_id["3.4.3"].rule.assumption.startswith("[Xem lại cho năm 2025] ")
    assert by_id["2.2.2"].assumptions["lead"].startswith("[Xem lại cho năm 2025] ")
    text = new_path.read_text(encoding="utf-8")
    assert "# Bảng \"PHÂN CÔNG NHIỆM VỤ CỤ THỂ\" được chép nguyên văn" in text  # the old comments kept

    # `par due` for 2025 on 02/01/2025, 14 days ahead (to 16/01/2025), by hand:
    # 7.1 "trước tháng 01 hàng năm": stated 01/01/2025, last day 31/12/2024, overdue;
    # 1.1 before 05/01/2025 → 04/01/2025; 2.2.1 and 2.3.1 before 15/01/2025 → 14/01/2025,
    # and 2.3.2's report (read from 2.3.1's merged note) → 14/01/2025. 1.2's first quarter
    # falls on 11/03/2025, outside the window; 2.2.3's 15/11/2025 too.
    due = run("due", "--plan", new_path, "--today", "2025-01-02", "--days", "14", "-f", "json")
    items = [(item["id"], item["due"], item["overdue"]) for item in json.loads(due.output)["items"]]
    assert items == [
        ("7.1", "2024-12-31", True),
        ("1.1", "2025-01-04", False),
        ("2.2.1", "2025-01-14", False),
        ("2.3.1", "2025-01-14", False),
        ("2.3.2", "2025-01-14", False),
    ]

    # Never over an existing file: the second run refuses and leaves the first untouched.
    again = run("new-year", old)
    assert again.exit_code == 2 and new_path.read_text(encoding="utf-8") == text


def test_new_year_without_published_result_says_so(tmp_path):
    old = tmp_path / "2024.yaml"
    old.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run([par_executable(), "new-year", str(old), "--output", str(tmp_path / "next.yaml")], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--previous" in done.stdout
    plan = load_plan(tmp_path / "next.yaml").plan
    assert plan.previous is None and plan.year == 2025


def edited_copy(tmp_path):
    """The bundled plan with 5.4 renumbered 5.5, 6.6 removed, 7.8 added (1 point, so the
    total stays) and 3.2's maximum 3,5 → 3 (the outside part 33 → 33,5 keeps 95)."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace('- id: "5.4"', '- id: "5.5"')
    start, end = text.index('      - id: "6.6"'), text.index('  - id: "7"')
    text = text[:start] + text[end:]
    text = text.replace(
        "        rule: {kind: manual}\n        baseline: {points: unknown}\n\noutside_table:",
        '        rule: {kind: manual}\n        baseline: {points: unknown}\n      - id: "7.8"\n        title: "Tiêu chí mới"\n        max: 1\n        lead: van-phong\n        rule: {kind: manual}\n\noutside_table:',
    )
    text = text.replace("        max: 3.5\n        lead: van-phong", "        max: 3\n        lead: van-phong").replace("  max: 33\n", "  max: 33.5\n")
    path = tmp_path / "edited.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path).ok
    return path


def test_diff_lists_exactly_the_four_changes(tmp_path):
    new = edited_copy(tmp_path)
    result = run("diff", BUNDLED, new, "-f", "json")
    assert result.exit_code == 0, result.output
    found = {(d["kind"], d["old_id"], d["new_id"]) for d in json.loads(result.output)["differences"]}
    assert found == {("max", "3.2", "3.2"), ("renumbered", "5.4", "5.5"), ("removed", "6.6", None), ("added", None, "7.8")}
    table = run("diff", BUNDLED, new, "-f", "text")
    assert "3,5 → 3" in table.output and "đổi số" in table.output
    same = run("diff", BUNDLED, BUNDLED, "-f", "text")
    assert "cùng các tiêu chí" in same.output


def test_diff_carry_moves_progress_and_lists_what_cannot_be_placed(tmp_path):
    old = tmp_path / "old.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    anchor = '        rule: {kind: tiers, measure: training_done_pct, tiers: [{at_least: 90, points: 1}], otherwise: 0}\n        baseline: {points: unknown}\n'
    text = text.replace(anchor, anchor + "        progress:\n          measurements:\n            - {date: 2024-06-30, training_done_pct: 95}\n", 1)
    six = '        requirement: "100% đơn vị ban hành quy chế chi tiêu nội bộ"\n        rule: {kind: manual}\n        baseline: {points: unknown}\n'
    text = text.replace(six, six + '        progress:\n          evidence:\n            - {date: 2024-02-01, text: "Quy chế 05/QC-SGTVT"}\n', 1)
    old.write_text(text, encoding="utf-8")
    new = edited_copy(tmp_path)
    result = run("diff", old, new, "--carry")
    assert result.exit_code == 1  # 6.6's evidence has nowhere to go: said, not dropped
    assert "6.6" in result.output and "Quy chế" not in new.read_text(encoding="utf-8")
    carried = load_plan(new)
    assert carried.ok
    by_id = {node.criterion.id: node.criterion for node in walk(carried.plan)}
    assert by_id["5.5"].progress.measurements[0].values == {"training_done_pct": 95}
    assert new.read_text(encoding="utf-8").startswith("# yaml-language-server")  # comments kept
    # With a mapping file, 6.6's evidence goes where the user says.
    mapping = tmp_path / "map.yaml"
    mapping.write_text('"6.6": "7.8"\n', encoding="utf-8")
    second = tmp_path / "second"
    second.mkdir()
    target = edited_copy(second)
    mapped = run("diff", old, target, "--carry", "--mapping", mapping)
    assert mapped.exit_code == 0, mapped.output
    by_id = {node.criterion.id: node.criterion for node in walk(load_plan(target).plan)}
    assert by_id["7.8"].progress.evidence[0].text == "Quy chế 05/QC-SGTVT"


def test_init_writes_a_skeleton_that_validates(tmp_path):
    target = tmp_path / "plans" / "2026.yaml"
    result = run("init", "--year", "2026", "--output", target)
    assert result.exit_code == 0, result.output
    loaded = load_plan(target)
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    text = target.read_text(encoding="utf-8")
    for field in ("implements", "previous", "target", "unknown_share", "part_of", "kind: all", "children", "measures", "projection", "deadlines", "stages", "outside_table", "rank_change"):
        assert field in text, field
    assert run("init", "--year", "2026", "--output", target).exit_code == 2


def test_new_year_baseline_is_the_stage_par_score_counts(tmp_path):
    """The baseline is `par_cli.state.stage_that_counts` with every record in: the stage
    furthest along the scoring process, not the latest by date. 1.1: appraised 1,5 on
    20/02/2025, then a self-assessment of 2 dated later (10/03/2025): the appraisal counts
    (appraisal 1 ranks above a self-assessment), so the baseline is 1,5, not 2. 1.4: only
    the undated ``self_assessed: 1`` of an older plan, which reads as a self-assessment."""
    from par_cli.state import stage_that_counts

    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace(
        AFTER_1_1,
        AFTER_1_1
        + "        progress:\n          stages:\n            - {stage: appraisal_1, date: 2025-02-20, points: 1.5}\n"
        + "            - {stage: self_assessment, date: 2025-03-10, points: 2}\n",
        1,
    )
    text = text.replace(AFTER_1_4, AFTER_1_4 + "        progress:\n          self_assessed: 1\n", 1)
    old = tmp_path / "2024.yaml"
    old.write_text(text, encoding="utf-8")
    before = load_plan(old)
    assert before.ok, [problem_line(p, "en") for p in before.problems]
    counted = {node.criterion.id: stage_that_counts(node.criterion, dt.date.max) for node in walk(before.plan)}
    assert (counted["1.1"].stage, counted["1.1"].points) == ("appraisal_1", 1.5)
    result = run("new-year", old)
    assert result.exit_code == 0, result.output
    plan = load_plan(tmp_path / "2025.yaml").plan
    by_id = {node.criterion.id: node.criterion for node in walk(plan)}
    assert by_id["1.1"].baseline.points == 1.5
    assert "thẩm định lần 1 ngày 20/02/2025" in by_id["1.1"].baseline.assumption
    assert by_id["1.4"].baseline.points == 1
    assert "Điểm tự đánh giá năm 2024 (chưa có kết quả chính thức)" in by_id["1.4"].baseline.assumption
    # 1.4's observed value: the 2024 plan records no reading, so none is carried.
    assert by_id["1.4"].baseline.observed is None or list(by_id["1.4"].baseline.observed) == []
