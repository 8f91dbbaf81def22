"""The vendor's own use of aggregated, de-identified or anonymised data."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from vendorgate.scan.detectors.cues import (
    IDENTITY_NEGATION,
    POINTER,
    clause_around,
    guard,
    named,
    not_a_statement,
    practice,
    rx,
    span,
)
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "aggregated"
FACTS: tuple[str, ...] = ("aggregated_data_use",)
TRIGGER = Trigger(  # AGGREGATED
    "aggregat|de-identif|deidentif|anonym|depersonali|de-personali|non-personal"
)


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
    # the passive denied ("de-identified data is never used to ...")
    r"\b(?:is|are|will|shall|may|can)(?: not|n't| never)(?: be)? used\b|"
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
    if THEIR_OWN_POLICIES.search(text):
        # "app stores may also collect aggregate statistics, governed by their own privacy
        # policies": another company's practice, not the vendor's
        return []
    if not_a_statement(s) or POINTER.search(text):
        return []
    use = _use_of(text, cue)
    if use is None:
        return []
    # the "not" of "does not identify you" describes the data; blank it before reading negation
    plain = IDENTITY_NEGATION.sub(lambda m: "#" * len(m.group()), text)
    # a denied passive ("is never used") holds its "never" inside the match
    anchor = use.end() if PASSIVE_DENIED.match(use.group()) else use.start()
    value, value_match = practice(plain, anchor)
    only = ONLY_AGGREGATED.search(text, 0, cue.end())
    if value == "never" and only and only.end() >= cue.start():
        # "no personal data is used for analytics, only anonymised data": the aggregated data
        # is what is used
        return [Hit("aggregated_data_use", "always", 0.75, span(cue), 1, cue=named("only", only))]
    if value_match is not None:
        value_match = re.compile(re.escape(value_match.group())).search(text, value_match.start())
    hit = Hit("aggregated_data_use", value, 0.8, span(cue, value_match), 1, cue="aggregated")
    carved = CARVED_USE.search(plain, use.start())
    if value == "never" and carved:
        # "we do not use anonymised data for any purpose other than improving the service":
        # the exception names a use the vendor makes of such data
        return [replace(hit, value="always", cue=named("use in the carve-out", carved))]
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
    purpose = ONE_PURPOSE.match(text, use.end())
    if hit.value == "never" and purpose and not ANY_PURPOSE.match(purpose["purpose"]):
        # "we never use de-identified data for advertising", "... to identify you": one use
        # is denied, the vendor's other uses of such data stay open
        hit = replace(hit, value="undisclosed", cue=named("one use denied", purpose["purpose"]))
    return [hit]


CARVED_USE = re.compile(
    r"\b(?:except|other than|save|apart from|beyond)(?: (?:as|where|when))?"
    r" (?:for |to |in order to |in connection with |as (?:needed|necessary) (?:for|to) )?"
    r"(?!(?:the extent|comply|meet|satisfy|law|as|where|when|required|with|if)\b)"
    r"(?:the |our |its )?\w+(?:ing|e|s)?\b"
)
"""An exception to a denied use that names another use ("other than improving the service",
"except to improve our products"), not what the law compels."""
PASSIVE_DENIED = re.compile(r"(?:is|are|will|shall|may|can)(?: not|n't| never)")
ONE_PURPOSE = re.compile(
    r"(?:(?!\b(?:and|or|nor|but)\b)[^.;:,]){0,60}?\b(?P<purpose>(?:for|to) (?:\w+ ){0,3}?"
    r"(?:purposes?|advertis\w*|ads|marketing|train\w*|identify|re-?identify|profil\w+|target\w*|"
    r"sell\w*|track\w*)|(?:to|in order to) (?!(?:any|anyone|third)\b)[a-z]+)"
)
"""A purpose named after the denied use ("... for advertising", "... to identify you")."""
ANY_PURPOSE = re.compile(r"(?:for|to) (?:any|all|other)\b")
"""A purpose that covers every use ("for any purpose"): the denial stays whole."""
THEIR_OWN_POLICIES = re.compile(
    r"\b(?:governed by|subject to) (?:their|its) (?:own |respective )?(?:privacy )?"
    r"(?:polic(?:y|ies)|notices?|statements?|terms)\b"
)
"""Another company's practice, under that company's own policy."""


ONLY_AGGREGATED = re.compile(r"\bonly (?:the |such |in )?(?:\w+ )?(?=aggregat|anonym|de-?identif)")
"""The aggregated data named as the only data used, after a denial of the rest."""


def _use_of(text: str, cue: re.Match[str]) -> re.Match[str] | None:
    """The verb using or handing on the data: the first in the clause naming the aggregated
    data ("we never use identifiable data; we use only aggregated data"), else the first in
    the sentence."""
    a, b = clause_around(text, USE_CLAUSE, cue.span())
    return AGGREGATE_USE.search(text, a, b) or AGGREGATE_USE.search(text)


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
