"""Where the new files go and how they get there: checks before a byte is written, each file
staged whole beside its name and given that name only while it is free, the profile verified
before it is put in place, and everything a failed run made undone."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from vendorgate.core.errors import InputError, OutputError, Problem, UsageError
from vendorgate.onboard.lineage import refuse_changed

if TYPE_CHECKING:
    from collections.abc import Mapping

    from vendorgate.evidence.verify import VerifyResult
    from vendorgate.onboard.documents import NewDocument
    from vendorgate.onboard.lineage import Edit

_NO_LINKS = frozenset(
    getattr(errno, name)
    for name in ("EPERM", "EXDEV", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS", "EACCES")
    if hasattr(errno, name)
)
"""Why ``os.link`` fails on a file system without hard links (or where they are forbidden);
the name is then taken by an exclusive create instead."""


def refuse_existing(target: Path) -> None:
    from vendorgate.load import workspace

    # A dangling symlink "does not exist", yet renaming over it would replace the user's link.
    if os.path.lexists(target):
        raise UsageError(f"{workspace.display_path(target)} exists; refusing to overwrite it")


def check_places(target: Path, docs: Sequence[NewDocument]) -> None:
    """Refuse, before a byte is written, a profile or snapshot that would land outside the
    repository the profile belongs to (``--vendors-dir`` elsewhere or through a symlink, a
    symlinked snapshot folder, a working folder that is no project), or on a symlink."""
    from vendorgate.load import workspace

    repo = workspace.repo_root(target).resolve()
    shown = workspace.display_path(target.parent)
    if not target.parent.resolve().is_relative_to(repo):
        raise UsageError(
            f"--vendors-dir {shown}: outside the repository {repo} (it is "
            f"{target.parent.resolve()}); name a folder inside it"
        )
    for doc in docs:
        _check_snapshot_place(doc.snapshot, repo)


def check_edits(edits: Mapping[Path, Edit]) -> None:
    """Refuse to close the chain in a profile that is a symlink: renaming the edit over it
    would replace the link with a file (and the file it points to would stay unedited)."""
    from vendorgate.load import workspace

    for path in edits:
        if path.is_symlink():
            raise UsageError(
                f"{workspace.display_path(path)}: is a symlink, and `new` would close the "
                "lineage chain in it; replace the link by the file, or set its lineage and "
                "in_force.until by hand and run `new` again"
            )


def _check_snapshot_place(snapshot: Path, repo: Path) -> None:
    from vendorgate.load import workspace

    shown = workspace.display_path(snapshot)
    probe = snapshot
    while probe.resolve() != repo or probe.is_symlink():
        if probe.is_symlink():
            raise UsageError(
                f"{shown}: {workspace.display_path(probe)} is a symlink; refusing to write a "
                "snapshot through it (evidence verify refuses such paths): make it a folder "
                "or file of the repository"
            )
        if probe.parent == probe:
            raise UsageError(
                f"{shown}: outside the repository {repo} the profile belongs to; run `new` "
                "in a project (a folder with vendorgate.yaml or .git at or above it; "
                "`vendorgate init` makes one), or give --vendors-dir inside it"
            )
        probe = probe.parent


def write_all(
    target: Path, text: str, docs: Sequence[NewDocument], edits: dict[Path, Edit]
) -> None:
    """Copy the snapshots, then put the profile and the edited neighbours in place, each
    file whole; the profile is loaded and its quotes verified before it is renamed in."""
    made: list[Path] = []  # files and folders this run created, undone if it fails
    neighbours: dict[Path, Path] = {}
    try:
        for doc in docs:
            _copy_snapshot(doc, made)
        _make_folder(target.parent, made)
        staged = _stage(target, text)
        try:
            _self_check(staged, target)
            neighbours = {path: _stage(path, edit.text) for path, edit in edits.items()}
            refuse_changed(edits)
            _place_new(staged, target, made)
        finally:
            staged.unlink(missing_ok=True)
    except BaseException:
        _undo([*made, *neighbours.values()])
        raise
    for path, temp in neighbours.items():
        os.replace(temp, path)


def _copy_snapshot(doc: NewDocument, made: list[Path]) -> None:
    from vendorgate.load import workspace

    if os.path.lexists(doc.snapshot) and doc.snapshot.read_bytes() == doc.data:
        return
    _make_folder(doc.snapshot.parent, made)
    staged = _stage(doc.snapshot, doc.data)
    try:
        _place_new(staged, doc.snapshot, made)
    except UsageError as exc:
        raise UsageError(
            f"{workspace.display_path(doc.snapshot)}: exists with other bytes; refusing to "
            "overwrite a snapshot (another version on the same date?)"
        ) from exc
    finally:
        staged.unlink(missing_ok=True)


def _make_folder(folder: Path, made: list[Path]) -> None:
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    folder.mkdir(parents=True, exist_ok=True)
    made.extend(reversed(missing))


def _place_new(staged: Path, path: Path, made: list[Path]) -> None:
    """Give ``staged`` the name ``path`` unless that name is taken, checked and done in one
    step (a hard link), so a file that appeared since the first check is never replaced."""
    from vendorgate.load import workspace

    try:
        try:
            os.link(staged, path)
        except OSError as exc:
            if isinstance(exc, FileExistsError) or exc.errno not in _NO_LINKS:
                raise
            _create_exclusive(staged, path, made)
            return
    except FileExistsError as exc:
        raise UsageError(
            f"{workspace.display_path(path)} exists (it appeared while `new` ran); "
            "refusing to overwrite it"
        ) from exc
    except OSError as exc:  # a full disk, a folder not writable
        raise OutputError(
            f"{workspace.display_path(path)}: cannot write: {exc.strerror or exc}"
        ) from exc
    made.append(path)


def _create_exclusive(staged: Path, path: Path, made: list[Path]) -> None:
    """Where hard links are not to be had: create ``path`` only if the name is free (one
    step, as the link is) and write ``staged``'s bytes into it. Unlike the link, the file is
    seen while being written; it is recorded first, so a failed write is undone."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, staged.stat().st_mode & 0o777)
    made.append(path)
    with os.fdopen(fd, "wb") as handle:
        handle.write(staged.read_bytes())
        handle.flush()
        os.fsync(handle.fileno())


def _undo(made: Sequence[Path]) -> None:
    """Remove what this run created, newest first (a folder only when left empty)."""
    for path in reversed(made):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()


def _stage(path: Path, data: str | bytes) -> Path:
    from vendorgate.core.output import stage_beside

    # The shared staging gives the file the mode a plain write would (an edited profile keeps
    # its own), is flushed to disk, and turns a full disk into an error, not a traceback.
    return stage_beside(path, data.encode("utf-8") if isinstance(data, str) else data)


def _self_check(staged: Path, target: Path) -> None:
    """Load the staged profile as ``validate`` would and verify its quotes."""
    import tempfile

    # A name of its own (made here, so renaming over it replaces nothing of the user's), with
    # the .yaml suffix the loader wants.
    handle, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=".check.yaml", dir=staged.parent
    )
    os.close(handle)
    checked = Path(name)
    os.replace(staged, checked)
    try:
        result = _verified(checked, target)
        bad = [item for item in result.items if item.status.value != "verified"]
        if bad:
            raise InputError(
                [Problem(f"quote of {item.fact} does not verify", str(target)) for item in bad]
            )
    finally:
        os.replace(checked, staged)


def _verified(checked: Path, target: Path) -> VerifyResult:
    """``verify`` of the staged copy; its problems name the profile, not the hidden copy."""
    from vendorgate.evidence import verify
    from vendorgate.load import workspace

    try:
        return verify.verify([checked])
    except InputError as exc:
        hidden, shown = workspace.display_path(checked), workspace.display_path(target)
        problems = [replace(p, path=shown) if p.path == hidden else p for p in exc.problems]
        raise InputError(problems) from exc
