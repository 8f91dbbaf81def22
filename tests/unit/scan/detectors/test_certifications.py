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


# Written for these tests: the shapes of a certificate held, and of a standard only mentioned.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme maintains ISO/IEC 27001:2022 certification.", ("iso27001",)),
        ("Acme is ISO-27001 certified.", ("iso27001",)),
        ("Acme has completed a Type 2 SOC 2 audit.", ("soc2_type2",)),
    ],
)
def test_written_certificates_held(text: str, expected: tuple[str, ...]) -> None:
    assert written(text) == {"certifications": expected}


@pytest.mark.parametrize(
    "text",
    [
        "We are working towards ISO 27001 certification.",
        "We are not currently SOC 2 Type II certified.",
        "Our security program is aligned with ISO 27001.",
        "Our payment processor, Stripe, is PCI DSS compliant.",
        "Payments are handled by third parties that are PCI-DSS compliant.",
        '"Security Standards" means ISO 27001 and SOC 2 Type II.',
    ],
)
def test_written_standards_not_held(text: str) -> None:
    assert "certifications" not in written(text)


# Written for these tests: the infrastructure provider's certificate is not the vendor's.
@pytest.mark.parametrize(
    "text",
    [
        "Our cloud provider, Amazon Web Services, is ISO 27001 certified.",
        "Our data centers are SOC 2 Type II and ISO 27001 certified.",
        "Our product runs on SOC 2 Type II and ISO 27001 certified infrastructure.",
        "The Service is hosted in ISO 27001 certified data centres.",
        "We only use hosting services that are ISO 27001 certified.",
        "Our hosting partner holds ISO 27001 and SOC 2 Type II reports, whose controls we inherit.",
    ],
)
def test_written_certificates_of_the_infrastructure(text: str) -> None:
    assert "certifications" not in written(text)


# Written for these tests: runs of numbers, brackets, spelled-out programmes.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme is certified to ISO 27001, 27017 and 27018.", ("iso27001", "iso27017", "iso27018")),
        ("Acme has a SOC 2 (Type II) report.", ("soc2_type2",)),
        ("Acme is certified under the Cloud Security Alliance STAR program.", ("csa_star",)),
        ("Our ISO 9001 and ISO 27001 certifications are renewed annually.", ("iso27001",)),
    ],
)
def test_written_certificate_shapes(text: str, expected: tuple[str, ...]) -> None:
    assert written(text)["certifications"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "You are solely responsible for your compliance with PCI DSS.",
        "Under provision 4, 27001 records are kept and audited.",
    ],
)
def test_written_no_certificate_held(text: str) -> None:
    assert "certifications" not in written(text)


# Written for these tests: an audit under way is no report held.
@pytest.mark.parametrize(
    "text",
    [
        "Acme is currently undergoing a SOC 2 Type II audit.",
        "Our SOC 2 Type 2 examination is in progress, with the report expected next year.",
        "Acme is being audited against ISO 27001 this quarter.",
    ],
)
def test_written_audit_under_way(text: str) -> None:
    assert "certifications" not in written(text)


# Written for these tests: a certificate planned for a date is not held yet.
@pytest.mark.parametrize(
    "text",
    [
        "ISO/IEC 27001 certification is planned for the fourth quarter.",
        "SOC 2 Type II: scheduled for next year",
        "Our ISO 27001 certificate is expected by the end of 2027.",
    ],
)
def test_written_certificate_planned(text: str) -> None:
    assert "certifications" not in written(text)


# Written for these tests: the report's name hyphenated.
def test_written_hyphenated_soc_2() -> None:
    assert written("Acme holds a SOC-2 Type II report.") == {"certifications": ("soc2_type2",)}
