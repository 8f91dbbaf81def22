"""``vendorgate new VENDOR_ID DOCUMENT...``: a first, complete vendor profile from a vendor's
documents, ready for review. The request is parsed here; onboarding itself (documents, facts,
the lineage chain, the profile's text, placing the files) is ``vendorgate.onboard``, whose
docstring tells what the profile holds and why nothing is overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vendorgate.commands.outcome import Outcome
from vendorgate.core.errors import EXIT_OK

KIND = "new"


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


def execute(request: NewRequest) -> Outcome:
    from vendorgate.evidence.fetch import Limits
    from vendorgate.onboard.run import Onboarding, onboard

    done = onboard(
        Onboarding(
            request.vendor_id,
            request.documents,
            request.types,
            request.urls,
            request.name,
            request.category,
            request.lineage,
            request.from_profile,
            request.vendors_dir,
            request.today,
            Limits(request.timeout, request.max_bytes, request.retries),
            request.output,
        )
    )
    return Outcome((done.summary,), EXIT_OK, notes=done.notes)
