"""`vendorgate report` as a user runs it: formats, atomic output, exit codes, bad input, and the
progress bar that appears only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from tests.support.cli import GOLDEN, run_cli
from vendorgate.commands.report import build_report
from vendorgate.report import choices

GOLDEN_ARGS = ("--org", "org.yaml", "--as-of", "2026-01-15")


def test_html_report_is_written_atomically_with_checks_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run_cli("report", *GOLDEN_ARGS, "-o", str(out), cwd=GOLDEN)
    assert proc.returncode == 1, proc.stderr  # blocking findings, as `check` says
    assert proc.stdout == "" and proc.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")
    assert "Golden Clinic &lt;Fixture &amp; &quot;Co&quot;&gt;" in text
    assert "Rejected" in text and "Needs review" in text
    assert not list(tmp_path.glob(".report.html.*")), "temporary file left behind"
    stdout = run_cli("report", *GOLDEN_ARGS, cwd=GOLDEN)
    assert stdout.returncode == 1 and stdout.stdout == text


def test_report_exits_0_when_nothing_blocks(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(
        dedent(
            """\
            apiVersion: vendorgate/v1
            kind: OrgProfile
            name: Small Clinic
            sectors: [healthcare]
            rules_paths: [rules.yaml]
            vendors_paths: [vendor.yaml]
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "rules.yaml").write_text(
        (GOLDEN / "rules" / "golden.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "vendor.yaml").write_text(
        dedent(
            """\
            apiVersion: vendorgate/v1
            kind: VendorProfile
            id: lunch
            name: Lunch Orders
            category: other
            documents: []
            facts:
              breach_notification_hours:
                value: 24
            usage:
              status: active
              data_classes: [personal_data]
            """
        ),
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    proc = run_cli("report", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Approved" in out.read_text(encoding="utf-8")


def test_oscal_and_json_formats(tmp_path: Path) -> None:
    oscal = tmp_path / "ar.json"
    proc = run_cli("report", *GOLDEN_ARGS, "--format", "oscal", "-o", str(oscal), cwd=GOLDEN)
    assert proc.returncode == 1, proc.stderr
    expected = (GOLDEN / "expected" / "check.oscal.json").read_text(encoding="utf-8")
    assert oscal.read_text(encoding="utf-8") == expected
    plain = run_cli("report", *GOLDEN_ARGS, "--format", "json", cwd=GOLDEN)
    assert plain.returncode == 1
    assert json.loads(plain.stdout)["summary"]["vendors"] == 3


def test_markdown_comes_from_the_shared_renderer() -> None:
    if "markdown" not in choices("report"):
        pytest.skip("the markdown format is not registered for `report` yet")
    proc = run_cli("report", *GOLDEN_ARGS, "--format", "markdown", cwd=GOLDEN)
    assert proc.returncode == 1, proc.stderr
    assert "golden-no-ai-training" in proc.stdout


def test_bad_input_exits_2_and_keeps_the_previous_report(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "apiVersion: vendorgate/v1\nkind: VendorProfile\nid: broken\nname: Broken\n"
        "category: messaging\ndocuments: []\nfacts:\n  ai_training_customer_content:\n"
        "    value: yes\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    out.write_text("previous report", encoding="utf-8")
    proc = run_cli("report", str(broken), *GOLDEN_ARGS, "-o", str(out), cwd=GOLDEN)
    assert proc.returncode == 2
    assert f"{broken}:9:" in proc.stderr and "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8") == "previous report"
    unknown = run_cli("report", *GOLDEN_ARGS, "--format", "pdf", cwd=GOLDEN)
    assert unknown.returncode == 2 and "pdf" in unknown.stderr


def test_service_reports_progress_per_vendor() -> None:
    calls: list[tuple[int, int, str]] = []
    cwd = Path.cwd()
    try:
        os.chdir(GOLDEN)
        report = build_report(
            "json", org_path="org.yaml", progress=lambda *args: calls.append(args)
        )
    finally:
        os.chdir(cwd)
    assert calls == [
        (0, 3, "quiet-vendor"),
        (1, 3, "stale-vendor"),
        (2, 3, "zoom-march"),
        (3, 3, ""),
    ]
    assert report.blocking


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    # Not a terminal: stderr stays empty (see the first test). A terminal: a bar appears there.
    leader, follower = pty.openpty()
    out = tmp_path / "report.html"
    proc = subprocess.Popen(
        [sys.executable, "-m", "vendorgate", "report", *GOLDEN_ARGS, "-o", str(out)],
        cwd=GOLDEN,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**os.environ, "TERM": "xterm", "NO_COLOR": "1", "VENDORGATE_PROGRESS_AFTER": "0"},
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    stdout, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert b"evaluating" in seen
    assert stdout == b""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
