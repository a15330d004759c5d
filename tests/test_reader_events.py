"""The reader builds a plain plan's data from the C parser's events, without composing nodes
(issue 13 item 15: the nodes were most of the memory). Whatever the text, the data it reads
is what ruamel.yaml's own safe loader builds, and a plan read either way has the same
problems at the same places."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from par_cli.cli import app
from par_cli.reading.reader import load_plan
from tests.conftest import FIXTURES

BUNDLED = Path(__file__).resolve().parents[1] / "plans" / "2024.yaml"

# Spellings YAML resolves to something other than text, and some that look like it.
TRICKY = ["yes", "no", "on", "true", "True", "~", "null", "=", "0o17", "0x1F", "1e3", "1.5e3", ".inf", "-.nan", "2024-01-05", "2024-13-01", "12:30", "007", "+1", "-0", "1_000", "a: b", "- x", "#x", "x #y"]
scalars = st.one_of(
    st.sampled_from(TRICKY),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)),
    max_leaves=25,
)


def dumped(value: object, flow: bool | None) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = flow
    buffer = io.StringIO()
    yaml.dump(value, buffer)
    return buffer.getvalue()


def reference(text: str) -> object:
    return YAML(typ="safe", pure=False).load(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents, st.sampled_from([None, False, True]))
def test_the_data_read_is_what_ruamel_yaml_builds(tmp_path, value, flow):
    text = dumped({"doc": value}, flow)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        expected = reference(text)
    except Exception:  # noqa: BLE001 - the pure emitter wrote what the C parser refuses
        assert load_plan(path).problems
        return
    assert load_plan(path).data == expected


def test_yaml_a_plan_does_not_need_is_still_read_as_ruamel_yaml_reads_it(tmp_path):
    # An anchor and alias, an explicit tag, a merge key: the composing path builds them.
    text = "base: &b {x: 1, y: [1, 2]}\nother: *b\ntagged: !!str 12\nmerged: {<<: *b, z: 3}\n"
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_plan(path).data == reference(text)


def test_two_documents_and_a_duplicate_key_are_still_positioned_problems(tmp_path):
    for text, code, line in (("year: 2024\n---\nyear: 2025\n", "yaml.syntax", 2), ("year: 2024\nplan: {}\nyear: 2025\n", "yaml.duplicate_key", 3)):
        path = tmp_path / "p.yaml"
        path.write_text(text, encoding="utf-8")
        problems = load_plan(path).problems
        assert [(p.code, p.line) for p in problems] == [(code, line)], text


def test_a_broken_plan_reports_the_same_places_as_before(tmp_path, runner):
    # The bundled plan with a wrong type two levels down: the problem is placed by the nodes
    # composed again for it, on the line where the value stands.
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count("  max: 3\n") >= 1
    broken = text.replace("  max: 3\n", "  max: [3]\n", 1)
    line = broken[: broken.index("  max: [3]\n")].count("\n") + 1
    path = tmp_path / "p.yaml"
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"p.yaml:{line}:" in result.output + (result.stderr or "")


def test_the_bundled_plan_and_the_fixtures_read_the_same_data_as_ruamel_yaml(tmp_path):
    for path in [BUNDLED, *sorted(FIXTURES.glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        try:
            expected = reference(text)
        except Exception:  # noqa: BLE001 - a fixture that is not YAML at all
            continue
        loaded = load_plan(path)
        if loaded.data is not None:
            assert loaded.data == expected, path
