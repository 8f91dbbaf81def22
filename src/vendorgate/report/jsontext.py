"""JSON text exactly as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it, faster.

With ``indent``, the standard library falls back from its C encoder to a generator-based
Python one; reports for thousands of vendors spend most of their rendering time there. This
writer appends to one list and uses the C string encoder, and gives byte-identical text for
JSON data (dicts with string keys, lists, tuples, strings, numbers, booleans, None); anything
else is handed to ``json.dumps`` itself, so the result never differs (a property test checks).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

try:
    from _json import encode_basestring as _string
except ImportError:  # pragma: no cover - CPython always has the C accelerator
    from json.encoder import py_encode_basestring as _string

_string_text: Callable[[str], str] = _string


class _Unsupported(Exception):
    """A value this writer does not handle; the caller falls back to ``json.dumps``."""


def dumps(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``."""
    out: list[str] = []
    try:
        _write(value, "", out.append)
    except _Unsupported:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


def _write(value: Any, indent: str, put: Callable[[str], None]) -> None:
    kind = type(value)
    if kind is str:
        put(_string_text(value))
    elif kind is dict:
        if not value:
            put("{}")
            return
        inner = indent + "  "
        opening = "{\n" + inner
        between = ",\n" + inner
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _Unsupported
            put((opening if first else between) + _string_text(key) + ": ")
            first = False
            _write(item, inner, put)
        put("\n" + indent + "}")
    elif kind is list or kind is tuple:
        if not value:
            put("[]")
            return
        inner = indent + "  "
        opening = "[\n" + inner
        between = ",\n" + inner
        first = True
        for item in value:
            put(opening if first else between)
            first = False
            _write(item, inner, put)
        put("\n" + indent + "]")
    elif value is None:
        put("null")
    elif value is True:
        put("true")
    elif value is False:
        put("false")
    elif kind is int:
        put(int.__repr__(value))
    elif kind is float:
        put(json.dumps(value))  # repr, or NaN / Infinity as json writes them
    else:  # str or int subclasses such as enums, anything else
        raise _Unsupported


def document(value: Any, *, sort_keys: bool = False) -> str:
    """A JSON document as every machine format of vendorgate writes it: :func:`dumps` and a
    final newline; ``sort_keys`` orders every object's keys (the scanner's output)."""
    return dumps(_sorted(value) if sort_keys else value) + "\n"


def _sorted(value: Any) -> Any:
    """``value`` with the keys of every dict in order, as ``json.dumps(sort_keys=True)``."""
    if type(value) is dict:
        return {key: _sorted(value[key]) for key in sorted(value)}
    if type(value) is list or type(value) is tuple:
        return [_sorted(item) for item in value]
    return value


def splice(rendered: str, marker: str, texts: Iterable[bytes], what: str) -> list[bytes]:
    """``rendered`` (a frame written with a place-holder string in one list) in parts, with the
    line ``marker`` (the place-holder as written there) replaced by ``texts`` joined by commas:
    how the streamed formats put vendors' pieces into their frame without decoding them."""
    head, found, tail = rendered.partition(marker)
    if not found:  # pragma: no cover - every frame is written with its slot
        raise AssertionError(f"no place for the {what} in the frame")
    parts = [head.encode("utf-8")]
    for i, text in enumerate(texts):
        if i:
            parts.append(b",\n")
        parts.append(text)
    parts.append(tail.encode("utf-8"))
    return parts
