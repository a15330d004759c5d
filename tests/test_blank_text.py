"""Blank text: a title, a name, a label or any other text of the plan that shows as nothing
(empty, or only spaces, tabs, line breaks, no-break, ideographic or zero-width spaces) is one
positioned problem, ``text.blank`` (a blank name of a mapping: ``text.blank_name``), in
`par validate` and in every command that reads the plan; the writing commands refuse to
write it; `par import` never drafts it. Text with surrounding spaces around something that
shows is kept exactly as the plan writes it.

The plans are the valid minimal fixture with one value replaced; the value's place is where
its scalar starts on the replaced line (read off the fixture: e.g. line 20 is
``        title: "Kế hoạch"``, whose value starts in column 16).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from par_cli.cli import app
from par_cli.editing.record import EditRefused, evidence_change, explanation_change, measurement_change
from par_cli.plan.text import is_blank
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line
from tests.conftest import FIXTURES, ROOT
from tests.edit_support import BUNDLED, par, par_executable, problem_lines, subprocess_env
from tests.framework_support import HEADER, write_docx, write_xlsx

MINIMAL = FIXTURES / "valid" / "minimal.yaml"
LINES = MINIMAL.read_text(encoding="utf-8").splitlines(keepends=True)

# Spaces a person cannot see: the blank characters (par_cli.plan.text.BLANK). NBSP (Word's
# Ctrl+Shift+Space) and the ideographic space (a full-width keyboard's) show as nothing in a
# table cell, so they count as blank; so do the zero-width spaces a copy from Word carries.
BLANKS = " \t\n\u00a0\u1680\u2000\u2002\u2003\u2009\u200a\u200b\u202f\u205f\u2060\u3000\ufeff"
# Letters and signs that show, precomposed (NFC) as a Vietnamese keyboard writes them.
SHOWN = "aAzĐđăếỹộƯ019-.,()/:%"

# (what, line in minimal.yaml, the text on it replaced, how to read the value back)
FIELDS = [
    ("plan.number", 2, '"1/KH-TEST"', lambda plan: plan.plan.number),
    ("plan.issuer", 2, '"Sở Thử nghiệm"', lambda plan: plan.plan.issuer),
    ("issuer", 3, '"Sở Thử nghiệm"', lambda plan: plan.issuer),
    ("title", 4, '"Kế hoạch thử"', lambda plan: plan.title),
    ("target assumption", 8, '"ước tính"', lambda plan: plan.target.assumption),
    ("unit name", 11, '"Văn phòng Sở"', lambda plan: plan.units[0].name),
    ("domain title", 17, '"LĨNH VỰC MỘT"', lambda plan: plan.domains[0].title),
    ("criterion title", 20, '"Kế hoạch"', lambda plan: plan.domains[0].criteria[0].title),
    ("deadline what", 27, '"Ban hành kế hoạch"', lambda plan: plan.domains[0].criteria[0].deadlines[0].what),
    ("measure label", 34, '"Số sáng kiến"', lambda plan: plan.domains[0].criteria[1].measures["initiatives"].label),
    ("sub-criterion title", 45, '"Con thứ nhất"', lambda plan: plan.domains[1].criteria[0].children[0].title),
    ("outside title", 62, '"Phần ngoài bảng"', lambda plan: plan.outside_table.title),
    ("projection assumption", 64, '"ước tính"', lambda plan: plan.outside_table.projection.assumption),
]
FIELD_IDS = [name for name, *_ in FIELDS]


def test_the_fields_stand_where_the_table_says():
    for _, number, old, _ in FIELDS:
        assert old in LINES[number - 1], (number, LINES[number - 1])


def plan_with(line: int, old: str, new: str) -> tuple[str, int]:
    """The minimal plan with ``old`` on ``line`` replaced by ``new``; the column where it starts."""
    text = LINES[line - 1]
    column = text.index(old) + 1
    lines = list(LINES)
    lines[line - 1] = text.replace(old, new, 1)
    return "".join(lines), column


def quoted(value: str, raw: bool) -> str:
    """``value`` as a YAML double-quoted scalar: with JSON's escapes (\\n, \\u00a0), or with
    the characters themselves where they can stand raw (a line break inside quotes folds)."""
    if raw and "\n" not in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return json.dumps(value)


blank_text = st.text(alphabet=BLANKS, max_size=6)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "line", "old", "read"), FIELDS, ids=FIELD_IDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blank=blank_text, raw=st.booleans())
def test_blank_text_is_one_problem_at_its_value(tmp_path, name, line, old, read, blank, raw):
    text, column = plan_with(line, old, quoted(blank, raw))
    path = _write(tmp_path, text)
    # Both readers: the whole document (validate) and criterion by criterion (score, due).
    for keep_data in (True, False):
        loaded = load_plan(path, keep_data=keep_data)
        assert [(p.line, p.column, p.code) for p in loaded.problems] == [(line, column, "text.blank")], (
            name,
            [problem_line(p, "en") for p in loaded.problems],
        )
        assert loaded.plan is None


@pytest.mark.parametrize(("name", "line", "old", "read"), FIELDS, ids=FIELD_IDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=blank_text,
    core=st.text(alphabet=SHOWN + " \u00a0", min_size=1, max_size=8).filter(lambda s: not is_blank(s[0]) and not is_blank(s[-1])),
    after=blank_text,
    raw=st.booleans(),
)
def test_text_that_shows_is_kept_as_written(tmp_path, name, line, old, read, before, core, after, raw):
    written = before + core + after
    text, _ = plan_with(line, old, quoted(written, raw))
    loaded = load_plan(_write(tmp_path, text))
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    assert read(loaded.plan) == written  # surrounding spaces and all: plan text stays as written


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blank=blank_text)
def test_a_blank_measure_name_is_one_problem_at_the_key(tmp_path, blank):
    # Line 34: `          initiatives: {kind: count, label: "Số sáng kiến"}`, the key in column 11.
    text, column = plan_with(34, "initiatives:", json.dumps(blank) + ":")
    loaded = load_plan(_write(tmp_path, text))
    assert column == 11
    assert [(p.line, p.column, p.code, p.criterion_id) for p in loaded.problems] == [(34, 11, "text.blank_name", "1.2")]


def test_validate_words_it_in_both_languages_and_exits_1(runner, tmp_path):
    text, _ = plan_with(20, '"Kế hoạch"', '"  \\n"')
    path = _write(tmp_path, text)

    vi = runner.invoke(app, ["validate", str(path)])
    en = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    as_json = runner.invoke(app, ["validate", str(path), "--format", "json"])

    assert vi.exit_code == en.exit_code == as_json.exit_code == 1
    assert problem_lines(vi.stderr) == [
        f"{path}:20:16: tiêu chí 1.1: 'title' trống hoặc chỉ có khoảng trắng, xuống dòng: hãy ghi nội dung (hoặc bỏ trường nếu không bắt buộc)"
    ]
    assert problem_lines(en.stderr) == [
        f"{path}:20:16: criterion 1.1: 'title' is empty or only spaces and line breaks: write what it says (or leave it out where it is optional)"
    ]
    [problem] = json.loads(as_json.stdout)["problems"]
    assert (problem["line"], problem["column"], problem["code"], problem["criterion_id"]) == (20, 16, "text.blank", "1.1")


@pytest.mark.parametrize("command", ["score", "due", "units", "gap", "report", "sheet"])
def test_every_reading_command_reports_it(runner, tmp_path, command):
    text, _ = plan_with(11, '"Văn phòng Sở"', '"\\u3000"')  # a unit named with an ideographic space
    path = _write(tmp_path, text)
    result = runner.invoke(app, [command, str(path)])
    assert result.exit_code == 1, result.output
    assert problem_lines(result.stderr) == [
        f"{path}:11:11: 'name' trống hoặc chỉ có khoảng trắng, xuống dòng: hãy ghi nội dung (hoặc bỏ trường nếu không bắt buộc)"
    ]


def test_a_block_scalar_of_blank_lines_is_blank(tmp_path):
    text, _ = plan_with(20, '"Kế hoạch"', "|\n\n\n")
    loaded = load_plan(_write(tmp_path, text))
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [(20, 16, "text.blank")]


def test_the_subprocess_says_it_too(tmp_path):
    text, _ = plan_with(4, '"Kế hoạch thử"', '"\\u00a0"')
    path = _write(tmp_path, text)
    done = subprocess.run([par_executable(), "validate", str(path), "--lang", "en"], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert done.returncode == 1
    assert f"{path}:4:8: 'title' is empty or only spaces and line breaks" in done.stderr


# --- the schema says it too --------------------------------------------------------------------


def _schema_errors(tmp_path: Path, text: str) -> list[str]:
    """What a standard JSON Schema validator says of the plan ``text`` by the committed schema."""
    from tests.test_schema import COMMITTED, _as_json_data

    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    data = _as_json_data(_write(tmp_path, text))
    return [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]


@pytest.mark.parametrize("blank", ["", " ", "\t\n", "\u00a0", "\u3000", "\u200b", "\ufeff"])
def test_a_standard_validator_refuses_blank_text_by_the_committed_schema(tmp_path, blank):
    # The pattern is written with escapes, so Python's re (jsonschema), pydantic's Rust regex
    # and an editor's ECMAScript regex read one set of blank characters.
    title, _ = plan_with(20, '"Kế hoạch"', json.dumps(blank))
    name, _ = plan_with(34, "initiatives:", json.dumps(blank) + ":")
    kept, _ = plan_with(20, '"Kế hoạch"', json.dumps(" Kế hoạch\u00a0"))
    assert len(_schema_errors(tmp_path, title)) == 1
    assert len(_schema_errors(tmp_path, name)) == 1
    assert _schema_errors(tmp_path, kept) == []


# --- the writing commands ----------------------------------------------------------------------


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    path = tmp_path / "2024.yaml"
    path.write_bytes(BUNDLED.read_bytes())
    return path


WRITES = [
    # (arguments, exit code, the message) — today's refusals of "   " and the blanks that
    # str.strip() leaves (a zero-width space), refused before anything is written.
    (["set", "1.4", "initiatives=2", "--date", "2024-03-10", "--evidence", "\u200b"], 1, "tài liệu kiểm chứng không được để trống"),
    (["set", "1.4", "appraisal_1=1", "--date", "2025-02-20", "--note", "\u00a0\u200b"], 1, "ghi chú (--note) không được để trống"),
    (["done", "1.1", "--date", "2024-01-04", "--evidence", "\u3000"], 1, "tài liệu kiểm chứng không được để trống"),
    (["evidence", "1.4", "\u2060 \u200b", "--date", "2024-03-10"], 1, "tài liệu kiểm chứng không được để trống"),
    (["evidence", "1.4", "--number", "\ufeff", "--summary", "Báo cáo", "--date", "2024-03-10"], 1, "tài liệu kiểm chứng không được để trống"),
    (["justify", "1.4", "\u200b\n", "--date", "2025-01-10"], 2, "cần nội dung giải trình sau mã tiêu chí"),
]


@pytest.mark.parametrize(("arguments", "code", "message"), WRITES, ids=[" ".join(a[:1] + a[-3:-2]) for a, _, _ in WRITES])
def test_a_write_of_blank_text_is_refused_and_the_file_untouched(bundled_copy, arguments, code, message):
    before = bundled_copy.read_bytes()
    result = par(bundled_copy, *arguments)
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert message in lines[0]
    # One message, not the edited text's problems; a usage error adds the line naming the help.
    assert lines[1:] == ([f"Xem 'par {arguments[0]} --help'."] if code == 2 else [])
    assert bundled_copy.read_bytes() == before


def test_a_blank_register_field_beside_a_real_one_is_left_out(bundled_copy):
    # As an empty --summary always was: the entry holds what was given.
    result = par(bundled_copy, "evidence", "1.4", "01/BC-SGTVT", "--summary", "\u00a0\u200b", "--date", "2024-03-10", "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["recorded"]["evidence"] == {"date": "2024-03-10", "text": "01/BC-SGTVT"}


@settings(max_examples=60, deadline=None)
@given(blank=blank_text)
def test_the_core_refuses_every_blank(blank):
    plan = _bundled_plan()
    import datetime as dt

    day = dt.date(2024, 3, 10)
    for build, code in (
        (lambda: evidence_change(plan, "1.4", day, text=blank, today=day), "edit.empty_evidence"),
        (lambda: measurement_change(plan, "1.4", [("initiatives", "2")], day, blank, today=day), "edit.empty_evidence"),
        (lambda: explanation_change(plan, "1.4", day, blank), "edit.empty_explanation"),
    ):
        with pytest.raises(EditRefused) as refused:
            build()
        assert refused.value.code == code


_PLAN: list = []


def _bundled_plan():
    if not _PLAN:
        _PLAN.append(load_plan(BUNDLED).plan)
    return _PLAN[0]


# --- drafts ----------------------------------------------------------------------------------


def _rows_with_blank_cells() -> list[list[str]]:
    # TT, Nhiệm vụ, Điểm tối đa, Chủ trì, Phối hợp, Nội dung yêu cầu, Ghi chú
    return [
        ["1", "\u00a0", "", "", "", "", ""],  # a domain whose title cell shows nothing
        ["1.1", "Kế hoạch CCHC", "2", "Văn phòng Sở", "\u200b", "\u3000", "\u00a0 \u200b"],
        ["1.2", "\u200b \u3000", "1", "Văn phòng Sở; \u200b", "Các phòng, đơn vị", "Báo cáo đúng hạn", ""],
    ]


@pytest.mark.parametrize("writer", [write_docx, write_xlsx], ids=["docx", "xlsx"])
def test_a_draft_from_blank_cells_says_not_filled_in_and_validates(tmp_path, writer, runner):
    source = writer(tmp_path / f"khung.{writer.__name__[-4:]}", _rows_with_blank_cells(), header=HEADER.split("\t"))
    target = tmp_path / "2024.yaml"
    result = runner.invoke(app, ["import", str(source), "--output", str(target), "--year", "2024", "--title", "Kế hoạch thử", "--issuer", "Sở Thử"])
    loaded = load_plan(target)
    codes = [problem.code for problem in loaded.problems]
    assert "text.blank" not in codes and "text.blank_name" not in codes, [problem_line(p, "en") for p in loaded.problems]
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    plan = loaded.plan
    one, two = plan.domains[0].criteria
    assert plan.domains[0].title == "CHƯA ĐIỀN" and two.title == "CHƯA ĐIỀN"  # the draft's placeholder
    assert one.requirement is None and one.note is None  # cells that show nothing are left out
    assert [unit.name for unit in plan.units] == ["Văn phòng Sở", "Các phòng, đơn vị"]
    assert one.support == []  # its support cell shows nothing: said as not read, not invented
    assert result.exit_code == 1  # the account lists what could not be read (1.1's support)


@pytest.mark.parametrize("option", ["--title", "--issuer", "--number"])
def test_import_refuses_a_blank_option(tmp_path, runner, option):
    source = write_docx(tmp_path / "khung.docx", _rows_with_blank_cells(), header=HEADER.split("\t"))
    target = tmp_path / "2024.yaml"
    result = runner.invoke(app, ["import", str(source), "--output", str(target), option, " \u3000"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"par: {option} trống hoặc chỉ có khoảng trắng: hãy ghi nội dung, hoặc bỏ tùy chọn này", "Xem 'par import --help'."]
    assert not target.exists()


def test_the_plans_we_ship_and_generate_hold_no_blank_text(tmp_path, runner):
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    synthetic = synth.write_plan(tmp_path / "synth.yaml", 400)
    skeleton = tmp_path / "init.yaml"
    assert runner.invoke(app, ["init", "--year", "2025", "--output", str(skeleton)]).exit_code == 0
    rolled = tmp_path / "2025.yaml"
    assert runner.invoke(app, ["new-year", str(BUNDLED), "--output", str(rolled)]).exit_code == 0
    for path in (BUNDLED, synthetic, skeleton, rolled):
        loaded = load_plan(path)
        assert loaded.ok, (path, [problem_line(p, "en") for p in loaded.problems])


def test_a_blank_in_a_tiers_rule_is_placed_at_its_value_not_at_the_tiers(tmp_path):
    # pydantic places it at ("rule", "tiers", "measure"): "tiers" is the rule's kind (the
    # union's member), and also a key of the rule, which the place must not step into.
    block = (
        "        rule:\n"
        "          kind: tiers\n"
        '          measure: "  "\n'
        "          tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}]\n"
    )
    old = LINES[34]
    assert old.startswith("        rule: {kind: tiers, measure: initiatives,")
    text = "".join(LINES[:34]) + block + "".join(LINES[35:])
    loaded = load_plan(_write(tmp_path, text))
    # Line 37 is `          measure: "  "`: ten spaces and "measure: ", the value in column 20.
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [(37, 20, "text.blank")]
