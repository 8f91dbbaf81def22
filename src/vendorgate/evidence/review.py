"""``vendorgate review``: the suggestions of one profile nobody has reviewed (``unreviewed:
true``), each quote with its status and the paragraph of the snapshot around it (for an HTML
page, also how the quote reads there), and accepting them by removing the mark.

Accepting edits the file line-wise: only the ``unreviewed: true`` line of each named fact goes,
every other byte stays. It fails closed: nothing is written unless every named fact is marked
and every one of its quotes verifies against its pinned snapshot, and the edited text is loaded
again (in memory) and must differ from the old one only by the marks removed. Each fact is
named: no pattern, which would take in facts nobody was shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import EvidenceStatus, Fact, FactValue, Location, VendorProfile
from vendorgate.core.output import write_atomic
from vendorgate.core.vocabulary import FACTS, UNDISCLOSED
from vendorgate.evidence import verify
from vendorgate.evidence.verify import EvidenceReport
from vendorgate.load import catalogue, workspace
from vendorgate.load.profiles import build_vendor
from vendorgate.load.validate import validate as validate_schema
from vendorgate.load.yaml import Document, PathKey, load_bytes
from vendorgate.text.normalise import normalise, strip_markup
from vendorgate.text.passages import find_span
from vendorgate.text.reader import read_bytes

CONTEXT_LIMIT = 600
"""Most characters of a quote's surroundings shown (the quote itself is always whole)."""
_ORDER = {spec.name: index for index, spec in enumerate(FACTS)}
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MARK_LINE = re.compile(rb"^[ \t]*unreviewed:[ \t]*true[ \t]*(#[^\n]*)?\r?\n?$")
# The comments `new` writes under a fact for the finder's pointers (onboard.profile), read
# leniently: one per passage shown, then `# ... and K more`. Only counted, never read as a value.
_FACT_LINE = re.compile(rb"^  ([a-z][a-z0-9_]*)[ \t]*:")
_POINTER_LINE = re.compile(rb"^[ \t]+#[ \t]*also read\b.*\bline [0-9]+:")
_MORE_LINE = re.compile(rb"^[ \t]+#[ \t]*(?:\.\.\.)?[ \t]*and ([0-9]{1,6}) more\b")


@dataclass(frozen=True)
class Context:
    """The paragraph (or paragraphs) of a snapshot holding a quote, normalised."""

    text: str
    """The paragraph, clipped to about :data:`CONTEXT_LIMIT` characters around the quote (an
    ellipsis marks a cut)."""
    start: int
    """Where the quote begins in ``text``."""
    end: int
    """Where it ends."""


@dataclass(frozen=True)
class QuoteReview:
    """One quote of a suggestion: what ``evidence verify`` says of it, and where it stands."""

    evidence: EvidenceReport
    context: Context | None
    """The paragraph around the quote; None when the quote is not in the snapshot's text.
    For an HTML page, the paragraph as the page shows it when the quote is visible there."""
    reads: str = ""
    """How the quote reads on its page (tags removed, character references decoded) when its
    snapshot is an HTML page and the quote, as the profile writes it, holds markup that reads
    differently (an earlier ``new`` wrote quotes so); empty otherwise. It is what ``evidence
    verify`` checks against the page's visible text."""

    @property
    def verified(self) -> bool:
        return self.evidence.status is EvidenceStatus.VERIFIED


@dataclass(frozen=True)
class FactReview:
    """A fact marked ``unreviewed: true``."""

    fact: Fact
    quotes: tuple[QuoteReview, ...]

    @property
    def key(self) -> str:
        """How ``--accept`` names it: ``FACT``, or ``PLAN:FACT`` for a plan's override."""
        return _key(self.fact)

    @property
    def suggested(self) -> FactValue:
        """The value written in the file (it reads as ``undisclosed`` while marked)."""
        return self.fact.claimed if self.fact.claimed is not None else self.fact.value

    @property
    def refusals(self) -> list[str]:
        """Why it must not be accepted yet: a quote that does not verify, or a value with no
        quote at all to check it against; empty when it can be."""
        reasons = [
            f"its quote from `{q.evidence.cited.doc}` is {q.evidence.status.value}"
            + (f": {q.evidence.cited.detail}" if q.evidence.cited.detail else "")
            for q in self.quotes
            if not q.verified
        ]
        if not self.quotes and self.suggested != UNDISCLOSED:
            reasons.append("it has no quote to check its value against; add evidence first")
        return reasons


@dataclass(frozen=True)
class Accepted:
    """A mark removed."""

    key: str
    value: FactValue
    """The value the fact reads as now (still ``undisclosed`` while it ``rests_on`` a
    document not archived)."""
    line: int
    """The line removed, as numbered before the edit."""


@dataclass(frozen=True)
class Review:
    """The unreviewed facts of one profile, in vocabulary order, and what was accepted."""

    path: str
    """The profile, as messages name it."""
    vendor: str
    facts: tuple[FactReview, ...]
    """What is still marked (after accepting, what remains)."""
    accepted: tuple[Accepted, ...] = ()
    warnings: tuple[str, ...] = ()
    """Snapshots whose layout yielded too few sections to place quotes in."""
    pointed: tuple[tuple[str, int], ...] = ()
    """Each undisclosed vendor-level fact with pointer comments under it (passages found by
    wording, no value suggested), and how many passages they name; in vocabulary order."""


@dataclass(frozen=True)
class _Loaded:
    raw: bytes
    doc: Document
    vendor: catalogue.LoadedVendor


def review(path: Path) -> Review:
    """The facts of the profile at ``path`` marked ``unreviewed: true``."""
    return _review(_load(path))


def accept(path: Path, names: Sequence[str]) -> Review:
    """Remove the mark of each named fact (``FACT`` or ``PLAN:FACT``) and write the file
    atomically; raises (and writes nothing) unless every one can be accepted."""
    if str(path) == "-":
        raise UsageError("--accept edits the profile: name its file, not `-`")
    if path.is_symlink():
        # Renaming the edit over the link would replace it with a file and leave the profile
        # it points to marked: the edit belongs in that file, which may be in another folder.
        raise UsageError(
            f"{workspace.display_path(path)}: is a symlink; --accept edits a profile in place, "
            f"so name the file it points to ({path.resolve()})"
        )
    loaded = _load(path)
    chosen = _chosen(loaded, _review(loaded), names)
    lines = [_mark_line(loaded, item) for item in chosen]
    edited = _without_lines(loaded.raw, lines)
    after = _reload(loaded, edited)
    _same_but_marks(loaded.vendor.profile, after, {item.key for item in chosen})
    _write_if_unchanged(path, loaded, edited)
    reads = {_key(f): f.value for f in after.written_facts()}
    done = tuple(Accepted(i.key, reads[i.key], n) for i, n in zip(chosen, lines, strict=True))
    vendor = catalogue.LoadedVendor(after, path, loaded.vendor.root)
    return replace(_review(_Loaded(edited, loaded.doc, vendor)), accepted=done)


def _write_if_unchanged(path: Path, loaded: _Loaded, edited: bytes) -> None:
    """Replace the file with ``edited`` unless someone changed it since it was read."""
    if read_bytes(path, loaded.doc.path) != loaded.raw:
        raise UsageError(f"{loaded.doc.path}: changed while being reviewed; run again")
    write_atomic(path, edited)


# ---------------------------------------------------------------- reading


def _load(path: Path) -> _Loaded:
    shown = workspace.display_path(path)
    raw = read_bytes(path, shown)
    doc = load_bytes(raw, shown)
    validate_schema(doc, "vendor")
    profile = build_vendor(doc)
    return _Loaded(raw, doc, catalogue.LoadedVendor(profile, path, workspace.repo_root(path)))


def _review(loaded: _Loaded) -> Review:
    snapshots = verify.Snapshots()
    checked = verify.verify_loaded([loaded.vendor], lambda f: f.unreviewed, snapshots)
    by_fact: dict[tuple[str, str | None], list[QuoteReview]] = {}
    written = _written_quotes(loaded.vendor.profile)
    for item in checked.items:
        quote = _quote_review(loaded.vendor, item, snapshots, written)
        by_fact.setdefault((item.fact, item.plan), []).append(quote)
    marked = sorted(
        (f for f in loaded.vendor.profile.written_facts() if f.unreviewed), key=_fact_order
    )
    facts = tuple(FactReview(f, tuple(by_fact.get((f.name, f.plan), ()))) for f in marked)
    pointed = _pointed(loaded)
    return Review(loaded.doc.path, loaded.vendor.profile.id, facts, (), checked.warnings, pointed)


def _pointed(loaded: _Loaded) -> tuple[tuple[str, int], ...]:
    """The undisclosed facts the profile's pointer comments point passages out for."""
    undisclosed = {
        f.name
        for f in loaded.vendor.profile.written_facts()
        if f.plan is None and not f.unreviewed and f.value == UNDISCLOSED
    }
    counts = _pointer_counts(loaded.raw)
    found = [(name, n) for name, n in counts.items() if name in undisclosed and n]
    return tuple(sorted(found, key=lambda item: (_ORDER.get(item[0], len(_ORDER)), item[0])))


def _pointer_counts(raw: bytes) -> dict[str, int]:
    """Passages named by the pointer comments under each fact of the top-level ``facts:``."""
    counts: dict[str, int] = {}
    fact = ""
    in_facts = False
    for line in raw.splitlines():
        if line[:1] not in (b" ", b"\t", b"#", b""):  # a top-level key opens or ends `facts:`
            in_facts, fact = line.rstrip().startswith(b"facts:"), ""
        elif in_facts and (named := _FACT_LINE.match(line)):
            fact = named.group(1).decode("ascii")
        elif fact and _POINTER_LINE.match(line):
            counts[fact] = counts.get(fact, 0) + 1
        elif fact and (more := _MORE_LINE.match(line)):
            counts[fact] = counts.get(fact, 0) + int(more.group(1))
    return counts


def _fact_order(fact: Fact) -> tuple[int, str, bool, str]:
    return (_ORDER.get(fact.name, len(_ORDER)), fact.name, fact.plan is not None, fact.plan or "")


def _written_quotes(profile: VendorProfile) -> dict[Location, str]:
    """Each quote of the profile as written, by where it is written."""
    return {item.location: item.quote for fact in profile.written_facts() for item in fact.evidence}


def _quote_review(
    loaded: catalogue.LoadedVendor,
    item: EvidenceReport,
    snapshots: verify.Snapshots,
    written: dict[Location, str],
) -> QuoteReview:
    """The quote with its paragraph (for an HTML page, the paragraph as the page shows it);
    a quote an earlier version wrote with a page's markup is shown as written, with how it
    reads there (the text ``evidence verify`` checks)."""
    indexed = snapshots.text(loaded, item.cited.doc)
    if indexed is None or (item.status is not EvidenceStatus.VERIFIED and not item.still_present):
        return QuoteReview(item, None)
    as_written = written.get(item.location, item.cited.quote)
    checked = indexed.as_checked(as_written)
    context = context_of(indexed.text, checked)
    if not indexed.page or checked == as_written:
        return QuoteReview(item, context)
    shown = replace(item, cited=replace(item.cited, quote=strip_markup(as_written)))
    return QuoteReview(shown, context, checked)


def context_of(text: str, quote: str, limit: int = CONTEXT_LIMIT) -> Context | None:
    """The paragraph(s) of ``text`` holding ``quote``, normalised, clipped to about ``limit``
    characters around it; None when the quote is not there."""
    paragraphs = [p for p in (normalise(block) for block in _BLANK_LINE.split(text)) if p]
    joined = " ".join(paragraphs)
    wanted = normalise(quote)
    at = find_span(joined, wanted)
    if at < 0 or not wanted:
        return None
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + 1
    first = max(i for i, s in enumerate(starts) if s <= at)
    last = max(i for i, s in enumerate(starts) if s < at + len(wanted))
    begin, end = starts[first], starts[last] + len(paragraphs[last])
    return _clipped(joined[begin:end], at - begin, at - begin + len(wanted), limit)


def _clipped(text: str, start: int, end: int, limit: int) -> Context:
    if len(text) <= limit:
        return Context(text, start, end)
    room = max(0, limit - (end - start)) // 2
    low, high = max(0, start - room), min(len(text), end + room)
    if low > 0 and (cut := text.find(" ", low, start)) >= 0:
        low = cut + 1
    if high < len(text) and (cut := text.rfind(" ", end, high)) >= 0:
        high = cut
    head = "\u2026 " if low > 0 else ""
    tail = " \u2026" if high < len(text) else ""
    shift = len(head) - low
    return Context(head + text[low:high] + tail, start + shift, end + shift)


# ---------------------------------------------------------------- accepting


def _chosen(loaded: _Loaded, before: Review, names: Sequence[str]) -> list[FactReview]:
    """The marked facts named, each of which can be accepted; else every reason it cannot."""
    marked = {item.key: item for item in before.facts}
    problems: list[Problem] = []
    chosen: list[FactReview] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        item = marked.get(name)
        if item is None:
            problems.append(_not_marked(loaded, before, name))
        elif reasons := item.refusals:
            problems.extend(_problem(item, reason) for reason in reasons)
        else:
            chosen.append(item)
    if not chosen and not problems:
        raise UsageError(
            f"{loaded.doc.path}: --accept names no fact; give FACT[,FACT...] "
            f"({_marked_list(before)})"
        )
    if problems:
        raise InputError(problems)
    return chosen


_PATTERN = re.compile(r"[*?\[\]]")
_SHOWN_MARKED = 6
"""Marked facts an error lists by name; the rest are counted."""


def _not_marked(loaded: _Loaded, before: Review, name: str) -> Problem:
    """Why ``name`` names no marked fact: what it names instead, what was expected, and the
    closest marked fact (or plan) when it looks misspelt."""
    path = loaded.doc.path
    if _PATTERN.search(name):
        # A pattern would accept facts nobody was shown: each is accepted by name, after a
        # person has checked it against its quotes.
        return Problem(
            f"`{name}`: --accept takes fact names, not patterns; `vendorgate review {path}` "
            "prints the command naming every fact that can be accepted",
            path,
        )
    written = {_key(f): f for f in loaded.vendor.profile.written_facts()}
    if name in written:
        found = written[name].location
        message = (
            f"`{name}` is not marked `unreviewed: true`; nothing to accept"
            f"{_in_plans(before, name)} ({_marked_list(before)})"
        )
        return Problem(message, path, found.line, found.column)
    plan, _, fact = name.rpartition(":")
    if plan:
        return Problem(_not_in_plan(loaded, before, plan, fact), path)
    return Problem(_not_written(before, fact), path)


def _not_in_plan(loaded: _Loaded, before: Review, plan: str, fact: str) -> str:
    """Why ``PLAN:FACT`` names no fact: no such plan, or the plan does not override it."""
    plans = [p.id for p in loaded.vendor.profile.plans]
    if plan not in plans:
        known = f"its plans are {', '.join(f'`{p}`' for p in plans)}" if plans else "it has none"
        hint = did_you_mean(plan, plans) if plans else ""
        vendor_level = fact in {i.key for i in before.facts}
        fix = f"; the vendor-level fact is named `{fact}`" if vendor_level else ""
        return f"`{plan}:{fact}`: the profile has no plan `{plan}` ({known}){hint}{fix}"
    in_plan = [i.fact.name for i in before.facts if i.fact.plan == plan]
    if fact in {i.key for i in before.facts}:
        hint = f"; the vendor-level fact is named `{fact}`"
    elif fact not in _ORDER:
        hint = did_you_mean(fact, in_plan) or did_you_mean(fact, list(_ORDER))
    else:
        hint = ""
    overrides = ", ".join(f"`{plan}:{f}`" for f in in_plan) or "none"
    return (
        f"`{plan}:{fact}`: plan `{plan}` does not override `{fact}`{hint}; expected one of "
        f"its marked overrides: {overrides}"
    )


def _not_written(before: Review, fact: str) -> str:
    """Why ``FACT`` names no fact: not in the vocabulary, or not stated by the profile."""
    marked = [i.key for i in before.facts]
    if fact in _ORDER:
        what = f"`{fact}` is a fact of the vocabulary the profile does not state"
    else:
        what = f"`{fact}` is not a fact of the vocabulary"
    hint = _in_plans(before, fact) or did_you_mean(fact, marked) or did_you_mean(fact, list(_ORDER))
    return f"{what}{hint}; expected a fact marked `unreviewed: true` ({_marked_list(before)})"


def _marked_list(before: Review) -> str:
    """The marked facts by name, as ``--accept`` takes them; the rest counted."""
    keys = [f"`{item.key}`" for item in before.facts]
    if not keys:
        return "none is marked"
    shown = ", ".join(keys[:_SHOWN_MARKED])
    more = f" and {len(keys) - _SHOWN_MARKED} more" if len(keys) > _SHOWN_MARKED else ""
    return f"marked: {shown}{more}"


def _in_plans(before: Review, name: str) -> str:
    """A hint naming the plan overrides of ``name`` that are marked, for a vendor-level name."""
    in_plans = [f"`{i.key}`" for i in before.facts if i.fact.name == name and i.fact.plan]
    return f" (marked in a plan: name it {', '.join(in_plans)})" if in_plans else ""


def _problem(item: FactReview, reason: str) -> Problem:
    where = item.fact.location
    return Problem(
        f"`{item.key}` cannot be accepted: {reason}; fix the evidence (or the value) first",
        where.path,
        where.line,
        where.column,
    )


def _mark_line(loaded: _Loaded, item: FactReview) -> int:
    """The line of the fact's ``unreviewed: true``, which must be a line of its own."""
    path = (*_fact_path(loaded.doc, item.fact), "unreviewed")
    line, column = loaded.doc.key_positions.get(path, (0, 0))
    lines = loaded.raw.split(b"\n")
    text = lines[line - 1] + b"\n" if 0 < line <= len(lines) else b""
    indent = len(text) - len(text.lstrip(b" \t"))
    if not _MARK_LINE.match(text) or indent != column - 1:
        where = item.fact.location
        raise InputError(
            Problem(
                f"`{item.key}`: the mark is not written as a line `unreviewed: true` of its "
                "own; remove it by hand",
                where.path,
                line or where.line,
            )
        )
    return line


def _fact_path(doc: Document, fact: Fact) -> PathKey:
    if fact.plan is None:
        return ("facts", fact.name)
    plans = doc.data.get("plans", [])
    index = next(i for i, plan in enumerate(plans) if plan.get("id") == fact.plan)
    return ("plans", index, "facts", fact.name)


def _without_lines(raw: bytes, numbers: Sequence[int]) -> bytes:
    """``raw`` without the given (1-based) lines, every other byte as it was."""
    drop = set(numbers)
    kept = [line for n, line in enumerate(raw.split(b"\n"), start=1) if n not in drop]
    return b"\n".join(kept)


def _reload(loaded: _Loaded, edited: bytes) -> VendorProfile:
    doc = load_bytes(edited, loaded.doc.path)
    validate_schema(doc, "vendor")
    return build_vendor(doc)


def _key(fact: Fact) -> str:
    """How ``--accept`` names a fact: ``FACT``, or ``PLAN:FACT`` for a plan's override."""
    return f"{fact.plan}:{fact.name}" if fact.plan else fact.name


def _state(profile: VendorProfile) -> dict[str, tuple[object, bool, tuple[str, ...]]]:
    """Each written fact's key: the value written, the mark and the quotes."""
    return {
        _key(f): (
            f.claimed if f.claimed is not None else f.value,
            f.unreviewed,
            tuple(e.quote for e in f.evidence),
        )
        for f in profile.written_facts()
    }


def _same_but_marks(old: VendorProfile, new: VendorProfile, keys: set[str]) -> None:
    """The edited profile must be the old one with the named marks removed, nothing else."""
    expected = {
        key: (value, marked and key not in keys, quotes)
        for key, (value, marked, quotes) in _state(old).items()
    }
    if _state(new) != expected:  # pragma: no cover - the line checks above make this unreachable
        message = "removing the marks would change more than the marks; edit the file by hand"
        raise InputError(Problem(message, old.location.path))
