"""--fail-on and --fail-on-undetermined as one blocking policy read at decision time, and
applicability judged once, per dimension, for both the verdict and ``explain``."""

from __future__ import annotations

from vendorgate.core.model import DecisionKind, OrgProfile, Severity, VendorProfile, Verdict
from vendorgate.engine import conditions as engine
from vendorgate.engine.decide import BlockingPolicy, decide, is_blocking, mark_blocking
from vendorgate.load.profiles import build_vendor
from vendorgate.load.validate import validate
from vendorgate.load.yaml import load_bytes

from .test_engine import AI, build_rule, finding, rule, vendor

COND = "fact: ai_training_customer_content\nequals: never"


def test_fail_on_undetermined_blocks_without_rewriting_the_organisation() -> None:
    org = OrgProfile(name="Org", path="", undetermined="ignore")
    unknown = finding(AI.format("undisclosed"), COND, org)
    assert unknown.verdict is Verdict.UNDETERMINED
    strict = BlockingPolicy(fail_on_undetermined=True)
    assert not is_blocking(unknown, org)
    assert is_blocking(unknown, org, policy=strict)
    marked = mark_blocking((unknown,), org, policy=strict)
    assert decide("acme", None, marked, org, policy=strict).kind is DecisionKind.NEEDS_REVIEW
    # The organisation's own setting is untouched: without the policy nothing blocks, and
    # (``ignore`` never approving on an unknown) the unknown is a condition.
    assert org.undetermined == "ignore"
    plain = mark_blocking((unknown,), org)
    assert decide("acme", None, plain, org).kind is DecisionKind.APPROVED_WITH_CONDITIONS


def test_the_threshold_still_bounds_fail_on_undetermined() -> None:
    org = OrgProfile(name="Org", path="", undetermined="review")
    low = finding(AI.format("undisclosed"), COND, org, severity="low")
    assert not is_blocking(low, org, policy=BlockingPolicy(Severity.HIGH, True))
    assert is_blocking(low, org, policy=BlockingPolicy(Severity.LOW, True))
    # A bare threshold means the same as a policy holding only that threshold.
    failing = finding(AI.format("always"), COND, org, severity="low")
    assert is_blocking(failing, org, Severity.LOW) is is_blocking(
        failing, org, policy=BlockingPolicy(Severity.LOW)
    )


def test_scope_checks_give_the_reason_applicability_reports() -> None:
    org = OrgProfile(name="Org", path="", sectors=("legal",), jurisdictions=("eu-de",))
    scoped = build_rule(rule(COND, applies="sectors: [healthcare]\njurisdictions: [us]"))
    f = finding(AI.format("never"), COND, org, applies="sectors: [healthcare]\njurisdictions: [us]")
    assert f.verdict is Verdict.NOT_APPLICABLE
    checks = {c.dimension: c for c in engine.scope_checks(scoped, org, _acme(), ("phi",))}
    assert not checks["sectors"].applies and not checks["jurisdictions"].applies
    assert checks["vendor categories"].applies and checks["data classes"].applies
    # The finding states the first dimension that excludes the rule, as scope_checks words it.
    assert f.message == f"Not applicable: {checks['sectors'].reason}."


def test_unknown_data_classes_keep_the_rule_applicable() -> None:
    org = OrgProfile(name="Org", path="")
    scoped = build_rule(rule(COND, applies="data_classes: [phi]"))
    (*_, classes) = engine.scope_checks(scoped, org, _acme(), None)
    assert classes.applies and classes.have is None
    (*_, sent) = engine.scope_checks(scoped, org, _acme(), ("confidential",))
    assert not sent.applies
    assert sent.reason == "applies to vendors receiving phi; this one receives confidential"


def _acme() -> VendorProfile:
    doc = load_bytes(vendor(AI.format("never")).encode(), "acme.yaml")
    validate(doc, "vendor")
    return build_vendor(doc)
