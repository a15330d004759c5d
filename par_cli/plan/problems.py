"""Problems are values: every issue found in a plan travels as a `Problem`, never as an
exception, so one run reports all of them and one place decides the exit code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from par_cli.i18n import Lang, Message, t

# Characters that would break a one-line message, shown as their escapes instead.
_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(text: str) -> str:
    """``text`` with any line break escaped and any other control character made visible:
    a message quoting the plan stays one line, and a terminal never receives an escape."""
    from par_cli.plan.text import visible

    return visible(text.translate(_LINE_BREAKS))


# Where a problem sits in the data: keys and list indices from the document root, e.g.
# ("domains", 0, "criteria", 3, "max"). Resolved to a line and column only when reported.
Loc = tuple[str | int, ...]

# An error makes a plan invalid (exit 1); a warning is said and the run still succeeds (a
# missing evidence file is worth knowing, not worth failing a scheduled check over).
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem in one file. ``code`` is a key of the message catalogue (i18n.MESSAGES)."""

    path: Path
    line: int
    column: int
    code: str
    params: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    criterion_id: str | None = None
    severity: Severity = "error"

    def message(self, lang: Lang) -> str:
        text = t(self.code, lang, **self.params)
        if self.criterion_id is not None:
            text = t("problem.of_criterion", lang, id=self.criterion_id, text=text)
        return text

    def as_message(self) -> Message:
        """The problem as a message another message can carry (worded with it, later)."""
        own = Message(self.code, self.params)
        return own if self.criterion_id is None else Message("problem.of_criterion", {"id": self.criterion_id, "text": own})

    def format(self, lang: Lang) -> str:
        """The one-line form every tool and editor understands: ``PATH:LINE:COL: message``.
        A line break quoted from the plan (a key typed with one) is shown escaped, so the
        problem stays on its line. A warning says so after the position, as compilers do."""
        label = f"{t('severity.warning', lang)}: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {label}{one_line(self.message(lang))}"

    def as_json(self, lang: Lang) -> dict[str, object]:
        return {
            "path": str(self.path),
            "line": self.line,
            "column": self.column,
            "criterion_id": self.criterion_id,
            "code": self.code,
            "severity": self.severity,
            "message": self.message(lang),
        }


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
    usage error (exit 2), unlike a file that reads but is invalid (exit 1)."""

    def __init__(self, path: Path, code: str, **params: object) -> None:
        super().__init__(code)
        self.path = path
        self.code = code
        self.params = params

    def message(self, lang: Lang) -> str:
        return f"{self.path}: {t(self.code, lang, **self.params)}"
