"""`par history` on a repository that lacks a version of the plan: a damaged one (an object
file deleted from .git/objects) or a partial clone whose remote is out of reach. Before, the
versions git could not give were left out without a word (a range holding only them said
"no version in the chosen range"); now par names the commit and day of the version it
cannot read and the missing object, exit 2 as for every other git failure, no traceback.

Real repositories in tmp dirs, built by `tests.history_repo.build_year` (four commits of the
scripted year: 02/01, 04/01, 20/01 and 10/02/2024, Hà Nội time), run through CliRunner in
both languages and once through the installed `par`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import par_executable, subprocess_env
from tests.history_repo import YEAR, build_year, git


def history(plan: Path, *args: str):
    return CliRunner().invoke(app, ["history", str(plan), *args])


def blob_of(repo: Path, commit: str) -> str:
    return git(repo, "rev-parse", f"{commit}:plans/2024.yaml").strip()


def delete_object(repo: Path, sha: str) -> None:
    (repo / ".git" / "objects" / sha[:2] / sha[2:]).unlink()


def test_a_deleted_blob_is_named_by_its_commit_and_day(tmp_path: Path):
    repo = tmp_path / "repo"
    plan = build_year(repo, YEAR[:4])
    second = git(repo, "rev-parse", "HEAD~2").strip()  # "1.1: ban hành kế hoạch", 04/01/2024
    blob = blob_of(repo, second)
    assert history(plan).exit_code == 0  # four versions, all readable
    delete_object(repo, blob)
    vi, en = history(plan), history(plan, "--lang", "en")
    assert vi.exit_code == en.exit_code == 2
    assert vi.stdout == en.stdout == ""
    assert vi.stderr == (
        f"par: {plan}: git không đọc được phiên bản của tệp ở commit {second[:10]} ngày 04/01/2024: thiếu đối tượng {blob[:12]}; "
        "kho git bị hỏng hoặc là bản sao một phần (partial clone): chạy git fsck để xem\n"
    )
    assert en.stderr == (
        f"par: {plan}: git cannot read the file's version of commit {second[:10]} on 04/01/2024: object {blob[:12]} is missing; "
        "the repository is damaged or a partial clone: run git fsck to see\n"
    )
    # The range that holds only that version said "no version in the chosen range", exit 0.
    narrow = history(plan, "--since", "2024-01-03", "--until", "2024-01-05", "--lang", "en")
    assert narrow.exit_code == 2 and narrow.stderr == en.stderr
    # JSON and the record trail refuse the same way.
    for args in (("--format", "json"), ("--records",)):
        said = history(plan, *args, "--lang", "en")
        assert said.exit_code == 2 and said.stderr == en.stderr and said.stdout == ""


def test_two_missing_versions_name_the_first_and_count_them(tmp_path: Path):
    repo = tmp_path / "repo"
    plan = build_year(repo, YEAR[:4])
    second, third = (git(repo, "rev-parse", ref).strip() for ref in ("HEAD~2", "HEAD~1"))
    for commit in (third, second):
        delete_object(repo, blob_of(repo, commit))
    said = history(plan, "--lang", "en")
    assert said.exit_code == 2
    assert said.stderr.startswith(f"par: {plan}: git cannot read 2 versions of the file, the first that of commit {second[:10]} on 04/01/2024: ")


def test_the_console_script_names_the_missing_version(tmp_path: Path):
    repo = tmp_path / "repo"
    plan = build_year(repo, YEAR[:3])
    first = git(repo, "rev-parse", "HEAD~2").strip()  # "Kế hoạch CCHC 2024", 02/01/2024
    blob = blob_of(repo, first)
    delete_object(repo, blob)
    real = subprocess.run([par_executable(), "history", str(plan)], capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert real.returncode == 2
    assert real.stderr.startswith(f"par: {plan}: git không đọc được phiên bản của tệp ở commit {first[:10]} ngày 02/01/2024: thiếu đối tượng {blob[:12]}")
    assert "Traceback" not in real.stderr and real.stdout == ""


def test_a_partial_clone_whose_remote_is_gone_names_the_version(tmp_path: Path):
    source = tmp_path / "source"
    build_year(source, YEAR[:2])
    git(source, "config", "uploadpack.allowfilter", "true")
    clone = tmp_path / "clone"
    # Without blobs: only the checked-out (newest) version's blob comes with the clone.
    git(tmp_path, "clone", "-q", "--filter=blob:none", "--no-local", source.as_uri(), str(clone))
    source.rename(tmp_path / "gone")  # the remote out of reach
    plan = clone / "plans" / "2024.yaml"
    first = git(clone, "rev-parse", "HEAD~1").strip()  # "Kế hoạch CCHC 2024", 02/01/2024
    blob = blob_of(source.parent / "gone", first)
    vi, en = history(plan), history(plan, "--lang", "en")
    assert vi.exit_code == en.exit_code == 2, en.output
    assert vi.stderr == (
        f"par: {plan}: git không đọc được phiên bản của tệp ở commit {first[:10]} ngày 02/01/2024: kho là bản sao một phần (partial clone) "
        f"và không lấy được đối tượng {blob[:12]} từ kho gốc; hãy kết nối được với kho gốc rồi thử lại\n"
    )
    assert en.stderr == (
        f"par: {plan}: git cannot read the file's version of commit {first[:10]} on 02/01/2024: the repository is a partial clone "
        f"and cannot fetch object {blob[:12]} from its remote; reach the remote and try again\n"
    )
    (tmp_path / "gone").rename(source)  # back within reach: git fetches the blob, history reads
    assert history(plan).exit_code == 0
