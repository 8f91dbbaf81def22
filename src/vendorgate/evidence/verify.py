"""``vendorgate evidence verify``: check every quote of every profile against its snapshot.

The statuses come from :mod:`vendorgate.evidence`; this module adds what a reviewer needs to act
on them: the section a verified quote was found in (and whether it is the one cited), the
closest passage and its section for a quote that is not found, and, for a stale snapshot,
whether the quote is still in the file as it now is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from vendorgate.core.errors import UsageError
from vendorgate.core.model import CitedEvidence, Evidence, EvidenceStatus, Fact, Location
from vendorgate.evidence import snapshots as evidence
from vendorgate.load import catalogue, workspace
from vendorgate.text.passages import IndexedText, Passage
from vendorgate.text.sections import structure_warning

STATUS_ORDER = [status.value for status in EvidenceStatus]


@dataclass(frozen=True)
class EvidenceReport:
    """One piece of evidence and what checking it found."""

    vendor: str
    """Vendor id."""
    fact: str
    """The fact the evidence backs."""
    plan: str | None
    """The plan whose override holds the fact; None for vendor-level facts."""
    location: Location
    """Where the evidence entry is written."""
    cited: CitedEvidence
    """The evidence with its document resolved and its status."""
    found_in: str = ""
    """Label of the section the quote was found in; empty when not found."""
    closest: Passage | None = None
    """For a quote not found: the most similar passage of the snapshot."""
    still_present: bool | None = None
    """For stale evidence: whether the quote is still in the changed file."""
    note: str = ""
    """A remark that does not change the status (a section that differs from the cited one)."""

    @property
    def status(self) -> EvidenceStatus:
        return self.cited.status


@dataclass(frozen=True)
class VerifyResult:
    """Every piece of evidence of the profiles checked, in a fixed order."""

    items: tuple[EvidenceReport, ...]
    warnings: tuple[str, ...] = ()
    """One per cited snapshot whose layout yielded too few sections to place quotes in."""

    def counts(self) -> dict[str, int]:
        seen = Counter(item.status.value for item in self.items)
        return {status: seen.get(status, 0) for status in STATUS_ORDER}

    @property
    def all_verified(self) -> bool:
        return all(item.status is EvidenceStatus.VERIFIED for item in self.items)


def vendor_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Profiles named by ``paths``, or the organisation's vendors when none are given."""
    if paths:
        return workspace.discover(paths)
    org_file = workspace.find_org()
    if org_file is None:
        raise UsageError("no PATHS given and no vendorgate.yaml or org.yaml found")
    org, _ = catalogue.load_org(org_file)
    if not org.vendors_paths:
        raise UsageError(
            f"no PATHS given and {workspace.display_path(org_file)} lists no `vendors_paths`"
        )
    return workspace.discover(org.vendors_paths)


class Snapshots:
    """Snapshots read once per run, each indexed by section once."""

    def __init__(self) -> None:
        self.stores: dict[Path, evidence.SnapshotStore] = {}
        self.indexed: dict[Path, IndexedText] = {}

    def store(self, root: Path) -> evidence.SnapshotStore:
        return self.stores.setdefault(root, evidence.SnapshotStore(root))

    def text(self, loaded: catalogue.LoadedVendor, doc_id: str) -> IndexedText | None:
        document = loaded.profile.documents.get(doc_id)
        if document is None or not document.snapshot:
            return None
        snapshot = self.store(loaded.root).get(loaded.path, document)
        if isinstance(snapshot, str):
            return None
        if snapshot.path not in self.indexed:
            # an HTML page as its reader sees it: the text quotes are checked against
            self.indexed[snapshot.path] = IndexedText(snapshot.readable, snapshot.page)
        return self.indexed[snapshot.path]

    def warnings(self) -> tuple[str, ...]:
        """The thin-structure warning of every snapshot read, in path order."""
        found = (
            structure_warning(text.sections, workspace.display_path(path))
            for path, text in sorted(self.indexed.items())
        )
        return tuple(warning for warning in found if warning)


def verify(paths: Sequence[str | Path] = ()) -> VerifyResult:
    """Check the evidence of every fact in the given profiles (or the organisation's)."""
    return verify_loaded(catalogue.load_vendors(vendor_paths(paths)))


def verify_loaded(
    vendors: Sequence[catalogue.LoadedVendor],
    keep: Callable[[Fact], bool] = lambda fact: True,
    snapshots: Snapshots | None = None,
) -> VerifyResult:
    """Check the evidence of the facts ``keep`` selects (every written fact by default) in
    profiles already loaded; ``snapshots`` lets a caller read the texts checked again."""
    snapshots = snapshots or Snapshots()
    items: list[EvidenceReport] = []
    for loaded in sorted(vendors, key=lambda lv: lv.profile.id):
        for fact in _facts(loaded):
            if keep(fact):
                items.extend(_report(loaded, fact, item, snapshots) for item in fact.evidence)
    return VerifyResult(tuple(items), snapshots.warnings())


def _facts(loaded: catalogue.LoadedVendor) -> list[Fact]:
    return list(loaded.profile.written_facts())


def _report(
    loaded: catalogue.LoadedVendor, fact: Fact, item: Evidence, snapshots: Snapshots
) -> EvidenceReport:
    store = snapshots.store(loaded.root)
    cited = evidence.check(item, loaded.profile, loaded.path, store)
    base = EvidenceReport(loaded.profile.id, fact.name, fact.plan, item.location, cited)
    indexed = snapshots.text(loaded, item.doc)
    if indexed is None:
        return base
    if cited.status is EvidenceStatus.VERIFIED:
        # the section note comes from the check itself (every report shows it); here it moves
        # to ``note``, where this report has always printed it
        found = indexed.section_of(item.quote)
        label = found.label if found else ""
        return replace(base, cited=replace(cited, detail=""), found_in=label, note=cited.detail)
    if cited.status is EvidenceStatus.UNSUPPORTED:
        return replace(base, closest=indexed.closest(item.quote))
    if cited.status is EvidenceStatus.STALE:
        present = indexed.contains(item.quote)
        closest = None if present else indexed.closest(item.quote)
        return replace(base, still_present=present, closest=closest)
    return base


_same_section = evidence.same_section
"""Kept under its old name: whether a cited and a found section agree (see ``snapshots``)."""
