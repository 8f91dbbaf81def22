"""The shipped JSON Schemas, read from the package."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_NAMES = ("vendor", "rules", "org", "report")


@cache
def schema_text(name: str) -> str:
    """The shipped schema file, verbatim."""
    if name not in SCHEMA_NAMES:
        raise KeyError(name)
    return resources.files("vendorgate").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded
