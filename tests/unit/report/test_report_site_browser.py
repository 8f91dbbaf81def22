"""``report -o DIR/`` at 3,000 generated vendors, in real headless Chromium: the first page stays
small, the filter finds a vendor whose row and details are not in the page, the summary's
chart is drawn without console errors, and the summary reads without JavaScript."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from tests.support.report_cdp import Browser, chromium_path, luminance_stats, png_pixels

pytestmark = pytest.mark.browser

if chromium_path() is None:
    pytest.skip("chromium is not installed (`make browser`)", allow_module_level=True)

VENDORS = 3000
ROWS = "Array.from(document.querySelectorAll('#vendor-table tbody tr'))"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("site")
    project = work / "catalogue"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "generate.py"),
            str(project),
            "--vendors",
            str(VENDORS),
        ],
        check=True,
        capture_output=True,
    )
    out = work / "report"
    done = run_cli(
        "report", "-o", f"{out}/", cwd=project, env={"VENDORGATE_CACHE_DIR": str(work / "c")}
    )
    assert done.returncode in (0, 1), done.stderr
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(tmp_path_factory.mktemp("chromium-profile"), height=1400) as b:
        yield b


@pytest.fixture
def page(browser: Browser, site: Path) -> Browser:
    browser.call("Emulation.setScriptExecutionDisabled", value=False)
    browser.open((site / "index.html").as_uri())
    return browser


def test_the_site_has_a_page_per_vendor(site: Path) -> None:
    assert len(list((site / "vendors").glob("*.html"))) == VENDORS
    assert (site / "vendors.html").stat().st_size > 0


def test_first_page_stays_small_and_filter_finds_an_unloaded_vendor(
    page: Browser, site: Path
) -> None:
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    assert nodes < 20_000
    # The last vendor of the table: neither its row nor its details are in the page's HTML.
    last = page.evaluate(
        "(() => { const d = JSON.parse(document.getElementById('vendor-index').textContent);"
        " const r = d.rows[d.rows.length - 1]; return [r[0], r[r.length - 2]]; })()"
    )
    name, href = last
    assert page.evaluate(f"{ROWS}.some(r => r.cells[0].textContent === {name!r})") is False
    linked = json.dumps(f'a[href="{href}"]')
    assert page.evaluate(f"document.querySelector({linked})") is None
    page.type_into("#vendor-filter", name)
    shown = page.evaluate(f"{ROWS}.map(r => r.cells[0].textContent)")
    assert shown == [name]
    link = page.evaluate(f"{ROWS}[0].querySelector('a').getAttribute('href')")
    assert link == href and (site / href).is_file()
    since = len(page.events)
    page.click(f'#vendor-table tbody a[href="{href}"]')
    page.wait_for("Page.loadEventFired", since=since)
    assert page.evaluate("document.querySelector('section.vendor h2').textContent").startswith(name)
    assert page.problems() == []


def test_summary_screenshot_shows_the_chart_without_console_errors(page: Browser) -> None:
    rect = page.evaluate(
        "(() => { const c = document.getElementById('decision-chart');"
        " c.scrollIntoView(); const r = c.getBoundingClientRect();"
        " return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; })()"
    )
    assert rect[2] > 300 and rect[3] > 100
    bars = page.evaluate(
        "Array.from(document.querySelectorAll('#decision-chart .bar'))"
        ".map(b => Number(b.getAttribute('width')))"
    )
    assert len(bars) == 4 and sum(bars) > 0
    clip = {"x": rect[0], "y": rect[1], "width": rect[2], "height": rect[3], "scale": 1}
    shot = base64.b64decode(page.call("Page.captureScreenshot", format="png", clip=clip)["data"])
    width, height, _, _ = png_pixels(shot)
    assert width >= 300 and height >= 100
    _, variance, levels = luminance_stats(shot)
    assert variance > 100 and levels > 10, "the chart is blank"
    assert page.problems() == []


def test_summary_reads_without_javascript(browser: Browser, site: Path) -> None:
    browser.call("Emulation.setScriptExecutionDisabled", value=True)
    try:
        browser.open((site / "index.html").as_uri())
        text = browser.evaluate("document.getElementById('summary').innerText")
        chart = browser.evaluate("document.querySelector('#decision-chart').textContent")
        rows = browser.evaluate(f"{ROWS}.length")
        tools = browser.evaluate("document.getElementById('vendor-tools').offsetParent !== null")
        every = browser.evaluate("document.querySelector('a[href=\"vendors.html\"]') !== null")
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", value=False)
    assert f"{VENDORS} vendors evaluated" in text and "Sign-off" in text
    assert "Rejected" in chart and "Approved" in chart
    assert 0 < rows <= 100
    assert tools is False and every is True
    assert os.path.getsize(site / "index.html") < 2_000_000
