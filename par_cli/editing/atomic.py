"""Writing a plan so that no reader ever sees half of it and no writer undoes another.

The new text goes to a temporary file beside the plan (same directory, so same file system),
is flushed and fsynced, checked, given the plan's permission bits and renamed over the plan:
a crash at any moment leaves either the old file or the new one, never a mix. Writers take
an exclusive lock on ``<plan>.lock`` first and read the plan only once they hold it, so two
`par set` runs at once apply one after the other instead of the second overwriting the first.
The lock is the kernel's (``flock``), so a killed `par` cannot leave a stale lock behind: its
file stays, holding nothing. The file is made for the plan, not for whoever made it (the plan's
owner and group, writable by those who may write the plan), so every user who may write the
plan can take turns on it, whatever their umask and whoever came first.
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


class PlanNotWritable(OSError):
    """A write par refuses for a reason of its own rather than the system's (a symlink at the
    lock's path): an OSError (``number``) for whoever catches those, and ``code``, the message
    key the command words it with (``params`` fill it in)."""

    def __init__(self, code: str, number: int, path: Path, **params: object) -> None:
        super().__init__(number, os.strerror(number), str(path))
        self.code = code
        self.params = params


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
        handle = _open_lock(lock_path, path)
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


LOCK_TEMP_SUFFIX = ".par-lock"


def _open_lock(lock_path: Path, plan: Path) -> int:
    """The lock file, created if need be, never through a symlink (a link planted at the
    lock's path would make par create or truncate any file it points to).

    Everyone who may write the plan must be able to lock it, whoever created the lock and
    whatever their umask, or a second user is refused at once and a lock left by a killed
    `par` of another user blocks everyone. So a new lock is made whole before it appears
    (`_create_lock`: the plan's owner and group, read-write for each class that may write
    the plan), and an existing one is opened read-only if it is not writable to us (a lock
    made by an older `par`): a lock needs no write access."""
    no_follow = getattr(os, "O_NOFOLLOW", 0)
    while True:
        try:
            try:
                handle = os.open(lock_path, os.O_RDWR | no_follow)
            except FileNotFoundError:
                created = _create_lock(lock_path, plan)
                if created is None:  # another writer made it meanwhile: open theirs
                    continue
                handle = created
            except PermissionError:
                handle = os.open(lock_path, os.O_RDONLY | no_follow)
        except OSError as error:
            if error.errno == errno.ELOOP or os.path.islink(lock_path):
                raise PlanNotWritable("edit.lock_symlink", errno.ELOOP, lock_path, lock=lock_path) from None
            raise
        break
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise PlanNotWritable("edit.lock_not_a_file", errno.EINVAL, lock_path, lock=lock_path)
    return handle


def _lock_mode(plan: Path) -> tuple[int, os.stat_result | None]:
    """The new lock's permission bits and the plan's status (whose owner and group the lock
    takes): read-write for its owner and for the group and others where they may write the
    plan. Only those who may write the plan may open the lock, so a user who may only read
    it cannot hold the lock and block the writers."""
    try:
        status = os.stat(plan)
    except OSError:
        return new_file_mode(), None
    writers = stat.S_IMODE(status.st_mode) & 0o022
    return 0o600 | writers | writers << 1, status


def _create_lock(lock_path: Path, plan: Path) -> int | None:
    """A new lock file at ``lock_path``, or None when one appeared there first.

    The file is made beside the lock, given its owner, group and mode, and only then linked
    to the lock's name: no other user ever sees it with the creator's umask and group (the
    window in which they would be refused). ``link`` fails if anything is at the name already,
    a symlink included (it never writes through one). Where the file system has no hard links, the lock is
    created in place, exclusively, and given its mode at once."""
    mode, status = _lock_mode(plan)
    handle, name = tempfile.mkstemp(dir=lock_path.parent, prefix=f".{lock_path.name}.", suffix=LOCK_TEMP_SUFFIX)
    try:
        _give_lock(handle, mode, status)
        try:
            os.link(name, lock_path)
        except FileExistsError:
            os.close(handle)
            return None
        except (OSError, NotImplementedError):
            os.close(handle)
            return _create_lock_in_place(lock_path, mode, status)
        return handle
    except BaseException:
        with suppress(OSError):
            os.close(handle)
        raise
    finally:
        with suppress(OSError):
            os.unlink(name)


def _create_lock_in_place(lock_path: Path, mode: int, status: os.stat_result | None) -> int | None:
    no_follow = getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL | no_follow, mode)
    except FileExistsError:
        return None
    _give_lock(handle, mode, status)
    return handle


def _give_lock(handle: int, mode: int, status: os.stat_result | None) -> None:
    """The plan's owner and group where the process may give them (root may; anyone may
    give a file a group they belong to), then ``mode`` (after the owner: a change of owner
    may clear bits)."""
    if status is not None and hasattr(os, "fchown"):
        try:
            os.fchown(handle, status.st_uid, status.st_gid)
        except OSError:
            with suppress(OSError):
                os.fchown(handle, -1, status.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(handle, mode)


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
    # A lock file being made lives for microseconds before its link; one a minute old was
    # left by a process killed in between.
    for orphan in path.parent.glob(f".{lock_path_of(path).name}.*{LOCK_TEMP_SUFFIX}"):
        with suppress(OSError):
            if time.time() - orphan.lstat().st_mtime > 60:
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
        if not file_holds(target, expected):
            raise PlanChanged(str(target))

    _write_and_rename(target, data, mode, before_rename)


def file_holds(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``: read a piece at a time, so that a
    writer holding the plan before and after never holds a third copy of it."""
    view = memoryview(data)
    at = 0
    with open(path, "rb") as stream:
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                return at == len(data)
            if view[at : at + len(chunk)] != chunk:
                return False
            at += len(chunk)


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
        raise OutputNotAFile(path)
    mode = stat.S_IMODE(os.stat(target).st_mode) if target.exists() else new_file_mode()
    _write_and_rename(target, data, mode)


def new_file_mode() -> int:
    """The mode a new file gets from ``open``: 0666 less the umask. A temporary file from
    `tempfile.mkstemp` is 0600 whatever the umask, so a file made from one and renamed or
    linked into place is given this mode first, or nobody but its maker could read it."""
    return 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


class OutputIsPlan(Exception):
    """``--output`` names a plan the command reads: writing would replace the plan."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class OutputNotAFile(Exception):
    """``--output`` names a FIFO, a device or a folder: writing would block or fail."""

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
