"""The `par` command line: a thin layer that parses options and hands over to the core.

`ParGroup.main` is where every run ends and its exit code is decided (see the table in
`commands.common`): a command returns (0) or raises `Usage` (2) or `Findings` (1); typer's
own usage errors are reworded in the user's language (2); every usage error, either kind,
ends with the line naming the command's help (`usage_error`); a bug in par is one line on stderr
and exit 3 (`main`). `par --help` and `par` alone are answered by `commands.help.top_level`
(the console script asks it before importing typer; `ParGroup.main` asks it first too).

Commands are built lazily: the group knows them from the registry `commands.help.COMMANDS`
(name → module and function), and typer builds a command only when it is run or its help
is asked for, from its module imported then. Help pages are written by `commands.help` in
the user's language (``--lang``, ``PAR_LANG``), never by click's English formatter.

Heavy modules (pydantic, ruamel.yaml, rich) are imported inside the commands that need them,
so `par --help` and a command that fails early stay fast.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from par_cli.commands.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, Findings, Usage
from par_cli.commands.help import COMMANDS, LANGS, command_help, language_of, top_help, top_level
from par_cli.i18n import Lang, t

try:  # typer ≥ 0.22 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer, click installed beside it
    from click import exceptions as click_errors  # type: ignore[no-redef]


# Compiled by `re` when a usage error is reworded (its cache keeps them), not at every start.
_PATTERNS: list[tuple[str, str]] = [
    (r"^Input should be (?P<op>less|greater) than or equal to (?P<limit>\S+?)\.?$", "usage.bound"),
    (r"^Input should be a valid integer.*$", "usage.integer_needed"),
    (r"^'?(?P<value>.*?)'? is not one of (?P<choices>.*?)\.?$", "usage.not_a_choice"),
    (r"^'?(?P<value>.*?)'? is not a valid integer\.?$", "usage.not_an_integer"),
    (r"^(?:Value )?'?(?P<value>.*?)'? is not a valid int\.?$", "usage.not_an_integer"),
    (r"^(?P<value>.*?) is not in the range (?P<range>.*?)\.?$", "usage.out_of_range"),
    (r"^No such command '(?P<command>.*?)'\.?(?: Did you mean (?P<choices>.*)\?)?$", "usage.no_such_command"),
    (r"^Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)$", "usage.extra_arguments"),
    (r"^Input should be a valid number.*$", "usage.number_needed"),
]


def _reword(text: str, lang: Lang) -> str:
    text = text.removeprefix("Value error, ")
    for pattern, key in _PATTERNS:
        match = re.match(pattern, text.strip())
        if match:
            params = {name: value for name, value in match.groupdict().items() if value is not None}
            if key == "usage.bound":
                key = "usage.at_most" if params["op"] == "less" else "usage.at_least"
            message = t(key, lang, **{name: params.get(name, "") for name in match.groupdict()})
            if key == "usage.no_such_command" and params.get("choices"):
                message += "; " + t("usage.did_you_mean", lang, choices=params["choices"])
            return message
    return text.rstrip(".")


def _hint(error: Any) -> str:
    hint = error.param_hint
    if hint is None and error.param is not None:
        try:
            hint = error.param.get_error_hint(error.ctx)
        except TypeError:  # typer ≥ 0.22: no context
            hint = error.param.get_error_hint()
    return hint if isinstance(hint, str) else " / ".join(hint or ())


def usage_message(error: Exception, lang: Lang) -> str:
    """typer's (click's) usage error in the user's words."""
    if isinstance(error, click_errors.NoSuchOption):
        message = t("usage.no_such_option", lang, option=error.option_name)
        if error.possibilities:
            message += "; " + t("usage.did_you_mean", lang, choices=", ".join(sorted(error.possibilities)))
        return message
    if isinstance(error, click_errors.BadOptionUsage):
        if "requires" in error.message:
            return t("usage.needs_value", lang, option=error.option_name)
        return t("usage.other", lang, detail=error.message)
    if isinstance(error, click_errors.MissingParameter):
        return t("usage.missing", lang, param=_hint(error))
    if isinstance(error, click_errors.BadParameter):
        return t("usage.bad_value", lang, param=_hint(error), detail=_reword(error.message, lang))
    return _reword(getattr(error, "message", str(error)), lang)


class ParCommand(TyperCommand):
    """A command whose help page is written by `commands.help`, in the user's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:  # noqa: D102
        root = ctx.find_root().command
        formatter.write(command_help(self, ctx, getattr(root, "lang", None) or language_of([])))


def build_command(name: str) -> Any:
    """The typer command ``name``, built from its module (imported now) and nothing else."""
    entry = COMMANDS[name]
    function = getattr(importlib.import_module(entry.module), entry.function)
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False, pretty_exceptions_show_locals=False, rich_markup_mode=None)
    single.command(name, cls=ParCommand, help=entry.help_key, hidden=entry.hidden)(function)
    return typer.main.get_command(single)


class LazyCommands(MutableMapping[str, Any]):
    """The group's commands: every name of the registry, each built when first looked up."""

    def __init__(self) -> None:
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in COMMANDS:
            raise KeyError(name)
        if name not in self.built:
            self.built[name] = build_command(name)
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:  # typer adds none (the app registers none)
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class ParGroup(TyperGroup):
    lang: Lang | None = None

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = LazyCommands()
        # `par --help` is read by `root_options` (typer would coerce the group's help flag
        # through pydantic on every run, the 100 ms that `par score --help` need not pay).
        self.add_help_option = False

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: D102 - without building them
        return [name for name, entry in COMMANDS.items() if not entry.hidden]

    def format_help(self, ctx: Any, formatter: Any) -> None:  # noqa: D102 - from the registry alone
        formatter.write(top_help(self.lang or language_of([])))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:  # noqa: D102
        argv = list(sys.argv[1:] if args is None else args)
        lang = self.lang = language_of(argv)
        quick = top_level(argv)
        if quick is not None:
            text, code = quick
            typer.echo(text, nl=False)
        else:
            code = self._run(argv, prog_name, complete_var, lang, **extra)
        if not standalone_mode:
            return code
        sys.exit(code)

    def _run(self, argv: list[str], prog_name: str | None, complete_var: str | None, lang: Lang, **extra: Any) -> int:
        try:
            rest = root_options(argv, lang)
            if rest is None:
                typer.echo(top_help(lang), nl=False)
                return EXIT_OK
            code = super().main(rest, prog_name or "par", complete_var, standalone_mode=False, **extra)
            return code if isinstance(code, int) else EXIT_OK
        except click_errors.NoArgsIsHelpError as error:
            typer.echo(error.ctx.get_help() if error.ctx else "", err=False)
            return EXIT_USAGE
        except click_errors.UsageError as error:  # typer's (click's) own, in our words
            command = error.ctx.command_path if error.ctx is not None and error.ctx.parent is not None else None
            return usage_error(usage_message(error, lang), command or _command_path(argv), lang)
        except Usage as error:  # a command's own, worded already
            return usage_error(error.message, (error.command or _command_path(argv)) if error.hint else None, lang)
        except Findings as error:  # said already
            return error.exit_code
        except click_errors.ClickException as error:  # click's own (a file it could not open)
            typer.echo(f"par: {t('usage.error', lang, detail=_reword(error.format_message(), lang))}", err=True)
            return error.exit_code
        except typer.Abort:
            return 1
        except OSError as error:
            # The system refused a path the user gave where a command asked about it before
            # reading it (Path.is_dir() lets ENAMETOOLONG and EACCES through): the user's to
            # fix, said as such, not a bug in par.
            if error.filename is None:
                raise
            from par_cli.plan.reasons import os_reason

            typer.echo(f"par: {t('usage.path_refused', lang, path=os.fsdecode(error.filename), reason=os_reason(error))}", err=True)
            return EXIT_USAGE


def usage_error(message: str, command: str | None, lang: Lang) -> int:
    """The one end of every usage error, typer's or a command's own: ``par: MESSAGE`` and,
    unless the trouble is a file rather than the command line (`commands.common.FileUsage`,
    ``command`` None), the line naming the help of ``command`` (``par set``, ``par``); exit 2."""
    typer.echo(f"par: {message}", err=True)
    if command is not None:
        typer.echo(t("usage.try_help", lang, command=command), err=True)
    return EXIT_USAGE


def _command_path(argv: list[str]) -> str:
    """``par due`` for an error click raised without the command's context."""
    named = [arg for index, arg in enumerate(argv) if not arg.startswith("-") and (index == 0 or argv[index - 1] != "--lang")]
    return f"par {named[0]}" if named and named[0] in COMMANDS else "par"


class RootUsage(Usage):
    """A bad ``--lang`` before the command: the help to see is that of `par`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.command = "par"


def root_options(argv: list[str], lang: Lang) -> list[str] | None:
    """The command line without the options of `par` itself, given before the command:
    ``--lang`` (its language is `ParGroup.lang`, read by `commands.common.lang_of`) and
    ``--help`` (None: the help of `par` is asked for). The group has no typer option of its
    own: typer coerces each option of the group through pydantic on every run, which would
    cost `par score --help` the import of pydantic."""
    kept: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--help":
            return None
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang" and index + 1 >= len(argv):
                raise RootUsage(t("usage.needs_value", lang, option="--lang"))
            value = arg.split("=", 1)[1] if "=" in arg else argv[index + 1]
            if value not in LANGS:
                raise RootUsage(t("usage.bad_lang", lang, value=value))
            index += 1 if "=" in arg else 2
            continue
        if arg == "--" or not arg.startswith("-"):
            return kept + argv[index:]
        kept.append(arg)
        index += 1
    return kept


app = typer.Typer(
    name="par",
    cls=ParGroup,
    help="help.app",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    """``par --lang en COMMAND``: the language for every command, read by `ParGroup` (see
    `without_root_lang`)."""


def main() -> None:
    """Console entry point: a user never sees a Python traceback, even from a bug in par
    (exit 3, `commands.common.EXIT_INTERNAL`)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        from par_cli.i18n import resolve_lang

        lang = resolve_lang(None)
        print(f"par: {t('internal.error', lang, kind=type(error).__name__, detail=str(error)[:200])}", file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
