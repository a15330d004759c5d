"""No plan file, however damaged, crashes `par` or loses a byte.

Mutations of plans/2024.yaml (keys deleted, values of the wrong type or swapped, the file
truncated at any byte, random bytes inserted, lines duplicated into duplicate keys, deep
nesting, huge numbers, NaN and infinities, NFD text, zero-width characters, right-to-left
marks) go through the commands in `COMMANDS`. Each must end with exit 0 or 1, never a
traceback; when the plan is refused, every problem line is ``PATH:LINE:COL: message`` with a
line inside the file. A writing command on a refused plan leaves it byte-identical.

Adding a command to the fuzzing is one entry in `COMMANDS`; a command not registered in the
app yet (scoring is built in parallel) is skipped until it is.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import BUNDLED, par_executable, subprocess_env


@dataclass(frozen=True)
class Command:
    name: str
    arguments: Callable[[Path], list[str]]
    writes: bool = False


# `validate` runs first: its verdict says whether the plan is refused, and a refused plan
# must be refused the same way (problem lines on stderr, exit 1) by every reading command.
COMMANDS = [
    Command("validate", lambda plan: ["validate", str(plan)]),
    Command("score", lambda plan: ["score", "--plan", str(plan)]),
    # `done` and `evidence` write through the same path as `set` (editing.record).
    Command("set", lambda plan: ["set", "1.4", "initiatives=1", "--date", "2024-03-10", "--plan", str(plan)], writes=True),
]


def registered() -> set[str]:
    return {info.name or info.callback.__name__ for info in app.registered_commands}


AVAILABLE = [command for command in COMMANDS if command.name in registered()]

BASE_TEXT = BUNDLED.read_text(encoding="utf-8")
BASE_BYTES = BASE_TEXT.encode("utf-8")
BASE_LINES = BASE_TEXT.splitlines(keepends=True)
VALUE_LINES = [index for index, line in enumerate(BASE_LINES) if re.match(r"^\s*(- )?[\w-]+: \S", line)]
BASE_DATA = YAML(typ="safe").load(BASE_TEXT)

ODD_CHARACTERS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202b", "\u202e", "\u00a0", "\u3000", "\t", "\r", "\x85", "\u2028", "\x00", "\x1b"]
WEIRD_SCALARS = [
    ".nan", ".NaN", ".inf", "-.inf", "+.inf", "1e999", "-1e999", "9" * 400, "9" * 5000, "-" + "9" * 40, "0x1F", "0o17", "1_000",
    "~", "null", "[]", "{}", "''", '""', "true", "yes", "2024-13-45", "2024-02-30", "2024-01-05T10:00:00+07:00",
    "!!binary aGVsbG8=", "!!python/object:os.system {}", "!custom x", "*nowhere", "&a", "|", ">", "? x", "- x", "{a: 1, a: 2}",
    '"\\ud800"', '"\\U00110000"', "'unterminated", '"unterminated', "[1, 2", "{a: 1",
]
PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): \S")
# The one-line summary after the problems ("2 lỗi trong 1 tệp", "kế hoạch đang có 2 lỗi").
SUMMARY = re.compile(r"^(\d+ lỗi trong \d+ tệp|.*kế hoạch đang có \d+ lỗi.*)$")
LINE_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


# --- mutations --------------------------------------------------------------------------------


@st.composite
def text_mutation(draw) -> bytes:
    kind = draw(st.sampled_from(["truncate", "insert_bytes", "duplicate_line", "nfd_line", "odd_character", "weird_value", "deep_nesting", "delete_line"]))
    if kind == "truncate":
        return BASE_BYTES[: draw(st.integers(0, len(BASE_BYTES)))]
    if kind == "insert_bytes":
        at = draw(st.integers(0, len(BASE_BYTES)))
        return BASE_BYTES[:at] + draw(st.binary(min_size=1, max_size=8)) + BASE_BYTES[at:]
    lines = list(BASE_LINES)
    index = draw(st.integers(0, len(lines) - 1))
    if kind == "duplicate_line":  # a `key: value` line twice is a duplicated key
        lines.insert(index, lines[index])
    elif kind == "delete_line":
        del lines[index]
    elif kind == "nfd_line":
        lines[index] = unicodedata.normalize("NFD", lines[index])
    elif kind == "odd_character":
        text = "".join(lines)
        at = draw(st.integers(0, len(text)))
        return (text[:at] + draw(st.sampled_from(ODD_CHARACTERS)) + text[at:]).encode("utf-8")
    elif kind == "weird_value":
        index = draw(st.sampled_from(VALUE_LINES))
        key = re.match(r"^(\s*(?:- )?[\w-]+: )", lines[index]).group(1)  # type: ignore[union-attr]
        lines[index] = key + draw(st.sampled_from(WEIRD_SCALARS)) + "\n"
    else:
        depth = draw(st.integers(10, 3000))
        index = draw(st.sampled_from(VALUE_LINES))
        key = re.match(r"^(\s*(?:- )?[\w-]+: )", lines[index]).group(1)  # type: ignore[union-attr]
        nested = draw(st.sampled_from(["[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth]))
        lines[index] = key + nested + "\n"
    return "".join(lines).encode("utf-8")


ODD_TEXT = st.text(alphabet=st.one_of(st.characters(codec="utf-8", exclude_categories=["Cs"]), st.sampled_from(ODD_CHARACTERS)), max_size=20)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**300), max_value=10**300),
    st.floats(allow_nan=True, allow_infinity=True),
    ODD_TEXT,
    ODD_TEXT.map(lambda text: unicodedata.normalize("NFD", text)),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(["1.4", "van-phong", "Văn phòng Sở", "tiers", "deadline", "count", "percent", "unknown", "2024-01-05"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(ODD_TEXT, inner, max_size=3)), max_leaves=8)


def node_paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from node_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from node_paths(value, (*prefix, index))


ALL_PATHS = [path for path in node_paths(BASE_DATA) if path]


def copy_of(value):
    if isinstance(value, dict):
        return {key: copy_of(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_of(item) for item in value]
    return value


@st.composite
def tree_mutation(draw) -> bytes:
    data = copy_of(BASE_DATA)
    for _ in range(draw(st.integers(1, 3))):
        paths = [path for path in node_paths(data) if path]
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        operation = draw(st.sampled_from(["delete", "replace", "swap"]))
        if operation == "delete":
            del parent[path[-1]]
        elif operation == "replace":
            parent[path[-1]] = draw(VALUES)
        else:
            other = draw(st.sampled_from(paths))
            holder = data
            for part in other[:-1]:
                holder = holder[part]
            if path[: len(other)] != other and other[: len(path)] != path:
                parent[path[-1]], holder[other[-1]] = holder[other[-1]], parent[path[-1]]
    stream = io.StringIO()
    YAML(typ="safe").dump(data, stream)
    return stream.getvalue().encode("utf-8")


MUTATIONS = st.one_of(text_mutation(), tree_mutation())


# --- what every run must satisfy ------------------------------------------------------------------


def line_count(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return len(LINE_BREAKS.findall(text)) + 1


def assert_problem_lines(output: str, plan: Path, data: bytes) -> None:
    lines = [line for line in output.splitlines() if not SUMMARY.match(line)]
    assert lines, "refused without saying where"
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match, line
        assert match["path"] == str(plan), line
        assert 1 <= int(match["line"]) <= line_count(data), line
        assert int(match["column"]) >= 1, line


def run_in_process(command: Command, plan: Path, data: bytes, refused: bool) -> int:
    """Run one command on the mutated plan and check what every run must satisfy; return
    its exit code."""
    result = CliRunner().invoke(app, command.arguments(plan))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    if refused:
        assert result.exit_code == 1, (command.name, result.output)
    if refused or (command.name == "validate" and result.exit_code == 1):
        assert_problem_lines(result.stderr, plan, data)
    if command.writes and result.exit_code == 1:
        assert plan.read_bytes() == data
        assert sorted(p.name for p in plan.parent.iterdir()) == [plan.name]
    if command.writes and result.exit_code == 0:
        restored = YAML(typ="safe").load(plan.read_bytes().decode("utf-8-sig"))
        assert restored is not None
        plan.write_bytes(data)  # the next command sees the mutation, not our edit
    return result.exit_code


def run_all(plan: Path, data: bytes) -> None:
    refused = False
    for command in AVAILABLE:
        code = run_in_process(command, plan, data, refused)
        refused = refused or (command.name == "validate" and code == 1)


# A refused plan is read twice, the second time by the pure-Python parser that keeps
# positions (~0.3 s per command on a mutated plan), so the suite runs a sample; a longer
# fuzzing run is `PAR_FUZZ_EXAMPLES=400 pytest tests/test_edit_fuzz.py`.
FUZZ_EXAMPLES = int(os.environ.get("PAR_FUZZ_EXAMPLES", "20"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=MUTATIONS)
def test_no_mutation_of_the_plan_crashes_any_command(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "2024.yaml"
        plan.write_bytes(data)
        run_all(plan, data)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=MUTATIONS)
def test_the_installed_par_never_prints_a_traceback(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "2024.yaml"
        plan.write_bytes(data)
        for command in AVAILABLE:
            completed = subprocess.run([par_executable(), *command.arguments(plan)], env=subprocess_env(), capture_output=True, timeout=120)
            stderr = completed.stderr.decode("utf-8", errors="replace")
            assert completed.returncode in (0, 1), (command.name, completed.returncode, stderr)
            assert "Traceback" not in stderr
            assert "lỗi nội bộ" not in stderr  # the catch-all for a bug in par
            if command.writes:
                assert completed.returncode == 0 or plan.read_bytes() == data
                plan.write_bytes(data)


@pytest.mark.parametrize(
    "mutated",
    [
        BASE_TEXT.replace("year: 2024", "year: .nan"),
        BASE_TEXT.replace("index_max: 95", "index_max: -.inf"),
        BASE_TEXT.replace("year: 2024", "year: " + "9" * 5000),
        BASE_TEXT.replace("lead: van-phong", "lead: v\u0103n-pho\u0300ng", 1),
        BASE_TEXT.replace('id: "1.4"', 'id: "1.4\u200b"'),
        BASE_TEXT.replace('title: "Kế hoạch CCHC"', 'title: "\u202eKế hoạch CCHC"'),
        BASE_TEXT.replace("max: 2\n", "max: [[[[[[[[[[1]]]]]]]]]]\n", 1),
        BASE_TEXT[: len(BASE_TEXT) // 2],
    ],
    ids=["nan year", "negative infinity", "5000 digits", "NFD unit", "zero-width id", "right-to-left title", "nested max", "half a file"],
)
def test_named_mutations_end_cleanly(mutated: str, tmp_path: Path):
    plan = tmp_path / "2024.yaml"
    data = mutated.encode("utf-8")
    plan.write_bytes(data)
    run_all(plan, data)
