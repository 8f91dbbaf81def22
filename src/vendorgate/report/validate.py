"""Writing ``vendorgate validate`` results: a one-line summary of the files found valid."""

from __future__ import annotations

from collections.abc import Sequence

from vendorgate.core.render import RenderOptions

_KINDS = ("vendor", "rules", "org")


def to_text(kinds: Sequence[str], options: RenderOptions) -> str:
    """``ok: N file(s) valid (...)``, counting each kind of file read."""
    counts = {kind: kinds.count(kind) for kind in _KINDS if kind in kinds}
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    return f"ok: {len(kinds)} file(s) valid ({summary})\n"
