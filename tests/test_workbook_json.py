"""`par collect --format json`: what a run recorded from the workbooks `par workbook` made,
filled with openpyxl as a head of unit fills them in Excel, read back as JSON, with the
expected entries and cells worked out by hand from what was typed where."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import openpyxl

from tests.edit_support import ROOT, par_executable, subprocess_env
from tests.test_workbook import LEAD, Filler, collect, fill_good, make


def as_json(runner, plan: Path, *files: Path, date: str = "2024-03-15", extra: tuple[str, ...] = ()):
    result = collect(runner, plan, *files, date=date, extra=("--format", "json", *extra))
    assert result.stderr == "", result.stderr  # the whole account is the JSON on stdout
    return result, json.loads(result.stdout)


def cell(name: str, ref: str) -> dict[str, str]:
    sheet, _, at = ref.rpartition("!")
    return {"ref": f"{name}!{ref}", "sheet": sheet, "cell": at}


def typed(path: Path) -> dict[str, str]:
    """The workbook of `fill_good`, and where each of its values was typed: the row of each
    key, the column of each value (I value, J date, H done, K…P evidence, Q note)."""
    filler = Filler(path)
    rows = {
        "1.2": filler.row(LEAD, "occurrence|1.2|bao-cao-quy|2024-03-12"),
        "1.3 plan": filler.row(LEAD, "measure|1.3|plan_issued"),
        "1.3 pct": filler.row(LEAD, "measure|1.3|contest_participation_pct"),
        "1.4": filler.row(LEAD, "criterion|1.4"),
        "1.4 initiatives": filler.row(LEAD, "measure|1.4|initiatives"),
    }
    fill_good(path)
    return {key: f"{LEAD}!{{}}{row}" for key, row in rows.items()}


def test_every_entry_recorded_with_the_cells_it_came_from(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    at = typed(workbook)
    name = workbook.name

    def cells(key: str, *columns: str) -> list[dict[str, str]]:
        return [cell(name, at[key].format(column)) for column in columns]

    result, payload = as_json(runner, plan_copy, workbook)

    assert result.exit_code == 0
    assert (payload["plan"], payload["dry_run"], payload["written"]) == (str(plan_copy), False, True)
    [book] = payload["workbooks"]
    assert {key: book[key] for key in ("path", "unit", "status", "older_version", "written", "skipped", "refused", "problems")} == {
        "path": str(workbook),
        "unit": "van-phong",
        "status": "recorded",
        "older_version": False,
        "written": True,
        "skipped": [],
        "refused": [],
        "problems": [],
    }
    # Row by row as the sheet runs, each reading of measures after them: 1.2's occurrence
    # (its "Có" and its date, then the evidence typed beside it: date, then K to P), 1.4's
    # score and note; then 1.3's two readings, undated so both on --date, one entry; 1.4's
    # reading on the date typed beside it.
    assert book["recorded"] == [
        {
            "criterion": "1.2",
            "kind": "completion",
            "values": {"deadline": "bao-cao-quy", "occurrence": "2024-03-12", "last_day": "2024-03-11", "date": "2024-03-08", "on_time": True, "evidence": None},
            "cells": cells("1.2", "H", "J"),
        },
        {
            "criterion": "1.2",
            "kind": "evidence",
            "values": {
                "date": "2024-03-08",
                "number": "25/BC-SGTVT",
                "issued": "2024-03-08",
                "issuer": "Sở Giao thông vận tải",
                "summary": "Báo cáo công tác CCHC quý I năm 2024",
                "section": "Mục II",
                "page": "3-4",
                "deadline": "bao-cao-quy",
                "occurrence": "2024-03-12",
            },
            "cells": cells("1.2", "J", "K", "L", "M", "N", "O", "P"),
        },
        {
            "criterion": "1.4",
            "kind": "stage",
            "values": {"stage": "self_assessment", "date": "2024-03-15", "points": 1.5, "note": "Chờ công nhận sáng kiến thứ hai"},
            "cells": cells("1.4", "I", "Q"),
        },
        {
            "criterion": "1.3",
            "kind": "measurement",
            "values": {"date": "2024-03-15", "values": {"plan_issued": True, "contest_participation_pct": 96.5}, "evidence": None},
            "cells": cells("1.3 plan", "I") + cells("1.3 pct", "I"),
        },
        {
            "criterion": "1.4",
            "kind": "measurement",
            "values": {"date": "2024-03-10", "values": {"initiatives": 2}, "evidence": None},
            "cells": cells("1.4 initiatives", "I", "J"),
        },
    ]
    # The diff is the plan's change, as `par set --format json` gives it.
    assert book["diff"].startswith(f"--- a/{str(plan_copy).lstrip('/')}\n")
    assert "+            - {date: 2024-03-10, initiatives: 2}\n" in book["diff"]
    assert "+            - {deadline: bao-cao-quy, occurrence: 2024-03-12, date: 2024-03-08}\n" in book["diff"]

    # Collected again: nothing new, each value skipped as already there, from its cells.
    again, second = as_json(runner, plan_copy, workbook, date="2024-04-01")
    assert again.exit_code == 0
    [book] = second["workbooks"]
    assert (second["written"], book["status"], book["written"], book["recorded"], book["diff"]) == (False, "nothing_new", False, [], "")
    assert book["skipped"] == [
        {"criterion": "1.2", "kind": "completion", "reason": "already_recorded", "cells": cells("1.2", "H", "J")},
        {"criterion": "1.2", "kind": "evidence", "reason": "already_recorded", "cells": cells("1.2", "J", "K", "L", "M", "N", "O", "P")},
        {"criterion": "1.3", "kind": "measurement", "reason": "already_recorded", "cells": cells("1.3 plan", "I")},
        {"criterion": "1.3", "kind": "measurement", "reason": "already_recorded", "cells": cells("1.3 pct", "I")},
        {"criterion": "1.4", "kind": "stage", "reason": "already_recorded", "cells": cells("1.4", "I", "Q")},
        {"criterion": "1.4", "kind": "measurement", "reason": "already_recorded", "cells": cells("1.4 initiatives", "I", "J")},
    ]


def test_refused_cells_are_problem_objects_and_nothing_is_written(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    filler = Filler(workbook)
    pct = filler.put(LEAD, "measure|1.3|contest_participation_pct", "value", 140)
    locked = filler.put(LEAD, "criterion|1.4", "max", 3)  # column E, sheet protection bypassed
    filler.save()
    before = plan_copy.read_bytes()
    pct_row, locked_row = int(pct.rsplit("I", 1)[1]), int(locked.rsplit("E", 1)[1])

    books = {}
    for lang in ("vi", "en"):
        result, payload = as_json(runner, plan_copy, workbook, extra=("--lang", lang))
        assert result.exit_code == 1
        assert (payload["written"], plan_copy.read_bytes() == before) == (False, True)
        [books[lang]] = payload["workbooks"]
    book = books["en"]
    assert (book["status"], book["written"], book["recorded"], book["skipped"], book["problems"], book["diff"]) == ("refused", False, [], [], [], "")
    # The locked cell first (it belongs to no entry), then the value refused, each at its
    # row and column (E = 5, I = 9) in the workbook.
    assert book["refused"] == [
        {
            "criterion": None,
            "cells": [cell(workbook.name, locked)],
            "problem": {"path": str(workbook), "line": locked_row, "column": 5, "criterion_id": None, "code": "collect.locked_changed", "severity": "error", "message": "a locked cell was changed: '2' when made, now '3'"},
        },
        {
            "criterion": "1.3",
            "cells": [cell(workbook.name, pct)],
            "problem": {"path": str(workbook), "line": pct_row, "column": 9, "criterion_id": "1.3", "code": "check.percent_range", "severity": "error", "message": "criterion 1.3: percentage 140 is outside 0–100 %"},
        },
    ]
    # Only a problem's message follows --lang.
    vietnamese = books["vi"]["refused"]
    assert [entry["problem"].pop("message") for entry in vietnamese] == ["ô bị khóa đã bị sửa: lúc lập là '2', nay là '3'", "tiêu chí 1.3: tỷ lệ 140 nằm ngoài 0–100 %"]
    for entry in book["refused"]:
        entry["problem"].pop("message")
    assert books["vi"] == book


def test_a_dry_run_leaves_the_plan_byte_identical_and_gives_the_diff(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    before = plan_copy.read_bytes()

    result, payload = as_json(runner, plan_copy, workbook, extra=("--dry-run",))

    assert result.exit_code == 0
    assert plan_copy.read_bytes() == before
    [book] = payload["workbooks"]
    assert (payload["dry_run"], payload["written"], book["status"], book["written"], len(book["recorded"])) == (True, False, "recorded", False, 5)
    # The very diff the table output's --dry-run prints.
    shown = collect(runner, plan_copy, workbook, extra=("--dry-run",))
    assert shown.exit_code == 0 and book["diff"] == shown.stdout
    # 1.2: progress, done and its entry, evidence and its entry; 1.3: progress, measurements,
    # the entry; 1.4: progress, measurements, the entry, stages, the entry.
    assert len([line for line in book["diff"].splitlines() if line.startswith("+") and not line.startswith("+++")]) == 13
    assert plan_copy.read_bytes() == before


def test_rows_no_longer_matching_and_workbooks_not_collected(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    filler = Filler(workbook)
    kept = filler.put(LEAD, "measure|7.3|e_documents_pct", "value", 80)
    stale = filler.put(LEAD, "measure|7.2|full_process_pct", "value", 75)
    filler.save()
    plan_copy.write_text(plan_copy.read_text(encoding="utf-8").replace("full_process_pct", "end_to_end_pct"), encoding="utf-8")
    other = tmp_path / "khac.xlsx"
    openpyxl.Workbook().save(other)

    result, payload = as_json(runner, plan_copy, workbook, other, tmp_path / "thieu.xlsx")

    assert result.exit_code == 1  # two of the three not collected
    good, foreign, missing = payload["workbooks"]
    assert (good["status"], good["older_version"], good["written"], payload["written"]) == ("recorded", True, True, True)
    assert [(e["criterion"], e["kind"], e["values"]["values"], e["cells"]) for e in good["recorded"]] == [("7.3", "measurement", {"e_documents_pct": 80}, [cell(workbook.name, kept)])]
    assert good["skipped"] == [{"criterion": "7.2", "kind": None, "reason": "no_longer_matches", "cells": [cell(workbook.name, stale)]}]
    for book, code in ((foreign, "collect.not_ours"), (missing, "file.not_found")):
        assert (book["status"], book["unit"], book["older_version"], book["written"], book["recorded"], book["diff"]) == ("not_collected", None, None, False, [], "")
        [problem] = book["problems"]
        assert (problem["path"], problem["line"], problem["column"], problem["code"], problem["severity"]) == (str(book["path"]), 1, 1, code, "error")
    assert foreign["problems"][0]["message"] == "không phải sổ do `par workbook` lập (thiếu trang ẩn _par)"


def good_and_refused(runner, plan: Path, tmp_path: Path) -> tuple[Path, Path, str]:
    """Two workbooks of the plan's Văn phòng: vp.xlsx filled with good values, sai.xlsx with
    one refused (1.3's percentage, 140), and the refused cell's reference."""
    good, bad = tmp_path / "vp.xlsx", tmp_path / "sai.xlsx"
    make(runner, plan, good)
    make(runner, plan, bad)
    fill_good(good)
    filler = Filler(bad)
    pct = filler.put(LEAD, "measure|1.3|contest_participation_pct", "value", 140)
    filler.save()
    return good, bad, pct


def test_the_table_output_is_unchanged(runner, plan_copy, tmp_path):
    # Worked out from the messages before --format existed: the same lines, on the same
    # streams, with and without --format text.
    good, bad, pct = good_and_refused(runner, plan_copy, tmp_path)
    for extra in ((), ("--format", "text")):
        refused = collect(runner, plan_copy, bad, extra=extra)
        assert refused.exit_code == 1
        assert refused.stdout == f"sai.xlsx!{pct}: tỷ lệ 140 nằm ngoài 0–100 %\n"
        assert refused.stderr == f"{bad}: 1 ô bị từ chối; không ghi gì từ sổ này, kế hoạch không thay đổi\n"
    done = collect(runner, plan_copy, good)
    assert (done.exit_code, done.stdout) == (0, "")
    assert done.stderr == f"{good}: đã ghi 6 giá trị vào {plan_copy} (0 giá trị đã có từ trước)\n"
    again = collect(runner, plan_copy, good, extra=("--format", "text"))
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == f"{good}: không có gì mới để ghi (6 giá trị đã có từ trước)\n"


def test_json_through_the_installed_script(plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    env = subprocess_env()
    made = subprocess.run([par_executable(), "workbook", "--unit", "van-phong", "-o", str(workbook), "--plan", str(plan_copy)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    filler = Filler(workbook)
    ref = filler.put(LEAD, "measure|1.4|initiatives", "value", 3)
    date = filler.put(LEAD, "measure|1.4|initiatives", "date", dt.datetime(2024, 2, 20))
    filler.save()
    before = plan_copy.read_bytes()
    command = [par_executable(), "collect", str(plan_copy), str(workbook), "--date", "2024-03-15", "--format", "json", "--lang", "en"]
    dry = subprocess.run([*command, "--dry-run"], capture_output=True, text=True, env=env)
    assert (dry.returncode, dry.stderr, plan_copy.read_bytes() == before) == (0, "", True)
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert (done.returncode, done.stderr) == (0, "")
    payload = json.loads(done.stdout)
    [book] = payload["workbooks"]
    assert book["recorded"] == [
        {"criterion": "1.4", "kind": "measurement", "values": {"date": "2024-02-20", "values": {"initiatives": 3}, "evidence": None}, "cells": [cell(workbook.name, ref), cell(workbook.name, date)]}
    ]
    assert payload["written"] is True and book["diff"] == json.loads(dry.stdout)["workbooks"][0]["diff"]
    assert "\n            - {date: 2024-02-20, initiatives: 3}\n" in plan_copy.read_text(encoding="utf-8")


def keys(value: object, found: set[str]) -> set[str]:
    """Every key of a payload, leaving out those documented elsewhere: a problem's (README,
    "any, plan invalid") and a recorded entry's values (those of `par set`)."""
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            if key not in ("problem", "problems", "values"):
                keys(item, found)
    elif isinstance(value, list):
        for item in value:
            keys(item, found)
    return found


def test_the_readme_lists_exactly_the_keys(runner, plan_copy, tmp_path):
    workbook, bad, _ = good_and_refused(runner, plan_copy, tmp_path)
    _, first = as_json(runner, plan_copy, workbook, bad)
    _, second = as_json(runner, plan_copy, workbook)
    seen = keys(second, keys(first, set()))
    [row] = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `collect` |")]
    listed = re.search(r"\| `collect` \| `([^`]*)`", row).group(1)
    assert set(re.findall(r'"([a-z_]+)"', listed)) == seen
