"""Whether a data processing agreement applies or is offered."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import dpa

MAILJET_DPA = "mailjet/data-processor-agreement/2025-01-17.md"


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        (
            "mailjet/privacy-policy/2025-01-17.md",
            "You can sign our Data Processing Agreement which lists out all our important "
            "sub-processors used and the measures in place to ensure proper data protections.",
        ),
        (
            MAILJET_DPA,
            "IN WITNESS WHEREOF, this DPA and the Annexes are entered into and becomes a binding "
            "part of the Principal Agreement with effect from the date first set out above.",
        ),
    ],
)
def test_dpa_in_force(document: str, quote: str) -> None:
    assert suggested(dpa, document, quote) == {"dpa_available": "available"}


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        # here the DPA is the data protection authority
        (
            "mailjet/privacy-policy/2025-01-17.md",
            "If you are located in the EU, you also have the right to lodge a complaint to your "
            "DPA.",
        ),
        (
            MAILJET_DPA,
            "For the purposes of this DPA, capitalized terms shall have the following meanings.",
        ),
    ],
)
def test_other_mentions_of_dpa(document: str, quote: str) -> None:
    assert hits(dpa, document, quote) == []


# Written for these tests.
@pytest.mark.parametrize(
    "text",
    [
        "Personal data (as defined in our Data Processing Agreement) is handled with care.",
        "The vendor may update the Data Processing Addendum to comply with law.",
        "These documents control in the following order: the Data Processing Addendum, the Order.",
        "Termination of any part (including the Data Processing Addendum) gives no refund.",
        '"Service Terms" means the policies and the Data Processing Addendum.',
        "You warrant that your instructions comply with the Data Processing Agreement.",
        "(d) To the Data Processing Addendum.",
    ],
)
def test_written_mentions_that_say_nothing_about_a_dpa_applying(text: str) -> None:
    assert "dpa_available" not in written(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Data Processing Addendum applies to all customer data.", "available"),
        ("Customers may request a copy of our data processing agreement.", "on_request"),
        (
            "If you have signed a data processing agreement with us, it governs your data.",
            "on_request",
        ),
    ],
)
def test_written_dpa_values(text: str, expected: str) -> None:
    assert written(text)["dpa_available"] == expected


# Written for these tests: the abbreviation where it names the agreement, and where it does not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The DPA is incorporated into this Agreement by reference.", "available"),
        ("Our DPA applies to all Customer Data we process.", "available"),
        ("Acme's DPA is available at acme.com/legal/dpa.", "available"),
        ("Customers can sign our DPA in the admin console.", "available"),
        ("We offer a DPA to all business customers.", "available"),
        (
            "Acme processes Customer Personal Data in accordance with the Data Processing Terms.",
            "available",
        ),
        ("To request a copy of our DPA, email privacy@acme.com.", "on_request"),
        ("We do not offer a data processing agreement.", "not_available"),
    ],
)
def test_written_dpa_shapes(text: str, expected: str) -> None:
    assert written(text) == {"dpa_available": expected}


@pytest.mark.parametrize(
    "text",
    [
        # the data protection authority, not an agreement
        "You have the right to lodge a complaint with your local DPA.",
        "You may contact the DPA in your country of residence.",
        # a DPA's own cross-references and a pointer into it
        "Acme shall delete all Personal Data processed pursuant to this DPA.",
        "The liability provisions in Section 12 of this DPA apply.",
        "Capitalised terms not defined here have the meanings given in the DPA.",
        "See Section 5 of the Data Processing Addendum.",
        "Further information about our processing is set out in the Data Processing Addendum.",
    ],
)
def test_written_mentions_that_say_no_dpa_applies(text: str) -> None:
    assert "dpa_available" not in written(text)


# Written for these tests.
def test_written_dpa_upon_the_customers_request() -> None:
    text = "Acme will provide its DPA upon Customer's written request."
    assert written(text) == {"dpa_available": "on_request"}


def test_written_a_change_to_the_dpa_is_no_statement_that_it_applies() -> None:
    assert "dpa_available" not in written("We will notify you if we change our DPA.")


# Written for these tests: a DPA asked for in the passive is no DPA that already applies.
@pytest.mark.parametrize(
    "text",
    [
        "A copy of our Data Processing Addendum can be requested from our legal team.",
        "The data processing agreement may be obtained by emailing privacy@acme.example.",
        "Our Data Processing Addendum is provided to customers following a written request.",
    ],
)
def test_written_dpa_requested_in_the_passive(text: str) -> None:
    assert written(text) == {"dpa_available": "on_request"}


# Written for these tests: a public copy of the clauses is no request.
def test_written_dpa_whose_clauses_can_be_obtained_publicly() -> None:
    text = (
        "Transfers rest on a data processing agreement incorporating the standard clauses, a copy "
        "of which can be obtained at the Commission's website."
    )
    assert written(text)["dpa_available"] == "available"


# Written for these tests: a DPA offered on some plans only; the organisation's plan is unknown.
@pytest.mark.parametrize(
    "text",
    [
        "A Data Processing Addendum is available for Enterprise accounts.",
        "We offer a DPA for customers on our Business plan.",
        "Customers on paid plans can sign our Data Processing Agreement.",
        "The Data Processing Addendum applies to Enterprise customers.",
        "A Data Processing Addendum is available where applicable.",
    ],
)
def test_a_dpa_offered_on_some_plans_only_is_not_said_to_be_had(text: str) -> None:
    assert written(text)["dpa_available"] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "We offer a Data Processing Agreement to all customers.",
        "Our Data Processing Addendum is available to business customers.",
    ],
)
def test_a_dpa_offered_to_every_customer_is_had(text: str) -> None:
    assert written(text)["dpa_available"] == "available"


# Written for these tests: a DPA to ask for on some plans only is no more had than one
# available on them; a request open to every customer keeps its reading.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A DPA is available upon request for Business plans.", "undisclosed"),
        ("Enterprise customers may request a copy of our Data Processing Addendum.", "undisclosed"),
        ("A Data Processing Addendum is available upon request.", "on_request"),
    ],
)
def test_a_dpa_on_request_for_some_plans_only(text: str, expected: str) -> None:
    assert written(text)["dpa_available"] == expected


# Written for these tests: paying customers are those on a paid plan, as "paid customers" are;
# the free plan's users are left out, so the organisation reading it may be too.
@pytest.mark.parametrize(
    "text",
    [
        "A DPA is available for paying customers.",
        "Paying customers can sign our Data Processing Agreement.",
    ],
)
def test_a_dpa_for_paying_customers_only_is_not_said_to_be_had(text: str) -> None:
    assert written(text)["dpa_available"] == "undisclosed"
