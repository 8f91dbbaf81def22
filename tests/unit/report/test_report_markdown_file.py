"""``report --format markdown`` writes a complete document; ``check --format markdown`` (the
pull-request comment) keeps its size budget. Through the real CLI on a generated catalogue
whose details are far larger than a comment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli

VENDORS = 60


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("md") / "catalogue"
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
    return project


def test_report_to_a_file_has_every_vendor_and_finding(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    done = run_cli("report", "--format", "markdown", "-o", str(out), cwd=catalogue)
    assert done.returncode in (0, 1), done.stderr
    text = out.read_text(encoding="utf-8")
    assert len(text) > 65_536  # more than a comment may hold
    assert "left out to fit a comment" not in text
    assert "not shown here" not in text
    assert text.count("<details>") == VENDORS
    # The same document on stdout.
    again = run_cli("report", "--format", "markdown", cwd=catalogue)
    assert again.stdout == text


def test_check_comment_keeps_its_budget(catalogue: Path, tmp_path: Path) -> None:
    out = tmp_path / "comment.md"
    done = run_cli("check", "--format", "markdown", "-o", str(out), cwd=catalogue)
    assert done.returncode in (0, 1), done.stderr
    text = out.read_text(encoding="utf-8")
    assert len(text) <= 65_536
    assert "left out to fit a comment" in text
