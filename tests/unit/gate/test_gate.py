"""`vendorgate gate`: the decision, the blocking findings with both citations, the questions to
ask the vendor and the contract conditions, per plan; on the shipped March 2023 Zoom profile for
the example hospital, and on a vendor with plans the test builds itself."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.support import gate_world
from tests.support.cli import REPO, run_cli
from vendorgate.core.errors import InputError
from vendorgate.core.model import (
    Citation,
    Finding,
    Leaf,
    LeafTrace,
    Location,
    NodeTrace,
    Outcome,
    Severity,
    Verdict,
)
from vendorgate.core.vocabulary import FACTS_BY_NAME
from vendorgate.gate import decisions as gate
from vendorgate.report import render_view


def render(result: gate.GateResult, fmt: str) -> str:
    return render_view("gate", fmt, result)


MARCH = "vendors/zoom-2023-03.yaml"
AI_RULE = "hipaa-no-ai-training-on-phi"
AI_CITATION = "45 CFR 164.504(e)(2)(i)"
THIRD_PARTY_QUESTION = FACTS_BY_NAME["ai_training_third_party"].question
# A quote from section 10.4 of the March 2023 terms, as the shipped profile cites it.
MARCH_10_4 = "royalty-free, sublicensable, and transferable license"


@pytest.fixture(scope="module")
def march() -> gate.GateResult:
    """The March 2023 Zoom profile, as a candidate for the hospital sending PHI, in June 2023."""
    return gate.evaluate(
        gate.GateRequest(
            vendor=REPO / MARCH,
            org=REPO / "vendorgate.yaml",
            data_classes=("phi",),
            as_of=date(2023, 6, 1),
        )
    )


def test_march_2023_zoom_is_rejected_for_the_hospital_sending_phi(march: gate.GateResult) -> None:
    outcome = march.outcomes[0]
    assert march.vendor.profile.id == "zoom-2023-03"
    assert outcome.decision.value == "rejected"
    assert not march.passes
    ai = next(f for f in outcome.blocking if f.rule == AI_RULE)
    assert ai.verdict is Verdict.FAIL
    # Both citations: the authority behind the rule, and the vendor's own clause.
    assert AI_CITATION in [c.citation for c in ai.citations]
    content = next(r for r in ai.facts if r.fact == "ai_training_customer_content")
    assert content.value == "always"
    quoted = [e for e in content.evidence if MARCH_10_4 in " ".join(e.quote.split())]
    assert quoted, "the section 10.4 licence grant is cited"
    assert quoted[0].section == "10.4"
    assert quoted[0].url == "https://explore.zoom.us/en/terms/"
    assert quoted[0].status.value == "verified"


def test_march_2023_zoom_lists_questions_and_conditions(march: gate.GateResult) -> None:
    outcome = march.outcomes[0]
    by_fact = {q.fact: q for q in outcome.questions}
    # The March terms say nothing about third-party model providers; the AI rule needs it.
    third = by_fact["ai_training_third_party"]
    assert third.line().startswith(THIRD_PARTY_QUESTION + " - needed by ")
    assert f"{AI_RULE}, {AI_CITATION}" in third.line()
    remediation = " ".join(gate_world.shipped_rule(AI_RULE)["remediation"].split())
    ai_conditions = [c for c in outcome.conditions if AI_RULE in c.rules]
    assert [c.text for c in ai_conditions] == [remediation]
    # Every condition is the remediation of a rule whose finding did not pass.
    not_passing = {
        f.rule
        for f in outcome.result.findings
        if f.verdict in (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.WAIVED)
    }
    assert {r for c in outcome.conditions for r in c.rules} <= not_passing
    severities = [c.severity.rank for c in outcome.conditions]
    assert severities == sorted(severities, reverse=True)


def test_cli_prints_decision_citations_questions_and_conditions_in_every_format() -> None:
    args = ("gate", MARCH, "--as-of", "2023-06-01", "--data-classes", "phi")
    text = run_cli(*args)
    assert text.returncode == 1, text.stderr
    assert "Decision: REJECTED" in text.stdout
    assert AI_CITATION in text.stdout
    assert "https://www.ecfr.gov/current/title-45/" in text.stdout
    assert MARCH_10_4 in text.stdout and "section 10.4" in text.stdout
    assert "Questions to ask the vendor" in text.stdout
    assert f"{THIRD_PARTY_QUESTION} - needed by {AI_RULE}, {AI_CITATION}" in text.stdout
    assert "Contract conditions to demand" in text.stdout

    md = run_cli(*args, "--format", "markdown")
    assert md.returncode == 1
    assert "## Plan (base): REJECTED" in md.stdout
    assert f"[{AI_CITATION}](https://www.ecfr.gov/" in md.stdout
    assert "### Questions to ask the vendor" in md.stdout

    data = json.loads(run_cli(*args, "--format", "json").stdout)
    assert data["decision"] == "rejected" and data["passes"] is False
    plan = data["plans"][0]
    ai = next(f for f in plan["blocking"] if f["rule"] == AI_RULE)
    assert ai["citations"][0]["citation"] == AI_CITATION
    sections = {e["section"] for r in ai["facts"] for e in r["evidence"]}
    assert "10.4" in sections
    assert any(q["fact"] == "ai_training_third_party" for q in plan["questions"])
    assert any(AI_RULE in c["rules"] for c in plan["conditions"])


def test_json_output_is_byte_identical_across_runs() -> None:
    args = ("gate", MARCH, "--as-of", "2023-06-01", "--format", "json")
    first, second = run_cli(*args), run_cli(*args)
    assert first.stdout == second.stdout and first.stdout.startswith("{")


def test_a_plan_with_a_baa_comes_out_better_and_is_named_as_the_first_that_passes(
    tmp_path: Path,
) -> None:
    vendor = gate_world.build(tmp_path, third_party_known=True)
    proc = run_cli("gate", str(vendor), "--plan", "all", "--as-of", "2024-02-01", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "First plan that passes: enterprise (approved)" in proc.stdout
    rows = {
        line.split()[0]: line.split()[1]
        for line in proc.stdout.splitlines()
        if line.startswith("  ") and len(line.split()) == 5
    }
    assert rows == {
        "plan": "decision",
        "(base)": "rejected",
        "free": "rejected",
        "enterprise": "approved",
    }

    result = gate.evaluate(
        gate.GateRequest(
            vendor=vendor, plan="all", org=tmp_path / "vendorgate.yaml", as_of=date(2024, 2, 1)
        )
    )
    base, free, enterprise = result.outcomes
    assert [o.label for o in result.outcomes] == ["(base)", "free", "enterprise"]
    assert (base.decision.value, free.decision.value) == ("rejected", "rejected")
    baa = next(f for f in base.blocking if f.rule == "hipaa-baa-available")
    assert baa.facts[0].evidence[0].quote == gate_world.BAA_FREE
    assert "hipaa-baa-available" in [r for c in base.conditions for r in c.rules]
    assert enterprise.blocking == () and enterprise.conditions == ()
    assert result.first_passing is enterprise


def test_a_single_plan_decides_the_exit_code(tmp_path: Path) -> None:
    vendor = gate_world.build(tmp_path, third_party_known=True)
    good = run_cli(
        "gate", str(vendor), "--plan", "enterprise", "--as-of", "2024-02-01", cwd=tmp_path
    )
    bad = run_cli("gate", str(vendor), "--plan", "free", "--as-of", "2024-02-01", cwd=tmp_path)
    assert (good.returncode, bad.returncode) == (0, 1)
    assert "Decision: APPROVED (plan: enterprise)" in good.stdout
    assert "Decision: REJECTED (plan: free)" in bad.stdout


def test_undetermined_facts_become_questions_on_every_plan(tmp_path: Path) -> None:
    vendor = gate_world.build(tmp_path, third_party_known=False)
    result = gate.evaluate(
        gate.GateRequest(
            vendor=vendor, plan="all", org=tmp_path / "vendorgate.yaml", as_of=date(2024, 2, 1)
        )
    )
    for outcome in result.outcomes:
        assert [q.fact for q in outcome.questions] == ["ai_training_third_party"]
    assert result.outcomes[2].decision.value == "needs_review"
    assert result.first_passing is None and not result.passes


def test_data_classes_override_what_the_profiles_say(tmp_path: Path) -> None:
    vendor = gate_world.build(tmp_path, third_party_known=False)
    proc = run_cli(
        "gate", str(vendor), "--data-classes", "internal", "--as-of", "2024-02-01", cwd=tmp_path
    )
    # Both rules apply only to vendors receiving PHI.
    assert proc.returncode == 0, proc.stdout
    assert "Decision: APPROVED" in proc.stdout
    assert "internal (from --data-classes)" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--data-classes", "phii"), "unknown data class `phii` (did you mean `phi`?)"),
        (("--plan", "enterprize"), "has no plan `enterprize` (did you mean `enterprise`?)"),
        (("--as-of", "2024-02-30"), "is not a date"),
    ],
)
def test_bad_invocations_exit_2_with_a_message(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    vendor = gate_world.build(tmp_path)
    proc = run_cli("gate", str(vendor), *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_vendor_file_exits_2(tmp_path: Path) -> None:
    gate_world.build(tmp_path)
    proc = run_cli("gate", "vendors/nope.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "vendors/nope.yaml: vendor profile not found" in proc.stderr


def _finding(
    rule: str, severity: Severity, trace: NodeTrace | LeafTrace, verdict: Verdict
) -> Finding:
    return Finding(
        vendor="v",
        vendor_name="V",
        plan=None,
        rule=rule,
        rule_title=rule,
        pack="p",
        severity=severity,
        verdict=verdict,
        message="",
        remediation=f"fix {rule}",
        citations=(Citation(f"Cite {rule}", "https://example.org"),),
        facts=(),
        location=Location("v.yaml", 1, 1),
        trace=trace,
    )


def _leaf(fact: str, outcome: Outcome) -> LeafTrace:
    return LeafTrace(Leaf(fact, "equals", "never", Location("r.yaml")), outcome, None)


def test_one_question_per_fact_listing_every_rule_most_severe_first() -> None:
    undetermined = NodeTrace(
        "all", Outcome.UNDETERMINED, (_leaf("sale_of_data", Outcome.UNDETERMINED),)
    )
    findings = [
        _finding("low-rule", Severity.LOW, undetermined, Verdict.UNDETERMINED),
        _finding("high-rule", Severity.HIGH, undetermined, Verdict.UNDETERMINED),
        _finding(
            "critical-rule",
            Severity.CRITICAL,
            _leaf("baa_available", Outcome.UNDETERMINED),
            Verdict.WAIVED,
        ),
    ]
    asked = gate.questions(findings)
    assert [q.fact for q in asked] == ["baa_available", "sale_of_data"]
    sale = asked[1]
    assert [n.rule for n in sale.needs] == ["high-rule", "low-rule"]
    assert sale.line().endswith("needed by high-rule, Cite high-rule; low-rule, Cite low-rule")


def test_an_unknown_that_cannot_change_the_outcome_is_not_asked() -> None:
    # any(pass, undetermined) passes whatever the unknown is: nothing to ask.
    passing_any = NodeTrace(
        "any",
        Outcome.PASS,
        (_leaf("baa_available", Outcome.PASS), _leaf("sale_of_data", Outcome.UNDETERMINED)),
    )
    # all(fail, undetermined) fails, but the unknown is still needed once the failure is fixed.
    failing_all = NodeTrace(
        "all",
        Outcome.FAIL,
        (
            _leaf("advertising_use", Outcome.FAIL),
            passing_any,
            _leaf("scc_available", Outcome.UNDETERMINED),
        ),
    )
    assert [t.leaf.fact for t in gate.needed_leaves(failing_all)] == ["scc_available"]
    assert gate.questions([_finding("r", Severity.HIGH, failing_all, Verdict.FAIL)])[0].fact == (
        "scc_available"
    )
    assert gate.questions([_finding("r", Severity.HIGH, passing_any, Verdict.PASS)]) == ()


def test_renderers_agree_on_the_plans(tmp_path: Path) -> None:
    vendor = gate_world.build(tmp_path, third_party_known=True)
    result = gate.evaluate(
        gate.GateRequest(
            vendor=vendor, plan="all", org=tmp_path / "vendorgate.yaml", as_of=date(2024, 2, 1)
        )
    )
    md = render(result, "markdown")
    assert "| enterprise | approved | 0 | 0 | 0 |" in md
    assert "**First plan that passes: enterprise** (approved)" in md
    data = json.loads(render(result, "json"))
    assert data["firstPassingPlan"] == "enterprise"
    assert [p["decision"] for p in data["plans"]] == ["rejected", "rejected", "approved"]


def test_markdown_from_hostile_profile_text_links_only_the_real_urls(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    vendor = gate_world.build(tmp_path, third_party_known=False)
    text = vendor.read_text(encoding="utf-8")
    vendor.write_text(
        text.replace("name: Acme Meetings", 'name: "Acme [click](javascript:alert(1)) <b>x</b>"')
        .replace("title: Acme Meetings Terms of Service", 'title: "Terms](javascript:alert(2))"')
        .replace(
            "url: https://acme.example/terms", 'url: "https://acme.example/terms)(javascript:x"'
        ),
        encoding="utf-8",
    )
    result = gate.evaluate(
        gate.GateRequest(vendor=vendor, org=tmp_path / "vendorgate.yaml", as_of=date(2024, 2, 1))
    )
    md = render(result, "markdown")
    tokens = MarkdownIt().parse(md)
    hrefs = [
        child.attrs.get("href")
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "link_open"
    ]
    assert hrefs, "the authority and the vendor's document are linked"
    assert all(
        str(h).startswith(
            ("https://www.ecfr.gov/", "https://www.hhs.gov/", "https://acme.example/")
        )
        for h in hrefs
    ), hrefs
    assert "https://acme.example/terms%29%28javascript:x" in hrefs
    html = MarkdownIt().render(md)
    assert "<b>" not in html and "javascript:alert" not in "".join(map(str, hrefs))


def test_text_output_never_passes_terminal_control_characters(tmp_path: Path) -> None:
    # An escaped ESC is refused when the profile is loaded; a carriage return, which an
    # escape may still write, is neutralised in the output.
    vendor = gate_world.build(tmp_path, third_party_known=False)
    original = vendor.read_text(encoding="utf-8")
    vendor.write_text(
        original.replace("name: Acme Meetings", 'name: "Acme\\e[31m Meetings"'), encoding="utf-8"
    )
    request = gate.GateRequest(
        vendor=vendor, org=tmp_path / "vendorgate.yaml", as_of=date(2024, 2, 1)
    )
    with pytest.raises(InputError, match="U\\+001B"):
        gate.evaluate(request)
    vendor.write_text(
        original.replace("name: Acme Meetings", 'name: "Acme Meetings\\rX"'), encoding="utf-8"
    )
    text = render(gate.evaluate(request), "text")
    assert "\x1b" not in text and "\r" not in text
    assert "Acme Meetings\\x0dX" in text
