"""HTML to plain text for comparing a live terms page with its pinned snapshot.

Built on the standard library's ``html.parser`` on purpose: vendorgate only needs the page's
words in reading order with block boundaries, not a faithful Markdown rendering, and the
commonly used ``html2text`` is GPL-3.0, which an Apache-2.0 tool should not pull in. Character
references are decoded by the parser; invisible content (scripts, styles, templates, the
document head) is dropped; block elements become paragraphs, headings become ``#`` lines and
list items ``-`` lines, so the result reads like the archived Markdown snapshots.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_INVISIBLE = frozenset({"head", "script", "style", "noscript", "template", "svg", "iframe"})
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


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.hidden = 0
        self.pre = 0

    def _flush(self) -> None:
        text = "".join(self.current)
        text = text.strip("\n") if self.pre else _SPACE.sub(" ", text).strip()
        if text:
            self.blocks.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
        if not self.hidden and tag == "br":
            self.current.append("\n" if self.pre else " ")

    def handle_endtag(self, tag: str) -> None:
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
        if not self.hidden:
            self.current.append(data)

    def text(self) -> str:
        self._flush()
        return "\n\n".join(self.blocks) + ("\n" if self.blocks else "")


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one paragraph per block, headings marked with ``#``."""
    extractor = _Extractor()
    extractor.feed(html)
    extractor.close()
    return extractor.text()
