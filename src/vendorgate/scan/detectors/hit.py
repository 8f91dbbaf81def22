"""What a detector returns, and what a detector module provides.

Apart from the registry in ``__init__`` so that detector modules can import these without
importing the package that imports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
    holds_open: bool = False
    """An ``undisclosed`` that holds open the number stated for the same deadline earlier in
    its paragraph ("We will notify you within 72 hours. We are not responsible for delays in
    notification."): the fact keeps no number, whatever the number's passage says. Set by the
    follow-up that reads it, which knows both stand in one paragraph."""


@dataclass(frozen=True)
class Trigger:
    """Pieces of text of which every sentence a detector finds something in holds at least one.

    Most sentences of a document bear on no fact a given detector reads, yet its rule runs a
    dozen regular expressions or more on each before it says so. Looking for a piece of text is
    some twenty times cheaper than one of those searches, so the registry asks the trigger first
    and runs the rule only on the sentences it admits.

    A trigger must never turn away a sentence its rule would find something in: each piece is
    text that one of the rule's cues cannot match without ("crypt" for "encrypted",
    "decryption" and "cryptographic"), and every way the rule has of returning a hit needs one
    of those cues. Plain text keeps that easy to check against the rule, and it survives what
    rules do to a sentence before they match it: blanking words with ``#`` or cutting it into
    clauses never makes a piece appear that the sentence lacks. A piece may match more than the
    cue does ("rent" in "current"): that only costs the time of running the rule.

    So a cue added to a rule needs its piece here, unless one already stands for it: a sentence
    with the new cue and none of the pieces is never read. ``tests/unit/scan/test_triggers.py``
    runs every rule on every sentence of the tune snapshots to catch a piece left out.
    """

    words: str
    """The pieces, in lower case, separated by ``|``, looked for in the sentence's folded text
    (``Sentence.low``): ``"crypt|aes"``. Plain text, not a pattern: spaces count (``"new "``)."""
    pattern: re.Pattern[str] | None = None
    """Or a pattern the rule itself searches the sentence with, for a cue no short piece of text
    singles out ("may use", "will store", a lead-in ending in a colon)."""
    context: str = ""
    """Or pieces, as ``words``, looked for in the text the sentence's unit hangs from
    (``Unit.lead``) and in its bold lead-in (``Unit.local``), for rules that read those."""
    kinds: frozenset[str] = frozenset()
    """Units of these kinds are always read (a table row, whose cells a rule reads by their
    column's header)."""
    _words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _context: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_words", tuple(w for w in self.words.split("|") if w))
        object.__setattr__(self, "_context", tuple(w for w in self.context.split("|") if w))

    def admits(self, s: Sentence) -> bool:
        """Whether the rule may find something in ``s``."""
        if s.unit.kind in self.kinds:
            return True
        low = s.low
        for word in self._words:
            if word in low:
                return True
        if self.pattern is not None and self.pattern.search(low) is not None:
            return True
        if self._context:
            lead, local = s.unit.lead, s.unit.local
            for word in self._context:
                if word in lead or word in local:
                    return True
        return False

    def names(self, text: str) -> bool:
        """Whether ``text`` (folded, lower case) holds one of the pieces or the pattern: words
        that may name the practice the rule reads, read in part of a sentence (a disclaimer
        beside a denial). The context and the kinds of unit do not count."""
        return any(word in text for word in self._words) or bool(
            self.pattern is not None and self.pattern.search(text)
        )


class Detector(Protocol):
    """A detector module: its id, the facts it suggests values for, and its rule."""

    ID: str
    """Short name, the module's own name."""
    FACTS: tuple[str, ...]
    """Vocabulary names of the facts its hits bear on."""
    TRIGGER: Trigger
    """The sentences the rule may find something in (see :class:`Trigger`)."""

    def detect(self, s: Sentence) -> list[Hit]:
        """Every hit the rule finds in one sentence (most sentences: none)."""
        ...
