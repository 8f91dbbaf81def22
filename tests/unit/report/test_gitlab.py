"""``--format gitlab``: a Code Quality report GitLab accepts (the schema of its documented
fields), one issue per failure, undetermined finding or error, each with a fingerprint that
names it alone and stays the same from one run to the next."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from tests.support.cli import REPO, TESTS, run_cli
from vendorgate.app import run
from vendorgate.core.model import Location, Verdict
from vendorgate.report import RenderOptions
from vendorgate.report.formats import gitlab

SCHEMA = json.loads((TESTS / "schemas" / "gitlab-codequality.schema.json").read_text("utf-8"))
GOLDEN = TESTS / "golden" / "expected" / "check.gitlab.json"


def _check(cwd: Path) -> list[dict[str, object]]:
    done = run_cli(
        "check",
        "--org",
        "examples/orgs/hospital.yaml",
        "--format",
        "gitlab",
        "--no-cache",
        "vendors/",
        cwd=cwd,
    )
    assert done.returncode == 1, done.stderr  # the shipped catalogue has blocking findings
    issues = json.loads(done.stdout)
    assert isinstance(issues, list)
    return issues


def test_the_shipped_catalogue_gives_a_valid_report_with_stable_fingerprints() -> None:
    issues = _check(REPO)
    jsonschema.Draft202012Validator(SCHEMA).validate(issues)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert {i["severity"] for i in issues} <= set(gitlab.SEVERITY.values()) | {gitlab.BLOCKER}
    assert any(i["severity"] == gitlab.BLOCKER for i in issues)
    for i in issues:
        path = REPO / i["location"]["path"]
        assert path.is_file(), i["location"]
        lines = path.read_text("utf-8").splitlines()
        assert i["location"]["lines"]["begin"] <= len(lines)
    again = _check(REPO)
    assert again == issues


def test_the_golden_report_validates_and_each_issue_is_a_finding_that_needs_attention() -> None:
    issues = json.loads(GOLDEN.read_text("utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(issues)
    assert issues
    assert {i["check_name"] for i in issues} <= {
        "golden-baa",
        "golden-breach-notice",
        "golden-legal-only",
        "golden-no-ai-training",
    }
    assert {v.value for v in gitlab.ISSUES} == {"fail", "undetermined", "error"}
    assert Verdict.WAIVED not in gitlab.ISSUES


def test_the_fingerprint_follows_the_finding_not_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    result = run.check(today=date(2026, 1, 15))
    found = next(f for f in result.findings if f.verdict in gitlab.ISSUES)
    options = RenderOptions(root=str(REPO), base=str(REPO))

    def down(location: Location) -> Location:
        return replace(location, line=location.line + 3)

    # Three lines added above: the finding and every fact it read move down together.
    facts = tuple(replace(read, location=down(read.location)) for read in found.facts)
    moved = replace(found, location=down(found.location), facts=facts)
    first, second = gitlab.issue(found, options), gitlab.issue(moved, options)
    assert second["location"]["lines"]["begin"] == first["location"]["lines"]["begin"] + 3
    assert second["fingerprint"] == first["fingerprint"]
    other = next(f for f in result.findings if f.verdict in gitlab.ISSUES and f.rule != found.rule)
    assert gitlab.issue(other, options)["fingerprint"] != first["fingerprint"]
