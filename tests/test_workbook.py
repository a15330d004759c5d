"""`par workbook` and `par collect`: a unit's workbook made from the bundled plan, filled with
openpyxl as a person would fill it in Excel, collected back into a real copy of the plan."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import openpyxl
import pytest

from par_cli.cli import app
from par_cli.reading.reader import load_plan
from par_cli.reading.workbook import LETTER, META_SHEET, plan_sha256
from tests.edit_support import par_executable, subprocess_env
from tests.office import CALC, convert


def make(runner, plan: Path, target: Path, unit: str = "van-phong", *extra: str) -> None:
    result = runner.invoke(app, ["workbook", "--unit", unit, "--output", str(target), "--plan", str(plan), *extra])
    assert result.exit_code == 0, result.output


def collect(runner, plan: Path, *files: Path, date: str = "2024-03-15", extra: tuple[str, ...] = ()):
    return runner.invoke(app, ["collect", *map(str, files), "--date", date, "--plan", str(plan), *extra])


class Filler:
    """A person at Excel: finds the row of a criterion's measure, deadline occurrence or
    criterion by what the sheet shows, and types into a cell."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book = openpyxl.load_workbook(path)

    def row(self, sheet: str, key: str) -> int:
        worksheet = self.book[sheet]
        for number in range(2, worksheet.max_row + 1):
            if str(worksheet[f"A{number}"].value).split("#", 1)[1] == key:
                return number
        raise AssertionError(f"no row {key} on {sheet}")

    def put(self, sheet: str, key: str, column: str, value: object) -> str:
        number = self.row(sheet, key)
        self.book[sheet][f"{LETTER[column]}{number}"] = value
        return f"{sheet}!{LETTER[column]}{number}"

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        self.book.save(target)
        return target


LEAD = "Chủ trì"


def test_the_workbook_a_unit_receives(runner, plan_copy, tmp_path):
    target = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Hướng dẫn", "Chủ trì", "Phối hợp", "Việc chung", "_ds", META_SHEET]
    assert [book[name].sheet_state for name in book.sheetnames] == ["visible"] * 4 + ["veryHidden"] * 2
    assert "Văn phòng Sở" in book["Hướng dẫn"]["A1"].value
    assert any("ô màu vàng" in str(cell.value) for cell in book["Hướng dẫn"]["A"])

    lead = book[LEAD]
    assert lead.protection.sheet and lead.freeze_panes == "C2"
    assert lead.page_setup.orientation == "landscape" and int(lead.page_setup.paperSize) == 9  # 9 is A4 in OOXML
    assert lead.column_dimensions["A"].hidden and lead.column_dimensions["C"].width >= 40
    header = [cell.value for cell in lead[1]]
    assert header[1:4] == ["Mã", "Tiêu chí / số đo / việc phải làm", "Yêu cầu"]
    assert {"Số, ký hiệu văn bản", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Phần, mục", "Trang", "Ghi chú"} <= set(header)

    filler = Filler(target)
    # 1.2 reports quarterly before the 12th of the quarter's last month: four occurrences,
    # the first with last day on time 11/03/2024, none done yet.
    number = filler.row(LEAD, "occurrence|1.2|bao-cao-quy|2024-03-12")
    assert lead[f"F{number}"].value == dt.datetime(2024, 3, 11) and lead[f"G{number}"].value == "Chưa xong"
    assert [filler.row(LEAD, f"occurrence|1.2|bao-cao-quy|2024-{m}-12") for m in ("03", "06", "09", "12")] == list(range(number, number + 4))
    # Locked: the id, the title, the maximum; open: the value, the date, the evidence.
    crit = filler.row(LEAD, "criterion|1.4")
    assert lead[f"B{crit}"].protection.locked and lead[f"E{crit}"].protection.locked and lead[f"E{crit}"].value == 2
    assert not lead[f"I{crit}"].protection.locked and not lead[f"K{crit}"].protection.locked

    # Every fillable cell of a measure carries the validation of its kind.
    kinds = {}
    for validation in lead.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            kinds[ref] = (validation.type, validation.operator, validation.formula1, validation.formula2)
    pct = filler.row(LEAD, "measure|1.3|contest_participation_pct")
    assert kinds[f"I{pct}"] == ("decimal", "between", "0", "100")
    assert kinds[f"I{filler.row(LEAD, 'measure|1.4|initiatives')}"][:3] == ("whole", "greaterThanOrEqual", "0")
    assert kinds[f"I{filler.row(LEAD, 'measure|1.3|plan_issued')}"][0] == "list"
    assert kinds[f"J{pct}"] == ("date", "between", "DATE(2024,1,1)", "DATE(2024,12,31)")
    assert kinds[f"I{crit}"] == ("decimal", "between", "0", "2")  # the score, up to 1.4's maximum
    # 3.4.3 is led by every unit together and supported by the Office by name.
    levels = book["Phối hợp"]
    rating = Filler(target).row("Phối hợp", "measure|3.4.3|rating")
    found = [v for v in levels.data_validations.dataValidation if f"I{rating}" in str(v.sqref).split()]
    assert found[0].type == "list"
    sheet, cells = found[0].formula1.split("!")
    assert sheet == "'_ds'"
    assert [row[0].value for row in book["_ds"][cells.replace("$", "")]] == ["rất tốt", "tốt", "chưa đạt"]

    meta = {row[0]: row[1] for row in book[META_SHEET].iter_rows(values_only=True) if row[0] != "cell"}
    assert meta["plan_number"] == "1163/KH-SGTVT" and meta["unit"] == "van-phong"
    assert meta["sha256"] == plan_sha256(plan_copy)


def test_units_land_on_their_sheets(runner, plan_copy, tmp_path):
    # The inspectorate leads 2.5 itself and 2.2.x/2.3.x/2.4 through its legal officer
    # (part_of: thanh-tra); 1.1 it supports only as one of "Các phòng, đơn vị".
    target = tmp_path / "thanh-tra.xlsx"
    make(runner, plan_copy, target, "thanh-tra")
    book = openpyxl.load_workbook(target)
    ids = lambda sheet: {str(c.value) for c in book[sheet]["B"][1:]}  # noqa: E731
    assert {"2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.4", "2.5"} == ids(LEAD)
    assert "1.1" in ids("Việc chung") and "1.1" not in ids(LEAD)
    assert "Phối hợp" not in book.sheetnames  # named to support nothing by name


def test_all_units_one_file_each(runner, plan_copy, tmp_path):
    result = runner.invoke(app, ["workbook", "--all-units", "--output", str(tmp_path / "so"), "--plan", str(plan_copy)])
    assert result.exit_code == 0, result.output
    # The four real units; the collective phrases get no workbook.
    assert sorted(p.name for p in (tmp_path / "so").iterdir()) == ["ke-hoach-tai-chinh.xlsx", "phap-che.xlsx", "thanh-tra.xlsx", "van-phong.xlsx"]


def test_unit_or_all_units_is_required(runner, plan_copy, tmp_path):
    result = runner.invoke(app, ["workbook", "--output", str(tmp_path / "x.xlsx"), "--plan", str(plan_copy)])
    assert result.exit_code == 2
    unknown = runner.invoke(app, ["workbook", "--unit", "khong-co", "--output", str(tmp_path / "x.xlsx"), "--plan", str(plan_copy)])
    assert unknown.exit_code == 2 and "van-phong" in unknown.output


def fill_good(path: Path) -> Path:
    filler = Filler(path)
    filler.put(LEAD, "measure|1.4|initiatives", "value", 2)
    filler.put(LEAD, "measure|1.4|initiatives", "date", dt.datetime(2024, 3, 10))
    filler.put(LEAD, "measure|1.3|plan_issued", "value", "Có")
    filler.put(LEAD, "measure|1.3|contest_participation_pct", "value", 96.5)  # no date: --date
    key = "occurrence|1.2|bao-cao-quy|2024-03-12"
    filler.put(LEAD, key, "done", "Có")
    filler.put(LEAD, key, "date", dt.datetime(2024, 3, 8))
    filler.put(LEAD, key, "number", "25/BC-SGTVT")
    filler.put(LEAD, key, "issued", dt.datetime(2024, 3, 8))
    filler.put(LEAD, key, "issuer", "Sở Giao thông vận tải")
    filler.put(LEAD, key, "summary", "Báo cáo công tác CCHC quý I năm 2024")
    filler.put(LEAD, key, "section", "Mục II")
    filler.put(LEAD, key, "page", "3-4")
    filler.put(LEAD, "criterion|1.4", "value", 1.5)
    filler.put(LEAD, "criterion|1.4", "note", "Chờ công nhận sáng kiến thứ hai")
    return filler.save()


def test_good_values_are_recorded_with_their_dates_and_evidence(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    result = collect(runner, plan_copy, workbook)
    assert result.exit_code == 0, result.output
    # 2 measure values of 1.3 (one entry) + 1 of 1.4 + the completion + its evidence + the score = 6
    assert "đã ghi 6 giá trị" in result.output

    plan = load_plan(plan_copy).plan
    by_id = {c.id: c for d in plan.domains for c in d.criteria}
    one_four = by_id["1.4"].progress
    assert [(m.date, m.values) for m in one_four.measurements] == [(dt.date(2024, 3, 10), {"initiatives": 2})]
    assert [(s.stage, s.date, s.points, s.note) for s in one_four.stages] == [("self_assessment", dt.date(2024, 3, 15), 1.5, "Chờ công nhận sáng kiến thứ hai")]
    # 1.3's two readings carry no date of their own: they are dated --date, in one entry.
    assert [(m.date, m.values) for m in by_id["1.3"].progress.measurements] == [(dt.date(2024, 3, 15), {"plan_issued": True, "contest_participation_pct": 96.5})]
    one_two = by_id["1.2"].progress
    assert [(c.deadline, c.occurrence, c.date) for c in one_two.done] == [("bao-cao-quy", dt.date(2024, 3, 12), dt.date(2024, 3, 8))]
    [evidence] = one_two.evidence
    assert (evidence.number, evidence.issued, evidence.issuer, evidence.summary, evidence.section, evidence.page) == (
        "25/BC-SGTVT", dt.date(2024, 3, 8), "Sở Giao thông vận tải", "Báo cáo công tác CCHC quý I năm 2024", "Mục II", "3-4"
    )
    assert (evidence.date, evidence.deadline, evidence.occurrence) == (dt.date(2024, 3, 8), "bao-cao-quy", dt.date(2024, 3, 12))

    # The plan's comments and layout are kept: the header comment is there, and the diff
    # against the original only adds lines.
    text = plan_copy.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server")

    # A second collect of the same workbook is a no-op: the plan stays byte-identical.
    before = plan_copy.read_bytes()
    again = collect(runner, plan_copy, workbook, date="2024-04-01")
    assert again.exit_code == 0, again.output
    assert "không có gì mới" in again.output
    assert plan_copy.read_bytes() == before


def test_the_recorded_plan_only_gains_lines(runner, plan_copy, tmp_path):
    original = plan_copy.read_text(encoding="utf-8").splitlines()
    workbook = tmp_path / "vp.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    assert collect(runner, plan_copy, workbook).exit_code == 0
    after = plan_copy.read_text(encoding="utf-8").splitlines()
    import difflib

    removed = [line for line in difflib.ndiff(original, after) if line.startswith("- ")]
    assert removed == []


def test_bad_cells_are_each_named_and_nothing_is_written(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    filler = Filler(workbook)
    bad = {
        filler.put(LEAD, "measure|1.3|contest_participation_pct", "value", 140): "ngoài 0–100",
        filler.put(LEAD, "measure|7.3|e_documents_pct", "value", "nhiều"): "không phải là một số",
        filler.put(LEAD, "measure|1.4|initiatives", "date", dt.datetime(2030, 3, 10)): "2030",
        filler.put(LEAD, "criterion|7.1", "value", 3): "vượt điểm tối đa",
        filler.put(LEAD, "occurrence|1.2|bao-cao-quy|2024-06-12", "done", "chắc vậy"): "Có / Không",
    }
    rating = filler.put("Phối hợp", "measure|3.4.3|rating", "value", "xuất sắc")
    bad[rating] = "rất tốt / tốt / chưa đạt"
    filler.save()
    before = plan_copy.read_bytes()
    result = collect(runner, plan_copy, workbook)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("van-phong.xlsx!")]
    assert len(lines) == len(bad), result.output
    for ref, words in bad.items():
        [line] = [line for line in lines if line.startswith(f"van-phong.xlsx!{ref}: ")]
        assert words in line, line
    assert "không ghi gì từ sổ này" in result.output
    assert plan_copy.read_bytes() == before


def test_a_changed_locked_cell_refuses_the_workbook(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    filler = Filler(workbook)
    # A person (or a macro) "improves" 1.4's maximum from 2 to 3: sheet protection stops
    # Excel, not openpyxl; the hidden copy of the locked cells tells.
    ref = filler.put(LEAD, "criterion|1.4", "max", 3)
    filler.save()
    before = plan_copy.read_bytes()
    result = collect(runner, plan_copy, workbook)
    assert result.exit_code == 1
    assert f"van-phong.xlsx!{ref}: ô bị khóa đã bị sửa: lúc lập là '2', nay là '3'" in result.stdout
    assert plan_copy.read_bytes() == before


def test_dry_run_shows_the_diff_and_writes_nothing(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    before = plan_copy.read_bytes()
    result = collect(runner, plan_copy, workbook, extra=("--dry-run",))
    assert result.exit_code == 0, result.output
    assert "+            - {date: 2024-03-10, initiatives: 2}" in result.stdout
    assert result.stdout.startswith("--- a/")
    assert plan_copy.read_bytes() == before


def test_an_older_workbook_is_collected_where_rows_still_match(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    filler = Filler(workbook)
    filler.put(LEAD, "measure|1.4|initiatives", "value", 2)
    filler.put(LEAD, "measure|7.3|e_documents_pct", "value", 80)
    stale = filler.put(LEAD, "measure|7.2|full_process_pct", "value", 75)
    filler.save()
    # Meanwhile the office renames 7.2's measure full_process_pct to end_to_end_pct.
    text = plan_copy.read_text(encoding="utf-8")
    assert text.count("full_process_pct") >= 2
    plan_copy.write_text(text.replace("full_process_pct", "end_to_end_pct"), encoding="utf-8")
    result = collect(runner, plan_copy, workbook)
    assert result.exit_code == 0, result.output
    assert "phiên bản khác" in result.output
    assert f"van-phong.xlsx!{stale}: dòng 'measure|7.2|full_process_pct' không còn khớp" in result.output
    plan = load_plan(plan_copy).plan
    by_id = {c.id: c for d in plan.domains for c in d.criteria}
    assert by_id["1.4"].progress.measurements[0].values == {"initiatives": 2}
    assert by_id["7.3"].progress.measurements[0].values == {"e_documents_pct": 80}
    assert by_id["7.2"].progress.measurements == []


def test_a_workbook_of_another_plan_is_refused(runner, plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    Filler(workbook).save()
    plan_copy.write_text(plan_copy.read_text(encoding="utf-8").replace('number: "1163/KH-SGTVT"', 'number: "99/KH-SGTVT"', 1), encoding="utf-8")
    before = plan_copy.read_bytes()
    result = collect(runner, plan_copy, workbook)
    assert result.exit_code == 1 and "99/KH-SGTVT" in result.output
    assert plan_copy.read_bytes() == before


def test_not_a_workbook(runner, plan_copy, tmp_path):
    other = tmp_path / "khac.xlsx"
    openpyxl.Workbook().save(other)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    result = collect(runner, plan_copy, other, junk)
    assert result.exit_code == 1
    assert "không phải sổ do `par workbook` lập" in result.output and "không đọc được tệp Excel" in result.output
    assert "Traceback" not in result.output


def test_each_workbook_stands_alone(runner, plan_copy, tmp_path):
    # Two workbooks in one run: the refused one writes nothing, the good one is recorded.
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    make(runner, plan_copy, good)
    make(runner, plan_copy, bad, "ke-hoach-tai-chinh")
    fill_good(good)
    filler = Filler(bad)
    filler.put(LEAD, "measure|6.1|extra_income_ratio", "value", 1.2)
    filler.put(LEAD, "criterion|6.2", "note", "thiếu điểm")  # a note without a score
    filler.save()
    result = collect(runner, plan_copy, good, bad)
    assert result.exit_code == 1
    assert "bad.xlsx!Chủ trì!Q" in result.stdout
    plan = load_plan(plan_copy).plan
    by_id = {c.id: c for d in plan.domains for c in d.criteria}
    assert by_id["1.4"].progress.measurements and not by_id["6.1"].progress.measurements


def test_collect_through_the_installed_script(plan_copy, tmp_path):
    workbook = tmp_path / "van-phong.xlsx"
    env = subprocess_env()
    made = subprocess.run([par_executable(), "workbook", "--unit", "van-phong", "-o", str(workbook), "--plan", str(plan_copy)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    fill_good(workbook)
    done = subprocess.run([par_executable(), "collect", str(workbook), "--date", "2024-03-15", "--plan", str(plan_copy)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "đã ghi 6 giá trị" in done.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_english_labels(runner, plan_copy, tmp_path, lang):
    target = tmp_path / f"{lang}.xlsx"
    make(runner, plan_copy, target, "van-phong", "--lang", lang)
    names = openpyxl.load_workbook(target).sheetnames
    assert names[1] == ("Chủ trì" if lang == "vi" else "Leads")


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.integers(-50, 250), st.floats(-50, 250, allow_nan=False).map(lambda v: round(v, 1))))
def test_a_percentage_is_recorded_exactly_or_refused_with_the_plan_untouched(runner, tmp_path, value):
    # The invariant of all or nothing: whatever number a person types into 1.3's percentage,
    # either the plan gains exactly that reading, or that cell is named and not a byte moves.
    plan = tmp_path / f"plan-{abs(hash(value))}.yaml"
    plan.write_bytes(BUNDLED_BYTES)
    workbook = tmp_path / f"wb-{abs(hash(value))}.xlsx"
    make(runner, plan, workbook)
    filler = Filler(workbook)
    ref = filler.put(LEAD, "measure|1.3|contest_participation_pct", "value", value)
    filler.save()
    result = collect(runner, plan, workbook)
    if 0 <= value <= 100:
        assert result.exit_code == 0, result.output
        by_id = {c.id: c for d in load_plan(plan).plan.domains for c in d.criteria}
        assert by_id["1.3"].progress.measurements[0].values == {"contest_participation_pct": value}
    else:
        assert result.exit_code == 1
        assert result.stdout.startswith(f"{workbook.name}!{ref}: ")
        assert plan.read_bytes() == BUNDLED_BYTES


BUNDLED_BYTES = (Path(__file__).resolve().parent.parent / "plans" / "2024.yaml").read_bytes()


def test_a_large_workbook_validates_exactly_the_cells_to_fill(runner, tmp_path):
    # 600 one-line criteria led by the one unit, in threes: the first with a yes/no measure,
    # the second with a deadline (one occurrence), the third alone. Each three is five rows
    # from row 2 + 5j: criterion, measure, criterion, occurrence, criterion.
    groups = 200
    lines = ['plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}', 'issuer: "Sở"', 'title: "Thử"', "year: 2024", f"index_max: {3 * groups}",
             "units:", '- {id: vp, name: "Văn phòng"}', "domains:", '- id: "1"', '  title: "Một"', "  criteria:"]
    for number in range(1, 3 * groups + 1):
        extra = {1: ', measures: {ok: {kind: yes_no, label: "Có"}}', 2: ', deadlines: [{id: d, what: "Báo cáo", before: 2024-06-30}]', 0: ""}[number % 3]
        lines.append(f'  - {{id: "1.{number}", title: "t", max: 1, lead: vp{extra}}}')
    plan = tmp_path / "2024.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "vp.xlsx"
    make(runner, plan, target, "vp")

    from openpyxl.utils import get_column_letter

    sheet = openpyxl.load_workbook(target)[LEAD]
    assert sheet.max_row == 1 + 5 * groups
    starts = [2 + 5 * j for j in range(groups)]
    criteria = [start + k for start in starts for k in (0, 2, 4)]
    measures = [start + 1 for start in starts]
    occurrences = [start + 3 for start in starts]
    cells = lambda column, rows: {f"{column}{row}" for row in rows}  # noqa: E731
    expected = {
        # yes/no: a measure's value, an occurrence done
        ("list", "'_ds'!$A$1:$A$2", None): cells("I", measures) | cells("H", occurrences),
        ("decimal", "0", "1"): cells("I", criteria),  # the self-assessed score, up to 1
        ("date", "DATE(2024,1,1)", "DATE(2024,12,31)"): cells("J", measures),  # a reading in the year
        ("date", "DATE(2023,1,1)", "DATE(2025,12,31)"): cells("J", criteria + occurrences),
        ("date", "DATE(2000,1,1)", "DATE(2025,12,31)"): cells("L", criteria + occurrences),  # evidence issued
    }
    found: dict[tuple[object, ...], set[str]] = {}
    for validation in sheet.data_validations.dataValidation:
        covered = found.setdefault((validation.type, validation.formula1, validation.formula2), set())
        covered |= {f"{get_column_letter(column)}{row}" for cells_range in validation.sqref.ranges for row, column in cells_range.cells}
    assert found == expected
    assert all(not sheet[ref].protection.locked for refs in expected.values() for ref in refs)
    assert [row[0].value for row in openpyxl.load_workbook(target)["_ds"]["A1:A2"]] == ["Có", "Không"]


def resaved_by_calc(workbook: Path, folder: Path) -> Path:
    """``workbook`` opened and saved again by LibreOffice Calc, as a head of unit's
    spreadsheet program writes it back: its own XML, styles, shared strings and sheet order."""
    return convert(workbook, "xlsx", folder / "resaved")



@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed: .ci/run installs libreoffice-calc-nogui")
def test_a_workbook_saved_again_by_a_spreadsheet_program_is_collected_the_same(runner, plan_copy, tmp_path):
    # collect reads the workbook in openpyxl's read-only mode, pairing each row's cells with
    # the columns A to Q by position: a program that writes its own XML must give the same
    # values, and the same refusal of a changed locked cell.
    workbook = tmp_path / "van-phong.xlsx"
    make(runner, plan_copy, workbook)
    fill_good(workbook)
    resaved = resaved_by_calc(workbook, tmp_path)
    as_written = tmp_path / "as-written.yaml"
    as_written.write_bytes(plan_copy.read_bytes())
    first = collect(runner, as_written, workbook)
    assert first.exit_code == 0 and "đã ghi 6 giá trị" in first.output, first.output
    second = collect(runner, plan_copy, resaved)
    assert second.exit_code == 0 and "đã ghi 6 giá trị" in second.output, second.output
    assert plan_copy.read_bytes() == as_written.read_bytes()

    changed = tmp_path / "changed" / "van-phong.xlsx"
    changed.parent.mkdir()
    filler = Filler(workbook)
    ref = filler.put(LEAD, "criterion|1.4", "max", 3)
    filler.save(changed)
    before = plan_copy.read_bytes()
    refused = collect(runner, plan_copy, resaved_by_calc(changed, tmp_path / "changed"))
    assert refused.exit_code == 1
    assert f"van-phong.xlsx!{ref}: ô bị khóa đã bị sửa: lúc lập là '2', nay là '3'" in refused.stdout
    assert plan_copy.read_bytes() == before
