"""`par diff OLD NEW`: what a new framework changed; `--carry` moves the recorded progress."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.commands.common import EXIT_FINDINGS, EXIT_OK, LangOption, fail_usage, lang_of, load_or_exit, write_json
from par_cli.i18n import Lang, fmt_number, t
from par_cli.render.formats import Format


def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="help.diff.old", show_default=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="help.diff.new", show_default=False)],
    carry: Annotated[
        bool, typer.Option("--carry", help="help.diff.carry")
    ] = False,
    mapping: Annotated[
        Optional[Path],
        typer.Option("--mapping", help="help.diff.mapping", show_default=False),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="auto | table | text | json | csv | md")] = Format.auto,
    lang: LangOption = None,
) -> None:
    """So sánh hai kế hoạch: tiêu chí thêm, bỏ, đổi số, đổi điểm, cách chấm, thời hạn (compare two plans)."""
    from par_cli.plan.compare import compare

    language = lang_of(lang)
    pairs = _mapping(mapping, language) if mapping is not None else None
    old_plan = load_or_exit(old, language).plan
    new_plan = load_or_exit(new, language).plan
    differences = compare(old_plan, new_plan, pairs)
    result = None
    if carry:
        from par_cli.editing.carry import carry as carry_progress
        from par_cli.editing.record import EditRefused

        try:
            result = carry_progress(old_plan, new, pairs)
        except EditRefused as refusal:
            for problem in refusal.problems:
                typer.echo(problem.format(language))
            typer.echo(t(refusal.code, language, **refusal.params), err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
    if fmt is Format.json:
        payload: dict[str, object] = {
            "old": str(old),
            "new": str(new),
            "differences": [
                {"kind": d.kind, "old_id": d.old_id, "new_id": d.new_id, "title": d.title, "old": d.old, "new": d.new} for d in differences
            ],
        }
        if result is not None:
            payload["carried"] = [{"old_id": a, "new_id": b} for a, b in result.carried]
            payload["not_placed"] = [{"old_id": n.old_id, "what": n.what, "reason": t(n.code, language, **n.params)} for n in result.not_placed]
        write_json(payload)
    else:
        from par_cli.commands.common import check_format, show
        from par_cli.render.formats import TABLE_FORMATS, Output

        check_format(fmt, TABLE_FORMATS, language)
        show(Output(table=lambda lang, machine: _view(differences, old, new, lang)), fmt, language)
        if result is not None:
            for item in result.not_placed:
                typer.echo(t("diff.not_placed", language, id=item.old_id, what=f"{item.what}: {t(item.code, language, **item.params)}"), err=True)
            typer.echo(t("diff.carried", language, count=len(result.carried), path=new), err=True)
    raise typer.Exit(EXIT_FINDINGS if result is not None and result.not_placed else EXIT_OK)


def _view(differences, old: Path, new: Path, lang: Lang):  # type: ignore[no-untyped-def]
    from par_cli.render.table import Column, TableView

    columns = [
        Column("change", t("diff.col.change", lang)),
        Column("old_id", t("diff.col.old", lang)),
        Column("new_id", t("diff.col.new", lang)),
        Column("title", t("diff.col.title", lang), max_width=60, optional=2),
        Column("detail", t("diff.col.detail", lang), max_width=70, optional=1),
    ]
    rows = []
    for d in differences:
        shown = [fmt_number(v, lang) if isinstance(v, float) else v for v in (d.old, d.new)]
        detail = f"{shown[0]} → {shown[1]}" if d.kind in ("max", "rule", "deadlines", "title") else ""
        rows.append({"change": t(f"diff.{d.kind}", lang), "old_id": d.old_id or "—", "new_id": d.new_id or "—", "title": d.title, "detail": detail})
    footer = [] if differences else [t("diff.none", lang)]
    return TableView(t("diff.heading", lang, old=old, new=new), columns, rows, footer=footer)


def _mapping(path: Path, lang: Lang) -> dict[str, str]:
    from ruamel.yaml import YAML

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, Exception) as error:  # noqa: BLE001 - any unreadable mapping is a usage error
        fail_usage(t("diff.bad_mapping", lang, path=path, detail=str(error).splitlines()[0] if str(error) else type(error).__name__))
    if not isinstance(data, dict) or not all(isinstance(k, (str, int, float)) and isinstance(v, (str, int, float)) for k, v in data.items()):
        fail_usage(t("diff.bad_mapping", lang, path=path, detail="OLD: NEW"))
    return {str(k): str(v) for k, v in data.items()}
