"""The new profile's YAML text, written line by line so that it can say, in comments, where
each date came from and which passages a reviewer should also read."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.vocabulary import FACTS
from vendorgate.onboard.yamltext import comment_safe, quoted

if TYPE_CHECKING:
    from vendorgate.onboard.documents import NewDocument
    from vendorgate.onboard.facts import DraftFact, PointedPassage

_MAX_POINTERS = 3
"""Pointer comments per fact; the rest are counted (``vendorgate scan`` lists them all)."""
_EXCERPT_CHARS = 72
"""How much of a pointed passage its comment shows: enough to recognise it at its line."""
_POINTER_SAID = "# also read (found by wording, no value suggested): "


def profile_text(
    name: str,
    category: str,
    profile_dir: Path,
    vendor_id: str,
    lineage_name: str,
    docs: Sequence[NewDocument],
    facts: dict[str, DraftFact],
    start: date,
    until: date | None,
) -> str:
    """The profile of ``vendor_id``, every fact of the vocabulary in its order."""
    lines = [
        "# yaml-language-server: $schema=../src/vendorgate/schemas/vendor.schema.json",
        f"# Written by `vendorgate new` on {docs[0].retrieved.isoformat()}: NOT REVIEWED.",
        "# Every fact not marked as a scanner suggestion or carried over is `undisclosed`.",
        "# A fact marked `unreviewed: true` reads as `undisclosed` until the mark is removed:",
        "# check each against its quotes, remove the mark, then add `reviewed:` with the date.",
        "apiVersion: vendorgate/v1",
        "kind: VendorProfile",
        f"id: {vendor_id}",
        f"name: {quoted(name or vendor_id)}",
        f"category: {category}",
        *_in_force_lines(docs[0], lineage_name, start, until),
        "documents:",
    ]
    for doc in docs:
        lines.extend(_document_lines(doc, profile_dir))
    lines.append("facts:")
    for spec in FACTS:
        lines.extend(_fact_lines(spec.name, facts[spec.name]))
    return "\n".join(lines) + "\n"


def _in_force_lines(
    first: NewDocument, lineage_name: str, start: date, until: date | None
) -> list[str]:
    if first.effective is not None:
        said = f"the effective date read from the text ({first.effective_cue!r})"
    elif first.doubt:
        said = (
            f"the day of retrieval: the text's date ({comment_safe(first.effective_cue)!r}) "
            "is not believed; correct it if the text is right"
        )
    else:
        said = "the day of retrieval: the text gives no effective date; correct it if you know it"
    lines = [f"# in_force.from is {said}.", f"lineage: {lineage_name}", "in_force:"]
    lines.append(f"  from: {start.isoformat()}")
    if until is not None:
        lines.append(f"  until: {until.isoformat()}")
    return lines


def _document_lines(doc: NewDocument, profile_dir: Path) -> list[str]:
    relative = os.path.relpath(doc.snapshot.resolve(), profile_dir.resolve())
    lines = [
        f"  - id: {doc.id}",
        f"    title: {quoted(doc.title)}",
        f"    type: {doc.type}",
        f"    url: {quoted(doc.url)}",
    ]
    if doc.effective is not None:
        lines.append(f"    effective: {doc.effective.isoformat()}")
    else:
        lines.append("    # no effective date in the text: the snapshot is named by retrieval")
    if doc.converted:  # a codec's own name (evidence.strict_pinned_form), safe in a comment
        lines.append(f"    # served in {doc.converted}: the snapshot is the page in UTF-8")
    lines += [
        f"    retrieved: {doc.retrieved.isoformat()}",
        f"    sha256: {doc.sha256}",
        f"    snapshot: {quoted(Path(relative).as_posix())}",
    ]
    return lines


def _fact_lines(name: str, fact: DraftFact) -> list[str]:
    lines = [f"  {name}:", *_pointer_lines(fact.pointers), f"    value: {_value_text(fact.value)}"]
    if fact.unreviewed:
        lines.append("    unreviewed: true")
    if fact.evidence:
        lines.append("    evidence:")
        for item in fact.evidence:
            lines.append(f"      - doc: {item.doc}")
            if item.section:
                lines.append(f"        section: {quoted(item.section)}")
            lines.append(f"        quote: {quoted(item.quote)}")
    if fact.note:
        lines.append(f"    note: {quoted(fact.note)}")
    return lines


def _pointer_lines(pointers: Sequence[PointedPassage]) -> list[str]:
    """The comments naming the pointers of one fact: the ones the finder scores highest, in
    document order, and how many more there are."""
    ranked = sorted(pointers, key=lambda p: (-p.score, p.order, p.start, p.end))
    shown = sorted(ranked[:_MAX_POINTERS], key=lambda p: (p.order, p.start, p.end))
    lines = [
        f'    {_POINTER_SAID}{comment_safe(p.place)} line {p.line}: "{_excerpt(p.text)}"'
        for p in shown
    ]
    if len(pointers) > len(shown):
        lines.append(
            f"    # ... and {len(pointers) - len(shown)} more (vendorgate scan on the snapshot "
            "lists every one)"
        )
    return lines


def _excerpt(text: str) -> str:
    """The first words of a passage, cut at a space within :data:`_EXCERPT_CHARS`."""
    plain = comment_safe(text)
    if len(plain) <= _EXCERPT_CHARS:
        return plain
    cut = plain.rfind(" ", 0, _EXCERPT_CHARS + 1)
    return plain[: cut if cut > 0 else _EXCERPT_CHARS].rstrip() + "\u2026"


def _value_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
