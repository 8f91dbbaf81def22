"""The vendor's own use of aggregated, de-identified or anonymised data."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from vendorgate.scan.detectors.cues import (
    IDENTITY_NEGATION,
    POINTER,
    guard,
    named,
    not_a_statement,
    practice,
    rx,
    span,
)
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "aggregated"
FACTS: tuple[str, ...] = ("aggregated_data_use",)


AGGREGATED = re.compile(
    r"\baggregat(?:e|ed|es|ing)\b(?! (?:liability|amount|total|fees|damages|level))|"
    r"\bat (?:the|an) aggregate level\b|"
    r"\bde-?identif\w+|\banonymi[sz]\w+|\banonymous\b|\bde-?personali[sz]ed\b|"
    r"\bnon-personal (?:data|information)\b"
)
NOT_AGGREGATED = rx(
    r"\bin the aggregate\b",
    r"\bmaximum aggregate\b",
    r"\baggregate-level\b",
    # all the data, not its aggregated or de-identified part
    r"\bpersonal and non-personal\b",
    r"\bidentified or identifiable\b(?![^.]*\bmay use\b)",
)
AGGREGATE_USE = re.compile(
    r"\b(?:use|uses|using|create|creates|creating|retain|share|generate|compile|obtain|free to use|"
    r"exploit|may use|(?:is|are|may be|will be|can be) used)\b|"
    # what else the vendor does with such data: keeps, shares, reports, makes it
    r"\b(?:stor|shar|disclos|report|publish|retain|process|provid|analy[sz]|sell|licens|transfer)"
    r"(?:e|es|ed|ing|s)?\b|\b(?:may|will|can) (?:also )?(?:aggregate|anonymi[sz]e|de-?identify)\b|"
    r"\breserves? the right to (?:aggregate|anonymi[sz]e|de-?identify)\b|"
    r"\b(?:apply|applies|uses?) (?:[\w,]+ ){0,6}"
    r"(?:aggregation|anonymi[sz]ation|de-?identification)\b|"
    r"\bare (?:aggregated|anonymi[sz]ed|de-?identified)\b"
)


def detect(s: Sentence) -> list[Hit]:
    """Use of aggregated or de-identified data for the vendor's own purposes."""
    text = s.low
    cue = AGGREGATED.search(text)
    if cue is None or NOT_AGGREGATED.search(text) or "pseudonym" in text:
        return []
    if not_a_statement(s) or POINTER.search(text):
        return []
    use = AGGREGATE_USE.search(text)
    if use is None:
        return []
    # the "not" of "does not identify you" describes the data; blank it before reading negation
    plain = IDENTITY_NEGATION.sub(lambda m: "#" * len(m.group()), text)
    value, value_match = practice(plain, use.start())
    if value_match is not None:
        value_match = re.compile(re.escape(value_match.group())).search(text, value_match.start())
    hit = Hit("aggregated_data_use", value, 0.8, span(cue, value_match), 1, cue="aggregated")
    hit = guard(hit, plain, cue.span())
    if hit.value == "never" and TRANSFER_ONLY.match(use.group()):
        # "we never sell de-identified data": the vendor's own use of it is left open, or
        # stated in a clause of its own ("..., but we use it to improve the services")
        own = _own_use_after(plain, use.end())
        hit = replace(
            hit,
            value="always" if own else "undisclosed",
            cue=named("own use" if own else "only a transfer denied", own or use),
        )
    return [hit]


TRANSFER_ONLY = re.compile(r"(?:shar|disclos|sell|licens|transfer|provid|publish|report)")
"""A denial whose first verb hands the data on ("we do not sell aggregated data"): it denies
that transfer, not the vendor's own use of such data."""
OWN_USE = re.compile(r"\b(?:use|uses|using|may use|(?:is|are|may be|will be|can be) used)\b")
USE_CLAUSE = re.compile(r";|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|, and (?:we|it)\b")


def _own_use_after(text: str, start: int) -> re.Match[str] | None:
    """A use of the data stated without a negation in a clause after ``start``."""
    cuts = [m.start() for m in USE_CLAUSE.finditer(text, start)]
    for a, b in pairwise([*cuts, len(text)]):
        found = OWN_USE.search(text, a, b)
        if found and practice(text, found.start(), clause=(a, b))[0] == "always":
            return found
    return None
