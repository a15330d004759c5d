"""The rich table on a narrow terminal: text gives way, numbers never do."""

from __future__ import annotations

import io

from par_cli.render.table import Column, Format, TableView, render


def view() -> TableView:
    columns = [
        Column("id", "Mã"),
        Column("title", "Tiêu chí", max_width=40),
        Column("points", "Dự kiến", "points"),
        Column("lead", "Chủ trì", max_width=24, optional=1),
    ]
    rows = [{"id": "3.4.1", "title": "Tỷ lệ hồ sơ TTHC tại TT PVHCC tỉnh tiếp nhận trong năm được giải quyết đúng hạn", "points": 1.93, "lead": "Các phòng, đơn vị"}]
    return TableView("Điểm", columns, rows)


def rendered(monkeypatch, width: int) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()
    render(view(), Format.table, "vi", out)
    return [line for line in out.getvalue().splitlines() if line.startswith(("┏", "┃", "│"))]


def test_wide_terminal_shows_every_column(monkeypatch):
    lines = rendered(monkeypatch, 120)
    assert "Chủ trì" in lines[1]
    assert "Các phòng, đơn vị" in lines[-1]
    # The title is cut at its own limit, 40 characters, with an ellipsis.
    assert "Tỷ lệ hồ sơ TTHC tại TT PVHCC tỉnh tiếp…" in lines[-1]


def test_narrow_terminal_cuts_text_and_drops_the_optional_column(monkeypatch):
    lines = rendered(monkeypatch, 40)
    assert all(len(line) <= 40 for line in lines)
    assert "Chủ trì" not in lines[1]
    assert "1,93" in lines[-1]
    assert "3.4.1" in lines[-1]
