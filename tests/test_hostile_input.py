"""Hostile text, paths and sizes (issue 13): nothing in a plan reaches past its own cell.

Each test names the item of the issue it pins; each failed on the code before the fix."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from par_cli.cli import app
from par_cli.reading import reader
from tests.conftest import BUNDLED, FIXTURES
from tests.edit_support import par_executable, subprocess_env

MINIMAL = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def run_par(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([par_executable(), *args], capture_output=True, text=True, env=subprocess_env(), timeout=timeout, **kwargs)


# --- 1. deep nesting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 30000 + "\n",
        "{a: " * 30000 + "\n",
        "[" * 30000 + "]" * 30000 + "\n",
        "k: " + "[" * 100000 + "\n",  # libyaml alone takes 16 s over this
        "- " * 30000 + "x\n",
    ],
    ids=["open-brackets", "flow-mappings", "balanced", "libyaml-quadratic", "block-entries"],
)
@pytest.mark.parametrize("command", ["validate", "score", "due", "set"])
def test_1_deep_nesting_is_a_problem_not_a_crash(tmp_path, text, command):
    plan = tmp_path / "2024.yaml"
    plan.write_text(text, encoding="utf-8")
    args = {"validate": ["validate", str(plan)], "score": ["score", str(plan)], "due": ["due", "--plan", str(plan)],
            "set": ["set", "1.1", "x=1", "--plan", str(plan)]}[command]
    done = run_par(*args, timeout=30)
    assert done.returncode == 1, done.stderr
    assert "lồng nhau quá sâu" in done.stdout + done.stderr
    assert plan.read_text(encoding="utf-8") == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "{", "}", '"', "'", "#", "\\", "\n", " ", "a", ":", ",", "- "]), max_size=400))
def test_1_the_fast_depth_guard_never_misses_what_the_exact_scan_finds(parts):
    text = "".join(parts)
    exact = reader._flow_too_deep(text, 20)
    fast = reader.flow_too_deep(text, 20)
    if exact is not None:
        assert fast == exact


def test_1_quotes_hiding_closing_brackets_do_not_hide_depth():
    text = "k: [" + ' "]", [' * 300 + "\n"
    assert reader.flow_too_deep(text) is not None
