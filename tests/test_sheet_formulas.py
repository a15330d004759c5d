"""The Excel sheet's formulas whatever the plan's size: Excel takes at most 255 arguments in a
function and 8,192 characters in a formula, and a workbook past them is repaired or refused
when it is opened. Each formula is read with openpyxl's tokenizer; LibreOffice's Calc
recomputes the workbook and its figures are compared with the scorer's."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.formula.tokenizer import Token, Tokenizer

from tests.edit_support import BUNDLED, par_executable, subprocess_env
from tests.office import CALC, convert
from tests.test_hostile_input import _one_line_criteria

EXCEL_ARGUMENTS, EXCEL_CHARACTERS = 255, 8192


def sheet(plan: Path, output: Path) -> Path:
    subprocess.run([par_executable(), "sheet", str(plan), "--format", "xlsx", "--output", str(output)], check=True, capture_output=True, env=subprocess_env())
    return output


def formulas(path: Path) -> dict[str, str]:
    table = load_workbook(path).worksheets[0]
    return {cell.coordinate: cell.value for row in table.iter_rows() for cell in row if cell.data_type == "f"}


def arguments(formula: str) -> list[int]:
    """The number of arguments of each function called in ``formula``."""
    open_calls: list[int] = []
    counts: list[int] = []
    for token in Tokenizer(formula).items:
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            open_calls.append(1)
        elif token.type == Token.FUNC and token.subtype == Token.CLOSE:
            counts.append(open_calls.pop())
        elif token.type == Token.SEP and token.subtype == Token.ARG:
            open_calls[-1] += 1
    return counts


def recomputed(path: Path, tmp_path: Path) -> list[tuple]:
    """The table's rows (number, title, max, points, …) as Calc computes them: the workbook
    opened, recomputed and saved again by LibreOffice, its cached values read back."""
    table = load_workbook(convert(path, "xlsx", tmp_path / "calc"), data_only=True).worksheets[0]
    return [tuple(cell.value for cell in row) for row in table.iter_rows(min_row=5)]


def large_plan(path: Path) -> Path:
    """301 domains (more than 255, so the total cannot list them), the first of 600 criteria:
    1.1 of 300 sub-criteria of max 0.5, self-assessed 0.25 (odd k) and 0.5 (even k), 1.1.300
    not applicable; then 1.j for j = 2…600 of max 1: j a multiple of 10 not applicable, another
    even j a criterion with one sub-criterion self-assessed 1 (so the domain's criteria are not
    one run of rows), an odd j self-assessed 0.5. Domains 2…301: one criterion of max 1,
    self-assessed 1."""
    lines = ['plan: {number: "1/KH", date: 2024-01-02, issuer: "Sở"}', 'issuer: "Sở"', 'title: "Thử"', "year: 2024",
             "index_max: 1049", "units:", '- {id: vp, name: "Văn phòng"}', "domains:", '- id: "1"', '  title: "Một"', "  criteria:",
             '  - id: "1.1"', '    title: "t"', "    max: 150", "    lead: vp", "    children:"]  # fmt: skip
    for k in range(1, 301):
        state = 'not_applicable: "không có"' if k == 300 else f"rule: {{kind: manual}}, progress: {{self_assessed: {0.5 if k % 2 == 0 else 0.25}}}"
        lines.append(f'    - {{id: "1.1.{k}", title: "t", max: 0.5, lead: vp, {state}}}')
    for j in range(2, 601):
        if j % 10 == 0:
            lines.append(f'  - {{id: "1.{j}", title: "t", max: 1, lead: vp, not_applicable: "không có"}}')
        elif j % 2 == 0:
            lines.append(f'  - {{id: "1.{j}", title: "t", max: 1, lead: vp, children: [{{id: "1.{j}.1", title: "t", max: 1, lead: vp, rule: {{kind: manual}}, progress: {{self_assessed: 1}}}}]}}')
        else:
            lines.append(f'  - {{id: "1.{j}", title: "t", max: 1, lead: vp, rule: {{kind: manual}}, progress: {{self_assessed: 0.5}}}}')
    for d in range(2, 302):
        lines += [f'- id: "{d}"', '  title: "Khác"', "  criteria:", f'  - {{id: "{d}.1", title: "t", max: 1, lead: vp, rule: {{kind: manual}}, progress: {{self_assessed: 1}}}}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("plan", ["bundled", "one-line 5,000", "5,000 with sub-criteria", "301 domains"])
def test_every_formula_is_within_excels_limits(plan, tmp_path):
    path = {
        "bundled": lambda: BUNDLED,
        "one-line 5,000": lambda: _write(tmp_path / "2024.yaml", _one_line_criteria(5000)),
        "5,000 with sub-criteria": lambda: _write(tmp_path / "2024.yaml", _one_line_criteria(5000, child_every=2)),
        "301 domains": lambda: large_plan(tmp_path / "2024.yaml"),
    }[plan]()
    written = formulas(sheet(path, tmp_path / "bang-diem.xlsx"))
    assert written
    for coordinate, formula in written.items():
        assert len(formula) <= EXCEL_CHARACTERS, (coordinate, len(formula))
        assert max(arguments(formula), default=0) <= EXCEL_ARGUMENTS, (coordinate, formula[:200])


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_plans_sums_list_their_cells(tmp_path):
    written = formulas(sheet(BUNDLED, tmp_path / "bang-diem.xlsx"))
    assert written["C5"] == "=SUM(C6,C7,C8,C9,C10,C11)"
    assert written["C12"] == "=SUM(C13,C14,C18,C21,C22,C23)"  # 1.2's sub-criteria are C15 to C17
    assert written["D62"] == "=SUM(D5,D12,D24,D38,D41,D46,D53,D61)"
    assert load_workbook(tmp_path / "bang-diem.xlsx").worksheets[0].max_column == 7  # no level column


def test_past_255_children_a_parent_sums_its_block_one_level_below_it(tmp_path):
    path = sheet(large_plan(tmp_path / "2024.yaml"), tmp_path / "bang-diem.xlsx")
    table = load_workbook(path).worksheets[0]
    assert table.column_dimensions["H"].hidden and table["H4"].value == "Cấp (cho công thức)"
    # Row 5 domain 1, 6 criterion 1.1, 7…306 its sub-criteria, then 1.2 and 1.2.1 at 307 and
    # 308, …, 1.600 at 1145; domain 2 at 1146, its criterion at 1147, …, domain 301 at 1744.
    assert [table[f"{column}5"].value for column in "ACDH"] == ["I", "=SUMIF(H6:H1145,1,C6:C1145)", "=SUMIF(H6:H1145,1,D6:D1145)", 0]
    assert [table[f"{column}6"].value for column in "ACDH"] == ["1.1", "=SUMIF(H7:H306,2,C7:C306)", "=SUMIF(H7:H306,2,D7:D306)", 1]
    assert [table[f"{column}307"].value for column in "ACDH"] == ["1.2", "=SUM(C308)", "=SUM(D308)", 1]
    assert (table["A308"].value, table["H308"].value) == ("1.2.1", 2)
    assert (table["A1744"].value, table["H1745"].value) == ("X" * 30 + "I", 1)
    closing = 1746
    assert table[f"B{closing}"].value == "Cộng các lĩnh vực và phần ngoài bảng"
    assert (table[f"C{closing}"].value, table[f"D{closing}"].value) == ("=SUMIF(H5:H1745,0,C5:C1745)", "=SUMIF(H5:H1745,0,D5:D1745)")


@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed: .ci/run installs libreoffice-calc-nogui")
def test_calc_computes_the_scorers_figures_on_a_large_plan(tmp_path):
    rows = recomputed(sheet(large_plan(tmp_path / "2024.yaml"), tmp_path / "bang-diem.xlsx"), tmp_path)
    by_number = {row[0]: row for row in rows if row[0] is not None}
    # 1.1: 150 odd k at 0.25 and 149 even k (1.1.300 does not apply) at 0.5.
    assert by_number["1.1"][2:4] == (150, 112)
    # Domain 1: 1.1, then 240 criteria of one sub-criterion at 1, 299 at 0.5, 60 not applicable.
    assert by_number["I"][2:4] == (749, 501.5)
    assert by_number["1.2"][2:4] == (1, 1) and by_number["1.10"][2:4] == (1, None)
    assert by_number["X" * 30 + "I"][2:4] == (1, 1)
    closing = {row[1]: row for row in rows if row[0] is None and row[1] is not None}
    assert closing["Cộng các lĩnh vực và phần ngoài bảng"][2:4] == (1049, 801.5)  # 501.5 + 300
    total = closing["Tổng điểm"][3]
    assert total == 801.5 and closing["Chỉ số (% trên điểm tối đa áp dụng 988,5)"][3] == pytest.approx(801.5 / 988.5)
    score = json.loads(subprocess.run([par_executable(), "score", str(tmp_path / "2024.yaml"), "--format", "json"], check=True, capture_output=True, text=True, env=subprocess_env()).stdout)
    assert (score["adjusted"]["points"], score["adjusted"]["total"], score["adjusted"]["applicable_max"]) == (801.5, 801.5, 988.5)


@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed: .ci/run installs libreoffice-calc-nogui")
def test_calc_computes_the_scorers_figures_on_the_bundled_plan(tmp_path):
    rows = recomputed(sheet(BUNDLED, tmp_path / "bang-diem.xlsx"), tmp_path)
    score = json.loads(subprocess.run([par_executable(), "score", str(BUNDLED), "--format", "json"], check=True, capture_output=True, text=True, env=subprocess_env()).stdout)
    nodes = score["criteria"]
    assert len(nodes) == 57
    for row, node in zip(rows, nodes, strict=False):  # the domains and the outside part by their Roman numbers
        assert node["level"] in ("domain", "outside") or row[0] == node["id"], (row[:2], node["id"])
        assert (row[2], row[3]) == (pytest.approx(node["max"]), pytest.approx(node["projected"])), node["id"]
    closing = {row[1]: row for row in rows[57:]}
    assert closing["Tổng điểm"][3] == pytest.approx(score["adjusted"]["total"]) == pytest.approx(75.84)
