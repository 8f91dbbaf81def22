"""Whether the standard contractual clauses are offered for transfers."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import scc

MAILJET_DPA = "mailjet/data-processor-agreement/2025-01-17.md"


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        (MAILJET_DPA, "With regard to the Standard Contractual Clauses the Parties agree that:"),
        (
            "wire/data-processor-agreement/2023-05-09.md",
            "appropriate safeguards are put in place (i.e. binding corporate rules (BCR), "
            "standard data protection clauses, approved codes of conduct or certification "
            "mechanisms);",
        ),
    ],
)
def test_sccs_in_place(document: str, quote: str) -> None:
    assert suggested(scc, document, quote) == {"scc_available": "available"}


def test_the_definition_of_the_clauses_is_not_an_offer() -> None:
    quote = (
        '"**Standard Contractual Clauses**" means the latest version of the standard contractual '
        "clauses for the transfer of personal data to processors established in third countries "
        "under the GDPR"
    )
    assert hits(scc, MAILJET_DPA, quote) == []


# Sentences below are written for these tests (no vendor's words).
@pytest.mark.parametrize(
    "text",
    [
        "Transfers of customer data out of the EEA are governed by the European Commission's "
        "Standard Contractual Clauses.",
        "For transfers to the United States we rely on the EU Model Clauses.",
        "We offer SCCs to every customer that transfers personal data to us.",
    ],
)
def test_written_scc_offers(text: str) -> None:
    assert written(text)["scc_available"] == "available"


def test_a_transfer_subject_to_another_law_is_not_an_scc_offer() -> None:
    text = "Where the transfer is subject to the laws of Brazil, we follow those laws."
    assert written(text) == {}


# Written for these tests: more of the ways a transfer is said to rest on the clauses.
@pytest.mark.parametrize(
    "text",
    [
        "We also use standard contractual clauses for transfers out of the UK.",
        "Each transfer rests on an agreement which complies with the Standard Contractual Clauses.",
        "You authorise us to enter into the Standard Contractual Clauses on your behalf.",
        "Guarantees for international transfer: Standard Contractual Clauses, certifications",
    ],
)
def test_written_sccs_that_apply(text: str) -> None:
    assert written(text)["scc_available"] == "available"


def test_written_sccs_on_request() -> None:
    text = "A copy of the standard contractual clauses we use is available on request."
    assert written(text)["scc_available"] == "on_request"


# Written for these tests: the clauses denied, conditioned, asked for, and the UK's mechanisms.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not rely on standard contractual clauses.", "not_available"),
        ("Standard contractual clauses are not offered.", "not_available"),
        # the negation belongs to the condition beside the clauses, not to them
        (
            "Where the Data Privacy Framework does not apply, we rely on the Standard Contractual "
            "Clauses.",
            "available",
        ),
        (
            "You can obtain a copy of the standard contractual clauses by contacting us.",
            "on_request",
        ),
        (
            "We transfer personal data under the UK International Data Transfer Addendum.",
            "available",
        ),
    ],
)
def test_written_scc_shapes(text: str, expected: str) -> None:
    assert written(text)["scc_available"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # another transfer mechanism altogether
        "We rely on the EU-U.S. Data Privacy Framework for transfers to the United States.",
        # a pointer, and how the clauses operate once in place
        "For more information about the SCCs we use, see Section 9.",
        "If the importer is liable under the Standard Contractual Clauses, Section 11 applies.",
    ],
)
def test_written_mentions_that_offer_no_clauses(text: str) -> None:
    assert "scc_available" not in written(text)


# Written for these tests: the clauses made part of the contract, or a transfer resting on them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our data processing terms include the Standard Contractual Clauses.", "available"),
        ("The Standard Contractual Clauses are attached to this DPA as Annex 3.", "available"),
        ("The SCCs form part of this Addendum.", "available"),
        ("Transfers of personal data from Britain are covered by the UK Addendum.", "available"),
        (
            "Transfers are safeguarded by the European Commission's standard contractual clauses.",
            "available",
        ),
        ("We will enter the SCCs with you.", "available"),
        ("Our terms do not include the Standard Contractual Clauses.", "not_available"),
    ],
)
def test_written_clauses_made_part_of_the_contract(text: str, expected: str) -> None:
    assert written(text)["scc_available"] == expected


# Written for these tests: the clauses apply only where something unnamed makes them apply.
@pytest.mark.parametrize(
    "text",
    [
        "Standard Contractual Clauses are incorporated where applicable.",
        "Where required, we rely on the Standard Contractual Clauses for transfers.",
        "We use Standard Contractual Clauses as appropriate.",
        "If applicable, the Standard Contractual Clauses apply to transfers of personal data.",
        # (what "where required" says of the clauses is not who requires them, nor when)
        "Where required, we will enter the SCCs with you.",
    ],
)
def test_clauses_used_only_where_applicable_are_not_said_to_be_had(text: str) -> None:
    assert written(text)["scc_available"] == "undisclosed"


def test_clauses_used_for_every_transfer_are_had() -> None:
    text = "We rely on the Standard Contractual Clauses for transfers of personal data."
    assert written(text)["scc_available"] == "available"


@pytest.mark.parametrize(
    "text",
    [
        # written for this test: the condition is on the UK Addendum, not on the clauses
        "The Standard Contractual Clauses and, if required, the UK Addendum are incorporated "
        "into this DPA.",
        # written for this test: the condition is on the mechanism, the clauses one of them
        "Transfers rely on a transfer mechanism where required by law, such as the Standard "
        "Contractual Clauses.",
    ],
)
def test_a_condition_on_something_else_in_the_sentence_leaves_the_clauses_in_place(
    text: str,
) -> None:
    assert written(text)["scc_available"] == "available"
