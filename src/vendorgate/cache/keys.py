"""Keys of the cache: digests of lists of parts, the fingerprint of vendorgate's own code, and
the key of a vendor file's entries. Any change to how results are computed or rendered gives
new keys, so an entry is never read by code that would have written it differently.
"""

from __future__ import annotations

import functools
import hashlib
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
