"""Cues several detectors share: the words for customer content and service data, negation,
consent and opt-out, stated periods, and how a practice's value is read from them.

One copy of each, so that two detectors reading "not" or "within 30 days" read it the same way.
"""

from __future__ import annotations

import re

from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence


def rx(*parts: str) -> re.Pattern[str]:
    """One pattern matching any of ``parts``."""
    return re.compile("|".join(f"(?:{p})" for p in parts))


Spot = re.Match[str] | tuple[int, int] | None


def span(*spots: Spot) -> tuple[int, int] | None:
    """The smallest ``[start, end)`` covering the given matches and spans."""
    found = [s.span() if isinstance(s, re.Match) else s for s in spots if s is not None]
    if not found:
        return None
    return min(a for a, _ in found), max(b for _, b in found)


CONTENT = rx(
    r"\b(?:customer|your|user|end user|client)s?'?s? (?:content|data|input|submissions|files|"
    r"messages|communications|recordings)\b",
    r"\b(?:customer content|user submissions|meeting (?:related )?content|chat content|"
    r"video content|conversation content|message content|communications-like)\b",
    r"\b(?:audio|video|chat|messages|files|recordings?|transcripts|conversations?|documents)\b",
    r"\bcustomer'?s personal data\b|\bpersonal data (?:processed )?(?:on behalf of|pursuant to "
    r"this dpa)|\bto the controller\b|\bthe controller'?s\b",
)
SERVICE_DATA = rx(
    r"\bservice[- ]generated data\b",
    r"\btelemetry\b",
    r"\b(?:product )?usage (?:data|information|statistics)\b",
    r"\bdiagnostic data\b",
    r"\bservices? data\b",
    r"\b(?:service )?metadata\b",
    r"\bhistorical use\b",
    r"\b(?:activity|device) data\b",
)
NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|cannot)\b|n't\b")
OPT_OUT = rx(
    r"\bopt(?:s|ed|ing)?[- ]?out\b",
    r"\bunsubscribe\b",
    r"\byou (?:can|may) (?:prevent|object|withdraw|disable|turn off|decline)",
    r"\b(?:right|entitled) to (?:object|prevent)",
    r"\bprevent (?:the )?disclosure\b",
    r"\bdo not sell or share my\b",
)
CONSENT_EXCEPTION = rx(
    r"\bwithout (?:your|the customer'?s?|customer'?s?|their|the user'?s?|users'?|its)? ?"
    r"[a-z ,-]{0,40}?\b(?:consent|permission|authori[sz]ation|agreement|instructions?)\b",
    r"\bunless (?:you|the customer|customer|users?|an? admin\w*) (?:first )?"
    r"(?:opt(?:s)?[- ]?in|consents?|agrees?|enables?|chooses?|elects?|turns? on)",
    r"\bonly (?:with|after|if|when) (?:your|you|the customer|customer|an? admin\w*|"
    r"administrators?|users?)\b[^.;]{0,40}(?:consent|opt|enable|agree|choose|turn on)",
    r"\bopts?[- ]in\b",
    r"\bif you (?:opt[- ]?in|enable|choose to|turn on|consent)",
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_PERIOD_UNIT = re.compile(r"\b(?P<unit>hours?|days?|weeks?|months?|years?)\b")
_PERIOD_COUNT = re.compile(
    r"(?:\b(?P<word>[a-z]+(?:-[a-z]+)?) )?(?:\((?P<paren>\d{1,4})\)|(?P<digits>\d{1,4}))? ?"
    r"(?P<kind>calendar |business |working )?$"
)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def periods(text: str) -> list[tuple[float, tuple[int, int]]]:
    """Every stated period in ``text`` (lower case) in days, with its ``[start, end)``."""
    found: list[tuple[float, tuple[int, int]]] = []
    for unit in _PERIOD_UNIT.finditer(text):
        before = text[max(0, unit.start() - 40) : unit.start()]
        match = _PERIOD_COUNT.search(before)
        if match is None:
            continue
        count: int | None = None
        if match["paren"] or match["digits"]:
            count = int(match["paren"] or match["digits"])
        elif match["word"] in NUMBER_WORDS:
            count = NUMBER_WORDS[match["word"]]
        elif match["word"] in ("a", "an"):
            count = 1
        if count is None:
            continue
        days = count * _UNIT_DAYS[unit["unit"].rstrip("s")]
        if match["kind"] in ("business ", "working "):
            days = count // 5 * 7 + count % 5
        start = unit.start() - len(before) + match.start()
        found.append((days, (start, unit.end())))
    return found


def context(s: Sentence) -> str:
    """The words around a sentence that say what it is about: its lead-in and heading."""
    return " ".join((s.unit.local, s.unit.lead, s.heading))


def near_negation(text: str, position: int, window: int = 40) -> bool:
    """Whether a negation stands shortly before ``position`` in the same clause."""
    before = text[max(0, position - window) : position]
    before = re.split(r"[;:]|\bbut\b|\bwhile\b|\bhowever\b", before)[-1]
    return bool(NEGATION.search(before))


def practice(text: str, anchor: int) -> tuple[str, re.Match[str] | None]:
    """never / opt_in / opt_out / always for a practice stated in ``text`` near ``anchor``."""
    consent = CONSENT_EXCEPTION.search(text)
    opt_out = OPT_OUT.search(text)
    negated = near_negation(text, anchor, 90) or bool(
        re.search(r"\b(?:do|does|will|shall|may|is|are) not\b[^.;]{0,240}\btrain", text)
    )
    if consent and (negated or re.search(r"\bonly\b", text)):
        return "opt_in", consent
    if opt_out:
        return "opt_out", opt_out
    if negated:
        return "never", NEGATION.search(text[max(0, anchor - 90) : anchor + 1])
    if consent:
        return "opt_in", consent
    return "always", None


def stated_practice(fact: str, s: Sentence, cue: re.Match[str]) -> Hit:
    """opt_out / never / always for a practice named at ``cue`` (advertising, sale)."""
    text = s.low
    opt = OPT_OUT.search(text) or OPT_OUT.search(s.unit.local)
    qualified = re.search(r"\bin the conventional sense\b|\bas traditionally\b", text)
    if opt:
        return Hit(fact, "opt_out", 0.8, span(cue, OPT_OUT.search(text)), 2, cue="opt-out")
    if not qualified and (
        near_negation(text, cue.start()) or re.search(r"\bnot in the business of\b", text)
    ):
        return Hit(fact, "never", 0.85, span(cue), 2, cue="negated")
    return Hit(fact, "always", 0.75, span(cue), 1)
