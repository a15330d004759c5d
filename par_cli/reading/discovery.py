"""Which plans a command works on, found one way for every command.

One plan: ``PLAN`` (positional) or ``--plan PATH``, else ``PAR_PLAN``, else the newest
``YYYY.yaml`` in ``plans/`` under the current directory; run from inside ``plans/`` (or a
folder below the repository root that has no ``plans/``), the newest ``YYYY.yaml`` of the
current folder, then of ``plans/`` in the nearest parent that has one.

A folder (``par validate DIR``, ``par score DIR``): every ``*.yaml`` / ``*.yml`` in it and
its subfolders, hidden ones (``.git``, ``.venv``, ``.pre-commit-config.yaml``) left out,
in path order.
"""

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
    here = cwd or Path.cwd()
    newest = newest_plan(here / "plans") or newest_plan(here)
    for parent in here.resolve().parents if newest is None else ():
        newest = newest_plan(parent / "plans")
        if newest is not None:
            break
    if newest is None:
        raise PlanFileError(here / "plans" / "YYYY.yaml", "file.no_plan")
    try:
        return newest.resolve().relative_to(here.resolve()) if cwd is not None else newest.relative_to(here)
    except ValueError:
        return newest


def newest_plan(folder: Path) -> Path | None:
    """The plan of the latest year in ``folder`` (2025.yaml before 2024.yaml)."""
    plans = plan_files(folder)
    return plans[-1] if plans else None


def plan_files(folder: Path) -> list[Path]:
    """Every ``YYYY.yaml`` in ``folder`` itself, oldest year first."""
    if not folder.is_dir():
        return []
    found = [(int(match.group(1)), entry) for entry in folder.iterdir() if (match := _YEAR_FILE.match(entry.name)) and entry.is_file()]
    return [entry for _, entry in sorted(found)]


def plans_in(folder: Path) -> list[Path]:
    """Every YAML file under ``folder``, subfolders included, hidden names left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found += [Path(root) / name for name in files if name.endswith((".yaml", ".yml")) and not name.startswith(".")]
    return sorted(found)
