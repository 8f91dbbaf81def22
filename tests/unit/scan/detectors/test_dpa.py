"""Whether a data processing agreement applies or is offered."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested
from vendorgate.scan.detectors import dpa

MAILJET_DPA = "mailjet/data-processor-agreement/2025-01-17.md"


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        (
            "mailjet/privacy-policy/2025-01-17.md",
            "You can sign our Data Processing Agreement which lists out all our important "
            "sub-processors used and the measures in place to ensure proper data protections.",
        ),
        (
            MAILJET_DPA,
            "IN WITNESS WHEREOF, this DPA and the Annexes are entered into and becomes a binding "
            "part of the Principal Agreement with effect from the date first set out above.",
        ),
    ],
)
def test_dpa_in_force(document: str, quote: str) -> None:
    assert suggested(dpa, document, quote) == {"dpa_available": "available"}


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        # here the DPA is the data protection authority
        (
            "mailjet/privacy-policy/2025-01-17.md",
            "If you are located in the EU, you also have the right to lodge a complaint to your "
            "DPA.",
        ),
        (
            MAILJET_DPA,
            "For the purposes of this DPA, capitalized terms shall have the following meanings.",
        ),
    ],
)
def test_other_mentions_of_dpa(document: str, quote: str) -> None:
    assert hits(dpa, document, quote) == []
