"""Cues several detectors share: the words for customer content and service data, negation,
consent and opt-out, stated periods, and how a practice's value is read from them.

One copy of each, so that two detectors reading "not" or "within 30 days" read it the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

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
    # account and usage data: how the service is used, not what the customer put in it
    r"\baccount (?:data|information|details)\b",
    r"\b(?:interaction|log|analytics|technical|performance|crash) (?:data|information)\b",
    r"\bdiagnostics?\b",
    r"\bhow (?:you|users|customers) (?:use|interact with)\b",
    r"\busage (?:patterns|logs|metrics)\b",
    r"\bfeedback\b",
)
NEGATION = re.compile(
    r"\b(?:not|never|no|nor|neither|cannot)\b|n't\b|"
    r"\b(?:prohibited|forbidden|barred|precluded) from\b"
)
NOT_A_NEGATION = re.compile(
    # words with "not" / "no" in them that negate nothing about the practice
    r"\b(?:but )?not (?:be )?limited to\b|\bnot only\b|\bnot just\b|\bor not\b|\bif not\b|"
    r"\bno later than\b|\bno less than\b|\bno longer than\b|\bnotwithstanding\b|"
    r"\bwhether or not\b|\bnot necessarily\b"
)
OPT_OUT = rx(
    r"\bopt(?:s|ed|ing)?[- ]?out\b",
    r"\bunsubscribe\b",
    r"\b(?:you|customers?|users?|admin\w*|account (?:owners?|holders?)|workspace owners?)"
    r" (?:can|may|are able to|have the (?:option|ability|choice|right) to)"
    r"(?: (?:always|at any time|easily|also))? (?:prevent|object|withdraw|disable|"
    r"turn (?:it |this )?off|switch (?:it |this )?off|toggle (?:it |this )?off|deactivate|"
    r"decline|stop|choose not|"
    r"change|adjust|manage|control|limit|exclude|refuse)",
    r"\b(?:right|entitled) to (?:object|prevent)",
    r"\bprevent (?:the )?disclosure\b",
    r"\bdo not sell or share my\b",
    # a control in the account, workspace or privacy settings over the practice
    r"\b(?:training|privacy|data|ai|model) (?:controls?|settings?|preferences?|toggles?)\b"
    r"[^.;]{0,60}\b(?:settings|preferences|dashboard|console|account|profile)\b",
    r"\b(?:in|via|through|from|under) (?:your|the) (?:\w+ ){0,2}(?:settings|preferences|privacy "
    r"controls|dashboard)\b[^.;]{0,40}\b(?:off|disable|opt|stop|exclude)",
    r"\b(?:turn(?:ing)?|switch(?:ing)?|toggl(?:e|ing)) (?:\w+ ){0,4}off\b",
    r"\bby (?:disabling|unchecking|deselecting)\b",
    r"\bif (?:you|users?) (?:disable|turn off|switch off|decline|reject|block|withdraw)\b",
    r"\bcontrols? (?:available|offered) to you\b",
)
NO_OPT_OUT = re.compile(
    r"\b(?:cannot|can ?not|can't|not able to|unable to|no way to|may not) (?:\w+ )?"
    r"(?:opt[- ]?out|turn (?:it |this )?off|disable)"
)
""" "You cannot opt out" states the practice; it offers no way out of it."""
CONSENT_EXCEPTION = rx(
    r"\bwithout (?:your|the customer'?s?|customer'?s?|their|the user'?s?|users'?|its)? ?"
    r"[a-z ,-]{0,40}?\b(?:consent|permission|authori[sz]ation|agreement|instructions?)\b",
    r"\bunless (?:you|the customer|customer|users?|an? admin\w*) (?:first )?"
    r"(?:opt(?:s)?[- ]?in|consents?|agrees?|enables?|chooses?|elects?|turns? on|"
    r"(?:direct|instruct|ask|request|authori[sz]e|tell)s?\b)",
    r"\bonly (?:with|after|if|when) (?:your|you|the customer|customer|an? admin\w*|"
    r"administrators?|users?)\b[^.;]{0,40}(?:consent|opt|enable|agree|choose|turn on)",
    r"\bopts?[- ]in\b",
    r"\b(?:if|when|once) you (?:\w+ ){0,2}?(?:your )?(?:consent|opt[- ]?in)\b",
    r"\b(?:where|if|when|once) you (?:have )?(?:consented|given (?:us )?(?:your )?consent|"
    r"opted[- ]in)\b",
    r"\b(?:rel(?:y|ies)|based) on your (?:prior |explicit |express )?consent\b",
    r"\bif you (?:opt[- ]?in|enable|choose to|turn on|consent)",
    r"\b(?:you|admin\w*|customers?) (?:can|may|must) (?:choose to |first )?"
    r"(?:enable|turn on|switch on|opt in)\b",
    r"\bwith (?:your|the customer'?s?|customer'?s?|the user'?s?|users'?|the)? ?(?:\w+ ){0,2}?"
    r"(?:consent|permission|authori[sz]ation)\b",
)
OTHER_CONSENTER = re.compile(
    r"^(?: of| from| by) (?!(?:the |an? )?(?:you|your|customers?|users?|admin\w*|account|"
    r"end users?|data subjects?|individuals?|the person)\b)"
)
"""After "without the prior written consent": someone other than the customer consents."""
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


def negation(text: str) -> re.Match[str] | None:
    """The first negation in ``text``, skipping "not limited to", "whether or not" and the like."""
    blanked = NOT_A_NEGATION.sub(lambda m: "#" * len(m.group()), text)
    return NEGATION.search(blanked)


CLAUSE_BREAK = re.compile(
    r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|\bexcept\b|, and (?:we|it|they|you)\b|"
    r"\. "
)


def near_negation(text: str, position: int, window: int = 40) -> bool:
    """Whether a negation stands shortly before ``position`` in the same clause."""
    before = text[max(0, position - window) : position]
    before = CLAUSE_BREAK.split(before)[-1]
    return negation(before) is not None


def _describing_negation(verbs: str) -> re.Pattern[str]:
    practice_verb = rf"(?! (?:be |been |ever )?(?:{verbs})\b)"
    return re.compile(
        r"\b(?:that|which|who)(?: (?:is|are|was|were|does|do|did|will|would|can|could|may|"
        r"might|has|have))?(?: not| never|n't)\b" + practice_verb + "|"
        r"\b(?:that|which|who) (?:cannot|can't|won't|doesn't|don't|isn't|aren't|never)\b"
        + practice_verb
        + "|"
        r"\bnot (?:directly |reasonably |personally )?(?:linked|linkable|associated|connected|"
        r"tied|attributed|identifiable|identifying|identified)\b"
    )


DESCRIBING_NEGATION = _describing_negation(r"use|used|using|train|trained|process|processed")
DESCRIBING_NEGATION_OF_TRANSFER = _describing_negation(
    r"use|used|using|share|shared|sell|sold|disclose|disclosed|rent|rented|provide|provided|"
    r"transfer|transferred|process|processed"
)
"""A negation inside the words describing the data ("information that is not linked to your
account", "data that does not identify you"): it does not deny the use the sentence states.
One whose verb is the practice ("content that is never used to train", for advertising and
sale "which is never shared with advertisers") still denies it."""


SCOPED_DENIAL = rx(
    # one plan, tier or kind of account: the others may be treated otherwise
    r"\b(?:enterprise|business|team|teams|paid|pro|premium|education(?:al)?|commercial|"
    r"corporate|api|free|consumer|trial)(?:[- ]tier)? (?:plans?|customers?|users?|accounts?|"
    r"tiers?|subscriptions?|subscribers?|workspaces?|editions?|versions?|offerings?|clients?|"
    r"organi[sz]ations?)\b",
    # one channel: what comes in through the API
    r"\b(?:through|via|using|from) (?:the |our )?api\b|\bapi (?:inputs?|outputs?|requests?|data|"
    r"content|traffic)\b",
    # one region's people
    r"\b(?:in|from|for|within|across) (?:the )?(?:eu|eea|european (?:union|economic area)|uk|"
    r"united kingdom|switzerland|california|brazil|canada|certain (?:countries|regions|"
    r"jurisdictions|states))\b",
    r"\b(?:eu|eea|uk|european|californian?|swiss|canadian|brazilian) (?:users?|customers?|"
    r"residents?|individuals?|consumers?|data subjects?)\b",
    # one set of models: "models available to other customers", "general models"
    r"\b(?:for|to|available to|used by|that serve|serving|shared with) (?:other|all|any other) "
    r"(?:customers|users|clients|organi[sz]ations|tenants)\b",
    r"\b(?:general|generali[sz]ed|shared|public|foundation|global|base) (?:ai |ml )?models?\b",
    # one kind of the data: private messages are not used, so public ones may be
    r"\bprivate (?:repositor\w+|messages|content|data|files|chats?|conversations?|posts?)\b",
)
"""A denial limited to one plan, channel, region or kind of data ("Enterprise customers'
content is not used to train", "for EU users"): it does not settle the practice for the rest,
so it suggests ``undisclosed`` rather than ``never``."""
BY_DEFAULT = re.compile(r"\bby default\b|\b(?:off|disabled) (?:by default|unless)\b")
"""A denial "by default": the practice starts once the person turns it on (``opt_in``)."""


def scoped(hit: Hit, text: str) -> Hit:
    """``hit`` with ``never`` or ``opt_in`` made ``undisclosed`` when ``text`` (its sentence up
    to the clause of the practice) limits the denial to one plan, channel, region or kind of
    data."""
    if hit.value not in ("never", "opt_in"):
        return hit
    found = SCOPED_DENIAL.search(text)
    if found is None:
        return hit
    return replace(hit, value="undisclosed", cue=named("scoped denial", found))


def customer_consent(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """A consent or opt-in cue in ``text`` (in ``[start, end)`` of it) where the customer (or
    its admin) is the one who consents: "without the prior written consent of <the vendor>" is
    no such cue."""
    for match in CONSENT_EXCEPTION.finditer(text, start, len(text) if end is None else end):
        own = re.search(r"\b(?:our|us|we)\b", match.group())
        if own or OTHER_CONSENTER.match(text[match.end() : match.end() + 40]):
            continue
        return match
    return None


def opt_out_cue(text: str) -> re.Match[str] | None:
    """A way for the customer to stop the practice; None for "you cannot opt out"."""
    if NO_OPT_OUT.search(text):
        return None
    return OPT_OUT.search(text)


def practice(
    text: str, anchor: int, clause: tuple[int, int] | None = None, consent_from: int | None = None
) -> tuple[str, re.Match[str] | None]:
    """never / opt_in / opt_out / always for a practice stated in ``text`` near ``anchor``.

    A negation counts only inside ``clause`` (the whole text by default), a consent cue from
    ``consent_from`` (the clause's start by default) to its end; an opt-out counts anywhere in
    ``text``. Where cues disagree the less permissive reading wins: an opt-out offered for a
    practice makes it ``opt_out`` even next to a negation.
    """
    a, b = clause or (0, len(text))
    # "you cannot opt out" negates the way out, not the practice; "data that does not identify
    # you" negates what describes the data, not its use
    scope = NO_OPT_OUT.sub(lambda m: "#" * len(m.group()), text[a:b])
    scope = DESCRIBING_NEGATION.sub(lambda m: "#" * len(m.group()), scope)
    # a consent in another clause ("...; with your consent we also share your email") is
    # consent to something else
    consent = customer_consent(text, a if consent_from is None else consent_from, b)
    opt_out = opt_out_cue(text)
    negated = near_negation(scope, anchor - a, 90) or bool(
        re.search(
            r"\b(?:do|does|will|shall|may|is|are|was|were|has|have|would)(?: not|n't)\b"
            r"[^.;]{0,240}\b(?:train|improv|develop)",
            NOT_A_NEGATION.sub(lambda m: "#" * len(m.group()), scope),
        )
        or re.search(r"\bnever\b[^.;]{0,120}\b(?:train|improv|develop)", scope)
        or re.search(r"\bno (?:\w+ ){0,6}(?:is|are|will be|gets?) used\b", scope)
    )
    if consent and (negated or re.search(r"\bonly\b", text)) and not opt_out:
        return "opt_in", consent
    if opt_out:
        return "opt_out", opt_out
    if negated and (default := BY_DEFAULT.search(scope)):
        # "is not used to train our models by default": until the person turns it on
        return "opt_in", re.compile(re.escape(default.group())).search(text, a)
    if negated:
        before = scope[max(0, anchor - a - 90) : anchor - a + 1]
        found = negation(before) or negation(scope)
        if found is None:
            return "never", None
        return "never", re.compile(re.escape(found.group())).search(text, a)
    if consent and consent.group().startswith("unless"):
        # "unless you tell us otherwise, we may use ...": the practice runs until the person
        # acts, the way an opt-out does
        return "opt_out", consent
    if consent:
        return "opt_in", consent
    return "always", None


QUALIFIED_DENIAL = rx(
    r"\bin the conventional sense\b|\bas traditionally\b",
    r"\btraditional(?:ly)? (?:sense|understood)\b",
    r"\bbut\b[^.]{0,100}\b(?:share|disclos|sell|sale|advertis|ads\b)",
    r"\bmay (?:be (?:considered|deemed)|constitute|qualify as)\b",
    # a legal definition of the practice ("sell" as defined by state law), not of the data
    # ("your covered information, as defined under Chapter 603A")
    r"\bas (?:that term is |those terms are )defined (?:by|in|under)\b",
    r"(?<!information )(?<!information, )(?<!data )(?<!data, )\bas defined (?:by|in|under)\b",
)
"""After a denied practice: a legal definition or a "but" that takes the denial back
("... which may constitute a sale under state law", "we do not sell ..., but we share")."""
CARVE_OUT = re.compile(r"\bexcept\b|\bother than\b|\bunless\b|\bprovided that\b|\bhowever\b")
"""A carve-out from the denial itself ("we do not sell your data except ...")."""


def qualified_denial(text: str, cue: re.Match[str]) -> re.Match[str] | None:
    """What takes back a denial of the practice named at ``cue``: a carve-out in its own clause
    (up to a "nor" or a semicolon), or a definition or "but" anywhere after it."""
    clause = re.split(r"\bnor\b|;", text[cue.start() : cue.start() + 120])[0]
    return CARVE_OUT.search(clause) or QUALIFIED_DENIAL.search(text, cue.start())


NEGATED_TRANSFER = re.compile(
    r"\b(?:do|does|did|will|shall|would|may|can)(?: not|n't) (?:\w+ )?(?:share|disclose|sell|rent|"
    r"use|provide|give|transfer|make available|allow|permit|process)\b|"
    r"\bnever (?:share|disclose|sell|rent|use|provide|give|transfer)\w*\b"
)
"""A denied use or transfer whose purpose comes later in the clause ("we do not share your
personal data with any third parties for their own advertising purposes")."""


PRACTICE_CLAUSE = re.compile(
    r";|\bbut\b|\bhowever\b|\bwhereas\b|\bwhile\b|, and (?:we|it|they)\b|\. "
)
"""Where the clause of a stated practice ends, for the consent that governs it."""


def stated_practice(fact: str, s: Sentence, cue: re.Match[str]) -> Hit:
    """opt_out / never / always for a practice named at ``cue`` (advertising, sale)."""
    text = s.low
    opt = opt_out_cue(text) or opt_out_cue(s.unit.local)
    qualified = qualified_denial(text, cue)
    if opt:
        return Hit(fact, "opt_out", 0.8, span(cue, opt_out_cue(text)), 2, cue=named("opt_out", opt))
    # a consent in another clause ("...; with your consent, we also use your location") is
    # consent to something else
    cuts = [0, *(m.start() for m in PRACTICE_CLAUSE.finditer(text)), len(text)]
    a = max(c for c in cuts if c <= cue.start())
    b = min(c for c in cuts if c >= cue.end())
    consent = customer_consent(text, a, b)
    if consent and not re.search(r"\b(?:where|if|when) (?:legally )?required\b", text):
        hit = Hit(fact, "opt_in", 0.7, span(cue, consent), 1, cue=named("consent", consent))
        return scoped(guard(hit, text, cue.span()), text)
    not_in_business = re.search(r"\bnot in the business of\b", text)
    # "personal data that does not identify you": the "not" describes the data
    plain = DESCRIBING_NEGATION_OF_TRANSFER.sub(lambda m: "#" * len(m.group()), text)
    before = re.split(r", ", CLAUSE_BREAK.split(plain[max(0, cue.start() - 160) : cue.start()])[-1])
    denied = NEGATED_TRANSFER.search(before[-1])
    if not qualified and (near_negation(plain, cue.start()) or not_in_business or denied):
        said = not_in_business or denied or negation(text[max(0, cue.start() - 40) : cue.start()])
        hit = Hit(fact, "never", 0.85, span(cue), 2, cue=named("negated", said))
        return scoped(guard(hit, text, cue.span()), text)
    return Hit(fact, "always", 0.75, span(cue), 1, cue=named("stated", cue))


def named(rule: str, match: re.Match[str] | str | None) -> str:
    """A suggestion's cue: the rule that decided it and the words it matched
    (``opt_out "you can turn off"``)."""
    words = match.group() if isinstance(match, re.Match) else match
    words = " ".join((words or "").split())
    if len(words) > 60:
        words = words[:57].rstrip() + "..."
    return f'{rule} "{words}"' if words else rule


_PARTY = (
    r"(?:you|customers?|clients?|users?|end[- ]users?|licensees?|subscribers?|members?|"
    r"account holders?|sellers?|merchants?|developers?|partners?|resellers?)"
    r"(?: \([^)]{0,80}\))?(?: and (?:its|your|their|any) (?:\w+ ){0,2}?\w+)?"
)
_BEFORE_PARTY = r"(?:^|[,;:(]\s*|\b(?:and|that|then|otherwise|thereafter|also)\s+)(?:the )?"
BOUND_PARTY = re.compile(
    _BEFORE_PARTY + _PARTY + r"(?:"
    # a prohibition: "you may not", "Customer shall not (and shall not permit anyone to)"
    r",? (?:must|shall|will|should|may|can)(?: not|n't)\b(?! be\b)"
    r"(?! (?:\w+ )?(?:opt|object|withdraw|disable|turn|switch|decline|prevent|stop|choose))"
    r"| (?:cannot|can't|won't)\b(?! be\b)(?! (?:\w+ )?(?:opt|object|withdraw|disable|turn|switch))"
    r"| (?:agrees?|undertakes?|covenants?|promises?) (?:that (?:you|it|they) (?:will|shall) )?not\b"
    r"| (?:are|is) (?:not (?:permitted|allowed|authori[sz]ed|entitled)|prohibited|forbidden)\b"
    r"| (?:must|shall) refrain\b"
    # a duty: "you must uninstall the app and delete all copies"
    r"|,? (?:must|shall|will|agrees? to|(?:are|is) (?:required|obliged|obligated|responsible)"
    r" (?:to|for)|undertakes? to)(?: (?:promptly|immediately|also|then|thereafter))?"
    r" (?:uninstall\w*|delet\w+|destroy\w*|remov\w+|eras\w+|ceas\w+|discontinu\w+|stop using|"
    r"return\w*|notify|inform|ensure|obtain|comply|indemnif\w+)"
    r")"
)
"""The customer, a user or another party bound by the sentence: what follows is their
obligation, not a commitment of the vendor (``you may not use the Services to develop competing
models`` says nothing about the vendor's own training)."""
_IMPERATIVE = re.compile(
    r"^(?:please )?(?:do not|don't|never) (?:use|attempt|access|copy|modify|reverse|scrape|"
    r"upload|submit|post|input|enter|train|develop|build|create|rely|provide|share|include)\b"
)
_BOUND_LEAD = re.compile(BOUND_PARTY.pattern + r"[^.]*:$")


def bound_party(s: Sentence, position: int = 0) -> re.Match[str] | None:
    """The words binding the customer or a user (not the vendor) to what is stated at
    ``position`` of ``s``: a prohibition or a duty of theirs in the same clause before it, or a
    list item hanging from one (``You agree not to:``)."""
    text = s.low
    if found := _IMPERATIVE.search(text):
        return found
    for match in BOUND_PARTY.finditer(text):
        if match.start() > position:
            break
        between = text[match.end() : position]
        if not re.search(r";|\bwe\b", between):
            return match
    if s.unit.kind == "item" and s.unit.lead:
        last = re.split(r"(?<=[.!?]) ", s.unit.lead)[-1]
        return _BOUND_LEAD.search(last)
    return None


# ---------------------------------------------------------------- permissive values, guarded

PERMISSIVE_VALUES = frozenset({"never", "opt_in", "service_only"})
"""Values that let a compliance rule pass: suggested only from a sentence that states them
without a condition, an exception or a choice left to the user."""
USER_CHOICE = rx(
    # the denial holds only once the person asks for it or sends a signal
    r"\b(?:you|users?|customers?|consumers?|individuals?|residents?|data subjects?)"
    r" (?:can|may|could|have the right to|are (?:able|entitled) to)(?: also)?"
    r" (?:ask|request|tell|instruct|direct|require|exercise)\b",
    r"\b(?:upon|on|at) (?:your|their|the customer'?s?|the user'?s?) (?:written )?request\b",
    r"\b(?<!even )if (?:you|they|the customer|a user) (?:ask|request|object|instruct|tell)\w*\b",
    r"\b(?:gpc|global privacy control|do[- ]not[- ]track|dnt|opt[- ]out|privacy|preference|"
    r"browser) signals?\b|\bdetects? (?:\w+ ){0,3}signals?\b|\bdo[- ]not[- ]track\b|"
    r"\bglobal privacy control\b",
    r"\bopt(?:s|ed|ing)?[- ]?out\b",
    r"\b(?:your|privacy|cookie|account|ad|advertising) (?:settings?|preferences?|toggles?)\b",
)
"""A choice the person has to make for the practice to stop: the practice is ``opt_out``."""
EXCEPTION = rx(
    r"\bexcept\b|\bexcepting\b|\bunless\b|\bother than\b|\bapart from\b|"
    r"\bsave (?:for|as|where)\b|\bexcluding\b",
    r"\b(?:as )?otherwise (?:permitted|allowed|authori[sz]ed|described|set (?:out|forth)|"
    r"provided|specified)\b",
)
"""An exception: the denial, or the limit, does not hold in every case. ("Subject to these
Terms" makes a licence narrower, not wider, so it is no exception to a limit.)"""
CONDITION = rx(
    EXCEPTION.pattern,
    r"\bprovided (?:that|however)\b|\bsubject to\b",
    r"\b(?<!even )(?<!as )if\b(?! (?:any|applicable|not|necessary|possible)\b)",
    r"\bwhen(?:ever)?\b|\bonly (?:where|in cases)\b",
    # "we will not ... without notice to you": with notice, it may
    r"\bwithout (?:\w+ ){0,3}?(?:notice|notifying|informing|telling)\b",
)
"""An exception or a condition: the denial does not hold in every case."""
SCOPE_LIMIT = rx(
    r"\bnot (?:intended|meant|designed) to (?:apply|cover|govern|address)\b",
    r"\b(?:does|do|shall|will|would|is|are)(?: not|n't) (?:apply|extend|relate) to\b",
    r"\bappl(?:y|ies) (?:only )?to\b",
    r"\bnot (?:covered|governed|addressed) by\b|\boutside (?:the )?scope\b",
)
"""The denial is of a document's reach ("this policy does not apply to our use of aggregated
data"), not of the practice: the practice itself is stated."""
LEGAL_COMPULSION = re.compile(
    r"\b(?:except|unless|other than|save)\b[^.;]{0,30}\b(?:required|compelled|obliged|"
    r"obligated|necessary)\b[^.;]{0,30}\b(?:by|under|to comply with)\b[^.;]{0,30}"
    r"\b(?:law|regulation|legal|court|authorit)"
)
"""An exception for what the law compels ("unless required to do so by law"): it widens no
licence and starts no practice of the vendor's own choosing."""
RESTRICTING_EXCEPTION = re.compile(
    r"\b(?:any|no)(?: other)? (?:\w+ )?purposes? (?:other than|except|save|beyond)\b|"
    r"\bother purposes? than\b|\bfor nothing (?:other than|except|but)\b|"
    # "no rights except the limited rights necessary to provide the services"
    r"\b(?:except|other than|save)(?: for| as| to the extent)?(?: the)?(?: limited)?"
    r"(?: rights?| licen[cs]es?| uses?)?(?: (?:that|which) (?:are|is))?(?: reasonably)?"
    r" (?:necessary|needed|required) (?:for \w+ )?to (?:provide|perform|operate|deliver|"
    r"carry out|host)\b|\bexcept to (?:provide|perform|operate|deliver|host)\b"
)
""""Not for any purpose other than X" means "only for X": the exception restricts, it does
not widen."""
GUARD_CLAUSE = re.compile(r";|\bbut\b|\bhowever\b|\bwhereas\b|\bwhile\b|\. ")
"""Where the clause governing a stated practice ends: a condition of another clause
("... is processed when you contact us, but we do not advertise") does not govern it."""


def guard(hit: Hit, text: str, trigger: tuple[int, int] | None = None) -> Hit:
    """``hit`` with a permissive value (never / opt_in / service_only) kept only when ``text``
    (its sentence, lower case) states it plainly; otherwise the less permissive reading.

    Read in the clause holding ``trigger`` (the words naming the practice; the whole sentence
    when None), up to a semicolon or a "but":

    * ``never`` next to a choice left to the person ("you can ask that we do not sell",
      "if we detect the GPC signal we will not share") is ``opt_out``;
    * ``never`` where the "not" limits a document's reach ("this policy is not intended to
      apply to our use of aggregated data") is ``always``;
    * ``never`` with an exception or a condition is ``always`` when the practice stands
      inside the carve-out ("we do not share logs except anonymous logs shared with ..."),
      else ``undisclosed``: the sentence does not settle it;
    * ``opt_in`` with an exception or a condition besides the consent itself is
      ``undisclosed``;
    * ``service_only`` with an exception ("and as otherwise permitted", "except") is
      ``undisclosed``: a condition on when the licence is granted does not widen it.

    An exception for what the law compels, and "for no purpose other than X", leave the value
    as it is.
    """
    value = hit.value
    if value not in PERMISSIVE_VALUES:
        return hit
    a, b = 0, len(text)
    if trigger is not None:
        cuts = [0, *(m.start() for m in GUARD_CLAUSE.finditer(text)), len(text)]
        a = max(c for c in cuts if c <= trigger[0])
        b = min(c for c in cuts if c >= trigger[1])
    plain = "#" * a + text[a:b] + "#" * (len(text) - b)
    plain = LEGAL_COMPULSION.sub(lambda m: "#" * len(m.group()), plain)
    plain = RESTRICTING_EXCEPTION.sub(lambda m: "#" * len(m.group()), plain)
    if value == "opt_in":
        plain = CONSENT_EXCEPTION.sub(lambda m: "#" * len(m.group()), plain)
    if value == "never" and (choice := USER_CHOICE.search(plain)):
        return replace(hit, value="opt_out", cue=named("choice", choice))
    if value == "never" and (scope := SCOPE_LIMIT.search(plain)):
        return replace(hit, value="always", cue=named("scope of the denial", scope))
    condition = (EXCEPTION if value == "service_only" else CONDITION).search(plain)
    if condition is None:
        return hit
    if value == "never" and trigger is not None and _carved_out(plain, trigger):
        return replace(hit, value="always", cue=named("carve-out", condition))
    return replace(hit, value="undisclosed", cue=named("condition", condition))


def _carved_out(text: str, trigger: tuple[int, int]) -> bool:
    """Whether the practice at ``trigger`` stands inside an exception to the denial ("we do
    not share logs except anonymous logs shared with researchers"): between the exception's
    word and the end of its phrase (a comma), not in the main clause after it."""
    for found in EXCEPTION.finditer(text):
        end = text.find(",", found.end())
        end = len(text) if end < 0 else end
        if found.end() <= trigger[0] < end:
            return True
    return False


DEFINITION = re.compile(
    r'^(?:\(?[a-z0-9]{1,3}[.)] )?"[^"]{1,60}"(?:,? (?:or|and) "[^"]{1,40}")?(?: \([^)]{0,40}\))?,?'
    r" (?:refers? to|means?|shall mean|is defined as|has the meaning|includes)\b"
)
"""A definition (`"Dataset" refers to a collection of data used to train models`): it says
what a word means, not what the vendor does."""
_HEADING_RULE = re.compile(
    r"(?:-{3,}|={3,})\s*$|"
    # "Part 1 - Personal Data Processed by ...": a title of a part, without a full stop
    r"^(?:part|section|schedule|annex|appendix|article|chapter|exhibit) [\w.]{1,6} ?"
    r"[-:\u2013][^.]*$"
)


_MINOR_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from"}
)


def _title(text: str) -> bool:
    """A title left in a paragraph: a few words, each capitalised but the small ones, and no
    full stop ("Right to Opt Out of the Sale and Sharing of Your Personal Information")."""
    words = text.strip().split()
    if not 2 <= len(words) <= 14 or text.rstrip()[-1:] in ".;:!?,":
        return False
    return all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words if w[:1].isalpha())


def not_a_statement(s: Sentence) -> bool:
    """Whether ``s`` states nothing about a practice: a definition, or a heading the layout
    left in a paragraph (a title underlined with dashes, a part title, a title-case line)."""
    return (
        bool(DEFINITION.search(s.low))
        or bool(_HEADING_RULE.search(s.low))
        or (s.unit.kind != "heading" and _title(s.text))
    )


POINTER = re.compile(
    r"^(?:for (?:more|further|additional) (?:information|details)\b[^.]{0,80}\b(?:refer|see|visit|"
    r"read|consult)|to learn more\b|please (?:refer to|see|visit|read|consult)\b)|"
    r"\b(?:can|may) be found (?:in|at|on)\b|"
    r"\b(?:can|may) find (?:additional |more |further )?information\b|"
    r"\b(?:refer to|see) the [\"']?[\w &,-]{1,60}[\"']? section\b|"
    r"\b(?:described|set out|explained) (?:below |above )?in the section "
    r"(?:titled|entitled|called)\b"
)
"""A sentence pointing to another section ("For more information, please refer to the
section titled ..."): the practice is stated there, not here."""
