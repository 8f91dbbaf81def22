"""Notice before a new sub-processor is engaged."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import periods, rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "change_notice"
FACTS: tuple[str, ...] = ("subprocessor_change_notice_days",)


CHANGE_NOTICE = rx(
    r"\b(?:notice|notif\w+|inform\w*)\b[^.;]{0,120}?\b(?:new|additional|further|replacement|"
    r"changes?|addition|add|replace\w*)\b[^.;]{0,60}?\b(?:sub-? ?processors?|sub-?contractors?)",
    r"\b(?:changes?|additions?) to (?:that|the|our) list\b[^.;]{0,80}\bsub-? ?processors",
    # the sub-processor first: "before engaging a new Sub-processor, we will notify you"
    r"\b(?:new|additional|replacement)\b[^.;]{0,40}?\b(?:sub-? ?processors?|sub-?contractors?)"
    r"\b[^.;]{0,120}?\b(?:notice|notif\w+|inform\w*)\b",
    # the GDPR's own words: "inform ... of any intended changes concerning the addition or
    # replacement of other processors"
    r"\b(?:notice|notif\w+|inform\w*)\b[^.;]{0,120}?\b(?:addition|replacement|new|additional)"
    r"\b[^.;]{0,40}?\b(?:other|further|additional|new) processors\b",
    r"\bupdat\w+\b[^.;]{0,40}\bsub-? ?processors? (?:list|page)\b",
)
AHEAD = re.compile(r"[^.;]{0,40}?\b(?:in advance|prior|before|advance notice|notice)\b")
"""After a period: it is a lead time ("30 days before", "30 days' prior notice")."""
WINDOW = re.compile(r"\b(?:within|after receiv\w+|following (?:receipt|the notice))\b")
"""Before a period: an objection window ("within 10 days of the notice"), not a lead time."""


def detect(s: Sentence) -> list[Hit]:
    """Notice before a new sub-processor is engaged."""
    text = s.low
    notice = CHANGE_NOTICE.search(text)
    if notice is None:
        return []
    ahead = [
        (d, m)
        for d, m in periods(text)
        if AHEAD.match(text[m[1] :]) and not WINDOW.search(text[max(0, m[0] - 30) : m[1]])
    ]
    if ahead:
        days, match = ahead[0]
        return [
            Hit(
                "subprocessor_change_notice_days",
                round(days),
                0.85,
                span(notice, match),
                2,
                cue="notice period",
            )
        ]
    return [Hit("subprocessor_change_notice_days", "undisclosed", 0.75, span(notice), 1)]
