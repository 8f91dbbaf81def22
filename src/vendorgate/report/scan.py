"""Rendering scanner results: a readable text listing, YAML fact entries for a vendor profile,
and JSON. Each function returns a string; the command line prints it. Output is deterministic."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from vendorgate.core.render import RenderOptions
from vendorgate.report import escape, jsontext
from vendorgate.scan.scanner import (
    FactChange,
    Passage,
    PassageChange,
    ScanComparison,
    ScanResult,
    Suggestion,
    default_doc_id,
)

if TYPE_CHECKING:
    from vendorgate.scan.finder import Pointer

_SHOWN_QUOTE = 360


def render_json(result: ScanResult, options: RenderOptions) -> str:
    """Every passage and suggestion; keys sorted."""
    return jsontext.document(scan_data(result), sort_keys=True)


def render_comparison_json(comparison: ScanComparison, options: RenderOptions) -> str:
    """A comparison of two versions; keys sorted."""
    return jsontext.document(comparison_data(comparison), sort_keys=True)


def _value(value: object) -> str:
    if value is None:
        return "(list them)"
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return str(value)


def _where(passage: Passage) -> str:
    section = " ".join(part for part in (passage.section, passage.heading) if part)
    return f"{section or '(no section)'}, line {passage.line}"


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_QUOTE else text[: _SHOWN_QUOTE - 6].rstrip() + " [...]"


# ---------------------------------------------------------------- text


def render_text(result: ScanResult, options: RenderOptions) -> str:
    width = options.width
    facts = len(result.suggestions)
    lines = [
        result.document,
        f"sha256 {result.sha256}",
        f"{len(result.passages)} passage(s) bearing on {facts} fact(s). Suggestions need review;",
        "quotes are verbatim (shortened here; --format yaml or json gives them whole).",
    ]
    lines.extend(f"warning: {warning}" for warning in result.warnings)
    if result.profile is not None:
        lines.append(
            f"Profile {result.profile.path} (vendor {result.profile.vendor}) "
            f"lists this file as document `{result.profile.doc}`."
        )
    if not result.suggestions:
        lines += ["", "No passage bears on a fact the scanner knows (see docs/scan.md)."]
    for suggestion in result.suggestions:
        lines += ["", _headline(suggestion, result)]
        for passage in suggestion.passages:
            lines += _passage_lines(passage, width)
    if result.pointers:
        lines += ["", POINTERS_HEADING]
        for pointer in result.pointers:
            lines += _pointer_lines(pointer, width)
    # The document's words reach a terminal: its escape sequences and bidi overrides must not.
    return escape.multiline("\n".join(lines)) + "\n"


POINTERS_HEADING = "Also read (found by wording; no value suggested):"
"""Heads the finder's pointers in the text output, after every suggestion."""
_POINTER_QUOTE = 160


def _pointer_lines(pointer: Pointer, width: int) -> list[str]:
    section = " ".join(part for part in (pointer.section, pointer.heading) if part)
    why = f"; words: {', '.join(pointer.words)}" if pointer.words else ""
    head = f"  - line {pointer.line} ({section or 'no section'}): {pointer.fact}{why}"
    text = pointer.text
    short = text if len(text) <= _POINTER_QUOTE else text[: _POINTER_QUOTE - 6].rstrip() + " [...]"
    body = textwrap.wrap(
        f'"{short}"', width=max(40, width - 6), initial_indent="      ", subsequent_indent="       "
    )
    return [head, *body]


def _headline(suggestion: Suggestion, result: ScanResult) -> str:
    notes = [f"confidence {suggestion.confidence:.2f}"]
    if suggestion.conflicting:
        notes.append("passages disagree")
    if result.profile is not None:
        status = result.profile.status(suggestion.fact, suggestion.value)
        stated = result.profile.stated.get(suggestion.fact)
        notes.append(
            {
                "same": "profile states the same",
                "new": "not in the profile",
                "stated": "stated in the profile",
            }.get(status, f"profile states {_value(stated)}")
        )
    if suggestion.cue:
        notes.append(f"cue {suggestion.cue}")
    headline = f"{suggestion.fact}: {_value(suggestion.value)}  ({'; '.join(notes)})"
    if suggestion.reason:
        headline += f"\n  why: {suggestion.reason}"
    return headline


def _passage_lines(passage: Passage, width: int) -> list[str]:
    marks = [f"{_value(passage.value)} {passage.confidence:.2f}"]
    if passage.override:
        marks.append("overrides the text before it")
    head = f"  - {_where(passage)}: {', '.join(marks)}"
    body = textwrap.wrap(
        f'"{_shown(passage.text)}"',
        width=max(40, width - 6),
        initial_indent="      ",
        subsequent_indent="       ",
    )
    return [head, *body]


# ---------------------------------------------------------------- yaml


def render_yaml(result: ScanResult, options: RenderOptions) -> str:
    """``facts:`` entries ready to paste into a vendor profile once reviewed."""
    import yaml

    doc = result.profile.doc if result.profile else default_doc_id(result.document)
    header = [
        f"# vendorgate scan of {result.document}",
        f"# sha256 {result.sha256}",
        "# Suggested values, each marked `unreviewed: true`: it reads as `undisclosed` until you",
        "# have checked it against its quotes and removed the mark. Quotes are verbatim.",
    ]
    if result.profile is None:
        header.append(
            f"# The document id `{doc}` is made up from the file name; use the id this document"
            " has under `documents:` in your profile (or pass --vendor)."
        )
    else:
        header.append(f"# Document `{doc}` of {result.profile.path}.")
    facts: dict[str, Any] = {}
    listed: list[Suggestion] = []
    for suggestion in result.suggestions:
        if suggestion.value is None:
            listed.append(suggestion)
            continue
        facts[suggestion.fact] = {
            "value": list(suggestion.value)
            if isinstance(suggestion.value, tuple)
            else suggestion.value,
            "unreviewed": True,
            "evidence": [_evidence(doc, p) for p in suggestion.evidence],
            "note": _note(suggestion, result),
        }
    body = yaml.safe_dump(
        {"facts": facts}, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    if not facts:
        body = "facts: {}\n"
    lines = [*header, body.rstrip("\n")]
    for suggestion in listed:
        lines += _listed_comment(suggestion)
    return "\n".join(lines) + "\n"


def _evidence(doc: str, passage: Passage) -> dict[str, str]:
    entry = {"doc": doc}
    if passage.section:
        entry["section"] = passage.section
    entry["quote"] = passage.quote
    return entry


def _note(suggestion: Suggestion, result: ScanResult) -> str:
    parts = [
        f"Suggested by vendorgate scan (confidence {suggestion.confidence:.2f}); needs review."
    ]
    if suggestion.cue:
        parts.append(f"Cue: {suggestion.cue}.")
    others = sorted({_value(p.value) for p in suggestion.passages if p not in suggestion.evidence})
    if others:
        parts.append(f"Other passages suggest {', '.join(others)}.")
    if suggestion.reason:
        parts.append(f"Why this value: {suggestion.reason}.")
    if result.profile is not None:
        status = result.profile.status(suggestion.fact, suggestion.value)
        if status == "same":
            parts.append("The profile already states this value.")
        elif status == "different":
            stated = _value(result.profile.stated.get(suggestion.fact))
            parts.append(f"The profile states {stated}.")
    return " ".join(parts)


def _listed_comment(suggestion: Suggestion) -> list[str]:
    lines = [
        f"# {suggestion.fact}: the passages below bear on it; write the list by hand as",
        "# {name, category, purpose, region} entries:",
    ]
    for passage in suggestion.passages:
        text = " ".join(passage.text.split())
        lines.append(f"#   {passage.section or '-'} (line {passage.line}): {_shown(text)}")
    return lines


# ---------------------------------------------------------------- json


def passage_data(passage: Passage) -> dict[str, Any]:
    return {
        "fact": passage.fact,
        "value": list(passage.value) if isinstance(passage.value, tuple) else passage.value,
        "confidence": passage.confidence,
        "section": passage.section,
        "heading": passage.heading,
        "line": passage.line,
        "start": passage.start,
        "end": passage.end,
        "quote": passage.quote,
        "text": passage.text,
        "cue": passage.cue,
        "overrides": passage.override,
    }


def suggestion_data(suggestion: Suggestion, result: ScanResult | None) -> dict[str, Any]:
    value = suggestion.value
    data: dict[str, Any] = {
        "fact": suggestion.fact,
        "value": list(value) if isinstance(value, tuple) else value,
        "confidence": suggestion.confidence,
        "conflicting": suggestion.conflicting,
        "cue": suggestion.cue,
        "reason": suggestion.reason,
        "passages": [passage_data(p) for p in suggestion.passages],
    }
    if result is not None and result.profile is not None:
        data["profile"] = {
            "status": result.profile.status(suggestion.fact, value),
            "stated": _plain(result.profile.stated.get(suggestion.fact)),
        }
    return data


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    return value


def scan_data(result: ScanResult) -> dict[str, Any]:
    profile = None
    if result.profile is not None:
        profile = {
            "vendor": result.profile.vendor,
            "path": result.profile.path,
            "doc": result.profile.doc,
        }
    return {
        "document": result.document,
        "sha256": result.sha256,
        "profile": profile,
        "warnings": list(result.warnings),
        "suggestions": [suggestion_data(s, result) for s in result.suggestions],
        "pointers": [pointer_data(p) for p in result.pointers],
    }


def pointer_data(pointer: Pointer) -> dict[str, Any]:
    """A pointer of the finder: where to read, never a value."""
    return {
        "fact": pointer.fact,
        "score": pointer.score,
        "section": pointer.section,
        "heading": pointer.heading,
        "line": pointer.line,
        "start": pointer.start,
        "end": pointer.end,
        "quote": pointer.quote,
        "text": pointer.text,
        "words": list(pointer.words),
    }


# ---------------------------------------------------------------- comparisons


def render_comparison_text(comparison: ScanComparison, options: RenderOptions) -> str:
    width = options.width
    changed = [f for f in comparison.facts if f.kind != "unchanged"]
    lines = [
        f"{comparison.old.document} -> {comparison.new.document}",
        f"{len(changed)} of {len(comparison.facts)} fact(s) changed.",
        *(f"warning: {w}" for w in (*comparison.old.warnings, *comparison.new.warnings)),
    ]
    for fact in comparison.facts:
        lines += ["", _change_headline(fact)]
        for change in fact.passages:
            if change.kind != "unchanged":
                lines += _change_lines(change, width)
        unchanged = sum(1 for c in fact.passages if c.kind == "unchanged")
        if unchanged:
            lines.append(f"  = {unchanged} passage(s) unchanged")
    return escape.multiline("\n".join(lines)) + "\n"


def _change_headline(fact: FactChange) -> str:
    old = _value(fact.old.value) if fact.old else "(no passage)"
    new = _value(fact.new.value) if fact.new else "(no passage)"
    arrow = old if old == new else f"{old} -> {new}"
    return f"{fact.fact}: {arrow}  ({fact.kind})"


_SIGNS = {"added": "+", "removed": "-", "changed": "~", "unchanged": "="}


def _change_lines(change: PassageChange, width: int) -> list[str]:
    lines: list[str] = []
    shown = (
        [("old", change.old), ("new", change.new)]
        if change.kind == "changed"
        else [("", change.new or change.old)]
    )
    for label, passage in shown:
        assert passage is not None
        prefix = f"  {_SIGNS[change.kind]} {change.kind}{' ' + label if label else ''}"
        lines.append(f"{prefix}: {_where(passage)}: {_value(passage.value)}")
        lines += textwrap.wrap(
            f'"{_shown(passage.text)}"',
            width=max(40, width - 6),
            initial_indent="      ",
            subsequent_indent="       ",
        )
    return lines


def comparison_data(comparison: ScanComparison) -> dict[str, Any]:
    def side(passage: Passage | None) -> dict[str, Any] | None:
        return passage_data(passage) if passage is not None else None

    def value(suggestion: Suggestion | None) -> object:
        if suggestion is None:
            return None
        v = suggestion.value
        return list(v) if isinstance(v, tuple) else v

    return {
        "old": {"document": comparison.old.document, "sha256": comparison.old.sha256},
        "new": {"document": comparison.new.document, "sha256": comparison.new.sha256},
        "facts": [
            {
                "fact": f.fact,
                "change": f.kind,
                "old_value": value(f.old),
                "new_value": value(f.new),
                "passages": [
                    {"change": c.kind, "old": side(c.old), "new": side(c.new)} for c in f.passages
                ],
            }
            for f in comparison.facts
        ],
    }
