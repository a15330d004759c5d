"""Inputs the fuzzing of the loader found crashing or hanging `par`, each kept as a test."""

from __future__ import annotations

from pathlib import Path

from par_cli.cli import app
from par_cli.loading import load_plan


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
    assert problems[0].message("en") == "a number of 4401 digits is too long to read; check this value"
