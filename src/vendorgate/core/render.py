"""What the streamed check pipeline and the renderers share: how output is shaped
(:class:`RenderOptions`) and one vendor's rendered part of a report (:class:`Piece`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RenderOptions:
    """How the caller wants output shaped; formats ignore what does not apply to them."""

    color: bool = False
    """ANSI colour (text format on a terminal, unless NO_COLOR is set)."""
    width: int = 100
    """Terminal width for the text format."""
    root: str = "."
    """Repository root; file URIs in SARIF and annotations are relative to it."""
    base: str = "."
    """The folder the relative paths in findings are relative to (the project root, where the
    organisation profile lives); with ``root`` it turns them into repository paths."""
    verbose: bool = False
    """Also show passing and not-applicable findings in detail."""
    epoch: int | None = None
    """``SOURCE_DATE_EPOCH``: the instant of the evaluation (seconds since 1970, UTC) that
    OSCAL's timestamps give; None: the start of the evaluation day."""


@dataclass(frozen=True)
class Piece:
    """One vendor's part of a report, and what the report's totals need from it."""

    vendor: str
    """Vendor id (reports list vendors by id)."""
    decision: str
    """The vendor's decision."""
    verdicts: Mapping[str, int]
    """Number of findings per verdict."""
    blocking: int
    """Number of blocking findings."""
    extras: tuple[tuple[str, dict[str, Any]], ...]
    """SARIF: rule id and descriptor of each result, in order, whose rule no pack describes."""
    text: bytes
    """The rendered part (UTF-8), indented; SARIF results are joined by commas; OSCAL's lists
    are each deflated (``formats/oscal.py``); may be empty."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    """What the format's frame needs from this vendor besides the totals above (JSON-ready and
    small: sort keys, a table row, the keys of its annotations), so that a report's overview is
    put together without keeping any vendor's whole result."""
