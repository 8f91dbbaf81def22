"""Whether customer data is encrypted at rest."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "encryption"
FACTS: tuple[str, ...] = ("encryption_at_rest",)


ENCRYPTED = re.compile(r"\bencrypt\w*|\bunencrypted\b")
AT_REST = rx(
    r"\bat[- ]rest\b",
    r"\bstored (?:in an )?encrypted\b",
    r"\bencrypted (?:format|form)\b[^.;]{0,40}\bstor",
    r"\bstor\w*\b[^.;]{0,40}\bencrypt\w*",
    r"\bencrypt\w*\b[^.;]{0,60}\b(?:on (?:its|our|the) servers?|in our server|stored|"
    r"(?:block|storage) devices|disks?|databases?)\b",
    r"\bqueues?\b[^.;]{0,30}\bencrypted\b",
)


def detect(s: Sentence) -> list[Hit]:
    """Whether customer data is encrypted at rest."""
    text = s.low
    cue = ENCRYPTED.search(text)
    rest = AT_REST.search(text)
    if cue is None or rest is None:
        return []
    negative = re.search(r"\bnot encrypted\b|\bunencrypted\b", text)
    value = "not_encrypted" if negative else "encrypted"
    return [Hit("encryption_at_rest", value, 0.8, span(cue, rest), 1, cue="encryption at rest")]
