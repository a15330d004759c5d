"""The sheet's cells in words, shared by every format: the column headings, the text of a
row's evidence, explanation and note, and the closing rows (bonus, penalty, total, index).
The numbers come from `scoring.sheet`; only their wording is chosen here."""

from __future__ import annotations

from dataclasses import dataclass

from par_cli.i18n import Lang, fmt_date, fmt_number, fmt_percent, t
from par_cli.render.evidence import evidence_line
from par_cli.scoring.sheet import Sheet, SheetRow

COLUMNS = ("stt", "title", "max", "points", "evidence", "explanation", "note")


def headings(sheet: Sheet, lang: Lang) -> list[str]:
    points = t("sheet.col.points", lang) if sheet.stage == "self_assessment" else t("sheet.col.stage_points", lang, stage=stage_name(sheet.stage, lang))
    return [t("sheet.col.stt", lang), t("sheet.col.title", lang), t("sheet.col.max", lang), points, t("sheet.col.evidence", lang), t("sheet.col.explanation", lang), t("sheet.col.note", lang)]


def stage_name(stage: str, lang: Lang) -> str:
    return t(f"sheet.stage.{stage}", lang)


def number(value: float | None, lang: Lang) -> str:
    return "" if value is None else fmt_number(value, lang)


def evidence_text(row: SheetRow, lang: Lang) -> list[str]:
    return [evidence_line(item, lang) for item in row.evidence]


def explanation_text(row: SheetRow, lang: Lang) -> str:
    if row.explanation:
        return row.explanation
    if row.missing is not None:
        return t("sheet.needs_explanation", lang, why=t(f"why.{row.missing}", lang))
    return ""


def note_text(row: SheetRow, lang: Lang) -> str:
    parts: list[str] = []
    if row.not_applicable is not None:
        parts.append(t("sheet.not_applicable", lang, why=row.not_applicable))
    if row.level == "outside":
        parts.append(t("sheet.outside_note", lang))
    if row.assumed:
        parts.append(t("sheet.projected_mark", lang))
    if row.note:
        parts.append(row.note)
    return "; ".join(parts)


def cells(row: SheetRow, lang: Lang) -> list[str]:
    """The seven cells of a row as text (evidence items one a line)."""
    return [row.stt, row.title, number(row.max, lang), number(row.points, lang), "\n".join(evidence_text(row, lang)), explanation_text(row, lang), note_text(row, lang)]


@dataclass(frozen=True)
class ClosingRow:
    label: str
    max: str
    points: str
    note: str


def closing_rows(sheet: Sheet, lang: Lang) -> list[ClosingRow]:
    """The rows under the table: the criteria's points, bonus, penalty, total, the index."""
    adjusted = sheet.adjusted
    items = lambda found: "; ".join(f"{item.title} ({fmt_number(item.points, lang)})" for item in found if item.counted)  # noqa: E731
    return [
        ClosingRow(t("sheet.points", lang), number(adjusted.max, lang), number(adjusted.points, lang), ""),
        ClosingRow(t("sheet.bonus", lang), number(sheet.plan.adjustments.bonus_max, lang), number(adjusted.bonus, lang), items(adjusted.bonus_items)),
        ClosingRow(t("sheet.penalty", lang), number(sheet.plan.adjustments.penalty_max, lang), number(adjusted.penalty, lang), items(adjusted.penalty_items)),
        ClosingRow(t("sheet.total", lang), number(adjusted.applicable_max, lang), number(adjusted.total, lang), ""),
        ClosingRow(t("sheet.index", lang, max=fmt_number(adjusted.applicable_max, lang)), "", fmt_percent(adjusted.percent, lang), ""),
    ]


def title(sheet: Sheet, lang: Lang) -> str:
    return t("sheet.compare_title" if sheet.compared else "sheet.title", lang, year=sheet.plan.year)


def subtitle(sheet: Sheet, lang: Lang) -> str:
    if sheet.as_of is None:
        return t("sheet.subtitle_all", lang, issuer=sheet.plan.issuer, stage=stage_name(sheet.stage, lang))
    return t("sheet.subtitle", lang, issuer=sheet.plan.issuer, stage=stage_name(sheet.stage, lang), date=fmt_date(sheet.as_of, lang))


def compare_headings(sheet: Sheet, lang: Lang) -> list[str]:
    head = [t("sheet.col.stt", lang), t("sheet.col.title", lang), t("sheet.col.max", lang)]
    for index, stage in enumerate(sheet.compared):
        head.append(stage_name(stage, lang))
        if index:
            head += [t("sheet.col.cut", lang), t("sheet.col.why", lang)]
    return head


def compare_cells(sheet: Sheet, row: SheetRow, lang: Lang) -> list[str]:
    out = [row.stt, row.title, number(row.max, lang)]
    for index, stage in enumerate(sheet.compared):
        cell = row.stages.get(stage)
        out.append(number(cell.points if cell else None, lang))
        if index:
            out += [number(cell.cut if cell else None, lang), (cell.note or "") if cell and cell.cut is not None else ""]
    return out


def numeric_columns(sheet: Sheet) -> set[int]:
    """Which columns hold numbers (right-aligned): max and points, or in the comparison
    max, each stage's points and each cut (not the reasons)."""
    if not sheet.compared:
        return {2, 3}
    found = {2, 3}
    column = 4
    for _ in sheet.compared[1:]:
        found |= {column, column + 1}
        column += 3
    return found


def compare_closing(sheet: Sheet, lang: Lang) -> list[list[str]]:
    """The total and the index of each stage, under the comparison."""
    total = ["", t("sheet.total", lang), number(sheet.adjusted.applicable_max, lang)]
    index = ["", t("sheet.index", lang, max=fmt_number(sheet.adjusted.applicable_max, lang)), ""]
    before: float | None = None
    for position, stage in enumerate(sheet.compared):
        adjusted = sheet.stage_totals[stage]
        total.append(number(adjusted.total, lang))
        index.append(fmt_percent(adjusted.percent, lang))
        if position:
            cut = before - adjusted.total if before is not None and abs(before - adjusted.total) > 1e-9 else None
            total += [number(cut, lang), ""]
            index += ["", ""]
        before = adjusted.total
    return [total, index]
