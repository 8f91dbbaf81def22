"""The organisation's maximum evidence age (``evidence: {max_age_days: N}``).

A vendor profile records when a person last reviewed it (``reviewed:``). Terms change (Zoom
rewrote its clauses twice in five days), so a review older than the organisation allows is a
finding of its own: ``vendorgate.evidence-age``, medium, fail. A profile with no review date
under a maximum age cannot show it is recent enough, so its finding is undetermined.
"""

from __future__ import annotations

from datetime import date

from vendorgate.core.model import Finding, Location, OrgProfile, Severity, VendorProfile, Verdict

RULE_ID = "vendorgate.evidence-age"
RULE_TITLE = "Vendor profile reviewed within the organisation's maximum evidence age"
SEVERITY = Severity.MEDIUM
REMEDIATION = (
    "Review the vendor's current documents (`vendorgate watch`, `vendorgate evidence verify`), "
    "update the facts and their quotes, and set `reviewed:` to the date of the review."
)


def findings(
    profile: VendorProfile, plan: str | None, org: OrgProfile, today: date
) -> tuple[Finding, ...]:
    """The evidence-age finding for one vendor and plan; none when the review is recent enough
    or the organisation sets no maximum age."""
    limit = org.max_evidence_age_days
    if limit is None:
        return ()
    who = profile.name + (f" ({plan} plan)" if plan else "")
    policy = f"the organisation requires a review within {limit} days"
    if profile.reviewed is None:
        message = f"{who}: the profile has no `reviewed` date, and {policy}."
        return (_finding(profile, plan, Verdict.UNDETERMINED, message, profile.location),)
    age = (today - profile.reviewed).days
    if age <= limit:
        return ()
    message = (
        f"{who}: last reviewed on {profile.reviewed.isoformat()}, {age} days before "
        f"{today.isoformat()}; {policy}."
    )
    where = profile.reviewed_at or profile.location
    return (_finding(profile, plan, Verdict.FAIL, message, where),)


def _finding(
    profile: VendorProfile, plan: str | None, verdict: Verdict, message: str, where: Location
) -> Finding:
    return Finding(
        vendor=profile.id,
        vendor_name=profile.name,
        plan=plan,
        rule=RULE_ID,
        rule_title=RULE_TITLE,
        pack="vendorgate",
        severity=SEVERITY,
        verdict=verdict,
        message=message,
        citations=(),
        facts=(),
        remediation=REMEDIATION,
        location=where,
        reasons=("evidence.max_age_days in the organisation profile",),
    )
