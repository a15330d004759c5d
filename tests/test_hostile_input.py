"""Hostile text, paths and sizes (issue 13): nothing in a plan reaches past its own cell.

Each test names the item of the issue it pins; each failed on the code before the fix."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from par_cli.cli import app
from par_cli.reading import reader
from tests.conftest import BUNDLED, FIXTURES
from tests.edit_support import par_executable, subprocess_env

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def run_par(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([par_executable(), *args], capture_output=True, text=True, env=subprocess_env(), timeout=timeout, **kwargs)


# --- 1. deep nesting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 30000 + "\n",
        "{a: " * 30000 + "\n",
        "[" * 30000 + "]" * 30000 + "\n",
        "k: " + "[" * 100000 + "\n",  # libyaml alone takes 16 s over this
        "- " * 30000 + "x\n",
    ],
    ids=["open-brackets", "flow-mappings", "balanced", "libyaml-quadratic", "block-entries"],
)
@pytest.mark.parametrize("command", ["validate", "score", "due", "set"])
def test_1_deep_nesting_is_a_problem_not_a_crash(tmp_path, text, command):
    plan = tmp_path / "2024.yaml"
    plan.write_text(text, encoding="utf-8")
    args = {"validate": ["validate", str(plan)], "score": ["score", str(plan)], "due": ["due", "--plan", str(plan)],
            "set": ["set", "1.1", "x=1", "--plan", str(plan)]}[command]
    done = run_par(*args, timeout=30)
    assert done.returncode == 1, done.stderr
    assert "lồng nhau quá sâu" in done.stdout + done.stderr
    assert plan.read_text(encoding="utf-8") == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "{", "}", '"', "'", "#", "\\", "\n", " ", "a", ":", ",", "- "]), max_size=400))
def test_1_the_fast_depth_guard_never_misses_what_the_exact_scan_finds(parts):
    text = "".join(parts)
    exact = reader._flow_too_deep(text, 20)
    fast = reader.flow_too_deep(text, 20)
    if exact is not None:
        assert fast == exact


def test_1_quotes_hiding_closing_brackets_do_not_hide_depth():
    text = "k: [" + ' "]", [' * 300 + "\n"
    assert reader.flow_too_deep(text) is not None


def _minimal(tmp_path: Path, *replacements: tuple[str, str], name: str = "2024.yaml") -> Path:
    text = MINIMAL
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


_TITLE_1_1 = 'title: "Kế hoạch"\n        max: 2'


# --- 2. rich markup in plan text --------------------------------------------------------------


@pytest.mark.parametrize("command", ["score", "gap", "due", "units"])
def test_2_markup_in_plan_text_is_shown_as_text_on_a_table(tmp_path, runner, command):
    hostile = "[/] [bold red]đỏ[/bold red] [link=file:///etc/passwd]x[/link]"
    path = _minimal(tmp_path, (_TITLE_1_1, f'title: "{hostile}"\n        max: 2'), ('what: "Ban hành kế hoạch"', f'what: "{hostile}"'),
                    ('name: "Văn phòng Sở"', f'name: "{hostile}"'))
    args = {"score": ["score", str(path)], "gap": ["gap", "--plan", str(path)], "due": ["due", "--plan", str(path), "--today", "2024-01-01", "--days", "30"],
            "units": ["units", "--plan", str(path)]}[command]
    result = runner.invoke(app, [*args, "--format", "table"], env={"COLUMNS": "300"})
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "\x1b]8;" not in result.output  # no hyperlink
    if command in ("score", "due"):
        assert "[/]" in result.output


# --- 3. numbers too large ---------------------------------------------------------------------

_BASELINE_1_2 = "baseline: {points: 1, observed: [{measure: initiatives, value: 1}]}"


@pytest.mark.parametrize("command", [["validate"], ["score"], ["gap", "--plan"], ["report", "--format", "md", "--plan"], ["score", "--explain", "1.2"]])
def test_3_a_400_digit_measurement_is_a_positioned_problem(tmp_path, runner, command):
    path = _minimal(tmp_path, (_BASELINE_1_2, _BASELINE_1_2 + "\n        progress: {measurements: [{date: 2024-03-01, initiatives: 1" + "0" * 400 + "}]}"))
    result = runner.invoke(app, [*command, str(path)])
    assert result.exit_code == 1, result.output
    line = MINIMAL.splitlines().index("        " + _BASELINE_1_2) + 2
    assert f"{path}:{line}:" in result.output


@pytest.mark.parametrize("value", ["9" * 5000, "9" * 400, "9" * 400 + ",5", "1" + "0" * 20])
def test_3_par_set_refuses_numbers_past_any_measure(tmp_path, value):
    path = _minimal(tmp_path)
    before = path.read_bytes()
    done = run_par("set", "2.1.1", f"on_time_pct={value}", "--date", "2024-03-03", "--plan", str(path))
    assert done.returncode == 1, done.stderr
    assert "lỗi nội bộ" not in done.stderr
    done = run_par("set", "1.2", f"initiatives={value.replace(',5', '')}", "--date", "2024-03-03", "--plan", str(path))
    assert done.returncode == 1 and "lỗi nội bộ" not in done.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [["due", "--today", "9999-12-31"], ["due", "--days", "1000000000"], ["report", "--today", "9999-12-31", "--format", "md"],
     ["report", "--days", "1000000000", "--format", "md"], ["score", "--as-of", "9999-12-31"], ["units", "--today", "0001-01-01"]],
)
def test_3_dates_and_spans_past_the_calendar_are_usage_errors(runner, args):
    result = runner.invoke(app, [*args, "--plan", str(BUNDLED)] if args[0] != "score" else [*args, str(BUNDLED)])
    assert result.exit_code in (0, 2), result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


# --- 6. control characters --------------------------------------------------------------------

ESCAPES = "\\e[2J\\e]52;c;aGk=\\e\\\\ \\r\\x9b\\u202e"


def test_6_control_characters_in_plan_text_are_refused_where_they_are(tmp_path, runner):
    path = _minimal(tmp_path, ('what: "Ban hành kế hoạch"', f'what: "Ban hành {ESCAPES}"'), ('name: "Văn phòng Sở"', 'name: "Văn\\tphòng\\nSở"'))
    result = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 1
    line = MINIMAL.splitlines().index('            what: "Ban hành kế hoạch"') + 1
    assert f"{path}:{line}:19: criterion 1.1: the text holds the control character U+001B" in result.output
    assert result.output.count("control character") == 1  # tab and newline are allowed
    assert "\x1b" not in result.output and "\r" not in result.output


def test_6_a_control_character_typed_into_the_file_is_placed_and_worded(tmp_path, runner):
    # A raw ESC (not the YAML escape \\e) after Vietnamese letters: libyaml refuses it with an
    # offset in UTF-8 bytes, which par read as characters (5:7, a line too far) and worded in
    # the parser's English. "title: \"Kế hoạch" is 16 characters: the ESC is column 17.
    path = _minimal(tmp_path, ('title: "Kế hoạch thử"', 'title: "Kế hoạch\x1b[2J thử"'))
    line = MINIMAL.splitlines().index('title: "Kế hoạch thử"') + 1
    en = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert en.exit_code == 1
    assert en.stderr.splitlines()[0] == f"{path}:{line}:17: the text holds the control character U+001B, which a plan may not hold (only tab and line feed are allowed)"
    done = run_par("validate", str(path))
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == f"{path}:{line}:17: văn bản chứa ký tự điều khiển U+001B, không được phép trong kế hoạch (chỉ cho phép Tab và xuống dòng)"
    assert "\x1b" not in done.stderr


def test_6_messages_quoting_the_plan_show_escapes_as_text(tmp_path):
    path = _minimal(tmp_path, ("year: 2024\n", 'year: 2024\n"bad\\e[2Jkey": 1\n'))
    done = run_par("validate", str(path))
    assert done.returncode == 1
    assert "\x1b" not in done.stdout + done.stderr
    assert "\\x1b[2J" in done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [["evidence", "1.1", "Công văn \x1b[2J\x1b]52;c;aGk=\x07"], ["set", "1.2", "initiatives=1", "--evidence", "x\u202eexe.txt"],
     ["done", "1.1", "--evidence", "a\rb"]],
)
def test_6_writing_commands_refuse_control_characters(tmp_path, args):
    path = _minimal(tmp_path)
    before = path.read_bytes()
    done = run_par(*args, "--date", "2024-01-04", "--plan", str(path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "U+" in done.stderr
    assert "\x1b" not in done.stdout + done.stderr
    assert path.read_bytes() == before


# --- 7. CSV formulas -------------------------------------------------------------------------


def test_7_csv_text_cells_are_never_formulas_and_numbers_stay_numbers(tmp_path, runner):
    import csv
    import io

    path = _minimal(tmp_path, (_TITLE_1_1, 'title: "=HYPERLINK(\\"http://x\\")"\n        max: 2'), ('name: "Văn phòng Sở"', 'name: "@SUM(A1)"'),
                    ('what: "Ban hành kế hoạch"', 'what: "+cmd|calc!A0"'), ('title: "Sáng kiến"', 'title: "-2+3"'))
    for args in (["score", str(path)], ["gap", "--plan", str(path)], ["due", "--plan", str(path), "--today", "2024-01-01", "--days", "30"],
                 ["units", "--plan", str(path)]):
        result = runner.invoke(app, [*args, "--format", "csv"])
        assert result.exit_code == 0, result.output
        rows = list(csv.reader(io.StringIO(result.output)))
        for row in rows:
            for value in row:
                if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    float(value.replace(",", "."))  # only a number may start so
    score = runner.invoke(app, ["score", str(path), "--format", "csv"]).output
    assert "'=HYPERLINK" in score and "'-2+3" in score


def test_7_a_unit_id_that_reads_as_a_formula_is_refused(tmp_path, runner):
    path = _minimal(tmp_path, ("  - id: van-phong\n", "  - id: =1+cmd|calc!A0\n"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:10:9:" in result.output


# --- 8. calendars ------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1/KH\\nEND:VCALENDAR", "1/KH\\rEND:VCALENDAR", "1/KH\\u2028X"])
def test_8_line_breaks_in_the_plan_number_never_reach_the_calendar_raw(tmp_path, runner, number):
    import icalendar

    path = _minimal(tmp_path, ('number: "1/KH-TEST"', f'number: "{number}"'))
    result = runner.invoke(app, ["due", "--plan", str(path), "--format", "ics"])
    if "\\n" not in number:
        assert result.exit_code == 1  # a lone CR or a line separator is not plan text
        return
    assert result.exit_code == 0, result.output
    text = result.output
    assert [line for line in text.splitlines() if line.startswith("END:VCALENDAR")] == ["END:VCALENDAR"]
    calendar = icalendar.Calendar.from_ical(text)
    assert "\n" not in str(calendar["X-WR-CALNAME"])
    assert all("\x1b" not in str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT"))


# --- 9. Markdown -------------------------------------------------------------------------------


def test_9_plan_text_cannot_forge_markdown(tmp_path, runner):
    forged = "X\\n\\n# Giả\\n\\n**Tổng điểm dự kiến: 95/95**\\n<img src=http://evil/x.png>![a](http://evil/y.png)"
    path = _minimal(tmp_path, ('title: "Kế hoạch thử"', f'title: "{forged}"'))
    text = runner.invoke(app, ["report", "--plan", str(path), "--format", "md", "--today", "2024-03-01"]).output
    import re

    unescaped = re.compile(r"(?m)^#|(?<!\\)<|(?<!\\)!(?<!\\)\[")
    assert not unescaped.search(text)
    assert text.count("**Tổng điểm dự kiến") == 1
    table = runner.invoke(app, ["score", str(path), "--format", "md"]).output
    assert not unescaped.search(table)


# --- 13. strict types --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (_BASELINE_1_2, _BASELINE_1_2 + "\n        progress: {self_assessed: true}"),
        ("        max: 2\n        lead: van-phong\n        measures:", '        max: "2"\n        lead: van-phong\n        measures:'),
        ("year: 2024", 'year: "2024"'),
        ("before: 2024-01-05", "before: 0"),
        ("        max: 2\n        lead: van-phong\n        measures:", "        max: .5e1\n        lead: van-phong\n        measures:"),
        ("initiatives: {kind: count, label: \"Số sáng kiến\"}", "initiatives: {kind: count, label: \"Số sáng kiến\"}\n          tie\u0302n: {kind: count, label: \"a\"}\n          ti\u00ean: {kind: count, label: \"b\"}"),
    ],
    ids=["bool-as-points", "text-as-max", "text-as-year", "integer-date", "bare-exponent", "nfc-twins"],
)
def test_13_values_of_the_wrong_type_are_positioned_problems(tmp_path, runner, old, new):
    path = _minimal(tmp_path, (old, new))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    changed = next(n for n, (a, b) in enumerate(zip(MINIMAL.splitlines(), path.read_text(encoding="utf-8").splitlines()), 1) if a != b)
    assert any(line.startswith(f"{path}:{n}:") for line in result.output.splitlines() for n in range(changed, changed + 3)), result.output


# --- 4. FIFOs -----------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["validate", "{fifo}"], ["score", "{fifo}"], ["set", "1.1", "x=1", "--plan", "{fifo}"],
                                  ["report", "--plan", "{plan}", "--output", "{fifo}"], ["due", "--plan", "{plan}", "--format", "ics", "--output", "{fifo}"]])
def test_4_a_fifo_is_refused_not_waited_on(tmp_path, args):
    import os

    fifo = tmp_path / "2024.yaml.fifo"
    os.mkfifo(fifo)
    plan = _minimal(tmp_path)
    done = run_par(*[a.format(fifo=fifo, plan=plan) for a in args], timeout=20)
    assert done.returncode == 2, done.stderr
    if "--output" in args:  # said in the user's words, not the system's
        assert "không phải là tệp thường" in done.stderr, done.stderr


# --- 10. --output over the plan -----------------------------------------------------------------


@pytest.mark.parametrize("via", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize("command", [["report"], ["due", "--format", "ics"]])
def test_10_output_never_replaces_the_plan(tmp_path, via, command):
    import os

    plan = _minimal(tmp_path)
    before = plan.read_bytes()
    target = {"same": plan, "symlink": tmp_path / "link.yaml", "hardlink": tmp_path / "hard.yaml"}[via]
    if via == "symlink":
        target.symlink_to(plan)
    elif via == "hardlink":
        os.link(plan, target)
    done = run_par(*command, "--plan", str(plan), "--output", str(target))
    assert done.returncode == 2, done.stderr
    assert plan.read_bytes() == before


def test_10_outputs_are_written_atomically(tmp_path):
    plan = _minimal(tmp_path)
    out = tmp_path / "out.html"
    out.write_text("old", encoding="utf-8")
    assert run_par("report", "--plan", str(plan), "--output", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") or "<html" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- 11. the lock file ---------------------------------------------------------------------------


def test_11_a_symlink_at_the_lock_path_is_never_followed(tmp_path):
    from par_cli.editing.atomic import lock_path_of

    plan = _minimal(tmp_path)
    victim = tmp_path / "victim"
    lock_path_of(plan).symlink_to(victim)
    done = run_par("set", "1.2", "initiatives=1", "--date", "2024-03-03", "--plan", str(plan))
    assert done.returncode == 1
    assert not victim.exists()


def test_11_a_lock_left_by_another_user_is_waited_on_not_refused(tmp_path):
    import os

    from par_cli.editing.atomic import lock_path_of

    plan = _minimal(tmp_path)
    lock = lock_path_of(plan)
    lock.write_text("", encoding="utf-8")
    os.chmod(lock, 0o444)  # another user's lock: not writable by us (root ignores the mode)
    done = run_par("set", "1.2", "initiatives=1", "--date", "2024-03-03", "--plan", str(plan))
    assert done.returncode == 0, done.stderr
    assert "initiatives: 1" in plan.read_text(encoding="utf-8")


# --- 12. hard links and owners ---------------------------------------------------------------


def test_12_a_hard_linked_plan_is_refused(tmp_path):
    import os

    plan = _minimal(tmp_path)
    os.link(plan, tmp_path / "other-name.yaml")
    before = plan.read_bytes()
    done = run_par("set", "1.2", "initiatives=1", "--date", "2024-03-03", "--plan", str(plan))
    assert done.returncode == 1
    assert "tệp kế hoạch có 2 tên (liên kết cứng, hard link)" in done.stderr  # Vietnamese by default
    english = run_par("set", "1.2", "initiatives=1", "--date", "2024-03-03", "--plan", str(plan), "--lang", "en")
    assert english.returncode == 1 and "the plan has 2 hard links" in english.stderr
    assert plan.read_bytes() == before


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() != 0, reason="only root can give a file away")
def test_12_root_keeps_the_plan_owner(tmp_path):
    import os

    plan = _minimal(tmp_path)
    os.chown(plan, 12345, 23456)
    assert run_par("set", "1.2", "initiatives=1", "--date", "2024-03-03", "--plan", str(plan)).returncode == 0
    status = os.stat(plan)
    assert (status.st_uid, status.st_gid) == (12345, 23456)


# --- 5. recurrence rules that yield nothing ----------------------------------------------------


@pytest.mark.parametrize("rule", ["FREQ=DAILY\nEXRULE:FREQ=DAILY\nRDATE:20240301T000000", "FREQ=DAILY;COUNT=1000000000\nEXRULE:FREQ=DAILY"])
def test_5_a_rule_that_yields_nothing_is_walked_to_the_year_end_only(rule):
    import datetime as dt

    from dateutil.rrule import rrulestr

    from par_cli.deadlines import occurrences

    end = dt.datetime(2024, 12, 31, 23, 59, 59)
    bounded = occurrences._bounded(rrulestr(rule, dtstart=dt.datetime(2024, 1, 1), cache=False), end)
    for part in (*bounded._rrule, *bounded._exrule):
        assert (part._until is not None and part._until <= end) or part._count <= occurrences.MAX_MOMENTS + 1
    occurrences._expand_rule.cache_clear()
    assert occurrences._expand_rule(rule, 2024) == ()


# --- every text field, every format -------------------------------------------------------------

_PIECE = st.one_of(
    st.sampled_from(list("\x00\x07\x08\x1b\x7f\x85\x9b\r\n\t\u2028\u2029\u202a\u202b\u202d\u202e\u2066\u2067\u2069\u200f=+-@|*_#>`<[]()!&\\\"'{}~ ")),
    st.sampled_from(["[/]", "[bold red]", "[link=file:///etc/passwd]x[/link]", "<img src=http://evil/x.png>", "![a](http://evil/y.png)",
                     "\n# Giả\n", "**95/95**", "=1+1", "@SUM(A1)", "END:VCALENDAR", "\x1b]52;c;aGk=\x07", "1. ", "- ", "---"]),
    st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]),
)
_HOSTILE = st.lists(_PIECE, min_size=1, max_size=8).map("".join)

# Each text field of the minimal plan, by the text it holds there.
_FIELDS = ['"Sở Thử nghiệm"', '"Kế hoạch thử"', '"1/KH-TEST"', '"Văn phòng Sở"', '"Các phòng, đơn vị"', '"Kế hoạch"', '"Sáng kiến"',
           '"Ban hành kế hoạch"', '"Báo cáo quý"', '"Con thứ nhất"', '"Phần ngoài bảng"', '"ước tính"', '"Số sáng kiến"']


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar holding ``text``, every character past printable ASCII
    written as an escape."""

    def one(character: str) -> str:
        code = ord(character)
        if character in "\\\"":
            return "\\" + character
        if 0x20 <= code < 0x7F:
            return character
        return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"

    return '"' + "".join(map(one, text)) + '"'


def _outputs(runner, path: Path) -> dict[str, str]:
    day = ["--today", "2024-01-01"]
    runs = {
        "score-text": ["score", str(path), "--format", "text"], "score-table": ["score", str(path), "--format", "table"],
        "score-csv": ["score", str(path), "--format", "csv"], "score-md": ["score", str(path), "--format", "md"],
        "explain": ["score", str(path), "--explain", "1.1"],
        "gap-text": ["gap", "--plan", str(path), "--format", "text"], "gap-csv": ["gap", "--plan", str(path), "--format", "csv"],
        "due-table": ["due", "--plan", str(path), *day, "--days", "400", "--format", "table"],
        "due-csv": ["due", "--plan", str(path), *day, "--days", "400", "--format", "csv"],
        "due-md": ["due", "--plan", str(path), *day, "--days", "400", "--format", "md"],
        "due-ics": ["due", "--plan", str(path), "--format", "ics"],
        "units-text": ["units", "--plan", str(path), "--format", "text"], "units-csv": ["units", "--plan", str(path), "--format", "csv"],
        "report-md": ["report", "--plan", str(path), *day, "--format", "md"], "report-html": ["report", "--plan", str(path), *day],
    }
    found = {}
    for name, args in runs.items():
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (name, result.exception)
        assert result.exit_code in (0, 1), (name, result.output)
        found[name] = result.output
    return found


def _markdown_shape(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    shape = []
    for token in tokens:
        shape.append(token.type)
        for child in token.children or []:
            if child.type not in ("text", "softbreak", "hardbreak"):
                shape.append(child.type)
    return shape


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(_FIELDS), text=_HOSTILE)
def test_hostile_text_in_any_field_stays_in_its_cell_in_every_format(tmp_path, runner, field, text):
    import csv
    import io

    import icalendar

    from par_cli.plan.text import FORBIDDEN

    path = tmp_path / "2024.yaml"
    path.write_text(MINIMAL.replace(field, _quoted(text)), encoding="utf-8")
    validated = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert not FORBIDDEN.search(validated.output)
    if FORBIDDEN.search(text):
        assert validated.exit_code == 1
        assert "control character" in validated.output
        return
    if validated.exit_code != 0:
        return  # the text broke a rule of its own field (a blank title): the plan is refused
    outputs = _outputs(runner, path)
    for name, output in outputs.items():
        assert not FORBIDDEN.search(output.replace("\r\n", "\n")), name
        assert "\x1b" not in output, name
    for name in ("score-csv", "gap-csv", "due-csv", "units-csv"):
        for row in csv.reader(io.StringIO(outputs[name])):
            for value in row:
                if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    float(value)  # only a number may start so
    calendar = icalendar.Calendar.from_ical(outputs["due-ics"])
    assert len(calendar.walk("VCALENDAR")) == 1
    plain = "\n".join(str(event.get(key)) for event in calendar.walk("VEVENT") for key in ("SUMMARY", "DESCRIPTION"))
    if field in ('"Kế hoạch"', '"Ban hành kế hoạch"', '"Văn phòng Sở"'):
        assert text.strip() in plain or text in plain
    neutral = tmp_path / "neutral.yaml"
    neutral.write_text(MINIMAL.replace(field, _quoted("chữ")), encoding="utf-8")
    plain_outputs = {name: runner.invoke(app, args).output for name, args in (
        ("report-md", ["report", "--plan", str(neutral), "--today", "2024-01-01", "--format", "md"]),
        ("score-md", ["score", str(neutral), "--format", "md"]), ("due-md", ["due", "--plan", str(neutral), "--today", "2024-01-01", "--days", "400", "--format", "md"]))}
    for name, shown in plain_outputs.items():
        assert _markdown_shape(outputs[name]) == _markdown_shape(shown), name


# --- 15. the input limit --------------------------------------------------------------------------


def test_15_a_plan_past_the_stated_limit_is_refused_from_its_size(tmp_path, runner):
    plan = tmp_path / "2024.yaml"
    with plan.open("wb") as handle:
        handle.write(b"# a plan\n")
        handle.truncate(reader.MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing read
    assert reader.MAX_FILE_BYTES == 64 * 2**20
    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])
    assert result.exit_code == 1
    assert f"{plan}:1:1: the file is too large (64 MB, at most 64 MB)" in result.output


def _one_line_criteria(count: int, child_every: int = 0) -> str:
    """A valid plan of ``count`` criteria in one domain, each on one line, every
    ``child_every``-th of them (when given) a sub-criterion of the one before it."""
    tops = count - (count // child_every if child_every else 0)
    lines = ['plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}', 'issuer: "Sở"', 'title: "Thử"', "year: 2024", f"index_max: {tops}",
             "units:", '- {id: vp, name: "Văn phòng"}', "domains:", '- id: "1"', '  title: "Một"', "  criteria:"]
    number = 0
    while number < count:
        number += 1
        if child_every and number % child_every == 0:
            parent = number - 1
            lines[-1] = lines[-1][:-1] + f', children: [{{id: "1.{parent}.1", title: "t", max: 1, lead: vp}}]}}'
            continue
        lines.append(f'  - {{id: "1.{number}", title: "t", max: 1, lead: vp}}')
    return "\n".join(lines) + "\n"


def test_15_a_plan_past_the_stated_number_of_criteria_is_refused_with_its_sub_criteria_counted(tmp_path, runner):
    assert reader.MAX_CRITERIA == 50_000
    # 25,000 criteria of a domain, each with one sub-criterion: 50,000 criteria, the limit.
    # A parent's points are its children's, so each parent of max 1 has a child of max 1.
    at_limit = _one_line_criteria(50_000, child_every=2)
    assert at_limit.count("children") == 25_000
    plan = tmp_path / "2024.yaml"
    plan.write_text(at_limit, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])
    assert result.exit_code == 0, result.output[:2000]
    assert "valid (50000 criteria" in result.output

    # One sub-criterion more.
    past = at_limit.replace('children: [{id: "1.1.1", title: "t", max: 1, lead: vp}]', 'children: [{id: "1.1.1", title: "t", max: 0.5, lead: vp}, {id: "1.1.2", title: "t", max: 0.5, lead: vp}]', 1)
    assert past != at_limit
    refused = f"{plan}:1:1: the plan has more than 50,000 criteria (sub-criteria included), past the limit par reads"
    for text in (
        past,
        past.replace("year: 2024\n", "year: 2024\nyear: 2024\n", 1),  # read by the reference reader: a key twice
        past.replace("units:\n", "units: &units\n", 1),  # an anchor: the same
    ):
        plan.write_text(text, encoding="utf-8")
        for args in (["validate", str(plan)], ["set", str(plan), "1.3", "self_assessment=1", "--date", "2024-05-01"]):
            result = runner.invoke(app, [*args, "--lang", "en"])
            assert result.exit_code == 1, (args, result.output[:500])
            assert refused in result.output.splitlines(), (args, result.output[:500])
            assert "appears twice" not in result.output
        result = runner.invoke(app, ["score", str(plan), "--format", "json", "--lang", "en"])
        assert result.exit_code == 1
        (problem,) = json.loads(result.output)["problems"]
        assert (problem["line"], problem["column"], problem["code"]) == (1, 1, "plan.too_many_criteria")
        assert plan.read_text(encoding="utf-8") == text


def test_15_items_of_a_list_of_criteria_count_whatever_they_are(tmp_path):
    # 50,001 items that are not criteria at all: one problem, not 50,001 of them.
    plan = tmp_path / "2024.yaml"
    plan.write_text(MINIMAL.split("domains:")[0] + 'domains:\n- id: "1"\n  title: "Một"\n  criteria: [' + ", ".join(["x"] * 50_001) + "]\n", encoding="utf-8")
    done = run_par("validate", str(plan), "--lang", "en")
    assert done.returncode == 1
    assert (done.stdout + done.stderr).splitlines() == [f"{plan}:1:1: the plan has more than 50,000 criteria (sub-criteria included), past the limit par reads", "1 problem(s) in 1 file(s)"]


def _one_line_units(count: int) -> str:
    # The root, the plan's reference, ``count`` units, one domain and one criterion: count + 4
    # mappings (records).
    units = "".join(f'- {{id: u{number}, name: "x"}}\n' for number in range(1, count + 1))
    return ('plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}\nissuer: "Sở"\ntitle: "Thử"\nyear: 2024\nindex_max: 1\nunits:\n' + units
            + 'domains:\n- id: "1"\n  title: "Một"\n  criteria:\n  - {id: "1.1", title: "t", max: 1, lead: u1}\n')


def test_15_a_plan_past_the_stated_number_of_records_is_refused_whatever_they_are(tmp_path, runner):
    # The limit in criteria left every other list unbounded: 10^6 one-line units (27 MB) took
    # 925 MB to validate. 399,996 units make 400,000 records, the limit; one more is past it.
    assert reader.MAX_RECORDS == 400_000
    at_limit = _one_line_units(399_996)
    assert reader.past_the_limit(at_limit.encode("utf-8")) is None
    past = _one_line_units(399_997)
    assert reader.past_the_limit(past.encode("utf-8")) == "plan.too_many_records"
    plan = tmp_path / "2024.yaml"
    refused = f"{plan}:1:1: the plan has more than 400,000 records (YAML mappings: each criterion, unit, deadline, reading, piece of evidence… is one), past the limit par reads"
    for text, args in (
        (past, ["validate", str(plan)]),  # read criterion by criterion, counted as read
        (past, ["set", str(plan), "1.1", "self_assessment=1", "--date", "2024-05-01"]),  # a write
        (past.replace("units:\n", "units: &units\n", 1), ["validate", str(plan)]),  # the reference reader
    ):
        plan.write_text(text, encoding="utf-8")
        result = runner.invoke(app, [*args, "--lang", "en"])
        assert result.exit_code == 1, (args, result.output[:500])
        assert refused in result.output.splitlines(), (args, result.output[:500])
        assert plan.read_text(encoding="utf-8") == text


def test_1_the_depth_guard_reads_a_long_text_a_piece_at_a_time_and_misses_nothing():
    # 300 levels of flow nesting, one a line, each line longer than a kilobyte: the pieces
    # the guard encodes split the nesting across them.
    text = "k: " + "".join("[" + " " * 1000 + "\n" for _ in range(300)) + "]" * 300 + "\n"
    assert len(text) > 4 * (1 << 16)
    assert reader.flow_too_deep(text) == reader._flow_too_deep(text, reader.MAX_FLOW_DEPTH) is not None


# --- the newer commands: sheet, diff, history, justify, the phone message (issue 12 §4) ----------


def _html_shape(text: str) -> list[str]:
    from html.parser import HTMLParser

    shape: list[str] = []

    class Shape(HTMLParser):
        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            shape.append(f"<{tag} {sorted(attrs)}>")

        def handle_endtag(self, tag):  # noqa: ANN001
            shape.append(f"</{tag}>")

    Shape().feed(text)
    # A <br> inside a cell is a line break of that cell's text, not structure.
    return [tag for tag in shape if tag not in ("<br []>", "</br>")]


def _committed(folder: Path, text: str) -> Path:
    """A git repository holding the plan ``text``, then the same plan with 1.2 recorded."""
    from tests.history_repo import AN, BINH, git

    (folder / "plans").mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    plan = folder / "plans" / "2024.yaml"
    plan.write_text(text, encoding="utf-8")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "Kế hoạch", who=AN, when="2024-01-02T09:00:00+07:00")
    plan.write_text(text.replace("baseline: {points: 1, observed: [{measure: initiatives, value: 1}]}",
                                 "baseline: {points: 1, observed: [{measure: initiatives, value: 1}]}\n        progress:\n          measurements:\n            - {date: 2024-02-10, initiatives: 2}"), encoding="utf-8")
    git(folder, "commit", "-q", "-am", "1.2", who=BINH, when="2024-02-10T10:00:00+07:00")
    return plan


def _newer_outputs(runner, path: Path, other: Path, repo_plan: Path, files: Path) -> dict[str, object]:
    day = ["--today", "2024-01-01"]
    runs = {
        "sheet-md": ["sheet", str(path)], "sheet-html": ["sheet", str(path), "--format", "html"],
        "sheet-compare-md": ["sheet", str(path), "--compare"],
        "diff-text": ["diff", str(other), str(path), "--format", "text"], "diff-md": ["diff", str(other), str(path), "--format", "md"],
        "diff-table": ["diff", str(other), str(path), "--format", "table"], "diff-csv": ["diff", str(other), str(path), "--format", "csv"],
        "history-text": ["history", str(repo_plan), "--format", "text"], "history-md": ["history", str(repo_plan), "--format", "md"],
        "history-table": ["history", str(repo_plan), "--format", "table"], "history-csv": ["history", str(repo_plan), "--format", "csv"],
        "trail-text": ["history", str(repo_plan), "--records", "--format", "text"],
        "justify-text": ["justify", "--plan", str(path), "--format", "text"], "justify-md": ["justify", "--plan", str(path), "--format", "md"],
        "due-unit-md": ["due", "--plan", str(path), *day, "--days", "400", "--unit", "van-phong", "--format", "md"],
    }
    found: dict[str, object] = {}
    for name, args in runs.items():
        result = runner.invoke(app, args, env={"COLUMNS": "80"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (name, result.exception)
        assert result.exit_code in (0, 1), (name, result.output)
        found[name] = result.stdout
    for fmt in ("xlsx", "docx"):
        target = files / f"sheet.{fmt}"
        result = runner.invoke(app, ["sheet", str(path), "--format", fmt, "--output", str(target)])
        assert result.exit_code == 0, (fmt, result.output)
        found[f"sheet-{fmt}"] = target
    return found


def _xlsx_cells(path: Path) -> tuple[set[tuple[str, str]], list[tuple[str, str]]]:
    """The formula cells (sheet, coordinate) and every text cell's (data type, value)."""
    from openpyxl import load_workbook

    formulas, texts = set(), []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.add((sheet.title, cell.coordinate))
                elif isinstance(cell.value, str):
                    texts.append((cell.data_type, cell.value))
    return formulas, texts


def _docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(_FIELDS), text=_HOSTILE)
@example(field='"Kế hoạch"', text="=1+1 **95/95**")
@example(field='"Sáng kiến"', text="\n# Giả\n<img src=http://evil/x.png> | x |")
@example(field='"Văn phòng Sở"', text="[link=file:///etc/passwd]x[/link] ![a](http://evil/y.png)")
@example(field='"Ban hành kế hoạch"', text="@SUM(A1)\u202e- 1. ")
@example(field='"Con thứ nhất"', text="+cmd|calc!A0\t`x`")
@example(field='"Kế hoạch"', text="-")
def test_hostile_text_stays_in_its_cell_in_the_newer_commands(tmp_path_factory, runner, field, text):
    import csv
    import io

    from par_cli.plan.text import FORBIDDEN

    if FORBIDDEN.search(text):
        return  # refused by validate (the test above): no output is made from such a plan
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "2024.yaml"
    path.write_text(MINIMAL.replace(field, _quoted(text)), encoding="utf-8")
    if runner.invoke(app, ["validate", str(path)]).exit_code != 0:
        return  # the text broke a rule of its own field (a blank title)
    neutral = folder / "neutral.yaml"
    neutral.write_text(MINIMAL.replace(field, _quoted("chữ")), encoding="utf-8")
    outputs = _newer_outputs(runner, path, neutral, _committed(folder / "repo", path.read_text(encoding="utf-8")), folder)
    plain = _newer_outputs(runner, neutral, neutral, _committed(folder / "neutral-repo", neutral.read_text(encoding="utf-8")), folder / "neutral-repo")
    for name, output in outputs.items():
        if isinstance(output, str):
            assert not FORBIDDEN.search(output.replace("\r\n", "\n")), name
            assert "\x1b" not in output, name
    # Markdown and HTML keep their structure whatever the text (no forged heading, bold
    # figure, image, link, raw HTML or extra table cell).
    for name in ("sheet-md", "sheet-compare-md", "history-md", "justify-md", "due-unit-md"):
        assert _markdown_shape(outputs[name]) == _markdown_shape(plain[name]), name
    # The diff against the neutral plan has as many table rows as the diff of another plain
    # text in the same field: the hostile text adds no row and no cell.
    alike = folder / "alike.yaml"
    alike.write_text(MINIMAL.replace(field, _quoted("chữ khác")), encoding="utf-8")
    plain_diff = runner.invoke(app, ["diff", str(neutral), str(alike), "--format", "md"]).output
    assert _markdown_shape(outputs["diff-md"]).count("tr_open") == _markdown_shape(plain_diff).count("tr_open")
    assert _html_shape(outputs["sheet-html"]) == _html_shape(plain["sheet-html"]), "sheet-html"
    # CSV: no text cell a spreadsheet reads as a formula.
    for name in ("diff-csv", "history-csv"):
        for row in csv.reader(io.StringIO(outputs[name])):
            for value in row:
                if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    float(value)
    # Excel: the formulas are par's own, in the same cells as for plain text; every text
    # cell is text (a title "=1+1" is shown, never evaluated).
    formulas, texts = _xlsx_cells(outputs["sheet-xlsx"])
    assert formulas == _xlsx_cells(plain["sheet-xlsx"])[0]
    assert all(kind == "s" for kind, _ in texts)
    # Word: the text as written, where the sheet shows that field.
    if field in ('"Kế hoạch"', '"Sáng kiến"', '"Con thứ nhất"'):
        shown = _docx_text(outputs["sheet-docx"])
        assert text in shown or text.strip() in shown, (text, shown[:500])
