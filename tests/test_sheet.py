"""`par sheet`: one set of values in Markdown, HTML, Word and Excel, checked by opening the
files with their own libraries. Figures are worked out in tests/yearend_plans.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from par_cli.cli import app
from tests.edit_support import par_executable, subprocess_env
from tests.yearend_plans import STAGES_1_2, YEAREND

CRITERIA = {  # id: (max, points) as the sheet shows them
    "1.1": ("2", "2"),
    "1.2": ("2", "1,5"),
    "2.1": ("3", "1"),  # 2.1.1 only: 2.1.2 does not apply
    "2.1.1": ("1", "1"),
    "2.1.2": ("2", ""),
}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "2024.yaml"
    path.write_text(YEAREND, encoding="utf-8")
    return path


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def score_json(plan: Path, *extra: str) -> dict:
    return json.loads(run("score", str(plan), "--format", "json", *extra).stdout)


def test_markdown_sheet_rows_and_totals(plan):
    text = run("sheet", str(plan)).stdout
    assert "| **I** | **CHỈ ĐẠO ĐIỀU HÀNH** | **4** | **3,5** |" in text  # 2 + 1.5
    assert "| 2.1.2 | Liên thông | 2 |  |  |  | Không áp dụng: Sở không có thủ tục liên thông |" in text
    assert "| *III* | *Phần ngoài bảng (điều tra xã hội học)* | *3* | *2* |  |  | *Không tự đánh giá (điều tra xã hội học)* |" in text
    assert "|  | **Tổng điểm** | 8 | **7,5** |" in text
    assert "|  | **Chỉ số (% trên điểm tối đa áp dụng 8)** |  | **93,75 %** |" in text


def test_as_of_leaves_out_what_came_later(plan):
    # The 0.5 bonus is granted on 20/01/2025: on 31/12/2024 the total is 6.5 + 1 − 0.5 = 7.
    payload = score_json(plan, "--as-of", "2024-12-31")
    assert payload["adjusted"]["total"] == 7.0 and payload["adjusted"]["percent"] == 87.5
    assert "|  | **Tổng điểm** | 8 | **7** |" in run("sheet", str(plan), "--as-of", "2024-12-31").stdout


def test_score_reports_points_and_the_rescaled_percentage(plan):
    adjusted = score_json(plan)["adjusted"]
    assert adjusted == {
        "points": 6.5,
        "bonus": 1.5,
        "penalty": 0.5,
        "total": 7.5,
        "max": 10.0,
        "applicable_max": 8.0,
        "percent": 93.75,
        "not_applicable": ["2.1.2"],
    }
    assert "Sau điều chỉnh: 6,5 + thưởng 1,5 − trừ 0,5 = 7,5 trên 8 điểm áp dụng (93,75 %)" in run("score", str(plan), "--format", "text").stdout


@settings(max_examples=40, deadline=None)
@given(
    raw=st.floats(0, 100),
    bonus=st.lists(st.floats(0, 5), max_size=4),
    penalty=st.lists(st.floats(0, 5), max_size=4),
    caps=st.tuples(st.none() | st.floats(0, 5), st.none() | st.floats(0, 5)),
)
def test_adjusted_total_stays_within_the_plan_bounds(raw, bonus, penalty, caps):
    from par_cli.plan.model import Plan
    from par_cli.reading.reader import validate_data
    from par_cli.scoring.adjust import adjusted_total
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(YEAREND)
    data["adjustments"] = {
        "bonus": [{"id": f"b{i}", "title": "b", "points": p} for i, p in enumerate(bonus)],
        "penalty": [{"id": f"p{i}", "title": "p", "points": p} for i, p in enumerate(penalty)],
        **({"bonus_max": caps[0]} if caps[0] is not None else {}),
        **({"penalty_max": caps[1]} if caps[1] is not None else {}),
    }
    model, findings = validate_data(data)
    assert isinstance(model, Plan) and not findings
    result = adjusted_total(model, raw, index_max=10, not_applicable={"2.1.2": (2, 0)}, as_of=None)
    # Points are kept to the millionth (plan/points.py): each item may round by half of one.
    assert result.bonus <= (caps[0] if caps[0] is not None else sum(bonus)) + 1e-5
    assert result.penalty <= (caps[1] if caps[1] is not None else sum(penalty)) + 1e-5
    assert 0 <= result.total <= result.applicable_max == 8
    unclamped = raw + result.bonus - result.penalty
    assert abs(result.total - min(max(unclamped, 0), 8)) < 1e-5


# --- Word ------------------------------------------------------------------------------------


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_word_layout_follows_the_decree(plan, tmp_path):
    output = tmp_path / "bao-cao.docx"
    run("sheet", str(plan), "--format", "docx", "--output", str(output))
    document = Document(str(output))
    first, appendix = document.sections
    # Word keeps sizes in twentieths of a point: 210 mm is stored as 209.99… mm.
    def mm(length) -> float:
        return round(length.mm, 1)

    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert (mm(appendix.page_width), mm(appendix.page_height)) == (297, 210)  # the landscape appendix
    for section in document.sections:
        assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
        assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14)
    runs = [run_ for p in document.paragraphs for run_ in p.runs] + [
        run_ for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs for run_ in p.runs
    ]
    assert runs and {run_.font.name for run_ in runs} == {"Times New Roman"}
    heading = document.tables[0]
    left, right = (cell.text.splitlines() for cell in heading.rows[0].cells)
    assert left[:2] == ["UBND TỈNH THỬ", "SỞ THỬ NGHIỆM"] and left[-1].startswith("Số:") and left[-1].endswith("/BC-STN")
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    place = heading.rows[0].cells[1].paragraphs[-1]
    assert place.text == "Thử, ngày 05 tháng 01 năm 2025" and all(r.italic for r in place.runs)
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024" in texts
    for part in ("I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "II. GIẢI TRÌNH", "III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT"):
        assert part in texts
    assert "- Thiếu cán bộ chuyên trách" in texts and "- Tập huấn chấm điểm" in texts
    body = all_text(document)
    assert "Nơi nhận:" in body and "- Lưu: VT." in body and "Nguyễn Văn A" in body
    # Page numbers from the second page: a PAGE field in the header, none on the first page.
    assert first.different_first_page_header_footer
    assert "PAGE" in first.header._element.xml and "PAGE" not in first.first_page_header._element.xml


def test_word_table_has_every_criterion_and_the_totals_of_par_score(plan, tmp_path):
    output = tmp_path / "bao-cao.docx"
    run("sheet", str(plan), "--format", "docx", "--output", str(output))
    table = Document(str(output)).tables[-1]
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in table.rows}
    for criterion, (maximum, points) in CRITERIA.items():
        assert rows[criterion][2:4] == [maximum, points], criterion
    assert rows["I"][1:4] == ["CHỈ ĐẠO ĐIỀU HÀNH", "4", "3,5"]
    assert all(r.bold for p in table.rows[1].cells[1].paragraphs for r in p.runs)  # domain rows bold
    assert "01/KH-STN ngày 03/01/2024, Sở Thử nghiệm: Kế hoạch CCHC năm 2024 (mục II, tr. 3)" in rows["1.1"][4]
    assert rows["1.2"][5] == "cần giải trình: chưa có tài liệu kiểm chứng"
    closing = {row.cells[1].text: row.cells[3].text for row in table.rows if not row.cells[0].text}
    adjusted = score_json(plan)["adjusted"]
    from par_cli.i18n import fmt_number, fmt_percent

    assert closing["Tổng điểm"] == fmt_number(adjusted["total"], "vi") == "7,5"
    assert closing["Chỉ số (% trên điểm tối đa áp dụng 8)"] == fmt_percent(adjusted["percent"], "vi")
    assert closing["Điểm thưởng"] == "1,5" and closing["Điểm trừ"] == "0,5"


def test_word_from_the_office_template(plan, tmp_path):
    form = Path(__file__).resolve().parent.parent / "templates" / "sheet-form.docx"
    output = tmp_path / "mau.docx"
    run("sheet", str(plan), "--format", "docx", "--template", str(form), "--output", str(output))
    document = Document(str(output))
    text = all_text(document)
    assert "{{" not in text and "{%" not in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Tổng điểm: 7,5/8 điểm, đạt 93,75 %." in text
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in document.tables[-1].rows}
    assert rows["1.2"][2:4] == ["2", "1,5"]


def large_plan(per_domain: int) -> str:
    """Two domains of ``per_domain`` criteria of 1 point each; every fourth self-assessed
    0.5 with two pieces of evidence; the title of 1.3 holds a tab."""
    lines = ['plan: {number: "1/KH-STN", date: 2024-01-02, issuer: "Sở Thử nghiệm"}', 'issuer: "Sở Thử nghiệm"', 'title: "Thử"', "year: 2024",
             f"index_max: {2 * per_domain}", "units:", '  - {id: van-phong, name: "Văn phòng Sở"}', "domains:"]
    for domain, title in (("1", "MỘT"), ("2", "HAI")):
        lines += [f'  - id: "{domain}"', f'    title: "{title}"', "    criteria:"]
        for k in range(1, per_domain + 1):
            name = "Tiêu chí\\t1.3" if (domain, k) == ("1", 3) else f"Tiêu chí {domain}.{k}"
            progress = ""
            if k % 4 == 0:
                progress = f', progress: {{self_assessed: 0.5, evidence: [{{date: 2024-03-01, text: "Báo cáo {k}/BC"}}, {{date: 2024-03-02, text: "Biên bản {k}/BB"}}]}}'
            lines.append(f'      - {{id: "{domain}.{k}", title: "{name}", max: 1, lead: van-phong, rule: {{kind: manual}}{progress}}}')
    return "\n".join(lines) + "\n"


def test_a_large_word_appendix_has_every_row_as_written(tmp_path):
    plan = tmp_path / "2024.yaml"
    plan.write_text(large_plan(1000), encoding="utf-8")
    output = tmp_path / "bao-cao.docx"
    run("sheet", str(plan), "--format", "docx", "--output", str(output))
    table = Document(str(output)).tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    # The heading, 2 domains, 2,000 criteria and the 5 closing rows.
    assert len(rows) == 1 + 2 + 2000 + 5
    assert rows[0][:4] == ["STT", "Lĩnh vực / Tiêu chí / Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá"]
    # 250 criteria of each domain self-assessed 0.5: 125 of 1,000 points; the others have no
    # points yet and are marked projected.
    assert rows[1] == ["I", "MỘT", "1.000", "125", "", "", ""]
    assert rows[2] == ["1.1", "Tiêu chí 1.1", "1", "", "", "", "dự kiến"]
    assert rows[4] == ["1.3", "Tiêu chí\t1.3", "1", "", "", "", "dự kiến"]
    assert rows[5] == ["1.4", "Tiêu chí 1.4", "1", "0,5", "Báo cáo 4/BC\nBiên bản 4/BB", "", ""]
    assert rows[1001] == ["1.1000", "Tiêu chí 1.1000", "1", "0,5", "Báo cáo 1000/BC\nBiên bản 1000/BB", "", ""]
    assert rows[1002] == ["II", "HAI", "1.000", "125", "", "", ""]
    assert rows[2001] == ["2.999", "Tiêu chí 2.999", "1", "", "", "", "dự kiến"]
    assert rows[2002] == ["2.1000", "Tiêu chí 2.1000", "1", "0,5", "Báo cáo 1000/BC\nBiên bản 1000/BB", "", ""]
    assert [row[:4] for row in rows[-5:]] == [
        ["", "Cộng các lĩnh vực và phần ngoài bảng", "2.000", "250"],
        ["", "Điểm thưởng", "", "0"],
        ["", "Điểm trừ", "", "0"],
        ["", "Tổng điểm", "2.000", "250"],
        ["", "Chỉ số (% trên điểm tối đa áp dụng 2.000)", "", "12,50 %"],
    ]
    assert [row[0] for row in rows[2:1002]] == [f"1.{k}" for k in range(1, 1001)]
    assert [row[0] for row in rows[1003:2003]] == [f"2.{k}" for k in range(1, 1001)]
    # Each row as the heading's: the appendix widths, Times New Roman 12 pt, the STT centred
    # and the numbers to the right; domains and closing rows bold, criteria not.
    for index in (1, 5, 1002, 2002, 2007):
        row = table.rows[index]
        assert [round(cell.width.mm) for cell in row.cells] == [14, 70, 18, 20, 70, 35, 25]
        alignments = [cell.paragraphs[0].alignment for cell in row.cells]
        assert alignments == [WD_ALIGN_PARAGRAPH.CENTER, None, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT, None, None, None]
        runs = [run_ for cell in row.cells for paragraph in cell.paragraphs for run_ in paragraph.runs]
        assert {(run_.font.name, run_.font.size, run_.bold, run_.italic) for run_ in runs} == {("Times New Roman", Pt(12), index in (1, 1002, 2007), False)}


def test_a_broken_template_is_a_usage_error(plan, tmp_path):
    broken = tmp_path / "broken.docx"
    document = Document()
    document.add_paragraph("{{ rows[ }}")
    document.save(str(broken))
    result = CliRunner().invoke(app, ["sheet", str(plan), "-f", "docx", "--template", str(broken), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "không dựng được mẫu" in result.output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("args", [("-f", "docx"), ("-f", "xlsx"), ("-f", "md", "--template", "x.docx"), ("--stage", "appraisal_9")])
def test_usage_errors(plan, args):
    assert CliRunner().invoke(app, ["sheet", str(plan), *args]).exit_code == 2


# --- Excel -----------------------------------------------------------------------------------


def evaluate(sheet, formula: str) -> float:
    """The formulas the workbook uses (SUM, MIN, MAX, IF, + − /, ranges down one column),
    computed from the cells."""
    expression = formula.lstrip("=")
    expression = re.sub(
        r"\b([A-Z]+)([0-9]+):\1([0-9]+)\b",
        lambda m: ",".join(f"{m.group(1)}{n}" for n in range(int(m.group(2)), int(m.group(3)) + 1)),
        expression,
    )

    def cell(match: re.Match) -> str:
        value = sheet[match.group(0)].value
        return f"({evaluate(sheet, value)})" if isinstance(value, str) and value.startswith("=") else repr(float(value or 0))

    expression = re.sub(r"\b[A-Z]+[0-9]+\b", cell, expression)
    expression = expression.replace('""', "None")
    names = {"SUM": lambda *v: sum(v), "MIN": min, "MAX": max, "IF": lambda c, a, b: a if c else b}
    return eval(expression, {"__builtins__": {}}, names)  # noqa: S307 - our own formulas only


def test_excel_numbers_formulas_and_sheets(plan, tmp_path):
    output = tmp_path / "bang-diem.xlsx"
    subprocess.run([par_executable(), "sheet", str(plan), "--format", "xlsx", "--output", str(output)], check=True, env=subprocess_env())
    book = load_workbook(str(output))
    assert book.sheetnames == ["Bảng điểm", "Tài liệu kiểm chứng", "Giải trình"]
    table = book["Bảng điểm"]
    assert [cell.value for cell in table[4]] == [
        "STT", "Lĩnh vực / Tiêu chí / Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá",
        "Tài liệu kiểm chứng (số, ngày, cơ quan, trích yếu, mục/trang)", "Giải trình", "Ghi chú",
    ]  # fmt: skip
    assert table.freeze_panes == "A5" and table.print_title_rows == "$4:$4"
    assert table.page_setup.orientation == "landscape" and str(table.page_setup.paperSize) == "9"  # 9 = A4
    assert table.column_dimensions["B"].width == 50
    rows = {row[0].value: row for row in table.iter_rows(min_row=5)}
    assert (rows["1.1"][2].value, rows["1.1"][3].value) == (2, 2)
    assert (rows["1.2"][2].value, rows["1.2"][3].value) == (2, 1.5)
    assert rows["2.1.2"][3].value is None  # not applicable
    line = {row[0].value: row[0].row for row in table.iter_rows(min_row=5) if row[0].value}
    assert rows["2.1"][3].value == f"=SUM(D{line['2.1.1']})"  # 2.1.2 does not apply
    assert rows["I"][2].value == f"=SUM(C{line['1.1']},C{line['1.2']})"
    closing = {row[1].value: row for row in table.iter_rows(min_row=5) if row[0].value is None}
    items = {row[0].value: row for row in table.iter_rows(min_row=5) if row[0].value in ("sang-kien", "giai-thuong", "cham-bao-cao")}
    assert items["sang-kien"][3].value == 1  # 1.5 capped by the item's max of 1
    assert closing["Điểm thưởng"][3].value == f"=MIN(SUM(D{items['sang-kien'][0].row}:D{items['giai-thuong'][0].row}),2)"
    assert evaluate(table, closing["Điểm thưởng"][3].value) == pytest.approx(1.5)
    total, index = closing["Tổng điểm"][3], closing["Chỉ số (% trên điểm tối đa áp dụng 8)"][3]
    assert evaluate(table, closing["Điểm trừ"][3].value) == pytest.approx(0.5)
    assert total.value.startswith("=MIN(MAX(")
    assert evaluate(table, total.value) == pytest.approx(7.5)  # 6.5 + 1.5 − 0.5
    assert evaluate(table, index.value) == pytest.approx(0.9375) and index.number_format == "0.00%"
    # An officer edits a score: the formulas carry it to the total.
    table[f"D{line['1.2']}"] = 2
    assert evaluate(table, total.value) == pytest.approx(8.0)  # 7 + 1.5 − 0.5, at the ceiling 8
    table[f"D{line['1.2']}"] = 1.5
    table[f"D{items['cham-bao-cao'][0].row}"] = 1.5  # a penalty raised past its side's cap of 1
    assert evaluate(table, total.value) == pytest.approx(7.0)  # 6.5 + 1.5 − 1
    evidence = book["Tài liệu kiểm chứng"]
    register = [[cell.value for cell in row] for row in evidence.iter_rows(min_row=2)]
    assert register[0][:6] == ["1.1", dt.datetime(2024, 1, 3), "01/KH-STN", dt.datetime(2024, 1, 3), "Sở Thử nghiệm", "Kế hoạch CCHC năm 2024"]
    assert register[1][0] == "2.1.1" and register[1][9] == "không"
    explanations = [[cell.value for cell in row] for row in book["Giải trình"].iter_rows(min_row=2)]
    assert [(row[0], row[2]) for row in explanations] == [("1.2", 1.5), ("2.1.1", 1)]


# --- stages ----------------------------------------------------------------------------------


def with_stages(plan: Path) -> Path:
    text = plan.read_text(encoding="utf-8").replace("          self_assessed: 1.5\n", "          self_assessed: 1.5\n" + STAGES_1_2)
    plan.write_text(text, encoding="utf-8")
    return plan


def test_stage_shows_that_stages_scores(plan):
    with_stages(plan)
    text = run("sheet", str(plan), "--stage", "appraisal_1").stdout
    assert "Điểm Thẩm định lần 1" in text
    assert "| 1.2 | Sáng kiến | 2 | 1 |" in text and "Thiếu tài liệu kiểm chứng" in text
    # 7.5 − the 0.5 cut.
    assert "|  | **Tổng điểm** | 8 | **7** |" in text
    # Before the appraisal was recorded, the self-assessment stands.
    assert "| 1.2 | Sáng kiến | 2 | 1,5 |" in run("sheet", str(plan), "--stage", "appraisal_1", "--as-of", "2025-02-01").stdout


def test_compare_shows_what_each_round_cut_and_why(plan, tmp_path):
    with_stages(plan)
    text = run("sheet", str(plan), "--compare").stdout
    assert "| STT | Lĩnh vực / Tiêu chí / Tiêu chí thành phần | Điểm tối đa | Tự đánh giá | Thẩm định lần 1 | Chênh lệch | Lý do |" in text
    assert "| 1.2 | Sáng kiến | 2 | 1,5 | 1 | 0,5 | Thiếu tài liệu kiểm chứng |" in text
    assert "| 1.1 | Kế hoạch CCHC | 2 | 2 | 2 |  |  |" in text  # untouched by the appraisal
    assert "| **I** | **CHỈ ĐẠO ĐIỀU HÀNH** | **4** | **3,5** | **3** | **0,5** |  |" in text
    # Each stage's total: 7.5, then 7.5 − 0.5 = 7 (87.5 % of 8).
    assert "|  | **Tổng điểm** | **8** | **7,5** | **7** | **0,5** |  |" in text
    assert "|  | **Chỉ số (% trên điểm tối đa áp dụng 8)** |  | **93,75 %** | **87,50 %** |  |  |" in text
    output = tmp_path / "so-sanh.xlsx"
    run("sheet", str(plan), "--compare", "-f", "xlsx", "-o", str(output))
    rows = {row[0]: row for row in load_workbook(str(output))["Bảng điểm"].iter_rows(min_row=5, values_only=True)}
    assert rows["1.2"][3:7] == (1.5, 1, 0.5, "Thiếu tài liệu kiểm chứng")


def test_html_sheet(plan):
    text = run("sheet", str(plan), "--format", "html").stdout
    assert text.startswith("<!DOCTYPE html>") and '<tr class="domain">' in text and "93,75 %" in text


def test_a_bonus_id_used_twice_is_an_error(plan):
    plan.write_text(YEAREND.replace("id: cham-bao-cao", "id: sang-kien"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    [line] = [text for text in result.stderr.splitlines() if "sang-kien" in text]
    # line 66 of the plan: "    - {id: sang-kien, …" under penalty; column 12 is the id's value.
    assert line.startswith(f"{plan}:66:12: ") and "mã điểm thưởng/điểm trừ 'sang-kien' bị lặp lại" in line


def test_new_year_leaves_the_year_end_items_behind(plan):
    from par_cli.reading.reader import load_plan
    from par_cli.render.problems import problem_line

    result = CliRunner().invoke(app, ["new-year", str(plan)])
    assert result.exit_code == 0, result.output
    loaded = load_plan(plan.parent / "2025.yaml")
    assert loaded.ok, [problem_line(p, "en") for p in loaded.problems]
    adjustments, report = loaded.plan.adjustments, loaded.plan.report
    assert (adjustments.bonus, adjustments.penalty, adjustments.bonus_max, adjustments.penalty_max) == ([], [], 2, 1)
    assert (report.date, report.difficulties, report.parent, report.signer) == (None, [], "UBND TỈNH THỬ", "Nguyễn Văn A")
