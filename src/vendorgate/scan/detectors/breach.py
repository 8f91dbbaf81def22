"""Hours within which the vendor notifies the customer of a breach."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import (
    FLOOR,
    PERMITTED_NOTICE,
    aimed_only,
    in_business_days,
    named,
    only_the_law,
    periods,
    span,
)
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "breach"
FACTS: tuple[str, ...] = ("breach_notification_hours",)
TRIGGER = Trigger(
    "notif|alert|notice|report|let |tell",  # NOTIFY_CUSTOMER
    pattern=re.compile(r"\binform(?:s|ed)?\b"),
)


_CUSTOMER = (
    r"(?:the |each |any |all |affected |impacted |relevant |our )*"
    r"(?:customers?|controllers?|clients?|you|subscribers?|data exporter)\b"
)
NOTIFY_CUSTOMER = re.compile(
    r"\b(?:notify|notifies|inform|informs|alert|alerts)\b[^.;]{0,15}\b" + _CUSTOMER + "|"
    r"\b(?:notice|notification|report) to " + _CUSTOMER + "|"
    # "provide Customer with notice", "Customer will be notified", "you will be informed"
    r"\bprovide " + _CUSTOMER + r" with (?:written )?(?:notice|notification)\b|"
    r"\b" + _CUSTOMER + r" (?:will|shall|would) be (?:promptly |immediately )?"
    r"(?:notified|informed)\b|"
    # the incident named between the verb and the customer: "report any Security Incident to
    # Customer"; and plain words: "we will let you know", "tell affected customers"
    r"\breport\w*\b[^.;]{0,60}?\bto " + _CUSTOMER + "|"
    r"\blet " + _CUSTOMER + r" know\b|\btell " + _CUSTOMER
)
NOTICE_VERB = re.compile(
    r"\bnotif\w*|\binform\w*|\bnotice\b|\breport\w*|\balert\w*|\blet\b(?= \w+ know\b)|\btell\b"
)
OTHER_ADDRESSEE = re.compile(
    r"^[^.;]{0,40}?\b(?:supervisory authorit\w*|authorit\w*|regulators?|law enforcement|"
    r"data subjects?|individuals|data protection (?:authorit\w*|commission\w*)|ico|cnil)\b"
)
"""A notice to a regulator or to individuals: its deadline is not the customer's."""
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
BARE_BREACH = re.compile(
    r"\b(?:a|an|any|the|each|every|such|suspected|actual|potential|confirmed)\s+breach(?:es)?\b"
    r"(?! of (?!(?:security|(?:your |the |customer |personal |our )?(?:data|information|"
    r"content|systems?))\b))|\bbreaches\b(?! of (?!security\b))"
)
"""A breach named bare, with no "data" or "security" beside it ("we will notify you of a breach
within 48 hours"): in a sentence notifying the customer, the incident. Not a breach "of" the
contract, its terms or obligations (a breach of security or of the data still counts)."""
CONTRACT_BREACH = re.compile(
    r"\bmaterial(?:ly)? breach|\bcur(?:e|es|ed|ing)\b|\bremed(?:y|ied|ies)\b|\bterminat\w*|"
    r"\bsuspen\w*|\bbreach(?:es|ed)? (?:of )?(?:these|this|the|its|their|your|our|any) "
    r"(?:\w+ )?(?:terms|agreement|contract|obligations?|warrant\w*|representations?|covenants?|"
    r"duties|provisions?|sections?|clauses?|conditions|polic(?:y|ies))\b|"
    # a breach committed by a party to the contract: "any breach by the other party", "a
    # breach by you of the rules" (an attacker's breach is not named this way)
    r"\bbreach(?:es)? by (?:you|the customer|customer|us|the provider|(?:the other|either|any|"
    r"a|each|the breaching) part(?:y|ies))\b"
)
"""What makes a bare breach the contract's: one that is material, cured or remedied, or leads
to termination or suspension; a breach of the terms, an agreement or an obligation; a breach
by a party to the contract."""
HOUR_WORDS = re.compile(
    r"\b(?P<word>twenty-four|twenty four|forty-eight|forty eight|seventy-two|seventy two)"
    r" (?:\(\d+\) )?hours\b"
)
"""Hour counts spelled out without digits ("within seventy-two hours")."""
_HOURS = {"twent": 24, "forty": 48, "seven": 72}


STARTED_AT_WILL = re.compile(
    # the clock starts when the vendor decides: "within 72 hours after we confirm the breach",
    # "of determining that your data was affected", "once our investigation is complete"
    r"\b(?:after|of|following|from|upon|on|once|when)\b (?:we |it |\w+ )?(?:have |has )?"
    r"(?:complet\w+|conclud\w+|finish\w+|confirm\w*|verif\w+|validat\w+|determin\w+|"
    r"the (?:completion|conclusion|end) of)\b|"
    r"\b(?:once|after|when|following) (?:our|the|its|an?) (?:internal )?investigation\b|"
    r"\binvestigation (?:is|has been) (?:complete|completed|concluded|finished)\b"
)
"""The deadline counted from a moment the vendor sets itself, not from becoming aware."""


def _started_at_will(text: str) -> re.Match[str] | None:
    return STARTED_AT_WILL.search(text)


def _deadlines(text: str) -> list[tuple[float, tuple[int, int]]]:
    """Every stated period, with the hour counts spelled out in words."""
    found = periods(text)
    for m in HOUR_WORDS.finditer(text):
        if not any(a <= m.end() and m.start() <= b for _, (a, b) in found):
            found.append((_HOURS[m["word"][:5]] / 24, m.span()))
    return sorted(found, key=lambda p: p[1][0])


def _for_customer(text: str, where: tuple[int, int]) -> bool:
    """Whether the period at ``where`` is the deadline of the customer's notice, not of a notice
    to a regulator in the same sentence ("notify the supervisory authority within 72 hours and
    inform you without undue delay"): the notice verb nearest before it addresses the customer."""
    verbs = [m for m in NOTICE_VERB.finditer(text) if m.end() <= where[0]]
    if not verbs:
        verbs = [m for m in NOTICE_VERB.finditer(text) if m.start() >= where[1]][:1]
    if not verbs:
        return False
    verb = verbs[-1]
    after = text[verb.start() :]
    return not OTHER_ADDRESSEE.search(after) or bool(NOTIFY_CUSTOMER.match(after))


def _about(s: Sentence) -> str:
    """What the sentence hangs from: the lead-in of its list item, or a short section title."""
    lead = s.unit.lead if s.unit.kind == "item" else ""
    heading = s.heading if len(s.heading.split()) <= 8 else ""
    return " ".join((lead, heading))


def detect(s: Sentence) -> list[Hit]:
    """Hours within which the vendor notifies the customer of a breach."""
    text = s.low
    notify = NOTIFY_CUSTOMER.search(text)
    incident = BREACH.search(text)
    if incident is None and not CONTRACT_BREACH.search(text):
        # a red-team pass found "We will notify you of a breach within 48 hours" read as
        # nothing: "breach" bare, in a notice to the customer, names the incident; a breach
        # of the contract ("of these Terms", "material", "to cure it") does not
        incident = BARE_BREACH.search(text)
    if notify is None:
        return []
    if incident is None:
        # the incident named by the section's title or the list's lead-in ("Security Incident
        # Notification", "Upon becoming aware of a Personal Data Breach, Acme shall:")
        incident = BREACH.search(_about(s))
        if incident is None:
            return []
        incident = notify
    found = [p for p in _deadlines(text) if _for_customer(text, p[1])]
    held_open = (
        aimed_only(text)
        or _started_at_will(text)
        or only_the_law(text)
        or PERMITTED_NOTICE.search(text, 0, notify.end())
    )
    if found and (held_open or FLOOR.search(text, max(0, found[0][1][0] - 20), found[0][1][1])):
        # "within 72 hours of confirming the breach", "if required by law", "we may notify
        # you", "at least 72 hours after": no number of hours is promised
        cue = named("held open", held_open) if held_open else "floor"
        return [Hit("breach_notification_hours", "undisclosed", 0.75, span(notify), 1, cue=cue)]
    if found and not in_business_days(text, found[0][1]):
        # "within two business days" may be four days or more over a weekend or a holiday:
        # no number of hours
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
