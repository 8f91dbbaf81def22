"""Packs: the records (per-vendor pieces of a report and what its totals need) of the last
run in one evaluation context, in one file per context beside the SQLite store.

A pack is written whole and renamed into place, and carries an HMAC of its name and content
made with the user's key (:func:`vendorgate.cache.keys.secret`): a damaged pack, or one this
user's runs did not write (forged, copied in, restored), is ignored and replaced by the next
run. Packs hold plain data (JSON and rendered text).
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
from collections.abc import Sequence
from typing import Any

from vendorgate.cache.store import Cache

PACKS = "packs"
"""The folder, beside the database, of the packs: each holds the records of the last run in
one evaluation context (see :mod:`vendorgate.app.pipeline`)."""
MAX_PACKS = 4
"""Packs kept (the most recent), so runs that alternate between a few contexts (report
formats, organisations, days) all find theirs."""
_PACK_MAGIC = b"vendorgate-pack/2"


def _pack_name(name: str) -> str:
    if not name or not all(c in "0123456789abcdef" for c in name):
        raise ValueError("a pack is named by a digest")
    return name + ".pack"


def read_pack(cache: Cache, name: str) -> tuple[dict[str, Any], memoryview] | None:
    """The head (JSON) and body of the pack ``name``, or None when absent, damaged or not
    signed by this user's key for this name."""
    try:
        with open(cache.folder / PACKS / _pack_name(name), "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    end = raw.find(b"\n")
    rest = memoryview(raw)[end + 1 :]  # views, not copies, of a large file
    try:
        magic, mac, size = raw[:end].split(b" ")
        length = int(size)
        expected = cache.sign(name, size, rest)
        if magic != _PACK_MAGIC or expected is None or length > len(rest):
            return None
        if not hmac.compare_digest(mac, expected.encode("ascii")):
            return None
        head = json.loads(bytes(rest[:length]))
    except ValueError:
        return None
    return (head, rest[length:]) if isinstance(head, dict) else None


def write_pack(cache: Cache, name: str, head: dict[str, Any], texts: Sequence[bytes]) -> None:
    """Write the pack ``name`` atomically (a reader sees the old one or the new one), then
    remove all but the most recent :data:`MAX_PACKS`. Failing to write is ignored."""
    folder = cache.folder / PACKS
    data = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    size = b"%d" % len(data)
    mac = cache.sign(name, size, b"".join((data, *texts)))
    if mac is None:
        return  # no key to sign with: a pack nobody could trust is not written
    first = b"%s %s %s\n" % (_PACK_MAGIC, mac.encode("ascii"), size)
    tmp = folder / f".tmp-{os.getpid()}-{name[:16]}"
    try:
        cache.ensure_folder()
        folder.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(first)
            handle.write(data)
            for text in texts:
                handle.write(text)
        os.replace(tmp, folder / _pack_name(name))
        packs = sorted(folder.glob("*.pack"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    for old in packs[MAX_PACKS:]:
        with contextlib.suppress(OSError):
            old.unlink()
