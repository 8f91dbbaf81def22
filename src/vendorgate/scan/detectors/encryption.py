"""Whether customer data is encrypted at rest."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "encryption"
FACTS: tuple[str, ...] = ("encryption_at_rest",)


ENCRYPTED = re.compile(r"\bencrypt\w*|\bunencrypted\b|\baes\b")
AT_REST = rx(
    r"\bat[- ]rest\b",
    r"\bstored (?:in an )?encrypted\b",
    r"\bencrypted (?:format|form)\b[^.;]{0,40}\bstor",
    r"\bstor\w*\b[^.;]{0,40}\bencrypt\w*",
    r"\bencrypt\w*\b[^.;]{0,60}\b(?:on (?:its|our|the) servers?|in our server|stored|"
    r"(?:block|storage) devices|disks?|databases?)\b",
    r"\bqueues?\b[^.;]{0,30}\bencrypted\b",
    # a block cipher named with its key size protects stored data ("AES-256", "256-bit AES")
    r"\baes[- ]?(?:128|192|256)\b|\b(?:128|192|256)[- ]bit aes\b",
    # encrypted before it leaves the user's device, so stored encrypted by construction
    r"\bencrypt\w*\b[^.;]{0,60}\b(?:on|in) (?:your|the user'?s?|the) (?:device|browser|client)s?\b"
    r"[^.;]{0,60}\b(?:before|prior to)\b",
    r"\bclient[- ]side encrypt\w*|\bzero[- ](?:knowledge|access) encrypt\w*",
)
NEGATED = re.compile(
    r"\b(?:not|never|no longer)(?: be)? (?:[\w-]+ ){0,2}?encrypt\w*|\bunencrypted\b"
)
E2E = re.compile(r"\bend-to-end\b")


def detect(s: Sentence) -> list[Hit]:
    """Whether customer data is encrypted at rest."""
    text = s.low
    cue = ENCRYPTED.search(text)
    rest = AT_REST.search(text)
    if cue is None or rest is None:
        return []
    negative = NEGATED.search(text)
    if negative and E2E.search(negative.group()):
        # "not end-to-end encrypted" leaves open whether it is encrypted at rest at all
        return []
    value = "not_encrypted" if negative else "encrypted"
    return [Hit("encryption_at_rest", value, 0.8, span(cue, rest), 1, cue="encryption at rest")]
