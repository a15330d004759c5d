"""The bundled plan after a scripted year, its report printed to PDF by LibreOffice: the
first page must hold the national heading, the title and the summary table."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.edit_support import BUNDLED, par, par_executable, subprocess_env
from tests.office import SOFFICE, convert
from tests.yearend_plans import YEAR


def scripted_year(plan: Path) -> None:
    for command in YEAR:  # a list of argument tuples, in tests/yearend_plans.py
        result = par(plan, *command)
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui")
def test_report_prints_with_heading_and_table_on_the_first_page(tmp_path):
    plan = tmp_path / "2024.yaml"
    shutil.copyfile(BUNDLED, plan)
    scripted_year(plan)
    report = tmp_path / "bao-cao.docx"
    env = subprocess_env()
    subprocess.run([par_executable(), "sheet", str(plan), "--as-of", "2024-12-31", "--format", "docx", "--output", str(report)], check=True, env=env)
    pages = PdfReader(str(convert(report, "pdf", tmp_path / "pdf"))).pages
    first = " ".join(pages[0].extract_text().split())
    for text in ("SỞ GIAO THÔNG VẬN TẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:", "BÁO CÁO"):
        assert text in first, text
    assert "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024" in first
    # The summary table: its heading, every domain, the total of `par score` for the day.
    score = json.loads(subprocess.run([par_executable(), "score", str(plan), "--as-of", "2024-12-31", "--format", "json"], check=True, capture_output=True, text=True, env=env).stdout)
    from par_cli.i18n import fmt_number

    for text in ("STT", "Lĩnh vực", "Điểm tối đa", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Tổng điểm", fmt_number(score["adjusted"]["total"], "vi")):
        assert text in first, text
    # The appendix: every criterion with its points, on landscape pages after the signature.
    rest = " ".join(" ".join(page.extract_text().split()) for page in pages[1:])
    assert "PHỤ LỤC" in rest and "Kế hoạch CCHC" in rest and "01/KH-SGTVT" in rest
    landscape = [page for page in pages if page.mediabox.width > page.mediabox.height]
    assert landscape and pages[0].mediabox.width < pages[0].mediabox.height
