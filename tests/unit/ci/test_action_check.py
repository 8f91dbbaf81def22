"""The check step of the GitHub Action (``ci/action/check.sh``), run as the action runs it: one
``vendorgate check`` writes every requested format, the verdict's exit code is recorded for the
last step while the step itself lets the upload happen, and bad input fails the step at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.cli import REPO

CHECK = REPO / "ci" / "action" / "check.sh"
VENDORGATE = Path(sys.executable).parent / "vendorgate"


def _step(tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    outputs = tmp_path / "github-output"
    env = {
        **os.environ,
        "GITHUB_OUTPUT": str(outputs),
        "VENDORGATE": str(VENDORGATE),
        "VG_OUTPUT_DIR": str(tmp_path / "results"),
        "NO_COLOR": "1",
        **inputs,
    }
    done = subprocess.run(
        ["bash", str(CHECK)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    written = outputs.read_text("utf-8") if outputs.exists() else ""
    return done, dict(line.split("=", 1) for line in written.splitlines())


def test_one_check_writes_every_format_and_records_the_verdict(tmp_path: Path) -> None:
    done, outputs = _step(
        tmp_path,
        VG_ORG="examples/orgs/hospital.yaml",
        VG_VENDORS="vendors/",
        VG_FORMATS="sarif github\ngitlab,junit",
    )
    assert done.returncode == 0, done.stderr  # blocking findings: the upload still runs
    assert outputs["exit-code"] == "1"
    results = tmp_path / "results"
    assert outputs["sarif-file"] == str(results / "vendorgate.sarif")
    assert json.loads((results / "vendorgate.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert json.loads((results / "vendorgate.gitlab.json").read_text("utf-8"))
    assert (results / "vendorgate.xml").read_text("utf-8").startswith("<?xml")
    annotations = (results / "vendorgate.github.txt").read_text("utf-8")
    assert annotations.startswith("::error ")
    assert annotations in done.stdout  # printed, so the runner turns them into annotations


def test_bad_input_fails_the_step_with_exit_2(tmp_path: Path) -> None:
    done, outputs = _step(tmp_path, VG_FORMATS="sarif sarif2")
    assert done.returncode == 2
    assert outputs == {"exit-code": "2"}
    assert "unknown format" in done.stderr
    done, outputs = _step(tmp_path, VG_ORG="no-such-org.yaml", VG_FORMATS="sarif")
    assert done.returncode == 2, done.stderr
    assert outputs["exit-code"] == "2"
    assert "no-such-org.yaml" in done.stderr
