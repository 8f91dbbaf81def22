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


# Written for these tests.
@pytest.mark.parametrize(
    "text",
    [
        "Deleted files may remain for a while in encrypted backups.",
        "Your stored content cannot be decrypted by us or by anyone without your key.",
        "We have no technical means to access the content of your encrypted notes.",
        "Our notes app is end-to-end encrypted by default.",
        "We use strong cryptography to protect customer files.",
    ],
)
def test_written_stored_data_encrypted(text: str) -> None:
    assert written(text)["encryption_at_rest"] == "encrypted"


@pytest.mark.parametrize(
    "text",
    [
        # a defined term names data; it does not say how the data is stored
        "All data stored with us (including Encrypted Content) moves to the new plan.",
        "Parts of your encryption keys may be stored on your device.",
        "We are not liable if someone reads a locally stored copy of your encrypted files.",
        # encrypted only in some cases
        "When a message is end-to-end encrypted, only its recipients can read it.",
    ],
)
def test_written_no_encryption_at_rest_statement(text: str) -> None:
    assert "encryption_at_rest" not in written(text)


# Written for these tests: encryption at rest stated alongside encryption in transit.
@pytest.mark.parametrize(
    "text",
    [
        "We encrypt data in transit and at rest.",
        "Data at rest is encrypted using AES-256 and data in transit using TLS 1.2.",
        "All customer content is encrypted at rest with AES-256 and in transit with TLS.",
        "Under no circumstances can we decrypt the files you store with us.",
    ],
)
def test_written_at_rest_beside_in_transit(text: str) -> None:
    assert written(text) == {"encryption_at_rest": "encrypted"}


@pytest.mark.parametrize(
    "text",
    [
        # a credential kept encrypted is not the customer's data
        "Passwords are stored encrypted.",
        "Card numbers are stored in encrypted form.",
        # the user's own choice, or advice to them
        "You can encrypt your files before uploading them.",
        "We recommend that you encrypt sensitive files before storing them.",
        # hedged: some data, or only where the vendor can
        "Where possible, we encrypt stored data.",
        "We may encrypt certain data stored on our servers.",
        # a call or a message passing through is encrypted in transit
        "We cannot decrypt the content of your calls.",
        "This information is end-to-end encrypted.",
    ],
)
def test_written_no_statement_about_customer_data_at_rest(text: str) -> None:
    assert "encryption_at_rest" not in written(text)


# Written for these tests.
def test_written_backups_are_encrypted() -> None:
    assert written("Backups are encrypted.") == {"encryption_at_rest": "encrypted"}


@pytest.mark.parametrize(
    "text",
    [
        "Encryption at Rest",  # a title names the topic
        "We use encryption to protect your data.",  # data at large, maybe on the move
    ],
)
def test_written_no_at_rest_statement(text: str) -> None:
    assert "encryption_at_rest" not in written(text)


# Written for these tests: the staff's own computers are encrypted, which says nothing of how the
# customer's data is stored; said together with the customer's data, it still counts.
@pytest.mark.parametrize(
    "text",
    [
        "Staff laptops have encrypted disks and lock after five minutes.",
        "Every employee workstation is protected with encrypted storage.",
    ],
)
def test_written_encrypted_staff_devices(text: str) -> None:
    assert "encryption_at_rest" not in written(text)


# Written for these tests.
def test_written_staff_devices_beside_customer_data() -> None:
    text = "Company laptops and all customer data stored in our databases are encrypted."
    assert written(text) == {"encryption_at_rest": "encrypted"}


# Written for these tests: whole-disk encryption of the servers, and the cipher spelled out.
@pytest.mark.parametrize(
    "text",
    [
        "Our production servers use full disk encryption.",
        "Every storage volume in our clusters uses full-volume encryption.",
        "Uploaded files are encrypted with 256-bit Advanced Encryption Standard.",
    ],
)
def test_written_whole_disk_and_spelled_out_cipher(text: str) -> None:
    assert written(text) == {"encryption_at_rest": "encrypted"}


# Written for these tests: whole-disk encryption of the staff's machines is not the customer's.
@pytest.mark.parametrize(
    "text",
    [
        "All employees must turn on full disk encryption on their work laptops.",
        "Our team uses secure devices with full-disk encryption and strong passwords.",
    ],
)
def test_written_whole_disk_encryption_of_staff_machines(text: str) -> None:
    assert "encryption_at_rest" not in written(text)


# Written for this test: "don't have the means" is "do not have the means" (it read nothing).
def test_a_contracted_denial_of_the_means_to_read_the_content_is_encryption() -> None:
    text = "We don't have the means to access your encrypted files."
    assert written(text) == {"encryption_at_rest": "encrypted"}
