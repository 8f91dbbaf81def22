"""Read-only access to git: the repository root, and a revision's files exported to a temporary
folder. Nothing here writes to the user's working tree, index, refs or worktree list."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from vendorgate.core.errors import UsageError

GIT_TIMEOUT = 120
"""Seconds; exporting a large repository can take a while, a hung git must not hang CI."""


def toplevel(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding ``.git`` (a folder, or a file in a
    worktree or submodule); the working directory itself when there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        raise UsageError("git is not installed; compare two folders instead of two revisions")
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise UsageError(f"git {' '.join(args[:2])} took longer than {GIT_TIMEOUT}s") from exc


def git_root(cwd: Path) -> Path | None:
    """The work tree's top level according to git, or None outside a repository."""
    done = _git(["rev-parse", "--show-toplevel"], cwd)
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8").strip())


def prefix(cwd: Path) -> str:
    """Where ``cwd`` lies inside its work tree (``""`` at the top, else ``sub/dir/``)."""
    done = _git(["rev-parse", "--show-prefix"], cwd)
    return done.stdout.decode("utf-8").strip() if done.returncode == 0 else ""


def resolve(revision: str, cwd: Path) -> str | None:
    """The commit a revision names, or None when it names none."""
    if revision.startswith("-"):
        return None  # never let a revision be read as an option
    spec = f"{revision}^{{commit}}"
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", spec], cwd)
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8").strip()


def export(commit: str, cwd: Path) -> Path:
    """The files of ``commit`` in a new temporary folder (the caller removes it).

    Read from git's object database (``git ls-tree`` then ``git cat-file``), not with ``git
    archive``: the archive honours the revision's own ``.gitattributes``, so ``export-ignore``
    would hide a vendor profile from the comparison and ``export-subst`` rewrite one. Only
    files and symbolic links that stay inside the folder are written; submodules, links and
    paths leaving it are not."""
    # From a subfolder, ls-tree would list only that subtree: run it at the top.
    top = git_root(cwd) or cwd
    listed = _git(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", commit], top)
    if listed.returncode != 0:
        message = listed.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"git ls-tree {commit[:12]} failed: {message}")
    blobs = _regular_files(listed.stdout)
    target = Path(tempfile.mkdtemp(prefix="vendorgate-rev-"))
    try:
        _write_blobs(blobs, top, target)
    except (UsageError, OSError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        if isinstance(exc, UsageError):
            raise
        raise UsageError(f"cannot export revision {commit[:12]}: {exc}") from exc
    return target


_MODES = {b"100644": "file", b"100755": "executable", b"120000": "link"}
"""Tree entry modes written out, by kind; submodules (160000) have no content here."""


def _regular_files(listing: bytes) -> list[tuple[str, bytes, str]]:
    """(path, blob id, kind) of each file and symbolic link in ``git ls-tree -r -z`` output."""
    found = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, blob = meta.split(b" ")
        if kind != b"blob" or mode not in _MODES:
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        parts = Path(path).parts
        if Path(path).is_absolute() or ".." in parts or ".git" in parts:
            raise UsageError(f"unsafe path in revision: {path!r}")
        found.append((path, blob, _MODES[mode]))
    return found


def _write_blobs(blobs: list[tuple[str, bytes, str]], top: Path, target: Path) -> None:
    """Write each blob's bytes, exactly as committed (no filters, no attributes); a symbolic
    link is made again when it points inside the revision, as a checkout would have it."""
    if not blobs:
        return
    done = _git(["cat-file", "--batch"], top, b"".join(b + b"\n" for _, b, _ in blobs))
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"git cat-file failed: {message}")
    out, offset = done.stdout, 0
    for path, blob, kind in blobs:
        header_end = out.index(b"\n", offset)
        header = out[offset:header_end].split(b" ")
        if len(header) != 3 or header[0] != blob:
            raise UsageError(f"git cat-file gave an unexpected answer for {path}")
        size = int(header[2])
        start = header_end + 1
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        content = out[start : start + size]
        offset = start + size + 1
        if kind == "link":
            _link(destination, content, target)
            continue
        destination.write_bytes(content)
        if kind == "executable":
            destination.chmod(0o755)


def _link(destination: Path, content: bytes, target: Path) -> None:
    """Make a committed symbolic link again, refusing one that leaves the revision's folder."""
    pointed = content.decode("utf-8", "surrogateescape")
    inside = os.path.normpath(destination.parent / pointed)
    if os.path.isabs(pointed) or not inside.startswith(str(target) + os.sep):
        relative = destination.relative_to(target).as_posix()
        raise UsageError(f"symbolic link {relative} points outside the revision: {pointed}")
    os.symlink(pointed, destination)
