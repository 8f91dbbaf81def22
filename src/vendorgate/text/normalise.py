"""The normalisation applied to both a document and a quote before they are compared:
it removes differences of presentation only (see :func:`normalise`)."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_UNDERSCORES = re.compile(r"_+")
_WORD_CHAR = re.compile(r"\w")
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
_FOLDS = tuple({**TYPOGRAPHY, "\u200b": ""}.items())
"""The same, with the zero-width space dropped, as pairs for :func:`_fold`."""


def _fold(text: str) -> str:
    """``text`` with :data:`_FOLDS` applied. One ``str.replace`` per character present is many
    times faster than ``str.translate`` with a mapping (a dictionary lookup per character),
    and an ASCII text, as most quotes are, has nothing to fold."""
    if text.isascii():
        return text
    for char, plain in _FOLDS:
        if char in text:
            text = text.replace(char, plain)
    return text


def _without_emphasis(text: str) -> str:
    """``text`` less its emphasis markers: every ``*``, and each run of ``_`` at a word edge
    (``snake_case`` keeps its underscore). The same as removing the matches of
    ``\\*+|(?<!\\w)_+|_+(?!\\w)``, which scanned a whole document several times slower."""
    if "_" in text:
        text = _UNDERSCORES.sub(_unless_inside_a_word, text)
    return text.replace("*", "")


def _unless_inside_a_word(run: re.Match[str]) -> str:
    """A run of underscores goes unless a word character stands on both sides of it."""
    text, (start, end) = run.string, run.span()
    inside = start > 0 and end < len(text)
    if inside and _WORD_CHAR.match(text[start - 1]) and _WORD_CHAR.match(text[end]):
        return run.group()
    return ""


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
    text = _without_emphasis(text)
    text = _fold(text)
    # Runs of whitespace to one space, ends dropped: what re.sub(r"\s+", " ", text).strip() gives
    # (str.split and the regex's \s both use Unicode whitespace), without a regex.
    return " ".join(text.split())


def strip_markup(text: str) -> str:
    """What :func:`normalise` keeps of a quote, in the quote's own characters: links become
    their text, emphasis markers and zero-width spaces go, whitespace collapses; typographic
    quotes and dashes stay as written. Reports show a verified quote this way, so nothing the
    comparison ignored (a link destination, markup) is ever shown as verified text, and
    ``normalise(strip_markup(q)) == normalise(q)``."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    text = _without_emphasis(text)
    return " ".join(text.replace("\u200b", "").split())


_CLOSING = re.compile(r"</(?:p|div|li|h\d|td)>")


def is_page(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than Markdown or plain text: it opens with a
    doctype or ``<html>``, or with a tag and holds block closing tags (the one test ``scan`` and
    ``watch`` both apply). Here, not beside the HTML reader, so that asking costs no HTML parser."""
    head = text.lstrip().removeprefix("\ufeff")[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and len(_CLOSING.findall(text[:20000])) >= 3
    )


def has_markup(quote: str) -> bool:
    """Whether a quote may hold tags or character references, which read differently on an
    HTML page (``vendorgate.text.html.visible_text``) than as written."""
    return "<" in quote or "&" in quote


_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_NOT_A_LINE_BREAK = re.compile(r"[^\r\n]")


def blank_comments(text: str) -> str:
    """``text`` with every HTML comment (``<!-- ... -->``) turned into spaces of the same
    length, its line breaks kept: what a reader of a rendered Markdown document sees of it, with
    every other character at its offset and on its line.

    A comment ends at the first ``-->`` after its ``<!`` (so ``<!-->`` is an empty one, as in
    CommonMark and HTML); one never closed runs to the end of the text, as in a browser: it can
    only hide words, never show any. Code spans and blocks are not told apart (a comment written
    in one is shown literally), which can only hide words too."""
    if _COMMENT_OPEN not in text:  # most documents: nothing to copy
        return text
    kept: list[str] = []
    at = 0
    while (start := text.find(_COMMENT_OPEN, at)) >= 0:
        close = text.find(_COMMENT_CLOSE, start + 2)
        end = len(text) if close < 0 else close + len(_COMMENT_CLOSE)
        kept += [text[at:start], _NOT_A_LINE_BREAK.sub(" ", text[start:end])]
        at = end
    kept.append(text[at:])
    return "".join(kept)
