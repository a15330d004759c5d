"""`par import`: the bundled plan's appendix table, from the seed, as Word and Excel files;
a second, made-up framework of another department; what cannot be read, with its place."""

from __future__ import annotations

import json
import subprocess

from typer.testing import CliRunner

from par_cli.cli import app
from par_cli.plan.tree import walk
from par_cli.reading.framework_table import plain
from par_cli.reading.reader import load_plan
from par_cli.render.problems import problem_line
from tests.edit_support import BUNDLED, par_executable, subprocess_env
from tests.framework_support import seed_rows, write_docx, write_xlsx

DEADLINE_IDS = ("1.1", "1.2", "2.2.1", "2.3.1", "2.2.3", "7.1")


def _import(source, output, *extra):
    result = CliRunner().invoke(app, ["import", str(source), "--output", str(output), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _names(plan, ids):
    by_id = {unit.id: unit.name for unit in plan.units}
    return [plain(by_id[unit]) for unit in ids]


def _deadlines(criterion):
    return sorted((d.exclusive, str(d.when if not hasattr(d.when, "model_dump") else d.when.model_dump(exclude_none=True))) for d in criterion.deadlines)


def _assert_like_bundled(draft_path):
    loaded = load_plan(draft_path)
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    draft, bundled = loaded.plan, load_plan(BUNDLED).plan
    drafted = {node.criterion.id: node.criterion for node in walk(draft)}
    expected = {node.criterion.id: node.criterion for node in walk(bundled)}
    assert drafted.keys() == expected.keys()
    for criterion_id, criterion in expected.items():
        got = drafted[criterion_id]
        assert got.max == criterion.max, criterion_id
        assert got.title == criterion.title, criterion_id
        # Names compared as typed: the seed's 4.1 writes "Các phòng, đơn vi" (sic) for "đơn vị".
        assert _names(draft, got.lead) == _names(bundled, criterion.lead), criterion_id
        assert _names(draft, got.support) == _names(bundled, criterion.support), criterion_id
    for criterion_id in DEADLINE_IDS:
        assert _deadlines(drafted[criterion_id]) == _deadlines(expected[criterion_id]), criterion_id
        for deadline in drafted[criterion_id].deadlines:
            assert "“" in deadline.assumption  # each reading quotes its source
    # Collective phrases recognised; the legal officer sits in the inspectorate.
    kinds = {plain(unit.name): unit.kind for unit in draft.units}
    assert kinds["cac phong, don vi"] == "all"
    assert kinds["cac phong, don vi duoc giao chu tri"] == "assigned"
    assert kinds["cac phong, don vi co lien quan"] == "concerned"
    legal = next(unit for unit in draft.units if unit.name == "Cán bộ pháp chế (Thanh tra Sở)")
    assert legal.part_of == next(unit.id for unit in draft.units if unit.name == "Thanh tra Sở")
    # Previous-year figures read from the notes, marked as the importer's reading.
    assert drafted["1.4"].baseline.points == 1 and "par import" in drafted["1.4"].baseline.assumption
    assert drafted["6.1"].baseline.points == 0.5  # "đạt 0,5/01 điểm"
    assert drafted["3.4.1"].baseline.observed[0].value == 96.5  # "96,5%"
    assert drafted["7.2"].baseline.observed[0].about == 32  # "khoảng 32%"
    assert drafted["5.1"].baseline.points == "unknown"
    # Rules: manual unless a scale is stated (1.4's title states one).
    assert drafted["1.4"].rule.kind == "tiers"
    assert [(t.at_least, t.points) for t in drafted["1.4"].rule.tiers] == [(2, 2), (1, 1)]
    assert drafted["5.1"].rule.kind == "manual"
    # Split rows joined back: 1.6 and 3.3.2 as the bundled plan reads them.
    assert drafted["3.3.2"].note == expected["3.3.2"].note
    assert drafted["6.2"].title == expected["6.2"].title
    # Plan-level facts read from the paragraph above the table, and from the options.
    assert draft.plan.number == "1163/KH-SGTVT" and draft.plan.date.isoformat() == "2024-06-04"
    assert draft.year == 2024 and draft.index_max == 95 and draft.outside_table.max == 33
    assert (draft.previous.points, draft.previous.percent, draft.previous.rank, draft.previous.of) == (80.36, 84.59, 13, 21)
    return draft


FACTS = ("--index-max", "95", "--previous", "80,36", "--rank", "13/21", "--title", "Nâng cao chỉ số công tác cải cách hành chính năm 2024")


def test_word_table_of_the_bundled_plan(tmp_path):
    source = write_docx(tmp_path / "phu-luc.docx", seed_rows())
    result = _import(source, tmp_path / "2024.yaml", *FACTS)
    assert result.exit_code == 0, result.output
    assert "hợp lệ" in result.output
    _assert_like_bundled(tmp_path / "2024.yaml")
    text = (tmp_path / "2024.yaml").read_text(encoding="utf-8")
    assert "# CẦN KIỂM TRA" in text  # comments say what to check


def test_word_table_with_merged_cells(tmp_path):
    rows = seed_rows()
    first = [row[0] for row in rows].index("2.2.1")
    second = [row[0] for row in rows].index("2.3.1")
    merges = [(first, first + 2, column) for column in (3, 4, 5, 6)] + [(second, second + 1, column) for column in (3, 4, 5, 6)]
    source = write_docx(tmp_path / "phu-luc.docx", rows, merges=merges)
    result = _import(source, tmp_path / "2024.yaml", *FACTS)
    assert result.exit_code == 0, result.output
    draft = _assert_like_bundled(tmp_path / "2024.yaml")
    by_id = {node.criterion.id: node.criterion for node in walk(draft)}
    assert "ô gộp" in by_id["2.2.2"].assumptions["lead"]
    assert by_id["2.3.2"].deadlines[0].when.isoformat() == "2024-01-15"


def test_excel_sheet_of_the_bundled_plan(tmp_path):
    source = write_xlsx(tmp_path / "phu-luc.xlsx", seed_rows())
    result = _import(source, tmp_path / "2024.yaml", *FACTS)
    assert result.exit_code == 0, result.output
    _assert_like_bundled(tmp_path / "2024.yaml")


OTHER_HEADER = ["STT", "TIEU CHI", "Ghi chu", "Don vi chu tri", "Điểm tối đa", "Phối hợp"]
OTHER_ROWS = [
    ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", "", "", ""],
    ["1.1", "Ban hành kế hoạch CCHC năm 2025", "Ban hành trước ngày 15/01/2025", "Phòng Tổ chức - Hành chính", "1,5", "Các khoa, phòng"],
    ["1.2", "Báo cáo CCHC định kỳ", "Gửi báo cáo trước ngày 20 hàng tháng", "Phòng Tổ chức - Hành chính", "2", "Các khoa, phòng"],
    ["2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", ""],
    ["2.1", "Giải quyết hồ sơ đúng hạn", "", "", "3", ""],
    ["2.1.1", "Tỷ lệ hồ sơ đúng hạn", "Năm 2024, đạt 1,5 điểm; có 91,2% hồ sơ đúng hạn", "Phòng Nghiệp vụ Y", "2", "Văn phòng Sở"],
    ["2.1.2", "Xin lỗi khi trễ hẹn", "Báo cáo trước ngày 31/02/2025", "Phòng Nghiệp vụ Y", "hai", "Văn phòng Sở"],
]


def test_another_department_other_year_other_maximum(tmp_path):
    source = write_xlsx(tmp_path / "khung-2025.xlsx", OTHER_ROWS, header=OTHER_HEADER, preamble=[], sheet="Khung")
    result = _import(source, tmp_path / "2025.yaml", "--year", "2025", "--index-max", "100", "--issuer", "Sở Y tế")
    # 2.1.2's maximum ("hai") and its deadline (31/02) cannot be read: listed with their cells.
    assert result.exit_code == 1, result.output
    # The header is row 1 and 2.1.2 the seventh row after it: 1 + 7 = 8; E holds the maximum, C the note.
    # One row of the unread table each, the place first (never cut).
    lines = result.output.splitlines()
    assert any(line.startswith("khung-2025.xlsx!Khung!E8 ") for line in lines), result.output
    assert any(line.startswith("khung-2025.xlsx!Khung!C8 ") for line in lines), result.output
    assert "số kế hoạch (--number)" in result.output and "kết quả năm trước (--previous)" in result.output
    loaded = load_plan(tmp_path / "2025.yaml")
    # 2.1's maximum 3 ≠ 2 + 0 (the unread one): the draft says so rather than inventing one.
    assert [p.code for p in loaded.problems] == ["check.children_sum"]


def test_a_word_cell_is_placed_in_the_readers_words(tmp_path):
    """The same unreadable maximum in a Word table: its place is a value (file, table, row,
    column) worded when shown, "bảng 1, dòng 8, cột 5" by default, "table 1, row 8, column 5"
    in English and in JSON (the same in both languages there). Row 8 as in the Excel case
    above; the maximum is the fifth column of OTHER_HEADER."""
    source = write_docx(tmp_path / "khung-2025.docx", OTHER_ROWS, header=OTHER_HEADER, preamble=[])
    facts = ("--year", "2025", "--index-max", "100", "--issuer", "Sở Y tế")
    vietnamese = _import(source, tmp_path / "vi.yaml", *facts)
    english = _import(source, tmp_path / "en.yaml", *facts, "--lang", "en")
    assert vietnamese.exit_code == english.exit_code == 1, vietnamese.output
    assert any(line.startswith("khung-2025.docx: bảng 1, dòng 8, cột 5 ") for line in vietnamese.output.splitlines()), vietnamese.output
    assert "table 1" not in vietnamese.output
    assert any(line.startswith("khung-2025.docx: table 1, row 8, column 5 ") for line in english.output.splitlines()), english.output
    places = []
    for lang in ("vi", "en"):
        done = _import(source, tmp_path / f"{lang}.json.yaml", *facts, "--format", "json", "--lang", lang)
        places.append([item["where"] for item in json.loads(done.stdout)["unread"]])
    assert places[0] == places[1] and "khung-2025.docx: table 1, row 8, column 5" in places[0]


def test_another_department_imports_and_validates(tmp_path):
    rows = [row[:] for row in OTHER_ROWS]
    rows[-1][4] = "1"
    rows[-1][2] = ""
    source = write_docx(tmp_path / "khung-2025.docx", rows, header=OTHER_HEADER, preamble=["Khung chỉ số CCHC năm 2025 của Sở Y tế"])
    result = _import(source, tmp_path / "2025.yaml", "--year", "2025", "--index-max", "100", "--issuer", "Sở Y tế", "--previous", "88,5", "--rank", "4/19")
    assert result.exit_code == 0, result.output
    loaded = load_plan(tmp_path / "2025.yaml")
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    plan = loaded.plan
    by_id = {node.criterion.id: node.criterion for node in walk(plan)}
    assert plan.year == 2025 and plan.index_max == 100
    # 1,5 + 2 + 3 = 6,5 in the table; 100 − 6,5 = 93,5 outside it.
    assert plan.outside_table.max == 93.5
    assert by_id["1.1"].max == 1.5 and by_id["1.1"].deadlines[0].when.isoformat() == "2025-01-15"
    assert by_id["1.2"].deadlines[0].when.model_dump(exclude_none=True) == {"every": "month", "day": 20}
    assert by_id["2.1.1"].baseline.points == 1.5 and by_id["2.1.1"].baseline.observed[0].value == 91.2
    assert by_id["2.1"].max == 3 and [c.id for c in by_id["2.1"].children] == ["2.1.1", "2.1.2"]
    assert {unit.name for unit in plan.units} == {"Phòng Tổ chức - Hành chính", "Các khoa, phòng", "Phòng Nghiệp vụ Y", "Văn phòng Sở"}
    assert plan.previous.percent == 88.5  # 88,5 / 100 × 100


def test_never_over_an_existing_file_and_no_table(tmp_path):
    source = write_docx(tmp_path / "phu-luc.docx", seed_rows())
    target = tmp_path / "2024.yaml"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    result = _import(source, target)
    assert result.exit_code == 2 and target.read_text(encoding="utf-8") == "giữ nguyên\n"
    empty = write_docx(tmp_path / "khac.docx", [["a", "b"]], header=["Cột 1", "Cột 2"])
    result = _import(empty, tmp_path / "x.yaml")
    assert result.exit_code == 2 and "TT (hoặc STT)" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_subprocess_import(tmp_path):
    source = write_docx(tmp_path / "phu-luc.docx", seed_rows())
    done = subprocess.run([par_executable(), "import", str(source), "-o", str(tmp_path / "d.yaml"), "--lang", "en", *FACTS], capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "The draft validates" in done.stdout
