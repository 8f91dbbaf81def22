"""The quote normalisation keeps its documented meaning while it is made fast: emphasis
markers go as the regular expression of the definition removes them, typography folds as the
character table says, and a quote found in a section is found by the plain search first."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vendorgate.text.normalise import TYPOGRAPHY, normalise, strip_markup
from vendorgate.text.passages import find_span

DEFINED_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
"""Markdown emphasis as the normalisation is documented: ``*`` runs, ``_`` runs at a word edge."""
DEFINED_FOLDS = str.maketrans({**TYPOGRAPHY, "\u200b": ""})

TEXTS = st.text(alphabet="ab1_*_ \n[]()x-\u201c\u2019\u2013\u200b\u00a0\u00e9", max_size=24)


def defined_normalise(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = DEFINED_EMPHASIS.sub("", text).translate(DEFINED_FOLDS)
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=3000)
@given(TEXTS)
def test_normalise_is_its_definition(text: str) -> None:
    assert normalise(text) == defined_normalise(text)


@settings(max_examples=1000)
@given(TEXTS)
def test_strip_markup_keeps_typography_and_agrees_with_normalise(text: str) -> None:
    # Where dropping a star or a zero-width space joins brackets into link syntax, the
    # definition (links first) keeps the brackets, and no text without the star can normalise
    # to them; that corner is pinned by the test below instead.
    assume(normalise(normalise(text)) == normalise(text))
    stripped = strip_markup(text)
    assert normalise(stripped) == normalise(text)
    assert "*" not in stripped and "\u200b" not in stripped


def test_brackets_joined_by_a_dropped_star_stay_as_they_are_shown() -> None:
    assert normalise("[]*()") == "[]()" and strip_markup("[]*()") == "[]()"
    assert normalise("see [a]\u200b(u)") == "see [a](u)" == strip_markup("see [a]\u200b(u)")


def test_underscores_go_at_word_edges_only() -> None:
    assert normalise("_shared_ data_set __x") == "shared data_set x"
    assert normalise("a*_b") == "ab"  # the star is not a word character: the run is at an edge
    assert normalise("\u201cno\u201d \u2013 it\u2019s") == '"no" - it\'s'


@given(st.text(alphabet="ab _.", max_size=20), st.text(alphabet="ab _.", min_size=1, max_size=5))
def test_find_span_is_the_word_bounded_search(haystack: str, needle: str) -> None:
    head = r"(?<!\w)" if re.match(r"\w", needle[0]) else ""
    tail = r"(?!\w)" if re.match(r"\w", needle[-1]) else ""
    found = re.search(head + re.escape(needle) + tail, haystack)
    assert find_span(haystack, needle) == (found.start() if found else -1)
