"""Where the expected points come from, floor and ceiling, evidence, parents and totals."""

from __future__ import annotations

import datetime as dt

from par_cli.reading.reader import load_plan
from par_cli.scoring.scorer import score_plan
from tests.score_plans import node, one_domain, score_json, write

TIERS = "measures: {initiatives: {kind: count, label: \"Số sáng kiến\"}}\n  rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]}"

PRECEDENCE = f"""
- id: "1.1"
  title: "Thẩm định"
  max: 2
  lead: vp
  {TIERS}
  progress:
    measurements: [{{date: 2024-05-02, initiatives: 2, evidence: "QĐ 1"}}]
    self_assessed: 2
    appraised: 1
- id: "1.2"
  title: "Số liệu thắng tự đánh giá"
  max: 2
  lead: vp
  {TIERS}
  progress:
    measurements: [{{date: 2024-05-02, initiatives: 2}}]
    self_assessed: 1
- id: "1.3"
  title: "Chỉ có tự đánh giá"
  max: 2
  lead: vp
  {TIERS}
  progress: {{self_assessed: 1}}
- id: "1.4"
  title: "Dự kiến khai báo"
  max: 2
  lead: vp
  {TIERS}
  baseline: {{points: 1}}
  projection: {{points: 1.5, assumption: "Dự kiến có thêm nửa sáng kiến."}}
- id: "1.5"
  title: "Điểm 2023"
  max: 2
  lead: vp
  {TIERS}
  baseline: {{points: 1}}
- id: "1.6"
  title: "Giả định chung"
  max: 2
  lead: vp
  rule: {{kind: manual}}
"""
ASSUME_HALF = """\
assumptions: {unknown_share: 0.5, why: "Tiêu chí chưa rõ được dự kiến nửa số điểm."}
"""


def test_precedence_of_the_expectation(runner, tmp_path):
    payload = score_json(runner, write(tmp_path, one_domain(PRECEDENCE, 12, extra=ASSUME_HALF)))
    expected = {
        # id: (projected, floor, ceiling, basis, assumed)
        "1.1": (1, 1, 1, "appraised", False),  # the appraised 1 counts, not the computed 2 nor the self-assessed 2
        "1.2": (2, 2, 2, "recorded", False),  # the recorded reading (2 initiatives → 2) beats the self-assessed 1
        "1.3": (1, 0, 2, "self_assessed", False),  # no reading: self-assessed 1; the rule still bounds it 0..2
        "1.4": (1.5, 0, 2, "projection", True),  # the declared projection beats the 2023 points
        "1.5": (1, 0, 2, "baseline", True),  # 2023 points
        "1.6": (1, 0, 2, "plan_assumption", True),  # 0,5 × 2
    }
    for criterion_id, (projected, floor, ceiling, basis, assumed) in expected.items():
        leaf = node(payload, criterion_id)
        assert (leaf["projected"], leaf["floor"], leaf["ceiling"], leaf["basis"], leaf["assumed"]) == (projected, floor, ceiling, basis, assumed), criterion_id
    appraised = node(payload, "1.1")
    assert (appraised["self_assessed"], appraised["appraised"], appraised["status"]) == (2, 1, "appraised")
    total = payload["total"]
    # 1 + 2 + 1 + 1,5 + 1 + 1 = 7,5; floor 1 + 2 + 0 + 0 + 0 + 0 = 3; ceiling 1 + 2 + 2 + 2 + 2 + 2 = 11.
    assert (total["max"], total["projected"], total["floor"], total["ceiling"]) == (12, 7.5, 3, 11)
    # Resting on assumptions: 1,5 + 1 + 1 = 3,5.
    assert total["assumed_points"] == 3.5
    # No previous result in this plan: no baseline, no change.
    assert (total["baseline"], total["change"]) == (None, None)
    assert total["percent"] == 62.5  # 7,5 / 12


def test_a_rule_marked_as_assumed_is_shown_as_assumed(runner, tmp_path):
    # Both recorded; 1.2's rule carries an assumption, 1.3's only one of its tiers does.
    criteria = """
    - id: "1.1"
      title: "Quy tắc theo kế hoạch"
      max: 1
      lead: vp
      measures: {sent: {kind: yes_no, label: "Đã gửi"}}
      rule: {kind: all_of, conditions: [{measure: sent, equals: true}]}
      progress: {measurements: [{date: 2024-03-01, sent: true, evidence: "CV 1"}]}
    - id: "1.2"
      title: "Quy tắc giả định"
      max: 1
      lead: vp
      measures: {sent: {kind: yes_no, label: "Đã gửi"}}
      rule: {kind: all_of, conditions: [{measure: sent, equals: true}], assumption: "Kế hoạch không nêu cách chấm."}
      progress: {measurements: [{date: 2024-03-01, sent: true, evidence: "CV 2"}]}
    - id: "1.3"
      title: "Bậc giả định"
      max: 1
      lead: vp
      measures: {ratio: {kind: number, label: "Tỷ lệ"}}
      rule: {kind: tiers, measure: ratio, tiers: [{at_least: 0.3, points: 1, assumption: "Suy ra từ lý do mất điểm."}], otherwise: 0.5}
      progress: {measurements: [{date: 2024-03-01, ratio: 0.2, evidence: "BC 3"}]}
    """
    payload = score_json(runner, write(tmp_path, one_domain(criteria, 3)))
    # Recorded points are not "resting on assumptions" (issue 11), even under a rule that is
    # our reading: the rule's assumption is shown as such (rule_assumed), the points as recorded.
    assert (node(payload, "1.1")["assumed"], node(payload, "1.1")["rule_assumed"]) == (False, False)
    assert (node(payload, "1.2")["assumed"], node(payload, "1.2")["rule_assumed"]) == (False, True)
    assert (node(payload, "1.2")["basis"], node(payload, "1.2")["account"]) == ("recorded", "recorded")
    tiered = node(payload, "1.3")
    assert (tiered["assumed"], tiered["rule_assumed"], tiered["projected"]) == (False, True, 0.5)  # 0,2 < 0,3 → otherwise 0,5
    assert payload["total"]["assumed_points"] == 0


def test_points_without_evidence_are_flagged(runner, tmp_path):
    criteria = """
    - id: "1.1"
      title: "Số liệu không tài liệu"
      max: 1
      lead: vp
      measures: {sent: {kind: yes_no, label: "Đã gửi"}}
      rule: {kind: all_of, conditions: [{measure: sent, equals: true}]}
      progress: {measurements: [{date: 2024-03-01, sent: true}]}
    - id: "1.2"
      title: "Số liệu có tài liệu"
      max: 1
      lead: vp
      measures: {sent: {kind: yes_no, label: "Đã gửi"}}
      rule: {kind: all_of, conditions: [{measure: sent, equals: true}]}
      progress: {measurements: [{date: 2024-03-01, sent: true, evidence: "CV 12/SGTVT"}]}
    - id: "1.3"
      title: "Tài liệu riêng"
      max: 1
      lead: vp
      measures: {sent: {kind: yes_no, label: "Đã gửi"}}
      rule: {kind: all_of, conditions: [{measure: sent, equals: true}]}
      progress:
        measurements: [{date: 2024-03-01, sent: true}]
        evidence: [{date: 2024-03-02, text: "CV 13/SGTVT"}]
    - id: "1.4"
      title: "Tự đánh giá không tài liệu"
      max: 1
      lead: vp
      rule: {kind: manual}
      progress: {self_assessed: 1}
    - id: "1.5"
      title: "Không đạt, không tài liệu"
      max: 1
      lead: vp
      measures: {sent: {kind: yes_no, label: "Đã gửi"}}
      rule: {kind: all_of, conditions: [{measure: sent, equals: true}]}
      progress: {measurements: [{date: 2024-03-01, sent: false}]}
    - id: "1.6"
      title: "Chưa có gì"
      max: 1
      lead: vp
      rule: {kind: manual}
      baseline: {points: 1}
    """
    plan = write(tmp_path, one_domain(criteria, 6))
    payload = score_json(runner, plan)
    flags = {item["id"]: item["no_evidence"] for item in payload["criteria"]}
    # 1.5 claims nothing (0 points); 1.6 is an expectation, not a claim.
    assert flags == {"1": True, "1.1": True, "1.2": False, "1.3": False, "1.4": True, "1.5": False, "1.6": False}
    # Evidence dated after --as-of does not count yet.
    early = score_json(runner, plan, "--as-of", "2024-03-01")
    assert node(early, "1.3")["no_evidence"] is True


FAMILY = """
- id: "2.1"
  title: "Cha"
  max: 2
  children:
    - id: "2.1.1"
      title: "Con có số liệu"
      max: 1
      lead: vp
      rule: {kind: manual}
      baseline: {points: 0.5}
      progress: {self_assessed: 1, evidence: [{date: 2024-06-01, text: "BC 1"}]}
    - id: "2.1.2"
      title: "Con chưa rõ"
      max: 1
      lead: tt
      rule: {kind: manual}
- id: "2.2"
  title: "Anh em"
  max: 1
  lead: tt
  rule: {kind: manual}
  baseline: {points: 0.75}
"""


def test_parents_and_domains_sum_their_children(runner, tmp_path):
    payload = score_json(runner, write(tmp_path, one_domain(FAMILY, 3, domain="2")))
    parent = node(payload, "2.1")
    # 2.1.1: self-assessed 1. 2.1.2: unknown (counts 0), floor 0, ceiling 1.
    assert (parent["projected"], parent["floor"], parent["ceiling"]) == (1, 1, 2)
    # One child's 2023 points are unknown, so the parent's are; the known part is 0,5.
    assert (parent["baseline"], parent["level"], parent["basis"], parent["status"]) == (None, "criterion", "children", "mixed")
    assert node(payload, "2.1.1")["level"] == "sub"
    domain = node(payload, "2")
    # 2.1 (1) + 2.2 (its 2023 points, 0,75) = 1,75; floor 1 + 0 = 1; ceiling 2 + 1 = 3.
    assert (domain["projected"], domain["floor"], domain["ceiling"], domain["max"]) == (1.75, 1, 3, 3)
    assert domain["level"] == "domain"
    assert [item["id"] for item in payload["criteria"]] == ["2", "2.1", "2.1.1", "2.1.2", "2.2"]


def test_library_api_keeps_the_known_part_of_a_baseline(tmp_path):
    loaded = load_plan(write(tmp_path, one_domain(FAMILY, 3, domain="2")))
    assert loaded.ok, loaded.problems
    result = score_plan(loaded.plan, today=dt.date(2024, 7, 1))
    parent = result.find("2.1")
    assert parent is not None
    assert (parent.baseline, parent.baseline_known_sum) == (None, 0.5)
    assert result.find("2").baseline_known_sum == 1.25  # 0,5 + 0,75
    assert [leaf.id for leaf in result.leaves()] == ["2.1.1", "2.1.2", "2.2"]


def test_an_expectation_a_missed_deadline_can_no_longer_reach_is_brought_down(runner, tmp_path):
    # 2023: 2 points. The deadline (last day 14/01) has passed on 01/02 with nothing done:
    # at best late → 0,5 × 2 = 1; the expectation of 2 comes down to 1.
    criteria = """
    - id: "2.2"
      title: "Kế hoạch theo dõi thi hành pháp luật"
      max: 2
      lead: tt
      rule: {kind: deadline}
      baseline: {points: 2}
      deadlines: [{id: ke-hoach, what: "Ban hành kế hoạch", before: 2024-01-15}]
    """
    plan = write(tmp_path, one_domain(criteria, 2, domain="2"))
    leaf = node(score_json(runner, plan, "--as-of", "2024-02-01"), "2.2")
    assert (leaf["projected"], leaf["floor"], leaf["ceiling"], leaf["status"], leaf["basis"]) == (1, 0, 1, "overdue", "baseline")
    on_time_still = node(score_json(runner, plan, "--as-of", "2024-01-14"), "2.2")
    assert (on_time_still["projected"], on_time_still["ceiling"], on_time_still["status"]) == (2, 2, "estimated")


OUTSIDE = """\
previous: {points: 80.36, percent: 84.59, rank: 13, of: 21}
outside_table:
  id: ngoai-bang
  title: "Phần ngoài bảng"
  max: 33
  baseline: {points: 27}
  projection: {points: 27.91, assumption: "84,59 % × 33."}
"""


def test_the_component_outside_the_table(runner, tmp_path):
    criteria = """
    - id: "1.1"
      title: "Toàn bộ bảng"
      max: 62
      lead: vp
      rule: {kind: manual}
      progress: {self_assessed: 52.45, evidence: [{date: 2024-12-01, text: "BC tự đánh giá"}]}
    """
    payload = score_json(runner, write(tmp_path, one_domain(criteria, 95, extra=OUTSIDE)))
    outside = payload["criteria"][-1]
    assert outside == {
        **outside,
        "id": "ngoai-bang",
        "level": "outside",
        "max": 33,
        "baseline": 27,
        "projected": 27.91,
        "floor": 0,
        "ceiling": 33,
        "assumed": True,
    }
    total = payload["total"]
    # 52,45 + 27,91 = 80,36 = the previous result: change 0; 80,36 / 95 = 84,59 %.
    assert (total["projected"], total["baseline"], total["change"]) == (80.36, 80.36, 0)
    assert round(total["percent"], 2) == 84.59
    # floor 52,45 + 0; ceiling 52,45 + 33.
    assert (total["floor"], total["ceiling"]) == (52.45, 85.45)
    assert (total["assumed_points"], total["outside_points"]) == (27.91, 27.91)
