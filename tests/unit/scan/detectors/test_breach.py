"""Hours within which the vendor notifies the customer of a breach."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import breach, detect
from vendorgate.scan.document import sentences


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


# Written for these tests: the deadline shapes of breach clauses.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will notify Customer of a Personal Data Breach within forty-eight (48) hours.", 48),
        (
            "Provider shall notify Customer without undue delay, and in any event within "
            "seventy-two hours, after becoming aware of a Security Incident.",
            72,
        ),
        ("Customer will be notified of any Security Incident within twenty-four hours.", 24),
        ("Acme will notify affected customers of a data breach within 72 hours.", 72),
        ("Within 48 hours of learning of a Security Incident, Acme will notify Customer.", 48),
        (
            "Acme shall provide Customer with written notice of a Security Incident no later than "
            "three (3) days after discovery.",
            72,
        ),
    ],
)
def test_written_breach_deadlines(text: str, expected: int) -> None:
    assert written(text) == {"breach_notification_hours": expected}


@pytest.mark.parametrize(
    "text",
    [
        "We will notify the supervisory authority within 72 hours of a personal data breach and "
        "inform you without undue delay.",
        "We will notify you of a security incident without undue delay and will notify the "
        "supervisory authority within 72 hours.",
    ],
)
def test_a_regulators_deadline_is_not_the_customers(text: str) -> None:
    assert written(text) == {"breach_notification_hours": "undisclosed"}


# Written for this test: the incident named only by the section title or the list's lead-in.
INCIDENT_SECTION = """## Security Incident Notification

Acme will notify Customer within 48 hours.

In the event of a Personal Data Breach, Acme shall:

- notify Customer within seventy-two hours;
- cooperate with Customer.

## Changes

We will notify you of changes to these terms.
"""


def test_the_incident_named_by_the_title_or_the_lead_in() -> None:
    found = [
        hit.value
        for s in sentences(INCIDENT_SECTION)
        for hit in detect(s)
        if hit.fact == "breach_notification_hours"
    ]
    assert found == [48, 72]


# Written for these tests: the incident between the verb and the customer, and plain words.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme shall report any Security Incident to Customer within 48 hours.", 48),
        ("We will let you know within 72 hours if we discover a data breach affecting you.", 72),
        (
            "If a security breach occurs, we will tell affected customers without undue delay.",
            "undisclosed",
        ),
    ],
)
def test_written_breach_reported_in_other_words(text: str, expected: object) -> None:
    assert written(text) == {"breach_notification_hours": expected}


# Written for these tests: a report to a regulator is not the customer's notice.
def test_written_breach_reported_to_the_regulator() -> None:
    text = "Acme shall report any data breach to the supervisory authority within 72 hours."
    assert "breach_notification_hours" not in written(text)


# Written for these tests: a deadline only aimed at promises no number of hours.
@pytest.mark.parametrize(
    "text",
    [
        "Acme will notify Customer of a Security Incident without undue delay (within 24 hours "
        "where possible).",
        "We aim to notify you of any data breach within 48 hours.",
        "Acme will use reasonable efforts to notify Customer of a data breach within 24 hours.",
    ],
)
def test_written_hedged_breach_deadline(text: str) -> None:
    assert written(text) == {"breach_notification_hours": "undisclosed"}


# Written for these tests: the notice is promised only where the law requires one.
@pytest.mark.parametrize(
    "text",
    [
        "We will notify you of a security breach within 72 hours if the law requires.",
        "If the law requires it, we will notify you of a data breach within 48 hours.",
        "We will notify you of a data breach within 72 hours if applicable law requires us to.",
        "We will notify you of a personal data breach within 72 hours where the law so requires.",
        "We will notify you of a data breach within 72 hours when required by law.",
    ],
)
def test_a_notice_only_the_law_requires_promises_no_hours(text: str) -> None:
    assert written(text)["breach_notification_hours"] == "undisclosed"


# Written for this round: "a breach" named bare, with no "data" or "security" word beside it,
# is the incident notified; a breach of the contract is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will notify you of a breach within 48 hours.", 48),
        (
            "We will notify affected customers of any breach without undue delay and in any "
            "event within 72 hours.",
            72,
        ),
        ("The Provider shall inform the Customer of breaches within twenty-four hours.", 24),
        ("You will be notified of any breach within seventy-two hours.", 72),
    ],
)
def test_a_breach_named_bare_is_the_incident_notified(text: str, expected: int) -> None:
    assert written(text) == {"breach_notification_hours": expected}


@pytest.mark.parametrize(
    "text",
    [
        "We will notify you of a breach of these Terms within 30 days.",
        "We will notify you of any material breach within 30 days.",
        "We will notify you of a breach of this Agreement, and you will have 30 days to cure it.",
        "The Provider will notify the Customer of any breach of its obligations within 10 days.",
        "We will notify you of any breach by the other party within 30 days.",
        "We will notify you of a breach by you of the acceptable use rules within 5 days.",
    ],
)
def test_a_breach_of_the_contract_is_no_security_incident(text: str) -> None:
    assert "breach_notification_hours" not in written(text)


# Written for this round: an hour count spelled out with a space ("seventy two hours") is read
# whole, never as its last word ("two hours", a far shorter deadline than promised).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will notify you of a security breach within seventy two hours.", 72),
        ("We will notify you of a suspected breach within forty eight hours.", 48),
        ("The Provider will inform the Customer of a data breach within twenty four hours.", 24),
    ],
)
def test_an_hour_count_spelled_out_with_a_space_is_read_whole(text: str, expected: int) -> None:
    assert written(text) == {"breach_notification_hours": expected}
