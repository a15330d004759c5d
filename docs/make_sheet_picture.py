"""Makes docs/sheet.png, the first page of the year-end report shown in the README.

The bundled plan after the scripted year of tests/yearend_plans.py, written as Word by
`par sheet`, printed by LibreOffice and rasterised by pdftoppm (poppler-utils):

    .venv/bin/python docs/make_sheet_picture.py
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.yearend_plans import YEAR  # noqa: E402

PAR = Path(sys.executable).parent / "par"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="par-sheet-") as folder:
        work = Path(folder)
        plan = work / "2024.yaml"
        shutil.copyfile(ROOT / "plans" / "2024.yaml", plan)
        for command in YEAR:
            subprocess.run([str(PAR), *command, "--plan", str(plan)], check=True, capture_output=True)
        report = work / "bao-cao.docx"
        subprocess.run([str(PAR), "sheet", str(plan), "--as-of", "2024-12-31", "-f", "docx", "-o", str(report)], check=True)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(report)], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(work / "bao-cao.pdf"), str(ROOT / "docs" / "sheet")], check=True)
    print(ROOT / "docs" / "sheet.png")


if __name__ == "__main__":
    main()
