"""`par units`: who leads and supports what, the points each answers for, and its deadlines."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from par_cli.cli import app
from tests.conftest import BUNDLED
from tests.edit_support import par_executable
from tests.report_plans import PROGRESS, write

DAY = "2024-06-15"


def units_json(runner, path: Path, *options: str) -> dict:
    result = runner.invoke(app, ["units", "--plan", str(path), "--today", DAY, "--format", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def row(payload: dict, unit_id: str) -> dict:
    return next(item for item in payload["units"] if item["id"] == unit_id)


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    return write(tmp_path, PROGRESS)


def test_progress_plan_rows(runner, progress):
    payload = units_json(runner, progress)
    assert [item["id"] for item in payload["units"]] == ["vp", "tt", "pc", "cac-phong"]
    # vp leads 1.1 (2, recorded 2) and 1.2 (2, recorded 1); 1.1 was done on time.
    assert row(payload, "vp") == {
        "id": "vp", "name": "Văn phòng Sở", "kind": "unit", "part_of": None, "members": [],
        "leads": ["1.1", "1.2"], "supports": ["2.1"], "lead_max": 4, "lead_projected": 3,
        "open": 0, "overdue": 0, "next_due": None,
    }
    # tt leads 2.1 (3, appraised 2,5) and 2.4 (4, projection 3), and answers for pc's 2.2
    # (1, unknown: 0) and 2.3 (2, 2023: 1,5): 10 points, 7 expected; 2.2 overdue, 2.3 due 20/06.
    assert row(payload, "tt") == {
        "id": "tt", "name": "Thanh tra Sở", "kind": "unit", "part_of": None, "members": ["pc"],
        "leads": ["2.1", "2.2", "2.3", "2.4"], "supports": [], "lead_max": 10, "lead_projected": 7,
        "open": 1, "overdue": 1, "next_due": "2024-06-20",
    }
    assert (row(payload, "pc")["lead_max"], row(payload, "pc")["lead_projected"], row(payload, "pc")["part_of"]) == (3, 1.5, "tt")
    # "Các phòng, đơn vị" leads 1.3 on its own row and supports 1.1 and 2.3.
    collective = row(payload, "cac-phong")
    assert (collective["kind"], collective["leads"], collective["supports"], collective["lead_max"]) == ("all", ["1.3"], ["1.1", "2.3"], 2)
    # Every criterion once: vp 4 + tt 10 + cac-phong 2 = 16, the table's maxima (pc is within tt).
    assert (payload["lead_points_counted"], payload["table_points"]) == (16, 16)


def test_progress_plan_text(runner, progress):
    result = runner.invoke(app, ["units", "--plan", str(progress), "--today", DAY, "--format", "text"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Phân công theo đơn vị: 9/KH-THU (2024), ngày 15/06/2024"
    assert lines[3].split() == ["vp", "Văn", "phòng", "Sở", "1.1–1.2", "2.1", "4", "3", "0", "0", "—"]
    assert lines[4].split() == ["tt", "Thanh", "tra", "Sở", "2.1–2.4", "10", "7", "1", "1", "20/06/2024"]
    assert "“Các phòng, đơn vị”: tiêu chí giao chung cho mọi phòng, đơn vị; tính một lần ở dòng này, không cộng vào từng đơn vị." in lines
    assert "Thanh tra Sở gồm cả Cán bộ pháp chế: dòng Thanh tra Sở tính cả các tiêu chí của Cán bộ pháp chế." in lines
    assert "Điểm chủ trì cộng lại (đơn vị trực thuộc không tính hai lần): 16 trên 16 điểm của bảng phân công." in lines


def test_bundled_plan(runner):
    payload = units_json(runner, BUNDLED)
    office = row(payload, "van-phong")
    # Văn phòng Sở leads 1.1–1.4 (2 + 1 + 2 + 2), 3.2 (3,5), 4.1–4.2 (2 + 2), 5.1–5.4 (4 + 1 + 3 + 1)
    # and 7.1–7.7 (0,5 + 5 + 1 + 1 + 1 + 2 + 1,5) = 7 + 3,5 + 4 + 9 + 12 = 35,5. On 15/06 it can no
    # longer be on time for 1.1 (1 of 2), 1.2 (0,5 of 1), 7.1 (0,25 of 0,5), 1.4 repeats
    # 2023's 1 of 2, and 7.2 repeats the 0 its 2023 reading scores (about 32 % online, the rule
    # needs over 60 %): 35,5 − 1 − 0,5 − 0,25 − 1 − 5 = 27,75.
    assert (office["lead_max"], office["lead_projected"]) == (35.5, 27.75)
    # Overdue: 7.1 (31/12/2023), 1.1 (04/01), 1.2 Q1 (11/03) and Q2 (11/06); open: 1.2 Q3, Q4.
    assert (office["overdue"], office["open"], office["next_due"]) == (4, 2, "2024-09-11")
    assert row(payload, "thanh-tra")["members"] == ["phap-che"]
    assert [row(payload, unit)["kind"] for unit in ("cac-phong", "phong-chu-tri", "phong-lien-quan")] == ["all", "assigned", "concerned"]
    # 35,5 + Thanh tra 5,5 (incl. pháp chế) + KH-TC 6 + the collective rows 12 + 3 + 0 = 62.
    assert (payload["lead_points_counted"], payload["table_points"]) == (62, 62)


def test_bundled_markdown_and_runs_of_ids(runner):
    result = runner.invoke(app, ["units", "--plan", str(BUNDLED), "--today", DAY, "--format", "md"])
    assert result.exit_code == 0
    assert "| van-phong | Văn phòng Sở | 1.1–1.4, 3.2, 4.1–4.2, 5.1–5.4, 7.1–7.7 | 2.6, 3.1, 3.3–3.5 | 35,5 | 27,75 | 2 | 4 | 11/09/2024 |" in result.stdout
    # 2.2 and 2.3 show as whole criteria: the legal officer leads every sub-criterion of both.
    assert "| phap-che | Cán bộ pháp chế (Thanh tra Sở) | 2.2–2.4 |  | 4 | 3 | 1 | 3 | 14/11/2024 |" in result.stdout


def test_csv_lists_every_id(runner, progress):
    result = runner.invoke(app, ["units", "--plan", str(progress), "--today", DAY, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    assert rows[1]["leads"] == "2.1 2.2 2.3 2.4"
    assert (rows[1]["lead_projected"], rows[1]["next_due"]) == ("7", "2024-06-20")


def test_english(runner, progress):
    result = runner.invoke(app, ["units", "--plan", str(progress), "--today", DAY, "--format", "text", "--lang", "en"])
    assert result.stdout.splitlines()[0] == "Tasks by unit: 9/KH-THU (2024), on 15/06/2024"
    assert "Lead points added up (units within another counted once): 16 of the table's 16 points." in result.stdout


def test_as_of_day_moves_the_counts(runner, progress):
    """On 21/06 the report due 20/06 is overdue too; no deadline is left open."""
    result = runner.invoke(app, ["units", "--plan", str(progress), "--today", "2024-06-21", "--format", "json"])
    tt = row(json.loads(result.stdout), "tt")
    assert (tt["open"], tt["overdue"], tt["next_due"]) == (0, 2, None)
    # 2.3 can now only be done late: 1,5 (2023) brought down to ½ × 2 = 1, so 7 − 0,5.
    assert tt["lead_projected"] == 6.5


def test_installed_console_script(progress):
    done = subprocess.run([par_executable(), "units", "--plan", str(progress), "--today", DAY], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Phân công theo đơn vị: 9/KH-THU (2024), ngày 15/06/2024"
