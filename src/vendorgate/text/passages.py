"""Finding quotes in a document, section by section, and the passage closest to a lost quote.

Both the quote and the document go through :func:`vendorgate.evidence.normalise` first, so a
quote matches when it is verbatim up to whitespace, Markdown emphasis and typographic quotes.
An HTML page is searched as the text it shows (:func:`readable`), never as its markup, and a
Markdown document without its HTML comments.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from vendorgate.text.normalise import blank_comments, has_markup, is_page, normalise
from vendorgate.text.sections import Section, split_sections

_MIN_SIMILARITY = 0.4
"""Below this the "closest passage" would be unrelated text; none is shown."""
_MAX_SCORED = 400
"""Most windows scored exactly per quote, which keeps a search over long documents fast."""
_WORD = re.compile(r"\w")


def find_span(haystack: str, needle: str) -> int:
    """Offset of the first occurrence of ``needle`` in ``haystack`` that starts and ends on a
    word boundary (where its edge is a word character); -1 when there is none."""
    if not needle or needle not in haystack:  # a plain search rules most sections out cheaply
        return -1
    head = r"(?<!\w)" if _WORD.match(needle[0]) else ""
    tail = r"(?!\w)" if _WORD.match(needle[-1]) else ""
    found = re.search(head + re.escape(needle) + tail, haystack)
    return found.start() if found else -1


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
    """A document split into sections, each normalised once for quote searches. For an HTML
    page (``page``), ``text`` is the page's visible text, and a quote that may hold markup and
    is not found as written is searched as its own visible text (:meth:`as_checked`)."""

    def __init__(self, text: str, page: bool = False) -> None:
        self.text = text
        self.page = page
        self._closest_cache: dict[str, Passage | None] = {}

    def as_checked(self, quote: str) -> str:
        """The quote as this text is searched for it: as written; for a page, when it is not
        found so and may hold tags or character references, its own visible text."""
        if not self.page or not has_markup(quote) or self._holds(normalise(quote)):
            return quote
        from vendorgate.text.html import visible_text

        return visible_text(quote)

    def _holds(self, wanted: str) -> bool:
        return bool(wanted) and wanted in self.normalised

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
        return self._holds(normalise(self.as_checked(quote)))

    def section_of(self, quote: str) -> Section | None:
        """The section holding the quote; None when absent or when it spans sections."""
        wanted = normalise(self.as_checked(quote))
        if not wanted:
            return None
        for section, text in zip(self.sections, self._normalised_sections, strict=True):
            if wanted in text:
                return section
        return None

    @cached_property
    def _section_words(self) -> list[list[str]]:
        return [text.split() for text in self._normalised_sections]

    def closest(self, quote: str) -> Passage | None:
        """The passage sharing most of the quote's wording (see :meth:`_closest`); cached."""
        if quote not in self._closest_cache:
            self._closest_cache[quote] = self._closest(quote)
        return self._closest_cache[quote]

    def _closest(self, quote: str) -> Passage | None:
        """The passage sharing most of the quote's wording; None when nothing comes close.

        Every window of the quote's length is bounded cheaply by the words it shares with the
        quote; the exact ``difflib`` ratio is computed best bound first, until no remaining
        window can beat the best found (or :data:`_MAX_SCORED` windows were scored)."""
        wanted = normalise(self.as_checked(quote)).split()
        if not wanted:
            return None
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        candidates = (
            (2 * shared / (len(wanted) + width), -index, -begin, width)
            for index, words in enumerate(self._section_words)
            for begin, width, shared in _windows(words, wanted)
        )
        best = (0.0, -1, 0, 0)
        # best bound first; among equals, the earliest in the document
        for bound, minus_index, minus_begin, width in heapq.nlargest(_MAX_SCORED, candidates):
            index, begin = -minus_index, -minus_begin
            if bound <= max(best[0], _MIN_SIMILARITY):
                break
            words = self._section_words[index]
            score = _score(matcher, words[begin : begin + width], best[0])
            if score > best[0]:
                best = (score, index, begin, width)
        if best[1] < 0:
            return None
        index = best[1]
        score, begin, width = _refine(matcher, self._section_words[index], best)
        if score < _MIN_SIMILARITY:
            return None
        words = self._section_words[index]
        return Passage(
            " ".join(words[begin : begin + width]), self.sections[index], round(score, 2)
        )


def readable(raw: str) -> IndexedText:
    """A document as quotes are searched in it (:func:`shown_text`)."""
    return IndexedText(*shown_text(raw))


def shown_text(raw: str) -> tuple[str, bool]:
    """What a reader of a document sees, the one text quotes are searched in, and whether it is
    an HTML page (:func:`is_page`): a page as the text it shows; any other text (Markdown) as it
    stands, less its HTML comments, which a renderer does not show either
    (:func:`blank_comments`: blanked in place, so offsets and line numbers are the file's)."""
    if not is_page(raw):
        return blank_comments(raw), False
    from vendorgate.text.html import html_to_text

    return html_to_text(raw), True


def _windows(words: list[str], wanted: list[str]) -> Iterator[tuple[int, int, int]]:
    """(start, width, shared words) of every window of the quote's length, sliding by one
    word and counting shared words incrementally (words not in the quote cost nothing)."""
    width = min(len(wanted), len(words))
    if width == 0:
        return
    need = Counter(wanted)
    have = dict.fromkeys(need, 0)
    shared = 0
    for end, word in enumerate(words):
        if word in have:
            if have[word] < need[word]:
                shared += 1
            have[word] += 1
        begin = end - width + 1
        if begin > 0:
            gone = words[begin - 1]
            if gone in have:
                have[gone] -= 1
                if have[gone] < need[gone]:
                    shared -= 1
        if begin >= 0:
            yield begin, width, shared


def _score(matcher: SequenceMatcher[str], window: list[str], floor: float) -> float:
    matcher.set_seq1(window)
    if matcher.real_quick_ratio() <= floor or matcher.quick_ratio() <= floor:
        return 0.0
    return matcher.ratio()


def _refine(
    matcher: SequenceMatcher[str], words: list[str], best: tuple[float, int, int, int]
) -> tuple[float, int, int]:
    """Shift the best window a little and stretch or shrink it, in case a slightly different
    stretch of words matches better than one of exactly the quote's length."""
    score, _, start, width = best
    stretch = max(1, width // 4)
    chosen = (score, start, width)
    for begin in range(start - 2, start + 3):
        for size in range(width - stretch, width + stretch + 1):
            if begin < 0 or size < 1 or begin + size > len(words):
                continue
            candidate = _score(matcher, words[begin : begin + size], chosen[0])
            if candidate > chosen[0]:
                chosen = (candidate, begin, size)
    return chosen
