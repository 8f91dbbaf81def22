"""Hits a sentence gets from the sentences before it in its paragraph.

Not a detector of its own: it reads the hits the detectors gave the earlier sentences (an
opt-out offered for a practice just described, an objection window after a sub-processor
notice), so the scanner calls it after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

PRACTICE_FACTS = frozenset(
    {
        "ai_training_customer_content",
        "ai_training_service_data",
        "ai_training_third_party",
        "aggregated_data_use",
        "advertising_use",
        "sale_of_data",
    }
)
OPT_OUT_SENTENCE = re.compile(
    # "If you do not want us to do this, ..." / "To stop this, ...": the way out follows
    r"^(?:(?:if|where|should) you (?:do not|don't|no longer|would prefer not to|prefer not to|"
    r"would rather not)\b[^.;]{0,120}, |to (?:opt[- ]?out|stop|prevent|object)\b[^.;]{0,120}, )?"
    r"(?:you|users?|customers?)(?: (?:can|may))?(?: (?:always|also|at any time|easily))? "
    r"(?:can |may )?(?:opt[- ]?out|prevent|object|withdraw|unsubscribe|disable|turn (?:\w+ )?off|"
    r"switch (?:\w+ )?off)\b"
)
OBJECTION_WINDOW = re.compile(r"\bobject\w*\b[^.]*\bwithin\b|\bwithin\b[^.]*\bobject\w*")


def follow_ups(s: Sentence, earlier: Iterable[Hit]) -> list[Hit]:
    """Hits a sentence gets from the sentences before it in its paragraph: an opt-out offered
    for a practice just described, an objection window after a sub-processor notice."""
    hits: list[Hit] = []
    earlier = list(earlier)
    if OPT_OUT_SENTENCE.search(s.low):
        for fact in sorted({h.fact for h in earlier if h.fact in PRACTICE_FACTS}):
            hits.append(Hit(fact, "opt_out", 0.65, None, 1, cue="opt-out for the practice above"))
    if OBJECTION_WINDOW.search(s.low) and any(
        h.fact == "subprocessor_change_notice_days" for h in earlier
    ):
        hits.append(
            Hit(
                "subprocessor_change_notice_days",
                "undisclosed",
                0.6,
                None,
                1,
                cue="objection window after notice",
            )
        )
    return hits
