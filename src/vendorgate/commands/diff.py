"""``vendorgate diff``: the verdicts at two git revisions (or folders) compared."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text

if TYPE_CHECKING:
    from vendorgate.core.model import Severity

KIND = "diff"


@dataclass(frozen=True)
class DiffRequest:
    """What ``diff`` was asked, parsed."""

    base: str
    """A git revision or a folder."""
    head: str | None = None
    """A git revision or a folder; None is the working tree."""
    org: str | None = None
    """``--org``, read inside each side."""
    fmt: str = "text"
    """A format of the registry's ``diff`` kind."""
    threshold: Severity | None = None
    """``--fail-on``; None keeps the organisation's threshold."""
    fail_on_undetermined: bool = False
    """Undetermined findings at or above the threshold block."""
    as_of: date | None = None
    """Evaluate both sides as of this date."""


def execute(request: DiffRequest) -> Outcome:
    from vendorgate.ci import revdiff
    from vendorgate.report import render_view

    result = revdiff.compare(
        request.base,
        request.head,
        request.org,
        request.as_of,
        request.threshold,
        request.fail_on_undetermined,
    )
    return text(render_view(KIND, request.fmt, result), exits.diff(result))
