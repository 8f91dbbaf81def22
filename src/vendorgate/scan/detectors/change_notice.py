"""Notice before a new sub-processor is engaged."""

from __future__ import annotations

import re
from dataclasses import replace

from vendorgate.scan.detectors.cues import PERMITTED_NOTICE, named, periods, rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "change_notice"
FACTS: tuple[str, ...] = ("subprocessor_change_notice_days",)
TRIGGER = Trigger(
    # NO_NOTICE, CHANGE_NOTICE, BEFORE_ENGAGING, CHANGES_AT_WILL; a list item is read with the
    # end of its lead-in
    "processor|contract|engage|may change",
    context="processor|contract|engage|may change",
)


CHANGE_NOTICE = rx(
    r"\b(?:notice|notif\w+|inform\w*)\b[^.;]{0,120}?\b(?:new|additional|further|replacement|"
    r"changes?|additions?|add|replace\w*)\b[^.;]{0,60}?\b(?:sub-? ?processors?|sub-?contractors?)",
    r"\b(?:changes?|additions?) to (?:that|the|our) list\b[^.;]{0,80}\bsub-? ?processors",
    # the sub-processor first: "before engaging a new Sub-processor, we will notify you"
    r"\b(?:new|additional|replacement)\b[^.;]{0,40}?\b(?:sub-? ?processors?|sub-?contractors?)"
    r"\b[^.;]{0,120}?\b(?:notice|notif\w+|inform\w*)\b",
    # the GDPR's own words: "inform ... of any intended changes concerning the addition or
    # replacement of other processors"
    r"\b(?:notice|notif\w+|inform\w*)\b[^.;]{0,120}?\b(?:addition|replacement|new|additional)"
    r"\b[^.;]{0,40}?\b(?:other|further|additional|new) processors\b",
    r"\bupdat\w+\b[^.;]{0,40}\bsub-? ?processors? (?:list|page)\b",
    # a defined "Sub-processor Change" with its notice
    r"\b(?:notice|notif\w+|inform\w*)\b[^.;]{0,80}?\bsub-? ?processors? changes?\b",
    r"\bsub-? ?processors? changes?\b[^.;]{0,80}?\b(?:notice|notif\w+|inform\w*)\b",
    # the period stated with the sub-processor: "thirty (30) days in advance if the Sub-Processor"
    r"\b(?:in advance|prior notice|advance notice)\b[^.;]{0,40}\bsub-? ?processors?\b",
)
BEFORE_ENGAGING = re.compile(
    # the notice tied to the engagement itself, with no "new": "before engaging a Sub-processor",
    # "prior to adding any subprocessor", "before any Sub-processor is appointed"
    r"\b(?:before|prior to)\b[^.;]{0,30}?\b(?:engag\w*|add(?:s|ing)?|appoint\w*|authori[sz]\w*|"
    r"onboard\w*|us(?:e|es|ing)|retain\w*)\b[^.;]{0,30}?"
    r"\b(?:sub-? ?processors?|sub-?contractors?)\b|"
    r"\b(?:before|prior to)\b[^.;]{0,20}?\b(?:sub-? ?processors?|sub-?contractors?)\b[^.;]{0,20}?"
    r"\b(?:is|are|being) (?:engaged|added|appointed|authori[sz]ed|used|onboarded)\b"
)
TELLS = re.compile(
    r"\b(?:notice|notif\w+|inform\w*|e-?mail\w*|alert\w*|tell|let (?:you|customers?|the customer|"
    r"clients?|the client) know)\b"
)
"""The customer told, in any words, beside an engagement: a notice of it."""
CHANGES_AT_WILL = re.compile(
    # the providers the vendor relies on "may change from time to time at its sole discretion":
    # a change with no notice promised
    r"\b(?:services|providers|sub-? ?processors|vendors)\b[^.;]{0,80}\bmay change\b[^.;]{0,40}"
    r"\b(?:sole discretion|from time to time|without notice)\b"
)
NO_NOTICE = re.compile(
    r"\b(?:sub-?contract\w*|sub-? ?processors?|engage\w* (?:new )?(?:third parties|providers))\b"
    r"[^.;]{0,120}\bwithout (?:any )?(?:prior )?(?:notice|notif\w+|inform\w+)\b"
)
"""Sub-processors engaged "without notifying you": no notice at all (zero days)."""
UNIT_FIRST = re.compile(r"(?:hours?|days?|weeks?|months?)\b")
"""A list item cut out of a sentence at "(30)": its count ends the text it hangs from."""
AHEAD = re.compile(r"[^.;]{0,40}?\b(?:in advance|prior|before|ahead|advance notice|notice)\b")
"""After a period: it is a lead time ("30 days before", "30 days' prior notice")."""
CEILING = re.compile(r"\b(?:up to|no more than|not more than|at most|a maximum of)\b")
"""A notice period stated as its longest ("up to 30 days before"): as short as none."""
RANGE_LOW = re.compile(
    r"\b(?P<low>\d{1,4})\s*(?:-|\u2013|to|or|and)\s*\(?(?P<high>\d{1,4})\)?\s*"
    r"(?:calendar |business |working )?(?:days?|weeks?|months?)\b"
)
"""A range of notice periods ("10-30 days", "between 10 and 30 days"): its shorter end."""
WINDOW = re.compile(r"\b(?:within|after receiv\w+|following (?:receipt|the notice))\b")
"""Before a period: an objection window ("within 10 days of the notice"), not a lead time."""


def detect(s: Sentence) -> list[Hit]:
    """Notice before a new sub-processor is engaged."""
    if s.unit.kind == "item" and UNIT_FIRST.match(s.low) and s.unit.lead:
        # "... notify the Client (a) thirty" + "(30) days in advance if the Sub-Processor ...":
        # read with the words it was cut from; its focus would then point outside the sentence
        joined = s.unit.lead[-60:] + " " + s.low
        return [replace(hit, focus=None) for hit in _notice(joined)]
    return _notice(s.low)


def _notice(text: str) -> list[Hit]:
    if (none := NO_NOTICE.search(text)) is not None:
        return [Hit("subprocessor_change_notice_days", 0, 0.7, span(none), 2, cue="without notice")]
    notice = CHANGE_NOTICE.search(text)
    if notice is None and TELLS.search(text):
        notice = BEFORE_ENGAGING.search(text)
    if notice is None and (at_will := CHANGES_AT_WILL.search(text)) is not None:
        return [
            Hit(
                "subprocessor_change_notice_days",
                "undisclosed",
                0.6,
                span(at_will),
                1,
                cue="providers change at will",
            )
        ]
    if notice is None:
        return []
    ahead = [
        (d, m)
        for d, m in periods(text)
        if AHEAD.match(text[m[1] :]) and not WINDOW.search(text[max(0, m[0] - 30) : m[1]])
    ]
    if ahead:
        days, match = ahead[0]
        said_with = text[max(0, match[0] - 25) : match[1]]
        if (ceiling := CEILING.search(said_with)) or (may := PERMITTED_NOTICE.search(text)):
            # "up to 30 days before", "we may notify you 30 days before": no notice of that
            # length is promised
            said = named("no notice promised", ceiling or may)
            return [
                Hit(
                    "subprocessor_change_notice_days",
                    "undisclosed",
                    0.75,
                    span(notice),
                    1,
                    cue=said,
                )
            ]
        if (low := RANGE_LOW.search(said_with)) and int(low["high"]):
            # "10-30 days before", "between 10 and 30 days": the shorter notice is the one
            # promised
            days = min(days, days * int(low["low"]) / int(low["high"]))
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
