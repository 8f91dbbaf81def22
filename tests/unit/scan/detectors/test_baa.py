"""Whether the vendor signs a HIPAA business associate agreement."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import suggested, written
from vendorgate.scan.detectors import baa


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            "miro/terms-of-service/2026-03-11.md",
            "Customer acknowledges that the Service is not intended to meet any legal obligations "
            "for these uses, including HIPAA requirements, and that Miro is not a Business "
            "Associate as defined under HIPAA.",
            "not_available",
        ),
        # "even if also subject to a separate business associate agreement": one can be had
        (
            "zoom/terms-of-service/2026-08-06.md",
            "You agree that Zoom Services and any Software provided under this Agreement, even if "
            "also subject to a separate business associate agreement, does not include, "
            "constitute, or otherwise consist of any medical device, product, or service cleared "
            "or approved by the U.S. Food and Drug Administration and are not intended for use in "
            "the diagnosis of, cure of, mitigation of, treatment of, or prevention of, any "
            "diseases, ailments, or conditions.",
            "on_request",
        ),
    ],
)
def test_baa_availability(document: str, quote: str, expected: str) -> None:
    assert suggested(baa, document, quote) == {"baa_available": expected}


# Written for these tests.
def test_the_definition_of_a_baa_says_nothing_about_signing_one() -> None:
    text = '"BAA" means a business associate agreement covering health information.'
    assert "baa_available" not in written(text)


def test_a_separate_hipaa_baa_is_on_request() -> None:
    text = "Health records may be stored only under a separate HIPAA business associate agreement."
    assert written(text) == {"baa_available": "on_request"}


def test_a_baa_signed_only_on_some_plans_is_not_said_to_be_had() -> None:
    # written for this test: the plan of the organisation reading it is not known
    text = "If you are on an Enterprise plan, we will sign a business associate agreement."
    assert written(text) == {"baa_available": "undisclosed"}


# Written for these tests: the usual shapes of an offer, a refusal and a conditional offer.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will sign a business associate agreement with covered entities.", "available"),
        ("Acme offers a Business Associate Agreement to its healthcare customers.", "available"),
        ("Acme does not sign BAAs.", "not_available"),
        ("We never enter into business associate agreements.", "not_available"),
        ("Acme cannot sign a BAA.", "not_available"),
        ("Customers may request a BAA by contacting sales.", "on_request"),
        ("Acme offers a BAA to customers on the Enterprise plan.", "undisclosed"),
        ("A BAA is available for customers on HIPAA-eligible plans.", "undisclosed"),
    ],
)
def test_written_baa_shapes(text: str, expected: str) -> None:
    assert written(text) == {"baa_available": expected}


@pytest.mark.parametrize(
    "text",
    [
        # "business associates" in the everyday sense, with no health data in sight
        "We may share your information with our business associates and partners.",
        # the HIPAA meaning borrowed for capitalised terms says nothing about signing one
        "Terms such as Business Associate and Protected Health Information have the meanings "
        "given in HIPAA.",
    ],
)
def test_written_mentions_that_are_no_baa_offer(text: str) -> None:
    assert "baa_available" not in written(text)


# Written for these tests.
@pytest.mark.parametrize(
    "text",
    [
        "Acme will enter into a Business Associate Agreement upon Customer's request.",
        "If you process Protected Health Information, you must first enter into a BAA with us.",
    ],
)
def test_written_baa_to_be_asked_for_or_put_in_place_first(text: str) -> None:
    assert written(text) == {"baa_available": "on_request"}


def test_a_title_naming_the_baa_is_no_offer() -> None:
    assert "baa_available" not in written("HIPAA Business Associate Agreement")


# Written for these tests: the agreement as the subject of a passive; a condition still makes it
# one to ask for, and a denial still denies.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Business Associate Agreement is executed during onboarding under HIPAA.", "available"),
        ("A signed BAA is included with every plan.", "available"),
        ("The BAA is signed automatically when a healthcare account is activated.", "available"),
        ("A BAA is executed only for customers on the Enterprise plan.", "undisclosed"),
        ("No BAA is signed for accounts on the free tier.", "not_available"),
    ],
)
def test_written_baa_in_the_passive(text: str, expected: str) -> None:
    assert written(text) == {"baa_available": expected}


# Written for these tests: a BAA to ask for on some plans only is no more had than one
# available on them; a request open to every customer keeps its reading.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enterprise customers may request a BAA for their HIPAA workloads.", "undisclosed"),
        ("A BAA is available upon request for customers on our Business plan.", "undisclosed"),
        ("Customers on paid plans can ask us for a business associate agreement.", "undisclosed"),
        ("Customers may request a BAA for their HIPAA workloads.", "on_request"),
    ],
)
def test_a_baa_on_request_for_some_plans_only(text: str, expected: str) -> None:
    assert written(text) == {"baa_available": expected}


# Written for these tests: a contraction is the same refusal ("isn't" read `on_request`).
@pytest.mark.parametrize(
    "text",
    [
        "Acme isn't a business associate under HIPAA.",
        "Acme aren't a business associate under HIPAA.",
    ],
)
def test_a_contracted_refusal_to_be_a_business_associate_is_a_refusal(text: str) -> None:
    assert written(text) == {"baa_available": "not_available"}
