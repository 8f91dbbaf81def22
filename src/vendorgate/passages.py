"""Finding quotes in a document, section by section, and the passage closest to a lost quote.

Both the quote and the document go through :func:`vendorgate.evidence.normalise` first, so a
quote matches when it is verbatim up to whitespace, Markdown emphasis and typographic quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from vendorgate.evidence import normalise
from vendorgate.sections import Section, split_sections

_MIN_SIMILARITY = 0.4
"""Below this the "closest passage" would be unrelated text; none is shown."""


@dataclass(frozen=True)
class Passage:
    """The stretch of a document most similar to a quote that is not in it."""

    text: str
    """The passage, normalised (whitespace collapsed, emphasis removed)."""
    section: Section | None
    """The section it lies in."""
    similarity: float
    """0 to 1: how much of the quote's wording it shares, in order."""

    @property
    def where(self) -> str:
        """``section 10.4 Customer License Grant (line 69)``, for messages."""
        if self.section is None:
            return "the document"
        if not self.section.number and not self.section.heading:
            return f"the preamble (line {self.section.line})"
        return f"section {self.section.label} (line {self.section.line})"


class IndexedText:
    """A document split into sections, each normalised once for quote searches."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def sections(self) -> list[Section]:
        return split_sections(self.text)

    @cached_property
    def normalised(self) -> str:
        return normalise(self.text)

    @cached_property
    def _normalised_sections(self) -> list[str]:
        return [normalise(section.text) for section in self.sections]

    def contains(self, quote: str) -> bool:
        """Whether the quote occurs in the document (after normalisation)."""
        wanted = normalise(quote)
        return bool(wanted) and wanted in self.normalised

    def section_of(self, quote: str) -> Section | None:
        """The section holding the quote; None when absent or when it spans sections."""
        wanted = normalise(quote)
        if not wanted:
            return None
        for section, text in zip(self.sections, self._normalised_sections, strict=True):
            if wanted in text:
                return section
        return None

    def closest(self, quote: str) -> Passage | None:
        """The passage sharing most of the quote's wording; None when nothing comes close."""
        wanted = normalise(quote).split()
        if not wanted:
            return None
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        best = (0.0, -1, 0, 0)
        for index, text in enumerate(self._normalised_sections):
            words = text.split()
            width = min(len(wanted), len(words))
            step = max(1, width // 4)
            for start in range(0, max(1, len(words) - width + 1), step):
                score = _score(matcher, words[start : start + width], best[0])
                if score > best[0]:
                    best = (score, index, start, width)
        score, index, start, width = best
        if index < 0:
            return None
        score, start, width = _refine(matcher, self._normalised_sections[index].split(), best)
        if score < _MIN_SIMILARITY:
            return None
        words = self._normalised_sections[index].split()
        return Passage(
            " ".join(words[start : start + width]), self.sections[index], round(score, 2)
        )


def _score(matcher: SequenceMatcher[str], window: list[str], floor: float) -> float:
    matcher.set_seq1(window)
    if matcher.real_quick_ratio() <= floor or matcher.quick_ratio() <= floor:
        return 0.0
    return matcher.ratio()


def _refine(
    matcher: SequenceMatcher[str], words: list[str], best: tuple[float, int, int, int]
) -> tuple[float, int, int]:
    """Slide the best window word by word, and stretch or shrink it, around where it was."""
    score, _, start, width = best
    step = max(1, width // 4)
    chosen = (score, start, width)
    for shift in range(-step, step + 1):
        for stretch in range(-step, step + 1):
            begin, size = start + shift, width + stretch
            if begin < 0 or size < 1 or begin + size > len(words):
                continue
            candidate = _score(matcher, words[begin : begin + size], chosen[0])
            if candidate > chosen[0]:
                chosen = (candidate, begin, size)
    return chosen
