"""`par history` over a version that does not validate: a blank criterion title (``title: "  "``,
a problem since blank text became one) committed between two valid versions, on a real git
repository. The invalid version is a row saying so with its count of problems and no figures;
the versions around it are scored, and the one after counts its moves and change from the last
valid version before it; the command exits 0 (a history is read, whatever an old version holds).

The plan is small enough to score by hand. Every version is committed in January 2025, after
the plan year, so each reading is final: a criterion's floor, expected points and ceiling are
the points its last reading scores.
- 1.1 (max 2): tiers on initiatives, at least 2 → 2, at least 1 → 1.
- 1.2 (max 2): tiers on on_time_pct, at least 70 → 2; it reads 80 % throughout → 2.
Version 1 (06/01/2025): 1.1 reads 1 initiative → 1; total 1 + 2 = 3.
Version 2 (07/01/2025): 1.1's title is "  " → 1 problem, no score.
Version 3 (08/01/2025): the title back, and a second reading of 2 initiatives (20/12/2024) →
1.1 scores 2; total 2 + 2 = 4, a change of +1 from version 1, 1.1 moved 1 → 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from par_cli.cli import app
from tests.history_repo import AN, BINH, git
from tests.score_plans import one_domain

CRITERIA = """
- id: "1.1"
  title: "Sáng kiến"
  max: 2
  lead: vp
  measures: {initiatives: {kind: count, label: "Số sáng kiến"}}
  rule: {kind: tiers, measure: initiatives, tiers: [{at_least: 2, points: 2}, {at_least: 1, points: 1}], otherwise: 0}
  progress:
    measurements:
      - {date: 2024-06-30, initiatives: 1}
- id: "1.2"
  title: "Nhiệm vụ đột xuất"
  max: 2
  lead: vp
  measures: {on_time_pct: {kind: percent, label: "Tỷ lệ đúng tiến độ"}}
  rule: {kind: tiers, measure: on_time_pct, tiers: [{at_least: 70, points: 2}], otherwise: 0}
  progress:
    measurements:
      - {date: 2024-06-30, on_time_pct: 80}
"""
FIRST = one_domain(CRITERIA, 4)
BLANK = FIRST.replace('title: "Sáng kiến"', 'title: "  "')
READING = "            - {date: 2024-06-30, initiatives: 1}\n"
FIXED = FIRST.replace(READING, READING + "            - {date: 2024-12-20, initiatives: 2}\n")
VERSIONS = (
    (FIRST, "2025-01-06T09:00:00+07:00", AN, "Kế hoạch 2024: số liệu cuối năm"),
    (BLANK, "2025-01-07T09:00:00+07:00", BINH, "1.1: sửa tên"),
    (FIXED, "2025-01-08T09:00:00+07:00", AN, "1.1: tên lại, sáng kiến thứ hai"),
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("blank") / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    path = repo / "2024.yaml"
    assert BLANK != FIRST and FIXED != FIRST
    for text, when, who, message in VERSIONS:
        path.write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", message, who=who, when=when)
    return path


def history(plan: Path, *args: str):
    return CliRunner().invoke(app, ["history", str(plan), *args])


def test_json_lists_the_blank_title_version_as_invalid(plan: Path) -> None:
    result = history(plan, "--format", "json")
    assert result.exit_code == 0, result.output
    first, blank, fixed = json.loads(result.stdout)["versions"]
    assert [version["day"] for version in (first, blank, fixed)] == ["2025-01-06", "2025-01-07", "2025-01-08"]
    assert [version["commits"][0]["author"] for version in (first, blank, fixed)] == [AN[0], BINH[0], AN[0]]
    assert (first["valid"], first["problems"]) == (True, 0)
    assert first["total"] == {"max": 4.0, "projected": 3.0, "floor": 3.0, "ceiling": 3.0, "baseline": None, "change": None}
    assert first["domains"] == [{"id": "1", "title": "MIỀN THỬ", "projected": 3.0, "floor": 3.0, "ceiling": 3.0}]
    # The blank title: one problem, no figures, nothing recorded or moved.
    assert (blank["valid"], blank["problems"], blank["total"], blank["domains"], blank["moved"], blank["records"]) == (False, 1, None, [], [], [])
    # The version after counts from the last valid one: +1, 1.1 from 1 to 2, one reading added.
    assert (fixed["valid"], fixed["problems"]) == (True, 0)
    assert fixed["total"] == {"max": 4.0, "projected": 4.0, "floor": 4.0, "ceiling": 4.0, "baseline": None, "change": 1.0}
    assert fixed["moved"] == [{"id": "1.1", "title": "Sáng kiến", "before": 1.0, "after": 2.0}]
    [record] = fixed["records"]
    assert (record["action"], record["criterion_id"], record["date"], record["fields"]["initiatives"]) == ("added", "1.1", "2024-12-20", 2)


def test_table_says_invalid_with_its_count_of_problems(plan: Path) -> None:
    shorts = [version["commit"][:10] for version in json.loads(history(plan, "--format", "json").stdout)["versions"]]
    result = history(plan, "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Lịch sử điểm: 7/KH-THU (2024), 3 phiên bản",
        "Ngày        Commit      Người ghi      Dự kiến  Sàn  Trần  Thay đổi              1  Tiêu chí đổi điểm  Ghi nhận  Nội dung commit",
        "----------  ----------  -------------  -------  ---  ----  --------------------  -  -----------------  --------  -------------------------------",
        f"06/01/2025  {shorts[0]}  Nguyễn Văn An        3    3     3  —                     3                            2  Kế hoạch 2024: số liệu cuối năm",
        f"07/01/2025  {shorts[1]}  Trần Thị Bình        —    —     —  không hợp lệ (1 lỗi)  —                            0  1.1: sửa tên",
        f"08/01/2025  {shorts[2]}  Nguyễn Văn An        4    4     4  +1                    4  1.1 1→2                   1  1.1: tên lại, sáng kiến thứ hai",
        # From the first valid version to the last: 3 → 4.
        "Từ 06/01/2025 đến 08/01/2025: dự kiến 3 → 4 điểm (+1); sàn 4, trần 4",
        "Mỗi phiên bản tính điểm theo ngày commit (giờ Việt Nam), như par score --as-of NGÀY.",
    ]
    english = history(plan, "--format", "text", "--lang", "en")
    assert english.exit_code == 0, english.output
    assert f"07/01/2025  {shorts[1]}  Trần Thị Bình         —      —        —  invalid (1 problem(s))  —" in english.stdout
