"""`par diff OLD NEW`: what a new framework changed; `--carry` moves the recorded progress."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import (
    Findings,
    LangOption,
    OutputOption,
    fail_file,
    format_option,
    lang_of,
    load_or_exit,
    report_problems,
    show,
)
from par_cli.i18n import Lang, Message, t
from par_cli.render.formats import TABLE_FORMATS, Format, Output

OFFERED = TABLE_FORMATS  # auto, table, text, json, csv, md
FormatOption = format_option(OFFERED)


def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="help.diff.old", show_default=False, readable=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="help.diff.new", show_default=False, readable=False)],
    carry: Annotated[bool, typer.Option("--carry", help="help.diff.carry")] = False,
    mapping: Annotated[Optional[Path], typer.Option("--mapping", help="help.diff.mapping", show_default=False, readable=False)] = None,
    fmt: FormatOption = Format.auto,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """So sánh hai kế hoạch: tiêu chí thêm, bỏ, đổi số, đổi điểm, cách chấm, thời hạn (compare two plans)."""
    from par_cli.plan.compare import compare
    from par_cli.render.diff import diff_view
    from par_cli.render.json import diff_payload

    language = lang_of(lang)
    pairs = _mapping(mapping, language) if mapping is not None else None
    old_plan = load_or_exit(old, language, fmt).plan
    new_plan = load_or_exit(new, language, fmt).plan
    differences = compare(old_plan, new_plan, pairs)
    result = None
    if carry:
        from par_cli.editing.carry import carry as carry_progress
        from par_cli.editing.record import EditRefused
        from par_cli.render.problems import one_line

        try:
            result = carry_progress(old_plan, new, pairs)
        except EditRefused as refusal:
            report_problems(refusal.problems, fmt, language, summary=False)
            typer.echo(f"{new}: {one_line(t(refusal.code, language, **refusal.params))}", err=True)
            raise Findings() from None
    show(
        Output(
            json=lambda: diff_payload(old, new, differences, result, language),
            table=lambda lang, machine: diff_view(differences, old, new, lang, machine),
        ),
        fmt,
        language,
        output,
    )
    if result is not None and fmt is not Format.json:
        from par_cli.render.diff import not_placed_what
        from par_cli.render.problems import worded

        for item in result.not_placed:
            what = not_placed_what(item, language)
            typer.echo(t("diff.not_placed", language, id=item.old_id, what=f"{what}: {worded(item.code, item.params, language)}"), err=True)
        typer.echo(t("diff.carried", language, count=len(result.carried), path=new), err=True)
    if result is not None and result.not_placed:
        raise Findings()  # something recorded in OLD has nowhere to go in NEW: said, exit 1


def _mapping(path: Path, lang: Lang) -> dict[str, str]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    from par_cli.plan.reasons import yaml_reason
    from par_cli.reading.files import InputRefused, read_input

    try:  # a regular file only: a FIFO would block par (issue 13)
        raw = read_input(path)
    except InputRefused as refused:
        fail_file(t("diff.bad_mapping", lang, path=path, detail=refused.reason))
    try:
        data = YAML(typ="safe").load(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        fail_file(t("diff.bad_mapping", lang, path=path, detail=Message("file.not_utf8", {"byte": f"0x{error.object[error.start]:02X}"})))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else path
        said = str(error.problem or error).strip()
        if type(error).__name__ == "DuplicateKeyError" and '"' in said:
            fail_file(t("diff.bad_mapping", lang, path=where, detail=Message("yaml.duplicate_key", {"key": said.split('"')[1]})))
        fail_file(t("diff.bad_mapping", lang, path=where, detail=Message("yaml.syntax", {"detail": yaml_reason(said.splitlines()[0] if said else "")})))
    except Exception as error:  # noqa: BLE001 - any unreadable mapping is a usage error
        fail_file(t("diff.bad_mapping", lang, path=path, detail=str(error).splitlines()[0] if str(error) else type(error).__name__))
    if not isinstance(data, dict) or not all(isinstance(k, (str, int, float)) and isinstance(v, (str, int, float)) for k, v in data.items()):
        fail_file(t("diff.bad_mapping", lang, path=path, detail="OLD: NEW"))
    return {str(k): str(v) for k, v in data.items()}
