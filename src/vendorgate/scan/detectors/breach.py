"""Hours within which the vendor notifies the customer of a breach."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import periods, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "breach"
FACTS: tuple[str, ...] = ("breach_notification_hours",)


NOTIFY_CUSTOMER = re.compile(
    r"\b(?:notify|notifies|inform|informs|alert)\b[^.;]{0,15}"
    r"\b(?:the )?(?:customer|controller|client|you)\b|"
    r"\bnotice to (?:the )?(?:customer|controller|client|you)\b|"
    r"\bnotification to (?:the )?(?:customer|controller|client|you)\b"
)
BREACH = re.compile(
    r"\bdata breach\b|\bpersonal data breach\b|\bsecurity (?:breach|incident)s?\b|"
    r"\bunauthori[sz]ed (?:access|disclosure|acquisition)\b|\bbreach of security\b|"
    r"\bsecurity (?:system |systems )?breach\w*|"
    # "an incident affecting your Personal Information", the GDPR's "destruction, loss,
    # alteration, unauthorised disclosure of, or access to" personal data
    r"\bincidents? (?:affecting|impacting|involving|concerning)\b[^.;]{0,40}\b(?:personal|customer|"
    r"your|client)\b|"
    r"\b(?:destruction|loss|alteration)\b[^.;]{0,40}\b(?:disclosure|access)\b"
)


def detect(s: Sentence) -> list[Hit]:
    """Hours within which the vendor notifies the customer of a breach."""
    text = s.low
    notify = NOTIFY_CUSTOMER.search(text)
    incident = BREACH.search(text)
    if notify is None or incident is None:
        return []
    found = periods(text)
    if found:
        days, match = found[0]
        hours = round(days * 24)  # "within 72 hours", "within three (3) days"
        return [Hit("breach_notification_hours", hours, 0.85, span(notify, match), 2, cue="breach")]
    return [
        Hit(
            "breach_notification_hours",
            "undisclosed",
            0.75,
            span(notify, incident),
            1,
            cue="breach",
        )
    ]
