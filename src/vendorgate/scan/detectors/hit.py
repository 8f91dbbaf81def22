"""What a detector returns, and what a detector module provides.

Apart from the registry in ``__init__`` so that detector modules can import these without
importing the package that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from vendorgate.scan.document import Sentence

HitValue = str | int | tuple[str, ...] | None


@dataclass(frozen=True)
class Hit:
    """One fact a sentence bears on."""

    fact: str
    """Vocabulary name."""
    value: HitValue
    """The suggested value; None for sub-processor passages (a list a person writes)."""
    confidence: float
    """0..1: how sure the rule is that the sentence bears on the fact with this value."""
    focus: tuple[int, int] | None = None
    """Folded ``[start, end)`` inside the sentence of the decisive words, for trimming."""
    strength: int = 1
    """2 for an explicit statement of the practice, 1 for a general one (a purpose list)."""
    override: bool = False
    """The sentence overrides what comes before it (``Notwithstanding the above, ...``)."""
    cue: str = ""
    narrower: bool = False
    """An ``undisclosed`` left by a denial that covers less than the whole practice (one plan,
    one kind of recipient or data, advertisers kept from the data): it agrees with a plain
    denial elsewhere instead of outvoting it. Set with :func:`~.cues.narrowed` where such a
    denial is found, never read from the cue's words."""


class Detector(Protocol):
    """A detector module: its id, the facts it suggests values for, and its rule."""

    ID: str
    """Short name, the module's own name."""
    FACTS: tuple[str, ...]
    """Vocabulary names of the facts its hits bear on."""

    def detect(self, s: Sentence) -> list[Hit]:
        """Every hit the rule finds in one sentence (most sentences: none)."""
        ...
