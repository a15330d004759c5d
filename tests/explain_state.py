"""A scripted year on the bundled plan for the `--explain` tests: readings (one of them
provisional at mid-year), completions on time, late and missing, score stages dated in the
year and after it, evidence and a department's explanation; the 2023 readings the plan
states give derived baselines (7.2, 3.4.1)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import BUNDLED
from tests.edit_support import par

# (command, arguments) in the order a department would type them.
SCRIPT: list[tuple[str, ...]] = [
    ("done", "1.1", "--date", "2024-01-08"),  # late: last day 04/01
    ("done", "1.2", "--date", "2024-03-11", "--evidence", "BC 21/BC-SGTVT"),
    ("set", "1.4", "initiatives=1", "--date", "2024-03-10", "--evidence", "QĐ 12/QĐ-SGTVT"),
    ("set", "7.2", "full_process_pct=45", "online_dossier_pct=58,2", "--date", "2024-06-30"),
    ("done", "6.3", "--date", "2024-06-25"),
    ("done", "2.2.3", "--date", "2024-11-20"),  # late: last day 14/11
    ("evidence", "1.5", "Báo cáo số 7/BC-SGTVT", "--date", "2024-12-18"),
    ("set", "1.5", "self_assessed=1,5", "--date", "2024-12-20"),
    ("set", "2.4", "self_assessment=1", "--date", "2024-12-20"),
    ("justify", "1.3", "Chờ công nhận", "--date", "2025-01-04"),
    ("set", "1.5", "appraisal_1=1", "--date", "2025-02-20", "--note", "thiếu một báo cáo", "--evidence", "CV 3/SNV"),
]

# The days the tests look from: mid-year (7.2 provisional, deadlines past), after the
# appraisal round.
DAYS = ("2024-07-01", "2025-03-01")


def scripted_plan(folder: Path) -> Path:
    plan = folder / "2024.yaml"
    shutil.copyfile(BUNDLED, plan)
    for command, *args in SCRIPT:
        result = par(plan, command, *args)
        assert result.exit_code == 0, (command, args, result.output)
    return plan
