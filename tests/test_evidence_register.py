"""The evidence register, warnings, explanations: `par evidence` with every field,
`par validate` warning without failing, `par justify` recording through the editing path."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.edit_support import par, par_executable, subprocess_env
from tests.yearend_plans import YEAREND


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "2024.yaml"
    path.write_text(YEAREND, encoding="utf-8")
    return path


def progress(path: Path, criterion: str) -> dict:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    stack = [c for d in data["domains"] for c in d["criteria"]]
    while stack:
        node = stack.pop()
        if node["id"] == criterion:
            return node.get("progress", {})
        stack += node.get("children", [])
    raise KeyError(criterion)


def test_evidence_records_every_register_field(plan):
    result = par(
        plan, "evidence", "1.2", "--number", "9/QĐ-UBND", "--issued", "2024-10-02", "--issuer", "UBND tỉnh",
        "--summary", "Công nhận sáng kiến", "--section", "Điều 1", "--page", "2", "--file", "docs/qd9.pdf",
        "--link", "https://example.test/qd9", "--incomplete", "--date", "2024-10-05",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "9/QĐ-UBND ngày 02/10/2024, UBND tỉnh: Công nhận sáng kiến (mục Điều 1, tr. 2)" in result.output
    [entry] = progress(plan, "1.2")["evidence"]
    assert entry == {
        "date": __import__("datetime").date(2024, 10, 5),
        "number": "9/QĐ-UBND",
        "issued": __import__("datetime").date(2024, 10, 2),
        "issuer": "UBND tỉnh",
        "summary": "Công nhận sáng kiến",
        "section": "Điều 1",
        "page": "2",
        "file": "docs/qd9.pdf",
        "link": "https://example.test/qd9",
        "complete": False,
    }
    # Written in the register's order, as one flow mapping: a diff shows exactly it.
    assert '- {date: 2024-10-05, number: "9/QĐ-UBND", issued: 2024-10-02, issuer: "UBND tỉnh", summary: "Công nhận sáng kiến", section: "Điều 1", page: \'2\', file: "docs/qd9.pdf", link: "https://example.test/qd9", complete: false}\n' in plan.read_text(encoding="utf-8")


def test_free_text_evidence_still_accepted(plan):
    result = par(plan, "evidence", "1.2", "Công văn 12/STN-VP ngày 03/10/2024", "--date", "2024-10-03")
    assert result.exit_code == 0, result.output
    assert progress(plan, "1.2")["evidence"][0]["text"] == "Công văn 12/STN-VP ngày 03/10/2024"


def test_evidence_with_nothing_to_say_is_refused_byte_identical(plan):
    before = plan.read_bytes()
    result = par(plan, "evidence", "1.2", "--issuer", "UBND tỉnh", "--date", "2024-10-03")
    assert result.exit_code == 1
    assert plan.read_bytes() == before


def test_validate_warns_but_succeeds_on_a_missing_file(plan):
    result = subprocess.run([par_executable(), "validate", str(plan)], capture_output=True, text=True, env=subprocess_env())
    assert result.returncode == 0, result.stderr
    [missing] = [line for line in result.stderr.splitlines() if "docs/kh.pdf" in line]
    assert missing.startswith(f"{plan}:") and ": cảnh báo: tiêu chí 1.1: tệp tài liệu kiểm chứng 'docs/kh.pdf' không tồn tại" in missing
    assert "hợp lệ" in result.stdout
    assert "1 cảnh báo" in result.stderr
    (plan.parent / "docs").mkdir()
    (plan.parent / "docs" / "kh.pdf").write_bytes(b"%PDF-1.4\n")
    again = subprocess.run([par_executable(), "validate", str(plan), "--format", "json"], capture_output=True, text=True, env=subprocess_env())
    payload = json.loads(again.stdout)
    assert again.returncode == 0 and payload["valid"] is True
    assert payload["problems"] == [] and payload["warnings"] == 0


def test_validate_warns_on_evidence_later_than_its_deadline(plan):
    # ke-hoach is due "before 05/01/2024": the last day on time is 04/01; a document issued on
    # 10/01 cannot prove it was met.
    result = par(plan, "evidence", "1.1", "--number", "02/KH-STN", "--issued", "2024-01-10", "--deadline", "ke-hoach", "--date", "2024-01-10")
    assert result.exit_code == 0, result.output
    from typer.testing import CliRunner

    from par_cli.cli import app

    output = CliRunner().invoke(app, ["validate", str(plan), "--lang", "en", "--format", "json"])
    assert output.exit_code == 0
    payload = json.loads(output.stdout)
    assert payload["valid"] is True and payload["warnings"] == 2  # this one and docs/kh.pdf
    assert {problem["severity"] for problem in payload["problems"]} == {"warning"}
    output = CliRunner().invoke(app, ["validate", str(plan), "--lang", "en"])
    assert "warning: criterion 1.1: evidence dated 10/01/2024 is later than the last day 04/01/2024 of deadline 'ke-hoach' it proves" in output.stderr  # problems and warnings go to stderr


def test_an_error_still_fails_beside_warnings(plan):
    plan.write_text(YEAREND.replace("max: 2\n        lead: van-phong\n        rule: {kind: manual}", "max: 2\n        lead: nobody\n        rule: {kind: manual}"), encoding="utf-8")
    from typer.testing import CliRunner

    from par_cli.cli import app

    result = CliRunner().invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1


def test_justify_lists_then_records_and_the_list_shows_it(plan):
    listed = par(plan, "justify", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert [(item["criterion"], item["points"], item["why"]) for item in json.loads(listed.stdout)] == [("1.2", 1.5, "no_evidence"), ("2.1.1", 1.0, "incomplete")]
    recorded = par(plan, "justify", "1.2", "Sáng kiến đang chờ Hội đồng tỉnh công nhận", "--date", "2025-01-04")
    assert recorded.exit_code == 0, recorded.output
    assert progress(plan, "1.2")["explanations"] == [{"date": __import__("datetime").date(2025, 1, 4), "text": "Sáng kiến đang chờ Hội đồng tỉnh công nhận"}]
    again = json.loads(par(plan, "justify", "--format", "json").stdout)
    assert again[0]["explanation"]["text"] == "Sáng kiến đang chờ Hội đồng tỉnh công nhận"
    sheet = par(plan, "sheet")
    assert "| 1.2 | Sáng kiến | 2 | 1,5 |  | Sáng kiến đang chờ Hội đồng tỉnh công nhận |" in sheet.stdout
    # Explained, 1.2 still needs the explanation it has: the list shows it with it.
    assert [item["criterion"] for item in again] == ["1.2", "2.1.1"] and again[1]["explanation"] is None


@pytest.mark.parametrize(
    "args",
    [("justify", "9.9", "không có tiêu chí này"), ("justify", "1.2", "   "), ("giai-trinh", "1.2", "x", "--date", "2031-01-01")],
)
def test_justify_refusals_leave_the_file_byte_identical(plan, args):
    before = plan.read_bytes()
    result = par(plan, *args)
    assert result.exit_code in (1, 2), result.output
    assert plan.read_bytes() == before


def test_evidence_for_a_deadline_the_criterion_lacks_is_refused(plan):
    before = plan.read_bytes()
    result = par(plan, "evidence", "1.1", "--number", "3/KH-STN", "--deadline", "khong-co", "--date", "2024-02-01")
    assert result.exit_code == 1 and "khong-co" in result.output
    assert plan.read_bytes() == before


def test_score_explain_shows_the_explanation(plan):
    assert par(plan, "justify", "1.2", "Chờ công nhận", "--date", "2025-01-04").exit_code == 0
    from typer.testing import CliRunner

    from par_cli.cli import app

    shown = CliRunner().invoke(app, ["score", str(plan), "--explain", "1.2"])
    assert "Giải trình ngày 04/01/2025: Chờ công nhận" in shown.stdout
    before = CliRunner().invoke(app, ["score", str(plan), "--explain", "1.2", "--as-of", "2024-12-31", "--format", "json"])
    assert json.loads(before.stdout)["explanation"] is None


def test_evidence_given_with_a_score_stage_backs_the_score(plan_copy):
    """`par set 1.5 self_assessment=1,5 --evidence …` writes the evidence on the stage entry:
    the claimed 1,5 points have evidence behind them, so par score does not flag them and
    par justify does not list it. Before the stage, 1.5 (manual, nothing recorded) claimed
    nothing."""
    recorded = par(plan_copy, "set", "1.5", "self_assessment=1,5", "--date", "10/12/2024", "--evidence", "Báo cáo số 12/BC-SGTVT ngày 10/12/2024")
    assert recorded.exit_code == 0, recorded.output
    scored = par(plan_copy, "score", "--as-of", "31/12/2024", "--format", "json")
    node = next(item for item in json.loads(scored.output)["criteria"] if item["id"] == "1.5")
    assert (node["projected"], node["basis"], node["no_evidence"]) == (1.5, "self_assessed", False)
    # 2.1 self-assessed at 1 without evidence is the contrast: it must be explained.
    assert par(plan_copy, "set", "2.1", "self_assessment=1", "--date", "10/12/2024").exit_code == 0
    listed = par(plan_copy, "justify", "--as-of", "31/12/2024", "--format", "json")
    rows = {row["criterion"]: (row["points"], row["why"]) for row in json.loads(listed.output)}
    assert rows == {"2.1": (1.0, "no_evidence")}


def test_evidence_of_a_criterion_whose_progress_holds_only_stages_goes_first_in_it(runner, plan_copy):
    # 1.4's progress, once it holds a score, is only `stages:`; evidence comes before stages
    # in the model's order, so it becomes the first key of the progress (it was an internal
    # error: the splice's local variable hid the function it was named after).
    from par_cli.cli import app
    from par_cli.reading.reader import load_plan

    assert runner.invoke(app, ["set", str(plan_copy), "1.4", "self_assessment=1", "--date", "2024-03-01"]).exit_code == 0
    result = runner.invoke(app, ["evidence", str(plan_copy), "1.4", "--number", "2/BC", "--date", "2024-03-02"])
    assert result.exit_code == 0, result.output
    text = plan_copy.read_text(encoding="utf-8")
    progress = text[text.index("progress:", text.index('id: "1.4"')) :]
    assert progress.index("evidence:") < progress.index("stages:")
    [criterion] = [c for d in load_plan(plan_copy).plan.domains for c in d.criteria if c.id == "1.4"]
    assert [e.number for e in criterion.progress.evidence] == ["2/BC"] and [s.points for s in criterion.progress.stages] == [1]
