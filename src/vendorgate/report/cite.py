"""Plain-text pieces of a finding shared by the CI formats (SARIF, JUnit, GitHub annotations):
both citations - the authority behind the rule and the vendor's own clause - the waiver and the
remediation, worded the same way everywhere."""

from __future__ import annotations

from vendorgate.core.model import Citation, CitedEvidence, FactRead, Finding, Severity, Verdict
from vendorgate.engine.conditions import describe_read

VERDICT_PHRASE = {
    Verdict.PASS: "passes",
    Verdict.FAIL: "fails",
    Verdict.UNDETERMINED: "is undetermined",
    Verdict.WAIVED: "is waived",
    Verdict.NOT_APPLICABLE: "does not apply",
    Verdict.ERROR: "could not be evaluated",
}

SEVERITY_ORDER = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)


def authority(c: Citation) -> str:
    title = f" ({c.title})" if c.title else ""
    unverified = " [citation not verified]" if not c.verified else ""
    return f"{c.citation}{title}{unverified}: {c.url}"


def evidence(ev: CitedEvidence) -> str:
    parts = [ev.title or ev.doc]
    if ev.section:
        parts.append(f"section {ev.section}")
    if ev.effective:
        parts.append(f"effective {ev.effective.isoformat()}")
    if ev.url:
        parts.append(ev.url)
    detail = f"; {ev.detail}" if ev.detail else ""
    return f"{', '.join(parts)}: \u201c{ev.quote}\u201d (quote {ev.status.value}{detail})"


def fact_header(read: FactRead) -> str:
    plan = f" (plan {read.plan})" if read.plan else ""
    return (
        f"{read.fact} = {describe_read(read)}{plan}, evidence {read.status.value}, "
        f"at {read.location}"
    )


def waiver(f: Finding) -> str:
    if f.waiver is None:
        return ""
    w = f.waiver
    return f"Waived by {w.approver} until {w.expires.isoformat()} ({w.ticket}): {w.justification}"


def lines(f: Finding, *, with_message: bool = True) -> list[str]:
    """The finding as readable lines: message, authority, vendor evidence, waiver, demand."""
    out = [f.message] if with_message else []
    out.extend(f"Note: {reason}" for reason in f.reasons)
    out.extend(f"Authority: {authority(c)}" for c in f.citations)
    for read in sorted(f.facts, key=lambda r: r.fact):
        out.append(f"Vendor fact: {fact_header(read)}")
        out.extend(f"  Vendor clause: {evidence(ev)}" for ev in read.evidence)
    if f.waiver is not None:
        out.append(waiver(f))
    if f.verdict is not Verdict.PASS and f.remediation:
        out.append(f"Demand: {f.remediation}")
    return out


def text(f: Finding, *, with_message: bool = True) -> str:
    return "\n".join(lines(f, with_message=with_message))


def severity_rank(f: Finding) -> int:
    """Sort key: most severe first (0 is critical)."""
    return SEVERITY_ORDER.index(f.severity)
