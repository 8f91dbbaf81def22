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
    r"(?:\ba (?:maximum|period) of|\bfor) (?:\w+ )?\(?\d+\)? (?:days?|hours?|months?|years?)\b",
    r"\bautomatically delet\w+",
    r"\bfor delivery\b",
    r"\bto buffer\b",
)
INDEFINITE = rx(r"\bindefinite\w*", r"\bno (?:fixed )?retention (?:period|limit)")
TERMINATION = rx(
    r"\bterminat\w+",
    r"\bexpir\w+",
    r"\bcancel\w*",
    r"\bthereafter\b",
    r"\bafter this (?:export )?period\b",
)
DELETE = re.compile(r"\bdelet\w+|\berase\w*|\bdestr(?:oy|uction)\b|\bpurg\w+|\breturn\b")
EXPORT_WINDOW = re.compile(r"\b(?:export|retrieve)\b")
BACKUP = re.compile(
    r"\b(?:retain\w*|kept|remain\w*)\b[^.;]{0,100}\b(?:backups?|back-up|archiv\w+)\b"
)
COST = re.compile(r"\b(?:cost|costs|expenses?)\b[^.]{0,120}\bborne\b")


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
