"""The clause scanner's detectors: one module per topic, registered here.

Each module in :data:`DETECTORS` reads one :class:`~vendorgate.scan.document.Sentence` (folded
text plus its context) and returns :class:`Hit` objects; it declares its ``ID`` and the
``FACTS`` it suggests values for (see :class:`Detector`). The rules are weighted lexical
patterns written from how terms documents phrase each practice: a *trigger* (the sentence is
about the fact), *exclusions* (the same words in a clause about something else: staff training,
the sale of the vendor's business, governing law, logs), and *value cues* (negation, consent,
opt-out, numbers, places; shared in :mod:`.cues`). The weights are confidences in 0..1;
``bench/scan_quality.py`` measures how well they do.
"""

from __future__ import annotations

from dataclasses import replace

from vendorgate.scan.detectors import (
    advertising,
    aggregated,
    ai_training,
    baa,
    breach,
    certifications,
    change_notice,
    content_license,
    dpa,
    encryption,
    residency,
    retention,
    sale,
    scc,
    subprocessors,
)
from vendorgate.scan.detectors.cues import bound_party, hedged
from vendorgate.scan.detectors.follow_ups import (
    follow_ups,
    hedged_by_earlier,
    trained_by_another_path,
)
from vendorgate.scan.detectors.hit import Detector, Hit, HitValue, Trigger
from vendorgate.scan.document import Sentence

__all__ = [
    "DETECTORS",
    "SCANNED_FACTS",
    "Detector",
    "Hit",
    "HitValue",
    "Trigger",
    "detect",
    "follow_ups",
]

DETECTORS: tuple[Detector, ...] = (
    ai_training,
    content_license,
    aggregated,
    advertising,
    sale,
    retention,
    subprocessors,
    change_notice,
    baa,
    dpa,
    scc,
    residency,
    breach,
    encryption,
    certifications,
)
"""Every detector module, once each, in the order they run on a sentence."""

SCANNED_FACTS: tuple[str, ...] = (
    "ai_training_customer_content",
    "ai_training_service_data",
    "ai_training_third_party",
    "content_license_scope",
    "aggregated_data_use",
    "advertising_use",
    "sale_of_data",
    "content_retention",
    "deletion_after_termination_days",
    "subprocessors",
    "subprocessor_change_notice_days",
    "baa_available",
    "dpa_available",
    "scc_available",
    "data_residency_regions",
    "breach_notification_hours",
    "encryption_at_rest",
    "certifications",
)
"""The facts the scanner looks for, in report order."""


def detect(s: Sentence) -> list[Hit]:
    """Every hit of every detector on one sentence, each naming its detector in its cue.

    A hit standing in a clause that binds the customer or a user ("you may not use the
    Services to develop competing models", "you must uninstall the app and delete all copies")
    is dropped: it is their obligation, never a commitment of the vendor, so it must not
    suggest a value for the vendor's practice. A value that would let a rule pass, or a
    deadline, stated in a hedged clause ("we do not knowingly sell", "we typically notify
    within 24 hours") becomes ``undisclosed``, whichever detector found it; so does a
    permissive value after a disclaimer earlier in its paragraph, and a training denial
    beside content trained on another way (as feedback).
    """
    found: list[Hit] = []
    for detector in DETECTORS:
        if not detector.TRIGGER.admits(s):
            continue  # none of the words its rule needs: the rule would find nothing
        for hit in detector.detect(s):
            if bound_party(s, hit.focus[1] if hit.focus else len(s.low)) is not None:
                continue
            kept = hedged(hit, s.low, detector.TRIGGER.names)
            kept = hedged_by_earlier(trained_by_another_path(kept, s), s)
            found.append(
                replace(kept, cue=f"{detector.ID}: {kept.cue}" if kept.cue else detector.ID)
            )
    return found
