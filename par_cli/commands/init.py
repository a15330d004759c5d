"""`par init`: a commented plan skeleton with every field, which validates."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import LangOption, lang_of, today_in_vietnam, write_new_plan
from par_cli.i18n import t


def init(
    year: Annotated[Optional[int], typer.Option("--year", min=2000, max=2100, help="help.init.year", show_default=False)] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="help.init.output", show_default=False, readable=False)
    ] = None,
    lang: LangOption = None,
) -> None:
    """Lập khung kế hoạch có chú thích (a commented plan skeleton)."""
    from par_cli.editing.skeleton import skeleton

    language = lang_of(lang)
    the_year = year or today_in_vietnam().year
    target = output or Path("plans") / f"{the_year}.yaml"
    write_new_plan(skeleton(the_year), target, language)
    typer.echo(t("init.written", language, path=target))
