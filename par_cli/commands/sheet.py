"""`par sheet`: the year-end score sheet (bảng tự chấm điểm) in Word, Excel, Markdown or HTML."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import LangOption, PlanOption, fail_usage, help_text, lang_of, load_or_exit, parse_day, today_in_vietnam
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
    path: Annotated[Optional[Path], typer.Argument(help=help_text("Tệp kế hoạch (hoặc dùng --plan).", "The plan file (or use --plan)."), show_default=False)] = None,
    plan: PlanOption = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", metavar="YYYY-MM-DD|DD/MM/YYYY", help=help_text("Chỉ tính số liệu ghi nhận đến ngày này.", "Only what was recorded up to this day."), show_default=False),
    ] = None,
    stage: Annotated[
        StageChoice,
        typer.Option("--stage", help=help_text("Vòng chấm: self_assessment | appraisal_1 | explanation | appraisal_2 | final.", "Scoring stage: self_assessment | appraisal_1 | explanation | appraisal_2 | final.")),
    ] = StageChoice.self_assessment,
    compare: Annotated[
        bool, typer.Option("--compare", help=help_text("Các vòng chấm cạnh nhau, với điểm bị trừ và lý do.", "The stages side by side, with what each cut and why."))
    ] = False,
    fmt: Annotated[SheetFormat, typer.Option("--format", "-f", help="md | html | docx | xlsx")] = SheetFormat.md,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help=help_text("Ghi ra tệp (bắt buộc với docx, xlsx).", "Write to FILE (required for docx and xlsx)."), show_default=False)
    ] = None,
    template: Annotated[
        Optional[Path],
        typer.Option("--template", metavar="FORM.docx", help=help_text("Mẫu Word của cơ quan (docxtpl); xem README.", "The office's own Word form (docxtpl); see the README."), show_default=False),
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
