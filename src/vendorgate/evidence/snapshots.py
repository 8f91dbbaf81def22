"""Checking quotes against pinned document snapshots.

A quote is a claim about a document. Each piece of evidence gets a status:

* ``verified``: the snapshot's sha256 matches and the quote is found in it;
* ``unsupported``: the snapshot matches but the quote is not in it;
* ``stale``: the snapshot no longer matches its recorded sha256;
* ``unverified``: the document has no snapshot (or no sha256) to check against;
* ``missing-document``: the evidence names a document the profile does not list.

Quotes are compared after :func:`normalise`, which only removes differences of presentation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from vendorgate.core.errors import InputError
from vendorgate.core.model import CitedEvidence, Document, Evidence, EvidenceStatus, VendorProfile
from vendorgate.text.normalise import normalise
from vendorgate.text.reader import MAX_SNAPSHOT_BYTES, read_bytes


class SnapshotPathError(ValueError):
    """A snapshot path that points outside the repository, is absolute, or is a symlink."""


def resolve_snapshot(profile_path: Path, snapshot: str, root: Path) -> Path:
    """Resolve a snapshot path written in a profile; it must stay inside ``root``."""
    if not snapshot:
        raise SnapshotPathError("no snapshot path")
    if Path(snapshot).is_absolute() or snapshot.startswith(("/", "\\")) or ":" in snapshot[:3]:
        raise SnapshotPathError(f"snapshot path `{snapshot}` is absolute; write it relative")
    candidate = profile_path.parent / snapshot
    root_resolved = root.resolve()
    probe = candidate
    while True:
        if probe.is_symlink():
            raise SnapshotPathError(f"snapshot path `{snapshot}` goes through a symlink")
        if probe.parent == probe or probe.resolve() == root_resolved:
            break
        probe = probe.parent
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root_resolved):
        raise SnapshotPathError(f"snapshot path `{snapshot}` escapes the repository")
    return resolved


@dataclass(frozen=True)
class Snapshot:
    """A document snapshot as read from disk."""

    path: Path
    sha256: str
    text: str
    normalised: str


class SnapshotStore:
    """Reads each snapshot once per run, and remembers what it has already worked out: where a
    snapshot path leads (resolving walks the file system, component by component) and whether
    a quote is in a snapshot (a search scans the whole document, and many profiles quote the
    same clauses)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[Path, Snapshot | str] = {}
        self._resolved: dict[tuple[Path, str], Path | str] = {}
        self._found: dict[tuple[Path, str], bool] = {}

    def get(self, profile_path: Path, document: Document) -> Snapshot | str:
        """The snapshot, or a sentence saying why there is none usable."""
        path = self.resolve(profile_path, document.snapshot)
        if isinstance(path, str):
            return path
        cached = self._cache.get(path)
        if cached is None:
            cached = self._read(path, document.snapshot)
            self._cache[path] = cached
        return cached

    def resolve(self, profile_path: Path, snapshot: str) -> Path | str:
        """:func:`resolve_snapshot` once per folder and path, or why it is refused."""
        key = (profile_path.parent, snapshot)
        resolved = self._resolved.get(key)
        if resolved is None:
            try:
                resolved = resolve_snapshot(profile_path, snapshot, self.root)
            except SnapshotPathError as exc:
                resolved = str(exc)
            self._resolved[key] = resolved
        return resolved

    def quoted(self, snapshot: Snapshot, quote: str) -> bool:
        """Whether the normalised ``quote`` is found in the normalised snapshot."""
        key = (snapshot.path, quote)
        found = self._found.get(key)
        if found is None:
            found = normalise(quote) in snapshot.normalised
            self._found[key] = found
        return found

    @staticmethod
    def _read(path: Path, shown: str) -> Snapshot | str:
        if not path.exists():
            return f"snapshot `{shown}` does not exist"
        try:  # a FIFO, a device or a huge file is refused without being read whole
            raw = read_bytes(path, shown, MAX_SNAPSHOT_BYTES)
        except InputError as exc:
            return f"snapshot `{shown}` cannot be read: {exc.problems[0].message}"
        text = raw.decode("utf-8", errors="replace")
        return Snapshot(path, hashlib.sha256(raw).hexdigest(), text, normalise(text))


def check(
    evidence: Evidence, profile: VendorProfile, profile_path: Path, store: SnapshotStore
) -> CitedEvidence:
    """Resolve the evidence's document and check its quote."""
    document = profile.documents.get(evidence.doc)
    if document is None:
        return CitedEvidence(
            evidence.doc,
            "",
            "",
            None,
            evidence.section,
            evidence.quote,
            "",
            EvidenceStatus.MISSING_DOCUMENT,
            f"no document `{evidence.doc}` in the profile",
        )
    status, detail = _status(evidence, document, profile_path, store)
    return CitedEvidence(
        document.id,
        document.title,
        document.url,
        document.effective,
        evidence.section,
        evidence.quote,
        document.sha256,
        status,
        detail,
    )


def _status(
    evidence: Evidence, document: Document, profile_path: Path, store: SnapshotStore
) -> tuple[EvidenceStatus, str]:
    if not document.snapshot:
        return EvidenceStatus.UNVERIFIED, "the document has no snapshot to check the quote against"
    snapshot = store.get(profile_path, document)
    if isinstance(snapshot, str):
        return EvidenceStatus.UNVERIFIED, snapshot
    if not document.sha256:
        return EvidenceStatus.UNVERIFIED, "the document records no sha256 for its snapshot"
    if snapshot.sha256 != document.sha256:
        return (
            EvidenceStatus.STALE,
            f"snapshot sha256 is {snapshot.sha256}, the profile records {document.sha256}",
        )
    if not store.quoted(snapshot, evidence.quote):
        return EvidenceStatus.UNSUPPORTED, "the quote is not found in the snapshot"
    return EvidenceStatus.VERIFIED, ""
