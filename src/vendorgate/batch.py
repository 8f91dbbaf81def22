"""``check`` for large catalogues: one vendor at a time, across cores, remembered between runs.

``run.check`` loads every profile, then evaluates them all, then renders: fine for dozens of
vendors, slow and memory-hungry for ten thousand. For the machine formats (SARIF, JSON) this
module gives the same bytes another way:

* each vendor file is read, parsed, validated, evaluated and rendered into its piece of the
  report in one go (``report.fragments``), then dropped: memory holds pieces, not profiles;
* large catalogues are split across worker processes (``fork``; the organisation and the
  compiled rules are inherited, not sent), results come back in file order;
* a vendor's record (its piece, decision and what the catalogue-wide checks need) is cached,
  keyed by everything it depends on: the file's bytes and path, vendorgate's code, the
  organisation profile, every file of the rule sources, the evaluation date and options, and -
  checked on every use - the bytes of each snapshot its documents pin. A changed input gives a
  new key or fails the check, so a stale record is never used.

Errors are the same as ``run.check``'s, in the same order: per-file problems, then the
organisation's waivers and usage against the catalogue. Anything this path does not cover
(Rego rules, another engine) returns None and the caller uses ``run.check``.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from vendorgate import cache as cache_module
from vendorgate import evidence, run, waivers
from vendorgate.cache import Cache, code_fingerprint, digest
from vendorgate.errors import InputError, Problem
from vendorgate.load import read_bytes
from vendorgate.model import (
    Location,
    OrgProfile,
    Plan,
    Rule,
    RulePack,
    Severity,
    VendorProfile,
)
from vendorgate.profiles import build_vendor
from vendorgate.report import RenderOptions
from vendorgate.report.fragments import Piece, assemble, piece, rule_index

PARALLEL_MIN = 256
"""Below this many files to evaluate, one process does the work (starting workers costs more)."""
CHUNK = 256
"""Files read, looked up in the cache and committed to it together."""
JOBS_VAR = "VENDORGATE_JOBS"
"""Number of worker processes (default: the CPUs this process may use; 1 disables)."""


@dataclass(frozen=True)
class Output:
    """A report put together from pieces."""

    parts: list[bytes]
    """The report, to be written part after part."""
    blocking: bool
    """Whether any finding blocks (exit code 1)."""


@dataclass(frozen=True)
class Record:
    """What one vendor file gives: its problems, or its piece and the facts about it that the
    catalogue-wide checks need."""

    path: Path
    """The file as discovered."""
    display: str
    """The file as messages show it."""
    problems: tuple[Problem, ...] = ()
    """Why the file cannot be loaded (then nothing else is set)."""
    vendor: str = ""
    """Vendor id."""
    name: str = ""
    """Vendor name."""
    category: str = ""
    """Vendor category."""
    line: int = 0
    """Line of the profile header (``kind``)."""
    column: int = 0
    """Column of the profile header."""
    lineage: str | None = None
    """The profile's lineage."""
    plans: tuple[str, ...] = ()
    """Plan ids, in file order."""
    piece: Piece | None = None
    """The vendor's part of the report."""

    def profile(self) -> VendorProfile:
        """A profile holding only what the catalogue-wide checks read (ids, plans, lineage)."""
        location = Location(self.display, self.line, self.column)
        return VendorProfile(
            id=self.vendor,
            name=self.name,
            category=self.category,
            documents={},
            facts={},
            plans=tuple(Plan(p, p, {}, location) for p in self.plans),
            usage=None,
            location=location,
            lineage=self.lineage,
        )


@dataclass(frozen=True)
class Job:
    """Everything the evaluation of one vendor needs besides its file (shared with workers)."""

    org: OrgProfile
    """The organisation, as evaluation sees it (``--fail-on-undetermined`` applied)."""
    rules: tuple[Rule, ...]
    """The enabled rules."""
    day: date
    """Evaluation date."""
    threshold: Severity | None
    """``--fail-on``."""
    fmt: str
    """sarif or json."""
    options: RenderOptions
    """How to render."""
    rule_index: dict[str, int]
    """SARIF's numbering of the packs' rules."""
    cache: Cache | None
    """Where records are kept; None: not at all."""
    context: str
    """Digest of everything but the vendor file that a record depends on."""


def check(
    vendor_paths: Sequence[str | Path],
    org_path: str | Path | None,
    rules_paths: Sequence[str | Path],
    fmt: str,
    options: RenderOptions,
    today: date | None = None,
    threshold: Severity | None = None,
    fail_on_undetermined: bool = False,
    cache: Cache | None = None,
    jobs: int | None = None,
) -> Output | None:
    """``check --format sarif|json``: the report, or None when ``run.check`` must do it."""
    # Colour and width shape the text format only; a terminal's must not key the cache.
    options = replace(options, color=False, width=RenderOptions.width)
    before = _policy_digest(org_path, rules_paths)
    org, org_doc, packs = run.load_policy(org_path, rules_paths)
    rules = tuple(rule for pack in packs for rule in pack.rules)
    if any(rule.rego_module for rule in rules):
        return None  # Rego rules are evaluated by vendorgate.rego, for all vendors at once
    files = run.find_vendor_files(org, vendor_paths)
    day = today or date.today()
    settled = before is not None and before == _policy_digest(org_path, rules_paths)
    job = Job(
        org=replace(org, undetermined="block") if fail_on_undetermined else org,
        rules=rules,
        day=day,
        threshold=threshold,
        fmt=fmt,
        options=options,
        rule_index=rule_index(packs),
        # Policy files that changed while they were read: results are not worth keeping.
        cache=cache if settled else None,
        context=digest(
            "result/1",
            code_fingerprint(),
            fmt,
            repr(options),
            day.isoformat(),
            threshold.value if threshold else "",
            str(fail_on_undetermined),
            before or "",
        ),
    )
    records = evaluate_files(job, files, jobs)
    _check_catalogue(org, org_doc, packs, records, vendor_paths, files)
    pieces = [r.piece for r in records if r.piece is not None]
    return Output(
        assemble(fmt, pieces, job.org, day, packs, options),
        blocking=any(p.blocking for p in pieces),
    )


def _policy_digest(org_path: str | Path | None, rules_paths: Sequence[str | Path]) -> str | None:
    """Digest of the organisation profile and every file under the rule sources, as found
    now; None when they cannot all be read (``run.load_policy`` then reports why)."""
    try:
        org_file = Path(org_path) if org_path else run.find_org()
        parts: list[str | bytes] = ["policy"]
        sources: list[str | Path] = list(rules_paths)
        if org_file is not None:
            parts += [run.display_path(org_file), org_file.read_bytes()]
            if not sources:
                org, _ = run.load_org(org_file)
                sources = list(org.rules_paths)
        for source in sources:
            path = Path(source)
            parts.append(str(source))
            if not path.is_dir():
                parts.append(path.read_bytes())
                continue
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if file.is_file() and not any(p.startswith(".") for p in relative.parts):
                    parts += [relative.as_posix(), file.read_bytes()]
        return digest(*parts)
    except (OSError, InputError, ValueError):
        return None


def _check_catalogue(
    org: OrgProfile,
    org_doc: Any,
    packs: Sequence[RulePack],
    records: Sequence[Record],
    given: Sequence[str | Path],
    files: Sequence[Path],
) -> None:
    """``run.gather``'s checks, in its order, from the records."""
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    loaded: list[run.LoadedVendor] = []
    for record in records:
        if record.problems:
            problems.extend(record.problems)
            continue
        if record.vendor in seen:
            problems.append(
                Problem(
                    f"vendor id `{record.vendor}` is also used by "
                    f"{run.display_path(seen[record.vendor])}",
                    record.display,
                    record.line,
                    record.column,
                )
            )
            continue
        seen[record.vendor] = record.path
        loaded.append(run.LoadedVendor(record.profile(), record.path, record.path.parent))
    if problems:
        raise InputError(problems)
    run.check_waivers(org, org_doc, [r for p in packs for r in p.rules])
    run.check_usage(org, loaded)
    if run._whole_catalogue(org, given, files):
        waivers.check_vendors(org, org_doc, (v.profile for v in loaded))


# ---------------------------------------------------------------- evaluating files

_IN_PROCESS: list[_Worker] = []
"""The worker of this worker process (set when it starts)."""


def worker_count(jobs: int | None, files: int) -> int:
    """How many processes evaluate ``files`` files."""
    if files < PARALLEL_MIN or not sys.platform.startswith("linux"):
        return 1  # fork is Linux's cheap, safe default; elsewhere stay in one process
    if jobs is None:
        configured = os.environ.get(JOBS_VAR, "")
        jobs = int(configured) if configured.isdigit() else len(os.sched_getaffinity(0))
    return max(1, min(jobs, 32))


def evaluate_files(job: Job, files: Sequence[Path], jobs: int | None = None) -> list[Record]:
    """One record per file, in file order. Records in the cache are looked up here; the other
    files are evaluated here too, or by worker processes when there are many."""
    worker = _Worker(job)
    records: list[Record | None] = []
    for start in range(0, len(files), CHUNK):
        records += worker.look_up(files[start : start + CHUNK])
    missing = [i for i, record in enumerate(records) if record is None]
    paths = [files[i] for i in missing]
    workers = worker_count(jobs, len(paths))
    if workers == 1:
        fresh = [
            r
            for start in range(0, len(paths), CHUNK)
            for r in worker.run(paths[start : start + CHUNK])
        ]
    else:
        size = max(16, min(CHUNK, len(paths) // (workers * 16)))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        # fork: workers inherit the job (organisation, compiled rules) instead of unpickling it.
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_start, initargs=(job,)) as pool:
            fresh = [record for part in pool.imap(_run_chunk, chunks) for record in part]
    for index, record in zip(missing, fresh, strict=True):
        records[index] = record
    return [r for r in records if r is not None]


def _start(job: Job) -> None:
    _IN_PROCESS.append(_Worker(job))


def _run_chunk(files: list[Path]) -> list[Record]:
    return _IN_PROCESS[0].run(files)


@dataclass(frozen=True)
class _Read:
    """A vendor file as read, before anything is looked up."""

    path: Path
    display: str
    raw: bytes
    sha256: str
    problems: tuple[Problem, ...] = ()
    key: str = ""
    """Its cache entry's key."""


class _Worker:
    """Evaluates files one by one, remembering per process what all of them share."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.roots: dict[Path, Path] = {}
        self.stores: dict[Path, evidence.SnapshotStore] = {}
        self.snapshot_states: dict[Path, str] = {}
        self.states: dict[tuple[str, str, str], str] = {}
        self.prefixes: dict[Path, str] = {}

    def look_up(self, files: Sequence[Path]) -> list[Record | None]:
        """The cached records of ``files`` (looked up together); None where there is none."""
        read, entries = self._read_all(files)
        return [self._cached(r, entries.get(r.key)) for r in read]

    def run(self, files: Sequence[Path]) -> list[Record]:
        """Records of ``files``, from the cache or evaluated (new entries committed together)."""
        read, entries = self._read_all(files)
        records = [self.record(r, entries.get(r.key)) for r in read]
        if self.job.cache is not None:
            self.job.cache.flush()
        return records

    def _read_all(self, files: Sequence[Path]) -> tuple[list[_Read], dict[str, bytes]]:
        read = [self.read(path) for path in files]
        cache = self.job.cache
        if cache is None:
            return read, {}
        return read, cache.get_many(cache_module.VENDORS, [r.key for r in read if r.key])

    def read(self, path: Path) -> _Read:
        display = self.display(path)
        try:
            raw = read_bytes(path, display)
        except InputError as exc:
            return _Read(path, display, b"", "", tuple(exc.problems))
        sha = hashlib.sha256(raw).hexdigest()
        return _Read(path, display, raw, sha, key=cache_module.vendor_key(sha, display))

    def display(self, path: Path) -> str:
        """``run.display_path``, worked out once per folder: files of one folder differ only
        in their names."""
        prefix = self.prefixes.get(path.parent)
        if prefix is None:
            shown = run.display_path(path)
            if not shown.endswith(path.name):  # pragma: no cover - display paths end in the name
                return shown
            prefix = self.prefixes[path.parent] = shown[: len(shown) - len(path.name)]
        return prefix + path.name

    def _cached(self, read: _Read, payload: bytes | None) -> Record | None:
        if read.problems:
            return Record(read.path, read.display, read.problems)
        entry = cache_module.parse_entry(payload) if payload is not None else None
        return None if entry is None else self._from_entry(read, entry)

    def _from_entry(self, read: _Read, entry: cache_module.Entry) -> Record | None:
        root = run.root_for(read.path, self.roots)
        found = entry.find(digest(self.job.context, str(root)))
        if found is None:
            return None
        store = self.stores.setdefault(root, evidence.SnapshotStore(root))
        return self._decode(found, read.path, read.display, store)

    def record(self, read: _Read, payload: bytes | None) -> Record:
        path, display, raw, sha, key = read.path, read.display, read.raw, read.sha256, read.key
        if read.problems:
            return Record(path, display, read.problems)
        root = run.root_for(path, self.roots)
        store = self.stores.setdefault(root, evidence.SnapshotStore(root))
        job, cache = self.job, self.job.cache
        context = digest(job.context, str(root))
        entry = cache_module.parse_entry(payload) if payload is not None else None
        if entry is not None:
            cached = self._from_entry(read, entry)
            if cached is not None:
                return cached
        doc = cache_module.cached_document(entry, display, sha)
        document = entry.document if doc is not None and entry is not None else None
        try:
            if doc is None:
                doc = cache_module.parse_vendor(raw, display)
            profile = build_vendor(doc)
        except InputError as exc:
            return Record(path, display, tuple(exc.problems))
        depends = self._depends(profile, path, store)
        result = run.evaluate_vendor(
            run.LoadedVendor(profile, path, root),
            job.rules,
            job.org,
            job.day,
            job.org.plan_for(profile),
            store,
            threshold=job.threshold,
        )
        record = Record(
            path,
            display,
            vendor=profile.id,
            name=profile.name,
            category=profile.category,
            line=profile.location.line,
            column=profile.location.column,
            lineage=profile.lineage,
            plans=tuple(p.id for p in profile.plans),
            piece=piece(job.fmt, result, job.options, job.rule_index),
        )
        if cache is not None:
            if entry is None or document is None:
                entry = cache_module.Entry((), (), cache_module.encode_document(doc))
            meta, text = _encode(record, context, depends)
            cache.put(cache_module.VENDORS, key, entry.with_record(meta, text).payload())
        return record

    def _depends(
        self, profile: VendorProfile, path: Path, store: evidence.SnapshotStore
    ) -> list[list[str]]:
        """The snapshots the profile's documents pin, and what each is now."""
        return [
            [doc.snapshot, self._snapshot_state(path, doc.snapshot, store)]
            for doc in profile.documents.values()
            if doc.snapshot
        ]

    def _snapshot_state(self, path: Path, snapshot: str, store: evidence.SnapshotStore) -> str:
        """The sha256 of the snapshot's bytes, or why there are none (a refused or missing
        path): equal states give equal evidence statuses. Once per folder and snapshot."""
        key = (str(path.parent), str(store.root), snapshot)
        state = self.states.get(key)
        if state is None:
            state = self.states[key] = self._new_state(path, snapshot, store)
        return state

    def _new_state(self, path: Path, snapshot: str, store: evidence.SnapshotStore) -> str:
        resolved = store.resolve(path, snapshot)
        if isinstance(resolved, str):
            return "refused: " + resolved
        state = self.snapshot_states.get(resolved)
        if state is None:
            try:
                state = hashlib.sha256(resolved.read_bytes()).hexdigest()
            except OSError as exc:
                state = f"unreadable: {type(exc).__name__} {exc.errno}"
            self.snapshot_states[resolved] = state
        return state

    def _decode(
        self,
        found: tuple[dict[str, Any], bytes],
        path: Path,
        display: str,
        store: evidence.SnapshotStore,
    ) -> Record | None:
        """A cached record, if it is whole and its snapshots are unchanged."""
        meta, text = found
        try:
            for snapshot, state in meta["depends"]:
                if self._snapshot_state(path, snapshot, store) != state:
                    return None
            return Record(
                path,
                display,
                vendor=meta["vendor"],
                name=meta["name"],
                category=meta["category"],
                line=meta["line"],
                column=meta["column"],
                lineage=meta["lineage"],
                plans=tuple(meta["plans"]),
                piece=Piece(
                    vendor=meta["vendor"],
                    decision=meta["decision"],
                    verdicts=meta["verdicts"],
                    blocking=meta["blocking"],
                    extras=tuple((rule, d) for rule, d in meta["extras"]),
                    text=text,
                ),
            )
        except (ValueError, TypeError, KeyError):
            return None  # damaged: evaluate again, and the entry is rewritten


def _encode(record: Record, context: str, depends: list[list[str]]) -> tuple[dict[str, Any], bytes]:
    """A record's metadata (JSON-ready) and its text."""
    assert record.piece is not None
    p = record.piece
    meta = {
        "context": context,
        "vendor": record.vendor,
        "name": record.name,
        "category": record.category,
        "line": record.line,
        "column": record.column,
        "lineage": record.lineage,
        "plans": list(record.plans),
        "decision": p.decision,
        "verdicts": dict(p.verdicts),
        "blocking": p.blocking,
        "extras": [[rule, d] for rule, d in p.extras],
        "depends": depends,
    }
    return meta, p.text
