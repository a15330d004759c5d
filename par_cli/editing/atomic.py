"""Writing a plan so that no reader ever sees half of it and no writer undoes another.

The new text goes to a temporary file beside the plan (same directory, so same file system),
is flushed and fsynced, checked, given the plan's permission bits and renamed over the plan:
a crash at any moment leaves either the old file or the new one, never a mix. Writers take
an exclusive lock on ``<plan>.lock`` first and read the plan only once they hold it, so two
`par set` runs at once apply one after the other instead of the second overwriting the first.
The lock is the kernel's (``flock``), so a killed `par` cannot leave a stale lock behind.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

TEMP_SUFFIX = ".par-tmp"


class PlanBusy(Exception):
    """Another process held the plan's lock for longer than we were willing to wait."""

    def __init__(self, lock_path: Path) -> None:
        super().__init__(str(lock_path))
        self.lock_path = lock_path


class PlanChanged(Exception):
    """The plan's bytes changed between our reading and our writing (an editor saved it)."""


class PlanHardLinked(OSError):
    """The plan has other names (hard links): replacing one would split it in two. An
    OSError (EMLINK) for whoever catches those; ``links`` says how many names it has."""

    def __init__(self, links: int, path: Path) -> None:
        super().__init__(errno.EMLINK, os.strerror(errno.EMLINK), str(path))
        self.links = links


def lock_path_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextmanager
def plan_lock(path: Path, wait: float) -> Iterator[None]:
    """Hold the plan's write lock; raise `PlanBusy` after ``wait`` seconds without it.

    The lock file is removed on release. A process that opened it just before the removal
    would lock a file no longer in the directory, so after locking we check that the file at
    the path is still the one we hold, and try again if not.
    """
    lock_path = lock_path_of(path)
    deadline = time.monotonic() + wait
    while True:
        handle = _open_lock(lock_path)
        if _try_lock(handle):
            try:
                current = os.stat(lock_path).st_ino
            except FileNotFoundError:
                current = None
            if current == os.fstat(handle).st_ino:
                break
        os.close(handle)
        if time.monotonic() >= deadline:
            raise PlanBusy(lock_path)
        time.sleep(0.05)
    try:
        _remove_stale_temporaries(path)
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock_path)
        os.close(handle)


def _open_lock(lock_path: Path) -> int:
    """The lock file, created if need be, never through a symlink (a link planted at the
    lock's path would make par create or truncate any file it points to). A lock left by
    another user (a killed par leaves its file behind, unlocked) is opened read-only: a lock
    needs no write access, so the second user waits for the first instead of being refused."""
    no_follow = getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT | no_follow, 0o666)
    except PermissionError:
        handle = os.open(lock_path, os.O_RDONLY | no_follow)
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise OSError(errno.EINVAL, "the lock's path is not a regular file", str(lock_path))
    return handle


def _try_lock(handle: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: a byte-range lock, released by the system when par exits
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _remove_stale_temporaries(path: Path) -> None:
    """A writer killed between writing its temporary file and renaming it leaves the file
    behind; only the lock holder writes temporaries, so the ones we see now are orphans."""
    for orphan in path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"):
        with suppress(OSError):
            orphan.unlink()


def replace_atomically(path: Path, data: bytes, *, expected: bytes, check: Callable[[Path], None] | None = None) -> None:
    """Replace the file at ``path`` (a symlink's target, not the link) by ``data``.

    ``expected`` is what the file held when it was read: if it holds something else now, the
    write is refused with `PlanChanged` rather than silently undoing someone's edit. ``check``
    sees the temporary file before the rename and may raise to abandon the write.
    """
    target = Path(os.path.realpath(path))
    status = os.stat(target)
    mode = stat.S_IMODE(status.st_mode)
    if status.st_nlink > 1:
        # Replacing one name of a hard-linked file would leave the other names on the old
        # text: the plan would silently split in two. Refused (README, "Bad input").
        raise PlanHardLinked(status.st_nlink, target)
    if not os.access(target, os.W_OK):
        # Renaming over a read-only file succeeds in a writable folder; the flag means "do not
        # change this file", so respect it.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
    def before_rename(temporary: Path) -> None:
        _keep_owner(temporary, status)
        if check is not None:
            check(temporary)
        if target.read_bytes() != expected:
            raise PlanChanged(str(target))

    _write_and_rename(target, data, mode, before_rename)


def _write_and_rename(target: Path, data: bytes, mode: int, before_rename: Callable[[Path], None] | None = None) -> None:
    """The one way a file is written: ``data`` into a temporary file beside ``target``,
    flushed to disk, given ``mode``, shown to ``before_rename`` (which may raise to abandon
    the write), then renamed over ``target`` and the folder synced. A crash at any point
    leaves either the old file or the new one, never a part of either."""
    handle, temporary_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if before_rename is not None:
            before_rename(temporary)
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise
    _sync_directory(target.parent)


def _keep_owner(temporary: Path, status: os.stat_result) -> None:
    """The new file keeps the old one's owner and group where the process may give them
    (root may; anyone may keep their own uid and a group they belong to)."""
    if not hasattr(os, "chown"):
        return
    with suppress(OSError):
        os.chown(temporary, status.st_uid, status.st_gid)
    if os.stat(temporary).st_gid != status.st_gid:
        with suppress(OSError):
            os.chown(temporary, -1, status.st_gid)


def write_output(path: Path, data: bytes, *, reading: tuple[Path, ...] = ()) -> None:
    """Write a command's output file atomically (a temporary file beside it, then a rename),
    never over a plan being read, even through a symlink or another name, and never into
    anything but a regular file (a FIFO would block par forever)."""
    target = Path(os.path.realpath(path))
    for plan in reading:
        try:
            if os.path.realpath(plan) == str(target) or (target.exists() and os.path.samefile(plan, target)):
                raise OutputIsPlan(path)
        except FileNotFoundError:
            continue
    if target.exists() and not target.is_file():
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    mode = stat.S_IMODE(os.stat(target).st_mode) if target.exists() else 0o666 & ~_umask()
    _write_and_rename(target, data, mode)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


class OutputIsPlan(Exception):
    """``--output`` names a plan the command reads: writing would replace the plan."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if sys.platform.startswith("win"):
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
