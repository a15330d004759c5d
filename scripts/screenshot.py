"""Regenerate the README's picture of the briefing report: docs/report.png.

    .venv/bin/python scripts/screenshot.py            # the bundled plan on 15/06/2024
    .venv/bin/python scripts/screenshot.py --width 390 --output /tmp/phone.png

It renders `par report` for a fixed day (so the picture changes only when the report does)
and photographs the whole page in Debian's Chromium through Playwright, which drives the
installed browser and downloads none (`apt-get install chromium`; `pip install -e '.[test]'`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", default="plans/2024.yaml", help="relative to the repository root")
    parser.add_argument("--today", default="2024-06-15")
    parser.add_argument("--lang", default="vi", choices=["vi", "en"])
    parser.add_argument("--width", type=int, default=1000, help="viewport width in CSS pixels (390 for a phone)")
    parser.add_argument("--output", default=str(ROOT / "docs" / "report.png"))
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "report.html"
        command = [sys.executable, "-m", "par_cli", "report", "--plan", options.plan, "--today", options.today, "--lang", options.lang, "--output", str(page_file)]
        subprocess.run(command, check=True, cwd=ROOT)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": options.width, "height": 800})
            page.goto(page_file.as_uri())
            page.screenshot(path=options.output, full_page=True)
            browser.close()
    print(options.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
