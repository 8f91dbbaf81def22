"""How long customer content is kept, and when it is deleted after termination."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import CONTENT, Spot, periods, rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "retention"
FACTS: tuple[str, ...] = (
    "content_retention",
    "deletion_after_termination_days",
)


RETAIN = re.compile(
    r"\bretain\w*|\bretention\b|\bkeeps?\b|\bkept\b|\bstor(?:e|es|ed|ing|age)\b|\bqueues?\b|"
    r"\bdelet\w+|\berase\w*|\bbuffer\b"
)
NOT_RETENTION_TOPIC = re.compile(
    r"\blogs?\b|log files|\bbilling\b|\bpayment\b|\bprofile (?:information|data)\b|"
    r"support (?:request|ticket|case)s?|\bnewsletter|\baccount data\b|\bservices data\b|"
    r"\bconfidential information\b|\bcharges\b|\bunderage\b|\bminor\b"
)
NOT_RETENTION_SECTION = re.compile(r"\brights\b|payment|billing|\blogs?\b|support|newsletter")
CONTROLLED = rx(
    r"\bin accordance with (?:a |the )?(?:customer|controller|your)'?s? instructions\b",
    r"\b(?:you|customer|the customer|controller|the controller) (?:may|can|elects? to|chooses? to)"
    r"\b[^.;]{0,60}\b(?:delete|request (?:the )?(?:return|deletion)|remove)",
    r"\bretention (?:settings|period you)\b",
    r"\byou control\b",
)
FIXED = rx(
    r"\btemporar\w+",
    r"\buntil (?:it is |they are )?(?:delivered|uploaded|sent)\b",
    r"\bduring the (?:meeting|session|call)\b",
    r"(?:\ba (?:maximum|period) of|\bfor) (?:\w+ ){0,3}?\(?\d+\)? "
    r"(?:days?|hours?|months?|years?)\b",
    r"\b(?:within|after|up to|no longer than|not more than|maximum of|at most) (?:[a-z-]+ )?"
    r"\(?\d+\)? (?:calendar |business )?(?:days?|hours?|weeks?|months?|years?)\b",
    r"\b\d+[- ](?:day|month|year)s? (?:retention|period|window)\b",
    r"\bautomatically delet\w+",
    r"\bfor delivery\b",
    r"\bto buffer\b",
)
INDEFINITE = rx(r"\bindefinite\w*", r"\bno (?:fixed )?retention (?:period|limit)")
TERMINATION = rx(
    r"\bterminat\w+",
    r"\bend of the provision of (?:the )?services\b",
    r"\bexpir\w+",
    r"\bcancel\w*",
    r"\bthereafter\b",
    r"\bafter this (?:export )?period\b",
)
GENERAL_RETENTION = re.compile(
    r"\bretain\w*|\bretention\b|\bkept\b|"
    r"\b(?:keeps?|stor(?:e|es|ed|ing))\b[^.;]{0,60}\b(?:for as long as|as long as|until|for)\b"
)
"""A statement that content is kept, with no period or control named: bears on retention
without settling its value."""
CONTRACT_END = re.compile(
    r"\b(?:terminat\w+|expir\w+|end)(?: or (?:expiration|termination|expiry))? of (?:the|this|"
    r"your|our|any|an|its) (?:\w+ )?(?:agreement|contract|dpa|services?|subscription|terms|"
    r"engagement|processing)\b|\bupon (?:termination|expiration|expiry)\b|"
    r"\bend of the provision of (?:the )?services\b"
)
PROCESSED_DATA = re.compile(r"\b(?:all )?personal data\b|\ball (?:such )?data\b")
"""When the contract ends, the personal data the vendor still holds is the customer's."""
DELETE = re.compile(r"\bdelet\w+|\berase\w*|\bdestr(?:oy|uction)\b|\bpurg\w+|\breturn\b")
EXPORT_WINDOW = re.compile(r"\b(?:export|retrieve)\b")
BACKUP = re.compile(
    r"\b(?:retain\w*|kept|remain\w*)\b[^.;]{0,100}\b(?:backups?|back-up|archiv\w+)\b"
)
COST = re.compile(r"\b(?:cost|costs|expenses?)\b[^.]{0,120}\bborne\b|\badditional costs?\b")
NOT_KEEPING = re.compile(
    r"\bretain\w* (?:all |any |its |their )?(?:\w+ )?(?:ownership|rights?|title|intellectual)\b|"
    r"\b(?:you|customers?|users?|licensees?)(?: will| shall| may)? (?:retains?|keeps?)\b|"
    r"\bresponsib\w+ for (?:the )?retention\b|\bnot (?:be )?(?:retain|kept|keep|stor)\w*"
)
""""You retain all rights in your content", "no responsibility for retention", "is not
retained": no statement of how long the vendor keeps the content."""


def _content_of(text: str) -> re.Match[str] | None:
    text = re.sub(r"\(excluding [^)]*\)", "", text)
    return CONTENT.search(text) or re.search(
        r"\buser (?:information|submissions)\b|\bcopies\b", text
    )


def detect(s: Sentence) -> list[Hit]:
    """How long customer content is kept, and its deletion after termination."""
    text = s.low
    if not (RETAIN.search(text) or DELETE.search(text) or EXPORT_WINDOW.search(text)):
        return []
    if NOT_RETENTION_TOPIC.search(text) and not BACKUP.search(text):
        return []
    if NOT_RETENTION_SECTION.search(s.heading) or NOT_RETENTION_SECTION.search(s.unit.local):
        return []
    data = _content_of(text) or (_content_of(s.unit.lead) if s.unit.kind != "paragraph" else None)
    if data is None and CONTRACT_END.search(text) and DELETE.search(text):
        data = PROCESSED_DATA.search(text)
    if data is None or COST.search(text):
        return []
    backup = BACKUP.search(text)
    if backup:
        return [
            Hit(
                "deletion_after_termination_days",
                "undisclosed",
                0.7,
                span(backup),
                1,
                cue="copies kept in backups",
            )
        ]
    ended = TERMINATION.search(text)
    if ended and (DELETE.search(text) or (EXPORT_WINDOW.search(text) and periods(text))):
        return [_deletion(s, ended)]
    if RETAIN.search(text) is None:
        return []
    for value, pattern in (
        ("customer_controlled", CONTROLLED),
        ("fixed_period", FIXED),
        ("indefinite", INDEFINITE),
    ):
        match = pattern.search(text)
        if match:
            return [Hit("content_retention", value, 0.75, span(match), 1, cue="retention")]
    kept = GENERAL_RETENTION.search(text)
    if kept and not NOT_KEEPING.search(text):
        # kept "as long as necessary" or with no period at all: the less committal value
        return [Hit("content_retention", "undisclosed", 0.55, span(kept), 1, cue="retained")]
    return []


def _deletion(s: Sentence, ended: re.Match[str]) -> Hit:
    text = s.low
    found = periods(text)
    where: Spot = found[0][1] if found else None
    if not found and re.search(r"\bafter (?:this|that|such) (?:\w+ )?period\b", text):
        # "After this export period, ... delete": the period is stated just before
        found = periods(s.previous)
    if found:
        return Hit(
            "deletion_after_termination_days",
            round(found[0][0]),
            0.85,
            span(ended, where),
            2,
            cue="deletion after termination",
        )
    if re.search(r"\bimmediately\b", text):
        return Hit("deletion_after_termination_days", 0, 0.75, span(ended), 2)
    return Hit("deletion_after_termination_days", "undisclosed", 0.75, span(ended), 1)
