"""`par history` and the report's line through the year, on a real git repository holding a
scripted year of progress on the bundled plan by two people (tests/history_repo.py)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import BUNDLED, par_executable, subprocess_env
from tests.history_repo import AN, BINH, YEAR, assert_same_figures, build_year, git

PLAN_STEPS = [step for step in YEAR if not step.other_file]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_year(tmp_path_factory.mktemp("year") / "repo").parent.parent


@pytest.fixture(scope="module")
def plan(repo: Path) -> Path:
    return repo / "plans" / "2024.yaml"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


def history_json(plan: Path, *args: str) -> dict:
    result = invoke("history", str(plan), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_version_scores_as_par_score_as_of_its_commit_day(plan: Path, repo: Path, tmp_path: Path) -> None:
    versions = history_json(plan)["versions"]
    # One version per commit that changed the plan; the README commit is not one.
    assert len(versions) == len(PLAN_STEPS) == 21
    for version in versions:
        # That commit's file, scored by `par score --as-of` its day: the same numbers.
        blob = git(repo, "show", f"{version['commit']}:plans/2024.yaml")
        old = tmp_path / f"{version['commit']}.yaml"
        old.write_text(blob, encoding="utf-8")
        result = invoke("score", str(old), "--as-of", version["day"], "--format", "json")
        assert result.exit_code == 0, result.output
        expected = json.loads(result.stdout)
        assert_same_figures(version, expected)


def test_days_authors_and_messages(plan: Path) -> None:
    versions = history_json(plan)["versions"]
    days = [version["day"] for version in versions]
    assert days == sorted(days)
    # The commit at 23:30 UTC on 15/03 belongs to 16/03 in Asia/Ho_Chi_Minh.
    assert "2024-03-16" in days and days.count("2024-03-15") == 1
    assert [version["commits"][0]["author"] for version in versions] == [step.who[0] for step in PLAN_STEPS]
    # The revert brings back the blob of two versions before: read once, the same figures
    # apart from what the later day changes.
    assert versions[-1]["blob"] == versions[-3]["blob"] != versions[-2]["blob"]
    assert [version["commits"][0]["email"] for version in versions] == [step.who[1] for step in PLAN_STEPS]
    assert [version["commits"][0]["message"] for version in versions] == [step.message for step in PLAN_STEPS]
    assert {AN[0], BINH[0]} == {version["commits"][0]["author"] for version in versions}


def test_what_moved_and_what_was_recorded(plan: Path) -> None:
    versions = {version["commits"][0]["message"]: version for version in history_json(plan)["versions"]}
    second = versions["1.4: sáng kiến thứ hai"]
    # 1.4 is scored in tiers: at least 2 initiatives → 2 points, at least 1 → 1. It read 1
    # (1 point); with 2 it is 2.
    assert {"id": "1.4", "title": second["moved"][0]["title"], "before": 1.0, "after": 2.0} in second["moved"]
    before = versions["1.2: báo cáo quý III"]["total"]["projected"]  # the version before it
    assert second["total"]["change"] == round(second["total"]["projected"] - before, 2)
    [record] = second["records"]
    assert record["action"] == "added" and record["kind"] == "measurement" and record["criterion_id"] == "1.4"
    assert record["fields"]["initiatives"] == 2 and record["date"] == "2024-11-20" and record["author"] == BINH[0]
    first = versions["Kế hoạch CCHC 2024"]
    assert first["moved"] == [] and first["records"] == [] and first["total"]["change"] is None


def test_by_month_since_until(plan: Path) -> None:
    every = history_json(plan)["versions"]
    months = history_json(plan, "--by", "month")["versions"]
    # Commits in Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Nov, Dec: 11 months, no October.
    assert [version["day"][:7] for version in months] == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-11", "2024-12"]
    for row in months:
        last = [version for version in every if version["day"][:7] == row["day"][:7]][-1]
        assert row["commit"] == last["commit"]
    march = months[2]
    assert [commit["message"] for commit in march["commits"]] == ["1.2: báo cáo quý I", "3.4.1: tỷ lệ đúng hạn quý I", "3.4.1: tài liệu kiểm chứng"]
    assert len(march["records"]) == 3
    # DD/MM/YYYY and YYYY-MM-DD both; inclusive at both ends.
    window = history_json(plan, "--since", "16/03/2024", "--until", "2024-06-10")["versions"]
    assert [version["day"] for version in window] == ["2024-03-16", "2024-04-05", "2024-05-02", "2024-06-10"]
    # The first row's moves count from the last version before the window.
    weeks = history_json(plan, "--by", "week", "--since", "2024-11-18", "--until", "2024-11-24")["versions"]
    assert len(weeks) == 1 and len(weeks[0]["commits"]) == 2 and weeks[0]["moved"][0]["id"] == "1.4"


def test_table_and_csv(plan: Path) -> None:
    result = invoke("history", str(plan), "--format", "text")
    assert result.exit_code == 0, result.output
    assert "Lịch sử điểm: 1163/KH-SGTVT (2024), 21 phiên bản" in result.stdout
    assert "16/03/2024" in result.stdout and "Trần Thị Bình" in result.stdout
    rows = list(csv.DictReader(io.StringIO(invoke("history", str(plan), "--format", "csv").stdout.removeprefix("\ufeff"))))  # UTF-8 with a BOM, for Excel
    versions = history_json(plan)["versions"]
    assert len(rows) == 21
    assert [float(row["projected"]) for row in rows] == [version["total"]["projected"] for version in versions]
    assert rows[6]["day"] == "2024-03-16" and rows[0]["author"] == AN[0]
    # Machine forms in CSV: a dot for decimals, the change as a plain number.
    # 3.4.1 was at the 1,93 its 2023 reading (96,5 %) scores (issue 11), then 97 % → 1,94.
    assert rows[5]["moved"] == "3.4.1 1.93→1.94" and rows[5]["change"] == "0.01"
    english = invoke("history", str(plan), "--format", "text", "--lang", "en")
    assert "Score history: 1163/KH-SGTVT (2024), 21 versions" in english.stdout


def test_audit_trail(plan: Path) -> None:
    result = invoke("history", str(plan), "--records", "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)["records"]
    # Every par command recorded one fact; the hand edits changed one and added one; the
    # revert removed one.
    commands = [step for step in PLAN_STEPS if step.args]
    assert len(records) == len(commands) + 3
    added = [record for record in records if record["action"] == "added"]
    assert [(record["author"], record["day"]) for record in added] == [
        (step.who[0], step.when[:10] if "+07:00" in step.when else "2024-03-16") for step in PLAN_STEPS if step.args or "vòng" in step.message
    ]
    kinds = {record["kind"] for record in records}
    # Scores are dated stages since issue 11 (`par set … self_assessed=` / `appraised=` included).
    assert kinds == {"completion", "measurement", "evidence", "stage"}
    [flagged] = [record for record in records if record["date_changed"]]
    assert flagged["criterion_id"] == "1.4" and flagged["action"] == "changed"
    assert flagged["previous"]["date"] == "2024-02-10" and flagged["date"] == "2024-01-10"
    assert flagged["author"] == AN[0] and flagged["day"] == "2024-05-02"
    text = invoke("history", str(plan), "--records", "--format", "text").stdout
    assert "Nhật ký ghi nhận (lịch sử thao tác)" in text
    assert "ngày ghi nhận bị sửa sau khi đã ghi: 10/02/2024 → 10/01/2024" in text
    assert "1 ghi nhận bị sửa ngày sau khi đã ghi: 1.4" in text
    assert "tài liệu kiểm chứng" in text and "thẩm định" in text
    # --since applies to the commit day.
    late = json.loads(invoke("history", str(plan), "--records", "--since", "01/12/2024", "--format", "json").stdout)["records"]
    assert [(record["criterion_id"], record["kind"], record["action"]) for record in late] == [
        ("1.2", "completion", "added"),
        ("1.5", "stage", "added"),
        ("7.3", "measurement", "added"),
        ("7.3", "measurement", "removed"),
    ]
    assert late[-1]["author"] == BINH[0] and late[-1]["day"] == "2024-12-28"


def test_report_chart_and_since(plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = invoke("report", "--plan", str(plan), "--today", "2024-12-24", "--since", "2024-11-30", "--output", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    dots = re.findall(r'<circle class="dot[^"]*"[^>]*data-day="([^"]+)" data-projected="([^"]+)" data-floor="([^"]+)" data-ceiling="([^"]+)" data-commit="([^"]*)"', page)
    by_day = history_json(plan, "--by", "day", "--until", "2024-12-24")["versions"]
    # One point per commit day (its last version, scored as of that day), then today's.
    assert [dot[0] for dot in dots] == [version["day"] for version in by_day] + ["2024-12-24"]
    for dot, version in zip(dots, by_day):
        assert (float(dot[1]), float(dot[2]), float(dot[3])) == (version["total"]["projected"], version["total"]["floor"], version["total"]["ceiling"])
        assert version["commit"].startswith(dot[4])
    # The last point is the report's own: the file as it is, scored as of the report's day.
    score = json.loads(invoke("score", str(plan), "--as-of", "2024-12-24", "--format", "json").stdout)["total"]
    assert float(dots[-1][1]) == score["projected"] and dots[-1][4] == ""
    assert 'data-target="83.0"' in page  # target.score of the bundled plan
    # Since 30/11: the Q4 report (1.2) and the appraisal (1.5) were recorded.
    since = page[page.index('data-section="since"') :]
    assert re.findall(r'data-record="([^"]+)" data-author="([^"]+)" data-day="([^"]+)"', since) == [("1.2", AN[0], "2024-12-05"), ("1.5", BINH[0], "2024-12-20")]
    assert 'data-moved="1.5"' in since
    markdown = invoke("report", "--plan", str(plan), "--today", "2024-12-24", "--since", "30/11/2024", "--format", "md").stdout
    assert "**Từ lần giao ban trước (30/11/2024)**" in markdown and "Ghi nhận mới: 2; người ghi: Nguyễn Văn An, Trần Thị Bình" in markdown


def test_report_outside_git_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "2024.yaml"
    plan.write_bytes(BUNDLED.read_bytes())
    result = invoke("report", "--plan", str(plan), "--today", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert 'data-history="missing"' in result.stdout and "không nằm trong kho git" in result.stdout
    assert "<circle" not in result.stdout


def test_outside_git_and_shallow_clone_exit_2(repo: Path, tmp_path: Path) -> None:
    loose = tmp_path / "loose.yaml"
    loose.write_bytes(BUNDLED.read_bytes())
    result = invoke("history", str(loose))
    assert result.exit_code == 2 and "không nằm trong kho git" in result.output
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True)
    result = invoke("history", str(shallow / "plans" / "2024.yaml"), "--lang", "en")
    assert result.exit_code == 2 and "shallow clone" in result.output
    assert invoke("history", str(repo / "plans" / "2024.yaml"), "--since", "31/02/2024").exit_code == 2
    assert invoke("history", str(repo / "plans" / "2024.yaml"), "--since", "2024-06-01", "--until", "2024-05-01").exit_code == 2


def test_real_subprocess(plan: Path) -> None:
    done = subprocess.run([par_executable(), "history", str(plan), "--by", "month", "--format", "json"], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["versions"]) == 11
    outside = subprocess.run([par_executable(), "history", str(BUNDLED.parent.parent / "pyproject.toml")], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert outside.returncode in (0, 1, 2)  # the project's own repository: whatever it holds, no traceback
    assert "Traceback" not in outside.stderr


# --- the comparison of recorded facts, as an invariant ------------------------------------

from par_cli.scoring.history import Record, _compare  # noqa: E402

_records = st.lists(
    st.builds(
        lambda measure, day, value: Record("measurement", "1.4", __import__("datetime").date(2024, 1, day), (measure,), (("date", day), (measure, value))),
        st.sampled_from(["a", "b"]),
        st.integers(1, 5),
        st.integers(0, 3),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(_records, _records)
def test_compare_accounts_for_every_fact(old: list[Record], new: list[Record]) -> None:
    events = list(_compare(None, {("1.4", "measurement"): old} if old else {}, {("1.4", "measurement"): new} if new else {}))  # type: ignore[arg-type]
    added = [event for event in events if event.action == "added"]
    changed = [event for event in events if event.action == "changed"]
    removed = [event for event in events if event.action == "removed"]
    # Every new fact is unchanged, changed or added; every old one unchanged, changed or removed.
    unchanged = len(new) - len(added) - len(changed)
    assert unchanged >= 0 and len(old) == unchanged + len(changed) + len(removed)
    assert all(event.record in new for event in added + changed) and all(event.record in old for event in removed)
    assert all(event.previous in old and event.previous != event.record for event in changed)
    if old == new:
        assert events == []
