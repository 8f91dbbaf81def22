"""The organisation's maximum evidence age: a vendor reviewed too long ago gets a finding."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli
from vendorgate.app import run
from vendorgate.core.model import Location, OrgProfile, Severity, Verdict
from vendorgate.engine import evidence_age
from vendorgate.load import catalogue

PROFILE = "vendors/acme.yaml"
TERMS = (
    "**1.1 Training**. Acme does not use Customer Content to train artificial intelligence "
    "models.\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A vendor profile written here (its quote from a document written here), the shipped
    HIPAA pack, and an organisation requiring reviews within 365 days."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "rules").mkdir()
    shutil.copyfile(REPO / "rules" / "healthcare-hipaa.yaml", tmp_path / "rules" / "hipaa.yaml")
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "terms.md").write_text(TERMS, encoding="utf-8")
    sha = hashlib.sha256(TERMS.encode()).hexdigest()
    (tmp_path / "vendors").mkdir()
    (tmp_path / PROFILE).write_text(
        "apiVersion: vendorgate/v1\nkind: VendorProfile\nid: acme\nname: Acme\n"
        "category: video_conferencing\nreviewed: 2025-01-10\ndocuments:\n"
        "  - id: terms\n    title: Acme terms\n    type: terms_of_service\n"
        f"    url: https://acme.invalid/terms\n    sha256: {sha}\n"
        "    snapshot: ../snapshots/terms.md\nfacts:\n"
        "  ai_training_customer_content:\n    value: never\n    evidence:\n"
        "      - doc: terms\n        section: '1.1'\n        quote: Acme does not use Customer"
        " Content to train artificial intelligence models.\n"
        "usage:\n  status: active\n  data_classes: [phi]\n",
        encoding="utf-8",
    )
    (tmp_path / "vendorgate.yaml").write_text(
        "apiVersion: vendorgate/v1\nkind: OrgProfile\nname: Test Clinic\n"
        "sectors: [healthcare]\njurisdictions: [us]\nrules_paths: [rules]\n"
        "vendors_paths: [vendors]\nblocking:\n  severity: high\n  undetermined: block\n"
        "evidence:\n  require: verified\n  max_age_days: 365\n",
        encoding="utf-8",
    )
    return tmp_path


def _reviewed(repo: Path) -> tuple[date, int]:
    lines = (repo / PROFILE).read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("reviewed:"))
    return date.fromisoformat(lines[index].split(":", 1)[1].strip()), index + 1


def _age_findings(result: run.CheckResult) -> list[run.Finding]:
    return [f for f in result.findings if f.rule == evidence_age.RULE_ID]


def test_a_review_older_than_the_maximum_age_fails(repo: Path) -> None:
    reviewed, line = _reviewed(repo)
    late = date.fromordinal(reviewed.toordinal() + 366)
    result = run.check(org_path=repo / "vendorgate.yaml", today=late)
    (finding,) = _age_findings(result)
    assert (finding.verdict, finding.severity) == (Verdict.FAIL, Severity.MEDIUM)
    assert finding.location.line == line and finding.location.path.endswith("acme.yaml")
    assert "366 days before" in finding.message
    assert "review within 365 days" in finding.message
    assert not finding.blocking  # medium is below the organisation's high threshold


def test_a_review_within_the_maximum_age_has_no_finding(repo: Path) -> None:
    reviewed, _ = _reviewed(repo)
    for days in (0, 365):
        day = date.fromordinal(reviewed.toordinal() + days)
        assert _age_findings(run.check(org_path=repo / "vendorgate.yaml", today=day)) == []


def test_no_review_date_is_undetermined_at_the_header(repo: Path) -> None:
    profile = repo / PROFILE
    text = profile.read_text(encoding="utf-8")
    profile.write_text(
        "".join(ln for ln in text.splitlines(True) if not ln.startswith("reviewed:")), "utf-8"
    )
    header = next(
        i + 1
        for i, ln in enumerate(profile.read_text("utf-8").splitlines())
        if ln.startswith("kind:")
    )
    result = run.check(org_path=repo / "vendorgate.yaml", today=date(2026, 1, 1))
    (finding,) = _age_findings(result)
    assert finding.verdict is Verdict.UNDETERMINED
    assert finding.location.line == header
    assert "no `reviewed` date" in finding.message


def test_without_a_maximum_age_there_is_no_finding(repo: Path) -> None:
    org = repo / "vendorgate.yaml"
    org.write_text(org.read_text("utf-8").replace("  max_age_days: 365\n", ""), "utf-8")
    assert _age_findings(run.check(org_path=org, today=date(2040, 1, 1))) == []


def test_the_finding_blocks_under_a_medium_threshold_and_shows_in_json(repo: Path) -> None:
    org = repo / "vendorgate.yaml"
    org.write_text(org.read_text("utf-8").replace("severity: high", "severity: medium"), "utf-8")
    reviewed, line = _reviewed(repo)
    late = date.fromordinal(reviewed.toordinal() + 400).isoformat()
    cli = run_cli("check", "--format", "json", "--as-of", late, cwd=repo)
    assert cli.returncode == 1, cli.stderr
    vendor = json.loads(cli.stdout)["vendors"][0]
    (age,) = [f for f in vendor["findings"] if f["rule"] == evidence_age.RULE_ID]
    assert (age["verdict"], age["severity"], age["blocking"]) == ("fail", "medium", True)
    assert age["location"]["line"] == line


def test_findings_function_directly(repo: Path) -> None:
    profile = catalogue.load_vendors([repo / PROFILE])[0].profile
    org = OrgProfile(name="x", path="x.yaml", max_evidence_age_days=30)
    assert profile.reviewed is not None and profile.reviewed_at is not None
    later = date.fromordinal(profile.reviewed.toordinal() + 31)
    (finding,) = evidence_age.findings(profile, "pro", org, later)
    assert finding.plan == "pro" and "(pro plan)" in finding.message
    assert finding.location == profile.reviewed_at
    assert (
        evidence_age.findings(profile, None, replace(org, max_evidence_age_days=None), later) == ()
    )
    undated = replace(profile, reviewed=None, reviewed_at=None)
    (unknown,) = evidence_age.findings(undated, None, org, later)
    assert unknown.location == profile.location != Location("")


def test_a_review_after_an_as_of_day_counts_as_not_yet_done(repo: Path) -> None:
    # an --as-of replay reads the profile as it is now: the review it records had not
    # happened on that day, so the age check cannot pass on it (and the run still works)
    reviewed, line = _reviewed(repo)
    earlier = date.fromordinal(reviewed.toordinal() - 1)
    result = run.check(org_path=repo / "vendorgate.yaml", today=earlier)
    (finding,) = _age_findings(result)
    assert finding.verdict is Verdict.UNDETERMINED
    assert finding.location.line == line
    assert f"after {earlier.isoformat()}, so not yet reviewed on that day" in finding.message
    assert result.results[0].decision.kind.value == "needs_review"  # undetermined: block
    cli = run_cli("check", "--format", "json", "--as-of", earlier.isoformat(), cwd=repo)
    assert cli.returncode == 1, cli.stderr
    rego = run_cli(
        "check", "--format", "json", "--as-of", earlier.isoformat(), "--engine", "rego", cwd=repo
    )
    assert (rego.returncode, rego.stdout) == (cli.returncode, cli.stdout)


def test_a_review_after_the_calendar_day_is_refused_whatever_the_as_of_day(repo: Path) -> None:
    profile = repo / PROFILE
    future = date.fromordinal(date.today().toordinal() + 10)
    text = profile.read_text("utf-8").replace("reviewed: 2025-01-10", f"reviewed: {future}")
    profile.write_text(text, "utf-8")
    _, line = _reviewed(repo)
    later = date.fromordinal(future.toordinal() + 30).isoformat()
    for extra in ((), ("--as-of", later), ("--as-of", later, "--engine", "rego")):
        cli = run_cli("check", *extra, cwd=repo)
        assert cli.returncode == 2, (extra, cli.stderr)
        assert f"vendors/acme.yaml:{line}:11:" in cli.stderr
        assert "Traceback" not in cli.stderr
