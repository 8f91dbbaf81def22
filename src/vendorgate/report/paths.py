"""File paths as CI systems want them: relative to the repository root, with forward slashes.

Findings carry paths relative to their project root (the folder of the organisation profile,
see ``workspace.display_path``); SARIF, GitHub annotations and JUnit need them relative to the
repository root, which may be an ancestor of it. ``RenderOptions.base`` names the project root
and ``RenderOptions.root`` the repository root; rendering joins and relativises strings only,
never touching the file system, so it stays a pure function of its inputs.
"""

from __future__ import annotations

import functools
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from vendorgate.report import RenderOptions


def repo_path(path: str, options: RenderOptions) -> str:
    """A finding's path relative to the repository root in POSIX form (with ``..`` segments
    when it lies outside)."""
    if not path:
        return ""
    absolute = os.path.join(os.path.abspath(options.base or "."), path)
    base = os.path.abspath(options.root or ".")
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive on Windows: no relative form exists
        relative = absolute
    return posixpath.join(*relative.split(os.sep)) if relative != "." else "."


def uri(path: str, options: RenderOptions) -> str:
    """A relative URI reference for SARIF ``artifactLocation.uri`` (percent-encoded)."""
    if os.path.isabs(options.root) and os.path.isabs(options.base):
        # A pure function of its strings then (no working directory): every finding of a
        # vendor points into the same file, so remember the answer.
        return _uri(path, options.root, options.base)
    return quote(repo_path(path, options), safe="/._-~")


@functools.lru_cache(maxsize=4096)
def _uri(path: str, root: str, base: str) -> str:
    from vendorgate.report import RenderOptions

    return quote(repo_path(path, RenderOptions(root=root, base=base)), safe="/._-~")


def locate(org_path: str | None, root: str | None) -> tuple[str, str]:
    """For the CLI (this one reads the file system): the repository root - ``root`` when
    given, else the git top level, else the working directory - and the folder the findings'
    relative paths start from, worked out from how ``workspace.display_path`` shows the
    organisation profile (so the two can never disagree)."""
    from vendorgate.ci import git as gitrepo
    from vendorgate.load import workspace

    here = Path.cwd().resolve()
    org = Path(org_path) if org_path else workspace.find_org()
    base = here
    if org is not None and org.is_file():
        absolute = org.resolve()
        shown = Path(workspace.display_path(absolute))
        n = len(shown.parts)
        if (
            not shown.is_absolute()
            and ".." not in shown.parts
            and absolute.parts[-n:] == shown.parts
        ):
            base = Path(*absolute.parts[:-n])
    top = Path(root).resolve() if root else gitrepo.toplevel(base)
    return str(top), str(base)
