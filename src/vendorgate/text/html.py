"""HTML to plain text for comparing a live terms page with its pinned snapshot.

Built on the standard library's ``html.parser`` on purpose: vendorgate only needs the page's
words in reading order with block boundaries, not a faithful Markdown rendering, and the
commonly used ``html2text`` is GPL-3.0, which an Apache-2.0 tool should not pull in. Character
references are decoded by the parser; invisible content (scripts, styles, templates, the
document head) is dropped, and so are comments and attribute values; block elements become
paragraphs, headings become ``#`` lines and list items ``-`` lines, so the result reads like the
archived Markdown snapshots.

It is also what a quote cited from a pinned HTML page is checked against (``evidence verify``):
the words a reader of the page sees, never text in its markup. So a construct the page leaves
unfinished (a comment, a script or a tag still open at the end of the file) shows nothing, as in
a browser, which reads the rest of the file into it. Dropping it is also what keeps the parser
linear: left to ``close()``, the standard library's parser re-reads the rest of the page once for
every ``<`` in it (hours for a hostile page of a few megabytes).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_INVISIBLE = frozenset(
    {"head", "title", "script", "style", "noscript", "template", "svg", "iframe"}
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li",
        "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "thead", "tfoot",
        "tr", "ul", *_HEADINGS,
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr"})
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_NOT_DISPLAYED = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_ATTRIBUTE_GAP = re.compile(r"[ \t\r\n\f/]+")
MAX_ATTRIBUTES = 10_000
"""Most attributes a tag may have before the rest of the page is read as unfinished: the
parser keeps every attribute of a tag at once, some hundred bytes each, so one tag of a hostile
page (``<a b b b ...``, megabytes long) would otherwise take gigabytes."""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.hidden = 0
        self.pre = 0
        self.hidden_by: str = ""
        """The element hidden by its own attribute (``hidden``, ``display: none``) that is
        open, empty when none is; its content is not shown."""
        self.hidden_depth = 0

    def _flush(self) -> None:
        text = "".join(self.current)
        text = text.strip("\n") if self.pre else _SPACE.sub(" ", text).strip()
        if text:
            self.blocks.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def parse_starttag(self, i: int) -> int:
        """As the standard parser does, unless the tag has more than :data:`MAX_ATTRIBUTES`
        attributes: then, as for a tag never closed, the rest of the page is left unparsed
        (:meth:`drop_unfinished`). Counted up to the tag's first ``>`` (it ends there or later),
        so no character is counted twice."""
        end = self.rawdata.find(">", i)
        head = self.rawdata[i : len(self.rawdata) if end < 0 else end]
        gaps = _ATTRIBUTE_GAP.findall(_QUOTED.sub("", head))
        if len(gaps) > MAX_ATTRIBUTES:
            return -1
        return super().parse_starttag(i)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden_by:
            self.hidden_depth += tag == self.hidden_by
            return
        if tag not in _VOID and not self.hidden and _hides_itself(attrs):
            # until its end tag; one never closed hides the rest of the page (fail closed)
            self.hidden_by, self.hidden_depth = tag, 1
            return
        if tag in _INVISIBLE:
            if tag not in _VOID:
                self.hidden += 1
            return
        if self.hidden:
            return
        if tag == "br":
            self.current.append("\n" if self.pre else " ")
        elif tag in _CELLS:
            self.current.append(" ")
        elif tag == "pre":
            self._flush()
            self.pre += 1
        elif tag in _BLOCKS:
            self._flush()
            if tag in _HEADINGS:
                self.prefix = "#" * _HEADINGS[tag] + " "
            elif tag == "li":
                self.prefix = "- "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.hidden and not self.hidden_by and tag == "br":
            self.current.append("\n" if self.pre else " ")

    def handle_endtag(self, tag: str) -> None:
        if self.hidden_by:
            if tag == self.hidden_by:
                self.hidden_depth -= 1
                self.hidden_by = self.hidden_by if self.hidden_depth else ""
            return
        if tag in _INVISIBLE:
            self.hidden = max(0, self.hidden - 1)
            return
        if self.hidden:
            return
        if tag == "pre":
            self._flush()
            self.pre = max(0, self.pre - 1)
        elif tag in _BLOCKS:
            self._flush()
        elif tag in _CELLS:
            self.current.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden and not self.hidden_by:
            self.current.append(data)

    def drop_unfinished(self) -> None:
        """Forget what :meth:`feed` left unparsed when it is markup (an open comment, tag or
        declaration) or a script or style never closed: a browser shows none of it. Text held
        back (it may end in a character reference) is left for ``close()`` to read."""
        if self.cdata_elem or self.rawdata.startswith("<"):
            self.rawdata = ""

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks) + ("\n" if self.blocks else "")


def _hides_itself(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's attributes keep it off the page: ``hidden``, or an inline style
    of ``display: none`` or ``visibility: hidden`` (a style sheet's rules are not read)."""
    return any(
        name == "hidden" or (name == "style" and value and _NOT_DISPLAYED.search(value))
        for name, value in attrs
    )


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one paragraph per block, headings marked with ``#``."""
    extractor = _Extractor()
    extractor.feed(html)
    extractor.drop_unfinished()
    extractor.close()
    return extractor.text()


def visible_text(fragment: str) -> str:
    """A piece of HTML (a quote cut from a page) as a person reads it: tags removed, character
    references decoded, whitespace collapsed (typography kept as written)."""
    return " ".join(html_to_text(fragment).split())
