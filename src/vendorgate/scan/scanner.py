"""The clause scanner: find the passages of a terms document that bear on each fact.

``scan.document`` cuts the document into sentences with their context, ``scan.detectors`` says
which facts each sentence bears on and what value it suggests; this module turns those hits into
:class:`Passage` objects with verbatim quotes, sums them up into one :class:`Suggestion` per fact,
compares two versions of a document, and matches the document to a vendor profile.

Everything here is deterministic and offline: the same document gives the same passages.
Suggestions are for a person to review; the scanner never writes a profile.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.vocabulary import FACTS_BY_NAME, UNDISCLOSED
from vendorgate.scan.detectors import SCANNED_FACTS, Hit, HitValue, detect, follow_ups
from vendorgate.scan.document import (
    Sentence,
    html_view,
    is_html,
    scanned_text,
    sentences,
    widen,
)
from vendorgate.scan.finder import Pointer
from vendorgate.text.normalise import normalise
from vendorgate.text.sections import Section, split_sections, structure_warning

_is_html = is_html
"""The HTML check, under the name it had here before it moved to ``scan.document``."""

MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
MIN_CONFIDENCE = 0.5
"""Passages below this confidence are not reported."""
LONG_QUOTE = 480
"""Sentences longer than this are quoted from the clauses holding the decisive words."""

_WORST_NUMBER: Mapping[str, str] = {
    # when passages state different numbers, the one that exposes the customer more wins
    "deletion_after_termination_days": "longest",
    "breach_notification_hours": "longest",
    "subprocessor_change_notice_days": "shortest",
}
_RISK: Mapping[str, tuple[str, ...]] = {
    # when passages of equal weight disagree, the value that exposes the customer more wins:
    # a reviewer should be shown the worst reading first. `undisclosed` (a passage whose
    # condition or exception leaves the practice open) ranks above every value a rule could
    # pass on, so a qualified statement is never outvoted by a plain promise elsewhere.
    "practice": ("always", "opt_out", "undisclosed", "opt_in", "never"),
    "content_license_scope": (
        "any_purpose",
        "service_and_improvement",
        "undisclosed",
        "service_only",
    ),
    "content_retention": ("indefinite", "fixed_period", "undisclosed", "customer_controlled"),
    "availability": ("not_available", "on_request", "undisclosed", "available"),
    "encryption_at_rest": ("not_encrypted", "undisclosed", "encrypted"),
}


@dataclass(frozen=True)
class Passage:
    """A passage of the document that bears on one fact."""

    fact: str
    """Vocabulary name."""
    value: HitValue
    """The value it suggests; None for sub-processor passages."""
    confidence: float
    """0..1."""
    section: str
    """Section number (``10.4``); empty when the document does not number it."""
    heading: str
    """Section heading; empty when none."""
    quote: str
    """Verbatim text of the document (raw, Markdown included)."""
    start: int
    """Offset of the quote in the document."""
    end: int
    """Offset just past the quote."""
    line: int
    """1-based line of the quote's first character."""
    cue: str = ""
    """Why the scanner picked it."""
    strength: int = 1
    """2 for an explicit statement of the practice, 1 for a general one."""
    override: bool = False
    """The passage overrides what comes before it (``Notwithstanding the above``)."""
    narrower: bool = False
    """An ``undisclosed`` from a denial narrower than the practice (see :attr:`Hit.narrower`)."""
    holds_open: bool = False
    """An ``undisclosed`` holding open the number of the same deadline in its paragraph (see
    :attr:`Hit.holds_open`)."""

    @property
    def text(self) -> str:
        """The quote with presentation removed, for reading."""
        return normalise(self.quote)


@dataclass(frozen=True)
class Suggestion:
    """The value the scanner suggests for one fact, and the passages behind it."""

    fact: str
    """Vocabulary name."""
    value: HitValue
    """Suggested value; None for sub-processors (a list a person writes from the passages)."""
    confidence: float
    """0..1; lower when the passages disagree."""
    passages: tuple[Passage, ...]
    """Every passage bearing on the fact, in document order."""
    conflicting: bool = False
    """Whether the passages suggest different values."""
    cue: str = ""
    """The cue of the passage that decided the value: the detector and the rule with the
    words it matched (``ai_training: opt_out "you can turn off"``)."""
    reason: str = ""
    """Why this value when the passages disagree; empty when they agree."""

    @property
    def evidence(self) -> tuple[Passage, ...]:
        """The passages that support the suggested value, in document order."""
        if self.value is None:
            return self.passages
        supporting = tuple(p for p in self.passages if _supports(p.value, self.value))
        return supporting or self.passages


@dataclass(frozen=True)
class ProfileMatch:
    """The vendor profile a scanned document belongs to."""

    vendor: str
    """Vendor id."""
    path: str
    """Profile file as shown to the user."""
    doc: str
    """Id of the document in the profile whose snapshot is the scanned file."""
    stated: Mapping[str, object]
    """Facts the profile states (vendor level), by name."""

    def status(self, fact: str, value: HitValue) -> str:
        """``same``, ``different`` or ``new`` for a suggested value."""
        if fact not in self.stated:
            return "new"
        stated = self.stated[fact]
        if value is None:
            return "stated"
        if isinstance(value, tuple) and isinstance(stated, tuple):
            return "same" if set(value) == {str(v) for v in stated} else "different"
        return "same" if stated == value else "different"


@dataclass(frozen=True)
class ScanResult:
    """What the scanner found in one document."""

    document: str
    """The document as the user named it."""
    sha256: str
    """sha256 of its bytes."""
    passages: tuple[Passage, ...]
    """Every passage found, in document order."""
    suggestions: tuple[Suggestion, ...]
    """One per fact with passages, in vocabulary order."""
    profile: ProfileMatch | None = None
    """The profile named with ``--vendor``."""
    warnings: tuple[str, ...] = ()
    """Said when the document's layout yielded too few sections to name them reliably."""
    pointers: tuple[Pointer, ...] = ()
    """Further sentences the learned finder reads as bearing on a fact that no rule passage
    of that fact quoted (see :mod:`vendorgate.scan.finder`). For a person to read: they
    suggest no value and never enter a suggestion."""

    def suggestion(self, fact: str) -> Suggestion | None:
        return next((s for s in self.suggestions if s.fact == fact), None)


@dataclass(frozen=True)
class PassageChange:
    """How one passage changed between two versions of a document."""

    kind: str
    """added, removed, changed (same place, other words or value) or unchanged."""
    old: Passage | None
    new: Passage | None


@dataclass(frozen=True)
class FactChange:
    """How the passages bearing on one fact changed."""

    fact: str
    old: Suggestion | None
    new: Suggestion | None
    passages: tuple[PassageChange, ...]

    @property
    def kind(self) -> str:
        """added, removed, changed or unchanged (for the fact as a whole)."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        if self.old.value != self.new.value or any(p.kind != "unchanged" for p in self.passages):
            return "changed"
        return "unchanged"


@dataclass(frozen=True)
class ScanComparison:
    """Two scans of versions of one document, fact by fact."""

    old: ScanResult
    new: ScanResult
    facts: tuple[FactChange, ...]


# ---------------------------------------------------------------- scanning


def scan_text(text: str, min_confidence: float = MIN_CONFIDENCE) -> tuple[Passage, ...]:
    """Every passage of ``text`` bearing on a scanned fact, in document order."""
    return _scan(text, min_confidence)[0]


def _scan(
    text: str, min_confidence: float
) -> tuple[tuple[Passage, ...], list[Sentence], list[Section]]:
    """The passages of ``text``, the sentences they were read from and the sections of the
    text read (the HTML view of an HTML document), split once for both."""
    text = scanned_text(text)  # a Markdown comment's words are no reader's: none is read
    view = html_view(text) if is_html(text) else text
    sections = split_sections(view)
    normalised = normalise(text)
    passages: dict[tuple[str, int, int], Passage] = {}
    leads: dict[str, tuple[str, int, int]] = {}
    unit_hits: list[Hit] = []
    before: list[Hit] = []
    unit_id: object = None
    section: object = None
    cut = sentences(view, sections)
    for sentence in cut:
        opening = sentence.unit is not unit_id
        if opening:
            # the hits of the paragraph or list item just before in the same section, for a
            # unit that opens with the way out of its practice ("- You can opt out at any time
            # in your settings.")
            same = sentence.section is section
            unit_id, unit_hits, before = sentence.unit, [], unit_hits if same else []
            section = sentence.section
        hits = detect(sentence)
        fresh = {h.fact for h in hits}
        earlier = unit_hits if not opening else before
        # a follow-up adds a fact the sentence's own rules did not read, and a hold on the
        # number before it whatever they read ("Notice to you of a breach may be delayed.")
        hits += [h for h in follow_ups(sentence, earlier) if h.fact not in fresh or h.holds_open]
        unit_hits += hits
        for hit in hits:
            if hit.confidence < min_confidence:
                continue
            passage = _passage(text, normalised, sentence, hit)
            if passage is None:
                continue
            key = (passage.fact, passage.start, passage.end)
            kept = passages.get(key)
            if kept is None or kept.confidence < passage.confidence:
                passages[key] = passage
            if kept is not None and (kept.holds_open or passage.holds_open):
                # the same quote read twice: a hold on the number survives the stronger reading
                passages[key] = replace(passages[key], holds_open=True)
            if LISTED_BELOW in hit.cue:
                leads[sentence.low] = key
            elif sentence.unit.kind == "item":
                _widen_lead(passages, leads, sentence, passage)
    found = tuple(sorted(passages.values(), key=lambda p: (p.start, p.end, _order(p.fact))))
    return found, cut, sections


LISTED_BELOW = "purposes listed below"
"""The cue of a lead-in whose list below names the purposes ("This licence is for the limited
purpose of:"): its value is settled by its items."""
_WIDER_ITEM = frozenset({"service_and_improvement", "any_purpose"})


def _widen_lead(
    passages: dict[tuple[str, int, int], Passage],
    leads: dict[str, tuple[str, int, int]],
    sentence: Sentence,
    passage: Passage,
) -> None:
    """A lead-in's passage given the wider value of an item of its list: the licence whose
    purposes it lists reaches as far as its widest item ("developing new technologies" under
    "This licence is for the limited purpose of:"). Only ever widened, never narrowed: an item
    limited to the service says nothing of the other items."""
    if passage.value not in _WIDER_ITEM:
        return
    for lead, key in leads.items():
        if key[0] != passage.fact or not sentence.unit.lead.endswith(lead):
            continue
        kept = passages[key]
        risk = _RISK.get(passage.fact, ())
        if kept.value in risk and risk.index(str(passage.value)) < risk.index(str(kept.value)):
            passages[key] = replace(kept, value=passage.value, cue=f"{kept.cue}; item below")


def _passage(text: str, normalised: str, sentence: Sentence, hit: Hit) -> Passage | None:
    """The passage for a hit, with a verbatim quote; None when no quote can be verified."""
    start, end = _quote_span(sentence, hit)
    for a, b in (
        (start, end),
        (sentence.start, sentence.end),
        (sentence.unit.start, sentence.unit.end),
    ):
        left, right = widen(text, a, b)
        quote = text[left:right].strip()
        offset = left + (len(text[left:right]) - len(text[left:right].lstrip()))
        if quote and normalise(quote) in normalised:
            section = sentence.section
            return Passage(
                hit.fact,
                hit.value,
                hit.confidence,
                section.number if section else "",
                section.heading if section else "",
                quote,
                offset,
                offset + len(quote),
                text.count("\n", 0, offset) + 1,
                hit.cue,
                hit.strength,
                hit.override,
                hit.narrower,
                hit.holds_open,
            )
    return None


def _quote_span(sentence: Sentence, hit: Hit) -> tuple[int, int]:
    """Raw span of the quote: the sentence, or for a long one the clauses around the focus."""
    body = sentence.text
    if len(body) <= LONG_QUOTE or hit.focus is None:
        return sentence.start, sentence.end
    a, b = hit.focus
    cuts = [0, *(m.end() for m in re.finditer(r"[;:] ", body)), len(body)]
    left = max(c for c in cuts if c <= a)
    right = min(c for c in cuts if c >= b)
    clause = body[left:right].rstrip("; :")
    if len(clause) < 40:
        return sentence.start, sentence.end
    offset = left + (len(body[left:right]) - len(body[left:right].lstrip()))
    folded = sentence.unit.folded
    unit_offset = _unit_offset(sentence)
    return folded.raw_span(unit_offset + offset, unit_offset + left + len(clause))


def _unit_offset(sentence: Sentence) -> int:
    """Folded offset of the sentence inside its unit."""
    offsets = sentence.unit.folded.offsets
    return offsets.index(sentence.start)


def _order(fact: str) -> int:
    return SCANNED_FACTS.index(fact) if fact in SCANNED_FACTS else len(SCANNED_FACTS)


# ---------------------------------------------------------------- suggestions


def suggest(passages: Iterable[Passage]) -> tuple[Suggestion, ...]:
    """One suggestion per fact, in vocabulary order."""
    by_fact: dict[str, list[Passage]] = {}
    for passage in passages:
        by_fact.setdefault(passage.fact, []).append(passage)
    return tuple(
        _suggestion(fact, tuple(by_fact[fact])) for fact in SCANNED_FACTS if fact in by_fact
    )


def _suggestion(fact: str, passages: tuple[Passage, ...]) -> Suggestion:
    values = {p.value for p in passages if p.value is not None}
    conflicting = len(values) > 1
    spec = FACTS_BY_NAME[fact]
    if spec.kind == "subprocessors":
        best = max(passages, key=lambda p: (p.confidence, -p.start))
        return Suggestion(fact, None, best.confidence, passages, cue=best.cue)
    if spec.kind == "list":
        regions = {v for p in passages if isinstance(p.value, tuple) for v in p.value}
        ordered = tuple(v for v in spec.values if v in regions)
        best = max(passages, key=lambda p: (p.confidence, -p.start))
        reason = "every region a passage names, joined" if conflicting else ""
        return Suggestion(
            fact, ordered or "undisclosed", best.confidence, passages, False, best.cue, reason
        )
    if spec.kind == "integer":
        return _number(fact, passages)
    risk = _risk_order(fact)
    standing = _without_narrower_denials(_not_overridden(passages))
    best = max(
        standing,
        key=lambda p: (-_rank(risk, p.value), p.override, p.strength, p.confidence, -p.start),
    )
    decided = {p.value for p in standing}
    reason = ""
    if conflicting:
        said = _values_said(passages)
        why = (
            f"the passage at line {best.line} overrides what comes before it"
            if best.override
            else "it is the least permissive reading"
        )
        reason = f"passages disagree ({said}); {best.value} is suggested because {why}"
    return Suggestion(
        fact,
        best.value,
        _discount(best.confidence, conflicting and len(decided) > 1),
        passages,
        conflicting,
        best.cue,
        reason,
    )


def _narrower_denial(passage: Passage) -> bool:
    """A denial left open because it covers less than the whole practice (one plan, one kind
    of recipient or data, advertisers kept from the data), as its detector flagged it."""
    return passage.value == UNDISCLOSED and passage.narrower


def _without_narrower_denials(passages: tuple[Passage, ...]) -> tuple[Passage, ...]:
    """The passages, less the narrower denials when another passage settles the fact: "we do
    not sell sensitive personal information" agrees with "we do not sell personal
    information" and must not pull the document to ``undisclosed``; a condition or an
    exception (any other ``undisclosed``) still does. With nothing else settled, they stay."""
    kept = tuple(p for p in passages if not _narrower_denial(p))
    if any(p.value != UNDISCLOSED for p in kept):
        return kept
    return passages


def _not_overridden(passages: tuple[Passage, ...]) -> tuple[Passage, ...]:
    """The passages no overriding passage after them sets aside: "Notwithstanding the above"
    overrides what comes before it, not a later passage, which may take the promise back. An
    override that leaves the practice open sets nothing aside: a denial narrower than the
    practice ("Notwithstanding the above, we will not use Enterprise customers' content to
    train") or held on a condition ("... if you are an Enterprise customer") leaves the broader
    use before it standing for everyone else."""
    last = max((p.start for p in passages if p.override and p.value != UNDISCLOSED), default=None)
    if last is None:
        return passages
    return tuple(p for p in passages if p.start >= last)


def _number(fact: str, passages: tuple[Passage, ...]) -> Suggestion:
    """The number of a deadline: the one that exposes the customer most, unless a passage holds
    a number open. The rule: an ``undisclosed`` passage cancels the numbers only when it holds
    open the same deadline, which the scanner can tell in one paragraph only (a later sentence
    disclaiming delays in the notice, or saying the period may be extended: see
    :attr:`Passage.holds_open`); an ``undisclosed`` elsewhere in the document (a deadline
    that names no number, another deletion, the user's own) does not outvote a clear number."""
    numbers = [p for p in passages if isinstance(p.value, int)]
    if not numbers:
        best = max(passages, key=lambda p: (p.confidence, -p.start))
        return Suggestion(fact, "undisclosed", best.confidence, passages, False, best.cue)
    held = next((p for p in passages if p.holds_open and p.value == UNDISCLOSED), None)
    if held is not None:
        reason = (
            f"passages disagree ({_values_said(passages)}); undisclosed is suggested because "
            f"the passage at line {held.line} holds open the number stated before it in its "
            f"paragraph"
        )
        return Suggestion(
            fact, UNDISCLOSED, _discount(held.confidence, True), passages, True, held.cue, reason
        )
    worst = _WORST_NUMBER.get(fact, "longest")
    sign = 1 if worst == "longest" else -1
    best = max(numbers, key=lambda p: (sign * _int(p.value), p.confidence, -p.start))
    distinct = {p.value for p in numbers}
    reason = ""
    if len(distinct) > 1:
        reason = (
            f"passages state different numbers ({_values_said(numbers)}); {best.value} is "
            f"suggested because the {worst} period exposes the customer most"
        )
    return Suggestion(
        fact,
        best.value,
        _discount(best.confidence, len(distinct) > 1),
        passages,
        len(distinct) > 1,
        best.cue,
        reason,
    )


def _int(value: HitValue) -> int:
    return value if isinstance(value, int) else 0


def _values_said(passages: Iterable[Passage]) -> str:
    """``never at line 12, opt_out at line 40``: each value with the first line saying it."""
    first: dict[str, int] = {}
    for passage in sorted(passages, key=lambda p: p.start):
        first.setdefault(str(passage.value), passage.line)
    return ", ".join(f"{value} at line {line}" for value, line in first.items())


def _risk_order(fact: str) -> tuple[str, ...]:
    spec = FACTS_BY_NAME[fact]
    if set(spec.values) == set(_RISK["practice"]) - {UNDISCLOSED}:
        return _RISK["practice"]
    if set(spec.values) == set(_RISK["availability"]) - {UNDISCLOSED}:
        return _RISK["availability"]
    return _RISK.get(fact, spec.values)


def _rank(order: Sequence[str], value: HitValue) -> int:
    return order.index(value) if isinstance(value, str) and value in order else len(order)


def _discount(confidence: float, conflicting: bool) -> float:
    return round(confidence * 0.85, 2) if conflicting else confidence


def _supports(value: HitValue, suggested: HitValue) -> bool:
    if isinstance(suggested, tuple) and isinstance(value, tuple):
        return bool(set(value) & set(suggested))
    return value == suggested


# ---------------------------------------------------------------- documents and profiles


def read_document(path: Path, display: str) -> tuple[str, str]:
    """(text, sha256) of a terms document; InputError (located) when it cannot be read."""
    from vendorgate.text.reader import read_bytes

    if not path.exists():
        raise UsageError(f"{display}: no such file (a terms document was expected)")
    if path.is_dir():
        raise UsageError(f"{display}: is a folder; name one document file")
    raw = read_bytes(path, display, MAX_DOCUMENT_BYTES)
    return decode_document(raw, display), hashlib.sha256(raw).hexdigest()


def decode_document(raw: bytes, display: str, fix: str = "") -> str:
    """The text of a terms document's bytes (read from a file or fetched), without a byte
    order mark; InputError (located) for binary data or bytes that are not UTF-8, the latter
    saying ``fix`` (how to convert them) when given."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(
            Problem(
                "binary data (a NUL byte); expected a Markdown, HTML or text document",
                display,
                line,
                1,
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            Problem(
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                f"{fix or 'save the document as UTF-8'}",
                display,
                line,
                column,
            )
        ) from exc
    return text.removeprefix("\ufeff")


def scan_document(
    path: str | Path,
    vendor: str | Path | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    pointers: bool = True,
) -> ScanResult:
    """Scan one document; with ``vendor``, match it to that profile's documents. With
    ``pointers`` (the default), the learned finder's pointers are added; they never change
    the passages or suggestions."""
    from vendorgate.load.workspace import display_path

    document = Path(path)
    shown = display_path(document) if document.is_absolute() else str(path)
    profile = _profile_match(document, shown, Path(vendor)) if vendor is not None else None
    text, sha = read_document(document, shown)
    return scan_loaded(text, sha, shown, profile, min_confidence, pointers)


def scan_loaded(
    text: str,
    sha256: str,
    shown: str,
    profile: ProfileMatch | None = None,
    min_confidence: float = MIN_CONFIDENCE,
    pointers: bool = True,
) -> ScanResult:
    """:func:`scan_document` on a document already read (``shown`` names it)."""
    text = scanned_text(text)  # the text _scan reads: the finder's pointers are cut from it too
    passages, cut, sections = _scan(text, min_confidence)
    # The sections the sentences were read in: an HTML document's come from its view, where
    # its headings are, not from the markup (in which no heading is found).
    warning = structure_warning(sections, shown)
    warnings = (warning,) if warning else ()
    found: tuple[Pointer, ...] = ()
    if pointers:
        from vendorgate.scan.finder import point_sentences

        found = point_sentences(text, cut, passages)
    return ScanResult(shown, sha256, passages, suggest(passages), profile, warnings, found)


def _profile_match(document: Path, shown: str, vendor: Path) -> ProfileMatch:
    from vendorgate.evidence.snapshots import SnapshotPathError, resolve_snapshot
    from vendorgate.load import catalogue, workspace

    if not vendor.is_file():
        raise UsageError(f"{vendor}: no such vendor profile")
    loaded = catalogue.load_vendors([vendor])[0]
    profile = loaded.profile
    target = document.resolve()
    listed: list[str] = []
    for doc in profile.documents.values():
        if not doc.snapshot:
            continue
        listed.append(f"{doc.id} ({doc.snapshot})")
        try:
            resolved = resolve_snapshot(loaded.path, doc.snapshot, loaded.root)
        except SnapshotPathError:
            continue
        if resolved == target:
            stated = {
                name: fact.value for name, fact in profile.facts.items() if not fact.derived_from
            }
            return ProfileMatch(profile.id, workspace.display_path(loaded.path), doc.id, stated)
    known = "; ".join(listed) or "none has a snapshot"
    raise UsageError(
        f"{shown} is not the snapshot of any document in {workspace.display_path(loaded.path)} "
        f"(its documents: {known}); add it under `documents:` with `snapshot:` first"
    )


def default_doc_id(document: str) -> str:
    """A document id for YAML output when no profile names one: ``<folder>-<file stem>``."""
    path = Path(document)
    words = [path.parent.name, path.stem] if path.parent.name else [path.stem]
    slug = re.sub(r"[^a-z0-9._-]+", "-", "-".join(words).lower()).strip("-._")
    return slug or "document"


# ---------------------------------------------------------------- comparing versions


def compare(old: ScanResult, new: ScanResult) -> ScanComparison:
    """How the passages bearing on each fact changed from ``old`` to ``new``."""
    facts = [
        f for f in SCANNED_FACTS if old.suggestion(f) is not None or new.suggestion(f) is not None
    ]
    changes = []
    for fact in facts:
        before = [p for p in old.passages if p.fact == fact]
        after = [p for p in new.passages if p.fact == fact]
        changes.append(
            FactChange(fact, old.suggestion(fact), new.suggestion(fact), _pair(before, after))
        )
    return ScanComparison(old, new, tuple(changes))


def _pair(before: Sequence[Passage], after: Sequence[Passage]) -> tuple[PassageChange, ...]:
    """Match passages of two versions: same words, then similar words, else added/removed."""
    remaining = list(after)
    paired: list[PassageChange] = []
    unmatched: list[Passage] = []
    for old in before:
        same = next((n for n in remaining if n.text == old.text), None)
        if same is None:
            unmatched.append(old)
            continue
        remaining.remove(same)
        paired.append(
            PassageChange("unchanged" if same.value == old.value else "changed", old, same)
        )
    for old in unmatched:
        scored = [
            (difflib.SequenceMatcher(None, old.text, n.text, autojunk=False).ratio(), n)
            for n in remaining
        ]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= 0.6:
            remaining.remove(best[1])
            paired.append(PassageChange("changed", old, best[1]))
        else:
            paired.append(PassageChange("removed", old, None))
    paired += [PassageChange("added", None, n) for n in remaining]

    def position(change: PassageChange) -> tuple[int, int]:
        passage = change.new or change.old
        assert passage is not None
        return (passage.start, 0 if change.new else 1)

    return tuple(sorted(paired, key=position))


def scan_pair(
    old: str | Path, new: str | Path, min_confidence: float = MIN_CONFIDENCE
) -> ScanComparison:
    """Scan two versions of a document and compare them (passages only: the finder's
    pointers take no part in a comparison)."""
    return compare(
        scan_document(old, None, min_confidence, pointers=False),
        scan_document(new, None, min_confidence, pointers=False),
    )
