"""The service behind ``vendorgate report``: load, evaluate (reporting progress), render.

Kept apart from the CLI so the library can write reports too, and from the formats so they stay
pure functions of a CheckResult.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from vendorgate.app import run
from vendorgate.app.context import build_context, select_versions
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
    *,
    fail_on_undetermined: bool = False,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
) -> Report:
    """Evaluate like ``check`` and render the result as ``fmt`` (html, markdown, oscal, json).
    ``today`` (``--as-of``) is the evaluation date and picks the profile versions in force then.

    ``progress(done, total, vendor_id)`` is called as vendors are evaluated."""
    if fmt not in choices(COMMAND):
        known = ", ".join(choices(COMMAND))
        raise UsageError(f"unknown report format `{fmt}`; choose one of {known}")
    # `today` is `--as-of`: the evaluation day and the versions in force, as in `check`.
    ctx = build_context(
        org_path,
        rules_paths,
        as_of=today,
        fail_on=fail_on,
        fail_on_undetermined=fail_on_undetermined,
        plan=plan,
        data_classes=data_classes,
    )
    inputs = run.gather(vendor_paths, context=ctx)
    ctx, vendors = select_versions(ctx, inputs.vendors)
    result = run.evaluate(replace(inputs, vendors=vendors), progress=progress, context=ctx)
    return Report(render(fmt, result, RenderOptions()), result)
