"""The facts of the new profile: the scanner's suggestions with their quotes, the passages the
clause finder points at, and with ``--from`` the reviewed facts of an earlier profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.errors import UsageError
from vendorgate.core.vocabulary import FACTS, UNDISCLOSED
from vendorgate.onboard.lineage import lineage_of_id
from vendorgate.onboard.yamltext import UNWRITABLE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from vendorgate.core.model import Document, Fact, VendorProfile
    from vendorgate.onboard.documents import NewDocument
    from vendorgate.scan.finder import Pointer
    from vendorgate.text.passages import IndexedText

_MAX_QUOTES = 3


@dataclass(frozen=True)
class Quote:
    """A quote a fact cites as its evidence."""

    doc: str
    section: str
    quote: str
    span: tuple[int, int] | None = None
    """Offsets in the document's text, for a quote the scanner cut; None when carried over."""


@dataclass(frozen=True)
class PointedPassage:
    """A passage the finder pointed at, as its comment names it."""

    fact: str
    doc: str
    """Id of the document it is in."""
    order: int
    """Position of that document on the command line."""
    place: str
    """The document's snapshot path (see :attr:`NewDocument.place`)."""
    line: int
    start: int
    end: int
    score: float
    text: str
    """The passage without its markup, in its own characters (so it can be searched for)."""


@dataclass
class DraftFact:
    """A fact as it will be written."""

    value: object = UNDISCLOSED
    evidence: list[Quote] = field(default_factory=list)
    note: str = ""
    unreviewed: bool = False
    """Written as ``unreviewed: true``: the value reads as undisclosed until reviewed."""
    pointers: list[PointedPassage] = field(default_factory=list)
    """Passages the finder pointed at for the fact, in document order; comments only."""


def draft_facts(
    from_profile: str | None, docs: Sequence[NewDocument], lineage_name: str
) -> tuple[dict[str, DraftFact], list[str]]:
    """Every fact of the vocabulary as it will be written, and the notes for the reader."""
    facts = {spec.name: DraftFact() for spec in FACTS}
    notes: list[str] = []
    _from_scanner(facts, docs)
    if from_profile:
        notes.extend(_carry_over(facts, Path(from_profile), docs, lineage_name))
    return facts, notes


def _from_scanner(facts: dict[str, DraftFact], docs: Sequence[NewDocument]) -> None:
    from vendorgate.scan import scanner
    from vendorgate.text.passages import readable

    pointed: list[PointedPassage] = []
    for order, doc in reversed(list(enumerate(docs))):  # the first document named wins
        indexed = readable(doc.text)
        result = scanner.scan_loaded(doc.text, doc.sha256, doc.place)
        pointed += [
            PointedPassage(
                p.fact, doc.id, order, doc.place, p.line, p.start, p.end, p.score, _shown(p)
            )
            for p in result.pointers
        ]
        for suggestion in result.suggestions:
            if suggestion.fact not in facts:
                continue
            # Cut from an HTML page, a quote holds the page's markup; it is written as the
            # page shows it, the text evidence verify checks (IndexedText.as_checked).
            quotes = [
                Quote(doc.id, p.section or p.heading, quote, (p.start, p.end))
                for p in suggestion.evidence
                if (quote := _as_read(indexed.as_checked(p.quote), doc.text, indexed.page))
                # A quote holding a control character cannot be written (see
                # yamltext.quoted): left out.
                and indexed.contains(quote)
                and not UNWRITABLE.search(quote)
            ][:_MAX_QUOTES]
            if not quotes:
                continue
            value = UNDISCLOSED if suggestion.value is None else _yaml_value(suggestion.value)
            cues = ", ".join(sorted({p.cue for p in suggestion.evidence if p.cue})) or "passage"
            shown = "no value (a list to write from the passages)"
            said = shown if suggestion.value is None else f"`{_flat(value)}`"
            facts[suggestion.fact] = DraftFact(
                value,
                quotes,
                f"scanner suggestion {said} (cue: {cues}; confidence "
                f"{suggestion.confidence:.2f}): check it against the quotes, then remove "
                "`unreviewed: true`",
                unreviewed=True,
            )
    _attach(facts, pointed)


def _as_read(quote: str, text: str, page: bool) -> str:
    """A quote as it is written: as cut, except from a Markdown document holding an HTML
    comment, where its whitespace is collapsed, since a comment the quote runs across was
    blanked in place (the scanner reads none) and would leave a run of spaces in it."""
    if page or "<!--" not in text:
        return quote
    return " ".join(quote.split())


def _shown(pointer: Pointer) -> str:
    from vendorgate.text.normalise import strip_markup

    return strip_markup(pointer.quote)


def _attach(facts: dict[str, DraftFact], pointed: Sequence[PointedPassage]) -> None:
    """Each pointer to its fact, in document order, unless it overlaps a quote the fact
    already has: the reviewer reads that passage anyway. (The finder already leaves out the
    sentences its document's passages of the fact quote; this holds whatever the finder does.)"""
    for pointer in sorted(pointed, key=lambda p: (p.order, p.start, p.end)):
        fact = facts.get(pointer.fact)
        if fact is not None and not _overlaps_quote(pointer, fact.evidence):
            fact.pointers.append(pointer)


def _overlaps_quote(pointer: PointedPassage, quotes: Sequence[Quote]) -> bool:
    return any(
        q.doc == pointer.doc and q.span and q.span[0] < pointer.end and pointer.start < q.span[1]
        for q in quotes
    )


def _yaml_value(value: object) -> object:
    if isinstance(value, tuple):
        return sorted(str(item) for item in value)
    return value


def _flat(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _carry_over(
    facts: dict[str, DraftFact], source: Path, docs: Sequence[NewDocument], lineage_name: str
) -> list[str]:
    """Reviewed facts of ``source`` over the scanner's; notes for the ones that lost quotes."""
    from vendorgate.text.passages import readable

    old = _earlier_version(source, lineage_name)
    texts = {doc.id: readable(doc.text) for doc in docs}
    by_type = {doc.type: doc.id for doc in reversed(docs)}
    notes: list[str] = []
    for name, fact in sorted(old.facts.items()):
        if name not in facts or (fact.value == UNDISCLOSED and not fact.evidence):
            continue
        if fact.unreviewed:  # nobody checked it: the scanner's reading of the new text stands
            continue
        facts[name], note = _carried(fact, old, source, by_type, texts)
        if note:
            notes.append(f"{name}: {note}")
    return notes


def _earlier_version(source: Path, lineage_name: str) -> VendorProfile:
    """The profile ``--from`` names, which must describe the same lineage."""
    from vendorgate.load import catalogue
    from vendorgate.load.paths import profile_file

    profile_file(str(source), "--from")
    old = catalogue.load_vendors([source])[0].profile
    described = old.lineage or lineage_of_id(old.id)
    if described != lineage_name:
        # Facts reviewed for another vendor would stand as reviewed for this one. Only the
        # same lineage counts: one named after another (google, google-cloud) is another vendor.
        raise UsageError(
            f"--from {source}: describes `{described}`, not `{lineage_name}`; carry facts "
            "over only from an earlier version of the same vendor (or give --lineage)"
        )
    return old


def _carried(
    fact: Fact,
    old: VendorProfile,
    source: Path,
    by_type: dict[str, str],
    texts: dict[str, IndexedText],
) -> tuple[DraftFact, str]:
    """A reviewed fact of ``old`` as the new profile writes it, and the note for the reader
    (empty when every quote still verifies)."""
    carried = f"carried over from {old.id} ({source.name})"
    said = f"its value `{_flat(_model_value(fact.value))}`"
    if not fact.evidence:
        # Nothing in the new documents can be checked against it: it waits for a reading.
        note = f"{carried}: {said} had no quote to check against these documents; review"
        told = f"{old.id} states it with no quote; set to undisclosed"
        return DraftFact(UNDISCLOSED, [], note), told
    kept, lost = _kept_quotes(fact, old.documents, by_type, texts)
    if not kept:
        note = (
            f"{carried}: {said} is no longer verified: none of its {len(lost)} quote(s) is in "
            "these documents; review"
        )
        told = f"no quote of {old.id} verifies any more; set to undisclosed"
        return DraftFact(UNDISCLOSED, [], note), told
    note = carried + (f"; {len(lost)} quote(s) no longer found were dropped" if lost else "")
    # Losing some quotes puts the reviewed value in doubt: it waits for a new review.
    draft = DraftFact(_model_value(fact.value), kept, note + "; review", bool(lost))
    return draft, (f"{len(lost)} quote(s) of {old.id} no longer verify" if lost else "")


def _kept_quotes(
    fact: Fact,
    documents: Mapping[str, Document],
    by_type: dict[str, str],
    texts: dict[str, IndexedText],
) -> tuple[list[Quote], list[str]]:
    """The fact's quotes the new documents of the same type still hold, and the lost ones."""
    kept: list[Quote] = []
    lost: list[str] = []
    for item in fact.evidence:
        old_doc = documents.get(item.doc)
        doc_id = by_type.get(old_doc.type if old_doc else "", "")
        indexed = texts.get(doc_id)
        if indexed is None or not indexed.contains(item.quote):
            lost.append(item.quote)
            continue
        found = indexed.section_of(item.quote)
        section = (found.number or found.heading) if found else ""
        # as the page shows it, when the new document is an HTML page and the quote was
        # written with its markup
        kept.append(Quote(doc_id, section, indexed.as_checked(item.quote)))
    return kept, lost


def _model_value(value: object) -> object:
    """A profile's value as YAML writes it (sub-processor entries as mappings)."""
    if isinstance(value, tuple):
        return [_model_value(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        fields = {k: getattr(value, k) for k in value.__dataclass_fields__}
        return {k: v for k, v in fields.items() if v not in (None, "") and k != "location"}
    return value
