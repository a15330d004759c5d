"""Running the real `par` as a user other than the one running the tests.

What a file system refuses (a read-only plan, a plan nobody may read) can only be shown by a
user it refuses: root may read and write any file. CI runs the suite as root, so there each
such test runs `par` as a plain user made up for it (an id that exists nowhere, so nothing of
the machine's is touched), through util-linux's setpriv (.ci/run installs it); a user who is
not root runs it as themselves. Either way the test runs, and shows the same refusal.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SETPRIV = shutil.which("setpriv")
PLAIN = (46510, 46510)  # (uid, gid) of the plain user root runs `par` as


def as_user(user: tuple[int, int] | None, *command: str, groups: tuple[int, ...] = ()) -> list[str]:
    """``command`` run as ``user`` (None: as this process), in the supplementary ``groups``."""
    if user is None:
        return list(command)
    assert SETPRIV is not None, "setpriv (util-linux) is missing: .ci/run installs it"
    option = "--groups=" + ",".join(str(group) for group in groups) if groups else "--clear-groups"
    return [SETPRIV, f"--reuid={user[0]}", f"--regid={user[1]}", option, "--", *command]


def as_plain_user(*command: str) -> list[str]:
    """``command`` run by a user who is not root: this process's own user, or `PLAIN` as root."""
    return as_user(PLAIN if os.geteuid() == 0 else None, *command)


@contextmanager
def plain_users_folder() -> Iterator[Path]:
    """A folder of the user `as_plain_user` runs as, inside a folder anyone may enter
    (pytest's own tmp_path is root's alone). Files made in it go to that user with
    `give_to_plain_user`."""
    base = Path(tempfile.mkdtemp(prefix="par-plain-"))
    try:
        base.chmod(0o755)
        folder = base / "ke-hoach"
        folder.mkdir()
        give_to_plain_user(folder)
        yield folder
    finally:
        shutil.rmtree(base)


def give_to_plain_user(path: Path) -> None:
    """Make ``path`` the plain user's, where this process is root (otherwise it is already
    this process's own)."""
    if os.geteuid() == 0:
        os.chown(path, *PLAIN)
