"""A plan file's versions as git holds them: who committed each one, when, and its bytes.

Three processes whatever the length of the history: one `git rev-parse` (a work tree, not
shallow, the folder's place in it), one `git log --follow` for the commits that touched the
file (with the blob each left behind), one `git cat-file --batch` for the contents of the
distinct blobs. Nothing here knows what a plan is.

A commit's day is its committer date in Asia/Ho_Chi_Minh: that is the day the version
existed for the department, whatever the zone of the machine that made the commit.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from par_cli.i18n import Message
from par_cli.plan.reasons import git_reason, os_reason

ZONE = "Asia/Ho_Chi_Minh"
_NO_BLOB = "0" * 40


class GitError(Exception):
    """Why there is no history to read: ``key`` is a message key (``history.*``)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Commit:
    """One version of the file: the commit that left it, and the blob it left."""

    sha: str
    author: str
    email: str
    committed: dt.datetime  # aware, as git recorded it
    day: dt.date  # the committer date in Asia/Ho_Chi_Minh
    subject: str
    path: str  # the file's path in that commit, relative to the repository's top
    blob: str | None  # None where git did not say (a merge): read as ``sha:path``

    @property
    def short(self) -> str:
        return self.sha[:10]

    @property
    def object_name(self) -> str:
        return self.blob or f"{self.sha}:{self.path}"


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise GitError("history.no_git") from None
    except OSError as error:
        raise GitError("history.git_failed", detail=os_reason(error)) from None


def _checked(result: subprocess.CompletedProcess[bytes]) -> bytes:
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace")
        raise GitError("history.git_failed", detail=git_reason(stderr) if stderr.strip() else Message("git.own_words", {"detail": f"exit {result.returncode}"}))
    return result.stdout


def file_versions(path: Path) -> list[Commit]:
    """Every commit that changed ``path`` (following renames), oldest first.

    Raises `GitError` outside a repository, in a shallow clone (its history is cut short, so
    a trajectory from it would be wrong without saying so), and for a file git never held.
    """
    path = Path(path).resolve()
    folder = path.parent
    if not folder.is_dir():
        raise GitError("history.no_file", path=path)
    # One process for the three questions: a work tree? a shallow clone? where in it?
    asked = _git(folder, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
    answers = asked.stdout.decode("utf-8").split("\n")
    if asked.returncode != 0 or len(answers) < 3 or answers[0] != "true":
        said = git_reason(asked.stderr.decode("utf-8", "replace"))
        if asked.returncode != 0 and said.code not in ("git.not_a_repository", "git.own_words"):
            raise GitError("history.git_failed", detail=said)  # a repository git refuses (another owner's)
        raise GitError("history.not_a_repository", path=path)
    if answers[1] == "true":
        raise GitError("history.shallow", path=path)
    output = _checked(
        _git(
            folder,
            "log",
            "--follow",
            "--no-abbrev",
            "--raw",
            "--diff-merges=first-parent",
            "--format=%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%s",
            "--",
            path.name,
        )
    )
    here = answers[2].strip() + path.name
    commits = [commit for chunk in output.split(b"\x1e")[1:] if (commit := _commit(chunk, here)) is not None]
    if not commits:
        raise GitError("history.no_history", path=path)
    commits.reverse()
    # Oldest first by the committer's instant; git's own order breaks ties (stable sort).
    commits.sort(key=lambda commit: commit.committed)
    return commits


def _commit(chunk: bytes, here: str) -> Commit | None:
    from zoneinfo import ZoneInfo

    text = chunk.decode("utf-8", "replace")
    header, _, rest = text.partition("\n")
    sha, author, email, date, subject = header.split("\x1f", 4)
    blob, file_path = None, None
    for line in rest.splitlines():
        if not line.startswith(":"):
            continue
        meta, *paths = line.split("\t")
        fields = meta.split()
        if fields[-1].startswith("D") or fields[3] == _NO_BLOB:
            return None  # the file was deleted here: no version to read
        blob, file_path = fields[3], paths[-1]
    committed = dt.datetime.fromisoformat(date)
    if file_path is None:
        file_path = here  # a merge, which git gives no raw line for: the file where it is now
    return Commit(sha, author, email, committed, committed.astimezone(ZoneInfo(ZONE)).date(), subject, file_path, blob)


def read_blobs(path: Path, commits: list[Commit]) -> dict[str, tuple[str, bytes]]:
    """The contents of every commit's version, read by one `git cat-file --batch`: by each
    commit's object name, ``(blob hash, bytes)``. Identical blobs are read once.

    Raises `GitError` naming the commit whose version git lacks (a damaged repository, an
    object file gone) or cannot fetch (a partial clone whose remote is out of reach): a
    history without those versions would be wrong without saying so."""
    folder = Path(path).resolve().parent
    names = list(dict.fromkeys(commit.object_name for commit in commits))
    if not names:
        return {}
    result = _git(folder, "cat-file", "--batch", stdin=("\n".join(names) + "\n").encode("utf-8"))
    if result.returncode != 0:
        said = git_reason(result.stderr.decode("utf-8", "replace"))
        if said.code == "git.unfetchable":
            lacking = [commit for commit in commits if commit.blob == said.params["object"]]
            if lacking:
                raise _missing(path, lacking, "history.unfetchable_version")
    output = _checked(result)
    contents: dict[str, tuple[str, bytes]] = {}
    position = 0
    for name in names:
        end = output.index(b"\n", position)
        header = output[position:end].decode("utf-8", "replace").split()
        position = end + 1
        if len(header) != 3:
            continue  # "missing": not in this repository
        size = int(header[2])
        if header[1] == "blob":
            contents[name] = (header[0], output[position : position + size])
        position += size + 1
    lacking = [commit for commit in commits if commit.object_name not in contents]
    if lacking:
        raise _missing(path, lacking, "history.missing_version" if len(lacking) == 1 else "history.missing_versions")
    return contents


def _missing(path: Path, lacking: list[Commit], key: str) -> GitError:
    """The refusal of a history with versions git cannot give: the oldest one by its commit
    and day, and how many there are."""
    first = min(lacking, key=lambda commit: commit.committed)
    return GitError(key, path=path, commit=first.short, day=first.day, object=first.blob[:12] if first.blob else first.object_name, count=len(lacking))
