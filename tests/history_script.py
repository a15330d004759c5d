"""Random scripted histories of the bundled plan, as plan texts, for the property tests of
`par history`'s reuse (tests/test_history_reuse.py).

A history is a list of versions; each version is the bundled plan with a ``progress`` block
written under some criteria: readings, completions of single and quarterly deadlines, score
stages, evidence, the undated self-assessed value. Steps add, change, redate and remove
those lines, go back to an earlier version's exact text (a revert: the same blob on a later
day), or break the plan (a reading of a measure the criterion does not have, a yes/no
reading written 1, a percentage written ``true``), so invalid versions and their repair are
in the histories too. Values are written as integers, floats and booleans that are equal in
Python (``1``, ``1.0``, ``true``) and are not the same to the plan's strict model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

from tests.edit_support import BUNDLED

BASE = BUNDLED.read_text(encoding="utf-8")
# 7.3's percentage reads a period that closes on 30 June: a reading is final after it.
CLOSES_FROM = '          e_documents_pct: {kind: percent, label: "Tỷ lệ văn bản trao đổi trên môi trường mạng và được ký số"}\n'
CLOSES_TO = '          e_documents_pct: {kind: percent, label: "Tỷ lệ văn bản trao đổi trên môi trường mạng và được ký số", closes: 2024-06-30}\n'
assert BASE.count(CLOSES_FROM) == 1
BASE = BASE.replace(CLOSES_FROM, CLOSES_TO)

YEAR_START = dt.date(2024, 1, 1)
# Dates near the ones the plan compares a day with: the deadlines' last days (1.1: 04/01,
# 2.2.1: 14/01, 1.2: 11/03, 11/06, 11/09, 11/12), the day after them, 30 June, the year's end and the day after.
EDGES = [dt.date(2024, m, d) for m, d in ((1, 4), (1, 5), (1, 14), (1, 15), (3, 11), (3, 12), (6, 11), (6, 12), (6, 30), (7, 1), (9, 11), (12, 11), (12, 31))] + [dt.date(2025, 1, 1)]
days = st.one_of(st.sampled_from(EDGES), st.integers(0, 400).map(lambda n: YEAR_START + dt.timedelta(days=n)))

# What each criterion may record: a kind of line and the values it may hold.
PERCENT = ["0", "55", "70", "90", "90.5", "95", "95.0", "100"]
LINES = {
    "1.1": st.builds(lambda day, cited: f"done: {{deadline: ke-hoach, date: {day}}}" if not cited else f"done: {{deadline: ke-hoach, date: {day}, evidence: \"KH 1\"}}", days, st.booleans()),
    "1.2": st.builds(
        lambda day, occurrence: f"done: {{deadline: bao-cao-quy, occurrence: {occurrence}, date: {day}}}",
        days,
        st.sampled_from(["2024-03-12", "2024-06-12", "2024-09-12", "2024-12-12"]),
    ),
    "1.4": st.builds(lambda day, value: f"measurements: {{date: {day}, initiatives: {value}}}", days, st.sampled_from(["0", "1", "2", "2.0", "3"])),
    "1.5": st.one_of(
        st.builds(lambda day, stage, points: f"stages: {{stage: {stage}, date: {day}, points: {points}}}", days, st.sampled_from(["self_assessment", "appraisal_1", "explanation", "final"]), st.sampled_from(["0", "1", "1.5", "2"])),
        st.builds(lambda day: f"evidence: {{date: {day}, text: \"Báo cáo nhiệm vụ\"}}", days),
    ),
    "3.4.1": st.builds(lambda day, value, final: f"measurements: {{date: {day}, on_time_pct: {value}{', final: true' if final else ''}}}", days, st.sampled_from(PERCENT), st.booleans()),
    "3.4.2": st.builds(lambda day, value: f"measurements: {{date: {day}, apologies_sent: {value}}}", days, st.sampled_from(["true", "false"])),
    "7.3": st.builds(lambda day, value: f"measurements: {{date: {day}, e_documents_pct: {value}}}", days, st.sampled_from(PERCENT)),
}
BROKEN = {
    "3.4.1": "measurements: {date: 2024-02-01, on_time_pct: true}",  # a percentage written true
    "3.4.2": "measurements: {date: 2024-02-01, apologies_sent: 1}",  # yes/no written 1 (== True in Python)
    "7.3": "measurements: {date: 2024-02-01, no_such_measure: 5}",  # a measure 7.3 does not have
}


@dataclass(frozen=True)
class Version:
    lines: tuple[tuple[str, str], ...]  # (criterion id, "kind: {…}") in the order written
    self_assessed: str | None = None  # 1.5's undated self-assessed value, as written

    def text(self) -> str:
        return plan_text(self)


def plan_text(version: Version) -> str:
    text = BASE
    by_criterion: dict[str, list[str]] = {}
    for criterion, line in version.lines:
        by_criterion.setdefault(criterion, []).append(line)
    if version.self_assessed is not None:
        by_criterion.setdefault("1.5", [])
    for criterion, lines in by_criterion.items():
        text = _with_progress(text, criterion, lines, version.self_assessed if criterion == "1.5" else None)
    return text


def _with_progress(text: str, criterion: str, lines: list[str], self_assessed: str | None) -> str:
    """``text`` with a progress block for ``criterion`` after its baseline line."""
    head = text.index(f'- id: "{criterion}"\n')
    indent = text.index("title:", head) - text.rindex("\n", 0, text.index("title:", head)) - 1
    baseline = text.index("\n" + " " * indent + "baseline:", head) + 1
    after = text.index("\n", baseline) + 1
    pad = " " * indent
    block = [f"{pad}progress:\n"]
    if self_assessed is not None:
        block.append(f"{pad}  self_assessed: {self_assessed}\n")
    kinds: dict[str, list[str]] = {}
    for line in lines:
        kind, _, entry = line.partition(": ")
        kinds.setdefault(kind, []).append(entry)
    for kind, entries in kinds.items():
        block.append(f"{pad}  {kind}:\n")
        block += [f"{pad}    - {entry}\n" for entry in entries]
    return text[:after] + "".join(block) + text[after:]


@st.composite
def histories(draw: st.DrawFn, max_versions: int = 8) -> list[tuple[dt.date, Version]]:
    """A history: versions with their commit days (in order, several on one day at times)."""
    versions: list[Version] = [Version(())]
    day = draw(st.sampled_from([dt.date(2023, 12, 30), dt.date(2024, 1, 2), dt.date(2024, 1, 4)]))
    out = [(day, versions[0])]
    for _ in range(draw(st.integers(1, max_versions - 1))):
        current = versions[-1]
        action = draw(st.sampled_from(["add", "add", "add", "change", "remove", "revert", "break", "self_assessed"]))
        lines = list(current.lines)
        self_assessed = current.self_assessed
        if action == "add" or (action in ("change", "remove") and not lines):
            criterion = draw(st.sampled_from(sorted(LINES)))
            lines.append((criterion, draw(LINES[criterion])))
        elif action == "change":
            index = draw(st.integers(0, len(lines) - 1))
            criterion = lines[index][0]
            lines[index] = (criterion, draw(LINES[criterion]) if criterion in LINES else lines[index][1])
        elif action == "remove":
            lines.pop(draw(st.integers(0, len(lines) - 1)))
        elif action == "break":
            criterion = draw(st.sampled_from(sorted(BROKEN)))
            lines.append((criterion, BROKEN[criterion]))
        elif action == "self_assessed":
            self_assessed = draw(st.sampled_from([None, "1", "1.0", "1.5", "true"]))
        version = draw(st.sampled_from(versions)) if action == "revert" else Version(tuple(lines), self_assessed)
        versions.append(version)
        day = day + dt.timedelta(days=draw(st.sampled_from([0, 0, 1, 3, 10, 30, 60])))
        out.append((day, version))
    return out
