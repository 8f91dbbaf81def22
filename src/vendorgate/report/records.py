"""Writing ``gate --verify-record`` results: whether a decision record still holds and, if not,
which inputs changed and which results differ."""

from __future__ import annotations

from vendorgate.core.render import RenderOptions
from vendorgate.gate.records import Verification
from vendorgate.report import jsontext
from vendorgate.report.mdtext import md


def _sections(verification: Verification) -> list[tuple[str, tuple[str, ...]]]:
    """The lists a verification shows, in order; empty ones are left out."""
    sections = (
        ("inputs changed", verification.changed),
        ("inputs added", verification.added),
        ("inputs removed", verification.removed),
        ("results differ", verification.differences),
    )
    return [(title, items) for title, items in sections if items]


def _headline(verification: Verification) -> str:
    head = "HOLDS" if verification.holds else "DOES NOT HOLD"
    return (
        f"decision record {verification.record}: {head} (re-evaluated as of {verification.as_of})"
    )


def to_text(verification: Verification, options: RenderOptions) -> str:
    out = [_headline(verification)]
    if verification.version_note:
        out.append(f"note: {verification.version_note}")
    if verification.error:
        out.append(f"re-evaluation failed: {verification.error}")
    for title, items in _sections(verification):
        out.append(f"{title}:")
        out.extend(f"  {item}" for item in items)
    return "\n".join(out) + "\n"


def to_markdown(verification: Verification, options: RenderOptions) -> str:
    out = [f"**{md(_headline(verification))}**"]
    if verification.version_note:
        out += ["", f"Note: {md(verification.version_note)}"]
    if verification.error:
        out += ["", f"Re-evaluation failed: {md(verification.error)}"]
    for title, items in _sections(verification):
        out += ["", f"{title.capitalize()}:", ""]
        out.extend(f"- {md(item)}" for item in items)
    return "\n".join(out) + "\n"


def to_json(verification: Verification, options: RenderOptions) -> str:
    return jsontext.document(
        {
            "record": verification.record,
            "holds": verification.holds,
            "asOf": verification.as_of,
            "inputsChanged": list(verification.changed),
            "inputsAdded": list(verification.added),
            "inputsRemoved": list(verification.removed),
            "resultDifferences": list(verification.differences),
            "versionNote": verification.version_note,
            "error": verification.error,
        }
    )
