"""The command line. The only module that imports click or writes to stdout/stderr.

Each command parses its options, calls the service layer (``vendorgate.run`` and friends),
renders through the format registry and maps the outcome to an exit code:
0 nothing blocking, 1 blocking findings, 2 bad input or invocation.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from vendorgate.core.errors import EXIT_BLOCKING, EXIT_INPUT, EXIT_OK, VendorgateError
from vendorgate.core.version import __version__
from vendorgate.report import FORMATS, RenderOptions, choices

if TYPE_CHECKING:
    from vendorgate.app.pipeline import Output
    from vendorgate.cache.store import Cache
    from vendorgate.ci.baseline import Baseline
    from vendorgate.core.model import Severity

F = TypeVar("F", bound=Callable[..., Any])
SEVERITIES = ["critical", "high", "medium", "low", "info"]


def _fail(message: str, code: int = EXIT_INPUT) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Show VendorgateErrors as their message (never a traceback) with their exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VendorgateError as exc:
            _fail(
                f"error: {exc.format()}" if "\n" not in exc.format() else exc.format(),
                exc.exit_code,
            )
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:
            if os.environ.get("VENDORGATE_DEBUG"):
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a vendorgate bug; set VENDORGATE_DEBUG=1 for a traceback and report it."
            )
        return None

    return wrapper  # type: ignore[return-value]


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"`{value}` is not a date; write YYYY-MM-DD", param_hint=option
        ) from exc


def _color() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def emit(text: str, output: str | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output:
        from vendorgate.core.output import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def _emit_parts(parts: Iterable[bytes], output: str | None) -> None:
    """:func:`emit` for a report in parts (never joined in memory)."""
    if output:
        from vendorgate.core.output import write_atomic_parts

        write_atomic_parts(output, parts)
    else:
        for part in parts:
            click.echo(part, nl=False)


def format_option(command: str, default: str) -> Callable[[F], F]:
    names = choices(command)
    help_text = "; ".join(f"{n}: {FORMATS[n].description}" for n in names)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(names),
        default=default,
        show_default=True,
        help=f"Output format ({help_text}).",
    )


# The options several commands share, defined once so that they read and behave alike.


def choice_format_option(*names: str) -> Callable[[F], F]:
    """``--format`` for a command whose formats are its own, not the registry's."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(names)),
        default="text",
        show_default=True,
        help="Output format.",
    )


ORG_HELP = (
    "Organisation profile "
    "(default: the nearest vendorgate.yaml or org.yaml above the working directory)."
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="vendorgate")
def main() -> None:
    """Check what SaaS vendors do with customer data against your compliance rules.

    Exit codes: 0 nothing blocking, 1 blocking findings, 2 bad input or invocation.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@as_of_option("Date of writing for waiver expiry (YYYY-MM-DD; default: today).")
@handle_errors
def validate(paths: tuple[str, ...], as_of: str | None) -> None:
    """Validate vendor profiles, rule packs and organisation profiles (any mix of files and
    folders; the organisation's vendors and rules when none are given). A waiver already
    expired on the date of writing is an error."""
    from vendorgate.app import run
    from vendorgate.load import catalogue, workspace

    targets: list[str] = list(paths)
    if not targets:
        org = workspace.find_org()
        if org is None:
            raise click.UsageError("no PATHS given and no vendorgate.yaml found")
        profile, _ = catalogue.load_org(org)
        targets = [str(org), *profile.rules_paths, *profile.vendors_paths]
    kinds = run.validate(targets, _parse_date(as_of, "--as-of"))
    counts = {k: kinds.count(k) for k in ("vendor", "rules", "org") if k in kinds}
    summary = ", ".join(f"{n} {k}" for k, n in counts.items())
    click.echo(f"ok: {len(kinds)} file(s) valid ({summary})")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@org_option()
@rules_option
@format_option("check", "text")
@output_option
@fail_on_option
@as_of_option()
@click.option("-v", "--verbose", is_flag=True, help="Show passing findings in detail too.")
@fail_on_undetermined_option
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Findings recorded in FILE do not block; new ones do.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in FILE (atomically), for later --baseline runs.",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    help="Repository root that SARIF and annotation paths are relative to "
    "(default: the git top level, else the working directory).",
)
@click.option(
    "--engine",
    type=click.Choice(["native", "rego", "opa"]),
    default="native",
    show_default=True,
    help="Who evaluates: vendorgate itself, the rules compiled to Rego (regopy), or an OPA "
    "server serving `vendorgate bundle` (--opa-url). All give the same findings.",
)
@click.option("--opa-url", metavar="URL", help="Base URL of the OPA server (--engine opa).")
@click.option(
    "--opa-token",
    envvar="VENDORGATE_OPA_TOKEN",
    metavar="TOKEN",
    help="Bearer token for the OPA server (default: $VENDORGATE_OPA_TOKEN).",
)
@click.option(
    "--engine-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Seconds allowed for the Rego evaluation (default 60) or each OPA request (default 10).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the cache of parsed profiles and results "
    "(.vendorgate-cache/ beside the organisation profile, or $VENDORGATE_CACHE_DIR).",
)
@handle_errors
def check(
    paths: tuple[str, ...],
    org_path: str | None,
    rules_paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    as_of: str | None,
    verbose: bool,
    fail_on_undetermined: bool,
    baseline_path: str | None,
    write_baseline: str | None,
    root: str | None,
    engine: str,
    opa_url: str | None,
    opa_token: str | None,
    engine_timeout: float | None,
    no_cache: bool,
) -> None:
    """Evaluate vendor profiles against the enabled rule packs."""
    from vendorgate.app import run
    from vendorgate.ci import baseline
    from vendorgate.report import render

    today = _parse_date(as_of, "--as-of")
    threshold = _threshold(fail_on)
    accepted = baseline.load(baseline_path) if baseline_path else None
    cache = None if no_cache else _cache(org_path)
    # The native engine (no engine options; a stray --opa-url is a usage error first).
    if not write_baseline and _engine_options(engine, opa_url, opa_token, engine_timeout) is None:
        _check_in_pieces(
            paths,
            org_path,
            rules_paths,
            fmt,
            output,
            root,
            verbose,
            threshold,
            fail_on_undetermined,
            cache,
            today,
            accepted,
        )
    # With --as-of, only the version of each vendor lineage in force on that date is evaluated.
    result = run.check(
        paths,
        org_path,
        rules_paths,
        today,
        threshold,
        fail_on_undetermined=fail_on_undetermined,
        versions_on=today,
        engine_options=_engine_options(engine, opa_url, opa_token, engine_timeout),
        cache=cache,
    )
    if write_baseline:
        from vendorgate.core.output import write_atomic

        write_atomic(write_baseline, baseline.record(result))
    if accepted is not None:
        result = baseline.apply(result, accepted)
        click.echo(baseline.summary(result, accepted), err=True)
    options = _render_options(org_path, root, output, verbose)
    emit(render(fmt, result, options), output)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_file:
        from vendorgate.core.output import append_text

        append_text(summary_file, render("markdown", result, options))
    sys.exit(EXIT_BLOCKING if run.has_blocking(result) else EXIT_OK)


def _threshold(fail_on: str | None) -> Severity | None:
    """``--fail-on`` as a severity; None leaves the organisation's threshold."""
    from vendorgate.core.model import Severity

    return Severity(fail_on) if fail_on else None


def _render_options(
    org_path: str | None, root: str | None, output: str | None, verbose: bool
) -> RenderOptions:
    """How ``check`` renders: colour only on a terminal, paths relative to the repository."""
    from vendorgate.report.paths import locate

    repository, project = locate(org_path, root)
    return RenderOptions(
        color=_color() and not output,
        width=shutil.get_terminal_size((140, 24)).columns,
        verbose=verbose,
        root=repository,
        base=project,
    )


def _cache(org_path: str | None) -> Cache:
    """The cache ``check`` uses: beside the organisation profile, or $VENDORGATE_CACHE_DIR."""
    from pathlib import Path

    from vendorgate.cache import store as cache
    from vendorgate.load import workspace

    org = Path(org_path) if org_path else workspace.find_org()
    return cache.Cache(cache.folder_for(org.resolve().parent if org else None))


def _check_in_pieces(
    paths: tuple[str, ...],
    org_path: str | None,
    rules_paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    root: str | None,
    verbose: bool,
    threshold: Severity | None,
    fail_on_undetermined: bool,
    cache: Cache | None,
    today: date | None,
    accepted: Baseline | None,
) -> None:
    """Every format, evaluated a vendor at a time (see ``vendorgate.app.pipeline``); returns
    only when the request needs the general path (Rego)."""
    from vendorgate.app import pipeline as batch
    from vendorgate.report import fragments

    if fmt not in fragments.FORMATS:
        return
    options = _render_options(org_path, root, output, verbose)
    accepting = fragments.Accepting(accepted) if accepted else None

    def streamed(form: str) -> Output | None:
        return batch.check(
            paths,
            org_path,
            rules_paths,
            form,
            options,
            fragments,
            today=today,
            threshold=threshold,
            fail_on_undetermined=fail_on_undetermined,
            cache=cache,
            versions_on=today,
            accepted=accepting,
        )

    result = streamed(fmt)
    if result is None:
        return
    if accepting is not None:
        click.echo(fragments.accepted_summary(accepting, result.pieces), err=True)
    _emit_parts(result.parts, output)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_file:
        from vendorgate.core.output import append_text

        # A second pass renders the job summary's Markdown (parsed profiles come from the cache).
        md = streamed("markdown")
        assert md is not None  # the first pass did not need Rego, nor does this one
        append_text(summary_file, b"".join(md.parts).decode("utf-8"))
    sys.exit(EXIT_BLOCKING if result.blocking else EXIT_OK)


@main.command()
@click.argument("kind", type=click.Choice(["vendor", "rules", "org", "report"]))
@handle_errors
def schema(kind: str) -> None:
    """Print the JSON Schema of a file kind (for editors and other tools)."""
    from vendorgate.schemas.files import schema_text

    click.echo(schema_text(kind), nl=False)


@main.group()
def evidence() -> None:
    """Check the quotes behind facts: verify them, and compare document versions."""


@evidence.command("verify")
@click.argument("paths", nargs=-1, type=click.Path())
@choice_format_option("text", "json")
@click.option("--strict", is_flag=True, help="Exit 1 unless every piece of evidence is verified.")
@handle_errors
def evidence_verify(paths: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check every quote against its pinned snapshot (the organisation's vendors when no PATHS):
    verified, unsupported (with the closest passage), stale, unverified or missing-document."""
    from vendorgate.evidence import verify

    result = verify.verify(paths)
    click.echo(verify.to_json(result) if fmt == "json" else verify.to_text(result), nl=False)
    sys.exit(EXIT_BLOCKING if strict and not result.all_verified else EXIT_OK)


@evidence.command("diff")
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option(
    "--vendors",
    "vendor_paths",
    multiple=True,
    type=click.Path(),
    help="Vendor profile or folder whose quotes to check (repeatable; default: the "
    "organisation's vendors).",
)
@choice_format_option("text", "markdown", "json")
@handle_errors
def evidence_diff(old: str, new: str, vendor_paths: tuple[str, ...], fmt: str) -> None:
    """Compare two versions of a document section by section, and name the facts whose quotes
    changed or vanished. Exit 1 when a quoted passage vanished."""
    from vendorgate.evidence import docdiff

    result = docdiff.diff_files(old, new, list(vendor_paths) if vendor_paths else None)
    render = {"json": docdiff.to_json, "markdown": docdiff.to_markdown}.get(fmt, docdiff.to_text)
    click.echo(render(result), nl=False)
    sys.exit(EXIT_BLOCKING if result.vanished else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--save",
    "save_dir",
    type=click.Path(file_okay=False),
    help="Store each changed page as DIR/<vendor>/<doc-id>/<date>.md (never overwriting).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=20.0,
    show_default=True,
    help="Seconds allowed for each attempt at a page.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=5_000_000,
    show_default=True,
    help="Largest page read; a larger one is reported unreachable.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0, max=10),
    default=2,
    show_default=True,
    help="Further attempts after a connection error, timeout or 5xx (with backoff).",
)
@click.option("--no-cache", is_flag=True, help="Fetch in full, ignoring remembered ETags.")
@choice_format_option("text", "json")
@handle_errors
def watch(
    paths: tuple[str, ...],
    save_dir: str | None,
    timeout: float,
    max_bytes: int,
    retries: int,
    no_cache: bool,
    fmt: str,
) -> None:
    """Fetch each document's live URL and compare it with the pinned snapshot: unchanged,
    changed (with each cited quote still present or gone) or unreachable. Exit 0 when all
    are unchanged, 1 otherwise. Profiles are never edited."""
    from vendorgate.evidence import watch as watching
    from vendorgate.evidence.fetch import Limits

    limits = Limits(timeout=timeout, max_bytes=max_bytes, retries=retries)
    result = watching.watch(paths, limits, save_dir, use_cache=not no_cache)
    click.echo(watching.to_json(result) if fmt == "json" else watching.to_text(result), nl=False)
    sys.exit(EXIT_OK if result.all_unchanged else EXIT_BLOCKING)


@contextlib.contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int, str], None] | None]:
    """A rich progress bar on stderr when stderr is a terminal; otherwise no callback at all,
    so pipes, CI logs and files never receive control characters."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, current: str) -> None:
            shown = f"{label} {current}" if current else label
            bar.update(task, completed=done, total=total, description=shown)

        yield update


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@org_option()
@rules_option
@format_option("report", "html")
@output_option
@fail_on_option
@as_of_option()
@handle_errors
def report(
    paths: tuple[str, ...],
    org_path: str | None,
    rules_paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    fail_on: str | None,
    as_of: str | None,
) -> None:
    """Write the compliance officer's report (HTML, Markdown, OSCAL or JSON): decisions,
    findings with both citations, waivers and evidence status. Exit codes as for `check`."""
    from vendorgate.commands.report import build_report

    today = _parse_date(as_of, "--as-of")
    threshold = _threshold(fail_on)
    with _progress_bar("evaluating") as progress:
        built = build_report(fmt, paths, org_path, rules_paths, today, threshold, progress)
    _emit_parts(built.parts, output)
    sys.exit(EXIT_BLOCKING if built.blocking else EXIT_OK)


@main.command()
@click.argument("vendor")
@click.argument("rule")
@click.option("--plan", help="Use this plan's facts (default: the plan the organisation uses).")
@org_option()
@rules_option
@as_of_option()
@handle_errors
def explain(
    vendor: str,
    rule: str,
    plan: str | None,
    org_path: str | None,
    rules_paths: tuple[str, ...],
    as_of: str | None,
) -> None:
    """Explain one evaluation: why RULE applies to VENDOR (an id or a profile path), each test
    with the vendor's value and quotes, how all/any/not combined, waivers, and the verdict.
    Exit 1 when the finding blocks."""
    from vendorgate.app import explain as explaining

    today = _parse_date(as_of, "--as-of")
    result = explaining.explain(vendor, rule, plan, org_path, rules_paths, today=today)
    click.echo(explaining.render(result), nl=False)
    sys.exit(EXIT_BLOCKING if result.blocking else EXIT_OK)


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@org_option(
    "Organisation profile, read inside each side (default: the nearest vendorgate.yaml "
    "or org.yaml)."
)
@choice_format_option("text", "markdown", "json")
@output_option
@fail_on_option
@fail_on_undetermined_option
@as_of_option("Evaluate both sides as of DATE.")
@handle_errors
def diff(
    base: str,
    head: str | None,
    org_path: str | None,
    fmt: str,
    output: str | None,
    fail_on: str | None,
    fail_on_undetermined: bool,
    as_of: str | None,
) -> None:
    """Compare the verdicts at BASE and HEAD (git revisions or folders; HEAD defaults to the
    working tree): flipped verdicts, new and resolved findings, changed decisions.
    Exit 1 when the change introduces a blocking finding."""
    from vendorgate.ci import revdiff
    from vendorgate.report import diffview

    today = _parse_date(as_of, "--as-of")
    threshold = _threshold(fail_on)
    result = revdiff.compare(base, head, org_path, today, threshold, fail_on_undetermined)
    emit(diffview.render(result, fmt), output)
    sys.exit(EXIT_BLOCKING if result.introduces_blocking else EXIT_OK)


def _engine_options(
    engine: str, opa_url: str | None, opa_token: str | None, timeout: float | None
) -> Any:
    if engine == "native" and not opa_url:
        return None
    if opa_url and engine != "opa":
        raise click.UsageError("--opa-url needs --engine opa")
    from vendorgate.rego.adapter import EngineOptions

    return EngineOptions(engine, opa_url, opa_token, timeout)


@main.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Write the bundle (a .tar.gz) to FILE atomically.",
)
@org_option()
@rules_option
@handle_errors
def bundle(output: str, org_path: str | None, rules_paths: tuple[str, ...]) -> None:
    """Build an OPA bundle: every enabled rule compiled to Rego, the organisation profile as
    data, and data.vendorgate.decision (see docs/opa.md). Same inputs, same bytes."""
    from vendorgate.core.output import write_atomic
    from vendorgate.rego.bundle import build

    data, policy = build(org_path, rules_paths)
    write_atomic(output, data)
    click.echo(f"wrote {output} (revision {policy.revision[:12]}, {len(policy.modules)} modules)")


@main.command()
@click.argument("document", required=False, type=click.Path())
@click.option(
    "--compare",
    nargs=2,
    metavar="OLD NEW",
    type=click.Path(),
    help="Compare two versions of a document instead: how the passages on each fact changed.",
)
@click.option(
    "--vendor",
    "vendor_path",
    type=click.Path(),
    help="Vendor profile listing DOCUMENT as a snapshot: use its document id and mark the "
    "facts the profile already states.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "yaml", "json"]),
    default="text",
    show_default=True,
    help="text: passages by fact; yaml: `facts:` entries for a profile; json: everything.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.5,
    show_default=True,
    help="Leave out passages the scanner is less sure of.",
)
@output_option
@handle_errors
def scan(
    document: str | None,
    compare: tuple[str, str] | None,
    vendor_path: str | None,
    fmt: str,
    min_confidence: float,
    output: str | None,
) -> None:
    """List the passages of a terms document (Markdown, HTML or text) that bear on each fact,
    with verbatim quotes, a suggested value and a confidence. Suggestions need review."""
    from vendorgate.report import scan as scan_report
    from vendorgate.scan import scanner

    width = shutil.get_terminal_size((100, 24)).columns
    if compare:
        if document or vendor_path or fmt == "yaml":
            raise click.UsageError("--compare OLD NEW takes no DOCUMENT, --vendor or yaml format")
        comparison = scanner.scan_pair(compare[0], compare[1], min_confidence)
        emit(scan_report.render_comparison(comparison, fmt, width), output)
        return
    if not document:
        raise click.UsageError("name a DOCUMENT to scan, or use --compare OLD NEW")
    result = scanner.scan_document(document, vendor_path, min_confidence)
    emit(scan_report.render(result, fmt, width), output)


@main.command()
@click.argument("vendor_file", required=False, type=click.Path())
@click.option(
    "--plan",
    metavar="PLAN|all",
    help="Plan to evaluate, or `all` for the base terms and every plan side by side "
    "(default: the plan the organisation uses).",
)
@click.option(
    "--data-classes",
    "data_classes",
    metavar="A,B",
    help="Data classes the organisation would send (overrides the profiles' usage).",
)
@org_option()
@rules_option
@as_of_option(
    "Evaluate as of DATE (YYYY-MM-DD): the vendor version in force, the waivers valid "
    "and the evidence age then."
)
@choice_format_option("text", "json", "markdown")
@click.option(
    "--record",
    "record",
    type=click.Path(dir_okay=False),
    help="Also write a JSON decision record to FILE (atomically).",
)
@click.option(
    "--verify-record",
    "verify_record",
    type=click.Path(dir_okay=False),
    help="Re-evaluate a decision record and say whether it still holds (exit 0 holds, "
    "1 does not, 2 bad record).",
)
@handle_errors
def gate(
    vendor_file: str | None,
    plan: str | None,
    data_classes: str | None,
    org_path: str | None,
    rules_paths: tuple[str, ...],
    as_of: str | None,
    fmt: str,
    record: str | None,
    verify_record: str | None,
) -> None:
    """Pre-procurement gate: may we buy VENDOR_FILE, on which plan, on what conditions?

    Prints the decision, the blocking findings with both citations, the questions to ask the
    vendor and the contract conditions to demand. Exit 0 approved or approved with conditions
    (with --plan all: some plan passes), 1 needs review or rejected, 2 bad input.
    """
    from pathlib import Path

    from vendorgate.gate import decisions as gate_service

    if verify_record:
        if vendor_file or plan or data_classes or org_path or rules_paths or as_of or record:
            raise click.UsageError("--verify-record takes no VENDOR_FILE or other options")
        from vendorgate.gate import records

        verification = records.verify(Path(verify_record))
        if fmt == "json":
            import json

            click.echo(json.dumps(verification.to_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo("\n".join(verification.lines()))
        sys.exit(EXIT_OK if verification.holds else EXIT_BLOCKING)
    if not vendor_file:
        raise click.UsageError("give a VENDOR_FILE (or --verify-record FILE)")
    from vendorgate.report.gate import render

    request = gate_service.GateRequest(
        vendor=Path(vendor_file),
        plan=plan,
        data_classes=(
            gate_service.parse_data_classes(data_classes) if data_classes is not None else None
        ),
        org=Path(org_path) if org_path else None,
        rules=rules_paths,
        as_of=_parse_date(as_of, "--as-of"),
    )
    result = gate_service.evaluate(request)
    text = render(result, fmt)
    if record:
        from vendorgate.gate import records

        records.write(result, Path(record))
    click.echo(text, nl=False)
    sys.exit(EXIT_OK if result.passes else EXIT_BLOCKING)


@main.command("test")
@click.argument("rules", nargs=-1, type=click.Path())
@org_option("Organisation profile whose `rules_paths` are tested when no RULES are given.")
@choice_format_option("text", "json")
@as_of_option()
@handle_errors
def rules_test(rules: tuple[str, ...], org_path: str | None, fmt: str, as_of: str | None) -> None:
    """Run the example profiles beside each rule (examples/<rule-id>/{pass,fail,undetermined}/)
    and check each gets the verdict its folder names. Exit 1 on a wrong verdict or a rule
    lacking one of the three kinds of example."""
    from vendorgate.app import ruletest

    result = ruletest.run_tests(rules, org_path, _parse_date(as_of, "--as-of"))
    text = ruletest.render_json(result) if fmt == "json" else ruletest.render_text(result)
    click.echo(text, nl=False)
    sys.exit(EXIT_OK if result.ok else EXIT_BLOCKING)


# Commands for further features are added above this line, one function each; their logic
# lives in service modules, never here.

if __name__ == "__main__":  # pragma: no cover
    main()
