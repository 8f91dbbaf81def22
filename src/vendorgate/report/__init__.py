"""Output formats. One registry drives both dispatch and the CLI's ``--format`` choices.

Each format module exposes ``render(result: CheckResult, options: RenderOptions) -> str``;
modules are imported only when their format is used, so start-up stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from vendorgate.core.render import RenderOptions

if TYPE_CHECKING:
    from vendorgate.core.model import CheckResult

__all__ = ["FORMATS", "Format", "RenderOptions", "Renderer", "choices", "render", "renderer"]


class Renderer(Protocol):
    def __call__(self, result: CheckResult, options: RenderOptions) -> str: ...


@dataclass(frozen=True)
class Format:
    module: str
    """Module under ``vendorgate.report.formats`` with a ``render`` function."""
    description: str
    commands: tuple[str, ...]
    """The commands that offer this format."""


FORMATS: dict[str, Format] = {
    "text": Format("text", "a readable table (colour on a terminal)", ("check",)),
    "json": Format(
        "json",
        "machine-readable findings (schema: `vendorgate schema report`)",
        ("check", "report"),
    ),
    "sarif": Format(
        "sarif",
        "SARIF 2.1.0 for code scanning (findings on the offending YAML line)",
        ("check",),
    ),
    "junit": Format("junit", "JUnit XML: one test case per vendor x rule", ("check",)),
    "github": Format(
        "github",
        "GitHub Actions annotations (+ Markdown job summary to $GITHUB_STEP_SUMMARY)",
        ("check",),
    ),
    "markdown": Format(
        "markdown",
        "a summary for a pull-request comment, details folded",
        ("check", "report"),
    ),
    "html": Format(
        "html",
        "a self-contained page for compliance officers and auditors (works offline, prints)",
        ("report",),
    ),
    "oscal": Format(
        "oscal",
        "OSCAL assessment results (JSON) for GRC tools",
        ("report",),
    ),
}


def choices(command: str) -> list[str]:
    """The ``--format`` values a command accepts, in registry order."""
    return [name for name, fmt in FORMATS.items() if command in fmt.commands]


def renderer(name: str) -> Renderer:
    module = import_module(f"vendorgate.report.formats.{FORMATS[name].module}")
    render: Renderer = module.render
    return render


def render(name: str, result: CheckResult, options: RenderOptions | None = None) -> str:
    return renderer(name)(result, options or RenderOptions())
