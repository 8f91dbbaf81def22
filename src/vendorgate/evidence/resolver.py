"""The evidence of each fact, checked once per vendor (shared by every engine)."""

from __future__ import annotations

from dataclasses import replace

from vendorgate.core.model import (
    CitedEvidence,
    Evidence,
    Fact,
    FactRead,
)
from vendorgate.core.vocabulary import SUMMARY
from vendorgate.evidence import snapshots as evidence
from vendorgate.load.catalogue import LoadedVendor


class Resolver:
    """Checks the evidence of each fact once per vendor (shared by the native and Rego engines,
    so both see the same evidence statuses)."""

    def __init__(self, loaded: LoadedVendor, store: evidence.SnapshotStore) -> None:
        self.loaded = loaded
        self.store = store
        self.cache: dict[tuple[str, str | None], FactRead] = {}

    def __call__(self, fact: Fact) -> FactRead:
        key = (fact.name, fact.plan)
        read = self.cache.get(key)
        if read is None:
            cited = tuple(self._cite(ev) for ev in fact.evidence)
            documents = self.loaded.profile.documents
            awaiting = tuple(documents[d] for d in fact.rests_on if d in documents)
            read = FactRead(
                fact.name,
                fact.value,
                fact.location,
                cited,
                fact.plan,
                awaiting,
                fact.derived_from,
                fact.unreviewed,
            )
            self.cache[key] = read
        return read

    def _cite(self, ev: Evidence) -> CitedEvidence:
        cited = evidence.check(ev, self.loaded.profile, self.loaded.path, self.store)
        document = self.loaded.profile.documents.get(ev.doc)
        weight = ev.weight or (document.weight if document is not None else "")
        return replace(cited, binding=weight != SUMMARY) if weight == SUMMARY else cited
