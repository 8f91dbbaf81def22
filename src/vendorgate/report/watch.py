"""Writing ``vendorgate watch`` results: a line per document (and per quote gone), or JSON."""

from __future__ import annotations

from typing import Any

from vendorgate.core import serialize
from vendorgate.core.render import RenderOptions
from vendorgate.core.version import __version__
from vendorgate.evidence.watch import DocumentWatch, WatchResult
from vendorgate.report import jsontext


def to_json(result: WatchResult, options: RenderOptions) -> str:
    data = {
        "generator": {"name": "vendorgate", "version": __version__},
        "summary": {"documents": len(result.items), **result.counts()},
        "documents": [_item_json(item) for item in result.items],
    }
    return jsontext.document(data)


def _item_json(item: DocumentWatch) -> dict[str, Any]:
    return {
        "vendor": item.vendor,
        "doc": item.doc,
        "title": item.title,
        "url": item.url,
        "finalUrl": item.final_url or None,
        "status": item.status,
        "reason": item.reason,
        "notModified": item.not_modified,
        "quotes": [
            {
                "fact": q.fact,
                "plan": q.plan,
                "location": serialize.location(q.location),
                "section": q.section,
                "quote": q.quote,
                "present": q.present,
            }
            for q in item.quotes
        ],
        "saved": item.saved or None,
        "sha256": item.sha256 or None,
    }


def to_text(result: WatchResult, options: RenderOptions) -> str:
    lines: list[str] = []
    for item in result.items:
        extra = " (not modified since last fetch)" if item.not_modified else ""
        lines.append(f"{item.status:<11} {item.vendor} {item.doc}  {item.url}{extra}")
        if item.final_url:
            lines.append(f"            redirected to {item.final_url}")
        if item.reason:
            lines.append(f"            {item.reason}")
        for quote in item.quotes:
            mark = "still present" if quote.present else "GONE"
            section = f" section {quote.section}" if quote.section else ""
            lines.append(f"            {mark}: {quote.location} {quote.fact}{section}")
        if item.saved:
            lines.append(f"            saved as {item.saved} (sha256 {item.sha256})")
    counts = ", ".join(f"{n} {status}" for status, n in result.counts().items() if n)
    lines.append(f"{len(result.items)} document(s) watched: {counts or 'none'}")
    return "\n".join(lines) + "\n"
