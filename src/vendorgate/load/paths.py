"""Checks of a path option before it is read: a folder given where a file is expected (or a
name that does not exist) gets a message saying so, not a reader's error."""

from __future__ import annotations

from pathlib import Path

from vendorgate.core.errors import UsageError


def profile_file(raw: str, option: str = "") -> Path:
    """``raw`` as the path of a vendor profile file; UsageError when it is a folder or missing.
    ``option`` (``--vendor``) prefixes the message when the path came from one."""
    path = Path(raw)
    said = f"{option} {raw}" if option else raw
    if path.is_dir():
        raise UsageError(
            f"{said}: is a folder; a vendor profile file was expected (e.g. vendors/acme.yaml)"
        )
    if not path.is_file():
        raise UsageError(
            f"{said}: no such file (a vendor profile file was expected, e.g. vendors/acme.yaml)"
        )
    return path
