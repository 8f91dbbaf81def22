"""``vendorgate report``: load, evaluate (reporting progress), render.

``build_report`` is kept apart from the command so the library can write reports too, and from
the formats so they stay pure functions of a CheckResult.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from vendorgate.app import run
from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, text
from vendorgate.core.errors import UsageError
from vendorgate.core.model import CheckResult, Severity
from vendorgate.report import RenderOptions, choices, render

COMMAND = "report"


@dataclass(frozen=True)
class Report:
    """A rendered report and the evaluation it shows."""

    text: str
    """The document in the chosen format."""
    result: CheckResult
    """What was evaluated; decides the exit code."""

    @property
    def blocking(self) -> bool:
        return run.has_blocking(self.result)


def build_report(
    fmt: str,
    vendor_paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    today: date | None = None,
    fail_on: Severity | None = None,
    progress: run.Progress | None = None,
) -> Report:
    """Evaluate like ``check`` and render the result as ``fmt`` (html, markdown, oscal, json).
    ``today`` (``--as-of``) is the evaluation date and picks the profile versions in force then.

    ``progress(done, total, vendor_id)`` is called as vendors are evaluated."""
    if fmt not in choices(COMMAND):
        known = ", ".join(choices(COMMAND))
        raise UsageError(f"unknown report format `{fmt}`; choose one of {known}")
    inputs = run.gather(vendor_paths, org_path, rules_paths)
    if today is not None:
        # As `check --as-of`: of each vendor lineage, only the version in force that day.
        inputs = replace(inputs, vendors=run.select_in_force(inputs.vendors, today))
    result = run.evaluate(inputs, today, fail_on, progress=progress)
    return Report(render(fmt, result, RenderOptions()), result)


@dataclass(frozen=True)
class ReportRequest:
    """What ``report`` was asked, parsed."""

    fmt: str
    """A format of the registry's ``report`` kind."""
    paths: tuple[str, ...] = ()
    """Vendor profiles and folders; empty means the organisation's."""
    org: str | None = None
    """``--org``; None finds the nearest organisation profile."""
    rules: tuple[str, ...] = ()
    """``--rules``; empty means the organisation's."""
    as_of: date | None = None
    """``--as-of``: evaluation date, and the profile versions in force then."""
    threshold: Severity | None = None
    """``--fail-on``; None keeps the organisation's threshold."""
    progress: run.Progress | None = None
    """Told of each vendor evaluated (a progress bar on a terminal)."""


def execute(request: ReportRequest) -> Outcome:
    built = build_report(
        request.fmt,
        request.paths,
        request.org,
        request.rules,
        request.as_of,
        request.threshold,
        request.progress,
    )
    return text(built.text, exits.check(built.result))
