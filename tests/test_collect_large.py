"""`par collect` of a large filled workbook: every value typed in is recorded, and only those.

A plan of 1,000 criteria in the bundled plan's style (benchmarks/synth.py); the inspectorate's
workbook filled as a person would fill it: a score on every other criterion it leads, a note on
every fourth, a document on every third. Many criteria take two entries (a score and a
document), so the splice edits one criterion more than once and hundreds of criteria in one
write."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl

from par_cli.cli import app
from par_cli.plan.tree import walk
from par_cli.reading.reader import load_plan
from par_cli.reading.workbook import LETTER
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402 - lives beside the benchmark, not in the package


def test_a_large_collect_records_exactly_the_values_filled(runner, tmp_path: Path) -> None:
    plan = synth.write_plan(tmp_path / "2024.yaml", 1000)
    workbook = tmp_path / "thanh-tra.xlsx"
    made = runner.invoke(app, ["workbook", "--unit", "thanh-tra", "--output", str(workbook), "--plan", str(plan)])
    assert made.exit_code == 0, made.output
    before = {node.criterion.id: node.criterion.progress for node in walk(load_plan(plan).plan)}

    book = openpyxl.load_workbook(workbook)
    scores: dict[str, tuple[float, str | None]] = {}
    documents: dict[str, str] = {}
    seen = 0
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible" or sheet.protection.sheet is False:
            continue
        for number in range(2, sheet.max_row + 1):
            key = str(sheet[f"A{number}"].value or "")
            kind, _, rest = key.partition("#")[2].partition("|")
            if kind != "criterion" or sheet[f"{LETTER['value']}{number}"].protection.locked:
                continue
            criterion_id, maximum = rest, sheet[f"{LETTER['max']}{number}"].value
            seen += 1
            # A criterion already self-assessed is left unscored: a score equal to the one
            # standing would be skipped as already recorded.
            held = before[criterion_id]
            if seen % 2 == 0 and held.self_assessed is None and not any(stage.stage == "self_assessment" for stage in held.stages):
                note = f"Tự chấm {seen}" if seen % 4 == 0 else None
                sheet[f"{LETTER['value']}{number}"] = maximum / 2
                if note:
                    sheet[f"{LETTER['note']}{number}"] = note
                scores[criterion_id] = (maximum / 2, note)
            if seen % 3 == 0:
                sheet[f"{LETTER['number']}{number}"] = f"{seen}/BC-TTr"
                documents[criterion_id] = f"{seen}/BC-TTr"
    book.save(workbook)
    assert len(scores) > 100 and len(documents) > 100 and len(set(scores) & set(documents)) > 30

    result = runner.invoke(app, ["collect", str(workbook), "--date", "2024-03-15", "--plan", str(plan)])
    assert result.exit_code == 0, result.output
    assert f"đã ghi {len(scores) + len(documents)} giá trị" in result.output

    after = {node.criterion.id: node.criterion.progress for node in walk(load_plan(plan).plan)}
    assert after.keys() == before.keys()
    for criterion_id, progress in after.items():
        old = before[criterion_id]
        added_stages = progress.stages[len(old.stages) :]
        added_evidence = progress.evidence[len(old.evidence) :]
        assert progress.stages[: len(old.stages)] == old.stages and progress.evidence[: len(old.evidence)] == old.evidence
        assert (progress.measurements, progress.done, progress.explanations) == (old.measurements, old.done, old.explanations)
        expected_stage = [("self_assessment", dt.date(2024, 3, 15), *scores[criterion_id])] if criterion_id in scores else []
        assert [(s.stage, s.date, s.points, s.note) for s in added_stages] == expected_stage, criterion_id
        expected_document = [(dt.date(2024, 3, 15), documents[criterion_id])] if criterion_id in documents else []
        assert [(e.date, e.number) for e in added_evidence] == expected_document, criterion_id
