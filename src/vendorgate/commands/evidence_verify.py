"""``vendorgate evidence verify``: check every quote against its pinned snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text

KIND = "evidence-verify"


@dataclass(frozen=True)
class EvidenceVerifyRequest:
    """What ``evidence verify`` was asked, parsed."""

    paths: tuple[str, ...]
    """Vendor profiles and folders; empty means the organisation's."""
    fmt: str = "text"
    """A format of the registry's ``evidence-verify`` kind."""
    strict: bool = False
    """Exit 1 unless every piece of evidence is verified."""


def execute(request: EvidenceVerifyRequest) -> Outcome:
    from vendorgate.evidence import verify
    from vendorgate.report import render_view

    result = verify.verify(request.paths)
    rendered = render_view(KIND, request.fmt, result)
    return text(rendered, exits.evidence_verify(result, request.strict))
