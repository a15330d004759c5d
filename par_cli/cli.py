"""The `par` command line: a thin layer that parses options and hands over to the core.

`ParGroup.main` is where every run ends and its exit code is decided (see the table in
`commands.common`): a command returns (0) or raises `Usage` (2) or `Findings` (1); typer's
own usage errors are reworded in the user's language (2); a bug in par is one line on stderr
and exit 3 (`main`). Before parsing, help texts (catalogue keys) are put into the language
asked for, so ``par --help --lang en`` and ``PAR_LANG=en par score --help`` read English.

Heavy modules (pydantic, ruamel.yaml, rich) are imported inside the commands that need them,
so `par --help` and a command that fails early stay fast.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from par_cli.commands.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, LangOption, language_of
from par_cli.commands.diff import diff
from par_cli.commands.due import due
from par_cli.commands.new_year import new_year
from par_cli.commands.gap import gap
from par_cli.commands.import_ import import_
from par_cli.commands.init import init
from par_cli.commands.history import history
from par_cli.commands.report import report
from par_cli.commands.edit import done, evidence, justify, set_
from par_cli.commands.schema import schema
from par_cli.commands.score import score
from par_cli.commands.sheet import sheet
from par_cli.commands.units import units
from par_cli.commands.validate import validate
from par_cli.commands.workbook import collect, workbook
from par_cli.i18n import MESSAGES, Lang, t

try:  # typer ≥ 0.22 carries its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer, click installed beside it
    from click import exceptions as click_errors  # type: ignore[no-redef]


def localise(command: Any, lang: Lang) -> None:
    """Replace help texts that are catalogue keys by their words in ``lang``, through the
    whole command tree (a key stays recorded, so a second run in the other language works)."""
    for owner in [command, *getattr(command, "params", [])]:
        for attribute in ("help", "short_help"):
            key = getattr(owner, f"_par_{attribute}", None) or getattr(owner, attribute, None)
            if isinstance(key, str) and key in MESSAGES:
                setattr(owner, f"_par_{attribute}", key)
                setattr(owner, attribute, MESSAGES[key][lang])
    for sub in getattr(command, "commands", {}).values():
        localise(sub, lang)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Input should be (?P<op>less|greater) than or equal to (?P<limit>\S+?)\.?$"), "usage.bound"),
    (re.compile(r"^Input should be a valid integer.*$"), "usage.integer_needed"),
    (re.compile(r"^'?(?P<value>.*?)'? is not one of (?P<choices>.*?)\.?$"), "usage.not_a_choice"),
    (re.compile(r"^'?(?P<value>.*?)'? is not a valid integer\.?$"), "usage.not_an_integer"),
    (re.compile(r"^(?:Value )?'?(?P<value>.*?)'? is not a valid int\.?$"), "usage.not_an_integer"),
    (re.compile(r"^(?P<value>.*?) is not in the range (?P<range>.*?)\.?$"), "usage.out_of_range"),
    (re.compile(r"^No such command '(?P<command>.*?)'\.?(?: Did you mean (?P<choices>.*)\?)?$"), "usage.no_such_command"),
    (re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$"), "usage.extra_arguments"),
]


def _reword(text: str, lang: Lang) -> str:
    text = text.removeprefix("Value error, ")
    for pattern, key in _PATTERNS:
        match = pattern.match(text.strip())
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


class ParGroup(TyperGroup):
    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:  # noqa: D102
        argv = list(sys.argv[1:] if args is None else args)
        lang = language_of(argv)
        localise(self, lang)
        try:
            code = super().main(argv, prog_name or "par", complete_var, standalone_mode=False, **extra)
            code = code if isinstance(code, int) else EXIT_OK
        except click_errors.NoArgsIsHelpError as error:
            typer.echo(error.ctx.get_help() if error.ctx else "", err=False)
            code = EXIT_USAGE
        except click_errors.UsageError as error:
            typer.echo(f"par: {usage_message(error, lang)}", err=True)
            command = error.ctx.command_path if error.ctx is not None else "par"
            typer.echo(t("usage.try_help", lang, command=command), err=True)
            code = EXIT_USAGE
        except click_errors.ClickException as error:  # Usage and Findings of commands.common
            error.show()
            code = error.exit_code
        except typer.Abort:
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code)


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
def _root(lang: LangOption = None) -> None:
    """``par --lang en COMMAND``: the language for every command (see `commands.common.lang_of`)."""


app.command("validate", help="help.cmd.validate")(validate)
app.command("score", help="help.cmd.score")(score)
app.command("gap", help="help.cmd.gap")(gap)
app.command("due", help="help.cmd.due")(due)
app.command("report", help="help.cmd.report")(report)
app.command("history", help="help.cmd.history")(history)
app.command("units", help="help.cmd.units")(units)
app.command("set", help="help.cmd.set")(set_)
app.command("done", help="help.cmd.done")(done)
app.command("evidence", help="help.cmd.evidence")(evidence)
justify_help = "help.cmd.justify"
app.command("justify", help=justify_help)(justify)
# The same command under its Vietnamese name, typed without diacritics.
app.command("giai-trinh", help=justify_help, hidden=True)(justify)
app.command("sheet", help="help.cmd.sheet")(sheet)
app.command("schema", help="help.cmd.schema")(schema)
app.command("import", help="help.cmd.import")(import_)
app.command("new-year", help="help.cmd.new-year")(new_year)
app.command("diff", help="help.cmd.diff")(diff)
app.command("init", help="help.cmd.init")(init)
app.command("workbook", help="help.cmd.workbook")(workbook)
app.command("collect", help="help.cmd.collect")(collect)


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
