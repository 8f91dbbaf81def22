"""Passages saying the vendor uses sub-processors (a list a person writes from them)."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import subprocessors

WIRE_TERMS = "wire/terms-of-service/2023-05-12.md"


@pytest.mark.parametrize(
    "quote",
    [
        "Authorized subcontractors: The Processor may contract subcontractors.",
        "To provide Wire services, Wire uses the services of the following third-party providers:",
    ],
)
def test_use_of_subprocessors_is_found_without_a_value(quote: str) -> None:
    assert suggested(subprocessors, WIRE_TERMS, quote) == {"subprocessors": None}


def test_liability_for_subprocessors_is_not_a_passage_about_who_they_are() -> None:
    quote = (
        "Sinch Email shall be responsible for the acts and omissions of any sub-processors as it "
        "is to the Customer for its own acts and omissions in relation to the matters provided "
        "in this DPA."
    )
    assert hits(subprocessors, "mailjet/data-processor-agreement/2025-01-17.md", quote) == []


# Written for these tests.
@pytest.mark.parametrize(
    "text",
    [
        "We engage other companies to carry out tasks on our behalf, such as hosting.",
        "Our contractors may access your files to help run the service.",
        "We use cloud hosting providers to store your documents.",
    ],
)
def test_written_subprocessor_use(text: str) -> None:
    assert written(text) == {"subprocessors": None}


def test_the_customer_s_own_subcontractors_in_a_grant_are_not_the_vendor_s() -> None:
    text = "You grant the vendor and its subcontractors a licence to host your files."
    assert "subprocessors" not in written(text)
