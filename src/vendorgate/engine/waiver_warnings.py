"""The warning finding an expired waiver produces (``vendorgate.waiver-expired``: verdict
``fail``, severity ``low``, never blocking), at the waiver's line in the organisation
profile. See docs/waivers.md."""

from __future__ import annotations

from datetime import date

from vendorgate.core.model import Finding, OrgProfile, Severity, VendorProfile, Verdict, Waiver

EXPIRED_RULE = "vendorgate.waiver-expired"
"""Rule id of the warning finding an expired waiver produces."""
EXPIRED_SEVERITY = Severity.LOW


def expired_findings(
    profile: VendorProfile, plan: str | None, org: OrgProfile, today: date
) -> tuple[Finding, ...]:
    """One warning finding per expired waiver that covers this vendor and plan.

    They are never blocking (the caller adds them after blocking is decided): an expired waiver
    no longer waives, so the finding it covered blocks on its own if it should; this one only
    keeps the lapse visible, and keeps the vendor from a plain ``approved``."""
    lapsed = [
        w
        for w in org.waivers
        if w.expires < today and _covers_vendor(w, profile) and w.plan in (None, plan)
    ]
    return tuple(_finding(w, profile, plan) for w in sorted(lapsed, key=_order))


def _order(w: Waiver) -> tuple[str, int]:
    return (w.rule, w.location.line)


def _covers_vendor(w: Waiver, profile: VendorProfile) -> bool:
    return w.vendor == profile.id


def _finding(w: Waiver, profile: VendorProfile, plan: str | None) -> Finding:
    scope = f" ({plan} plan)" if plan else ""
    return Finding(
        vendor=profile.id,
        vendor_name=profile.name,
        plan=plan,
        rule=EXPIRED_RULE,
        rule_title="A waiver has expired",
        pack="vendorgate",
        severity=EXPIRED_SEVERITY,
        verdict=Verdict.FAIL,
        message=(
            f"The waiver of `{w.rule}` for {profile.name}{scope} ({w.ticket}, approved by "
            f"{w.approver}) expired on {w.expires.isoformat()} and no longer waives anything."
        ),
        citations=(),
        facts=(),
        remediation=(
            f"Renew waiver {w.ticket} with a new approval and expiry date, or remove it from "
            "the organisation profile and resolve the finding it covered."
        ),
        location=w.location,
        waiver=w,
        reasons=(f"waived rule: {w.rule}; justification was: {w.justification}",),
    )
