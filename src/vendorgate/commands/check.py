"""``vendorgate check``: evaluate vendor profiles against the enabled rule packs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendorgate.commands import exits
from vendorgate.commands.outcome import Extra, Outcome, Target
from vendorgate.core.render import RenderOptions

if TYPE_CHECKING:
    from vendorgate.app.run import Progress
    from vendorgate.cache.store import Cache
    from vendorgate.ci.baseline import Baseline
    from vendorgate.core.model import Severity

KIND = "check"


@dataclass(frozen=True)
class CheckRequest:
    """What ``check`` was asked, parsed."""

    paths: tuple[str, ...]
    """Vendor profiles and folders; empty means the organisation's."""
    org: str | None
    """``--org``; None finds the nearest organisation profile."""
    rules: tuple[str, ...]
    """``--rules``; empty means the organisation's."""
    fmt: str
    """A format of the registry's ``check`` kind."""
    threshold: Severity | None = None
    """``--fail-on``; None keeps the organisation's threshold."""
    as_of: date | None = None
    """``--as-of``: evaluation date, and only the vendor versions in force then."""
    fail_on_undetermined: bool = False
    """Undetermined findings at or above the threshold block."""
    baseline: str | None = None
    """``--baseline FILE``: findings recorded there do not block."""
    write_baseline: str | None = None
    """``--write-baseline FILE``: record the current findings there."""
    root: str | None = None
    """``--root``: repository root that SARIF and annotation paths are relative to."""
    verbose: bool = False
    """Show passing findings in detail too."""
    engine: str = "native"
    """Who evaluates: native, rego or opa."""
    engine_options: Any = None
    """``vendorgate.rego.adapter.EngineOptions`` for rego and opa; None for native."""
    use_cache: bool = True
    """False with ``--no-cache``."""
    color: bool = False
    """ANSI colour in the text format."""
    width: int = 140
    """Width of the text format."""
    step_summary: str | None = None
    """``$GITHUB_STEP_SUMMARY``: with the github format, a Markdown summary is appended."""
    targets: tuple[tuple[str, str], ...] = ()
    """``-o``: the format and path of each output (``-`` is stdout), all from one evaluation;
    empty: ``fmt`` to stdout."""
    progress: Progress | None = None
    """Told of each vendor evaluated (a progress bar on a terminal)."""

    def formats(self) -> tuple[str, ...]:
        """The format of each output, in order."""
        return tuple(fmt for fmt, _ in self.targets) or (self.fmt,)


def execute(request: CheckRequest) -> Outcome:
    """Evaluate once and render every output asked for from that one evaluation."""
    from vendorgate.app import run as service
    from vendorgate.ci import baseline
    from vendorgate.report import render

    accepted = baseline.load(request.baseline) if request.baseline else None
    cache = _cache(request.org) if request.use_cache else None
    formats = request.formats()
    summary = "github" in formats and request.step_summary is not None
    # The job summary's Markdown is one more output of the same evaluation.
    wanted = (*formats, "markdown") if summary else formats
    if streams(request):
        streamed = _check_in_pieces(request, wanted, cache, accepted)
        if streamed is not None:
            return _outcome(request, *streamed, summary)
    # With --as-of, only the version of each vendor lineage in force on that date is evaluated.
    result = service.check(
        request.paths,
        request.org,
        request.rules,
        request.as_of,
        request.threshold,
        fail_on_undetermined=request.fail_on_undetermined,
        versions_on=request.as_of,
        engine_options=request.engine_options,
        cache=cache,
    )
    extras: list[Extra] = []
    notes = result.notes
    if request.write_baseline:
        extras.append(Extra(request.write_baseline, baseline.record(result)))
    if accepted is not None:
        result = baseline.apply(result, accepted)
        notes += (baseline.summary(result, accepted),)
    options = render_options(request)
    reports: list[Iterable[str | bytes]] = [
        (render(fmt, result, _options(fmt, options)),) for fmt in wanted
    ]
    outcome = _outcome(request, reports, exits.check(result), notes, summary)
    return replace(outcome, extras=(*extras, *outcome.extras))


def _outcome(
    request: CheckRequest,
    reports: Sequence[Iterable[str | bytes]],
    exit_code: int,
    notes: tuple[str, ...],
    summary: bool,
) -> Outcome:
    """The reports as the outputs asked for; the last one is the job summary with ``summary``."""
    extras: tuple[Extra, ...] = ()
    if summary:
        assert request.step_summary is not None
        last = b"".join(_bytes(part) for part in reports[-1])
        extras = (Extra(request.step_summary, last, append=True),)
        reports = reports[:-1]
    if not request.targets:
        return Outcome(reports[0], exit_code, extras, notes)
    targets = tuple(
        Target(path, parts) for (_, path), parts in zip(request.targets, reports, strict=True)
    )
    return Outcome((), exit_code, extras, notes, targets=targets)


def _options(fmt: str, options: RenderOptions) -> RenderOptions:
    # Colour is for the text format on a terminal only.
    return options if fmt == "text" else replace(options, color=False)


def _bytes(part: str | bytes) -> bytes:
    return part.encode("utf-8") if isinstance(part, str) else part


def streams(request: CheckRequest) -> bool:
    """Whether the request goes through the pipeline that evaluates a vendor at a time: every
    format, ``--as-of`` and ``--baseline`` do; ``--write-baseline`` and the Rego and OPA
    engines take the general path. (The pipeline may still decline, for Rego-written rules.)"""
    from vendorgate.report import fragments

    native = request.engine == "native" and request.engine_options is None
    return (
        native
        and not request.write_baseline
        and all(fmt in fragments.FORMATS for fmt in request.formats())
    )


def _check_in_pieces(
    request: CheckRequest,
    formats: tuple[str, ...],
    cache: Cache | None,
    accepted: Baseline | None,
) -> tuple[tuple[Iterable[bytes], ...], int, tuple[str, ...]] | None:
    """The reports in parts from the pipeline, one per format, their exit code and notes; None
    when the general path must do it."""
    from vendorgate.app import pipeline
    from vendorgate.report import fragments

    accepting = fragments.Accepting(accepted) if accepted else None
    result = pipeline.check_formats(
        pipeline.Request(
            request.paths,
            request.org,
            request.rules,
            formats,
            render_options(request),
            fragments,
            today=request.as_of,
            threshold=request.threshold,
            fail_on_undetermined=request.fail_on_undetermined,
            cache=cache,
            versions_on=request.as_of,
            accepted=accepting,
            progress=request.progress,
        )
    )
    if result is None:
        return None
    pieces = result.pieces[0]
    notes = result.notes
    if accepting:
        notes += (fragments.accepted_summary(accepting, pieces),)
    return result.reports, exits.streamed(result.blocking), notes


def render_options(request: CheckRequest) -> RenderOptions:
    """How ``check`` renders: paths relative to the repository, colour and width as asked."""
    from vendorgate.report.paths import locate

    repository, project = locate(request.org, request.root)
    return RenderOptions(
        color=request.color,
        width=request.width,
        verbose=request.verbose,
        root=repository,
        base=project,
    )


def _cache(org_path: str | None) -> Cache:
    """The cache ``check`` uses: the user's folder for this project (outside the work tree),
    or $VENDORGATE_CACHE_DIR; either way only entries this user's key signed are read."""
    from vendorgate.cache import store
    from vendorgate.load import workspace

    org = Path(org_path) if org_path else workspace.find_org()
    return store.Cache(store.folder_for(org.resolve().parent if org else None))
