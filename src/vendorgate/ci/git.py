"""Read-only access to git: the repository root, and a revision's files exported to a temporary
folder. Nothing here writes to the user's working tree, index, refs or worktree list."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
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


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        raise UsageError("git is not installed; compare two folders instead of two revisions")
    try:
        return subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=cwd,
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
    """The files of ``commit`` in a new temporary folder (``git archive``; the caller removes
    it). Symbolic links and paths leaving the folder are refused by tarfile's data filter."""
    # From a subfolder, git archive would export only that subtree: run it at the top.
    done = _git(["archive", "--format=tar", commit], git_root(cwd) or cwd)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"git archive {commit[:12]} failed: {message}")
    target = Path(tempfile.mkdtemp(prefix="vendorgate-rev-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(done.stdout), mode="r:") as archive:
            if hasattr(tarfile, "data_filter"):
                archive.extractall(target, filter="data")
            else:  # pragma: no cover - Python before 3.10.12 has no extraction filters
                _refuse_unsafe(archive)
                archive.extractall(target)
    except (tarfile.TarError, OSError) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise UsageError(f"cannot unpack revision {commit[:12]}: {exc}") from exc
    return target


def _refuse_unsafe(archive: tarfile.TarFile) -> None:
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or member.islnk() or member.issym():
            raise tarfile.TarError(f"unsafe path in archive: {member.name}")
