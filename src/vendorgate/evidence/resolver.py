"""The evidence of each fact, checked once per vendor (shared by every engine)."""

from __future__ import annotations

from vendorgate.core.model import (
    Fact,
    FactRead,
)
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
            cited = tuple(
                evidence.check(ev, self.loaded.profile, self.loaded.path, self.store)
                for ev in fact.evidence
            )
            read = FactRead(fact.name, fact.value, fact.location, cited, fact.plan)
            self.cache[key] = read
        return read
