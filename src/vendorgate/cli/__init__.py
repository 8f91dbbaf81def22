"""The command line: the click group and its commands. The only package that imports click.

Each command parses its options into a plain request of ``vendorgate.commands.<name>``, runs
it, and hands the outcome to :mod:`vendorgate.cli.output`, which writes it and exits:
0 nothing blocking, 1 blocking findings, 2 bad input or invocation. Errors are shown once,
by the group (see :func:`vendorgate.cli.output.errors_shown`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from vendorgate.cli.options import (
    as_of_option,
    color,
    color_option,
    engine_options,
    fail_on_option,
    fail_on_undetermined_option,
    format_option,
    org_option,
    output_option,
    output_targets,
    outputs_option,
    parse_date,
    quiet_option,
    rules_option,
    soft_fail_option,
    threshold,
    width,
)
from vendorgate.cli.output import deliver, errors_shown
from vendorgate.core.version import __version__
from vendorgate.core.vocabulary import SECTORS
from vendorgate.report import view_choices


class _Guarded(click.Group):
    """A group whose commands' errors are shown by the one handler at the edge."""

    def invoke(self, ctx: click.Context) -> Any:
        with errors_shown():
            return super().invoke(ctx)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="vendorgate")
def main() -> None:
    """Check what SaaS vendors do with customer data against your compliance rules.

    Exit codes: 0 nothing blocking, 1 blocking findings, 2 bad input or invocation.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@as_of_option("Date of writing for waiver expiry (YYYY-MM-DD; default: today).")
@output_option
def validate(paths: tuple[str, ...], as_of: str | None, output: str | None) -> None:
    """Validate vendor profiles, rule packs and organisation profiles (any mix of files and
    folders; the organisation's vendors and rules when none are given). A waiver already
    expired on the date of writing is an error."""
    from vendorgate.commands import validate as command

    deliver(command.execute(command.ValidateRequest(paths, parse_date(as_of))), output)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@org_option()
@rules_option
@format_option("check", inferred=True)
@outputs_option
@quiet_option
@soft_fail_option
@color_option
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
    "(in ~/.cache/vendorgate/ or $XDG_CACHE_HOME, or $VENDORGATE_CACHE_DIR).",
)
def check(
    paths: tuple[str, ...],
    org_path: str | None,
    rules_paths: tuple[str, ...],
    fmt: str | None,
    outputs: tuple[str, ...],
    quiet: bool,
    soft_fail: bool,
    color_flag: bool | None,
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
    """Evaluate vendor profiles against the enabled rule packs (PATH `-`: one profile read
    from stdin, its snapshot paths relative to the working directory).

    Every -o output comes from one evaluation; each file is written whole or not at all."""
    from vendorgate.commands import check as command

    if "-" in paths and len(paths) > 1:
        raise click.UsageError("`-` reads one profile from stdin: give it as the only PATH")
    targets = output_targets(outputs, fmt, "text", view_choices("check"), "check")
    to_stdout = any(path == "-" and f == "text" for f, path in targets)
    text_file = any(path != "-" and f == "text" for f, path in targets)
    with _progress_bar("evaluating", quiet) as progress:
        request = command.CheckRequest(
            paths=paths,
            org=org_path,
            rules=rules_paths,
            fmt=targets[0][0],
            threshold=threshold(fail_on),
            as_of=parse_date(as_of),
            fail_on_undetermined=fail_on_undetermined,
            baseline=baseline_path,
            write_baseline=write_baseline,
            root=root,
            verbose=verbose,
            engine=engine,
            engine_options=engine_options(engine, opa_url, opa_token, engine_timeout),
            use_cache=not no_cache,
            # Colour only when the text goes to stdout and into no file (the pieces are shared).
            color=to_stdout and not text_file and color(None, color_flag),
            width=width(140),
            step_summary=os.environ.get("GITHUB_STEP_SUMMARY") or None,
            targets=() if targets == ((targets[0][0], "-"),) else targets,
            progress=progress,
        )
        outcome = command.execute(request)
    deliver(outcome, quiet=quiet, soft_fail=soft_fail)


@main.command()
@click.argument("kind", type=click.Choice(["vendor", "rules", "org", "report"]))
@output_option
def schema(kind: str, output: str | None) -> None:
    """Print the JSON Schema of a file kind (for editors and other tools)."""
    from vendorgate.commands import schema as command

    deliver(command.execute(command.SchemaRequest(kind)), output)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option(
    "--sector",
    "sectors",
    multiple=True,
    type=click.Choice(SECTORS),
    help="A sector of the organisation (repeatable); picks the shipped packs.",
)
@click.option(
    "--jurisdiction",
    "jurisdictions",
    multiple=True,
    metavar="CODE",
    help="A jurisdiction code such as us, us-ca, eu (repeatable).",
)
@click.option("--name", help="The organisation's name (default: the folder's name).")
@output_option
def init(
    folder: str,
    sectors: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    name: str | None,
    output: str | None,
) -> None:
    """Set up FOLDER (default: here) as a vendor repository: vendorgate.yaml, vendors/,
    snapshots/, the schemas, a .gitignore, a GitHub workflow and a pre-commit configuration.
    Never overwrites a file."""
    from vendorgate.commands import init as command

    request = command.InitRequest(folder, sectors, jurisdictions, name)
    deliver(command.execute(request), output)


@main.group()
def evidence() -> None:
    """Check the quotes behind facts: verify them, and compare document versions."""


@evidence.command("verify")
@click.argument("paths", nargs=-1, type=click.Path())
@format_option("evidence-verify")
@click.option("--strict", is_flag=True, help="Exit 1 unless every piece of evidence is verified.")
@output_option
def evidence_verify(paths: tuple[str, ...], fmt: str, strict: bool, output: str | None) -> None:
    """Check every quote against its pinned snapshot (the organisation's vendors when no PATHS):
    verified, unsupported (with the closest passage), stale, unverified or missing-document."""
    from vendorgate.commands import evidence_verify as command

    deliver(command.execute(command.EvidenceVerifyRequest(paths, fmt, strict)), output)


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
@format_option("evidence-diff")
@output_option
def evidence_diff(
    old: str, new: str, vendor_paths: tuple[str, ...], fmt: str, output: str | None
) -> None:
    """Compare two versions of a document section by section, and name the facts whose quotes
    changed or vanished. Exit 1 when a quoted passage vanished."""
    from vendorgate.commands import evidence_diff as command

    deliver(command.execute(command.EvidenceDiffRequest(old, new, vendor_paths, fmt)), output)


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
@format_option("watch")
@output_option
def watch(
    paths: tuple[str, ...],
    save_dir: str | None,
    timeout: float,
    max_bytes: int,
    retries: int,
    no_cache: bool,
    fmt: str,
    output: str | None,
) -> None:
    """Fetch each document's live URL and compare it with the pinned snapshot: unchanged,
    changed (with each cited quote still present or gone) or unreachable. Exit 0 when all
    are unchanged, 1 otherwise. Profiles are never edited."""
    from vendorgate.commands import watch as command

    request = command.WatchRequest(
        paths, save_dir, timeout, max_bytes, retries, use_cache=not no_cache, fmt=fmt
    )
    deliver(command.execute(request), output)


PROGRESS_AFTER = "VENDORGATE_PROGRESS_AFTER"
"""Seconds a run lasts before its progress bar shows (default 1): short runs show none."""


@contextlib.contextmanager
def _progress_bar(
    label: str, quiet: bool = False
) -> Iterator[Callable[[int, int, str], None] | None]:
    """A rich progress bar on stderr for a run that lasts, when stderr is a terminal (and not
    ``--quiet``); otherwise no callback at all, so pipes, CI logs and files never receive
    control characters."""
    if quiet or sys.stderr is None or not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    try:
        after = float(os.environ.get(PROGRESS_AFTER, "1"))
    except ValueError:
        after = 1.0
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    bar = Progress(*columns, console=Console(stderr=True), transient=True)
    task = bar.add_task(label, total=None)
    started = time.monotonic()
    shown = False

    def update(done: int, total: int, current: str) -> None:
        nonlocal shown
        if not shown:
            if time.monotonic() - started < after:
                return  # a short run finishes before a bar would help
            bar.start()
            shown = True
        described = f"{label} {current}" if current else label
        bar.update(task, completed=done, total=total, description=described)

    try:
        yield update
    finally:
        if shown:
            bar.stop()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@org_option()
@rules_option
@format_option("report", default="html", inferred=True)
@outputs_option
@quiet_option
@soft_fail_option
@fail_on_option
@as_of_option()
@click.option(
    "--previous",
    type=click.Path(dir_okay=False),
    help="An earlier `report --format json` file: the HTML summary says what changed since.",
)
def report(
    paths: tuple[str, ...],
    org_path: str | None,
    rules_paths: tuple[str, ...],
    fmt: str | None,
    outputs: tuple[str, ...],
    quiet: bool,
    soft_fail: bool,
    fail_on: str | None,
    as_of: str | None,
    previous: str | None,
) -> None:
    """Write the compliance officer's report (HTML, Markdown, OSCAL or JSON): decisions,
    findings with both citations, waivers and evidence status. Exit codes as for `check`.

    -o DIR/ (or an existing folder) writes the HTML report as a static site; several -o
    outputs come from one evaluation, each file whole or not at all.

    SOURCE_DATE_EPOCH (seconds since 1970, UTC), when set, is the instant of the evaluation
    that OSCAL's timestamps give, and the evaluation day when --as-of is not given."""
    from vendorgate.commands import report as command

    today, fail = parse_date(as_of), threshold(fail_on)
    targets = output_targets(outputs, fmt, "html", view_choices("report"), "report")
    # `-o DIR/` (or an existing folder): the HTML report as a static site.
    folder = len(outputs) == 1 and _is_folder(targets[0][1])
    if any(_is_folder(path) for _, path in targets) and not folder:
        raise click.UsageError("a site folder (-o DIR/) is the only output of its report")
    with _progress_bar("evaluating", quiet) as progress:
        request = command.ReportRequest(
            targets[0][0],
            paths,
            org_path,
            rules_paths,
            today,
            fail,
            progress,
            previous,
            folder,
            os.environ.get("SOURCE_DATE_EPOCH"),
            targets=() if folder or not outputs else targets,
        )
        outcome = command.execute(request)
    deliver(outcome, targets[0][1] if folder else None, quiet=quiet, soft_fail=soft_fail)


def _is_folder(path: str) -> bool:
    return path != "-" and (path.endswith(("/", os.sep)) or os.path.isdir(path))


@main.command()
@click.argument("vendor")
@click.argument("rule")
@click.option("--plan", help="Use this plan's facts (default: the plan the organisation uses).")
@org_option()
@rules_option
@as_of_option()
@format_option("explain")
@output_option
def explain(
    vendor: str,
    rule: str,
    plan: str | None,
    org_path: str | None,
    rules_paths: tuple[str, ...],
    as_of: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """Explain one evaluation: why RULE applies to VENDOR (an id or a profile path), each test
    with the vendor's value and quotes, how all/any/not combined, waivers, and the verdict.
    Exit 1 when the finding blocks."""
    from vendorgate.commands import explain as command

    request = command.ExplainRequest(
        vendor, rule, plan, org_path, rules_paths, parse_date(as_of), fmt
    )
    deliver(command.execute(request), output)


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@org_option(
    "Organisation profile, read inside each side (default: the nearest vendorgate.yaml "
    "or org.yaml)."
)
@format_option("diff")
@output_option
@fail_on_option
@fail_on_undetermined_option
@as_of_option("Evaluate both sides as of DATE.")
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
    from vendorgate.commands import diff as command

    request = command.DiffRequest(
        base,
        head,
        org_path,
        fmt,
        threshold(fail_on),
        fail_on_undetermined,
        parse_date(as_of),
    )
    deliver(command.execute(request), output)


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
def bundle(output: str, org_path: str | None, rules_paths: tuple[str, ...]) -> None:
    """Build an OPA bundle: every enabled rule compiled to Rego, the organisation profile as
    data, and data.vendorgate.decision (see docs/opa.md). Same inputs, same bytes."""
    from vendorgate.commands import bundle as command

    # -o names the bundle itself; the line saying what was written goes to stdout.
    deliver(command.execute(command.BundleRequest(output, org_path, rules_paths)))


@main.command("new")
@click.argument("vendor_id")
@click.argument("documents", nargs=-1, required=True)
@click.option(
    "--type",
    "types",
    multiple=True,
    help="Document type, once per DOCUMENT in order (default: from its title or file name).",
)
@click.option(
    "--url",
    "urls",
    multiple=True,
    help="Where the vendor publishes each file DOCUMENT, once per DOCUMENT in order.",
)
@click.option("--name", default="", help="Display name (default: VENDOR_ID).")
@click.option("--category", default="other", show_default=True, help="Vendor category.")
@click.option("--lineage", default="", help="Lineage (default: VENDOR_ID without a date).")
@click.option(
    "--from",
    "from_profile",
    type=click.Path(),
    help="A reviewed profile whose facts are carried over where their quotes still verify.",
)
@click.option(
    "--vendors-dir",
    type=click.Path(file_okay=False),
    help="Where to write the profile (default: the organisation's first vendors path).",
)
@as_of_option("Date of retrieval (YYYY-MM-DD; default: today).")
@output_option
def new(
    vendor_id: str,
    documents: tuple[str, ...],
    types: tuple[str, ...],
    urls: tuple[str, ...],
    name: str,
    category: str,
    lineage: str,
    from_profile: str | None,
    vendors_dir: str | None,
    as_of: str | None,
    output: str | None,
) -> None:
    """Write a first vendor profile from the vendor's documents (files or URLs): snapshots
    copied and pinned, every fact present, scanner suggestions marked for review. Never
    overwrites a file."""
    from vendorgate.commands import new as command

    request = command.NewRequest(
        vendor_id,
        documents,
        types,
        urls,
        name,
        category,
        lineage,
        from_profile,
        vendors_dir,
        parse_date(as_of),
        output=output,
    )
    deliver(command.execute(request), output)


@main.command()
@click.argument("profile", type=click.Path())
@click.option(
    "--accept",
    "accept",
    multiple=True,
    metavar="FACT[,FACT...]",
    help="Remove `unreviewed: true` from these facts (PLAN:FACT for a plan's override), "
    "after checking them: all or nothing, and only when every quote of each verifies. "
    "Each fact is named; patterns are refused.",
)
@format_option("review")
@output_option
def review(profile: str, accept: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Show the facts of a vendor profile marked `unreviewed: true` (scanner suggestions), each
    quote with its status and the snapshot's paragraph around it. Exit 1 while any is marked.
    With --accept, remove the marks of the facts named, every other byte of the file kept."""
    from vendorgate.commands import review as command
    from vendorgate.core.output import refuse_output_over

    refuse_output_over(output, [profile])
    names = tuple(name for given in accept for name in given.split(","))
    deliver(command.execute(command.ReviewRequest(profile, names, fmt, width(100))), output)


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
@format_option("scan", "scan-comparison")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=0.5,
    show_default=True,
    help="Leave out passages the scanner is less sure of.",
)
@output_option
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
    from vendorgate.commands import scan as command
    from vendorgate.core.output import refuse_output_over

    refuse_output_over(output, [document, *(compare or ()), vendor_path])
    request = command.ScanRequest(
        document, compare or None, vendor_path, fmt, min_confidence, width(100)
    )
    deliver(command.execute(request), output)


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
@format_option("gate", "gate-record-verification")
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
@output_option
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
    output: str | None,
) -> None:
    """Pre-procurement gate: may we buy VENDOR_FILE, on which plan, on what conditions?

    Prints the decision, the blocking findings with both citations, the questions to ask the
    vendor and the contract conditions to demand. Exit 0 approved or approved with conditions
    (with --plan all: some plan passes), 1 needs review or rejected, 2 bad input.
    """
    from vendorgate.commands import gate as command

    request = command.GateCommandRequest(
        vendor_file,
        plan,
        data_classes,
        org_path,
        rules_paths,
        parse_date(as_of),
        fmt,
        record,
        verify_record,
    )
    deliver(command.execute(request), output)


@main.command("test")
@click.argument("rules", nargs=-1, type=click.Path())
@org_option("Organisation profile whose `rules_paths` are tested when no RULES are given.")
@format_option("test")
@as_of_option()
@output_option
def rules_test(
    rules: tuple[str, ...], org_path: str | None, fmt: str, as_of: str | None, output: str | None
) -> None:
    """Run the example profiles beside each rule (examples/<rule-id>/{pass,fail,undetermined}/)
    and check each gets the verdict its folder names. Exit 1 on a wrong verdict or a rule
    lacking one of the three kinds of example."""
    from vendorgate.commands import test as command

    request = command.TestRequest(rules, org_path, fmt, parse_date(as_of))
    deliver(command.execute(request), output)


# A further command is one function here that builds its request, and one module under
# vendorgate.commands; its logic lives in the services, never here.

if __name__ == "__main__":  # pragma: no cover
    main()
