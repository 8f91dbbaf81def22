"""Checking quotes against pinned document snapshots.

A quote is a claim about a document. Each piece of evidence gets a status:

* ``verified``: the snapshot's sha256 matches and the quote is found in it as a real span: at
  least :data:`MIN_QUOTE_WORDS` words after normalisation, starting and ending on word
  boundaries (``never training`` is not found inside ``whenever training``);
* ``unsupported``: the snapshot matches but the quote is not in it, or is too short to mean
  anything (a quote that normalises to nothing or to one or two words);
* ``stale``: the snapshot no longer matches its recorded sha256;
* ``unverified``: the document has no snapshot (or no sha256) to check against;
* ``missing-document``: the evidence names a document the profile does not list.

Quotes are compared after :func:`normalise`, which only removes differences of presentation.
The quote a verified piece of evidence carries is the span found in the snapshot, in the quote's
own characters (:func:`strip_markup`: typographic quotes kept), never the text as written: what
normalisation dropped (a link destination, markup) was not checked, so it is never shown as
verified. A cited section is checked too: when the quote
stands in another section, the verified evidence says where it was found (``detail``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from vendorgate.core.errors import InputError
from vendorgate.core.model import CitedEvidence, Document, Evidence, EvidenceStatus, VendorProfile
from vendorgate.text.normalise import normalise, strip_markup
from vendorgate.text.reader import MAX_SNAPSHOT_BYTES, read_bytes
from vendorgate.text.sections import Section, split_sections

MIN_QUOTE_WORDS = 3
"""Fewest words (after normalisation) a quote needs to verify: one or two words are found in
almost any document and prove nothing about what it says."""
_WORD = re.compile(r"\w")
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape"})
"""Text codecs no web page is written in: each rewrites escape sequences or labels into other
characters, so a page "converted" with one would pin words no browser shows."""


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
    """Where it was read from (resolved)."""
    sha256: str
    """sha256 of its bytes."""
    text: str
    """Its text, decoded as UTF-8 (undecodable bytes replaced)."""
    normalised: str
    """:func:`normalise` of the whole text."""

    @cached_property
    def sections(self) -> list[tuple[Section, str]]:
        """Each section with its normalised text, worked out on first use."""
        return [(section, normalise(section.text)) for section in split_sections(self.text)]


def quote_words(normalised: str) -> int:
    """How many words a normalised quote has (a token counts when it holds a letter or digit)."""
    return sum(1 for token in normalised.split() if _WORD.search(token))


def find_span(haystack: str, needle: str) -> int:
    """Offset of the first occurrence of ``needle`` in ``haystack`` that starts and ends on a
    word boundary (where its edge is a word character); -1 when there is none."""
    if not needle or needle not in haystack:  # a plain search rules most sections out cheaply
        return -1
    head = r"(?<!\w)" if _WORD.match(needle[0]) else ""
    tail = r"(?!\w)" if _WORD.match(needle[-1]) else ""
    found = re.search(head + re.escape(needle) + tail, haystack)
    return found.start() if found else -1


def strict_pinned_form(body: bytes, charset: str) -> tuple[bytes, str] | None:
    """The bytes a fetched page is pinned as, by ``new`` and stored as by ``watch --save``
    alike, so that two versions of one page compare like with like; with the name of the codec
    it was converted from (empty when kept as served). None when no strict form exists.

    A body in UTF-8 without NUL bytes is kept exactly as served: markup, line endings and a byte
    order mark included, since quotes are cut from it as it stands and its sha256 is the page's.
    Any other body (a page in Latin-1, say) is decoded with its declared ``charset`` and stored
    as UTF-8, the one encoding snapshots are read in; None when it declares none, or that
    charset does not decode every byte, or is no charset a page is written in. Nothing is
    replaced: a replacement character would stand in the snapshot for words the vendor's page
    does not have, and its sha256 would pin them. A converted form may still hold a NUL (from a
    body in Latin-1, say): callers refuse that themselves (:func:`first_nul`)."""
    import codecs

    if _kept_as_served(body):
        return body, ""
    if not charset:
        return None
    try:
        codec = codecs.lookup(charset)
        if codec.name in _NOT_CHARSETS:
            return None
        # Strict: one undecodable byte refuses the page. bytes.decode also refuses a codec
        # that is not a text encoding (base64, zlib) with a LookupError.
        text = body.decode(codec.name)
    except (LookupError, UnicodeError):
        return None
    # The codec's own name, not the header's: a server's spelling may hold anything.
    return text.encode("utf-8"), codec.name


def refusal(body: bytes, charset: str) -> str:
    """Why :func:`strict_pinned_form` refuses ``body``, as a clause naming the declared charset
    and the first offending byte's offset where there is one; empty when it does not."""
    import codecs

    if _kept_as_served(body):
        return ""
    if not charset:
        nul = first_nul(body)
        if nul >= 0:
            return f"it declares no charset and holds a NUL byte at offset {nul}"
        return f"it declares no charset and is not UTF-8 ({_first_bad(body, 'utf-8')})"
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return f"its declared charset {charset!r} is not one this program knows"
    if name in _NOT_CHARSETS:
        return f"its declared charset {charset!r} is not a charset a page is written in"
    try:
        body.decode(name)
    except UnicodeDecodeError:
        return f"it is not text in its declared charset {charset!r} ({_first_bad(body, name)})"
    except (LookupError, UnicodeError):  # base64, zlib: codecs, but not text encodings
        return f"its declared charset {charset!r} is not a text encoding"
    return ""


def _first_bad(body: bytes, codec: str) -> str:
    """Where ``codec`` first fails on ``body``, in words."""
    try:
        body.decode(codec)
    except UnicodeDecodeError as exc:
        return f"the first undecodable byte is at offset {exc.start}"
    return "no byte is undecodable"  # pragma: no cover - called only after a failed decode


def first_nul(data: bytes) -> int:
    """Offset of the first NUL byte in ``data``, or -1: no page of text holds one."""
    return data.find(b"\x00")


def _kept_as_served(body: bytes) -> bool:
    """Whether a fetched body is pinned byte for byte: UTF-8 without NUL bytes."""
    if b"\x00" in body:
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class SnapshotStore:
    """Reads each snapshot once per run, and remembers what it has already worked out: where a
    snapshot path leads (resolving walks the file system, component by component) and whether
    a quote is in a snapshot (a search scans the whole document, and many profiles quote the
    same clauses)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[Path, Snapshot | str] = {}
        self._resolved: dict[tuple[Path, str], Path | str] = {}
        self._found: dict[tuple[Path, str], int] = {}

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
        """Whether the normalised ``quote`` is found in the normalised snapshot, on word
        boundaries (:func:`find_span`)."""
        return self.span(snapshot, quote) >= 0

    def span(self, snapshot: Snapshot, quote: str) -> int:
        """Offset of the normalised ``quote`` in the normalised snapshot, or -1."""
        key = (snapshot.path, quote)
        found = self._found.get(key)
        if found is None:
            found = find_span(snapshot.normalised, normalise(quote))
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
    """Resolve the evidence's document and check its quote.

    Verified evidence carries the span found (:func:`strip_markup` of the quote), and a note
    in ``detail`` when the quote stands in another section than the one cited."""
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
    status, detail, snapshot = _status(evidence, document, profile_path, store)
    quote = evidence.quote
    if status is EvidenceStatus.VERIFIED and snapshot is not None:
        quote = strip_markup(evidence.quote)
        detail = section_note(snapshot, normalise(quote), evidence.section)
    return CitedEvidence(
        document.id,
        document.title,
        document.url,
        document.effective,
        evidence.section,
        quote,
        document.sha256,
        status,
        detail,
    )


def section_of(snapshot: Snapshot, normalised_quote: str) -> Section | None:
    """The section holding the whole quote (on word boundaries); None when it spans sections."""
    for section, text in snapshot.sections:
        if find_span(text, normalised_quote) >= 0:
            return section
    return None


def section_note(snapshot: Snapshot, normalised_quote: str, cited: str) -> str:
    """A note when the quote stands in another section than ``cited``; empty when it agrees,
    when no section is cited, or when the document's sections cannot tell."""
    if not cited.strip():
        return ""
    found = section_of(snapshot, normalised_quote)
    if found is None or not found.number or same_section(cited, found.number):
        return ""
    return f"cited as section {cited}, found in section {found.label} (line {found.line})"


def same_section(cited: str, found: str) -> bool:
    """Whether the section found agrees with the one cited: equal, or one holds the other
    (``10`` and ``10.4``; ``3`` and ``3(b)``, whose lettered items are not split out)."""
    cited = cited.strip().rstrip(".").replace(" (", "(")
    if not found or not cited:
        return True
    shorter, longer = sorted((cited, found), key=len)
    return longer == shorter or (longer.startswith(shorter) and not longer[len(shorter)].isdigit())


def _status(
    evidence: Evidence, document: Document, profile_path: Path, store: SnapshotStore
) -> tuple[EvidenceStatus, str, Snapshot | None]:
    if not document.snapshot:
        return (
            EvidenceStatus.UNVERIFIED,
            "the document has no snapshot to check the quote against",
            None,
        )
    snapshot = store.get(profile_path, document)
    if isinstance(snapshot, str):
        return EvidenceStatus.UNVERIFIED, snapshot, None
    if not document.sha256:
        return EvidenceStatus.UNVERIFIED, "the document records no sha256 for its snapshot", None
    if snapshot.sha256 != document.sha256:
        return (
            EvidenceStatus.STALE,
            f"snapshot sha256 is {snapshot.sha256}, the profile records {document.sha256}",
            None,
        )
    words = quote_words(normalise(evidence.quote))
    if words < MIN_QUOTE_WORDS:
        return (
            EvidenceStatus.UNSUPPORTED,
            f"the quote has {words} word{'s' if words != 1 else ''} after normalisation; a quote "
            f"needs at least {MIN_QUOTE_WORDS} to show what the document says",
            None,
        )
    if not store.quoted(snapshot, evidence.quote):
        return (
            EvidenceStatus.UNSUPPORTED,
            "the quote is not found in the snapshot (as whole words)",
            None,
        )
    return EvidenceStatus.VERIFIED, "", snapshot
