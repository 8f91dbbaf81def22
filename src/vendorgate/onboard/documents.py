"""Each document of the new profile: obtained from a file or a URL, its bytes checked, then
described (type, title, effective date, id, where its snapshot goes)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.onboard.inputs import Asked, refuse_plain_http
from vendorgate.onboard.reading import infer_type, read_effective_date, read_title

if TYPE_CHECKING:
    from vendorgate.evidence.fetch import Limits
    from vendorgate.evidence.snapshots import Declared

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
_CONVERT_FILE = (
    "save the document as UTF-8 and name the converted file (for a Latin-1 file: "
    "`iconv -f LATIN1 -t UTF-8 IN > OUT`)"
)
_EARLIEST = date(1990, 1, 1)
"""An effective date before this is a misreading (no SaaS terms are older)."""
_AHEAD = timedelta(days=366)
"""How far after retrieval an effective date is believed (terms announced in advance)."""


@dataclass(frozen=True)
class NewDocument:
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
    text: str
    """Its text: ``data`` decoded once, strictly, without a byte order mark."""
    snapshot: Path
    """Where the copy goes."""
    place: str
    """The snapshot's path from the repository root, as comments name it (the same from
    wherever ``new`` runs)."""
    doubt: str = ""
    """Why an effective date the text gives was not believed; empty when none was doubted."""
    converted: str = ""
    """The charset a page was served in (or an HTML file is written in) and converted to UTF-8
    from; empty when its bytes are pinned as served."""
    said: tuple[str, ...] = ()
    """What the reader must know of how it was obtained and stored: where a redirect led, the
    charset it was converted from and what declared it; empty when fetched where asked (or read
    from a file) and stored as served."""

    @property
    def conversion(self) -> str:
        """:attr:`said` as one note, naming the snapshot; empty when there is nothing to say."""
        return f"{self.place}: {'; '.join(self.said)}" if self.said else ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def dated(self) -> date:
        return self.effective or self.retrieved


def obtain_documents(
    asked: Sequence[Asked],
    limits: Limits,
    root: Path,
    lineage_name: str,
    today: date,
) -> list[NewDocument]:
    """The documents ``asked`` (files or URLs, their options already checked by
    ``inputs.checked_documents``), obtained and described in order."""
    docs: list[NewDocument] = []
    named: dict[str, str] = {}
    for one in asked:
        got = _obtain(one, limits)
        doc = _describe(one.name, got, one.kind, root, lineage_name, today, docs)
        if doc.sha256 in named:
            raise UsageError(
                f"{one.name}: the same bytes as {named[doc.sha256]} (named twice?); "
                "name each document once"
            )
        named[doc.sha256] = one.name
        docs.append(doc)
    return docs


@dataclass(frozen=True)
class _Obtained:
    """A document's bytes as pinned, and what was learnt getting them."""

    data: bytes
    text: str
    """``data`` decoded, once."""
    url: str
    """The URL the profile names."""
    converted: str = ""
    """The charset it was converted from (empty when pinned as served)."""
    said: tuple[str, ...] = ()
    """:attr:`NewDocument.said`."""


def _obtain(asked: Asked, limits: Limits) -> _Obtained:
    if asked.fetched:
        return _fetch(asked, limits)
    return _read_file(asked)


def _fetch(asked: Asked, limits: Limits) -> _Obtained:
    from vendorgate.evidence.fetch import FetchError, fetch
    from vendorgate.evidence.snapshots import HTML_TYPES

    name = asked.name
    try:
        response = fetch(name, limits)
    except FetchError as exc:
        raise UsageError(f"{name}: could not be fetched: {exc}") from exc
    # An http page of this machine redirected to http:// elsewhere (the fetcher itself
    # refuses any redirect from https down to http).
    refuse_plain_http(name, response.url)
    if response.status != 200:
        raise UsageError(f"{name}: answered HTTP {response.status}; expected 200")
    # The pinned form watch --save stores too, but strict: a page its charset does not decode
    # whole (or that declares none) is refused, never pinned with U+FFFD in it.
    html = response.media_type in HTML_TYPES
    got = _pinned(response.body, response.charset, html, name, "", served=True)
    # The URL the bytes came from is said whenever it is not the one asked for: the profile
    # names it (unless --url names another), and watch fetches it.
    url = asked.url or response.url
    redirect = _redirected(name, response.url, url)
    return replace(got, url=url, said=(redirect, *got.said) if redirect else got.said)


def _redirected(name: str, final: str, url: str) -> str:
    if final == name:
        return ""
    said = f"{name} redirected to {final}, and the snapshot is the page served there"
    if url == final:
        return f"{said}; the profile's url names it"
    return f"{said}; the profile's url is {url}, as --url gave it"


def _read_file(asked: Asked) -> _Obtained:
    from vendorgate.scan.scanner import MAX_DOCUMENT_BYTES
    from vendorgate.text.reader import read_bytes

    name = asked.name
    path = Path(name)
    if not path.exists():
        raise UsageError(f"{name}: no such file (a terms document was expected)")
    if path.is_dir():
        raise UsageError(f"{name}: is a folder; name one document file")
    # Read once: the bytes checked are the bytes pinned, even if the file changes meanwhile.
    data = read_bytes(path, name, MAX_DOCUMENT_BYTES)
    # A file declares no charset, so none is guessed: the person who saved it knows it. An
    # HTML file may declare one itself (a byte order mark, a <meta> tag), as a browser reads it.
    html = path.suffix.lower() in _HTML_SUFFIXES
    return replace(_pinned(data, "", html, name, _CONVERT_FILE, served=False), url=asked.url)


_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_A_FILE = ("the file is", "the file's bytes")


def _pinned(body: bytes, header: str, html: bool, name: str, fix: str, served: bool) -> _Obtained:
    """``body`` in its strict pinned form, in the charset a byte order mark, ``header`` or (for
    ``html``) a ``<meta>`` tag declares, in that order, with its text; a located error when
    it has none (``fix`` saying how to convert it), or no text. ``served``: fetched, not read
    from a file (the note on a conversion says which)."""
    from vendorgate.evidence import snapshots

    declared = snapshots.declared_charset(body, header, html)
    pinned = snapshots.strict_pinned_form(body, declared.charset)
    if pinned is None:
        if declared.charset and snapshots.codec_name(declared.charset) != "utf-8":
            why = snapshots.refusal(body, declared.charset, declared.source)
            how = fix or (
                "check the page's encoding and, if it is right, save a copy converted to UTF-8 "
                "by hand and name that file with --url"
            )
            at = snapshots.undecodable_at(body, declared.charset)
            place = f"{name}:{at[1]}:{at[2]}" if at else name
            raise UsageError(f"{place}: cannot be pinned as text: {why}; {how}")
        _checked_text(body, name, fix)  # the located reason: binary, or not UTF-8
        raise UsageError(f"{name}: not text in its declared charset {declared.charset!r}")
    data, converted = pinned
    text = _checked_text(data, name, fix)  # a NUL or no text is refused after conversion too
    if not converted:
        return _Obtained(data, text, "")
    source, bytes_of = ("the page was served", "the bytes served") if served else _A_FILE
    said = (
        f"{source} in {converted}, not UTF-8{_declared_by(declared)}{_read_as(declared)}, and "
        f"is stored converted to UTF-8; its sha256 is of that text, not of {bytes_of}"
    )
    return _Obtained(data, text, "", converted, (said,))


def _read_as(declared: Declared) -> str:
    """Says so when the charset declared is one browsers read as windows-1252 (``iso-8859-1``,
    ``us-ascii``), as the page was."""
    from vendorgate.evidence import snapshots

    label = declared.charset
    if snapshots.as_browsers_read(label) == label or snapshots.codec_name(label) == "cp1252":
        return ""
    return f" (which names {label!r}, read as windows-1252 as browsers read it)"


def _declared_by(declared: Declared) -> str:
    """What declared the charset a page was converted from, when not the header alone."""
    from vendorgate.evidence import snapshots

    if declared.source == snapshots.META:
        return ", as its <meta> tag declares"
    if declared.source == snapshots.BOM:
        return ", as its byte order mark declares"
    if declared.overruled:
        return (
            f", as its Content-Type header declares (its <meta> tag declares "
            f"{declared.overruled!r}: the header wins, as in a browser)"
        )
    return ""


def _checked_text(data: bytes, name: str, fix: str = "") -> str:
    """The text of ``data``; located errors for binary or non-UTF-8 bytes (``fix`` saying how
    to convert them), and an error for a document with no text, which would give a profile of
    nothing but `undisclosed` that looks like a finished one."""
    from vendorgate.scan.scanner import decode_document

    text = decode_document(data, name, fix)
    if not text.strip():
        raise InputError(
            Problem(
                "no text (the document is empty or only white space); expected the vendor's "
                "document: check the file, or that the page is not rendered by a script",
                name,
            )
        )
    return text


def _describe(
    name: str,
    got: _Obtained,
    kind: str,
    root: Path,
    lineage_name: str,
    today: date,
    earlier: Sequence[NewDocument],
) -> NewDocument:
    text = got.text
    title = read_title(text)
    doc_type = kind or infer_type(title, name, text)
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
    return NewDocument(
        doc_id,
        doc_type,
        shown_title,
        got.url,
        effective,
        cue,
        today,
        got.data,
        text,
        snapshot,
        place,
        doubt,
        got.converted,
        got.said,
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


def _doc_id(doc_type: str, dated: date, earlier: Sequence[NewDocument]) -> tuple[str, str]:
    """The document's id and the suffix (``-2``...) that keeps it apart from the others."""
    base = f"{_DOC_IDS[doc_type]}-{dated.isoformat()}"
    taken = {doc.id for doc in earlier}
    number = 1
    suffix = ""
    while base + suffix in taken:
        number += 1
        suffix = f"-{number}"
    return base + suffix, suffix
