"""The benchmark's synthetic plans are valid plans, and problems deep in a big plan still
carry their exact position: the fast path for valid plans must not cost the error path."""

from __future__ import annotations

import subprocess
import sys

import pytest

from par_cli.cli import app
from tests.conftest import ROOT
from tests.edit_support import par_executable, problem_lines

sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402 - lives beside the benchmark, not in the package




def test_small_synthetic_plan_is_valid_and_has_the_size_asked(runner, tmp_path):
    plan = synth.write_plan(tmp_path / "2024.yaml", 50)
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 0, result.output
    assert "(50 tiêu chí" in result.output


def test_every_size_from_one_criterion_per_domain_upward_is_valid(runner, tmp_path):
    # 7 is the smallest plan with every domain filled; 8 and 9 force the generator to
    # decide between a sub-criterion and an empty domain.
    for size in (7, 8, 9, 23):
        plan = synth.write_plan(tmp_path / f"plan-{size}.yaml", size)
        result = runner.invoke(app, ["validate", str(plan)])
        assert result.exit_code == 0, result.output
        assert f"({size} tiêu chí" in result.output


def test_province_folder_validates_plan_by_plan(runner, tmp_path):
    written = synth.write_province(tmp_path / "province", plans=3, criteria=20)
    # Sizes are criteria + (index × 7) mod 21 − 10: 20 − 10 = 10, 20 + 7 − 10 = 17,
    # 20 + 14 − 10 = 24; departments and years follow DEPARTMENTS from 2024.
    assert [path.name for path in written] == ["so-gtvt-2024.yaml", "so-noi-vu-2024.yaml", "so-tu-phap-2024.yaml"]
    result = runner.invoke(app, ["validate", str(tmp_path / "province")])
    assert result.exit_code == 0, result.output
    assert "(10 tiêu chí" in result.output
    assert "(17 tiêu chí" in result.output
    assert "(24 tiêu chí" in result.output


def test_same_arguments_write_the_same_plan():
    assert synth.plan_text(60, seed=3) == synth.plan_text(60, seed=3)


def _criterion_above(lines: list[str], index: int) -> str:
    """The id of the criterion block holding line ``index``, read from the text."""
    for line in reversed(lines[: index + 1]):
        stripped = line.strip()
        if stripped.startswith('- id: "'):
            return stripped.split('"')[1]
    raise AssertionError("no criterion above")


@pytest.fixture(scope="module")
def big_plan_lines() -> list[str]:
    return synth.plan_text(10_000).splitlines()


def test_unknown_unit_deep_in_10000_criteria_is_reported_at_its_line(tmp_path, big_plan_lines):
    lines = list(big_plan_lines)
    leads = [index for index, line in enumerate(lines) if line.strip() == "lead: quan-ly-van-tai"]
    target = leads[len(leads) * 3 // 4]
    lines[target] = lines[target].replace("quan-ly-van-tai", "phong-khong-co")
    plan = tmp_path / "2024.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    criterion = _criterion_above(lines, target)
    column = lines[target].index("phong-khong-co") + 1

    done = subprocess.run([par_executable(), "validate", str(plan)], capture_output=True, text=True, cwd=tmp_path)

    assert done.returncode == 1, done.stdout + done.stderr
    assert problem_lines(done.stderr) == [
        f"{plan}:{target + 1}:{column}: tiêu chí {criterion}: đơn vị 'phong-khong-co' chưa được khai báo trong units"
    ]
    assert "1 lỗi trong 1 tệp" in done.stderr


def test_negative_maximum_near_the_end_of_a_big_plan_is_reported_at_its_line(runner, tmp_path):
    # 2,000 criteria keep the suite quick; the 10,000-criterion case is the test above.
    lines = synth.plan_text(2_000).splitlines()
    end_of_table = lines.index("outside_table:")
    target = max(index for index in range(end_of_table) if lines[index].strip() == "max: 0.5")
    lines[target] = lines[target].replace("max: 0.5", "max: -0.5")
    plan = tmp_path / "2024.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    criterion = _criterion_above(lines, target)
    column = lines[target].index("-0.5") + 1

    result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])

    assert result.exit_code == 1, result.output
    assert f"{plan}:{target + 1}:{column}: criterion {criterion}: value -0.5 must be ≥ 0" in result.output
