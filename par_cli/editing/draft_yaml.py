"""Writing a new plan file: plain data as YAML in the bundled plan's style, with comments, to
a path that must not exist yet.

Strings are written double-quoted (JSON's escaping is valid YAML), so "1.1" stays a string
and no Vietnamese word is read as a boolean; small mappings and lists of scalars go on one
line (``{points: unknown}``), as a person would write them. The file appears whole or not at
all, and never replaces one that is there (see `write_new`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from par_cli.editing.atomic import new_file_mode

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_FLOW_WIDTH = 110


class FileExists(Exception):
    """The target is there already: a new plan never overwrites one."""


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value == "unknown":
        return "unknown"
    return json.dumps(str(value), ensure_ascii=False)


def key(name: Any) -> str:
    return str(name) if _PLAIN_KEY.match(str(name)) else json.dumps(str(name), ensure_ascii=False)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return scalar(value)


def _small(value: Any) -> bool:
    def depth(item: Any) -> int:
        if isinstance(item, dict):
            return 1 + max((depth(v) for v in item.values()), default=0)
        if isinstance(item, list):
            return 1 + max((depth(v) for v in item), default=0)
        return 0

    return depth(value) <= 2 and len(flow(value)) <= _FLOW_WIDTH


def dump(data: dict[str, Any], comments: dict[int, list[str]] | None = None, header: list[str] | None = None) -> str:
    """``comments`` maps ``id()`` of a mapping in ``data`` to the lines written above it."""
    notes = comments or {}
    lines = [f"# {line}" for line in header or []]
    lines += [f"# {line}" for line in notes.get(id(data), [])]
    _mapping(data, 0, lines, notes, top=True)
    return "\n".join(lines) + "\n"


def _mapping(data: dict[str, Any], indent: int, lines: list[str], notes: dict[int, list[str]], top: bool = False) -> None:
    pad = " " * indent
    for name, value in data.items():
        if top and name == "domains":
            lines.append("")
        if isinstance(value, dict) and value and id(value) in notes:
            lines += [f"{pad}# {line}" for line in notes[id(value)]]
        if isinstance(value, (dict, list)) and (not value or _small(value)):
            lines.append(f"{pad}{key(name)}: {flow(value)}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key(name)}:")
            _mapping(value, indent + 2, lines, notes)
        elif isinstance(value, list):
            lines.append(f"{pad}{key(name)}:")
            _sequence(value, indent + 2, lines, notes)
        else:
            lines.append(f"{pad}{key(name)}: {scalar(value)}")


def _sequence(items: list[Any], indent: int, lines: list[str], notes: dict[int, list[str]]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and id(item) in notes:
            lines += [f"{pad}# {line}" for line in notes[id(item)]]
        if isinstance(item, dict) and item and not _small(item):
            inner: list[str] = []
            _mapping(item, indent + 2, inner, notes)
            first = inner[0]
            lines.append(f"{pad}- {first[indent + 2:]}")
            lines += inner[1:]
        elif isinstance(item, list) and item and not _small(item):
            lines.append(f"{pad}-")
            _sequence(item, indent + 2, lines, notes)
        else:
            lines.append(f"{pad}- {flow(item)}")


def write_new(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or its UTF-8 bytes) to ``path`` only if nothing is there: written to a temporary file in the
    same folder, synced, then linked into place (a link fails when the name is taken, so two
    writers cannot both succeed and no existing file is ever replaced)."""
    path = Path(path)
    if path.exists():
        raise FileExists(str(path))
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, new_file_mode())  # mkstemp's 0600 would keep the plan from everyone else
            stream.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise FileExists(str(path)) from None
    finally:
        os.unlink(temporary)
