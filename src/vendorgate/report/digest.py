"""What a compliance officer reads first, computed once from a CheckResult for the report
formats: findings in order of attention, counts by severity, waivers about to lapse, evidence that
cannot be relied on, and which URLs may become links.

Pure functions over the result; every list comes back in a fixed order so output is
deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from vendorgate.core.model import (
    CheckResult,
    EvidenceStatus,
    FactRead,
    FactValue,
    Finding,
    Location,
    OrgProfile,
    Severity,
    VendorResult,
    Verdict,
    Waiver,
)
from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.engine.conditions import WAIVER_WARNING_DAYS

ATTENTION_ORDER = (
    Verdict.ERROR,
    Verdict.FAIL,
    Verdict.UNDETERMINED,
    Verdict.WAIVED,
    Verdict.PASS,
    Verdict.NOT_APPLICABLE,
)
"""Verdicts in the order a reader should look at them."""

DECISION_RANK = {
    "rejected": 0,
    "needs_review": 1,
    "approved_with_conditions": 2,
    "approved": 3,
}
"""Worst first, so sorting a vendor table by decision puts the problems on top."""

_SAFE_SCHEMES = ("http", "https")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_href(url: str) -> str | None:
    """The URL if it may become a live link (absolute http or https), else None.

    URLs come from vendor files that anyone can edit; a ``javascript:`` or ``data:`` URL must
    never turn into something a reader can click."""
    candidate = url.strip()
    if not candidate or _CONTROL.search(candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return candidate


def ordered_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    """Errors and failures first, the most severe first within a verdict, then by rule id."""
    rank = {v: i for i, v in enumerate(ATTENTION_ORDER)}
    return sorted(findings, key=lambda f: (rank[f.verdict], -f.severity.rank, f.rule))


def ordered_results(result: CheckResult) -> list[VendorResult]:
    return sorted(result.results, key=lambda r: (r.vendor.id, r.plan or ""))


def verdict_counts(findings: tuple[Finding, ...]) -> dict[Verdict, int]:
    counts = Counter(f.verdict for f in findings)
    return {v: counts.get(v, 0) for v in ATTENTION_ORDER}


def severity_counts(result: CheckResult) -> dict[Severity, dict[Verdict, int]]:
    """Findings per severity (most severe first) and verdict."""
    return {
        severity: verdict_counts(tuple(f for f in result.findings if f.severity is severity))
        for severity in Severity
    }


@dataclass(frozen=True)
class WaiverNotice:
    """A waiver of an evaluated vendor that has lapsed or lapses soon."""

    waiver: Waiver
    """The waiver as the organisation wrote it."""
    days_left: int
    """Days from the evaluation date to the expiry date (negative once expired)."""
    vendor_name: str
    """Display name of the vendor it names."""

    @property
    def expired(self) -> bool:
        return self.days_left < 0


def waiver_notices(result: CheckResult, window: int = WAIVER_WARNING_DAYS) -> list[WaiverNotice]:
    """Waivers of evaluated vendors that expire within ``window`` days, or have expired, soonest
    first. Waivers naming a vendor outside this run are left out."""
    names = {r.vendor.id: r.vendor.name for r in result.results}
    return waiver_notices_of(result.org, result.evaluated_on, names, window)


def waiver_notices_of(
    org: OrgProfile, day: date, names: Mapping[str, str], window: int = WAIVER_WARNING_DAYS
) -> list[WaiverNotice]:
    """:func:`waiver_notices` from the evaluated vendors' names by id (all a report put
    together from pieces keeps of them)."""
    notices = []
    for waiver in org.waivers:
        if waiver.vendor not in names:
            continue
        left = (waiver.expires - day).days
        if left <= window:
            notices.append(WaiverNotice(waiver, left, names[waiver.vendor]))
    return sorted(notices, key=lambda n: (n.waiver.expires, n.waiver.vendor, n.waiver.rule))


@dataclass(frozen=True)
class EvidenceConcern:
    """A stated fact that a rule read whose evidence is not verified."""

    vendor: str
    """Vendor id."""
    vendor_name: str
    """Display name."""
    plan: str | None
    """Plan evaluated."""
    read: FactRead
    """The fact with its evidence and status."""
    rules: tuple[str, ...]
    """Ids of the rules that read it."""

    @property
    def status(self) -> EvidenceStatus:
        return self.read.status

    @property
    def details(self) -> tuple[str, ...]:
        """Why each piece of evidence is not verified; one sentence for a fact without any."""
        if not self.read.evidence:
            return ("no quote backs this value",)
        return tuple(
            dict.fromkeys(
                e.detail or e.status.value
                for e in self.read.evidence
                if e.status is not EvidenceStatus.VERIFIED
            )
        )


def _stated(value: FactValue | None) -> bool:
    """A missing or ``undisclosed`` fact needs no quote; anything else does."""
    return value is not None and value != UNDISCLOSED


def evidence_concerns(result: CheckResult) -> list[EvidenceConcern]:
    """Every stated fact read by a rule whose evidence is stale, unsupported, unverified or
    names a missing document; one entry per vendor, plan and fact."""
    concerns = []
    for vr in ordered_results(result):
        readers: dict[str, list[str]] = {}
        reads: dict[str, FactRead] = {}
        for finding in vr.findings:
            for read in finding.facts:
                if read.status is EvidenceStatus.VERIFIED or not _stated(read.value):
                    continue
                reads.setdefault(read.fact, read)
                readers.setdefault(read.fact, []).append(finding.rule)
        for fact in sorted(reads):
            concerns.append(
                EvidenceConcern(
                    vr.vendor.id,
                    vr.vendor.name,
                    vr.plan,
                    reads[fact],
                    tuple(sorted(set(readers[fact]))),
                )
            )
    return concerns


def location_text(loc: Location) -> str:
    """``path:line:col``, or just the path when the line is unknown."""
    return str(loc) if loc.line else loc.path
