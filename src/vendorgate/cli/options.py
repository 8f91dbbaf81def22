"""The options several commands share, defined once so that they read and behave alike, and the
parsing of option values into the plain values the commands' requests hold."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from vendorgate.report import view_choices, view_help

if TYPE_CHECKING:
    from vendorgate.core.model import Severity

F = TypeVar("F", bound=Callable[..., Any])
SEVERITIES = ["critical", "high", "medium", "low", "info"]
ORG_HELP = (
    "Organisation profile "
    "(default: the nearest vendorgate.yaml or org.yaml above the working directory)."
)


def format_option(*kinds: str, default: str = "text", extra: str = "") -> Callable[[F], F]:
    """``--format``, its choices and help from the registry: the formats of ``kinds`` (a
    command whose result differs with its options, such as ``scan --compare``, names each)."""
    names = list(dict.fromkeys(name for kind in kinds for name in view_choices(kind)))
    described = " ".join(
        f"{kind}: {view_help(kind)}." if len(kinds) > 1 else f"{view_help(kind)}." for kind in kinds
    )
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(names),
        default=default,
        show_default=True,
        help=f"Output format ({described.rstrip('.')}){extra}.",
    )


def org_option(help_text: str = ORG_HELP) -> Callable[[F], F]:
    """``--org``; a command that reads the organisation profile differently says how."""
    return click.option("--org", "org_path", type=click.Path(), help=help_text)


def as_of_option(help_text: str = "Evaluate as of DATE (YYYY-MM-DD).") -> Callable[[F], F]:
    """``--as-of``; a command that uses the date differently says how."""
    return click.option("--as-of", "as_of", metavar="DATE", help=help_text)


rules_option = click.option(
    "--rules",
    "rules_paths",
    multiple=True,
    type=click.Path(),
    help="Rule pack file or folder (repeatable; default: the organisation's).",
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE atomically."
)
site_output_option = click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write to FILE atomically; DIR/ (or an existing folder): the HTML report as a static "
    "site (index.html with the summary, a page per vendor).",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that blocks (default: the organisation's threshold).",
)
fail_on_undetermined_option = click.option(
    "--fail-on-undetermined",
    is_flag=True,
    help="Undetermined findings at or above the threshold block, whatever the organisation's "
    "`undetermined` setting.",
)


def parse_date(value: str | None, option: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"`{value}` is not a date; write YYYY-MM-DD", param_hint=option
        ) from exc


def threshold(fail_on: str | None) -> Severity | None:
    """``--fail-on`` as a severity; None leaves the organisation's threshold."""
    from vendorgate.core.model import Severity

    return Severity(fail_on) if fail_on else None


def color(output: str | None) -> bool:
    """ANSI colour only on a terminal, never into a file, and never with NO_COLOR set."""
    if output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def width(default: int) -> int:
    """The terminal's width, or ``default`` when there is no terminal."""
    return shutil.get_terminal_size((default, 24)).columns


def engine_options(
    engine: str, opa_url: str | None, opa_token: str | None, timeout: float | None
) -> Any:
    """``vendorgate.rego.adapter.EngineOptions`` for rego and opa; None for native."""
    if engine == "native" and not opa_url:
        return None
    if opa_url and engine != "opa":
        raise click.UsageError("--opa-url needs --engine opa")
    from vendorgate.rego.adapter import EngineOptions

    return EngineOptions(engine, opa_url, opa_token, timeout)
