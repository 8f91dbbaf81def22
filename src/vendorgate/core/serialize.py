"""Plain, JSON-ready dictionaries of results. Key order and list order are fixed, so the same
inputs always give byte-identical output."""

from __future__ import annotations

from collections import Counter
from typing import Any

from vendorgate.core.model import (
    CheckResult,
    Citation,
    CitedEvidence,
    FactRead,
    FactValue,
    Finding,
    Location,
    Subprocessor,
    VendorResult,
    Verdict,
    Waiver,
)
from vendorgate.core.version import __version__

SCHEMA_VERSION = "1"
VERDICT_ORDER = [v.value for v in Verdict]


def location(loc: Location) -> dict[str, Any]:
    return {"path": loc.path, "line": loc.line, "column": loc.column}


def value(raw: FactValue | None) -> Any:
    if isinstance(raw, tuple):
        return [
            {"name": s.name, "category": s.category, "purpose": s.purpose, "region": s.region}
            if isinstance(s, Subprocessor)
            else s
            for s in raw
        ]
    return raw


def citation(c: Citation) -> dict[str, Any]:
    return {
        "citation": c.citation,
        "title": c.title,
        "url": c.url,
        "authority": c.authority,
        "verified": c.verified,
    }


def cited_evidence(e: CitedEvidence) -> dict[str, Any]:
    return {
        "doc": e.doc,
        "title": e.title,
        "url": e.url,
        "effective": e.effective.isoformat() if e.effective else None,
        "section": e.section,
        "quote": e.quote,
        "sha256": e.sha256,
        "status": e.status.value,
        "detail": e.detail,
    }


def fact_read(f: FactRead) -> dict[str, Any]:
    return {
        "fact": f.fact,
        "value": value(f.value),
        "plan": f.plan,
        "location": location(f.location),
        "evidenceStatus": f.status.value,
        "evidence": [cited_evidence(e) for e in f.evidence],
    }


def waiver(w: Waiver | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "rule": w.rule,
        "vendor": w.vendor,
        "plan": w.plan,
        "justification": w.justification,
        "approver": w.approver,
        "ticket": w.ticket,
        "expires": w.expires.isoformat(),
    }


def finding(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "title": f.rule_title,
        "pack": f.pack,
        "severity": f.severity.value,
        "verdict": f.verdict.value,
        "blocking": f.blocking,
        "message": f.message,
        "location": location(f.location),
        "citations": [citation(c) for c in f.citations],
        "facts": [fact_read(r) for r in sorted(f.facts, key=lambda r: r.fact)],
        "remediation": f.remediation,
        "reasons": list(f.reasons),
        "waiver": waiver(f.waiver),
    }


def vendor_result(r: VendorResult) -> dict[str, Any]:
    return {
        "id": r.vendor.id,
        "name": r.vendor.name,
        "category": r.vendor.category,
        "plan": r.plan,
        "path": r.vendor.location.path,
        "decision": r.decision.kind.value,
        "decisionReasons": list(r.decision.reasons),
        "findings": [finding(f) for f in sorted(r.findings, key=lambda f: (f.pack, f.rule))],
    }


def summary(result: CheckResult) -> dict[str, Any]:
    verdicts = Counter(f.verdict.value for f in result.findings)
    decisions = Counter(r.decision.kind.value for r in result.results)
    return {
        "vendors": len(result.results),
        "findings": {k: verdicts.get(k, 0) for k in VERDICT_ORDER},
        "blocking": sum(1 for f in result.findings if f.blocking),
        "decisions": {k: decisions[k] for k in sorted(decisions)},
    }


def check_result(result: CheckResult) -> dict[str, Any]:
    org = result.org
    return {
        "schemaVersion": SCHEMA_VERSION,
        "generator": {"name": "vendorgate", "version": __version__},
        "evaluatedOn": result.evaluated_on.isoformat(),
        "organisation": {
            "name": org.name,
            "path": org.path,
            "blockingSeverity": org.blocking_severity.value,
            "undetermined": org.undetermined,
            "evidenceRequire": org.evidence_require,
        },
        "packs": [
            {"id": p.id, "title": p.title, "path": p.path, "rules": len(p.rules)}
            for p in sorted(result.packs, key=lambda p: p.id)
        ],
        "summary": summary(result),
        "vendors": [
            vendor_result(r)
            for r in sorted(result.results, key=lambda r: (r.vendor.id, r.plan or ""))
        ],
    }
