"""The options several commands share, defined once so that they read and behave alike, and the
parsing of option values into the plain values the commands' requests hold."""

from __future__ import annotations

import os
import re
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


def format_option(
    *kinds: str, default: str = "text", extra: str = "", inferred: bool = False
) -> Callable[[F], F]:
    """``--format``, its choices and help from the registry: the formats of ``kinds`` (a
    command whose result differs with its options, such as ``scan --compare``, names each).
    ``inferred``: absent, each ``-o`` file's extension names its format."""
    names = list(dict.fromkeys(name for kind in kinds for name in view_choices(kind)))
    described = " ".join(
        f"{kind}: {view_help(kind)}." if len(kinds) > 1 else f"{view_help(kind)}." for kind in kinds
    )
    if inferred:
        extra += f"; default: each -o file's extension names its format, else {default}"
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(names),
        default=None if inferred else default,
        show_default=not inferred,
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
outputs_option = click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="[FORMAT=]PATH",
    help="Write to PATH atomically (repeatable: every output from one evaluation; `-` is "
    "stdout). The format is FORMAT, else --format, else PATH's extension: .sarif, .json, "
    ".xml (junit), .md, .html, .txt.",
)
quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print nothing on stdout, and no notes: exit code and -o files only.",
)
soft_fail_option = click.option(
    "--soft-fail",
    is_flag=True,
    help="Exit 0 even when findings block (outputs are written as usual); bad input still exits 2.",
)
color_option = click.option(
    "--color/--no-color",
    "color_flag",
    default=None,
    help="Colour the text output (default: NO_COLOR off, FORCE_COLOR on, else on a terminal).",
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


def color(output: str | None, asked: bool | None = None) -> bool:
    """ANSI colour on stdout, never into a file. The first that says wins: ``--color`` /
    ``--no-color``; ``NO_COLOR`` set and not empty (off); ``FORCE_COLOR`` set, not empty and
    not ``0`` (on); whether stdout is a terminal."""
    if output:
        return False
    if asked is not None:
        return asked
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()  # None: stdout closed (`>&-`)


EXTENSIONS = {
    ".sarif": "sarif",
    ".json": "json",
    ".xml": "junit",
    ".md": "markdown",
    ".html": "html",
    ".txt": "text",
}
"""The format an ``-o`` file's extension names when ``--format`` is absent."""
_FORMAT_NAME = re.compile(r"[a-z][a-z-]*")


def output_targets(
    values: tuple[str, ...], fmt: str | None, default: str, formats: list[str], command: str
) -> tuple[tuple[str, str], ...]:
    """The (format, path) of each ``-o`` value: ``FORMAT=PATH``, or a PATH whose format is
    ``--format``, else its extension's (none: ``default``). ``-`` is stdout, once at most.
    No value: stdout in ``--format`` (else ``default``)."""
    if not values:
        return ((fmt or default, "-"),)
    targets = tuple(_target(value, fmt, default, formats, command) for value in values)
    if sum(1 for _, path in targets if path == "-") > 1:
        raise click.UsageError("stdout (`-o -`) can take one output only")
    for _, path in targets:
        folder = os.path.dirname(path.rstrip("/" + os.sep))
        if path != "-" and folder and not os.path.isdir(folder):
            # Said before evaluating: a long run must not end in a file it cannot write.
            from vendorgate.core.errors import OutputError

            raise OutputError(f"{path}: cannot write output: no folder `{folder}`; create it first")
    return targets


def _target(
    value: str, fmt: str | None, default: str, formats: list[str], command: str
) -> tuple[str, str]:
    named, sep, path = value.partition("=")
    if sep and _FORMAT_NAME.fullmatch(named):
        if named not in formats:
            raise click.BadParameter(
                f"`{value}`: {command} has no `{named}` format; choose one of {', '.join(formats)}",
                param_hint="--output",
            )
        if not path:
            raise click.BadParameter(f"`{value}`: name a file after `=`", param_hint="--output")
        return named, path
    if fmt is not None or value == "-":
        return fmt or default, value
    name = os.path.basename(value.rstrip("/" + os.sep)).lower()
    suffix = ".sarif" if name.endswith(".sarif.json") else os.path.splitext(name)[1]
    if not suffix:
        return default, value
    inferred = EXTENSIONS.get(suffix)
    if inferred is None or inferred not in formats:
        known = ", ".join(f"{ext} ({f})" for ext, f in EXTENSIONS.items() if f in formats)
        raise click.BadParameter(
            f"cannot tell the format of `{value}` from `{suffix}`; {command} infers {known}. "
            f"Add --format FORMAT, or write FORMAT={value}",
            param_hint="-o",
        )
    return inferred, value


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
