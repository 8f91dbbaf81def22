"""Where customer data is stored or processed."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import residency


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            "gitlab/privacy-policy/2026-04-19.md",
            "Our Services are hosted in the United States and information we collect will be "
            "stored and processed on our servers in the United States.",
            ("us",),
        ),
        (
            "wire/data-processor-agreement/2023-05-09.md",
            "Place of Processing: Wire generally performs the contractually agreed processing of "
            "personal data on servers within the Member States of the European Union and "
            "Switzerland.",
            ("ch", "eu"),
        ),
        # "located outside of the United States" is where the reader is, not the data
        (
            "miro/privacy-policy/2026-03-11.md",
            "If you are an individual located outside of the United States, please be aware that "
            "information we collect may be transferred to and processed in the United States and "
            "elsewhere outside the United States.",
            ("global", "us"),
        ),
    ],
)
def test_regions(document: str, quote: str, expected: tuple[str, ...]) -> None:
    assert suggested(residency, document, quote) == {"data_residency_regions": expected}


def test_governing_law_names_no_data_location() -> None:
    quote = (
        "This Agreement is governed by the laws of the State of California and the United States "
        "without regard to conflicts of laws provisions and without regard to the United Nations "
        "Convention on the International Sale of Goods."
    )
    assert hits(residency, "miro/terms-of-service/2026-03-11.md", quote) == []


# Written for this test (no vendor's words): where people or businesses are is not where data is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "If you are a seller established in the European Union, your store data is processed "
            "in the United States.",
            ("us",),
        ),
        ("Users located in the United Kingdom can contact our data protection officer.", None),
        ("We store your content in data centers located in Germany.", ("eu",)),
    ],
)
def test_where_people_are_established_is_not_where_data_is_stored(
    text: str, expected: tuple[str, ...] | None
) -> None:
    assert written(text).get("data_residency_regions") == expected


def test_hosted_from_data_centers_throughout_a_region_is_where_data_is() -> None:
    # written for this test: "from" here leads to where the data is, not where it comes from
    text = "Your workspace is hosted from our data centers throughout Canada."
    assert written(text)["data_residency_regions"] == ("ca",)


# Written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your files may be stored in or accessed from multiple countries, including the "
            "United States.",
            ("global", "us"),
        ),
        (
            "We operate globally, which means your data may be processed outside the country "
            "where it was collected.",
            ("global",),
        ),
    ],
)
def test_written_storage_regions(text: str, expected: tuple[str, ...]) -> None:
    assert written(text) == {"data_residency_regions": expected}


def test_data_of_residents_stored_somewhere_is_a_region() -> None:
    assert written("Data of EU residents is stored on servers in Germany.") == {
        "data_residency_regions": ("eu",)
    }


def test_where_residents_may_ask_for_their_data_is_no_region() -> None:
    assert written("Residents of the United States may request access to their data.") == {}
