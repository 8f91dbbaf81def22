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

A snapshot that is an HTML page (``new`` pins a fetched page as served, markup and all) is
searched as the text its reader sees (:func:`vendorgate.text.html.html_to_text`: tags, comments,
attribute values, scripts and styles dropped, character references decoded), never as markup: a
sentence only a script or an attribute holds is no commitment of the vendor's, and its quote is
``unsupported`` with that said. A quote an earlier version wrote with its markup is searched as
its own visible text when it is not found as written; what verifies, and is shown, is that text.
A Markdown snapshot is searched without its HTML comments (``<!-- ... -->``), which a rendered
document does not show either: a quote only a comment holds is ``unsupported`` too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from vendorgate.core.errors import InputError
from vendorgate.core.model import CitedEvidence, Document, Evidence, EvidenceStatus, VendorProfile
from vendorgate.text.normalise import has_markup, normalise, strip_markup
from vendorgate.text.passages import find_span, shown_text
from vendorgate.text.reader import MAX_SNAPSHOT_BYTES, read_bytes
from vendorgate.text.sections import Section, split_sections

MIN_QUOTE_WORDS = 3
"""Fewest words (after normalisation) a quote needs to verify: one or two words are found in
almost any document and prove nothing about what it says."""
_WORD = re.compile(r"\w")
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7"})
"""Text codecs no web page is written in: each rewrites escape sequences or labels into other
characters (UTF-7 reads ``+ADw-`` as ``<``, which is why browsers dropped it), so a page
"converted" with one would pin words no browser shows."""

HEADER = "header"
"""A charset from the Content-Type header."""
META = "meta"
"""A charset from a ``<meta>`` tag in the first :data:`PRESCAN_BYTES` bytes of an HTML page."""
BOM = "bom"
"""A charset a byte order mark announces."""
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types of an HTML page: the ones a ``<meta>`` charset is looked for in."""
PRESCAN_BYTES = 1024
"""How far into an HTML page a ``<meta>`` charset is looked for (the HTML standard's prescan)."""
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"))
WINDOWS_1252_LABELS = frozenset(
    {
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
        "us-ascii", "windows-1252", "x-cp1252",
    }
)  # fmt: skip
"""The labels the Encoding standard (which browsers read every page by) takes for windows-1252:
a page labelled Latin-1 or ASCII with a byte 0x80-0x9F in it means the curly quote or dash
windows-1252 has there, not a control character. Python's ``cp1252`` is strict where the
standard is not: a byte it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) refuses the page."""
"""Python's ``utf-16`` codec reads either order from the mark itself, and drops it."""


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
    """:func:`normalise` of :attr:`readable`: what quotes are searched in."""
    page: bool
    """Whether it is an HTML page (:func:`is_page`), searched as the text it shows."""
    readable: str
    """What a reader of it sees (:func:`shown_text`): for a page its visible text, else
    :attr:`text` with its HTML comments blanked (same offsets and lines)."""

    @cached_property
    def sections(self) -> list[tuple[Section, str]]:
        """Each section (of :attr:`readable`) with its normalised text, worked out on first use."""
        return [(section, normalise(section.text)) for section in split_sections(self.readable)]

    @cached_property
    def markup_normalised(self) -> str:
        """:func:`normalise` of the snapshot as stored, markup and comments and all: only to
        tell a reader that a quote not found in the text shown is in what is not shown."""
        return normalise(self.text)


def quote_words(normalised: str) -> int:
    """How many words a normalised quote has (a token counts when it holds a letter or digit)."""
    return sum(1 for token in normalised.split() if _WORD.search(token))


def strict_pinned_form(body: bytes, charset: str) -> tuple[bytes, str] | None:
    """The bytes a fetched page is pinned as, by ``new`` and stored as by ``watch --save``
    alike, so that two versions of one page compare like with like; with the name of the codec
    it was converted from (empty when kept as served). None when no strict form exists.

    A body in UTF-8 without NUL bytes is kept exactly as served: markup, line endings and a byte
    order mark included, since quotes are cut from it as it stands and its sha256 is the page's.
    Any other body (a page in Latin-1, say) is decoded with its declared ``charset`` (one that
    browsers read as windows-1252, ``iso-8859-1`` among them, as windows-1252:
    :func:`as_browsers_read`) and stored as UTF-8, the one encoding snapshots are read in;
    None when it declares none, or that charset does not decode every byte, or is no charset a
    page is written in. Nothing is replaced: a replacement character would stand in the
    snapshot for words the vendor's page does not have, and its sha256 would pin them. A
    converted form may still hold a NUL (from a body in Latin-1, say): callers refuse that
    themselves (:func:`first_nul`)."""
    import codecs

    if _kept_as_served(body):
        return body, ""
    if not charset:
        return None
    try:
        codec = codecs.lookup(as_browsers_read(charset))
        if codec.name in _NOT_CHARSETS:
            return None
        # Strict: one undecodable byte refuses the page. bytes.decode also refuses a codec
        # that is not a text encoding (base64, zlib) with a LookupError.
        text = body.decode(codec.name)
    except (LookupError, UnicodeError):
        return None
    # The codec's own name, not the header's: a server's spelling may hold anything.
    return text.encode("utf-8"), codec.name


def refusal(body: bytes, charset: str, source: str = HEADER) -> str:
    """Why :func:`strict_pinned_form` refuses ``body``, as a clause naming the declared charset
    (and what declared it, ``source``, when that is not the Content-Type header) and the first
    offending byte's offset where there is one; empty when it does not."""
    import codecs

    if _kept_as_served(body):
        return ""
    if not charset:
        nul = first_nul(body)
        if nul >= 0:
            return f"it declares no charset and holds a NUL byte at offset {nul}"
        return f"it declares no charset and is not UTF-8 ({_first_bad(body, 'utf-8')})"
    named = charset_named(charset, source)
    if as_browsers_read(charset) != charset:
        named += " (read as windows-1252, as browsers read it)"
    try:
        name = codecs.lookup(as_browsers_read(charset)).name
    except LookupError:
        return f"{named} is not one this program knows"
    if name in _NOT_CHARSETS:
        return f"{named} is not a charset a page is written in"
    try:
        body.decode(name)
    except UnicodeDecodeError:
        return f"it is not text in {named} ({_first_bad(body, name)})"
    except (LookupError, UnicodeError):  # base64, zlib: codecs, but not text encodings
        return f"{named} is not a text encoding"
    return ""


def as_browsers_read(label: str) -> str:
    """``cp1252`` for a label the Encoding standard reads as windows-1252
    (:data:`WINDOWS_1252_LABELS`: ``iso-8859-1``, ``latin1``, ``us-ascii``...); else the label."""
    return "cp1252" if label.strip().lower() in WINDOWS_1252_LABELS else label


def charset_named(charset: str, source: str) -> str:
    """The charset as a phrase saying what declared it (``its declared charset 'x'``)."""
    if source == META:
        return f"the charset {charset!r} its <meta> tag declares"
    if source == BOM:
        return f"the charset {charset!r} its byte order mark declares"
    return f"its declared charset {charset!r}"


@dataclass(frozen=True)
class Declared:
    """The charset a page is read in, and what declared it."""

    charset: str
    """The label to decode with; empty when nothing declares one."""
    source: str
    """:data:`BOM`, :data:`HEADER` or :data:`META`; empty with no charset."""
    overruled: str = ""
    """A charset a ``<meta>`` tag declares that the header's overruled; empty when they
    agree, or there is no such tag."""


def declared_charset(body: bytes, header: str, html: bool) -> Declared:
    """The charset ``body`` is read in, in the HTML standard's order: a byte order mark, then
    the ``header`` charset (the Content-Type's), then, for an HTML page only, a ``<meta>``
    charset in its first :data:`PRESCAN_BYTES` bytes (:func:`meta_charset`). Whatever declared
    it, the page then goes down the one strict path (:func:`strict_pinned_form`)."""
    for mark, charset in _BOMS:
        if body.startswith(mark):
            return Declared(charset, BOM)
    meta = meta_charset(body) if html else ""
    if header:
        overruled = meta if meta and codec_name(meta) != codec_name(header) else ""
        return Declared(header, HEADER, overruled)
    return Declared(meta, META) if meta else Declared("", "")


def codec_name(label: str) -> str:
    """The codec a label names, or empty when Python knows no such codec."""
    import codecs

    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


_SPACE = b"\t\n\x0c\r "
_AFTER_META = (b"\t", b"\n", b"\x0c", b"\r", b" ", b"/")
_LETTER = re.compile(rb"[A-Za-z]")
_LABEL = re.compile(r"\A[a-z0-9._:-]+\Z")
"""What an encoding label of the Encoding standard is made of (``iso_8859-1:1987``)."""
_CONTENT_CHARSET = re.compile(rb"charset[\t\n\x0c\r ]*=[\t\n\x0c\r ]*")


def meta_charset(body: bytes) -> str:
    """The charset a ``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...;
    charset=...">`` in the first :data:`PRESCAN_BYTES` bytes of an HTML page declares,
    lower case; empty when none does.

    This is the HTML standard's prescan: comments are skipped, so a ``<meta>`` in one declares
    nothing; other tags' attributes are skipped, so a ``<meta`` inside an attribute's value is
    not one; the first ``<meta>`` naming a charset Python knows wins, one naming an unknown
    charset is passed over, and one whose ``>`` is past the bytes prescanned declares nothing.
    A script's text is not skipped, as browsers do not skip it. A UTF-16 or UTF-32 charset is
    read as UTF-8 (a page whose tag could be read byte by byte is in neither), and
    ``x-user-defined`` as windows-1252, as the standard says."""
    data = body[:PRESCAN_BYTES]
    at = 0
    while at < len(data):
        if data.startswith(b"<!--", at):
            end = data.find(b"-->", at + 2)
            at = len(data) if end < 0 else end + 3
            continue
        if data[at : at + 5].lower() == b"<meta" and data[at + 5 : at + 6] in _AFTER_META:
            at, found = _meta(data, at + 5)
            if found:
                return found
        elif data.startswith(b"<", at) and _LETTER.match(
            data, at + (2 if data[at + 1 : at + 2] == b"/" else 1)
        ):
            at = _skip_tag(data, at)
        elif data.startswith((b"<!", b"</", b"<?"), at):
            end = data.find(b">", at + 1)
            at = len(data) if end < 0 else end
        at += 1
    return ""


def _meta(data: bytes, at: int) -> tuple[int, str]:
    """The charset one ``<meta>`` tag declares (empty when none it may), and where its
    attributes end; ``at`` is just after ``<meta``."""
    seen: set[bytes] = set()
    pragma, need_pragma = False, None
    charset: str | None = None  # None: no attribute named one; empty: one named no charset
    while True:
        at, attribute = _attribute(data, at)
        if attribute is None:
            break
        name, value = attribute
        if name in seen:
            continue  # the first of two attributes of one name counts, as in a browser
        seen.add(name)
        if name == b"http-equiv":
            pragma = value == b"content-type"
        elif name == b"content" and charset is None:
            found = _known(_charset_in_content(value))
            if found:
                charset, need_pragma = found, True
        elif name == b"charset":
            charset, need_pragma = _known(value.decode("latin-1")), False
    cut_off = at >= len(data)  # its ">" lies past the bytes prescanned: maybe not all of it
    if cut_off or not charset or need_pragma is None or (need_pragma and not pragma):
        return at, ""
    return at, charset


def _known(label: str) -> str:
    """``label`` as the prescan takes it (stripped; UTF-16 and UTF-32 read as UTF-8,
    ``x-user-defined`` as windows-1252), or empty when Python knows no such charset."""
    label = label.strip("\t\n\x0c\r ")
    if not _LABEL.match(label):  # Python's lookup reads "koi8-r/" as koi8-r; a browser does not
        return ""
    if label == "x-user-defined":
        return "windows-1252"
    codec = codec_name(label)
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return label if codec else ""


def _charset_in_content(value: bytes) -> str:
    """The charset in a ``content="text/html; charset=..."`` value, as the standard extracts
    it; empty when there is none, or its quote is never closed."""
    found = _CONTENT_CHARSET.search(value)
    if found is None:
        return ""
    rest = value[found.end() :]
    if rest[:1] in (b'"', b"'"):
        end = rest.find(rest[:1], 1)
        return "" if end < 0 else rest[1:end].decode("latin-1")
    return re.split(rb"[\t\n\x0c\r ;]", rest, maxsplit=1)[0].decode("latin-1")


def _skip_tag(data: bytes, at: int) -> int:
    """Past a tag's name and attributes (so a ``<meta`` in a value is not a tag); where the
    tag's ``>`` is, or the end."""
    while at < len(data) and data[at : at + 1] not in _SPACE + b">":
        at += 1
    attribute: tuple[bytes, bytes] | None = (b"", b"")
    while attribute is not None:
        at, attribute = _attribute(data, at)
    return at


def _attribute(data: bytes, at: int) -> tuple[int, tuple[bytes, bytes] | None]:
    """The next attribute of a tag (name and value, lower case) and where it ends; None at the
    tag's ``>`` or the end of the bytes prescanned (the standard's "get an attribute")."""
    end = len(data)
    while at < end and data[at : at + 1] in _SPACE + b"/":
        at += 1
    if at >= end or data[at : at + 1] == b">":
        return at, None
    start = at
    while at < end and (at == start or data[at : at + 1] not in _SPACE + b"/>="):
        at += 1
    name = data[start:at].lower()
    while at < end and data[at : at + 1] in _SPACE:
        at += 1
    if data[at : at + 1] != b"=":
        return at, (name, b"")
    at += 1
    while at < end and data[at : at + 1] in _SPACE:
        at += 1
    quote = data[at : at + 1]
    if quote in (b'"', b"'"):
        close = data.find(quote, at + 1)
        if close < 0:
            return end, None
        return close + 1, (name, data[at + 1 : close].lower())
    start = at
    while at < end and data[at : at + 1] not in _SPACE + b">":
        at += 1
    return at, (name, data[start:at].lower())


def _first_bad(body: bytes, codec: str) -> str:
    """Where ``codec`` first fails on ``body``, in words."""
    at = undecodable_at(body, codec)
    if at is None:  # pragma: no cover - called only after a failed decode
        return "no byte is undecodable"
    offset, line, column = at
    return f"the first undecodable byte is at offset {offset}, line {line}, column {column}"


def undecodable_at(body: bytes, charset: str) -> tuple[int, int, int] | None:
    """Offset, line and column (1-based, in bytes) of the first byte ``charset`` (read as
    browsers read it) cannot decode in ``body``; None when it decodes, or is no codec."""
    try:
        body.decode(as_browsers_read(charset))
    except UnicodeDecodeError as exc:
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        return exc.start, body.count(b"\n", 0, exc.start) + 1, exc.start - line_start + 1
    except (LookupError, UnicodeError):
        return None
    return None


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

    def as_checked(self, snapshot: Snapshot, quote: str) -> str:
        """The quote as it is searched for in ``snapshot``: as written; for an HTML page, when
        it is not found so and may hold markup, its own visible text (the way an earlier
        version wrote quotes from a page: ``Acme &amp; its <b>affiliates</b>``)."""
        if not snapshot.page or not has_markup(quote) or self.quoted(snapshot, quote):
            return quote
        from vendorgate.text.html import visible_text

        return visible_text(quote)

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
        sha256 = hashlib.sha256(raw).hexdigest()
        visible, page = shown_text(text)
        return Snapshot(path, sha256, text, normalise(visible), page, visible)


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
        quote = strip_markup(store.as_checked(snapshot, evidence.quote))
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
    checked = store.as_checked(snapshot, evidence.quote)
    words = quote_words(normalise(checked))
    if words < MIN_QUOTE_WORDS:
        return (
            EvidenceStatus.UNSUPPORTED,
            f"the quote has {words} word{'s' if words != 1 else ''} after normalisation; a quote "
            f"needs at least {MIN_QUOTE_WORDS} to show what the document says",
            None,
        )
    if not store.quoted(snapshot, checked):
        return EvidenceStatus.UNSUPPORTED, _not_found(snapshot, evidence.quote), None
    return EvidenceStatus.VERIFIED, "", snapshot


def _not_found(snapshot: Snapshot, quote: str) -> str:
    """Why a quote is unsupported though long enough: when what the snapshot does not show
    holds it (an HTML page's script, style, comment, attribute value or hidden element; a
    Markdown document's HTML comment), that no reader sees it there."""
    if find_span(snapshot.markup_normalised, normalise(quote)) < 0:
        return "the quote is not found in the snapshot (as whole words)"
    if snapshot.page:
        return (
            "the quote is found only in the page's markup (a script, style, comment, attribute "
            "or hidden element), not in the text the page shows: no reader of the page sees "
            "it; quote the page's visible text"
        )
    return (
        "the quote is found only in an HTML comment (<!-- ... -->) of the Markdown snapshot, "
        "which a rendered document does not show: no reader of the document sees it; quote "
        "the document's visible text"
    )
