"""Wordings that would let a rule pass if read at face value, whichever detector reads them:
a denial or a deadline held back by its own words ("knowingly", "typically"), a sale or a
disclosure denied to one kind of recipient, a deadline counted in business days, and a model
lab named as the one that does not train."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import written
from vendorgate.scan.scanner import scan_text, suggest

CONTENT = "ai_training_customer_content"


# Written for these tests: each sentence, without its hedge, is a plain denial or deadline.
@pytest.mark.parametrize(
    ("text", "plain", "fact"),
    [
        (
            "We do not knowingly sell the personal information of our users.",
            "We do not sell the personal information of our users.",
            "sale_of_data",
        ),
        (
            "We typically do not use your content to train our models.",
            "We do not use your content to train our models.",
            CONTENT,
        ),
        (
            "To our knowledge, we do not use personal information for advertising.",
            "We do not use personal information for advertising.",
            "advertising_use",
        ),
        (
            "We generally delete Customer Data within 30 days after termination of the agreement.",
            "We delete Customer Data within 30 days after termination of the agreement.",
            "deletion_after_termination_days",
        ),
        (
            "We usually notify customers of a data breach within 24 hours.",
            "We notify customers of a data breach within 24 hours.",
            "breach_notification_hours",
        ),
    ],
)
def test_a_hedged_denial_or_deadline_promises_nothing(text: str, plain: str, fact: str) -> None:
    assert written(plain)[fact] != "undisclosed"
    assert written(text)[fact] == "undisclosed"


def test_a_hedge_in_another_clause_leaves_the_denial_alone() -> None:
    text = "We generally answer support requests within a day; we never sell your personal data."
    assert written(text)["sale_of_data"] == "never"


def test_a_hedge_on_a_practice_the_vendor_admits_to_keeps_it() -> None:
    text = "We typically use your content to train our models."
    assert written(text)[CONTENT] == "always"


# Written for these tests: the sale or disclosure is denied to one kind of recipient only.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We do not sell your personal information to data brokers.", "sale_of_data"),
        ("We do not sell or rent your personal information to marketers.", "sale_of_data"),
        ("We will never share your personal data with advertisers.", "advertising_use"),
        ("We do not sell your data to advertisers.", "advertising_use"),
        ("We do not sell your data to advertisers.", "sale_of_data"),
    ],
)
def test_a_denial_to_one_kind_of_recipient_settles_nothing(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal information to third parties.",
        "We do not sell your personal information to anyone.",
    ],
)
def test_a_denial_to_every_recipient_is_still_never(text: str) -> None:
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: business days stretch over weekends and holidays.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We will notify you of a security breach within 3 business days.",
            "breach_notification_hours",
        ),
        (
            "We will notify Customer without undue delay, and in any event within one working "
            "day, of a Personal Data Breach.",
            "breach_notification_hours",
        ),
        (
            "We will delete Customer Data within 30 business days after termination of the "
            "agreement.",
            "deletion_after_termination_days",
        ),
    ],
)
def test_an_upper_bound_in_business_days_is_no_number(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"
    assert isinstance(
        written(text.replace("business day", "day").replace("working day", "day"))[fact], int
    )


def test_a_notice_period_in_business_days_is_at_least_its_count() -> None:
    text = (
        "We will inform you of any intended changes to our list of sub-processors at least ten "
        "(10) business days in advance."
    )
    assert written(text)["subprocessor_change_notice_days"] == 14


# Written for these tests: a model lab as the subject is the vendor's provider.
@pytest.mark.parametrize(
    "text",
    [
        "Anthropic will not use customer content to train models.",
        "Mistral AI does not train on the prompts you send through our assistant.",
    ],
)
def test_a_model_lab_that_does_not_train_is_the_third_party(text: str) -> None:
    found = written(text)
    assert CONTENT not in found
    assert found["ai_training_third_party"] == "never"


def test_the_vendor_and_a_model_lab_both_denying_are_both_read() -> None:
    found = written("We do not use your content to train our models, and neither does OpenAI.")
    assert found[CONTENT] == "never"


def test_data_kept_from_advertisers_and_everyone_is_no_denial_of_ad_use() -> None:
    found = written("We do not sell your data to advertisers or anyone else.")
    assert found == {"sale_of_data": "never", "advertising_use": "undisclosed"}


# Written for these tests: a denial held for now only, or an intention, leaves the vendor free
# to change course without breaking a promise; each sentence without those words is plain.
@pytest.mark.parametrize(
    ("text", "plain", "fact"),
    [
        (
            "We have no plans to sell your personal data.",
            "We will not sell your personal data.",
            "sale_of_data",
        ),
        (
            "We do not intend to sell your personal information.",
            "We do not sell your personal information.",
            "sale_of_data",
        ),
        (
            "We do not currently sell personal information.",
            "We do not sell personal information.",
            "sale_of_data",
        ),
        (
            "At this time, we do not use your data for targeted advertising.",
            "We do not use your data for targeted advertising.",
            "advertising_use",
        ),
        (
            "We have never sold your data, nor do we intend to.",
            "We have never sold your data, nor will we.",
            "sale_of_data",
        ),
        (
            "For now, we do not use your content to train our models.",
            "We do not use your content to train our models.",
            CONTENT,
        ),
    ],
)
def test_a_denial_for_now_or_an_intention_promises_nothing(
    text: str, plain: str, fact: str
) -> None:
    assert written(plain)[fact] != "undisclosed"
    assert written(text)[fact] == "undisclosed"


def test_currently_describing_something_else_is_no_hedge() -> None:
    # written for this test
    text = "We do not sell your data to any of the partners currently listed on our website."
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: a denial that is only the vendor's belief or reading of a term.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We do not believe that we sell personal information.", "sale_of_data"),
        ("In our view, we do not sell personal information.", "sale_of_data"),
        ("We do not sell personal information as we understand that term.", "sale_of_data"),
        ("In our opinion, your data is not used for targeted ads.", "advertising_use"),
    ],
)
def test_a_denial_the_vendor_only_believes_promises_nothing(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"


def test_a_belief_about_something_else_leaves_the_denial_alone() -> None:
    # written for this test
    text = "We believe privacy is a right, so we never sell your data."
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: a denial of sale or ad use held only while something lasts leaves
# the practice open after it; a time limit on another clause does not limit the denial.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We will not sell your personal data for as long as you have an account with us.",
            "sale_of_data",
            "undisclosed",
        ),
        (
            "While you are a subscriber, we never use your data for advertising.",
            "advertising_use",
            "undisclosed",
        ),
        (
            "During the term of the agreement, we will not sell customer data.",
            "sale_of_data",
            "undisclosed",
        ),
        (
            "We do not sell your data, and we keep it until you delete your account.",
            "sale_of_data",
            "never",
        ),
    ],
)
def test_a_denial_only_for_a_while(text: str, fact: str, expected: str) -> None:
    assert written(text)[fact] == expected


# Written for these tests: a "not" that denies nothing of the practice stated after it.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "No matter which ads you see, we use your browsing data to pick them.",
            "advertising_use",
            "always",
        ),
        (
            "We do not require an account and we may sell your personal data.",
            "sale_of_data",
            "always",
        ),
        ("We do not sell and we do not rent your personal data.", "sale_of_data", "never"),
        # a disclaimer of what others do is no denial
        (
            "We cannot guarantee that advertisers will not use your data.",
            "advertising_use",
            "undisclosed",
        ),
    ],
)
def test_a_not_that_denies_another_thing(text: str, fact: str, expected: str) -> None:
    assert written(text)[fact] == expected


# Written for these tests: a "not" inside a subordinate clause ahead of the main one denies
# that clause's verb, not the practice the main clause states.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        ("Even if you are not logged in, we use cookies for ads.", "advertising_use", "always"),
        (
            "Where you are not signed in, we may sell your personal information.",
            "sale_of_data",
            "always",
        ),
        ("Even if you ask, we will not sell your data.", "sale_of_data", "never"),
    ],
)
def test_a_not_in_a_subordinate_clause_ahead(text: str, fact: str, expected: str) -> None:
    assert written(text)[fact] == expected


# Written for these tests: a denial of the direct practice only leaves it open through
# others; a "but" naming others who do it takes the denial back.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We don't use your data for ads, at least not directly.",
            "advertising_use",
            "undisclosed",
        ),
        ("We do not directly sell your personal information.", "sale_of_data", "undisclosed"),
        (
            "We do not sell your personal information directly to third parties.",
            "sale_of_data",
            "undisclosed",
        ),
        (
            "We do not ourselves use your data for ads, but our partners do.",
            "advertising_use",
            "always",
        ),
    ],
)
def test_a_denial_of_the_direct_practice_only(text: str, fact: str, expected: str) -> None:
    assert written(text)[fact] == expected


def test_directly_describing_the_data_is_no_hedge() -> None:
    # written for this test
    text = "We never sell your personal data, even data that does not directly identify you."
    assert written(text)["sale_of_data"] == "never"


# Written for these tests: a clause set between the "not" and the verb is cut out, so the
# denial still reaches the verb, and its condition still holds it back.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We do not, when you use our services or visit our websites, sell your personal data.",
            "sale_of_data",
        ),
        ("We will never, if you are a customer, use your data for advertising.", "advertising_use"),
    ],
)
def test_a_clause_set_between_the_not_and_the_verb(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"


# Written for these tests: a change of the practice foreseen in the same sentence, in whatever
# clause; a change of something else foresees nothing.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We do not sell your data, but we will tell you if that changes.",
            "sale_of_data",
            "undisclosed",
        ),
        (
            "We do not use your data for ads; should this ever change, we will ask you first.",
            "advertising_use",
            "undisclosed",
        ),
        (
            "We never sell your data; if your contact details change, you can update them.",
            "sale_of_data",
            "never",
        ),
    ],
)
def test_a_change_of_the_practice_foreseen(text: str, fact: str, expected: str) -> None:
    assert written(text)[fact] == expected


# Written for these tests: the vendor's own judgement decides how far the promise goes.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "You grant us a licence to use your content as we deem necessary to provide the "
            "Services.",
            "content_license_scope",
        ),
        (
            "We will delete your content within 30 days after termination, in our sole discretion.",
            "deletion_after_termination_days",
        ),
        (
            "At our discretion, we do not use your content to train our models.",
            CONTENT,
        ),
    ],
)
def test_a_promise_left_to_the_vendor_s_judgement_is_no_promise(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"


# Written for these tests: a deadline the vendor only owes its efforts to meet ("reasonable
# efforts", "best efforts", "reasonable steps") is missed without a breach of the promise, so
# it promises no number, for the deletion after termination as for a breach notice.
@pytest.mark.parametrize(
    "effort",
    [
        "use reasonable efforts to",
        "use commercially reasonable efforts to",
        "make best efforts to",
        "take reasonable steps to",
        "use all reasonable endeavours to",
    ],
)
@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "We will {} delete your data within 90 days after termination.",
            "deletion_after_termination_days",
        ),
        (
            "We will {} notify you of a security breach within 72 hours.",
            "breach_notification_hours",
        ),
    ],
)
def test_an_effort_only_deadline_promises_no_number(effort: str, sentence: str, fact: str) -> None:
    assert isinstance(written(sentence.format("").replace("  ", " "))[fact], int)
    assert written(sentence.format(effort))[fact] == "undisclosed"


# Written for these tests: a deadline kept only as far as the vendor can, or unless the vendor
# finds a reason of its own, promises no number; an exception for what the law compels, or for
# the customer's own request, leaves the number standing.
@pytest.mark.parametrize(
    "condition",
    [
        "if we are able to",
        "where we can",
        "to the extent possible",
        "to the extent reasonably practicable",
        "unless we are unable to",
        "unless we decide otherwise",
        "unless we need it for our legitimate business purposes",
        "unless we have a legitimate reason not to",
    ],
)
@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "We will delete your content within 30 days after termination {}.",
            "deletion_after_termination_days",
        ),
        (
            "We will notify you of a security breach within 72 hours {}.",
            "breach_notification_hours",
        ),
    ],
)
def test_a_deadline_on_the_vendor_s_own_condition_promises_no_number(
    condition: str, sentence: str, fact: str
) -> None:
    assert isinstance(written(sentence.format("").replace(" .", "."))[fact], int)
    assert written(sentence.format(condition))[fact] == "undisclosed"


def test_a_legal_interest_of_the_vendor_s_own_is_no_legal_compulsion() -> None:
    text = (
        "We will delete your content within 30 days after termination, unless we need it for a "
        "legal claim."
    )
    assert written(text)["deletion_after_termination_days"] == "undisclosed"
    compelled = text.replace("for a legal claim", "to meet a legal obligation")
    assert written(compelled)["deletion_after_termination_days"] == 30


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We will delete your content within 30 days after termination unless required by law.",
            "deletion_after_termination_days",
            30,
        ),
        (
            "We will delete your content within 30 days after termination unless we need to keep "
            "it to comply with the law.",
            "deletion_after_termination_days",
            30,
        ),
        (
            "We will delete your content within 30 days after termination unless you ask us to "
            "keep it.",
            "deletion_after_termination_days",
            30,
        ),
        (
            "We will notify you of a security breach within 72 hours unless a law enforcement "
            "agency requires a delay.",
            "breach_notification_hours",
            72,
        ),
        (
            "We will delete your content within 30 days after termination if you are able to "
            "export it first.",
            "deletion_after_termination_days",
            30,
        ),
    ],
)
def test_a_deadline_with_an_exception_the_vendor_does_not_choose_keeps_its_number(
    text: str, fact: str, expected: int
) -> None:
    assert written(text)[fact] == expected


# Written for these tests: a "not" that disclaims a responsibility for the practice, in the
# same clause, denies nothing about the practice itself.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Neither we nor our partners are responsible for ads based on your browsing history.",
            "advertising_use",
        ),
        (
            "We are not responsible for the ads our partners show you based on your browsing "
            "history.",
            "advertising_use",
        ),
        (
            "We cannot be held liable for any sale of your personal information by resellers.",
            "sale_of_data",
        ),
        (
            "We accept no responsibility for third-party model providers that use your content "
            "to train their models.",
            "ai_training_third_party",
        ),
    ],
)
def test_a_disclaimed_responsibility_is_no_denial(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") not in ("never", "opt_in")


def test_a_denial_beside_a_disclaimer_in_another_clause_stands() -> None:
    text = (
        "Neither we nor our partners use your browsing history for ads; we are not responsible "
        "for the content of ads."
    )
    assert written(text)["advertising_use"] == "never"


# Written for these tests: a disclaimer joined by "and" about something else than the practice
# (nor the data, nor what anyone does with it) leaves the denial beside it standing.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We never sell your personal data and are not liable for the acts of third-party "
            "sites.",
            "sale_of_data",
            "never",
        ),
        (
            "We never sell your personal data and we are not liable for the acts of third-party "
            "sites.",
            "sale_of_data",
            "never",
        ),
        (
            "We are not liable for the acts of third-party sites and never sell your personal "
            "data.",
            "sale_of_data",
            "never",
        ),
        (
            "We do not use your personal data for advertising and are not responsible for the "
            "acts of third-party sites.",
            "advertising_use",
            "never",
        ),
        (
            "We do not use your content to train our models and accept no liability for outages "
            "of third-party sites.",
            CONTENT,
            "never",
        ),
    ],
)
def test_a_disclaimer_about_something_else_keeps_the_denial(
    text: str, fact: str, expected: str
) -> None:
    assert written(text)[fact] == expected


# Written for these tests: the same shape, with a disclaimer about the practice, the data or
# what others do with it: the denial is no commitment.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We never sell your personal data and are not liable for any sale of it by resellers.",
            "sale_of_data",
        ),
        (
            "We never sell your personal data and are not liable for what our partners do with it.",
            "sale_of_data",
        ),
        (
            "We never sell your personal data and are not responsible for how advertisers use "
            "your data.",
            "sale_of_data",
        ),
        (
            "We do not use your personal data for advertising and we are not responsible for "
            "the ads our partners show you.",
            "advertising_use",
        ),
        (
            "We do not use your content to train our models and are not responsible for "
            "third-party AI tools you connect.",
            CONTENT,
        ),
        (
            "We never sell your personal data and are not liable for the acts of third-party "
            "sites, which may sell it.",
            "sale_of_data",
        ),
        ("We are not responsible for how advertisers use your data.", "advertising_use"),
    ],
)
def test_a_disclaimer_about_the_practice_beside_a_denial_hedges_it(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests (red-team pass): a disclaimer of those the data goes to or the vendor
# deals with, or one in another clause of the sentence that names what is done with the data,
# leaves the practice through them open.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We never sell your personal data and are not responsible for the conduct of our "
            "partners.",
            "sale_of_data",
        ),
        (
            "We never sell your personal data and are not liable for any commercial arrangements "
            "of our affiliates.",
            "sale_of_data",
        ),
        (
            "We never sell your personal data and disclaim liability for those who buy from our "
            "partners.",
            "sale_of_data",
        ),
        ("We never sell your personal data, and we are not liable for any resale.", "sale_of_data"),
        (
            "We never sell your personal data; we are not liable for any resale by our partners.",
            "sale_of_data",
        ),
        (
            "We do not use your content to train AI models and are not responsible for our "
            "providers.",
            CONTENT,
        ),
        (
            "We do not use your content for advertising and are not liable for the acts of the "
            "networks we work with.",
            "advertising_use",
        ),
    ],
)
def test_a_disclaimer_of_recipients_or_in_another_clause_hedges_the_denial(
    text: str, fact: str
) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: the near sentences keep their denial (a disclaimer of third-party
# sites, of third parties at large, or of the content of ads in another clause).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We never sell your personal data, and we are not liable for the acts of third-party "
            "sites.",
            "sale_of_data",
        ),
        (
            "We never sell your personal data; we are not liable for errors in third-party "
            "websites.",
            "sale_of_data",
        ),
        (
            "We never sell your personal data and are not liable for the acts of third parties.",
            "sale_of_data",
        ),
    ],
)
def test_a_disclaimer_of_something_else_in_another_clause_keeps_the_denial(
    text: str, fact: str
) -> None:
    assert written(text)[fact] == "never"


# Written for these tests: a stated policy describes how the vendor means to act, which it is
# free to change; it is no commitment.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Our policy is not to use your content to train our models.", CONTENT),
        ("It is our policy never to sell your personal information.", "sale_of_data"),
        ("As a matter of policy, we do not use your data for advertising.", "advertising_use"),
        ("We have a policy of not using customer content to train AI models.", CONTENT),
        ("We follow a practice of never selling personal information.", "sale_of_data"),
        (
            "It is our practice to delete Customer Data within 30 days after termination.",
            "deletion_after_termination_days",
        ),
    ],
)
def test_a_stated_policy_is_no_commitment(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: a described policy that forbids the practice states neither the
# practice nor a promise not to: undisclosed, whatever the detector read.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Our internal policies prohibit the sale of your data.", "sale_of_data"),
        ("Our policies prohibit us from using your content to train our models.", CONTENT),
        ("Our policies do not allow us to sell your personal data.", "sale_of_data"),
        ("The sale of your personal data is prohibited by our internal policies.", "sale_of_data"),
        (
            "We are prohibited by our internal policies from selling your personal data.",
            "sale_of_data",
        ),
        ("Under our internal policies, we do not sell your personal data.", "sale_of_data"),
        (
            "Our policies prohibit us from using your content to train our models without your "
            "consent.",
            CONTENT,
        ),
        (
            "In accordance with our internal policies, we delete Customer Data within 30 days "
            "after termination.",
            "deletion_after_termination_days",
        ),
    ],
)
def test_a_policy_forbidding_the_practice_is_neither_a_promise_nor_the_practice(
    text: str, fact: str
) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        # a prohibition binding the vendor with no policy named stays a denial
        ("We are prohibited from selling your personal data.", "sale_of_data", "never"),
        # a policy that allows the practice states it
        ("Our policies allow us to sell your personal data.", "sale_of_data", "always"),
        ("Under our policies, we may sell your personal data.", "sale_of_data", "always"),
        # a policy forbidding something else, in another predicate
        (
            "Our internal policies prohibit staff from reading your messages, and we use your "
            "content to train our models.",
            CONTENT,
            "always",
        ),
    ],
)
def test_a_policy_not_forbidding_the_practice_leaves_its_reading(
    text: str, fact: str, expected: str
) -> None:
    assert written(text)[fact] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We do not sell your personal information, as our privacy policy explains.",
        "Our Privacy Policy is to be read with these terms; we do not sell your personal data.",
    ],
)
def test_the_name_of_a_policy_document_is_no_hedge(text: str) -> None:
    assert written(text)["sale_of_data"] == "never"


# Written for these tests (red-team pass): more ways of drafting a described policy, principle
# or standard: "by policy", "against company policy", "our policy is that", "per our AI
# principles", "subject to our retention policy". None is a promise.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("By policy, we do not sell your personal data.", "sale_of_data"),
        ("We do not, by policy, sell your personal data.", "sale_of_data"),
        ("We do not sell your personal data as a matter of principle.", "sale_of_data"),
        ("Our policy is that we do not sell your personal data.", "sale_of_data"),
        ("Our data-use policy says we will not sell your personal data.", "sale_of_data"),
        ("Our principles do not allow us to sell your personal data.", "sale_of_data"),
        ("Our privacy principles state that we never sell your personal data.", "sale_of_data"),
        ("It is against company policy to sell your personal data.", "sale_of_data"),
        ("Company policy prohibits the sale of your personal data.", "sale_of_data"),
        (
            "We do not sell your personal data, in line with our data ethics principles.",
            "sale_of_data",
        ),
        ("We do not use your content to train AI models, per our AI principles.", CONTENT),
        (
            "We do not use your content to train AI models under our Responsible AI Standard.",
            CONTENT,
        ),
        ("Our guidelines say we do not use customer content to train models.", CONTENT),
        (
            "We will delete your data within 30 days after termination, subject to our retention "
            "policy.",
            "deletion_after_termination_days",
        ),
    ],
)
def test_more_described_policies_are_no_commitment(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: the near sentences keep their reading (the document itself binds the
# vendor; standard terms and Standard Contractual Clauses are no policy).
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        ("These Terms do not allow us to sell your personal data.", "sale_of_data", "never"),
        (
            "Under our standard terms, we do not sell your personal data.",
            "sale_of_data",
            "never",
        ),
        (
            "We will delete your data within 30 days after termination, subject to applicable law.",
            "deletion_after_termination_days",
            30,
        ),
        (
            "Our Privacy Policy states that we never sell your personal data.",
            "sale_of_data",
            "never",
        ),
    ],
)
def test_a_document_or_the_law_is_no_described_policy(
    text: str, fact: str, expected: object
) -> None:
    assert written(text)[fact] == expected


# Written for these tests: a denial "without your consent" where the consent is deemed given by
# using the service or accepting the terms holds for no one; the near case, a consent given by
# turning the feature on, is opt_in.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We do not use your content to train AI models without your consent, which you give "
            "by accepting these terms.",
            CONTENT,
        ),
        (
            "We do not use your content to train AI models without your consent, and continued "
            "use of the service constitutes consent.",
            CONTENT,
        ),
        (
            "We do not sell your data without your consent, which you give by using the Service.",
            "sale_of_data",
        ),
        (
            "We do not use your content for advertising without your consent, which you give by "
            "accepting these Terms.",
            "advertising_use",
        ),
    ],
)
def test_a_denial_whose_consent_is_deemed_given_is_no_commitment(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") not in ("never", "opt_in")


def test_a_denial_whose_consent_is_given_by_enabling_stays_opt_in() -> None:
    text = (
        "We do not sell your data without your consent, which you can give by turning on data "
        "sharing."
    )
    assert written(text)["sale_of_data"] == "opt_in"


DELETION = "deletion_after_termination_days"
BREACH = "breach_notification_hours"
CHANGE = "subprocessor_change_notice_days"


# Written for these tests (red-team pass): a deadline held open by its own words (a number only
# approximated or given as an example, one that may slip, be replaced by another period, be
# delayed or set aside in urgent cases, a floor, a ceiling of a notice, a notice only permitted,
# a clock the vendor starts itself, a notice only where the law requires one) promises no number.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We will delete your data within approximately 30 days after termination.", DELETION),
        ("We will delete your data within about 30 days after termination.", DELETION),
        (
            "We will delete your data within a reasonable period, such as 30 days, after "
            "termination.",
            DELETION,
        ),
        (
            "We will delete your data within a reasonable time after termination, which is often "
            "30 days.",
            DELETION,
        ),
        (
            "We will delete your data within 30 days after termination or as soon as practicable "
            "thereafter.",
            DELETION,
        ),
        ("We will delete your data no earlier than 30 days after termination.", DELETION),
        (
            "We will delete your data 30 days after termination, except for backups, which we keep "
            "indefinitely.",
            DELETION,
        ),
        (
            "We will delete your data within 30 days after termination, though residual copies "
            "may remain in our systems.",
            DELETION,
        ),
        (
            "Upon termination, we will delete your data within 30 days, except that we may retain "
            "copies as needed for our business.",
            DELETION,
        ),
        (
            "We will delete your data within 30 days after termination, absent a legal hold or "
            "our legitimate interests.",
            DELETION,
        ),
        (
            "We will notify you of a security breach without undue delay, for example within 72 "
            "hours.",
            BREACH,
        ),
        ("We will notify you of a security breach within approximately 72 hours.", BREACH),
        (
            "We will notify you of a security breach within 72 hours or such longer time as "
            "permitted by law.",
            BREACH,
        ),
        (
            "We will notify you of any security breach within 72 hours; however, we may delay "
            "notification for our own investigation.",
            BREACH,
        ),
        ("We may notify you of a security breach within 72 hours.", BREACH),
        ("We will notify you of a security breach at least 72 hours after discovery.", BREACH),
        (
            "We will notify you of a security breach within 72 hours after we confirm the breach.",
            BREACH,
        ),
        (
            "We will notify you of a security breach within 72 hours once our investigation is "
            "complete.",
            BREACH,
        ),
        ("If required by law, we will notify you of a security breach within 72 hours.", BREACH),
        (
            "We will notify you of a security breach within 72 hours, in accordance with our "
            "incident response plan.",
            BREACH,
        ),
        ("We will notify you of a security breach within 72 business hours.", BREACH),
        ("We will notify you up to 30 days before engaging a new sub-processor.", CHANGE),
        ("We will notify you approximately 30 days before engaging a new sub-processor.", CHANGE),
        ("We may notify you 30 days before engaging a new sub-processor.", CHANGE),
        (
            "We will notify you 30 days before engaging a new sub-processor where practicable.",
            CHANGE,
        ),
        (
            "We will use reasonable efforts to notify you 30 days before engaging a new "
            "sub-processor.",
            CHANGE,
        ),
        (
            "We will notify you 30 days before engaging a new sub-processor, or such shorter "
            "period as circumstances require.",
            CHANGE,
        ),
        (
            "We will give you 30 days' notice of any new sub-processor, except in urgent cases.",
            CHANGE,
        ),
        (
            "We will give you 30 days' notice of any new sub-processor; however, we may engage "
            "sub-processors immediately in an emergency.",
            CHANGE,
        ),
    ],
)
def test_a_deadline_held_open_by_its_own_words_promises_no_number(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: the near sentences keep their number (a firm bound, a range read at
# its worst end, a delay the law asks for, a period the law requires, a floor of a notice).
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        ("We will delete your data within thirty (30) days after termination.", DELETION, 30),
        ("We will delete your data within up to 90 days after termination.", DELETION, 90),
        ("We will delete your data within 30-90 days after termination.", DELETION, 90),
        (
            "We will delete your data within 30 days after termination or such other period as "
            "may be required.",
            DELETION,
            30,
        ),
        (
            "We will delete your data within 30 days after termination and from backups within "
            "90 days.",
            DELETION,
            90,
        ),
        ("We will notify you of a security breach within seventy-two (72) hours.", BREACH, 72),
        (
            "We will notify you of a security breach promptly, and in any event within 72 hours.",
            BREACH,
            72,
        ),
        (
            "We will notify you of a security breach no later than 72 hours after discovery, "
            "unless law enforcement asks us to delay.",
            BREACH,
            72,
        ),
        (
            "We will notify you of a security breach within 72 hours of becoming aware of it.",
            BREACH,
            72,
        ),
        ("We will notify you at least 30 days before engaging a new sub-processor.", CHANGE, 30),
        ("We will notify you 10-30 days before engaging a new sub-processor.", CHANGE, 10),
        (
            "We will notify you between 10 and 30 days before engaging a new sub-processor.",
            CHANGE,
            10,
        ),
    ],
)
def test_a_firm_deadline_keeps_its_number(text: str, fact: str, expected: int) -> None:
    assert written(text)[fact] == expected


# Written for these tests (red-team pass): encryption at rest, or an agreement to be had, stated
# under a hedge, a described policy, a plan, the vendor's leave, or (for encryption) for some
# data or places only, as an example of measures or as a plan, is no commitment.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We encrypt customer data at rest where technically feasible.", "encryption_at_rest"),
        ("We encrypt customer data at rest as appropriate.", "encryption_at_rest"),
        ("We encrypt most customer data at rest.", "encryption_at_rest"),
        ("We encrypt sensitive customer data at rest.", "encryption_at_rest"),
        ("Encryption at rest is available for Enterprise customers.", "encryption_at_rest"),
        ("Encryption at rest is available as an add-on.", "encryption_at_rest"),
        (
            "Customer data is encrypted at rest using AES-256, except for certain legacy systems.",
            "encryption_at_rest",
        ),
        ("We aim to encrypt all customer data at rest.", "encryption_at_rest"),
        (
            "We use industry-standard measures, which may include encryption at rest.",
            "encryption_at_rest",
        ),
        (
            "Customer data is encrypted in transit and, where supported, at rest.",
            "encryption_at_rest",
        ),
        ("We plan to encrypt customer data at rest by the end of the year.", "encryption_at_rest"),
        ("Customer data is generally encrypted at rest.", "encryption_at_rest"),
        (
            "Customer data is encrypted at rest, subject to our security policy.",
            "encryption_at_rest",
        ),
        ("Customer data is encrypted at rest on a best-effort basis.", "encryption_at_rest"),
        ("Customer data is encrypted at rest in certain regions.", "encryption_at_rest"),
        ("A DPA is available at our discretion.", "dpa_available"),
        ("We will consider requests to sign a DPA.", "dpa_available"),
        ("We may agree to enter into a DPA upon request.", "dpa_available"),
        ("We will sign a BAA where we determine it is appropriate.", "baa_available"),
        ("We may sign a BAA upon request.", "baa_available"),
        (
            "Standard Contractual Clauses are available upon request, subject to our approval.",
            "scc_available",
        ),
    ],
)
def test_a_hedged_passing_state_is_no_commitment(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: the near sentences keep their reading.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        ("We encrypt customer data at rest.", "encryption_at_rest", "encrypted"),
        (
            "Customer data is encrypted at rest using AES-256 by our cloud provider.",
            "encryption_at_rest",
            "encrypted",
        ),
        (
            "Your files and their backups are encrypted at rest with AES-256.",
            "encryption_at_rest",
            "encrypted",
        ),
        ("A DPA is available upon request.", "dpa_available", "on_request"),
        ("Our DPA is incorporated into these Terms.", "dpa_available", "available"),
        ("We will sign a BAA upon request.", "baa_available", "on_request"),
        (
            "If you are a business customer, our Data Processing Addendum applies to your use of "
            "the Services.",
            "dpa_available",
            "available",
        ),
    ],
)
def test_a_plain_passing_state_keeps_its_reading(text: str, fact: str, expected: str) -> None:
    assert written(text)[fact] == expected


# Written for these tests (red-team pass): a denial itself denied or disowned is no denial; the
# same words affirming it keep it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is not true that we never sell your personal data.", "undisclosed"),
        ("We cannot say that we never sell your personal data.", "undisclosed"),
        ("It would be wrong to say that we do not sell your personal data.", "undisclosed"),
        ("It is not the case that your personal data is processed, not sold.", "undisclosed"),
        ("It is true that we never sell your personal data.", "never"),
        ("We can say that we never sell your personal data.", "never"),
    ],
)
def test_a_denied_denial_is_no_denial(text: str, expected: str) -> None:
    assert written(text)["sale_of_data"] == expected


# Written for these tests (red-team pass): a default the vendor may itself switch on, a consent
# someone other than the customer gives, and the practice left to another party after a
# semicolon ("...; our partners may") leave the practice open.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Personalized ads are off by default, but we may turn them on for you.",
            "advertising_use",
        ),
        (
            "By default, we do not use your content to train AI models, but we may change this "
            "default.",
            CONTENT,
        ),
        ("We will not sell your data without the consent of our parent company.", "sale_of_data"),
        (
            "We will not sell your data without your consent or the consent of our affiliates.",
            "sale_of_data",
        ),
        ("We do not sell your personal data; our partners may.", "sale_of_data"),
        ("We do not show ads based on your content; our partners may.", "advertising_use"),
    ],
)
def test_a_switch_or_a_consent_on_the_vendor_s_side_leaves_the_practice_open(
    text: str, fact: str
) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: the near sentences keep their reading.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        ("Personalized ads are off by default for new accounts.", "advertising_use", "opt_in"),
        (
            "By default, we do not use your content to train AI models, but you may enable this "
            "in settings.",
            CONTENT,
            "opt_in",
        ),
        (
            "We will not use your content to train AI models without the consent of your "
            "administrator.",
            CONTENT,
            "opt_in",
        ),
        ("We do not sell your personal data; we never will.", "sale_of_data", "never"),
        ("We do not sell your personal data, nor will we.", "sale_of_data", "never"),
        ("We never sell your data, and never will.", "sale_of_data", "never"),
        ("We do not sell your data, and neither will our partners.", "sale_of_data", "never"),
    ],
)
def test_a_switch_or_a_consent_on_the_customer_s_side_keeps_the_reading(
    text: str, fact: str, expected: str
) -> None:
    assert written(text)[fact] == expected


# Written for these tests (red-team pass): a longer period left open for a deadline that must be
# short, a shorter one for a notice that must be long; the other way round keeps the number.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We will notify you of a security breach within the later of 72 hours or the time "
            "required by law.",
            BREACH,
            "undisclosed",
        ),
        ("We will notify you of a security breach within 72 hours or less.", BREACH, 72),
        (
            "We will give you 30 days' notice of a new sub-processor, or less where an urgent "
            "replacement is needed.",
            CHANGE,
            "undisclosed",
        ),
        (
            "We will give you 30 days' notice of a new sub-processor or such notice as is "
            "practicable, whichever is shorter.",
            CHANGE,
            "undisclosed",
        ),
        ("We will give you 30 days' notice or more of a new sub-processor.", CHANGE, 30),
    ],
)
def test_a_deadline_open_on_its_unsafe_side_promises_no_number(
    text: str, fact: str, expected: object
) -> None:
    assert written(text).get(fact, "undisclosed") == expected


# Written for these tests: a consent no one is named to give; it may be deemed, or a partner's.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Personal data is not used for advertising without consent.", "advertising_use"),
        ("We do not sell personal data without prior consent.", "sale_of_data"),
        ("Your content is not used to train our models without consent.", CONTENT),
        ("We never use your content to train AI models without explicit consent.", CONTENT),
        ("We do not use your data for advertising without asking.", "advertising_use"),
        ("We do not use your data for ads without the appropriate consents.", "advertising_use"),
        ("Your data will only be sold with prior authorization.", "sale_of_data"),
    ],
)
def test_a_consent_no_one_is_named_to_give_settles_nothing(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We do not sell your personal information without your consent.", "sale_of_data"),
        ("We do not sell your personal information without your express consent.", "sale_of_data"),
        ("Your content is not used to train our models without your consent.", CONTENT),
        (
            "We do not use your data for advertising without the consent of the user.",
            "advertising_use",
        ),
    ],
)
def test_the_customer_s_own_consent_is_opt_in(text: str, fact: str) -> None:
    assert written(text)[fact] == "opt_in"


# Written for these tests: a policy, even the one the reader is reading, said to forbid it.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Our Privacy Policy prohibits us from selling your data.", "sale_of_data"),
        ("Our privacy policy forbids us to sell your personal information.", "sale_of_data"),
        ("Our policies prohibit the sale of your personal information.", "sale_of_data"),
        (
            "Our Privacy Policy prohibits us from using your data for advertising.",
            "advertising_use",
        ),
    ],
)
def test_a_policy_said_to_forbid_the_practice_is_no_promise(text: str, fact: str) -> None:
    assert written(text)[fact] == "undisclosed"


# Written for these tests: a denial held only where the law asks for one, or in the vendor's
# view of what the person expects.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We do not use your personal data for targeted advertising where prohibited by law.",
            "advertising_use",
        ),
        ("We do not sell your personal information where prohibited by law.", "sale_of_data"),
        (
            "We will not use your data for advertising purposes without your consent where "
            "consent is required.",
            "advertising_use",
        ),
        (
            "We never use your information for advertising in ways you would not expect.",
            "advertising_use",
        ),
    ],
)
def test_a_denial_held_where_the_law_or_the_vendor_s_view_says_settles_nothing(
    text: str, fact: str
) -> None:
    assert written(text)[fact] == "undisclosed"


def test_a_consent_deemed_in_another_clause_is_no_opt_in() -> None:
    # written for this test
    text = (
        "We do not use your personal data for advertising without your consent; by continuing "
        "to browse, you consent to our use of cookies for advertising."
    )
    assert written(text)["advertising_use"] == "undisclosed"


def test_terms_accepted_in_another_clause_leave_the_consent_the_person_s() -> None:
    # written for this test
    text = (
        "By using the Services you accept these terms; we will not sell your data without your "
        "consent."
    )
    assert written(text)["sale_of_data"] == "opt_in"


def test_an_opt_in_the_vendor_may_give_itself_is_no_opt_in() -> None:
    # written for this test
    text = (
        "We will not use your content to train our models unless you opt in, and we may opt you "
        "in automatically when you use beta features."
    )
    assert written(text)[CONTENT] == "undisclosed"


# Written for these tests: a change the vendor foresees or holds the switch to.
@pytest.mark.parametrize(
    "text",
    [
        "We do not train on your content unless you opt in; free users are opted in by default.",
        "We do not use your content to train our models, and we will ask you before we start.",
        "We will not use your data to train our models, as described in our AI Policy, which we "
        "may update from time to time.",
    ],
)
def test_a_denial_the_vendor_foresees_changing_promises_nothing(text: str) -> None:
    assert written(text)[CONTENT] == "undisclosed"


def test_a_notice_before_the_vendor_starts_something_keeps_its_days() -> None:
    # written for this test: the start is the new sub-processor's, not a change of practice
    text = "We will notify you 30 days before we start using a new sub-processor."
    assert written(text)["subprocessor_change_notice_days"] == 30


@pytest.mark.parametrize(
    "text",
    [
        "We rely on your consent for personalized ads, or on our legitimate interests where "
        "consent is not required.",
        "We only use your data for personalized advertising based on your consent or our "
        "legitimate interest.",
    ],
)
def test_a_consent_beside_another_ground_is_no_opt_in(text: str) -> None:
    # written for this test: where the other ground is relied on, no yes is waited for
    assert written(text)["advertising_use"] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "We do not use your data for personalised ads unless you enable it in settings, which is "
        "enabled by default for new accounts.",
        "We don't use your data for ads by default, but you may be opted in when you accept our "
        "Terms.",
    ],
)
def test_a_switch_on_by_default_or_flipped_for_the_person_is_no_opt_in(text: str) -> None:
    # written for this test
    assert written(text)["advertising_use"] == "undisclosed"


def test_encryption_enabled_by_default_stays_encrypted() -> None:
    # written for this test: a state, not a switch left to the person
    text = "Encryption at rest with AES-256 is enabled by default for all customer data."
    assert written(text)["encryption_at_rest"] == "encrypted"


def test_a_protection_on_by_default_keeps_the_denial() -> None:
    # written for this test
    text = "We do not use your content to train our models; privacy mode is enabled by default."
    assert written(text)[CONTENT] == "never"


# Written for these tests: a deadline held on the customer's paying or standing, which the
# organisation reading it may not meet; the number is no promise to it.
@pytest.mark.parametrize(
    "text",
    [
        "We will delete your data within 30 days after termination, provided you have paid all "
        "fees.",
        "If your account is in good standing, we will delete your content within 30 days after "
        "termination.",
        "Within 30 days after termination, and provided that all invoices have been paid, we "
        "will delete your data.",
        "We will delete Customer Data within 30 days after termination, as long as your account "
        "is in good standing.",
        "We will delete your data within 30 days after termination, subject to payment of any "
        "outstanding fees.",
        "We will delete your data within 30 days after termination, unless you owe us fees.",
    ],
)
def test_a_deadline_held_on_the_customer_s_payment_promises_no_number(text: str) -> None:
    assert written(text).get(DELETION, "undisclosed") == "undisclosed"


def test_a_deadline_held_whatever_is_owed_keeps_its_number() -> None:
    # written for this test: the deletion holds whatever is owed
    text = "We will delete your data within 30 days after termination, even if fees remain unpaid."
    assert written(text)[DELETION] == 30


# Written for these tests: a deadline promised on some plans only; the plan of the
# organisation reading it is not known. One for every customer keeps its number.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We will notify Enterprise customers of a security breach within 24 hours.", BREACH),
        (
            "For customers on our Business plan, we will notify you of a security breach within "
            "48 hours.",
            BREACH,
        ),
        (
            "For Enterprise customers, we will delete Customer Data within 30 days after "
            "termination.",
            DELETION,
        ),
        # written for a later round: paying customers, as paid ones, leave the free plan out
        ("We notify paying customers of a data breach within 24 hours.", BREACH),
    ],
)
def test_a_deadline_for_some_plans_only_promises_no_number(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


def test_a_deadline_for_business_customers_keeps_its_number() -> None:
    # written for this test: business customers are every customer of a business service
    text = "We will notify business customers of a security breach within 72 hours."
    assert written(text)[BREACH] == 72


# Written for these tests: a paid subscription named as the contract that ends is no plan (every
# paying customer has one), so the deadline keeps its number; a named plan or tier beside it,
# and paid plans or subscribers named as who is covered, still scope it.
@pytest.mark.parametrize(
    "text",
    [
        "Within 30 days after termination of a paid subscription, we delete your content.",
        "Within 30 days after the end of your paid subscription, we delete your content.",
        "We delete your content within 30 days after the cancellation of your paid plan.",
    ],
)
def test_a_paid_subscription_that_ends_names_no_plan(text: str) -> None:
    assert written(text)[DELETION] == 30


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Within 30 days after termination of an Enterprise subscription, we delete your "
            "content.",
            DELETION,
        ),
        (
            "Within 30 days after termination of a paid subscription on the Enterprise plan, we "
            "delete your content.",
            DELETION,
        ),
        (
            "Within 30 days after termination, we delete the content of customers on paid plans.",
            DELETION,
        ),
        ("We will notify paid subscribers of a data breach within 72 hours.", BREACH),
        (
            "Customers on paid subscriptions can sign our Data Processing Agreement.",
            "dpa_available",
        ),
    ],
)
def test_a_named_plan_or_paid_customers_covered_still_scope(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


# Written for these tests: a deadline that applies only "where applicable" (or "as
# appropriate"), opening or closing the sentence, leaves open whether it is owed at all, as the
# same words do for an agreement; an exception for what the law requires, and "where
# applicable" set on another part of the sentence, leave the number.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We will notify you of a data breach within 72 hours where applicable.", BREACH),
        ("Where applicable, we will notify you of a data breach within 72 hours.", BREACH),
        ("We will notify you of a data breach within 72 hours (where applicable).", BREACH),
        ("We will notify you of a data breach within 72 hours, as appropriate.", BREACH),
        (
            "We will delete your content within 30 days after termination, where applicable.",
            DELETION,
        ),
        (
            "We will give you 30 days notice before adding a new sub-processor, where applicable.",
            "subprocessor_change_notice_days",
        ),
    ],
)
def test_a_deadline_only_where_applicable_promises_no_number(text: str, fact: str) -> None:
    assert written(text).get(fact, "undisclosed") == "undisclosed"


@pytest.mark.parametrize(
    ("text", "fact", "number"),
    [
        (
            "We will delete your content within 30 days after termination, except where "
            "required by law.",
            DELETION,
            30,
        ),
        (
            "We will notify you of a data breach within 72 hours and, where applicable, provide "
            "details of the affected data.",
            BREACH,
            72,
        ),
    ],
)
def test_where_applicable_elsewhere_or_an_exception_for_the_law_keeps_the_number(
    text: str, fact: str, number: int
) -> None:
    assert written(text)[fact] == number


# Written for these tests: a promise said to hold in one region only, or with a plan or region
# opening or closing the sentence (in whichever clause it stands: "e.g. " or "Art. 46" ends no
# clause of the scope), says nothing of the other customers; the same sentence without the
# scope is a plain promise.
@pytest.mark.parametrize(
    ("text", "plain", "fact"),
    [
        (
            "We do not sell your personal information in the United States only.",
            "We do not sell your personal information.",
            "sale_of_data",
        ),
        (
            "We do not use your content to train our models in the United States only.",
            "We do not use your content to train our models.",
            CONTENT,
        ),
        (
            "You grant us the right to use and display your content, but only as necessary to "
            "provide the Service and Support (as defined in Sec. 4) for customers on paid plans.",
            "You grant us the right to use and display your content, but only as necessary to "
            "provide the Service and Support (as defined in Sec. 4).",
            "content_license_scope",
        ),
        (
            "For users in California, we use your content only to provide the Services.",
            "We use your content only to provide the Services.",
            "content_license_scope",
        ),
        (
            "In the EU, we encrypt all customer data at rest.",
            "We encrypt all customer data at rest.",
            "encryption_at_rest",
        ),
        (
            "We store end-to-end encrypted messages on our servers for devices that are offline "
            "(e.g. a phone that is off) for Enterprise customers only.",
            "We store end-to-end encrypted messages on our servers for devices that are offline "
            "(e.g. a phone that is off).",
            "encryption_at_rest",
        ),
        (
            "We will sign a data processing agreement with customers in the United States only.",
            "We will sign a data processing agreement with any customer who asks.",
            "dpa_available",
        ),
        (
            "We have concluded standard contractual clauses within the meaning of Art. 46 GDPR "
            "for Enterprise customers only.",
            "We have concluded standard contractual clauses within the meaning of Art. 46 GDPR.",
            "scc_available",
        ),
    ],
)
def test_a_promise_for_one_region_or_plan_only_settles_nothing(
    text: str, plain: str, fact: str
) -> None:
    assert written(plain)[fact] not in ("undisclosed", None)
    assert written(text)[fact] == "undisclosed"


# Written for these tests: SCCs and a DPA are the instruments of a region's law, so the region
# of the transfer does not narrow them; business customers are every customer who needs a DPA.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "For transfers from the EEA, we rely on the Standard Contractual Clauses.",
            "scc_available",
        ),
        (
            "We rely on the Standard Contractual Clauses for transfers of personal data from the "
            "EEA.",
            "scc_available",
        ),
        ("Our Data Processing Addendum is available to business customers.", "dpa_available"),
    ],
)
def test_the_region_of_a_transfer_leaves_an_agreement_available(text: str, fact: str) -> None:
    assert written(text)[fact] == "available"


# Written for these tests: the full stop of an abbreviation ("e.g. ", "Art. ") ends no clause,
# so an exception after it still governs the promise; and an agreement the vendor may withhold
# ("unless we decide otherwise") is no agreement had.
@pytest.mark.parametrize(
    ("text", "plain", "fact"),
    [
        (
            "We store encrypted messages on our servers for devices that are offline (e.g. a "
            "phone that is off), except as described in this policy.",
            "We store encrypted messages on our servers for devices that are offline (e.g. a "
            "phone that is off).",
            "encryption_at_rest",
        ),
        (
            "We will sign a data processing agreement with any customer who asks, unless we "
            "decide otherwise.",
            "We will sign a data processing agreement with any customer who asks.",
            "dpa_available",
        ),
        (
            "We will enter into the Standard Contractual Clauses with any customer who asks, "
            "unless we choose otherwise.",
            "We will enter into the Standard Contractual Clauses with any customer who asks.",
            "scc_available",
        ),
    ],
)
def test_an_exception_after_an_abbreviation_or_the_vendor_s_leave_settles_nothing(
    text: str, plain: str, fact: str
) -> None:
    assert written(plain)[fact] in ("encrypted", "available")
    assert written(text)[fact] == "undisclosed"


# Written for these tests: a promise kept only "where possible", a hedge opening the sentence
# before the "however" that ends its clause, and an agreement on the free plan: none is a
# promise to every customer; without those words each is a plain one.
@pytest.mark.parametrize(
    ("text", "plain", "fact"),
    [
        (
            "Where possible, we do not sell your personal information.",
            "We do not sell your personal information.",
            "sale_of_data",
        ),
        (
            "We use your content only to provide the Services, where reasonably practicable.",
            "We use your content only to provide the Services.",
            "content_license_scope",
        ),
        (
            "Where possible, we will sign a data processing agreement with any customer who asks.",
            "We will sign a data processing agreement with any customer who asks.",
            "dpa_available",
        ),
        (
            "Generally, however, we will not use your AI inputs to train any language models "
            "without your prior consent.",
            "However, we will not use your AI inputs to train any language models without your "
            "prior consent.",
            CONTENT,
        ),
        (
            "If you use our free plan, we will sign a data processing agreement with you.",
            "We will sign a data processing agreement with you.",
            "dpa_available",
        ),
    ],
)
def test_a_promise_kept_where_possible_generally_or_on_one_plan_settles_nothing(
    text: str, plain: str, fact: str
) -> None:
    assert written(plain)[fact] not in ("undisclosed", None)
    assert written(text)[fact] == "undisclosed"


# Written for these tests: a way out the vendor may refuse, or one of part of the practice or
# of one kind of its data only, is no plain way out: the practice stays `always` (each read
# `opt_out`). A plain way out still reads `opt_out`.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We use your content to train our models unless you opt out, though we may decline "
            "your request.",
            {"ai_training_customer_content": "always"},
        ),
        (
            "We may sell your personal information unless you opt out of the sale of your email "
            "address.",
            {"sale_of_data": "always"},
        ),
        (
            "We may use your data for advertising unless you opt out, though we may decline your "
            "request.",
            {"advertising_use": "always"},
        ),
        (
            "We use your content to train our models unless you opt out.",
            {"ai_training_customer_content": "opt_out"},
        ),
        (
            "We may sell your personal information unless you opt out of the sale.",
            {"sale_of_data": "opt_out"},
        ),
    ],
)
def test_a_way_out_held_back_is_no_way_out(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: the way out in the next sentence, for new content only, or one the
# vendor may decline, leaves the practice `always` (both read `opt_out`).
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We use your content to train our models. You can opt out of this training for new "
            "content only.",
            "ai_training_customer_content",
        ),
        (
            "We may sell your personal information. You can opt out of the sale, though we may "
            "decline your request.",
            "sale_of_data",
        ),
    ],
)
def test_a_way_out_held_back_in_the_next_sentence_is_no_way_out(text: str, fact: str) -> None:
    found = [s for s in suggest(scan_text(text)) if s.fact == fact]
    assert [s.value for s in found] == ["always"]
    assert all(p.value == "always" for p in found[0].passages)
