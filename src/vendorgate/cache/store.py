"""A content-addressed cache of parsed vendor profiles and of the last runs' results.

Large catalogues change little between two CI runs, so ``check`` keeps, in a folder of the
user's own outside the work tree (``$XDG_CACHE_HOME/vendorgate/<digest of the project
folder>``, else ``~/.cache/vendorgate/...``; ``$VENDORGATE_CACHE_DIR`` overrides it):

* in one SQLite file, each vendor file's profile as parsed and validated, keyed by the file's
  bytes, the path it is shown under, the vendor schema and vendorgate's own code. Entries are
  written in transactions (two processes at once never see half an entry); a file that is no
  database any more is replaced;
* for the last few evaluation contexts, a pack of every vendor's rendered piece of the report
  (:mod:`vendorgate.cache.packs`); keys and digests are :mod:`vendorgate.cache.keys`'.

A cache is untrusted input: every entry carries an HMAC of its kind, key and payload made with
the user's secret (:func:`vendorgate.cache.keys.secret`, kept outside any repository), so an
entry this user's runs did not write (committed, restored, copied, edited) is a miss and the
file is parsed and validated again. Without a usable key the cache is not used at all.
Entries hold plain data (JSON and rendered text), never pickles. Deleting the folder is
always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from vendorgate.cache.keys import digest, secret, sign, signed, vendor_key
from vendorgate.load.yaml import Document, PathKey, load_bytes
from vendorgate.text.reader import read_bytes

APP_DIRNAME = "vendorgate"
"""The cache's folder in the user's cache folder."""
ENV_VAR = "VENDORGATE_CACHE_DIR"
"""Overrides where the cache lives."""
_MAGIC = b"vendorgate-cache/2 "
DATABASE = "cache-v1.sqlite"
"""The cache's file in its folder (SQLite, with its -wal and -shm companions)."""
_TABLE = (
    "CREATE TABLE IF NOT EXISTS entries "
    "(kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key)) WITHOUT ROWID"
)


_INHERITED: list[sqlite3.Connection] = []
"""Connections a forked process inherited, kept open so that closing them cannot disturb the
parent's locks."""


class Cache:
    """Entries by kind and key in one SQLite file in ``folder``. A missing or damaged entry is
    a miss, a write that fails is dropped: the cache only ever saves work, it never changes an
    answer. Writes are collected and committed together (:meth:`flush`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._pending: list[tuple[str, str, bytes]] = []
        self._unusable = False
        self._key: bytes | None = None

    @property
    def file(self) -> Path:
        return self.folder / DATABASE

    def ensure_folder(self) -> None:
        """Create the folder with a ``.gitignore`` ignoring everything in it, so that a cache
        placed inside a work tree ($VENDORGATE_CACHE_DIR) never shows in ``git status``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            with contextlib.suppress(OSError):  # a read-only folder: the cache still works
                ignore.write_text("# vendorgate's cache: nothing here belongs in git\n*\n")

    def reader(self) -> Callable[[Path, str], Document]:
        """A reader of vendor profile files (path, display path) that uses this cache."""
        return lambda path, display: load_profile_document(path, display, self)

    def _connect(self) -> sqlite3.Connection | None:
        """This process's connection (a forked worker opens its own), or None when the cache
        cannot be used; a file that is not a database is replaced by an empty one."""
        if self._unusable:
            return None
        self._key = self._key or secret()
        if self._key is None:
            self._unusable = True  # entries could not be authenticated: do without
            return None
        if self._db is not None:
            if self._pid == os.getpid():
                return self._db
            # Forked: the parent's connection must be neither used nor closed here.
            _INHERITED.append(self._db)
            self._db = None
        for attempt in range(2):
            try:
                self.ensure_folder()
                db = sqlite3.connect(self.file, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
                db.execute("PRAGMA synchronous=OFF")  # a cache need not survive a power cut
                db.execute(_TABLE)
            except sqlite3.OperationalError:
                break  # locked for longer than the timeout, read-only, ...: run without it
            except sqlite3.DatabaseError:
                if attempt == 0:
                    self._discard()
                    continue
                break
            except OSError:
                break
            self._db, self._pid = db, os.getpid()
            return db
        self._unusable = True
        return None

    def _discard(self) -> None:
        """Remove a damaged database (other processes keep the file they have open)."""
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.file}{suffix}")

    def get(self, kind: str, key: str) -> bytes | None:
        """The payload stored under ``key``, or None when absent or damaged."""
        return self.get_many(kind, [key]).get(key)

    def get_many(self, kind: str, keys: Sequence[str]) -> dict[str, bytes]:
        """The whole payloads stored under ``keys``, by key."""
        db = self._connect()
        found: dict[str, bytes] = {}
        if db is None or not keys:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, value FROM entries WHERE kind = ? AND key IN ({marks})",
                    [kind, *chunk],
                ).fetchall()
                for key, value in rows:
                    payload = self._checked(kind, key, value)
                    if payload is not None:
                        found[key] = payload
        except sqlite3.OperationalError:
            return found
        except sqlite3.DatabaseError:
            self._discard()
            self._db = None
        return found

    def _checked(self, kind: str, key: str, value: object) -> bytes | None:
        """The payload, only when this user's key signed it under this kind and key (an entry
        moved to another key, edited or forged is a miss)."""
        if not isinstance(value, bytes) or self._key is None or not value.startswith(_MAGIC):
            return None
        end = value.find(b"\n")
        payload = memoryview(value)[end + 1 :]  # no copy to check
        if end < 0 or not signed(self._key, value[len(_MAGIC) : end], kind, key, payload):
            return None
        return bytes(payload)

    def sign(self, *parts: str | bytes | memoryview) -> str | None:
        """This cache's signature of ``parts`` (for packs), or None without a usable key."""
        self._key = self._key or secret()
        return sign(self._key, *parts) if self._key is not None else None

    def put(self, kind: str, key: str, payload: bytes) -> None:
        """Store ``payload`` (signed) at the next :meth:`flush`."""
        signing = self._key or secret()
        if signing is None:
            return
        head = _MAGIC + sign(signing, kind, key, payload).encode("ascii") + b"\n"
        self._pending.append((kind, key, head + payload))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        """Commit the pending writes in one transaction: another process sees all or none."""
        pending, self._pending = self._pending, []
        db = self._connect() if pending else None
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", pending)
            db.execute("COMMIT")
        except sqlite3.OperationalError:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            self._discard()
            self._db = None


def folder_for(project: Path | None) -> Path:
    """``$VENDORGATE_CACHE_DIR``, else this project's folder in the user's cache folder
    (``$XDG_CACHE_HOME/vendorgate/<digest>``, else ``~/.cache/vendorgate/<digest>``), named by
    a digest of ``project`` (the folder of the organisation profile, else the working
    directory). Never inside the work tree by default: a checkout brings no cache."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    home = os.environ.get("XDG_CACHE_HOME")
    base = Path(home) if home and Path(home).is_absolute() else Path.home() / ".cache"
    where = (project or Path.cwd()).resolve()
    return base / APP_DIRNAME / digest("project", str(where))[:32]


# ---------------------------------------------------------------- vendor entries

PROFILES = "profiles"
"""The kind of entry holding a vendor file's profile as parsed and validated."""


def encode_document(doc: Document) -> bytes:
    """A parsed document as JSON: its data, then the line and column of every value and every
    key as flat lists in the order :class:`load._Builder` records them (a walk of the data
    gives their paths back), then how non-string scalars were written."""
    values = [n for position in doc.positions.values() for n in position]
    keys = [n for position in doc.key_positions.values() for n in position]
    sources = [[list(k), text] for k, text in doc.scalar_sources.items()]
    return json.dumps(
        [doc.data, values, keys, sources], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def decode_document(payload: bytes, display: str, sha256: str) -> Document:
    """Raises ValueError, TypeError or KeyError when the payload is not a document."""
    data, values, keys, sources = json.loads(payload)
    value_paths: list[PathKey] = []
    key_paths: list[PathKey] = []
    _walk(data, (), value_paths, key_paths)
    if len(values) != 2 * len(value_paths) or len(keys) != 2 * len(key_paths):
        raise ValueError("positions do not match the data")
    numbers = iter(values)
    key_numbers = iter(keys)
    return Document(
        display,
        data,
        sha256,
        dict(zip(value_paths, zip(numbers, numbers, strict=True), strict=True)),
        dict(zip(key_paths, zip(key_numbers, key_numbers, strict=True), strict=True)),
        {tuple(k): text for k, text in sources},
    )


def _walk(value: Any, path: PathKey, values: list[PathKey], keys: list[PathKey]) -> None:
    """Paths in the order the loader records positions: a value, then each key of a mapping
    followed by its value, each item of a list."""
    values.append(path)
    if type(value) is dict:
        for key, item in value.items():
            child = (*path, key)
            keys.append(child)
            _walk(item, child, values, keys)
    elif type(value) is list:
        for index, item in enumerate(value):
            _walk(item, (*path, index), values, keys)


def parse_vendor(raw: bytes, display: str) -> Document:
    """Parse and validate as a vendor profile (InputError on any problem)."""
    from vendorgate.load.validate import validate

    doc = load_bytes(raw, display)
    validate(doc, "vendor")
    return doc


def cached_document(payload: bytes | None, display: str, sha256: str) -> Document | None:
    """The parsed profile a profiles entry holds, or None when there is none usable."""
    if payload is None:
        return None
    try:
        return decode_document(payload, display, sha256)
    except (ValueError, TypeError, KeyError):
        return None


def load_profile_document(path: Path, display: str, cache: Cache | None) -> Document:
    """A vendor profile file loaded and validated, from the cache when its bytes were seen
    before. Raises InputError exactly as loading it would."""
    raw = read_bytes(path, display)
    if cache is None:
        return parse_vendor(raw, display)
    sha = hashlib.sha256(raw).hexdigest()
    key = vendor_key(sha, display)
    doc = cached_document(cache.get(PROFILES, key), display, sha)
    if doc is None:
        doc = parse_vendor(raw, display)
        cache.put(PROFILES, key, encode_document(doc))
    return doc
