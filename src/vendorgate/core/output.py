"""Writing output files atomically: a reader never sees half a report, and a failed write
leaves no file behind (and keeps any previous file intact)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from vendorgate.core.errors import OutputError, UsageError


def write_atomic(path: str | Path, text: str | bytes) -> None:
    """Write to a temporary file beside ``path``, fsync, then rename over it."""
    write_atomic_parts(path, [text.encode("utf-8") if isinstance(text, str) else text])


def write_atomic_parts(path: str | Path, parts: Iterable[bytes]) -> None:
    """:func:`write_atomic` for text in parts (a large report is never joined in memory)."""
    write_atomic_many([(path, parts)])


def write_atomic_many(files: Sequence[tuple[str | Path, Iterable[bytes]]]) -> None:
    """Write several files, each from its parts, all or nothing: every file is written in
    full to a temporary file beside its target first, and only when all are whole do they
    replace their targets. An error while any is written (a full disk, a rendering error)
    leaves every target as it was and no temporary file behind; so does a rename that fails
    after others were made: those are rolled back from a copy kept of each old target."""
    staged: list[tuple[str, Path]] = []
    kept: list[tuple[Path, str | None]] = []
    try:
        for path, parts in files:
            staged.append((_stage(Path(path), parts), Path(path)))
        for _, target in staged:  # what would stop a rename, found before any is made
            if target.is_dir():
                raise OutputError(f"{target}: cannot write output: it is a directory")
        if len(staged) > 1:
            for _, target in staged:
                kept.append((target, _keep(target)))
        for tmp, target in staged:
            _replace(tmp, target)
    except BaseException:
        _roll_back(staged, kept)
        raise
    finally:
        for _, copy in kept:
            if copy is not None:
                with contextlib.suppress(OSError):
                    os.unlink(copy)


def _keep(target: Path) -> str | None:
    """A second name for ``target``'s current file (None when there is none), so that a later
    failure can put it back: a hard link, or a copy where the file system has none."""
    if not target.is_file():
        return None
    copy = ""
    try:
        fd, copy = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
        os.close(fd)
        os.unlink(copy)
        try:
            os.link(target, copy)
        except OSError:
            shutil.copy2(target, copy)
    except OSError as exc:
        if copy:
            with contextlib.suppress(OSError):
                os.unlink(copy)
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc
    return copy


def _roll_back(staged: list[tuple[str, Path]], kept: list[tuple[Path, str | None]]) -> None:
    """Undo a failed :func:`write_atomic_many`: temporary files removed, and every target
    already replaced given its old file back (or removed when it had none)."""
    replaced = {target for tmp, target in staged if not os.path.lexists(tmp)}
    for tmp, _ in staged:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    for target, copy in kept:
        if target not in replaced:
            continue
        with contextlib.suppress(OSError):
            if copy is None:
                os.unlink(target)
            else:
                os.replace(copy, target)


def refuse_output_over(output: str | None, inputs: Iterable[str | Path | None]) -> None:
    """UsageError when ``output`` (an ``-o`` file) names one of ``inputs`` (files a command
    reads or writes, existing or not): the report would replace the profile or the document
    it is about. URLs, ``-`` and None are no files and are skipped."""
    if not output or output == "-":
        return
    for given in inputs:
        if given is None or str(given) in ("", "-") or str(given).startswith(_SCHEMES):
            continue
        if _same_file(Path(output), Path(given)):
            raise UsageError(
                f"-o {output}: is {given}, which this command reads or writes; the output "
                "would replace it: name another file"
            )


_SCHEMES = ("http://", "https://")


def _same_file(a: Path, b: Path) -> bool:
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet): the paths differ, so do the files
        return False


def stage_beside(target: Path, data: bytes) -> Path:
    """A temporary file beside ``target`` holding ``data``, flushed to disk and with the mode
    ``target`` has (or a plain ``open`` would give it), for a caller that puts it in place
    itself; OutputError when it cannot be written, and then nothing is left behind."""
    return Path(_stage(target, [data]))


def _stage(target: Path, parts: Iterable[bytes]) -> str:
    """A temporary file beside ``target`` holding ``parts``, flushed to disk; its name."""
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
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _replace(tmp: str, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc


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


TREE_MARK = ".vendorgate-site"
"""The file that marks a folder :func:`write_tree` wrote, so that it may replace it again."""


def write_tree(folder: str | Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write files (relative path, bytes) as the folder's new content, all or nothing: they are
    written into a fresh sibling folder that then takes the folder's place (a previous content
    is removed only once the new one is whole). An existing folder is replaced only when it is
    empty or was written here (it holds :data:`TREE_MARK`): never a folder of other files.
    Returns the number of files written."""
    target = Path(folder)
    if target.is_dir() and any(target.iterdir()) and not (target / TREE_MARK).is_file():
        raise OutputError(
            f"{target}: the folder holds other files and is not a report site vendorgate "
            "wrote; choose a new or empty folder"
        )
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: not a folder; give a folder to write the site in")
    target = target.resolve()
    parent = target.parent
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc
    count = 0
    try:
        for relative, data in files:
            path = fresh / relative
            if fresh not in path.resolve().parents:  # pragma: no cover - names are slugs
                raise OutputError(f"{target}: refusing to write outside it: {relative}")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            count += 1
        (fresh / TREE_MARK).write_text("written by vendorgate report -o DIR/\n")
        old = parent / f".{target.name}.old"
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(fresh, target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise OutputError(f"{target}: cannot write output: {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return count
