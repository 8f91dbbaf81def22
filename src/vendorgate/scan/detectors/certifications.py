"""Security certifications and audit reports the vendor holds."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "certifications"
FACTS: tuple[str, ...] = ("certifications",)
TRIGGER = Trigger(  # CERTIFICATION_WORDS
    "iso|soc|hitrust|fedramp|pci|payment card|csa star|cloud security alliance|c5|hds|bergeur|tisax"
)


_ISO = r"(?:\biso(?:/iec)?[- ]?|(?<=[,/] )|(?<=and )|(?<=or ))"
""""ISO 27001", "ISO/IEC 27017", and the later numbers of a run ("ISO 27001, 27017 and 27018")."""
_TYPE = r",? \(?type "
CERTIFICATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso27001", re.compile(_ISO + r"27001\b")),
    ("iso27017", re.compile(_ISO + r"27017\b")),
    ("iso27018", re.compile(_ISO + r"27018\b")),
    ("iso27701", re.compile(_ISO + r"27701\b")),
    ("iso42001", re.compile(_ISO + r"42001\b")),
    ("soc2_type2", re.compile(r"\bsoc[- ]?2" + _TYPE + r"(?:2|ii)\b|\btype (?:2|ii) soc[- ]?2\b")),
    ("soc2_type1", re.compile(r"\bsoc[- ]?2" + _TYPE + r"(?:1|i)\b|\btype (?:1|i) soc[- ]?2\b")),
    ("hitrust", re.compile(r"\bhitrust\b")),
    ("fedramp_moderate", re.compile(r"\bfedramp moderate\b")),
    ("fedramp_high", re.compile(r"\bfedramp high\b")),
    ("pci_dss", re.compile(r"\bpci[- ]dss\b|\bpayment card industry data security standards?\b")),
    ("csa_star", re.compile(r"\bcsa star\b|\bcloud security alliance\b[^.;]{0,20}\bstar\b")),
    ("c5", re.compile(r"\bbsi c5\b|\bc5 attestation\b")),
    # the French health-data hosting certificate: "HDS" alone is too short to trust
    (
        "hds",
        re.compile(
            r"\bhds[- ](?:certif\w*|accredit\w*)|\bh[eé]bergeur de donn[eé]es de sant[eé]\b"
        ),
    ),
    ("tisax", re.compile(r"\btisax\b")),
)
CERTIFICATION_WORDS = re.compile(
    r"iso|soc[- ]?2|hitrust|fedramp|pci|payment card|csa star|cloud security alliance|c5|hds|"
    r"h[eé]bergeur|tisax"
)
CERTIFIED = re.compile(
    r"\bcertif\w*|\breports?\b|\battest\w*|\baudit\w*|\bcompliant\b|\bcomplies\b|\baccredit\w*|"
    r"\bholds?\b|\bmaintains?\b|\bachieved\b|"
    # the vendor follows or adheres to the standard
    r"\b(?:we|it) (?:\w+ )?(?:follows?|adheres? to|compl(?:y|ies) with|meets?)\b"
)
NOT_CERTIFIED = rx(
    r"\bprohibited\b|\bsubject to the payment card\b|\byou (?:must|shall)\b",
    # not held yet: a goal, a plan, a denial
    r"\b(?:working (?:towards?|on)|pursu\w+|in the process of|plan(?:s|ning)? to|intends? to|"
    r"expects? to|seek\w*|aim\w* (?:to|for)|roadmap)\b",
    # a certificate planned for a date: "ISO 27001 is planned for Q4", "SOC 2 scheduled for 2027"
    r"\b(?:planned|scheduled|targeted|targeting|anticipated|upcoming|forthcoming)\b|"
    r"\bexpected (?:in|by|for|during|next|later|this)\b",
    # an audit under way: its report is not issued yet
    r"\b(?:undergo\w*|(?:is|are) (?:currently )?being (?:audited|assessed|certified))\b|"
    r"\b(?:audit|examination|assessment|certification)s? (?:is |are )?(?:currently )?"
    r"(?:in progress|under ?way|ongoing|pending)\b",
    r"\b(?:not|never|no longer)\b(?: [\w/-]+){0,5} (?:certified|compliant|accredited|audited)\b",
    r"\bdoes not (?:hold|have|maintain)\b|\bdo not (?:hold|have|maintain)\b",
    # a standard the programme is modelled on, which is no certificate of it
    r"\b(?:aligned|alignment|consistent|inspired|modell?ed|based) (?:with|on|by)\b",
    # someone else's certificate: the card processor's, a partner's, the customer's
    r"\b(?:payment|card) (?:processors?|providers?|service providers?)\b",
    r"\b(?:third[- ]party|third parties|partners?|vendors?|suppliers?|(?:cloud|hosting|"
    r"infrastructure) (?:providers?|partners?|services)|data cent(?:er|re)s?|sub-?processors?)\b"
    r"[^.;]{0,40}\b(?:is|are) (?:[\w/-]+ ){0,8}(?:certified|compliant|accredited)\b",
    # the certificate qualifies what the vendor runs on: "hosted in ISO 27001 certified data
    # centres", "runs on SOC 2 certified infrastructure", "our hosting partner holds ..."
    r"\b(?:certified|compliant|accredited|audited) (?:cloud )?(?:infrastructure|"
    r"data ?cent(?:er|re)s?|facilit(?:y|ies)|hosting|(?:cloud |hosting )?providers?)\b",
    r"\b(?:cloud|hosting|infrastructure) (?:providers?|partners?)\b[^.;]{0,20}"
    r"\b(?:holds?|maintains?|has|have)\b",
    # the customer's own compliance with the standard
    r"\b(?:your|customer'?s?) (?:own )?(?:compliance|obligations)\b",
    r"\b(?:you|customers?) (?:are|is|will be|remain) (?:solely )?responsible\b",
)
DEFINITION = re.compile(r'^"?[\w ]{1,40}"? (?:means|refers to|shall mean)\b')
"""A defined term ("Security Standards" means ISO 27001 ...): names standards, holds none."""


def detect(s: Sentence) -> list[Hit]:
    """Security certifications and audit reports the vendor holds."""
    text = s.low
    if not CERTIFICATION_WORDS.search(text):
        return []
    found = [(name, m) for name, pattern in CERTIFICATIONS if (m := pattern.search(text))]
    if not re.search(r"\biso\b", text):
        # a bare "27017" counts only in a run that named ISO first
        found = [(n, m) for n, m in found if not m.group().startswith(("2", "4"))]
    if not found or NOT_CERTIFIED.search(text) or DEFINITION.match(text):
        return []
    if CERTIFIED.search(text) is None and len(text.split()) > 12:
        return []
    names = tuple(sorted({name for name, _ in found}))
    return [Hit("certifications", names, 0.8, span(*(m for _, m in found)), 1, cue="certification")]
