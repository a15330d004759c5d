"""The words of a problem: the one place a `Problem` (a catalogue key with its parameters
and its position) or a `PlanFileError` becomes text, in the language the renderer asks for.

Three forms, the same everywhere: the one line every tool and editor understands
(``PATH:LINE:COL: message``, a warning saying so after the position, as compilers do), the
JSON object of ``--format json`` (its keys are documented in the README and stable), and a
`Message` another message can carry (a refusal that quotes the problems behind it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.i18n import Lang, Message, t

if TYPE_CHECKING:
    from par_cli.plan.problems import PlanFileError, Problem

# Characters that would break a one-line message, shown as their escapes instead.
_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def one_line(text: str) -> str:
    """``text`` with any line break escaped and any other control character made visible:
    a message quoting the plan stays one line, and a terminal never receives an escape."""
    from par_cli.plan.text import visible

    return visible(text.translate(_LINE_BREAKS))


def problem_message(problem: "Problem") -> Message:
    """The problem as a message: its own, inside "criterion ID: …" when it concerns one."""
    own = Message(problem.code, problem.params)
    return own if problem.criterion_id is None else Message("problem.of_criterion", {"id": problem.criterion_id, "text": own})


def problem_text(problem: "Problem", lang: Lang) -> str:
    """What the problem says, without its position."""
    message = problem_message(problem)
    return t(message.code, lang, **message.params)


def problem_line(problem: "Problem", lang: Lang) -> str:
    """``PATH:LINE:COL: [cảnh báo: ]message`` on one line: a line break quoted from the plan
    (a key typed with one) is shown escaped, so the problem stays on its line."""
    label = f"{t('severity.warning', lang)}: " if problem.severity == "warning" else ""
    return f"{problem.path}:{problem.line}:{problem.column}: {label}{one_line(problem_text(problem, lang))}"


def problem_json(problem: "Problem", lang: Lang) -> dict[str, object]:
    """A problem under ``--format json``; only ``message`` depends on the language."""
    return {
        "path": str(problem.path),
        "line": problem.line,
        "column": problem.column,
        "criterion_id": problem.criterion_id,
        "code": problem.code,
        "severity": problem.severity,
        "message": problem_text(problem, lang),
    }


def file_error_text(error: "PlanFileError", lang: Lang) -> str:
    """``PATH: why`` for a plan file that cannot be read at all (a usage error)."""
    return f"{error.path}: {t(error.code, lang, **error.params)}"


def worded(code: str, params: "dict[str, object]", lang: Lang) -> str:
    """``t(code, **params)`` where a parameter may hold problems (a refusal carries the
    problems behind it as values): they are worded as the messages they are."""
    from par_cli.plan.problems import Problem

    def shown(value: object) -> object:
        if isinstance(value, Problem):
            return problem_message(value)
        if isinstance(value, tuple) and value and all(isinstance(item, Problem) for item in value):
            return tuple(problem_message(item) for item in value)
        return value

    return t(code, lang, **{name: shown(value) for name, value in params.items()})
