"""The drift step of the GitHub Action (``ci/action/drift.py``, ``mode: drift``), run as the
action runs it, against pages served on 127.0.0.1: a cited document that changed gives a report
with the evidence diff and the verdict the new text would flip; unchanged documents give none;
the repository is never edited."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.cli import REPO
from tests.support.minimal import ORG, PACK
from tests.unit.evidence.test_watch import server, watched_repo

__all__ = ["server"]  # the watch page server, a fixture of this module too

DRIFT = REPO / "ci" / "action" / "drift.py"
VENDORGATE = Path(sys.executable).parent / "vendorgate"


def _drift(repo: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    # Verified evidence required: a quote gone from the new text leaves its fact unsupported.
    org = ORG + "evidence:\n  require: verified\n"
    (repo / "vendorgate.yaml").write_text(org, encoding="utf-8")
    (repo / "rules").mkdir()
    (repo / "rules" / "mini.yaml").write_text(PACK, encoding="utf-8")
    runner = tmp_path / "runner"
    runner.mkdir()
    outputs = runner / "github-output"
    env = {
        **os.environ,
        "VENDORGATE": str(VENDORGATE),
        "RUNNER_TEMP": str(runner),
        "GITHUB_OUTPUT": str(outputs),
        "VG_VENDORS": "vendors",
        "NO_COLOR": "1",
        "no_proxy": "127.0.0.1,localhost",
    }
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, str(DRIFT)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    written = outputs.read_text("utf-8") if outputs.exists() else ""
    pairs = dict(line.split("=", 1) for line in written.splitlines())
    return done, pairs


def test_a_changed_cited_document_reports_its_diff_and_the_verdict_it_flips(
    server: str, tmp_path: Path
) -> None:
    repo = watched_repo(tmp_path / "repo", server, {"changed": "/changed.html"})
    profile = (repo / "vendors" / "acme.yaml").read_bytes()
    done, outputs = _drift(repo, tmp_path)
    assert done.returncode == 0, done.stderr
    assert outputs["changed"] == "true"
    report = Path(outputs["report"]).read_text("utf-8")
    assert "## acme: Acme terms (changed)" in report
    assert "quote from section 1.1 Training vanished" in report  # the evidence diff
    assert "Acme does not use Customer Content to train" in report
    flips = report.split("## Verdicts that would flip with the new text", 1)[1]
    assert "| `mini-ai` No AI training on customer content | high | pass | undetermined |" in flips
    assert (repo / "vendors" / "acme.yaml").read_bytes() == profile


def test_unchanged_documents_report_nothing(server: str, tmp_path: Path) -> None:
    repo = watched_repo(tmp_path / "repo", server, {"same": "/same.html"})
    done, outputs = _drift(repo, tmp_path)
    assert done.returncode == 0, done.stderr
    assert outputs == {"changed": "false"}
