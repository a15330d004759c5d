"""A plan par makes (`init`, `import`, `new-year`) gets the mode any new file gets from the
user's umask, as the outputs of `--output` do: it was written through a temporary file that
`tempfile.mkstemp` makes 0600, and linked into place as it was, so on a shared folder nobody
but its maker could read the new plan."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.edit_support import par_executable, subprocess_env
from tests.framework_support import write_xlsx
from tests.test_framework_import import OTHER_HEADER, OTHER_ROWS


def run_with_umask(mask: int, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([par_executable(), *args], cwd=cwd, capture_output=True, text=True, env=subprocess_env(), timeout=120, preexec_fn=lambda: os.umask(mask))


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=["umask-022", "umask-002", "umask-077"])
def test_a_new_plan_has_the_mode_the_umask_gives_a_new_file(tmp_path: Path, mask: int, mode: int):
    shutil.copy(ROOT / "plans" / "2024.yaml", tmp_path / "2024.yaml")
    write_xlsx(tmp_path / "khung.xlsx", OTHER_ROWS, header=OTHER_HEADER, preamble=[], sheet="Khung")
    for args, made in (
        (["init", "--year", "2030", "--output", "init.yaml"], "init.yaml"),
        (["import", "khung.xlsx", "--output", "import.yaml", "--year", "2025", "--index-max", "100", "--issuer", "Sở Y tế"], "import.yaml"),
        (["new-year", "2024.yaml", "--output", "2025.yaml"], "2025.yaml"),
        (["sheet", "2024.yaml", "--format", "md", "--output", "sheet.md"], "sheet.md"),  # an output, made the other way
    ):
        done = run_with_umask(mask, *args, cwd=tmp_path)
        assert (tmp_path / made).exists(), (args, done.returncode, done.stderr[-500:])
        assert stat.S_IMODE((tmp_path / made).stat().st_mode) == mode, args
