"""Shared fixtures: the bundled plan, a CliRunner, and a helper that writes a plan to a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

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
