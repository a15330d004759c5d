"""`par sheet`: the year-end score sheet (bảng tự chấm điểm) in Word, Excel, Markdown or HTML."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import LangOption, PlanOption, fail_usage, lang_of, load_or_exit, parse_day, today_in_vietnam
from par_cli.i18n import t


class SheetFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    xlsx = "xlsx"


class StageChoice(str, Enum):
    self_assessment = "self_assessment"
    appraisal_1 = "appraisal_1"
    explanation = "explanation"
    appraisal_2 = "appraisal_2"
    final = "final"


BINARY = (SheetFormat.docx, SheetFormat.xlsx)


def sheet(
    path: Annotated[Optional[Path], typer.Argument(help="help.sheet.path", show_default=False)] = None,
    plan: PlanOption = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="help.sheet.as-of", show_default=False),
    ] = None,
    stage: Annotated[
        StageChoice,
        typer.Option("--stage", help="help.sheet.stage"),
    ] = StageChoice.self_assessment,
    compare: Annotated[
        bool, typer.Option("--compare", help="help.sheet.compare")
    ] = False,
    fmt: Annotated[SheetFormat, typer.Option("--format", "-f", help="md | html | docx | xlsx")] = SheetFormat.md,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="help.sheet.output", show_default=False)
    ] = None,
    template: Annotated[
        Optional[Path],
        typer.Option("--template", metavar="FORM.docx", help="help.sheet.template", show_default=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Bảng tự đánh giá, chấm điểm cuối năm: Word, Excel, Markdown, HTML (the year-end score sheet)."""
    from par_cli.scoring.sheet import build_sheet

    language = lang_of(lang)
    if path is not None and plan is not None:
        fail_usage(t("score.path_and_plan", language))
    day = parse_day(as_of, language)
    if fmt in BINARY and output is None:
        fail_usage(t("sheet.output_needed", language, format=fmt.value))
    if template is not None and fmt is not SheetFormat.docx:
        fail_usage(t("sheet.template_docx_only", language))
    if template is not None and not template.is_file():
        fail_usage(f"{template}: {t('file.not_found', language)}")
    if compare and fmt is SheetFormat.docx:
        fail_usage(t("sheet.compare_formats", language))
    loaded = load_or_exit(path or plan, language)
    values = build_sheet(loaded.plan, today=today_in_vietnam(), as_of=day, stage=stage.value, compare=compare)
    if fmt is SheetFormat.md or fmt is SheetFormat.html:
        if fmt is SheetFormat.md:
            from par_cli.render.sheet_md import render_md as render_text
        else:
            from par_cli.render.sheet_html import render_html as render_text
        text = render_text(values, language)
        if output is None:
            typer.echo(text, nl=False)
            return
        _write(output, text.encode("utf-8"), language)
        return
    if fmt is SheetFormat.xlsx:
        from par_cli.render.sheet_xlsx import render_xlsx

        data = render_xlsx(values, language)
    elif template is not None:
        from par_cli.render.sheet_template import TemplateError, render_template

        try:
            data = render_template(values, template, language)
        except TemplateError as error:
            fail_usage(t("sheet.template_error", language, template=template, detail=str(error)))
    else:
        from par_cli.render.sheet_docx import render_docx

        data = render_docx(values, language)
    assert output is not None
    _write(output, data, language)


def _write(output: Path, data: bytes, lang) -> None:
    """Write the whole file or nothing: a half-written report must not be printed by mistake."""
    import os
    import tempfile

    folder = output.parent if str(output.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".par-", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, output)
    except OSError as error:
        fail_usage(t("edit.cannot_write", lang, reason=error.strerror or str(error)))
    typer.echo(t("sheet.written", lang, path=output), err=True)
