"""A scripted year of progress on the bundled plan, committed to a real git repository by two
people, for the tests of `par history` and of the report's line through the year.

Every step writes progress the way a user does (`par set`, `par done`, `par evidence`, run
in-process) or edits the YAML by hand, then commits with its own author and date.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.edit_support import BUNDLED, par

AN = ("Nguyễn Văn An", "an@sgtvt.example")
BINH = ("Trần Thị Bình", "binh@sgtvt.example")


@dataclass(frozen=True)
class Step:
    when: str  # the commit's ISO date and time, with its offset
    who: tuple[str, str]
    message: str
    args: tuple[str, ...] = ()  # a par command; empty for a hand edit or the first commit
    edit: tuple[str, str] | None = None  # replace this text of the plan by that one
    other_file: bool = False  # the commit touches another file, not the plan
    revert: bool = False  # git revert of the commit before: the plan's blob of two commits ago


YEAR: tuple[Step, ...] = (
    Step("2024-01-02T09:00:00+07:00", AN, "Kế hoạch CCHC 2024"),
    Step("2024-01-04T16:00:00+07:00", BINH, "1.1: ban hành kế hoạch", ("done", "1.1", "--date", "2024-01-04", "--evidence", "KH 12/KH-SGTVT ngày 04/01/2024")),
    Step("2024-01-20T10:00:00+07:00", AN, "2.2.1: kế hoạch theo dõi thi hành pháp luật", ("done", "2.2.1", "--date", "2024-01-19", "--evidence", "KH 20/KH-SGTVT")),
    Step("2024-02-10T10:00:00+07:00", BINH, "1.4: một sáng kiến", ("set", "1.4", "initiatives=1", "--date", "2024-02-10")),
    Step("2024-03-08T15:00:00+07:00", AN, "1.2: báo cáo quý I", ("done", "1.2", "--date", "2024-03-08", "--evidence", "BC 45/BC-SGTVT")),
    Step("2024-03-15T11:00:00+07:00", BINH, "3.4.1: tỷ lệ đúng hạn quý I", ("set", "3.4.1", "on_time_pct=97", "--date", "2024-03-15")),
    # 23:30 UTC on the 15th is 06:30 on the 16th in Hà Nội: the version's day is the 16th.
    Step("2024-03-15T23:30:00+00:00", AN, "3.4.1: tài liệu kiểm chứng", ("evidence", "3.4.1", "Báo cáo 20/BC-SGTVT", "--date", "2024-03-16")),
    Step("2024-03-20T09:00:00+07:00", BINH, "README", other_file=True),
    Step("2024-04-05T09:00:00+07:00", BINH, "7.3: văn bản điện tử", ("set", "7.3", "e_documents_pct=85", "--date", "2024-04-05")),
    # The 1.4 reading of 10/02 is redated to 10/01 by hand, three months later: flagged.
    Step("2024-05-02T14:00:00+07:00", AN, "sửa ngày 1.4", edit=("{date: 2024-02-10, initiatives: 1}", "{date: 2024-01-10, initiatives: 1}")),
    Step("2024-06-10T09:00:00+07:00", BINH, "1.2: báo cáo quý II", ("done", "1.2", "--date", "2024-06-10", "--evidence", "BC 88/BC-SGTVT")),
    Step("2024-06-20T09:00:00+07:00", AN, "1.6: tỷ lệ hoàn thành nhiệm vụ", ("set", "1.6", "on_time_pct=99", "--date", "2024-06-20")),
    Step("2024-07-01T09:00:00+07:00", BINH, "1.5: tự đánh giá", ("set", "1.5", "self_assessed=1,5", "--date", "2024-07-01")),
    Step(
        "2024-07-02T09:00:00+07:00",
        AN,
        "1.5: điểm vòng tự đánh giá",
        # `par set … self_assessed=` writes a dated stage (issue 11); a second one is added by hand.
        edit=(
            '            - {stage: "self_assessment", date: 2024-07-01, points: 1.5}\n',
            '            - {stage: "self_assessment", date: 2024-07-01, points: 1.5}\n            - {stage: self_assessment, date: 2024-07-02, points: 1.5}\n',
        ),
    ),
    Step("2024-08-15T09:00:00+07:00", AN, "5.4: bồi dưỡng", ("set", "5.4", "training_done_pct=100", "--date", "2024-08-15")),
    Step("2024-09-05T09:00:00+07:00", BINH, "1.2: báo cáo quý III", ("done", "1.2", "--date", "2024-09-05", "--evidence", "BC 120/BC-SGTVT")),
    Step("2024-11-20T09:00:00+07:00", BINH, "1.4: sáng kiến thứ hai", ("set", "1.4", "initiatives=2", "--date", "2024-11-20")),
    Step("2024-11-20T17:00:00+07:00", AN, "1.4: tài liệu kiểm chứng", ("evidence", "1.4", "QĐ 99/QĐ-SGTVT công nhận sáng kiến", "--date", "2024-11-20")),
    Step("2024-12-05T09:00:00+07:00", AN, "1.2: báo cáo quý IV", ("done", "1.2", "--date", "2024-12-05", "--evidence", "BC 150/BC-SGTVT")),
    Step("2024-12-20T09:00:00+07:00", BINH, "1.5: thẩm định", ("set", "1.5", "appraised=2", "--date", "2024-12-20")),
    Step("2024-12-27T09:00:00+07:00", AN, "7.3: số liệu nhầm", ("set", "7.3", "e_documents_pct=95", "--date", "2024-12-27")),
    Step("2024-12-28T09:00:00+07:00", BINH, "Hoàn tác: 7.3 nhập nhầm", revert=True),
)


def git(repo: Path, *args: str, who: tuple[str, str] = AN, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": who[0],
        "GIT_AUTHOR_EMAIL": who[1],
        "GIT_COMMITTER_NAME": who[0],
        "GIT_COMMITTER_EMAIL": who[1],
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when is not None:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def build_year(repo: Path, steps: tuple[Step, ...] = YEAR) -> Path:
    """A repository at ``repo`` with one commit per step; returns the plan's path."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    plan = repo / "plans" / "2024.yaml"
    plan.parent.mkdir()
    shutil.copyfile(BUNDLED, plan)
    for step in steps:
        if step.args:
            result = par(plan, *step.args)
            assert result.exit_code == 0, result.output
        elif step.edit is not None:
            text = plan.read_text(encoding="utf-8")
            assert text.count(step.edit[0]) == 1, step.edit[0]
            plan.write_text(text.replace(*step.edit), encoding="utf-8")
        elif step.other_file:
            (repo / "README.md").write_text(step.message + "\n", encoding="utf-8")
        elif step.revert:
            git(repo, "revert", "--no-commit", "HEAD")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", step.message, who=step.who, when=step.when)
    return plan


def assert_same_figures(version: dict, expected: dict) -> None:
    """One version of `par history --format json` against `par score --as-of` its day (JSON)
    of the same file: the same totals, and the same figures domain by domain, in order."""
    for key in ("max", "projected", "floor", "ceiling", "baseline"):
        assert version["total"][key] == expected["total"][key], (version["day"], key)
    domains = {node["id"]: node for node in expected["criteria"] if node["level"] in ("domain", "outside")}
    assert [domain["id"] for domain in version["domains"]] == list(domains)
    for domain in version["domains"]:
        for key in ("projected", "floor", "ceiling"):
            assert domain[key] == domains[domain["id"]][key], (version["day"], domain["id"], key)
