"""Where inputs are: the organisation profile, the project and repository roots, the
YAML files below a folder, rule pack files, and paths as findings show them."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

from vendorgate.core.errors import InputError, Problem, UsageError
from vendorgate.core.model import (
    OrgProfile,
)
from vendorgate.text.reader import STDIN, STDIN_DISPLAY

ORG_FILENAMES = ("vendorgate.yaml", "org.yaml")
YAML_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path) -> str:
    """The path relative to its project root (see :func:`project_root`), so that findings and
    messages read the same from any working directory and in CI annotations."""
    if str(path) == STDIN:
        return STDIN_DISPLAY
    resolved = Path(os.path.abspath(path))
    root = project_root(resolved.parent)
    if root is None:
        return str(path)
    return resolved.relative_to(root).as_posix()


@functools.cache
def project_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (so paths match what code
    review and CI annotations show), else the nearest holding an organisation profile; None
    when there is neither."""
    chain = (folder, *folder.parents)
    for candidate in chain:
        if (candidate / ".git").exists():
            return candidate
    for candidate in chain:
        if any((candidate / name).is_file() for name in ORG_FILENAMES):
            return candidate
    return None


def find_org(start: Path | None = None) -> Path | None:
    """Walk up from ``start`` (the working directory) to the first organisation profile."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ORG_FILENAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def discover(paths: Iterable[str | Path], *, what: str = "vendor profile") -> list[Path]:
    """YAML files named directly or found below the given folders, sorted, without duplicates."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN:  # one profile piped in; its snapshots resolve from here
            found[path] = None
        elif path.is_dir():
            depth = len(path.parts)
            for candidate in sorted(path.rglob("*"), key=_path_order):
                if candidate.suffix not in YAML_SUFFIXES or any(
                    p.startswith(".") for p in candidate.parts[depth:]
                ):
                    continue
                if candidate.is_file():
                    found[candidate] = None
                elif not candidate.is_dir():  # never skip silently what may be a profile
                    raise InputError(Problem(_not_regular(candidate), display_path(candidate)))
        elif path.is_file():
            # `./-` is a file named "-", not standard input: keep it from reading as "-"
            found[Path(os.path.abspath(path)) if str(path) == STDIN else path] = None
        elif path.exists() or path.is_symlink():
            raise InputError(Problem(_not_regular(path), str(raw)))
        else:
            raise UsageError(f"{raw}: no such file or folder ({what}s expected)")
    return list(found)


def _not_regular(path: Path) -> str:
    """Why a YAML path that is neither a file nor a folder is refused (it is never read)."""
    if path.is_symlink() and not path.exists():
        return "a symbolic link to nothing; remove it or point it at a profile"
    return "not a regular file (a named pipe, socket or device); refused without reading it"


def _path_order(path: Path) -> tuple[str, ...] | Path:
    """The order of sorting paths themselves, faster for large folders: on POSIX, paths
    compare by their parts; elsewhere (case-insensitive) the paths are compared as they are."""
    return path.parts if os.name == "posix" else path


def repo_root(path: Path) -> Path:
    """The repository a profile lives in: the nearest folder above it holding ``.git``, else
    one holding an organisation profile, else the profile's own folder. Snapshots must stay
    inside it.

    A symlinked profile belongs to the repository of the link, not of its target: the link is
    what this repository's review approved, and resolving the target first would let a link
    carry its snapshot paths into another repository (or anywhere on the machine)."""
    start = Path(os.path.abspath(path)).parent
    chain = (start, *start.parents)
    for folder in chain:
        if (folder / ".git").exists():
            return folder
    for folder in chain:
        if any((folder / n).is_file() for n in ORG_FILENAMES):
            return folder
    return start


def root_for(path: Path, roots: dict[Path, Path]) -> Path:
    """:func:`repo_root`, worked out once per folder in ``roots`` (resolving every file of a
    large catalogue walks the file system for each); a symlinked file belongs to its link's
    folder like any other."""
    root = roots.get(path.parent)
    if root is None:
        root = roots[path.parent] = repo_root(path)
    return root


def discover_packs(paths: Iterable[str | Path]) -> list[Path]:
    """Rule pack files: YAML files whose top-level ``kind`` is ``RulePack`` (example vendor
    profiles beside the packs are skipped). The kind is read by parsing each file, never by
    matching its text, so line endings, a byte order mark, tags, quoting or comments cannot
    hide a pack; a file that does not parse is an input error rather than skipped, since its
    kind is unknown. A file named directly is always taken, so a mistyped kind is reported
    rather than ignored."""
    from vendorgate.load.yaml import load_file  # PyYAML, only when packs are looked for

    named = {Path(p) for p in paths if Path(p).is_file()}
    packs = []
    problems: list[Problem] = []
    for path in discover(paths, what="rule pack"):
        if path in named:
            packs.append(path)
            continue
        try:
            data = load_file(path, display_path(path)).data
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if isinstance(data, dict) and data.get("kind") == "RulePack":
            packs.append(path)
    if problems:
        raise InputError(problems)
    return packs


def default_org() -> OrgProfile:
    """Used when no organisation profile is found: every pack, default thresholds."""
    return OrgProfile(name="(no organisation profile)", path="")
