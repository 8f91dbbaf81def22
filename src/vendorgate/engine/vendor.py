"""One vendor and plan against every rule: findings, blocking and decision (fail-closed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from vendorgate.core.model import (
    Finding,
    OrgProfile,
    Rule,
    Severity,
    VendorProfile,
    VendorResult,
    Verdict,
)
from vendorgate.engine import conditions as engine
from vendorgate.engine import evidence_age
from vendorgate.engine import waiver_warnings as waivers
from vendorgate.engine.decide import BlockingPolicy, decide, mark_blocking
from vendorgate.evidence import snapshots as evidence
from vendorgate.evidence.resolver import Resolver
from vendorgate.load.catalogue import LoadedVendor


def evaluate_vendor(
    loaded: LoadedVendor,
    rules: Sequence[Rule],
    org: OrgProfile,
    today: date,
    plan: str | None,
    store: evidence.SnapshotStore,
    data_classes: tuple[str, ...] | None = None,
    threshold: Severity | None = None,
    *,
    policy: BlockingPolicy | None = None,
) -> VendorResult:
    """Findings and decision for one vendor and plan. An unexpected exception becomes an
    ``error`` finding for this vendor only, never a pass. ``policy`` (``--fail-on``,
    ``--fail-on-undetermined``) decides what blocks; a bare ``threshold`` is ``--fail-on``."""
    blocking = policy if policy is not None else BlockingPolicy(threshold)
    profile = loaded.profile
    evidence_age.check_reviewed(profile)  # an input error, never an evaluation error
    ctx = engine.Context(
        vendor=profile,
        plan=plan,
        facts=profile.facts_for(plan),
        org=org,
        today=today,
        resolve=Resolver(loaded, store),
        data_classes=data_classes if data_classes is not None else org.data_classes_for(profile),
    )
    try:
        findings = tuple(engine.evaluate(rule, ctx) for rule in rules)
        findings += evidence_age.findings(profile, plan, org, today)
    except Exception as exc:
        findings = (_error_finding(profile, plan, exc),)
    findings = mark_blocking(findings, org, policy=blocking)
    # Added after blocking is decided: an expired waiver is a warning that never blocks.
    findings += waivers.expired_findings(profile, plan, org, today)
    return VendorResult(
        profile, plan, findings, decide(profile.id, plan, findings, org, policy=blocking)
    )


def _error_finding(profile: VendorProfile, plan: str | None, exc: Exception) -> Finding:
    return Finding(
        vendor=profile.id,
        vendor_name=profile.name,
        plan=plan,
        rule="vendorgate.evaluation-error",
        rule_title="Evaluation error",
        pack="vendorgate",
        severity=Severity.CRITICAL,
        verdict=Verdict.ERROR,
        message=f"{profile.name}: evaluation failed ({type(exc).__name__}: {exc}); "
        "the vendor cannot be approved until this is fixed.",
        citations=(),
        facts=(),
        remediation="Report this as a vendorgate bug with the profile attached.",
        location=profile.location,
    )
