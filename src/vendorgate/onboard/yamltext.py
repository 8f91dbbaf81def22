"""Text a vendor's document holds, made fit for the profile's YAML: double-quoted scalars the
loader accepts, and comment lines nothing in the text can break out of."""

from __future__ import annotations

import json
import re

UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
"""What the profile loader refuses in any string, even escaped (see ``load.yaml``)."""


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's) that the loader accepts, from
    any text a vendor's document holds: a control character or line separator, which no
    profile may hold even escaped, becomes a space (as quote matching reads it); any other
    character that is not printable (a format character, a byte order mark) is escaped, which
    YAML would otherwise refuse raw or fold."""
    written = json.dumps(UNWRITABLE.sub(" ", value), ensure_ascii=False)
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in written)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def comment_safe(text: str) -> str:
    """``text`` fit for one comment line: each character that is not printable (controls, the
    line and paragraph separators and NEL that YAML reads as line breaks, format characters
    that reorder what a terminal shows) becomes a space, and runs of spaces one."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
