"""Which plan a command works on: ``--plan PATH``, else ``PAR_PLAN``, else the newest
``plans/YYYY.yaml`` under the current directory."""

from __future__ import annotations

import os
import re
from pathlib import Path

from par_cli.plan.problems import PlanFileError

_YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$")


def find_plan(option: Path | None, cwd: Path | None = None) -> Path:
    if option is not None:
        return option
    from_env = os.environ.get("PAR_PLAN")
    if from_env:
        return Path(from_env)
    folder = (cwd or Path.cwd()) / "plans"
    newest = newest_plan(folder)
    if newest is None:
        raise PlanFileError(folder / "YYYY.yaml", "file.no_plan")
    return newest.relative_to(cwd) if cwd is not None else Path("plans") / newest.name


def newest_plan(folder: Path) -> Path | None:
    """The plan of the latest year in ``folder`` (2025.yaml before 2024.yaml)."""
    plans = plan_files(folder)
    return plans[-1] if plans else None


def plan_files(folder: Path) -> list[Path]:
    """Every ``YYYY.yaml`` in ``folder``, oldest year first."""
    if not folder.is_dir():
        return []
    found = [(int(match.group(1)), entry) for entry in folder.iterdir() if (match := _YEAR_FILE.match(entry.name)) and entry.is_file()]
    return [entry for _, entry in sorted(found)]
