"""`vendorgate explain VENDOR RULE`: the trace of one evaluation, read as a person would."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import yaml

from tests.support.cli import GOLDEN, REPO, run_cli
from vendorgate.text.normalise import normalise

AI_RULE = "hipaa-no-ai-training-on-phi"


def _flat(text: str) -> str:
    """Output with quote prefixes and line wrapping removed, for phrase matching."""
    lines = [line.strip().removeprefix("> ") for line in text.splitlines()]
    return " ".join(" ".join(lines).split())


def test_march_2023_zoom_shows_the_10_4_quote_and_the_failing_test() -> None:
    proc = run_cli("explain", "zoom-2023-03", AI_RULE)
    assert proc.returncode == 1, proc.stderr  # the finding blocks
    out = proc.stdout
    # The failing leaf, its value and location, under a failing all().
    assert "FAIL  all of: fails because at least one item fails" in out
    assert "FAIL  expects `ai_training_customer_content` to be never" in out
    assert "value: always  (vendors/zoom-2023-03.yaml:" in out
    assert "why: the value does not meet the expectation, so the test fails" in out
    # The section 10.4 quotes, exactly as the profile records them, which the snapshot holds.
    profile = yaml.safe_load((REPO / "vendors/zoom-2023-03.yaml").read_text(encoding="utf-8"))
    evidence = profile["facts"]["ai_training_customer_content"]["evidence"]
    snapshot = (REPO / "snapshots/zoom/terms-of-service/2023-04-01.md").read_text(encoding="utf-8")
    assert [e["section"] for e in evidence] == ["10.4", "10.4"]
    flat = _flat(out)
    for item in evidence:
        assert normalise(item["quote"]) in normalise(snapshot)
        assert f"\u201c{' '.join(item['quote'].split())}\u201d" in flat
    assert "Zoom Terms of Service (effective March 31, 2023), section 10.4" in out
    assert "[quote verified]" in out
    # The other leaf is undetermined, and says why.
    assert "UNDETERMINED  expects `ai_training_third_party` to be never" in out
    assert "the vendor does not disclose this" in out
    # Why the rule applies, the waiver state, the verdict and the citation.
    assert "data classes: the rule covers phi; the organisation sends phi to this vendor" in out
    assert "Waiver: none names this rule and vendor." in out
    assert "Verdict: FAIL (critical, blocking)" in out
    assert "45 CFR 164.504(e)(2)(i)" in out
    assert "Demand: The BAA or an addendum must state" in flat


def test_august_2023_zoom_passes_the_same_rule() -> None:
    proc = run_cli("explain", "zoom-2023-08", AI_RULE)
    assert proc.returncode == 0, proc.stderr
    assert "PASS  all of: passes because every item passes (4 pass, 0 fail" in proc.stdout
    assert "Verdict: PASS" in proc.stdout


def test_vendor_given_as_a_profile_path() -> None:
    proc = run_cli("explain", "vendors/zoom-2023-03.yaml", AI_RULE)
    assert proc.returncode == 1, proc.stderr
    assert "Vendor  Zoom (terms effective 2023-03-31) (zoom-2023-03)" in proc.stdout


def test_waiver_that_applies_is_shown_with_approver_and_expiry() -> None:
    proc = run_cli(
        "explain",
        "quiet-vendor",
        "golden-breach-notice",
        "--org",
        "org.yaml",
        "--as-of",
        "2026-01-15",
        cwd=GOLDEN,
    )
    assert proc.returncode == 0, proc.stderr  # waived findings do not block
    out = proc.stdout
    assert "UNDETERMINED  expects `breach_notification_hours` to be at most 72" in out
    assert "Waiver: applies - approved by Dana Privacy Officer (GRC-101), until 2026-02-01" in out
    assert "Verdict: WAIVED" in out


def test_expired_waiver_no_longer_applies() -> None:
    proc = run_cli(
        "explain",
        "quiet-vendor",
        "golden-breach-notice",
        "--org",
        "org.yaml",
        "--as-of",
        "2026-03-01",
        cwd=GOLDEN,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Waiver: none applies - the waiver (GRC-101) expired on 2026-02-01" in proc.stdout
    assert "Verdict: UNDETERMINED (high, blocking)" in proc.stdout


def test_rule_that_does_not_apply_says_which_dimension() -> None:
    proc = run_cli("explain", "zoom-march", "golden-legal-only", "--org", "org.yaml", cwd=GOLDEN)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Why the rule does not apply:" in out
    assert (
        "sectors: the rule covers legal; the organisation is in healthcare -> does not apply" in out
    )
    assert "Verdict: NOT_APPLICABLE" in out


def _write_case(tmp_path: Path) -> None:
    (tmp_path / "org.yaml").write_text(
        dedent(
            """\
            apiVersion: vendorgate/v1
            kind: OrgProfile
            name: Test Org
            sectors: [legal]
            jurisdictions: [us-ny]
            rules_paths: [rules.yaml]
            vendors_paths: [acme.yaml]
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "rules.yaml").write_text(
        dedent(
            """\
            apiVersion: vendorgate/v1
            kind: RulePack
            id: t
            title: Test pack
            rules:
              - id: no-training-unless-dpa
                title: No training on client files, unless a DPA covers it
                severity: high
                applies_to:
                  sectors: [legal]
                  jurisdictions: [us]
                condition:
                  any:
                    - not:
                        fact: ai_training_customer_content
                        in: [always, opt_out]
                    - fact: dpa_available
                      equals: available
                citations:
                  - authority: aba-rule-1-6-c
                    citation: "ABA Model Rule of Professional Conduct 1.6(c)"
                    url: "https://www.americanbar.org/groups/professional_responsibility/publications/model_rules_of_professional_conduct/rule_1_6_confidentiality_of_information/"
                remediation: Forbid training on client files.
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "acme.yaml").write_text(
        dedent(
            """\
            apiVersion: vendorgate/v1
            kind: VendorProfile
            id: acme
            name: Acme Docs
            category: storage
            documents: []
            facts:
              ai_training_customer_content:
                value: opt_out
              dpa_available:
                value: undisclosed
            plans:
              - id: enterprise
                name: Enterprise
                facts:
                  dpa_available:
                    value: available
            """
        ),
        encoding="utf-8",
    )


def test_any_and_not_combinations_are_explained(tmp_path: Path) -> None:
    _write_case(tmp_path)
    proc = run_cli("explain", "acme", "no-training-unless-dpa", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr + proc.stdout
    out = proc.stdout
    assert "jurisdictions: the rule covers us; the organisation operates in us-ny -> applies" in out
    assert (
        "UNDETERMINED  any of: undetermined: no item passes, but not every item fails "
        "(0 pass, 1 fail, 1 undetermined)" in out
    )
    assert "FAIL  not: swaps pass and fail; its item is pass, so this is fail" in out
    assert "PASS  expects `ai_training_customer_content` to be one of always, opt_out" in out
    # Stated without quotes: the explanation says the evidence is unverified.
    assert "value: opt_out  (acme.yaml:" in out and "evidence unverified" in out


def test_plan_option_uses_the_plans_facts(tmp_path: Path) -> None:
    _write_case(tmp_path)
    proc = run_cli(
        "explain", "acme", "no-training-unless-dpa", "--plan", "enterprise", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert "Vendor  Acme Docs (acme, enterprise plan)" in proc.stdout
    assert "value: available, from the enterprise plan" in proc.stdout
    assert "PASS  any of: passes because at least one item passes" in proc.stdout


def test_unknown_names_are_usage_errors_with_suggestions(tmp_path: Path) -> None:
    _write_case(tmp_path)
    vendor = run_cli("explain", "acmee", "no-training-unless-dpa", cwd=tmp_path)
    assert vendor.returncode == 2
    assert "no vendor `acmee`" in vendor.stderr and "did you mean `acme`" in vendor.stderr
    rule = run_cli("explain", "acme", "no-training-unles-dpa", cwd=tmp_path)
    assert rule.returncode == 2
    assert "did you mean `no-training-unless-dpa`" in rule.stderr
    plan = run_cli("explain", "acme", "no-training-unless-dpa", "--plan", "gold", cwd=tmp_path)
    assert plan.returncode == 2
    assert "no plan `gold` (plans: enterprise)" in plan.stderr
    for proc in (vendor, rule, plan):
        assert "Traceback" not in proc.stderr and proc.stdout == ""
