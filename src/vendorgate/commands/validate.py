"""``vendorgate validate``: check vendor profiles, rule packs and organisation profiles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vendorgate.commands.outcome import Outcome
from vendorgate.core.errors import EXIT_OK, UsageError

KIND = "validate"


@dataclass(frozen=True)
class ValidateRequest:
    """What ``validate`` was asked, parsed."""

    paths: tuple[str, ...]
    """Files and folders; empty means the organisation's profile, rules and vendors."""
    as_of: date | None = None
    """Date of writing, for waiver expiry; None is today."""
    fmt: str = "text"
    """A format of the registry's ``validate`` kind."""


def execute(request: ValidateRequest) -> Outcome:
    from vendorgate.app import run
    from vendorgate.report import render_view

    kinds, notes = run.validate_files(_targets(request.paths), request.as_of)
    return Outcome((render_view(KIND, request.fmt, kinds),), EXIT_OK, notes=tuple(notes))


def _targets(paths: tuple[str, ...]) -> list[str]:
    """The paths given, or else the organisation profile and the rules and vendors it names."""
    from vendorgate.load import catalogue, workspace

    if paths:
        return list(paths)
    org = workspace.find_org()
    if org is None:
        raise UsageError("no PATHS given and no vendorgate.yaml found")
    profile, _ = catalogue.load_org(org)
    return [str(org), *profile.rules_paths, *profile.vendors_paths]
