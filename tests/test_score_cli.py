"""`par score` as a person runs it: depth, one unit, explanations, every format, both languages."""

from __future__ import annotations

import csv
import io
import json

import pytest

from par_cli.cli import app
from tests.score_plans import HEAD, node, score_json, write

# index_max 10 = 1.1 (2) + 1.2 (1) + 2.1 (3) + 2.2 (2) + outside (2).
PLAN = HEAD.replace("INDEX_MAX", "10") + """\
previous: {points: 8, percent: 80, rank: 4, of: 10}
outside_table:
  id: ngoai-bang
  title: "Phần ngoài bảng"
  max: 2
  projection: {points: 1.5, assumption: "Ước tính theo năm trước."}
domains:
  - id: "1"
    title: "CHỈ ĐẠO ĐIỀU HÀNH"
    criteria:
      - id: "1.1"
        title: "Sáng kiến hoặc giải pháp mới trong cải cách hành chính"
        max: 2
        lead: vp
        measures: {initiatives: {kind: count, label: "Số sáng kiến"}}
        rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]}
        baseline: {points: 1}
        progress:
          measurements: [{date: 2024-03-10, initiatives: 1, evidence: "QĐ 12/QĐ-SGTVT"}]
      - id: "1.2"
        title: "Kế hoạch CCHC"
        max: 1
        lead: vp
        rule: {kind: deadline}
        deadlines: [{id: ke-hoach, what: "Ban hành Kế hoạch CCHC", before: 2024-01-05}]
        progress:
          done: [{deadline: ke-hoach, date: 2024-01-04, evidence: "KH 5/KH-SGTVT"}]
  - id: "2"
    title: "VĂN BẢN QPPL"
    criteria:
      - id: "2.1"
        title: "Theo dõi thi hành pháp luật"
        max: 3
        children:
          - id: "2.1.1"
            title: "Điều tra, khảo sát"
            max: 1
            lead: tt
            rule: {kind: manual}
            progress: {self_assessed: 1}
          - id: "2.1.2"
            title: "Báo cáo thi hành pháp luật"
            max: 2
            lead: tt
            rule: {kind: manual}
            baseline: {points: 1.5}
      - id: "2.2"
        title: "Xử lý văn bản trái pháp luật"
        max: 2
        lead: vp
        support: tt
        rule: {kind: manual}
"""
# By hand:      projected  floor  ceiling  basis
#   1.1         1          1      1        recorded (1 initiative)
#   1.2         1          1      1        recorded (done 04/01, last day 04/01)
#   2.1.1       1          1      1        self-assessed, no evidence
#   2.1.2       1,5        0      2        2023 points
#   2.2         — (0)      0      2        unknown
#   ngoai-bang  1,5        0      2        declared projection
#   total       6          3      9        baseline 8 → change −2; 6/10 = 60 %


@pytest.fixture
def plan(tmp_path):
    return write(tmp_path, PLAN)


def invoke(runner, plan, *options):
    return runner.invoke(app, ["score", "--plan", str(plan), *options])


def test_json_is_a_flat_list_of_every_node_in_document_order(runner, plan):
    payload = score_json(runner, plan)
    assert set(payload) >= {"plan", "as_of", "total", "criteria"}
    assert set(payload["total"]) >= {"max", "projected", "floor", "ceiling", "baseline", "change", "percent"}
    total = payload["total"]
    assert (total["max"], total["projected"], total["floor"], total["ceiling"]) == (10, 6, 3, 9)
    assert (total["baseline"], total["change"], total["percent"]) == (8, -2, 60)
    assert [(item["id"], item["level"]) for item in payload["criteria"]] == [
        ("1", "domain"),
        ("1.1", "criterion"),
        ("1.2", "criterion"),
        ("2", "domain"),
        ("2.1", "criterion"),
        ("2.1.1", "sub"),
        ("2.1.2", "sub"),
        ("2.2", "criterion"),
        ("ngoai-bang", "outside"),
    ]
    keys = {"id", "level", "title", "max", "baseline", "projected", "floor", "ceiling", "assumed", "basis", "status", "lead", "self_assessed", "appraised", "no_evidence"}
    for item in payload["criteria"]:
        assert keys <= set(item), item["id"]
    assert node(payload, "2.2")["projected"] is None
    assert node(payload, "2.2")["baseline"] is None
    assert node(payload, "1.1")["lead"] == ["vp"]
    assert payload["as_of"] is None
    assert payload["plan"]["number"] == "7/KH-THU"


@pytest.mark.parametrize(
    ("depth", "ids"),
    [
        ("1", ["1", "2", "ngoai-bang"]),
        ("2", ["1", "1.1", "1.2", "2", "2.1", "2.2", "ngoai-bang"]),
        ("3", ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "2.2", "ngoai-bang"]),
    ],
)
def test_depth(runner, plan, depth, ids):
    assert [item["id"] for item in score_json(runner, plan, "--depth", depth)["criteria"]] == ids
    text = invoke(runner, plan, "--depth", depth, "--format", "csv").stdout
    assert [row["id"] for row in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))] == ids


def test_depth_out_of_range_is_a_usage_error(runner, plan):
    assert invoke(runner, plan, "--depth", "4").exit_code == 2


def test_one_unit_and_its_totals(runner, plan):
    payload = score_json(runner, plan, "--unit", "tt")
    # Thanh tra leads 2.1.1 and 2.1.2 and supports 2.2; the component outside the table is nobody's.
    assert [item["id"] for item in payload["criteria"]] == ["2", "2.1", "2.1.1", "2.1.2", "2.2"]
    total = payload["total"]
    # max 1 + 2 + 2 = 5; expected 1 + 1,5 + 0 = 2,5; one 2023 result unknown → no baseline.
    assert (total["max"], total["projected"], total["baseline"], total["percent"]) == (5, 2.5, None, 50)
    assert payload["unit"] == "tt"
    # Văn phòng: 1.1, 1.2 and 2.2 → 2 + 1 + 2 = 5, expected 1 + 1 + 0 = 2.
    office = score_json(runner, plan, "--unit", "vp")["total"]
    assert (office["max"], office["projected"]) == (5, 2)


def test_a_collective_unit_is_listed_apart(runner, tmp_path):
    # 1.1 supported by "Các phòng, đơn vị" is given to every unit together (issue 11): Thanh
    # tra's view lists it apart and does not add its points; 1.2 names neither.
    text = PLAN.replace("lead: vp\n        measures", "lead: vp\n        support: cac-phong\n        measures")
    payload = score_json(runner, write(tmp_path, text), "--unit", "tt")
    ids = [item["id"] for item in payload["criteria"]]
    assert "1.1" not in ids and "1.2" not in ids
    assert [item["id"] for item in payload["shared"]] == ["1.1"]
    assert payload["total"]["max"] == 5  # 2.1 (2 + 1) + 2.2 (2), as without the phrase


def test_unknown_unit_is_a_usage_error(runner, plan):
    result = invoke(runner, plan, "--unit", "khong-co")
    assert result.exit_code == 2
    assert "không có đơn vị 'khong-co'" in result.stderr
    assert "vp, tt, cac-phong" in result.stderr


def test_text_footer_in_vietnamese(runner, plan):
    result = invoke(runner, plan, "--format", "text")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Tổng dự kiến: 6/10 điểm (60,00 %)" in out
    assert "So với năm 2023 (8 điểm): -2 điểm" in out
    assert "Sàn – trần: 3 – 9 điểm" in out
    # 2.1.2's 2023 points (1,5) + 2.2 unknown (0) + outside (1,5).
    assert "Dựa trên giả định: 3 điểm của tổng dự kiến, trong đó phần ngoài bảng: 1,5 điểm" in out
    assert "Chưa rõ, tính 0 điểm: 2.2" in out
    assert "⚠ điểm chưa có tài liệu kiểm chứng: 2.1.1" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line[:1].isdigit()}
    assert "đã ghi nhận" in lines["1.1"]
    assert "Văn phòng Sở" in lines["1.1"]
    assert "ước tính (2023)" in lines["2.1.2"]
    assert "chưa rõ" in lines["2.2"]
    assert "tự đánh giá ⚠" in lines["2.1.1"]
    assert "Tự ĐG" in out  # a self-assessed score is present, so is its column


def test_english_labels(runner, plan):
    out = invoke(runner, plan, "--format", "text", "--lang", "en").stdout
    assert "Expected total: 6/10 points (60.00 %)" in out
    assert "Floor – ceiling: 3 – 9 points" in out
    assert "Expected" in out.splitlines()[1] and "Status" in out.splitlines()[1]
    assert "estimated (2023)" in out
    assert "Tổng" not in out


def test_vietnamese_numbers_on_the_index_scale(runner, tmp_path):
    # 52,45 self-assessed + 27,91 outside = 80,36 of 95 → 84,59 %.
    text = HEAD.replace("INDEX_MAX", "95") + """\
previous: {points: 80.36, percent: 84.59, rank: 13, of: 21}
outside_table: {id: ngoai-bang, title: "Ngoài bảng", max: 33, projection: {points: 27.91, assumption: "84,59 % × 33."}}
domains:
  - id: "1"
    title: "BẢNG"
    criteria:
      - {id: "1.1", title: "Cả bảng", max: 62, lead: vp, rule: {kind: manual}, progress: {self_assessed: 52.45}}
"""
    out = invoke(runner, write(tmp_path, text), "--format", "text").stdout
    assert "Tổng dự kiến: 80,36/95 điểm (84,59 %)" in out
    assert "So với năm 2023 (80,36 điểm): 0 điểm" in out


def test_csv_parses_with_machine_numbers(runner, plan):
    result = invoke(runner, plan, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id["2.1.2"]["projected"] == "1.5"
    assert by_id["2.2"]["projected"] == ""
    assert by_id["1"]["max"] == "3"


def test_markdown_is_a_table(runner, plan):
    out = invoke(runner, plan, "--format", "md").stdout
    assert "| Mã | Tiêu chí |" in out
    assert "| --- | --- | ---: |" in out
    assert "| **1** | **CHỈ ĐẠO ĐIỀU HÀNH** |" in out
    assert "Tổng dự kiến: 6/10 điểm (60,00 %)" in out


def test_rich_table_fits_the_terminal_and_never_cuts_numbers(runner, plan):
    result = runner.invoke(app, ["score", "--plan", str(plan), "--format", "table"], env={"COLUMNS": "72"})
    lines = result.stdout.splitlines()
    table = [line for line in lines if line.startswith(("┃", "│", "┏", "└"))]
    assert table and all(len(line) <= 72 for line in table)
    row = next(line for line in table if "│ 2.1.2" in line)
    assert "1,5" in row
    assert "Tổng dự kiến: 6/10 điểm (60,00 %)" in result.stdout


def test_as_of_is_echoed(runner, plan):
    # On 01/03 the initiative (10/03) is not recorded yet: 1.1 falls back on its 2023 point (1).
    payload = score_json(runner, plan, "--as-of", "2024-03-01")
    assert payload["as_of"] == "2024-03-01"
    assert node(payload, "1.1")["basis"] == "baseline"
    assert "Tính theo số liệu ghi nhận đến ngày 01/03/2024." in invoke(runner, plan, "--as-of", "2024-03-01", "--format", "text").stdout


def test_bad_as_of_is_a_usage_error(runner, plan):
    result = invoke(runner, plan, "--as-of", "2024-13-01")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_explain_a_recorded_criterion(runner, plan):
    result = invoke(runner, plan, "--explain", "1.1")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("1.1 — Sáng kiến hoặc giải pháp mới trong cải cách hành chính (tối đa 2 điểm)")
    assert "Quy tắc: theo bậc, bậc đầu tiên đạt được tính: initiatives ≥ 2 → 2; initiatives ≥ 1 → 1; còn lại → 0" in out
    assert "initiatives (Số sáng kiến) = 1: ghi nhận ngày 10/03/2024; tài liệu: QĐ 12/QĐ-SGTVT" in out
    assert "Điểm năm trước: 1 (theo kế hoạch)" in out
    assert "Phép tính: initiatives = 1 ≥ 2 ✗; initiatives = 1 ≥ 1 ✓ → 1" in out
    assert "Kết quả: dự kiến 1 (đã ghi nhận); sàn 1; trần 1" in out


def test_explain_an_assumed_criterion_in_english(runner, plan):
    out = invoke(runner, plan, "--explain", "2.1.2", "--lang", "en").stdout
    assert "Rule: no formula: the self-assessed score" in out
    assert "Previous year's points: 1.5 (from the plan)" in out
    assert "expected to equal the previous year's 1.5 (assumed)" in out
    assert "Floor (missing = fails): self-assessed score → 0" in out
    assert "Ceiling (missing = passes): self-assessed score → 2" in out


def test_explain_a_deadline_and_a_parent(runner, plan):
    out = invoke(runner, plan, "--explain", "1.2").stdout
    assert "Ban hành Kế hoạch CCHC: hạn 04/01/2024, xong ngày 04/01/2024 (đúng hạn); tài liệu: KH 5/KH-SGTVT" in out
    assert "1 lần hạn: 1 đúng hạn, 0 trễ hạn, 0 chưa đến hạn, 0 quá hạn chưa thực hiện → 1 × 1 = 1" in out
    parent = invoke(runner, plan, "--explain", "2.1").stdout
    assert "Phép tính: 2.1.1 (1) + 2.1.2 (1,5) = 2,5" in parent


def test_explain_json(runner, plan):
    result = invoke(runner, plan, "--explain", "2.1.2", "--format", "json")
    details = json.loads(result.stdout)
    assert {"rule_kind", "rule", "inputs", "steps", "result", "assumptions"} <= set(details)
    result = details["result"]
    assert (result["basis"], result["projected"], result["assumed"]) == ("baseline", 1.5, True)
    baseline = next(item for item in details["inputs"] if item["kind"] == "baseline")
    assert (baseline["value"], baseline["source"]["kind"], baseline["assumed"]) == (1.5, "plan", False)
    # A manual rule, undecided: the expectation, the floor and the ceiling, no words.
    assert [(step["of"], step["points"]) for step in details["steps"]] == [("expected", None), ("floor", 0), ("ceiling", 2)]


def test_explain_the_outside_component(runner, plan):
    out = invoke(runner, plan, "--explain", "ngoai-bang").stdout
    assert "Dự kiến khai báo: 1,5 (giả định)" in out
    assert "Ước tính theo năm trước." in out


def test_explain_unknown_id(runner, plan):
    result = invoke(runner, plan, "--explain", "9.9")
    assert result.exit_code == 2
    assert "không có tiêu chí '9.9' trong kế hoạch" in result.stderr


def test_invalid_plan_exits_1_with_the_validate_messages(runner, tmp_path):
    broken = write(tmp_path, PLAN.replace("index_max: 10", "index_max: 11"))
    result = invoke(runner, broken)
    assert result.exit_code == 1
    assert f"{broken}:5:12:" in result.stderr
    assert "khác chỉ số tối đa 11" in result.stderr
    # Under --format json the problems are JSON on stdout.
    as_json = invoke(runner, broken, "--format", "json")
    assert as_json.exit_code == 1
    payload = json.loads(as_json.stdout)
    assert payload["valid"] is False and payload["problems"][0]["line"] == 5 and payload["problems"][0]["column"] == 12
