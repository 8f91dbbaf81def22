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
)


def detect(s: Sentence) -> list[Hit]:
    """Notice before a new sub-processor is engaged."""
    text = s.low
    notice = CHANGE_NOTICE.search(text)
    if notice is None:
        return []
    ahead = [
        (d, m)
        for d, m in periods(text)
        if re.match(r"[^.;]{0,40}\b(?:in advance|prior|before)", text[m[1] :])
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
