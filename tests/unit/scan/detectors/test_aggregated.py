"""Aggregated or de-identified data used for the vendor's own purposes."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import aggregated


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        (
            "mailjet/privacy-policy/2025-01-17.md",
            "We may also use aggregated or depersonalized information to promote our services, "
            "such as by citing usage statistics.",
        ),
        (
            "wire/terms-of-service/2023-05-12.md",
            "We process individual data about the use of Wire services in order to create "
            "anonymous usage statistics and crash logs.",
        ),
    ],
)
def test_own_use_of_aggregated_data(document: str, quote: str) -> None:
    assert suggested(aggregated, document, quote) == {"aggregated_data_use": "always"}


def test_aggregate_liability_is_not_aggregated_data() -> None:
    quote = (
        "Other than in connection with a party’s indemnification obligations hereunder, in no "
        "event will either your or your organization’s on the one hand, or Company’s on the "
        "other, aggregate liability arising out of or related to this Agreement exceed the total "
        "amount paid by you or your organization hereunder in the twelve (12) months preceding "
        "the last event giving rise to liability."
    )
    assert hits(aggregated, "wire/terms-of-service/2023-05-12.md", quote) == []


# Written for these tests: "not" describing the data denies nothing about its use.
@pytest.mark.parametrize(
    "text",
    [
        "We may use aggregated data that does not identify you to improve the services.",
        "De-identified information, which cannot be linked to you, is used for our research.",
        "Anonymised records, which can no longer be linked to a single person, may be used to "
        "improve our services.",
        "Once anonymised so that it no longer relates to any individual, usage data may be shared "
        "with our partners.",
    ],
)
def test_data_that_does_not_identify_you_is_still_used(text: str) -> None:
    assert written(text) == {"aggregated_data_use": "always"}


# Written for these tests: a "not" that carves the practice out of a denial, or that limits a
# document's reach, does not deny the use of aggregated data.
@pytest.mark.parametrize(
    "text",
    [
        "We do not share logs with third parties except for anonymized logs we provide to "
        "researchers.",
        "This notice does not apply to our use of anonymized data.",
    ],
)
def test_a_carve_out_or_a_scope_limit_is_no_denial(text: str) -> None:
    assert written(text) == {"aggregated_data_use": "always"}


# Written for these tests: keeping, sharing or reporting aggregated data is a use of it; a
# definition or a pointer to another document is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We may store aggregated data for our research.", {"aggregated_data_use": "always"}),
        (
            "Anonymized, aggregated data may be shared with partners.",
            {"aggregated_data_use": "always"},
        ),
        (
            "We reserve the right to anonymize the data you upload.",
            {"aggregated_data_use": "always"},
        ),
        ('"Anonymous Data" means data that does not identify a person.', {}),
        ("Aggregate statistics about requests can be found in our yearly report.", {}),
    ],
)
def test_written_uses_of_aggregated_data(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: reporting at the aggregate level, and techniques applied.
@pytest.mark.parametrize(
    "text",
    [
        "Survey results are reported at the aggregate level.",
        "We apply safeguards, such as aggregation and de-identification, to usage records.",
    ],
)
def test_written_aggregate_reporting_and_techniques(text: str) -> None:
    assert written(text) == {"aggregated_data_use": "always"}


def test_personal_and_non_personal_data_is_not_aggregated_data() -> None:
    # written for this test
    text = "We use your personal and non-personal data to send you our newsletter."
    assert "aggregated_data_use" not in written(text)


# Written for these tests: a denial of handing the data on is no denial of the vendor's own use.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never sell anonymised information.", "undisclosed"),
        ("We will not rent or disclose de-identified records to advertisers.", "undisclosed"),
        (
            "We do not sell aggregated statistics, but we use them to plan our capacity.",
            "always",
        ),
        ("We do not use or share de-identified data.", "never"),
    ],
)
def test_a_denied_transfer_leaves_the_own_use_open(text: str, expected: str) -> None:
    assert written(text) == {"aggregated_data_use": expected}


# Written for these tests: a denial of one use of aggregated data ("for advertising", "to
# identify you") leaves the vendor's other uses open; a denial of every use stays never; an
# exception naming another use states that use.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never use de-identified data for advertising.", "undisclosed"),
        ("We do not use aggregated data to identify you.", "undisclosed"),
        ("De-identified data is not used to train models.", "undisclosed"),
        ("We will not use anonymized data in order to build profiles.", "undisclosed"),
        ("We do not use aggregated data for any purpose.", "never"),
        ("Aggregated data is never used.", "never"),
        ("We do not use de-identified data, and we delete it after 30 days.", "never"),
        (
            "We will not use anonymized data for any purpose other than improving the service.",
            "always",
        ),
        ("We do not use aggregated data except to improve our services.", "always"),
        ("We do not use aggregated data except as required by law.", "never"),
    ],
)
def test_a_denial_of_one_use_of_aggregated_data(text: str, expected: str) -> None:
    assert written(text)["aggregated_data_use"] == expected


def test_aggregate_statistics_another_company_collects_under_its_own_policy() -> None:
    quote = (
        "Some platforms and system components, such as Google's Play Store or Apple's App "
        "Store, may also collect aggregate, anonymous statistics, which may be governed by "
        "their respective privacy policies and Terms of Service."
    )
    assert hits(aggregated, "proton-mail/privacy-policy/2026-06-27.md", quote) == []


# Written for these tests: a negated limit on the vendor's use frees that use; a negated
# limit on the person's rights leaves the denial alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anonymized data is not personal data, so this policy does not restrict our use of it.",
            "always",
        ),
        ("This policy does not limit our right to use de-identified information.", "always"),
        ("Nothing in this policy restricts our use of aggregated data.", "always"),
        ("We do not use de-identified data, and this does not limit your rights.", "never"),
    ],
)
def test_a_negated_limit_on_the_vendor_s_use(text: str, expected: str) -> None:
    assert written(text)["aggregated_data_use"] == expected


# Written for these tests: a denial of the identifiable data beside a use of the aggregated
# data is no denial of the aggregated use; the use is read in the clause naming that data.
@pytest.mark.parametrize(
    "text",
    [
        "We never use identifiable data; we use only aggregated data.",
        "No personal data is used for analytics, only anonymized data.",
        "We do not share personal information with third parties, but may share aggregated "
        "information.",
    ],
)
def test_the_rest_denied_and_the_aggregated_data_used(text: str) -> None:
    assert written(text)["aggregated_data_use"] == "always"
