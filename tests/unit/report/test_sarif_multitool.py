"""The SARIF that code scanning receives passes Microsoft's SARIF Multitool (``validate`` with
the ``Sarif`` and ``Gh`` rule kinds: the SARIF specification's rules and GitHub's ingestion
rules) with no error and no warning, for the shipped catalogue and for a generated one.

The Multitool comes from npm (``@microsoft/sarif-multitool``, pinned in tools/), installed into
``.tools/`` by ``make`` (``make tools``). Its notes are left aside: offline, every URL it tries
to fetch gives one ("not reachable"), and the others are suggestions (snippets, message ids).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli

MULTITOOL = REPO / ".tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
GENERATED_VENDORS = 150
"""Enough vendors for several hundred results; 10,000 is measured by hand (bench/RESULTS.md)."""

# Skipped only outside CI: in CI (where `make test` installs it) a missing Multitool fails.
pytestmark = pytest.mark.skipif(
    not MULTITOOL.exists() and not os.environ.get("CI"),
    reason="the SARIF Multitool is not installed: run `make tools`",
)


def problems(sarif: Path, tmp_path: Path) -> list[str]:
    """The Multitool's errors and warnings about ``sarif``, one line each."""
    # The Multitool reads only files named *.sarif, and skips files over 10 MB unless told.
    target = tmp_path / "input.sarif"
    shutil.copyfile(sarif, target)
    log = tmp_path / "validation.sarif"
    done = subprocess.run(
        [
            str(MULTITOOL),
            "validate",
            "--rule-kind",
            "Sarif;Gh",
            "--level",
            "Error;Warning",
            "--max-file-size-in-kb",
            "200000",
            "--log",
            "ForceOverwrite",
            "-o",
            str(log),
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 files scanned" in done.stdout, done.stdout
    found = json.loads(log.read_text(encoding="utf-8"))
    return [
        f"{r['ruleId']} {r.get('level', 'warning')}: {r['message'].get('text', r['message'])}"
        for run in found["runs"]
        for r in run["results"]
        if r.get("level", "warning") in ("error", "warning")
    ]


def test_the_multitool_really_reports_problems(tmp_path: Path) -> None:
    """A relative helpUri and a missing informationUri: what the Multitool flagged before."""
    bad = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "x",
                        "rules": [
                            {
                                "id": "r1",
                                "helpUri": "policies/x.md#1",
                                "shortDescription": {"text": "A rule."},
                            },
                        ],
                    }
                },
                "results": [],
            }
        ],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert problems(path, tmp_path)


def test_the_shipped_catalogue_sarif_passes(tmp_path: Path) -> None:
    out = tmp_path / "vendorgate.sarif"
    done = run_cli(
        "check",
        "--org",
        "examples/orgs/hospital.yaml",
        "--format",
        "sarif",
        "-o",
        str(out),
        "--no-cache",
        "vendors/",
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(out.read_text("utf-8"))["runs"][0]["results"]
    assert problems(out, tmp_path) == []


def test_a_generated_catalogue_sarif_passes(tmp_path: Path) -> None:
    project = tmp_path / "project"
    generate = [sys.executable, str(REPO / "bench" / "generate.py"), str(project)]
    subprocess.run(
        [*generate, "--vendors", str(GENERATED_VENDORS)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (project / ".git").mkdir()
    out = tmp_path / "generated.sarif"
    done = run_cli("check", "--format", "sarif", "-o", str(out), "--no-cache", cwd=project)
    assert done.returncode in (0, 1), done.stderr
    results = json.loads(out.read_text("utf-8"))["runs"][0]["results"]
    assert len(results) > GENERATED_VENDORS
    assert problems(out, tmp_path) == []
