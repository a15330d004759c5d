"""Who answers for what is asked of the plan once, not once a unit (issue 13, sizes): `par
units` read every criterion and every unit again for each unit and each criterion, so a plan of
5,000 units took 25 s and one of 10,000 units 161 s (now 2.9 s and 3.5 s). The answers are
those of the plain reading of the plan: the criteria a unit is named on, top-most only, through
the units it holds however deep; the runs of ids as a person scans them."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from par_cli.cli import app
from par_cli.plan.tree import walk
from par_cli.reading.reader import load_plan
from par_cli.scoring.responsibilities import CriterionPlaces, compact_ids
from tests.conftest import BUNDLED

PLAN = load_plan(BUNDLED, keep_data=False).plan
IDS = [node.criterion.id for node in walk(PLAN)]


def spelled_out(plan, covered: set[str]) -> str:  # noqa: ANN001 - a Plan
    """The runs read from the whole tree, every sibling looked at: what `compact_ids` says."""
    def whole(criterion) -> bool:  # noqa: ANN001
        return criterion.id in covered or (bool(criterion.children) and all(whole(child) for child in criterion.children))

    parts: list[str] = []

    def visit(criteria) -> None:  # noqa: ANN001
        run: list[str] = []
        for criterion in [*criteria, None]:
            if criterion is not None and whole(criterion):
                run.append(criterion.id)
                continue
            if run:
                parts.append(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}")
                run = []
            if criterion is not None:
                visit(criterion.children)

    for domain in plan.domains:
        visit(domain.criteria)
    return ", ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(IDS)))
def test_the_runs_of_ids_are_those_of_the_whole_tree(covered):
    assert compact_ids(CriterionPlaces(PLAN), covered) == spelled_out(PLAN, covered)


def test_runs_by_hand_on_the_bundled_plan():
    places = CriterionPlaces(PLAN)
    # 2.2 holds 2.2.1–2.2.3: all three covered is 2.2 itself; two of them, a run of two.
    assert compact_ids(places, {"2.2.1", "2.2.2", "2.2.3"}) == "2.2"
    assert compact_ids(places, {"2.2.1", "2.2.2"}) == "2.2.1–2.2.2"
    assert compact_ids(places, {"1.1", "1.2", "1.4"}) == "1.1–1.2, 1.4"
    assert compact_ids(places, set()) == ""


def test_a_chain_of_units_each_part_of_the_one_before(tmp_path, runner):
    # 2,000 units, each part of the one before; the last leads criterion 1.1, the first
    # supports 1.2. Every unit holds the last, so each leads 1.1; only the first supports 1.2.
    count = 2000
    units = "".join(f'- {{id: u{n}, name: "Đơn vị {n}"' + (f", part_of: u{n - 1}" if n > 1 else "") + "}\n" for n in range(1, count + 1))
    plan = tmp_path / "2024.yaml"
    plan.write_text(
        'plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}\nissuer: "Sở"\ntitle: "Thử"\nyear: 2024\nindex_max: 3\nunits:\n' + units
        + 'domains:\n- id: "1"\n  title: "Một"\n  criteria:\n'
        + f'  - {{id: "1.1", title: "Một một", max: 2, lead: u{count}}}\n'
        + '  - {id: "1.2", title: "Một hai", max: 1, lead: u7, support: u1}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["units", str(plan), "--format", "json", "--today", "2024-06-01"])
    assert result.exit_code == 0, result.output[:1000]
    rows = {row["id"]: row for row in json.loads(result.output)["units"]}
    assert len(rows) == count
    first, seventh, eighth, last = rows["u1"], rows["u7"], rows["u8"], rows[f"u{count}"]
    assert first["leads"] == ["1.1", "1.2"] and first["supports"] == ["1.2"]
    assert seventh["leads"] == ["1.1", "1.2"] and seventh["supports"] == []
    assert eighth["leads"] == ["1.1"] and last["leads"] == ["1.1"]
    assert first["members"] == [f"u{n}" for n in range(2, count + 1)]
    assert last["members"] == []
    assert (first["lead_max"], eighth["lead_max"]) == (3, 2)
