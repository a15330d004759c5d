"""Problems are values: every issue found in a plan travels as a `Problem`, never as an
exception, so one run reports all of them and one place decides the exit code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

# Where a problem sits in the data: keys and list indices from the document root, e.g.
# ("domains", 0, "criteria", 3, "max"). Resolved to a line and column only when reported.
Loc = tuple[str | int, ...]

# An error makes a plan invalid (exit 1); a warning is said and the run still succeeds (a
# missing evidence file is worth knowing, not worth failing a scheduled check over).
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem in one file. ``code`` is a key of the message catalogue (i18n.MESSAGES)
    and ``params`` its parameters; the words are chosen when it is rendered
    (`par_cli.render.problems`: one line, JSON, or a message inside another)."""

    path: Path
    line: int
    column: int
    code: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    criterion_id: str | None = None
    severity: Severity = "error"


def exit_code(problems: Iterable[Problem]) -> int:
    """The one rule for the exit code of a run that reports problems: 1 when any of them is
    an error, 0 when there are none or only warnings."""
    return 1 if any(problem.severity == "error" for problem in problems) else 0


@dataclass(frozen=True)
class Finding:
    """A problem before it has a position: where it is in the data (``loc``), what it is.

    Checks produce findings on the validated model; the loader turns them into problems with
    line and column by walking the YAML only when there is something to report, so a valid
    plan never pays for positions.
    """

    loc: Loc
    code: str
    params: dict[str, object] = field(default_factory=dict)
    key: bool = False  # point at the key itself rather than its value (e.g. an unknown key)
    severity: Severity = "error"


class PlanFileError(Exception):
    """The plan file cannot be read at all (missing, a directory, permission denied): a
    usage error (exit 2), unlike a file that reads but is invalid (exit 1). A value like a
    `Problem`: the path, a catalogue key and its parameters (`render.problems.file_error_text`
    words it)."""

    def __init__(self, path: Path, code: str, **params: object) -> None:
        super().__init__(code)
        self.path = path
        self.code = code
        self.params = params
