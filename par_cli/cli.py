"""The `par` command line: a thin layer that parses options and hands over to the core.

Heavy modules (pydantic, ruamel.yaml, rich) are imported inside the commands that need them,
so `par --help` and a command that fails early stay fast.
"""

from __future__ import annotations

import sys

import typer

from par_cli.commands.common import help_text
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

app = typer.Typer(
    name="par",
    help=help_text(
        "par: kế hoạch nâng cao Chỉ số cải cách hành chính (PAR INDEX) dưới dạng YAML.",
        "par: a yearly PAR-index improvement plan as version-controlled YAML.",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)
app.command("validate")(validate)
app.command("score")(score)
app.command("gap")(gap)
app.command("due")(due)
app.command("report")(report)
app.command("history")(history)
app.command("units")(units)
app.command("set")(set_)
app.command("done")(done)
app.command("evidence")(evidence)
app.command("justify")(justify)
# The same command under its Vietnamese name, typed without diacritics.
app.command("giai-trinh", hidden=True)(justify)
app.command("sheet")(sheet)
app.command("schema")(schema)
app.command("import")(import_)
app.command("new-year")(new_year)
app.command("diff")(diff)
app.command("init")(init)
app.command("workbook")(workbook)
app.command("collect")(collect)


def main() -> None:
    """Console entry point: a user never sees a Python traceback, even from a bug in par."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        from par_cli.i18n import resolve_lang, t

        lang = resolve_lang(None)
        print(f"par: {t('internal.error', lang, kind=type(error).__name__, detail=str(error)[:200])}", file=sys.stderr)
        sys.exit(3)
