"""``vendorgate scan``: the passages of a terms document that bear on each fact, or how they
changed between two versions."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands.outcome import Outcome, text
from vendorgate.core.errors import EXIT_OK, UsageError
from vendorgate.core.render import RenderOptions

KIND = "scan"
COMPARISON_KIND = "scan-comparison"


@dataclass(frozen=True)
class ScanRequest:
    """What ``scan`` was asked, parsed."""

    document: str | None = None
    """The document to scan."""
    compare: tuple[str, str] | None = None
    """``--compare OLD NEW`` instead of a document."""
    vendor: str | None = None
    """A vendor profile listing the document as a snapshot."""
    fmt: str = "text"
    """A format of the registry's ``scan`` kind (``scan-comparison`` with ``compare``)."""
    min_confidence: float = 0.5
    """Leave out passages the scanner is less sure of."""
    width: int = 100
    """Width of the text format."""


def execute(request: ScanRequest) -> Outcome:
    from vendorgate.report import render_view
    from vendorgate.scan import scanner

    options = RenderOptions(width=request.width)
    # Suggestions are for review, never a verdict: a scan always exits 0.
    if request.compare:
        if request.document or request.vendor or request.fmt == "yaml":
            raise UsageError("--compare OLD NEW takes no DOCUMENT, --vendor or yaml format")
        old, new = request.compare
        comparison = scanner.scan_pair(old, new, request.min_confidence)
        return text(render_view(COMPARISON_KIND, request.fmt, comparison, options), EXIT_OK)
    if not request.document:
        raise UsageError("name a DOCUMENT to scan, or use --compare OLD NEW")
    if request.vendor is not None:
        from vendorgate.load.paths import profile_file

        profile_file(request.vendor, "--vendor")
    result = scanner.scan_document(request.document, request.vendor, request.min_confidence)
    return text(render_view(KIND, request.fmt, result, options), EXIT_OK)
