"""The checks of what ``new`` was asked that need no document: the ids, the category, the day
of retrieval, and where the profile and its snapshots go."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from vendorgate.core.errors import UsageError
from vendorgate.core.vocabulary import VENDOR_CATEGORIES

_ID = re.compile(r"\A[a-z0-9][a-z0-9._-]*\Z")
_MAX_ID = 100
"""An id names a file and a folder: one far longer than this exceeds what a file system takes."""


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
