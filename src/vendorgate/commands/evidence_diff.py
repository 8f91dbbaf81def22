"""``vendorgate evidence diff``: two versions of a document compared section by section, and
the facts whose quotes changed or vanished."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text

KIND = "evidence-diff"


@dataclass(frozen=True)
class EvidenceDiffRequest:
    """What ``evidence diff`` was asked, parsed."""

    old: str
    """The earlier version of the document."""
    new: str
    """The later version."""
    vendors: tuple[str, ...] = ()
    """Vendor profiles or folders whose quotes to check; empty means the organisation's."""
    fmt: str = "text"
    """A format of the registry's ``evidence-diff`` kind."""


def execute(request: EvidenceDiffRequest) -> Outcome:
    from vendorgate.evidence import docdiff
    from vendorgate.report import render_view

    vendors = list(request.vendors) if request.vendors else None
    result = docdiff.diff_files(request.old, request.new, vendors)
    return text(render_view(KIND, request.fmt, result), exits.evidence_diff(result))
