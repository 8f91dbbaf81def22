"""The scanner's text model and rules on small documents written by the tests themselves."""

from __future__ import annotations

import pytest

from vendorgate.scan.detectors.cues import periods
from vendorgate.scan.document import fold, html_view, sentence_spans, split_units, widen
from vendorgate.scan.scanner import Passage, compare, scan_text, suggest
from vendorgate.scan.scanner import ScanResult as Result
from vendorgate.text.normalise import normalise


def _facts(text: str) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for passage in scan_text(text):
        found.setdefault(passage.fact, []).append(passage.value)
    return found


# ---------------------------------------------------------------- text model


def test_fold_keeps_the_raw_offset_of_every_character() -> None:
    raw = "See our [Privacy **Policy**](https://x.example/p_q) \u2019now\u2019\u00a0 and\u00adso."
    folded = fold(raw, 100)
    assert folded.text == "See our Privacy Policy 'now' andso."
    for index, ch in enumerate(folded.text):
        source = raw[folded.offsets[index] - 100]
        assert ch == source or (ch == "'" and source == "\u2019") or ch == " "


def test_sentences_do_not_break_after_abbreviations_or_clause_numbers() -> None:
    text = (
        "Data stays in the U.S. and the EU, e.g. in Frankfurt. See Section 10.3. "
        "It is kept under 15 C.F.R. Parts 730-774 of the rules. Last one."
    )
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == [
        "Data stays in the U.S. and the EU, e.g. in Frankfurt.",
        "See Section 10.3.",
        "It is kept under 15 C.F.R. Parts 730-774 of the rules.",
        "Last one.",
    ]


def test_units_know_what_list_items_and_table_rows_hang_from() -> None:
    text = (
        "We use the following sub-processors:\n\n"
        "* Acme Hosting, storage\n"
        "* Beta Mail, email delivery\n\n"
        "| Company | Server Location |\n| --- | --- |\n| Gamma Cloud | Germany |\n"
    )
    units = split_units(text)
    items = [u for u in units if u.kind == "item"]
    assert [u.folded.text for u in items] == ["Acme Hosting, storage", "Beta Mail, email delivery"]
    assert all("following sub-processors" in u.lead for u in items)
    row = next(u for u in units if u.kind == "row")
    assert row.header == ("company", "server location")
    assert [row.folded.text[a:b] for a, b in row.cells] == ["Gamma Cloud", "Germany"]


def test_widen_takes_whole_links() -> None:
    text = "Read [our terms](https://x.example/t) now."
    start = text.index("our terms")
    # a boundary inside the link text or target takes the whole link
    assert widen(text, start, start + 3) == (text.index("["), text.index(" now"))
    end = text.index("terms") + 2
    assert widen(text, 0, end) == (0, text.index(" now"))


def test_html_view_keeps_offsets_and_structure() -> None:
    html = (
        "<html><body><h2>5. Data</h2><p>We do <b>not</b> use Customer Content to train "
        "machine learning models.</p><ul><li>Item one</li></ul></body></html>"
    )
    view = html_view(html)
    assert len(view) == len(html)
    assert "## 5. Data" in view
    passages = scan_text(html)
    training = [p for p in passages if p.fact == "ai_training_customer_content"]
    assert [p.value for p in training] == ["never"]
    assert training[0].quote in html and "<b>not</b>" in training[0].quote
    assert normalise(training[0].quote) in normalise(html)


# ---------------------------------------------------------------- AI training


@pytest.mark.parametrize(
    ("sentence", "fact", "value"),
    [
        (
            "We do not use Customer Content to train our machine learning models.",
            "ai_training_customer_content",
            "never",
        ),
        (
            "We will not use your files to train AI models without your prior consent.",
            "ai_training_customer_content",
            "opt_in",
        ),
        (
            "Customer Content is used to train models only if an admin opts in.",
            "ai_training_customer_content",
            "opt_in",
        ),
        (
            "We may use your messages to improve our artificial intelligence features; you can "
            "opt out in the admin settings.",
            "ai_training_customer_content",
            "opt_out",
        ),
        (
            "We may use your content to train and improve our machine learning models.",
            "ai_training_customer_content",
            "always",
        ),
        (
            "Telemetry and usage data may be used to train our AI models.",
            "ai_training_service_data",
            "always",
        ),
        (
            "Our third-party model providers do not train on your content.",
            "ai_training_third_party",
            "never",
        ),
    ],
)
def test_ai_training_values(sentence: str, fact: str, value: str) -> None:
    assert _facts(sentence).get(fact) == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our personnel are trained with the relevant security requirements.",
        "Calls may be recorded for training and quality assurance purposes.",
        "The AI features are governed by the AI addendum.",
        "“Technical Services” means any training, enablement or other services.",
    ],
)
def test_not_model_training(sentence: str) -> None:
    facts = _facts(sentence)
    assert not any(f.startswith("ai_training") for f in facts)


def test_a_notwithstanding_sentence_overrides_a_broad_licence() -> None:
    text = (
        "10.4 Licence. You grant us a licence to use Customer Content for machine learning, "
        "artificial intelligence, training and product development.\n\n"
        "Notwithstanding the above, we will not use Customer Content to train our artificial "
        "intelligence models without your consent.\n"
    )
    suggestions = {s.fact: s for s in suggest(scan_text(text))}
    training = suggestions["ai_training_customer_content"]
    assert training.value == "opt_in" and training.conflicting
    assert [p.value for p in training.passages] == ["always", "opt_in"]
    assert suggestions["content_license_scope"].value == "service_and_improvement"


def test_a_notwithstanding_sentence_does_not_override_what_comes_after_it() -> None:
    # written for this test: a later passage takes the promise back
    text = (
        "Notwithstanding the above, we will not use Customer Content to train our artificial "
        "intelligence models without your consent.\n\n"
        "We may use Customer Content to train and improve our machine learning models.\n"
    )
    training = {s.fact: s for s in suggest(scan_text(text))}["ai_training_customer_content"]
    assert [p.value for p in training.passages] == ["opt_in", "always"]
    assert training.value == "always"


@pytest.mark.parametrize(
    "override",
    [
        "Notwithstanding the above, we will not use Enterprise customers' content to train our "
        "models.",
        "Notwithstanding the foregoing, we will not use your content to train our models if you "
        "are an Enterprise customer.",
    ],
)
def test_a_notwithstanding_denial_scoped_to_some_leaves_the_earlier_use_standing(
    override: str,
) -> None:
    # written for this test: the override spares Enterprise customers only
    text = f"We may use your content to train our AI models.\n\n{override}\n"
    training = {s.fact: s for s in suggest(scan_text(text))}["ai_training_customer_content"]
    assert training.value == "always"


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        (
            "We do not use your content to train our models. Notwithstanding the foregoing, we "
            "may use your content to train our models.",
            "ai_training_customer_content",
            "always",
        ),
        (
            "We do not sell your personal information. Notwithstanding anything to the "
            "contrary, we may sell your personal information to our partners.",
            "sale_of_data",
            "always",
        ),
        (
            "Your license to us is limited to providing the Services. Notwithstanding anything "
            "to the contrary, we may use your content for any purpose.",
            "content_license_scope",
            "any_purpose",
        ),
    ],
)
def test_a_later_notwithstanding_permission_wins_over_an_earlier_denial(
    text: str, fact: str, value: str
) -> None:
    # written for this test
    assert {s.fact: s.value for s in suggest(scan_text(text))}[fact] == value


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "We do not sell your personal information. We are not responsible for how our "
            "partners use the data we share with them.",
            "sale_of_data",
        ),
        (
            "We do not use your personal data for advertising. We are not liable for any use "
            "of it by the companies we work with.",
            "advertising_use",
        ),
        (
            "We use your content only to provide the Services to you. We are not responsible "
            "for how our partners use your content.",
            "content_license_scope",
        ),
    ],
)
def test_a_disclaimer_in_the_next_sentence_hedges_the_denial(text: str, fact: str) -> None:
    # written for this test: the disclaimer is about what is done with the data denied above
    assert {s.fact: s.value for s in suggest(scan_text(text))}[fact] == "undisclosed"


def test_a_disclaimer_about_something_else_leaves_the_denial_alone() -> None:
    # written for this test
    text = (
        "We do not sell your personal information. We are not responsible for the content of "
        "third-party websites."
    )
    assert {s.fact: s.value for s in suggest(scan_text(text))}["sale_of_data"] == "never"


def test_a_disclaimer_in_another_paragraph_does_not_reach_the_denial() -> None:
    # written for this test
    text = (
        "We do not sell your personal information.\n\n"
        "We are not responsible for how our partners use the data we share with them.\n"
    )
    assert {s.fact: s.value for s in suggest(scan_text(text))}["sale_of_data"] == "never"


# ---------------------------------------------------------------- other facts


@pytest.mark.parametrize(
    ("sentence", "fact", "value"),
    [
        ("We do not sell your personal data to anyone.", "sale_of_data", "never"),
        (
            "Some disclosures may constitute a sale of your personal information.",
            "sale_of_data",
            "always",
        ),
        (
            "You can opt out of the sale of your personal information at any time.",
            "sale_of_data",
            "opt_out",
        ),
        ("Your data is never used for targeted ads.", "advertising_use", "never"),
        (
            "Within ninety (90) days after termination we delete all Customer Content.",
            "deletion_after_termination_days",
            90,
        ),
        (
            "Upon termination the Processor shall return or delete the Customer's personal data.",
            "deletion_after_termination_days",
            "undisclosed",
        ),
        (
            "We will notify you within 72 hours of becoming aware of a personal data breach.",
            "breach_notification_hours",
            72,
        ),
        (
            "We will notify the Customer of any new sub-processor at least ten (10) business "
            "days in advance.",
            "subprocessor_change_notice_days",
            14,
        ),
        (
            "Customer data is stored encrypted at rest using AES-256.",
            "encryption_at_rest",
            "encrypted",
        ),
        (
            "The Service is not intended to meet HIPAA requirements and we are not a business "
            "associate.",
            "baa_available",
            "not_available",
        ),
        (
            "We will sign a business associate agreement with healthcare customers.",
            "baa_available",
            "available",
        ),
        (
            "Transfers are covered by the Standard Contractual Clauses, which are incorporated "
            "in this agreement.",
            "scc_available",
            "available",
        ),
        (
            "Customer Content is hosted on servers in Germany and Switzerland.",
            "data_residency_regions",
            ("ch", "eu"),
        ),
        (
            "Personal data may be transferred from the EEA to the United States and other "
            "countries.",
            "data_residency_regions",
            ("global", "us"),
        ),
        (
            "We may use aggregated and de-identified data to improve the Services.",
            "aggregated_data_use",
            "always",
        ),
        (
            "We hold ISO 27001 certification and a SOC 2 Type II report.",
            "certifications",
            ("iso27001", "soc2_type2"),
        ),
    ],
)
def test_fact_values(sentence: str, fact: str, value: object) -> None:
    assert _facts(sentence).get(fact) == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "We may assign this Agreement in connection with a sale of all or substantially all "
        "of our assets.",
        "You may not sell, rent or lease the Services.",
        "These Terms are governed by the laws of the State of California, United States.",
        "In no event shall our aggregate liability exceed the fees paid.",
        "Logs are retained for at least one year.",
        "8x8 may present users with advertisements for 8x8 services.",
        "Customer will promptly notify us of any unauthorized access to its account.",
    ],
)
def test_look_alike_sentences_bear_on_nothing(sentence: str) -> None:
    assert _facts(sentence) == {}


def test_an_opt_out_after_a_practice_applies_to_it() -> None:
    text = (
        "We create anonymous usage statistics from your use of the service. Other things "
        "happen too. You can prevent this processing at any time in the settings.\n"
    )
    assert _facts(text)["aggregated_data_use"] == ["always", "opt_out"]


def test_periods_in_days() -> None:
    found = [days for days, _ in periods("within thirty (30) days, 6 months, ten business days")]
    assert found == [30, 180, 14]


# ---------------------------------------------------------------- suggestions and comparison


def _result(text: str) -> Result:
    passages = scan_text(text)
    return Result("doc.md", "0" * 64, passages, suggest(passages))


def test_lists_are_united_and_numbers_take_the_surest_passage() -> None:
    text = (
        "Customer Content is stored on servers in the United States. Backup copies are "
        "hosted on servers in Ireland.\n\n"
        "Within thirty (30) days after termination we delete Customer Content.\n"
    )
    result = _result(text)
    residency = result.suggestion("data_residency_regions")
    assert residency is not None and residency.value == ("us", "eu")
    deletion = result.suggestion("deletion_after_termination_days")
    assert deletion is not None and deletion.value == 30


def test_compare_pairs_unchanged_changed_added_and_removed() -> None:
    old = _result(
        "We do not sell your personal data.\n\n"
        "We may use your content to train our machine learning models.\n"
    )
    new = _result(
        "We do not sell your personal data.\n\n"
        "We do not use your content to train our machine learning models.\n\n"
        "We will notify you within 48 hours of a personal data breach.\n"
    )
    changes = {c.fact: c for c in compare(old, new).facts}
    assert changes["sale_of_data"].kind == "unchanged"
    training = changes["ai_training_customer_content"]
    assert training.kind == "changed"
    assert [(p.kind, _v(p.old), _v(p.new)) for p in training.passages] == [
        ("changed", "always", "never")
    ]
    assert changes["breach_notification_hours"].kind == "added"
    assert changes["breach_notification_hours"].new is not None


def _v(passage: Passage | None) -> object:
    return passage.value if passage is not None else None


# Written for these tests: the way out of a practice drafted as the next list item or paragraph.
@pytest.mark.parametrize(
    "text",
    [
        "## AI\n\nWe use your data as follows:\n\n- We may use your content to train our AI "
        "models.\n- You can opt out at any time in your account settings.\n",
        "## AI\n\nWe may use your content to train our AI models.\n\nYou can opt out at any time "
        "in your account settings.\n",
    ],
)
def test_an_opt_out_opening_the_next_unit_applies_to_the_practice_before(text: str) -> None:
    assert _facts(text)["ai_training_customer_content"] == ["always", "opt_out"]


def test_an_opt_out_in_another_section_does_not() -> None:
    text = (
        "## AI\n\nWe may use your content to train our AI models.\n\n## Contact\n\nYou can opt "
        "out at any time in your account settings.\n"
    )
    assert _facts(text)["ai_training_customer_content"] == ["always"]
