"""Whether a data processing agreement applies or is offered."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import near_negation, rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "dpa"
FACTS: tuple[str, ...] = ("dpa_available",)


DPA_SPELLED = re.compile(
    r"\bdata (?:processing|protection|processor) (?:addendum|agreement)\b|\bprocessing addendum\b"
)
DPA_SHORT = rx(
    r"\bobject of the dpa\b",
    r"\bcomply with the dpa\b",
    r"\b(?:includes|including)\b[^.;]{0,60}\bthe dpa\b",
    r"^\"?dpa\"? means\b",
    r"\bthis dpa (?:forms|is entered|and the annexes are entered|becomes)\b",
    r"\bdpa\)? forms part\b",
)
ON_REQUEST = re.compile(r"\bupon request\b|\bon request\b|\bcontact us to (?:request|obtain|sign)")


def detect(s: Sentence) -> list[Hit]:
    """Whether a data processing agreement applies or is offered."""
    text = s.low
    if "dpa" not in text and "addendum" not in text and "agreement" not in text:
        return []
    cue = DPA_SPELLED.search(text) or DPA_SHORT.search(text)
    if cue is None:
        return []
    if near_negation(text, cue.start(), 30):
        return [Hit("dpa_available", "not_available", 0.7, span(cue), 1)]
    if ON_REQUEST.search(text):
        return [Hit("dpa_available", "on_request", 0.75, span(cue), 1)]
    return [Hit("dpa_available", "available", 0.8, span(cue), 1, cue="DPA")]
