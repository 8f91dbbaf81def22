"""``vendorgate evidence diff OLD NEW``: what changed between two versions of a document, by
section, and which facts rest on text that changed or vanished.

Sections are matched by number (``10.4``), or by heading when the document gives no number.
A section's content is compared after :func:`vendorgate.evidence.normalise` and without its
leading number, so a renumbered Markdown list (``27.`` becoming ``28.``) is not a change.
A quote is *vanished* when it is in OLD and not in NEW; it is *in a changed section* when it is
still in NEW but the section it stood in changed around it (its meaning may have moved).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from vendorgate.core import serialize
from vendorgate.core.errors import UsageError
from vendorgate.core.model import Location
from vendorgate.core.version import __version__
from vendorgate.load import catalogue, workspace
from vendorgate.text.normalise import normalise
from vendorgate.text.passages import IndexedText, Passage
from vendorgate.text.sections import Section

_LEADING_NUMBER = re.compile(r"^(?:#{1,6}\s*)?(?:\d{1,3}(?:\.\d{1,3})*\\?\.?\s+)?")
_SHOWN_EDITS = 3
_SHOWN_WORDS = 24

VANISHED = "vanished"
SECTION_CHANGED = "section-changed"


@dataclass(frozen=True)
class SectionChange:
    """A section added, removed or changed between OLD and NEW."""

    kind: str
    """added, removed or changed."""
    number: str
    """Section number; empty when the document gives none."""
    heading: str
    """Heading in NEW (in OLD for a removed section)."""
    old_heading: str
    """Heading in OLD; empty for an added section."""
    old_line: int
    """Line in OLD; 0 for an added section."""
    new_line: int
    """Line in NEW; 0 for a removed section."""
    words_removed: int
    """Words of OLD not in NEW."""
    words_added: int
    """Words of NEW not in OLD."""
    edits: tuple[str, ...]
    """The first few word-level edits, each a short phrase."""
    more_edits: int = 0
    """How many further edits were left out of ``edits``."""

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.number, self.heading) if p) or "(preamble)"


@dataclass(frozen=True)
class AffectedQuote:
    """A profile's quote that OLD holds and that NEW lost or holds in a changed section."""

    vendor: str
    """Vendor id."""
    fact: str
    """The fact the quote backs."""
    plan: str | None
    """Plan whose override holds the fact; None for vendor-level facts."""
    location: Location
    """Where the evidence is written."""
    doc: str
    """The document id the evidence names."""
    cited_section: str
    """The section the evidence names."""
    quote: str
    """The quote as written."""
    status: str
    """``vanished`` or ``section-changed``."""
    old_section: str
    """Label of the section holding the quote in OLD."""
    new_section: str
    """Label of the section holding it in NEW; empty when vanished."""
    closest: Passage | None
    """For a vanished quote: the passage of NEW most like it."""


@dataclass(frozen=True)
class DocDiff:
    old: str
    """OLD as named on the command line."""
    new: str
    """NEW as named on the command line."""
    old_sha256: str
    new_sha256: str
    changes: tuple[SectionChange, ...]
    """In document order."""
    unchanged: int
    """Sections present in both with the same content."""
    affected: tuple[AffectedQuote, ...]
    """Sorted by vendor, fact and position in the profile."""
    profiles: int
    """How many profiles were searched for quotes."""

    @property
    def vanished(self) -> tuple[AffectedQuote, ...]:
        return tuple(a for a in self.affected if a.status == VANISHED)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)


def diff_files(
    old: str | Path, new: str | Path, vendor_paths: Sequence[str | Path] | None = None
) -> DocDiff:
    """Compare two document versions; quotes come from ``vendor_paths`` (the organisation's
    vendors when None and an organisation profile is found; none when empty)."""
    old_bytes, new_bytes = _read(old), _read(new)
    old_text = IndexedText(old_bytes.decode("utf-8", errors="replace"))
    new_text = IndexedText(new_bytes.decode("utf-8", errors="replace"))
    changes, unchanged = compare(old_text.sections, new_text.sections)
    profiles = catalogue.load_vendors(_profiles(vendor_paths))
    affected = _affected(profiles, old_text, new_text, changes)
    return DocDiff(
        str(old),
        str(new),
        hashlib.sha256(old_bytes).hexdigest(),
        hashlib.sha256(new_bytes).hexdigest(),
        tuple(changes),
        unchanged,
        tuple(affected),
        len(profiles),
    )


def _read(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file (a document version was expected)") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder (a document version was expected)") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def _profiles(paths: Sequence[str | Path] | None) -> list[Path]:
    if paths:
        return workspace.discover(paths)
    if paths is not None:
        return []
    org_file = workspace.find_org()
    if org_file is None:
        return []
    org, _ = catalogue.load_org(org_file)
    return workspace.discover(org.vendors_paths) if org.vendors_paths else []


# ---------------------------------------------------------------- sections


def _keys(sections: Sequence[Section]) -> list[str]:
    """A key per section: its number, or its heading; repeated keys get ``#2``, ``#3``..."""
    seen: dict[str, int] = {}
    keys = []
    for section in sections:
        base = section.number or ("h:" + section.heading.casefold() if section.heading else "")
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


def _content(section: Section) -> list[str]:
    return _LEADING_NUMBER.sub("", normalise(section.text)).split()


def compare(old: Sequence[Section], new: Sequence[Section]) -> tuple[list[SectionChange], int]:
    """Changes in document order, and the number of unchanged sections."""
    old_keys, new_keys = _keys(old), _keys(new)
    old_by_key = dict(zip(old_keys, old, strict=True))
    new_by_key = dict(zip(new_keys, new, strict=True))
    changes: list[SectionChange] = []
    unchanged = 0
    done: set[str] = set()
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        for key in [*old_keys[i1:i2], *new_keys[j1:j2]]:
            if key in done:
                continue
            done.add(key)
            before, after = old_by_key.get(key), new_by_key.get(key)
            change = _change(before, after)
            if change is None:
                unchanged += 1
            else:
                changes.append(change)
    return changes, unchanged


def _change(old: Section | None, new: Section | None) -> SectionChange | None:
    if new is None:
        assert old is not None
        words = _content(old)
        return SectionChange(
            kind="removed",
            number=old.number,
            heading=old.heading,
            old_heading=old.heading,
            old_line=old.line,
            new_line=0,
            words_removed=len(words),
            words_added=0,
            edits=(_phrase("removed", words),),
        )
    if old is None:
        words = _content(new)
        return SectionChange(
            kind="added",
            number=new.number,
            heading=new.heading,
            old_heading="",
            old_line=0,
            new_line=new.line,
            words_removed=0,
            words_added=len(words),
            edits=(_phrase("added", words),),
        )
    before, after = _content(old), _content(new)
    if before == after:
        return None
    removed, added, edits = _word_edits(before, after)
    return SectionChange(
        kind="changed",
        number=new.number,
        heading=new.heading,
        old_heading=old.heading,
        old_line=old.line,
        new_line=new.line,
        words_removed=removed,
        words_added=added,
        edits=tuple(edits[:_SHOWN_EDITS]),
        more_edits=max(0, len(edits) - _SHOWN_EDITS),
    )


def _word_edits(before: list[str], after: list[str]) -> tuple[int, int, list[str]]:
    removed = added = 0
    edits = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed += i2 - i1
        added += j2 - j1
        if tag == "replace":
            edits.append(f"{_quoted(before[i1:i2])} \u2192 {_quoted(after[j1:j2])}")
        elif tag == "delete":
            edits.append(_phrase("removed", before[i1:i2]))
        else:
            edits.append(_phrase("added", after[j1:j2]))
    return removed, added, edits


def _phrase(verb: str, words: list[str]) -> str:
    return f"{verb} {_quoted(words)}"


def _quoted(words: list[str]) -> str:
    if len(words) > _SHOWN_WORDS:
        half = _SHOWN_WORDS // 2
        shown = " ".join(words[:half]) + " \u2026 " + " ".join(words[-half:])
    else:
        shown = " ".join(words)
    return f"\u201c{shown}\u201d"


# ---------------------------------------------------------------- quotes


def _affected(
    profiles: Iterable[catalogue.LoadedVendor],
    old: IndexedText,
    new: IndexedText,
    changes: Sequence[SectionChange],
) -> list[AffectedQuote]:
    touched = {(c.number, c.old_heading) for c in changes if c.kind != "added"}
    found: list[AffectedQuote] = []
    for loaded in sorted(profiles, key=lambda lv: lv.profile.id):
        profile = loaded.profile
        facts = [*profile.facts.values(), *(f for p in profile.plans for f in p.facts.values())]
        for fact in facts:
            for item in fact.evidence:
                if not old.contains(item.quote):
                    continue
                before = old.section_of(item.quote)
                before_label = before.label if before else ""
                if new.contains(item.quote):
                    if before is None or (before.number, before.heading) not in touched:
                        continue
                    after = new.section_of(item.quote)
                    status, after_label, closest = (
                        SECTION_CHANGED,
                        after.label if after else "",
                        None,
                    )
                else:
                    status, after_label, closest = VANISHED, "", new.closest(item.quote)
                found.append(
                    AffectedQuote(
                        profile.id,
                        fact.name,
                        fact.plan,
                        item.location,
                        item.doc,
                        item.section,
                        item.quote,
                        status,
                        before_label,
                        after_label,
                        closest,
                    )
                )
    return found


# ---------------------------------------------------------------- rendering


def to_json(result: DocDiff) -> str:
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
            "quotesInChangedSections": len(result.affected) - len(result.vanished),
        },
        "sections": [_change_json(c) for c in result.changes],
        "affected": [_affected_json(a) for a in result.affected],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _change_json(change: SectionChange) -> dict[str, Any]:
    return {
        "change": change.kind,
        "number": change.number,
        "heading": change.heading,
        "oldHeading": change.old_heading,
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
    if change.kind == "changed" and change.old_heading != change.heading:
        return f" (was: {change.old_heading or 'no heading'})"
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
    head = f"quote still present, but section {item.old_section} changed around it"
    if item.new_section and item.new_section != item.old_section:
        head += f" (now in section {item.new_section})"
    return head, [f"quote: \u201c{normalise(item.quote)}\u201d"]


def to_text(result: DocDiff) -> str:
    lines = [f"evidence diff: {result.old} -> {result.new}", _summary_line(result), ""]
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


def to_markdown(result: DocDiff) -> str:
    lines = [
        f"## Changes from `{result.old}` to `{result.new}`",
        "",
        _summary_line(result).capitalize() + ".",
        "",
    ]
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
    return re.sub(r"([|*_`\[\]<>])", r"\\\1", text)
