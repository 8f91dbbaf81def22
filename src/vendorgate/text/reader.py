"""The one strict file reader: a size limit checked before reading, strict UTF-8, located
errors."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from vendorgate.core.errors import InputError, Problem

_FORBIDDEN = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]|\r(?!\n)")
"""C0 and C1 control characters (tab, LF and CR LF excepted), DEL, and the line breaks YAML
1.1 knows but editors, diffs and reviewers do not show as breaks (U+0085, U+2028, U+2029, a
lone CR): text that reads one way in review and parses another way is refused."""

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Profiles are a few KB; anything above this is a mistake or an attack."""


MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024
"""Terms documents are at most a few hundred KB of text; a larger snapshot is not read."""


STDIN = "-"
"""The path that names standard input (``vendorgate check -``: one profile piped in)."""
STDIN_DISPLAY = "<stdin>"
"""How messages name standard input (``<stdin>:3:1``)."""
_STDIN_READ: list[bytes] = []
"""Standard input once read: it can be read only once, and a run may look at a file twice."""


def read_stdin(limit: int = MAX_FILE_BYTES) -> bytes:
    """Standard input, read once and kept; more than ``limit`` bytes is refused."""
    if not _STDIN_READ:
        _STDIN_READ.append(sys.stdin.buffer.read(limit + 1))
    raw = _STDIN_READ[0]
    if len(raw) > limit:
        raise InputError(Problem(f"input exceeds the limit of {limit:,} bytes", STDIN_DISPLAY))
    return raw


def read_bytes(path: Path, display: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file, refusing anything larger than ``limit`` before reading it.

    The file is opened without blocking and checked to be a regular file before a byte is
    read: a FIFO would otherwise wait forever for a writer, and a device (``/dev/zero``) never
    ends. A path holding a NUL character is refused rather than passed to the system."""
    named = str(path)
    if named == STDIN:
        return read_stdin(limit)
    if "\x00" in named:
        raise InputError(Problem("the path holds a NUL character; name a real file", display))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(Problem(f"cannot read file: {exc.strerror or exc}", display)) from exc
    try:
        with open(fd, "rb", closefd=True) as handle:  # fstat: one path lookup, not two
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError(Problem(f"not a regular file ({_kind(info.st_mode)})", display))
            if info.st_size > limit:
                raise InputError(
                    Problem(
                        f"file is {info.st_size:,} bytes; the limit is {limit:,} bytes", display
                    )
                )
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(Problem(f"cannot read file: {exc.strerror or exc}", display)) from exc
    if len(raw) > limit:  # the file grew while it was read
        raise InputError(Problem(f"file exceeds the limit of {limit:,} bytes", display))
    return raw


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe, refused without reading"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def decode(raw: bytes, display: str) -> str:
    """UTF-8 (an optional BOM is dropped); anything else is located and refused."""
    if b"\x00" in raw:
        line, column = _position_of(raw, raw.index(b"\x00"))
        raise InputError(Problem("binary data (a NUL byte) in a YAML file", display, line, column))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(raw, exc.start)
        raise InputError(
            Problem(
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                display,
                line,
                column,
            )
        ) from exc
    text = text.removeprefix("\ufeff")
    refused = _FORBIDDEN.search(text)
    if refused is not None:
        line, column = _text_position(text, refused.start())
        raise InputError(
            Problem(
                f"character U+{ord(refused.group()[0]):04X} (a control character or a line "
                "break other than LF / CR LF); remove it or write it as a YAML escape",
                display,
                line,
                column,
            )
        )
    return text


def _position_of(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
