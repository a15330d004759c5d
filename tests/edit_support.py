"""Helpers shared by the tests of the writing commands (`par set`, `par done`, `par evidence`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.testing import CliRunner

from par_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "plans" / "2024.yaml"

# Lines of the bundled plan that the tests insert after, copied from plans/2024.yaml.
AFTER_1_1 = '            before: 2024-01-05\n'
AFTER_1_2 = '            before: {every: quarter, day: 12}\n'
AFTER_1_4 = '        baseline: {points: 1, observed: [{measure: initiatives, value: 1}]}\n'
AFTER_3_4_1 = '            baseline: {points: unknown, observed: [{measure: on_time_pct, value: 96.5}]}\n'


def par(plan: Path, *args: str, env: dict[str, str] | None = None):
    """Run `par ARGS --plan PLAN` in-process; the result's exception is checked by callers."""
    return CliRunner().invoke(app, [*args, "--plan", str(plan)], env=env)


def par_executable() -> str:
    """The console script installed beside the Python running the tests: the `par` under
    test, never whatever `par` comes first on PATH."""
    found = Path(sys.executable).parent / "par"
    assert found.exists(), f"the par console script is not installed beside {sys.executable}"
    return str(found)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PAR_PLAN", "PAR_LANG", "NO_COLOR")}
    env.update(extra)
    return env


def insert_after(text: str, anchor: str, added: str, occurrence: int = 1) -> str:
    """``text`` with ``added`` right after the ``occurrence``-th copy of the line ``anchor``."""
    position = -1
    for _ in range(occurrence):
        position = text.index(anchor, position + 1)
    end = position + len(anchor)
    return text[:end] + added + text[end:]


def problem_lines(stderr: str) -> list[str]:
    """The ``PATH:LINE:COL: message`` lines a command printed on stderr (without the
    one-line summary that follows them)."""
    import re

    return [line for line in stderr.splitlines() if re.match(r"^.+:\d+:\d+: ", line)]
