"""The GitHub Action and the workflow templates keep the rules zizmor and actionlint check in
``make lint-workflows``, and the ones they cannot see: no ``${{ }}`` inside a script, every
third-party action pinned by a full commit, the SARIF upload never skipped by a failed check and
never hiding its exit code, least permissions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tests.support.cli import REPO

ACTION = REPO / "action.yml"
TEMPLATES = (REPO / "ci" / "github-actions.yml", REPO / "ci" / "drift.yml")
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
OWN_ACTION = "vendorgate/vendorgate@"
"""The templates name vendorgate's own action by tag (see zizmor.yml)."""


def _load(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _steps(path: Path) -> list[dict[str, Any]]:
    doc = _load(path)
    if "runs" in doc:
        steps: list[dict[str, Any]] = doc["runs"]["steps"]
        return steps
    return [step for job in doc["jobs"].values() for step in job["steps"]]


def test_no_expression_is_spliced_into_a_script() -> None:
    for path in (ACTION, *TEMPLATES):
        for step in _steps(path):
            assert "${{" not in step.get("run", ""), (path.name, step.get("name"))


def test_every_third_party_action_is_pinned_by_commit() -> None:
    for path in (ACTION, *TEMPLATES):
        for step in _steps(path):
            uses = step.get("uses")
            if uses is None or uses.startswith(OWN_ACTION):
                continue
            assert PINNED.fullmatch(uses), (path.name, uses)


def test_the_upload_runs_whatever_the_check_said_and_the_verdict_comes_last() -> None:
    steps = _steps(ACTION)
    names = [step.get("id") or step["name"] for step in steps]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"].startswith("always()")
    verdict = steps[-1]
    assert verdict["name"] == "Verdict" and verdict["if"].startswith("always()")
    assert names.index("check") < steps.index(upload) < len(steps) - 1
    # The check step itself stops on exit 2: its script returns any other code than 0 and 1.
    script = (REPO / "ci" / "action" / "check.sh").read_text(encoding="utf-8")
    assert '*) finish "$code" ;;' in script


def test_the_templates_ask_for_least_permissions() -> None:
    check, drift = (_load(path) for path in TEMPLATES)
    assert check["permissions"] == {} and drift["permissions"] == {}
    (job,) = check["jobs"].values()
    assert job["permissions"] == {
        "contents": "read",
        "actions": "read",
        "security-events": "write",
    }
    (watch,) = drift["jobs"].values()
    assert watch["permissions"] == {"contents": "read", "issues": "write"}
    for doc in (check, drift):
        (only,) = doc["jobs"].values()
        assert only["timeout-minutes"] > 0
        assert "concurrency" in doc
        checkout = only["steps"][0]
        assert checkout["uses"].startswith("actions/checkout@")
        assert checkout["with"]["persist-credentials"] is False
    # `on:` is read by YAML 1.1 as the boolean true.
    assert set(drift[True]) == {"schedule", "workflow_dispatch"}
