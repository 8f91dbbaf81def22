"""Onboarding in order: the checks that need no document, the neighbours, the documents, the
facts, the chain, the profile's text, then every file put in place; and the summary of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.onboard import inputs, placement
from vendorgate.onboard.documents import NewDocument, obtain_documents
from vendorgate.onboard.facts import DraftFact, draft_facts
from vendorgate.onboard.inputs import Asked
from vendorgate.onboard.lineage import (
    Edit,
    Neighbour,
    find_neighbours,
    in_force_chain,
    lineage_of_id,
)
from vendorgate.onboard.profile import profile_text

if TYPE_CHECKING:
    from vendorgate.evidence.fetch import Limits


@dataclass(frozen=True)
class Onboarding:
    """What to onboard: ``new``'s request (see ``commands.new.NewRequest``, whose fields
    these are), with the fetch limits made one value."""

    vendor_id: str
    documents: tuple[str, ...]
    types: tuple[str, ...]
    urls: tuple[str, ...]
    name: str
    category: str
    lineage: str
    from_profile: str | None
    vendors_dir: str | None
    today: date | None
    limits: Limits
    """How far a URL document's fetch may go, as for ``watch``."""
    output: str | None
    """Where the summary goes: refused when it names a file onboarding reads or writes."""


@dataclass(frozen=True)
class Onboarded:
    """What an onboarding wrote, told."""

    summary: str
    """The profile written, its counts, each snapshot and each profile whose chain was closed."""
    notes: tuple[str, ...]
    """What the reader must check: dates not believed, facts carried over that lost quotes."""


def onboard(order: Onboarding) -> Onboarded:
    """Write the profile and snapshots ``order`` asks for and close the lineage chain in its
    neighbours; each check that can refuse runs before a byte is written."""
    checked = _checked(order)
    # Read before the documents are fetched, so a neighbour that does not load is reported
    # before any download; a change made to it meanwhile is caught before the edit is put in
    # place.
    neighbours = find_neighbours(checked.vendors_dir, checked.lineage, checked.target)
    docs = _documents(order, checked)
    facts, notes = _drafted(order, checked, docs)
    until, edits = _chain(order, checked, neighbours, docs)
    text = profile_text(
        order.name,
        order.category,
        checked.target.parent,
        checked.vendor_id,
        checked.lineage,
        docs,
        facts,
        docs[0].dated,
        until,
    )
    placement.write_all(checked.target, text, docs, edits)
    return Onboarded(_summary(checked.target, docs, facts, edits), tuple(notes))


@dataclass(frozen=True)
class _Checked:
    """The order's options, checked: what to read and where the profile goes."""

    vendor_id: str
    documents: list[Asked]
    lineage: str
    """The lineage's name: ``--lineage``, else the id without a trailing date."""
    today: date
    root: Path
    """The repository the profile belongs to."""
    vendors_dir: Path
    target: Path
    """The profile's file, which must not exist yet."""


def _checked(order: Onboarding) -> _Checked:
    """Every option of ``order`` checked; none of these checks reads a file or fetches a page."""
    from vendorgate.core.output import refuse_output_over

    vendor_id = inputs.checked_id(order.vendor_id)
    documents = inputs.checked_documents(order.documents, order.types, order.urls)
    lineage = inputs.checked_lineage(order.lineage)
    inputs.check_category(order.category)
    today = inputs.retrieval_day(order.today)
    root, vendors_dir = inputs.places(order.vendors_dir)
    target = vendors_dir / f"{vendor_id}.yaml"
    placement.refuse_existing(target)
    refuse_output_over(order.output, [target, *order.documents, order.from_profile])
    lineage_name = lineage or lineage_of_id(vendor_id)
    return _Checked(vendor_id, documents, lineage_name, today, root, vendors_dir, target)


def _documents(order: Onboarding, checked: _Checked) -> list[NewDocument]:
    """The documents read or fetched, their snapshots' places checked."""
    from vendorgate.core.output import refuse_output_over

    docs = obtain_documents(
        checked.documents, order.limits, checked.root, checked.lineage, checked.today
    )
    refuse_output_over(order.output, [doc.snapshot for doc in docs])
    placement.check_places(checked.target, docs)
    return docs


def _drafted(
    order: Onboarding, checked: _Checked, docs: Sequence[NewDocument]
) -> tuple[dict[str, DraftFact], list[str]]:
    """The facts as they will be written, and the notes: each document's first, then the
    facts'."""
    facts, notes = draft_facts(order.from_profile, docs, checked.lineage)
    notes[:0] = [note for doc in docs for note in (doc.conversion, doc.doubt) if note]
    return facts, notes


def _chain(
    order: Onboarding,
    checked: _Checked,
    neighbours: Sequence[Neighbour],
    docs: Sequence[NewDocument],
) -> tuple[date | None, dict[Path, Edit]]:
    """The new profile's ``until`` and the neighbours' edits that close the chain on it."""
    from vendorgate.core.output import refuse_output_over

    until, edits = in_force_chain(neighbours, checked.lineage, docs[0].dated)
    refuse_output_over(order.output, list(edits))
    placement.check_edits(edits)
    return until, edits


def _summary(
    target: Path,
    docs: Sequence[NewDocument],
    facts: dict[str, DraftFact],
    edits: dict[Path, Edit],
) -> str:
    from vendorgate.load import workspace

    suggested = sum(1 for f in facts.values() if f.note.startswith("scanner suggestion"))
    carried = sum(1 for f in facts.values() if f.note.startswith("carried over"))
    stated = sum(1 for f in facts.values() if f.value != UNDISCLOSED)
    parts = [
        f"wrote {workspace.display_path(target)}: {len(facts)} facts, {stated} with a value",
        f"{suggested} scanner suggestion(s) and {carried} carried over to review",
    ]
    pending = sum(1 for f in facts.values() if f.unreviewed)
    if pending:
        parts.append(f"{pending} marked `unreviewed: true` read as undisclosed until reviewed")
    pointed = [f for f in facts.values() if f.pointers]
    if pointed:
        passages = sum(len(f.pointers) for f in pointed)
        left = sum(1 for f in pointed if f.value == UNDISCLOSED)
        parts.append(
            f"{passages} passage(s) found by wording to read for {len(pointed)} fact(s), "
            f"{left} of them left undisclosed (comments under each fact)"
        )
    lines = ["; ".join(parts)]
    for doc in docs:
        said = "effective" if doc.effective else "retrieved (no effective date in the text)"
        converted = f"; converted to UTF-8 from {doc.converted}" if doc.converted else ""
        shown = workspace.display_path(doc.snapshot)
        lines.append(f"  {doc.id}: {shown} ({said} {doc.dated}{converted})")
    for path in sorted(edits):
        lines.append(f"  closed the lineage chain in {workspace.display_path(path)}")
    return "\n".join(lines) + "\n"
