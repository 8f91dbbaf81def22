"""Security certifications and audit reports the vendor holds."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import suggested, written
from vendorgate.scan.detectors import certifications

MAILJET_DPA = "mailjet/data-processor-agreement/2025-01-17.md"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            "Sufficient evidence includes providing either: (i) a certification as to compliance "
            "with ISO 27001, ISO 27701 or other standards implemented by Sinch Email (scope as "
            "defined in the certificate); or (ii) an audit or attestation report of an "
            "independent third party.",
            ("iso27001", "iso27701"),
        ),
        # a short line of a list of reports needs no verb
        ("SOC 2 Type 2 report (Mailgun & Mailjet brands only)", ("soc2_type2",)),
        ("SOC 2 Type 1 report (Email on Acid brand only)", ("soc2_type1",)),
    ],
)
def test_certifications_named(quote: str, expected: tuple[str, ...]) -> None:
    assert suggested(certifications, MAILJET_DPA, quote) == {"certifications": expected}


# Written for these tests.
def test_a_standard_the_vendor_follows_spelled_out_is_a_certification() -> None:
    text = "We follow the Payment Card Industry Data Security Standard when taking card payments."
    assert written(text) == {"certifications": ("pci_dss",)}
