"""``vendorgate watch``: fetch each document's live URL and compare it with the snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands import exits
from vendorgate.commands.outcome import Outcome

KIND = "watch"


@dataclass(frozen=True)
class WatchRequest:
    """What ``watch`` was asked, parsed."""

    paths: tuple[str, ...]
    """Vendor profiles and folders; empty means the organisation's."""
    save_dir: str | None = None
    """``--save DIR``: store each changed page there, never overwriting."""
    timeout: float = 20.0
    """Seconds allowed for each attempt at a page."""
    max_bytes: int = 5_000_000
    """Largest page read."""
    retries: int = 2
    """Further attempts after a connection error, timeout or 5xx."""
    use_cache: bool = True
    """False with ``--no-cache``: fetch in full, ignoring remembered ETags."""
    fmt: str = "text"
    """A format of the registry's ``watch`` kind."""


def execute(request: WatchRequest) -> Outcome:
    from vendorgate.evidence import watch as watching
    from vendorgate.evidence.fetch import Limits
    from vendorgate.report import render_view

    limits = Limits(timeout=request.timeout, max_bytes=request.max_bytes, retries=request.retries)
    result = watching.watch(request.paths, limits, request.save_dir, use_cache=request.use_cache)
    rendered = render_view(KIND, request.fmt, result)
    return Outcome(
        (rendered,), exits.watch(result), notes=tuple(f"warning: {note}" for note in result.notes)
    )
