"""The HTML report opened in a real headless Chromium (Debian's package, installed by
`make browser`), driven over the DevTools protocol: no console errors, a non-blank page, in-page
links that resolve, sorting and filtering by real clicks and key presses, a table that reads
without JavaScript, and print-to-PDF producing pages."""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN
from tests.support.report_cdp import Browser, chromium_path, luminance_stats, pdf_page_count
from vendorgate.app import run
from vendorgate.report import RenderOptions, render

pytestmark = pytest.mark.browser

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError(
            "chromium is missing in CI: `make browser` must install Debian's chromium "
            "before the tests run"
        )
    pytest.skip(
        "!!! chromium is NOT installed: the HTML report was NOT checked in a browser. "
        "Run `make browser` (apt-get install chromium) to run these tests. !!!",
        allow_module_level=True,
    )

ROWS = "Array.from(document.querySelectorAll('#vendor-table tbody tr'))"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cwd = Path.cwd()
    try:
        os.chdir(GOLDEN)
        result = run.check(org_path="org.yaml", today=date(2026, 1, 15))
    finally:
        os.chdir(cwd)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render("html", result, RenderOptions()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(tmp_path_factory.mktemp("chromium-profile")) as b:
        yield b


@pytest.fixture
def page(browser: Browser, report_file: Path) -> Browser:
    browser.call("Emulation.setScriptExecutionDisabled", value=False)
    browser.open(report_file.as_uri())
    return browser


def test_loads_without_console_errors_or_csp_violations(page: Browser) -> None:
    assert page.evaluate("document.title").startswith("Vendor compliance report")
    # The script ran (it reveals the filter), so the CSP hash matched.
    assert page.evaluate("document.getElementById('vendor-tools').hidden") is False
    assert page.evaluate("document.getElementById('vendor-count').textContent") == (
        "3 of 3 vendors shown"
    )
    assert page.problems() == []


def test_console_error_detection_is_not_blind(
    page: Browser, report_file: Path, tmp_path: Path
) -> None:
    """A page whose script no longer matches its CSP hash must be caught by the same check."""
    tampered = tmp_path / "tampered.html"
    text = report_file.read_text(encoding="utf-8")
    tampered.write_text(text.replace('"use strict";', '"use strict"; ', 1), encoding="utf-8")
    page.open(tampered.as_uri())
    problems = page.problems()
    assert problems and any("Content Security Policy" in p for p in problems), problems
    assert page.evaluate("document.getElementById('vendor-tools').hidden") is True


def test_screenshot_is_not_blank(page: Browser) -> None:
    shot = page.call(
        "Page.captureScreenshot",
        format="png",
        clip={"x": 0, "y": 0, "width": 1280, "height": 900, "scale": 0.25},
    )
    mean, variance, levels = luminance_stats(base64.b64decode(shot["data"]))
    assert 150 < mean < 255, "mostly light page expected"
    assert variance > 100, f"page looks blank (luminance variance {variance:.1f})"
    assert levels > 20


def test_in_page_links_resolve_to_elements(page: Browser) -> None:
    missing = page.evaluate(
        "Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
        ".map(a => a.getAttribute('href').slice(1))"
        ".filter(id => !document.getElementById(id))"
    )
    count = page.evaluate("document.querySelectorAll('a[href^=\"#\"]').length")
    assert count >= 8
    assert missing == []
    # Following a vendor link scrolls its section into view.
    page.click("#vendor-table tbody tr:last-child th a")
    page.evaluate(
        "new Promise(done => { const t = Date.now(); (function wait() {"
        " if (location.hash || Date.now() - t > 5000) { requestAnimationFrame(() => done()); }"
        " else { setTimeout(wait, 20); } })(); })"
    )
    top = page.evaluate(
        "document.getElementById(location.hash.slice(1)).getBoundingClientRect().top"
    )
    assert page.evaluate("location.hash").startswith("#vendor-")
    assert abs(top) < 5


def test_clicking_headers_sorts_the_vendor_table(page: Browser) -> None:
    names = f"{ROWS}.map(r => r.cells[0].textContent)"
    # worst decision first: the two rejected vendors (by id), then the one that needs review
    assert page.evaluate(names) == [
        "Quiet Vendor <script>alert(1)</script>",
        "Zoom (terms effective 2023-03-31)",
        "Stale Vendor",
    ]
    page.click("#vendor-table thead th:nth-child(1) button")
    ascending = page.evaluate(names)
    assert ascending == sorted(ascending, key=str.lower)
    assert page.evaluate(
        "document.querySelector('#vendor-table th').getAttribute('aria-sort')"
    ) == ("ascending")
    page.click("#vendor-table thead th:nth-child(1) button")
    assert page.evaluate(names) == list(reversed(ascending))
    # Numeric column: blocking findings, ascending.
    page.click("#vendor-table thead th:nth-child(5) button")
    blocking = page.evaluate(f"{ROWS}.map(r => Number(r.cells[4].textContent))")
    assert blocking == sorted(blocking) and blocking[-1] == 3


def test_typing_in_the_filter_hides_other_vendors(page: Browser) -> None:
    page.type_into("#vendor-filter", "stale")
    visible = page.evaluate(
        f"{ROWS}.filter(r => r.offsetParent !== null).map(r => r.cells[0].textContent)"
    )
    assert visible == ["Stale Vendor"]
    assert page.evaluate("document.getElementById('vendor-count').textContent") == (
        "1 of 3 vendors shown"
    )
    page.type_into("#vendor-filter", "zzz-no-such-vendor")
    assert page.evaluate(f"{ROWS}.filter(r => r.offsetParent !== null).length") == 0


def test_table_reads_without_javascript(browser: Browser, report_file: Path) -> None:
    browser.call("Emulation.setScriptExecutionDisabled", value=True)
    try:
        browser.open(report_file.as_uri())
        rows = browser.evaluate(f"{ROWS}.filter(r => r.offsetParent !== null).length")
        tools_shown = browser.evaluate(
            "document.getElementById('vendor-tools').offsetParent !== null"
        )
        buttons = browser.evaluate("document.querySelectorAll('#vendor-table button').length")
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", value=False)
    assert rows == 3
    assert tools_shown is False, "a filter that cannot work must not be shown"
    assert buttons == 0


def test_print_to_pdf_produces_pages(page: Browser) -> None:
    pdf = page.pdf()
    pages = pdf_page_count(pdf)
    assert pages >= 1
    # Each vendor section starts a new page in print, after the summary.
    assert pages >= 4
    assert page.problems() == []
