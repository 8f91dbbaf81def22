"""From findings to what blocks and to a per-vendor decision. Fail-closed throughout."""

from __future__ import annotations

from dataclasses import replace

from vendorgate.core.model import Decision, DecisionKind, Finding, OrgProfile, Severity, Verdict


def is_blocking(finding: Finding, org: OrgProfile, threshold: Severity | None = None) -> bool:
    """Whether a finding blocks: an error always; a failure, or an undetermined finding when the
    organisation blocks on those, at or above the severity threshold."""
    limit = threshold or org.blocking_severity
    if finding.verdict is Verdict.ERROR:
        return True
    if not finding.severity.at_least(limit):
        return False
    if finding.verdict is Verdict.FAIL:
        return True
    return finding.verdict is Verdict.UNDETERMINED and org.undetermined == "block"


def mark_blocking(
    findings: tuple[Finding, ...], org: OrgProfile, threshold: Severity | None = None
) -> tuple[Finding, ...]:
    marked = []
    for f in findings:
        blocking = is_blocking(f, org, threshold)
        # replace() copies every field; most findings already carry the right flag.
        marked.append(f if f.blocking is blocking else replace(f, blocking=blocking))
    return tuple(marked)


def decide(
    vendor: str, plan: str | None, findings: tuple[Finding, ...], org: OrgProfile
) -> Decision:
    """approved | approved_with_conditions | needs_review | rejected.

    An error or a blocking undetermined finding never yields approved."""
    errors = [f for f in findings if f.verdict is Verdict.ERROR]
    blocking = [f for f in findings if f.blocking]
    failed = [f for f in blocking if f.verdict is Verdict.FAIL]
    unknown = [f for f in blocking if f.verdict is Verdict.UNDETERMINED]
    if failed:
        return Decision(vendor, plan, DecisionKind.REJECTED, _ids("blocking failure", failed))
    if errors:
        return Decision(vendor, plan, DecisionKind.NEEDS_REVIEW, _ids("evaluation error", errors))
    if unknown:
        return Decision(
            vendor, plan, DecisionKind.NEEDS_REVIEW, _ids("blocking undetermined", unknown)
        )
    conditions = [
        f
        for f in findings
        if f.verdict in (Verdict.FAIL, Verdict.WAIVED)
        or (f.verdict is Verdict.UNDETERMINED and org.undetermined != "ignore")
    ]
    if conditions:
        return Decision(
            vendor,
            plan,
            DecisionKind.APPROVED_WITH_CONDITIONS,
            _ids("condition", conditions),
        )
    return Decision(vendor, plan, DecisionKind.APPROVED, ())


def _ids(label: str, findings: list[Finding]) -> tuple[str, ...]:
    return tuple(f"{label}: {f.rule} ({f.verdict.value}, {f.severity.value})" for f in findings)
