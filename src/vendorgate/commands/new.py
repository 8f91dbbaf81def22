"""``vendorgate new VENDOR_ID DOCUMENT...``: a first, complete vendor profile from a vendor's
documents, ready for review.

Each document (a file, or an ``https://`` URL fetched within the limits ``watch`` uses) is
copied byte for byte to ``snapshots/<lineage>/<type>/<date>.md`` and pinned by sha256; its
title and effective date are read from the text. The profile states every fact of the
vocabulary: a fact the scanner found passages for takes the scanner's value with the verbatim
passages as evidence, a note saying it is a suggestion to review and ``unreviewed: true``,
which makes it read as ``undisclosed`` until a person removes the mark; every other fact is
``undisclosed``. ``--from`` carries the facts of a reviewed profile over, keeping each quote
that the new documents still hold; a fact none of whose quotes survive (or that had none)
becomes ``undisclosed`` with a note naming the old value. When the folder holds another dated
version of the same lineage, both files get ``lineage`` and an ``in_force`` chain that meets
without a gap.

The sentences the learned clause finder points at (passages worded like those of a fact, with
no value suggested) are written as YAML comments under their fact, never as a value or a
quote, so the reviewer reads them and the profile states exactly what it would without them.
Facts carried over with ``--from`` get none: a person has already read for those.

Nothing is overwritten: each new file is written whole beside its name and given that name
only if it is free (a hard link; an exclusive create where the file system has none); a
neighbour's edit is renamed over it only while it holds the bytes the edit was made from. The
profile is loaded and its quotes verified before it is put in place.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.commands.outcome import Outcome
from vendorgate.core.errors import EXIT_OK, InputError, OutputError, Problem, UsageError
from vendorgate.core.vocabulary import FACTS, UNDISCLOSED, VENDOR_CATEGORIES
from vendorgate.onboard.reading import infer_type, read_effective_date, read_title

if TYPE_CHECKING:
    from collections.abc import Mapping

    from vendorgate.core.model import Document, Fact, VendorProfile
    from vendorgate.evidence.verify import VerifyResult
    from vendorgate.scan.finder import Pointer
    from vendorgate.text.passages import IndexedText

KIND = "new"

_ID = re.compile(r"\A[a-z0-9][a-z0-9._-]*\Z")
_THIS_MACHINE = frozenset({"127.0.0.1", "localhost", "::1"})
"""Hosts a plain http:// document may come from (a local server, as in tests)."""
_MAX_ID = 100
"""An id names a file and a folder: one far longer than this exceeds what a file system takes."""
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""What the profile loader refuses in any string, even escaped (see ``load.yaml``)."""
_URL = re.compile(r"\Ahttps?://[^\s\x00-\x1f\x7f-\x9f\u2028\u2029]+\Z")
_DATED_SUFFIX = re.compile(r"-\d{4}(?:-\d{2}){0,2}$")
_MAX_QUOTES = 3
_NO_LINKS = frozenset(
    getattr(errno, name)
    for name in ("EPERM", "EXDEV", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS", "EACCES")
    if hasattr(errno, name)
)
"""Why ``os.link`` fails on a file system without hard links (or where they are forbidden);
the name is then taken by an exclusive create instead."""
_MAX_POINTERS = 3
"""Pointer comments per fact; the rest are counted (``vendorgate scan`` lists them all)."""
_EXCERPT_CHARS = 72
"""How much of a pointed passage its comment shows: enough to recognise it at its line."""
_POINTER_SAID = "# also read (found by wording, no value suggested): "
_TYPES = (
    "terms_of_service",
    "privacy_policy",
    "dpa",
    "baa",
    "subprocessor_list",
    "ai_addendum",
    "security_page",
    "other",
)
_FOLDERS = {
    "terms_of_service": "terms-of-service",
    "privacy_policy": "privacy-policy",
    "dpa": "data-processor-agreement",
    "baa": "business-associate-agreement",
    "subprocessor_list": "subprocessors",
    "ai_addendum": "ai-addendum",
    "security_page": "security",
    "other": "other",
}
_DOC_IDS = {
    "terms_of_service": "tos",
    "privacy_policy": "privacy",
    "dpa": "dpa",
    "baa": "baa",
    "subprocessor_list": "subprocessors",
    "ai_addendum": "ai-addendum",
    "security_page": "security",
    "other": "doc",
}
_EARLIEST = date(1990, 1, 1)
"""An effective date before this is a misreading (no SaaS terms are older)."""
_AHEAD = timedelta(days=366)
"""How far after retrieval an effective date is believed (terms announced in advance)."""


@dataclass(frozen=True)
class NewRequest:
    """What ``new`` was asked, parsed."""

    vendor_id: str
    """Id of the profile to write (also its file name)."""
    documents: tuple[str, ...]
    """Files or ``https://`` URLs, in the order their facts take precedence."""
    types: tuple[str, ...] = ()
    """``--type`` per document, in order; inferred from the title or file name when absent."""
    urls: tuple[str, ...] = ()
    """``--url`` per file document, in order: where the vendor publishes it."""
    name: str = ""
    """Display name; the id when empty."""
    category: str = "other"
    """Vendor category of the vocabulary."""
    lineage: str = ""
    """Lineage the profile belongs to; the id without a trailing date when empty."""
    from_profile: str | None = None
    """A reviewed profile whose facts are carried over."""
    vendors_dir: str | None = None
    """Where to write; the organisation's first vendors path (or ``vendors``) when None."""
    today: date | None = None
    """The date of retrieval; today when None."""
    timeout: float = 20.0
    """Fetch limits, as for ``watch``."""
    max_bytes: int = 5_000_000
    retries: int = 2
    output: str | None = None
    """Where the summary goes (``-o``): refused when it names a file ``new`` reads or writes."""


@dataclass(frozen=True)
class _Doc:
    """One document of the new profile."""

    id: str
    """Document id facts cite."""
    type: str
    """Vocabulary document type."""
    title: str
    """Read from the text, or made from the vendor and type."""
    url: str
    """Where the vendor publishes it."""
    effective: date | None
    """Read from the text; None when it does not say."""
    effective_cue: str
    """The words the date was read from, for the profile's comment."""
    retrieved: date
    """Day of retrieval."""
    data: bytes
    """Its bytes, as copied."""
    snapshot: Path
    """Where the copy goes."""
    place: str
    """The snapshot's path from the repository root, as comments name it (the same from
    wherever ``new`` runs)."""
    doubt: str = ""
    """Why an effective date the text gives was not believed; empty when none was doubted."""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace").removeprefix("\ufeff")

    @property
    def dated(self) -> date:
        return self.effective or self.retrieved


@dataclass(frozen=True)
class _Quote:
    doc: str
    section: str
    quote: str
    span: tuple[int, int] | None = None
    """Offsets in the document's text, for a quote the scanner cut; None when carried over."""


@dataclass(frozen=True)
class _Pointer:
    """A passage the finder pointed at, as its comment names it."""

    fact: str
    doc: str
    """Id of the document it is in."""
    order: int
    """Position of that document on the command line."""
    place: str
    """The document's snapshot path (see :attr:`_Doc.place`)."""
    line: int
    start: int
    end: int
    score: float
    text: str
    """The passage without its markup, in its own characters (so it can be searched for)."""


@dataclass
class _FactOut:
    """A fact as it will be written."""

    value: object = UNDISCLOSED
    evidence: list[_Quote] = field(default_factory=list)
    note: str = ""
    unreviewed: bool = False
    """Written as ``unreviewed: true``: the value reads as undisclosed until reviewed."""
    pointers: list[_Pointer] = field(default_factory=list)
    """Passages the finder pointed at for the fact, in document order; comments only."""


@dataclass(frozen=True)
class _Neighbour:
    """Another dated version of the same lineage in the vendors folder."""

    path: Path
    start: date | None
    end: date | None
    has_lineage: bool
    data: bytes
    """Its bytes as read: the edit is made from them, and put in place only while the file
    still holds them (see :func:`_refuse_changed`)."""


@dataclass(frozen=True)
class _Edit:
    """A neighbour's edited text and the bytes it was made from."""

    read: bytes
    text: str


def execute(request: NewRequest) -> Outcome:
    from vendorgate.core.output import refuse_output_over

    vendor_id = _checked_id(request.vendor_id)
    if not request.documents:
        raise UsageError("name at least one DOCUMENT (a file or an https:// URL)")
    today = _retrieval_day(request.today)
    root, vendors_dir = _places(request)
    target = vendors_dir / f"{vendor_id}.yaml"
    _refuse_existing(target)
    refuse_output_over(request.output, [target, *request.documents, request.from_profile])
    lineage = _checked_lineage(request.lineage)
    _check_category(request.category)
    lineage_name = lineage or _lineage_of_id(vendor_id)
    # Read before the documents are fetched, so a neighbour that does not load is reported
    # before any download; a change made to it meanwhile is caught before the edit is put in
    # place.
    neighbours = _neighbours(vendors_dir, lineage_name, target)
    docs = _documents(request, root, lineage_name, today)
    refuse_output_over(request.output, [doc.snapshot for doc in docs])
    _check_places(target, docs)
    facts, notes = _facts(request, docs, lineage_name)
    notes[:0] = [doc.doubt for doc in docs if doc.doubt]
    start = docs[0].dated
    until, edits = _chain(neighbours, lineage_name, start)
    refuse_output_over(request.output, list(edits))
    _check_edits(edits)
    text = _profile_text(request, target.parent, vendor_id, lineage_name, docs, facts, start, until)
    _write_all(target, text, docs, edits)
    summary = _summary(target, docs, facts, edits)
    return Outcome((summary,), EXIT_OK, notes=tuple(notes))


# ---------------------------------------------------------------- inputs


def _retrieval_day(as_of: date | None) -> date:
    """The day the documents are retrieved: ``--as-of`` when given, which may not be later than
    today (a snapshot cannot have been retrieved in the future, and the date would also shift
    which effective dates are believed)."""
    today = date.today()
    if as_of is not None and as_of > today:
        raise UsageError(
            f"--as-of {as_of.isoformat()}: later than today ({today.isoformat()}); a snapshot "
            "cannot have been retrieved in the future: give the day it was retrieved, or omit "
            "--as-of"
        )
    return as_of or today


def _refuse_existing(target: Path) -> None:
    from vendorgate.load import workspace

    # A dangling symlink "does not exist", yet renaming over it would replace the user's link.
    if os.path.lexists(target):
        raise UsageError(f"{workspace.display_path(target)} exists; refusing to overwrite it")


def _lineage_of_id(vendor_id: str) -> str:
    return _DATED_SUFFIX.sub("", vendor_id) or vendor_id


def _checked_id(vendor_id: str) -> str:
    if not _ID.match(vendor_id) or len(vendor_id) > _MAX_ID:
        raise UsageError(
            f"VENDOR_ID {vendor_id!r}: expected at most {_MAX_ID} lower-case letters, digits, "
            "'.', '_' or '-', starting with a letter or digit (e.g. acme or acme-2025-09)"
        )
    return vendor_id


def _checked_lineage(lineage: str) -> str:
    # The lineage names the snapshot folder: checked before anything is written, so
    # `--lineage ../x` cannot put a document outside the repository.
    if lineage and (not _ID.match(lineage) or len(lineage) > _MAX_ID):
        raise UsageError(
            f"--lineage {lineage!r}: expected at most {_MAX_ID} lower-case letters, digits, "
            "'.', '_' or '-', starting with a letter or digit (e.g. acme)"
        )
    return lineage


def _check_category(category: str) -> None:
    # Written into the profile as it is: anything but a known word could add YAML of its own
    # (`other\nreviewed: 2026-12-01` would claim a review nobody made).
    if category not in VENDOR_CATEGORIES:
        raise UsageError(f"--category {category!r}: expected one of {', '.join(VENDOR_CATEGORIES)}")


def _places(request: NewRequest) -> tuple[Path, Path]:
    """(repository root, vendors folder)."""
    from vendorgate.load import catalogue, workspace

    if request.vendors_dir:
        vendors = Path(request.vendors_dir)
        org_file = workspace.find_org(vendors.resolve())
        root = org_file.parent if org_file else vendors.resolve().parent
        return root, vendors
    org_file = workspace.find_org()
    if org_file is None:
        return Path.cwd(), Path("vendors")
    org, _ = catalogue.load_org(org_file)
    first = org.vendors_paths[0] if org.vendors_paths else "vendors"
    return org_file.parent, org_file.parent / first


def _per_document(values: Sequence[str], count: int, option: str) -> list[str]:
    if len(values) > count:
        raise UsageError(f"{option} given {len(values)} times for {count} document(s)")
    return [*values, *([""] * (count - len(values)))]


def _documents(request: NewRequest, root: Path, lineage_name: str, today: date) -> list[_Doc]:
    count = len(request.documents)
    types = _per_document(request.types, count, "--type")
    urls = _per_document(request.urls, count, "--url")
    docs: list[_Doc] = []
    named: dict[str, str] = {}
    for name, kind, given_url in zip(request.documents, types, urls, strict=True):
        data, url = _obtain(name, given_url, request)
        doc = _describe(name, data, kind, url, root, lineage_name, today, docs)
        if doc.sha256 in named:
            raise UsageError(
                f"{name}: the same bytes as {named[doc.sha256]} (named twice?); "
                "name each document once"
            )
        named[doc.sha256] = name
        docs.append(doc)
    return docs


def _obtain(name: str, url: str, request: NewRequest) -> tuple[bytes, str]:
    """The document's bytes and the URL the profile names."""
    if url and not _URL.match(url):  # checked before a fetch, for files and URLs alike
        raise UsageError(
            f"--url {url!r}: expected an http:// or https:// address without spaces or "
            "control characters"
        )
    if name.startswith(("http://", "https://")):
        from vendorgate.evidence.fetch import FetchError, Limits, fetch

        _refuse_plain_http(name, name)
        limits = Limits(request.timeout, request.max_bytes, request.retries)
        try:
            response = fetch(name, limits)
        except FetchError as exc:
            raise UsageError(f"{name}: could not be fetched: {exc}") from exc
        _refuse_plain_http(name, response.url)  # a redirect down to http:// elsewhere
        if response.status != 200:
            raise UsageError(f"{name}: answered HTTP {response.status}; expected 200")
        _checked_text(response.body, name)  # a PDF, a page in Latin-1: refused like a file
        return response.body, url or response.url
    if not url:
        raise UsageError(
            f"{name}: a document given as a file needs --url (where the vendor publishes it), "
            "one --url per document in order"
        )
    return _read_file(name), url


def _refuse_plain_http(name: str, url: str) -> None:
    """Refuse a document read over plain http from another machine: anyone on the way could
    change the text that is pinned as the vendor's. This machine (a test server) may serve it."""
    from urllib.parse import urlsplit

    if url.startswith("http://") and urlsplit(url).hostname not in _THIS_MACHINE:
        said = name if url == name else f"{name} (redirected to {url})"
        raise UsageError(
            f"{said}: plain http:// is fetched only from this machine; give the https:// "
            "address, or save the page and name the file with --url"
        )


def _read_file(name: str) -> bytes:
    from vendorgate.scan.scanner import MAX_DOCUMENT_BYTES
    from vendorgate.text.reader import read_bytes

    path = Path(name)
    if not path.exists():
        raise UsageError(f"{name}: no such file (a terms document was expected)")
    if path.is_dir():
        raise UsageError(f"{name}: is a folder; name one document file")
    # Read once: the bytes checked are the bytes pinned, even if the file changes meanwhile.
    data = read_bytes(path, name, MAX_DOCUMENT_BYTES)
    _checked_text(data, name)
    return data


def _checked_text(data: bytes, name: str) -> None:
    """Located errors for binary or non-UTF-8 bytes; an error for a document with no text,
    which would give a profile of nothing but `undisclosed` that looks like a finished one."""
    from vendorgate.scan.scanner import decode_document

    if not decode_document(data, name).strip():
        raise InputError(
            Problem(
                "no text (the document is empty or only white space); expected the vendor's "
                "document: check the file, or that the page is not rendered by a script",
                name,
            )
        )


def _describe(
    name: str,
    data: bytes,
    kind: str,
    url: str,
    root: Path,
    lineage_name: str,
    today: date,
    earlier: Sequence[_Doc],
) -> _Doc:
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    title = read_title(text)
    doc_type = kind or infer_type(title, name, text)
    if doc_type not in _TYPES:
        raise UsageError(f"--type {doc_type!r}: expected one of {', '.join(_TYPES)}")
    effective, cue = read_effective_date(text)
    doubt = _doubt(name, effective, cue, today)
    if doubt:
        effective = None
    dated = effective or today
    doc_id, suffix = _doc_id(doc_type, dated, earlier)
    folder = root / "snapshots" / lineage_name / _FOLDERS[doc_type]
    # Two documents of one type and day (two `other` pages without a date) get a file each.
    snapshot = folder / f"{dated.isoformat()}{suffix}.md"
    place = snapshot.relative_to(root).as_posix()
    shown_title = title or f"{lineage_name} {doc_type.replace('_', ' ')}"
    return _Doc(
        doc_id, doc_type, shown_title, url, effective, cue, today, data, snapshot, place, doubt
    )


def _doubt(name: str, effective: date | None, cue: str, today: date) -> str:
    """Why the effective date read from the text is not believed, or empty. A hostile or
    garbled text ("Last updated: 9999-12-31") must not date the profile out of force; terms
    announced ahead of time are dated within a year of being fetched."""
    if effective is None or _EARLIEST <= effective <= today + _AHEAD:
        return ""
    return (
        f"{name}: the effective date {effective} read from {cue!r} is not believed (before "
        f"{_EARLIEST.year} or more than a year after retrieval); dated by retrieval, {today}: "
        "correct in_force.from by hand if the text is right"
    )


def _doc_id(doc_type: str, dated: date, earlier: Sequence[_Doc]) -> tuple[str, str]:
    """The document's id and the suffix (``-2``...) that keeps it apart from the others."""
    base = f"{_DOC_IDS[doc_type]}-{dated.isoformat()}"
    taken = {doc.id for doc in earlier}
    number = 1
    suffix = ""
    while base + suffix in taken:
        number += 1
        suffix = f"-{number}"
    return base + suffix, suffix


def _check_places(target: Path, docs: Sequence[_Doc]) -> None:
    """Refuse, before a byte is written, a profile or snapshot that would land outside the
    repository the profile belongs to (``--vendors-dir`` elsewhere or through a symlink, a
    symlinked snapshot folder, a working folder that is no project), or on a symlink."""
    from vendorgate.load import workspace

    repo = workspace.repo_root(target).resolve()
    shown = workspace.display_path(target.parent)
    if not target.parent.resolve().is_relative_to(repo):
        raise UsageError(
            f"--vendors-dir {shown}: outside the repository {repo} (it is "
            f"{target.parent.resolve()}); name a folder inside it"
        )
    for doc in docs:
        _check_snapshot_place(doc.snapshot, repo)


def _check_edits(edits: Mapping[Path, _Edit]) -> None:
    """Refuse to close the chain in a profile that is a symlink: renaming the edit over it
    would replace the link with a file (and the file it points to would stay unedited)."""
    from vendorgate.load import workspace

    for path in edits:
        if path.is_symlink():
            raise UsageError(
                f"{workspace.display_path(path)}: is a symlink, and `new` would close the "
                "lineage chain in it; replace the link by the file, or set its lineage and "
                "in_force.until by hand and run `new` again"
            )


def _check_snapshot_place(snapshot: Path, repo: Path) -> None:
    from vendorgate.load import workspace

    shown = workspace.display_path(snapshot)
    probe = snapshot
    while probe.resolve() != repo or probe.is_symlink():
        if probe.is_symlink():
            raise UsageError(
                f"{shown}: {workspace.display_path(probe)} is a symlink; refusing to write a "
                "snapshot through it (evidence verify refuses such paths): make it a folder "
                "or file of the repository"
            )
        if probe.parent == probe:
            raise UsageError(
                f"{shown}: outside the repository {repo} the profile belongs to; run `new` "
                "in a project (a folder with vendorgate.yaml or .git at or above it; "
                "`vendorgate init` makes one), or give --vendors-dir inside it"
            )
        probe = probe.parent


# ---------------------------------------------------------------- facts


def _facts(
    request: NewRequest, docs: Sequence[_Doc], lineage_name: str
) -> tuple[dict[str, _FactOut], list[str]]:
    facts = {spec.name: _FactOut() for spec in FACTS}
    notes: list[str] = []
    _from_scanner(facts, docs)
    if request.from_profile:
        notes.extend(_carry_over(facts, Path(request.from_profile), docs, lineage_name))
    return facts, notes


def _from_scanner(facts: dict[str, _FactOut], docs: Sequence[_Doc]) -> None:
    from vendorgate.scan import scanner
    from vendorgate.text.passages import IndexedText

    pointed: list[_Pointer] = []
    for order, doc in reversed(list(enumerate(docs))):  # the first document named wins
        indexed = IndexedText(doc.text)
        result = scanner.scan_loaded(doc.text, doc.sha256, doc.place)
        pointed += [
            _Pointer(p.fact, doc.id, order, doc.place, p.line, p.start, p.end, p.score, _shown(p))
            for p in result.pointers
        ]
        for suggestion in result.suggestions:
            if suggestion.fact not in facts:
                continue
            quotes = [
                _Quote(doc.id, p.section or p.heading, p.quote, (p.start, p.end))
                for p in suggestion.evidence
                # A quote holding a control character cannot be written (see _q): left out.
                if indexed.contains(p.quote) and not _UNWRITABLE.search(p.quote)
            ][:_MAX_QUOTES]
            if not quotes:
                continue
            value = UNDISCLOSED if suggestion.value is None else _yaml_value(suggestion.value)
            cues = ", ".join(sorted({p.cue for p in suggestion.evidence if p.cue})) or "passage"
            shown = "no value (a list to write from the passages)"
            said = shown if suggestion.value is None else f"`{_flat(value)}`"
            facts[suggestion.fact] = _FactOut(
                value,
                quotes,
                f"scanner suggestion {said} (cue: {cues}; confidence "
                f"{suggestion.confidence:.2f}): check it against the quotes, then remove "
                "`unreviewed: true`",
                unreviewed=True,
            )
    _attach(facts, pointed)


def _shown(pointer: Pointer) -> str:
    from vendorgate.text.normalise import strip_markup

    return strip_markup(pointer.quote)


def _attach(facts: dict[str, _FactOut], pointed: Sequence[_Pointer]) -> None:
    """Each pointer to its fact, in document order, unless it overlaps a quote the fact
    already has: the reviewer reads that passage anyway. (The finder already leaves out the
    sentences its document's passages of the fact quote; this holds whatever the finder does.)"""
    for pointer in sorted(pointed, key=lambda p: (p.order, p.start, p.end)):
        fact = facts.get(pointer.fact)
        if fact is not None and not _overlaps_quote(pointer, fact.evidence):
            fact.pointers.append(pointer)


def _overlaps_quote(pointer: _Pointer, quotes: Sequence[_Quote]) -> bool:
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
    facts: dict[str, _FactOut], source: Path, docs: Sequence[_Doc], lineage_name: str
) -> list[str]:
    """Reviewed facts of ``source`` over the scanner's; notes for the ones that lost quotes."""
    from vendorgate.load import catalogue
    from vendorgate.load.paths import profile_file
    from vendorgate.text.passages import IndexedText

    profile_file(str(source), "--from")
    old = catalogue.load_vendors([source])[0].profile
    described = old.lineage or _lineage_of_id(old.id)
    if described != lineage_name:
        # Facts reviewed for another vendor would stand as reviewed for this one. Only the
        # same lineage counts: one named after another (google, google-cloud) is another vendor.
        raise UsageError(
            f"--from {source}: describes `{described}`, not `{lineage_name}`; carry facts "
            "over only from an earlier version of the same vendor (or give --lineage)"
        )
    texts = {doc.id: IndexedText(doc.text) for doc in docs}
    by_type = {doc.type: doc.id for doc in reversed(docs)}
    notes: list[str] = []
    for name, fact in sorted(old.facts.items()):
        if name not in facts or (fact.value == UNDISCLOSED and not fact.evidence):
            continue
        if fact.unreviewed:  # nobody checked it: the scanner's reading of the new text stands
            continue
        kept, lost = _kept_quotes(fact, old.documents, by_type, texts)
        carried = f"carried over from {old.id} ({source.name})"
        if not fact.evidence:
            # Nothing in the new documents can be checked against it: it waits for a reading.
            facts[name] = _FactOut(
                UNDISCLOSED,
                [],
                f"{carried}: its value `{_flat(_model_value(fact.value))}` had no quote to "
                "check against these documents; review",
            )
            notes.append(f"{name}: {old.id} states it with no quote; set to undisclosed")
            continue
        if fact.evidence and not kept:
            facts[name] = _FactOut(
                UNDISCLOSED,
                [],
                f"{carried}: its value `{_flat(_model_value(fact.value))}` is no longer "
                f"verified: none of its {len(lost)} quote(s) is in these documents; review",
            )
            notes.append(f"{name}: no quote of {old.id} verifies any more; set to undisclosed")
            continue
        note = carried + (f"; {len(lost)} quote(s) no longer found were dropped" if lost else "")
        # Losing some quotes puts the reviewed value in doubt: it waits for a new review.
        facts[name] = _FactOut(_model_value(fact.value), kept, note + "; review", bool(lost))
        if lost:
            notes.append(f"{name}: {len(lost)} quote(s) of {old.id} no longer verify")
    return notes


def _kept_quotes(
    fact: Fact,
    documents: Mapping[str, Document],
    by_type: dict[str, str],
    texts: dict[str, IndexedText],
) -> tuple[list[_Quote], list[str]]:
    """The fact's quotes the new documents of the same type still hold, and the lost ones."""
    kept: list[_Quote] = []
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
        kept.append(_Quote(doc_id, section, item.quote))
    return kept, lost


def _model_value(value: object) -> object:
    """A profile's value as YAML writes it (sub-processor entries as mappings)."""
    if isinstance(value, tuple):
        return [_model_value(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        fields = {k: getattr(value, k) for k in value.__dataclass_fields__}
        return {k: v for k, v in fields.items() if v not in (None, "") and k != "location"}
    return value


# ---------------------------------------------------------------- lineage


def _neighbours(vendors_dir: Path, lineage_name: str, target: Path) -> list[_Neighbour]:
    from vendorgate.load import catalogue, lineage

    if not vendors_dir.is_dir():
        return []
    candidates = sorted(vendors_dir.glob("*.yaml"))
    paths = set(lineage.find_files(lineage_name, candidates))
    own = vendors_dir / f"{lineage_name}.yaml"
    if own.is_file():
        paths.add(own)
    found: list[_Neighbour] = []
    for path in sorted(paths - {target}):
        data = path.read_bytes()
        profile = catalogue.load_vendors([path])[0].profile
        _refuse_changed({path: _Edit(data, "")})  # what was loaded is what is edited
        if lineage.name(profile) != lineage_name:
            continue
        start = profile.in_force.start if profile.in_force else _first_effective(profile)
        end = profile.in_force.end if profile.in_force else None
        found.append(_Neighbour(path, start, end, profile.lineage is not None, data))
    return found


def _first_effective(profile: VendorProfile) -> date | None:
    days = [d.effective for d in profile.documents.values() if d.effective is not None]
    return min(days) if days else None


def _chain(
    neighbours: Sequence[_Neighbour], lineage_name: str, start: date
) -> tuple[date | None, dict[Path, _Edit]]:
    """The new profile's ``until`` and the edited text of the neighbours that close on it."""
    dated = [n for n in neighbours if n.start is not None]
    for n in dated:
        if n.start == start:
            raise UsageError(
                f"{n.path}: already describes `{lineage_name}` in force from {start}; "
                "give the new version another VENDOR_ID only if its terms differ"
            )
    before = [n for n in dated if n.start is not None and n.start < start]
    after = [n for n in dated if n.start is not None and n.start > start]
    edits: dict[Path, _Edit] = {}
    if before:
        previous = max(before, key=lambda n: n.start or date.min)
        if previous.end is None or previous.end >= start:
            edits[previous.path] = _closed(previous, lineage_name, start - timedelta(days=1))
    for n in neighbours:
        if n not in before and not n.has_lineage:
            edits.setdefault(n.path, _closed(n, lineage_name, None))
    until = None
    if after:
        following = min(after, key=lambda n: n.start or date.max)
        assert following.start is not None
        until = following.start - timedelta(days=1)
    return until, edits


def _closed(neighbour: _Neighbour, lineage_name: str, until: date | None) -> _Edit:
    """The neighbour's text with ``lineage`` and, when given, ``in_force.until`` set."""
    text = neighbour.data.decode("utf-8")
    lines = text.splitlines(keepends=True)
    if not neighbour.has_lineage:
        at = _top_level_index(lines, ("in_force:", "documents:"))
        lines.insert(at, f"lineage: {lineage_name}\n")
    if until is not None:
        lines = _with_until(lines, neighbour, until)
    return _Edit(neighbour.data, "".join(lines))


def _top_level_index(lines: Sequence[str], keys: Sequence[str]) -> int:
    for index, line in enumerate(lines):
        if line.startswith(tuple(keys)):
            return index
    return len(lines)


def _with_until(lines: list[str], neighbour: _Neighbour, until: date) -> list[str]:
    at = _top_level_index(lines, ("in_force:",))
    if at == len(lines):
        assert neighbour.start is not None
        block = ["in_force:\n", f"  from: {neighbour.start.isoformat()}\n"]
        block.append(f"  until: {until.isoformat()}\n")
        spot = _top_level_index(lines, ("documents:",))
        return [*lines[:spot], *block, *lines[spot:]]
    end = at + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1
    block = [line for line in lines[at + 1 : end] if not line.strip().startswith("until:")]
    block.append(f"  until: {until.isoformat()}\n")
    return [*lines[: at + 1], *block, *lines[end:]]


# ---------------------------------------------------------------- writing


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's) that the loader accepts, from
    any text a vendor's document holds: a control character or line separator, which no
    profile may hold even escaped, becomes a space (as quote matching reads it); any other
    character that is not printable (a format character, a byte order mark) is escaped, which
    YAML would otherwise refuse raw or fold."""
    written = json.dumps(_UNWRITABLE.sub(" ", value), ensure_ascii=False)
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in written)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _profile_text(
    request: NewRequest,
    profile_dir: Path,
    vendor_id: str,
    lineage_name: str,
    docs: Sequence[_Doc],
    facts: dict[str, _FactOut],
    start: date,
    until: date | None,
) -> str:
    lines = [
        "# yaml-language-server: $schema=../src/vendorgate/schemas/vendor.schema.json",
        f"# Written by `vendorgate new` on {docs[0].retrieved.isoformat()}: NOT REVIEWED.",
        "# Every fact not marked as a scanner suggestion or carried over is `undisclosed`.",
        "# A fact marked `unreviewed: true` reads as `undisclosed` until the mark is removed:",
        "# check each against its quotes, remove the mark, then add `reviewed:` with the date.",
        "apiVersion: vendorgate/v1",
        "kind: VendorProfile",
        f"id: {vendor_id}",
        f"name: {_q(request.name or vendor_id)}",
        f"category: {request.category}",
        *_in_force_lines(docs[0], lineage_name, start, until),
        "documents:",
    ]
    for doc in docs:
        lines.extend(_document_lines(doc, profile_dir))
    lines.append("facts:")
    for spec in FACTS:
        lines.extend(_fact_lines(spec.name, facts[spec.name]))
    return "\n".join(lines) + "\n"


def _in_force_lines(first: _Doc, lineage_name: str, start: date, until: date | None) -> list[str]:
    if first.effective is not None:
        said = f"the effective date read from the text ({first.effective_cue!r})"
    elif first.doubt:
        said = (
            f"the day of retrieval: the text's date ({_comment_safe(first.effective_cue)!r}) "
            "is not believed; correct it if the text is right"
        )
    else:
        said = "the day of retrieval: the text gives no effective date; correct it if you know it"
    lines = [f"# in_force.from is {said}.", f"lineage: {lineage_name}", "in_force:"]
    lines.append(f"  from: {start.isoformat()}")
    if until is not None:
        lines.append(f"  until: {until.isoformat()}")
    return lines


def _document_lines(doc: _Doc, profile_dir: Path) -> list[str]:
    relative = os.path.relpath(doc.snapshot.resolve(), profile_dir.resolve())
    lines = [
        f"  - id: {doc.id}",
        f"    title: {_q(doc.title)}",
        f"    type: {doc.type}",
        f"    url: {_q(doc.url)}",
    ]
    if doc.effective is not None:
        lines.append(f"    effective: {doc.effective.isoformat()}")
    else:
        lines.append("    # no effective date in the text: the snapshot is named by retrieval")
    lines += [
        f"    retrieved: {doc.retrieved.isoformat()}",
        f"    sha256: {doc.sha256}",
        f"    snapshot: {_q(Path(relative).as_posix())}",
    ]
    return lines


def _fact_lines(name: str, fact: _FactOut) -> list[str]:
    lines = [f"  {name}:", *_pointer_lines(fact.pointers), f"    value: {_value_text(fact.value)}"]
    if fact.unreviewed:
        lines.append("    unreviewed: true")
    if fact.evidence:
        lines.append("    evidence:")
        for item in fact.evidence:
            lines.append(f"      - doc: {item.doc}")
            if item.section:
                lines.append(f"        section: {_q(item.section)}")
            lines.append(f"        quote: {_q(item.quote)}")
    if fact.note:
        lines.append(f"    note: {_q(fact.note)}")
    return lines


def _pointer_lines(pointers: Sequence[_Pointer]) -> list[str]:
    """The comments naming the pointers of one fact: the ones the finder scores highest, in
    document order, and how many more there are."""
    ranked = sorted(pointers, key=lambda p: (-p.score, p.order, p.start, p.end))
    shown = sorted(ranked[:_MAX_POINTERS], key=lambda p: (p.order, p.start, p.end))
    lines = [
        f'    {_POINTER_SAID}{_comment_safe(p.place)} line {p.line}: "{_excerpt(p.text)}"'
        for p in shown
    ]
    if len(pointers) > len(shown):
        lines.append(
            f"    # ... and {len(pointers) - len(shown)} more (vendorgate scan on the snapshot "
            "lists every one)"
        )
    return lines


def _comment_safe(text: str) -> str:
    """``text`` fit for one comment line: each character that is not printable (controls, the
    line and paragraph separators and NEL that YAML reads as line breaks, format characters
    that reorder what a terminal shows) becomes a space, and runs of spaces one."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _excerpt(text: str) -> str:
    """The first words of a passage, cut at a space within :data:`_EXCERPT_CHARS`."""
    plain = _comment_safe(text)
    if len(plain) <= _EXCERPT_CHARS:
        return plain
    cut = plain.rfind(" ", 0, _EXCERPT_CHARS + 1)
    return plain[: cut if cut > 0 else _EXCERPT_CHARS].rstrip() + "\u2026"


def _value_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _write_all(target: Path, text: str, docs: Sequence[_Doc], edits: dict[Path, _Edit]) -> None:
    """Copy the snapshots, then put the profile and the edited neighbours in place, each
    file whole; the profile is loaded and its quotes verified before it is renamed in."""
    made: list[Path] = []  # files and folders this run created, undone if it fails
    neighbours: dict[Path, Path] = {}
    try:
        for doc in docs:
            _copy_snapshot(doc, made)
        _make_folder(target.parent, made)
        staged = _stage(target, text)
        try:
            _self_check(staged, target)
            neighbours = {path: _stage(path, edit.text) for path, edit in edits.items()}
            _refuse_changed(edits)
            _place_new(staged, target, made)
        finally:
            staged.unlink(missing_ok=True)
    except BaseException:
        _undo([*made, *neighbours.values()])
        raise
    for path, temp in neighbours.items():
        os.replace(temp, path)


def _refuse_changed(edits: Mapping[Path, _Edit]) -> None:
    """Refuse to put an edit in place over a neighbour that no longer holds the bytes it was
    made from (a person editing it, another run): renaming over it would lose that change.

    Checked for every neighbour before anything is put in place, so a refusal leaves nothing
    of the run. A window remains: a write to a neighbour between this read and its rename
    (microseconds later, with no download in between) is still replaced; POSIX has no
    rename-if-unchanged, and a lock would bind only writers that take it."""
    from vendorgate.load import workspace

    for path, edit in edits.items():
        try:
            now = path.read_bytes()
        except OSError as exc:
            now = f"unreadable: {exc}".encode()
        if now != edit.read:
            raise UsageError(
                f"{workspace.display_path(path)}: changed while `new` ran (it would close the "
                "lineage chain in it); nothing was written: run `new` again to edit the "
                "version it holds now"
            )


def _copy_snapshot(doc: _Doc, made: list[Path]) -> None:
    from vendorgate.load import workspace

    if os.path.lexists(doc.snapshot) and doc.snapshot.read_bytes() == doc.data:
        return
    _make_folder(doc.snapshot.parent, made)
    staged = _stage(doc.snapshot, doc.data)
    try:
        _place_new(staged, doc.snapshot, made)
    except UsageError as exc:
        raise UsageError(
            f"{workspace.display_path(doc.snapshot)}: exists with other bytes; refusing to "
            "overwrite a snapshot (another version on the same date?)"
        ) from exc
    finally:
        staged.unlink(missing_ok=True)


def _make_folder(folder: Path, made: list[Path]) -> None:
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    folder.mkdir(parents=True, exist_ok=True)
    made.extend(reversed(missing))


def _place_new(staged: Path, path: Path, made: list[Path]) -> None:
    """Give ``staged`` the name ``path`` unless that name is taken, checked and done in one
    step (a hard link), so a file that appeared since the first check is never replaced."""
    from vendorgate.load import workspace

    try:
        try:
            os.link(staged, path)
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
                raise
            _create_exclusive(staged, path, made)
            return
    except FileExistsError as exc:
        raise UsageError(
            f"{workspace.display_path(path)} exists (it appeared while `new` ran); "
            "refusing to overwrite it"
        ) from exc
    except OSError as exc:  # a full disk, a folder not writable
        raise OutputError(
            f"{workspace.display_path(path)}: cannot write: {exc.strerror or exc}"
        ) from exc
    made.append(path)


def _create_exclusive(staged: Path, path: Path, made: list[Path]) -> None:
    """Where hard links are not to be had: create ``path`` only if the name is free (one
    step, as the link is) and write ``staged``'s bytes into it. Unlike the link, the file is
    seen while being written; it is recorded first, so a failed write is undone."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, staged.stat().st_mode & 0o777)
    made.append(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(staged.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())


def _undo(made: Sequence[Path]) -> None:
    """Remove what this run created, newest first (a folder only when left empty)."""
    for path in reversed(made):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()


def _stage(path: Path, data: str | bytes) -> Path:
    from vendorgate.core.output import stage_beside

    # The shared staging gives the file the mode a plain write would (an edited profile keeps
    # its own), is flushed to disk, and turns a full disk into an error, not a traceback.
    return stage_beside(path, data.encode("utf-8") if isinstance(data, str) else data)


def _self_check(staged: Path, target: Path) -> None:
    """Load the staged profile as ``validate`` would and verify its quotes."""
    import tempfile

    # A name of its own (made here, so renaming over it replaces nothing of the user's), with
    # the .yaml suffix the loader wants.
    handle, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".check.yaml", dir=staged.parent
    )
    os.close(handle)
    checked = Path(name)
    os.replace(staged, checked)
    try:
        result = _verified(checked, target)
        bad = [item for item in result.items if item.status.value != "verified"]
        if bad:
            raise InputError(
                [Problem(f"quote of {item.fact} does not verify", str(target)) for item in bad]
            )
    finally:
        os.replace(checked, staged)


def _verified(checked: Path, target: Path) -> VerifyResult:
    """``verify`` of the staged copy; its problems name the profile, not the hidden copy."""
    from vendorgate.evidence import verify
    from vendorgate.load import workspace

    try:
        return verify.verify([checked])
    except InputError as exc:
        hidden, shown = workspace.display_path(checked), workspace.display_path(target)
        problems = [replace(p, path=shown) if p.path == hidden else p for p in exc.problems]
        raise InputError(problems) from exc


def _summary(
    target: Path, docs: Sequence[_Doc], facts: dict[str, _FactOut], edits: dict[Path, _Edit]
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
        lines.append(f"  {doc.id}: {workspace.display_path(doc.snapshot)} ({said} {doc.dated})")
    for path in sorted(edits):
        lines.append(f"  closed the lineage chain in {workspace.display_path(path)}")
    return "\n".join(lines) + "\n"
