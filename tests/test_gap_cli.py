"""`par gap`: points lost in 2023, the reconciliation, and what would close the target."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from par_cli.cli import app
from par_cli.scoring.gap import gap_report
from par_cli.reading.reader import load_plan
from tests.conftest import BUNDLED
from tests.score_plans import one_domain, write


def gap_json(runner, path, *options):
    result = runner.invoke(app, ["gap", "--plan", str(path), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_reconciliation_on_the_bundled_plan(runner):
    total = gap_json(runner, BUNDLED)["total"]
    # 95 − 80,36 = 14,64 lost in 2023; the results the plan states explain 1 (1.4) + 2 (1.6) +
    # 0,5 (3.3.2) + 1 (3.4.2) + 0,5 (3.4.3) + 0,5 (6.1) = 5,5; the 2023 readings it states, scored
    # by the criteria's rules, explain 5 more (7.2: about 32 % online, "over 60 %" fails → 0 of 5)
    # and 0,07 (3.4.1: 96,5 % × 2 = 1,93 of 2): 10,57; 14,64 − 10,57 = 4,07 unexplained.
    assert (total["lost_baseline"], total["explained"], total["unexplained"]) == (14.64, 10.57, 4.07)
    out = runner.invoke(app, ["gap", "--plan", str(BUNDLED), "--format", "text"]).stdout
    assert (
        "Năm 2023 mất 14,64 điểm (95 − 80,36): kết quả từng tiêu chí giải thích 10,57 điểm; "
        "4,07 điểm chưa giải thích (ngoài bảng hoặc không ghi nhận)"
    ) in out


def test_bundled_rows_sorted_by_gap(runner):
    payload = gap_json(runner, BUNDLED, "--as-of", "2024-01-01")
    ids = [row["id"] for row in payload["criteria"]]
    # Gaps by hand on 01/01/2024: 7.2: 5 − 0 (its 2023 reading scores 0) = 5; 1.6: 2 − 0 = 2;
    # 1.4: 2 − 1 = 1; 3.4.2: 1 − 0 = 1; 3.3.2, 3.4.3, 6.1: 0,5 each; 7.1: 0,5 − 0,25 (already
    # at best late) = 0,25; 3.4.1: 2 − 1,93 = 0,07; every other: 0. Ties in document order.
    assert ids[:10] == ["7.2", "1.6", "1.4", "3.4.2", "3.3.2", "3.4.3", "6.1", "7.1", "3.4.1", "1.1"]
    assert (payload["criteria"][0]["baseline"], payload["criteria"][0]["baseline_source"]) == (0, "derived")
    assert len(ids) == 44  # every leaf of the table: 6 + 9 + 10 + 2 + 4 + 6 + 7 by domain
    row = payload["criteria"][2]
    assert row == {
        **row,
        "id": "1.4",
        "max": 2,
        "baseline": 1,
        "lost_baseline": 1,
        "projected": 1,
        "change": 0,
        "gap": 1,
        "note": "Trong năm 2023, Sở đạt 01 điểm (có 01 sáng kiến trong cải cách hành chính).",
    }
    assert payload["criteria"][9]["baseline"] is None
    assert payload["criteria"][9]["lost_baseline"] is None


def test_bundled_target_short_and_reached(runner):
    # 30/06/2024, nothing recorded: the missed deadlines can at best be met late (1.1: −1,
    # 1.2: −0,5, 2.2.1: −0,25, 2.3.1: −0,25, 2.3.2: −0,5, 6.3: −0,5, 7.1: −0,25 → −3,25), so
    # 51,43 (the table less what the 2023 figures say was lost, see above) + 27,91 − 3,25 =
    # 76,09 expected; 83 − 76,09 = 6,91 short. 7.2 can still win 5 and 1.6 2: 7 ≥ 6,91.
    payload = gap_json(runner, BUNDLED, "--as-of", "2024-06-30")
    assert payload["total"]["target"] == 83
    assert payload["total"]["distance_to_target"] == 6.91
    assert payload["to_close_target"] == ["7.2", "1.6"]
    out = runner.invoke(app, ["gap", "--plan", str(BUNDLED), "--format", "text", "--as-of", "2024-06-30"]).stdout
    assert "Mục tiêu nhóm 10/21: cần khoảng 83 điểm (giả định); tổng dự kiến 76,09: còn thiếu 6,91 điểm" in out
    assert "Để đạt mục tiêu, ưu tiên: 7.2, 1.6 (cộng lại còn giành được 7 điểm)" in out
    # 01/01/2024: 79,09 expected (7.1 at best late), 3,91 short; 7.2 alone can win 5.
    early = gap_json(runner, BUNDLED, "--as-of", "2024-01-01")
    assert (early["total"]["distance_to_target"], early["to_close_target"]) == (3.91, ["7.2"])
    out = runner.invoke(app, ["gap", "--plan", str(BUNDLED), "--format", "text", "--as-of", "2024-01-01"]).stdout
    assert "tổng dự kiến 79,09: còn thiếu 3,91 điểm" in out


CRITERIA = """
- {id: "1.1", title: "Lớn", max: 3, lead: vp, rule: {kind: manual}, baseline: {points: 1}, note: "Mất 2 điểm"}
- {id: "1.2", title: "Vừa", max: 2, lead: tt, rule: {kind: manual}, baseline: {points: 1}}
- {id: "1.3", title: "Nhỏ", max: 1, lead: tt, rule: {kind: manual}, baseline: {points: 0.5}}
"""
EXTRA = """\
previous: {points: 3, percent: 37.5, rank: 8, of: 10}
target: {rank: 5, of: 10, score: TARGET, assumption: "Ước tính."}
outside_table: {id: ngoai-bang, title: "Ngoài bảng", max: 2, projection: {points: 1, assumption: "Một nửa."}}
"""
# Expected 1 + 1 + 0,5 + 1 (outside) = 3,5 of 8. Winnable: 1.1: 2, 1.2: 1, 1.3: 0,5.


@pytest.mark.parametrize(
    ("target", "distance", "to_close", "closable"),
    [
        (5.5, 2, ["1.1"], True),  # 2 short: 1.1 can win 2
        (6.5, 3, ["1.1", "1.2"], True),  # 3 short: 2 + 1
        (7.5, 4, ["1.1", "1.2", "1.3"], False),  # 4 short: the table has only 3,5 left
    ],
)
def test_target_distance_and_the_criteria_that_close_it(runner, tmp_path, target, distance, to_close, closable):
    plan = write(tmp_path, one_domain(CRITERIA, 8, extra=EXTRA.replace("TARGET", str(target))))
    payload = gap_json(runner, plan)
    assert payload["total"]["distance_to_target"] == distance
    assert payload["to_close_target"] == to_close
    assert payload["total"]["target_closable"] is closable
    # 8 − 3 = 5 lost; explained 2 + 1 + 0,5 = 3,5; unexplained 1,5. Outside: 2 − 1 = 1 open.
    assert (payload["total"]["lost_baseline"], payload["total"]["explained"], payload["total"]["unexplained"]) == (5, 3.5, 1.5)
    assert payload["total"]["outside_gap"] == 1
    if not closable:
        out = runner.invoke(app, ["gap", "--plan", str(plan), "--format", "text"]).stdout
        assert "Cả bảng chỉ còn giành được 3,5 điểm: chưa đủ để đạt mục tiêu" in out


def test_one_unit(runner, tmp_path):
    plan = write(tmp_path, one_domain(CRITERIA, 8, extra=EXTRA.replace("TARGET", "5.5")))
    payload = gap_json(runner, plan, "--unit", "tt")
    assert [row["id"] for row in payload["criteria"]] == ["1.2", "1.3"]
    # The unit's own: max 2 + 1 = 3, expected 1 + 0,5 = 1,5, gap 1,5. The reconciliation and the
    # target stay the department's.
    assert (payload["total"]["max"], payload["total"]["projected"], payload["total"]["gap"]) == (3, 1.5, 1.5)
    assert (payload["total"]["lost_baseline"], payload["to_close_target"]) == (5, ["1.1"])
    assert payload["unit"] == "tt"
    assert runner.invoke(app, ["gap", "--plan", str(plan), "--unit", "nobody"]).exit_code == 2


def test_formats_and_english(runner, tmp_path):
    plan = write(tmp_path, one_domain(CRITERIA, 8, extra=EXTRA.replace("TARGET", "5.5")))
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["gap", "--plan", str(plan), "--format", "csv"]).stdout.removeprefix("\ufeff"))))
    assert [row["id"] for row in rows] == ["1.1", "1.2", "1.3"]
    assert (rows[0]["lost_baseline"], rows[0]["gap"], rows[0]["note"]) == ("2", "2", "Mất 2 điểm")
    md = runner.invoke(app, ["gap", "--plan", str(plan), "--format", "md"]).stdout
    assert "| Mã | Tiêu chí | Tối đa | 2023 | Mất 2023 |" in md
    english = runner.invoke(app, ["gap", "--plan", str(plan), "--format", "text", "--lang", "en"]).stdout
    assert "In 2023, 5 points were lost (8 − 3): the itemised results explain 3.5; 1.5 are unexplained" in english
    assert "Target top 5 of 10: about 5.5 points (assumed); expected total 3.5: 2 points short" in english
    assert "To reach the target, work on: 1.1 (2 points still winnable between them)" in english


def test_library_api(tmp_path):
    loaded = load_plan(BUNDLED)
    report = gap_report(loaded.plan, today=dt.date(2024, 1, 1))
    assert (report.reconciliation.lost, report.reconciliation.explained, report.reconciliation.unexplained) == (14.64, 10.57, 4.07)
    assert report.outside_gap == 5.09  # 33 − 27,91
    assert report.rows[0].id == "7.2"
