"""AI / ML training on customer content, on service data, and by third-party model providers."""

from __future__ import annotations

from vendorgate.scan.detectors.cues import CONTENT, SERVICE_DATA, context, practice, rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "ai_training"
FACTS: tuple[str, ...] = (
    "ai_training_customer_content",
    "ai_training_service_data",
    "ai_training_third_party",
)


AI_TERM = rx(
    r"\bmachine[- ]learning\b",
    r"\bartificial intelligence\b",
    r"\bai\b",
    r"\bml\b",
    r"\blarge language models?\b",
    r"\bllms?\b",
    r"\bgenerative\b",
    r"\bpredictive models?\b",
    r"\bneural\b",
    r"\b(?:algorithms and models|models and algorithms)\b",
)
TRAIN_EXPLICIT = rx(
    r"\b(?:train|trains|trained|training|fine[- ]?tun\w*|tun(?:e|es|ed|ing))\b[^.;]{0,60}?"
    r"\b(?:models?|algorithms?|ai|artificial intelligence|llms?|machine learning)\b",
    r"\b(?:machine learning|artificial intelligence|ai|models?|model providers?|llms?)\b"
    r"[^.;]{0,40}?\btrain\w*",
    r"\btrain\w* (?:on|with) (?:your|customer|user)",
)
TRAIN_GENERAL = rx(
    r"\btrain(?:s|ed|ing)?\b",
    r"\bimprov\w+",
    r"\bdevelop\w*",
    r"\bbuild\w*",
    r"\bfor the purposes? of\b",
    r"\bcreate and develop\b",
)
THIRD_PARTY_AI = rx(
    r"\bthird[- ]party (?:artificial intelligence|ai|llms?|large language|machine learning|"
    r"models?|model providers?)\b",
    r"\bthird[- ]part(?:y|ies)'?\b[^.;]{0,40}\bmodels\b",
    r"\b(?:ai|llm|model) (?:providers?|vendors?|partners?|sub-?processors?)\b",
    r"\bopenai\b|\banthropic\b",
)
NOT_MODEL_TRAINING = rx(
    r"\btrained (?:with|on) the relevant\b",
    r"\btraining and quality assurance\b",
    r"\bfor (?:the purposes of )?training (?:purposes )?and quality\b",
    r"\btraining, enablement\b",
    r"\b(?:employees|personnel|staff)\b[^.;]{0,40}\btrain",
    # what the customer may not do with the vendor's AI is not what the vendor does
    r"^(?:you|customers?|users?) (?:may|must|shall|will|agree) not\b",
    r"\byou agree not to\b",
)


def detect(s: Sentence) -> list[Hit]:
    """AI / ML training on customer content, on service data, and by third-party providers."""
    text = s.low
    term = AI_TERM.search(text)
    explicit = TRAIN_EXPLICIT.search(text)
    if NOT_MODEL_TRAINING.search(text) or (term is None and explicit is None):
        return []
    general = TRAIN_GENERAL.search(text)
    if explicit is None and general is None:
        return []
    kind, kind_confidence = _data_kind(s)
    value, value_match = practice(text, (explicit or term or general).start())  # type: ignore[union-attr]
    strength = 2 if explicit else 1
    base = 0.9 if explicit else 0.75
    focus = span(explicit or term, value_match)
    override = text.startswith(("notwithstanding", "despite", "regardless"))
    hits = [
        Hit(kind, value, round(base * kind_confidence, 2), focus, strength, override, "AI/ML use")
    ]
    third = THIRD_PARTY_AI.search(text)
    if third is not None:
        hits.append(
            Hit(
                "ai_training_third_party",
                value,
                round(base, 2),
                span(third, value_match),
                strength,
                override,
                "third-party models",
            )
        )
    return hits


def _data_kind(s: Sentence) -> tuple[str, float]:
    """Which training fact a sentence is about, and how sure that is."""
    content = CONTENT.search(s.low)
    service = SERVICE_DATA.search(s.low)
    if service and not content:
        return "ai_training_service_data", 1.0
    if content and not service:
        return "ai_training_customer_content", 1.0
    if content and service:
        # the data the sentence is about is named first ("Service Generated Data based on
        # Customer Content" is service data)
        first = "service" if service.start() < content.start() else "content"
        return (
            "ai_training_service_data" if first == "service" else "ai_training_customer_content"
        ), 0.85
    around = context(s)
    if SERVICE_DATA.search(around) and not CONTENT.search(around):
        return "ai_training_service_data", 0.9
    if CONTENT.search(around):
        return "ai_training_customer_content", 0.9
    return "ai_training_customer_content", 0.7
