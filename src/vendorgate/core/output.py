"""Writing output files atomically: a reader never sees half a report, and a failed write
leaves no file behind (and keeps any previous file intact)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from vendorgate.core.errors import OutputError


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename over it."""
    write_atomic_parts(path, [text.encode("utf-8") if isinstance(text, str) else text])


def write_atomic_parts(path: str | Path, parts: Iterable[bytes]) -> None:
    """:func:`write_atomic` for text in parts (a large report is never joined in memory)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), _mode_for(target))
            for data in parts:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode_for(target: Path) -> int:
    """The mode a plain ``open`` would give: the file's own when it exists, else 0666 less the
    umask (mkstemp's temporary file is 0600 whatever the umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def append_text(path: str | Path, text: str) -> None:
    """Append ``text`` with a single ``O_APPEND`` write, as CI summary files expect: other
    writers' content is kept and a reader never sees part of this text interleaved."""
    data = text.encode("utf-8")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"{path}: cannot append: {exc.strerror or exc}") from exc
    try:
        written = os.write(fd, data)
        while written < len(data):  # only on exotic file systems; keep the rest in order
            written += os.write(fd, data[written:])
    except OSError as exc:
        raise OutputError(f"{path}: cannot append: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)
