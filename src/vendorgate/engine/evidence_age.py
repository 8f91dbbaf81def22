"""The organisation's maximum evidence age (``evidence: {max_age_days: N}``).

A vendor profile records when a person last reviewed it (``reviewed:``). Terms change (Zoom
rewrote its clauses twice in five days), so a review older than the organisation allows is a
finding of its own: ``vendorgate.evidence-age``, medium, fail. A profile with no review date
under a maximum age cannot show it is recent enough, so its finding is undetermined; so is the
finding of a profile reviewed after the evaluation day (an ``--as-of`` replay of an earlier day):
on that day it had not been reviewed yet.
"""

from __future__ import annotations

from datetime import date

from vendorgate.core.errors import InputError, Problem
from vendorgate.core.model import Finding, Location, OrgProfile, Severity, VendorProfile, Verdict

RULE_ID = "vendorgate.evidence-age"
RULE_TITLE = "Vendor profile reviewed within the organisation's maximum evidence age"
SEVERITY = Severity.MEDIUM
REMEDIATION = (
    "Review the vendor's current documents (`vendorgate watch`, `vendorgate evidence verify`), "
    "update the facts and their quotes, and set `reviewed:` to the date of the review."
)


def check_reviewed(profile: VendorProfile, real_today: date | None = None) -> None:
    """A ``reviewed:`` date after the calendar day (``real_today``, default: the clock) is an
    input error, whatever the evaluation day: nobody reviewed the profile on a day that has not
    come, and such a date would keep the evidence "fresh" for as long as it claims (a typo in
    the year would silence the age check).

    A date after the evaluation day but not after the calendar day is no error: an ``--as-of``
    replay of an earlier day evaluates the profiles as they are now, and must still run. Such a
    profile records a later reading of the documents, so on the evaluation day it counts as not
    yet reviewed (see :func:`findings`)."""
    bound = real_today or date.today()
    if profile.reviewed is None or profile.reviewed <= bound:
        return
    where = profile.reviewed_at or profile.location
    raise InputError(
        [
            Problem(
                f"`reviewed: {profile.reviewed.isoformat()}` is after {bound.isoformat()}, the "
                "last day a review can have happened: write the date the profile was actually "
                "reviewed",
                where.path,
                where.line,
                where.column,
            )
        ]
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
    where = profile.reviewed_at or profile.location
    if profile.reviewed > today:
        # A later reading of the documents, replayed on an earlier day: counting it as fresh
        # would trust, on that day, a review nobody had done yet.
        message = (
            f"{who}: reviewed on {profile.reviewed.isoformat()}, after {today.isoformat()}, so "
            f"not yet reviewed on that day; {policy}."
        )
        return (_finding(profile, plan, Verdict.UNDETERMINED, message, where),)
    age = (today - profile.reviewed).days
    if age <= limit:
        return ()
    message = (
        f"{who}: last reviewed on {profile.reviewed.isoformat()}, {age} days before "
        f"{today.isoformat()}; {policy}."
    )
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
