"""`par validate`: every error class points at the exact node, in one line, with exit 1.

The fixtures under tests/fixtures/invalid are the valid minimal plan with one defect each;
the expected line and column below were read off each file by hand.
"""

from __future__ import annotations

import codecs
import json
import shutil
import subprocess
import sys
import time
import unicodedata

import pytest

from par_cli.cli import app
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line
from tests.conftest import BUNDLED, FIXTURES, ROOT
from tests.edit_support import par_executable, problem_lines

MINIMAL = FIXTURES / "valid" / "minimal.yaml"

# name → (line, column, message code, a fragment of the Vietnamese message)
INVALID = {
    "bad_date": (28, 21, "schema.date", "ngày '2024-02-30' không hợp lệ"),
    "bad_rrule": (59, 33, "check.rrule", "không đọc được quy tắc lặp"),
    "baseline_above_max": (36, 28, "check.baseline_above_max", "điểm năm trước 3 vượt điểm tối đa 2"),
    "baseline_negative": (36, 28, "schema.range", "-1 phải ≥ 0"),
    "blank_title": (20, 16, "text.blank", "'title' trống hoặc chỉ có khoảng trắng"),
    "children_sum": (42, 14, "check.children_sum", "tổng điểm tối đa của các tiêu chí con là 2,5, khác điểm tối đa 3"),
    "date_far": (28, 21, "check.date_far", "05/01/2031 nằm xa ngoài năm kế hoạch 2024"),
    "duplicate_id": (29, 13, "check.duplicate_id", "mã 1.1 bị trùng"),
    "duplicate_key": (22, 9, "yaml.duplicate_key", "khóa 'max' bị lặp lại"),
    "id_not_under_parent": (51, 17, "check.id_not_under_parent", "không nằm dưới mã cha 2.1"),
    "measurement_outside_year": (53, 26, "check.date_outside_year", "01/03/2023 nằm ngoài năm kế hoạch 2024"),
    "measurement_percent": (53, 51, "check.percent_range", "tỷ lệ 140 nằm ngoài 0–100 %"),
    "missing_key": (19, 9, "schema.missing", "thiếu trường bắt buộc 'title'"),
    "percent_mismatch": (7, 32, "check.percent_mismatch", "85 % không khớp 8/10 = 80 %"),
    "percent_range": (50, 71, "check.percent_range", "tỷ lệ 190 nằm ngoài 0–100 %"),
    "rule_on_parent": (43, 9, "check.rule_on_parent", "bỏ 'rule' ở đây"),
    "tier_above_max": (35, 81, "check.points_above_max", "3 điểm vượt điểm tối đa 2"),
    "tiers_order": (35, 85, "check.tiers_order", "từ cao xuống thấp"),
    "total": (6, 12, "check.total", "7 (bảng) + 4 (ngoài bảng) = 11, khác chỉ số tối đa 10"),
    "unit_kind": (14, 11, "schema.choice", "'everyone'"),
    "unknown_deadline": (31, 26, "check.unknown_deadline", "'ke-hoachh'"),
    "unknown_key": (32, 9, "schema.extra", "khóa không xác định 'maxx'"),
    "unknown_measure": (35, 38, "check.unknown_measure", "'initiative' chưa được khai báo"),
    "unknown_unit": (32, 15, "check.unknown_unit", "chưa được khai báo trong units"),
    "wrong_type": (31, 14, "schema.type", "'hai'"),
}


def test_every_invalid_fixture_is_listed():
    on_disk = {path.stem for path in (FIXTURES / "invalid").glob("*.yaml")}
    assert on_disk == set(INVALID)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_fixture_reports_one_positioned_problem(runner, name):
    line, column, code, fragment = INVALID[name]
    path = FIXTURES / "invalid" / f"{name}.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    lines = problem_lines(result.stderr)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{line}:{column}: "), lines[0]
    assert fragment in lines[0]

    as_json = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert as_json.exit_code == 1
    payload = json.loads(as_json.stdout)
    assert payload["valid"] is False
    [problem] = payload["problems"]
    assert (problem["path"], problem["line"], problem["column"], problem["code"]) == (str(path), line, column, code)
    assert set(problem) == {"path", "line", "column", "criterion_id", "code", "severity", "message"}
    assert problem["severity"] == "error"


def test_criterion_id_is_named(runner):
    result = runner.invoke(app, ["validate", "--format", "json", str(FIXTURES / "invalid" / "unknown_unit.yaml")])
    [problem] = json.loads(result.stdout)["problems"]
    assert problem["criterion_id"] == "1.2"
    assert problem["message"].startswith("tiêu chí 1.2: ")


def test_english_messages(runner):
    result = runner.invoke(app, ["validate", "--lang", "en", str(FIXTURES / "invalid" / "children_sum.yaml")])
    assert "criterion 2.1: the children's maxima add up to 2.5, not the 3 of 2.1" in result.stderr
    env = runner.invoke(app, ["validate", str(FIXTURES / "invalid" / "children_sum.yaml")], env={"PAR_LANG": "en"})
    assert "the children's maxima add up to 2.5" in env.stderr


def test_all_problems_in_one_run(tmp_path, runner):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("lead: van-phong\n        measures", "lead: nobody\n        measures")  # 1.2 lead, line 32
    text = text.replace("max: 3\n        children", "max: 4\n        children")  # 2.1 max, line 42; and the total
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    positions = [line.split(": ", 1)[0] for line in problem_lines(result.stderr)]
    # index_max (6:12): 2 + 2 + 4 + 3 = 11 ≠ 10; unknown unit (32:15); children 1 + 2 = 3 ≠ 4 (42:14)
    assert positions == [f"{path}:6:12", f"{path}:32:15", f"{path}:42:14"]
    assert "3 lỗi trong 1 tệp" in result.stderr


def test_bundled_plan_and_folder(runner):
    result = runner.invoke(app, ["validate", str(BUNDLED)])
    assert result.exit_code == 0
    assert result.stdout == f"{BUNDLED}: hợp lệ (49 tiêu chí, tổng 95 điểm)\n"
    folder = runner.invoke(app, ["validate", str(BUNDLED.parent)])
    assert folder.exit_code == 0 and "2024.yaml: hợp lệ" in folder.stdout


def test_bom_and_crlf_are_valid(tmp_path, runner):
    path = tmp_path / "windows.yaml"
    path.write_bytes(codecs.BOM_UTF8 + MINIMAL.read_bytes().replace(b"\n", b"\r\n"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_bom_crlf_file_reports_positions_too(tmp_path, runner):
    path = tmp_path / "windows.yaml"
    source = (FIXTURES / "invalid" / "unknown_unit.yaml").read_bytes()
    path.write_bytes(codecs.BOM_UTF8 + source.replace(b"\n", b"\r\n"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.stderr.startswith(f"{path}:32:15: ")


def test_unicode_ids_compare_after_nfc(tmp_path, runner):
    """A unit declared in composed form and referenced in decomposed form (another keyboard)."""
    composed = "phòng-tổ-chức"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("  - id: cac-phong\n", f"  - id: {composed}\n    name: \"Phòng Tổ chức\"\n  - id: cac-phong\n")
    text = text.replace("lead: van-phong\n        measures", f"lead: {decomposed}\n        measures")
    path = tmp_path / "nfd.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def _billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghij"
    for previous, name in zip(names, names[1:]):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# name → (bytes, line:col of every problem (None: wherever the limit is hit), a fragment of one message)
BROKEN_FILES = {
    "malformed": (b"criteria: [\n", "2:1", "lỗi cú pháp YAML"),
    "tabs": (b"plan:\n\t- 1\n", "2:1", "Tab"),
    "empty": (b"", "1:1", "tệp rỗng"),
    "only_comments": (b"# nothing here\n", "1:1", "tệp rỗng"),
    "bare_scalar": (b"just words\n", "1:1", "phải là một bảng khóa"),
    "list": (b"- 1\n- 2\n", "1:1", "phải là một bảng khóa"),
    "binary": (b"plan: x\n\x00\x01\x02\xff", "2:1", "byte nhị phân"),
    "latin1": ("title: Sở\n".encode("latin-1", errors="replace") + b"caf\xe9\n", "2:4", "không phải UTF-8"),
    "utf16": ("plan: 1\n".encode("utf-16"), "1:1", "UTF-16"),
    "utf16_no_bom": ("plan: 1\n".encode("utf-16-le"), "1:1", "UTF-16"),
    "python_tag": (b"plan: !!python/object/apply:os.system ['echo owned']\n", "1:7", "không được phép"),
    "custom_tag": (b"plan: !secret x\n", "1:7", "không được phép"),
    "two_documents": (b"a: 1\n---\nb: 2\n", "2:1", "lỗi cú pháp YAML"),
    # Nesting deeper than any plan needs is refused as such, never a RecursionError.
    "deep_flow": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", None, "lồng nhau quá sâu"),
    "deep_block": (("a:\n" + "".join("  " * i + "- \n" for i in range(3000))).encode(), None, "lồng nhau quá sâu"),
    "alias_bomb": (_billion_laughs().encode(), "1:1", "bí danh YAML"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_broken_files_are_problems_not_crashes(tmp_path, runner, name):
    content, position, fragment = BROKEN_FILES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content)
    started = time.perf_counter()
    result = runner.invoke(app, ["validate", str(path)])
    elapsed = time.perf_counter() - started
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    lines = problem_lines(result.stderr)
    prefix = f"{path}:{position}: " if position else f"{path}:"
    assert lines and all(line.startswith(prefix) for line in lines), lines
    assert any(fragment in line for line in lines)
    assert elapsed < 20  # a sanity bound, not a benchmark: a bomb must not expand


def test_many_megabyte_file(tmp_path, runner):
    path = tmp_path / "big.yaml"
    path.write_text("notes:\n" + "".join(f"  - \"dòng ghi chú số {i} của kế hoạch\"\n" for i in range(150_000)), encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "thiếu trường bắt buộc" in result.stderr and "khóa không xác định 'notes'" in result.stderr


def test_usage_errors_exit_2(tmp_path, runner):
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2
    assert "nope.yaml: không tìm thấy tệp" in missing.stderr
    bad_option = runner.invoke(app, ["validate", "--format", "xml", str(BUNDLED)])
    assert bad_option.exit_code == 2
    bad_lang = runner.invoke(app, ["validate", "--lang", "fr", str(BUNDLED)])
    assert bad_lang.exit_code == 2


def test_plan_discovery(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    none = runner.invoke(app, ["validate"])
    assert none.exit_code == 2 and "không tìm thấy kế hoạch" in none.stderr
    (tmp_path / "plans").mkdir()
    shutil.copyfile(MINIMAL, tmp_path / "plans" / "2023.yaml")
    shutil.copyfile(FIXTURES / "invalid" / "total.yaml", tmp_path / "plans" / "2024.yaml")
    newest = runner.invoke(app, ["validate"])
    assert newest.exit_code == 1 and newest.stderr.startswith("plans/2024.yaml:6:12:")
    from_env = runner.invoke(app, ["validate"], env={"PAR_PLAN": str(tmp_path / "plans" / "2023.yaml")})
    assert from_env.exit_code == 0, from_env.output


def test_library_api_without_cli():
    loaded = load_plan(FIXTURES / "invalid" / "unknown_unit.yaml")
    assert not loaded.ok and loaded.plan is None
    [problem] = loaded.problems
    assert (problem.line, problem.column, problem.criterion_id) == (32, 15, "1.2")
    assert problem_line(problem, "en").endswith("criterion 1.2: unit 'van-phonggg' is not declared under units")
    good = load_plan(BUNDLED)
    assert good.ok and good.plan.index_max == 95
    assert good.data["index_max"] == 95  # the plain data, which a writer checks an edit against
    reader = load_plan(BUNDLED, keep_data=False)
    assert reader.ok and reader.data is None and reader.plan == good.plan


def _par() -> str:
    return par_executable()


def test_console_script_subprocess(tmp_path):
    ok = subprocess.run([_par(), "validate", str(BUNDLED)], capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0 and "hợp lệ" in ok.stdout
    noise = tmp_path / "noise.yaml"
    noise.write_bytes(bytes(range(256)) * 4)
    bad = subprocess.run([_par(), "validate", str(noise)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr + bad.stdout
    assert bad.stderr.startswith(f"{noise}:1:1: ")
    as_module = subprocess.run([sys.executable, "-m", "par_cli", "validate", str(BUNDLED)], capture_output=True, text=True, cwd=ROOT)
    assert as_module.returncode == 0 and as_module.stdout == ok.stdout


def test_yaml_warnings_do_not_reach_the_user(tmp_path):
    """ruamel.yaml warns on '1e999' (no dot, a YAML 1.1 spelling); the user sees only problems."""
    path = tmp_path / "float.yaml"
    path.write_text("year: -1e999\n", encoding="utf-8")
    result = subprocess.run([_par(), "validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Warning" not in result.stderr and "mantissa" not in result.stderr
    # The model is strict (issue 13): a year is an integer, and -inf is not one.
    assert f"{path}:1:7: giá trị -inf không hợp lệ: cần số nguyên" in result.stderr
