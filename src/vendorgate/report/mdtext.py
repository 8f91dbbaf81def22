"""Escaping for GitHub-flavoured Markdown and the HTML inside it.

Every value that comes from a vendor profile, a rule pack or an organisation profile is
untrusted: a vendor named ``<script>alert(1)</script>`` must show as text, a name with ``|``
must not break a table, a ``[link](javascript:...)`` must not become a link, and ``@someone``
must not notify anyone when the text is posted as a pull-request comment.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from vendorgate.report import escape

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]()#!|~])")
_MENTION = re.compile(r"@(?=\w)")
_WHITESPACE_RUN = re.compile(r"\s*[\r\n]+\s*")
_ZERO_WIDTH_SPACE = "\u200b"


def _one_line(text: str) -> str:
    return escape.inline(_WHITESPACE_RUN.sub(" ", text))


def _no_mentions(text: str) -> str:
    """``@name`` would notify a GitHub user; a zero-width space after ``@`` keeps it inert."""
    return _MENTION.sub("@" + _ZERO_WIDTH_SPACE, text)


def md(value: object) -> str:
    """Inline Markdown text: Markdown punctuation is backslash-escaped, HTML special characters
    become entities, line breaks become spaces."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", _one_line(str(value)))
    # Named entities only: a numeric one (&#x27;) holds a `#`, which Markdown must not see.
    return _no_mentions(html.escape(escaped, quote=False).replace('"', "&quot;"))


_MARKDOWN_IN_HTML = str.maketrans({c: f"&#{ord(c)};" for c in "[]`*_\\"})


def html_text(value: object) -> str:
    """Text inside an HTML element such as ``<summary>``. Markdown is not interpreted there,
    but its punctuation still becomes character references, should a renderer think otherwise."""
    escaped = html.escape(_one_line(str(value)), quote=True)
    return _no_mentions(escaped.translate(_MARKDOWN_IN_HTML))


def code(value: object, *, in_table: bool = False) -> str:
    """An inline code span that holds any text literally. In a table cell a ``|`` must still
    be escaped, even inside code."""
    text = _one_line(str(value))
    if in_table:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def safe_url(url: str) -> str | None:
    """The URL percent-encoded for a Markdown link destination, or None unless http(s)."""
    text = url.strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https") or any(c.isspace() for c in text):
        return None
    return quote(text, safe=":/?#[]@!$&'*+,;=%~-._")


def link(label: object, url: str) -> str:
    """``[label](url)`` when the URL is a safe web address; otherwise the escaped label and URL
    as plain text."""
    target = safe_url(url) if url else None
    if target is None:
        return md(label) + (f" ({md(url)})" if url else "")
    return f"[{md(label)}]({target})"


def cell(value: object) -> str:
    """A table cell (``md`` already escapes ``|`` and line breaks)."""
    return md(value) if str(value) else "-"
