"""What `par history` reuses across versions (par_cli/scoring/reuse.py) gives exactly what the
reference gives, on random scripted histories of the bundled plan (tests/history_script.py):

- in memory, version by version through one `Reuse`, against reading each text alone and
  scoring it with `score_plan` on its commit day and on other days (the days next to the
  plan's deadlines among them): the same validity, problems, plan, records, and every node's
  score;
- through git and the CLI: `par history --format json` of a repository holding the history,
  against `par score --as-of DAY --format json` (or its problems) of each version's file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from par_cli.cli import app
from par_cli.plan.text import FORBIDDEN
from par_cli.plan.tree import walk
from par_cli.reading import reader
from par_cli.reading.reader import load_plan_bytes
from par_cli.scoring.history import records_of
from par_cli.scoring.reuse import Reuse, compared_dates
from par_cli.scoring.scorer import NodeScore, PlanScore, score_plan
from tests.history_repo import AN, BINH, assert_same_figures, git
from tests.history_script import BASE, EDGES, Version, days, histories

SKIPPED = {"detail", "children", "criterion"}  # detail names the day it was worked out on; children are compared as nodes


def node_fields(node: NodeScore) -> tuple[object, ...]:
    return tuple((item.name, getattr(node, item.name)) for item in dataclasses.fields(node) if item.name not in SKIPPED)


def scored(result: PlanScore) -> list[object]:
    return [result.total, result.adjusted, *(node_fields(node) for node in result.nodes())]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), st.lists(st.one_of(days, st.sampled_from(EDGES)), max_size=3))
def test_reuse_reads_and_scores_as_the_reference(history: list[tuple[dt.date, Version]], other_days: list[dt.date]) -> None:
    reuse = Reuse()
    for day, version in history:
        data = version.text().encode("utf-8")
        ours = load_plan_bytes(data, "plan.yaml", validate=reuse.validate)
        reference = load_plan_bytes(data, "plan.yaml")
        assert ours.ok == reference.ok
        assert [(p.line, p.column, p.code, p.params) for p in ours.problems] == [(p.line, p.column, p.code, p.params) for p in reference.problems]
        if not reference.ok:
            continue
        assert ours.plan == reference.plan
        assert records_of(ours.plan, reuse) == records_of(reference.plan)
        for when in [day, *other_days, *EDGES]:  # the days next to those the plan compares with, every time
            mine = score_plan(ours.plan, today=when, as_of=when, leaf=reuse.score_leaf)
            assert scored(mine) == scored(score_plan(reference.plan, today=when, as_of=when)), when


def test_a_score_is_reused_only_between_dates_the_criterion_holds() -> None:
    """3.4.1 with a reading of 10/03: the leaf's score as of 09/03 (nothing read yet) and as
    of 10/03 (read: 95 % of 2 points, provisional) differ, and are each the reference's; the
    days between two dates the criterion holds share one score object."""
    text = Version((("3.4.1", "measurements: {date: 2024-03-10, on_time_pct: 95}"),)).text()
    reuse = Reuse()
    plan = load_plan_bytes(text.encode("utf-8"), "plan.yaml", validate=reuse.validate).plan
    criterion = next(node.criterion for node in walk(plan) if node.criterion.id == "3.4.1")
    # The dates: the reading's day, and the day after the year's end (a reading is final then).
    assert compared_dates(criterion, 2024) == [dt.date(2024, 3, 10), dt.date(2025, 1, 1)]
    before = reuse.score_leaf(plan, criterion, dt.date(2024, 3, 9), 3)
    assert before is reuse.score_leaf(plan, criterion, dt.date(2024, 1, 1), 3)
    read = reuse.score_leaf(plan, criterion, dt.date(2024, 3, 10), 3)
    assert read is reuse.score_leaf(plan, criterion, dt.date(2024, 12, 31), 3)
    # 95 % × 2 points = 1.9, provisional until the year closes; final from 01/01/2025.
    assert (read.projected, read.provisional) == (1.9, True)
    final = reuse.score_leaf(plan, criterion, dt.date(2025, 1, 1), 3)
    assert (final.projected, final.provisional, final.floor, final.ceiling) == (1.9, False, 1.9, 1.9)
    assert before.projected != read.projected


def _write_repo(repo: Path, history: list[tuple[dt.date, Version]]) -> Path:
    git(repo, "init", "-q", "-b", "main")
    plan = repo / "plans" / "2024.yaml"
    plan.parent.mkdir()
    for index, (day, version) in enumerate(history):
        plan.write_text(version.text(), encoding="utf-8")
        git(repo, "add", "-A")
        # Several commits on one day, two authors; 20:00 UTC is the next day in Hà Nội.
        when = f"{day.isoformat()}T{8 + index % 10:02d}:00:00+07:00" if index % 3 else f"{(day - dt.timedelta(days=1)).isoformat()}T20:00:00+00:00"
        git(repo, "commit", "-q", "--allow-empty", "-m", f"bước {index}", who=(AN, BINH)[index % 2], when=when)
    return plan


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(max_versions=7))
def test_par_history_is_par_score_as_of_each_version(history: list[tuple[dt.date, Version]]) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        repo.mkdir()
        plan = _write_repo(repo, history)
        result = runner.invoke(app, ["history", str(plan), "--format", "json"])
        assert result.exit_code == 0, result.output
        versions = json.loads(result.stdout)["versions"]
        texts = {version.text() for _, version in history}
        assert len({version["blob"] for version in versions}) == len(texts)
        previous: dict[str, float | None] | None = None
        for version in versions:
            old = Path(folder) / f"{version['commit']}.yaml"
            old.write_text(git(repo, "show", f"{version['commit']}:plans/2024.yaml"), encoding="utf-8")
            scored = runner.invoke(app, ["score", str(old), "--as-of", version["day"], "--format", "json"])
            expected = json.loads(scored.stdout)
            assert version["valid"] == (scored.exit_code == 0), (version["day"], scored.output)
            if not version["valid"]:
                assert version["problems"] == len(expected["problems"])
                assert version["total"] is None and version["moved"] == []
                continue
            assert_same_figures(version, expected)
            # What moved: the leaves whose expected points differ from the last valid version's.
            leaves = {node["id"]: node["projected"] for node in expected["criteria"] if node["level"] != "domain" and not any(other.get("parent") == node["id"] for other in expected["criteria"])}
            if previous is not None:
                assert {move["id"] for move in version["moved"]} == {node_id for node_id in leaves if leaves[node_id] != previous.get(node_id)}
            previous = leaves


def test_scripted_plans_are_the_bundled_plan_with_progress() -> None:
    """The script's texts are valid plans when nothing is broken: 3.4.1's block sits under it."""
    text = Version((("3.4.1", "measurements: {date: 2024-03-10, on_time_pct: 95}"), ("1.2", "done: {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-10}"))).text()
    loaded = load_plan_bytes(text.encode("utf-8"), "plan.yaml")
    assert loaded.ok, loaded.problems
    assert text.count("progress:") == 2 and len(text) > len(BASE)
    assert EDGES[0] == dt.date(2024, 1, 4)


# --- the reader's guards over many versions (par_cli/reading/reader.py) ----------------------

_GUARD_PIECES = st.sampled_from(["[", "]", "{", "}", '"', "'", "#", "\\", "\n", " ", "a", ":", ",", "- ", "ộ", "\r"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_GUARD_PIECES, max_size=200), min_size=1, max_size=6), st.data())
def test_the_flow_guard_answers_as_flow_too_deep_version_by_version(texts: list[list[str]], data: st.DataObject) -> None:
    """One `FlowGuard` over a run of texts, each the one before with a few pieces inserted or
    removed (or a new one), gives each text `flow_too_deep`'s own answer (limit 20, so the
    bound, the exact scan and the kept lines all come into play)."""
    guard = reader.FlowGuard()
    text = "".join(texts[0])
    for pieces in texts:
        if data.draw(st.booleans()):
            at = data.draw(st.integers(0, len(text)))
            cut = data.draw(st.integers(0, 3))
            text = text[:at] + "".join(pieces[:8]) + text[at + cut :]
        else:
            text = "".join(pieces)
        assert guard(text, 20) == reader.flow_too_deep(text, 20), text


# Characters `forbidden_text` looks for (a backslash, an escape, a carriage return, a bidi
# override) and others, typed one at a time into the bundled plan, so a version holds some
# and the next may take them away again.
TYPED = st.sampled_from(["\\", "\x1b", "\r", "\u202e", "\x85", "a", "ế", "\n", '"', " "])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.tuples(st.integers(0, len(BASE)), st.integers(0, 3), TYPED), min_size=1, max_size=3), min_size=1, max_size=6))
def test_a_guard_finds_forbidden_text_as_the_reference(edits: list[list[tuple[int, int, str]]]) -> None:
    """History's guard searches only what a version changed from the last one found without
    a forbidden character; its answer, and the loaded plan's problems, are the reference's,
    version by version: each version deletes up to 3 characters at a place and types one."""
    guard = reader.FlowGuard()
    reuse = Reuse()
    text = BASE
    for number, version in enumerate(edits):
        for place, deleted, typed in version:
            place = min(place, len(text))
            text = text[:place] + typed + text[place + deleted :]
        assert guard.may_hold_forbidden(text) == ("\\" in text or FORBIDDEN.search(text) is not None), number
        data = text.encode("utf-8")
        ours = load_plan_bytes(data, "plan.yaml", validate=reuse.validate, flow=guard)
        reference = load_plan_bytes(data, "plan.yaml")
        assert [(p.line, p.column, p.code, p.params) for p in ours.problems] == [(p.line, p.column, p.code, p.params) for p in reference.problems], number


def test_the_flow_guard_on_the_bundled_plan_growing() -> None:
    """The bundled plan (more than 250 brackets: the bound runs) with 3.4.1's readings
    growing, and one version whose quote is left open (the exact scan runs)."""
    guard = reader.FlowGuard()
    readings: list[str] = []
    for day in range(1, 150):  # 146 brackets and one more a day: past 250 from the 105th
        readings.append(f"{{date: 2024-{day // 28 + 1:02d}-{day % 28 + 1:02d}, on_time_pct: {day % 100}}}")
        text = Version(tuple(("3.4.1", f"measurements: {reading}") for reading in readings)).text()
        assert guard(text) is None and reader.flow_too_deep(text) is None
    assert text.count("{") + text.count("[") > reader.MAX_FLOW_DEPTH
    # A quote left open on its line: the exact scan runs, and finds the brackets quoted.
    broken = text + '\nx: "open\n' + "[" * 300 + "\n"
    assert guard(broken) == reader.flow_too_deep(broken) == reader._flow_too_deep(broken, reader.MAX_FLOW_DEPTH) is None
    deep = text + "\nx: " + "[" * 300 + "\n"  # the 251st bracket, at column 254 of the last line
    assert guard(deep) == reader.flow_too_deep(deep) == (deep.count("\n"), 254)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["- ", "-\n", "-", "?", "\n", " ", "    ", "\t", "\r", "a", ":"]), max_size=300), st.integers(250, 420), st.booleans())
def test_fits_main_stack_is_never_wrong(parts: list[str], levels: int, as_bytes: bool) -> None:
    """`fits_main_stack(text, levels=L)` only when `nesting_bound(text) <= L` (then the
    function runs on the main thread, as `on_stack_for` would run it), for str and bytes;
    levels from the flow allowance (250) up, so both answers occur."""
    text: str | bytes = "".join(parts)
    if as_bytes:
        text = text.encode("utf-8")  # type: ignore[union-attr]
    if reader.fits_main_stack(text, levels=levels):
        assert reader.nesting_bound(text) <= levels


def test_fits_main_stack_on_the_bundled_plan_and_on_deep_blocks() -> None:
    assert reader.fits_main_stack(BASE) and reader.nesting_bound(BASE) <= reader._MAIN_THREAD_LEVELS
    deep = "- " * 9000 + "x\n"  # 9,000 block levels: a thread of its own
    assert not reader.fits_main_stack(deep) and reader.nesting_bound(deep) > reader._MAIN_THREAD_LEVELS
    indented = "a:\n" + " " * 9000 + "b: 1\n"
    assert not reader.fits_main_stack(indented) and reader.nesting_bound(indented) > reader._MAIN_THREAD_LEVELS

