"""Keys of the cache: digests of lists of parts, the fingerprint of vendorgate's own code, the
key of a vendor file's entries, and the user's secret that signs every entry and pack.

Any change to how results are computed or rendered gives new keys, so an entry is never read
by code that would have written it differently. The signature (HMAC-SHA256 with a key kept
0600 in the user's configuration folder, never in a repository) means an entry that this
user's own runs did not write, committed to a checkout or restored from elsewhere, is a miss.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
import stat
import sys
from importlib import resources
from pathlib import Path

from vendorgate.core.version import __version__


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


def vendor_key(raw_sha256: str, display: str) -> str:
    """The key of a vendor file's entries: its bytes and the path it is shown under (findings
    carry it), the vendor schema it was validated against, and vendorgate's code."""
    return digest(_vendor_prefix(), display, raw_sha256)


@functools.cache
def _vendor_prefix() -> str:
    from vendorgate.schemas.files import schema_text

    return digest("vendor", code_fingerprint(), schema_text("vendor"))


# ---------------------------------------------------------------- the signing key

KEY_FILE = "cache-key"
"""The signing key's file in the user's configuration folder (``$XDG_CONFIG_HOME/vendorgate``
or ``~/.config/vendorgate``): never in a repository, never in the cache folder itself."""


def key_path() -> Path:
    """Where this user's signing key lives."""
    configured = os.environ.get("XDG_CONFIG_HOME")
    base = Path(configured) if configured and Path(configured).is_absolute() else None
    return (base or Path.home() / ".config") / "vendorgate" / KEY_FILE


@functools.cache
def _secret_at(path: Path) -> bytes | None:
    """The key at ``path``, created on first use; None when it cannot be trusted or made
    (then the cache is not used at all)."""
    for _ in range(2):
        try:
            return _read_key(path)
        except FileNotFoundError:
            pass
        except OSError:
            return None
        try:
            _create_key(path)
        except OSError:
            return None  # an unwritable home: run without a cache
    return None


def _read_key(path: Path) -> bytes | None:
    """The key, only from a regular file of this user that nobody else can read or write."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        key = os.read(fd, 256).strip()
    finally:
        os.close(fd)
    return key if len(key) >= 32 else None


def _create_key(path: Path) -> None:
    """Write a new random key, readable by this user only; a racing process's key wins."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{KEY_FILE}-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, secrets.token_hex(32).encode("ascii") + b"\n")
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails when another process made one first: keep theirs
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)


def secret() -> bytes | None:
    """This user's key for signing cache entries and packs, or None when there is none."""
    return _secret_at(key_path())


def sign(key: bytes, *parts: str | bytes | memoryview) -> str:
    """HMAC-SHA256 over length-prefixed parts: only a holder of the key can make it."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        mac.update(len(data).to_bytes(8, "little"))
        mac.update(data)
    return mac.hexdigest()


def signed(key: bytes, mac: bytes | str, *parts: str | bytes | memoryview) -> bool:
    """Whether ``mac`` is this key's signature of ``parts`` (compared in constant time)."""
    given = mac.decode("ascii", "replace") if isinstance(mac, bytes) else mac
    return hmac.compare_digest(given, sign(key, *parts))
