"""The native engine: three-valued logic, operators, applicability, evidence policy, waivers,
decisions. Profiles and rules are built from YAML text the tests write."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from textwrap import dedent, indent

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vendorgate.core.model import (
    DecisionKind,
    LeafTrace,
    OrgProfile,
    Outcome,
    Rule,
    Severity,
    Verdict,
    Waiver,
)
from vendorgate.engine import conditions as engine
from vendorgate.engine import logic
from vendorgate.engine.decide import decide, mark_blocking
from vendorgate.engine.vendor import evaluate_vendor
from vendorgate.evidence.snapshots import SnapshotStore
from vendorgate.load.catalogue import LoadedVendor
from vendorgate.load.profiles import build_vendor
from vendorgate.load.rules import build_pack
from vendorgate.load.validate import validate
from vendorgate.load.yaml import load_bytes

TODAY = date(2026, 6, 1)


def vendor(facts: str, usage: str = "usage:\n  status: active\n  data_classes: [phi]\n") -> str:
    return (
        dedent(
            """\
        apiVersion: vendorgate/v1
        kind: VendorProfile
        id: acme
        name: Acme
        category: collaboration
        documents: []
        facts:
        """
        )
        + indent(dedent(facts), "  ")
        + usage
    )


def rule(condition: str, applies: str = "", severity: str = "high") -> str:
    body = dedent(
        f"""\
        apiVersion: vendorgate/v1
        kind: RulePack
        id: t
        title: Test pack
        rules:
          - id: r
            title: Test rule
            severity: {severity}
        """
    )
    if applies:
        body += "    applies_to:\n" + "".join(f"      {line}\n" for line in applies.splitlines())
    body += "    condition:\n" + "".join(f"      {line}\n" for line in condition.splitlines())
    body += (
        "    citations:\n"
        '      - citation: "GDPR Art. 5(1)(b)"\n'
        '        url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"\n'
        "    remediation: Demand it.\n"
    )
    return body


def build_rule(text: str) -> Rule:
    doc = load_bytes(text.encode(), "pack.yaml")
    validate(doc, "rules")
    return build_pack(doc, Path("pack.yaml")).rules[0]


def evaluate(
    facts: str,
    condition: str,
    org: OrgProfile | None = None,
    applies: str = "",
    usage: str | None = None,
    tmp: Path | None = None,
) -> Verdict:
    return finding(facts, condition, org, applies, usage, tmp).verdict


def finding(
    facts: str,
    condition: str,
    org: OrgProfile | None = None,
    applies: str = "",
    usage: str | None = None,
    tmp: Path | None = None,
    severity: str = "high",
):  # type: ignore[no-untyped-def]
    text = vendor(facts) if usage is None else vendor(facts, usage)
    doc = load_bytes(text.encode(), "acme.yaml")
    validate(doc, "vendor")
    profile = build_vendor(doc)
    root = tmp or Path.cwd()
    loaded = LoadedVendor(profile, root / "acme.yaml", root)
    result = evaluate_vendor(
        loaded,
        [build_rule(rule(condition, applies, severity))],
        org or OrgProfile(name="Org", path="", sectors=("healthcare",), jurisdictions=("us-ca",)),
        TODAY,
        None,
        SnapshotStore(root),
    )
    return result.findings[0]


AI = "  ai_training_customer_content:\n    value: {}\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("never", Verdict.PASS),
        ("opt_in", Verdict.PASS),
        ("always", Verdict.FAIL),
        ("undisclosed", Verdict.UNDETERMINED),
    ],
)
def test_in_operator_three_valued(value: str, expected: Verdict) -> None:
    cond = "fact: ai_training_customer_content\nin: [never, opt_in]"
    assert evaluate(AI.format(value), cond) is expected


def test_missing_fact_is_undetermined_and_points_at_the_vendor_header() -> None:
    f = finding(
        "  dpa_available:\n    value: available\n",
        "fact: ai_training_customer_content\nequals: never",
    )
    assert f.verdict is Verdict.UNDETERMINED
    assert (f.location.line, f.location.column) == (2, 1)


def test_disclosure_tests_are_never_undetermined() -> None:
    assert (
        evaluate(AI.format("undisclosed"), "fact: ai_training_customer_content\nis: undisclosed")
        is Verdict.PASS
    )
    assert (
        evaluate(AI.format("undisclosed"), "fact: ai_training_customer_content\nis: disclosed")
        is Verdict.FAIL
    )
    assert (
        evaluate(
            "  dpa_available:\n    value: available\n",
            "fact: ai_training_customer_content\nis: disclosed",
        )
        is Verdict.FAIL
    )


def test_all_any_not_follow_the_truth_tables() -> None:
    facts = AI.format("always") + "  dpa_available:\n    value: undisclosed\n"
    fail_leaf = "- fact: ai_training_customer_content\n  equals: never"
    unknown_leaf = "- fact: dpa_available\n  equals: available"
    pass_leaf = "- fact: ai_training_customer_content\n  equals: always"

    def combine(op: str, *leaves: str) -> Verdict:
        body = "\n".join("  " + line for leaf in leaves for line in leaf.splitlines())
        return evaluate(facts, f"{op}:\n{body}")

    assert combine("all", fail_leaf, unknown_leaf) is Verdict.FAIL
    assert combine("all", pass_leaf, unknown_leaf) is Verdict.UNDETERMINED
    assert combine("all", pass_leaf, pass_leaf) is Verdict.PASS
    assert combine("any", fail_leaf, unknown_leaf) is Verdict.UNDETERMINED
    assert combine("any", pass_leaf, unknown_leaf) is Verdict.PASS
    assert combine("any", fail_leaf, fail_leaf) is Verdict.FAIL
    assert (
        evaluate(facts, "not:\n  fact: ai_training_customer_content\n  equals: never")
        is Verdict.PASS
    )
    assert (
        evaluate(facts, "not:\n  fact: dpa_available\n  equals: available") is Verdict.UNDETERMINED
    )


OUTCOMES = st.sampled_from(list(Outcome))


@given(st.lists(OUTCOMES, min_size=1, max_size=6))
def test_all_and_any_are_kleene_conjunction_and_disjunction(outcomes: list[Outcome]) -> None:
    rank = {Outcome.FAIL: 0, Outcome.UNDETERMINED: 1, Outcome.PASS: 2}
    assert logic.all_of(outcomes) == min(outcomes, key=rank.__getitem__)
    assert logic.any_of(outcomes) == max(outcomes, key=rank.__getitem__)


def test_numeric_list_and_subprocessor_operators() -> None:
    facts = dedent(
        """\
          breach_notification_hours:
            value: 48
          data_residency_regions:
            value: [eu, us]
          subprocessors:
            value:
              - name: Model Co
                category: ai_model_provider
                region: us
        """
    )
    assert evaluate(facts, "fact: breach_notification_hours\nat_most: 72") is Verdict.PASS
    assert evaluate(facts, "fact: breach_notification_hours\nat_least: 72") is Verdict.FAIL
    assert evaluate(facts, "fact: data_residency_regions\nsubset_of: [eu, eea]") is Verdict.FAIL
    assert evaluate(facts, "fact: data_residency_regions\ncontains: eu") is Verdict.PASS
    assert (
        evaluate(facts, "fact: subprocessors.category\nnot_contains: ai_model_provider")
        is Verdict.FAIL
    )
    assert evaluate(facts, "fact: subprocessors.region\nsubset_of: [us]") is Verdict.PASS


def test_operator_that_does_not_fit_the_fact_is_an_input_error() -> None:
    from vendorgate.core.errors import InputError

    with pytest.raises(InputError) as caught:
        build_rule(rule("fact: ai_training_customer_content\nat_least: 3"))
    assert "`at_least` does not apply to `ai_training_customer_content`" in caught.value.format()
    with pytest.raises(InputError) as caught:
        build_rule(rule("fact: ai_training_customer_content\nequals: nevr"))
    assert "(did you mean `never`?)" in caught.value.format()


def test_applicability_by_data_class_sector_and_jurisdiction() -> None:
    cond = "fact: ai_training_customer_content\nequals: never"
    facts = AI.format("always")
    assert evaluate(facts, cond, applies="data_classes: [privileged]") is Verdict.NOT_APPLICABLE
    assert evaluate(facts, cond, applies="data_classes: [phi]") is Verdict.FAIL
    assert evaluate(facts, cond, applies="sectors: [legal]") is Verdict.NOT_APPLICABLE
    assert evaluate(facts, cond, applies="jurisdictions: [us]") is Verdict.FAIL
    assert evaluate(facts, cond, applies="jurisdictions: [eu]") is Verdict.NOT_APPLICABLE


def test_unknown_data_classes_apply_the_rule_to_be_safe() -> None:
    f = finding(
        AI.format("always"),
        "fact: ai_training_customer_content\nequals: never",
        applies="data_classes: [phi]",
        usage="",
    )
    assert f.verdict is Verdict.FAIL
    assert any("applied to be safe" in r for r in f.reasons)


def test_org_usage_override_changes_applicability() -> None:
    from vendorgate.core.model import UsageOverride

    org = OrgProfile(
        name="Law",
        path="",
        sectors=("legal",),
        usage={"acme": UsageOverride(data_classes=("privileged",))},
    )
    cond = "fact: ai_training_customer_content\nequals: never"
    assert (
        evaluate(AI.format("always"), cond, org, applies="data_classes: [phi]")
        is Verdict.NOT_APPLICABLE
    )
    assert (
        evaluate(AI.format("always"), cond, org, applies="data_classes: [privileged]")
        is Verdict.FAIL
    )


def test_required_verified_evidence_blocks_a_pass_on_unverified_facts() -> None:
    org = OrgProfile(name="Org", path="", evidence_require="verified")
    f = finding(AI.format("never"), "fact: ai_training_customer_content\nequals: never", org)
    assert f.verdict is Verdict.UNDETERMINED
    assert "requires verified evidence" in f.reasons[0]
    strict = OrgProfile(
        name="Org", path="", evidence_require="verified", evidence_on_failure="fail"
    )
    assert (
        evaluate(AI.format("never"), "fact: ai_training_customer_content\nequals: never", strict)
        is Verdict.FAIL
    )


def test_verified_quote_lets_the_rule_pass(tmp_path: Path) -> None:
    import hashlib

    document = tmp_path / "terms.md"
    document.write_text("**4.1 Training**. We do *not* use “Customer Data” to train models.\n")
    digest = hashlib.sha256(document.read_bytes()).hexdigest()
    facts = AI.format("never") + (
        "    evidence:\n"
        "      - doc: terms\n"
        '        section: "4.1"\n'
        '        quote: We do not use "Customer Data" to train models.\n'
    )
    text = vendor(facts).replace(
        "documents: []",
        "documents:\n  - id: terms\n    title: Terms\n    type: terms_of_service\n"
        f"    url: https://example.org/terms\n    sha256: {digest}\n    snapshot: terms.md",
    )
    doc = load_bytes(text.encode(), "acme.yaml")
    validate(doc, "vendor")
    loaded = LoadedVendor(build_vendor(doc), tmp_path / "acme.yaml", tmp_path)
    org = OrgProfile(name="Org", path="", evidence_require="verified")
    rules = [build_rule(rule("fact: ai_training_customer_content\nequals: never"))]
    result = evaluate_vendor(loaded, rules, org, TODAY, None, SnapshotStore(tmp_path))
    assert result.findings[0].verdict is Verdict.PASS
    assert result.findings[0].facts[0].evidence[0].status.value == "verified"
    document.write_text("**4.1 Training**. We use Customer Data to train models.\n")
    stale = evaluate_vendor(loaded, rules, org, TODAY, None, SnapshotStore(tmp_path))
    assert stale.findings[0].facts[0].evidence[0].status.value == "stale"
    assert stale.findings[0].verdict is Verdict.UNDETERMINED


def _waiver(expires: date) -> Waiver:
    from vendorgate.core.model import Location

    return Waiver("r", "acme", "Accepted", "CISO", "T-1", expires, Location("org.yaml", 3, 5))


def test_active_waiver_waives_and_expired_one_does_not() -> None:
    cond = "fact: ai_training_customer_content\nequals: never"
    org = OrgProfile(name="Org", path="", waivers=(_waiver(date(2026, 12, 31)),))
    f = finding(AI.format("always"), cond, org)
    assert f.verdict is Verdict.WAIVED
    assert f.waiver is not None and f.waiver.approver == "CISO"
    soon = OrgProfile(name="Org", path="", waivers=(_waiver(date(2026, 6, 20)),))
    assert "within 30 days" in finding(AI.format("always"), cond, soon).reasons[0]
    expired = OrgProfile(name="Org", path="", waivers=(_waiver(date(2026, 5, 31)),))
    f = finding(AI.format("always"), cond, expired)
    assert f.verdict is Verdict.FAIL
    assert "expired on 2026-05-31" in f.reasons[0]


def test_decisions_are_fail_closed() -> None:
    org = OrgProfile(name="Org", path="", blocking_severity=Severity.HIGH)
    cond = "fact: ai_training_customer_content\nequals: never"
    failing = finding(AI.format("always"), cond, org)
    unknown = finding(AI.format("undisclosed"), cond, org)
    low = finding(AI.format("always"), cond, org, severity="low")
    passing = finding(AI.format("never"), cond, org)

    def kind(*fs):  # type: ignore[no-untyped-def]
        return decide("acme", None, mark_blocking(tuple(fs), org), org).kind

    assert kind(failing, passing) is DecisionKind.REJECTED
    assert kind(unknown, passing) is DecisionKind.NEEDS_REVIEW
    assert kind(low, passing) is DecisionKind.APPROVED_WITH_CONDITIONS
    assert kind(passing) is DecisionKind.APPROVED
    ignore = OrgProfile(name="Org", path="", undetermined="ignore")
    assert (
        decide("acme", None, mark_blocking((unknown,), ignore), ignore).kind
        is DecisionKind.APPROVED_WITH_CONDITIONS  # ignore never approves on an unknown
    )


def test_an_exception_during_evaluation_becomes_an_error_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(*_args: object) -> LeafTrace:
        raise RuntimeError("boom")

    monkeypatch.setattr(engine._Evaluation, "leaf", explode)
    f = finding(AI.format("never"), "fact: ai_training_customer_content\nequals: never")
    assert f.verdict is Verdict.ERROR
    assert f.blocking
