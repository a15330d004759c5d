"""Problems are placed from the parser's events, composing only what a finding may name
(issue 13 item 15): on a plan of 10,000 criteria with one wrong total, composing every node to
place one problem took 283 MB, three times a valid plan's reading. Wherever a finding points,
and whatever parts of its place are not in the document (a union member's name, a missing
key), the place is the one the whole composed document gives."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.cli import app
from par_cli.plan.problems import Finding
from par_cli.reading.reader import compose_nodes, locate, locate_by_events
from tests.conftest import BUNDLED, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402 - lives beside the benchmark, not in the package

TEXT = BUNDLED.read_text(encoding="utf-8")
ROOT_NODE = compose_nodes(TEXT)
# Parts of pydantic's places that are not keys of a plan: union members and tags.
NOT_IN_THE_DOCUMENT = ["tiers", "deadline", "all_of", "per_item", "Recurrence", "date", "float", "literal['unknown']", "nowhere", 7, 10_000]


def _parts(node) -> list:  # noqa: ANN001 - a composed node
    kind = type(node).__name__
    if kind == "MappingNode":
        return [(key.value, value) for key, value in node.value]
    if kind == "SequenceNode":
        return list(enumerate(node.value))
    return []


@st.composite
def places(draw) -> tuple:  # noqa: ANN001 - hypothesis's draw
    """A place in the bundled plan: a walk from the root, with parts the document lacks put
    in anywhere, as pydantic's and the checks' places have them."""
    node, place = ROOT_NODE, []
    for _ in range(draw(st.integers(0, 9))):
        parts = _parts(node)
        if draw(st.integers(0, 5)) == 0 or not parts:
            place.append(draw(st.sampled_from(NOT_IN_THE_DOCUMENT)))
            continue
        part, node = draw(st.sampled_from(parts))
        place.append(part)
    return tuple(place)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(places(), st.booleans()), min_size=1, max_size=6))
def test_a_finding_anywhere_is_placed_as_the_composed_document_places_it(tmp_path_factory, wanted):
    findings = [Finding(place, "check.total", key=key) for place, key in wanted]
    path = Path("plans/2024.yaml")
    expected = locate(path, ROOT_NODE, findings)
    assert locate_by_events(path, TEXT, findings) == expected
    assert locate_by_events(path, TEXT.encode("utf-8"), findings) == expected


def test_a_document_with_an_anchor_or_an_alias_is_left_to_the_composer():
    findings = [Finding(("units", 0, "name"), "check.total")]
    assert locate_by_events(Path("p.yaml"), "units: &u [{id: a, name: b}]\nother: *u\n", findings) is None
    assert locate_by_events(Path("p.yaml"), "units: [{id: a, name: b}]\n", findings) is not None


def test_a_large_invalid_plan_is_placed_as_before(tmp_path, runner):
    # 2,000 criteria in the bundled plan's style, with a wrong total and a wrong point deep in
    # a criterion: the same lines, read the plain way (placed from the events) and with an
    # anchor (the reference reader, which composes the document).
    plan = synth.write_plan(tmp_path / "2024.yaml", 2000)
    text = plan.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    (total,) = [number for number, line in enumerate(lines) if line.startswith("index_max: ")]
    lines[total] = "index_max: 1\n"
    plain = "".join(lines)
    assert plain.count("units:\n") == 1
    anchored = plain.replace("units:\n", "units: &units\n")
    outputs = []
    for variant in (plain, anchored):
        plan.write_text(variant, encoding="utf-8")
        result = runner.invoke(app, ["validate", str(plan), "--lang", "en"])
        assert result.exit_code == 1
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    assert f"{plan}:{total + 1}:12: " in outputs[0]
