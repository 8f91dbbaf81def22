"""``report -o DIR/`` on the golden project through the real CLI: the files of the site, links
that resolve, the folder replaced all or nothing, and what is refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.support.cli import GOLDEN, run_cli


def _site(out: Path) -> None:
    done = run_cli("report", "--as-of", "2026-01-15", "-o", f"{out}/", cwd=GOLDEN)
    assert done.returncode == 1, done.stderr  # the fixture has blocking findings
    assert done.stdout == ""


def test_site_files_and_links_resolve(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _site(out)
    pages = sorted(p.name for p in (out / "vendors").iterdir())
    assert pages == [
        "vendor-quiet-vendor.html",
        "vendor-stale-vendor.html",
        "vendor-zoom-march.html",
    ]
    for page in [out / "index.html", out / "vendors.html", *(out / "vendors").iterdir()]:
        text = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#][^"]*)"', text):
            if href.startswith("http"):
                continue
            assert (page.parent / href).is_file(), f"{page.name} links to missing {href}"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Executive summary" in index and 'id="decision-chart"' in index
    assert '<section class="vendor"' not in index  # details are on the vendors' pages
    data = re.search(r'<script type="application/json" id="vendor-index">(.*?)</script>', index)
    assert data is not None
    rows = json.loads(data[1])["rows"]
    # worst first: the two rejected vendors by id (quiet-vendor's stated `not_available` fails
    # whatever its evidence), then the one that needs review
    assert [r[-1] for r in rows] == ["quiet-vendor", "zoom-march", "stale-vendor"]
    zoom = (out / "vendors" / "vendor-zoom-march.html").read_text(encoding="utf-8")
    assert "You agree to grant and hereby grant Zoom a perpetual" in " ".join(zoom.split())


def test_site_replaces_its_own_folder_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "site"
    _site(out)
    (out / "vendors" / "vendor-gone.html").write_text("old", encoding="utf-8")
    done = run_cli("report", "--as-of", "2026-01-15", "-o", str(out), cwd=GOLDEN)
    assert done.returncode == 1, done.stderr
    assert not (out / "vendors" / "vendor-gone.html").exists()
    assert (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    done = run_cli("report", "--as-of", "2026-01-15", "-o", f"{out}/", cwd=GOLDEN)
    assert done.returncode == 2
    assert "not a report site vendorgate wrote" in done.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_only_html_is_written_as_a_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = run_cli("report", "--format", "markdown", "-o", f"{out}/", cwd=GOLDEN)
    assert done.returncode == 2
    assert "--format html" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
