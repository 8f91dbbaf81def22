"""Whether the vendor signs a HIPAA business associate agreement."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "baa"
FACTS: tuple[str, ...] = ("baa_available",)


BAA = re.compile(r"\bbusiness associates?\b|\bbaa\b")
BAA_NOT = rx(
    r"\b(?:is|are) not a business associate\b",
    r"\b(?:will|do|does|shall) not (?:sign|enter into|execute|offer|provide)\b[^.;]{0,40}"
    r"\b(?:baa|business associate)",
    r"\bnot intended to meet\b[^.;]{0,80}\bhipaa\b",
)
BAA_REQUEST = rx(
    r"\bseparate (?:hipaa )?business associate\b",
    r"\bupon request\b|\bon request\b",
    r"\bcontact (?:us|sales)\b",
    r"\bif (?:you|customer) (?:have|has) (?:entered into|executed|signed)\b",
    r"\bmay be subject to\b",
    # signed only for some customers: "if you are on an Enterprise plan, we will sign a BAA"
    r"\b(?:if|only|where|when|provided that)\b[^.;]{0,60}\b(?:plans?|subscriptions?|tiers?|"
    r"eligible|enterprise|qualif\w+)\b",
)
DEFINITION = re.compile(
    r'^"?(?:baa|business associate (?:agreement|addendum))"?(?: or "?[\w ]{1,40}"?)? '
    r"(?:means|is an? |refers to)"
)
"""The term defined: what a BAA is, not whether the vendor signs one."""
BAA_YES = rx(
    r"\b(?:will|shall|can|may) (?:sign|enter into|execute)\b[^.;]{0,30}"
    r"\b(?:baa|business associate)",
    r"\b(?:baa|business associate agreement) (?:is|are) available\b",
)


def detect(s: Sentence) -> list[Hit]:
    """Whether the vendor signs a HIPAA business associate agreement."""
    text = s.low
    cue = BAA.search(text)
    if cue is None or DEFINITION.match(text):
        return []
    for value, pattern, confidence in (
        ("not_available", BAA_NOT, 0.85),
        ("on_request", BAA_REQUEST, 0.7),
        ("available", BAA_YES, 0.8),
    ):
        match = pattern.search(text)
        if match:
            return [Hit("baa_available", value, confidence, span(cue, match), 1, cue="BAA")]
    return [Hit("baa_available", "on_request", 0.55, span(cue), 1, cue="BAA mentioned")]
