"""Output formats. One registry, keyed by (result kind, format), drives dispatch and every
command's ``--format`` choices and help: :data:`VIEWS`. A check result's formats are listed in
:data:`FORMATS` (each module under ``formats/`` exposes ``render(result, options) -> str``); every
other kind of result (a gate decision, a diff, a watch run...) has one module here whose
functions take the result and the :class:`RenderOptions`. Modules are imported only when their
format is used, so start-up stays fast. Every machine format is written by ``jsontext``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

from vendorgate.core.errors import UsageError
from vendorgate.core.render import RenderOptions

if TYPE_CHECKING:
    from vendorgate.core.model import CheckResult

__all__ = [
    "FORMATS",
    "VIEWS",
    "Format",
    "RenderOptions",
    "Renderer",
    "View",
    "choices",
    "render",
    "render_view",
    "renderer",
    "view",
    "view_choices",
    "view_help",
]


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
    "gitlab": Format(
        "gitlab",
        "GitLab Code Quality report (JSON) for merge-request annotations",
        ("check",),
    ),
    "html": Format(
        "html",
        "a self-contained page for compliance officers and auditors (works offline, prints)",
        ("report",),
    ),
    "oscal": Format(
        "oscal",
        "OSCAL assessment results (JSON) for GRC tools; they import the plan of `oscal-ap`",
        ("report",),
    ),
    "oscal-ap": Format(
        "oscal_ap",
        "the OSCAL assessment plan the results import: an objective per rule, every input "
        "hashed (write it as assessment-plan.json beside them)",
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


# ------------------------------------------------ every result kind: (kind, format) -> view


class ViewRenderer(Protocol):
    def __call__(self, result: Any, options: RenderOptions) -> str: ...


@dataclass(frozen=True)
class View:
    """How one kind of result is written in one format."""

    module: str
    """Module under ``vendorgate.report`` holding the function."""
    function: str
    """Function ``(result, options) -> str`` in that module."""
    description: str
    """What the format is for, shown in the command's ``--format`` help."""


def _check_views(command: str) -> dict[tuple[str, str], View]:
    """The check result's formats, as ``FORMATS`` lists them for ``command``."""
    return {
        (command, name): View(f"formats.{fmt.module}", "render", fmt.description)
        for name, fmt in FORMATS.items()
        if command in fmt.commands
    }


_JSON = "machine-readable, everything shown in text"
VIEWS: dict[tuple[str, str], View] = {
    **_check_views("check"),
    **_check_views("report"),
    ("validate", "text"): View("validate", "to_text", "a one-line summary of the files read"),
    ("gate", "text"): View("gate", "render_text", "the decision per plan, for a person"),
    ("gate", "json"): View("gate", "render_json", "the full answer, as decision records hold"),
    ("gate", "markdown"): View("gate", "render_markdown", "for a ticket or a pull request"),
    ("gate-record-verification", "text"): View(
        "records", "to_text", "whether the record holds, and what changed"
    ),
    ("gate-record-verification", "json"): View("records", "to_json", _JSON),
    ("gate-record-verification", "markdown"): View(
        "records", "to_markdown", "for a ticket or a pull request"
    ),
    ("diff", "text"): View("diffview", "to_text", "flipped verdicts per vendor, for a terminal"),
    ("diff", "markdown"): View("diffview", "to_markdown", "a job summary or pull-request comment"),
    ("diff", "json"): View("diffview", "to_json", _JSON),
    ("evidence-verify", "text"): View("verify", "to_text", "one line per quote, with details"),
    ("evidence-verify", "json"): View("verify", "to_json", _JSON),
    ("evidence-diff", "text"): View("docdiff", "to_text", "changed sections and affected facts"),
    ("evidence-diff", "markdown"): View("docdiff", "to_markdown", "for a pull-request comment"),
    ("evidence-diff", "json"): View("docdiff", "to_json", _JSON),
    ("watch", "text"): View("watch", "to_text", "one line per document, with quotes gone"),
    ("watch", "json"): View("watch", "to_json", _JSON),
    ("scan", "text"): View("scan", "render_text", "passages grouped by fact, for reading"),
    ("scan", "yaml"): View(
        "scan", "render_yaml", "`facts:` entries to paste into a vendor profile (after review)"
    ),
    ("scan", "json"): View("scan", "render_json", "every passage and suggestion"),
    ("scan-comparison", "text"): View(
        "scan", "render_comparison_text", "how the passages on each fact changed"
    ),
    ("scan-comparison", "json"): View("scan", "render_comparison_json", _JSON),
    ("explain", "text"): View("explain", "to_text", "the evaluation step by step"),
    ("review", "text"): View(
        "review", "to_text", "each unreviewed suggestion with its quotes in context"
    ),
    ("review", "json"): View("review", "to_json", _JSON),
    ("test", "text"): View("ruletest", "to_text", "results per rule, coverage and a summary"),
    ("test", "json"): View("ruletest", "to_json", _JSON),
}
"""Every result kind's formats, in the order ``--format`` lists them."""


def view_choices(kind: str) -> list[str]:
    """The formats a kind of result can be written in, in registry order."""
    return [fmt for (k, fmt) in VIEWS if k == kind]


def view_help(kind: str) -> str:
    """``--format`` help for a kind: each format and what it is for."""
    return "; ".join(f"{fmt}: {VIEWS[kind, fmt].description}" for fmt in view_choices(kind))


def view(kind: str, fmt: str) -> ViewRenderer:
    """The function writing ``kind`` results as ``fmt``, imported only now."""
    try:
        entry = VIEWS[kind, fmt]
    except KeyError:
        known = ", ".join(view_choices(kind)) or "none"
        raise UsageError(f"{kind} results have no format `{fmt}`; choose one of {known}") from None
    function: ViewRenderer = getattr(
        import_module(f"vendorgate.report.{entry.module}"), entry.function
    )
    return function


def render_view(kind: str, fmt: str, result: Any, options: RenderOptions | None = None) -> str:
    """``result`` (a ``kind`` result) written as ``fmt``."""
    return view(kind, fmt)(result, options or RenderOptions())
