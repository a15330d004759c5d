"""`par score FOLDER`: one table of totals for a province's plans, by department and year."""

from __future__ import annotations

import json
import shutil

from par_cli.cli import app
from tests.conftest import FIXTURES

MINIMAL = FIXTURES / "valid" / "minimal.yaml"


def _plan(folder, name, issuer, year):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace('issuer: "Sở Thử nghiệm"\ntitle', f'issuer: "{issuer}"\ntitle').replace("year: 2024", f"year: {year}")
    (folder / name).write_text(text, encoding="utf-8")


def test_folder_totals_sorted_by_department_and_year(tmp_path, runner):
    _plan(tmp_path, "z.yaml", "Sở Xây dựng", 2024)
    _plan(tmp_path, "a.yaml", "Sở Y tế", 2024)
    _plan(tmp_path, "m.yaml", "Sở Xây dựng", 2023)
    result = runner.invoke(app, ["score", str(tmp_path), "--as-of", "2024-01-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["plans"]
    assert [(row["issuer"], row["year"]) for row in rows] == [("Sở Xây dựng", 2023), ("Sở Xây dựng", 2024), ("Sở Y tế", 2024)]
    # The minimal plan on 01/01/2024: 1.2 expected at its 2023 points (1), the part outside the
    # table at its declared projection (2); 1.1, 2.1.1 and 2.1.2 have nothing known (0).
    # Ceiling: every criterion at its maximum, 2 + 2 + 1 + 2 + 3 = 10.
    latest = rows[1]
    assert (latest["projected"], latest["floor"], latest["ceiling"], latest["baseline"], latest["max"]) == (3, 0, 10, 8, 10)
    assert latest["percent"] == 30


def test_folder_text_table_and_invalid_plan(tmp_path, runner):
    _plan(tmp_path, "good.yaml", "Sở Tư pháp", 2024)
    shutil.copyfile(FIXTURES / "invalid" / "total.yaml", tmp_path / "bad.yaml")
    result = runner.invoke(app, ["score", str(tmp_path), "--as-of", "2024-01-01"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'bad.yaml'}:6:12:" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Tổng điểm 1 kế hoạch trong {tmp_path}"
    assert lines[3].split() == ["Sở", "Tư", "pháp", "2024", "1/KH-TEST", "10", "8", "3", "30,00", "%", "0", "10"]


def test_folder_refuses_single_plan_options(tmp_path, runner):
    _plan(tmp_path, "a.yaml", "Sở Y tế", 2024)
    assert runner.invoke(app, ["score", str(tmp_path), "--explain", "1.1"]).exit_code == 2
    assert runner.invoke(app, ["score", str(MINIMAL), "--plan", str(MINIMAL)]).exit_code == 2


def test_single_file_as_argument(runner):
    result = runner.invoke(app, ["score", str(MINIMAL), "--as-of", "2024-01-01", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"]["projected"] == 3
