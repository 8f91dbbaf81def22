"""``vendorgate test``: the example profiles beside each rule get the verdicts their folders
name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text

KIND = "test"


@dataclass(frozen=True)
class TestRequest:
    """What ``test`` was asked, parsed."""

    __test__ = False  # not a pytest class, whatever its name

    rules: tuple[str, ...] = ()
    """Rule packs or folders; empty means the organisation's ``rules_paths``."""
    org: str | None = None
    """``--org``; None finds the nearest organisation profile."""
    fmt: str = "text"
    """A format of the registry's ``test`` kind."""
    as_of: date | None = None
    """Evaluation date; None is today."""


def execute(request: TestRequest) -> Outcome:
    from vendorgate.app import ruletest
    from vendorgate.report import render_view

    result = ruletest.run_tests(request.rules, request.org, request.as_of)
    return text(render_view(KIND, request.fmt, result), exits.test(result))
