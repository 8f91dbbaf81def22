"""Whether customer data is encrypted at rest."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "encryption"
FACTS: tuple[str, ...] = ("encryption_at_rest",)


ENCRYPTED = re.compile(r"\bencrypt\w*|\bunencrypted\b|\baes\b|\bcryptograph\w*|\bdecrypt\w*")
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
    r"\bencrypted (?:backups?|storage|archives?|databases?|disks?|volumes?)\b",
    # the vendor cannot read what it keeps: "Encrypted Content cannot be decrypted by Tresorit",
    # "we do not have the technical means to access your encrypted emails"
    r"\b(?:cannot|can ?not|can't|unable to|no (?:technical )?means to|never)\b[^.;]{0,40}"
    r"\bdecrypt\w*",
    r"\b(?:not|no|never)\b[^.;]{0,40}\b(?:means|ability|way) to (?:access|read)\b[^.;]{0,60}"
    r"\bencrypted\b",
    r"\bend-to-end encrypted\b(?! (?:in transit|during transmission))",
    r"\b(?:encrypt\w*|cryptograph\w*)\b[^.;]{0,60}\bto protect (?:the |your |customer |all )?"
    r"(?:files|content|documents|data)\b",
)
NOT_AT_REST = re.compile(
    r"\b(?:encryption |recovery |private )?keys? (?:may be |are |is |will be )?stored\b|"
    r"\bkeys? stored\b|\bliab(?:le|ility)\b|\bin transit\b|\btransmission\b"
)
"""Keys kept somewhere, a liability clause, data moving: not how stored data is protected."""
CONDITION = re.compile(r"^(?:if|when|where|whenever|in case|once)\b[^,;]{0,160}[,;]")
"""A leading condition: what it says holds only in some cases."""
TERM = re.compile(r"\bEncrypted (?:[A-Z]\w+)")
"""A defined term ("Encrypted Content"): it names data, it does not say how it is stored."""
NEGATED = re.compile(
    r"\b(?:not|never|no longer)(?: be)? (?:[\w-]+ ){0,2}?encrypt\w*|\bunencrypted\b"
)
E2E = re.compile(r"\bend-to-end\b")


def detect(s: Sentence) -> list[Hit]:
    """Whether customer data is encrypted at rest."""
    text = s.low
    if TERM.search(s.text):
        # blank the defined term so that only what the sentence says of it counts
        text = TERM.sub(lambda m: "data" + " " * (len(m.group()) - 4), s.text).lower()
    cue = ENCRYPTED.search(text)
    rest = AT_REST.search(text)
    if cue is None or rest is None or NOT_AT_REST.search(text):
        return []
    condition = CONDITION.match(text)
    if condition and rest.start() < condition.end():
        # "When an email is end-to-end encrypted, ...": encrypted only in some cases
        return []
    negative = NEGATED.search(text)
    if negative and E2E.search(negative.group()):
        # "not end-to-end encrypted" leaves open whether it is encrypted at rest at all
        return []
    value = "not_encrypted" if negative else "encrypted"
    return [Hit("encryption_at_rest", value, 0.8, span(cue, rest), 1, cue="encryption at rest")]
