"""The checks of what ``new`` was asked that need no document: the ids, the category, each
document's options, the day of retrieval, and where the profile and its snapshots go. They all
run before a document is read or fetched, so a typo in an option costs no download."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from vendorgate.core.errors import UsageError
from vendorgate.core.hints import did_you_mean
from vendorgate.core.vocabulary import VENDOR_CATEGORIES

_ID = re.compile(r"\A[a-z0-9][a-z0-9._-]*\Z")
_MAX_ID = 100
"""An id names a file and a folder: one far longer than this exceeds what a file system takes."""
_URL = re.compile(r"\Ahttps?://[^\s\x00-\x1f\x7f-\x9f\u2028\u2029]+\Z")
_THIS_MACHINE = frozenset({"127.0.0.1", "localhost", "::1"})
"""Hosts a plain http:// document may come from (a local server, as in tests)."""
NEW_DOCUMENT_TYPES = (
    "terms_of_service",
    "privacy_policy",
    "dpa",
    "baa",
    "subprocessor_list",
    "ai_addendum",
    "security_page",
    "other",
)
"""The document types ``new`` files snapshots under (each has a folder of its own)."""


@dataclass(frozen=True)
class Asked:
    """One DOCUMENT as ``new`` was asked for it, its options checked."""

    name: str
    """The file or URL given."""
    kind: str
    """Its ``--type``; empty to infer it from the text."""
    url: str
    """Its ``--url``; empty for a URL document that names itself."""

    @property
    def fetched(self) -> bool:
        return is_address(self.name)


def is_address(name: str) -> bool:
    """Whether a DOCUMENT names a page to fetch rather than a file."""
    return name.startswith(("http://", "https://"))


def retrieval_day(as_of: date | None) -> date:
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


def checked_id(vendor_id: str) -> str:
    if not _ID.match(vendor_id) or len(vendor_id) > _MAX_ID:
        raise UsageError(
            f"VENDOR_ID {vendor_id!r}: expected at most {_MAX_ID} lower-case letters, digits, "
            "'.', '_' or '-', starting with a letter or digit (e.g. acme or acme-2025-09)"
        )
    return vendor_id


def checked_lineage(lineage: str) -> str:
    # The lineage names the snapshot folder: checked before anything is written, so
    # `--lineage ../x` cannot put a document outside the repository.
    if lineage and (not _ID.match(lineage) or len(lineage) > _MAX_ID):
        raise UsageError(
            f"--lineage {lineage!r}: expected at most {_MAX_ID} lower-case letters, digits, "
            "'.', '_' or '-', starting with a letter or digit (e.g. acme)"
        )
    return lineage


def check_category(category: str) -> None:
    # Written into the profile as it is: anything but a known word could add YAML of its own
    # (`other\nreviewed: 2026-12-01` would claim a review nobody made).
    if category not in VENDOR_CATEGORIES:
        raise UsageError(f"--category {category!r}: expected one of {', '.join(VENDOR_CATEGORIES)}")


def places(vendors_dir: str | None) -> tuple[Path, Path]:
    """(repository root, vendors folder): ``vendors_dir``, else the organisation's first
    vendors path, else ``vendors``."""
    from vendorgate.load import catalogue, workspace

    if vendors_dir:
        vendors = Path(vendors_dir)
        org_file = workspace.find_org(vendors.resolve())
        root = org_file.parent if org_file else vendors.resolve().parent
        return root, vendors
    org_file = workspace.find_org()
    if org_file is None:
        return Path.cwd(), Path("vendors")
    org, _ = catalogue.load_org(org_file)
    first = org.vendors_paths[0] if org.vendors_paths else "vendors"
    return org_file.parent, org_file.parent / first


def checked_documents(
    names: Sequence[str], types: Sequence[str], urls: Sequence[str]
) -> list[Asked]:
    """Each DOCUMENT with its ``--type`` and ``--url`` (given in the documents' order), every
    option checked without reading or fetching anything."""
    if not names:
        raise UsageError("name at least one DOCUMENT (a file or an https:// URL)")
    kinds = _per_document(types, len(names), "--type")
    given_urls = _per_document(urls, len(names), "--url")
    asked = [Asked(*each) for each in zip(names, kinds, given_urls, strict=True)]
    for one in asked:
        _check_type(one.kind)
        _check_url(one)
    return asked


def _per_document(values: Sequence[str], count: int, option: str) -> list[str]:
    if len(values) > count:
        raise UsageError(
            f"{option} given {len(values)} times for {count} document(s); expected at most "
            f"one {option} per DOCUMENT, in the documents' order"
        )
    return [*values, *([""] * (count - len(values)))]


def _check_type(kind: str) -> None:
    # Refused here rather than when the document is described, which would be after its
    # download.
    if kind and kind not in NEW_DOCUMENT_TYPES:
        hint = did_you_mean(kind, NEW_DOCUMENT_TYPES)
        raise UsageError(
            f"--type {kind!r}: not a document type{hint}; expected one of "
            f"{', '.join(NEW_DOCUMENT_TYPES)}"
        )


def _check_url(asked: Asked) -> None:
    if asked.url and not _URL.match(asked.url):
        raise UsageError(
            f"--url {asked.url!r}: expected an http:// or https:// address without spaces or "
            "control characters"
        )
    if asked.fetched:
        refuse_plain_http(asked.name, asked.name)
    elif not asked.url:
        raise UsageError(
            f"{asked.name}: a document given as a file needs --url (where the vendor publishes "
            "it), one --url per document in order"
        )


def refuse_plain_http(name: str, url: str) -> None:
    """Refuse a document read over plain http from another machine: anyone on the way could
    change the text that is pinned as the vendor's. This machine (a test server) may serve it."""
    if url.startswith("http://") and urlsplit(url).hostname not in _THIS_MACHINE:
        said = name if url == name else f"{name} (redirected to {url})"
        raise UsageError(
            f"{said}: plain http:// is fetched only from this machine; give the https:// "
            "address, or save the page and name the file with --url"
        )
