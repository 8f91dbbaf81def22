"""AI / ML training: which data, what practice, third-party models, and what is not training."""

from __future__ import annotations

import pytest

from tests.unit.scan.detectors.quoting import hits, suggested
from vendorgate.scan.detectors import ai_training

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
