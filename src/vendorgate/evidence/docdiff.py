"""``vendorgate evidence diff OLD NEW``: what changed between two versions of a document, by
section, and which facts rest on text that changed or vanished.

Sections are matched by number (``10.4``), or by heading when the document gives no number.
A section's content is compared after :func:`vendorgate.evidence.normalise` and without its
leading number, so a renumbered Markdown list (``27.`` becoming ``28.``) is not a change.
A quote is *vanished* when it is in OLD and not in NEW; it is *in a changed section* when it is
still in NEW but the section it stood in changed around it (its meaning may have moved); it is
*new text* when only NEW holds it, in a section NEW added or changed.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from vendorgate.core.errors import InputError, UsageError
from vendorgate.core.model import Evidence, Fact, Location
from vendorgate.load import catalogue, workspace
from vendorgate.text.normalise import normalise
from vendorgate.text.passages import IndexedText, Passage, readable
from vendorgate.text.reader import MAX_SNAPSHOT_BYTES, read_bytes
from vendorgate.text.sections import Section, structure_warning

_LEADING_NUMBER = re.compile(r"^(?:#{1,6}\s*)?(?:\d{1,3}(?:\.\d{1,3})*\\?\.?\s+|[A-Z]\\?\.\s+)?")
_SHOWN_EDITS = 3
_SHOWN_WORDS = 24

VANISHED = "vanished"
SECTION_CHANGED = "section-changed"
NEW_TEXT = "new-text"
"""A quote only NEW holds, in a section NEW added or changed: a fact written for NEW that rests
on the change (a reviewer of the change should re-read it)."""


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
    old_number: str = ""
    """Number in OLD (differs from ``number`` when the section moved); empty when added."""

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
    """``vanished``, ``section-changed`` or ``new-text``."""
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
    warnings: tuple[str, ...] = ()
    """One per version whose layout yielded too few sections to compare them reliably."""

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
    # an HTML page as its reader sees it, as evidence verify checks quotes against it
    old_text = readable(old_bytes.decode("utf-8", errors="replace"))
    new_text = readable(new_bytes.decode("utf-8", errors="replace"))
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
        _warnings((str(old), old_text), (str(new), new_text)),
    )


def _warnings(*versions: tuple[str, IndexedText]) -> tuple[str, ...]:
    found = (structure_warning(text.sections, name) for name, text in versions)
    return tuple(warning for warning in found if warning)


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


def _keys(sections: Sequence[Section], other: Sequence[Section]) -> list[str]:
    """A key per section to match versions by: its heading when that heading is unique in both
    versions (so a part relettered from ``J`` to ``K`` still matches), else its stable id
    (number, or heading; repeats get ``#2``, ``#3``...)."""
    mine = Counter(section_key_heading(s) for s in sections)
    theirs = Counter(section_key_heading(s) for s in other)
    keys = []
    for section in sections:
        heading = section_key_heading(section)
        unique = heading and mine[heading] == 1 and theirs[heading] == 1
        keys.append(f"h:{heading}" if unique else section.id)
    return keys


def section_key_heading(section: Section) -> str:
    return section.heading.casefold()


def _content(section: Section) -> list[str]:
    return _LEADING_NUMBER.sub("", normalise(section.text)).split()


def compare(old: Sequence[Section], new: Sequence[Section]) -> tuple[list[SectionChange], int]:
    """Changes in document order, and the number of unchanged sections."""
    old_keys, new_keys = _keys(old, new), _keys(new, old)
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
            old_number=old.number,
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
        old_number=old.number,
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
    touched = {(c.old_number, c.old_heading) for c in changes if c.kind != "added"}
    touched_new = {(c.number, c.heading) for c in changes if c.kind != "removed"}
    found: list[AffectedQuote] = []
    for loaded in sorted(profiles, key=lambda lv: lv.profile.id):
        profile = loaded.profile
        facts = profile.written_facts()
        for fact in facts:
            for item in fact.evidence:
                if not old.contains(item.quote):
                    landed = _new_text(profile.id, fact, item, new, touched_new)
                    found.extend([landed] if landed else [])
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


def _new_text(
    vendor: str, fact: Fact, item: Evidence, new: IndexedText, touched: set[tuple[str, str]]
) -> AffectedQuote | None:
    """The quote as resting on a change, when only NEW holds it and its section changed."""
    if not new.contains(item.quote):
        return None
    after = new.section_of(item.quote)
    if after is None or (after.number, after.heading) not in touched:
        return None
    return AffectedQuote(
        vendor,
        fact.name,
        fact.plan,
        item.location,
        item.doc,
        item.section,
        item.quote,
        NEW_TEXT,
        "",
        after.label,
        None,
    )
