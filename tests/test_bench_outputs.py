"""`benchmarks/bench.py --outputs`: every year-end and units' case is a command that works on
the bundled plan, run after run (a case that exits 2 would time a usage message)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT
from tests.edit_support import par_executable, subprocess_env

sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402 - lives beside the benchmark, not in the package


def test_each_output_case_runs_twice_on_the_bundled_plan_and_writes_what_it_names(tmp_path):
    cases = bench.output_cases(par_executable(), tmp_path, [("plans/2024.yaml", bench.BUNDLED)])
    assert [case.key for case in cases] == [f"{key}:outputs: plans/2024.yaml" for key, _, _ in bench.OUTPUTS]
    for case in cases:
        for _ in range(2):  # new-year writes only where nothing is: its case removes the last run's file
            done = subprocess.run(case.argv, capture_output=True, text=True, env=subprocess_env(), cwd=ROOT, timeout=120)
            assert done.returncode == 0, (case.label, done.stdout[-500:], done.stderr[-500:])
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["2024-due-ics.ics", "2024-new-year.yaml", "2024-sheet-docx.docx", "2024-sheet-xlsx.xlsx", "2024-workbook.xlsx"]
    assert (tmp_path / "2024-new-year.yaml").read_text(encoding="utf-8").count("\nyear: 2025\n") == 1
