"""Hours within which the vendor notifies the customer of a breach."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import breach


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        # from the existing scanner tests (no shipped snapshot states a number of hours)
        ("", "We will notify you within 72 hours of becoming aware of a personal data breach.", 72),
        (
            "zoom/terms-of-service/2026-08-06.md",
            "Zoom will notify you if it becomes aware of an unauthorized disclosure or "
            "unauthorized access to Customer Content.",
            "undisclosed",
        ),
    ],
)
def test_notification_deadline(document: str, quote: str, expected: object) -> None:
    assert suggested(breach, document, quote) == {"breach_notification_hours": expected}


def test_hours_without_a_notice_to_the_customer_are_not_a_breach_deadline() -> None:
    quote = (
        "Log files are kept for a maximum of 72 hours, and only to facilitate troubleshooting, "
        "improve the service and prevent misuse."
    )
    assert hits(breach, "wire/privacy-policy/2023-05-12.md", quote) == []


# Written for these tests.
@pytest.mark.parametrize(
    "text",
    [
        "If we learn of a security system breach, we will notify you.",
        "In the event of an incident affecting your personal data, we will notify you.",
        "Upon any loss, alteration or unauthorised disclosure of data, we shall notify the client "
        "without undue delay.",
    ],
)
def test_written_breach_notices_without_a_number(text: str) -> None:
    assert written(text) == {"breach_notification_hours": "undisclosed"}
