"""Retention of customer content, and its deletion after termination."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import detect, retention
from vendorgate.scan.document import sentences


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            "wire/terms-of-service/2023-05-12.md",
            "You may delete the content of the conversations on your device specifically and "
            "generally at any time.",
            {"content_retention": "customer_controlled"},
        ),
        (
            "meet-jit-si/privacy-policy/2025-09-23.md",
            "If you use the chat function, chat content is stored during the meeting.",
            {"content_retention": "fixed_period"},
        ),
        (
            "zoom/terms-of-service/2026-08-06.md",
            "For thirty (30) calendar days following expiration or termination of this "
            "Agreement, Zoom will provide you access to retrieve your Customer Content, after "
            "which time your Customer Content will be deleted according to applicable Law, this "
            "Agreement, and our regularly scheduled deletion protocols, policies, and procedures.",
            {"deletion_after_termination_days": 30},
        ),
        (
            "mailjet/privacy-policy/2025-01-17.md",
            "We may, however, retain copies of your personal data in backups for legal retention "
            "purposes and/or for our own legitimate business purposes.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
    ],
)
def test_retention_and_deletion(document: str, quote: str, expected: dict[str, object]) -> None:
    assert suggested(retention, document, quote) == expected


def test_log_retention_is_not_content_retention() -> None:
    quote = "Critical logs, such as security logs, are retained for at least one year."
    assert hits(retention, "mailjet/data-processor-agreement/2025-01-17.md", quote) == []


def test_the_user_s_duty_to_delete_is_not_the_vendor_s_deletion_period() -> None:
    # written for this test: the user's duty, then the vendor's own commitment
    duty = (
        "Upon termination, you must uninstall the App and delete all copies of it within 30 days."
    )
    assert written(duty) == {}
    own = "We delete your content within 30 days after termination of your account."
    assert written(own) == {"deletion_after_termination_days": 30}


# Sentences below are written for these tests (no vendor's words).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Within 60 days of termination of the Agreement, we will delete all Customer Data.",
            {"deletion_after_termination_days": 60},
        ),
        (
            "Upon termination of the contract, the processor shall erase all personal data "
            "within three (3) months.",
            {"deletion_after_termination_days": 90},
        ),
        (
            "Upon expiry of the subscription we delete the personal data we hold.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
        (
            "Recordings are retained for up to 14 days and then removed.",
            {"content_retention": "fixed_period"},
        ),
        (
            "We retain your files for as long as your workspace exists.",
            {"content_retention": "undisclosed"},
        ),
    ],
)
def test_written_retention_periods(text: str, expected: dict[str, object]) -> None:
    assert written(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You retain all intellectual property rights in your files.",
        "We accept no responsibility for the retention of your documents.",
        "The recordings are not retained once the transcript is produced.",
        "Any additional costs of deleting personal data after termination of the agreement are "
        "paid by the customer.",
    ],
)
def test_rights_disclaimers_and_costs_state_no_retention(text: str) -> None:
    assert written(text) == {}


def test_the_end_of_the_provision_of_services_is_a_termination() -> None:
    text = (
        "After the end of the provision of services, the processor shall delete all personal data."
    )
    assert written(text) == {"deletion_after_termination_days": "undisclosed"}


# Written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a backup caveat with no period of its own after the number: the content is not gone
        # by then, and nothing says when it is (red-team pass; it read 45 before)
        (
            "We delete the content of your projects within 45 days of cancellation, though some "
            "data may remain in backups.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
        # the backups with a period of their own: the later one is the period
        (
            "We delete the content of your projects within 45 days of cancellation, though some "
            "data may remain in backups for up to 90 days.",
            {"deletion_after_termination_days": 90},
        ),
        # kept "as long as necessary": no end is stated
        (
            "We keep your content for as long as necessary to provide the service.",
            {"content_retention": "indefinite"},
        ),
        # deleted after a period without use: retention while the contract runs, when the
        # deletion is stated as done; one the vendor only may do is a right, not a period
        (
            "We will delete the content of accounts with no activity (such as a log in) for 18 "
            "months.",
            {"content_retention": "fixed_period"},
        ),
        (
            "We may delete the content of accounts with no activity (such as a log in) for 18 "
            "months.",
            {"content_retention": "undisclosed"},
        ),
        # the customer may delete it first: control, not a deletion period
        (
            "You can delete your content yourself before you close your account.",
            {"content_retention": "customer_controlled"},
        ),
        (
            "Your files are not deleted unless you request their deletion.",
            {"content_retention": "customer_controlled"},
        ),
        (
            "The account owner may set its own rules for the retention of files stored in it.",
            {"content_retention": "customer_controlled"},
        ),
        # an account closed by the vendor is an end of the service too
        (
            "If we deactivate your account, we may delete your content.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
        (
            "We have no obligation to retain your content after closure of your account.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
    ],
)
def test_written_retention_cues(text: str, expected: dict[str, object]) -> None:
    assert written(text) == expected


# Written for these tests: no period of the vendor's deletion after the contract ends.
@pytest.mark.parametrize(
    "text",
    [
        "When the retention period expires, we delete the content.",
        "If you terminate the agreement or delete your workspace, you lose access to it.",
        "Retention of your content",
        "The arbitration and its documents shall be kept confidential.",
        "We store a voiceprint from your recordings while the feature is on.",
    ],
)
def test_written_sentences_with_no_deletion_period(text: str) -> None:
    assert "deletion_after_termination_days" not in written(text)


def test_immediately_counts_only_when_said_of_the_deletion() -> None:
    text = (
        "Upon termination, your licence ends immediately and we will delete your content in a "
        "reasonable time."
    )
    assert written(text) == {"deletion_after_termination_days": "undisclosed"}


# Written for these tests.
def test_a_deletion_that_leaves_other_copies_bears_on_retention() -> None:
    text = "Deleting your messages won't delete copies held by the people you wrote to."
    assert written(text) == {"content_retention": "undisclosed"}


def test_backup_copies_kept_after_the_user_stops_using_the_service() -> None:
    text = "Backup copies of your content may be retained after you stop using our services."
    assert written(text) == {"deletion_after_termination_days": "undisclosed"}


@pytest.mark.parametrize(
    "text",
    [
        # a permission between collaborators, not how long the vendor keeps the content
        "Your permission specifies whether you can modify, delete or share the shared content.",
        # a website chat with sales or support is no customer content
        "A transcript of your live chat with our team will be retained.",
    ],
)
def test_written_sentences_that_are_not_content_retention(text: str) -> None:
    assert "content_retention" not in written(text)


def test_personal_data_kept_indefinitely_is_indefinite() -> None:
    # written for this test
    text = "We may retain some personal data indefinitely to keep a history of transactions."
    assert written(text) == {"content_retention": "indefinite"}


def test_indefinite_retention_counts_in_a_section_on_rights() -> None:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    # written for this test
    document = (
        "## Your rights and choices\n\n"
        "We may retain some personal data indefinitely to keep a history of transactions.\n"
    )
    found = [h.value for s in sentences(document) for h in detect(s)]
    assert found == ["indefinite"]


# Written for these tests: the vendor denies keeping the content at all (a retention of none),
# but not when it denies keeping it longer or in one form only, nor when the user is the one.
@pytest.mark.parametrize(
    "text",
    [
        "We do not store the files you convert on our servers.",
        "At no time does the Provider retain or store any customer data.",
        "No content data will ever be stored on our servers.",
        "Acme never keeps the recordings of your calls on its servers.",
        "We don't store your messages on our servers.",
    ],
)
def test_a_denial_of_keeping_content_is_a_retention_of_none(text: str) -> None:
    assert written(text) == {"content_retention": "fixed_period"}


@pytest.mark.parametrize(
    "text",
    [
        "We do not store your files longer than necessary.",
        "We do not retain full credit card numbers.",
        "You do not store your files with us if you use the local mode.",
        "You don't store your files with us in local mode.",
        "We do not keep your messages except as described in this policy.",
    ],
)
def test_a_denial_of_keeping_longer_or_by_the_user_is_no_retention_of_none(text: str) -> None:
    assert written(text).get("content_retention") != "fixed_period"


# Written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # closed for inactivity: the content in the account goes with it
        (
            "We may close accounts that have been inactive for a long time.",
            {"content_retention": "undisclosed"},
        ),
        (
            "Accounts with no activity for two (2) years are deleted.",
            {"content_retention": "fixed_period"},
        ),
        (
            "Accounts with no activity for two (2) years may be deleted.",
            {"content_retention": "undisclosed"},
        ),
        # a stated maximum for personal data the vendor keeps
        (
            "We retain personal data for a maximum of three (3) years after your last login.",
            {"content_retention": "fixed_period"},
        ),
        # the customer sets the period
        (
            "Administrators can configure the retention period of their workspace's messages.",
            {"content_retention": "customer_controlled"},
        ),
        (
            "Recordings are kept according to the retention policy set by the customer.",
            {"content_retention": "customer_controlled"},
        ),
    ],
)
def test_written_inactivity_limits_and_customer_settings(
    text: str, expected: dict[str, object]
) -> None:
    assert written(text) == expected


# Written for these tests: kept while the contract or account lasts (no other end is stated),
# and deletion that waits for the customer.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customer Data will be retained for the duration of the Agreement.", "indefinite"),
        ("We keep your files while your account remains active.", "indefinite"),
        ("Your content is retained for as long as you maintain an account.", "indefinite"),
        ("We retain Customer Data for the period necessary to provide the Services.", "indefinite"),
        ("We store your content until the customer deletes it.", "customer_controlled"),
        ("We will delete Customer Data upon Customer's written request.", "customer_controlled"),
        ("You can choose how long your messages are kept.", "customer_controlled"),
    ],
)
def test_written_retention_while_the_contract_lasts_or_the_customer_decides(
    text: str, expected: str
) -> None:
    assert written(text) == {"content_retention": expected}


def test_storing_for_someone_states_no_period() -> None:
    # written for this test: "for" names whom the files are kept for, not how long
    assert written("We store files for you.") == {}


# Written for these tests: the end of the contract drafted as a passive account closure or the
# "end of the subscription", a period drafted as "30-day", removal as deletion.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Customer Data will be deleted no later than 90 days after the end of the "
            "subscription.",
            90,
        ),
        (
            "After your account is closed, your content will be permanently deleted "
            "within 30 days.",
            30,
        ),
        (
            "If you cancel your subscription, your files will be removed after a 30-day "
            "grace period.",
            30,
        ),
        ("When your account is deleted, your content is deleted immediately.", 0),
        (
            "You must export your files before your subscription ends, as we will delete them "
            "after termination.",
            "undisclosed",
        ),
    ],
)
def test_written_deletion_after_the_end(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: the customer's own duty, or material the user may remove, is no
# deletion of the vendor's.
@pytest.mark.parametrize(
    "text",
    [
        "You are solely responsible for making backups of your content before termination of "
        "the Services.",
        "We may suspend or close your account until the offending content is removed.",
        "We may remove your content if it violates these Terms.",
    ],
)
def test_written_sentences_that_state_no_deletion_of_the_vendor_s(text: str) -> None:
    assert "deletion_after_termination_days" not in written(text)


# Written for these tests: the end of the contract drafted as what the contract does ("ends",
# "lapses", "is no longer active") or as the completion of the services or of a relationship.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When the subscription ends, we keep the files in your workspace for up to 60 days "
            "and then delete them.",
            60,
        ),
        ("Once your plan is no longer active, your documents will be deleted 90 days later.", 90),
        ("Sixty days after your plan lapses, we erase the recordings in your account.", 60),
        (
            "Upon completion of the services, the processor shall return or delete all personal "
            "data within 30 days.",
            30,
        ),
        (
            "After the end of the business relationship, the processor deletes the personal data "
            "it holds for the controller.",
            "undisclosed",
        ),
    ],
)
def test_written_ends_drafted_as_what_the_contract_does(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: a period after the end stated as a floor ("a minimum of", "at
# least") says when the deletion may come at the earliest, not when it comes.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We keep customer data for a minimum of 90 days after termination, after which it "
            "may be deleted.",
            "undisclosed",
        ),
        (
            "Following termination, your files will be kept for no less than thirty (30) days "
            "and then deleted.",
            "undisclosed",
        ),
        (
            "Following termination, your files will be kept for up to thirty (30) days and then "
            "deleted.",
            30,
        ),
    ],
)
def test_written_a_floor_is_no_deletion_period(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: the content kept (or left available) for a stated time after the end,
# then gone, whatever the verb; backups kept after the end, or a clause in force after it, are
# not the content.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We retain your content for 30 days after termination.", 30),
        ("Your documents stay on our servers for no more than 45 days after cancellation.", 45),
        ("For sixty (60) days after termination, the provider will preserve Customer Data.", 60),
        ("Your content is kept for at least 30 days after cancellation.", "undisclosed"),
    ],
)
def test_written_content_kept_for_a_time_after_the_end(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: the content left within the customer's reach after the end is no
# deletion period, unless the deletion is stated with it (as for an export window).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your files remain available for 14 days after cancellation.", "undisclosed"),
        ("Your files remain available for up to 14 days after cancellation.", "undisclosed"),
        ("Your content stays accessible for 30 days after termination.", "undisclosed"),
        ("Your files remain recoverable for 30 days after your account is closed.", "undisclosed"),
        (
            "Your files remain available for 14 days after cancellation, after which we delete "
            "them.",
            14,
        ),
        (
            "Your files remain available for 14 days after cancellation and are then "
            "permanently deleted.",
            14,
        ),
    ],
)
def test_written_content_available_after_the_end_is_no_deletion_period(
    text: str, expected: object
) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


@pytest.mark.parametrize(
    "text",
    [
        "Your content remains yours after termination.",
        "The confidentiality duties for your files remain in force for 2 years after termination.",
    ],
)
def test_written_what_remains_after_the_end_is_not_the_content_kept(text: str) -> None:
    assert "deletion_after_termination_days" not in written(text)


# Written for these tests: a deletion that begins at one time and is done at a later one is
# done at the later (counted from the start when it is "a further" time).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We start deleting your content 20 days after termination, so that all of it is gone "
            "by 40 days after termination.",
            40,
        ),
        (
            "We begin the deletion of your workspace 7 days after cancellation and complete it "
            "within 30 days.",
            30,
        ),
        (
            "Deletion of your content starts 10 days after the end of the subscription and is "
            "finished within a further 20 days.",
            30,
        ),
        # not a staged deletion, but the copies in backups are the customer's content too: the
        # fact is when the content is gone (the vocabulary has no backup fact of its own), so
        # the backups' longer period is the answer, not the live copy's shorter one
        (
            "We delete your files within 30 days after termination and remove them from backups "
            "within 90 days.",
            90,
        ),
        (
            "Your content is deleted within 30 days of termination and removed from our backups "
            "within 90 days.",
            90,
        ),
        (
            "Your content is erased within 30 days of cancellation and purged from backup copies "
            "within a further 60 days.",
            90,
        ),
    ],
)
def test_written_a_deletion_begun_then_finished(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: a retention period with its number in words.
@pytest.mark.parametrize(
    "text",
    [
        "By default, recordings are deleted after six months.",
        "Chat transcripts are kept for thirty days and then removed.",
        "Uploaded files are stored for a year and then erased.",
    ],
)
def test_written_a_period_in_words_is_a_fixed_period(text: str) -> None:
    assert written(text) == {"content_retention": "fixed_period"}


# Written for these tests: content kept for at least some time has a floor, not an end.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We keep your recordings for at least 6 months.", "undisclosed"),
        ("Your files are stored for a minimum of 2 years.", "undisclosed"),
        ("Messages are retained for no less than 90 days.", "undisclosed"),
        ("We keep your recordings for six months at least.", "undisclosed"),
        ("Recordings are kept for up to six months.", "fixed_period"),
    ],
)
def test_written_a_retention_floor_is_no_fixed_period(text: str, expected: str) -> None:
    assert written(text) == {"content_retention": expected}


# Written for these tests: "store ... for" whom or what is no time the content is kept; "for" a
# stretch of time is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The customer lets the provider copy, store and display Customer Data for the "
            "customer's benefit.",
            None,
        ),
        ("We store your files for a customer who shares them with you.", None),
        ("We store your files for a limited period.", "undisclosed"),
    ],
)
def test_written_storing_for_whom_is_no_time(text: str, expected: str | None) -> None:
    assert written(text).get("content_retention") == expected


# Written for these tests: copies that outlive a deletion in backups, drafted with the backups
# first or with "persist" for "remain"; a backup named for another reason keeps nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Closing your account may not erase your posts at once, as backups of them may not "
            "be removed right away.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
        (
            "Deleted content may persist in our backups until the backup cycle overwrites it.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
        ("Backups of your files are encrypted at rest.", {}),
    ],
)
def test_written_copies_left_in_backups(text: str, expected: dict[str, object]) -> None:
    facts = ("content_retention", "deletion_after_termination_days")
    assert {f: v for f, v in written(text).items() if f in facts} == expected


# Written for these tests: the end drafted as the deletion of the account, and the content's
# deletion drafted as its becoming unrecoverable.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Upon deletion of your account, your files become unrecoverable after a period of "
            "ten days.",
            {"deletion_after_termination_days": 10},
        ),
        (
            "After the deletion of your account, your content is unrecoverable.",
            {"deletion_after_termination_days": "undisclosed"},
        ),
        ("If you request deletion of your account, we will confirm by email.", {}),
    ],
)
def test_written_content_unrecoverable_after_the_account_is_deleted(
    text: str, expected: dict[str, object]
) -> None:
    assert written(text) == expected


# Written for these tests: the deletion's period read from all the periods of the sentence. A
# deletion only begun at a time, one only aimed at, or one counted from the end of another
# period the sentence does not measure promises no number of days; when the content is kept for
# one period and deleted within another, it is gone at the later one; the length of the contract
# is no period of the deletion.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deletion of your content will begin 30 days after termination.", "undisclosed"),
        ("We will initiate deletion of your content 30 days after termination.", "undisclosed"),
        (
            "The deletion process for your workspace starts 7 days after cancellation and is "
            "complete within 37 days.",
            37,
        ),
        ("After termination, we retain your content for 30 days and delete it within 90 days.", 90),
        (
            "After termination, we retain your content for 30 days, after which we will delete it "
            "within a further 60 days.",
            90,
        ),
        ("We aim to delete your content within 30 days after termination.", "undisclosed"),
        ("We endeavour to delete your content within 30 days after termination.", "undisclosed"),
        (
            "Where technically feasible, we delete your recordings within 14 days of termination.",
            "undisclosed",
        ),
        (
            "Our goal is to erase customer content within 30 days of the end of the agreement.",
            "undisclosed",
        ),
        # a duty of reasonable efforts is one of effort, not of result: the content need not
        # be gone by then, so no number of days is promised (as for a breach notice)
        (
            "We will make reasonable efforts to erase your content within 30 days after "
            "termination.",
            "undisclosed",
        ),
        (
            "We will delete your content no later than 30 days after the end of the retention "
            "period following termination.",
            "undisclosed",
        ),
        (
            "We will erase your content 60 days after the grace period following cancellation.",
            "undisclosed",
        ),
        (
            "Customer Data will be deleted no later than 90 days after the end of the "
            "subscription period.",
            90,
        ),
        (
            "When a 12-month subscription ends, we delete the files in your workspace within 30 "
            "days.",
            30,
        ),
    ],
)
def test_written_the_deletion_period_among_several_or_none(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


def test_a_permission_to_store_that_cannot_be_revoked_is_indefinite() -> None:
    quote = (
        "This means that you cannot revoke permission for Stack Overflow to publish, "
        "distribute, store and use such content and to allow others to have derivative rights "
        "to publish, distribute, store and use such content."
    )
    document = "stack-overflow/terms-of-service/2025-11-13.md"
    assert suggested(retention, document, quote) == {"content_retention": "indefinite"}


# Written for these tests: the content kept whatever the user does (a permission to keep it that
# cannot be taken back, or keeping it on after the user deletes it) states no end; a power the
# user lacks ("you cannot revoke") is no duty of theirs, so the registry keeps the hit. With a
# period, the period stands; a duty of the user's is still theirs.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You cannot revoke our right to store your content once posted.", "indefinite"),
        (
            "You may not withdraw the permission to store your posts that you granted us.",
            "indefinite",
        ),
        ("Our right to keep copies of your content continues after you delete it.", "indefinite"),
        (
            "We may continue to store your content after you delete it from the service.",
            "indefinite",
        ),
        ("Even after you delete your content, we may continue to store it.", "indefinite"),
        ("We may continue to store your content for 30 days after you delete it.", "fixed_period"),
        ("You cannot delete content that belongs to other users.", None),
    ],
)
def test_written_content_kept_whatever_the_user_does(text: str, expected: str | None) -> None:
    assert written(text).get("content_retention") == expected


# Written for these tests: a period, or the customer's choice, with a longer keeping left open
# after it states no end; "no longer than" is a limit, and a longer time only the law compels
# leaves the vendor's period as it is (one the law merely permits does not).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We retain your content for 30 days, or for longer where we have a legitimate reason.",
            "undisclosed",
        ),
        ("We retain your content for 30 days and may keep it longer.", "undisclosed"),
        (
            "Uploaded files are kept for 30 days, which we may extend for security reasons.",
            "undisclosed",
        ),
        (
            "Recordings are kept for 90 days, unless a longer period is permitted by law.",
            "undisclosed",
        ),
        (
            "Your content is retained until you delete it or for 5 years, whichever is later.",
            "undisclosed",
        ),
        (
            "Your content is retained until you delete it or for 5 years, whichever is earlier.",
            "customer_controlled",
        ),
        (
            "We retain your content for 30 days unless a longer period is required by law.",
            "fixed_period",
        ),
        ("Recordings are kept for no longer than 90 days.", "fixed_period"),
        ("Recordings are kept for 90 days and no longer.", "fixed_period"),
    ],
)
def test_written_a_period_left_open_to_longer_keeping(text: str, expected: str) -> None:
    assert written(text) == {"content_retention": expected}


# Written for these tests: kept while the account is open and for a time after it closes: no end
# while the contract runs (the period is one after the end, no fixed retention), and the
# deletion's period after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We keep your messages for as long as your account is active, and for 30 days "
            "afterwards.",
            30,
        ),
        ("We retain your content while your account is active and for 90 days after closure.", 90),
        (
            "We retain your content while your account is active and for a short time afterwards.",
            "undisclosed",
        ),
    ],
)
def test_written_kept_while_the_account_lasts_then_for_a_time(text: str, expected: object) -> None:
    assert written(text) == {
        "content_retention": "indefinite",
        "deletion_after_termination_days": expected,
    }


# Written for these tests: the end drafted as a noun after "account" ("account closure",
# "account deletion"); a request to delete the account states no deletion period.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your files are permanently deleted 30 days after account deletion.", 30),
        ("Following account cancellation, we erase your recordings within 14 days.", 14),
        ("We will start deleting your data within 30 days of account closure.", "undisclosed"),
    ],
)
def test_written_the_end_named_as_account_closure(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


def test_a_request_to_delete_the_account_states_no_deletion_period() -> None:
    # written for this test
    assert written("You can request account deletion in your settings.") == {}


# Written for these tests: a deletion period left open to a later deletion ("or later if", "and
# longer where", "which we may extend", "whichever is later") promises no number of days; a
# longer time only the law compels leaves the number.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will delete your content 30 days after termination, or later if we have a "
            "legitimate reason.",
            "undisclosed",
        ),
        (
            "Content may be retained for up to 30 days after termination, and longer where we "
            "have a business need.",
            "undisclosed",
        ),
        (
            "We will delete your content 30 days after termination or when you ask us to, "
            "whichever is later.",
            "undisclosed",
        ),
        (
            "Customer Data is deleted within thirty days after termination, which period we may "
            "extend at our discretion.",
            "undisclosed",
        ),
        (
            "We will delete your content within 30 days after termination, unless a longer "
            "period is required by law.",
            30,
        ),
        (
            "We will delete your content 30 days after termination, or later if required by law.",
            30,
        ),
    ],
)
def test_written_a_deletion_period_left_open_to_later(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


def test_retention_on_the_customer_s_instructions_and_as_the_law_requires_is_controlled() -> None:
    # "and as required by applicable law" adds what the law compels; it takes no control back
    quote = (
        "Miro will retain Customer Content and Personal Data in accordance with a Customer’s "
        "instructions, including any applicable terms in the Customer Agreement and Customer’s "
        "use of the Services, and as required by applicable law."
    )
    found = suggested(retention, "miro/privacy-policy/2026-03-11.md", quote)
    assert found == {"content_retention": "customer_controlled"}


# Written for these tests: the customer's control of deletion taken back after it is stated (a
# contrast, an exception, copies the vendor keeps on, a request the vendor only weighs, a right
# that holds only where a law gives it) does not settle how long the content is kept.
@pytest.mark.parametrize(
    "text",
    [
        "You can delete your content at any time, but we may keep copies in our backups.",
        "You can delete your files at any time, although copies may remain on our servers for a "
        "period.",
        "You may delete your content, subject to our right to retain it for legal purposes.",
        "You may request deletion of your content, and we will consider your request.",
        "You can ask us to delete your content, but we are not obliged to do so.",
        "We will delete your content upon your request where required by applicable law.",
        "You can delete your content, except content that other users have copied.",
        "We will delete your content upon your request, unless we need to keep it.",
    ],
)
def test_written_a_control_taken_back_is_undisclosed(text: str) -> None:
    assert written(text) == {"content_retention": "undisclosed"}


# Written for these tests: a control with nothing taken back stays the customer's.
@pytest.mark.parametrize(
    "text",
    [
        "You can delete your content at any time.",
        "You can choose how long your messages are kept.",
    ],
)
def test_written_a_plain_control_stays_customer_controlled(text: str) -> None:
    assert written(text) == {"content_retention": "customer_controlled"}


# Written for these tests: the customer deleting its content before the end, taken back by
# copies the vendor keeps on; without that, the control stands.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You can delete your content yourself before you close your account, but we may keep "
            "copies in backups.",
            "undisclosed",
        ),
        (
            "You may delete your content before termination, although some copies may remain.",
            "undisclosed",
        ),
        (
            "You can delete your content yourself before you close your account.",
            "customer_controlled",
        ),
    ],
)
def test_written_deleting_before_the_end_taken_back(text: str, expected: str) -> None:
    assert written(text) == {"content_retention": expected}


# Written for these tests: a control or a period the vendor only keeps as a habit ("typically",
# "usually", "in most cases") or only aims at ("we aim to", "where possible") sets no end.
@pytest.mark.parametrize(
    "text",
    [
        "We typically delete your content upon your request.",
        "We generally delete Customer Data upon the customer's written request.",
        "In most cases, you can delete your content at any time.",
        "We aim to delete your content upon your request.",
        "Where possible, you can delete your recordings at any time.",
        "We typically keep recordings for 30 days.",
        "Recordings are usually kept for 30 days.",
    ],
)
def test_written_a_habit_or_an_aim_sets_no_end(text: str) -> None:
    assert written(text) == {"content_retention": "undisclosed"}


def test_deleting_specifically_or_generally_is_no_habit() -> None:
    # "generally" names what is deleted, not how often
    quote = (
        "You may delete the content of the conversations on your device specifically and "
        "generally at any time."
    )
    assert suggested(retention, "wire/terms-of-service/2023-05-12.md", quote) == {
        "content_retention": "customer_controlled"
    }


# Written for these tests: a period counted from a request the customer may make at any time
# after the end says nothing of the days since the end; one counted from the notice of
# termination is counted from the end.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Within 30 days of your request following termination, we delete your content.",
            "undisclosed",
        ),
        (
            "After termination, we will erase Customer Data within 30 days of the customer's "
            "written request.",
            "undisclosed",
        ),
        ("We delete your content within 30 days of receiving notice of termination.", 30),
    ],
)
def test_written_a_period_counted_from_a_request(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: a deletion the vendor only may do ("may delete", "reserves the right
# to erase") commits to no period, however many days the sentence names; a deletion stated as
# done ("will delete", "deletes", "is deleted within") keeps its number.
@pytest.mark.parametrize(
    "text",
    [
        "We may delete your content 30 days after termination.",
        "Your files may be deleted within 60 days of cancellation.",
        "Acme reserves the right to erase your content 30 days after the end of the agreement.",
        "Upon termination, we may immediately delete your content.",
        "If you close your account, we may erase its content within 30 days.",
        "We may delete your content within 30 days of account deletion.",
        "We may, at our option, return or delete Customer Data within 30 days after termination.",
    ],
)
def test_written_a_deletion_the_vendor_only_may_do_has_no_period(text: str) -> None:
    assert written(text) == {"deletion_after_termination_days": "undisclosed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will delete your content 30 days after termination.", 30),
        ("Acme deletes your content within 30 days of termination.", 30),
        ("Your content is deleted within 30 days of termination.", 30),
        ("Your files will be permanently removed within 45 days after cancellation.", 45),
        (
            "You may ask us to delete your content sooner; otherwise we will delete it within 30 "
            "days after termination.",
            30,
        ),
    ],
)
def test_written_a_deletion_stated_as_done_keeps_its_period(text: str, expected: int) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


# Written for these tests: a window to export or retrieve the content after the end is no promise
# to delete it; the window's days are the deletion's only when the deletion is stated with them
# (in the sentence, or in the next one after "this period").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You may export your data for 30 days after termination.", "undisclosed"),
        (
            "During the subscription or within 30 days after its termination, the customer may "
            "export its content.",
            "undisclosed",
        ),
        (
            "You can retrieve your files for 60 days after cancellation of the agreement.",
            "undisclosed",
        ),
        (
            "You may export your content for 30 days after termination, after which we will "
            "delete it.",
            30,
        ),
        (
            "For 30 days after termination you can retrieve your files, after which they are "
            "deleted.",
            30,
        ),
    ],
)
def test_written_an_export_window_is_no_deletion_period(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


def test_written_an_export_window_then_a_deletion_after_this_period() -> None:
    text = (
        "You may export your content for 30 days after termination. After this export period, "
        "we will delete your content."
    )
    found = [hit.value for s in sentences(text) for hit in detect(s)]
    assert found == ["undisclosed", 30]


# Written for these tests: a right to delete the content of inactive accounts (or to close them)
# is no retention period; a deletion stated as done is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We may delete the content of accounts with no activity for 18 months.", "undisclosed"),
        (
            "We reserve the right to delete files of accounts that have not been used for 12 "
            "months.",
            "undisclosed",
        ),
        ("If your account is inactive for 12 months, we may delete your files.", "undisclosed"),
        ("Accounts inactive for 2 years may be closed and their content deleted.", "undisclosed"),
        ("We will delete the content of accounts with no activity for 18 months.", "fixed_period"),
        ("The content of accounts with no activity for 18 months is deleted.", "fixed_period"),
        ("If your account is inactive for 12 months, we delete your files.", "fixed_period"),
        (
            "We may close accounts inactive for 2 years and will delete their content.",
            "fixed_period",
        ),
    ],
)
def test_written_a_right_to_delete_inactive_accounts_is_no_period(text: str, expected: str) -> None:
    assert written(text) == {"content_retention": expected}


# Written for these tests: the deletion comes only if the customer asks for it.
@pytest.mark.parametrize(
    "text",
    [
        "We will delete your content within 30 days after termination if you request it.",
        "Upon your request, we will delete Customer Data within 30 days after termination.",
        "After termination, we will delete your data within 30 days upon your request.",
        "If you ask us to, we will delete your data within 30 days of account closure.",
        "Following termination, and at your request, we will delete all Customer Data within "
        "30 days.",
        "We will delete your data within 30 days after termination if you ask us to.",
    ],
)
def test_a_deletion_only_on_request_sets_no_deletion_period(text: str) -> None:
    assert written(text)["deletion_after_termination_days"] == "undisclosed"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "We delete Customer Data within 30 days after termination, or sooner upon your "
            "request.",
            30,
        ),
        (
            "We delete Customer Data within 30 days after termination, or earlier if you "
            "ask us to.",
            30,
        ),
        (
            "Unless you request otherwise, we delete Customer Data within 30 days after "
            "termination.",
            30,
        ),
    ],
)
def test_a_request_that_only_hastens_a_stated_deletion_keeps_its_period(
    text: str, days: int
) -> None:
    assert written(text)["deletion_after_termination_days"] == days


def test_a_deletion_control_only_where_available_is_no_control() -> None:
    # written for this test
    text = "You can delete your content at any time through your settings where available."
    assert written(text)["content_retention"] != "customer_controlled"


# Written for these tests: the customer's deletion, beside a deletion that may wait, in one
# sentence; a wait the law imposes leaves the control.
@pytest.mark.parametrize(
    "text",
    [
        "Deletion of your data may be delayed, and you can delete your data at any time.",
        "You can delete your content at any time, and deletion from our servers may take longer.",
    ],
)
def test_a_deletion_that_may_wait_is_no_control_of_the_content(text: str) -> None:
    assert written(text)["content_retention"] == "undisclosed"


def test_a_deletion_the_law_makes_wait_keeps_the_control() -> None:
    text = "You can delete your content at any time and its deletion may be delayed by law."
    assert written(text)["content_retention"] == "customer_controlled"


# Written for this round: the customers who may delete named with more words ("paying
# customers", "account owners"); a plan named makes the control undisclosed, as it is not
# known to be the reader's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paying customers can delete their content at any time.", "undisclosed"),
        ("Enterprise account owners may delete workspace content at any time.", "undisclosed"),
        ("Content in Team workspaces can be deleted by customers at any time.", "undisclosed"),
        ("Account owners can delete their content at any time.", "customer_controlled"),
        ("Users on the free plan can delete their content at any time.", "undisclosed"),
        ("Customers on a Premium plan may delete their files at any time.", "undisclosed"),
        ("Customers can delete their files at any time.", "customer_controlled"),
    ],
)
def test_the_customers_who_may_delete_named_with_more_words(text: str, expected: str) -> None:
    assert written(text) == {"content_retention": expected}


# Written for the sixth pass: "remove", "purge" and "erase" are deletion verbs, read as
# "delete" is, with every hedge that leaves the deadline open ("remove" read nothing before).
DELETION_SENTENCES = [
    ("We {verb} your content from our servers within 30 days after you close your account.", 30),
    ("We {verb} your content up to 30 days after you close your account.", 30),
    ("Upon termination, we will {verb} your content immediately.", 0),
    ("We will {verb} your content within approximately 30 days after termination.", "undisclosed"),
    (
        "We will {verb} your content within 30 days after termination, though copies may remain "
        "in backups.",
        "undisclosed",
    ),
    ("We may {verb} your content 30 days after termination.", "undisclosed"),
    (
        "We will {verb} your content within 30 days after termination, or later if we have a "
        "legitimate reason.",
        "undisclosed",
    ),
    (
        "We will {verb} your content within 30 days after termination if you request it.",
        "undisclosed",
    ),
    ("We aim to {verb} your content within 30 days after termination.", "undisclosed"),
    ("We typically {verb} your content within 30 days after termination.", "undisclosed"),
    ("We will {verb} your content within 30 business days after termination.", "undisclosed"),
    ("Upon termination, we will {verb} your content in a reasonable time.", "undisclosed"),
    ("We will begin to {verb} your content 30 days after termination.", "undisclosed"),
    ("If we deactivate your account, we may {verb} your content.", "undisclosed"),
]


@pytest.mark.parametrize("verb", ["delete", "remove", "purge", "erase"])
@pytest.mark.parametrize(("template", "expected"), DELETION_SENTENCES)
def test_written_every_deletion_verb_reads_as_delete_does(
    verb: str, template: str, expected: object
) -> None:
    assert written(template.format(verb=verb)) == {"deletion_after_termination_days": expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme removes your content within 30 days of termination.", 30),
        ("Your content is removed within 30 days after termination.", 30),
        ("Your content is purged within 30 days after termination.", 30),
        ("Your content is erased within 30 days after termination.", 30),
        ("We will remove your files within 45 days after cancellation.", 45),
    ],
)
def test_written_a_removal_in_any_voice_keeps_its_period(text: str, expected: object) -> None:
    assert written(text) == {"deletion_after_termination_days": expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will remove the content of accounts with no activity for 18 months.", "fixed_period"),
        ("We may remove the content of accounts with no activity for 18 months.", "undisclosed"),
    ],
)
def test_written_a_removal_of_inactive_accounts_reads_as_a_deletion(
    text: str, expected: str
) -> None:
    assert written(text) == {"content_retention": expected}


# Written for the sixth pass: content removed for breaking the rules, or removed by the user,
# is no deletion after the end of the contract.
@pytest.mark.parametrize(
    "text",
    [
        "We may remove any content that violates these terms and terminate your account.",
        "If you breach these terms, we may remove your content or suspend your account.",
        "You can remove your content before you close your account.",
    ],
)
def test_written_a_removal_for_a_breach_or_by_the_user_is_no_deletion_period(text: str) -> None:
    assert "deletion_after_termination_days" not in written(text)


# Written for the sixth pass: the same verbs in a statement of how long content is kept, or of
# the customer's control over it, read as "delete" does.
RETENTION_SENTENCES = [
    ("We automatically {verb} recordings after 30 days.", "fixed_period"),
    ("You can {verb} your content at any time.", "customer_controlled"),
    ("Customers can {verb} their files at any time.", "customer_controlled"),
    ("We will {verb} your content at your request.", "customer_controlled"),
    ("We keep your files until you {verb} them.", "customer_controlled"),
    ("Paying customers can {verb} their content at any time.", "undisclosed"),
    (
        "You can {verb} your content at any time, but we may keep copies in our backups.",
        "undisclosed",
    ),
]


@pytest.mark.parametrize("verb", ["delete", "remove", "purge", "erase"])
@pytest.mark.parametrize(("template", "expected"), RETENTION_SENTENCES)
def test_written_every_deletion_verb_reads_as_delete_does_for_retention(
    verb: str, template: str, expected: str
) -> None:
    assert written(template.format(verb=verb)).get("content_retention") == expected


STACK_OVERFLOW_TOS = "stack-overflow/terms-of-service/2025-11-13.md"


def test_a_licence_that_outlives_the_user_s_removal_is_no_control() -> None:
    quote = (
        "You agree that any and all content, including without limitation any and all text, "
        "graphics, logos, tools, photographs, images, illustrations, software or source code, "
        "audio and video, animations, and product feedback (collectively, “Content”) that you "
        "provide to the public Network (collectively, “Subscriber Content”), is perpetually and "
        "irrevocably licensed to Stack Overflow on a worldwide, royalty-free, non-exclusive "
        "basis pursuant to Creative Commons licensing terms ([CC BY-SA 4.0]"
        "(https://creativecommons.org/licenses/by-sa/4.0/)), and you grant Stack Overflow the "
        "perpetual and irrevocable right and license to access, use, process, copy, distribute, "
        "export, display and to commercially exploit such Subscriber Content, even if such "
        "Subscriber Content has been contributed and subsequently removed by you as reasonably "
        "necessary to, for example (without limitation):"
    )
    assert "content_retention" not in suggested(retention, STACK_OVERFLOW_TOS, quote)


# Written for the sixth pass: what holds "even if" the customer deletes is no control of theirs,
# and content removed for cause is no keeping of it, whatever else the sentence names.
@pytest.mark.parametrize(
    "text",
    [
        "You grant us a perpetual licence to your posts, even if they have been removed by you.",
        "You grant us a perpetual licence to your posts, even if they have been deleted by you.",
        "If we deem it appropriate, we may remove the offending content and temporarily suspend "
        "the account.",
    ],
)
def test_written_no_control_after_even_if_and_no_keeping_for_cause(text: str) -> None:
    assert written(text).get("content_retention") is None


# Written for these tests: the same clause drafted another way keeps its reading. A deletion
# "permanently" made is a deletion (it read undisclosed), "erasure" is "deletion" (it read
# nothing), and a DPA's "personal information processed on behalf of" the customer is its
# "personal data" (it read nothing).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We keep your files available to you until you make the decision to permanently "
            "delete them.",
            {"content_retention": "customer_controlled"},
        ),
        (
            "You may request the return or certificate of erasure of your content at any time.",
            {"content_retention": "customer_controlled"},
        ),
        (
            "Within thirty (30) days after termination, the Processor shall delete all personal "
            "information processed on behalf of the Customer.",
            {"deletion_after_termination_days": 30},
        ),
    ],
)
def test_a_deletion_drafted_another_way_reads_the_same(
    text: str, expected: dict[str, object]
) -> None:
    assert written(text) == expected
