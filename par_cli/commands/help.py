"""What `par` offers and how its help reads, without typer: the registry of commands, the
language a command line asks for, and the one help writer of every command.

`par --help` (and `par` alone) is answered from here alone (`top_level`): the registry
names each command's module and its one-line help (a catalogue key), so listing the
commands imports none of them and builds no typer command; it costs the catalogue and
nothing else. The console script asks `top_level` before it imports typer at all, and
`cli.ParGroup` asks it too, so the help and its exit code are the same either way.

A command's own help (`par score --help`) is written by `command_help` from the parameters
typer built for that one command, in the words of the catalogue: headings, the usage line,
``[mặc định: …]``, ``[bắt buộc]``, type names. Nothing English from click or typer reaches a
user who reads Vietnamese.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, NamedTuple

from par_cli.i18n import MESSAGES, Lang, t


class Entry(NamedTuple):
    """A command: the module and function that make it, its one-line help (a catalogue key),
    whether `par --help` lists it."""

    module: str
    function: str
    help_key: str
    hidden: bool = False


# In the order `par --help` lists them.
COMMANDS: dict[str, Entry] = {
    "validate": Entry("par_cli.commands.validate", "validate", "help.cmd.validate"),
    "score": Entry("par_cli.commands.score", "score", "help.cmd.score"),
    "gap": Entry("par_cli.commands.gap", "gap", "help.cmd.gap"),
    "due": Entry("par_cli.commands.due", "due", "help.cmd.due"),
    "report": Entry("par_cli.commands.report", "report", "help.cmd.report"),
    "history": Entry("par_cli.commands.history", "history", "help.cmd.history"),
    "units": Entry("par_cli.commands.units", "units", "help.cmd.units"),
    "set": Entry("par_cli.commands.edit", "set_", "help.cmd.set"),
    "done": Entry("par_cli.commands.edit", "done", "help.cmd.done"),
    "evidence": Entry("par_cli.commands.edit", "evidence", "help.cmd.evidence"),
    "justify": Entry("par_cli.commands.edit", "justify", "help.cmd.justify"),
    # The same command under its Vietnamese name, typed without diacritics.
    "giai-trinh": Entry("par_cli.commands.edit", "justify", "help.cmd.justify", hidden=True),
    "sheet": Entry("par_cli.commands.sheet", "sheet", "help.cmd.sheet"),
    "schema": Entry("par_cli.commands.schema", "schema", "help.cmd.schema"),
    "import": Entry("par_cli.commands.import_", "import_", "help.cmd.import"),
    "new-year": Entry("par_cli.commands.new_year", "new_year", "help.cmd.new-year"),
    "diff": Entry("par_cli.commands.diff", "diff", "help.cmd.diff"),
    "init": Entry("par_cli.commands.init", "init", "help.cmd.init"),
    "workbook": Entry("par_cli.commands.workbook", "workbook", "help.cmd.workbook"),
    "collect": Entry("par_cli.commands.workbook", "collect", "help.cmd.collect"),
}

EXIT_OK = 0
EXIT_USAGE = 2  # the same codes as `commands.common` (which takes them from here)

LANGS = ("vi", "en")


def language_of(args: Iterable[str]) -> Lang:
    """The language a command line asks for, before typer has parsed it: ``--lang en``,
    ``--lang=en``, else ``PAR_LANG``, else Vietnamese. Help and usage errors need it first."""
    args = list(args)
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1].lower().startswith("en") else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower().startswith("en") else "vi"
    return "en" if os.environ.get("PAR_LANG", "").lower().startswith("en") else "vi"


def top_level(args: Sequence[str]) -> tuple[str, int] | None:
    """`par`, `par --help`, `par --lang en --help`: the help of `par` and the exit code (2
    with no arguments: nothing was asked; 0 when help was asked for). Anything else is None,
    for typer to parse."""
    args = list(args)
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--lang" and index + 1 < len(args) and args[index + 1] in LANGS:
            index += 2
            continue
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            index += 1
            continue
        rest.append(arg)
        index += 1
    if not rest:
        return top_help(language_of(args)), EXIT_USAGE
    if rest == ["--help"]:
        return top_help(language_of(args)), EXIT_OK
    return None


def top_help(lang: Lang, width: int | None = None) -> str:
    """The help of `par`: what it is, its one option, its commands with their one line."""
    page = HelpPage(lang, width)
    page.usage("par", [t("help.word.options", lang), t("help.word.command", lang)])
    page.paragraph(words("help.app", lang))
    page.section(t("help.heading.options", lang), [(f"--lang <{'|'.join(LANGS)}>", _with_extras(words("help.common.lang", lang), [t("help.extra.envvar", lang, var="PAR_LANG")])), ("--help", t("help.help_option", lang))])
    page.section(t("help.heading.commands", lang), [(name, words(entry.help_key, lang)) for name, entry in COMMANDS.items() if not entry.hidden])
    return page.text()


# --- one command's help, from the parameters typer built for it ---------------------------


def command_help(command: Any, ctx: Any, lang: Lang, width: int | None = None) -> str:
    """``par CMD --help``: the usage line, what the command does, its arguments and options,
    every word from the catalogue (help texts are catalogue keys, see `commands.common`)."""
    params = list(command.get_params(ctx))
    help_option = command.get_help_option(ctx)
    page = HelpPage(lang, width)
    pieces = [t("help.word.options", lang)] if params else []
    pieces += [_usage_name(param) for param in params if _is_argument(param)]
    page.usage(ctx.command_path, pieces)
    page.paragraph(words(command.help, lang))
    arguments = [_argument_record(param, lang) for param in params if _is_argument(param) and not param.hidden]
    options = [_option_record(param, ctx, lang, param is help_option) for param in params if not _is_argument(param) and not getattr(param, "hidden", False)]
    page.section(t("help.heading.arguments", lang), arguments)
    page.section(t("help.heading.options", lang), options)
    return page.text()


def words(text: str | None, lang: Lang) -> str:
    """A help text: a catalogue key in ``lang``'s words, anything else as written."""
    if not text:
        return ""
    return MESSAGES[text][lang] if text in MESSAGES else text


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _name(param: Any) -> str:
    return param.metavar or (param.name or "").upper()


def _usage_name(param: Any) -> str:
    """A metavar as written (``[PLAN]``, ``ID``: a command's own words); else the name,
    in brackets when it may be left out."""
    name = _name(param)
    if not param.metavar and not param.required:
        name = f"[{name}]"
    if param.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


def _argument_record(param: Any, lang: Lang) -> tuple[str, str]:
    name = _name(param) if param.metavar else f"{_name(param)} {_type_word(param, lang)}"
    extras = [t("help.extra.required", lang)] if param.required else []
    return name, _with_extras(words(param.help, lang), extras)


def _option_record(param: Any, ctx: Any, lang: Lang, is_help: bool) -> tuple[str, str]:
    flag = getattr(param, "is_flag", False) or getattr(param, "count", False)
    shown = ", ".join(sorted(param.opts, key=lambda opt: (opt.startswith("--"), opt)))
    if getattr(param, "secondary_opts", None):
        shown += " / " + ", ".join(param.secondary_opts)
    if not flag:
        shown += " " + (param.metavar or _type_word(param, lang))
    if is_help:
        return shown, t("help.help_option", lang)
    extras: list[str] = []
    if getattr(param, "show_envvar", False) and param.envvar:
        extras.append(t("help.extra.envvar", lang, var=param.envvar if isinstance(param.envvar, str) else ", ".join(param.envvar)))
    default = _default_shown(param, ctx)
    if default:
        extras.append(t("help.extra.default", lang, default=default))
    limits = _range(param)
    if limits:
        extras.append(limits)
    if param.required:
        extras.append(t("help.extra.required", lang))
    return shown, _with_extras(words(param.help, lang), extras)


def _with_extras(text: str, extras: list[str]) -> str:
    return f"{text}  [{'; '.join(extras)}]" if extras else text


def _default_shown(param: Any, ctx: Any) -> str:
    if isinstance(param.show_default, str):
        return param.show_default
    if not (param.show_default or getattr(ctx, "show_default", False)):
        return ""
    value = param.default
    if value is None or value is False or callable(value) or value in ([], ()):
        return ""
    if value is True:
        return param.opts[0] if getattr(param, "secondary_opts", None) else ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item.value if isinstance(item, Enum) else item) for item in value)
    return str(value.value if isinstance(value, Enum) else value)


def _range(param: Any) -> str:
    """``1<=x<=3``: a number's bounds, written the same in both languages."""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is None and high is None:
        return ""
    if low is None:
        return f"x<={high}"
    if high is None:
        return f"x>={low}"
    return f"{low}<=x<={high}"


# typer's name of a parameter's type ("<path>", "<int range>", "<list[str]>") → catalogue key.
_TYPE_WORDS = {"str": "help.type.text", "path": "help.type.path", "file": "help.type.path", "directory": "help.type.path", "int": "help.type.integer", "int range": "help.type.integer", "float": "help.type.number", "float range": "help.type.number", "bool": "help.type.yes_no"}


def _type_word(param: Any, lang: Lang) -> str:
    """``<đường dẫn>``, ``<vi|en>``: the kind of value a parameter takes, in ``lang``."""
    try:
        label = param.display_type(None)
    except Exception:  # noqa: BLE001 - an older typer: click's type names
        label = f"<{getattr(getattr(param, 'type', None), 'name', 'text')}>"
    inner = label.strip("<>")
    many = inner.startswith("list[") and inner.endswith("]")
    inner = inner[5:-1] if many else inner
    if "|" in inner:  # a choice: its values, as typed
        return f"<{inner}>"
    key = _TYPE_WORDS.get(inner.lower())
    shown = f"<{MESSAGES[key][lang] if key else inner}>"
    return f"{shown}..." if many else shown


# --- the page ------------------------------------------------------------------------------


def terminal_width() -> int:
    """Click's rule: the terminal's columns (``COLUMNS`` first), at most 80, less 2, at
    least 50."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, 80) - 2, 50)


class HelpPage:
    """A help page laid out as click lays it out: a usage line, an indented paragraph,
    headed sections of two columns, the second wrapped."""

    COLUMN_MAX = 30
    SPACING = 2
    INDENT = 2

    def __init__(self, lang: Lang, width: int | None = None) -> None:
        self.lang = lang
        self.width = width or terminal_width()
        self.lines: list[str] = []

    def usage(self, program: str, pieces: list[str]) -> None:
        self.lines.append(" ".join([f"{t('help.heading.usage', self.lang)}:", program, *pieces]))

    def paragraph(self, text: str) -> None:
        if not text:
            return
        self.lines.append("")
        self.lines += wrap(text, self.width - self.INDENT, " " * self.INDENT)

    def section(self, heading: str, rows: list[tuple[str, str]]) -> None:
        if not rows:
            return
        self.lines += ["", f"{heading}:"]
        first = min(max(len(name) for name, _ in rows), self.COLUMN_MAX)
        text_width = max(self.width - first - self.SPACING - self.INDENT, 10)
        for name, text in rows:
            lead = " " * self.INDENT + name
            body = wrap(text, text_width, "") or [""]
            if len(name) <= first:
                self.lines.append((lead.ljust(self.INDENT + first + self.SPACING) + body[0]).rstrip())
                rest = body[1:]
            else:  # too long a name: its text starts on the next line
                self.lines.append(lead)
                rest = body
            self.lines += [" " * (self.INDENT + first + self.SPACING) + line for line in rest]

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def wrap(text: str, width: int, indent: str) -> list[str]:
    """Greedy word wrap (textwrap would cost `par --help` its regular expressions)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(indent + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(indent + line)
    return lines
