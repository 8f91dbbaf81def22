"""``vendorgate schema``: the JSON Schema of a file kind, as shipped."""

from __future__ import annotations

from dataclasses import dataclass

from vendorgate.commands.outcome import Outcome, text
from vendorgate.core.errors import EXIT_OK

KINDS = ("vendor", "rules", "org", "report")
"""The file kinds with a published schema."""


@dataclass(frozen=True)
class SchemaRequest:
    """What ``schema`` was asked."""

    kind: str
    """One of :data:`KINDS`."""


def execute(request: SchemaRequest) -> Outcome:
    from vendorgate.schemas.files import schema_text

    # The shipped file is the output: a schema is not a result, so it has no view.
    return text(schema_text(request.kind), EXIT_OK)
