"""Waivers as code: active, expiring within 30 days, expired (a warning finding of its own),
not yet granted on an --as-of date, and the input errors (unknown rule, unknown vendor on a
whole-catalogue run only, already expired when written)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.support import gate_world
from tests.support.cli import run_cli
from vendorgate.core.model import Verdict
from vendorgate.engine import waiver_warnings
from vendorgate.gate import decisions as gate
from vendorgate.load import catalogue, waivers, workspace
from vendorgate.report import render_view


def render(result: gate.GateResult, fmt: str) -> str:
    return render_view("gate", fmt, result)


BAA = "hipaa-baa-available"


def _gate(root: Path, day: str, plan: str | None = None) -> gate.GateResult:
    return gate.evaluate(
        gate.GateRequest(
            vendor=root / "vendors" / "acme.yaml",
            org=root / "vendorgate.yaml",
            plan=plan,
            as_of=date.fromisoformat(day),
        )
    )


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_an_active_waiver_waives_and_shows_who_until_when(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-03-31")])
    outcome = _gate(tmp_path, "2024-01-10").outcomes[0]
    baa = next(f for f in outcome.result.findings if f.rule == BAA)
    assert baa.verdict is Verdict.WAIVED and not baa.blocking
    assert baa.reasons == ()  # 81 days left: not flagged
    assert outcome.decision.value == "approved_with_conditions"
    assert outcome.warnings == ()
    # A waiver accepts a risk for a while; the contract should still close it.
    assert BAA in [r for c in outcome.conditions for r in c.rules]


def test_a_waiver_expiring_within_30_days_is_flagged_in_every_format(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-03-31")])
    result = _gate(tmp_path, "2024-03-15")
    baa = next(f for f in result.outcomes[0].result.findings if f.rule == BAA)
    assert baa.verdict is Verdict.WAIVED
    flag = "the waiver (GRC-7) expires on 2024-03-31, within 30 days"
    assert baa.reasons == (flag,)
    assert flag in render(result, "text")
    assert flag in render(result, "markdown")
    waived = json.loads(render(result, "json"))["plans"][0]["waived"]
    assert waived[0]["reasons"] == [flag] and waived[0]["waiver"]["ticket"] == "GRC-7"
    check = run_cli("check", "--as-of", "2024-03-15", "--format", "json", cwd=tmp_path)
    finding = next(
        f for v in json.loads(check.stdout)["vendors"] for f in v["findings"] if f["rule"] == BAA
    )
    assert finding["reasons"] == [flag]


def test_an_expired_waiver_stops_waiving_and_gives_a_warning_that_does_not_block(
    tmp_path: Path,
) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-03-31")])
    org = tmp_path / "vendorgate.yaml"
    result = _gate(tmp_path, "2024-04-15")
    outcome = result.outcomes[0]
    baa = next(f for f in outcome.result.findings if f.rule == BAA)
    assert baa.verdict is Verdict.FAIL and baa.blocking
    assert "expired on 2024-03-31 and no longer waives" in baa.reasons[0]
    (warning,) = outcome.warnings
    assert warning.rule == waiver_warnings.EXPIRED_RULE == "vendorgate.waiver-expired"
    assert (warning.severity.value, warning.verdict.value, warning.blocking) == (
        "low",
        "fail",
        False,
    )
    assert warning.location.line == _line_of(org, f"rule: {BAA}")
    for fmt in ("text", "markdown", "json"):
        assert "vendorgate.waiver-expired" in render(result, fmt)
    assert "expired on 2024-03-31" in render(result, "text")


def test_an_expired_waiver_alone_keeps_a_vendor_from_plain_approval_but_does_not_block(
    tmp_path: Path,
) -> None:
    # The enterprise plan passes every rule; the lapsed waiver is the only thing left.
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-03-31")])
    vendor = tmp_path / "vendors" / "acme.yaml"
    before = run_cli(
        "gate", str(vendor), "--plan", "enterprise", "--as-of", "2024-03-01", cwd=tmp_path
    )
    after = run_cli(
        "gate", str(vendor), "--plan", "enterprise", "--as-of", "2024-04-15", cwd=tmp_path
    )
    assert before.returncode == 0 and "Decision: APPROVED (plan: enterprise)" in before.stdout
    assert after.returncode == 0, after.stdout
    assert "Decision: APPROVED_WITH_CONDITIONS (plan: enterprise)" in after.stdout
    assert "Warnings (1):" in after.stdout and "vendorgate.waiver-expired" in after.stdout
    check = run_cli("check", "--as-of", "2024-04-15", "--fail-on", "low", cwd=tmp_path)
    assert "vendorgate.waiver-expired" in check.stdout


def test_a_waiver_granted_after_the_as_of_date_does_not_waive_then(tmp_path: Path) -> None:
    gate_world.build(
        tmp_path, waivers=[gate_world.waiver(expires="2024-12-31", granted="2024-02-01")]
    )
    early = next(
        f for f in _gate(tmp_path, "2024-01-15").outcomes[0].result.findings if f.rule == BAA
    )
    later = next(
        f for f in _gate(tmp_path, "2024-02-15").outcomes[0].result.findings if f.rule == BAA
    )
    assert early.verdict is Verdict.FAIL
    assert "was granted on 2024-02-01, after 2024-01-15" in early.reasons[0]
    assert later.verdict is Verdict.WAIVED


def test_a_plan_waiver_waives_that_plan_only(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-12-31", plan="free")])
    result = _gate(tmp_path, "2024-02-01", plan="all")
    verdicts = {
        o.label: next(f.verdict for f in o.result.findings if f.rule == BAA)
        for o in result.outcomes
    }
    assert verdicts == {"(base)": Verdict.FAIL, "free": Verdict.WAIVED, "enterprise": Verdict.PASS}


def test_a_waiver_naming_an_unknown_rule_is_an_input_error_with_its_line(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(rule="hipaa-baa-avialable")])
    org = tmp_path / "vendorgate.yaml"
    proc = run_cli("gate", "vendors/acme.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    line = _line_of(org, "rule: hipaa-baa-avialable")
    assert f"vendorgate.yaml:{line}:" in proc.stderr
    assert "(did you mean `hipaa-baa-available`?)" in proc.stderr


def test_an_unknown_vendor_fails_only_runs_over_the_whole_catalogue(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(vendor="acmee", expires="2030-01-01")])
    org = tmp_path / "vendorgate.yaml"
    other = tmp_path / "vendors" / "other.yaml"
    other.write_text(
        (tmp_path / "vendors" / "acme.yaml").read_text().replace("id: acme", "id: other")
    )
    line = _line_of(org, "vendor: acmee")
    whole = run_cli("check", "--as-of", "2024-02-01", cwd=tmp_path)
    assert whole.returncode == 2
    assert f"vendorgate.yaml:{line}:" in whole.stderr
    assert "waiver names vendor `acmee`" in whole.stderr and "did you mean `acme`?" in whole.stderr
    # Naming every catalogue file explicitly is still the whole catalogue.
    named_all = run_cli("check", "vendors/acme.yaml", "vendors/other.yaml", cwd=tmp_path)
    assert named_all.returncode == 2 and "acmee" in named_all.stderr
    # A pre-commit run over one changed file must not fail on other vendors' waivers.
    one = run_cli("check", "vendors/other.yaml", "--as-of", "2024-02-01", cwd=tmp_path)
    assert one.returncode == 1, one.stderr
    gated = run_cli("gate", "vendors/other.yaml", "--as-of", "2024-02-01", cwd=tmp_path)
    assert gated.returncode == 1, gated.stderr
    validated = run_cli("validate", "--as-of", "2024-02-01", cwd=tmp_path)
    assert validated.returncode == 2 and f"vendorgate.yaml:{line}:" in validated.stderr
    assert (
        run_cli("validate", "vendorgate.yaml", "--as-of", "2024-02-01", cwd=tmp_path).returncode
        == 0
    )


def test_a_waiver_expiring_before_it_was_granted_is_an_input_error_everywhere(
    tmp_path: Path,
) -> None:
    gate_world.build(
        tmp_path, waivers=[gate_world.waiver(expires="2024-01-31", granted="2024-02-01")]
    )
    line = _line_of(tmp_path / "vendorgate.yaml", "expires: 2024-01-31")
    for args in (("check",), ("gate", "vendors/acme.yaml"), ("validate",)):
        proc = run_cli(*args, "--as-of", "2024-01-15", cwd=tmp_path)
        assert proc.returncode == 2, args
        assert f"vendorgate.yaml:{line}:" in proc.stderr
        assert "already expired when written" in proc.stderr


def test_validate_rejects_a_waiver_already_expired_on_the_date_of_writing(tmp_path: Path) -> None:
    gate_world.build(tmp_path, waivers=[gate_world.waiver(expires="2024-03-31")])
    line = _line_of(tmp_path / "vendorgate.yaml", "expires: 2024-03-31")
    today = run_cli("validate", cwd=tmp_path)  # today is after 2024-03-31
    assert today.returncode == 2
    assert f"vendorgate.yaml:{line}:" in today.stderr and "expired on 2024-03-31" in today.stderr
    assert run_cli("validate", "--as-of", "2024-03-31", cwd=tmp_path).returncode == 0
    # check and gate warn instead of refusing: the waiver stops waiving, visibly.
    assert run_cli("check", "--as-of", "2024-04-15", cwd=tmp_path).returncode == 1


def test_library_whole_catalogue_detection(tmp_path: Path) -> None:
    gate_world.build(tmp_path)
    org, _ = catalogue.load_org(tmp_path / "vendorgate.yaml")
    files = workspace.discover([tmp_path / "vendors"])
    assert waivers.is_full_catalogue(files, workspace.discover(org.vendors_paths))
    assert not waivers.is_full_catalogue([], workspace.discover(org.vendors_paths))
    assert not waivers.is_full_catalogue(files, [])
