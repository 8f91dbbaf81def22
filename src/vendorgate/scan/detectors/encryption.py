"""Whether customer data is encrypted at rest."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import not_a_statement, rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "encryption"
FACTS: tuple[str, ...] = ("encryption_at_rest",)
TRIGGER = Trigger("crypt|aes")  # ENCRYPTED


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
    r"\b(?:128|192|256)[- ]bit advanced encryption standard\b|"
    r"\badvanced encryption standard (?:\(aes\) )?(?:with )?(?:128|192|256)\b",
    # the disks themselves encrypted whole: "our servers use full disk encryption" (staff laptops
    # with it are set aside below)
    r"\bfull[- ](?:disk|volume|drive) encrypt\w*|\bencrypt\w* (?:the )?(?:entire|whole|full) "
    r"(?:disks?|volumes?|drives?)\b",
    # encrypted before it leaves the user's device, so stored encrypted by construction
    r"\bencrypt\w*\b[^.;]{0,60}\b(?:on|in) (?:your|the user'?s?|the) (?:device|browser|client)s?\b"
    r"[^.;]{0,60}\b(?:before|prior to)\b",
    r"\bclient[- ]side encrypt\w*|\bzero[- ](?:knowledge|access) encrypt\w*",
    r"\bencrypted (?:backups?|storage|archives?|databases?|disks?|volumes?)\b",
    r"\b(?:backups?|archives?|databases?|disks?|volumes?|storage)\b (?:are|is|will be|shall be)"
    r" (?:\w+ )?encrypted\b",
    # the vendor cannot read what it keeps: "Encrypted Content cannot be decrypted by Tresorit",
    # "we do not have the technical means to access your encrypted emails"
    r"\b(?:cannot|can ?not|can't|unable to|no (?:technical )?means to|never|"
    r"under no circumstances|in no (?:event|case))\b[^.;]{0,40}"
    r"\bdecrypt\w*",
    r"(?:\b(?:not|no|never)\b|n't\b)[^.;]{0,40}\b(?:means|ability|way) to (?:access|read)\b"
    r"[^.;]{0,60}\bencrypted\b",
    # end-to-end encryption of what is kept (mail, files, notes), not of a call or a message
    # passing through: those say nothing about storage
    r"\bend-to-end encrypted\b(?! (?:in transit|during transmission))[^.;]{0,60}"
    r"\b(?:e-?mails?|files|backups?|notes|documents|drives?|storage|stored)\b",
    r"\b(?:e-?mails?|files|backups?|notes|documents|drives?|storage)\b[^.;]{0,40}"
    r"\bend-to-end encrypted\b(?! (?:in transit|during transmission))",
    # what is kept (files, content), not "your data" at large, which may be data on the move
    r"\b(?:encrypt\w*|cryptograph\w*)\b[^.;]{0,60}\bto protect (?:the |your |customer |all )?"
    r"(?:files|content|documents)\b",
)
NOT_AT_REST = re.compile(
    r"\b(?:encryption |recovery |private )?keys? (?:may be |are |is |will be )?stored\b|"
    r"\bkeys? stored\b|\bliab(?:le|ility)\b"
)
"""Keys kept somewhere, a liability clause: not how stored data is protected."""
IN_TRANSIT = re.compile(
    r"\bin[- ]transit\b|\btransmi(?:ssion|tted)\b|\bnetwork traffic\b|\btls\b|\bssl\b|"
    r"\b(?:voice |video )?calls?\b"
)
SAID_AT_REST = re.compile(
    r"\bat[- ]rest\b|\bstor(?:ed|es|age|ing)\b|\bbackups?\b|\bdisks?\b|\bdatabases?\b|"
    r"\bon (?:its|our|the) servers?\b"
)
"""Data moving (a call, TLS on the wire) is encrypted in transit; only a sentence that also
names storage ("encrypted in transit and at rest") says how kept data is protected."""
ONLY_SECRETS = re.compile(
    r"\b(?:passwords?|credentials|card (?:numbers?|data|details)|payment card|tokens?|secrets?)\b"
)
ANY_DATA = re.compile(
    r"\b(?:customer|your|all|user|personal|stored) (?:data|content|files|information)\b|"
    r"\b(?:content|files|documents|messages|backups?|databases?)\b|\bdata at rest\b"
)
"""Passwords or card numbers kept encrypted: a credential, not the customer's data."""
STAFF_DEVICES = re.compile(
    r"\b(?:laptops?|workstations?|desktops?|endpoints?|(?:employee|staff|company|corporate|work|"
    r"personnel|team|secure)'?s? (?:devices|computers|machines|phones))\b"
)
"""The staff's own computers ("laptops have full disk encryption"): the vendor's endpoint
hygiene, not how the customer's data is stored."""
NOT_THE_VENDORS = rx(
    # the user's own choice or duty, or a recommendation to them
    r"\b(?:you|customers?|users?) (?:can|may|could|might|should|choose to|elect to|are "
    r"responsible for|is responsible for)\b[^.;]{0,25}\bencrypt",
    r"\brecommend\w*\b[^.;]{0,30}\bencrypt",
    r"\boption(?:al|ally|s?)\b[^.;]{0,30}\bencrypt|\bencrypt\w*\b[^.;]{0,20}\boption",
    # hedged: some data, sometimes
    r"\b(?:may|might|can) (?:be )?(?:also )?encrypt\w*",
    r"\bwhere (?:possible|appropriate|feasible|practicable|available)\b",
    r"\bencrypt\w* (?:\w+ ){0,2}?(?:certain|some|selected)\b",
    r"\b(?:certain|some|selected) (?:\w+ ){0,2}(?:is|are) (?:\w+ )?encrypt",
)
"""Encryption the user may choose, or the vendor applies only to some data or where it can:
no statement that customer data is encrypted at rest."""
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
    if cue is None or rest is None or NOT_AT_REST.search(text) or NOT_THE_VENDORS.search(text):
        return []
    if not_a_statement(s):
        return []  # a title ("Encryption at Rest") names the topic
    if IN_TRANSIT.search(text) and not SAID_AT_REST.search(text):
        return []
    if (ONLY_SECRETS.search(text) or STAFF_DEVICES.search(text)) and not ANY_DATA.search(text):
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
