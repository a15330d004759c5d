"""One YAML reader (issue 12 §1): every plan is read by ruamel.yaml, and the documents on
which the old fast reader (yaml-rs) and ruamel.yaml disagreed now read one way, pinned here.

Found by comparing the two readers over 240,000 random documents: upper-case radix prefixes
(``0X2``, ``0O7``, ``0B1``) were numbers to yaml-rs and are text to ruamel.yaml's YAML 1.2
core schema; a bare ``=`` is YAML 1.1's "value" key, which ruamel.yaml tags and then cannot
build; ``#`` with no space before it is part of the scalar, not a comment."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from par_cli.cli import app
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_text
from tests.conftest import FIXTURES
from tests.edit_support import par_executable, subprocess_env

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def _plan(tmp_path: Path, old: str, new: str) -> Path:
    assert old in MINIMAL
    path = tmp_path / "2024.yaml"
    path.write_text(MINIMAL.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_no_second_reader_is_installed_or_shipped():
    import importlib.util

    assert importlib.util.find_spec("par_cli.reading.fast_yaml") is None
    root = Path(__file__).resolve().parent.parent
    assert "yaml-rs" not in (root / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("year: 2024", "year: 0X7E8", "year: 0X7E8"),  # yaml-rs read 2024: the plan validated
        ("        max: 2\n        lead: van-phong\n        measures:", "        max: 0X2\n        lead: van-phong\n        measures:", "max: 0X2"),
        ("        max: 2\n        lead: van-phong\n        measures:", "        max: 0O2\n        lead: van-phong\n        measures:", "max: 0O2"),
        ("        max: 2\n        lead: van-phong\n        measures:", "        max: 0B10\n        lead: van-phong\n        measures:", "max: 0B10"),
        ("observed: [{measure: initiatives, value: 1}]", "observed: [{measure: initiatives, value: 0X1}]", "value: 0X1"),
    ],
)
def test_upper_case_radix_and_bare_exponents_are_text_so_a_number_field_refuses_them(tmp_path, runner, old, new, needle):
    path = _plan(tmp_path, old, new)
    loaded = load_plan(path)
    assert not loaded.ok
    line = _line_of(path, needle)
    assert line in [problem.line for problem in loaded.problems]
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{line}:" in result.output


def test_lower_case_radix_is_a_number_as_yaml_1_2_says(tmp_path):
    path = _plan(tmp_path, "year: 2024", "year: 0x7E8")  # 0x7E8 = 7·256 + 14·16 + 8 = 2024
    loaded = load_plan(path)
    assert loaded.ok, loaded.problems
    assert loaded.plan.year == 2024


def test_a_bare_equals_sign_is_text(tmp_path):
    path = _plan(tmp_path, 'title: "Kế hoạch thử"', "title: =")
    loaded = load_plan(path)
    assert loaded.ok, loaded.problems
    assert loaded.plan.title == "="


def test_a_bare_equals_sign_is_text_in_the_second_pass_too(tmp_path):
    """A date that does not exist sends the plan to the pass that reads dates as text; ``=``
    is text there too, so the only problem is the date."""
    path = _plan(tmp_path, 'title: "Kế hoạch thử"', "title: =")
    path.write_text(path.read_text(encoding="utf-8").replace("before: 2024-01-05", "before: 2024-13-05"), encoding="utf-8")
    loaded = load_plan(path)
    assert [p.line for p in loaded.problems] == [_line_of(path, "2024-13-05")]


def test_a_hash_without_a_space_is_part_of_the_text(tmp_path):
    path = _plan(tmp_path, 'title: "Kế hoạch thử"', "title: Kế hoạch#1 10:00:00 .5e3")
    loaded = load_plan(path)
    assert loaded.ok, loaded.problems
    assert loaded.plan.title == "Kế hoạch#1 10:00:00 .5e3"


def test_a_key_holding_a_hash_is_one_key_and_an_unknown_one(tmp_path):
    """``note#x: .5e3`` is the key ``note#x``; the rest of the line is not hidden as a comment."""
    path = _plan(tmp_path, "year: 2024\n", "year: 2024\nnote#x: .5e3\n")
    loaded = load_plan(path)
    assert not loaded.ok
    assert [p.line for p in loaded.problems] == [_line_of(path, "note#x")]
    assert "note#x" in problem_text(loaded.problems[0], "en")


def test_the_installed_par_reads_the_same(tmp_path):
    path = _plan(tmp_path, "year: 2024", "year: 0X7E8")
    done = subprocess.run([par_executable(), "validate", str(path)], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert done.returncode == 1
    assert f"{path}:{_line_of(path, 'year: 0X7E8')}:" in done.stdout + done.stderr


def test_four_mistakes_show_four_problems_schema_and_semantic_together(tmp_path, runner):
    """Issue 12 §5: a hand-edited file with four mistakes, two the schema finds (a text max,
    a typo'd key) and two only the checks find (a unit declared twice, an undeclared lead),
    shows all four in one run, each where it is."""
    text = MINIMAL
    text = text.replace("        max: 2\n        lead: van-phong\n        measures:", '        max: "2"\n        lead: van-phong\n        measures:')
    text = text.replace("            lead: cac-phong\n", '            lead: cac-phong\n            titel: "x"\n')
    text = text.replace("            lead: van-phong\n            rule: {kind: manual}", "            lead: phong-ma\n            rule: {kind: manual}")
    text = text.replace('    kind: all\n', '    kind: all\n  - id: van-phong\n    name: "Lại văn phòng"\n', 1)
    path = tmp_path / "2024.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def at(needle: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if needle in line)

    result = runner.invoke(app, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 1
    shown = [line.split(": ", 1)[0] for line in result.output.splitlines() if line.startswith(str(path))]
    assert [int(place.rsplit(":", 2)[1]) for place in shown] == sorted([at('name: "Lại văn phòng"') - 1, at('max: "2"'), at("titel:"), at("lead: phong-ma")])
    assert "used twice" in result.output and "not declared" in result.output and "titel" in result.output
