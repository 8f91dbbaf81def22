"""The normalisation applied to both a document and a quote before they are compared:
it removes differences of presentation only (see :func:`normalise`)."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
TYPOGRAPHY = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u2032": "'",
    "\u2013": "-",
    "\u2014": "-",
    "\u2011": "-",
    "\u00a0": " ",
    "\u202f": " ",
}
"""The typographic characters :func:`normalise` turns into ASCII, one character for one (the
scanner folds with them too, keeping offsets)."""
_TYPOGRAPHY = str.maketrans({**TYPOGRAPHY, "\u200b": ""})


def normalise(text: str) -> str:
    """The documented normalisation applied to both snapshot and quote before comparing.

    1. Markdown links ``[text](url)`` become ``text``.
    2. Markdown emphasis markers (``*``, ``**``, ``_`` at word edges) are removed.
    3. Typographic quotes, dashes and non-breaking spaces become their ASCII forms.
    4. Runs of whitespace become one space; leading and trailing space is dropped.

    Case, words and punctuation are otherwise compared exactly.
    """
    if "[" in text:  # the patterns cannot match without their characters; most quotes lack them
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    text = text.translate(_TYPOGRAPHY)
    # Runs of whitespace to one space, ends dropped: what re.sub(r"\s+", " ", text).strip() gives
    # (str.split and the regex's \s both use Unicode whitespace), without a regex.
    return " ".join(text.split())


_ZERO_WIDTH = str.maketrans({"\u200b": ""})


def strip_markup(text: str) -> str:
    """What :func:`normalise` keeps of a quote, in the quote's own characters: links become
    their text, emphasis markers and zero-width spaces go, whitespace collapses; typographic
    quotes and dashes stay as written. Reports show a verified quote this way, so nothing the
    comparison ignored (a link destination, markup) is ever shown as verified text, and
    ``normalise(strip_markup(q)) == normalise(q)``."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return " ".join(text.translate(_ZERO_WIDTH).split())
