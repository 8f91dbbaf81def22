"""Use of customer data for advertising."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, sentence, suggested, written
from vendorgate.scan.detectors import advertising, detect
from vendorgate.scan.document import sentences


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            "gitlab/privacy-policy/2026-04-19.md",
            "In addition, we use cookies to gather information to provide interest-based "
            "advertising which is tailored to you based on your online activity.",
            "always",
        ),
        (
            "wire/privacy-policy/2023-05-12.md",
            "Your data is also not used for targeted ads, or any other kind of profiling.",
            "never",
        ),
        (
            "zoom/privacy-policy/2024-08-05.md",
            "To opt out of the use of cookies on our sites for interest-based advertising "
            "purposes, follow the instructions above.",
            "opt_out",
        ),
    ],
)
def test_advertising_practice(document: str, quote: str, expected: str) -> None:
    assert suggested(advertising, document, quote) == {"advertising_use": expected}


def test_the_vendor_s_own_marketing_mail_is_not_advertising_with_customer_data() -> None:
    quote = (
        "You agree that Zoom may contact you via email or otherwise at any time with information "
        "relevant to your use of the Services, including billing communications, regardless of "
        "whether you have opted out of receiving marketing communications or notices."
    )
    assert hits(advertising, "zoom/terms-of-service/2026-08-06.md", quote) == []


# Written for these tests: consent the customer gives, and consent only where law requires it.
def test_advertising_after_the_user_s_consent_is_opt_in() -> None:
    assert written("If you give your consent, we use cookies for targeted advertising.") == {
        "advertising_use": "opt_in"
    }


def test_consent_only_where_the_law_requires_it_is_no_opt_in() -> None:
    text = "Where required by law, we obtain your consent before using cookies for advertising."
    assert written(text) == {"advertising_use": "always"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You can opt out of personalised advertising in your settings.", "opt_out"),
        ("We never use customer data for marketing or promotions.", "never"),
    ],
)
def test_written_advertising_cues(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


def test_agreeing_to_the_terms_is_no_consent_to_advertising() -> None:
    text = "If you agree to these terms, we use cookies for targeted advertising."
    assert written(text) == {"advertising_use": "always"}


# Written for these tests: a denial under a condition is not a plain "never".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Where your browser sends a do-not-track signal, we do not use your data for "
            "advertising.",
            "opt_out",
        ),
        (
            "We do not use your personal data for targeted advertising when you are signed in.",
            "undisclosed",
        ),
        ("We do not use your personal data for targeted advertising.", "never"),
    ],
)
def test_a_conditional_denial_of_advertising_is_not_never(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


# Written for these tests: a denied transfer whose purpose is advertising is "never"; a
# denial in another clause is not; turning cookies off is an opt-out; a "Shine the Light"
# notice and the vendor's own ads state no practice.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We do not share your personal data with any third parties for their own "
            "advertising purposes.",
            {"advertising_use": "never"},
        ),
        (
            "While we do not sell your personal data in the conventional sense, we may use "
            "advertising cookies that share data with partners.",
            {"advertising_use": "always", "sale_of_data": "always"},
        ),
        (
            "If you disable advertising cookies, the ads you see may be less relevant.",
            {"advertising_use": "opt_out"},
        ),
        (
            "Under the Shine the Light law, residents may request a list of the personal "
            "information we disclosed to third parties for their direct marketing purposes.",
            {},
        ),
        ("When you click on one of our advertisements, we record your visit.", {}),
    ],
)
def test_written_advertising_denials_and_notices(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: more ways of naming the data and the advertising.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We may give our advertising partners your email address.",
            {"advertising_use": "always"},
        ),
        (
            "We may show you ads about our products on other websites.",
            {"advertising_use": "always"},
        ),
        (
            "We do not allow the collection of personally identifiable information through "
            "advertising technologies without your consent.",
            {"advertising_use": "opt_in"},
        ),
    ],
)
def test_written_advertising_objects(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


def test_a_cookie_opt_out_under_an_advertising_lead_in() -> None:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    text = (
        "**Advertising partners.** We work with partners. You can opt out of these cookies in "
        "the cookie settings.\n"
    )
    found = {(h.fact, h.value) for s in sentences(text) for h in detect(s)}
    assert ("advertising_use", "opt_out") in found


# Written for these tests: pointers, the vendor promoting its own offerings, and what a
# technology is generally used for state no advertising use of the person's data.
@pytest.mark.parametrize(
    "text",
    [
        "Residents can find more information about data sharing for advertising in our notice.",
        "We use your personal information to market, advertise and promote our products.",
        "Pixels are commonly used for advertisements and analytics.",
    ],
)
def test_written_statements_that_are_no_advertising_use(text: str) -> None:
    assert written(text) == {}


def test_the_data_named_by_the_paragraph_an_item_hangs_from() -> None:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    # written for this test: the item names no data, the lead-in above it does
    text = (
        "We share personal data with third parties in these cases:\n\n"
        "- Our partners may help us deliver advertisements.\n"
        "- Vendors provide hosting and advertising services on our behalf.\n"
    )
    found = [(s.text, h.fact) for s in sentences(text) for h in detect(s)]
    assert ("Our partners may help us deliver advertisements.", "advertising_use") in found
    assert not any(fact == "advertising_use" and "Vendors" in said for said, fact in found)


# Written for these tests: a denial for one region does not settle the practice elsewhere.
def test_a_denial_scoped_to_one_region_is_undisclosed() -> None:
    text = "We do not use your data for targeted advertising in the EU."
    assert written(text) == {"advertising_use": "undisclosed"}


def test_no_sale_but_sharing_for_targeted_advertising_is_advertising() -> None:
    text = (
        "We do not sell your personal information, but we may share it with partners for "
        "targeted advertising."
    )
    assert written(text)["advertising_use"] == "always"


@pytest.mark.parametrize(
    "text",
    [
        "We use cookies for targeted advertising; with your consent, we also use your location "
        "to improve the service.",
        "We share personal data with advertising partners for targeted advertising, and we send "
        "you newsletters only with your consent.",
    ],
)
def test_a_consent_in_another_clause_is_no_opt_in_to_advertising(text: str) -> None:
    assert written(text) == {"advertising_use": "always"}


def test_advertising_where_the_person_has_consented_is_opt_in() -> None:
    text = (
        "We may use your personal information for personalized advertising where you have "
        "consented."
    )
    assert written(text) == {"advertising_use": "opt_in"}


def test_a_negation_describing_the_data_does_not_deny_the_advertising() -> None:
    text = "We use information that does not identify you for targeted advertising."
    assert written(text) == {"advertising_use": "always"}


def test_a_describing_clause_whose_verb_is_the_transfer_still_denies_it() -> None:
    text = (
        "We use your personal data, which is never shared with third parties for advertising, "
        "to improve our service."
    )
    assert written(text)["advertising_use"] == "never"


# Written for these tests: a denial for children's data says nothing of adults' data.
@pytest.mark.parametrize(
    "text",
    [
        "We do not knowingly use data of children for advertising.",
        "We do not use the personal data of users under 16 for personalised advertising.",
    ],
)
def test_a_denial_scoped_to_children_is_undisclosed(text: str) -> None:
    assert written(text) == {"advertising_use": "undisclosed"}


# Written for these tests: "not ... without a choice to object" runs until the person objects.
def test_a_denial_without_a_choice_to_object_is_opt_out() -> None:
    text = "We do not use your data for advertising without giving you a choice to object."
    assert written(text) == {"advertising_use": "opt_out"}


# Written for these tests: "with the exception of" carves out of the denial like "except".
def test_a_denial_of_advertising_with_the_exception_of_is_not_never() -> None:
    text = (
        "We do not use your personal data for targeted advertising, with the exception of ads "
        "for our own plans."
    )
    assert written(text)["advertising_use"] == "always"


# Written for these tests: words stressing a denial between the "not" and its verb.
def test_a_denial_of_advertising_stressed_between_not_and_the_verb_is_never() -> None:
    text = "We do not, at any time, use your personal data for advertising."
    assert written(text) == {"advertising_use": "never"}


# Written for these tests: ads shown again to past visitors (by whatever name), one ad or an
# "advert", the vendor's products promoted to the person elsewhere, and the data named by its
# technical kind.
@pytest.mark.parametrize(
    "text",
    [
        "We run remarketing campaigns aimed at people who viewed our pricing page.",
        "Visitors to our blog may be retargeted by our partners.",
        "After you leave our site, you may see an ad for our paid plan.",
        "Our tags let us promote our tools to you on partner websites.",
        "An ad network receives your IP address to pick the adverts you see.",
        "Advertisers place beacons in our pages to track whether you click on their offers.",
    ],
)
def test_more_ways_of_stating_advertising_with_the_person_s_data(text: str) -> None:
    assert written(text) == {"advertising_use": "always"}


def test_an_ad_hoc_request_is_no_advertising() -> None:
    assert written("We may handle an ad hoc request for your personal data by email.") == {}


# Written for these tests: a browser's privacy signal that stops the practice is a way out of
# it; ignoring such signals is none.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "If our servers get a DNT signal from your browser, we stop using tags to advertise "
            "our plans on other sites.",
            "opt_out",
        ),
        (
            "We do not respond to Do Not Track signals, and we use cookies for targeted "
            "advertising.",
            "always",
        ),
    ],
)
def test_a_privacy_signal_that_stops_advertising(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


# Written for these tests: what the person keeps in the service as the data; the advertisers
# as the subject of a denial, which leaves the vendor's own choice of ads open; and a denial
# another clause or an exception takes back.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never let advertisers target you based on your documents.", "never"),
        ("Advertisers never get access to your messages.", "undisclosed"),
        ("Our ad partners cannot read your notes.", "undisclosed"),
        (
            "Advertisers who do not follow our rules are removed, and we share your data with "
            "the others.",
            "always",
        ),
        ("Advertisers cannot see your photos unless you make them public.", "always"),
    ],
)
def test_advertisers_denied_the_person_s_data(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


# Written for these tests: a bare "information" denied as the subject, or handed over as "any
# information"; a request for information about ads names no data.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kept from the ad networks: the vendor may still choose ads with it
        ("No information is passed to advertising networks.", {"advertising_use": "undisclosed"}),
        ("We never provide any information to ad partners.", {"advertising_use": "undisclosed"}),
        (
            "We share any information you make public with advertisers.",
            {"advertising_use": "always"},
        ),
        ("Ask us for any information about advertising on our forum.", {}),
    ],
)
def test_a_bare_information_denied_or_handed_to_advertisers(
    text: str, expected: dict[str, str]
) -> None:
    assert written(text) == expected


# Written for these tests: a denial for one kind of data, then "although" another kind is used.
def test_a_denial_of_advertising_with_an_although_clause_is_not_never() -> None:
    text = (
        "We do not use customer content for advertising, although we may use account data to "
        "target you with offers."
    )
    assert written(text)["advertising_use"] == "always"


# Written for these tests: the data denied as the subject of a passive ("no information is
# passed ..."), however far the advertising stands from the "no"; a "no" that denies nothing
# done to the data, a "but" clause and a carve-out leave the practice open.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No information is passed to third parties for advertising.", "never"),
        ("No customer data will be used to target ads.", "never"),
        (
            "None of the information you give us is ever passed on to third parties for "
            "advertising purposes.",
            "never",
        ),
        ("No information about our products is more useful than the ads.", "always"),
        ("No personal data is shared with our partners, but we use your data for ads.", "always"),
        (
            "No information is passed to third parties for advertising, except with your consent.",
            "undisclosed",
        ),
        (
            "No information about EU users is passed to third parties for advertising.",
            "undisclosed",
        ),
    ],
)
def test_the_data_denied_as_the_subject_of_a_passive(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


# Written for these tests: other verbs handing the data over, denied before their purpose.
@pytest.mark.parametrize(
    "text",
    [
        "We do not pass any information to third parties for advertising.",
        "We never send your personal data to anyone for targeted advertising.",
        "We do not hand over your usage data for advertising purposes.",
    ],
)
def test_more_verbs_of_handing_over_denied_before_the_advertising(text: str) -> None:
    assert written(text) == {"advertising_use": "never"}


# Written for these tests: a denial of ad use in the past tense, or for a past period,
# promises nothing about what will be done; one in the present keeps the never.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We have not shared personal information for cross-context behavioral advertising in "
            "the last 12 months.",
            "undisclosed",
        ),
        ("Your data has never been used for advertising.", "undisclosed"),
        ("Your data has never been used for advertising, and it never will be.", "never"),
    ],
)
def test_a_denial_of_advertising_for_a_time_gone_by(text: str, expected: str) -> None:
    assert written(text)["advertising_use"] == expected


def test_a_denial_of_advertising_taken_back_by_however() -> None:
    # written for this test
    text = (
        "We do not use your personal data for advertising; however, our advertising partners "
        "may collect information through cookies."
    )
    assert written(text) == {"advertising_use": "always"}


# Written for these tests: a denial "by default", or the practice stated as off by default,
# holds until the person turns it on; a way to turn it off makes it opt_out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not use your data for personalized ads by default.", "opt_in"),
        ("Personalized ads are off by default.", "opt_in"),
        (
            "Personalized ads are turned off by default, and you can turn them on in your "
            "settings.",
            "opt_in",
        ),
        (
            "We do not use your data for advertising by default, but you can turn off ad "
            "personalization in settings.",
            "opt_out",
        ),
        ("Personalized ads are on by default.", "always"),
    ],
)
def test_advertising_off_by_default(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


def test_a_denial_of_ad_use_of_what_identifies_the_person_is_scoped() -> None:
    # written for this test: hashed or pseudonymous identifiers may still serve ads
    text = "We do not use information that identifies you for targeted ads."
    assert written(text) == {"advertising_use": "undisclosed"}


# Written for these tests: a denial of ad use held on one of the vendor's surfaces, or for
# one sensitive kind of data, leaves the rest open; "only on our website" states the practice.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our mobile apps do not use your data for ads.", "undisclosed"),
        ("We do not use advertising cookies on our website.", "undisclosed"),
        ("We do not use cookies for advertising in our app, only on our website.", "always"),
        ("We do not use sensitive personal information for advertising.", "undisclosed"),
        ("We do not use your precise location for targeted advertising.", "undisclosed"),
        ("We do not use your data for advertising on other websites.", "never"),
    ],
)
def test_a_denial_of_ad_use_on_one_surface_or_of_one_kind_of_data(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


def test_an_example_of_sharing_the_person_consents_to_is_opt_in() -> None:
    document = "evernote/privacy-policy/2026-04-24.md"
    before = (
        "We also may disclose personal data about you to third parties whenever you consent "
        "to or direct such sharing."
    )
    quote = (
        "This includes, for example, to show you personalized advertising or if you connect "
        "your Evernote account with a third-party app in the App Center."
    )
    found = sentences(before + " " + quote)
    sentence(document, before)
    sentence(document, quote)
    assert [hit.value for hit in detect(found[1]) if hit.fact == "advertising_use"] == ["opt_in"]


# Written for these tests: examples of a practice stated before them with the person's
# consent; without the consent, with a way out, or with an exception, they are not opt_in.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We share your data with partners with your consent. This includes personalized "
            "advertising.",
            "opt_in",
        ),
        ("We share your data with partners. This includes personalized advertising.", "always"),
        (
            "We share your data with partners with your consent. This includes personalized "
            "advertising, except for cookies set by us.",
            "always",
        ),
        (
            "Whenever you have consented, we use cookies for personalized advertising.",
            "opt_in",
        ),
        (
            "Where required by law, we share your data with partners with your consent. This "
            "includes personalized advertising.",
            "always",
        ),
    ],
)
def test_examples_of_a_practice_the_person_consents_to(text: str, expected: str) -> None:
    found = sentences(text)
    assert [h.value for h in detect(found[-1]) if h.fact == "advertising_use"] == [expected]


def test_an_app_directory_is_no_surface_of_the_vendor() -> None:
    # written for this test
    text = "We do not use your data for advertising in the App Center."
    assert written(text) == {"advertising_use": "never"}


# Written for these tests: a clause opening with its denial ("At no time", "Neither we nor")
# denies the verb however far the advertising stands; a consent or a carve-out after it
# still counts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At no time will your personal data be used for advertising.", "never"),
        ("Neither we nor our partners use your personal data for advertising.", "never"),
        (
            "Under no circumstances will we pass your personal data to third parties for "
            "advertising.",
            "never",
        ),
        (
            "At no time will your personal data be used for advertising without your consent.",
            "opt_in",
        ),
        (
            "At no time will your personal data be used for advertising, except for our own "
            "products.",
            "always",
        ),
        (
            "At no time are we, our affiliates or our resellers responsible for the ads that "
            "other sites choose from your browsing history.",
            "always",
        ),
    ],
)
def test_a_clause_opening_with_its_denial(text: str, expected: str) -> None:
    assert written(text) == {"advertising_use": expected}


# Written for these tests: "X, not Y, do it" denies the practice of Y only, and states it of X.
@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Our partners, not us, use your data to target ads.", "advertising_use"),
        ("It is our partners, not Acme, that use your data for advertising.", "advertising_use"),
        (
            "Your data is used by our partners, not by us, for targeted advertising.",
            "advertising_use",
        ),
        ("Our partners, not us, sell your personal information.", "sale_of_data"),
    ],
)
def test_a_practice_denied_of_one_party_and_stated_of_another(text: str, fact: str) -> None:
    assert written(text)[fact] == "always"


@pytest.mark.parametrize(
    "text",
    [
        # the purpose contrasted: a denial of the advertising
        "We use your data to run the service, not to target ads.",
        # a contrast set inside a denial leaves the denial
        "We will never, and not under any circumstances, use your data for advertising.",
        "We do not use your data, not even your email address, for advertising.",
    ],
)
def test_a_contrast_beside_a_denial_leaves_it(text: str) -> None:
    assert written(text)["advertising_use"] == "never"


# Written for these tests: wordings a quick reader takes for a denial of advertising.
@pytest.mark.parametrize(
    "text",
    [
        "We don't sell ads on your data, but we use it to show you relevant offers.",
        "We do not use the content of your emails for advertising.",
        "We do not use the content of your emails to show you ads.",
        "We do not use your files for advertising purposes.",
        "We don't use your messages to target ads.",
        "We do not use cookies for advertising.",
        # others' ads, one surface, one group, one kind of data or of targeting
        "We do not use your personal information for third-party advertising.",
        "Your data is never used for advertising by third parties.",
        "We do not use your data for advertising on our platform.",
        "Paying subscribers do not see ads based on their data.",
        "We do not show you ads based on sensitive categories of data.",
        "We do not use your personal information for targeted advertising based on your "
        "activity across non-affiliated websites.",
        # the same use under another name, after a dash or a semicolon
        "We don't use your data for ads - we use it to show you sponsored recommendations.",
        "We don't use your data for ads; we use it to show you tailored offers.",
        "We do not use your data for personalised ads; we use it for contextual ads.",
        # the ads of one law's definition only
        "We do not engage in cross-context behavioral advertising.",
        "We do not use your personal data for advertising purposes as described in the CCPA.",
        # one group of people, described
        "We do not serve targeted ads to users we know are under 16.",
    ],
)
def test_a_denial_of_one_kind_of_data_or_use_is_no_denial_of_advertising(text: str) -> None:
    assert written(text)["advertising_use"] not in ("never", "opt_in")


@pytest.mark.parametrize(
    "text",
    [
        "We do not use your personal data for advertising.",
        "We do not use your information for advertising purposes.",
    ],
)
def test_a_denial_of_the_data_as_a_whole_still_denies_advertising(text: str) -> None:
    assert written(text)["advertising_use"] == "never"


def test_consent_to_cookies_for_ads_stays_the_person_s_yes() -> None:
    # written for this test: the technology named beside a consent is how the ads wait for it
    assert written("We only use cookies for advertising with your consent.") == {
        "advertising_use": "opt_in"
    }


# Written for these tests: advertising_use covers all customer data, account and usage data
# too; a denial for the content alone leaves those open. One naming the data as a whole beside
# the content denies it all.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never use customer content for marketing or promotions.", "undisclosed"),
        ("We will not use any Customer Content to advertise to your users.", "undisclosed"),
        ("No customer content will be used to target ads.", "undisclosed"),
        (
            "We use your content, which is never shared with third parties for advertising, to "
            "improve our service.",
            "undisclosed",
        ),
        ("We do not use your content or personal data for advertising.", "never"),
        ("We do not use customer content or other customer data for advertising.", "never"),
    ],
)
def test_a_denial_for_the_content_alone_leaves_other_data_open(text: str, expected: str) -> None:
    assert written(text)["advertising_use"] == expected


# Written for these tests: an aside naming part of the denied data (", including your
# content,", "(including ...)") widens nothing, so the denial before it still reaches the ads
# after it; the near cases keep their readings (a use stated, one kind of data denied, the data
# used after a "but").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never use your personal data, including your content, for ads.", "never"),
        ("We never use your personal data (including your content) for ads.", "never"),
        ("We do not use your personal data, including your files, for advertising.", "never"),
        (
            "We do not use your personal data, including but not limited to your files, for "
            "advertising.",
            "never",
        ),
        ("We use your personal data, including your content, for ads.", "always"),
        ("We never use your messages, including their attachments, for ads.", "undisclosed"),
        (
            "We never use your files, including your photos, but we use your data for ads.",
            "always",
        ),
    ],
)
def test_an_aside_naming_part_of_the_denied_data_widens_nothing(text: str, expected: str) -> None:
    assert written(text)["advertising_use"] == expected


# Written for these tests: common wordings of ads chosen from what is known of the person, each
# a use of the person's data for advertising even where no data word stands beside the ads.
@pytest.mark.parametrize(
    "text",
    [
        "We work with advertising partners who may collect information about you.",
        "We show you ads based on your activity on our services.",
        "We may serve ads based on your location.",
        "Ads you see may be based on your interests.",
        "We use pixels for advertising and measurement.",
        "We may use what you do on our site to target ads to you.",
        "We share information with advertising partners.",
    ],
)
def test_written_ads_chosen_from_the_person_s_data_are_found(text: str) -> None:
    assert written(text) == {"advertising_use": "always"}


def test_a_use_for_ads_in_a_later_clause_beats_a_denial_in_an_earlier_one() -> None:
    # written for this test: the files are denied, the usage data is used; the use wins
    text = "We do not use your files for ads; we do use your usage data for personalised ads."
    assert written(text) == {"advertising_use": "always"}


def test_a_denial_in_both_clauses_stays_a_denial() -> None:
    # written for this test
    text = "We do not use your data for advertising; nor do we use it for targeted ads."
    assert written(text) == {"advertising_use": "never"}


# Written for these tests: a denial in one paragraph and ads chosen from the person's data in
# another; the least permissive reading wins.
@pytest.mark.parametrize(
    "text",
    [
        "We never use your content for advertising.\n\nWe show you ads based on your activity.",
        "We never use your personal data for advertising.\n\nOur advertising partners may collect "
        "information about your visits.",
        "We do not use your content for advertising.\n\nWe use account data to personalise ads.",
    ],
)
def test_a_denial_beside_ads_chosen_from_the_person_s_data_is_no_denial(text: str) -> None:
    from vendorgate.scan.scanner import scan_text, suggest

    found = {s.fact: s.value for s in suggest(scan_text(text))}
    assert found["advertising_use"] == "always"


# Written for this round: ads served through ad networks or other third parties, with no data
# named. The vocabulary's advertising_use covers customer data (cookies and activity on the
# vendor's sites among it) used for advertising to third parties; an ad network serving ads on
# the service works from that data, so the vendor's practice is stated.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We partner with ad networks to serve ads.", "always"),
        ("Third-party ad networks may display advertisements on our Services.", "always"),
        ("Ads on the Service are served by our advertising partners.", "always"),
        ("The Provider works with third parties to show ads to users of the free plan.", "always"),
        # a denial of third-party ad tech alone leaves the vendor's own use of the data open
        ("We do not partner with ad networks to serve ads.", "undisclosed"),
    ],
)
def test_ads_served_through_ad_networks(text: str, expected: str) -> None:
    assert written(text)["advertising_use"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may not use the Services to serve ads through ad networks.",
        "You agree not to display advertisements from third-party ad networks on the Service.",
    ],
)
def test_the_user_serving_ads_is_no_practice_of_the_vendor(text: str) -> None:
    assert "advertising_use" not in written(text)


def test_serving_ads_in_a_list_of_the_user_s_prohibited_acts_is_no_practice() -> None:
    text = (
        "You agree not to:\n\n"
        "- serve ads through ad networks on the Service;\n"
        "- display advertisements from third parties on your pages."
    )
    found = [hit for s in sentences(text) for hit in detect(s)]
    assert [hit for hit in found if hit.fact == "advertising_use"] == []


# Written for these tests: a "don't track" signal is a "do not track" one (it read undisclosed).
@pytest.mark.parametrize(
    "text",
    [
        'We honor "don\'t track" signals and stop serving targeted ads when one is sent.',
        "Acme honors \"don't track\" signals and doesn't use advertising cookies when such a "
        "signal is sent.",
    ],
)
def test_a_contracted_do_not_track_signal_is_a_choice(text: str) -> None:
    assert written(text) == {"advertising_use": "opt_out"}
