"""`par sheet`: the year-end score sheet (bảng tự chấm điểm) in Word, Excel, Markdown or HTML."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    AsOfOption,
    LangOption,
    PlanOption,
    fail_file,
    fail_usage,
    format_option,
    lang_of,
    load_or_exit,
    parse_day,
    show,
    today_in_vietnam,
)
from par_cli.i18n import Lang, t
from par_cli.render.formats import BINARY_FORMATS, Format, Output


class StageChoice(str, Enum):
    self_assessment = "self_assessment"
    appraisal_1 = "appraisal_1"
    explanation = "explanation"
    appraisal_2 = "appraisal_2"
    final = "final"


# The sheet is a document, not a table: Markdown (the default), HTML, Word or Excel.
OFFERED = (Format.md, Format.html, Format.docx, Format.xlsx)
FormatOption = format_option(OFFERED, "help.sheet.format")


def sheet(
    path: Annotated[Optional[Path], typer.Argument(metavar="[PLAN]", help="help.sheet.path", show_default=False, readable=False)] = None,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    stage: Annotated[
        StageChoice,
        typer.Option("--stage", help="help.sheet.stage"),
    ] = StageChoice.self_assessment,
    compare: Annotated[
        bool, typer.Option("--compare", help="help.sheet.compare")
    ] = False,
    fmt: FormatOption = Format.md,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="help.sheet.output", show_default=False, readable=False)
    ] = None,
    template: Annotated[
        Optional[Path],
        typer.Option("--template", metavar="FORM.docx", help="help.sheet.template", show_default=False, readable=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Bảng tự đánh giá, chấm điểm cuối năm: Word, Excel, Markdown, HTML (the year-end score sheet)."""
    from par_cli.scoring.sheet import build_sheet

    language = lang_of(lang)
    if path is not None and plan is not None:
        fail_usage(t("score.path_and_plan", language))
    day = parse_day(as_of, language)
    if fmt in BINARY_FORMATS and output is None:
        fail_usage(t("sheet.output_needed", language, format=fmt.value))
    if template is not None and fmt is not Format.docx:
        fail_usage(t("sheet.template_docx_only", language))
    form = _read_form(template, language) if template is not None else None
    if compare and fmt is Format.docx:
        fail_usage(t("sheet.compare_formats", language))
    loaded = load_or_exit(path or plan, language)
    values = build_sheet(loaded.plan, today=today_in_vietnam(), as_of=day, stage=stage.value, compare=compare)

    def md(lang: Lang) -> str:
        from par_cli.render.sheet_md import render_md

        return render_md(values, lang)

    def html(lang: Lang) -> str:
        from par_cli.render.sheet_html import render_html

        return render_html(values, lang)

    def xlsx(lang: Lang) -> bytes:
        from par_cli.render.sheet_xlsx import render_xlsx

        return render_xlsx(values, lang)

    def docx(lang: Lang) -> bytes:
        if form is not None:  # read from ``template``
            from par_cli.render.sheet_template import TemplateError, render_template

            try:
                return render_template(values, form, lang)
            except TemplateError as error:
                where = f"{template}:{error.line}" if error.line is not None else str(template)
                fail_file(t("sheet.template_error", lang, template=where, detail=error.reason))
        from par_cli.render.sheet_docx import render_docx

        return render_docx(values, lang)

    # Every file goes through the one way out: atomically, never over the plan (issue 13).
    show(Output(documents={Format.md: md, Format.html: html, Format.xlsx: xlsx, Format.docx: docx}), fmt, language, output, "sheet.written")


def _read_form(template: Path, lang: Lang) -> bytes:
    """The bytes of the ``--template`` form, read before the plan: a directory, a FIFO, a
    socket or a device is refused before a byte is read (a FIFO would block par)."""
    from par_cli.reading.files import InputRefused, read_input

    try:
        return read_input(template)
    except InputRefused as refused:
        if refused.missing:
            fail_file(f"{template}: {t('file.not_found', lang)}")
        fail_file(t("sheet.template_unreadable", lang, template=template, reason=refused.reason))
