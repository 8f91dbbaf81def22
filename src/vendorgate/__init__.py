"""vendorgate: checks what SaaS vendors do with customer data against an organisation's rules.

The library API: :func:`check` and :func:`validate` (from :mod:`vendorgate.app.run`), and
``vendorgate.report.render(name, result)``. Importing this package stays cheap: the
subpackages load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vendorgate.core.version import __version__

if TYPE_CHECKING:
    from vendorgate.app.run import check, validate

__all__ = ["__version__", "check", "validate"]

_SUBPACKAGES = frozenset(
    {
        "app",
        "cache",
        "ci",
        "cli",
        "commands",
        "core",
        "engine",
        "evidence",
        "gate",
        "load",
        "rego",
        "report",
        "scan",
        "schemas",
        "text",
    }
)


def __getattr__(name: str) -> Any:
    if name in ("check", "validate"):
        from vendorgate.app import run

        return getattr(run, name)
    if name in _SUBPACKAGES:
        return importlib.import_module(f"vendorgate.{name}")
    if name == "errors":  # the README's spelling from before the layers: still works
        return importlib.import_module("vendorgate.core.errors")
    raise AttributeError(name)
