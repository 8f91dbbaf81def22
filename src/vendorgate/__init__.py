"""vendorgate: checks what SaaS vendors do with customer data against an organisation's rules.

The library API lives in :mod:`vendorgate.run`; importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from vendorgate.run import check, validate

__all__ = ["__version__", "check", "validate"]


def __getattr__(name: str) -> Any:
    if name in ("check", "validate"):
        from vendorgate import run

        return getattr(run, name)
    raise AttributeError(name)
