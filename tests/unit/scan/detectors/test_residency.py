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


def _regions(document: str) -> list[object]:
    """The residency value of every sentence of a short document written for a test."""
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    return [
        hit.value
        for s in sentences(document)
        for hit in detect(s)
        if hit.fact == "data_residency_regions"
    ]


# Written for these tests: sub-processor entries that give the location in a field of its own.
def test_a_location_field_of_a_processor_entry_names_its_regions() -> None:
    document = (
        "Our processors are as follows:\n\n**Acme Inc.**\n\n*   Purpose: hosting\n"
        "*   Data processing location: United States, Singapore\n"
    )
    assert _regions(document) == [("sg", "us")]


def test_a_location_field_naming_a_country_outside_the_regions_is_global() -> None:
    assert _regions("**Beta d.o.o.**\n\n*   Data processing location: Serbia\n") == [("global",)]


def test_a_location_field_in_words_names_no_region() -> None:
    assert _regions("*   Server location: depends on the plan you choose\n") == []


def test_the_location_column_of_a_spelled_out_entry_format() -> None:
    document = (
        "We list each provider in the format `Name | Purpose | Location of processing`.\n\n"
        "*   Acme | Hosting | Canada\n*   Beta | Email | Ireland\n"
    )
    assert _regions(document) == [("ca",), ("eu",)]


# Written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the customer picks the region: it bears on residency without naming a place
        (
            "You may select the geographic area where your files are stored when you place "
            "your order.",
            "undisclosed",
        ),
        # a region that holds only for customers who choose it is no region of the vendor's
        ("If you choose the EU region, your content is stored in Germany.", "undisclosed"),
        ("We only engage service providers located in the EU and Switzerland.", ("ch", "eu")),
        ("We may access your information from around the world.", ("global",)),
        (
            "We transfer personal data to countries that have not received an adequacy decision.",
            ("global",),
        ),
        ("Your data may be stored in any other country where we have facilities.", ("global",)),
        # a condition on a transfer names no place the data is kept
        ("When we transfer your data outside the EEA, we rely on appropriate safeguards.", None),
        # an alias, a body named after a place, the laws of a place, people of a place
        (
            'Individuals located in the European Economic Area ("EEA") may ask how their data '
            "is processed.",
            None,
        ),
        (
            "For this transfer we rely on the Japan Personal Information Protection Commission's "
            "decision on data protection.",
            None,
        ),
        (
            "If you are subject to EU data protection laws, the addendum governs the processing "
            "of your data.",
            None,
        ),
        ("Lawful bases for processing data (applicable to EEA and UK end users).", None),
        # the legal basis of a transfer named as a noun is not where data is kept
        ("You consent to the transfer of your data to the United States pursuant to law.", None),
    ],
)
def test_written_residency_cues(text: str, expected: object) -> None:
    assert written(text).get("data_residency_regions") == expected


def test_a_location_field_left_open_names_no_region() -> None:
    assert _regions("*   Data processing location: N/A\n") == []


def test_a_country_field_of_an_address_is_where_a_company_is() -> None:
    # written for this test
    assert _regions("Contact us:\n\n*   Street: 1 Main Road\n*   Country: Ireland\n") == []


def test_a_bare_location_field_under_a_processor_heading_is_where_data_is() -> None:
    document = "## Our processors\n\n*   Name: Acme Ltd\n*   Location: Canada\n"
    assert _regions(document) == [("ca",)]


# Written for these tests: where the vendor itself is located is not where it keeps data, unless
# its servers are named with it; a hyphenated country name is still the country.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our company is located in Ireland, and we process personal data of our customers.", None),
        ("Exampleco, Inc. is incorporated in Canada and processes your personal data.", None),
        (
            "Our offices are located in the United Kingdom and we store your information in the "
            "EU.",
            ("eu",),
        ),
        ("The company and its servers are located in Canada.", ("ca",)),
        ("Your data is stored on servers in the United-States.", ("us",)),
    ],
)
def test_where_the_vendor_is_and_where_its_data_is(text: str, expected: object) -> None:
    assert written(text).get("data_residency_regions") == expected


# Written for these tests: data kept, living, or never leaving a place; and storage locations.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As a rule, we keep all account data in the EU.", ("eu",)),
        ("All customer data lives on servers in Canada.", ("ca",)),
        ("No customer data ever leaves the European Union.", ("eu",)),
        ("Your files never leave Germany.", ("eu",)),
        ("Our main storage locations are in the Netherlands and Belgium.", ("eu",)),
    ],
)
def test_written_data_kept_in_a_place(text: str, expected: tuple[str, ...]) -> None:
    assert written(text) == {"data_residency_regions": expected}


# Written for these tests: an exception beside "never leaves" leaves the place open.
@pytest.mark.parametrize(
    "text",
    [
        "Your data never leaves the EU unless you turn on a third-party integration.",
        "Data stored by us does not leave Germany, except where our support team needs access.",
    ],
)
def test_written_never_leaves_with_an_exception(text: str) -> None:
    assert "data_residency_regions" not in written(text)
