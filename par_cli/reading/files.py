"""Reading a file the user named, as a regular file only.

A FIFO, a socket or a device named where par reads a file (a plan, a framework table, a
workbook, a mapping, a Word form) would block par forever or never end; a directory is no
file. Each is refused before a byte is read: the file is opened without blocking, then
checked (so no race swaps one in between the check and the read), then read. The reasons
are values (`Message`s) for the caller to put in its own words.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from par_cli.i18n import Message

# The stated input limit (README, "Bad input") of any file par reads whole.
MAX_INPUT_BYTES = 64 * 1024 * 1024


class NotRegular(Exception):
    """The path is a directory (``directory``) or a FIFO, a socket or a device."""

    def __init__(self, path: Path, directory: bool) -> None:
        super().__init__(str(path))
        self.path = path
        self.directory = directory


def read_regular(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes of the regular file at ``path``; `NotRegular` for anything else,
    before a byte is read. The system's own refusals (not there, permission) are `OSError`."""
    # Looked at first, for what cannot even be opened (a socket: ENXIO) and for a directory;
    # then checked again on what was opened, so nothing swapped in between is read.
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegular(path, directory=stat.S_ISDIR(mode))
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(path, directory=stat.S_ISDIR(mode))
        chunks: list[bytes] = []
        left = limit
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


class InputRefused(Exception):
    """A file par will not or cannot read, with why (``reason``, a `Message`); ``missing``
    when there is no file at all (commands word that on its own: "file not found")."""

    def __init__(self, path: Path, reason: Message) -> None:
        super().__init__(reason.code)
        self.path = path
        self.reason = reason

    @property
    def missing(self) -> bool:
        return self.reason.code == "os.not_found"


def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The whole of the regular file at ``path``, at most ``limit`` bytes; `InputRefused`
    with the reason otherwise (a directory, a FIFO, a socket or a device, too large, not
    there, the system's refusal)."""
    from par_cli.plan.reasons import os_reason

    try:
        data = read_regular(path, limit + 1)
    except NotRegular as refused:
        raise InputRefused(path, Message("os.is_directory" if refused.directory else "os.not_regular")) from None
    except OSError as error:
        raise InputRefused(path, os_reason(error)) from None
    if len(data) > limit:
        raise InputRefused(path, Message("file.too_large", {"size": os.stat(path).st_size // 2**20, "limit": limit // 2**20}))
    return data
