"""Notice before a new sub-processor is engaged."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import change_notice


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        # ten business days are two calendar weeks
        (
            "mailjet/data-processor-agreement/2025-01-17.md",
            "The data importer shall specifically inform the data exporter in writing of any "
            "intended changes to that list through the addition or replacement of sub-processors "
            "at least ten (10) business days in advance;",
            14,
        ),
        (
            "wire/data-processor-agreement/2023-05-09.md",
            "Wire shall inform the Controller about the involvement of any further or replacement "
            "of any subcontractor.",
            "undisclosed",
        ),
    ],
)
def test_notice_period(document: str, quote: str, expected: object) -> None:
    assert suggested(change_notice, document, quote) == {
        "subprocessor_change_notice_days": expected
    }


def test_naming_subprocessors_is_not_a_change_notice() -> None:
    quote = (
        "Our employees, contractors, affiliated organizations, service providers, and "
        "sub-processors that process Personal Data may be located in the United States or other "
        "countries outside of your home country."
    )
    assert hits(change_notice, "gitlab/privacy-policy/2026-04-19.md", quote) == []


# Sentences below are written for these tests (no vendor's words).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will notify you at least 30 days before any new sub-processor starts "
            "processing your data.",
            30,
        ),
        (
            "Before a new subprocessor is engaged, the customer will be informed by email at "
            "least ten business days in advance.",
            14,
        ),
        (
            "Vendor gives 45 days' prior written notice of any additional sub-processor.",
            45,
        ),
        (
            "We will notify you of any new sub-processor, and you may object within 10 days of "
            "the notice.",
            "undisclosed",
        ),
    ],
)
def test_written_notice_periods(text: str, expected: object) -> None:
    assert written(text) == {"subprocessor_change_notice_days": expected}


def test_the_gdpr_wording_on_other_processors_is_a_notice_duty() -> None:
    text = (
        "The processor shall inform the controller of any intended changes concerning the "
        "addition or replacement of other processors."
    )
    assert written(text) == {"subprocessor_change_notice_days": "undisclosed"}


def test_a_list_update_ahead_of_a_new_sub_processor_gives_the_period() -> None:
    text = "We will update our sub-processor list at least 30 days before a new one is engaged."
    assert written(text)["subprocessor_change_notice_days"] == 30


# Written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We may subcontract any of our obligations without notifying you.", 0),
        ("We will give notice of any Sub-processor Change by email.", "undisclosed"),
        ("We give thirty (30) days' notice in advance if a new sub-processor is added.", 30),
    ],
)
def test_written_notice_cues(text: str, expected: object) -> None:
    assert written(text)["subprocessor_change_notice_days"] == expected


def test_a_period_cut_off_by_a_list_marker_is_read_with_its_lead() -> None:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    document = (
        "The vendor shall notify the customer thirty\n"
        "(30) days in advance if the sub-processor is an affiliate.\n"
    )
    found = [
        hit.value
        for s in sentences(document)
        for hit in detect(s)
        if hit.fact == "subprocessor_change_notice_days"
    ]
    assert found == [30]


def test_providers_that_change_at_the_vendor_s_discretion_promise_no_notice() -> None:
    # written for this test
    text = "The hosting providers we rely on may change from time to time at our sole discretion."
    assert written(text)["subprocessor_change_notice_days"] == "undisclosed"


# Written for these tests: a period in months, and notice of changes to something else.
def test_a_month_s_notice_of_a_new_sub_processor_is_thirty_days() -> None:
    text = "The Supplier shall give not less than one month's notice of any new sub-processor."
    assert written(text) == {"subprocessor_change_notice_days": 30}


def test_notice_of_changes_to_the_terms_is_no_sub_processor_notice() -> None:
    text = "We will notify you of any changes to these Terms at least 30 days in advance."
    assert "subprocessor_change_notice_days" not in written(text)


# Written for these tests: notice tied to the engagement itself, with no "new" sub-processor, and
# told in other words than "notify".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Before engaging any Sub-processor, the Provider shall notify the Customer by email.",
            "undisclosed",
        ),
        (
            "Prior to a Sub-processor being appointed, Acme will inform Customer in its console.",
            "undisclosed",
        ),
        (
            "Before any Subprocessor is engaged, Vendor will tell the Customer in writing.",
            "undisclosed",
        ),
        ("We will give you at least 14 days' notice before adding a Sub-processor.", 14),
        ("We email our customers at least 30 days before we engage a sub-processor.", 30),
        (
            "Acme will notify Customer of additions to its sub-processor list thirty days ahead.",
            30,
        ),
    ],
)
def test_written_notice_before_an_engagement(text: str, expected: object) -> None:
    assert written(text)["subprocessor_change_notice_days"] == expected


# Written for these tests: a period beside an engagement, with nobody told, is no notice.
def test_written_engagement_without_anyone_told() -> None:
    text = "Before engaging a sub-processor, Acme carries out a security review lasting 30 days."
    assert "subprocessor_change_notice_days" not in written(text)


def test_a_notice_given_only_where_the_law_requires_promises_no_days() -> None:
    # written for this test: elsewhere, no notice at all
    text = "We will give you at least 10 days' notice of a new subprocessor where required by law."
    assert written(text)["subprocessor_change_notice_days"] == "undisclosed"


def test_an_exception_for_the_law_keeps_the_notice_period() -> None:
    # written for this test
    text = "We will give you 30 days' notice of a new subprocessor, except as required by law."
    assert written(text)["subprocessor_change_notice_days"] == 30
