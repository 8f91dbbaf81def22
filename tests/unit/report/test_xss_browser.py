"""Script payloads in every field a vendor file, a rule pack or an organisation controls:
the HTML report opened in real headless Chromium must run none of them, and the Markdown must
carry them inert. `javascript:` URLs never get in: the schema only admits http(s) URLs."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import run_cli
from tests.support.report_cdp import Browser, chromium_path
from vendorgate.app import run
from vendorgate.report import FORMATS, RenderOptions, render

PAYLOADS = [
    '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
    "<script>window.__xss=(window.__xss||0)+1</script>",
    '"><svg onload="window.__xss=(window.__xss||0)+1">',
    "</blockquote><iframe srcdoc='<script>parent.__xss=1</script>'></iframe>",
    "[click](javascript:window.__xss=1)",
    "`<b onmouseover=window.__xss=1>` & &amp; {{7*7}} ${7*7}",
]
P = " ".join(PAYLOADS)


def hostile_repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "vendors").mkdir()
    (root / "rules").mkdir()
    snapshot = root / "vendors" / "terms.md"
    snapshot.write_text(f"**4.1 Data**. We train models on your content. {P}\n", "utf-8")
    digest = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    quoted = P.replace("\\", "\\\\").replace('"', '\\"')
    (root / "vendors" / "evil.yaml").write_text(
        f"""apiVersion: vendorgate/v1
kind: VendorProfile
id: evil
name: "Evil {quoted}"
legal_name: "{quoted}"
category: messaging
description: "{quoted}"
documents:
  - id: terms
    title: "Terms {quoted}"
    type: terms_of_service
    url: "https://example.org/terms?q=%3Cscript%3E&x=\\"onmouseover=alert(1)"
    sha256: {digest}
    snapshot: terms.md
facts:
  ai_training_customer_content:
    value: always
    note: "{quoted}"
    evidence:
      - doc: terms
        section: "4.1 {quoted}"
        quote: "We train models on your content. {quoted}"
usage:
  status: active
  data_classes: [personal_data]
""",
        "utf-8",
    )
    (root / "rules" / "pack.yaml").write_text(
        f"""apiVersion: vendorgate/v1
kind: RulePack
id: hostile
title: "Pack {quoted}"
rules:
  - id: hostile-ai
    title: "No training {quoted}"
    severity: high
    description: "{quoted}"
    condition:
      fact: ai_training_customer_content
      equals: never
    citations:
      - citation: "GDPR Art. 5(1)(b) {quoted}"
        title: "{quoted}"
        url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
    remediation: "Forbid it. {quoted}"
""",
        "utf-8",
    )
    (root / "vendorgate.yaml").write_text(
        f"""apiVersion: vendorgate/v1
kind: OrgProfile
name: "Org {quoted}"
rules_paths: [rules]
vendors_paths: [vendors]
evidence:
  require: verified
waivers:
  - rule: hostile-ai
    vendor: evil
    justification: "{quoted}"
    approver: "{quoted}"
    ticket: "T-1 {quoted}"
    expires: 2099-01-01
""",
        "utf-8",
    )
    return root


def hostile_result(root: Path):  # type: ignore[no-untyped-def]
    cwd = Path.cwd()
    try:
        os.chdir(root)
        return run.check(today=date(2026, 1, 15))
    finally:
        os.chdir(cwd)


def test_the_payloads_reach_the_report_verified(tmp_path: Path) -> None:
    result = hostile_result(hostile_repo(tmp_path))
    finding = result.findings[0]
    assert finding.facts[0].evidence[0].status.value == "verified"
    assert finding.verdict.value == "waived"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>", "//x.org"])
def test_non_http_urls_are_refused_at_validation(tmp_path: Path, url: str) -> None:
    root = hostile_repo(tmp_path)
    path = root / "vendors" / "evil.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace('url: "https://example.org/terms?q=', f'url: "{url}#'), "utf-8")
    proc = run_cli("validate", "vendors", cwd=root)
    assert proc.returncode == 2
    assert "is not a URL" in proc.stderr


def test_markdown_carries_no_live_html(tmp_path: Path) -> None:
    if "markdown" not in FORMATS:
        pytest.skip("markdown format not registered")
    text = render("markdown", hostile_result(hostile_repo(tmp_path)), RenderOptions())
    import re

    tags = {m.lower() for m in re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", text)}
    assert tags <= {"details", "summary", "br"}, tags  # only the format's own markup
    assert "](javascript:" not in text
    assert "Evil &lt;img" in text


@pytest.mark.browser
def test_html_report_runs_none_of_the_payloads_in_chromium(tmp_path: Path) -> None:
    if "html" not in FORMATS:
        pytest.skip("html format not registered")
    if chromium_path() is None:
        if os.environ.get("CI"):
            raise RuntimeError("chromium is missing in CI: `make browser` must install it")
        pytest.skip("!!! chromium is NOT installed: the XSS check did NOT run !!!")
    html = render("html", hostile_result(hostile_repo(tmp_path)), RenderOptions())
    page_file = tmp_path / "report.html"
    page_file.write_text(html, "utf-8")
    with Browser(tmp_path / "profile") as browser:
        browser.open(page_file.as_uri())
        for selector in ("a", "blockquote", "td", "h2"):
            browser.evaluate(
                f"document.querySelectorAll('{selector}').forEach(e => "
                "['mouseover','focus','click'].forEach(t => "
                "e.dispatchEvent(new Event(t, {bubbles: true}))))"
            )
        assert browser.evaluate("typeof window.__xss") == "undefined"
        assert (
            browser.evaluate(
                "Array.from(document.querySelectorAll('*')).filter(e => "
                "Array.from(e.attributes).some(a => a.name.startsWith('on'))).length"
            )
            == 0
        )
        # The summary's own decision chart is the one SVG the page draws; no other may appear.
        assert browser.evaluate("document.querySelectorAll('svg').length") == 1
        assert (
            browser.evaluate(
                "document.querySelectorAll('iframe, img, svg :not(title, desc, text, rect), "
                "svg:not(#decision-chart), object').length"
            )
            == 0
        )
        schemes = browser.evaluate(
            "Array.from(document.querySelectorAll('[href]')).map(e => "
            "e.getAttribute('href').split(':')[0]).filter(s => !s.startsWith('#'))"
        )
        assert set(schemes) <= {"http", "https"}
        assert "Evil <img" in browser.evaluate("document.body.textContent")
