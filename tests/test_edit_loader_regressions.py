"""Inputs the fuzzing of the loader found crashing or hanging `par`, each kept as a test."""

from __future__ import annotations

from pathlib import Path

from tests.edit_support import problem_lines

from par_cli.cli import app
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line, problem_text


def test_an_integer_too_long_for_python_is_a_positioned_problem(tmp_path: Path, runner):
    # Python refuses int() on more than 4300 digits; the loader used to let that ValueError out.
    plan = tmp_path / "2024.yaml"
    plan.write_text("title: x\nyear: " + "9" * 5000 + "\n", encoding="utf-8")

    result = runner.invoke(app, ["validate", str(plan)])

    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # line 2, column 7: just after "year: "
    assert result.output.startswith(f"{plan}:2:7: số có 5000 chữ số")


def test_the_long_integer_problem_reads_in_english(tmp_path: Path):
    plan = tmp_path / "2024.yaml"
    plan.write_text("year: 1" + "0" * 4400 + "\n", encoding="utf-8")

    problems = load_plan(plan).problems

    assert [(p.line, p.column, p.code) for p in problems] == [(1, 7, "yaml.number_too_long")]
    assert problem_text(problems[0], "en") == "a number of 4401 digits is too long to read; check this value"


def _plan_with_rule(tmp_path: Path, rule: str) -> Path:
    from tests.conftest import BUNDLED

    text = BUNDLED.read_text(encoding="utf-8")
    quarterly = "before: {every: quarter, day: 12}"
    assert text.count(quarterly) == 1
    plan = tmp_path / "2024.yaml"
    plan.write_text(text.replace(quarterly, f'before: {{rrule: "{rule}"}}'), encoding="utf-8")
    return plan


def test_a_rule_finer_than_a_day_is_refused_instead_of_expanded(tmp_path: Path, runner):
    # Expanding FREQ=SECONDLY over 2024 took six minutes and gigabytes before the fix.
    plan = _plan_with_rule(tmp_path, "FREQ=SECONDLY")

    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])

    assert result.exit_code == 1, result.output
    # line 73 holds criterion 1.2's deadline; the rule text starts at column 29:
    # 12 spaces + "before: " (8) + "{rrule: " (8) = 28 characters before it.
    assert result.output.splitlines()[0] == (
        f"{plan}:73:29: criterion 1.2: cannot read the recurrence rule: FREQ=SECONDLY: a deadline is a day, use FREQ=DAILY or coarser"
    )


def test_a_daily_rule_with_a_moment_every_second_is_refused(tmp_path: Path):
    hours = ",".join(str(h) for h in range(24))
    minutes = ",".join(str(m) for m in range(60))
    plan = _plan_with_rule(tmp_path, f"FREQ=DAILY;BYHOUR={hours};BYMINUTE={minutes};BYSECOND={minutes}")

    problems = load_plan(plan).problems

    assert [(p.line, p.code) for p in problems] == [(73, "check.rrule")]
    assert "BYHOUR: a deadline is a day" in problem_text(problems[0], "en")


def test_a_daily_rule_still_gives_every_day_of_a_leap_year(tmp_path: Path):
    from par_cli.deadlines.occurrences import stated_dates

    loaded = load_plan(_plan_with_rule(tmp_path, "FREQ=DAILY"))

    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    criterion = loaded.plan.domains[0].criteria[1]
    # 2024 is a leap year: 366 days.
    assert len(stated_dates(criterion.deadlines[0], 2024)) == 366


def test_a_key_that_is_not_text_is_reported_in_vietnamese_at_the_key(tmp_path: Path, runner):
    # Pydantic's own words ("Keys should be strings") used to reach a Vietnamese user, placed
    # at the top of the mapping rather than at the key.
    from tests.conftest import BUNDLED

    plan = tmp_path / "2024.yaml"
    plan.write_text(BUNDLED.read_text(encoding="utf-8").replace("year: 2024\n", "year: 2024\n1: x\n"), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(plan)])

    assert result.exit_code == 1
    # "year: 2024" is line 11 of the bundled plan, so the key "1" stands at line 12, column 1.
    assert result.output.splitlines()[0] == f"{plan}:12:1: khóa 1 không hợp lệ: khóa phải là văn bản"


def test_deep_flow_nesting_is_refused_at_the_bracket_without_the_slow_scan(tmp_path: Path, runner):
    # 1,450 levels of "[" took the positional pass 12 seconds (its scanner is quadratic in
    # flow depth) only to answer "too deep" at 1:1. Now the bracket past 250 levels is named.
    from tests.conftest import BUNDLED

    plan = tmp_path / "2024.yaml"
    nested = "[" * 1450 + "]" * 1450
    plan.write_text(BUNDLED.read_text(encoding="utf-8").replace("index_max: 95", f"index_max: {nested}"), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])

    assert result.exit_code == 1
    # line 12 is index_max; "index_max: " is 11 characters, so the 251st "[" is column 262
    assert result.output.splitlines()[0] == f"{plan}:12:262: the structure is nested too deeply"


def test_brackets_inside_quotes_and_comments_are_not_nesting(tmp_path: Path):
    from tests.conftest import BUNDLED

    many = "[{" * 200
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace('title: "Kế hoạch CCHC"', f'title: "Kế hoạch CCHC {many}"  # {many}', 1)
    text = text.replace('title: "Công tác tuyên truyền CCHC"', f"title: 'Công tác {many} tuyên truyền'", 1)
    # one real problem, so that the positional pass runs over the brackets
    text = text.replace("index_max: 95", "index_max: 96")
    plan = tmp_path / "2024.yaml"
    plan.write_text(text, encoding="utf-8")

    problems = load_plan(plan).problems

    # the sum of maxima and 2023's percentage no longer match 96 (lines 12 and 13); nothing
    # is said about nesting
    assert [(p.line, p.code) for p in problems] == [(12, "check.total"), (13, "check.percent_mismatch")]


def test_an_unexpected_end_without_a_final_newline_points_inside_the_file(tmp_path: Path, runner):
    # A file cut short (a truncated copy, a half-saved file) was reported one line past its
    # last line, which no editor can jump to.
    plan = tmp_path / "2024.yaml"
    plan.write_text("title: x\nyear", encoding="utf-8")

    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])

    assert result.exit_code == 1
    # two lines; the end of the text is after "year", at line 2, column 5
    assert result.output.splitlines()[0] == f"{plan}:2:5: YAML syntax error: a ':' is missing after the key"


def test_a_key_with_a_line_break_keeps_its_problem_on_one_line(tmp_path: Path, runner):
    # A quoted key holding "\n" made the problem message span two lines, so the second line
    # no longer started with PATH:LINE:COL.
    from tests.conftest import BUNDLED

    plan = tmp_path / "2024.yaml"
    plan.write_text(BUNDLED.read_text(encoding="utf-8").replace("year: 2024\n", 'year: 2024\n"ti\\ntle": x\n'), encoding="utf-8")

    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])

    assert result.exit_code == 1
    # the key is on line 12, after "year: 2024" on line 11
    assert problem_lines(result.stderr)[0] + "\n" == f"{plan}:12:1: unknown key 'ti\\ntle' (a typo?)\n"
