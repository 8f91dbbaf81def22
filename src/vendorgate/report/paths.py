"""File paths as CI systems want them: relative to the repository root, with forward slashes.

Findings carry paths as the user named them (relative to the working directory when possible);
SARIF, GitHub annotations and JUnit need them relative to the repository root, which may be an
ancestor of the working directory. Only string operations and the working directory are used,
never the file system, so rendering stays a pure function of its inputs.
"""

from __future__ import annotations

import os
import posixpath
from urllib.parse import quote


def repo_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` in POSIX form (``..`` segments when it lies outside)."""
    if not path:
        return ""
    absolute = os.path.abspath(path)
    base = os.path.abspath(root or ".")
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive on Windows: no relative form exists
        relative = absolute
    return posixpath.join(*relative.split(os.sep)) if relative != "." else "."


def uri(path: str, root: str) -> str:
    """A relative URI reference for SARIF ``artifactLocation.uri`` (percent-encoded)."""
    return quote(repo_path(path, root), safe="/._-~")
