"""From findings to what blocks and to a per-vendor decision. Fail-closed throughout."""

from __future__ import annotations

from dataclasses import dataclass, replace

from vendorgate.core.model import Decision, DecisionKind, Finding, OrgProfile, Severity, Verdict


@dataclass(frozen=True)
class BlockingPolicy:
    """What blocks, as the command line asked: ``--fail-on`` and ``--fail-on-undetermined``.

    Both are read here, at decision time, instead of being folded into the organisation
    profile, so the profile a report shows is the one on disk."""

    threshold: Severity | None = None
    """``--fail-on``: the lowest severity that blocks; None keeps the organisation's."""
    fail_on_undetermined: bool = False
    """``--fail-on-undetermined``: undetermined findings at or above the threshold block,
    whatever the organisation's ``undetermined`` setting."""

    def limit(self, org: OrgProfile) -> Severity:
        """The severity threshold in force."""
        return self.threshold or org.blocking_severity

    def undetermined(self, org: OrgProfile) -> str:
        """How undetermined findings count (block | review | ignore)."""
        return "block" if self.fail_on_undetermined else org.undetermined


def _policy(threshold: Severity | None, policy: BlockingPolicy | None) -> BlockingPolicy:
    # A bare threshold is the older calling convention; a policy carries it already.
    return policy if policy is not None else BlockingPolicy(threshold)


def is_blocking(
    finding: Finding,
    org: OrgProfile,
    threshold: Severity | None = None,
    *,
    policy: BlockingPolicy | None = None,
) -> bool:
    """Whether a finding blocks: an error always; a failure, or an undetermined finding when the
    policy blocks on those, at or above the severity threshold."""
    rules = _policy(threshold, policy)
    if finding.verdict is Verdict.ERROR:
        return True
    if not finding.severity.at_least(rules.limit(org)):
        return False
    if finding.verdict is Verdict.FAIL:
        return True
    return finding.verdict is Verdict.UNDETERMINED and rules.undetermined(org) == "block"


def mark_blocking(
    findings: tuple[Finding, ...],
    org: OrgProfile,
    threshold: Severity | None = None,
    *,
    policy: BlockingPolicy | None = None,
) -> tuple[Finding, ...]:
    rules = _policy(threshold, policy)
    marked = []
    for f in findings:
        blocking = is_blocking(f, org, policy=rules)
        # replace() copies every field; most findings already carry the right flag.
        marked.append(f if f.blocking is blocking else replace(f, blocking=blocking))
    return tuple(marked)


def decide(
    vendor: str,
    plan: str | None,
    findings: tuple[Finding, ...],
    org: OrgProfile,
    *,
    policy: BlockingPolicy | None = None,
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
    # Every undetermined finding is a condition, whatever ``undetermined`` says: ``ignore``
    # once dropped them here, so a vendor that disclosed nothing the rules need came out plainly
    # approved. It now means what ``review`` means (never blocks; approved with conditions,
    # the questions to ask), and is kept only so existing profiles still load.
    conditions = [
        f for f in findings if f.verdict in (Verdict.FAIL, Verdict.WAIVED, Verdict.UNDETERMINED)
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
