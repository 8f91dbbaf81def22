"""Writing ``vendorgate evidence diff`` results: text, Markdown for a pull-request comment, and
JSON. Deterministic: sections in document order."""

from __future__ import annotations

import re
from typing import Any

from vendorgate.core import serialize
from vendorgate.core.render import RenderOptions
from vendorgate.core.version import __version__
from vendorgate.evidence.docdiff import (
    NEW_TEXT,
    SECTION_CHANGED,
    VANISHED,
    AffectedQuote,
    DocDiff,
    SectionChange,
)
from vendorgate.report import escape, jsontext
from vendorgate.text.normalise import normalise


def to_json(result: DocDiff, options: RenderOptions) -> str:
    data = {
        "generator": {"name": "vendorgate", "version": __version__},
        "old": {"path": result.old, "sha256": result.old_sha256},
        "new": {"path": result.new, "sha256": result.new_sha256},
        "summary": {
            "changed": result.count("changed"),
            "added": result.count("added"),
            "removed": result.count("removed"),
            "unchanged": result.unchanged,
            "profiles": result.profiles,
            "vanishedQuotes": len(result.vanished),
            "quotesInChangedSections": _count(result, SECTION_CHANGED),
            "quotesOnNewText": _count(result, NEW_TEXT),
        },
        "warnings": list(result.warnings),
        "sections": [_change_json(c) for c in result.changes],
        "affected": [_affected_json(a) for a in result.affected],
    }
    return jsontext.document(data)


def _count(result: DocDiff, status: str) -> int:
    return sum(1 for item in result.affected if item.status == status)


def _change_json(change: SectionChange) -> dict[str, Any]:
    return {
        "change": change.kind,
        "number": change.number,
        "heading": change.heading,
        "oldHeading": change.old_heading,
        "oldNumber": change.old_number,
        "oldLine": change.old_line or None,
        "newLine": change.new_line or None,
        "wordsRemoved": change.words_removed,
        "wordsAdded": change.words_added,
        "edits": list(change.edits),
        "moreEdits": change.more_edits,
    }


def _affected_json(item: AffectedQuote) -> dict[str, Any]:
    closest = item.closest
    return {
        "vendor": item.vendor,
        "fact": item.fact,
        "plan": item.plan,
        "location": serialize.location(item.location),
        "doc": item.doc,
        "section": item.cited_section,
        "quote": item.quote,
        "status": item.status,
        "oldSection": item.old_section,
        "newSection": item.new_section or None,
        "closest": None
        if closest is None
        else {
            "section": closest.section.label if closest.section else "",
            "similarity": closest.similarity,
            "passage": closest.text,
        },
    }


def _summary_line(result: DocDiff) -> str:
    return (
        f"sections: {result.count('changed')} changed, {result.count('added')} added, "
        f"{result.count('removed')} removed, {result.unchanged} unchanged"
    )


def _heading_note(change: SectionChange) -> str:
    if change.kind != "changed":
        return ""
    if change.old_heading != change.heading:
        return f" (was: {change.old_heading or 'no heading'})"
    if change.old_number != change.number:
        return f" (was: section {change.old_number or 'without number'})"
    return ""


def _where(change: SectionChange) -> str:
    if change.kind == "added":
        return f"new line {change.new_line}"
    if change.kind == "removed":
        return f"old line {change.old_line}"
    return f"old line {change.old_line}, new line {change.new_line}"


def _edit_lines(change: SectionChange) -> list[str]:
    counts = f"{_words(change.words_removed)} removed, {change.words_added} added"
    lines = [counts] if change.kind == "changed" else []
    lines.extend(change.edits)
    if change.more_edits:
        lines.append(f"\u2026 and {change.more_edits} more edits")
    return lines


def _words(count: int) -> str:
    return f"{count} word" if count == 1 else f"{count} words"


def _fact_name(item: AffectedQuote) -> str:
    return f"{item.vendor} {item.fact}" + (f" (plan {item.plan})" if item.plan else "")


def _fact_lines(item: AffectedQuote) -> tuple[str, list[str]]:
    if item.status == VANISHED:
        head = f"quote from section {item.old_section or '?'} vanished"
        details = [f"quote: \u201c{normalise(item.quote)}\u201d"]
        if item.closest is not None:
            details.append(
                f"closest in NEW: {item.closest.where}, "
                f"{round(item.closest.similarity * 100)}% similar: \u201c{item.closest.text}\u201d"
            )
        else:
            details.append("closest in NEW: nothing similar")
        return head, details
    if item.status == NEW_TEXT:
        head = f"quote rests on section {item.new_section}, added or changed in NEW"
        return head, [f"quote: \u201c{normalise(item.quote)}\u201d"]
    head = f"quote still present, but section {item.old_section} changed around it"
    if item.new_section and item.new_section != item.old_section:
        head += f" (now in section {item.new_section})"
    return head, [f"quote: \u201c{normalise(item.quote)}\u201d"]


def to_text(result: DocDiff, options: RenderOptions) -> str:
    lines = [f"evidence diff: {result.old} -> {result.new}", _summary_line(result)]
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    lines.append("")
    for change in result.changes:
        lines.append(f"{change.kind:<8} {change.label}{_heading_note(change)}  [{_where(change)}]")
        lines.extend(f"           {line}" for line in _edit_lines(change))
    if not result.changes:
        lines.append("no section changed")
    lines.append("")
    lines.extend(_facts_text(result))
    return "\n".join(lines) + "\n"


def _facts_text(result: DocDiff) -> list[str]:
    if not result.profiles:
        return ["no vendor profiles given (--vendors): facts were not checked"]
    if not result.affected:
        return [f"no quote in {result.profiles} profile(s) rests on changed text"]
    lines = [f"facts resting on changed text ({len(result.vanished)} quote(s) vanished):"]
    for item in result.affected:
        head, details = _fact_lines(item)
        lines.append(f"{item.location}: {_fact_name(item)}: {head}")
        lines.extend(f"    {detail}" for detail in details)
    return lines


def to_markdown(result: DocDiff, options: RenderOptions) -> str:
    lines = [
        f"## Changes from `{result.old}` to `{result.new}`",
        "",
        _summary_line(result).capitalize() + ".",
        "",
    ]
    lines += [f"> **Warning:** {_md(warning)}" for warning in result.warnings]
    lines += [""] if result.warnings else []
    if result.changes:
        lines += ["| Change | Section | Heading | Words removed / added |", "|---|---|---|---|"]
        for change in result.changes:
            heading = _md(change.heading + _heading_note(change))
            counts = f"{change.words_removed} / {change.words_added}"
            lines.append(
                f"| {change.kind} | {_md(change.number) or '-'} | {heading or '-'} | {counts} |"
            )
        lines.append("")
        for change in result.changes:
            lines.append(f"### {change.kind.capitalize()}: {_md(change.label)}")
            lines.append("")
            lines.extend(f"- {_md(line)}" for line in _edit_lines(change))
            lines.append("")
    lines += ["### Facts resting on changed text", ""]
    if not result.affected:
        lines += [_facts_text(result)[0].capitalize() + ".", ""]
    for item in result.affected:
        head, details = _fact_lines(item)
        lines.append(f"- **{_md(_fact_name(item))}** (`{item.location}`): {_md(head)}")
        lines.extend(f"  - {_md(detail)}" for detail in details)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """Escape what would break a Markdown table or add emphasis."""
    return re.sub(r"([|*_`\[\]<>])", r"\\\1", escape.inline(text))
