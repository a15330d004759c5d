"""`par score`: where the department stands against the index maximum and its previous result."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from par_cli.commands.common import LangOption, PlanOption, check_unit, fail_usage, help_text, lang_of, load_or_exit, parse_day, today_in_vietnam, write_json
from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent, t
from par_cli.render.formats import Format

if TYPE_CHECKING:
    from par_cli.plan.model import Plan
    from par_cli.render.table import TableView
    from par_cli.scoring.scorer import NodeScore, PlanScore

DepthOption = Annotated[
    int,
    typer.Option(
        "--depth",
        min=1,
        max=3,
        help=help_text("1: lĩnh vực; 2: thêm tiêu chí; 3: thêm tiêu chí thành phần.", "1: domains; 2: and criteria; 3: and sub-criteria."),
    ),
]
UnitOption = Annotated[
    Optional[str],
    typer.Option("--unit", metavar="ID", help=help_text("Chỉ các tiêu chí đơn vị này chủ trì hoặc phối hợp.", "Only the criteria this unit leads or supports."), show_default=False),
]
AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD|DD/MM/YYYY",
        help=help_text("Chỉ tính số liệu ghi nhận đến ngày này.", "Score only the progress recorded up to this day."),
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="auto | table | text | json | csv | md")]


def score(
    path: Annotated[
        Optional[Path],
        typer.Argument(
            help=help_text(
                "Tệp kế hoạch, hoặc thư mục: bảng tổng điểm mọi kế hoạch trong đó (theo sở và năm).",
                "A plan file, or a folder: one table of the totals of every plan in it (by department and year).",
            ),
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    depth: DepthOption = 3,
    unit: UnitOption = None,
    explain: Annotated[
        Optional[str],
        typer.Option("--explain", metavar="ID", help=help_text("Giải thích cách tính điểm một tiêu chí.", "Explain how one criterion is scored."), show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Chấm điểm dự kiến theo tiến độ đã ghi nhận (score the plan)."""
    from par_cli.scoring.scorer import explanation, score_plan

    language = lang_of(lang)
    day = parse_day(as_of, language)
    if path is not None and plan is not None:
        fail_usage(t("score.path_and_plan", language))
    if path is not None and path.is_dir():
        if explain is not None or unit is not None:
            fail_usage(t("score.folder_options", language))
        score_folder(path, day, fmt, language)
        return
    loaded = load_or_exit(path or plan, language)
    the_plan = loaded.plan
    unit_id = check_unit(the_plan, unit, language)
    today = today_in_vietnam()
    if explain is not None:
        node = score_plan(the_plan, today=today, as_of=day).find(explain)
        if node is None:
            fail_usage(t("score.unknown_id", language, id=explain))
        details = explanation(the_plan, node, language)
        if node.criterion is not None:
            from par_cli.scoring.evidence import explanation_as_of

            explained = explanation_as_of(node.criterion, day)
            details["explanation"] = {"date": explained.date.isoformat(), "text": explained.text} if explained else None
        if fmt is Format.json:
            write_json(details)
        else:
            typer.echo("\n".join(explanation_lines(details, the_plan.year - 1, language)))
        return
    result = score_plan(the_plan, today=today, as_of=day, unit=unit_id)
    if fmt is Format.json:
        write_json(score_payload(loaded.path, the_plan, result, depth))
        return
    from par_cli.render.table import render

    render(score_view(the_plan, result, depth, language), fmt, language)


def score_folder(folder: Path, as_of: dt.date | None, fmt: Format, lang: Lang) -> None:
    """Every plan in a folder (a province's departments, several years each): one table of
    totals, sorted by department then year. A plan that does not validate is reported with its
    problems and left out of the table; the others are still scored (exit 1 at the end)."""
    from par_cli.reading.discovery import plan_files
    from par_cli.reading.reader import load_plan
    from par_cli.render.table import Column, TableView, render
    from par_cli.scoring.scorer import score_plan

    files = plan_files(folder) or sorted(entry for entry in folder.rglob("*.y*ml") if entry.is_file())
    today = today_in_vietnam()
    rows: list[dict[str, object]] = []
    problems = []
    for file in files:
        loaded = load_plan(file, keep_data=False)
        if not loaded.ok:
            problems += loaded.problems
            continue
        the_plan = loaded.plan
        total = score_plan(the_plan, today=today, as_of=as_of).total
        rows.append(
            {
                "path": str(file),
                "issuer": the_plan.issuer,
                "year": the_plan.year,
                "number": the_plan.plan.number,
                "max": total.max,
                "baseline": total.baseline,
                "projected": total.projected,
                "percent": total.percent,
                "change": total.change,
                "floor": total.floor,
                "ceiling": total.ceiling,
            }
        )
    rows.sort(key=lambda row: (str(row["issuer"]), int(row["year"]), str(row["path"])))  # type: ignore[call-overload]
    if fmt is Format.json:
        write_json({"as_of": as_of.isoformat() if as_of else None, "plans": rows, "problems": [problem.as_json(lang) for problem in problems]})
    else:
        for problem in problems:
            typer.echo(problem.format(lang), err=True)
        columns = [
            Column("issuer", t("score.col.issuer", lang), max_width=40),
            Column("year", t("score.col.year", lang), "int"),
            Column("number", t("score.col.number", lang), optional=1),
            Column("max", t("score.col.max", lang), "points"),
            Column("baseline", t("score.col.previous", lang), "points"),
            Column("projected", t("score.col.projected", lang), "points"),
            Column("percent", "%", "percent"),
            Column("floor", t("score.col.floor", lang), "points"),
            Column("ceiling", t("score.col.ceiling", lang), "points"),
        ]
        footer = [t("score.as_of", lang, date=fmt_date(as_of, lang))] if as_of else []
        render(TableView(t("score.folder_title", lang, folder=folder, count=len(rows)), columns, rows, {}, footer), fmt, lang)
    if problems:
        raise typer.Exit(1)


def plan_json(path: Path, plan: "Plan") -> dict[str, object]:
    return {
        "path": str(path),
        "number": plan.plan.number,
        "date": plan.plan.date.isoformat(),
        "issuer": plan.issuer,
        "title": plan.title,
        "year": plan.year,
        "index_max": plan.index_max,
    }


def _visible(node: "NodeScore", depth: int) -> bool:
    return {"domain": 1, "outside": 1, "criterion": 2, "sub": 3}[node.level] <= depth


def _parents(result: "PlanScore") -> dict[str, str]:
    parents: dict[str, str] = {}
    for domain in result.domains:
        for node in domain.walk():
            for child in node.children:
                parents[child.id] = node.id
    return parents


def score_payload(path: Path, plan: "Plan", result: "PlanScore", depth: int) -> dict[str, object]:
    total = result.total
    parents = _parents(result)
    return {
        "plan": plan_json(path, plan),
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "reference_date": result.reference.isoformat(),
        "unit": result.unit,
        "total": {
            "max": total.max,
            "projected": total.projected,
            "floor": total.floor,
            "ceiling": total.ceiling,
            "baseline": total.baseline,
            "change": total.change,
            "percent": total.percent,
            "assumed_points": total.assumed_points,
            "outside_points": total.outside_points,
            "recorded_points": total.recorded_points,
            "derived_points": total.derived_points,
        },
        "shared": [
            {"id": node.id, "title": node.title, "max": node.max, "projected": node.projected, "status": node.status, "lead": node.lead}
            for node in result.shared
        ],
        "adjusted": adjusted_json(result),
        "criteria": [
            {
                "id": node.id,
                "level": node.level,
                "parent": parents.get(node.id),
                "title": node.title,
                "max": node.max,
                "baseline": node.baseline,
                "baseline_known_sum": node.baseline_known_sum,
                "projected": node.projected,
                "floor": node.floor,
                "ceiling": node.ceiling,
                "computed": node.computed,
                "self_assessed": node.self_assessed,
                "appraised": node.appraised,
                "assumed": node.assumed,
                "account": node.account,
                "rule_assumed": node.rule_assumed,
                "provisional": node.provisional,
                "baseline_source": node.baseline_source,
                "baseline_assumed": node.baseline_assumed,
                "stage": node.stage,
                "stage_date": node.stage_date.isoformat() if node.stage_date else None,
                "basis": node.basis,
                "status": node.status,
                "lead": node.lead,
                "no_evidence": node.no_evidence,
            }
            for node in result.nodes()
            if _visible(node, depth)
        ],
    }


def adjusted_json(result: "PlanScore") -> dict[str, object] | None:
    """Bonus, penalty and the index over the applicable maximum (None for one unit)."""
    adjusted = result.adjusted
    if adjusted is None:
        return None
    return {
        "points": adjusted.points,
        "bonus": adjusted.bonus,
        "penalty": adjusted.penalty,
        "total": adjusted.total,
        "max": adjusted.max,
        "applicable_max": adjusted.applicable_max,
        "percent": adjusted.percent,
        "not_applicable": list(adjusted.not_applicable),
    }


def status_label(node: "NodeScore", year: int, lang: Lang) -> str:
    """The status as a person reads it; a sum of mixed sources says nothing and stays blank."""
    label = "" if node.status == "mixed" else t(f"status.{node.status}", lang, year=year)
    return f"{label} ⚠".strip() if node.no_evidence else label


def signed(value: float, lang: Lang) -> str:
    text = fmt_number(value, lang)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def score_view(plan: "Plan", result: "PlanScore", depth: int, lang: Lang) -> "TableView":
    from par_cli.render.table import Column, TableView
    from par_cli.plan.units import names

    previous_year = plan.year - 1
    nodes = [node for node in result.nodes() if _visible(node, depth)]
    columns = [
        Column("id", t("score.col.id", lang)),
        Column("title", t("score.col.title", lang), max_width=40),
        Column("max", t("score.col.max", lang), "points"),
        Column("baseline", t("score.col.baseline", lang, year=previous_year), "points"),
        Column("projected", t("score.col.projected", lang), "points"),
        Column("floor", t("score.col.floor", lang), "points"),
        Column("ceiling", t("score.col.ceiling", lang), "points"),
        Column("status", t("score.col.status", lang)),
    ]
    if any(node.self_assessed is not None for node in nodes):
        columns.append(Column("self_assessed", t("score.col.self_assessed", lang), "points"))
    if any(node.appraised is not None for node in nodes):
        columns.append(Column("appraised", t("score.col.appraised", lang), "points"))
    columns.append(Column("lead", t("score.col.lead", lang), max_width=24, optional=1))
    rows: list[dict[str, object]] = []
    styles: dict[int, str] = {}
    for node in nodes:
        if node.level in ("domain", "outside"):
            styles[len(rows)] = "bold" if node.level == "domain" else "italic"
        rows.append(
            {
                "id": node.id,
                "title": node.title,
                "max": node.max,
                "baseline": node.baseline,
                "projected": node.projected,
                "floor": node.floor,
                "ceiling": node.ceiling,
                "status": status_label(node, previous_year, lang),
                "self_assessed": node.self_assessed,
                "appraised": node.appraised,
                "lead": names(plan, node.lead),
            }
        )
    title = f"{plan.plan.number} ({plan.year})"
    if result.unit is not None:
        heading = t("score.title_unit", lang, year=plan.year, plan=title, unit=names(plan, [result.unit]))
    else:
        heading = t("score.title", lang, year=plan.year, plan=title)
    return TableView(heading, columns, rows, styles, score_footer(result, previous_year, lang))


def score_footer(result: "PlanScore", previous_year: int, lang: Lang) -> list[str]:
    total = result.total

    def n(value: float | None) -> str:
        return fmt_number(value, lang)

    lines = []
    if result.as_of is not None:
        lines.append(t("score.as_of", lang, date=fmt_date(result.as_of, lang)))
    lines.append(t("score.total", lang, projected=n(total.projected), max=n(total.max), percent=fmt_percent(total.percent, lang)))
    if total.baseline is not None and total.change is not None:
        lines.append(t("score.change", lang, year=previous_year, baseline=n(total.baseline), change=signed(total.change, lang)))
    adjusted = result.adjusted
    if adjusted is not None and (adjusted.bonus or adjusted.penalty or adjusted.not_applicable):
        lines.append(
            t(
                "score.adjusted",
                lang,
                points=n(adjusted.points),
                bonus=n(adjusted.bonus),
                penalty=n(adjusted.penalty),
                total=n(adjusted.total),
                max=n(adjusted.applicable_max),
                percent=fmt_percent(adjusted.percent, lang),
            )
        )
    lines.append(t("score.range", lang, floor=n(total.floor), ceiling=n(total.ceiling)))
    assumed_key = "score.assumed_outside" if result.outside is not None else "score.assumed"
    lines.append(t(assumed_key, lang, assumed=n(total.assumed_points), outside=n(total.outside_points)))
    leaves = list(result.leaves())
    for key, selected in (
        ("score.overdue", [leaf.id for leaf in leaves if leaf.status == "overdue"]),
        ("score.unknown", [leaf.id for leaf in leaves if leaf.basis == "unknown"]),
        ("score.no_evidence", [leaf.id for leaf in leaves if leaf.no_evidence]),
        ("score.provisional", [leaf.id for leaf in leaves if leaf.provisional]),
        ("score.shared", [leaf.id for leaf in result.shared]),
    ):
        if selected:
            lines.append(t(key, lang, ids=", ".join(selected)))
    return lines


def explanation_lines(details: dict[str, Any], previous_year: int, lang: Lang) -> list[str]:
    """The explanation object as lines a person reads top to bottom."""
    def n(value: Any) -> str:
        return fmt_number(float(value), lang) if isinstance(value, (int, float)) and not isinstance(value, bool) else fmt_number(None, lang)

    def value_text(value: Any) -> str:
        if isinstance(value, bool):
            return t("rule.yes" if value else "rule.no", lang)
        if isinstance(value, (int, float)):
            return n(value)
        return "?" if value is None else str(value)

    def source_text(item: dict[str, Any]) -> str:
        if item["source"] == "recorded" and item.get("date"):
            return t("source.recorded", lang, date=fmt_date(dt.date.fromisoformat(item["date"]), lang))
        if item["source"] == "recorded":
            return t("source.recorded_undated", lang)
        return t(f"source.{item['source']}", lang)

    lines = [t("explain.header", lang, id=details["id"], title=details["title"], max=n(details["max"]))]
    if details.get("rule"):
        lines.append(t("explain.rule", lang, rule=details["rule"]))
    lines.append(t("explain.inputs", lang))
    for item in details["inputs"]:
        kind = item["kind"]
        if kind == "measure":
            text = t("explain.input.measure", lang, name=item["name"], label=item["label"], value=value_text(item["value"]), source=source_text(item))
            if item.get("evidence"):
                text += "; " + t("explain.input.evidence", lang, evidence=item["evidence"])
        elif kind == "occurrence":
            text = item["text"]
            if item.get("evidence"):
                text += "; " + t("explain.input.evidence", lang, evidence=item["evidence"])
        elif kind == "score":
            text = t(f"explain.input.score.{item['name']}", lang, value=n(item["value"]), source=source_text(item))
        elif kind == "plan_assumption":
            text = t("explain.input.plan_assumption", lang, value=fmt_percent(item["value"] * 100, lang), source=source_text(item))
        elif kind == "child":
            text = t("explain.input.child", lang, id=item["id"], value=n(item["value"]), basis=t(f"basis.{item['basis']}", lang))
        else:
            text = t(f"explain.input.{kind}", lang, value=n(item["value"]), source=source_text(item))
        lines.append(f"  - {text}")
    lines.append(t("explain.arithmetic", lang, text=details["arithmetic"]))
    for key in ("floor", "ceiling"):
        if details.get(f"{key}_arithmetic"):
            lines.append(t(f"explain.{key}", lang, text=details[f"{key}_arithmetic"]))
    lines.append(t("explain.projection", lang, text=details["projection"]))
    status = t(f"status.{details['status']}", lang, year=previous_year)
    lines.append(t("explain.result", lang, projected=n(details["projected"]), status=status, floor=n(details["floor"]), ceiling=n(details["ceiling"])))
    if "evidence" in details:
        lines.append(t("explain.evidence_count", lang, count=details["evidence"]))
    if details.get("explanation"):
        explained = details["explanation"]
        said = t("edit.what_explanation", lang, date=fmt_date(dt.date.fromisoformat(explained["date"]), lang), text=explained["text"])
        lines.append(said[0].upper() + said[1:])
    if details.get("no_evidence"):
        lines.append(t("explain.no_evidence", lang))
    if details.get("assumptions"):
        lines.append(t("explain.assumptions", lang))
        lines += [f"  - {text}" for text in details["assumptions"]]
    return lines
