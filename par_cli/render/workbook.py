"""`par workbook`: an Excel workbook of one unit's own work, for a head of unit without git.

The unit sees the criteria it leads, apart those it is named to support, and apart again
those the plan gives to every unit together ("Các phòng, đơn vị"); for each criterion its
measures and the occurrences of its deadlines this year, what is recorded so far, and empty
cells to fill: the new value of a measure, a deadline done, the evidence (the register's
fields: number, date, issuing body, summary, section, page), the self-assessed score, a note.

Everything else is locked by sheet protection, and every fillable cell carries Excel data
validation, so a typing slip is caught in Excel already. `par collect` checks every cell
again (a workbook can be filled by other programs than Excel), and refuses a locked cell
whose text changed: the original text of each is kept on a very hidden sheet, beside the
plan's number and the SHA-256 of the plan file the workbook was made from.

The layout (columns, keys, hidden sheets) is shared with the reader: reading/workbook.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from par_cli.deadlines.occurrences import is_recurring, occurrences
from par_cli.state.as_of import completion_of, latest_readings, stage_as_of
from par_cli.i18n import Lang, fmt_date, fmt_number, t
from par_cli.plan.model import Criterion, Measure, Plan
from par_cli.plan.tree import walk
from par_cli.plan.units import roles, units_by_id
from par_cli.reading.workbook import (
    COLUMNS,
    FILLABLE,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    LETTER,
    LISTS_SHEET,
    META_SHEET,
    cell_text,
    plan_sha256,
    row_key,
)

WIDTHS = {
    "key": 4, "id": 8, "content": 42, "detail": 34, "max": 8, "last_day": 12, "current": 24, "done": 9,
    "value": 12, "date": 12, "number": 16, "issued": 12, "issuer": 22, "summary": 32, "section": 12, "page": 8, "note": 26,
}
DATE_FORMAT = "dd/mm/yyyy"
SHEETS = ("lead", "support", "shared")


@dataclass
class Row:
    kind: str  # a key of reading.workbook.FILLABLE
    key: str
    cells: dict[str, Any]
    measure: Measure | None = None  # for a measure row: what its value must be
    max: float | None = None  # for a criterion row: the bound of the self-assessed score


@dataclass
class Sheet:
    role: str  # lead, support or shared
    rows: list[Row] = field(default_factory=list)


def unit_sheets(plan: Plan, unit_id: str, lang: Lang, day: dt.date | None = None) -> list[Sheet]:
    """The criteria of the unit, sheet by sheet: those it leads (itself or through a unit
    part of it), those it is named to support, those the plan gives to every unit (or to
    whichever units are assigned or concerned). Each criterion is on one sheet only, the
    first that applies; only criteria without sub-criteria, where progress is recorded.
    What is recorded is shown as it stands on ``day`` (the day the workbook is made; every
    record when None)."""
    known = units_by_id(plan)
    sheets = {role: Sheet(role) for role in SHEETS}
    for node in walk(plan):
        criterion = node.criterion
        if criterion.children:
            continue
        own = roles(plan, criterion, unit_id, collective=False)
        if "lead" in own:
            role, leads = "lead", True
        elif "support" in own:
            role, leads = "support", False
        else:
            shared = roles(plan, criterion, unit_id, collective=True)
            if not shared:
                continue
            role = "shared"
            leads = any(known.get(named) is not None and known[named].kind != "unit" for named in criterion.lead)
        sheets[role].rows.extend(criterion_rows(plan, criterion, leads, lang, day))
    return [sheets[role] for role in SHEETS if sheets[role].rows]


def criterion_rows(plan: Plan, criterion: Criterion, leads: bool, lang: Lang, day: dt.date | None = None) -> list[Row]:
    score = stage_as_of(criterion, "self_assessment", day)  # the one `par collect` compares against
    current = t("workbook.current_score", lang, points=fmt_number(score.points, lang), date=fmt_date(score.date, lang)) if score is not None else ""
    evidence = len(criterion.progress.evidence)
    if evidence:
        current = "; ".join(filter(None, [current, t("workbook.current_evidence", lang, count=evidence)]))
    rows = [
        Row(
            "criterion" if leads else "criterion_support",
            row_key("criterion", criterion.id),
            {"id": criterion.id, "content": criterion.title, "detail": criterion.requirement or "", "max": criterion.max, "current": current},
            max=criterion.max,
        )
    ]
    readings = latest_readings(plan, criterion, day or dt.date.max)
    for name, measure in criterion.measures.items():
        reading = readings.get(name)
        shown = t("workbook.current_value", lang, value=_value_text(reading.value, lang), date=fmt_date(reading.date, lang)) if reading is not None else ""
        rows.append(
            Row("measure", row_key("measure", criterion.id, name), {"id": criterion.id, "content": measure.label, "detail": _measure_hint(measure, lang), "current": shown}, measure=measure)
        )
    for deadline in criterion.deadlines:
        for occurrence in occurrences(deadline, plan.year):
            completion = completion_of(criterion, deadline, occurrence.stated)
            if completion is None:
                shown = t("workbook.not_done", lang)
            else:
                timing = t("edit.on_time" if completion.date <= occurrence.last_day else "edit.late", lang)
                shown = t("workbook.done_on", lang, date=fmt_date(completion.date, lang), timing=timing)
            stated = fmt_date(occurrence.stated, lang)
            detail = t("workbook.before", lang, stated=stated) if deadline.exclusive else t("workbook.by", lang, stated=stated)
            rows.append(
                Row(
                    "occurrence" if completion is None else "occurrence_done",
                    row_key("occurrence", criterion.id, deadline.id, occurrence.stated.isoformat()),
                    {"id": criterion.id, "content": deadline.what + (f" ({stated})" if is_recurring(deadline) else ""), "detail": detail, "last_day": occurrence.last_day, "current": shown},
                )
            )
    return rows


def _value_text(value: Any, lang: Lang) -> str:
    if isinstance(value, bool):
        return t("workbook.yes" if value else "workbook.no", lang)
    if isinstance(value, (int, float)):
        return fmt_number(float(value), lang, digits=6)
    return str(value)


def _measure_hint(measure: Measure, lang: Lang) -> str:
    if measure.kind == "level":
        return t("workbook.hint.level", lang, levels=" / ".join(measure.levels or []))
    return t(f"workbook.hint.{measure.kind}", lang)


# --- writing the file --------------------------------------------------------------------------


def render_workbook(plan: Plan, plan_path: Path, unit_id: str, lang: Lang, made: dt.date) -> tuple[bytes, int]:
    """The unit's workbook as the bytes of an .xlsx, and the number of rows to fill; the
    command writes it (`commands.common.write_out`: atomically, never over the plan).

    Written in openpyxl's write-only mode: each sheet's rows go to a temporary file as they
    are made, so a large plan's workbook (ten thousand rows, and the original text of each
    locked cell) is never held in memory as cells. A write-only sheet writes its column
    widths, frozen panes and page set-up before its first row, so each is set first."""
    import io

    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    unit = units_by_id(plan)[unit_id]
    sheets = unit_sheets(plan, unit_id, lang, made)
    book = Workbook(write_only=True)
    instructions = book.create_sheet(t("workbook.sheet.instructions", lang))
    data_sheets = [book.create_sheet(t(f"workbook.sheet.{sheet.role}", lang)) for sheet in sheets]
    lists = book.create_sheet(LISTS_SHEET)
    meta = book.create_sheet(META_SHEET)
    list_refs = _lists(lists, sheets, lang)
    for key, value in (
        ("format", FORMAT),
        ("plan_file", plan_path.name),
        ("plan_number", plan.plan.number),
        ("year", plan.year),
        ("sha256", plan_sha256(plan_path)),
        ("unit", unit_id),
        ("made", made.isoformat()),
    ):
        meta.append([_text(meta, key), _text(meta, value)])
    count = 0
    for worksheet, sheet in zip(data_sheets, sheets):
        for sheet_name, ref, text in _data_sheet(worksheet, plan, sheet, list_refs, lang):
            meta.append(["cell", _text(meta, sheet_name), ref, _text(meta, text)])
        count += len(sheet.rows)
    _instructions(instructions, plan, unit.name, sheets, lang, made)
    for hidden in (lists, meta):
        hidden.sheet_state = "veryHidden"
        hidden.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), count


def _text(worksheet: Any, value: Any) -> Any:
    """A value for a row of a write-only sheet, never a formula: text starting with "=",
    which openpyxl would store as one, as a text cell (plan text stays text: issue 13);
    anything else as it is."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    from openpyxl.cell import WriteOnlyCell

    from par_cli.render.safe import xlsx_value

    cell = WriteOnlyCell(worksheet)
    xlsx_value(cell, value)
    return cell


def _lists(worksheet: Any, sheets: list[Sheet], lang: Lang) -> dict[object, str]:
    """The drop-down lists on the hidden sheet, one column each: yes/no, then each level
    measure's levels. Keeping them in cells rather than in the validation itself lets a level
    hold a comma."""
    from openpyxl.utils import get_column_letter

    refs: dict[object, str] = {}
    columns: list[tuple[object, list[str]]] = [("yes_no", [t("workbook.yes", lang), t("workbook.no", lang)])]
    for sheet in sheets:
        for row in sheet.rows:
            if row.measure is not None and row.measure.kind == "level" and row.key not in refs:
                columns.append((row.key, list(row.measure.levels or [])))
    for index, (name, values) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        refs[name] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"
    for number in range(max(len(values) for _, values in columns)):
        worksheet.append([_text(worksheet, values[number]) if number < len(values) else None for _, values in columns])
    return refs


def _data_sheet(worksheet: Any, plan: Plan, sheet: Sheet, list_refs: dict[object, str], lang: Lang) -> Iterator[tuple[str, str, str]]:
    """Write the rows of ``sheet``, yielding each locked cell as it goes: its sheet, its
    reference and its text, for the hidden sheet."""
    from copy import copy

    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    from par_cli.render.safe import xlsx_value

    header_fill = PatternFill("solid", fgColor="1F4E78")
    fill_here = PatternFill("solid", fgColor="FFF2CC")
    criterion_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    for name, letter in COLUMNS:
        worksheet.column_dimensions[letter].width = WIDTHS[name]
    worksheet.column_dimensions[LETTER["key"]].hidden = True
    worksheet.row_dimensions[HEADER_ROW].height = 45
    worksheet.freeze_panes = f"{LETTER['content']}{FIRST_ROW}"
    worksheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _print_setup(worksheet)
    _protect(worksheet)

    header = []
    for name, letter in COLUMNS:
        cell = WriteOnlyCell(worksheet)
        xlsx_value(cell, t(f"workbook.col.{name}", lang))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        header.append(cell)
        yield worksheet.title, f"{letter}{HEADER_ROW}", cell_text(cell.value)
    worksheet.append(header)

    # A cell's style is a few indices into the workbook's fonts, fills, borders; setting one
    # through openpyxl's descriptors hashes the style object each time. The data cells take
    # a handful of styles: each is set once, on the first cell that takes it, and copied to
    # the others (as openpyxl's own worksheet copier copies styles).
    styles: dict[tuple[bool, bool, bool, bool], Any] = {}

    def style(cell: Any, fillable: bool, criterion: bool, bold: bool, date: bool) -> None:
        look = (fillable, criterion, bold, date)
        if look in styles:
            cell._style = copy(styles[look])
            return
        cell.alignment = wrap
        cell.border = border
        if date:
            cell.number_format = DATE_FORMAT
        if fillable:
            cell.protection = Protection(locked=False)
            cell.fill = fill_here
        elif criterion:
            cell.fill = criterion_fill
            cell.font = Font(bold=True) if bold else Font()
        styles[look] = copy(cell._style)

    # The cells of each validation, gathered and given to it at once: openpyxl's
    # DataValidation.add looks through every cell it holds before adding one.
    validations: dict[tuple[object, ...], list[str]] = {}

    def validate(spec: tuple[object, ...], ref: str) -> None:
        validations.setdefault(spec, []).append(ref)

    year = plan.year
    near = (dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31))
    for offset, row in enumerate(sheet.rows):
        number = FIRST_ROW + offset
        values = {"key": f"{row.kind}#{row.key}", **row.cells}
        fillable = FILLABLE[row.kind]
        criterion = row.kind.startswith("criterion")
        cells = []
        for name, letter in COLUMNS:
            cell = WriteOnlyCell(worksheet)
            value = values.get(name)
            if isinstance(value, str):
                xlsx_value(cell, value)
            else:
                cell.value = value
            open_here = name in fillable
            style(cell, open_here, criterion, name in ("id", "content"), name in ("last_day", "date", "issued"))
            cells.append(cell)
            if not open_here:
                yield worksheet.title, f"{letter}{number}", cell_text(cell.value)
        worksheet.append(cells)
        ref = lambda name: f"{LETTER[name]}{number}"  # noqa: E731 - a column of this row
        if row.kind == "measure":
            assert row.measure is not None
            kind = row.measure.kind
            if kind == "yes_no":
                validate(("list", list_refs["yes_no"]), ref("value"))
            elif kind == "level":
                validate(("list", list_refs[row.key]), ref("value"))
            elif kind == "percent":
                validate(("decimal", 0, 100), ref("value"))
            elif kind == "count":
                validate(("whole_min", 0), ref("value"))
            else:
                validate(("decimal_min", 0), ref("value"))
            validate(("date", dt.date(year, 1, 1), dt.date(year, 12, 31)), ref("date"))
        else:
            validate(("date", *near), ref("date"))
        if "done" in fillable:
            validate(("list", list_refs["yes_no"]), ref("done"))
        if row.kind == "criterion":
            validate(("decimal", 0, row.max), ref("value"))
        if "issued" in fillable:
            validate(("date", dt.date(2000, 1, 1), dt.date(year + 1, 12, 31)), ref("issued"))
    for spec, refs in validations.items():
        validation = _validation(spec, lang)
        validation.sqref = " ".join(refs)
        worksheet.data_validations.append(validation)  # what Worksheet.add_data_validation does


def _validation(spec: tuple[object, ...], lang: Lang) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = spec[0]
    if kind == "list":
        validation = DataValidation(type="list", formula1=str(spec[1]), allow_blank=True)
        message = t("workbook.valid.list", lang)
    elif kind == "decimal":
        validation = DataValidation(type="decimal", operator="between", formula1=_number(spec[1]), formula2=_number(spec[2]), allow_blank=True)
        message = t("workbook.valid.between", lang, low=fmt_number(float(spec[1]), lang), high=fmt_number(float(spec[2]), lang))  # type: ignore[arg-type]
    elif kind == "whole_min":
        validation = DataValidation(type="whole", operator="greaterThanOrEqual", formula1=_number(spec[1]), allow_blank=True)
        message = t("workbook.valid.whole", lang)
    elif kind == "decimal_min":
        validation = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1=_number(spec[1]), allow_blank=True)
        message = t("workbook.valid.at_least_zero", lang)
    else:
        low, high = spec[1], spec[2]
        validation = DataValidation(type="date", operator="between", formula1=_excel_date(low), formula2=_excel_date(high), allow_blank=True)  # type: ignore[arg-type]
        message = t("workbook.valid.date", lang, low=fmt_date(low, lang), high=fmt_date(high, lang))  # type: ignore[arg-type]
    validation.showErrorMessage = True
    validation.errorTitle = t("workbook.valid.title", lang)
    validation.error = message
    validation.showInputMessage = True
    validation.prompt = message
    return validation


def _number(value: object) -> str:
    return cell_text(float(value))  # type: ignore[arg-type]


def _excel_date(day: dt.date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"


def _print_setup(worksheet: Any) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    worksheet.page_margins.left = worksheet.page_margins.right = 0.4


def _protect(worksheet: Any) -> None:
    """Locked cells stay as written; a unit may still widen columns and rows to read."""
    worksheet.protection.sheet = True
    worksheet.protection.formatColumns = False
    worksheet.protection.formatRows = False


def _instructions(worksheet: Any, plan: Plan, unit_name: str, sheets: list[Sheet], lang: Lang, made: dt.date) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    from par_cli.render.safe import xlsx_value

    lines = [
        (t("workbook.title", lang, year=plan.year, unit=unit_name), True),
        (t("workbook.made_from", lang, number=plan.plan.number, date=fmt_date(made, lang)), False),
        ("", False),
    ]
    for sheet in sheets:
        lines.append((t(f"workbook.about.{sheet.role}", lang, sheet=t(f"workbook.sheet.{sheet.role}", lang)), False))
    lines.append(("", False))
    for index in range(1, 9):
        lines.append((t(f"workbook.step.{index}", lang), False))
    worksheet.column_dimensions["A"].width = 120
    _print_setup(worksheet)
    worksheet.page_setup.orientation = "portrait"
    _protect(worksheet)
    for text, bold in lines:
        cell = WriteOnlyCell(worksheet)
        xlsx_value(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(bold=bold, size=14 if bold else 11)
        worksheet.append([cell])
