"""The service behind ``vendorgate report``: load, evaluate (reporting progress), render.

Kept apart from the CLI so the library can write reports too, and from the formats so they stay
pure functions of a CheckResult.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from vendorgate.app import pipeline, run
from vendorgate.core.errors import UsageError
from vendorgate.core.model import Severity
from vendorgate.report import RenderOptions, choices, fragments, render

COMMAND = "report"


@dataclass(frozen=True)
class Report:
    """A rendered report and whether what it shows blocks."""

    parts: Iterable[bytes]
    """The document in the chosen format (UTF-8), part after part; read once."""
    blocking: bool
    """Whether any finding blocks (exit code 1)."""

    @property
    def text(self) -> str:
        """The whole document (joins the parts: for small reports and tests)."""
        return b"".join(self.parts).decode("utf-8")


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
    if fmt in fragments.FORMATS:
        streamed = pipeline.check(
            vendor_paths,
            org_path,
            rules_paths,
            fmt,
            RenderOptions(),
            fragments,
            today=today,
            threshold=fail_on,
            versions_on=today,
            progress=progress,
        )
        if streamed is not None:  # None: Rego rules, evaluated for all vendors at once
            return Report(streamed.parts, streamed.blocking)
    inputs = run.gather(vendor_paths, org_path, rules_paths)
    if today is not None:
        # As `check --as-of`: of each vendor lineage, only the version in force that day.
        inputs = replace(inputs, vendors=run.select_in_force(inputs.vendors, today))
    result = run.evaluate(inputs, today, fail_on, progress=progress)
    return Report([render(fmt, result, RenderOptions()).encode("utf-8")], run.has_blocking(result))
