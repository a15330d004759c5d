"""What every command shares, through the public surface: the language of help and usage
errors, exit codes, finding the plan, problems as JSON, and the report on a terminal."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from par_cli.cli import app
from tests.conftest import BUNDLED, FIXTURES
from tests.edit_support import par_executable, subprocess_env

COMMANDS = ["validate", "score", "gap", "due", "report", "units", "set", "done", "evidence", "schema", "workbook", "collect"]


@pytest.mark.parametrize("how", ["option", "env"])
def test_help_is_english_with_lang_en_or_par_lang(runner, how):
    args, env = (["--help", "--lang", "en"], {}) if how == "option" else (["--help"], {"PAR_LANG": "en"})
    top = runner.invoke(app, args, env=env)
    assert top.exit_code == 0
    assert "a yearly PAR-index improvement plan" in top.stdout and "Chấm điểm" not in top.stdout
    for command in COMMANDS:
        # --lang before the command works for every command, after it for those that read a plan.
        result = runner.invoke(app, ["--lang", "en", command, "--help"] if how == "option" else [command, "--help"], env=env)
        assert result.exit_code == 0, (command, result.output)
        # Quoted examples ("Báo cáo số 12/BC-SGTVT") are plan text, in Vietnamese in any language.
        # So are glosses of Vietnamese terms in parentheses ("summary (trích yếu)").
        words = re.sub(r'"[^"]*"|\([^()]*\)', "", " ".join(result.stdout.split()))
        assert not re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", words), (command, result.stdout)
        assert "help." not in result.stdout, (command, result.stdout)


def test_lang_after_the_command_switches_its_help(runner):
    result = runner.invoke(app, ["score", "--help", "--lang", "en"])
    assert "Score the plan from the progress recorded." in result.stdout


def test_help_is_vietnamese_by_default(runner):
    result = runner.invoke(app, ["score", "--help"])
    assert "Chấm điểm dự kiến theo tiến độ đã ghi nhận." in result.stdout
    assert "Chỉ tính số liệu ghi nhận đến ngày này." in result.stdout


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (["score", "--bogus"], "không có tùy chọn --bogus", "no such option: --bogus"),
        (["score", "--depth", "7"], "giá trị không hợp lệ cho '--depth': cần nhỏ hơn hoặc bằng 3", "invalid value for '--depth': must be at most 3"),
        (["scor"], "không có lệnh 'scor'", "no such command 'scor'"),
        (["score", "--format", "xml"], "lệnh này không có định dạng 'xml'; chọn một trong: auto, table, text, json, csv, md", "this command has no 'xml' format; choose one of: auto, table, text, json, csv, md"),
        (["gap", "--format", "ics"], "lệnh này không có định dạng 'ics'", "this command has no 'ics' format"),
        (["due", "--today"], "tùy chọn --today cần một giá trị", "option --today needs a value"),
    ],
)
def test_usage_errors_in_both_languages_exit_2(runner, args, vi, en):
    said_vi = runner.invoke(app, args)
    said_en = runner.invoke(app, [*args, "--lang", "en"] if args != ["due", "--today"] else ["--lang", "en", *args])
    assert said_vi.exit_code == said_en.exit_code == 2
    assert vi in said_vi.stderr, said_vi.stderr
    assert en in said_en.stderr, said_en.stderr
    assert "Traceback" not in said_vi.output + said_en.output


def test_every_reading_command_takes_the_plan_positionally(runner):
    for args in (["score"], ["gap"], ["due", "--today", "2024-03-01"], ["units", "--today", "2024-03-01"], ["report", "--format", "md", "--today", "2024-03-01"]):
        positional = runner.invoke(app, [*args, str(BUNDLED)])
        with_option = runner.invoke(app, [*args, "--plan", str(BUNDLED)])
        assert positional.exit_code == 0, (args, positional.output)
        assert positional.stdout == with_option.stdout, args
        both = runner.invoke(app, [*args, str(BUNDLED), "--plan", str(BUNDLED)])
        assert both.exit_code == 2


def test_an_invalid_plan_is_json_on_stdout_under_format_json_for_every_command(runner):
    broken = FIXTURES / "invalid" / "unknown_unit.yaml"
    for args in (["score"], ["gap"], ["due"], ["units"], ["validate"]):
        as_json = runner.invoke(app, [*args, str(broken), "--format", "json"])
        assert as_json.exit_code == 1, args
        payload = json.loads(as_json.stdout)
        assert payload["valid"] is False
        [problem] = payload["problems"]
        assert (problem["line"], problem["column"], problem["criterion_id"]) == (32, 15, "1.2")
        as_text = runner.invoke(app, [*args, str(broken), "--format", "text"])
        assert as_text.exit_code == 1 and as_text.stdout == ""
        assert as_text.stderr.startswith(f"{broken}:32:15: tiêu chí 1.2: ")


def test_validate_and_score_find_the_same_plans_in_subfolders(runner, tmp_path):
    (tmp_path / "so-a").mkdir()
    (tmp_path / "so-b" / "cu").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    shutil.copyfile(BUNDLED, tmp_path / "so-a" / "2024.yaml")
    shutil.copyfile(BUNDLED, tmp_path / "so-b" / "cu" / "2024.yaml")
    shutil.copyfile(FIXTURES / "invalid" / "total.yaml", tmp_path / "so-b" / "2023.yaml")
    shutil.copyfile(FIXTURES / "invalid" / "total.yaml", tmp_path / ".git" / "2022.yaml")  # hidden: not a plan
    validated = json.loads(runner.invoke(app, ["validate", str(tmp_path), "--format", "json"]).stdout)
    scored = json.loads(runner.invoke(app, ["score", str(tmp_path), "--format", "json"]).stdout)
    files = sorted(item["path"] for item in validated["files"])
    assert files == sorted(str(tmp_path / p) for p in ("so-a/2024.yaml", "so-b/cu/2024.yaml", "so-b/2023.yaml"))
    in_score = sorted([plan["path"] for plan in scored["plans"]] + [problem["path"] for problem in scored["problems"]])
    assert in_score == files


def test_the_pre_commit_hook_matches_plans_in_subfolders():
    text = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    pattern = re.compile(re.search(r"^  files: (.+)$", text, re.M).group(1))
    for path in ("plans/2024.yaml", "plans/so-gtvt/2024.yaml", "province/plans/so-gtvt/2025.yml"):
        assert pattern.search(path), path
    for path in ("schemas/plan.schema.json", ".pre-commit-hooks.yaml", "docs/plans.md"):
        assert not pattern.search(path), path


def test_par_run_from_inside_plans_finds_the_plan(tmp_path):
    plans = tmp_path / "plans"
    (plans / "so-a").mkdir(parents=True)
    shutil.copyfile(BUNDLED, plans / "2024.yaml")
    env = subprocess_env()
    for cwd in (plans, plans / "so-a", tmp_path):
        done = subprocess.run([par_executable(), "validate"], capture_output=True, text=True, cwd=cwd, env=env)
        assert done.returncode == 0, (cwd, done.stderr)
        assert "hợp lệ (49 tiêu chí, tổng 95 điểm)" in done.stdout


def test_report_on_a_terminal_does_not_dump_html(tmp_path):
    """A real terminal (a pty): the page is refused with a hint; piped, it is written."""
    leader, follower = pty.openpty()
    done = subprocess.run(
        [par_executable(), "report", str(BUNDLED), "--today", "2024-06-15"],
        stdout=follower, stderr=subprocess.PIPE, text=True, env=subprocess_env(), timeout=60,
    )
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2
    assert "--output giao-ban.html" in done.stderr and "--format md" in done.stderr
    piped = subprocess.run([par_executable(), "report", str(BUNDLED), "--today", "2024-06-15"], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert piped.returncode == 0 and piped.stdout.startswith("<!DOCTYPE html>")


def test_exit_codes_of_a_real_process(tmp_path):
    """0 ok, 1 invalid plan, 2 usage; never a traceback."""
    env = subprocess_env()
    ok = subprocess.run([par_executable(), "score", str(BUNDLED), "--format", "json"], capture_output=True, text=True, env=env)
    invalid = subprocess.run([par_executable(), "score", str(FIXTURES / "invalid" / "total.yaml")], capture_output=True, text=True, env=env)
    usage = subprocess.run([par_executable(), "score", "--depth", "9"], capture_output=True, text=True, env=env)
    missing = subprocess.run([par_executable(), "gap", str(tmp_path / "nope.yaml")], capture_output=True, text=True, env=env)
    assert (ok.returncode, invalid.returncode, usage.returncode, missing.returncode) == (0, 1, 2, 2)
    assert all("Traceback" not in r.stderr for r in (ok, invalid, usage, missing))
