"""Sale, rental or monetisation of customer data."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import detect, sale
from vendorgate.scan.document import sentences

LINEAR_PRIVACY = "linear/privacy-policy/2026-06-18.md"


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            "meet-jit-si/privacy-policy/2025-09-23.md",
            "8×8 is not in the business of selling personal information to third parties.",
            "never",
        ),
        (
            LINEAR_PRIVACY,
            "If you are a resident of Nevada, you have the right to opt-out of the sale of "
            "certain Personal Data to third parties who intend to license or sell that Personal "
            "Data.",
            "opt_out",
        ),
        (
            LINEAR_PRIVACY,
            "Depending on state laws that may be applicable to you, some of these disclosures "
            "may constitute a “sale” of your Personal Data.",
            "always",
        ),
    ],
)
def test_sale_practice(document: str, quote: str, expected: str) -> None:
    assert suggested(sale, document, quote) == {"sale_of_data": expected}


@pytest.mark.parametrize(
    ("document", "quote"),
    [
        (
            "linear/terms-of-service/2026-06-10.md",
            "Notwithstanding the foregoing, Linear may assign this Agreement in its entirety "
            "(including all Orders), without the consent of Customer, in connection with a "
            "merger, acquisition, corporate reorganization, or sale of all or substantially all "
            "Linear’s assets.",
        ),
        (
            "miro/terms-of-service/2026-03-11.md",
            "This Agreement is governed by the laws of the State of California and the United "
            "States without regard to conflicts of laws provisions and without regard to the "
            "United Nations Convention on the International Sale of Goods.",
        ),
    ],
)
def test_sale_of_the_business_or_of_goods_is_not_sale_of_data(document: str, quote: str) -> None:
    assert hits(sale, document, quote) == []


def test_a_sale_of_the_customer_s_contacts_is_a_sale_of_data() -> None:
    # written for this test
    assert written("In no case do we sell or rent your contacts to anyone.") == {
        "sale_of_data": "never"
    }


# Written for these tests: a denial the same sentence takes back is no "never".
@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal information, except to our affiliates.",
        "We do not sell personal data; we share it with advertising partners, which may "
        "constitute a sale under state law.",
        "We do not sell your personal data in the traditional sense, but we share it for ads.",
    ],
)
def test_a_qualified_denial_of_sale_is_not_never(text: str) -> None:
    assert written(text)["sale_of_data"] == "always"


def test_a_carve_out_of_another_use_leaves_the_denial_of_sale() -> None:
    text = "We never sell your personal data, nor use it for any purpose other than the service."
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: a denial that holds only once the person asks for it, or sends a
# signal, leaves the sale on by default (opt_out); a plain denial stays never.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You may ask us not to sell your personal information to third parties.", "opt_out"),
        (
            "If your browser sends a Global Privacy Control signal, we will not sell your "
            "personal data.",
            "opt_out",
        ),
        ("We never sell your personal data.", "never"),
    ],
)
def test_a_denial_of_sale_on_request_is_opt_out(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for these tests: disclosure for value, the CCPA's defined "share", and pointers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We may disclose your personal data to partners with or without compensation.",
            {"sale_of_data": "always"},
        ),
        (
            'In the last year we "shared" your personal information with analytics providers.',
            {"sale_of_data": "always"},
        ),
        (
            'For more information, please refer to the section "Right to Opt Out of the Sale of '
            'Your Personal Information".',
            {},
        ),
    ],
)
def test_written_sales_by_other_names(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


def test_a_title_left_in_a_paragraph_is_no_statement() -> None:
    # written for this test
    assert written("Your Right to Opt Out of the Sale of Your Personal Information") == {}


# Written for these tests: "even if you ask" is no choice; "unless you tell us to" is consent.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We won't sell your personal data, even if you ask.", "never"),
        ("We do not sell your personal data unless you tell us to.", "opt_in"),
    ],
)
def test_written_choices_around_a_denial_of_sale(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


def test_disclosing_anonymous_information_for_compensation_is_a_sale() -> None:
    # written for this test
    text = "We may disclose Anonymous Information (with or without compensation) to partners."
    assert written(text)["sale_of_data"] == "always"


# Written for these tests: a definition of the data leaves the denial plain; a definition
# of the sale takes it back.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not sell your covered information, as defined under state law.", "never"),
        ("We do not sell personal data, as that term is defined by state law.", "always"),
    ],
)
def test_what_the_legal_definition_defines(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for these tests: the passive voice names the data before the verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your personal data is never sold.", "never"),
        ("None of your personal information is sold to third parties.", "never"),
        ("Customer data will not be sold or rented to anyone.", "never"),
        ("Personal information may be sold to our partners for marketing.", "always"),
    ],
)
def test_a_sale_in_the_passive(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


def test_something_else_sold_is_no_sale_of_data() -> None:
    assert written("The company was sold in 2020.") == {}


# Written for these tests: "with the exception of" carves out of the denial like "except".
@pytest.mark.parametrize(
    "text",
    [
        "We will never sell your personal data, with the exception of the partners named below.",
        "Customer data is not sold to anyone (with the exception of our resellers).",
    ],
)
def test_a_denial_of_sale_with_the_exception_of_is_not_never(text: str) -> None:
    assert written(text)["sale_of_data"] == "always"


# Written for these tests: a denial of selling "for money" leaves a disclosure for other value
# open; handing the data over "in exchange for payment" is a sale by another name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not sell your personal data for money.", "undisclosed"),
        ("We never trade customer data to anyone in exchange for cash.", "undisclosed"),
        ("We may provide your usage data to partners in return for payment.", "always"),
        (
            "We do not sell your personal data for money or any other valuable consideration.",
            "never",
        ),
    ],
)
def test_a_sale_for_money(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for these tests: words stressing a denial between the "not" and its verb.
def test_a_denial_stressed_between_not_and_the_verb_is_never() -> None:
    text = "We will not, under any circumstances whatsoever, hand over or sell your information."
    assert written(text) == {"sale_of_data": "never"}


# Written for these tests: the data sold named in short ("info"), by quantity ("any data"), or
# with its definition in brackets.
@pytest.mark.parametrize(
    "text",
    [
        "We will never sell your personal info to anyone.",
        "We never rent or sell any data you keep in your workspace.",
        "We do not sell your information (as defined in these terms) to third parties.",
    ],
)
def test_more_ways_of_naming_the_data_sold(text: str) -> None:
    assert written(text) == {"sale_of_data": "never"}


def test_data_in_another_sense_is_not_the_data_sold() -> None:
    assert written("Our sales staff follow all data protection rules.") == {}


# Written for these tests: the passive with other participles joined to "sold", the legal term
# in quotes, a "no" on the subject, and a subject that is not the data.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customer data is never rented, traded or sold.", {"sale_of_data": "never"}),
        (
            "No customer information is shared with, handed to or sold to outside companies.",
            {"sale_of_data": "never"},
        ),
        ('Your personal data may have been "sold" to partners.', {"sale_of_data": "always"}),
        ("We keep your data in our own systems, and the old office was sold in 2019.", {}),
    ],
)
def test_more_sales_in_the_passive(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a sentence classing a disclosure as a sale names the data before
# the word; one classing a disclosure as no sale says nothing of the others.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Handing your usage data to ad networks may be considered a sale.", "always"),
        ('Our use of this personal information may qualify as a "sale" under state law.', "always"),
        (
            "Transfers to our hosting vendors do not constitute a sale of personal data.",
            "undisclosed",
        ),
        ("Giving your data to our processors is not a sale of your personal data.", "undisclosed"),
    ],
)
def test_a_disclosure_classed_as_a_sale_or_as_none(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests: the data named before the verb and a pronoun after it ("we never
# sell it"); the pronoun does not reach past another thing or to a sale by someone else.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your contact information stays yours, and we do not sell it.", {"sale_of_data": "never"}),
        (
            "Your usage data is kept private; we will not rent or sell them.",
            {"sale_of_data": "never"},
        ),
        # (one kind of the data: the rest of it stays open)
        ("We never sell your email address.", {"sale_of_data": "undisclosed"}),
        ("We keep your data on our servers, and when the hardware is old we sell it.", {}),
        ("You may export your data and sell it in our marketplace.", {}),
    ],
)
def test_the_data_sold_named_by_a_pronoun(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: the people's data named with more words, a bare "information"
# denied as the subject of the passive, and the other sale verbs in the passive.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never rent members' contact information to anyone.", {"sale_of_data": "never"}),
        ("We do not sell personally identifiable information.", {"sale_of_data": "never"}),
        ("No information is monetised.", {"sale_of_data": "never"}),
        ("Your personal data is never rented to anyone.", {"sale_of_data": "never"}),
        ("We rented a new office last year and no data is kept there.", {}),
    ],
)
def test_more_ways_of_naming_the_data_and_the_passive(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: an exception for what the law compels takes nothing back from a
# denial of sale; one followed by another carve-out does.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will not sell customer data, except where required by law.", "never"),
        ("We never sell your personal data unless compelled to do so by a court.", "never"),
        ("We never sell your personal data unless required by law or to our resellers.", "always"),
    ],
)
def test_a_denial_of_sale_with_an_exception_the_law_compels(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for these tests: the data as a source of revenue is a sale by another name; only
# when the data is the source named.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We never make money off the personal information you give us.",
            {"sale_of_data": "never"},
        ),
        ("We earn revenue from your usage data by licensing it.", {"sale_of_data": "always"}),
        ("We make money from subscriptions, not from your personal data.", {}),
    ],
)
def test_revenue_from_the_data(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: the sale as the subject, denied after it; not when the denial is of
# the sale's share of the business, or another clause follows.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selling customer data is not part of what we do.", "never"),
        ("The sale of your personal information will never happen.", "never"),
        ("Selling your data is not our main business.", "always"),
        ("Selling your data is not our goal, but partners may pay for reports.", "always"),
    ],
)
def test_the_sale_denied_as_the_subject(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for these tests: a pronoun as the subject of the passive stands for the data named
# before it, unless another thing stands between.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your data stays yours: it is never sold.", {"sale_of_data": "never"}),
        (
            "Your personal data belongs to you, and it will not be rented.",
            {"sale_of_data": "never"},
        ),
        ("Your data is hosted on servers, and they were sold last year.", {}),
    ],
)
def test_a_pronoun_as_the_subject_of_the_passive(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a denial taken back by a contrast ("though"), by naming whom it
# spares ("only to"), or by the same data handed over under another name ("we license it").
@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal data, though we may share it with partners.",
        "We do not sell customer data to marketers, only to research institutes.",
        "We don't sell your usage data; we lease it to analysts.",
    ],
)
def test_a_denial_of_sale_taken_back_later_in_the_sentence(text: str) -> None:
    assert written(text)["sale_of_data"] == "always"


def test_a_denial_of_sale_with_a_restriction_after_it_stays_never() -> None:
    text = "We never sell your personal data; we only use it to provide the service."
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: a denial of sale for a time gone by (the CCPA's look-back, "to
# date", the past tense) reports what was done and promises nothing about what will be; a
# denial in the present or the future beside it keeps the never, and a past sale stays one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We have not sold personal information in the preceding 12 months.", "undisclosed"),
        (
            'In the preceding twelve months, we have not "sold" or "shared" personal information.',
            "undisclosed",
        ),
        ("We did not sell any personal information during the last year.", "undisclosed"),
        ("To date, we have never sold personal data.", "undisclosed"),
        ("Your personal data was never sold.", "undisclosed"),
        (
            "We have not sold personal information in the past 12 months, and we do not sell "
            "personal information.",
            "never",
        ),
        ("We have never sold your personal data and we never will.", "never"),
        ("We do not sell personal data and have not sold it in the past 12 months.", "never"),
        (
            "In the past twelve (12) months, we have sold the following categories of personal "
            "information.",
            "always",
        ),
    ],
)
def test_a_denial_of_sale_for_a_time_gone_by(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for these tests: "however" and "whereas" take a denial back like "but" when the
# clause after them hands the data over; a "however" about something else leaves it alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not sell your personal data; however, we share it with partners.", "always"),
        ("We do not sell personal information, whereas our affiliates may share it.", "always"),
        ("We do not sell your personal data; however, you can still ask us what we hold.", "never"),
    ],
)
def test_a_denial_of_sale_taken_back_by_however(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests: a sale denied only for the buyer's own marketing, or only in a form
# that identifies the person, leaves other sales open; a purpose that belongs to another verb
# after the denial does not limit it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We do not sell personal data to third parties for their own marketing purposes.",
            "undisclosed",
        ),
        (
            "We never rent your personal information to other companies for their direct "
            "marketing purposes.",
            "undisclosed",
        ),
        ("We never sell your data in a form that identifies you.", "undisclosed"),
        (
            "We do not sell your personal information, and we do not let partners use it for "
            "their own marketing purposes.",
            "never",
        ),
    ],
)
def test_a_denial_of_sale_for_one_purpose_or_form(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


def test_a_sale_denial_where_service_providers_may_not_sell_or_use_for_their_marketing() -> None:
    quote = (
        "Specifically, we do not permit our Service Providers to sell any personal information "
        "we share with them or to use any personal information we share with them for their "
        "own marketing purposes or for any purpose other than in connection with the services "
        "they provide to us."
    )
    assert suggested(sale, "cloudflare/privacy-policy/2025-11-05.md", quote) == {
        "sale_of_data": "never"
    }


# Written for these tests: a denial of sale of one sensitive kind of data leaves the rest open.
@pytest.mark.parametrize(
    "text",
    [
        "We do not sell or share sensitive personal information.",
        "We never sell your health data.",
        "Your financial information is never sold.",
    ],
)
def test_a_denial_of_sale_of_sensitive_data_only(text: str) -> None:
    assert written(text)["sale_of_data"] == "undisclosed"


# Written for these tests: a present denial in another sentence of the same paragraph stands
# beside the past one, before or after it; a denial of another practice does not.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We do not sell personal information. We have not sold personal information in the "
            "preceding 12 months.",
            "never",
        ),
        (
            "We have not sold personal information in the preceding 12 months. We will not sell "
            "it in the future.",
            "never",
        ),
        (
            "We have not sold personal information in the preceding 12 months. We do not share "
            "your data for ads.",
            "undisclosed",
        ),
    ],
)
def test_a_past_denial_of_sale_beside_a_present_one(text: str, expected: str) -> None:
    first = sentences(text)[0]
    assert [h.value for h in detect(first) if h.fact == "sale_of_data"] == [expected]


# Written for these tests: the data denied as goods "for sale"; other goods are no data.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your personal data is not for sale.", {"sale_of_data": "never"}),
        ("Your data is not for sale, except to our partners.", {"sale_of_data": "always"}),
        ("Your personal data is not for sale in the EU.", {"sale_of_data": "undisclosed"}),
        ("Our products are not for sale in your country.", {}),
    ],
)
def test_the_data_not_for_sale(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a denial of sale in one law's sense leaves a sale in another sense
# open, as one for one region's people does.
@pytest.mark.parametrize(
    "text",
    [
        "We do not sell personal information under the CCPA.",
        "We do not sell your personal information within the meaning of the CCPA.",
        "For purposes of the CCPA, we do not sell personal information.",
        "We do not sell personal information for purposes of California law.",
    ],
)
def test_a_denial_of_sale_in_one_law_s_sense(text: str) -> None:
    assert written(text) == {"sale_of_data": "undisclosed"}


# Written for these tests: the shared cues read a denial of sale for a time only as unsettled,
# and one that holds until the person agrees as opt_in.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will not sell your personal information until you give us your consent.", "opt_in"),
        (
            "We will not sell your personal information for as long as you have an account.",
            "undisclosed",
        ),
    ],
)
def test_a_denial_of_sale_until_an_event(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


def test_a_sale_with_a_consent_deemed_given_by_accepting_the_terms_is_no_opt_in() -> None:
    # written for this test: the consent is given by accepting the terms, by everyone
    text = (
        "We sell your personal information only with your consent, which you give by accepting "
        "these Terms."
    )
    assert written(text)["sale_of_data"] == "always"


# Written for these tests: a sale denied only to recipients described by what they do not do
# (pay, agree) implies a sale to the others.
@pytest.mark.parametrize(
    "text",
    [
        "We don't sell your data to anyone who doesn't pay us.",
        "We do not sell personal information to companies that have not paid for it.",
        "We never sell your personal data to third parties which do not sign our data agreement.",
        "We will not sell your information to non-paying partners.",
    ],
)
def test_a_sale_denied_only_to_those_who_do_not_pay_is_no_denial(text: str) -> None:
    assert written(text)["sale_of_data"] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "We don't sell your data to anyone.",
        "We do not sell personal information to anyone who asks for it.",
    ],
)
def test_a_sale_denied_to_every_recipient_is_still_never(text: str) -> None:
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: another verb contrasted with the sale ("processed, not sold") is a
# denial of the sale, the data the subject or the object of both verbs.
@pytest.mark.parametrize(
    "text",
    [
        "Your data is processed, not sold.",
        "Your personal data is shared with service providers, not sold.",
        "Your personal information is disclosed to our service providers, but never sold.",
        "We process, not sell, your data.",
        "We process your data, not sell it.",
        "Your data is yours: it is processed, not sold.",
    ],
)
def test_a_sale_contrasted_with_another_verb_is_denied(text: str) -> None:
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: the same contrast under a hedge, a plan, an exception or one kind of
# recipient settles nothing; a party contrasted ("our partners, not us") sells.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As a rule, your data is processed, not sold.", "undisclosed"),
        ("To our knowledge, your data is processed, not sold.", "undisclosed"),
        ("Your data is currently processed, not sold.", "undisclosed"),
        ("For Enterprise customers, your data is processed, not sold.", "undisclosed"),
        (
            "Except as described in our Enterprise terms, your data is processed, not sold.",
            "undisclosed",
        ),
        ("Your data is processed, not sold to data brokers.", "undisclosed"),
        ("Our partners, not us, sell your data.", "always"),
        ("Your data is processed and sold.", "always"),
    ],
)
def test_a_contrasted_sale_keeps_the_central_checks(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests (red-team pass): the verb contrasted with the sale hands the data over
# for value, or for ads, by another name; or the denial is taken back by a sale under another
# name after it, or by a sale of other data in a clause of its own. None is a denial.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your personal data is licensed, not sold.", "undisclosed"),
        ("Your personal data is exchanged, not sold.", "undisclosed"),
        ("Your personal data is leased, not sold.", "undisclosed"),
        ("We license, not sell, your data.", "undisclosed"),
        ("We trade your personal data, not sell it.", "undisclosed"),
        # the sharing for cross-context advertising is itself a sale in the vocabulary's sense
        (
            "Your personal data is shared for cross-context behavioral advertising, not sold.",
            "always",
        ),
        (
            "Your personal data is provided to partners in return for services, not sold.",
            "undisclosed",
        ),
        ("Your personal data is processed, not sold but exchanged with partners.", "always"),
        ("Your personal data is not sold, only licensed.", "always"),
        ("Your personal data is never sold, merely licensed to partners.", "always"),
        ("Your personal data is stored, not sold, and we may sell aggregated data.", "always"),
        ("We do not sell your personal data, and we may sell aggregated data.", "always"),
    ],
)
def test_a_sale_by_another_name_is_no_denial(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests: the near sentences stay denials (a verb that hands nothing over for
# value, a second clause that denies again).
@pytest.mark.parametrize(
    "text",
    [
        "Your personal data is stored, not sold.",
        "Your personal data is shared with our service providers, not sold.",
        "We process, not sell, your data.",
        "We do not sell your personal data, and we never will sell it.",
        "Your personal data is not sold, only processed to provide the Services.",
    ],
)
def test_a_sale_contrasted_with_a_plain_verb_stays_denied(text: str) -> None:
    assert written(text)["sale_of_data"] == "never"


@pytest.mark.parametrize(
    "text",
    [
        "The company was acquired, not sold.",
        "Our services are licensed, not sold.",
        "Your data is processed, not only sold.",
    ],
)
def test_a_contrast_naming_no_data_sold_gives_no_denial(text: str) -> None:
    assert written(text).get("sale_of_data") != "never"


# Written for these tests: a quick reader takes each for a denial of any sale.
@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your contact details.",
        "We don't sell your files.",
        "We do not sell personal information collected through our mobile app.",
        "We do not sell your personal information to unaffiliated third parties.",
        "We don't sell your data as such.",
        "We never sell your personal data outright.",
        "We don't sell personal data for profit.",
        "Your data is not sold unless you agree to our Terms.",
        "We don't sell personal information, but third-party cookies on our site may collect it.",
        "We do not sell your personal information in the ordinary course of business.",
        "We do not sell or share your personal information with third parties for their own "
        "purposes without your opt-in consent.",
    ],
)
def test_a_sale_denied_in_part_or_by_a_narrow_word_settles_nothing(text: str) -> None:
    # (a narrow word, or a consent deemed given, takes the denial back: "always")
    assert written(text)["sale_of_data"] in ("undisclosed", "always")


def test_ads_sold_are_no_sale_of_the_data() -> None:
    # written for this test
    text = "We don't sell ads on your data, but we use it to show you relevant offers."
    assert "sale_of_data" not in written(text)


@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal information to anyone.",
        "We do not sell your personal information, including your email address.",
    ],
)
def test_a_sale_denied_of_the_data_as_a_whole_is_never(text: str) -> None:
    # written for this test
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: sale_of_data covers all customer data, account and usage data too; a
# denial for the content alone leaves those open. One naming the data as a whole beside the
# content denies it all.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not sell Customer Content.", "undisclosed"),
        ("We never sell your content to third parties.", "undisclosed"),
        ("Customer content is never sold.", "undisclosed"),
        ("We do not sell customer content or any other personal data.", "never"),
        ("We do not sell your personal information or your content.", "never"),
    ],
)
def test_a_sale_denied_of_the_content_alone(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests: an aside naming part of the denied data widens nothing; the content
# alone, with an aside, is still the content alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not sell personal data (including your content).", "never"),
        ("We never sell your personal data, including your content, to anyone.", "never"),
        ("We do not sell your content (including your files).", "undisclosed"),
        ("We sell your personal data, including your content, to partners.", "always"),
    ],
)
def test_an_aside_naming_part_of_the_denied_sale_data_widens_nothing(
    text: str, expected: str
) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests: sharing for cross-context behavioural advertising is a "sharing" in
# the state laws' sense, which sale_of_data covers (the vocabulary counts it for the account
# data); a denial of that sharing alone denies no sale.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We share personal information with third parties for cross-context behavioral "
            "advertising.",
            "always",
        ),
        (
            "We may disclose your personal data to ad partners for cross-context behavioural "
            "advertising; you can opt out of this sharing.",
            "opt_out",
        ),
        (
            "We do not share your personal information for cross-context behavioral advertising.",
            "undisclosed",
        ),
    ],
)
def test_sharing_for_cross_context_advertising_is_a_sale_of_the_data(
    text: str, expected: str
) -> None:
    assert written(text)["sale_of_data"] == expected


def test_a_denial_of_sale_beside_sharing_for_cross_context_advertising_is_no_denial() -> None:
    from vendorgate.scan.scanner import scan_text, suggest

    text = (
        "We do not sell personal information.\n\nWe may share personal information for "
        "cross-context behavioural advertising."
    )
    assert {s.fact: s.value for s in suggest(scan_text(text))}["sale_of_data"] == "always"


# Written for these tests: the data handed to those who pay for it, or identifiers classed as a
# sale, are sold; a denial reaching only "beyond what is described" leaves what is described.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We may share your information with partners who pay us for it.", "always"),
        (
            'We disclose identifiers to ad partners for targeted advertising, which may be a "sale"'
            " under some laws.",
            "always",
        ),
        ("We do not sell your personal information beyond what is described here.", "undisclosed"),
    ],
)
def test_written_sales_by_what_is_paid_or_described(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for this round: the data sold named bare, with whose it is after it ("data belonging
# to paid accounts"), in either voice; a plan named makes the denial undisclosed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never sell data belonging to paid accounts.", "undisclosed"),
        ("Data belonging to Enterprise customers is never sold.", "undisclosed"),
        ("The Provider does not sell information from Business workspaces.", "undisclosed"),
        ("We never sell data belonging to our users.", "never"),
        ("We may sell data collected from our users to partners.", "always"),
    ],
)
def test_the_data_sold_named_by_whose_it_is(text: str, expected: str) -> None:
    assert written(text) == {"sale_of_data": expected}


# Written for the sixth pass: a law's definition of a term states no practice of the vendor's;
# a practice named with the law's word for it is still one.
@pytest.mark.parametrize(
    "text",
    [
        'The CCPA defines "sharing" as disclosing personal information for cross-context '
        "behavioral advertising.",
        'The CCPA defines "sale" as selling, renting or disclosing personal information for '
        "monetary or other valuable consideration.",
        'California law defines "sell" to include making personal information available to a '
        "third party for valuable consideration.",
        'Under the CCPA, "sale" is defined as disclosing personal information for monetary or '
        "other valuable consideration.",
    ],
)
def test_a_law_defining_a_term_gives_no_value(text: str) -> None:
    assert written(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "We share personal information for cross-context behavioral advertising, which the CCPA "
        "calls sharing.",
        'The CCPA defines "sharing" as disclosing personal information for cross-context '
        "behavioral advertising, and we share personal information in this way.",
    ],
)
def test_a_practice_named_with_the_law_s_word_is_still_a_sale(text: str) -> None:
    assert written(text)["sale_of_data"] == "always"


def _document(text: str) -> dict[str, object]:
    from vendorgate.scan.scanner import scan_text, suggest

    return {s.fact: s.value for s in suggest(scan_text(text))}


# Written for the sixth pass: sale_of_data is a practice (never, opt_in, opt_out, always), so an
# opt-out of the sale offered in the next sentence is the sale's way out, as in its own sentence.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We may sell your personal information. You can opt out of the sale at any time in "
            "your settings.",
            "opt_out",
        ),
        (
            "We may sell your personal information. You may opt out of the sale of your "
            "personal information at any time.",
            "opt_out",
        ),
        (
            "We may sell your personal information, but you can opt out of the sale at any time "
            "in your settings.",
            "opt_out",
        ),
        # no way out, a way out of something else, or one for some people only
        ("We may sell your personal information. You cannot opt out of the sale.", "always"),
        (
            "We may sell your personal information. You can opt out of marketing emails at any "
            "time.",
            "always",
        ),
        (
            "We may sell your personal information. California residents can opt out of the sale.",
            "always",
        ),
        (
            "We may sell your personal information. If you live in the EU, you can opt out of "
            "the sale.",
            "always",
        ),
        (
            "We may sell your personal information. Where required by law, you can opt out of "
            "the sale.",
            "always",
        ),
    ],
)
def test_an_opt_out_of_the_sale_in_the_next_sentence(text: str, expected: str) -> None:
    assert _document(text)["sale_of_data"] == expected


# Written for this test: the opt-out link contracted is the same link (it read nothing).
def test_a_contracted_do_not_share_link_is_the_opt_out_of_a_sale() -> None:
    text = (
        "To opt out of the sharing of your personal information, click the "
        '"Don\'t Share My Personal Information" link.'
    )
    assert written(text) == {"sale_of_data": "opt_out"}
