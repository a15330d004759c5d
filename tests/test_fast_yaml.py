"""yaml-rs reads plain plans for speed; ruamel.yaml is the reference. Whenever the fast reader
returns data, it must be exactly what ruamel.yaml's safe loader builds (same types: True is
not 1, a date is not a datetime), and whatever it declines must reach ruamel.yaml, whose
verdict and positions the user sees. These tests compare the two on every file the project
has, on generated plan-like documents, and on each difference found between them."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from par_cli.reading import fast_yaml
from par_cli.cli import app
from par_cli.reading.reader import load_plan, validate_data
from tests.conftest import BUNDLED, FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402 - lives beside the benchmark, not in the package

_SAFE = YAML(typ="safe", pure=False)


class _TextDates(SafeConstructor):
    """How par's reference reader reads a document holding a date that does not exist
    (2025-13-01): every timestamp as text, so that the model says which date is wrong."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda constructor, node: str(node.value))
_TEXT_DATES = YAML(typ="safe", pure=False)
_TEXT_DATES.Constructor = _TextDates


def reference(text: str) -> object:
    """What ruamel.yaml builds, canonical; the exception class when it refuses the text."""
    try:
        return canonical(_SAFE.load(text))
    except ValueError:
        try:
            return ("dates as text", canonical(_TEXT_DATES.load(text), dates_as_text=True))
        except Exception as error:  # noqa: BLE001 - the refusal itself is the answer
            return type(error)
    except Exception as error:  # noqa: BLE001
        return type(error)


def canonical(value: object, dates_as_text: bool = False) -> object:
    """A value with its type spelled out at every level, so that 1, 1.0 and True differ,
    and NaN equals NaN."""
    if isinstance(value, dict):
        return ("map", [(canonical(k, dates_as_text), canonical(v, dates_as_text)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [canonical(item, dates_as_text) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    if isinstance(value, dt.date) and dates_as_text:
        return ("str", value.isoformat())
    if isinstance(value, dt.datetime):
        return ("datetime", value.isoformat())
    return (type(value).__name__, value)


def assert_same_as_reference(text: str) -> None:
    """What the fast reader returns is what ruamel.yaml builds; where ruamel.yaml refuses a
    text yaml-rs reads (a collection as a key), the model refuses yaml-rs's data, so that
    par reads the text again with ruamel.yaml and reports its verdict."""
    fast = fast_yaml.read(text)
    if fast is None:
        return
    expected = reference(text)
    if isinstance(expected, type):
        _, findings = validate_data(fast)
        assert findings, text
    elif expected[0] == "dates as text":
        assert ("dates as text", canonical(fast, dates_as_text=True)) == expected, text
    else:
        assert canonical(fast) == expected, text


def project_yaml_files() -> list[Path]:
    return sorted([BUNDLED, *FIXTURES.glob("*/*.yaml")])


@pytest.mark.parametrize("path", project_yaml_files(), ids=lambda path: path.name)
def test_every_plan_file_of_the_project_reads_alike(path):
    text = path.read_text(encoding="utf-8")
    assert fast_yaml.plain_enough(text), "the project's own plans are plain YAML"
    if path.name != "duplicate_key.yaml":  # yaml-rs refuses it, and ruamel.yaml says where
        assert fast_yaml.read(text) is not None
    assert_same_as_reference(text)


@pytest.mark.parametrize("size", [7, 23, 400])
def test_synthetic_plans_read_alike(size):
    text = synth.plan_text(size, seed=size)
    assert fast_yaml.read(text) is not None
    assert_same_as_reference(text)


# Each line: a document, and why yaml-rs must not read it (found by comparing the readers,
# or a feature that needs ruamel.yaml's own handling).
LEFT_TO_RUAMEL = [
    ("k: {a\n  : 1}\n", "an implicit key over two lines: ruamel refuses, yaml-rs reads {a: 1}"),
    ("k: {n\n    - umber: 1}\n", "an implicit key over two lines in a flow mapping"),
    ("k: 10:00:00\n", "yaml-rs reads a time of day, ruamel keeps the text"),
    ("k: 2024-06-04T10:00\n", "yaml-rs reads a datetime without seconds, ruamel keeps the text"),
    ("k: 2024-06-04T24:00:00\n", "ruamel refuses hour 24, yaml-rs keeps the text"),
    ("k: .5e3\n", "yaml-rs reads 500.0, ruamel keeps the text"),
    ("k: -.05E3\n", "yaml-rs reads -50.0, ruamel keeps the text"),
    ("k: _1\n", "yaml-rs reads 1, ruamel keeps the text"),
    ("k: 1_0\n", "digit groups"),
    ("k: 0x_\n", "ruamel refuses, yaml-rs keeps the text"),
    ("k: {a: 1, :b: 2}\n", "a plain scalar starting with ':' in a flow mapping"),
    ("k:\n  - : 1\n    j: 2\n", "an empty key: ruamel refuses, yaml-rs reads None"),
    (": 1\n", "an empty key at the start"),
    ("k: {{a: 1}: 2}\n", "a mapping as a key: ruamel refuses, yaml-rs reads a frozenset"),
    ("[a, b]: 1\n", "a sequence as a key"),
    ("k: &a 1\nj: *a\n", "an anchor and an alias"),
    ("k: !!str 1\n", "a tag"),
    ("k: {<<: {a: 1}}\n", "a merge key"),
    ("%YAML 1.2\n---\nk: 1\n", "a directive"),
    ("k: 1\n---\nk: 2\n", "two documents"),
    ("? k\n: 1\n", "a complex key"),
    ("k: |\n  text\n", "a block scalar"),
    ('k: "two\n  lines"\n', "a quoted scalar over two lines"),
    ("k: [a,\n  b]\n", "a flow sequence over two lines"),
    ("k:\tv\n", "a tab"),
    ("k: a\rj: b\n", "a lone carriage return is a line break to YAML"),
    ("k: a\u2028b\n", "a Unicode line separator"),
    ("k: it's\n", "an apostrophe inside a plain scalar"),
    ("k: " + "7" * 5000 + "\n", "an integer longer than Python prints"),
]


@pytest.mark.parametrize("text, why", LEFT_TO_RUAMEL, ids=[why for _, why in LEFT_TO_RUAMEL])
def test_documents_the_readers_disagree_on_go_to_ruamel(text, why):
    assert not fast_yaml.plain_enough(text), why
    assert fast_yaml.read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        'k: "a\\tb \\u00e9 \\x41 \\U0001F600"\n',
        "k: 'it''s'\n",
        'k: "# not a comment"  # a comment: with {, [ and &\n',
        "k: [a, {b: [c, d]}, e]\n",
        "k: {a: 1, b: [2, 3]}\n",
        "k: [.inf, -.inf, .nan, ~, null, true, False, 0o17, 0x1F, 012, -1.5, 1e3]\n",
        "2: a\ntrue: b\nnull: c\n1.5: d\n",
        "k: 2024-06-04\nj: 2024-6-4\n",
        "k:\n  - a\n  -\n  - {b: }\n",
        "k: http//example\n",
        "k: a  b   c\nj: Sở Giao thông vận tải\n",
        "k: a\r\nj: b\r\n",
    ],
)
def test_plain_documents_read_alike(text):
    assert fast_yaml.read(text) is not None
    assert_same_as_reference(text)


# --- generated documents --------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["a", "kind", "deadline", "van-phong", "Sở", "tiêu chí", "x y", "1.1", "2024-06-04", "2024-6-4", "12:30", "1_000",
     "true", "False", "null", "~", "yes", "on", ".inf", ".NaN", "0x1F", "0o7", "012", "1e3", ".5e3", "+1", "-0.5", "80.36",
     "#", "a#b", ":", "a:b", "-", "?", "&a", "*a", "!x", "%", "|", ">", "'", '"', "[", "]", "{", "}", ",", "\\", "\t", ""]
)


def _plain(words: list[str]) -> str:
    return " ".join(words)


_SCALAR = st.one_of(
    st.lists(_WORDS, min_size=1, max_size=3).map(_plain),
    st.text(st.characters(codec="utf-8", exclude_characters="\r"), max_size=12).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=12).map(lambda s: "'" + s.replace("'", "''") + "'"),
    st.integers(-10**6, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=False).map(repr),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)).map(str),
)
_KEY = st.one_of(st.sampled_from(["id", "max", "title", "rule", "lead", "a b", "1", "1.5", "true", "null", "k:"]), _SCALAR)


def _flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(children, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(_KEY, children), max_size=3).map(lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"),
    )


_FLOW_VALUE = st.recursive(_SCALAR, _flow, max_leaves=6)


@st.composite
def _block(draw: st.DrawFn, depth: int = 0) -> str:
    """A block mapping or sequence, indented by two spaces per level, with values that are
    scalars, flow collections, nested blocks and trailing comments."""
    indent = "  " * depth
    lines = []
    as_sequence = draw(st.booleans())
    for _ in range(draw(st.integers(1, 4))):
        lead = f"{indent}- " if as_sequence else f"{indent}{draw(_KEY)}:"
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            lines.append(lead.rstrip())
            lines.append(draw(_block(depth + 1)))
            continue
        value = draw(_FLOW_VALUE)
        comment = draw(st.sampled_from(["", "  # note", " #x: [", " # Sở's"]))
        lines.append(f"{lead} {value}{comment}" if not as_sequence else f"{lead}{value}{comment}")
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_block())
def test_generated_documents_read_alike_or_go_to_ruamel(text):
    assert_same_as_reference(text + "\n")


_TYPOS = [":", ": ", " ", "\n", "\n  ", "- ", "[", "]", "{", "}", ",", '"', "'", "#", "1", ".5", "a", "ế", "_", "e", "~", "-"]


def typed_over(data: st.DataObject, text: str) -> str:
    """``text`` with one to four characters or short runs inserted or deleted: typing slips."""
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:position] + data.draw(st.sampled_from(_TYPOS)) + text[position:]
        else:
            text = text[:position] + text[position + data.draw(st.integers(1, 8)) :]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_plans_read_alike_or_go_to_ruamel(data):
    assert_same_as_reference(typed_over(data, BUNDLED.read_text(encoding="utf-8")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_par_loads_an_edited_plan_as_ruamel_alone_would(tmp_path, monkeypatch, data):
    """The whole loader, with and without the fast reader: the same plan, or the same
    problems at the same places."""
    plan = tmp_path / "2024.yaml"
    plan.write_text(typed_over(data, BUNDLED.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.delenv("PAR_FAST_YAML", raising=False)
    fast = load_plan(plan)
    monkeypatch.setenv("PAR_FAST_YAML", "0")
    reference_only = load_plan(plan)
    assert fast.plan == reference_only.plan
    assert [(p.line, p.column, p.code, p.params) for p in fast.problems] == [
        (p.line, p.column, p.code, p.params) for p in reference_only.problems
    ]


# --- through par ------------------------------------------------------------------------------


def test_a_plan_the_fast_reader_declines_loads_the_same(tmp_path):
    """A YAML directive sends the bundled plan to ruamel.yaml: same plan, same data."""
    declined = tmp_path / "2024.yaml"
    declined.write_text("%YAML 1.2\n---\n" + BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    assert not fast_yaml.plain_enough(declined.read_text(encoding="utf-8"))
    fast, slow = load_plan(BUNDLED), load_plan(declined)
    assert fast.ok and slow.ok
    assert canonical(fast.data) == canonical(slow.data)
    assert fast.plan == slow.plan


def test_a_problem_in_a_plain_plan_is_reported_with_its_position(runner, tmp_path):
    """The fast reader finds the plan invalid; ruamel.yaml reads it again to say where."""
    text = BUNDLED.read_text(encoding="utf-8")
    lines = text.splitlines()
    target = next(index for index, line in enumerate(lines) if line.strip() == "lead: van-phong")
    lines[target] = lines[target].replace("van-phong", "van-phong-x")
    plan = tmp_path / "2024.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert fast_yaml.read(plan.read_text(encoding="utf-8")) is not None
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    column = lines[target].index("van-phong-x") + 1
    assert result.output.startswith(f"{plan}:{target + 1}:{column}: ")
    assert "'van-phong-x'" in result.output


def test_without_yaml_rs_every_plan_reads_through_ruamel(tmp_path):
    """A platform with no yaml-rs wheel: the plan is read, only slower."""
    script = (
        "import sys; sys.modules['yaml_rs'] = None\n"
        "from par_cli.reading import fast_yaml\n"
        "from par_cli.reading.reader import load_plan\n"
        f"text = open({str(BUNDLED)!r}, encoding='utf-8').read()\n"
        "assert fast_yaml.plain_enough(text) and fast_yaml.read(text) is None\n"
        f"loaded = load_plan({str(BUNDLED)!r})\n"
        "assert loaded.ok, loaded.problems\n"
        "print(sum(1 for d in loaded.data['domains'] for c in d['criteria']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(sum(1 for d in load_plan(BUNDLED).data["domains"] for c in d["criteria"]))
