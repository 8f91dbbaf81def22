"""The HTML report as a document: escaping, link safety, CSP, structure and accessibility
markers, content a compliance officer needs. The real-browser checks are in
test_report_browser.py."""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN
from vendorgate.app import run
from vendorgate.core.model import CheckResult, Document, VendorResult
from vendorgate.report import RenderOptions, render
from vendorgate.report.digest import safe_href

EVALUATED_ON = date(2026, 1, 15)


class Page(HTMLParser):
    """Collects what the assertions need: tags with attributes, ids, text, raw blocks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._raw: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        if tag in self.raw:
            self._raw = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], "".join(self._heading[1]).strip()))
            self._heading = None
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw:
            self.raw[self._raw][-1] += data
            return
        self.text.append(data)
        if self._heading:
            self._heading[1].append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]


@pytest.fixture(scope="module")
def golden() -> CheckResult:
    cwd = Path.cwd()
    try:
        os.chdir(GOLDEN)
        return run.check(org_path="org.yaml", today=EVALUATED_ON)
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def page_text(golden: CheckResult) -> str:
    return render("html", golden, RenderOptions())


@pytest.fixture(scope="module")
def page(page_text: str) -> Page:
    return Page(page_text)


def test_hostile_names_are_escaped_never_markup(page_text: str, page: Page) -> None:
    # The golden fixture's vendor is named `Quiet Vendor <script>alert(1)</script>` and the
    # organisation `Golden Clinic <Fixture & "Co">`.
    assert "<script>alert(1)" not in page_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_text
    assert "Golden Clinic &lt;Fixture &amp; &quot;Co&quot;&gt;" in page_text
    assert len(page.raw["script"]) == 1, "only the report's own script may exist"
    assert "Quiet Vendor <script>alert(1)</script>" in "".join(page.text)


def test_only_http_urls_become_links() -> None:
    assert safe_href("https://example.org/terms") == "https://example.org/terms"
    assert safe_href("http://example.org") == "http://example.org"
    for bad in (
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "http:/no-host",
        "https://exa mple.org",
        "file:///etc/passwd",
        "",
    ):
        assert safe_href(bad) is None, bad


def _with_document_url(result: CheckResult, vendor_id: str, url: str) -> CheckResult:
    """The result with every document and cited evidence of one vendor pointing at ``url``
    (the schema already refuses such URLs in files; the renderer must not rely on that)."""
    results = []
    for vr in result.results:
        if vr.vendor.id != vendor_id:
            results.append(vr)
            continue
        docs: dict[str, Document] = {k: replace(d, url=url) for k, d in vr.vendor.documents.items()}
        findings = tuple(
            replace(
                f,
                facts=tuple(
                    replace(r, evidence=tuple(replace(e, url=url) for e in r.evidence))
                    for r in f.facts
                ),
            )
            for f in vr.findings
        )
        vendor = replace(vr.vendor, documents=docs, website=url)
        results.append(VendorResult(vendor, vr.plan, findings, vr.decision))
    return replace(result, results=tuple(results))


def test_a_javascript_url_from_a_vendor_file_is_never_a_live_link(golden: CheckResult) -> None:
    hostile = _with_document_url(golden, "zoom-march", "javascript:alert(document.cookie)")
    text = render("html", hostile, RenderOptions())
    page = Page(text)
    hrefs = [str(a.get("href")) for a in page.all("a")]
    cites = [str(b.get("cite")) for b in page.all("blockquote") if b.get("cite")]
    assert not [h for h in hrefs + cites if "javascript" in h.lower()]
    # The URL is still shown, as inert text, so the reader sees what the file says.
    assert "javascript:alert(document.cookie)" in "".join(page.text)
    # Zoom's quotes are still there, only without a link.
    assert sum(1 for b in page.all("blockquote")) == sum(
        1 for b in Page(render("html", golden, RenderOptions())).all("blockquote")
    )


def test_a_url_with_quotes_cannot_break_out_of_its_attribute(golden: CheckResult) -> None:
    sneaky = 'https://example.org/"onmouseover="alert(1)'
    page = Page(render("html", _with_document_url(golden, "zoom-march", sneaky), RenderOptions()))
    assert not [a for _, a in page.tags if "onmouseover" in a]
    assert sneaky in [a.get("href") for a in page.all("a")]


def test_csp_allows_exactly_the_inline_style_and_script(page: Page) -> None:
    metas = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = str(metas[0]["content"])
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    for kind, directive in (("script", "script-src"), ("style", "style-src")):
        (body,) = page.raw[kind]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy


def test_self_contained_no_external_assets(page: Page, page_text: str) -> None:
    for tag, attrs in page.tags:
        if tag == "a":
            continue
        for name in ("src", "href", "srcset", "data", "action"):
            assert name not in attrs, f"<{tag} {name}=...> loads something"
    assert "@import" not in page_text
    assert "url(" not in "".join(page.raw["style"])
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert "style" not in {k for _, a in page.tags for k in a}, "inline styles break the CSP"


def test_in_page_links_resolve_and_ids_are_unique(page: Page) -> None:
    assert len(page.ids) == len(set(page.ids))
    targets = [str(a["href"])[1:] for a in page.all("a") if str(a.get("href", "")).startswith("#")]
    assert "main" in targets and "summary" in targets
    assert set(targets) <= set(page.ids)
    assert len(targets) >= 8


def test_accessibility_markers(page: Page) -> None:
    (html_tag,) = page.all("html")
    assert html_tag.get("lang") == "en"
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1 and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level skipped: h{before} -> h{after}"
    ths = page.all("th")
    assert ths and all(th.get("scope") in ("col", "row") for th in ths)
    assert page.all("caption")
    first_link = page.all("a")[0]
    assert first_link.get("href") == "#main" and first_link.get("class") == "skip"
    labels = {str(a.get("for")) for a in page.all("label")}
    assert "vendor-filter" in labels


def test_summary_comes_first_with_decisions_severities_waivers_and_evidence(
    page: Page,
) -> None:
    titles = [t for _, t in page.headings]
    summary = titles.index("Executive summary")
    first_vendor = titles.index("Quiet Vendor <script>alert(1)</script>")
    for part in (
        "Decision per vendor",
        "Findings by severity",
        "Waivers expiring within 30 days",
        "Evidence that is stale or unverified",
    ):
        assert summary < titles.index(part) < first_vendor
    text = " ".join(" ".join(page.text).split())
    # The waiver of the fixture expires 17 days after the evaluation date.
    assert "Dana Privacy Officer" in text and "2026-02-01 (in 17 day(s))" in text
    # The stale snapshot's real hash appears in the evidence table's explanation.
    assert "stale" in text and "the profile records 0000000000" in text


def test_vendor_table_rows_carry_decisions_and_sort_keys(page_text: str) -> None:
    body = page_text.split('<table id="vendor-table"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1])
    assert len(rows) == 3
    # Worst decision first without any script: quiet-vendor and zoom-march are rejected (by
    # id), stale-vendor needs review.
    assert "Zoom (terms effective 2023-03-31)" in rows[1]
    assert all('data-sort="0"' in r and "Rejected" in r for r in rows[:2])
    assert 'data-sort="1"' in rows[2]


def test_vendor_sections_show_quotes_citations_waivers_and_demands(page: Page) -> None:
    quotes = page.all("blockquote")
    assert quotes and all(b.get("cite") == "https://explore.zoom.us/en/terms/" for b in quotes)
    text = " ".join(" ".join(page.text).split())
    profile = (GOLDEN / "vendors" / "zoom-march.yaml").read_text(encoding="utf-8")
    quote = "You agree to grant and hereby grant Zoom a perpetual, worldwide, non-exclusive,"
    assert quote in " ".join(profile.split())
    assert quote in text
    assert "section 10.4, effective 2023-03-31" in text
    assert (
        "snapshot sha256 23793ad8e1f704cd5867aded44c51e6c8ce0c4e0518429399b9ef50d768e33b3" in text
    )
    assert "45 CFR 164.504(e)(2)(i)" in text
    assert "citation not verified" in text  # the fixture's GLBA citation is unverified
    assert "Waived by Dana Privacy Officer until 2026-02-01 (ticket GRC-101)." in text
    assert "Contract condition to demand" in text
    assert "The BAA must forbid using PHI to train any AI model." in text


def test_print_stylesheet_hides_controls_and_shows_link_targets(page: Page) -> None:
    (css,) = page.raw["style"]
    printing = css.split("@media print", 1)[1]
    assert ".tools" in printing and "display: none" in printing
    assert "attr(href)" in printing
    assert "break-inside: avoid" in printing


def test_rendering_is_deterministic(golden: CheckResult) -> None:
    assert render("html", golden, RenderOptions()) == render("html", golden, RenderOptions())
