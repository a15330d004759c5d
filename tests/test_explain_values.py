"""`par score --explain ID` is a value (issue 12 §3): the rule, its inputs with their sources,
the steps, the result; worded only when rendered. Under `--format json` it is therefore
byte-identical in Vietnamese and English, for every node of the bundled plan, on a scripted
state with records, stages, provisional readings and derived baselines (tests/explain_state.py)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import par_executable, subprocess_env
from tests.explain_state import DAYS, scripted_plan


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    return scripted_plan(tmp_path_factory.mktemp("explain"))


@pytest.fixture(scope="module")
def ids(plan) -> list[str]:
    payload = json.loads(CliRunner().invoke(app, ["score", str(plan), "--format", "json"]).stdout)
    found = [node["id"] for node in payload["criteria"]]
    assert len(found) == 57 and "ngoai-bang" in found  # domains, criteria, sub-criteria, the outside part
    return found


def explain(plan: Path, node_id: str, day: str, *extra: str):
    result = CliRunner().invoke(app, ["score", str(plan), "--explain", node_id, "--as-of", day, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("day", DAYS)
def test_explain_json_is_the_same_in_both_languages_for_every_node(plan, ids, day):
    bases = set()
    for node_id in ids:
        vietnamese = explain(plan, node_id, day, "--format", "json", "--lang", "vi")
        english = explain(plan, node_id, day, "--format", "json", "--lang", "en")
        assert vietnamese == english, node_id
        bases.add(json.loads(vietnamese)["result"]["basis"])
    # The state reaches every kind of basis the bundled plan can have on these days.
    expected = {"children", "plan_assumption", "baseline", "projection", "recorded"}
    if day == "2025-03-01":
        expected |= {"self_assessed", "appraised"}  # the stages are dated December and February
    assert expected <= bases, bases


def test_the_console_script_agrees_in_both_languages(plan):
    runs = [
        subprocess.run(
            [par_executable(), "score", str(plan), "--explain", "1.5", "--as-of", "2025-03-01", "--format", "json"],
            capture_output=True,
            env=subprocess_env(PAR_LANG=lang),
            check=True,
        ).stdout
        for lang in ("vi", "en")
    ]
    assert runs[0] == runs[1]


def test_a_provisional_reading_and_a_derived_baseline(plan):
    details = json.loads(explain(plan, "7.2", "2024-07-01", "--format", "json"))
    assert details["rule_kind"] == "all_of" and details["rule"]["conditions"][1] == {"measure": "online_dossier_pct", "above": 60.0}
    measures = [item for item in details["inputs"] if item["kind"] == "measure"]
    assert [(item["name"], item["value"], item["provisional"], item["closes"]) for item in measures] == [
        ("full_process_pct", 45, True, "2024-12-31"),
        ("online_dossier_pct", 58.2, True, "2024-12-31"),
    ]
    assert measures[0]["source"] == {"kind": "record", "date": "2024-06-30", "evidence": None, "note": None}
    # 2023: about 32 % online, the rule needs over 60 % → 0 of 5, derived from the plan's reading.
    baseline = next(item for item in details["inputs"] if item["kind"] == "baseline")
    assert (baseline["value"], baseline["source"]["kind"], baseline["assumed"]) == (0, "derived", True)
    # 45 > 40 holds, 58,2 > 60 does not: 0 now; provisional, so the floor 0 and the ceiling 5.
    (step,) = details["steps"]
    assert [(check["value"], check["holds"]) for check in step["comparisons"]] == [(45, True), (58.2, False)]
    result = details["result"]
    assert (result["projected"], result["floor"], result["ceiling"], result["status"], result["provisional"]) == (0, 0, 5, "provisional", True)
    text = explain(plan, "7.2", "2024-07-01", "--lang", "en")
    assert "online_dossier_pct (Tỷ lệ hồ sơ trực tuyến) = 58.2: recorded on 30/06/2024" in text
    assert "Previous year's points: 0 (derived from the previous year's reading)" in text
    assert "Arithmetic: full_process_pct = 45 > 40 ✓; online_dossier_pct = 58.2 > 60 ✗ → 0" in text
    assert "Result: expected 0 (provisional); floor 0; ceiling 5" in text


def test_score_stages_with_their_dates(plan):
    details = json.loads(explain(plan, "1.5", "2025-03-01", "--format", "json"))
    stages = [item for item in details["inputs"] if item["kind"] == "stage"]
    assert [(item["name"], item["value"], item["source"]["date"], item["counts"]) for item in stages] == [
        ("self_assessment", 1.5, "2024-12-20", False),
        ("appraisal_1", 1, "2025-02-20", True),
    ]
    assert stages[1]["source"] == {"kind": "stage", "date": "2025-02-20", "evidence": "CV 3/SNV", "note": "thiếu một báo cáo"}
    result = details["result"]
    assert (result["basis"], result["projected"], result["stage"], result["stage_date"]) == ("appraised", 1, "appraisal_1", "2025-02-20")
    vietnamese = explain(plan, "1.5", "2025-03-01")
    # The stage's note and evidence, which the text did not show before issue 12 §3.
    assert "Thẩm định lần 1: 1 (ghi nhận ngày 20/02/2025); tài liệu: CV 3/SNV; ghi chú: thiếu một báo cáo" in vietnamese
    english = explain(plan, "1.5", "2025-03-01", "--lang", "en")
    assert "Appraisal, round 1: 1 (recorded on 20/02/2025); evidence: CV 3/SNV; note: thiếu một báo cáo" in english
    assert "Kết quả: dự kiến 1 (thẩm định); sàn 1; trần 1" in vietnamese
    # Before the appraisal round, the self-assessment counts.
    assert json.loads(explain(plan, "1.5", "2024-12-31", "--format", "json"))["result"]["projected"] == 1.5


def test_a_late_completion_and_a_sum(plan):
    details = json.loads(explain(plan, "1.1", "2024-07-01", "--format", "json"))
    (occurrence,) = [item for item in details["inputs"] if item["kind"] == "occurrence"]
    assert (occurrence["value"], occurrence["last_day"], occurrence["state"], occurrence["source"]["kind"]) == ("2024-01-08", "2024-01-04", "late", "record")
    # One occurrence, late: 0,5 × 2 = 1.
    (step,) = details["steps"]
    assert (step["occurrences"], step["share"], step["points"]) == ({"total": 1, "on_time": 0, "late": 1, "open": 0, "overdue": 0}, 0.5, 1)
    assert "Ban hành Kế hoạch CCHC năm 2024: due 04/01/2024, done 08/01/2024 (late)" in explain(plan, "1.1", "2024-07-01", "--lang", "en")
    parent = json.loads(explain(plan, "2.2", "2024-07-01", "--format", "json"))
    assert parent["rule_kind"] == "sum" and [step["of"] for step in parent["steps"]] == ["expected", "floor", "ceiling"]
    expected = parent["steps"][0]
    assert sum(term["points"] for term in expected["terms"]) == expected["points"]


def test_the_departments_explanation_is_a_dated_value(plan):
    assert json.loads(explain(plan, "1.3", "2024-07-01", "--format", "json"))["explanation"] is None
    later = json.loads(explain(plan, "1.3", "2025-03-01", "--format", "json"))
    assert later["explanation"] == {"date": "2025-01-04", "text": "Chờ công nhận"}
    assert "Explanation dated 04/01/2025: Chờ công nhận" in explain(plan, "1.3", "2025-03-01", "--lang", "en")
