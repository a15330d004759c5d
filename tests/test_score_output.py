"""Tables on terminals of any width: text wraps or gives way, ids, dates and numbers never do,
and the columns a narrow terminal drops are named in a footnote."""

from __future__ import annotations

import io
import json
import re

import pytest

from par_cli.cli import app
from par_cli.render.formats import Format, Output
from par_cli.render.output import render
from par_cli.render.table import Column, TableView
from tests.conftest import BUNDLED


def view() -> TableView:
    columns = [
        Column("id", "Mã", "id"),
        Column("title", "Tiêu chí", max_width=40),
        Column("points", "Dự kiến", "points"),
        Column("lead", "Chủ trì", max_width=24, optional=1),
    ]
    rows = [{"id": "3.4.1", "title": "Tỷ lệ hồ sơ TTHC tại TT PVHCC tỉnh tiếp nhận trong năm được giải quyết đúng hạn", "points": 1.93, "lead": "Các phòng, đơn vị"}]
    return TableView("Điểm", columns, rows)


def rendered(monkeypatch, width: int) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    return render(Output(table=lambda lang, machine: view()), Format.table, "vi", io.StringIO()).splitlines()


def table_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith(("┏", "┃", "│", "┡", "└"))]


def test_wide_terminal_shows_every_column(monkeypatch):
    lines = table_lines(rendered(monkeypatch, 120))
    assert "Chủ trì" in lines[1]
    assert "Các phòng, đơn vị" in lines[-2]
    # The title is cut at its own limit, 40 characters, with an ellipsis.
    assert "Tỷ lệ hồ sơ TTHC tại TT PVHCC tỉnh tiếp…" in lines[-2]


def test_narrow_terminal_wraps_text_and_drops_the_optional_column_with_a_footnote(monkeypatch):
    out = rendered(monkeypatch, 40)
    lines = table_lines(out)
    assert all(len(line) <= 40 for line in lines)
    assert not any("Chủ trì" in line for line in lines)
    body = [line for line in lines if line.startswith("│")]
    assert "3.4.1" in body[0] and "1,93" in body[0]
    # The title wraps over several lines rather than being cut to "Tỷ lệ…".
    assert len(body) > 1 and "…" not in body[0]
    assert out[-1] == "Màn hình hẹp: ẩn cột Chủ trì (mở rộng cửa sổ, hoặc dùng --format text)."


COMMANDS = {
    "score": ["score", "--as-of", "2024-06-30"],
    "gap": ["gap", "--as-of", "2024-06-30"],
    "due": ["due", "--today", "2024-03-01"],
    "units": ["units", "--today", "2024-06-15"],
}
CUT = re.compile(r"\d…|…\d")  # "2.2…", "31/12/20…", "6,…"


def cells(line: str) -> list[str]:
    return [part.strip() for part in line.strip("│").split("│")]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_table_is_readable_at_80_and_120_columns(runner, name, width):
    args = [*COMMANDS[name], str(BUNDLED)]
    result = runner.invoke(app, [*args, "--format", "table"], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    table = table_lines(lines)
    assert table and all(len(line) <= width for line in table), max(map(len, table))
    assert not any(CUT.search(line) for line in table)
    # Every id the command reports is in its table, whole, in the first column.
    payload = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    key = {"score": "criteria", "gap": "criteria", "due": "items", "units": "units"}[name]
    ids = {cells(line)[0] for line in table if line.startswith("│")}
    assert {item["id"] for item in payload[key]} <= ids
    if name == "due":
        # Dates never cut: every last day on time shows as dd/mm/yyyy.
        shown = {cell for line in table if line.startswith("│") for cell in cells(line)}
        for item in payload["items"]:
            year, month, day = item["due"].split("-")
            assert f"{day}/{month}/{year}" in shown
    dropped = [line for line in lines if line.startswith("Màn hình hẹp")]
    if width == 80 and name in ("score", "gap", "due", "units"):
        assert dropped, "a column was dropped at 80 columns without saying so"


def test_csv_is_utf8_with_a_bom_and_codes_not_symbols(runner, tmp_path):
    result = runner.invoke(app, ["score", str(BUNDLED), "--as-of", "2024-06-30", "--format", "csv"])
    assert result.stdout.startswith("\ufeffid,")
    text = result.stdout.lstrip("\ufeff")
    assert "⚠" not in text and "—" not in text
    header = text.splitlines()[0].split(",")
    assert "status" in header and "no_evidence" in header
