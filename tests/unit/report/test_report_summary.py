"""The HTML report's executive summary, through the real CLI on a copy of the golden project
with the organisation's risk fields (owner, tier, renewal, review due) and an evidence-age
policy added: chart, plain-language blockers, matrix, waiver windows, old evidence, what
changed since a previous report, report identifier, sign-off, and the order of the page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN, REPO, run_cli

AS_OF = "2026-01-15"
ZOOM = Path("snapshots") / "zoom" / "terms-of-service"
RISK = """usage:
  quiet-vendor:
    data_classes: [phi, personal_data]
    owner: Priya Procurement
    tier: critical
    renewal: 2026-03-01
    review_due: 2026-01-10
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    # Where the golden profiles' relative snapshot paths (../../../snapshots) lead.
    folder = tmp_path / "tests" / "project"
    shutil.copytree(GOLDEN, folder, ignore=shutil.ignore_patterns("expected"))
    shutil.copytree(REPO / ZOOM, tmp_path / ZOOM)
    # Snapshots are read inside the repository only: make tmp_path one, as the real one is.
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    org = folder / "org.yaml"
    text = org.read_text(encoding="utf-8")
    head, _, _ = text.partition("usage:\n")
    org.write_text(head + RISK, encoding="utf-8")
    return folder


def _report(project: Path, *extra: str) -> str:
    out = project / "report.html"
    done = run_cli("report", "--as-of", AS_OF, "-o", str(out), *extra, cwd=project)
    assert done.returncode == 1, done.stderr  # the fixture has blocking findings
    return out.read_text(encoding="utf-8")


def _text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", page).split())


def test_summary_comes_first_with_chart_and_plain_language(project: Path) -> None:
    page = _report(project)
    summary = page.index('id="summary"')
    contents = page.index('id="contents"')
    first_section = page.index('<section class="vendor"')
    assert summary < contents < first_section
    chart = page[page.index('<svg id="decision-chart"') : page.index("</svg>")]
    # One bar per decision, each labelled in text (readable without script or colour).
    assert chart.count('class="bar bar-') == 4
    assert "Rejected</text>" in chart and "1 (33%)</text>" in chart
    assert "2 (67%)</text>" in chart
    blockers = _text(page[page.index('id="blockers-h"') : page.index('id="changes-h"')])
    assert "PHI is never used to train AI models: blocks 3 vendors" in blockers
    # Plain labels: no rule id or file position in the summary's blocking list.
    assert "golden-no-ai-training" not in blockers and ".yaml" not in blockers


def test_vendor_sections_follow_the_table_worst_first(project: Path) -> None:
    page = _report(project)
    table = page[page.index('<table id="vendor-table"') :]
    table = table[: table.index("</table>")]
    table_order = re.findall(r'<th scope="row"><a href="#(vendor-[^"]+)"', table)
    sections = re.findall(r'<section class="vendor" id="(vendor-[^"]+)"', page)
    contents = page[page.index('id="contents"') :]
    contents_order = re.findall(
        r'<li><a href="#(vendor-[^"]+)"', contents[: contents.index("</nav>")]
    )
    assert table_order == sections == contents_order
    assert sections[:2] == ["vendor-quiet-vendor", "vendor-zoom-march"]  # the rejected ones


def test_risk_fields_show_in_the_table_and_due_dates(project: Path) -> None:
    page = _report(project)
    table = page[page.index('<table id="vendor-table"') :]
    rows = re.findall(r"<tr>.*?</tr>", table[: table.index("</table>")])
    row = next(r for r in rows if "vendor-quiet-vendor" in r)
    assert "Priya Procurement" in row and ">critical<" in row
    assert "2026-03-01" in row and "2026-01-10" in row
    due = _text(page[page.index('id="due-h"') : page.index('id="sign-off"')])
    assert "critical tier: review due 2026-01-10 (overdue)" in due
    assert "contract renews 2026-03-01" in due
    assert "By criticality tier: critical: 1 of 1 not approved outright" in _text(page)


def test_waiver_windows_matrix_and_sign_off(project: Path) -> None:
    page = _report(project)
    text = _text(page)
    assert "Waivers expiring in the next 90 days 1 within 30 days." in text
    assert "Breach notification within 72 hours, approved by Dana Privacy Officer" in text
    assert "The organisation sets no maximum evidence age" in text
    matrix = page[page.index('<table id="matrix">') :]
    matrix = matrix[: matrix.index("</table>")]
    assert "Golden fixture pack" in matrix and '<td class="v-fail">Fail</td>' in matrix
    sign = _text(page[page.index('id="sign-off"') :][:1200])
    assert "Prepared by" in sign and "Reviewed by" in sign and "Date" in sign


def test_evidence_older_than_policy(project: Path) -> None:
    org = project / "org.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "  require: verified\n", "  require: verified\n  max_age_days: 365\n"
        ),
        encoding="utf-8",
    )
    text = _text(_report(project))
    # zoom-march's document was retrieved 2023-04-01: older than the 365 days allowed.
    assert "documents retrieved within 365 days. 1 vendor(s) rest on older documents" in text
    assert "oldest document retrieved 2023-04-01 (1020 days ago)" in text


def test_report_identifier_is_stable_and_follows_every_input(project: Path) -> None:
    first = _report(project)
    again = _report(project)
    ident = re.search(r'id="report-id">(VG-[0-9A-F-]+)<', first)
    assert ident is not None and f'id="report-id">{ident[1]}<' in again
    vendor = project / "vendors" / "stale-vendor.yaml"
    vendor.write_text(vendor.read_text(encoding="utf-8") + "\n# a comment changes nothing\n")
    assert f'id="report-id">{ident[1]}<' in _report(project)
    vendor.write_text(
        vendor.read_text(encoding="utf-8").replace("name: Stale Vendor", "name: Stale Vendor 2")
    )
    changed = _report(project)
    assert "Stale Vendor 2" in changed and f'id="report-id">{ident[1]}<' not in changed


def test_previous_report_says_what_changed(project: Path) -> None:
    before = project / "before.json"
    done = run_cli("report", "--as-of", AS_OF, "--format", "json", "-o", str(before), cwd=project)
    assert done.returncode == 1, done.stderr
    data = json.loads(before.read_text(encoding="utf-8"))
    quiet = next(v for v in data["vendors"] if v["id"] == "quiet-vendor")
    quiet["decision"] = "approved"
    data["vendors"] = [v for v in data["vendors"] if v["id"] != "stale-vendor"]
    data["vendors"].append({**quiet, "id": "gone-vendor", "name": "Gone Vendor"})
    before.write_text(json.dumps(data), encoding="utf-8")
    text = _text(_report(project, "--previous", str(before)))
    assert "1 decision(s) changed, 1 vendor(s) new, 1 no longer in the report" in text
    assert "Approved &rarr; Rejected (worse)" in text or "Approved → Rejected" in text
    assert "Stale Vendor is new: Needs review." in text
    assert "Gone Vendor is no longer in the report." in text


def test_a_bad_previous_report_is_refused_with_its_position(project: Path) -> None:
    bad = project / "bad.json"
    bad.write_text('{"vendors": 3', encoding="utf-8")
    out = project / "out.html"
    done = run_cli("report", "--previous", str(bad), "-o", str(out), cwd=project)
    assert done.returncode == 2
    assert "bad.json:1:14: not JSON" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_an_unknown_tier_is_refused_with_its_position(project: Path) -> None:
    org = project / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("tier: critical", "tier: huge"))
    done = run_cli("report", "-o", str(project / "out.html"), cwd=project)
    assert done.returncode == 2
    assert "org.yaml:" in done.stderr and "huge" in done.stderr
    assert "Traceback" not in done.stderr
