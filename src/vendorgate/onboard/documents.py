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
    snapshot: Path
    """Where the copy goes."""
    place: str
    """The snapshot's path from the repository root, as comments name it (the same from
    wherever ``new`` runs)."""
    doubt: str = ""
    """Why an effective date the text gives was not believed; empty when none was doubted."""
    converted: str = ""
    """The charset a fetched page was served in and converted to UTF-8 from; empty when its
    bytes are pinned as served."""

    @property
    def conversion(self) -> str:
        """What the reader must know of a page stored converted; empty when stored as served."""
        if not self.converted:
            return ""
        return (
            f"{self.place}: the page was served in {self.converted}, not UTF-8, and is stored "
            "converted to UTF-8; its sha256 is of that text, not of the bytes served"
        )

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace").removeprefix("\ufeff")

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
        data, url, converted = _obtain(one, limits)
        doc = _describe(one.name, data, one.kind, url, root, lineage_name, today, docs)
        doc = replace(doc, converted=converted)
        if doc.sha256 in named:
            raise UsageError(
                f"{one.name}: the same bytes as {named[doc.sha256]} (named twice?); "
                "name each document once"
            )
        named[doc.sha256] = one.name
        docs.append(doc)
    return docs


def _obtain(asked: Asked, limits: Limits) -> tuple[bytes, str, str]:
    """The document's bytes as pinned, the URL the profile names, and the charset a page was
    converted from (empty when its bytes are pinned as served)."""
    if asked.fetched:
        data, final_url, converted = _fetch(asked.name, limits)
        return data, asked.url or final_url, converted
    return _read_file(asked.name), asked.url, ""


def _fetch(name: str, limits: Limits) -> tuple[bytes, str, str]:
    from vendorgate.evidence.fetch import FetchError, fetch
    from vendorgate.evidence.snapshots import strict_pinned_form

    try:
        response = fetch(name, limits)
    except FetchError as exc:
        raise UsageError(f"{name}: could not be fetched: {exc}") from exc
    refuse_plain_http(name, response.url)  # a redirect down to http:// elsewhere
    if response.status != 200:
        raise UsageError(f"{name}: answered HTTP {response.status}; expected 200")
    # The pinned form watch --save stores too, but strict: a page its declared charset does
    # not decode whole (or that declares none) is refused, never pinned with U+FFFD in it.
    pinned = strict_pinned_form(response.body, response.charset)
    if pinned is None:
        _checked_text(response.body, name)  # the located reason: binary, or not UTF-8
        raise UsageError(f"{name}: not text in its declared charset {response.charset!r}")
    data, converted = pinned
    _checked_text(data, name)  # a NUL or no text is refused after conversion too
    return data, response.url, converted


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
    # A file declares no charset, so none is guessed: the person who saved it knows it.
    _checked_text(data, name, _CONVERT_FILE)
    return data


def _checked_text(data: bytes, name: str, fix: str = "") -> None:
    """Located errors for binary or non-UTF-8 bytes (``fix`` saying how to convert them); an
    error for a document with no text, which would give a profile of nothing but `undisclosed`
    that looks like a finished one."""
    from vendorgate.scan.scanner import decode_document

    if not decode_document(data, name, fix).strip():
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
    earlier: Sequence[NewDocument],
) -> NewDocument:
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
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
