"""LibreOffice, headless, for the tests that open par's Word and Excel files as an office
program would: Writer prints the year-end report to PDF, Calc recomputes the Excel sheet's
formulas and saves a unit's workbook again. .ci/run installs both without their GUI; on a
machine without them these tests skip."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice")
CALC = SOFFICE is not None and (Path(os.path.realpath(SOFFICE)).parent / "libsclo.so").exists()


def convert(path: Path, to: str, folder: Path) -> Path:
    """``path`` opened by LibreOffice and saved as ``to`` (pdf, xlsx) into ``folder``, with a
    profile of its own there (parallel runs do not share one): the file it wrote."""
    assert SOFFICE is not None, "LibreOffice (soffice) is missing: .ci/run installs it"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to", to, "--outdir", str(folder), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    return folder / f"{path.stem}.{to}"
