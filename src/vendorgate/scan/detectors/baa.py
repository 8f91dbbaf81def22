"""Whether the vendor signs a HIPAA business associate agreement."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import not_a_statement, rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "baa"
FACTS: tuple[str, ...] = ("baa_available",)
TRIGGER = Trigger("business associate|baa")  # BAA


BAA = re.compile(r"\bbusiness associates?\b|\bbaas?\b")
HEALTH = re.compile(
    r"\bhipaa\b|\bhitech\b|\bprotected health information\b|\bphi\b|\bhealth\b|\bmedical\b|"
    r"\bcovered entit(?:y|ies)\b|\bbaas?\b|\bbusiness associate (?:agreement|addendum|contract)s?\b"
)
"""The HIPAA sense: "our business associates and partners" in a privacy policy is not it."""
BAA_NOT = rx(
    r"\b(?:(?:is|are|acts?|act as|am) not|isn't|aren't) (?:a|acting as a|considered a) business"
    r" associate\b",
    r"\b(?:(?:will|do|does|shall|can|is|are) not|cannot|won't|don't|doesn't|never) (?:\w+ )?"
    r"(?:sign|enter into|execute|offer|provide|agree to|make available)\b[^.;]{0,40}"
    r"\b(?:baas?|business associate)",
    r"\bno (?:baa|business associate (?:agreement|addendum))\b",
    r"\b(?:baa|business associate (?:agreement|addendum))s? (?:is|are) not (?:available|offered)\b",
    r"(?:\bnot|n't) intended to meet\b[^.;]{0,80}\bhipaa\b",
)
BAA_REQUEST = rx(
    r"\bseparate (?:hipaa )?business associate\b",
    r"\bupon (?:[\w-]+'s |your |written )*request\b|\bon request\b",
    r"\bmust (?:first )?(?:enter into|sign|execute|have)\b",
    r"\b(?:request|ask for)\b[^.;]{0,30}\b(?:baa|business associate)",
    r"\bcontact (?:us|sales|our sales|your account)\b",
    r"\b(?:if|unless|until)\b[^.;]{0,40}\b(?:have|has) (?:entered into|executed|signed|agreed)\b",
    r"\bexcept as permitted by\b|\bmay be subject to\b",
    # signed only for some customers: "if you are on an Enterprise plan, we will sign a BAA"
    r"\b(?:if|only|where|when|provided that)\b[^.;]{0,60}\b(?:plans?|subscriptions?|tiers?|"
    r"eligible|enterprise|qualif\w+)\b",
    r"\b(?:eligible|qualifying)\b",
    r"\b(?:to|for) (?:enterprise|certain|some) (?:customers|accounts)\b",
    r"\bon (?:the |an? |our )?[\w-]+ (?:plans?|tiers?|subscriptions?)\b",
)
DEFINITION = re.compile(
    r'^"?(?:baa|business associate (?:agreement|addendum))"?(?: or "?[\w ]{1,40}"?)? '
    r"(?:means|is an? |refers to|shall mean)|"
    r"\bha(?:s|ve) the (?:same )?meanings? (?:given|set (?:forth|out)|ascribed|assigned)\b|"
    r"\bas (?:those terms are |that term is )?defined (?:in|under|by) (?:hipaa|45)\b"
    r"(?![^.;]{0,30}\bnot\b)"
)
"""The term defined or given its HIPAA meaning: what a BAA is, not whether the vendor signs one.
("Miro is not a Business Associate as defined under HIPAA" still denies.)"""
BAA_YES = rx(
    r"\b(?:will|shall|can|may|agrees? to|is willing to|are willing to) (?:sign|enter into|execute|"
    r"offer|provide|make available)\b[^.;]{0,30}\b(?:baas?|business associate)",
    r"\b(?:we|[a-z]+) (?:offers?|signs?|provides?|executes?|enters? into)\b[^.;]{0,20}"
    r"\b(?:an? |our )?(?:baas?|business associate (?:agreement|addendum))",
    r"\b(?:baa|business associate (?:agreement|addendum))s? (?:is|are) (?:available|offered)\b",
    r"\bsubject to (?:the|a|an|our) (?:baa|business associate (?:agreement|addendum))\b",
    # the passive, the agreement as subject: "a BAA is executed during onboarding", "a signed BAA
    # is included with every plan", "the BAA is signed automatically at activation"
    r"\b(?:baas?|business associate (?:agreements?|addend(?:um|a)))\b (?:is|are) (?:\w+ )?"
    r"(?:executed|signed|included|countersigned|counter-signed|in place)\b",
)


def detect(s: Sentence) -> list[Hit]:
    """Whether the vendor signs a HIPAA business associate agreement."""
    text = s.low
    cue = BAA.search(text)
    if cue is None or not HEALTH.search(" ".join((text, s.heading.lower()))):
        return []
    if not_a_statement(s):
        return []  # a title ("HIPAA Business Associate Agreement") names the topic
    if DEFINITION.search(text) and not BAA_NOT.search(text):
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
