"""--as-of: the version of a vendor's terms in force on a date (lineage + in_force), the
waivers valid then and the evidence age then. Replaying Zoom in June 2023 (the March clauses)
and in September 2023 (after the August rewrite) gives the answers the history implies."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.support import gate_world
from tests.support.cli import REPO, run_cli
from vendorgate.core.model import Document, InForce, Location, VendorProfile, Verdict
from vendorgate.gate import decisions as gate
from vendorgate.load import lineage

AI_RULE = "hipaa-no-ai-training-on-phi"
MARCH = REPO / "vendors" / "zoom-2023-03.yaml"
AUGUST = REPO / "vendors" / "zoom-2023-08.yaml"


def _replay(day: str, org: Path, named: Path = AUGUST) -> gate.GateResult:
    return gate.evaluate(
        gate.GateRequest(
            vendor=named, org=org, data_classes=("phi",), as_of=date.fromisoformat(day)
        )
    )


def _verdict(result: gate.GateResult, rule: str) -> Verdict:
    return next(f.verdict for f in result.outcomes[0].result.findings if f.rule == rule)


def test_replaying_zoom_picks_the_terms_in_force_on_each_date() -> None:
    org = REPO / "vendorgate.yaml"
    june = _replay("2023-06-01", org)
    september = _replay("2023-09-01", org, named=MARCH)
    assert june.vendor.profile.id == "zoom-2023-03"
    assert september.vendor.profile.id == "zoom-2023-08"
    assert june.outcomes[0].decision.value == "rejected"
    assert _verdict(june, AI_RULE) is Verdict.FAIL
    # After the August 2023 rewrite the AI-training rule passes.
    assert _verdict(september, AI_RULE) is Verdict.PASS
    assert AI_RULE not in {f.rule for f in september.outcomes[0].blocking}
    assert any("version in force on 2023-06-01: zoom-2023-03" in n for n in june.notes)


@pytest.fixture
def story_org(tmp_path: Path) -> Path:
    """The example hospital, enforcing only the two rules of the 2023 story (copied from the
    shipped HIPAA pack)."""
    gate_world.write_story_pack(tmp_path / "rules")
    org = tmp_path / "org.yaml"
    org.write_text(
        "apiVersion: vendorgate/v1\n"
        "kind: OrgProfile\n"
        "name: Riverside Community Hospital (2023 story rules)\n"
        "sectors: [healthcare]\n"
        "jurisdictions: [us]\n"
        "packs: [healthcare-hipaa]\n"
        f"rules_paths: [{tmp_path / 'rules'}]\n"
        f"vendors_paths: [{REPO / 'vendors'}]\n"
        "blocking: {severity: high, undetermined: block}\n"
        "evidence: {require: verified}\n",
        encoding="utf-8",
    )
    return org


def test_june_2023_is_rejected_and_september_2023_is_not(story_org: Path) -> None:
    june = _replay("2023-06-01", story_org)
    september = _replay("2023-09-01", story_org)
    assert june.outcomes[0].decision.value == "rejected"
    assert september.outcomes[0].decision.value != "rejected"
    assert september.passes


def test_cli_replay_gives_two_exit_codes(story_org: Path) -> None:
    args = ("gate", str(AUGUST), "--org", str(story_org), "--data-classes", "phi")
    june = run_cli(*args, "--as-of", "2023-06-01")
    september = run_cli(*args, "--as-of", "2023-09-01")
    assert (june.returncode, september.returncode) == (1, 0), june.stderr + september.stderr
    assert "Zoom (terms effective 2023-03-31)" in june.stdout
    assert "Zoom (terms effective 2023-08-11)" in september.stdout


def test_check_as_of_evaluates_one_version_per_lineage() -> None:
    files = [str(MARCH), str(AUGUST)]
    june = run_cli("check", *files, "--as-of", "2023-06-01", "--format", "json")
    september = run_cli("check", *files, "--as-of", "2023-09-01", "--format", "json")
    assert [v["id"] for v in json.loads(june.stdout)["vendors"]] == ["zoom-2023-03"]
    assert [v["id"] for v in json.loads(september.stdout)["vendors"]] == ["zoom-2023-08"]
    # Without --as-of every file named is evaluated as written.
    both = run_cli("check", *files, "--format", "json")
    assert [v["id"] for v in json.loads(both.stdout)["vendors"]] == ["zoom-2023-03", "zoom-2023-08"]


def test_a_date_no_known_version_covers_is_an_input_error() -> None:
    # The March terms ended on 2023-07-26; with only these two files nothing covers 2023-08-01.
    proc = run_cli("check", str(MARCH), str(AUGUST), "--as-of", "2023-08-01")
    assert proc.returncode == 2
    assert "no version of `zoom` was in force on 2023-08-01" in proc.stderr
    assert "vendors/zoom-2023-03.yaml:" in proc.stderr
    early = run_cli("gate", str(MARCH), "--as-of", "2020-01-01")
    assert early.returncode == 2 and "no version of `zoom` was in force" in early.stderr


def test_without_as_of_the_named_file_is_evaluated_and_the_reader_told() -> None:
    first_day = date.today()
    result = gate.evaluate(gate.GateRequest(vendor=MARCH, org=REPO / "vendorgate.yaml"))
    assert result.vendor.profile.id == "zoom-2023-03"
    assert result.evaluated_on in {first_day, date.today()}  # a run may cross midnight
    (note,) = [n for n in result.notes if "evaluated as written" in n]
    assert "were in force 2023-03-31 to 2023-07-26" in note


def _profile(pid: str, start: str, end: str | None, retrieved: str) -> VendorProfile:
    doc = Document(
        "tos",
        "Terms",
        "terms_of_service",
        "https://x.example",
        Location("v.yaml"),
        retrieved=date.fromisoformat(retrieved),
    )
    return VendorProfile(
        id=pid,
        name=pid,
        category="other",
        documents={"tos": doc},
        facts={},
        plans=(),
        usage=None,
        location=Location(f"{pid}.yaml", 1, 1),
        lineage="acme",
        in_force=InForce(date.fromisoformat(start), date.fromisoformat(end) if end else None),
    )


def test_version_choice_rules() -> None:
    v1 = _profile("v1", "2023-01-01", None, "2023-01-02")
    v2 = _profile("v2", "2023-06-01", "2023-12-31", "2023-06-02")
    again = _profile("v2-recorded-later", "2023-06-01", "2023-12-31", "2025-01-01")
    versions = [v1, v2, again]

    def on(day: str) -> str | None:
        chosen = lineage.in_force_on(versions, date.fromisoformat(day))
        return chosen.id if chosen else None

    assert on("2022-12-31") is None  # before the first version
    assert on("2023-03-01") == "v1"  # v1 has no `until`: it lasts until v2 starts
    # Same terms recorded twice: a replay uses what could be known on the day...
    assert on("2023-07-01") == "v2"
    assert on("2025-06-01") is None  # ...and v2's `until` is past
    later = [
        v1,
        _profile("v3", "2023-06-01", None, "2023-06-02"),
        _profile("v3-again", "2023-06-01", None, "2025-01-01"),
    ]
    assert lineage.in_force_on(later, date(2025, 6, 1)).id == "v3-again"  # type: ignore[union-attr]
    kept, skipped = lineage.select([v1, v2], date(2023, 3, 1))
    assert [p.id for p in kept] == ["v1"] and [p.id for p in skipped] == ["v2"]


def test_lineage_needs_in_force_and_until_after_from(tmp_path: Path) -> None:
    shutil.copy(MARCH, tmp_path / "a.yaml")
    text = MARCH.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        text.replace("in_force:\n  from: 2023-03-31\n  until: 2023-07-26\n", ""), encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        text.replace("until: 2023-07-26", "until: 2023-01-01"), encoding="utf-8"
    )
    proc = run_cli("validate", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert proc.returncode == 2
    assert "a.yaml:" in proc.stderr and "a profile with `lineage` needs `in_force" in proc.stderr
    assert "b.yaml:" in proc.stderr and "`until` (2023-01-01) is before `from`" in proc.stderr


def test_waivers_and_evidence_age_are_judged_on_the_as_of_date(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-06-30")], max_age_days=365)
    vendor = tmp_path / "vendors" / "acme.yaml"

    def rules_on(day: str) -> dict[str, Verdict]:
        result = gate.evaluate(
            gate.GateRequest(
                vendor=vendor, org=tmp_path / "vendorgate.yaml", as_of=date.fromisoformat(day)
            )
        )
        return {f.rule: f.verdict for f in result.outcomes[0].result.findings}

    spring, next_year = rules_on("2024-05-01"), rules_on("2025-05-01")
    assert spring["hipaa-baa-available"] is Verdict.WAIVED
    assert "vendorgate.evidence-age" not in spring  # reviewed 2024-01-15, within 365 days
    assert next_year["hipaa-baa-available"] is Verdict.FAIL
    assert next_year["vendorgate.waiver-expired"] is Verdict.FAIL
    assert next_year["vendorgate.evidence-age"] is Verdict.FAIL
