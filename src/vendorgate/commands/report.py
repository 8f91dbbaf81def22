"""``vendorgate report``: load, evaluate (reporting progress), render.

``build_report`` is kept apart from the command so the library can write reports too, and from
the formats so they stay pure functions of a CheckResult.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from vendorgate.app import pipeline, run
from vendorgate.app.context import build_context, select_versions
from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome, Target
from vendorgate.core.errors import UsageError
from vendorgate.core.model import CheckResult, Severity
from vendorgate.report import RenderOptions, choices, fragments, render
from vendorgate.report import previous as previous_report
from vendorgate.report.formats import html as html_format
from vendorgate.report.formats import markdown as markdown_format
from vendorgate.report.formats.html_summary import Previous

COMMAND = "report"


@dataclass(frozen=True)
class Report:
    """A rendered report and whether what it shows blocks."""

    parts: Iterable[bytes]
    """The document in the chosen format (UTF-8), part after part; read once."""
    blocking: bool
    """Whether any finding blocks (exit code 1)."""
    site: Iterable[tuple[str, bytes]] | None = None
    """``-o DIR/``: the report as a static site's files (relative path, bytes), read once."""
    notes: tuple[str, ...] = ()
    """What the reader must know about the run (versions chosen by ``--as-of``, documents not
    yet in force on the day), shown on standard error as by every command."""

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
    *,
    fail_on_undetermined: bool = False,
    plan: str | None = None,
    data_classes: tuple[str, ...] | None = None,
    previous: str | Path | None = None,
    site: bool = False,
) -> Report:
    """Evaluate like ``check`` and render the result as ``fmt`` (html, markdown, oscal, json).
    ``today`` (``--as-of``) is the evaluation date and picks the profile versions in force then.

    ``progress(done, total, vendor_id)`` is called as vendors are evaluated. ``previous``
    (``--previous``): an earlier JSON report the HTML summary says what changed since.
    ``site`` (``-o DIR/``): the HTML report as a static site (``Report.site``)."""
    if fmt not in choices(COMMAND):
        known = ", ".join(choices(COMMAND))
        raise UsageError(f"unknown report format `{fmt}`; choose one of {known}")
    if previous is not None and fmt != "html":
        raise UsageError("--previous compares in the HTML report only; add --format html")
    before = previous_report.load(previous) if previous is not None else None
    renderer: pipeline.PieceRenderer = fragments.ToFile(before)
    if site:
        if fmt != "html":
            raise UsageError("-o DIR/ writes the HTML report as a site; add --format html")
        renderer = fragments.Site(before)
    if fmt in fragments.FORMATS and plan is None and data_classes is None:
        streamed = pipeline.check(
            vendor_paths,
            org_path,
            rules_paths,
            fmt,
            RenderOptions(),
            renderer,
            today=today,
            threshold=fail_on,
            fail_on_undetermined=fail_on_undetermined,
            versions_on=today,
            progress=progress,
        )
        if streamed is not None:  # None: Rego rules, evaluated for all vendors at once
            if isinstance(renderer, fragments.Site):
                list(streamed.parts)  # assembles the site
                return Report((), streamed.blocking, renderer.files, streamed.notes)
            return Report(streamed.parts, streamed.blocking, notes=streamed.notes)
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
    built = _render_whole(fmt, result, before, site)
    return replace(built, notes=result.notes)


def _render_whole(fmt: str, result: CheckResult, before: Previous | None, site: bool) -> Report:
    if site:
        pieces = [html_format.piece_of(vr, result.org) for vr in result.results]
        files = html_format.site(
            pieces, result.org, result.evaluated_on, result.packs, RenderOptions(), before
        )
        return Report((), run.has_blocking(result), files)
    if before is not None:
        page = html_format.render(result, RenderOptions(), before)
        return Report([page.encode("utf-8")], run.has_blocking(result))
    if fmt == "markdown":  # complete: only check's pull-request comment has a budget
        whole = markdown_format.render_document(result, RenderOptions())
        return Report([whole.encode("utf-8")], run.has_blocking(result))
    return Report([render(fmt, result, RenderOptions()).encode("utf-8")], run.has_blocking(result))


def build_reports(
    formats: Sequence[str],
    vendor_paths: Sequence[str | Path] = (),
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    today: date | None = None,
    fail_on: Severity | None = None,
    progress: run.Progress | None = None,
    *,
    previous: str | Path | None = None,
) -> tuple[list[Iterable[bytes]], bool, tuple[str, ...]]:
    """:func:`build_report` in several formats from one evaluation (``report -o r.html -o
    r.json``): each document in parts, in the order of ``formats``, whether any blocks, and
    the run's notes."""
    for fmt in formats:
        if fmt not in choices(COMMAND):
            known = ", ".join(choices(COMMAND))
            raise UsageError(f"unknown report format `{fmt}`; choose one of {known}")
    if previous is not None and "html" not in formats:
        raise UsageError("--previous compares in the HTML report only; add an HTML output")
    before = previous_report.load(previous) if previous is not None else None
    if all(fmt in fragments.FORMATS for fmt in formats):
        streamed = pipeline.check_formats(
            pipeline.Request(
                vendor_paths,
                org_path,
                rules_paths,
                tuple(formats),
                RenderOptions(),
                fragments.ToFile(before),
                today=today,
                threshold=fail_on,
                versions_on=today,
                progress=progress,
            )
        )
        if streamed is not None:  # None: Rego rules, evaluated for all vendors at once
            return list(streamed.reports), streamed.blocking, streamed.notes
    ctx = build_context(org_path, rules_paths, as_of=today, fail_on=fail_on)
    inputs = run.gather(vendor_paths, context=ctx)
    ctx, vendors = select_versions(ctx, inputs.vendors)
    result = run.evaluate(replace(inputs, vendors=vendors), progress=progress, context=ctx)
    documents: list[Iterable[bytes]] = [[_whole(fmt, result, before)] for fmt in formats]
    return documents, run.has_blocking(result), result.notes


def _whole(fmt: str, result: CheckResult, before: Previous | None) -> bytes:
    """One document of a result evaluated as a whole, as :func:`build_report` renders it."""
    if fmt == "html" and before is not None:
        return html_format.render(result, RenderOptions(), before).encode("utf-8")
    if fmt == "markdown":  # complete: only check's pull-request comment has a budget
        return markdown_format.render_document(result, RenderOptions()).encode("utf-8")
    return render(fmt, result, RenderOptions()).encode("utf-8")


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
    previous: str | None = None
    """``--previous``: an earlier JSON report to say what changed since."""
    site: bool = False
    """``-o DIR/``: write the HTML report as a static site in that folder."""
    targets: tuple[tuple[str, str], ...] = ()
    """``-o``: the format and path of each output (``-`` is stdout), all from one evaluation;
    empty: ``fmt`` to stdout (or to the site)."""


def execute(request: ReportRequest) -> Outcome:
    if request.targets and not request.site:
        documents, blocking, notes = build_reports(
            [fmt for fmt, _ in request.targets],
            request.paths,
            request.org,
            request.rules,
            request.as_of,
            request.threshold,
            request.progress,
            previous=request.previous,
        )
        targets = tuple(
            Target(path, parts) for (_, path), parts in zip(request.targets, documents, strict=True)
        )
        return Outcome((), exits.streamed(blocking), notes=notes, targets=targets)
    built = build_report(
        request.fmt,
        request.paths,
        request.org,
        request.rules,
        request.as_of,
        request.threshold,
        request.progress,
        previous=request.previous,
        site=request.site,
    )
    return Outcome(built.parts, exits.streamed(built.blocking), site=built.site, notes=built.notes)
