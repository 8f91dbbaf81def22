"""``check`` and ``report`` for any catalogue: one vendor at a time, across cores, remembered
between runs.

``run.check`` loads every profile, then evaluates them all, then renders: fine for dozens of
vendors, slow and memory-hungry for ten thousand. This module gives the same bytes another way,
for every format the injected renderer puts together from pieces (``report.fragments``: text,
JSON, SARIF, JUnit, GitHub, Markdown, HTML):

* each vendor file is read, parsed, validated, evaluated and rendered into its piece of the
  report in one go, then dropped: memory holds pieces (bytes and a little metadata for the
  report's overview and totals), never profiles or results;
* files to evaluate are split across worker processes when there are many (``fork``: the
  organisation and the compiled rules are inherited, not sent); records come back in order;
* parsed profiles are cached per file (``cache.store``), and each run leaves a pack of its
  records (piece, decision, what the catalogue-wide checks need) for the next run in the same
  context (``cache.packs``): vendorgate's code, the report format and options, the evaluation
  date and threshold, the organisation profile, every file of the rule sources and the
  baseline. A record is taken from the pack only for a file with the same bytes and path in the
  same repository, and only while each snapshot its documents pin has the bytes it had;
  anything else is evaluated again;
* ``--as-of`` keeps, of each lineage, the version in force (records carry ``in_force`` and
  retrieval dates); ``--baseline`` is applied to each vendor's result before it is rendered.

Errors are the same as ``run.check``'s, in the same order: per-file problems, then the
organisation's waivers and usage against the catalogue, then lineages with no version in force.

Rego rules (and the Rego and OPA engines) keep ``run.check``'s path, and ``check`` returns None
for them: ``vendorgate.rego`` evaluates every vendor in one bounded worker process or one OPA
request set, a batch that a per-vendor stream would only split into many slower round trips.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from vendorgate.app import run as app_run
from vendorgate.app.context import documents_after, version_note
from vendorgate.cache import packs as cache_packs
from vendorgate.cache import store as cache_module
from vendorgate.cache.keys import code_fingerprint, digest, vendor_key
from vendorgate.cache.store import Cache
from vendorgate.core.errors import InputError, Problem
from vendorgate.core.model import (
    Document,
    InForce,
    Location,
    OrgProfile,
    Plan,
    Rule,
    RulePack,
    Severity,
    VendorProfile,
    VendorResult,
)
from vendorgate.core.render import Piece, RenderOptions
from vendorgate.engine import vendor as engine_vendor
from vendorgate.engine.decide import BlockingPolicy
from vendorgate.evidence import snapshots as evidence
from vendorgate.load import catalogue, lineage, waivers, workspace
from vendorgate.load.profiles import build_vendor
from vendorgate.text.reader import MAX_SNAPSHOT_BYTES, read_bytes

PARALLEL_MIN = 256
"""Below this many files to evaluate, one process does the work (starting workers costs more)."""
CHUNK = 256
"""Files read, looked up in the cache and committed to it together."""
JOBS_VAR = "VENDORGATE_JOBS"
"""Number of worker processes (default: the CPUs this process may use; 1 disables)."""


@dataclass(frozen=True)
class Output:
    """A report put together from pieces."""

    parts: Iterable[bytes]
    """The report, to be written part after part (read once)."""
    blocking: bool
    """Whether any finding blocks (exit code 1)."""
    pieces: tuple[Piece, ...] = ()
    """The vendors' pieces (their texts are those in ``parts``: no copies)."""
    notes: tuple[str, ...] = ()
    """What the reader must know about the run (versions chosen by ``--as-of``, documents not
    yet in force on the day): the notes every command shows (``app.context``)."""


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
    in_force: tuple[str, str | None, int, int] | None = None
    """When the terms were in force (start, end, line and column of ``in_force``), ISO dates."""
    retrieved: str | None = None
    """The latest day a document of the profile was retrieved (ISO; ``--as-of`` ties)."""
    piece: Piece | None = None
    """The vendor's part of the report."""
    key: str = ""
    """The key of the file's bytes and path (see ``cache.vendor_key``)."""
    context: str = ""
    """The evaluation context (the run's, with the file's repository)."""
    depends: tuple[tuple[str, str], ...] = ()
    """Each snapshot its documents pin, and what it was (see ``_Worker._snapshot_state``)."""
    notes: tuple[str, ...] = ()
    """Its documents that took effect after the evaluation day (``context.documents_after``)."""

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
            in_force=self._in_force(),
        )

    def dated(self) -> VendorProfile:
        """As :meth:`profile`, with what choosing the version in force reads (``in_force`` and
        when its documents were retrieved)."""
        profile = self.profile()
        if self.retrieved is None:
            return profile
        retrieved = date.fromisoformat(self.retrieved)
        document = Document("", "", "", "", profile.location, retrieved=retrieved)
        return replace(profile, documents={"": document})

    def _in_force(self) -> InForce | None:
        if self.in_force is None:
            return None
        start, end, line, column = self.in_force
        return InForce(
            date.fromisoformat(start),
            date.fromisoformat(end) if end else None,
            Location(self.display, line, column),
        )


class PieceRenderer(Protocol):
    """Renders a report a vendor at a time (``vendorgate.report.fragments`` is one): the
    pipeline evaluates, the renderer owns the format."""

    def rule_index(self, packs: Sequence[RulePack]) -> dict[str, int]: ...

    def piece(
        self,
        fmt: str,
        result: VendorResult,
        options: RenderOptions,
        rule_index: Mapping[str, int],
        org: OrgProfile,
    ) -> Piece: ...

    def assemble(
        self,
        fmt: str,
        pieces: Sequence[Piece],
        org: OrgProfile,
        day: date,
        packs: Sequence[RulePack],
        options: RenderOptions,
    ) -> Iterable[bytes]: ...


class Accepted(Protocol):
    """Findings accepted for now (``check --baseline``): applied to each vendor's result before
    it is rendered. ``ci.baseline`` holds them; the caller adapts it (app may not import ci)."""

    @property
    def key(self) -> str:
        """A digest of what is accepted: pieces rendered under another baseline differ."""
        ...

    def apply(self, result: VendorResult) -> tuple[VendorResult, dict[str, Any]]:
        """The result with accepted findings no longer blocking, and what the run's summary
        of the baseline needs from this vendor (JSON-ready, kept on the piece as ``accepted``)."""
        ...


@dataclass(frozen=True)
class Job:
    """Everything the evaluation of one vendor needs besides its file (shared with workers)."""

    org: OrgProfile
    """The organisation, as on disk (what blocks is ``blocking``)."""
    rules: tuple[Rule, ...]
    """The enabled rules."""
    day: date
    """Evaluation date."""
    threshold: Severity | None
    """``--fail-on``."""
    blocking: BlockingPolicy
    """``--fail-on`` and ``--fail-on-undetermined``: what blocks, read at decision time."""
    fmt: str
    """The report format (one the renderer puts together from pieces)."""
    renderer: PieceRenderer
    """Renders each vendor's piece and puts the report together."""
    options: RenderOptions
    """How to render."""
    rule_index: dict[str, int]
    """SARIF's numbering of the packs' rules."""
    cache: Cache | None
    """Where records are kept; None: not at all."""
    context: str
    """Digest of everything but the vendor file that a record depends on."""
    accepted: Accepted | None = None
    """``--baseline``: findings that do not block."""


def check(
    vendor_paths: Sequence[str | Path],
    org_path: str | Path | None,
    rules_paths: Sequence[str | Path],
    fmt: str,
    options: RenderOptions,
    renderer: PieceRenderer,
    today: date | None = None,
    threshold: Severity | None = None,
    fail_on_undetermined: bool = False,
    cache: Cache | None = None,
    jobs: int | None = None,
    versions_on: date | None = None,
    accepted: Accepted | None = None,
    progress: app_run.Progress | None = None,
) -> Output | None:
    """``check`` in any format the renderer puts together from pieces: the report, or None when
    ``run.check`` must do it (Rego).

    ``versions_on`` (``--as-of``): of each vendor lineage only the version in force that day is
    reported (every file is still read and checked, as ``run.check`` does). ``accepted``
    (``--baseline``): those findings do not block. ``progress`` is told of each vendor as its
    record is ready (a chunk at a time when workers evaluate), then ``(total, total, "")``."""
    run = _evaluate(
        Request(
            vendor_paths,
            org_path,
            rules_paths,
            (fmt,),
            options,
            renderer,
            today,
            threshold,
            fail_on_undetermined,
            cache,
            jobs,
            versions_on,
            accepted,
            progress,
        )
    )
    if run is None:
        return None
    return Output(
        renderer.assemble(fmt, run.pieces, run.org, run.day, run.packs, run.options),
        blocking=any(p.blocking for p in run.pieces),
        pieces=run.pieces,
        notes=run.notes,
    )


def check_formats(request: Request) -> Outputs | None:
    """:func:`check` in several formats from one evaluation (``check -o a.sarif -o b.json``):
    each vendor is evaluated once, rendered in every format, then dropped; one report per
    format of ``request.formats``, in that order. None when ``run.check`` must do it (Rego)."""
    formats = request.formats
    unique = tuple(dict.fromkeys(formats))  # a format asked twice is rendered once
    several = Several(request.renderer, unique)
    run = _evaluate(replace(request, renderer=several) if len(unique) > 1 else request)
    if run is None:
        return None
    split = several.split(run.pieces) if len(unique) > 1 else [run.pieces]
    by_format = dict(zip(unique, split, strict=True))
    renderer = request.renderer
    reports = tuple(
        renderer.assemble(fmt, by_format[fmt], run.org, run.day, run.packs, run.options)
        for fmt in formats
    )
    pieces = tuple(by_format[fmt] for fmt in formats)
    return Outputs(reports, any(p.blocking for p in run.pieces), pieces, run.notes)


@dataclass(frozen=True)
class Request:
    """What :func:`check_formats` evaluates and how it renders (see :func:`check`)."""

    vendor_paths: Sequence[str | Path]
    """Vendor profiles and folders; empty means the organisation's."""
    org_path: str | Path | None
    """The organisation profile; None finds the nearest."""
    rules_paths: Sequence[str | Path]
    """Rule sources; empty means the organisation's."""
    formats: tuple[str, ...]
    """Formats the renderer puts together from pieces, at least one (repeats are allowed)."""
    options: RenderOptions
    """How to render (colour and width shape the text format only)."""
    renderer: PieceRenderer
    """Renders each vendor's pieces and puts each report together."""
    today: date | None = None
    """Evaluation date (default: today)."""
    threshold: Severity | None = None
    """``--fail-on``."""
    fail_on_undetermined: bool = False
    """``--fail-on-undetermined``."""
    cache: Cache | None = None
    """Where parsed profiles and records are kept; None: not at all."""
    jobs: int | None = None
    """Worker processes (default: see :data:`JOBS_VAR`)."""
    versions_on: date | None = None
    """``--as-of``: only the version of each lineage in force that day is reported."""
    accepted: Accepted | None = None
    """``--baseline``: findings that do not block."""
    progress: app_run.Progress | None = None
    """Told of each vendor as its record is ready."""


@dataclass(frozen=True)
class Outputs:
    """Several reports put together from the pieces of one evaluation."""

    reports: tuple[Iterable[bytes], ...]
    """One report per requested format, in order, each to be written part after part (read
    once)."""
    blocking: bool
    """Whether any finding blocks (exit code 1)."""
    pieces: tuple[tuple[Piece, ...], ...] = ()
    """The vendors' pieces of each report."""
    notes: tuple[str, ...] = ()
    """What the reader must know about the run (see :attr:`Output.notes`)."""


@dataclass(frozen=True)
class _Run:
    """The pieces of one evaluation, and what putting a report together needs besides."""

    pieces: tuple[Piece, ...]
    org: OrgProfile
    day: date
    packs: Sequence[RulePack]
    options: RenderOptions
    notes: tuple[str, ...] = ()


def _evaluate(request: Request) -> _Run | None:
    """Every vendor evaluated and rendered into its piece (see :func:`check`)."""
    options = request.options
    formats = tuple(dict.fromkeys(request.formats))
    if "text" not in formats:
        # Colour and width shape the text format only; a terminal's must not key the cache.
        options = replace(options, color=False, width=RenderOptions.width)
    org_path, rules_paths = request.org_path, request.rules_paths
    before = _policy_digest(org_path, rules_paths)
    org, org_doc, packs = app_run.load_policy(org_path, rules_paths)
    rules = tuple(rule for pack in packs for rule in pack.rules)
    if any(rule.rego_module for rule in rules):
        return None  # Rego rules are evaluated by vendorgate.rego, for all vendors at once
    files = app_run.find_vendor_files(org, request.vendor_paths)
    day = request.today or date.today()
    settled = before is not None and before == _policy_digest(org_path, rules_paths)
    threshold, accepted = request.threshold, request.accepted
    job = Job(
        org=org,
        rules=rules,
        day=day,
        threshold=threshold,
        blocking=BlockingPolicy(threshold, request.fail_on_undetermined),
        fmt="+".join(formats),
        renderer=request.renderer,
        options=options,
        rule_index=request.renderer.rule_index(packs),
        # Policy files that changed while they were read: results are not worth keeping.
        cache=request.cache if settled else None,
        context=digest(
            "result/2",
            code_fingerprint(),
            "+".join(formats),
            repr(options),
            day.isoformat(),
            threshold.value if threshold else "",
            str(request.fail_on_undetermined),
            before or "",
            accepted.key if accepted else "",
        ),
        accepted=accepted,
    )
    records = evaluate_files(job, files, request.jobs, request.progress)
    _check_catalogue(org, org_doc, packs, records, request.vendor_paths, files)
    notes: list[str] = []
    if request.versions_on is not None:
        records, notes = in_force(records, request.versions_on)
    for r in sorted(records, key=lambda r: r.vendor):
        notes += r.notes
    pieces = tuple(r.piece for r in records if r.piece is not None)
    return _Run(pieces, job.org, day, packs, options, tuple(dict.fromkeys(notes)))


@dataclass(frozen=True)
class Several:
    """A renderer of several formats at once: a vendor's piece holds its piece in each format,
    one after the other (so the cache keeps them as one record); :meth:`split` parts them."""

    inner: PieceRenderer
    """Renders each format's piece and puts each report together."""
    formats: tuple[str, ...]
    """The formats, in order."""

    def rule_index(self, packs: Sequence[RulePack]) -> dict[str, int]:
        return self.inner.rule_index(packs)

    def piece(
        self,
        fmt: str,
        result: VendorResult,
        options: RenderOptions,
        rule_index: Mapping[str, int],
        org: OrgProfile,
    ) -> Piece:
        made = [
            self.inner.piece(name, result, _options_for(name, options), rule_index, org)
            for name in self.formats
        ]
        # JSON-ready, as a cached record's metadata must be.
        layout = [[len(p.text), dict(p.meta), [[r, d] for r, d in p.extras]] for p in made]
        text = b"".join(p.text for p in made)
        return replace(made[0], extras=(), text=text, meta={_SEVERAL: layout})

    def assemble(
        self,
        fmt: str,
        pieces: Sequence[Piece],
        org: OrgProfile,
        day: date,
        packs: Sequence[RulePack],
        options: RenderOptions,
    ) -> Iterable[bytes]:
        raise TypeError("several reports are put together one by one, after split()")

    def split(self, pieces: Sequence[Piece]) -> list[tuple[Piece, ...]]:
        """Each format's pieces, in the order of :attr:`formats`."""
        split: list[list[Piece]] = [[] for _ in self.formats]
        for piece in pieces:
            others = {k: v for k, v in piece.meta.items() if k != _SEVERAL}  # "accepted"
            offset = 0
            for index, (length, meta, extras) in enumerate(piece.meta[_SEVERAL]):
                text = piece.text[offset : offset + length]
                offset += length
                own = replace(
                    piece,
                    text=text,
                    meta={**meta, **others},
                    extras=tuple((str(rule), dict(d)) for rule, d in extras),
                )
                split[index].append(own)
        return [tuple(pieces) for pieces in split]


_SEVERAL = "several"
"""The key of a piece of :class:`Several` holding each format's length, metadata and extras."""


def _options_for(fmt: str, options: RenderOptions) -> RenderOptions:
    """Colour and width shape the text format only (as :func:`check` keeps them)."""
    if fmt == "text":
        return options
    return replace(options, color=False, width=RenderOptions.width)


def in_force(records: Sequence[Record], day: date) -> tuple[list[Record], list[str]]:
    """``run.select_in_force`` on records: one version per lineage, the one in force on ``day``
    (InputError naming the lineages with none), and the notes ``context.select_versions``
    gives for that choice."""
    kept, skipped = lineage.select([r.dated() for r in records], day)
    ids = {p.id for p in kept}
    chosen = [r for r in records if r.vendor in ids]
    notes = [
        version_note(day, catalogue.LoadedVendor(r.dated(), r.path, r.path.parent))
        for r in sorted(chosen, key=lambda r: r.vendor)
        if r.lineage is not None or r.in_force is not None
    ]
    if skipped:
        names = ", ".join(sorted(p.id for p in skipped))
        notes.append(f"versions not in force on {day.isoformat()}, not evaluated: {names}")
    return chosen, notes


def _policy_digest(org_path: str | Path | None, rules_paths: Sequence[str | Path]) -> str | None:
    """Digest of the organisation profile and every file under the rule sources, as found
    now; None when they cannot all be read (``run.load_policy`` then reports why)."""
    try:
        org_file = Path(org_path) if org_path else workspace.find_org()
        parts: list[str | bytes] = ["policy"]
        sources: list[str | Path] = list(rules_paths)
        if org_file is not None:
            parts += [workspace.display_path(org_file), _policy_bytes(org_file)]
            if not sources:
                org, _ = catalogue.load_org(org_file)
                sources = list(org.rules_paths)
        for source in sources:
            path = Path(source)
            parts.append(str(source))
            if not path.is_dir():
                parts.append(_policy_bytes(path))
                continue
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if file.is_file() and not any(p.startswith(".") for p in relative.parts):
                    parts += [relative.as_posix(), _policy_bytes(file)]
        return digest(*parts)
    except (OSError, InputError, ValueError):
        return None


def _policy_bytes(path: Path) -> bytes:
    """A policy file's bytes for the digest; a FIFO or a device is refused, never read."""
    return read_bytes(path, str(path), MAX_SNAPSHOT_BYTES)


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
    loaded: list[Record] = []
    for record in records:
        if record.problems:
            problems.extend(record.problems)
            continue
        if record.vendor in seen:
            problems.append(
                Problem(
                    f"vendor id `{record.vendor}` is also used by "
                    f"{workspace.display_path(seen[record.vendor])}",
                    record.display,
                    record.line,
                    record.column,
                )
            )
            continue
        seen[record.vendor] = record.path
        loaded.append(record)
    if problems:
        raise InputError(problems)
    catalogue.check_waivers(org, org_doc, [r for p in packs for r in p.rules])
    # The checks read only vendors the organisation names; profiles are made for those alone.
    catalogue.check_usage(
        org,
        [
            catalogue.LoadedVendor(r.profile(), r.path, r.path.parent)
            for r in loaded
            if r.vendor in org.usage
        ],
    )
    if catalogue.whole_catalogue(org, given, files):
        named = {w.vendor for w in org.waivers}
        known = {r.vendor for r in loaded} | {r.lineage for r in loaded if r.lineage}
        # An unknown vendor's message suggests the closest name: then every profile is needed.
        waived = [r for r in loaded if r.vendor in named or r.lineage in named]
        checked = waived if named <= known else loaded
        waivers.check_vendors(org, org_doc, (r.profile() for r in checked))
        catalogue.check_usage_names(org, org_doc, (r.vendor for r in loaded))


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


def evaluate_files(
    job: Job,
    files: Sequence[Path],
    jobs: int | None = None,
    progress: app_run.Progress | None = None,
) -> list[Record]:
    """One record per file, in file order. Records of the last run in the same context are
    taken from its pack when their file is unchanged; the other files are evaluated here, or
    by worker processes when there are many, and a new pack is written."""
    worker = _Worker(job)
    pack = worker.open_pack()
    records: list[Record | None] = []
    for path in files:
        read = worker.read(path)
        records.append(worker.from_pack(read, pack))
    missing = [i for i, record in enumerate(records) if record is None]
    paths = [files[i] for i in missing]
    told = _Told(progress, len(files))
    told.records([r for r in records if r is not None])
    workers = worker_count(jobs, len(paths))
    if workers == 1:
        parts = (worker.run(paths[start : start + CHUNK]) for start in range(0, len(paths), CHUNK))
        fresh = [record for part in parts for record in told.records(part)]
    else:
        size = max(16, min(CHUNK, len(paths) // (workers * 16)))
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        # fork: workers inherit the job (organisation, compiled rules) instead of unpickling it.
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_start, initargs=(job,)) as pool:
            fresh = [
                record for part in pool.imap(_run_chunk, chunks) for record in told.records(part)
            ]
    told.done()
    for index, record in zip(missing, fresh, strict=True):
        records[index] = record
    done = [r for r in records if r is not None]
    if missing or len(pack) != len(done):
        worker.save_pack(done)
    return done


@dataclass
class _Told:
    """Tells ``progress`` of the records as they are ready."""

    progress: app_run.Progress | None
    total: int
    count: int = 0

    def records(self, records: list[Record]) -> list[Record]:
        if self.progress is not None:
            for record in records:
                self.progress(self.count, self.total, record.vendor)
                self.count += 1
        return records

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total, "")


def _start(job: Job) -> None:
    _IN_PROCESS.append(_Worker(job))


def _run_chunk(files: list[Path]) -> list[Record]:
    return _IN_PROCESS[0].run(files)


@dataclass(frozen=True)
class _Read:
    """A vendor file as read, before anything is looked up."""

    path: Path
    folder: Path
    folder_name: str
    display: str
    raw: bytes
    sha256: str
    problems: tuple[Problem, ...] = ()
    key: str = ""
    """The key of the file's bytes and path (see ``cache.vendor_key``)."""


Pack = dict[tuple[str, str], tuple[dict[str, Any], bytes]]
"""The records of a run by file key and context: their metadata and their text."""


class _Worker:
    """Evaluates files one by one, remembering per process what all of them share."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.roots: dict[Path, Path] = {}
        self.stores: dict[Path, evidence.SnapshotStore] = {}
        self.snapshot_states: dict[Path, str] = {}
        self.states: dict[tuple[str, str, str], str] = {}
        self.prefixes: dict[str, str] = {}
        self.contexts: dict[Path, str] = {}
        self.folder_roots: dict[str, tuple[Path, str]] = {}

    # ------------------------------------------------ the pack of the last run

    def open_pack(self) -> Pack:
        """The records the last run in this context kept (empty when there is none)."""
        cache = self.job.cache
        found = cache_packs.read_pack(cache, self.job.context) if cache is not None else None
        if found is None:
            return {}
        head, body = found
        pack: Pack = {}
        try:
            offset = 0
            for meta in head["records"]:
                length = meta["length"]
                if not isinstance(length, int) or length < 0:
                    raise ValueError("damaged pack")
                pack[meta["key"], meta["context"]] = (meta, bytes(body[offset : offset + length]))
                offset += length
            if offset != len(body):
                raise ValueError("damaged pack")
        except (ValueError, TypeError, KeyError):
            return {}  # damaged: every file is evaluated again and a new pack written
        return pack

    def save_pack(self, records: Sequence[Record]) -> None:
        """Keep this run's records for the next run in the same context."""
        cache = self.job.cache
        if cache is None or any(r.problems or r.piece is None for r in records):
            return
        metas = []
        texts = []
        for record in records:
            meta = _meta(record)
            meta["length"] = len(record.piece.text) if record.piece else 0
            metas.append(meta)
            texts.append(record.piece.text if record.piece else b"")
        cache_packs.write_pack(cache, self.job.context, {"records": metas}, texts)

    def from_pack(self, read: _Read, pack: Pack) -> Record | None:
        """The file's record from the pack, when its bytes, path, repository and snapshots are
        as they were; None otherwise."""
        if read.problems:
            return Record(read.path, read.display, read.problems)
        if not pack:
            return None
        root, context = self._root(read)
        found = pack.get((read.key, context))
        if found is None:
            return None
        store = self.stores.setdefault(root, evidence.SnapshotStore(root))
        return self._decode(found, read, store, context)

    # ------------------------------------------------ evaluating

    def run(self, files: Sequence[Path]) -> list[Record]:
        """Records of ``files``, evaluated (parsed profiles from the cache, committed together)."""
        read = [self.read(path) for path in files]
        cache = self.job.cache
        if cache is None:
            return [self.record(r, None) for r in read]
        profiles = cache.get_many(cache_module.PROFILES, [r.key for r in read if r.key])
        records = [self.record(r, profiles.get(r.key)) for r in read]
        cache.flush()
        return records

    def read(self, path: Path) -> _Read:
        folder = path.parent
        name = str(folder)
        display = self.display(path, name)
        try:
            raw = read_bytes(path, display)
        except InputError as exc:
            return _Read(path, folder, name, display, b"", "", tuple(exc.problems))
        sha = hashlib.sha256(raw).hexdigest()
        key = vendor_key(sha, display)
        return _Read(path, folder, name, display, raw, sha, key=key)

    def display(self, path: Path, folder: str) -> str:
        """``workspace.display_path``, worked out once per folder: files of one folder differ only
        in their names."""
        prefix = self.prefixes.get(folder)
        if prefix is None:
            shown = workspace.display_path(path)
            if not shown.endswith(path.name):  # pragma: no cover - display paths end in the name
                return shown
            prefix = self.prefixes[folder] = shown[: len(shown) - len(path.name)]
        return prefix + path.name

    def _root(self, read: _Read) -> tuple[Path, str]:
        """The repository of a file (see ``workspace.root_for``) and its evaluation context, once
        per folder (keyed by its name: hashing Path objects costs more than the lookup)."""
        if os.path.islink(read.path):
            root = workspace.repo_root(read.path)
            return root, self._context(root)
        found = self.folder_roots.get(read.folder_name)
        if found is None:
            root = workspace.root_for(read.path, self.roots)
            found = self.folder_roots[read.folder_name] = (root, self._context(root))
        return found

    def _context(self, root: Path) -> str:
        context = self.contexts.get(root)
        if context is None:
            context = self.contexts[root] = digest(self.job.context, str(root))
        return context

    def record(self, read: _Read, parsed: bytes | None) -> Record:
        """The file evaluated, its profile parsed again unless the cache holds it."""
        path, display = read.path, read.display
        if read.problems:
            return Record(path, display, read.problems)
        root, context = self._root(read)
        store = self.stores.setdefault(root, evidence.SnapshotStore(root))
        doc = cache_module.cached_document(parsed, display, read.sha256)
        fresh = doc is None
        try:
            if doc is None:
                doc = cache_module.parse_vendor(read.raw, display)
            profile = build_vendor(doc)
        except InputError as exc:
            return Record(path, display, tuple(exc.problems))
        job, cache = self.job, self.job.cache
        if cache is not None and fresh:
            cache.put(cache_module.PROFILES, read.key, cache_module.encode_document(doc))
        depends = tuple(
            (d.snapshot, self._snapshot_state(read, d.snapshot, store))
            for d in profile.documents.values()
            if d.snapshot
        )
        try:
            result = engine_vendor.evaluate_vendor(
                catalogue.LoadedVendor(profile, path, root),
                job.rules,
                job.org,
                job.day,
                job.org.plan_for(profile),
                store,
                policy=job.blocking,
            )
        except InputError as exc:  # a profile that loads but cannot be evaluated on this day
            return Record(path, display, tuple(exc.problems))
        piece = self._piece(result)
        return Record(
            path,
            display,
            vendor=profile.id,
            name=profile.name,
            category=profile.category,
            line=profile.location.line,
            column=profile.location.column,
            lineage=profile.lineage,
            plans=tuple(p.id for p in profile.plans),
            in_force=_in_force(profile.in_force),
            retrieved=_retrieved(profile),
            piece=piece,
            key=read.key,
            context=context,
            depends=depends,
            notes=tuple(documents_after(job.day, profile)),
        )

    def _piece(self, result: VendorResult) -> Piece:
        job = self.job
        if job.accepted is None:
            return job.renderer.piece(job.fmt, result, job.options, job.rule_index, job.org)
        result, info = job.accepted.apply(result)
        piece = job.renderer.piece(job.fmt, result, job.options, job.rule_index, job.org)
        return replace(piece, meta={**piece.meta, "accepted": info})

    def _snapshot_state(self, read: _Read, snapshot: str, store: evidence.SnapshotStore) -> str:
        """The sha256 of the snapshot's bytes, or why there are none (a refused or missing
        path): equal states give equal evidence statuses. Once per folder and snapshot."""
        key = (read.folder_name, str(store.root), snapshot)
        state = self.states.get(key)
        if state is None:
            state = self.states[key] = self._new_state(read.path, snapshot, store)
        return state

    def _new_state(self, path: Path, snapshot: str, store: evidence.SnapshotStore) -> str:
        resolved = store.resolve(path, snapshot)
        if isinstance(resolved, str):
            return "refused: " + resolved
        state = self.snapshot_states.get(resolved)
        if state is None:
            try:  # never blocks on a FIFO nor reads a huge file (see text.reader)
                raw = read_bytes(resolved, snapshot, MAX_SNAPSHOT_BYTES)
                state = hashlib.sha256(raw).hexdigest()
            except InputError as exc:
                state = f"unreadable: {exc.problems[0].message}"
            self.snapshot_states[resolved] = state
        return state

    def _decode(
        self,
        found: tuple[dict[str, Any], bytes],
        read: _Read,
        store: evidence.SnapshotStore,
        context: str,
    ) -> Record | None:
        """A kept record, if it is whole and its snapshots are unchanged."""
        meta, text = found
        try:
            depends = tuple((str(s), str(state)) for s, state in meta["depends"])
            if not isinstance(meta["meta"], dict):
                return None
            for snapshot, state in depends:
                if self._snapshot_state(read, snapshot, store) != state:
                    return None
            return Record(
                read.path,
                read.display,
                vendor=meta["vendor"],
                name=meta["name"],
                category=meta["category"],
                line=meta["line"],
                column=meta["column"],
                lineage=meta["lineage"],
                plans=tuple(meta["plans"]),
                in_force=None if meta["in_force"] is None else tuple(meta["in_force"]),
                retrieved=meta["retrieved"],
                piece=Piece(
                    vendor=meta["vendor"],
                    decision=meta["decision"],
                    verdicts=meta["verdicts"],
                    blocking=meta["blocking"],
                    extras=tuple((rule, d) for rule, d in meta["extras"]),
                    text=text,
                    meta=meta["meta"],
                ),
                key=read.key,
                context=context,
                depends=depends,
                notes=tuple(str(note) for note in meta["notes"]),
            )
        except (ValueError, TypeError, KeyError):
            return None  # damaged: evaluated again, and the pack is rewritten


def _meta(record: Record) -> dict[str, Any]:
    """A record as kept in a pack (JSON-ready), without its text."""
    assert record.piece is not None
    p = record.piece
    return {
        "key": record.key,
        "context": record.context,
        "vendor": record.vendor,
        "name": record.name,
        "category": record.category,
        "line": record.line,
        "column": record.column,
        "lineage": record.lineage,
        "plans": list(record.plans),
        "in_force": None if record.in_force is None else list(record.in_force),
        "retrieved": record.retrieved,
        "decision": p.decision,
        "verdicts": dict(p.verdicts),
        "blocking": p.blocking,
        "extras": [[rule, d] for rule, d in p.extras],
        "meta": p.meta,
        "depends": [list(d) for d in record.depends],
        "notes": list(record.notes),
    }


def _in_force(span: InForce | None) -> tuple[str, str | None, int, int] | None:
    if span is None:
        return None
    end = span.end.isoformat() if span.end else None
    return (span.start.isoformat(), end, span.location.line, span.location.column)


def _retrieved(profile: VendorProfile) -> str | None:
    days = [d.retrieved for d in profile.documents.values() if d.retrieved is not None]
    return max(days).isoformat() if days else None
