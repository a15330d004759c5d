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

SOFFICE = shutil.which("soffice")

# A year of the Department Office's work, as it would be typed (README, "Cuối năm").
YEAR = [
    ("done", "1.1", "--date", "2024-01-04", "--evidence", "Kế hoạch 01/KH-SGTVT ngày 04/01/2024"),
    ("evidence", "1.1", "--number", "01/KH-SGTVT", "--issued", "2024-01-04", "--issuer", "Sở Giao thông vận tải", "--summary", "Kế hoạch CCHC năm 2024", "--date", "2024-01-04"),
    ("done", "1.2", "--date", "2024-03-08", "--evidence", "Báo cáo 60/BC-SGTVT"),
    ("done", "1.2", "--date", "2024-06-10", "--evidence", "Báo cáo 120/BC-SGTVT"),
    ("done", "1.2", "--date", "2024-09-11", "--evidence", "Báo cáo 180/BC-SGTVT"),
    ("done", "1.2", "--date", "2024-12-09", "--evidence", "Báo cáo 240/BC-SGTVT"),
    ("set", "1.4", "initiatives=2", "--date", "2024-10-15", "--evidence", "Quyết định 9/QĐ-UBND"),
    ("set", "1.5", "self_assessed=2", "--date", "2024-12-20"),
    ("justify", "1.5", "Các nhiệm vụ hoàn thành; văn bản tổng hợp đang trình Giám đốc ký", "--date", "2024-12-28"),
    ("set", "3.4.1", "on_time_pct=98,5", "--date", "2024-12-31", "--evidence", "Trích xuất Hệ thống thông tin giải quyết TTHC"),
]


def scripted_year(plan: Path) -> None:
    for command in YEAR:
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
    profile = tmp_path / "lo-profile"  # a profile of its own: parallel runs do not share one
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(report)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pages = PdfReader(str(tmp_path / "bao-cao.pdf")).pages
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
