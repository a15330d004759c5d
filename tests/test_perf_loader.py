"""The loader's fast construction must read every YAML feature as the safe loader does: plain
documents take the fast way, anything unusual (aliases, merge keys, tags, duplicate keys)
falls back to ruamel.yaml's own constructor, with the same result or the same problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from par_cli.cli import app
from par_cli.reading.reader import load_plan

PLAN = """\
plan: {number: "1/KH-SGTVT", date: 2024-06-04, issuer: "Sở Giao thông vận tải"}
issuer: "Sở Giao thông vận tải"
title: "Nâng cao chỉ số CCHC năm 2024"
year: 2024
index_max: 3
units:
  - {id: van-phong, name: "Văn phòng Sở"}
domains:
  - id: "1"
    title: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"
    criteria:
      - id: "1.1"
        title: "Kế hoạch CCHC"
        max: 1
        lead: van-phong
        rule: {kind: deadline}
        deadlines:
          - {id: ke-hoach, what: "Ban hành Kế hoạch CCHC", before: 2024-01-05}
      - id: "1.2"
        title: "Báo cáo CCHC định kỳ"
        max: 2
        lead: van-phong
        rule: {kind: manual}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "2024.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new",
    [
        # an anchor on a mapping and an alias to it
        ("rule: {kind: deadline}", "rule: &on-time {kind: deadline}"),
        # a merge key
        ("rule: {kind: manual}", "rule: {<<: {kind: manual}}"),
        # explicit core-schema tags
        ('title: "Kế hoạch CCHC"', 'title: !!str "Kế hoạch CCHC"'),
        ("max: 2", "max: !!float 2"),
        # YAML 1.2 numbers: 0o1 is one in octal
        ("max: 1", "max: 0o1"),
    ],
)
def test_unusual_but_valid_yaml_reads_as_before(runner, tmp_path, old, new):
    assert old in PLAN
    path = write(tmp_path, PLAN.replace(old, new, 1))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    # 1 + 2 points over two criteria, whatever spelling the YAML used
    assert "(2 tiêu chí, tổng 3 điểm)" in result.output


def test_alias_shares_the_value(tmp_path):
    text = PLAN.replace("rule: {kind: deadline}", "rule: &rule {kind: manual}").replace("rule: {kind: manual}", "rule: *rule")
    loaded = load_plan(write(tmp_path, text))
    assert loaded.ok, loaded.problems
    first, second = loaded.data["domains"][0]["criteria"]
    assert first["rule"] is second["rule"]


@pytest.mark.parametrize(
    "old, new, line, column, message",
    [
        # line 14 is "max: 1" under 1.1; a second "max" on line 15, after 8 spaces
        ("        max: 1\n", "        max: 1\n        max: 2\n", 15, 9, "khóa 'max' bị lặp lại"),
        # a Python tag is refused where it stands: line 16, after 8 spaces and "rule: "
        ("rule: {kind: deadline}", "rule: !!python/object:os.system {kind: deadline}", 16, 15, "thẻ YAML"),
        # 13th month: the date reaches the model as text and is reported at its value, line 18:
        # 10 spaces, "- {" (3), "id: ke-hoach, " (14), 'what: "…", ' (6 + 24 + 2), "before: " (8)
        ("before: 2024-01-05", "before: 2024-13-05", 18, 68, "ngày '2024-13-05' không hợp lệ"),
    ],
)
def test_problems_keep_their_position(runner, tmp_path, old, new, line, column, message):
    assert old in PLAN
    path = write(tmp_path, PLAN.replace(old, new, 1))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:{line}:{column}: "), first
    assert message in first
