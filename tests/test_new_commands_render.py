"""The newer commands (history, diff, sheet, workbook, justify, import, new-year, init) on the
one renderer interface: one ``--format``, JSON through render.json, files through the one way
out, and tables that stay readable on a narrow terminal (issue 12 §4–§5, issue 13 item 10)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from tests.conftest import BUNDLED, FIXTURES
from tests.edit_support import par_executable, subprocess_env
from tests.framework_support import write_xlsx
from tests.history_repo import AN, BINH, git
from tests.yearend_plans import YEAREND

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def invoke(*args: object, columns: int = 200):
    return CliRunner().invoke(app, [str(arg) for arg in args], env={"COLUMNS": str(columns)})


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    path = tmp_path / "2024.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.fixture
def moved(tmp_path: Path) -> Path:
    """The minimal plan with 1.1's deadline moved from "before 05/01/2024" to "before
    15/01/2024", 1.1 worth 1 and 1.2 worth 3 (2 + 2 = 1 + 3: the sums hold)."""
    text = MINIMAL.replace("before: 2024-01-05", "before: 2024-01-15").replace("        max: 2\n        lead: van-phong\n        measures", "        max: 3\n        lead: van-phong\n        measures")
    text = text.replace("        max: 2\n        lead: van-phong\n        support", "        max: 1\n        lead: van-phong\n        support")
    path = tmp_path / "moved.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with two versions of the minimal plan: 1.2 records one initiative."""
    folder = tmp_path / "repo"
    (folder / "plans").mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    plan = folder / "plans" / "2024.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Kế hoạch", who=AN, when="2024-01-02T09:00:00+07:00")
    assert invoke("set", "1.2", "initiatives=2", "--date", "2024-02-10", "--plan", plan).exit_code == 0
    git(folder, "commit", "-q", "-am", "1.2: hai sáng kiến", who=BINH, when="2024-02-10T10:00:00+07:00")
    return plan


# --- one --format, each command offering its own ---------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["sheet", "{plan}", "--format", "csv"],
        ["sheet", "{plan}", "--format", "table"],
        ["diff", "{plan}", "{plan}", "--format", "html"],
        ["diff", "{plan}", "{plan}", "--format", "xlsx"],
        ["history", "{plan}", "--format", "ics"],
        ["justify", "--plan", "{plan}", "--format", "docx"],
        ["import", "{plan}", "--output", "{out}", "--format", "html"],
    ],
)
def test_a_format_a_command_does_not_offer_is_a_usage_error(minimal, tmp_path, args):
    result = invoke(*[a.format(plan=minimal, out=tmp_path / "new.yaml") for a in args], "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "has no" in result.output and "format" in result.output
    assert not (tmp_path / "new.yaml").exists()


def test_diff_json_keys_and_deadlines_as_values(minimal, moved):
    result = invoke("diff", minimal, moved, "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"old", "new", "differences"}
    by_kind = {(d["kind"], d["new_id"]): d for d in payload["differences"]}
    assert set(by_kind) == {("max", "1.1"), ("max", "1.2"), ("deadlines", "1.1")}
    assert set(by_kind["max", "1.2"]) == {"kind", "old_id", "new_id", "title", "old", "new"}
    assert (by_kind["max", "1.2"]["old"], by_kind["max", "1.2"]["new"]) == (2.0, 3.0)
    by_kind = {d["kind"]: d for d in payload["differences"]}
    assert by_kind["deadlines"]["old"] == [{"id": "ke-hoach", "exclusive": True, "date": "2024-01-05", "recurrence": None}]
    assert by_kind["deadlines"]["new"][0]["date"] == "2024-01-15"
    # The same in English: JSON has no words of a language.
    assert json.loads(invoke("diff", minimal, moved, "--format", "json", "--lang", "en").stdout) == payload


def test_diff_table_dates_are_vietnamese_dates(minimal, moved):
    text = invoke("diff", minimal, moved, "--format", "text").stdout
    assert "ke-hoach: trước 05/01/2024 → ke-hoach: trước 15/01/2024" in text
    assert "2024-01-05" not in text
    assert "2 → 3" in text
    english = invoke("diff", minimal, moved, "--format", "text", "--lang", "en").stdout
    assert "ke-hoach: before 05/01/2024" in english


def test_justify_list_json_and_csv(tmp_path):
    plan = tmp_path / "2024.yaml"
    plan.write_text(YEAREND, encoding="utf-8")
    listed = json.loads(invoke("justify", "--plan", plan, "--format", "json").stdout)
    assert listed and set(listed[0]) == {"criterion", "points", "why", "explanation"}
    csv_text = invoke("justify", "--plan", plan, "--format", "csv").stdout
    assert csv_text.startswith("\ufeffcriterion,title,points,why,explained,explanation\n")
    assert {item["criterion"] for item in listed} <= {line.split(",")[0] for line in csv_text.splitlines()[1:]}


def test_invalid_plan_problems_as_json_under_format_json(tmp_path):
    plan = tmp_path / "2024.yaml"
    plan.write_text(MINIMAL.replace("max: 3\n", "max: 4\n", 1), encoding="utf-8")
    for args in (["justify", "--plan", plan], ["diff", plan, plan]):
        result = invoke(*args, "--format", "json")
        assert result.exit_code == 1
        payload = json.loads(result.stdout)
        assert payload["valid"] is False and payload["problems"]


# --- every file through the one way out ------------------------------------------------------


def _targets(plan: Path, via: str) -> Path:
    if via == "same":
        return plan
    link = plan.parent / f"link-{plan.name}"
    link.symlink_to(plan)
    return link


@pytest.mark.parametrize("via", ["same", "symlink"])
@pytest.mark.parametrize(
    "args",
    [
        ["sheet", "{plan}", "--output", "{out}"],
        ["sheet", "{plan}", "--format", "html", "--output", "{out}"],
        ["sheet", "{plan}", "--format", "xlsx", "--output", "{out}"],
        ["sheet", "{plan}", "--format", "docx", "--output", "{out}"],
        ["diff", "{plan}", "{plan}", "--format", "csv", "--output", "{out}"],
        ["workbook", "--unit", "van-phong", "--plan", "{plan}", "--output", "{out}"],
        ["new-year", "{plan}", "--output", "{out}"],
        ["init", "--year", "2024", "--output", "{out}"],
    ],
    ids=["sheet-md", "sheet-html", "sheet-xlsx", "sheet-docx", "diff-csv", "workbook", "new-year", "init"],
)
def test_output_never_replaces_the_plan(minimal, via, args):
    target = _targets(minimal, via)
    before = minimal.read_bytes()
    result = invoke(*[a.format(plan=minimal, out=target) for a in args], "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "plan" in result.output or "exists" in result.output
    assert minimal.read_bytes() == before
    assert minimal.is_file() and not minimal.is_symlink()


@pytest.mark.parametrize("via", ["same", "symlink"])
def test_history_csv_output_never_replaces_the_plan(repo, via):
    target = _targets(repo, via)
    before = repo.read_bytes()
    result = invoke("history", repo, "--format", "csv", "--output", target, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert repo.read_bytes() == before


@pytest.mark.parametrize("via", ["same", "symlink", "dangling"])
def test_import_never_writes_over_a_plan(minimal, tmp_path, via):
    from tests.framework_support import seed_rows

    source = write_xlsx(tmp_path / "khung.xlsx", seed_rows())
    target = {"same": minimal, "symlink": tmp_path / "link.yaml", "dangling": tmp_path / "dangling.yaml"}[via]
    if via == "symlink":
        target.symlink_to(minimal)
    elif via == "dangling":
        target.symlink_to(tmp_path / "nowhere.yaml")
    before = minimal.read_bytes()
    result = invoke("import", source, "--output", target, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert minimal.read_bytes() == before
    assert not (tmp_path / "nowhere.yaml").exists()


def test_binary_outputs_are_written_atomically_and_need_a_file(minimal, tmp_path):
    out = tmp_path / "sheet.xlsx"
    out.write_bytes(b"old")
    assert invoke("sheet", minimal, "--format", "xlsx", "--output", out).exit_code == 0
    from openpyxl import load_workbook

    assert load_workbook(out).sheetnames  # a whole workbook replaced the old bytes
    assert not [name for name in tmp_path.iterdir() if name.name.startswith(".")]  # no temporary left
    assert invoke("sheet", minimal, "--format", "docx").exit_code == 2


def test_history_and_diff_write_their_csv_to_a_file(repo, tmp_path, minimal):
    out = tmp_path / "history.csv"
    result = invoke("history", repo, "--format", "csv", "--output", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8-sig").startswith("day,commit,author,")
    diff_out = tmp_path / "diff.json"
    assert invoke("diff", minimal, minimal, "--format", "json", "--output", diff_out).exit_code == 0
    assert json.loads(diff_out.read_text(encoding="utf-8"))["differences"] == []


def test_real_subprocess_refuses_the_plan_as_output(minimal):
    before = minimal.read_bytes()
    done = subprocess.run([par_executable(), "sheet", str(minimal), "--format", "xlsx", "--output", str(minimal)], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert done.returncode == 2, done.stderr
    assert minimal.read_bytes() == before


# --- narrow terminals ------------------------------------------------------------------------

_CUT = re.compile(r"\d[\d.,/]*…")  # a number, an id or a date cut short


def _table(*args: object, columns: int) -> str:
    result = invoke(*args, "--format", "table", columns=columns)
    assert result.exit_code in (0, 1), result.output
    text = result.stdout
    for line in text.splitlines():
        if line[:1] in "┏┃┡│└":  # the table itself; a footnote is one line the terminal wraps
            assert len(line) <= columns, line
    assert not _CUT.search(text), text
    return text


@pytest.mark.parametrize("columns", [80, 120])
def test_diff_table_at_80_and_120_columns(minimal, moved, columns):
    text = _table("diff", minimal, moved, columns=columns)
    for whole in ("1.1", "1.2", "05/01/2024", "15/01/2024"):
        assert whole in text
    if columns == 120:
        assert "Kế hoạch" in text  # the title stays where there is room


@pytest.mark.parametrize("columns", [80, 120])
def test_history_table_at_80_and_120_columns(repo, columns):
    text = _table("history", repo, columns=columns)
    for whole in ("02/01/2024", "10/02/2024"):
        assert whole in text
    commit = git(repo.parent.parent, "rev-parse", "--short", "HEAD").strip()
    assert commit in text
    if columns == 80:
        assert "Màn hình hẹp: ẩn cột" in text  # the footnote says which went


@pytest.mark.parametrize("columns", [80, 120])
def test_justify_table_at_80_and_120_columns(tmp_path, columns):
    plan = tmp_path / "2024.yaml"
    plan.write_text(YEAREND, encoding="utf-8")
    text = _table("justify", "--plan", plan, columns=columns)
    assert "2.1.1" in text and "1,5" in text


@pytest.mark.parametrize("columns", [80, 120])
def test_import_unread_table_at_80_and_120_columns(tmp_path, columns):
    from tests.test_framework_import import OTHER_HEADER, OTHER_ROWS

    source = write_xlsx(tmp_path / "khung-2025.xlsx", OTHER_ROWS, header=OTHER_HEADER, preamble=[], sheet="Khung")
    result = invoke("import", source, "--output", tmp_path / "2025.yaml", "--year", "2025", "--index-max", "100", "--format", "table", columns=columns)
    assert result.exit_code == 1
    for line in result.stdout.splitlines():
        if line[:1] in "┏┃┡│└":
            assert len(line) <= columns, line
    assert "khung-2025.xlsx!Khung!E8" in result.stdout and "khung-2025.xlsx!Khung!C8" in result.stdout


def test_score_at_80_columns_gives_the_title_room():
    """At 80 columns the bundled plan's table keeps id, title, max, 2023, projected and the
    status; the title keeps at least 24 characters, floor and ceiling go first and the
    footnote names them."""
    result = invoke("score", BUNDLED, "--as-of", "2024-06-30", "--format", "table", columns=80)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    top = next(line for line in lines if line.startswith("┏"))
    assert len(top.split("┳")[1]) >= 24 + 2, top  # the title column with its padding
    assert all(len(line) <= 80 for line in lines if line[:1] in "┏┃┡│└")
    assert not _CUT.search(result.stdout)
    assert "Màn hình hẹp: ẩn cột Sàn, Trần" in lines[-1]
    # Every row takes at most 2 lines (the title is shortened at 40 characters): before,
    # 1.2 "Thực hiện chế độ báo cáo CCHC định kỳ" took 4 lines at 12 characters.
    starts = [index for index, line in enumerate(lines) if line.startswith("│") and line.split("│")[1].strip()]
    heights = [after - before for before, after in zip(starts, starts[1:])]
    assert max(heights) <= 2, heights
