"""A content-addressed cache of parsed vendor profiles and of per-vendor results.

Large catalogues change little between two CI runs, so ``check`` keeps, in a git-ignored
folder (``.vendorgate-cache/`` beside the organisation profile, or ``$VENDORGATE_CACHE_DIR``):

* ``profiles``: a profile file parsed and validated, keyed by the file's bytes, the path it is
  shown under, the vendor schema and vendorgate's own code;
* ``results``: one vendor's rendered findings, keyed by everything they depend on (see
  :mod:`vendorgate.batch`).

Every entry is one file named by its key, written to a temporary file and renamed into place,
so two processes at once never leave half an entry; it starts with a checksum of its payload,
so a damaged entry is noticed, ignored and rewritten. Entries hold plain data (JSON and rendered
text), never pickles: a cache is never trusted to run code. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from vendorgate import __version__
from vendorgate.load import Document, PathKey, load_bytes, read_bytes

CACHE_DIRNAME = ".vendorgate-cache"
"""The cache folder's name beside the organisation profile (listed in .gitignore)."""
ENV_VAR = "VENDORGATE_CACHE_DIR"
"""Overrides where the cache lives."""
_MAGIC = b"vendorgate-cache/1 "
_LAYOUT = "v1"


class Cache:
    """Entries by kind and key under one folder. Failing to read an entry is a miss, failing to
    write one is ignored: the cache only ever saves work, it never changes an answer."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / _LAYOUT / kind / key[:2] / key[2:]

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None when absent or damaged."""
        try:
            raw = self._path(kind, key).read_bytes()
        except OSError:
            return None
        head, _, payload = raw.partition(b"\n")
        if head != _MAGIC + hashlib.sha256(payload).hexdigest().encode("ascii"):
            return None
        return payload

    def put(self, kind: str, key: str, payload: bytes) -> None:
        """Store ``payload`` atomically (a temporary file renamed into place)."""
        target = self._path(kind, key)
        head = _MAGIC + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(head)
                handle.write(payload)
            os.replace(tmp, target)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def folder_for(project: Path | None) -> Path:
    """``$VENDORGATE_CACHE_DIR``, else ``.vendorgate-cache`` in ``project`` (the folder of the
    organisation profile), else in the working directory."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    return (project or Path.cwd()) / CACHE_DIRNAME


def digest(*parts: str | bytes) -> str:
    """sha256 over length-prefixed parts, so that no two lists of parts collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """vendorgate's version, its code and data files, and the Python version: any change to
    how results are computed or rendered gives new keys (a development checkout included)."""
    parts: list[str | bytes] = [__version__, sys.version]
    package = resources.files("vendorgate")
    base = Path(str(package))
    for path in sorted(base.rglob("*")):
        if "__pycache__" not in path.parts and path.is_file():
            parts += [path.relative_to(base).as_posix(), path.read_bytes()]
    return digest(*parts)


# ---------------------------------------------------------------- parsed profiles


def encode_document(doc: Document) -> bytes:
    """A parsed document as JSON: its data and the positions of its values and keys."""
    return json.dumps(
        [
            doc.data,
            [[list(k), line, col] for k, (line, col) in doc.positions.items()],
            [[list(k), line, col] for k, (line, col) in doc.key_positions.items()],
            [[list(k), text] for k, text in doc.scalar_sources.items()],
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


def decode_document(payload: bytes, display: str, sha256: str) -> Document:
    data, positions, key_positions, sources = json.loads(payload)
    return Document(
        display,
        data,
        sha256,
        {_key(k): (line, col) for k, line, col in positions},
        {_key(k): (line, col) for k, line, col in key_positions},
        {_key(k): text for k, text in sources},
    )


def _key(parts: list[Any]) -> PathKey:
    return tuple(parts)


def profile_key(raw_sha256: str, display: str) -> str:
    from vendorgate.schema import schema_text

    return digest("profile", code_fingerprint(), schema_text("vendor"), display, raw_sha256)


def load_profile_document(
    path: Path, display: str, cache: Cache | None, raw: bytes | None = None
) -> Document:
    """A vendor profile file loaded and validated (a VendorProfile's schema), from the cache
    when its bytes were seen before. Raises InputError exactly as loading it would."""
    from vendorgate.schema import validate

    if raw is None:
        raw = read_bytes(path, display)
    if cache is None:
        doc = load_bytes(raw, display)
        validate(doc, "vendor")
        return doc
    sha = hashlib.sha256(raw).hexdigest()
    key = profile_key(sha, display)
    payload = cache.get("profiles", key)
    if payload is not None:
        try:
            return decode_document(payload, display, sha)
        except (ValueError, TypeError, KeyError):
            pass  # a damaged entry: parse again and rewrite it
    doc = load_bytes(raw, display)
    validate(doc, "vendor")
    cache.put("profiles", key, encode_document(doc))
    return doc
