"""Issue 13 item 15: ``--format json`` is written while it is built (`render.json.chunks`),
never held whole; the text is the one `json.dumps` gives the whole payload."""

from __future__ import annotations

import datetime as dt
import io
import json
import math

from hypothesis import given
from hypothesis import strategies as st

from par_cli.reading.reader import load_plan
from par_cli.render.json import Lazy, chunks, dumps, gap_payload, score_payload, to_json, write_json
from par_cli.scoring.gap import gap_report
from par_cli.scoring.scorer import score_plan
from tests.conftest import ROOT

BUNDLED = ROOT / "plans" / "2024.yaml"
DAY = dt.date(2024, 6, 30)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
data = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4), max_leaves=30)


def whole(payload: object) -> str:
    return json.dumps(to_json(payload), ensure_ascii=False, indent=2) + "\n"


@given(data)
def test_any_json_data_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == whole(value)
    assert dumps({"a": value, "b": Lazy(lambda: [value, value])}) == whole({"a": value, "b": [value, value]})


def test_special_floats_and_empty_lazy_lists_as_json_dumps():
    value = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "none": Lazy(lambda: iter(())), "e": {}, "l": []}
    assert dumps(value) == whole(value)
    assert json.loads(dumps(value))["none"] == []


def test_score_and_gap_on_the_bundled_plan_are_json_dumps_of_the_whole_payload():
    plan = load_plan(BUNDLED, keep_data=False).plan
    result = score_plan(plan, today=DAY, as_of=DAY)
    for payload in (score_payload(BUNDLED, plan, result, 3), gap_payload(BUNDLED, plan, gap_report(plan, today=DAY, as_of=DAY))):
        stream = io.StringIO()
        write_json(payload, stream)
        text = stream.getvalue()
        assert text == whole(payload) == dumps(payload)
        assert len(list(chunks(payload))) > len(payload)  # in pieces, one a criterion
        loaded = json.loads(text)
        assert list(loaded) == list(payload)
        assert len(loaded["criteria"]) > 40
    assert list(loaded["criteria"][0]) == [
        "id", "title", "max", "baseline", "lost_baseline", "projected", "change", "gap", "winnable", "note",
        "assumed", "baseline_source", "baseline_assumed", "provisional", "lead", "lead_names",
    ]  # fmt: skip


def test_unit_names_are_looked_up_in_one_table_per_plan():
    from par_cli.render.json import unit_names

    plan = load_plan(BUNDLED).plan
    names = unit_names(plan)  # built once, asked for every row
    assert names(["van-phong", "cac-phong"]) == ["Văn phòng Sở", "Các phòng, đơn vị"]
    assert names(("khong-khai-bao",)) == ["khong-khai-bao"]  # an id the plan does not declare stays as written
    assert names([]) == []
