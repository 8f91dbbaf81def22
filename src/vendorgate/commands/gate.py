"""``vendorgate gate``: may we buy this vendor, on which plan, on what conditions? Or, with
``--verify-record``, does an earlier decision record still hold?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vendorgate.commands import exits
from vendorgate.commands.outcome import Extra, Outcome, text
from vendorgate.core.errors import UsageError

KIND = "gate"
VERIFICATION_KIND = "gate-record-verification"


@dataclass(frozen=True)
class GateCommandRequest:
    """What ``gate`` was asked, parsed."""

    vendor_file: str | None = None
    """The vendor profile to decide on."""
    plan: str | None = None
    """A plan id, ``all``, or None for the plan the organisation uses."""
    data_classes: str | None = None
    """``--data-classes A,B`` as written; None keeps the profiles' usage."""
    org: str | None = None
    """``--org``; None finds the nearest organisation profile."""
    rules: tuple[str, ...] = ()
    """``--rules``; empty means the organisation's."""
    as_of: date | None = None
    """Evaluate as of this date."""
    fmt: str = "text"
    """A format of the registry's ``gate`` kind (``gate-record-verification`` with
    ``verify_record``)."""
    record: str | None = None
    """``--record FILE``: also write a decision record there."""
    verify_record: str | None = None
    """``--verify-record FILE``: re-evaluate a decision record instead."""


def execute(request: GateCommandRequest) -> Outcome:
    if request.verify_record:
        return _verify(request, request.verify_record)
    if not request.vendor_file:
        raise UsageError("give a VENDOR_FILE (or --verify-record FILE)")
    from vendorgate.gate import decisions
    from vendorgate.report import jsontext, render_view

    classes = request.data_classes
    result = decisions.evaluate(
        decisions.GateRequest(
            vendor=Path(request.vendor_file),
            plan=request.plan,
            data_classes=decisions.parse_data_classes(classes) if classes is not None else None,
            org=Path(request.org) if request.org else None,
            rules=request.rules,
            as_of=request.as_of,
        )
    )
    rendered = render_view(KIND, request.fmt, result)
    if not request.record:
        return text(rendered, exits.gate(result))
    from vendorgate.gate import records

    record = jsontext.document(records.build(result, Path(request.record)))
    return text(rendered, exits.gate(result), Extra(request.record, record))


def _verify(request: GateCommandRequest, record: str) -> Outcome:
    others = (request.vendor_file, request.plan, request.data_classes, request.org)
    if any(others) or request.rules or request.as_of or request.record:
        raise UsageError("--verify-record takes no VENDOR_FILE or other options")
    from vendorgate.gate import records
    from vendorgate.report import render_view

    verification = records.verify(Path(record))
    rendered = render_view(VERIFICATION_KIND, request.fmt, verification)
    return text(rendered, exits.verification(verification))
