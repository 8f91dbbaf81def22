"""Whether customer data is encrypted at rest."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import encryption

MAILJET_DPA = "mailjet/data-processor-agreement/2025-01-17.md"


@pytest.mark.parametrize(
    "quote",
    [
        "Customer data is stored encrypted-at-rest through the use of AES-256 encryption on block "
        "devices.",
        "Backups are encrypted-in-transit and at rest using strong encryption.",
    ],
)
def test_encrypted_at_rest(quote: str) -> None:
    assert suggested(encryption, MAILJET_DPA, quote) == {"encryption_at_rest": "encrypted"}


def test_encryption_in_transit_only_says_nothing_about_rest() -> None:
    quote = (
        "Sinch Email supports TLS 1.2 to encrypt network traffic between the client application "
        "and Sinch Email infrastructure."
    )
    assert hits(encryption, MAILJET_DPA, quote) == []


# Sentences below are written for these tests (no vendor's words).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customer files are protected with AES-256 on our storage clusters.", "encrypted"),
        ("We apply 256-bit AES to every document you upload.", "encrypted"),
        ("Encryption of customer data at rest is applied by default.", "encrypted"),
        ("Archived messages are not encrypted at rest.", "not_encrypted"),
    ],
)
def test_written_encryption_at_rest(text: str, expected: str) -> None:
    assert written(text) == {"encryption_at_rest": expected}


def test_not_end_to_end_encrypted_says_nothing_about_rest() -> None:
    assert written("Messages stored in the archive are not end-to-end encrypted.") == {}


@pytest.mark.parametrize(
    "text",
    [
        "Files are encrypted on your device before they are uploaded to our servers.",
        "We use zero-knowledge encryption for all documents.",
    ],
)
def test_encryption_before_upload_is_encryption_at_rest(text: str) -> None:
    assert written(text) == {"encryption_at_rest": "encrypted"}
