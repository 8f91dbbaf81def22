"""Content licence: the purposes the customer lets the vendor use its content for."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import content_license

MIRO_PRIVACY = "miro/privacy-policy/2026-03-11.md"


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            MIRO_PRIVACY,
            "Customer Content that is Personal Data will be used by Miro in accordance with "
            "Customer’s instructions, including any applicable terms in the Customer Agreement, "
            "to provide and improve the Services, and as required by applicable law.",
            "service_and_improvement",
        ),
        (
            "zoom/privacy-policy/2024-08-05.md",
            "These tools may use artificial intelligence, machine learning, or other technology "
            "to process Customer Content solely to provide the intelligent features.",
            "service_only",
        ),
    ],
)
def test_scope_of_the_licence(document: str, quote: str, expected: str) -> None:
    assert suggested(content_license, document, quote) == {"content_license_scope": expected}


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        # a mutual disclaimer grants nothing
        (
            "miro/terms-of-service/2026-03-11.md",
            "Neither party grants the other any rights or licenses not expressly set out in this "
            "Agreement.",
        ),
        # service-generated data is not the customer's content, whatever the purposes
        (
            "zoom/terms-of-service/2023-07-28.md",
            "You consent to Zoom’s access, use, collection, creation, modification, distribution, "
            "processing, sharing, maintenance, and storage of Service Generated Data for any "
            "purpose, to the extent and in the manner permitted under applicable Law, including "
            "for the purpose of product and service development, marketing, analytics, quality "
            "assurance, machine learning or artificial intelligence (including for the purposes "
            "of training and tuning of algorithms and models), training, testing, improvement of "
            "the Services, Software, or Zoom’s other products, services, and software, or any "
            "combination thereof, and as otherwise provided in this Agreement.",
        ),
    ],
)
def test_no_licence_of_customer_content(document: str, quote: str) -> None:
    assert hits(content_license, document, quote) == []


@pytest.mark.parametrize(
    "text",
    [
        # written for this test: a legal basis and a retention period limit no licence
        "We will only process your personal data if we have a lawful basis for doing so.",
        "We only store your files for as long as your account is active.",
    ],
)
def test_a_legal_basis_or_a_retention_period_is_not_a_licence_scope(text: str) -> None:
    assert "content_license_scope" not in written(text)


# Written for these tests: a grant naming no purpose, or purposes defined elsewhere, is no
# "service_only" (the licence may be broader); a stated service purpose is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a worldwide, royalty-free licence to use, copy and modify your content.",
            "undisclosed",
        ),
        (
            "We will only use your content for the purposes described in our policies.",
            "undisclosed",
        ),
        (
            "You grant us a licence to host and copy your content solely to provide the Services.",
            "service_only",
        ),
    ],
)
def test_licence_scope_needs_a_stated_service_purpose(text: str, expected: str) -> None:
    assert written(text) == {"content_license_scope": expected}


# Written for these tests: a licence limited to the service "and as otherwise permitted" is
# not limited to the service; an exception for what the law compels widens nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content solely to provide the service and as "
            "otherwise permitted by our policies.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content solely to provide the service, unless "
            "required by law.",
            "service_only",
        ),
    ],
)
def test_an_exception_to_a_service_only_licence(text: str, expected: str) -> None:
    assert written(text) == {"content_license_scope": expected}


# Written for these tests: who receives the licence, and what limits it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a licence to other users is not the vendor's right
        ("By publishing a project, you grant other users a licence to copy your content.", {}),
        # a permission to access for support grants no licence
        ("When you give our support team permission to access your files, they may view them.", {}),
        # perpetual and sublicensable, with no purpose: nothing limits it
        (
            "You grant us a perpetual, irrevocable and sublicensable licence to copy, modify "
            "and distribute your submissions.",
            {"content_license_scope": "any_purpose"},
        ),
        # a processor on the customer's instructions serves the service
        (
            "Acting as a processor, we process your data only in accordance with the "
            "customer's documented instructions.",
            {"content_license_scope": "service_only"},
        ),
        # "no rights except those necessary to provide the services" restricts
        (
            "These terms give us no rights in your files, except for the limited rights "
            "necessary to provide the services.",
            {"content_license_scope": "service_only"},
        ),
    ],
)
def test_written_licence_grantees_and_limits(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: purposes stated without a grant, or in a list under a licence.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We analyze your content to run the features and to improve our products.",
            {"content_license_scope": "service_and_improvement"},
        ),
        # widening a licence granted before: its scope is that licence's
        (
            "This licence also extends to our hosting partners.",
            {"content_license_scope": "undisclosed"},
        ),
        (
            "The rights you grant us are limited to those we need to provide your content "
            "back to you.",
            {"content_license_scope": "service_only"},
        ),
    ],
)
def test_written_purposes_without_a_grant(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


def test_an_item_of_a_licence_purpose_list_naming_improvement() -> None:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    text = "This licence is for the limited purpose of:\n\n- developing new features for us\n"
    found = [h for s in sentences(text) for h in detect(s) if s.unit.kind == "item"]
    assert [(h.fact, h.value) for h in found] == [
        ("content_license_scope", "service_and_improvement")
    ]


# Written for these tests: a processor's purpose limits, and what is no licence at all.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Where we act as a data processor, we process data pursuant to our customers' "
            "processing instructions.",
            {"content_license_scope": "service_only"},
        ),
        (
            "We will not use the personal data we process for any other purpose than to "
            "carry out the services, acting as a processor.",
            {"content_license_scope": "service_only"},
        ),
        (
            "You are responsible for any activity in your account not performed in accordance "
            "with your instructions.",
            {},
        ),
        ("Part 2 - Customer Content processed by us as a processor", {}),
    ],
)
def test_written_processor_limits(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a use limit that names its purposes only by reference bears on
# no scope (the other document does); one that names the service first is service_only.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will only access and use Customer Content in accordance with this Agreement, "
            "which may include our staff viewing it in connection with the Services.",
            {},
        ),
        (
            "Acting as the processor, we process personal data as specified in the DPA.",
            {},
        ),
        (
            "We receive no rights in Customer Files, except the limited rights necessary for us "
            "to provide the Services in accordance with this Agreement.",
            {"content_license_scope": "service_only"},
        ),
    ],
)
def test_a_limit_by_reference_to_the_agreement(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


def test_a_pointer_to_another_section_states_no_licence() -> None:
    # written for this test
    text = (
        "Any content you share publicly is governed by the terms described below in the "
        'section titled "Licences".'
    )
    assert written(text) == {}


# Written for these tests: a use statement whose purposes cross a dotted name, and a
# restriction on improvement.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme uses this information to run the chat.acme.example service and to improve it.",
            "service_and_improvement",
        ),
        (
            "We will not otherwise use your private repository contents to improve the Service.",
            "undisclosed",
        ),
    ],
)
def test_written_uses_and_restrictions(text: str, expected: str) -> None:
    assert written(text) == {"content_license_scope": expected}


def test_subject_to_the_terms_narrows_a_licence_and_widens_nothing() -> None:
    # written for this test
    text = (
        "Subject to these Terms, you grant us a licence to use your content solely to "
        "provide the service."
    )
    assert written(text) == {"content_license_scope": "service_only"}


# Written for these tests: "for any purpose" widens a licence only when nothing forbids or
# restricts it; purposes "set forth in this policy" are stated elsewhere.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You grant us a licence to use your content for any purpose.", "any_purpose"),
        (
            "We never rent your contacts to others, nor use them for any purpose other than "
            "those set forth in this policy.",
            "undisclosed",
        ),
    ],
)
def test_any_purpose_forbidden_or_restricted(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a limit to providing the service beside a training of models.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will only use your content to provide the Services and to train our AI models.",
            "service_and_improvement",
        ),
        (
            "We process your content with our AI models only to provide the features, and we may "
            "use it to train those models.",
            "service_and_improvement",
        ),
        (
            "We will only use your content to provide the Services and will not use it to train "
            "our AI models.",
            "service_only",
        ),
    ],
)
def test_training_models_is_an_improvement_purpose_unless_denied(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a purpose limit stated after the verb and its object, whatever the
# verb, and said of personal data; a limit of a disclosure is no licence.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We use Customer Content solely to provide and support the Services.",
            {"content_license_scope": "service_only"},
        ),
        (
            "The Provider processes the personal data only to the extent necessary and "
            "proportionate to provide the Services.",
            {"content_license_scope": "service_only"},
        ),
        (
            "We access your files exclusively in order to perform the Services for you.",
            {"content_license_scope": "service_only"},
        ),
        (
            "We will disclose personal data to our suppliers only to the extent necessary to "
            "provide the Services.",
            {},
        ),
        (
            "We use Customer Content solely to provide the Services and to improve our products.",
            {"content_license_scope": "service_and_improvement"},
        ),
    ],
)
def test_written_limits_after_the_object(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


def _found(text: str) -> list[tuple[str, object]]:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    return [(s.text, h.value) for s in sentences(text) for h in detect(s)]


def test_a_lead_in_of_content_uses_and_its_items() -> None:
    # written for this test: the lead-in names no purpose (its items do), so it settles
    # nothing; an item naming improvement widens the use
    text = (
        "We may use Customer Data to:\n\n- provide and maintain the Services;\n"
        "- improve and develop our products.\n"
    )
    assert _found(text) == [
        ("We may use Customer Data to:", "undisclosed"),
        ("improve and develop our products.", "service_and_improvement"),
    ]


def test_a_lead_in_of_personal_information_uses_is_no_licence() -> None:
    # written for this test: a privacy policy's uses of personal information
    text = "We use your personal information to:\n\n- improve our website.\n"
    assert _found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # written for these tests: a licence whose purposes are listed below it
        "The licence you grant us is for the limited purpose of:\n\n- running the service\n",
        "Your submissions may be used only for the following purposes:\n\n- hosting them\n",
    ],
)
def test_a_licence_lead_in_naming_no_purpose_is_undisclosed(text: str) -> None:
    assert [value for _, value in _found(text)] == ["undisclosed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written for these tests: the terms leave the vendor's other rights to the content
        (
            "Nothing in these Terms shall limit any rights we may have to Customer Content "
            "under applicable law.",
            {"content_license_scope": "any_purpose"},
        ),
        (
            "These Terms do not restrict access to or use of the contents of public projects "
            "by us or by other users.",
            {"content_license_scope": "any_purpose"},
        ),
        # the customer's rights left untouched say nothing of the vendor's
        ("Nothing in these Terms limits your rights in your content.", {}),
    ],
)
def test_written_non_restriction_of_the_vendors_rights(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


def test_a_purpose_table_row_naming_content_and_development() -> None:
    # written for this test: a privacy notice's table of purposes and the data used for each
    text = (
        "The purposes of processing are described below:\n\n"
        "| Purpose | Categories of data |\n| --- | --- |\n"
        "| To develop new features | Content you upload to the service |\n"
        "| To send invoices | Billing details |\n"
    )
    assert [value for _, value in _found(text)] == ["service_and_improvement"]


def test_a_purpose_table_row_improving_security_is_no_improvement() -> None:
    # written for this test: improving the security of the service is the service's business,
    # and a row naming only the service is one purpose of several
    text = (
        "The purposes of processing are described below:\n\n"
        "| Purpose | Categories of data |\n| --- | --- |\n"
        "| To improve the security of the service | Content you upload to the service |\n"
        "| To improve safety | Files you store with us |\n"
        "| To host the service, as necessary to perform our contract | Files you store with us |\n"
        "| To improve the service | Content you upload to the service |\n"
    )
    # the hosting row is one purpose among the table's: it limits the use to nothing
    assert [value for _, value in _found(text)] == ["service_and_improvement"]


def test_a_summary_table_row_is_no_purpose_row() -> None:
    # written for this test: a table of contents beside summaries
    text = "| Section | Summary |\n| --- | --- |\n| Research | Content you upload stays yours. |\n"
    assert _found(text) == []


# Written for these tests: feedback beside the customer's content, and a licence drafted as a
# consequence ("so we can provide").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You agree that we may collect your feedback and analyze your content to improve "
            "the Service.",
            {"content_license_scope": "service_and_improvement"},
        ),
        ("You grant us a licence to use any feedback you send us.", {}),
        (
            "You keep the content you post, and you grant us the rights we need so we can "
            "provide the service to you.",
            {"content_license_scope": "service_only"},
        ),
        (
            "You grant us a licence to host and display Your Content in connection with "
            "operating and providing the Services.",
            {"content_license_scope": "service_only"},
        ),
    ],
)
def test_written_feedback_and_consequences(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a licence for the service "and for our other business purposes"
# is broader than the service; the same licence without that tail is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to provide the Services and for our "
            "other business purposes.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services and as described "
            "in our Privacy Policy.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services.",
            "service_only",
        ),
    ],
)
def test_a_purpose_beside_the_service(text: str, expected: str) -> None:
    assert written(text) == {"content_license_scope": expected}


# Written for these tests: "only process" followed by when or where, not what for, limits no
# purpose, so it suggests no service_only.
def test_a_limit_of_when_or_where_is_no_purpose_limit() -> None:
    text = "We will only process your content where you have given your consent."
    assert written(text).get("content_license_scope") != "service_only"


# Written for these tests: a licence drafted as an authorisation to use the content for named
# purposes; one naming no purpose, or one to access the content, is no licence scope.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The customer authorizes the provider to copy, store and display Customer Data to "
            "provide and support the service.",
            {"content_license_scope": "service_only"},
        ),
        (
            "You authorise us to host, reproduce and transmit your content as needed to operate "
            "the platform.",
            {"content_license_scope": "service_only"},
        ),
        (
            "You authorize us to reproduce your files to run the service and to develop new "
            "features.",
            {"content_license_scope": "service_and_improvement"},
        ),
        ("You authorize us to store your recordings.", {}),
        ("The customer authorizes the provider to access Customer Data to deliver support.", {}),
    ],
)
def test_written_a_licence_drafted_as_an_authorisation(text: str, expected: dict[str, str]) -> None:
    assert {f: v for f, v in written(text).items() if f == "content_license_scope"} == expected


# Written for these tests: improvement drafted as enhancing the service or making it better;
# enhancing its security or protection is the service's own business.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your customer data for the purposes of providing, "
            "maintaining and enhancing the platform.",
            "service_and_improvement",
        ),
        (
            "We use the content you upload to run the service, to keep it secure, and to make it "
            "better.",
            "service_and_improvement",
        ),
        ("We use your content to make the service better for you.", "service_and_improvement"),
        (
            "We process your files only to provide the service and to enhance the protection of "
            "your account.",
            "service_only",
        ),
        (
            "We process your files only to provide the service and to improve its security.",
            "service_only",
        ),
        (
            "We process your files only to provide the service and to improve the security and "
            "the features of it.",
            "service_and_improvement",
        ),
    ],
)
def test_written_enhancing_or_making_better_is_improvement(text: str, expected: str) -> None:
    assert written(text).get("content_license_scope") == expected


# Written for these tests: a licence for commercial purposes (besides advertising or promotion)
# is for any use that makes money; denied, or said of the customer's own use, it is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us the right to use your content for advertising, promotional or "
            "commercial purposes.",
            "any_purpose",
        ),
        ("You grant us a licence to reproduce your files for commercial purposes.", "any_purpose"),
        ("We will not use your content for commercial purposes.", None),
        (
            "You may use the service for non-commercial purposes only, and you grant us a "
            "licence to use your content to provide it.",
            "service_only",
        ),
    ],
)
def test_written_commercial_purposes_are_any_purpose(text: str, expected: str | None) -> None:
    assert written(text).get("content_license_scope") == expected


# Written for these tests: a licence to promote the service with the content reaches beyond
# providing it, as marketing does.
@pytest.mark.parametrize(
    "text",
    [
        "You grant us a licence to use your content to operate and promote the Services.",
        "You grant us a licence to host and display your content solely to provide and promote "
        "the platform.",
    ],
)
def test_written_promoting_the_service_is_beyond_providing_it(text: str) -> None:
    assert written(text) == {"content_license_scope": "service_and_improvement"}


# Written for these tests: a service verb that opens a licence's list of acts ("a licence to
# host, copy and display") is what may be done with the content, not what for; a purpose named
# after the acts still counts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a worldwide licence to host, use, copy and translate your content, "
            "consistent with your privacy settings.",
            "undisclosed",
        ),
        ("You grant us a licence to host your content.", "undisclosed"),
        (
            "You grant us a licence to host and display your content in order to provide the "
            "service.",
            "service_only",
        ),
        (
            "You grant us a licence to host, store and copy your content solely to operate the "
            "service.",
            "service_only",
        ),
    ],
)
def test_written_a_licence_s_first_act_is_no_purpose(text: str, expected: str) -> None:
    assert written(text) == {"content_license_scope": expected}


# Written for these tests: a sentence stating the purpose of a licence granted before it ("This
# licence is solely for the purpose of ..."), without naming the content again: improvement
# named here widens it; the service alone settles nothing; a licence for the customer's own use
# of the service is the vendor's grant.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This licence is solely for the purpose of providing and improving our products.",
            {"content_license_scope": "service_and_improvement"},
        ),
        (
            "These rights are granted solely to enable us to run and develop the platform.",
            {"content_license_scope": "service_and_improvement"},
        ),
        (
            "This licence is for the limited purpose of operating the service.",
            {"content_license_scope": "undisclosed"},
        ),
        (
            "This licence is for the sole purpose of enabling you to use the service as we "
            "provide it.",
            {},
        ),
    ],
)
def test_written_the_purpose_of_a_licence_granted_before(
    text: str, expected: dict[str, str]
) -> None:
    assert {f: v for f, v in written(text).items() if f == "content_license_scope"} == expected


# Written for these tests: the customer's content named by its kind ("your photos", "your
# uploads"); the vendor's own images are no content of the customer's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your photos to provide the service.",
            {"content_license_scope": "service_only"},
        ),
        (
            "You grant us a licence to display your uploads on the site and to improve our "
            "products.",
            {"content_license_scope": "service_and_improvement"},
        ),
        ("We grant you a licence to use our images.", {}),
    ],
)
def test_written_content_named_by_its_kind(text: str, expected: dict[str, str]) -> None:
    assert {f: v for f, v in written(text).items() if f == "content_license_scope"} == expected


# Written for these tests: a purpose joined to the service's that names nothing of serving the
# customer (statistics, personalisation, benchmarks, "our own purposes") leaves the licence
# open; one that does (fraud, support, the law, obligations), or words saying how long or
# restricting it, keep it to the service.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to provide the Services and to create "
            "aggregated statistics.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services and to "
            "personalise your experience.",
            "undisclosed",
        ),
        (
            "We may use your files solely for the purpose of running the platform, as well as "
            "for benchmarking our systems.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to host the Services, and to create "
            "derivative works for our own purposes.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services, to prevent "
            "fraud and to respond to support requests.",
            "service_only",
        ),
        (
            "You grant us a licence to use your content to provide the Services and to comply "
            "with the law.",
            "service_only",
        ),
        (
            "You grant us a licence to use your content to provide the Services and for no other "
            "purpose.",
            "service_only",
        ),
        (
            "You grant us a licence to use your content to operate the Services, and for the term "
            "of this Agreement.",
            "service_only",
        ),
    ],
)
def test_a_purpose_joined_to_the_service_s(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a licence the vendor may use as it sees fit, for any lawful purpose
# or reason, or without restriction, is for any purpose; "as we deem appropriate to provide the
# Services" and "including without limitation" are not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to operate the Services and for any other "
            "lawful purpose.",
            "any_purpose",
        ),
        (
            "You grant us a licence to use your content to provide the Services and as we "
            "otherwise see fit.",
            "any_purpose",
        ),
        ("You grant us a licence to use your content for any reason.", "any_purpose"),
        (
            "You grant us a licence to use your content for whatever purpose we choose.",
            "any_purpose",
        ),
        ("You grant us a licence to use your content without restriction.", "any_purpose"),
        ("You grant us an unlimited, worldwide licence to use your content.", "any_purpose"),
        # the vendor judges what the service needs: no limit the customer can hold it to
        (
            "You grant us a licence to use your content as we deem appropriate to provide the "
            "Services.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content, including without limitation to copy "
            "it, to provide the Services.",
            "service_only",
        ),
    ],
)
def test_written_a_licence_as_the_vendor_sees_fit(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a verb joined to the service's under one "to" names a purpose too:
# optimising or refining is improvement, personalising or analysing leaves the licence open,
# hosting or supporting is still the service; "and otherwise" is the business at large.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to provide and optimise the Services.",
            "service_and_improvement",
        ),
        (
            "Customer authorises us to process Customer Files to deliver the platform and to "
            "refine it over time.",
            "service_and_improvement",
        ),
        (
            "You grant us a licence to use your content to provide and personalise the Services.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide, host and analyse the Services.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services and otherwise in "
            "connection with our business.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide, maintain and support the "
            "Services.",
            "service_only",
        ),
    ],
)
def test_written_verbs_joined_to_the_service_s(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a service verb whose object is more than the service the content is
# in (the vendor's business, its other products, a partner's services) is no service limit; a
# "business day" is no business.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You grant us a licence to use your content to operate our business.", "undisclosed"),
        (
            "You grant us a licence to use your content in connection with the operation of our "
            "business.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services and other Acme "
            "services.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide any of our products and "
            "services.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to enable our partners to offer their "
            "services.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services within one "
            "business day.",
            "service_only",
        ),
        (
            "You grant us a licence to use your content to provide services to our customers.",
            "service_only",
        ),
    ],
)
def test_written_a_service_that_is_more_than_the_customer_s(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: advertising with the content is a use beyond the service, as
# marketing is; denied, it is a purpose excluded, unless the denial allows it by an exception.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to provide the Services, including to our "
            "advertising partners.",
            "service_and_improvement",
        ),
        (
            "We will not use your content for advertising and will only use it to provide the "
            "Services.",
            "service_only",
        ),
        (
            "We do not use your content for any purpose other than to provide and improve the "
            "Services.",
            "service_and_improvement",
        ),
        (
            "Customer grants us a licence to use Customer Data solely to provide the Services and "
            "not to develop new products.",
            "service_only",
        ),
        (
            "We do not use your data for advertising except as necessary to provide the Service.",
            "service_and_improvement",
        ),
    ],
)
def test_written_advertising_and_denied_purposes(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


def _scanned(text: str) -> list[tuple[str, object]]:
    """Quote and value of every content licence passage the scanner reports in ``text``."""
    from vendorgate.scan.scanner import scan_text

    return [(p.quote, p.value) for p in scan_text(text) if p.fact == "content_license_scope"]


# Written for these tests: a lead-in listing a licence's purposes reaches as far as its widest
# item; items limited to the service leave it unsettled, as the lead-in alone is.
def test_a_lead_in_takes_the_widest_value_of_its_items() -> None:
    text = (
        "The licence is for the limited purpose of:\n\n"
        "- hosting your content so that the service works;\n"
        "- developing new features for our products.\n"
    )
    assert _scanned(text) == [
        ("The licence is for the limited purpose of:", "service_and_improvement"),
        ("developing new features for our products.", "service_and_improvement"),
    ]


def test_a_lead_in_whose_items_name_only_the_service_stays_unsettled() -> None:
    text = (
        "The licence is for the limited purpose of:\n\n"
        "- hosting your content so that the service works;\n"
        "- showing your content to the people you share it with.\n"
    )
    assert _scanned(text) == [("The licence is for the limited purpose of:", "undisclosed")]


HUGGING_FACE_TOS = "hugging-face/terms-of-service/2026-05-06.md"


def test_other_uses_denied_by_reference_to_the_terms_are_unsettled() -> None:
    quote = (
        "We will not sell your Content, nor will we use it in any other way as permitted under "
        "these Terms."
    )
    found = suggested(content_license, HUGGING_FACE_TOS, quote)
    assert found["content_license_scope"] == "undisclosed"


# Written for these tests: other uses denied ("for any other purpose", "for anything else")
# limit the use to the purposes named before them, if the sentence names any; naming none, it
# leaves the scope unsettled.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will not use your content for any other purpose.", "undisclosed"),
        ("We host your files for you and do not use them for anything else.", "undisclosed"),
        (
            "We use your content to provide the Services and will not use it in any other way.",
            "service_only",
        ),
    ],
)
def test_written_other_uses_denied(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a use for the vendor's affiliates or for a partner's own use is
# beyond the service; the service provided through affiliates is not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to provide the Services and as needed for "
            "our affiliates.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services, and we may share "
            "it with our partners for their own use.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services through our "
            "affiliates.",
            "service_only",
        ),
    ],
)
def test_written_a_use_for_affiliates_or_partners(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: rights in the content denied but for those the service needs, in any
# of the usual forms, limit the licence to the service; a use "for purposes other than" the
# service, not denied, is no such limit.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nothing in these Terms gives us any right to use your content other than to provide "
            "the Services.",
            "service_only",
        ),
        (
            "We do not acquire any rights to your content beyond what is needed to run the "
            "Services.",
            "service_only",
        ),
        (
            "You do not grant us any rights in your content other than those necessary to provide "
            "the Services.",
            "service_only",
        ),
        (
            "You grant us a licence to use your content, including for purposes other than "
            "providing the Services.",
            "undisclosed",
        ),
    ],
)
def test_written_rights_denied_but_for_the_service(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


def test_the_same_rights_as_to_other_content_widen_a_licence_granted_before() -> None:
    quote = (
        "To the extent required by law, Stack retains and will exercise the same non-exclusive "
        "rights to AI Outputs as it does to AI Inputs."
    )
    found = suggested(content_license, "stack-overflow/terms-of-service/2025-11-13.md", quote)
    assert found == {"content_license_scope": "undisclosed"}


# Written for these tests: the same licence carried over to other content settles what that
# licence does, unless the sentence names purposes of its own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The same licence applies to any comments you post.", "undisclosed"),
        ("We have the same rights to your outputs as to your inputs.", "undisclosed"),
        (
            "The same licence extends to content you upload, for the purpose of improving our "
            "products.",
            "service_and_improvement",
        ),
    ],
)
def test_written_the_same_licence_over_other_content(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a purpose joined to the service's that merely names someone served
# ("to show you ads", "to send you product updates") is no purpose of serving the customer by
# naming them; "and for other users" only says whom the service is for.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a licence to use your content to provide the Services and to show you "
            "ads.",
            "service_and_improvement",
        ),
        (
            "You grant us a licence to use your content to provide the Services and to send you "
            "product updates.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content to provide the Services to you and for "
            "other users.",
            "service_only",
        ),
    ],
)
def test_written_a_purpose_naming_whom_it_serves(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: the customer's business or affiliates are whom the service is for;
# the vendor's are beyond it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Customer grants Acme a licence to use Customer Data to provide the Services to "
            "Customer's business.",
            "service_only",
        ),
        (
            "Customer grants Acme a licence to use Customer Data to provide the Services for "
            "Customer's affiliates.",
            "service_only",
        ),
        (
            "Customer grants Acme a licence to use Customer Data to provide the Services and to "
            "support Acme's business.",
            "undisclosed",
        ),
    ],
)
def test_written_whose_business_the_service_is_for(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: a licence reaching what the vendor may add later has no bound the
# customer can read today, so it is not limited to the service.
@pytest.mark.parametrize(
    "text",
    [
        "You grant us a licence to host and use your content to provide the Services and any "
        "features we may add in the future.",
        "You grant us a licence to use your content to provide the Services, including future "
        "functionality.",
        "You grant us a licence to use your content to operate the Services and any "
        "functionality we might introduce.",
        "You grant us a licence to use your content to provide the Services and any other "
        "services we may offer later.",
    ],
)
def test_a_licence_for_what_may_be_added_later_is_not_service_only(text: str) -> None:
    assert written(text)["content_license_scope"] != "service_only"


def test_a_licence_to_provide_the_service_is_still_service_only() -> None:
    text = "You grant us a licence to host and use your content to provide the Services to you."
    assert written(text)["content_license_scope"] == "service_only"


# Written for these tests: content passed on to others than the vendor, or used for their
# purposes, is not licensed for the service only; passing it to no one keeps the limit.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We use your content only to provide the Services and may share it with our partners.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content solely to provide the Services, "
            "including by sharing it with our affiliates for their purposes.",
            "undisclosed",
        ),
        (
            "You grant us a licence to use your content solely to provide the Services and to "
            "disclose it to selected third parties.",
            "undisclosed",
        ),
        (
            "We process your content only to provide the Services and will not share it with "
            "third parties.",
            "service_only",
        ),
    ],
)
def test_written_content_passed_on_to_others(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: the licence granted to partners beside the vendor, or the content
# made available to them, reaches others' use; one granted to the vendor's affiliates to
# provide the service does not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us and our partners a licence to use your content to provide the Services.",
            "undisclosed",
        ),
        (
            "We use your content only to provide the Services and may make it available to our "
            "partners.",
            "undisclosed",
        ),
        (
            "You grant Acme and its affiliates a licence to use your content to provide the "
            "Services.",
            "service_only",
        ),
    ],
)
def test_written_a_licence_reaching_partners(text: str, expected: str) -> None:
    assert written(text)["content_license_scope"] == expected


# Written for these tests: "our operation of the Service" is "Acme's operation of the Service"
# (it read undisclosed, and a licence of broader words read any_purpose), while "our operation of
# our business" still reaches past the service.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You grant us a non-exclusive licence to use and copy your content in connection "
            "with our operation of the Service.",
            "service_only",
        ),
        (
            "You grant us a non-exclusive licence to use and copy your content in connection "
            "with our operation of our business.",
            "undisclosed",
        ),
    ],
)
def test_the_vendors_operation_of_the_service_as_our_operation(text: str, expected: str) -> None:
    assert written(text) == {"content_license_scope": expected}
