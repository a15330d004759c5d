"""A problem is a value; its words are render/problems.py's (issue 12 §3). The three forms a
problem is said in (one line, JSON, a message inside another), the same for every command,
and the progress `par diff --carry` could not place, whose dates stay dates until shown."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from par_cli.cli import app
from par_cli.i18n import Message, t
from par_cli.plan.problems import PlanFileError, Problem
from par_cli.render.problems import file_error_text, problem_json, problem_line, problem_message, problem_text, worded
from tests.conftest import FIXTURES
from tests.edit_support import BUNDLED, par_executable, subprocess_env
from tests.test_new_year_diff import edited_copy

KEYS = {"path", "line", "column", "criterion_id", "code", "severity", "message"}  # README, "JSON output"


def test_the_one_line_form_in_both_languages():
    problem = Problem(Path("plans/2024.yaml"), 12, 7, "check.unknown_unit", {"unit": "van-phonggg"}, criterion_id="1.2")
    assert problem_line(problem, "en") == "plans/2024.yaml:12:7: criterion 1.2: unit 'van-phonggg' is not declared under units"
    assert problem_line(problem, "vi") == f"plans/2024.yaml:12:7: tiêu chí 1.2: {t('check.unknown_unit', 'vi', unit='van-phonggg')}"
    warning = Problem(Path("p.yaml"), 3, 1, "warn.evidence_file_missing", {"file": "a.pdf"}, severity="warning")
    assert problem_line(warning, "vi").startswith("p.yaml:3:1: cảnh báo: tệp tài liệu kiểm chứng 'a.pdf'")
    assert problem_line(warning, "en").startswith("p.yaml:3:1: warning: evidence file 'a.pdf'")


def test_a_line_break_quoted_from_the_plan_stays_on_the_line():
    problem = Problem(Path("p.yaml"), 2, 1, "schema.extra", {"field": "ma\nx"})
    line = problem_line(problem, "en")
    assert "\n" not in line and "ma\\nx" in line


def test_the_json_form_is_the_same_in_both_languages_but_its_message():
    problem = Problem(Path("p.yaml"), 4, 9, "yaml.duplicate_key", {"key": "max"}, criterion_id="2.1")
    vietnamese, english = problem_json(problem, "vi"), problem_json(problem, "en")
    assert set(vietnamese) == KEYS
    assert {**vietnamese, "message": None} == {**english, "message": None}
    assert english == {
        "path": "p.yaml",
        "line": 4,
        "column": 9,
        "criterion_id": "2.1",
        "code": "yaml.duplicate_key",
        "severity": "error",
        "message": "criterion 2.1: key 'max' appears twice",
    }


def test_a_problem_inside_a_message_is_worded_with_it():
    """A refusal carries the problems behind it as values; they are said as messages."""
    problems = (Problem(Path("p.yaml"), 1, 1, "yaml.duplicate_key", {"key": "max"}, criterion_id="1.2"), Problem(Path("p.yaml"), 2, 1, "yaml.too_deep"))
    assert problem_message(problems[1]) == Message("yaml.too_deep", {})
    reason = Message("edit.busy", {"lock": "plan.yaml.lock"})
    for lang in ("vi", "en"):
        said = worded("carry.refused_problems", {"target": "1.2", "reason": reason, "problems": problems}, lang)
        assert said == f"1.2: {t('edit.busy', lang, lock='plan.yaml.lock')} {problem_text(problems[0], lang)}; {problem_text(problems[1], lang)}"


def test_a_file_that_cannot_be_read_is_said_with_its_path(tmp_path: Path):
    error = PlanFileError(tmp_path / "none.yaml", "file.not_found")
    assert file_error_text(error, "en") == f"{tmp_path / 'none.yaml'}: file not found"
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "none.yaml"), "--lang", "vi"])
    assert result.exit_code == 2
    assert f"{tmp_path / 'none.yaml'}: không tìm thấy tệp" in result.stderr


def test_every_command_says_an_invalid_plans_problems_the_same_way():
    """validate, score and due read the same invalid file: the same lines on stderr, and under
    --format json the same objects, equal in both languages except their message."""
    bad = FIXTURES / "invalid" / "duplicate_key.yaml"
    lines = {command: CliRunner().invoke(app, [command, str(bad), "--lang", "en"]) for command in ("validate", "score", "gap")}
    assert {result.exit_code for result in lines.values()} == {1}
    first = [line for line in lines["validate"].stderr.splitlines() if ":" in line and line.startswith(str(bad))]
    assert first
    for result in lines.values():
        assert [line for line in result.stderr.splitlines() if line.startswith(str(bad))] == first
    payloads = {}
    for lang in ("vi", "en"):
        done = subprocess.run([par_executable(), "score", str(bad), "--format", "json"], capture_output=True, text=True, env=subprocess_env(PAR_LANG=lang))
        assert done.returncode == 1, done.stderr
        payloads[lang] = json.loads(done.stdout)
    assert all(set(problem) == KEYS for problem in payloads["en"]["problems"])
    strip = [{**problem, "message": None} for problem in payloads["vi"]["problems"]]
    assert strip == [{**problem, "message": None} for problem in payloads["en"]["problems"]]
    assert payloads["vi"]["problems"][0]["message"] != payloads["en"]["problems"][0]["message"]


def test_what_diff_carry_cannot_place_keeps_its_dates_until_shown(tmp_path: Path):
    """6.6 is removed in the new plan: its evidence of 01/02/2024 and its self-assessed 0,5
    points have nowhere to go. Said with the reader's dates and numbers on stderr; in JSON
    with ISO dates and plain numbers, the same in both languages but for the reason."""
    old = tmp_path / "old.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    six = '        requirement: "100% đơn vị ban hành quy chế chi tiêu nội bộ"\n        rule: {kind: manual}\n        baseline: {points: unknown}\n'
    assert six in text
    text = text.replace(six, six + '        progress:\n          self_assessed: 0.5\n          evidence:\n            - {date: 2024-02-01, text: "Quy chế 05/QC-SGTVT"}\n', 1)
    old.write_text(text, encoding="utf-8")
    targets = []
    for name in ("vi", "en", "json-vi", "json-en"):
        (tmp_path / name).mkdir()
        targets.append(edited_copy(tmp_path / name))  # 6.6 removed, the totals kept
    vietnamese = CliRunner().invoke(app, ["diff", str(old), str(targets[0]), "--carry", "--lang", "vi"])
    english = CliRunner().invoke(app, ["diff", str(old), str(targets[1]), "--carry", "--lang", "en"])
    assert vietnamese.exit_code == english.exit_code == 1, vietnamese.output
    assert "tiêu chí 6.6: evidence 01/02/2024: không có tiêu chí tương ứng" in vietnamese.stderr
    assert "tiêu chí 6.6: self_assessed 0,5: " in vietnamese.stderr
    assert "criterion 6.6: self_assessed 0.5: no matching criterion" in english.stderr
    assert "datetime" not in vietnamese.stderr + english.stderr
    payloads = [json.loads(CliRunner().invoke(app, ["diff", str(old), str(target), "--carry", "--format", "json", "--lang", lang]).stdout) for target, lang in zip(targets[2:], ("vi", "en"))]
    whats = [[(item["old_id"], item["what"]) for item in payload["not_placed"]] for payload in payloads]
    assert whats[0] == whats[1] == [("6.6", "evidence 2024-02-01"), ("6.6", "self_assessed 0.5")]
