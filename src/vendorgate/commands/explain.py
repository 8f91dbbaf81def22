"""``vendorgate explain``: one evaluation of one rule for one vendor, step by step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text

KIND = "explain"


@dataclass(frozen=True)
class ExplainRequest:
    """What ``explain`` was asked, parsed."""

    vendor: str
    """A vendor id or a profile path."""
    rule: str
    """A rule id."""
    plan: str | None = None
    """The plan whose facts to use; None is the plan the organisation uses."""
    org: str | None = None
    """``--org``; None finds the nearest organisation profile."""
    rules: tuple[str, ...] = ()
    """``--rules``; empty means the organisation's."""
    as_of: date | None = None
    """Evaluation date; None is today."""
    fmt: str = "text"
    """A format of the registry's ``explain`` kind."""


def execute(request: ExplainRequest) -> Outcome:
    from vendorgate.app import explain as explaining
    from vendorgate.report import render_view

    result = explaining.explain(
        request.vendor, request.rule, request.plan, request.org, request.rules, today=request.as_of
    )
    return text(render_view(KIND, request.fmt, result), exits.explain(result))
