"""AI / ML training: which data, what practice, third-party models, and what is not training."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested, written
from vendorgate.scan.detectors import ai_training, detect
from vendorgate.scan.document import sentences
from vendorgate.scan.scanner import scan_text, suggest

ZOOM_2023_08_11 = "zoom/terms-of-service/2023-08-11.md"


@pytest.mark.parametrize(
    ("document", "quote", "expected"),
    [
        (
            ZOOM_2023_08_11,
            "Zoom does not use any of your audio, video, chat, screen sharing, attachments or "
            "other communications-like Customer Content (such as poll results, whiteboard and "
            "reactions) to train Zoom or third-party artificial intelligence models.",
            {"ai_training_customer_content": "never", "ai_training_third_party": "never"},
        ),
        (
            "gitlab/privacy-policy/2026-04-19.md",
            "However, we will not use your AI-inputs to train any language models without your "
            "instruction or prior consent.",
            {"ai_training_customer_content": "opt_in"},
        ),
        (
            "miro/privacy-policy/2026-03-11.md",
            "For example, we make Services suggestions based on historical use and predictive "
            "models, identify organizational trends and insights, customize your experience of "
            "the Services, or to create and develop new features and products.",
            {"ai_training_service_data": "always"},
        ),
    ],
)
def test_training_practice_is_read_per_kind_of_data(
    document: str, quote: str, expected: dict[str, str]
) -> None:
    assert suggested(ai_training, document, quote) == expected


def test_a_notwithstanding_sentence_overrides_what_came_before() -> None:
    found = hits(
        ai_training,
        "zoom/terms-of-service/2023-08-07.md",
        "Notwithstanding the above, Zoom will not use audio, video or chat Customer Content to "
        "train our artificial intelligence models without your consent.",
    )
    assert [(h.fact, h.value, h.override, h.strength) for h in found] == [
        ("ai_training_customer_content", "opt_in", True, 2)
    ]


def test_staff_trained_on_data_protection_is_not_model_training() -> None:
    quote = (
        "Sinch Email shall ensure that each of its, and sub-processors', personnel that is "
        "authorized to process the Customer's Personal Data is subject to confidentiality "
        "undertakings or professional or statutory obligations of confidentiality and are trained "
        "with the relevant security and Data Protection requirements."
    )
    assert hits(ai_training, "mailjet/data-processor-agreement/2025-01-17.md", quote) == []


# Sentences below are written for these tests (no vendor's words), in the phrasings the cues
# are meant to generalise over.
CONTENT = "ai_training_customer_content"
SERVICE = "ai_training_service_data"


@pytest.mark.parametrize(
    "text",
    [
        "You must not use the Services to develop competing models.",
        "You may not use any output to train a machine learning model that competes with us.",
        "You agree not to use the Services to build or train artificial intelligence models.",
        "Customer shall not (and shall not permit any third party to) use the Services to "
        "develop competing machine learning models.",
        "Do not use the outputs to train your own AI models.",
    ],
)
def test_what_binds_the_user_is_no_commitment_of_the_vendor(text: str) -> None:
    assert written(text) == {}


def test_a_user_prohibition_does_not_hide_the_vendor_s_own_clause_after_it() -> None:
    text = (
        "You may not use the Services to develop competing models; we use your content to "
        "improve our models."
    )
    assert written(text) == {CONTENT: "always"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not use your content to train our AI models.", "never"),
        ("Acme does not train its models on customer content.", "never"),
        ("Your content isn't used to train AI.", "never"),
        ("Your files aren't used to train our machine learning models.", "never"),
        ("We never use your messages to train artificial intelligence.", "never"),
        ("No customer content is used to train our models.", "never"),
        ("We will not use your content to train our models without your permission.", "opt_in"),
        (
            "With the consent of your administrator, we may use your content to train our models.",
            "opt_in",
        ),
        ("Your content is used to train our AI models only if you opt in.", "opt_in"),
    ],
)
def test_negation_and_consent(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We use your content to improve our models, but you can turn off this use in your "
        "account settings.",
        "You may opt out of having your content used to train our AI models.",
        "You can opt out in your settings at any time if you do not want your documents used to "
        "train our models.",
        "Training controls in your account settings let you decide whether your content is used "
        "to improve our AI.",
        "You can disable the use of your files for machine learning training.",
    ],
)
def test_settings_and_opt_out_cues_give_opt_out(text: str) -> None:
    assert written(text)[CONTENT] == "opt_out"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your content may help train our suggestion engine.", {CONTENT: "always"}),
        ("We use your data to improve our models.", {CONTENT: "always"}),
        (
            "We use information about how you use the service to develop and improve our "
            "machine learning.",
            {SERVICE: "always"},
        ),
        (
            "We process usage data, including but not limited to clicks and page views, to "
            "improve our AI models.",
            {SERVICE: "always"},
        ),
        ("You cannot opt out of the use of telemetry to train our models.", {SERVICE: "always"}),
        ("We update our business model from time to time to improve our services.", {}),
    ],
)
def test_training_purposes_and_what_negates_nothing(text: str, expected: dict[str, str]) -> None:
    found = {k: v for k, v in written(text).items() if k.startswith("ai_training")}
    assert found == expected


def test_each_clause_is_read_for_its_own_negation_and_its_own_data() -> None:
    assert (
        written("We do not sell your content, but we use it to train our models.")[CONTENT]
        == "always"
    )
    mixed = written(
        "We do not use your content to train models, but we may use usage data to improve our "
        "machine learning."
    )
    assert (mixed[CONTENT], mixed[SERVICE]) == ("never", "always")


def test_a_consent_someone_else_gives_is_not_the_customer_s_opt_in() -> None:
    text = (
        "We will not use your content to train AI models without the prior written consent of Acme."
    )
    assert written(text)[CONTENT] != "opt_in"


def test_a_right_to_start_training_later_is_no_never() -> None:
    text = (
        "We don't currently use your content to train our AI models, but we may begin doing so "
        "in the future."
    )
    assert written(text)[CONTENT] == "always"


# Written for these tests: two kinds of data side by side, and third-party model providers.
def test_content_and_service_data_named_side_by_side_are_both_training_facts() -> None:
    text = "We use usage data and customer content to train our machine learning models."
    assert written(text) == {
        "ai_training_customer_content": "always",
        "ai_training_service_data": "always",
    }


def test_service_data_about_content_is_service_data_only() -> None:
    text = "We may use service usage data about your files to train our models."
    assert written(text) == {"ai_training_service_data": "always"}


def test_third_party_providers_training_their_own_models() -> None:
    text = "Our AI providers do not use your prompts to train their own models."
    assert written(text)["ai_training_third_party"] == "never"


# Written for these tests: an exception to a denial of training leaves the value unsettled;
# "unless you instruct us" is the customer's consent.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We do not use your files to train machine learning models, except where you share "
            "them with our research program.",
            "undisclosed",
        ),
        (
            "We will not use your content to train our AI models unless you instruct us to.",
            "opt_in",
        ),
        ("We do not use your files to train machine learning models.", "never"),
    ],
)
def test_an_exception_to_a_denial_of_training(text: str, expected: str) -> None:
    assert written(text) == {"ai_training_customer_content": expected}


# Written for these tests: a definition, a feature where the user trains the models, or data
# named "AI inputs" states no training by the vendor.
@pytest.mark.parametrize(
    "text",
    [
        '"Training Set" means a collection of records used to train machine learning models.',
        "With the studio, you can upload, label and train your own models.",
        "We may use AI inputs for analytics and product development.",
    ],
)
def test_no_training_practice_of_the_vendor(text: str) -> None:
    assert not {fact for fact in written(text) if fact.startswith("ai_training")}


def test_a_provider_training_its_own_models_is_the_third_party_fact_alone() -> None:
    text = (
        "This agreement does not, however, allow us to give your prompts to AI model providers "
        "for their own model training."
    )
    assert written(text) == {"ai_training_third_party": "never"}


def test_they_training_their_own_models_is_the_third_party_fact() -> None:
    # written for this test: "they" are the providers named in the sentence before
    text = "They do not use your prompts for training their machine learning models."
    assert written(text) == {"ai_training_third_party": "never"}


def test_customer_content_used_to_train_is_not_a_user_s_own_training() -> None:
    text = "Customer content is used to train our models."
    assert written(text) == {"ai_training_customer_content": "always"}


def test_personal_data_in_general_is_content_and_service_data() -> None:
    # written for this test: a privacy policy's "personal data" covers both kinds
    text = "We use personal data to develop and improve our machine learning models."
    assert written(text) == {
        "ai_training_customer_content": "always",
        "ai_training_service_data": "always",
    }


def test_an_opt_out_named_after_the_training_it_stops() -> None:
    from vendorgate.scan.detectors import detect
    from vendorgate.scan.document import sentences

    # written for this test: the second sentence names the opt-out, the first the training
    # (which reads that way out in its next sentence, so both are opt_out)
    text = (
        "We may use your files to train our machine learning models. If you opt out, we "
        "will stop using them for these purposes.\n"
    )
    found = [(h.fact, h.value) for s in sentences(text) for h in detect(s)]
    assert found == [
        ("ai_training_customer_content", "opt_out"),
        ("ai_training_customer_content", "opt_out"),
    ]


def test_a_denial_under_a_condition_before_it_is_undisclosed() -> None:
    # written for this test: the training is in the main clause, not in a carve-out
    text = "If you are an enterprise customer, we do not use your content to train AI models."
    assert written(text) == {"ai_training_customer_content": "undisclosed"}


# Written for these tests: denials that hold only for part of the data, of the customers or of
# the time, which must not read as a plain "never".
@pytest.mark.parametrize(
    "text",
    [
        "We use information that is not linked to your account, such as your content, to train "
        "our AI models.",
        "We use your content, which is never shared with advertisers, to train our machine "
        "learning models.",
        "We use the content you provide, as well as data that does not identify you, to develop "
        "and train our AI models.",
        "We may use your content to train AI models that do not identify you.",
        # the data described as no longer identifying anyone
        "Your files, once stripped of identifiers so that they can no longer be linked to you, "
        "may be used to train our machine learning models.",
        "We may use de-identified records that are no longer personal data to improve our AI "
        "models.",
        "Content that no longer relates to an identifiable person may help train our AI models.",
    ],
)
def test_a_negation_describing_the_data_does_not_deny_the_training(text: str) -> None:
    assert written(text)[CONTENT] == "always"


def test_a_denial_of_training_on_personal_data_is_still_a_denial() -> None:
    # written for this test: "not" before the verb denies the use, not who the data identifies
    assert written("We do not use personal data to train our AI models.")[CONTENT] == "never"


def test_a_denial_still_reads_as_one_when_the_data_is_described_first() -> None:
    assert written("Content that you share is not used to train our AI models.")[CONTENT] == "never"


@pytest.mark.parametrize(
    "text",
    [
        "Our policy is to not use your content to train AI, though we may use it to improve our "
        "machine learning models.",
        "We do not use your content to train AI models, although we may use it to develop our "
        "machine learning.",
    ],
)
def test_though_starts_a_clause_of_its_own(text: str) -> None:
    assert written(text)[CONTENT] == "always"


def test_an_opening_concession_ends_at_its_comma() -> None:
    found = written(
        "Although we do not train our AI models on your content, we use usage data to train our "
        "AI models."
    )
    assert (found[CONTENT], found[SERVICE]) == ("never", "always")


@pytest.mark.parametrize(
    "text",
    [
        "Enterprise customers' content is not used to train our AI models.",
        "For Enterprise plans, we do not use your content to train our models.",
        "If you are a business customer, we will not use your content to train our AI models.",
        "For users in the EU, we do not use your content to train our AI models.",
        "Content you submit through the API is not used to train our models.",
        "We do not use content from paid workspaces to train our AI models.",
        "We do not use your private messages to train our AI models.",
        "For EU users, we use your content to train our AI models only with your consent.",
        # written for this round: plans named by the other words vendors give their tiers, and
        # the paying customers as who is covered
        "We never use content from Plus subscribers to train our AI models.",
        "For Professional accounts, we do not use your content to train our models.",
        "We do not use the content of Starter or Basic plans to train our models.",
        "We do not use paying customers' data to train our models.",
    ],
)
def test_a_denial_scoped_to_one_plan_channel_region_or_kind_of_data_is_undisclosed(
    text: str,
) -> None:
    assert written(text)[CONTENT] == "undisclosed"


@pytest.mark.parametrize(
    "text",
    [
        "Your content is not used to train our models by default; you can turn it on in settings.",
        "By default, we do not use your content to train our AI models.",
    ],
)
def test_a_denial_by_default_is_opt_in(text: str) -> None:
    assert written(text)[CONTENT] == "opt_in"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not use your content to train our models unless you opt in.", "opt_in"),
        (
            "We do not use your content to train our AI models unless you choose to share it "
            "with us.",
            "opt_in",
        ),
        ("We will use your content to train AI models, unless you opt out.", "opt_out"),
        ("Unless you opt out, we use your content to train our AI models.", "opt_out"),
    ],
)
def test_unless_the_person_acts(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Our AI providers may not use your content to train their models.",
        "Our third-party model providers do not use your data to train their models.",
    ],
)
def test_a_denial_about_providers_is_the_third_party_fact_alone(text: str) -> None:
    assert written(text) == {"ai_training_third_party": "never"}


def test_a_consent_in_another_clause_is_consent_to_something_else() -> None:
    text = (
        "We use your content to train our AI models; with your consent, we also share your email "
        "address with partners."
    )
    assert written(text)[CONTENT] == "always"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Where we do not need your consent, we may use your content to train our AI models.",
            "always",
        ),
        ("Because we do not show ads, we use your content to train our AI models.", "always"),
        ("Unless you opt in, we do not use your content to train our AI models.", "opt_in"),
        ("Once you opt in, we use your content to train our AI models.", "opt_in"),
    ],
)
def test_an_opening_subordinate_clause_keeps_its_negation_but_lends_its_consent(
    text: str, expected: str
) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We use OpenAI to power this feature, and OpenAI does not use your inputs to train its "
        "models.",
        "We do not permit our AI vendors to train on your data.",
        "Our subprocessors are contractually prohibited from using your content to train their "
        "AI models.",
    ],
)
def test_a_denial_binding_a_provider_is_the_third_party_fact_alone(text: str) -> None:
    found = {k: v for k, v in written(text).items() if k.startswith("ai_training")}
    assert found == {"ai_training_third_party": "never"}


@pytest.mark.parametrize(
    "text",
    [
        "Our support staff are trained in data protection and confidentiality obligations.",
        "Calls with our team may be recorded for coaching and training purposes.",
        "We offer onboarding and training for administrators of your workspace.",
    ],
)
def test_staff_or_service_training_is_not_model_training(text: str) -> None:
    assert not any(k.startswith("ai_training") for k in written(text))


def test_staff_training_beside_a_model_training_leaves_the_model_training() -> None:
    text = "Calls may be recorded for coaching and training purposes, and to improve our AI models."
    assert written(text)[CONTENT] == "always"


@pytest.mark.parametrize(
    "text",
    [
        "We don't train our models on your files, but we do train them on usage data.",
        "We do not train our AI models on customer content, but we may use telemetry to train "
        "them.",
    ],
)
def test_a_denial_covers_only_its_data_and_a_pronoun_takes_up_the_models(text: str) -> None:
    found = written(text)
    assert (found[CONTENT], found[SERVICE]) == ("never", "always")


def test_a_pronoun_alone_names_no_training() -> None:
    assert "ai_training_customer_content" not in written("We train them to help you.")


def test_a_describing_clause_whose_verb_is_the_training_still_denies_it() -> None:
    assert written("We collect content that is never used to train our AI models.")[CONTENT] == (
        "never"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Unless you tell us otherwise, we may use your content to train our AI models.",
            "opt_out",
        ),
        ("We do not use your content to train our AI models unless you instruct us to.", "opt_in"),
        ("We do not use your content to train our AI models without notice to you.", "undisclosed"),
        (
            "Your data is not used to train generative AI models that are available to other "
            "customers.",
            "undisclosed",
        ),
        ("We do not use your content to train foundation models.", "undisclosed"),
    ],
)
def test_unless_notice_and_which_models_the_denial_covers(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We don't currently use your content to train our AI models.",
        "We do not currently use Customer Data to train machine learning models.",
        "At this time, we do not use your files to train our models.",
        "Acme does not yet use your messages to train artificial intelligence.",
    ],
)
def test_a_denial_of_today_only_promises_no_never(text: str) -> None:
    assert written(text)[CONTENT] == "undisclosed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our AI providers do not retain or train on your data.", "never"),
        ("Our model providers are not permitted to use your prompts for training.", "never"),
        ("That provider may use your inputs to train its models.", "always"),
    ],
)
def test_a_clause_whose_subject_is_a_provider_is_the_third_party_fact_alone(
    text: str, expected: str
) -> None:
    found = {k: v for k, v in written(text).items() if k.startswith("ai_training")}
    assert found == {"ai_training_third_party": expected}


def test_the_vendor_sharing_the_subject_with_its_providers_is_both_facts() -> None:
    text = "Neither we nor our AI providers use your content to train models."
    assert written(text) == {CONTENT: "never", "ai_training_third_party": "never"}


def test_a_denial_of_third_party_models_only_says_nothing_of_the_vendor_s_own() -> None:
    text = "Your prompts are not used to train third-party AI models."
    assert written(text) == {"ai_training_third_party": "never"}


def test_a_third_party_service_the_customer_connects_is_no_provider_of_the_vendor() -> None:
    text = (
        "If you connect a third-party AI tool, that provider may use your data to train its "
        "models under its own terms."
    )
    assert not any(k.startswith("ai_training") for k in written(text))


@pytest.mark.parametrize(
    "text",
    [
        "Does Acme use my content to train AI models?",
        "Please see Section 5 for how we use your data to train AI models.",
        "To learn more about how we train our models, read our AI FAQ.",
        "We develop new features, including features that use artificial intelligence.",
        "We build models of how our infrastructure performs to plan capacity.",
        "You can use our API to build and train your own models.",
        "We offer training courses and certification programs on artificial intelligence.",
        "Acme provides a platform for training and deploying machine learning models.",
        "Our researchers develop new machine learning techniques and publish papers.",
        "We may improve our AI features based on general industry research.",
    ],
)
def test_questions_pointers_features_and_courses_state_no_training(text: str) -> None:
    assert not any(k.startswith("ai_training") for k in written(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will not use your content to train AI models unless you give us permission.",
            "opt_in",
        ),
        ("We won't use your files to train AI models without asking you first.", "opt_in"),
        (
            "We will ask for your permission before we use your content to train our AI models.",
            "opt_in",
        ),
        ("Unless you disable it, Acme may use your inputs to improve our AI models.", "opt_out"),
        ("Acme will refrain from using your content to train machine learning models.", "never"),
        ("We have no plans to use your content to train AI models.", "undisclosed"),
    ],
)
def test_consent_asked_first_refraining_and_plans(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


def test_data_about_the_use_of_the_services_is_service_data() -> None:
    text = "We may use information about your use of the Services to train our models."
    assert written(text) == {SERVICE: "always"}


@pytest.mark.parametrize(
    "text",
    [
        "Licensee shall not use the Software to train machine learning models.",
        "Customer agrees that it will not use the Services to train AI models.",
        "The Services may not be used to train AI models.",
        "Outputs must not be used to develop competing AI models.",
        "It is prohibited to use the Services to train AI models.",
    ],
)
def test_a_restriction_on_the_user_in_any_voice_is_no_denial_of_the_vendor(text: str) -> None:
    assert not any(k.startswith("ai_training") for k in written(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Provider shall not use Customer Data to train AI models.",
        "Processor will not use Customer Personal Data to train artificial intelligence models.",
        "Customer Data will not be used to train AI models.",
        "You acknowledge that Acme does not use your content to train AI models.",
    ],
)
def test_the_vendor_bound_in_any_name_or_voice_is_a_denial(text: str) -> None:
    found = {k: v for k, v in written(text).items() if k.startswith("ai_training")}
    assert found == {CONTENT: "never"}


def test_a_denial_for_personal_data_settles_no_never_for_service_data() -> None:
    # de-identified usage data is no longer personal data: the denial leaves it open
    text = "We do not use your personal information to train our AI models."
    assert written(text) == {CONTENT: "never"}


def test_a_way_out_of_training_needs_no_data_named() -> None:
    text = "Your workspace admin can disable AI training in the admin console."
    assert written(text) == {CONTENT: "opt_out"}


def _items(document: str) -> list[dict[str, str]]:
    """The training facts suggested for each list item of a document written for a test."""
    found = []
    for s in sentences(document):
        if s.unit.kind == "item":
            hits = detect(s)
            found.append({h.fact: str(h.value) for h in hits if h.fact.startswith("ai_training")})
    return found


def test_an_item_under_the_vendor_s_negated_lead_in_is_a_denial() -> None:
    document = (
        "Acme will not:\n\n"
        "- use Customer Data to train artificial intelligence models;\n"
        "- allow its AI providers to train their models on Customer Data;\n"
        "- use usage data to train our models, unless you opt out.\n"
    )
    assert _items(document) == [
        {CONTENT: "never"},
        {"ai_training_third_party": "never"},
        {SERVICE: "opt_out"},
    ]


def test_a_negated_lead_in_scoped_to_one_plan_is_undisclosed() -> None:
    document = (
        "For Enterprise customers, we do not:\n\n"
        "- use Customer Data to train artificial intelligence models;\n"
    )
    assert _items(document) == [{CONTENT: "undisclosed"}]


def test_an_item_under_the_user_s_negated_lead_in_binds_the_user() -> None:
    document = "You agree that you will not:\n\n- use the Services to train AI models;\n"
    assert _items(document) == [{}]


@pytest.mark.parametrize(
    "text",
    [
        "We do not use any of your data to train our AI models.",
        "Acme will not use any customer data to train its machine learning models.",
    ],
)
def test_any_of_your_data_is_every_kind_of_data(text: str) -> None:
    assert written(text) == {CONTENT: "never", SERVICE: "never"}


def test_public_or_licensed_data_is_no_customer_s_data() -> None:
    assert written("We use publicly available information to help train our AI models.") == {}
    text = "We train our models on licensed data and on content you share with us."
    assert written(text) == {CONTENT: "always"}


def test_prompts_are_content_beside_usage_data() -> None:
    text = "We may use your prompts and usage data to train our AI models."
    assert written(text) == {CONTENT: "always", SERVICE: "always"}


def test_a_consent_asked_only_where_the_law_requires_it_is_no_opt_in() -> None:
    text = (
        "Where required by law, we will ask for your consent before using your content to "
        "train our AI models."
    )
    assert written(text) == {CONTENT: "undisclosed"}


@pytest.mark.parametrize(
    "text",
    [
        "The Provider shall not use Customer Data to train its AI models.",
        "Vendor will not use Customer Data to train its machine learning models.",
    ],
)
def test_the_provider_or_vendor_of_a_contract_is_the_vendor_itself(text: str) -> None:
    assert written(text) == {CONTENT: "never"}


def test_providers_training_the_vendor_s_own_models_is_the_vendor_s_practice() -> None:
    text = "Our service providers may use your data to improve our models."
    assert written(text) == {CONTENT: "always"}


def test_a_denial_for_models_shared_across_customers_is_scoped() -> None:
    text = "We do not use Customer Data to train models that are shared across customers."
    assert written(text) == {CONTENT: "undisclosed"}


@pytest.mark.parametrize(
    "text",
    [
        "Some third-party AI providers may train their models on data you share with them "
        "directly.",
        "Third-party AI services may use your inputs to train their models under their own terms.",
    ],
)
def test_a_provider_dealing_with_the_customer_on_its_own_is_not_the_vendor_s(text: str) -> None:
    assert not any(k.startswith("ai_training") for k in written(text))


def test_a_negated_lead_in_by_default_is_no_never() -> None:
    document = "We do not by default:\n\n- use your content to train our AI models;\n"
    assert _items(document) != [{CONTENT: "never"}]


# Written for these tests: "none of your content" denies the training of all of it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("None of your content will be used to train our models.", "never"),
        ("None of your content will be used to train our models unless you opt in.", "opt_in"),
    ],
)
def test_none_of_the_content_is_a_denial(text: str, expected: str) -> None:
    assert written(text)["ai_training_customer_content"] == expected


# Written for these tests: models of a provider named with a hyphenated word are still theirs.
def test_a_provider_s_hyphenated_models_are_the_third_party_fact_alone() -> None:
    text = (
        "We have set up our AI sub-processors so that the prompts we pass them are not used to "
        "train their large-scale models."
    )
    assert written(text) == {"ai_training_third_party": "never"}


# Written for these tests: the others the vendor lets train, with or without its own use.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will not allow anyone else to use your content to train AI models.",
            {"ai_training_third_party": "never"},
        ),
        (
            "Acme does not use your files, or permit others to use them, to train the machine "
            "learning models behind its assistant.",
            {CONTENT: "never", "ai_training_third_party": "never"},
        ),
    ],
)
def test_the_others_a_vendor_lets_train(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a passive whose agent is a provider is the provider's practice.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your messages are never used for model training by our AI providers.",
            {"ai_training_third_party": "never"},
        ),
        (
            "Prompts you enter are not kept or used to train AI models by the external model "
            "provider.",
            {"ai_training_third_party": "never"},
        ),
        (
            "Your content is not used to train AI models by us or by the third-party model "
            "provider.",
            {CONTENT: "never", "ai_training_third_party": "never"},
        ),
        (
            # the agent belongs to the processing; the denial after it restarts with its own verb
            "Your files are processed by our AI sub-processors and are never used to train AI "
            "models.",
            {CONTENT: "never", "ai_training_third_party": "never"},
        ),
    ],
)
def test_a_provider_named_as_the_agent_of_a_passive(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a denial naming generative models only leaves other machine
# learning open; one naming other models too, or the providers' own LLMs, still settles it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We never build LLMs or other generative models from your workspace content.",
            "undisclosed",
        ),
        ("No customer content is used to train generative AI models.", "undisclosed"),
        (
            "Your files are not used to train generative AI or other machine learning models.",
            "never",
        ),
    ],
)
def test_a_denial_for_generative_models_only(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


def test_a_provider_s_own_language_models_are_still_denied() -> None:
    # written for this test
    text = "Our LLM providers do not train their language models on your prompts."
    assert written(text) == {"ai_training_third_party": "never"}


# Written for these tests: a purpose that is what the AI does with the data, not a training.
@pytest.mark.parametrize(
    "text",
    [
        "Our AI vendors handle your prompts only for the purpose of producing the answers you "
        "request.",
        "We pass your content to our AI provider for the purpose of generating a summary.",
    ],
)
def test_the_purpose_of_answering_is_no_training(text: str) -> None:
    assert not any(fact.startswith("ai_training") for fact in written(text))


def test_the_purpose_of_improving_is_still_a_training() -> None:
    # written for this test
    text = "Your feedback is used for the purpose of improving our AI models."
    assert written(text)["ai_training_service_data"] == "always"


# Written for these tests: "pre-trained" names models trained before, not a training of the data.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prompts are answered with our pre-trained models, but your prompts are never used "
            "for model training.",
            "never",
        ),
        ("We fine-tune our pre-trained models on your uploads.", "always"),
    ],
)
def test_pre_trained_models_are_no_training(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


# Written for these tests: the training named as a noun after "model".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Account owners may opt out of having their files used for model improvement.", "opt_out"),
        ("Your messages are never used for model development.", "never"),
    ],
)
def test_model_improvement_as_a_noun_is_a_training(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


def test_a_business_model_is_no_model_development() -> None:
    # written for this test
    assert written("Our business model development relies on your feedback.") == {}


# Written for these tests: a training the person's own settings decide, default unstated.
@pytest.mark.parametrize(
    "text",
    [
        "In line with your privacy settings, we may use your files to improve our AI models.",
        "Your content may help train our machine learning models, depending on your workspace "
        "settings.",
    ],
)
def test_a_training_gated_by_the_person_s_settings_is_opt_out(text: str) -> None:
    assert written(text)[CONTENT] == "opt_out"


def test_a_training_in_accordance_with_the_law_is_no_setting() -> None:
    # written for this test
    text = "We use your content to train our AI models in accordance with applicable law."
    assert written(text)[CONTENT] == "always"


# Written for these tests: learnt technology named by its field or as the vendor's technology.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We use your call recordings to improve our speech recognition.", "always"),
        ("Your recordings are never used to train our voice recognition engine.", "never"),
        ("We train our technology on the transcripts you upload.", "always"),
    ],
)
def test_learnt_technology_named_by_its_field(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


def test_a_recognition_feature_used_on_the_data_is_no_training() -> None:
    # written for this test
    text = "We apply speech recognition to your recordings to produce transcripts."
    assert not any(fact.startswith("ai_training") for fact in written(text))


# Written for these tests: a denial drafted as what the document does not allow the vendor is
# a denial; what it does not restrict, or what it does not allow the customer, is not one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nothing in these terms permits us to train AI models on your content.", "never"),
        (
            "Nothing in these Terms allows us to use your content to train artificial "
            "intelligence models.",
            "never",
        ),
        (
            "Nothing in this Agreement shall be construed as authorising us to use Customer "
            "Content to train machine learning models.",
            "never",
        ),
        ("Nothing herein grants us a licence to train AI models on your files.", "never"),
        (
            "Nothing in these terms permits us to train AI models on your content without your "
            "consent.",
            "opt_in",
        ),
        (
            "Nothing in these terms permits us to train AI models on your content, except as "
            "described in our AI policy.",
            "undisclosed",
        ),
        (
            "Nothing in these terms restricts our right to use your content to train AI models.",
            "always",
        ),
        (
            "Nothing in these terms prevents us from using your content to train AI models.",
            "always",
        ),
        (
            "Nothing in these terms permits you to stop us from using your content to train our "
            "models.",
            "always",
        ),
    ],
)
def test_what_the_terms_do_not_permit_the_vendor_is_a_denial(text: str, expected: str) -> None:
    assert written(text) == {CONTENT: expected}


# Written for these tests: a denial that holds only until something happens, for a time, after
# an event, or once the content is de-identified, promises no never; one that holds until the
# person turns the training on is opt_in.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We do not train our AI models on your content without first de-identifying it.",
            "undisclosed",
        ),
        ("Your content will not be used to train AI models after you delete it.", "undisclosed"),
        (
            "We do not use your content to train AI models, even after you leave the service.",
            "never",
        ),
        (
            "We will not use your content to train AI models for as long as you are a paying "
            "subscriber.",
            "undisclosed",
        ),
        ("We do not use your content to train AI models until 2027.", "undisclosed"),
        ("Your content is never used to train AI models, with limited exceptions.", "undisclosed"),
        ("We do not use your content to train AI models until you enable the feature.", "opt_in"),
        (
            "Your files are not used for model training unless and until an admin turns it on.",
            "opt_in",
        ),
    ],
)
def test_a_denial_for_a_time_or_until_an_event(text: str, expected: str) -> None:
    assert written(text) == {CONTENT: expected}


# Written for these tests: an intention denied is no promise, like a denial of today only.
@pytest.mark.parametrize(
    "text",
    [
        "We do not intend to use your content to train AI models.",
        "We have no intention of training AI models on your files.",
        "We don't plan to train our models on your content.",
    ],
)
def test_a_denied_intention_promises_no_never(text: str) -> None:
    assert written(text) == {CONTENT: "undisclosed"}


# Written for these tests: a denial naming models of one kind or one use ("image models",
# "models that generate content", "models which we sell") leaves the vendor's other models
# open; the vendor's models at large ("any models that we develop") are all of them; "external
# models" are someone else's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We will not use your content to train models that generate content.",
            {CONTENT: "undisclosed"},
        ),
        (
            "We do not use your content to train AI models which we sell to others.",
            {CONTENT: "undisclosed"},
        ),
        ("We do not use your content to train image models.", {CONTENT: "undisclosed"}),
        ("We do not use your content to train any AI models that we develop.", {CONTENT: "never"}),
        ("We do not use your content to train models that Acme develops.", {CONTENT: "never"}),
        (
            "We do not use your content to train our AI models, which power our assistant.",
            {CONTENT: "never"},
        ),
        (
            "We do not use your content to train external models.",
            {"ai_training_third_party": "never"},
        ),
        ("We use your content to train image models.", {CONTENT: "always"}),
    ],
)
def test_a_denial_naming_some_models_only(text: str, expected: dict[str, str]) -> None:
    assert written(text) == expected


# Written for these tests: a consent deemed given by using the service or accepting its terms
# is no choice of the person's; a consent in a clause of its own, or given by turning the
# feature on, still is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With your consent, which you give by using the Service, we train our models on your "
            "content.",
            "always",
        ),
        (
            "We only use your content to train AI models with your consent, which you give by "
            "accepting these Terms.",
            "always",
        ),
        (
            "By using the Services you accept these terms; we will not use your content to train "
            "AI models without your consent.",
            "opt_in",
        ),
        (
            "We will not use your content to train AI models without your consent, which you can "
            "give by enabling the feature.",
            "opt_in",
        ),
    ],
)
def test_a_consent_deemed_given_by_use_is_no_opt_in(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


# Written for these tests: a training that stops on the person's objection is opt_out, whether
# the denial comes first or the objection does.
@pytest.mark.parametrize(
    "text",
    [
        "If you object, we will stop using your content to train AI models.",
        "We refrain from using your data to train AI models where you have objected.",
        "Once a customer objects, its files are no longer used for model training.",
    ],
)
def test_a_training_stopped_by_an_objection_is_opt_out(text: str) -> None:
    assert written(text) == {CONTENT: "opt_out"}


# Written for these tests: a use in a later clause that takes up the training before it, by
# naming other data with no purpose of its own or by pointing back ("for that purpose"); a use
# with a purpose of its own is another matter.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We don't use your content to train AI, but we do use how you interact with the "
            "features.",
            {CONTENT: "never", SERVICE: "always"},
        ),
        (
            "We do not use Customer Content to train AI models, but Service Data may be used for "
            "that purpose.",
            {CONTENT: "never", SERVICE: "always"},
        ),
        (
            "We do not use your content to train AI models; usage data is not used for that "
            "purpose either.",
            {CONTENT: "never", SERVICE: "never"},
        ),
        (
            "We do not train AI on your content; we only use it to provide the Service.",
            {CONTENT: "never"},
        ),
        (
            "We do not use your content to train AI models, but we use usage data to fix bugs.",
            {CONTENT: "never"},
        ),
    ],
)
def test_a_later_clause_taking_up_the_training(text: str, expected: dict[str, str]) -> None:
    assert {k: v for k, v in written(text).items() if k.startswith("ai_training")} == expected


# Written for these tests: a denial of training but for what the service needs still allows a
# training for the service, so it settles nothing; a limit of every other use in a clause of its
# own leaves a denial of training after it whole.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We do not use your content to train AI models, except as necessary to provide the "
            "Services.",
            "undisclosed",
        ),
        (
            "We don't use your content to train AI models other than for providing personalised "
            "features to you.",
            "undisclosed",
        ),
        (
            "We do not use your content to train AI models without your consent, except to "
            "provide the features you use.",
            "undisclosed",
        ),
        (
            "We do not use your content for any purpose other than to provide the Services, and "
            "we do not train AI models on it.",
            "never",
        ),
    ],
)
def test_a_denial_of_training_but_for_the_service(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


# Written for these tests: a denial for the content in one state or of one kind the person
# marks ("identifiable", "raw", "content you mark as private") leaves the rest open; a later
# clause using a form of it "instead" is a training of it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do not use your identifiable content to train AI models.", "undisclosed"),
        ("We do not use your raw content to train AI models.", "undisclosed"),
        ("We don't use content you mark as private to train our models.", "undisclosed"),
        (
            "We do not use your content to train AI models; we use anonymised samples of it "
            "instead.",
            "always",
        ),
        ("We do not use your personal information to train our AI models.", "never"),
    ],
)
def test_a_denial_for_one_state_of_the_content(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


def test_a_training_the_person_does_in_an_opening_phrase_is_not_the_vendor_s() -> None:
    quote = (
        "By using automated means to access, collect, or otherwise use (“Access”) any "
        "publicly accessible Content from the Service for the purpose of developing or "
        "training any commercially available artificial intelligence model, machine "
        'learning system, or similar technology (a "Commercial AI System"), you hereby '
        "waive any and all policies, terms, conditions, or contractual provisions "
        "governing products, services, websites or datasets you own or operate that would "
        "otherwise prohibit, restrict, or place conditions upon GitHub's Access to any "
        "publicly accessible data, information or content associated with your products "
        "or services, including for the purpose of developing or training any Commercial "
        "AI System."
    )
    assert hits(ai_training, "github/terms-of-service/2026-04-28.md", quote) == []


# Written for these tests: an opening phrase naming what the person does ("By using the API to
# fine-tune models, you ...") holds the person's training; one after which the person lets the
# vendor train is the vendor's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By using the API to fine-tune models, you agree to pay the listed fees.", {}),
        (
            "When using our AI features to train your own models, you remain responsible for your "
            "data.",
            {},
        ),
        (
            "By uploading content, you authorise us to use it to train our AI models.",
            {CONTENT: "always"},
        ),
    ],
)
def test_an_opening_phrase_of_the_person_s_act(text: str, expected: dict[str, str]) -> None:
    assert {k: v for k, v in written(text).items() if k.startswith("ai_training")} == expected


TRAINING_FACTS = ("ai_training_customer_content", "ai_training_service_data")


# Written for these tests: metadata is service data (what is recorded about the content, not
# the content), so training on it is `ai_training_service_data`; the sentence states that
# training, and no training fact reads as a plain denial of it.
@pytest.mark.parametrize(
    "text",
    [
        "We only use the metadata of your content to improve our models.",
        "Only the metadata of your files is used to train our AI models.",
        "We only use metadata, not your content, to improve our models.",
        "We only use usage data, never your content, to train our models.",
        "We do not use your content to train our models, only its metadata.",
        "We never use your content, only metadata about it, to train our models.",
    ],
)
def test_training_only_on_metadata_is_training_on_service_data(text: str) -> None:
    found = written(text)
    assert found["ai_training_service_data"] == "always"
    assert found.get("ai_training_customer_content") in (None, "never")
    assert found.get("content_license_scope") != "service_only"


def test_training_only_on_the_content_is_training_on_it() -> None:
    found = written("We do not train our models on usage data, only on your content.")
    assert found["ai_training_customer_content"] == "always"
    assert found["ai_training_service_data"] == "never"


def test_a_denial_for_models_of_one_use_leaves_the_others_open() -> None:
    # written for this test
    assert (
        written("Your files are not used to train AI models for advertising.")[
            "ai_training_customer_content"
        ]
        == "undisclosed"
    )


# Written for these tests: customer content that reaches training by another path (as
# feedback, flagged for review) after a denial in the same paragraph: the denial does not hold.
@pytest.mark.parametrize(
    "text",
    [
        "We do not train on your content. If you send us feedback, including your prompts and "
        "outputs, we may use it to improve our models.",
        "We do not train on your content. If you send us feedback, we may use it to improve our "
        "models.",
        "We do not use your content to train our models. Inputs flagged for safety review may be "
        "used to train our classifiers.",
        "We do not use your content to train our models. Content flagged for abuse may be used "
        "to improve our safety systems.",
    ],
)
def test_content_reaching_training_by_another_path_takes_the_denial_back(text: str) -> None:
    found = {s.fact: s.value for s in suggest(scan_text(text))}
    assert found[CONTENT] in ("undisclosed", "always")


def test_other_data_used_to_improve_leaves_the_content_denial() -> None:
    # written for this test: usage data is no customer content
    text = "We do not use your content to train our models. We use usage data to improve them."
    found = {s.fact: s.value for s in suggest(scan_text(text))}
    assert found[CONTENT] == "never"


# Written for these tests: a denial for the data one source brings says nothing of the rest.
@pytest.mark.parametrize(
    "text",
    [
        "We do not use data we collect from Google Workspace APIs to train AI models.",
        "We do not use data from the Google Drive integration to train AI models.",
        "We don't use data we receive from Slack to train our AI models.",
        "Data collected through our Salesforce connector is never used to train AI models.",
    ],
)
def test_a_denial_for_one_data_source_settles_nothing(text: str) -> None:
    assert written(text)[CONTENT] == "undisclosed"


def test_a_denial_for_the_customer_s_own_data_is_a_denial() -> None:
    # written for this test
    assert written("We do not use data we collect from you to train AI models.")[CONTENT] == "never"


# Written for these tests: the other path to the models in the denial's own sentence.
def test_feedback_trained_on_in_the_denial_s_sentence_takes_it_back() -> None:
    text = (
        "We do not train on your content, but we may use feedback you send to improve our models."
    )
    assert written(text)[CONTENT] in ("undisclosed", "always")


def test_feedback_denied_beside_the_content_keeps_the_denial() -> None:
    text = "We do not use your content or your feedback to train our models."
    assert written(text)[CONTENT] == "never"


# Written for this round: a training named with no model word ("used for training", "train on
# content"), of the content of one plan only, or of all content; staff training stays out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enterprise customers' content is never used for training.", "undisclosed"),
        ("We don't train on content from paid workspaces.", "undisclosed"),
        ("Files stored in Team workspaces are not used in training.", "undisclosed"),
        ("The Provider never trains on content from Business accounts.", "undisclosed"),
        ("Your content is never used for training.", "never"),
        ("We may use your files for training.", "always"),
        ("We train on customer content to improve the Services.", "always"),
    ],
)
def test_a_training_named_without_a_model_word(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Our staff receive training on how to handle customer content.",
        "Calls with our support team may be recorded and used for training.",
        "We provide training to your administrators on managing files.",
    ],
)
def test_staff_training_named_without_a_model_word_is_no_model_training(text: str) -> None:
    assert not any(k.startswith("ai_training") for k in written(text))


# Written for this round: content "excluded from" training is a denial, not a statement of it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your content is excluded from model training.", "never"),
        ("Content from paid workspaces is excluded from training.", "undisclosed"),
        ("Files of Enterprise customers are excluded from AI training.", "undisclosed"),
    ],
)
def test_content_excluded_from_training_is_a_denial(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


def test_content_excluded_from_training_by_default_is_opt_in() -> None:
    text = "Your content is excluded from training by default; you can turn training on later."
    assert written(text)[CONTENT] == "opt_in"


def _document(text: str) -> dict[str, object]:
    """Fact -> value the scanner suggests for a written paragraph (or paragraphs)."""
    return {s.fact: s.value for s in suggest(scan_text(text))}


# Written for the sixth pass: content excluded from training "unless you opt in" waits for the
# person's yes (it read opt_out, the "unless" taken for a practice that runs until they act),
# as "not used to train ... unless you opt in" does; each scope of a plain denial still holds.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your content is excluded from training unless you opt in.", "opt_in"),
        ("Your content is excluded from model training unless you opt in.", "opt_in"),
        (
            "Your content is excluded from AI training unless you choose to share it with us.",
            "opt_in",
        ),
        ("Your content is not used to train our models unless you opt in.", "opt_in"),
        (
            "Your content is not used to train our models unless you choose to share it with us.",
            "opt_in",
        ),
        # a plan, a region, a kind of data: the denial covers less than the practice
        (
            "Content from paid workspaces is excluded from training unless you opt in.",
            "undisclosed",
        ),
        ("Content of EU users is excluded from model training unless you opt in.", "undisclosed"),
        ("Your API inputs are excluded from training unless you opt in.", "undisclosed"),
        # a way out offered as well: the person must act to stop it
        (
            "Your content is excluded from training unless you opt in, and you can opt out again "
            "at any time.",
            "opt_out",
        ),
    ],
)
def test_content_excluded_from_training_unless_the_person_opts_in(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Your content is excluded from training unless you opt in. This does not apply to "
        "content you share publicly.",
        "Your content is excluded from training unless you opt in. Certain exceptions apply.",
    ],
)
def test_an_opt_in_exclusion_taken_back_later_in_its_paragraph(text: str) -> None:
    assert _document(text)[CONTENT] == "undisclosed"


# Written for the sixth pass: the training as the subject of its own denial ("Training is never
# performed on your content", "Model training does not use your data") is a denial (it read
# nothing, or always), under every hedge a plain denial gets.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Training is never performed on your content.", "never"),
        ("No customer content is used for model training.", "never"),
        ("Model training does not use your data.", "never"),
        ("AI training does not use customer content.", "never"),
        ("Model training never uses your files.", "never"),
        ("Our model training does not use your data.", "never"),
        ("Model training does not use your data unless you opt in.", "opt_in"),
        ("Training is not done on customer data.", "never"),
        # one plan, one region, one kind of data: narrower than the practice
        ("No customer content on Enterprise plans is used for model training.", "undisclosed"),
        ("Training is never performed on content from paid workspaces.", "undisclosed"),
        ("Model training does not use the data of EU users.", "undisclosed"),
        # today only, by default, on the person's consent, with an exception
        ("Model training does not currently use your data.", "undisclosed"),
        ("Model training does not use your data by default.", "opt_in"),
        ("Model training does not use your data without your consent.", "opt_in"),
        (
            "Training is never performed on your content except as necessary to provide the "
            "Services.",
            "undisclosed",
        ),
        # a way out offered: the training runs until the person acts
        (
            "Model training does not use your data if you turn off the training setting.",
            "opt_out",
        ),
    ],
)
def test_a_denial_with_the_training_as_its_subject(text: str, expected: str) -> None:
    assert written(text)[CONTENT] == expected


@pytest.mark.parametrize(
    "text",
    [
        "No customer content is used for model training. This does not apply to content you "
        "share publicly.",
        "Training is never performed on your content. This does not apply to content you share "
        "publicly.",
        "Model training does not use your data. Certain exceptions apply.",
    ],
)
def test_a_training_subject_denial_taken_back_later_in_its_paragraph(text: str) -> None:
    assert _document(text)[CONTENT] == "undisclosed"


def test_a_training_stated_with_the_training_as_its_subject_is_still_stated() -> None:
    assert written("Model training uses your data.")[CONTENT] == "always"
    assert written("Training is performed on your content.")[CONTENT] == "always"


# Written for the sixth pass: the training of people (support agents, staff, employees) is no
# AI training, whatever data it uses; training models, machine learning models or "our AI" is.
@pytest.mark.parametrize(
    "text",
    [
        "We use support conversations for training our support agents.",
        "We use support conversations to train our staff.",
        "We use support conversations for employee training.",
        "We may use your content for training our support agents.",
        "We may use your content to train our staff.",
        "Customer content may be used for employee training.",
        "We use your content for employee training.",
        "Your chats with us may be used for staff training and quality assurance.",
    ],
)
def test_training_people_is_no_ai_training(text: str) -> None:
    assert not any(
        fact.startswith("ai_training") and value == "always"
        for fact, value in written(text).items()
    )


@pytest.mark.parametrize(
    "text",
    [
        "We use support conversations for training our models.",
        "We use support conversations to train machine learning models.",
        "We use support conversations for training our AI.",
        "We may use your content for training our models and our support agents.",
    ],
)
def test_training_models_on_the_same_data_is_ai_training(text: str) -> None:
    assert written(text)[CONTENT] == "always"


def test_models_trained_beside_people_are_still_trained() -> None:
    # written for the sixth pass: the staff set aside, the models named after them remain
    text = "We may use your content for training our support agents and our models."
    assert written(text)[CONTENT] == "always"
    assert written("We use your content to train our AI agents.")[CONTENT] == "always"


# Written for the sixth pass: a way out of the training offered in the next sentence of its
# paragraph makes the training opt_out, as one in its own sentence does (the follow-up opt_out
# lost to the first sentence's always); not one for some only, none, or one of something else.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We may use your files to train our machine learning models. You can opt out of "
            "this training at any time in your settings.",
            "opt_out",
        ),
        (
            "We may use your files to train our machine learning models. If you opt out, we "
            "will stop using them for these purposes.",
            "opt_out",
        ),
        (
            "We may use your files to train our machine learning models. You cannot opt out of "
            "this training.",
            "always",
        ),
        (
            "We may use your files to train our machine learning models. California residents "
            "can opt out of this training.",
            "always",
        ),
        (
            "We may use your files to train our machine learning models. You can opt out of "
            "marketing emails at any time.",
            "always",
        ),
        (
            "We may use your files to train our machine learning models. If you opt out of "
            "marketing, we will stop using your email for these purposes.",
            "always",
        ),
    ],
)
def test_an_opt_out_of_the_training_in_the_next_sentence(text: str, expected: str) -> None:
    assert _document(text)[CONTENT] == expected
