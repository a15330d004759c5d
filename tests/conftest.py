"""Shared fixtures: the bundled plan, a CliRunner, and a helper that writes a plan to a file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# CI runs each submission once, on a shared machine: the same examples every run, so a red CI
# is a failure anyone can reproduce with CI=true, never the luck of a draw. Locally the search
# stays random and keeps finding new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "plans" / "2024.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled plan that a test may edit."""
    target = tmp_path / "2024.yaml"
    shutil.copyfile(BUNDLED, target)
    return target


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests must not depend on the developer's environment."""
    for name in ("PAR_PLAN", "PAR_LANG", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
