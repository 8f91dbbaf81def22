"""Hits a sentence gets from the sentences before it: an opt-out for a practice just described,
an objection window after a sub-processor notice."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import sentence
from vendorgate.scan.detectors import Hit, follow_ups
from vendorgate.scan.document import sentences
from vendorgate.scan.scanner import scan_text, suggest

SALE = Hit("sale_of_data", "always", 0.75)
SALE_F = "sale_of_data"
CONTENT_F = "ai_training_customer_content"


def scanned(text: str) -> dict[str, object]:
    """Fact -> value the scanner suggests for a text written for a test."""
    return {s.fact: s.value for s in suggest(scan_text(text))}


NOTICE = Hit("subprocessor_change_notice_days", "undisclosed", 0.75)


def test_an_opt_out_sentence_applies_to_the_practice_above() -> None:
    opt_out = sentence(
        "gitlab/privacy-policy/2026-04-19.md",
        "You may object to the processing of your Personal Data for these purposes at any time.",
    )
    assert [(h.fact, h.value) for h in follow_ups(opt_out, [SALE])] == [("sale_of_data", "opt_out")]
    assert follow_ups(opt_out, [NOTICE]) == []


def test_an_objection_window_follows_a_subprocessor_notice() -> None:
    objection = sentence(
        "wire/data-processor-agreement/2023-05-09.md",
        "The Controller shall have the opportunity to object to the involvement within one month "
        "after having been informed.",
    )
    found = follow_ups(objection, [NOTICE])
    assert [(h.fact, h.value) for h in found] == [
        ("subprocessor_change_notice_days", "undisclosed")
    ]
    assert follow_ups(objection, []) == []


# Written for these tests: the way out drafted after a condition or a purpose.
TRAINING = Hit("ai_training_customer_content", "always", 0.9)


@pytest.mark.parametrize(
    "text",
    [
        "If you do not want us to do this, you can object.",
        "If you no longer wish your content to be used this way, you can turn it off in settings.",
        "To stop this, you can opt out at any time.",
        "You can always opt out.",
    ],
)
def test_an_opt_out_after_a_condition_applies_to_the_practice_above(text: str) -> None:
    found = follow_ups(sentence("", text), [TRAINING])
    assert [(h.fact, h.value) for h in found] == [("ai_training_customer_content", "opt_out")]


def test_no_way_out_is_no_opt_out() -> None:
    assert follow_ups(sentence("", "You may not opt out."), [TRAINING]) == []


ADVERTISING = Hit("advertising_use", "always", 0.8)


def test_an_opt_out_naming_another_practice_is_no_way_out_of_the_training() -> None:
    found = follow_ups(
        sentence("", "You can opt out of marketing emails at any time."), [TRAINING, ADVERTISING]
    )
    assert [(h.fact, h.value) for h in found] == [("advertising_use", "opt_out")]


def test_an_opt_out_naming_the_training_is_a_way_out_of_it_alone() -> None:
    found = follow_ups(
        sentence("", "You can opt out of model training in your settings."),
        [TRAINING, ADVERTISING],
    )
    assert [(h.fact, h.value) for h in found] == [("ai_training_customer_content", "opt_out")]


@pytest.mark.parametrize(
    "text",
    [
        "To opt out, go to Settings and select Privacy.",
        "Your admin can turn this off for your organization.",
        "Workspace owners can disable this at any time.",
    ],
)
def test_an_instruction_or_an_admin_s_control_is_a_way_out(text: str) -> None:
    found = follow_ups(sentence("", text), [TRAINING])
    assert [(h.fact, h.value) for h in found] == [("ai_training_customer_content", "opt_out")]


def test_a_disclaimer_after_a_denial_hedges_it() -> None:
    # written for this test: the second sentence of the paragraph disclaims the partners' use
    paragraph = sentences(
        "We do not sell your personal information. We are not responsible for how our partners "
        "use the data we share with them."
    )
    denial = Hit("sale_of_data", "never", 0.85)
    found = follow_ups(paragraph[1], [denial])
    assert [(h.fact, h.value) for h in found] == [("sale_of_data", "undisclosed")]
    assert follow_ups(paragraph[1], [SALE]) == []  # nothing to hedge in a practice stated


def test_a_consent_deemed_given_after_the_practice_waits_for_it_is_no_opt_in() -> None:
    # written for this test
    paragraph = sentences(
        "We do not use your data to train our AI without your consent. By using our AI "
        "features, you consent to such use."
    )
    waiting = Hit("ai_training_customer_content", "opt_in", 0.9)
    found = follow_ups(paragraph[1], [waiting])
    assert [(h.fact, h.value) for h in found] == [("ai_training_customer_content", "undisclosed")]


@pytest.mark.parametrize("text", ["Our ad partners do.", "But third-party advertisers may."])
def test_others_doing_what_was_denied_leave_it_open(text: str) -> None:
    # written for this test
    paragraph = sentences(f"We do not use your data for advertising. {text}")
    denial = Hit("advertising_use", "never", 0.85)
    found = follow_ups(paragraph[1], [denial])
    assert [(h.fact, h.value) for h in found] == [("advertising_use", "undisclosed")]


def test_copies_kept_on_after_the_customer_s_deletion_take_the_control_back() -> None:
    # written for this test
    paragraph = sentences(
        "You can delete your content at any time. We may keep backups for as long as we need."
    )
    control = Hit("content_retention", "customer_controlled", 0.8)
    found = follow_ups(paragraph[1], [control])
    assert [(h.fact, h.value) for h in found] == [("content_retention", "undisclosed")]
    kept_not = sentences("You can delete your content at any time. We will not keep copies.")
    assert follow_ups(kept_not[1], [control]) == []


def test_other_data_kept_on_leaves_the_control_of_the_content() -> None:
    # written for this test: the usage data kept is not the content the customer deletes
    paragraph = sentences(
        "You can delete your content at any time. We may retain usage data for as long as "
        "necessary."
    )
    control = Hit("content_retention", "customer_controlled", 0.8)
    assert follow_ups(paragraph[1], [control]) == []


@pytest.mark.parametrize(
    "text",
    [
        "This does not apply to data you submit through our API.",
        "This applies only to Enterprise accounts.",
    ],
)
def test_a_denial_narrowed_in_the_next_sentence_is_no_denial(text: str) -> None:
    # written for this test
    paragraph = sentences(f"We will not use your data to train our models. {text}")
    denial = Hit("ai_training_customer_content", "never", 0.9)
    found = follow_ups(paragraph[1], [denial])
    assert [(h.fact, h.value) for h in found] == [("ai_training_customer_content", "undisclosed")]


@pytest.mark.parametrize(
    "text",
    [
        'Some of our disclosures may be considered "sharing" under California law.',
        "We may receive compensation from partners to whom we disclose data.",
    ],
)
def test_a_disclosure_that_may_be_a_sale_after_a_denial_leaves_it_open(text: str) -> None:
    # written for this test
    paragraph = sentences(f"We don't sell your personal data. {text}")
    denial = Hit("sale_of_data", "never", 0.85)
    found = follow_ups(paragraph[1], [denial])
    assert [(h.fact, h.value) for h in found] == [("sale_of_data", "undisclosed")]


# Written for these tests: a licence limited to the service, then the content passed on to
# others, or used for their purposes, in the next sentence of the paragraph.
@pytest.mark.parametrize(
    "text",
    [
        "This license extends to our affiliates and partners for their own purposes.",
        "We may also share it with our partners.",
        "This includes the right to share it with our partners.",
        "Our partners may use it for their own purposes.",
    ],
)
def test_content_passed_on_after_a_service_only_licence_takes_the_limit_back(text: str) -> None:
    paragraph = sentences(f"We use your content only to provide the Services. {text}")
    limit = Hit("content_license_scope", "service_only", 0.85)
    found = follow_ups(paragraph[1], [limit])
    assert [(h.fact, h.value) for h in found] == [("content_license_scope", "undisclosed")]


def test_content_passed_to_no_one_after_a_service_only_licence_keeps_the_limit() -> None:
    # written for this test
    paragraph = sentences(
        "We use your content only to provide the Services. We do not share it with anyone."
    )
    limit = Hit("content_license_scope", "service_only", 0.85)
    assert follow_ups(paragraph[1], [limit]) == []


# Written for these tests: the disclaimer placed before the denial, in the same paragraph,
# hedges it as one placed after it does; one in another paragraph, or about something else,
# leaves it standing.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We are not responsible for how our partners use your data. We do not sell your "
            "personal information.",
            "sale_of_data",
        ),
        (
            "We accept no liability for how advertisers use the data we share with them. We do "
            "not use your personal data for targeted advertising.",
            "advertising_use",
        ),
    ],
)
def test_a_disclaimer_before_a_denial_hedges_it(text: str, fact: str) -> None:
    assert scanned(text)[fact] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "We are not responsible for the content of third-party websites. We do not sell your "
        "personal information.",
        "We are not responsible for how our partners use your data.\n\nWe do not sell your "
        "personal information.",
    ],
)
def test_a_disclaimer_of_something_else_or_elsewhere_leaves_the_denial(text: str) -> None:
    assert scanned(text)["sale_of_data"] == "never"


# Written for these tests: the next sentence names the denied data by a pronoun only and states
# the practice, or a disclosure paid for; it takes the denial back: a disclosure paid for, or
# ads named, state the practice (`always`); marketing, which may be the vendor's own, leaves it
# open. One that passes the data to no one, or for the service, leaves the denial standing.
@pytest.mark.parametrize(
    ("text", "fact", "expected"),
    [
        (
            "We do not sell your personal information. We may share it with partners who pay us.",
            "sale_of_data",
            "always",
        ),
        (
            "We do not sell your personal information. We may provide it to partners in "
            "exchange for payment.",
            "sale_of_data",
            "always",
        ),
        (
            "We do not sell your personal information. It may be disclosed to partners who "
            "compensate us.",
            "sale_of_data",
            "always",
        ),
        (
            "We do not sell your personal information. We may sell it to data brokers.",
            "sale_of_data",
            "always",
        ),
        (
            "We do not use your data for ads. We may share it with advertising partners.",
            "advertising_use",
            "always",
        ),
        (
            "We do not use your data for advertising. It may be used for targeted advertising "
            "by our partners.",
            "advertising_use",
            "always",
        ),
        (
            "We don't use your data for ads. We may use it for marketing.",
            "advertising_use",
            "undisclosed",
        ),
        (
            "We do not use your data for advertising. It may be used for marketing purposes.",
            "advertising_use",
            "undisclosed",
        ),
    ],
)
def test_a_pronoun_naming_the_denied_data_with_the_practice_takes_it_back(
    text: str, fact: str, expected: str
) -> None:
    assert scanned(text)[fact] == expected


# Written for these tests: a later sentence of the paragraph narrowing, excepting or foreseeing
# a change to encryption at rest or an agreement on offer leaves it open, as it leaves a
# denial; the same paragraph without it is a plain promise.
@pytest.mark.parametrize(
    ("promise", "fact", "value"),
    [
        ("We encrypt all customer data at rest.", "encryption_at_rest", "encrypted"),
        ("We offer a data processing agreement to every customer.", "dpa_available", "available"),
    ],
)
@pytest.mark.parametrize(
    "after",
    [
        "There are limited exceptions to this.",
        "Some exceptions apply.",
        "This does not apply to content you share publicly.",
        "This applies only to Enterprise accounts.",
        "This may change in the future.",
    ],
)
def test_an_exception_after_encryption_or_an_agreement_leaves_it_open(
    promise: str, fact: str, value: str, after: str
) -> None:
    assert scanned(promise)[fact] == value
    assert scanned(f"{promise} {after}")[fact] == "undisclosed"
    assert scanned(f"{promise}\n\nThere are no exceptions.")[fact] == value


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We do not sell your personal information. We do not share it with advertisers either.",
            "sale_of_data",
        ),
        (
            "We do not sell your personal information. We may share it with our service providers.",
            "sale_of_data",
        ),
        ("We do not sell your personal information. We will never sell it.", "sale_of_data"),
        (
            "We don't use your data for ads. We may use it to provide the service.",
            "advertising_use",
        ),
    ],
)
def test_a_pronoun_naming_the_denied_data_for_something_else_leaves_it(
    text: str, fact: str
) -> None:
    assert scanned(text)[fact] == "never"


# Written for these tests: a delay disclaimed earlier in the same paragraph holds the deadline
# after it open; a disclaimer about something else leaves the number.
def test_a_delay_disclaimed_before_a_deadline_holds_it_open() -> None:
    text = (
        "We are not responsible for delays caused by our partners. We will notify you of a "
        "security breach within 72 hours."
    )
    assert scanned(text)["breach_notification_hours"] == "undisclosed"


def test_a_disclaimer_of_something_else_before_a_deadline_keeps_its_number() -> None:
    text = (
        "We are not responsible for the content of third-party websites. We will notify you of "
        "a security breach within 72 hours."
    )
    assert scanned(text)["breach_notification_hours"] == 72


def test_the_denied_data_shared_with_advertising_partners_takes_a_sale_denial_back() -> None:
    # written for this test: sharing with advertisers is a sale in the state laws' sense
    text = (
        "We do not sell your personal information. However, we may share it with advertising "
        "partners."
    )
    assert scanned(text)["sale_of_data"] == "undisclosed"


# Written for these tests: a later sentence of the paragraph that disclaims delays in the
# notice or the deletion, or says the period may be pushed back, holds the number before it
# open; one about something else, a delay the law asks for, or the disclaimer in another
# paragraph, leaves the number.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We will notify you of a data breach within 72 hours. We are not responsible for "
            "delays in notification.",
            "breach_notification_hours",
        ),
        (
            "We will notify you of a data breach within 72 hours. This period may be extended.",
            "breach_notification_hours",
        ),
        # the later sentence read by the breach rule itself, as a notice with no number
        (
            "We will notify you of a data breach within 72 hours. Notice to you of a data breach "
            "may be delayed.",
            "breach_notification_hours",
        ),
        (
            "We will delete your content within 30 days after termination. We are not "
            "responsible for delays in deletion.",
            "deletion_after_termination_days",
        ),
    ],
)
def test_a_deadline_held_open_after_it_in_its_paragraph_keeps_no_number(
    text: str, fact: str
) -> None:
    assert scanned(text)[fact] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "We will notify you of a data breach within 72 hours. We are not responsible for the "
        "content of third-party websites.",
        "We will notify you of a data breach within 72 hours. Notification may be delayed at "
        "the request of law enforcement.",
        "We will notify you of a data breach within 72 hours. Notice to you of a data breach "
        "may be delayed where law enforcement asks.",
        "We will notify you of a data breach within 72 hours.\n\nWe are not responsible for "
        "delays in notification.",
    ],
)
def test_a_hold_on_something_else_or_elsewhere_keeps_the_number(text: str) -> None:
    assert scanned(text)["breach_notification_hours"] == 72


# Written for these tests: a paragraph that opens by referring back to the one before it ("This
# does not apply ...", "Such notice may be shortened ...") qualifies what that paragraph
# promised, as the next sentence of the same paragraph would.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We do not use your content to train our models.\n\nThis does not apply to content "
            "you share publicly.",
            "ai_training_customer_content",
        ),
        (
            "We will never use your content to train AI models.\n\nHowever, these commitments "
            "do not apply to free accounts.",
            "ai_training_customer_content",
        ),
        (
            "We do not sell your personal information.\n\nThe foregoing does not apply to "
            "disclosures to our partners.",
            "sale_of_data",
        ),
        (
            "We never use your data for advertising.\n\nThe above does not apply where you have "
            "joined our rewards program.",
            "advertising_use",
        ),
        (
            "We use your content only to provide the Services.\n\nThis limitation does not "
            "apply to content you make public.",
            "content_license_scope",
        ),
        (
            "We will notify you of a data breach within 24 hours.\n\nSuch notification may be "
            "delayed where we deem it necessary.",
            "breach_notification_hours",
        ),
        (
            "We delete customer data within 30 days of termination.\n\nThis period may be "
            "extended where we need to.",
            "deletion_after_termination_days",
        ),
    ],
)
def test_a_paragraph_qualifying_the_one_before_by_reference_leaves_it_open(
    text: str, fact: str
) -> None:
    assert scanned(text)[fact] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        # another section: the reference is to what stands under its own heading
        "# Training\n\nWe do not use your content to train our models.\n\n# Cookies\n\nThis does "
        "not apply to content you share publicly.",
        # no reference back: a paragraph of its own
        "We do not use your content to train our models.\n\nOur terms do not apply to "
        "third-party services.",
    ],
)
def test_a_qualifier_under_another_heading_or_not_referring_back_leaves_the_denial(
    text: str,
) -> None:
    assert scanned(text)["ai_training_customer_content"] == "never"


# Written for these tests: the notice before a change made shorter, or a deadline narrowed, in
# the next sentence.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We will notify you at least 30 days before we add a new subprocessor. Such notice "
            "may be shortened in an emergency.",
            "subprocessor_change_notice_days",
        ),
        (
            "We will notify you at least 30 days before we add a new subprocessor.\n\nThis "
            "notice period may be reduced where a replacement is urgent.",
            "subprocessor_change_notice_days",
        ),
        (
            "We will notify you of a data breach within 48 hours. This does not apply where "
            "the breach was caused by you.",
            "breach_notification_hours",
        ),
    ],
)
def test_a_notice_shortened_or_a_deadline_narrowed_after_it_keeps_no_number(
    text: str, fact: str
) -> None:
    assert scanned(text)[fact] == "undisclosed"


def test_a_shorter_breach_deadline_after_it_keeps_the_number() -> None:
    # written for this test: a breach notice made quicker is on its safe side
    text = (
        "We will notify you of a data breach within 72 hours. This period may be shortened "
        "where the law requires."
    )
    assert scanned(text)["breach_notification_hours"] == 72


# Written for these tests: a deletion the customer controls, then a deletion that may wait.
@pytest.mark.parametrize(
    "text",
    [
        "You can delete your files at any time. Deletion of your files from our systems may "
        "take longer.",
        "You can delete your content at any time. Deletion of your data may be delayed for "
        "technical reasons.",
        "You can delete your content at any time.\n\nSuch deletion may be postponed while we "
        "process your request.",
    ],
)
def test_a_deletion_that_may_wait_takes_the_customer_s_control_back(text: str) -> None:
    assert scanned(text)["content_retention"] == "undisclosed"


def test_a_deletion_delayed_by_the_law_leaves_the_control() -> None:
    # written for this test
    text = (
        "You can delete your content at any time. Deletion may be delayed where the law "
        "requires us to keep it."
    )
    assert scanned(text)["content_retention"] == "customer_controlled"


def test_every_follow_up_names_its_rule_as_a_detector_s_cue_does() -> None:
    # written for this test: the opt-out follows the practice, the narrowing the denial
    found = follow_ups(
        sentences("We use cookies for advertising. You can opt out in your settings.")[1],
        [Hit("advertising_use", "always", 0.8)],
    )
    assert [h.cue for h in found] == ["follow_ups: opt-out for the practice above"]
    narrowed = follow_ups(
        sentences("We do not sell your data. This does not apply to our partners.")[1],
        [Hit("sale_of_data", "never", 0.85)],
    )
    assert [h.cue for h in narrowed] == ['follow_ups: not for all "this does not apply"']


# Written for these tests: a next sentence, or a next paragraph naming what it refers to, that
# says the promise has exceptions, holds only for some, may change, or may not be kept in time.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("We do not sell your personal information. There are some exceptions to this.", SALE_F),
        (
            "We do not sell your personal information.\n\nThere are limited exceptions to this "
            "rule, described in Section 5.",
            SALE_F,
        ),
        ("We do not use your content to train our models. Certain exceptions apply.", CONTENT_F),
        (
            "We do not use your content to train our models.\n\nThis commitment is subject to "
            "the exceptions in Section 4.",
            CONTENT_F,
        ),
        (
            "We do not use your content to train our models.\n\nThis is only the case for "
            "customers who have signed our DPA.",
            CONTENT_F,
        ),
        (
            "We do not use your content to train our models. This may change in the future.",
            CONTENT_F,
        ),
        (
            "We do not use your content to train our models.\n\nThis practice is subject to "
            "change.",
            CONTENT_F,
        ),
        (
            "We will notify you of a data breach within 24 hours.\n\nThis timeline may not "
            "always be possible.",
            "breach_notification_hours",
        ),
        (
            "We will notify you of a data breach within 24 hours. We will try to meet this "
            "timeline where possible.",
            "breach_notification_hours",
        ),
        (
            "We will notify you at least 30 days before we add a new subprocessor. In urgent "
            "cases, we may give shorter notice.",
            "subprocessor_change_notice_days",
        ),
    ],
)
def test_exceptions_a_change_or_a_hedge_after_the_promise_leave_it_open(
    text: str, fact: str
) -> None:
    assert scanned(text)[fact] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        # the document may change, as every policy says; the promise is not singled out
        "We do not use your content to train our models.\n\nThis Privacy Policy may change from "
        "time to time.",
        "We do not use your content to train our models. There are no exceptions to this.",
        # exceptions named in another paragraph with nothing pointing back
        "We do not use your content to train our models.\n\nHowever, there are exceptions.",
    ],
)
def test_a_change_of_the_document_no_exception_or_one_not_referring_back_keeps_the_denial(
    text: str,
) -> None:
    assert scanned(text)[CONTENT_F] == "never"


# Written for these tests: an opt-in or a denial, then the switch it waits for said to be on
# already, or the consent said to be given by accepting the terms.
@pytest.mark.parametrize(
    "text",
    [
        "We do not train on your content without your permission, which you give by enabling "
        "the feature. The feature is enabled by default.",
        "Your content is used to train our models only if you enable the Improve the Model "
        "setting. For new accounts this setting is enabled.",
        "We only use your content to train our models if you opt in. Free accounts are opted in "
        "automatically.",
        "We only use your content for training with your consent.\n\nSuch consent is given when "
        "you accept these terms.",
    ],
)
def test_a_switch_on_already_or_a_consent_given_with_the_terms_is_no_opt_in(text: str) -> None:
    assert scanned(text)[CONTENT_F] not in ("opt_in", "never")


def test_a_protection_on_by_default_after_an_opt_in_keeps_it() -> None:
    # written for this test: what is on is the protection, not the training
    text = (
        "We only use your content to train our models if you opt in. Encryption is enabled by "
        "default."
    )
    assert scanned(text)[CONTENT_F] == "opt_in"


# Written for these tests: a licence limited to the service, then a wider use of the same
# content by a pronoun, or the limit said not to limit another grant.
@pytest.mark.parametrize(
    "text",
    [
        "We use your content only to provide the Services. We may also use it for research.",
        "We use your content only to provide the Services. We may use it to develop new products.",
        "We use your content solely to provide the Services.\n\nThe foregoing does not limit "
        "our rights under the Privacy Policy.",
    ],
)
def test_a_wider_use_or_grant_after_a_service_only_licence_takes_the_limit_back(
    text: str,
) -> None:
    assert scanned(text)["content_license_scope"] != "service_only"


def test_the_content_used_for_the_service_again_keeps_the_limit() -> None:
    # written for this test
    text = "We use your content only to provide the Services. We may use it to provide support."
    assert scanned(text)["content_license_scope"] == "service_only"


# Written for these tests: exceptions the vendor may make, or a later sentence limiting what it
# follows to some plan or customers with a closing "only", leave the promise before it open;
# exceptions denied leave it standing.
@pytest.mark.parametrize(
    ("promise", "fact", "value"),
    [
        ("We do not sell your personal information.", SALE_F, "never"),
        ("We encrypt all customer data at rest.", "encryption_at_rest", "encrypted"),
        (
            "We use your content only to provide the Services.",
            "content_license_scope",
            "service_only",
        ),
    ],
)
@pytest.mark.parametrize(
    "after",
    [
        "We may make exceptions at our discretion.",
        "We reserve the right to grant exceptions.",
        "This applies to our free plan only.",
        "These commitments apply to EU customers only.",
    ],
)
def test_exceptions_the_vendor_may_make_or_a_limit_closing_with_only_leave_it_open(
    promise: str, fact: str, value: str, after: str
) -> None:
    assert scanned(promise)[fact] == value
    assert scanned(f"{promise} {after}")[fact] == "undisclosed"
    assert scanned(f"{promise} We do not make exceptions.")[fact] == value
