"""The one escaping policy every output shares, applied before each format's own escaping.

Strings from profiles, rule packs and organisation profiles are untrusted. Whatever the sink
(terminal text, Markdown, GitHub workflow commands, JUnit XML, HTML), three kinds of
character are neutralised first, here:

* control characters (C0, DEL, C1): a terminal would obey ANSI sequences, XML cannot carry
  most of them;
* bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make text read
  differently from what it says ("Trojan Source");
* line breaks (``\\r``, ``\\n``, U+0085, U+2028, U+2029, vertical tab, form feed): a break lets a
  value start a line of its own, and a line starting with ``::`` is a GitHub workflow command.

Controls and bidi characters become U+FFFD (visibly replaced, never silently dropped); line
breaks become a space in one-line values (:func:`inline`) and stay in multi-line text
(:func:`multiline`), where no line may start a workflow command. Ordinary text is unchanged.
The JSON formats a viewer displays (SARIF, OSCAL) pass their whole document through
:func:`data`, so no string of theirs escapes the policy, whichever field it came from.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

REPLACEMENT = "\ufffd"
"""What a control or bidi character becomes."""
_BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"
_UNSAFE = re.compile("[\x00-\x09\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAK_RUN = re.compile(f"[ \t]*[{_BREAKS}]+[ \t]*")
_ANY_BREAK = re.compile(f"\r\n|[{_BREAKS}]")
_COMMAND_START = re.compile(r"^(\s*):(?=:)", re.MULTILINE)


def _unsafe_out(text: str) -> str:
    # A tab is kept where it is ordinary whitespace; every other control is replaced.
    return _UNSAFE.sub(lambda m: m.group() if m.group() == "\t" else REPLACEMENT, text)


def inline(value: object) -> str:
    """A one-line value: line breaks become one space, controls and bidi become U+FFFD, and
    it never begins with ``::``."""
    text = _BREAK_RUN.sub(" ", _unsafe_out(str(value)))
    return no_command(text)


def multiline(value: object) -> str:
    """Text that may keep its lines (``\\n`` only, every other break becomes one): controls
    and bidi become U+FFFD, and no line begins with ``::``."""
    text = _ANY_BREAK.sub("\n", _unsafe_out(str(value)))
    return no_command(text)


_ODD_BREAK = re.compile("[\x0b\x0c\x85\u2028\u2029]")


def controls(value: object) -> str:
    """Controls and bidi become U+FFFD and the rarer line breaks become ``\n``; ``\r`` and
    ``\n`` stay, for a sink that encodes them itself (a workflow command's ``%0D%0A``)."""
    return _ODD_BREAK.sub("\n", _unsafe_out(str(value)))


def no_command(text: str) -> str:
    """``text`` with a zero-width space after the first colon of any line starting with
    ``::``, so that no line of it can be read as a GitHub workflow command."""
    return _COMMAND_START.sub("\\1:\u200b", text)


def data(value: Any, lines: Collection[str] = (), keep: Collection[str] = ()) -> Any:
    """A copy of JSON-like ``value`` with every string (mapping keys included) made safe: the
    values of the keys named in ``lines`` keep their lines (:func:`multiline`), every other
    string is one line (:func:`inline`). Numbers, booleans and None are left as they are.
    ``keep``: strings left exactly as they are, the writer's own place-holders (they hold a
    NUL, which no escaped string can, so none can be forged from an input)."""
    return _data(value, lines, frozenset(keep), multi=False)


def _data(value: Any, lines: Collection[str], keep: frozenset[str], *, multi: bool) -> Any:
    if isinstance(value, str):
        if value in keep:
            return value
        return multiline(value) if multi else inline(value)
    if isinstance(value, dict):
        return {
            inline(key): _data(item, lines, keep, multi=key in lines) for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_data(item, lines, keep, multi=multi) for item in value]
    return value
