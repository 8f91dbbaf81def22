"""Writing ``vendorgate evidence verify`` results: a line per quote with what a reviewer needs to
act on it, or JSON. Deterministic: items in the order they were checked."""

from __future__ import annotations

from typing import Any

from vendorgate.core import serialize
from vendorgate.core.model import EvidenceStatus
from vendorgate.core.render import RenderOptions
from vendorgate.core.version import __version__
from vendorgate.evidence.verify import EvidenceReport, VerifyResult
from vendorgate.report import jsontext
from vendorgate.text import normalise


def to_json(result: VerifyResult, options: RenderOptions) -> str:
    data = {
        "generator": {"name": "vendorgate", "version": __version__},
        "summary": {"evidence": len(result.items), **result.counts()},
        "warnings": list(result.warnings),
        "evidence": [item_json(item) for item in result.items],
    }
    return jsontext.document(data)


def item_json(item: EvidenceReport) -> dict[str, Any]:
    """One piece of evidence as ``evidence verify --format json`` writes it."""
    cited = item.cited
    closest = item.closest
    return {
        "vendor": item.vendor,
        "fact": item.fact,
        "plan": item.plan,
        "location": serialize.location(item.location),
        "doc": cited.doc,
        "section": cited.section,
        "quote": cited.quote,
        "status": cited.status.value,
        "detail": cited.detail,
        "foundIn": item.found_in or None,
        "stillPresent": item.still_present,
        "closest": None
        if closest is None
        else {
            "section": closest.section.number if closest.section else "",
            "heading": closest.section.heading if closest.section else "",
            "line": closest.section.line if closest.section else 0,
            "similarity": closest.similarity,
            "passage": closest.text,
        },
        "note": item.note,
    }


def to_text(result: VerifyResult, options: RenderOptions) -> str:
    lines: list[str] = []
    for item in result.items:
        plan = f" (plan {item.plan})" if item.plan else ""
        section = f" section {item.cited.section}" if item.cited.section else ""
        lines.append(
            f"{item.location}: {item.status.value}: {item.vendor} {item.fact}{plan} "
            f"<- {item.cited.doc}{section}"
        )
        lines.extend(_details(item))
    counts = ", ".join(f"{n} {status}" for status, n in result.counts().items() if n)
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    lines.append(f"{len(result.items)} evidence checked: {counts or 'none'}")
    return "\n".join(lines) + "\n"


def _details(item: EvidenceReport) -> list[str]:
    out: list[str] = []
    if item.cited.detail:
        out.append(f"    {item.cited.detail}")
    if item.still_present is not None:
        out.append(
            "    the quote is still in the changed file"
            if item.still_present
            else "    the quote is no longer in the changed file"
        )
    if item.status is not EvidenceStatus.VERIFIED:
        out.append(f"    quote:   \u201c{_clip(normalise.normalise(item.cited.quote))}\u201d")
    if item.closest is not None:
        out.append(
            f"    closest: {item.closest.where}, {round(item.closest.similarity * 100)}% "
            f"similar: \u201c{_clip(item.closest.text)}\u201d"
        )
    elif item.status in (EvidenceStatus.UNSUPPORTED, EvidenceStatus.STALE) and not (
        item.still_present
    ):
        out.append("    closest: nothing similar in the snapshot")
    if item.note:
        out.append(f"    note: {item.note}")
    return out


def _clip(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
