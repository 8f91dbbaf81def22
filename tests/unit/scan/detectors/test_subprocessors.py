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


# Written for these tests: how contracts and privacy notices say the vendor hands work to others.
@pytest.mark.parametrize(
    "text",
    [
        "The vendor may subcontract any of its obligations under this agreement.",
        "We remain liable for the subcontractors acting on our behalf.",
        "We rely on third parties to send our invoices.",
        "To run the help desk, we may rely on our processor Acme Ltd.",
        "We use Acme, Beta and Gamma to process card payments.",
        "Chats are processed by Acme Inc, the provider of our chat platform.",
        "Your files may be stored by the company, its affiliates, hosts, or subprocessors.",
        "The sub-contractors may take part in the processing we perform for the customer.",
        "We disclose your data to our service providers who process it for us.",
        "Your code may be sent to third parties, such as model hosting providers.",
        "We collect data from third parties that help us deliver the service.",
        "Our platform uses third-party hosted services to answer your questions.",
        "The list below names each subprocessor we use, in the format `Name | Purpose`.",
    ],
)
def test_written_vendor_use_of_others(text: str) -> None:
    assert written(text) == {"subprocessors": None}


# Written for these tests: third parties that are not the vendor's sub-processors.
@pytest.mark.parametrize(
    "text",
    [
        "You may choose to use third-party services with your account.",
        "We receive contact lists from partners that we use for marketing.",
        "We use Personal Data to deliver the features you configure.",
        "The vendor may disclose confidential information to its employees, agents, or "
        "subcontractors.",
        "You grant the vendor and its subcontractors the right to process your files.",
        "Some cookies may be provided by third parties, including service providers.",
    ],
)
def test_written_parties_that_are_not_subprocessors(text: str) -> None:
    assert "subprocessors" not in written(text)


def _listed(document: str) -> list[str]:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    return [
        s.text for s in sentences(document) if any(h.fact == "subprocessors" for h in detect(s))
    ]


def test_entries_of_a_list_of_circumstances_are_not_providers() -> None:
    document = (
        "Besides our service providers, we may share your data in the following circumstances:\n\n"
        "*   With resellers who distribute the service;\n*   In the event of a merger.\n"
    )
    assert _listed(document) == []


def test_entries_of_a_list_of_providers_are_providers() -> None:
    document = "We use the following service providers:\n\n*   Acme Hosting\n*   Beta Mail\n"
    assert _listed(document) == [
        "We use the following service providers:",
        "Acme Hosting",
        "Beta Mail",
    ]


def test_under_a_provider_lead_in_only_sentences_about_the_parties_count() -> None:
    document = (
        "**Service providers.** We engage vendors to run parts of the service. Examples include "
        "hosting and email. These vendors may only use the data to serve us.\n"
    )
    assert _listed(document) == [
        "We engage vendors to run parts of the service.",
        "These vendors may only use the data to serve us.",
    ]


def test_receiving_data_elsewhere_in_the_sentence_keeps_a_provider_passage() -> None:
    # written for this test: the data received comes from the user, not from the providers
    text = "We share your data with our service providers, who receive it from you through forms."
    assert written(text) == {"subprocessors": None}


def test_services_used_to_provide_a_feature_are_the_vendor_s_providers() -> None:
    # written for this test
    text = "The services used for providing the search feature are listed on our website."
    assert written(text) == {"subprocessors": None}


def test_anonymised_data_given_to_providers_is_no_sub_processing() -> None:
    # written for this test
    text = "We may disclose anonymised statistics to our service providers."
    assert "subprocessors" not in written(text)


def test_a_long_capitalised_word_after_we_use_is_read_quickly() -> None:
    import time

    # written for this test: naming a provider must not split a long word every way it can
    text = "We use " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3 + " for everything we do."
    started = time.perf_counter()
    written(text)
    assert time.perf_counter() - started < 1.0


# Written for these tests: the user's own providers, sellers called vendors, an example of a
# data category and a disclosure the law compels are none of the vendor's sub-processors.
@pytest.mark.parametrize(
    "text",
    [
        "If you use a third-party service provider to access the Services, its terms apply.",
        "Customers use vendors to manage their invoices through our platform.",
        "Our partners include vendors and resellers that sell our products.",
        "We may share your data with Acmebook for advertising purposes.",
        "Network activity information, such as if we use a service provider to store logs.",
        "We may be required to share your domain data with registry operators and other "
        "service providers.",
        "You can log in via third parties such as Exampleco.",
        "Content you access through third-party service providers is subject to their terms.",
        "Some third-party providers help you integrate with our API.",
        "Our customers use our services to communicate with their own vendors.",
    ],
)
def test_providers_that_do_not_act_for_the_vendor(text: str) -> None:
    assert "subprocessors" not in written(text)


# Written for these tests: the same words with the vendor as the one acting.
@pytest.mark.parametrize(
    "text",
    [
        "We use a third-party service provider to host your files.",
        "Recipients of your personal data include our service providers.",
        "The Customer authorises the Provider to engage sub-processors.",
        "We share your payment information with Exampleco to process your payments.",
        "You agree that we will engage sub-processors to process Customer Data.",
        "Customer agrees that Exampleco will engage service providers to process Customer Data.",
        # the vendor engaging third parties, however the verb is drafted
        "We engage trusted third parties to host our infrastructure.",
        "Exampleco works with selected third parties who help us run the service.",
        "The following service providers process personal data on our behalf:",
    ],
)
def test_providers_acting_for_the_vendor(text: str) -> None:
    assert written(text).get("subprocessors", "none") is None


# Written for these tests: suppliers, a processor acting for the vendor, the passive, and other
# companies hired to help.
@pytest.mark.parametrize(
    "text",
    [
        "Some of our suppliers process personal data for us.",
        "Personal data may be processed by our suppliers on our instructions.",
        "Acme relies on a small number of carefully selected subprocessors to run the Service.",
        "Exampleco handles that data on our behalf as our data processor.",
        "We hire other companies to help us deliver the service, such as hosting firms.",
    ],
)
def test_written_suppliers_and_processors_of_the_vendor(text: str) -> None:
    assert written(text) == {"subprocessors": None}


# Written for these tests: the user's own suppliers, and suppliers the vendor buys from.
@pytest.mark.parametrize(
    "text",
    [
        "You are responsible for the suppliers you connect to your account.",
        "Customers use the platform to pay their own suppliers.",
    ],
)
def test_written_suppliers_not_the_vendor_s(text: str) -> None:
    assert "subprocessors" not in written(text)
