"""``vendorgate bundle``: an OPA bundle of the enabled rules compiled to Rego."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands.outcome import Extra, Outcome, text
from vendorgate.core.errors import EXIT_OK


@dataclass(frozen=True)
class BundleRequest:
    """What ``bundle`` was asked, parsed."""

    output: str
    """The .tar.gz to write (atomically)."""
    org: str | None = None
    """``--org``; None finds the nearest organisation profile."""
    rules: tuple[str, ...] = ()
    """``--rules``; empty means the organisation's."""


def execute(request: BundleRequest) -> Outcome:
    from vendorgate.rego.bundle import build

    data, policy = build(request.org, request.rules)
    message = (
        f"wrote {request.output} (revision {policy.revision[:12]}, {len(policy.modules)} modules)\n"
    )
    # The bundle is the file; what is said about it goes to stdout.
    return text(message, EXIT_OK, Extra(request.output, data))
