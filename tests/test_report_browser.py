"""The report page in a real browser: Debian's Chromium, driven by Playwright (which uses the
installed browser and downloads none).

A page that looks right in a string can still fail in a browser: a console error, a request
for a font, a table that runs off a phone's screen, a print layout of five pages. Screenshots
and PDFs are left in tests/artifacts/ to look at.
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from playwright import sync_api

from par_cli.cli import app
from tests.conftest import BUNDLED
from tests.report_plans import PROGRESS, shown_number, write

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DAY = "2024-06-15"
A4 = (595.28, 841.89)  # points
PHONE = 390  # CSS pixels: a common phone's width

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        # Root in a container has no user namespace for Chromium's sandbox.
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


class Visit:
    """A page opened at a given width, with everything it said and asked for."""

    def __init__(self, browser, url: str, width: int) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("requestfailed", lambda request: self.errors.append(f"failed: {request.url}"))
        self.page.goto(url, wait_until="load")

    def figure(self, name: str) -> float:
        return shown_number(self.page.locator(f'[data-figure="{name}"]').inner_text())


CASES = {
    "bundled": (None, []),
    "progress": (PROGRESS, []),
    "progress-unit": (PROGRESS, ["--unit", "pc"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_report_in_chromium(browser, runner, tmp_path, case):
    text, options = CASES[case]
    plan = BUNDLED if text is None else write(tmp_path, text)
    page_file = tmp_path / "report.html"
    made = runner.invoke(app, ["report", "--plan", str(plan), "--today", DAY, "--output", str(page_file), *options])
    assert made.exit_code == 0, made.output
    scored = runner.invoke(app, ["score", "--plan", str(plan), "--as-of", DAY, "--format", "json", *options])
    total = json.loads(scored.stdout)["total"]
    ARTIFACTS.mkdir(exist_ok=True)

    visit = Visit(browser, page_file.as_uri(), 1000)
    assert visit.errors == []
    assert visit.requests == [page_file.as_uri()]  # nothing fetched: no font, image or stylesheet
    for name, key in (("expected", "projected"), ("max", "max"), ("floor", "floor"), ("ceiling", "ceiling"), ("percent", "percent")):
        assert visit.figure(name) == pytest.approx(total[key], abs=0.005), name
    screenshot = ARTIFACTS / f"report-{case}.png"
    visit.page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    pdf = ARTIFACTS / f"report-{case}.pdf"
    visit.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    pages = pypdf.PdfReader(str(pdf)).pages
    assert 1 <= len(pages) <= 2, f"{len(pages)} A4 pages"
    box = pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=1)  # A4 portrait
    visit.page.close()

    phone = Visit(browser, page_file.as_uri(), PHONE)
    assert phone.errors == []
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE  # nothing runs off the side
    phone.page.screenshot(path=str(ARTIFACTS / f"report-{case}-phone.png"), full_page=True)
    phone.page.close()
