"""`par import`'s account of a draft with problems: the account on stdout, the draft's
problems on stderr after it, and no sentence that points "above" at lines that, piped, are
somewhere else (issue 13's follow-up of the layers issue: problems go to stderr)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import par_executable, subprocess_env
from tests.framework_support import write_xlsx
from tests.test_framework_import import OTHER_HEADER, OTHER_ROWS

# 2.1's maximum is 3, its children's 2 + (2.1.2's unreadable "hai", taken as 0): one problem
# at the draft's line 56, column 14; and two unread places (2.1.2's maximum and deadline).
PROBLEM_VI = "tiêu chí 2.1: tổng điểm tối đa của các tiêu chí con là 2, khác điểm tối đa 3 của 2.1"
FACTS = ("--year", "2025", "--index-max", "100", "--issuer", "Sở Y tế")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "khung-2025.xlsx", OTHER_ROWS, header=OTHER_HEADER, preamble=[], sheet="Khung")


def run(source: Path, *args: str, merged: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [par_executable(), "import", source.name, "--output", "2025.yaml", *FACTS, *args], cwd=source.parent,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT if merged else subprocess.PIPE, text=True, env=subprocess_env(), timeout=120,
    )


@pytest.mark.parametrize("fmt", ["auto", "text", "table", "md"])
def test_the_account_on_stdout_names_where_the_problems_are_and_they_follow_it_on_stderr(source: Path, fmt: str):
    done = run(source, "--format", fmt)
    assert done.returncode == 1
    # stderr holds the draft's problems and nothing else.
    assert done.stderr == f"2025.yaml:56:14: {PROBLEM_VI}\n"
    # stdout never says they are "above": piped they are not. It says where they are.
    assert "ở trên" not in done.stdout
    assert "Bản nháp có 1 lỗi, mỗi lỗi một dòng 2025.yaml:DÒNG:CỘT trên stderr (par validate 2025.yaml liệt kê lại); hãy sửa trong tệp." in done.stdout
    # The unread places are the table's rows, and the table is above its own footer.
    assert "2 chỗ không đọc được (bảng trên)." in done.stdout
    assert done.stdout.index("Khung\\!C8" if fmt == "md" else "Khung!C8") < done.stdout.index("2 chỗ không đọc được")  # md escapes "!"


def test_merged_the_problems_come_after_the_account_that_announces_them(source: Path):
    done = run(source, merged=True)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "Chỗ không đọc được trong bảng khung: 2"
    assert lines[-1] == f"2025.yaml:56:14: {PROBLEM_VI}"
    announced = next(index for index, line in enumerate(lines) if line.startswith("Bản nháp có 1 lỗi"))
    assert announced < len(lines) - 1


def test_json_holds_the_problems_and_stderr_stays_empty(source: Path):
    done = run(source, "--format", "json")
    assert done.returncode == 1
    assert done.stderr == ""
    payload = json.loads(done.stdout)
    assert payload["valid"] is False
    assert [(p["line"], p["column"], p["code"], p["message"]) for p in payload["problems"]] == [(56, 14, "check.children_sum", PROBLEM_VI)]
    assert [item["where"] for item in payload["unread"]] == ["khung-2025.xlsx!Khung!E8", "khung-2025.xlsx!Khung!C8"]


def test_in_english_too(source: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(source.parent)
    result = CliRunner().invoke(app, ["import", source.name, "--output", "2025.yaml", *FACTS, "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == "2025.yaml:56:14: criterion 2.1: the children's maxima add up to 2, not the 3 of 2.1\n"
    assert "The draft has 1 problem(s), one 2025.yaml:LINE:COLUMN line each on stderr (par validate 2025.yaml lists them again); fix them in the file." in result.stdout
    assert "2 place(s) could not be read (the table above)." in result.stdout
    assert "(above)" not in result.stdout


def test_a_valid_draft_has_no_problem_sentence_and_nothing_on_stderr(source: Path):
    rows = [row[:] for row in OTHER_ROWS]
    rows[-1][4] = "1"
    rows[-1][2] = ""
    write_xlsx(source, rows, header=OTHER_HEADER, preamble=[], sheet="Khung")
    done = run(source)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Bản nháp hợp lệ (par validate)." in done.stdout and "lỗi" not in done.stdout
