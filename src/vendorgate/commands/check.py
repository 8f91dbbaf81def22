"""``vendorgate check``: evaluate vendor profiles against the enabled rule packs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendorgate.commands import exits
from vendorgate.commands.outcome import Extra, Outcome
from vendorgate.core.render import RenderOptions

if TYPE_CHECKING:
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


def execute(request: CheckRequest) -> Outcome:
    from vendorgate.app import run as service
    from vendorgate.ci import baseline
    from vendorgate.report import render

    accepted = baseline.load(request.baseline) if request.baseline else None
    cache = _cache(request.org) if request.use_cache else None
    if streams(request):
        streamed = _check_in_pieces(request, cache, accepted)
        if streamed is not None:
            return streamed
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
    if request.fmt == "github" and request.step_summary:
        summary = render("markdown", result, options)
        extras.append(Extra(request.step_summary, summary, append=True))
    text = render(request.fmt, result, options)
    return Outcome((text,), exits.check(result), tuple(extras), notes)


def streams(request: CheckRequest) -> bool:
    """Whether the request goes through the pipeline that evaluates a vendor at a time: every
    format, ``--as-of`` and ``--baseline`` do; ``--write-baseline`` and the Rego and OPA
    engines take the general path. (The pipeline may still decline, for Rego-written rules.)"""
    from vendorgate.report import fragments

    native = request.engine == "native" and request.engine_options is None
    return native and not request.write_baseline and request.fmt in fragments.FORMATS


def _check_in_pieces(
    request: CheckRequest, cache: Cache | None, accepted: Baseline | None
) -> Outcome | None:
    """The report in parts from the pipeline, or None when the general path must do it."""
    from vendorgate.app import pipeline
    from vendorgate.report import fragments

    options = render_options(request)
    accepting = fragments.Accepting(accepted) if accepted else None

    def streamed(fmt: str) -> pipeline.Output | None:
        return pipeline.check(
            request.paths,
            request.org,
            request.rules,
            fmt,
            options,
            fragments,
            today=request.as_of,
            threshold=request.threshold,
            fail_on_undetermined=request.fail_on_undetermined,
            cache=cache,
            versions_on=request.as_of,
            accepted=accepting,
        )

    result = streamed(request.fmt)
    if result is None:
        return None
    notes = result.notes
    if accepting:
        notes += (fragments.accepted_summary(accepting, result.pieces),)
    extras: tuple[Extra, ...] = ()
    if request.fmt == "github" and request.step_summary:
        # A second pass renders the job summary's Markdown (parsed profiles come from the cache).
        summary = streamed("markdown")
        assert summary is not None  # the first pass did not need Rego, nor does this one
        extras = (Extra(request.step_summary, b"".join(summary.parts), append=True),)
    return Outcome(result.parts, exits.streamed(result.blocking), extras, notes)


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
