"""Issue 13 item 15 for `par workbook`: a unit's workbook of a large plan takes a small
multiple of the plan file's size in memory, measured as tests/test_memory.py measures the
other commands (the real `par` in a process of its own, less the same command on the
bundled plan)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.test_memory import BUNDLED, peak_kib, synth


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss is in KiB on Linux only")
def test_a_large_plan_s_workbook_takes_a_small_multiple_of_its_size_above_the_interpreter(tmp_path: Path) -> None:
    # 5,000 criteria in the bundled plan's style (3.46 MiB); the inspectorate leads about
    # 750 of them: 10,950 rows, and the original text of each locked cell on the hidden sheet.
    plan = synth.write_plan(tmp_path / "2024.yaml", 5000)
    size_kib = plan.stat().st_size / 1024
    floor = peak_kib("workbook", str(BUNDLED), "--unit", "thanh-tra", "--output", str(tmp_path / "bundled.xlsx"))
    above = peak_kib("workbook", str(plan), "--unit", "thanh-tra", "--output", str(tmp_path / "large.xlsx")) - floor
    # Measured on this plan: with every cell held by openpyxl until the file was saved, 338 MB
    # at the peak, 81 × the file above the same command on the bundled plan; written row by
    # row in openpyxl's write-only mode, 85 MB, 10 ×. 13 × as for the other commands.
    assert above <= 13 * size_kib, f"{above / 1024:.1f} MB above the interpreter for a {size_kib / 1024:.1f} MB plan ({above / size_kib:.1f} ×)"
