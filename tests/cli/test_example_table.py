"""The README's example-organisation tables are what `bench/example_table.py --summary` prints
from the real commands, and docs/example-organisations.md is what it prints in full."""

from __future__ import annotations

import subprocess
import sys

from tests.support.cli import REPO


def script(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "example_table.py"), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_readme_and_docs_page_match_the_commands() -> None:
    page = script()
    assert page == (REPO / "docs" / "example-organisations.md").read_text(encoding="utf-8"), (
        "regenerate: python bench/example_table.py > docs/example-organisations.md"
    )
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = [
        line
        for line in page.split("## GitHub per agreement type")[1].split("\n## ")[0].splitlines()
        if line.startswith("| ")
    ]
    rows += [line for line in page.split("## GitHub")[0].splitlines() if line.startswith("| ")]
    assert len(rows) > 10
    for line in rows:
        assert line in readme, f"README table row is out of date: {line}"
    assert "| hospital | customer-agreement | needs_review |" in page
    assert "| law-firm | individual | rejected |" in page
