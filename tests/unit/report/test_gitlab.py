"""``--format gitlab``: a Code Quality report GitLab accepts (the schema of its documented
fields), one issue per failure, undetermined finding or error, each with a fingerprint that
names it alone and stays the same from one run to the next."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.support.cli import REPO, TESTS, run_cli
from vendorgate.core.model import Verdict
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


def test_the_fingerprint_changes_with_each_part_of_the_identity() -> None:
    base = ("zoom", None, "rule-a", "vendors/zoom.yaml", 12)
    first = gitlab.fingerprint(*base)
    assert first == gitlab.fingerprint(*base)
    for i, other in enumerate(("aws", "pro", "rule-b", "vendors/aws.yaml", 13)):
        changed = list(base)
        changed[i] = other
        assert gitlab.fingerprint(*changed) != first, i
    # The parts cannot run into each other: "a" + "bc" is not "ab" + "c".
    assert gitlab.fingerprint("a", None, "bc", "p", 1) != gitlab.fingerprint(
        "ab", None, "c", "p", 1
    )
