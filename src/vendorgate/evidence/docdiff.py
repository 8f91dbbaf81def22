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
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from vendorgate.core.errors import InputError, UsageError
from vendorgate.core.model import Location
from vendorgate.load import catalogue, workspace
from vendorgate.text.normalise import normalise
from vendorgate.text.passages import IndexedText, Passage
from vendorgate.text.reader import MAX_SNAPSHOT_BYTES, read_bytes
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
    if Path(path).is_dir():
        raise UsageError(f"{path}: is a folder (a document version was expected)")
    if not Path(path).exists():
        raise UsageError(f"{path}: no such file (a document version was expected)")
    try:  # a FIFO, a device or a huge file is refused without being read whole
        return read_bytes(Path(path), str(path), MAX_SNAPSHOT_BYTES)
    except InputError as exc:
        raise UsageError(f"{path}: {exc.problems[0].message}") from exc


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
