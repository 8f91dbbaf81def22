"""The v1 fact vocabulary: every fact a vendor profile may state, its value type, and the
question procurement asks when the fact is undetermined.

This module is the single source of truth. The vendor JSON Schema is generated from it
(``vendorgate.schemas.build``), the engine reads value types from it, and the gate turns its
``question`` texts into the questions to ask a vendor. It imports nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

UNDISCLOSED = "undisclosed"
"""Value of every fact when the vendor's documents do not say. It is not a negative answer."""

ValueKind = Literal["enum", "integer", "list", "subprocessors"]

PRACTICE = ("never", "opt_in", "opt_out", "always")
"""How a data practice applies: never, only after opting in, unless opted out, or always."""

AVAILABILITY = ("available", "on_request", "not_available")
"""Whether a contract document (BAA, DPA, SCC) can be had."""

DATA_CLASSES = (
    "phi",
    "privileged",
    "student_records",
    "children",
    "personal_data",
    "special_category",
    "npi",
    "cardholder",
    "confidential",
    "internal",
    "public",
)
"""Classes of data an organisation may send to a vendor; rules apply by them."""

CRITICALITY_TIERS = ("critical", "high", "medium", "low")
"""How much harm a vendor's failure or breach would do the organisation (a TPRM tier), worst
first; reports show it and filter by it, rules do not read it."""

SECTORS = (
    "healthcare",
    "legal",
    "education",
    "finance",
    "government",
    "technology",
    "retail",
    "nonprofit",
    "other",
)

VENDOR_CATEGORIES = (
    "video_conferencing",
    "messaging",
    "collaboration",
    "project_management",
    "developer_platform",
    "email_marketing",
    "productivity",
    "crm",
    "hr",
    "storage",
    "analytics",
    "ai_assistant",
    "other",
)

REGIONS = (
    "us",
    "eu",
    "eea",
    "uk",
    "ch",
    "ca",
    "au",
    "jp",
    "in",
    "sg",
    "br",
    "global",
)
"""Data residency regions. ``global`` means the vendor may store data in any region."""

CERTIFICATIONS = (
    "soc2_type1",
    "soc2_type2",
    "iso27001",
    "iso27017",
    "iso27018",
    "iso27701",
    "iso42001",
    "hitrust",
    "fedramp_moderate",
    "fedramp_high",
    "pci_dss",
    "csa_star",
    "c5",
    "hds",
    "tisax",
)

SUBPROCESSOR_CATEGORIES = (
    "hosting",
    "ai_model_provider",
    "support",
    "analytics",
    "payments",
    "communications",
    "security",
    "other",
)


@dataclass(frozen=True)
class FactSpec:
    """One fact of the vocabulary."""

    name: str
    """The key under ``facts:`` in a vendor profile."""
    kind: ValueKind
    """The shape of its value besides ``undisclosed``."""
    values: tuple[str, ...]
    """Allowed values: the enumeration (enum) or the allowed list items (list)."""
    description: str
    """What the fact means, shown in schemas and editors."""
    question: str
    """What to ask the vendor when a rule needs this fact and it is undetermined."""
    broad: str = ""
    """For a fact that narrows an older one (advertising on content, training on interaction
    data, training by affiliates): the older, broader fact. A profile that states only the
    broad fact states it for this narrower one too (see docs/vocabulary.md). Empty otherwise."""


FACTS: tuple[FactSpec, ...] = (
    FactSpec(
        "ai_training_customer_content",
        "enum",
        PRACTICE,
        "Whether the vendor trains or tunes AI/ML models on customer content "
        "(files, messages, recordings, transcripts).",
        "Do you use customer content to train or tune AI or machine-learning models, "
        "and if so, is it off unless we opt in?",
    ),
    FactSpec(
        "ai_training_service_data",
        "enum",
        PRACTICE,
        "Whether the vendor trains AI/ML models on service-generated data "
        "(telemetry, usage, diagnostic data derived from customer use).",
        "Do you use telemetry, usage or diagnostic data derived from our use to train "
        "AI or machine-learning models?",
    ),
    FactSpec(
        "ai_training_interaction_data",
        "enum",
        PRACTICE,
        "Whether the vendor trains AI/ML models on interaction data: the prompts, inputs and "
        "outputs of its AI features (including stored content a user gives an AI feature as "
        "input), as distinct from stored customer content.",
        "Do you use the prompts, inputs or outputs of your AI features to train AI models, and "
        "is that off unless we opt in?",
        broad="ai_training_customer_content",
    ),
    FactSpec(
        "ai_training_affiliates",
        "enum",
        PRACTICE,
        "Whether the vendor's affiliates (companies of its group, outside the customer's "
        "contract) may train their own AI/ML models on customer content or interaction data.",
        "May your affiliates train their own AI models on our content or on our use of your "
        "AI features?",
        broad="ai_training_third_party",
    ),
    FactSpec(
        "ai_training_third_party",
        "enum",
        PRACTICE,
        "Whether unaffiliated third-party model providers the vendor uses may train on customer "
        "content or interaction data (affiliates are ``ai_training_affiliates``).",
        "Can any third-party AI model provider you use train on our content, and does "
        "your contract with them forbid it?",
    ),
    FactSpec(
        "ai_training_consent_by",
        "enum",
        ("account_admin", "end_user", "either", "nobody"),
        "Who may give or withhold consent to AI training: the account administrator, each end "
        "user, either of them, or nobody (no control offered).",
        "Who can turn AI training on or off: the account administrator, each end user, or nobody?",
    ),
    FactSpec(
        "ai_training_opt_out_method",
        "enum",
        ("in_product_setting", "email_request", "contract_amendment", "none"),
        "How a customer opts out of AI training, where opting out is needed.",
        "How do we opt out of AI training: a setting in the product, an email request, "
        "or a contract amendment?",
    ),
    FactSpec(
        "content_license_scope",
        "enum",
        ("service_only", "service_and_improvement", "any_purpose"),
        "The purposes for which the customer grants the vendor a licence over customer content: "
        "only to provide the service, also to improve or develop products, or for any purpose.",
        "For what purposes does the licence we grant you over our content let you use it?",
    ),
    FactSpec(
        "aggregated_data_use",
        "enum",
        PRACTICE,
        "Whether the vendor uses aggregated or de-identified data derived from customer "
        "content for its own purposes.",
        "Do you use aggregated or de-identified data derived from our content for your own "
        "purposes?",
    ),
    FactSpec(
        "deidentification_standard",
        "enum",
        ("hipaa_expert_determination", "hipaa_safe_harbor", "unspecified"),
        "The standard the vendor's de-identification meets, where it claims to de-identify.",
        "Which de-identification standard do you apply (HIPAA expert determination or safe "
        "harbor)?",
    ),
    FactSpec(
        "advertising_use",
        "enum",
        PRACTICE,
        "Whether customer data is used for advertising or marketing to third parties (all "
        "customer data; ``advertising_use_content`` and ``advertising_use_account_data`` state "
        "each scope apart).",
        "Do you use our data for advertising?",
    ),
    FactSpec(
        "sale_of_data",
        "enum",
        PRACTICE,
        "Whether the vendor sells or shares customer data for value (all customer data; "
        "``sale_of_content`` and ``sale_of_account_data`` state each scope apart).",
        "Do you sell or share our data with third parties for value?",
    ),
    FactSpec(
        "advertising_use_content",
        "enum",
        PRACTICE,
        "Whether customer content (files, messages, records) is used for advertising or marketing.",
        "Do you use our content (files, messages, records) for advertising or marketing?",
        broad="advertising_use",
    ),
    FactSpec(
        "advertising_use_account_data",
        "enum",
        PRACTICE,
        "Whether account and usage data (contact details, cookies, activity on the vendor's "
        "sites) is used for advertising or marketing.",
        "Do you use our users' account or usage data for advertising or marketing?",
        broad="advertising_use",
    ),
    FactSpec(
        "sale_of_content",
        "enum",
        PRACTICE,
        "Whether the vendor sells or shares customer content for value.",
        "Do you sell or share our content with third parties for value?",
        broad="sale_of_data",
    ),
    FactSpec(
        "sale_of_account_data",
        "enum",
        PRACTICE,
        "Whether the vendor sells or shares account and usage data for value (including "
        "sharing for cross-context advertising).",
        "Do you sell or share our users' account or usage data for value, including for "
        "cross-context advertising?",
        broad="sale_of_data",
    ),
    FactSpec(
        "data_combination",
        "enum",
        PRACTICE,
        "Whether the vendor combines customer personal data with data from other sources.",
        "Do you combine our personal data with data you receive from other sources?",
    ),
    FactSpec(
        "content_retention",
        "enum",
        ("customer_controlled", "fixed_period", "indefinite"),
        "How long the vendor keeps customer content during the contract.",
        "How long do you keep our content, and can we set the retention period?",
    ),
    FactSpec(
        "account_data_retention",
        "enum",
        ("customer_controlled", "fixed_period", "indefinite"),
        "How long the vendor keeps account and usage data (a period it states is "
        '``fixed_period``; "as long as needed" with no end is ``indefinite``).',
        "How long do you keep our users' account and usage data?",
    ),
    FactSpec(
        "deletion_after_termination_days",
        "integer",
        (),
        "Days after termination within which the vendor deletes customer content.",
        "Within how many days of termination do you delete our content?",
    ),
    FactSpec(
        "baa_available",
        "enum",
        AVAILABILITY,
        "Whether the vendor signs a HIPAA business associate agreement.",
        "Will you sign a HIPAA business associate agreement?",
    ),
    FactSpec(
        "dpa_available",
        "enum",
        AVAILABILITY,
        "Whether the vendor offers a data processing agreement (GDPR Art. 28).",
        "Do you offer a data processing agreement meeting GDPR Art. 28?",
    ),
    FactSpec(
        "scc_available",
        "enum",
        AVAILABILITY,
        "Whether the vendor offers standard contractual clauses for transfers out of the EEA/UK.",
        "Do you offer the EU standard contractual clauses for transfers outside the EEA and UK?",
    ),
    FactSpec(
        "subprocessors",
        "subprocessors",
        SUBPROCESSOR_CATEGORIES,
        "The vendor's sub-processors: name, purpose, region and category "
        "(``ai_model_provider`` marks AI providers).",
        "Which sub-processors handle our data, for what, where, and which are AI providers?",
    ),
    FactSpec(
        "subprocessor_change_notice_days",
        "integer",
        (),
        "Days of notice the vendor gives before adding or replacing a sub-processor.",
        "How many days' notice do you give before adding or replacing a sub-processor?",
    ),
    FactSpec(
        "data_residency_regions",
        "list",
        REGIONS,
        "Regions where customer data may be stored.",
        "In which regions is our data stored, and can we pin it to one?",
    ),
    FactSpec(
        "certifications",
        "list",
        CERTIFICATIONS,
        "Security and privacy certifications or attestations the vendor holds.",
        "Which security certifications or audit reports (SOC 2 Type II, ISO 27001) can you share?",
    ),
    FactSpec(
        "customer_audit_rights",
        "enum",
        ("audit_and_reports", "reports_only", "none"),
        "What the customer may do to reassess the vendor during the contract: audit it and "
        "receive its current independent audit reports, receive the reports only, or neither.",
        "During the contract, will you give us your current independent audit reports each "
        "year, and may we audit you?",
    ),
    FactSpec(
        "encryption_at_rest",
        "enum",
        ("encrypted", "not_encrypted"),
        "Whether customer data is encrypted at rest.",
        "Is our data encrypted at rest?",
    ),
    FactSpec(
        "end_to_end_encryption",
        "enum",
        ("default", "optional", "not_available"),
        "Whether communications are end-to-end encrypted by default, optionally, or not at all.",
        "Is end-to-end encryption available, and is it on by default?",
    ),
    FactSpec(
        "breach_notification_hours",
        "integer",
        (),
        "Hours within which the vendor notifies the customer of a personal data breach.",
        "Within how many hours do you notify us of a breach affecting our data?",
    ),
)

FACTS_BY_NAME: dict[str, FactSpec] = {spec.name: spec for spec in FACTS}

SCOPED_FACTS: tuple[FactSpec, ...] = tuple(spec for spec in FACTS if spec.broad)
"""Facts that narrow a broader one, each read from it when a profile omits them."""

BINDING = "binding"
"""Evidence weight of a contract or policy the vendor is bound by (terms, DPA, BAA, privacy
policy)."""

SUMMARY = "summary"
"""Evidence weight of a summary, FAQ, announcement or marketing page: it says what the vendor
means to do, but the vendor is not bound by it."""

EVIDENCE_WEIGHTS = (BINDING, SUMMARY)

DOCUMENT_TYPES = (
    "terms_of_service",
    "privacy_policy",
    "dpa",
    "baa",
    "subprocessor_list",
    "ai_addendum",
    "security_page",
    "faq",
    "announcement",
    "summary",
    "other",
)
"""Kinds of vendor document."""

SUMMARY_DOCUMENT_TYPES = ("faq", "announcement", "summary")
"""Document types whose weight is ``summary`` unless the profile says otherwise."""


def default_weight(document_type: str) -> str:
    """The evidence weight of a document of this type when its profile does not state one."""
    return SUMMARY if document_type in SUMMARY_DOCUMENT_TYPES else BINDING


DISCLOSURE_STATES = ("disclosed", "undisclosed", "evidenced")
"""Values of the ``is:`` leaf test, which asks about disclosure itself rather than the value."""
