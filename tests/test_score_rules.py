"""Every rule kind, through `par score --format json` on small plans whose points are worked
out by hand in the comments."""

from __future__ import annotations

import pytest

from tests.score_plans import node, one_domain, score_json, write

INITIATIVES = """
- id: "1.1"
  title: "Sáng kiến"
  max: 2
  lead: vp
  measures: {initiatives: {kind: count, label: "Số sáng kiến"}}
  rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]}
  baseline: {points: 1}
  progress:
    measurements:
      - {date: 2024-05-02, initiatives: COUNT, evidence: "QĐ 12/QĐ-SGTVT"}
"""


@pytest.mark.parametrize(("count", "expected"), [(0, 0), (1, 1), (2, 2), (3, 2)])
def test_tiers_on_a_count_as_seed_1_4(runner, tmp_path, count, expected):
    # ≥ 2 → 2; ≥ 1 → 1; otherwise 0. The reading decides it: floor = ceiling = the points.
    plan = write(tmp_path, one_domain(INITIATIVES.replace("COUNT", str(count)), 2))
    leaf = node(score_json(runner, plan), "1.1")
    assert (leaf["projected"], leaf["floor"], leaf["ceiling"]) == (expected, expected, expected)
    assert leaf["basis"] == "recorded"
    assert leaf["status"] == "recorded"
    assert leaf["assumed"] is False


ON_TIME_PCT = """
- id: "1.6"
  title: "Nhiệm vụ đột xuất"
  max: 2
  lead: vp
  measures: {on_time_pct: {kind: percent, label: "Tỷ lệ đúng tiến độ"}}
  rule: {kind: tiers, measure: on_time_pct, tiers: [{at_least: 70, points: 2}], otherwise: 0}
  progress:
    measurements:
      - {date: 2024-06-30, on_time_pct: VALUE}
"""


@pytest.mark.parametrize(("percent", "expected"), [(55, 0), (69.9, 0), (70, 2), (100, 2)])
def test_percentage_band_as_seed_1_6(runner, tmp_path, percent, expected):
    # "từ 70%" includes 70: 70 → 2, 69.9 → 0, 55 (the 2023 figure) → 0.
    plan = write(tmp_path, one_domain(ON_TIME_PCT.replace("VALUE", str(percent)), 2))
    assert node(score_json(runner, plan), "1.6")["projected"] == expected


E_DOCUMENTS = """
- id: "7.3"
  title: "Văn bản điện tử"
  max: 1
  lead: vp
  measures: {e_documents_pct: {kind: percent, label: "Tỷ lệ văn bản điện tử"}}
  rule: {kind: tiers, measure: e_documents_pct, tiers: [{above: 90, points: 1}]}
  progress:
    measurements:
      - {date: 2024-06-30, e_documents_pct: VALUE}
"""


@pytest.mark.parametrize(("percent", "expected"), [(90, 0), (90.5, 1)])
def test_above_excludes_its_bound_as_seed_7_3(runner, tmp_path, percent, expected):
    # "trên 90%": 90 itself does not pass.
    plan = write(tmp_path, one_domain(E_DOCUMENTS.replace("VALUE", str(percent)), 1, domain="7"))
    assert node(score_json(runner, plan), "7.3")["projected"] == expected


def test_at_most_and_below(runner, tmp_path):
    # 3.1: at_most 0 resubmitted dossiers → 0.5: 0 passes. 3.2: below 5 late days → 1: 5 fails.
    plan = write(
        tmp_path,
        one_domain(
            """
            - id: "3.1"
              title: "Hồ sơ bổ sung"
              max: 0.5
              lead: vp
              measures: {resubmitted: {kind: count, label: "Hồ sơ bổ sung trên 1 lần"}}
              rule: {kind: tiers, measure: resubmitted, tiers: [{at_most: 0, points: 0.5}]}
              progress: {measurements: [{date: 2024-04-01, resubmitted: 0}]}
            - id: "3.2"
              title: "Ngày trễ"
              max: 1
              lead: vp
              measures: {late_days: {kind: number, label: "Số ngày trễ"}}
              rule: {kind: tiers, measure: late_days, tiers: [{below: 5, points: 1}]}
              progress: {measurements: [{date: 2024-04-01, late_days: 5}]}
            """,
            1.5,
            domain="3",
        ),
    )
    payload = score_json(runner, plan)
    assert node(payload, "3.1")["projected"] == 0.5
    assert node(payload, "3.2")["projected"] == 0


ONLINE = """
- id: "7.2"
  title: "Dịch vụ công trực tuyến"
  max: 5
  lead: vp
  measures:
    full_process_pct: {kind: percent, label: "Tỷ lệ DVCTT toàn trình"}
    online_dossier_pct: {kind: percent, label: "Tỷ lệ hồ sơ trực tuyến"}
  rule:
    kind: all_of
    conditions: [{measure: full_process_pct, above: 40}, {measure: online_dossier_pct, above: 60}]
  progress:
    measurements:
      - {date: 2024-06-30, READINGS}
"""


@pytest.mark.parametrize(
    ("readings", "projected", "floor", "ceiling", "basis"),
    [
        ("full_process_pct: 45, online_dossier_pct: 65", 5, 5, 5, "recorded"),  # both hold → 5
        ("full_process_pct: 45, online_dossier_pct: 55", 0, 0, 0, "recorded"),  # one fails → 0
        ("full_process_pct: 35, online_dossier_pct: 65", 0, 0, 0, "recorded"),
        # One reading fails already: decided at 0 whatever the other will be.
        ("online_dossier_pct: 50", 0, 0, 0, "recorded"),
        # One reading holds, the other is missing: undecided; floor 0 (missing fails), ceiling 5.
        # No baseline and no plan assumption: the expectation is unknown.
        ("full_process_pct: 45", None, 0, 5, "unknown"),
    ],
)
def test_all_of_needs_every_condition_as_seed_7_2(runner, tmp_path, readings, projected, floor, ceiling, basis):
    plan = write(tmp_path, one_domain(ONLINE.replace("READINGS", readings), 5, domain="7"))
    leaf = node(score_json(runner, plan), "7.2")
    assert (leaf["projected"], leaf["floor"], leaf["ceiling"], leaf["basis"]) == (projected, floor, ceiling, basis)


def test_per_item_is_capped_at_the_maximum(runner, tmp_path):
    # 2.1: 3 × 0,5 = 1,5. 2.2: 5 × 0,5 = 2,5, capped at its maximum 2.
    criteria = """
    - id: "2.1"
      title: "Quy định tuân thủ"
      max: 2
      lead: vp
      measures: {regulations: {kind: count, label: "Quy định tuân thủ"}}
      rule: {kind: per_item, measure: regulations, points_each: 0.5}
      progress: {measurements: [{date: 2024-04-01, regulations: 3}]}
    - id: "2.2"
      title: "Quy định tuân thủ (nhiều)"
      max: 2
      lead: vp
      measures: {regulations: {kind: count, label: "Quy định tuân thủ"}}
      rule: {kind: per_item, measure: regulations, points_each: 0.5}
      progress: {measurements: [{date: 2024-04-01, regulations: 5}]}
    """
    payload = score_json(runner, write(tmp_path, one_domain(criteria, 4, domain="2")))
    assert node(payload, "2.1")["projected"] == 1.5
    assert node(payload, "2.2")["projected"] == 2


QUALITY = """
- id: "3.4"
  title: "Chất lượng giải quyết TTHC"
  max: 2
  lead: vp
  measures: {rating: {kind: level, levels: ["rất tốt", "tốt", "đạt"], label: "Mức đánh giá"}}
  rule: {kind: quality, measure: rating, shares: {"rất tốt": 1.0, "tốt": 0.75, "đạt": 0.5}}
  PROGRESS
"""


@pytest.mark.parametrize(
    ("progress", "projected", "floor", "ceiling"),
    [
        ('progress: {measurements: [{date: 2024-10-01, rating: "rất tốt"}]}', 2, 2, 2),  # 1 × 2
        ('progress: {measurements: [{date: 2024-10-01, rating: "tốt"}]}', 1.5, 1.5, 1.5),  # 0,75 × 2
        ('progress: {measurements: [{date: 2024-10-01, rating: "đạt"}]}', 1, 1, 1),  # 0,5 × 2
        ("baseline: {points: 1.5}", 1.5, 0, 2),  # nothing recorded: 2023 points; floor 0, ceiling 1 × 2
    ],
)
def test_quality_levels(runner, tmp_path, progress, projected, floor, ceiling):
    plan = write(tmp_path, one_domain(QUALITY.replace("PROGRESS", progress), 2, domain="3"))
    leaf = node(score_json(runner, plan), "3.4")
    assert (leaf["projected"], leaf["floor"], leaf["ceiling"]) == (projected, floor, ceiling)


DEDUCTIONS = """
- id: "5.1"
  title: "Kỷ luật, kỷ cương"
  max: 2
  lead: vp
  measures: {breach: {kind: level, levels: ["không", "nhẹ", "nặng"], label: "Mức vi phạm"}}
  rule: {kind: deductions, measure: breach, deductions: [{level: "nhẹ", share: 0.5}, {level: "nặng", share: 1}]}
  progress: {measurements: [{date: 2024-10-01, breach: "LEVEL"}]}
"""


@pytest.mark.parametrize(("level", "expected"), [("không", 2), ("nhẹ", 1), ("nặng", 0)])
def test_deductions(runner, tmp_path, level, expected):
    # 2 × (1 − share): "không" is not listed and deducts nothing → 2; "nhẹ" → 2 × 0,5 = 1; "nặng" → 0.
    plan = write(tmp_path, one_domain(DEDUCTIONS.replace("LEVEL", level), 2, domain="5"))
    assert node(score_json(runner, plan), "5.1")["projected"] == expected


def test_proportional(runner, tmp_path):
    # 96,5 / 100 × 2 = 1,93.
    criteria = """
    - id: "3.4"
      title: "Hồ sơ đúng hạn"
      max: 2
      lead: vp
      measures: {on_time_pct: {kind: percent, label: "Tỷ lệ đúng hạn"}}
      rule: {kind: proportional, measure: on_time_pct}
      progress: {measurements: [{date: 2024-12-01, on_time_pct: 96.5}]}
    """
    leaf = node(score_json(runner, write(tmp_path, one_domain(criteria, 2, domain="3"))), "3.4")
    assert leaf["projected"] == pytest.approx(1.93)
    assert leaf["basis"] == "recorded"


def test_manual_takes_the_self_assessed_score(runner, tmp_path):
    # 4.1 is scored by hand: self-assessed 1,5 is its score (floor = ceiling = 1,5).
    # 4.2 has nothing: floor 0, ceiling its maximum 2, expectation unknown (no assumption).
    criteria = """
    - id: "4.1"
      title: "Tổ chức bộ máy"
      max: 2
      lead: vp
      rule: {kind: manual}
      progress: {self_assessed: 1.5, evidence: [{date: 2024-12-20, text: "BC 99/BC-SGTVT"}]}
    - id: "4.2"
      title: "Biên chế"
      max: 2
      lead: vp
      rule: {kind: manual}
    """
    payload = score_json(runner, write(tmp_path, one_domain(criteria, 4, domain="4")))
    scored = node(payload, "4.1")
    assert (scored["projected"], scored["floor"], scored["ceiling"]) == (1.5, 1.5, 1.5)
    assert (scored["basis"], scored["self_assessed"], scored["assumed"]) == ("self_assessed", 1.5, False)
    open_one = node(payload, "4.2")
    assert (open_one["projected"], open_one["floor"], open_one["ceiling"]) == (None, 0, 2)
    assert (open_one["basis"], open_one["status"], open_one["assumed"]) == ("unknown", "unknown", True)
    # The unknown counts 0 in the expected total: 1,5 + 0.
    assert payload["total"]["projected"] == 1.5


QUARTERLY = """
- id: "1.2"
  title: "Báo cáo quý"
  max: 1
  lead: vp
  rule: {kind: deadline}
  deadlines:
    - {id: bao-cao, what: "Báo cáo CCHC quý", before: {every: quarter, day: 12}}
  progress:
    done:
      - {deadline: bao-cao, occurrence: 2024-03-12, date: 2024-03-08, evidence: "BC 30/BC-SGTVT"}
      - {deadline: bao-cao, occurrence: 2024-06-12, date: 2024-06-11, evidence: "BC 70/BC-SGTVT"}
      - {deadline: bao-cao, occurrence: 2024-09-12, date: 2024-09-10, evidence: "BC 110/BC-SGTVT"}
      - {deadline: bao-cao, occurrence: 2024-12-12, date: DECEMBER, evidence: "BC 150/BC-SGTVT"}
"""


@pytest.mark.parametrize(
    ("december", "as_of", "projected", "floor", "ceiling", "status"),
    [
        # "trước ngày 12": the last day on time is the 11th. Every report by the 11th → 1 × 1.
        ("2024-12-11", None, 1, 1, 1, "recorded"),
        # December's done on the 12th: late → 0,5 × 1.
        ("2024-12-12", None, 0.5, 0.5, 0.5, "recorded"),
        # Up to 30/9 the December report is not recorded yet and not yet due: undecided,
        # floor: open fails → 0; ceiling: open on time → 1.
        ("2024-12-11", "2024-09-30", None, 0, 1, "in_progress"),
        # On 15/12 it is past its last day (11/12) and not done: at best late → 0,5.
        ("2024-12-20", "2024-12-15", None, 0, 0.5, "overdue"),
    ],
)
def test_deadline_ladder_on_a_quarterly_report(runner, tmp_path, december, as_of, projected, floor, ceiling, status):
    plan = write(tmp_path, one_domain(QUARTERLY.replace("DECEMBER", december), 1))
    options = ["--as-of", as_of] if as_of else []
    leaf = node(score_json(runner, plan, *options), "1.2")
    assert (leaf["projected"], leaf["floor"], leaf["ceiling"], leaf["status"]) == (projected, floor, ceiling, status)


def test_one_off_deadline_done_without_naming_the_occurrence(runner, tmp_path):
    # "trước ngày 05/01/2024": done 04/01 is on time → 2; the 1.1b one done 05/01 is late → 1.
    criteria = """
    - id: "1.1"
      title: "Kế hoạch CCHC"
      max: 2
      lead: vp
      rule: {kind: deadline}
      deadlines: [{id: ke-hoach, what: "Ban hành kế hoạch", before: 2024-01-05}]
      progress: {done: [{deadline: ke-hoach, date: 2024-01-04, evidence: "KH 1/KH-SGTVT"}]}
    - id: "1.2"
      title: "Kế hoạch khác"
      max: 2
      lead: vp
      rule: {kind: deadline}
      deadlines: [{id: ke-hoach, what: "Ban hành kế hoạch", before: 2024-01-05}]
      progress: {done: [{deadline: ke-hoach, date: 2024-01-05, evidence: "KH 2/KH-SGTVT"}]}
    """
    payload = score_json(runner, write(tmp_path, one_domain(criteria, 4)))
    assert node(payload, "1.1")["projected"] == 2
    assert node(payload, "1.2")["projected"] == 1


def test_latest_reading_by_date_and_the_as_of_cutoff(runner, tmp_path):
    # The readings are listed out of date order; the latest by date counts.
    criteria = """
    - id: "1.4"
      title: "Sáng kiến"
      max: 2
      lead: vp
      measures: {initiatives: {kind: count, label: "Số sáng kiến"}}
      rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]}
      baseline: {points: 0.5}
      progress:
        measurements:
          - {date: 2024-09-05, initiatives: 2, evidence: "QĐ 40/QĐ-SGTVT"}
          - {date: 2024-03-10, initiatives: 1, evidence: "QĐ 12/QĐ-SGTVT"}
    """
    plan = write(tmp_path, one_domain(criteria, 2))
    assert node(score_json(runner, plan), "1.4")["projected"] == 2  # 5/9: 2 initiatives
    assert node(score_json(runner, plan, "--as-of", "2024-09-04"), "1.4")["projected"] == 1  # 10/3: 1
    assert node(score_json(runner, plan, "--as-of", "2024-09-05"), "1.4")["projected"] == 2  # on the day counts
    # Before any reading: the 2023 points, assumed; floor 0 (missing fails, otherwise 0), ceiling 2.
    early = node(score_json(runner, plan, "--as-of", "2024-03-01"), "1.4")
    assert (early["projected"], early["floor"], early["ceiling"]) == (0.5, 0, 2)
    assert (early["basis"], early["status"], early["assumed"]) == ("baseline", "estimated", True)


def test_as_of_also_cuts_completions(runner, tmp_path):
    # Done on 04/01 (on time): scored 2 from then on; on 03/01 not done yet and not yet due
    # (last day 04/01) → undecided, floor 0, ceiling 2.
    criteria = """
    - id: "1.1"
      title: "Kế hoạch CCHC"
      max: 2
      lead: vp
      rule: {kind: deadline}
      deadlines: [{id: ke-hoach, what: "Ban hành kế hoạch", before: 2024-01-05}]
      progress: {done: [{deadline: ke-hoach, date: 2024-01-04, evidence: "KH 1/KH-SGTVT"}]}
    """
    plan = write(tmp_path, one_domain(criteria, 2))
    assert node(score_json(runner, plan, "--as-of", "2024-01-04"), "1.1")["projected"] == 2
    before = node(score_json(runner, plan, "--as-of", "2024-01-03"), "1.1")
    assert (before["projected"], before["floor"], before["ceiling"]) == (None, 0, 2)
