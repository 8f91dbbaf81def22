"""Hits a sentence gets from the sentences before it in its paragraph.

Not a detector of its own: it reads the hits the detectors gave the earlier sentences (an
opt-out offered for a practice just described, an objection window after a sub-processor
notice), so the scanner calls it after them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace

from vendorgate.scan.detectors.cues import (
    CHANGE_FORESEEN,
    DEEMED_CONSENT,
    DELAY_FOR_THE_LAW,
    DELAYED,
    DISCLAIMED_RESPONSIBILITY,
    ON_BY_DEFAULT,
    OTHERS_ACTS,
    PERMISSIVE_VALUES,
    RECIPIENTS,
    WAY_OUT_HELD_BACK,
    deletion_waits,
    named,
    near_negation,
    passed_on,
    rx,
)
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "follow_ups"
"""The name a follow-up's cue opens with, as a detector's cue opens with the detector's
(``follow_ups: not for all "this does not apply"``): the reader sees which rule decided."""
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
HEDGED_FACTS = PRACTICE_FACTS | {"content_license_scope"}
"""The facts a later disclaimer hedges: the practices, and a licence limited to the service
("We use your content only to provide the Services. We are not responsible for how our
partners use your content.")."""
OPT_OUT_SENTENCE = re.compile(
    # "If you do not want us to do this, ..." / "To stop this, ...": the way out follows
    r"^(?:(?:if|where|should) you (?:do not|don't|no longer|would prefer not to|prefer not to|"
    r"would rather not)\b[^.;]{0,120}, |to (?:opt[- ]?out|stop|prevent|object)\b[^.;]{0,120}, )?"
    r"(?:you|users?|customers?|(?:your |an? |the )?(?:admin\w*|account owners?|workspace "
    r"owners?))(?: (?:can|may))?(?: (?:always|also|at any time|easily))? "
    r"(?:can |may )?(?:opt[- ]?out|prevent|object|withdraw|unsubscribe|disable|turn (?:\w+ )?off|"
    r"switch (?:\w+ )?off)\b|"
    # "To opt out, go to Settings": the way out as an instruction
    r"^to (?:opt[- ]?out|turn (?:\w+ )?off|disable|stop)\b[^.;]{0,80}, (?:please )?(?:go to|visit|"
    r"click|use|adjust|change|update|contact|email|write to|open|select|navigate)\b"
)
NO_WAY_OUT = re.compile(r"\b(?:cannot|can't|can not|may not|unable to|not able to)\b")
TOPICS: dict[str, re.Pattern[str]] = {
    "ai": re.compile(
        r"\b(?:train\w*|ai|artificial intelligence|machine learning|models?|llms?|generative)\b"
    ),
    "advertising": re.compile(
        r"\b(?:ads?|advertis\w*|marketing|cookies?|personali[sz]ed|targeted|tracking|"
        r"interest[- ]based|newsletters?|promotional|shar(?:e|ing))\b"
    ),
    "sale": re.compile(r"\b(?:sell\w*|sale|sold|share|sharing)\b"),
    "aggregated": re.compile(r"\b(?:aggregat\w*|de-?identif\w*|anonymi[sz]\w*|statistic\w*)\b"),
}
"""What an opt-out sentence may name it is a way out of. "Sharing" is both a sale's word and,
in US state privacy law, the word for cross-context advertising."""
FACT_TOPIC = {
    "ai_training_customer_content": "ai",
    "ai_training_service_data": "ai",
    "ai_training_third_party": "ai",
    "advertising_use": "advertising",
    "sale_of_data": "sale",
    "aggregated_data_use": "aggregated",
}


def _opted_topics(text: str) -> set[str] | None:
    """The practices an opt-out sentence names ("You can opt out of marketing emails"), or
    None when it names none ("You can turn this off in Settings"): then it is a way out of
    whatever practice the paragraph described."""
    named = {topic for topic, words in TOPICS.items() if words.search(text)}
    return named or None


def _disclaims_what_is_done(text: str) -> re.Match[str] | None:
    """A responsibility disclaimed for what anyone does with the data, or for those it goes to
    ("We are not responsible for how our partners use the data we share with them"); not one
    for something else ("... for the content of third-party websites")."""
    for found in DISCLAIMED_RESPONSIBILITY.finditer(text):
        own = re.split(r";|\. ", text[found.start() :])[0]
        if OTHERS_ACTS.search(own) or RECIPIENTS.search(own):
            return found
    return None


MISSED_DEADLINE = re.compile(
    r"\b(?:delays?|delayed|late|lateness|timel(?:y|iness)|in time|(?:failure|failing|fails?) to "
    r"(?:notify|inform|delete|give notice|tell))\b"
)
"""What a disclaimer beside a deadline is about when it is about missing it."""


def _disclaims_delay(text: str) -> re.Match[str] | None:
    """A responsibility disclaimed for a delay, or for failing to notify or delete in time
    ("We are not responsible for delays caused by our partners"): the deadline beside it in the
    paragraph is no promise. Not one for something else ("... the content of third-party
    websites")."""
    for found in DISCLAIMED_RESPONSIBILITY.finditer(text):
        own = re.split(r";|\. ", text[found.start() :])[0]
        if MISSED_DEADLINE.search(own):
            return found
    return None


def _deadline(hit: Hit) -> bool:
    return isinstance(hit.value, int)


DEADLINE_NAMED = re.compile(
    r"\b(?:notif\w*|notices?|inform\w*|delet\w*|eras\w*|purg\w*|destr\w*|periods?|deadlines?|"
    r"time ?frames?|timelines?|this|that|it)\b"
)
"""A later sentence naming the deadline before it again: the notice, the deletion, the period,
or a pronoun for it."""


def _holds_deadline_open(text: str) -> re.Match[str] | None:
    """A later sentence of the paragraph that holds the deadline before it open: a delay, or a
    failure to notify or delete in time, disclaimed ("We are not responsible for delays in
    notification."), or the deadline named again as one the vendor may push back ("This period
    may be extended."), unless the law or an authority asks for the delay."""
    if found := _disclaims_delay(text):
        return found
    if not DEADLINE_NAMED.search(text):
        return None
    for found in DELAYED.finditer(text):
        if not DELAY_FOR_THE_LAW.search(text[max(0, found.start() - 80) : found.end() + 80]):
            return found
    return None


def _earlier_in_paragraph(s: Sentence) -> str:
    """The lower-case text of the sentences before ``s`` in its paragraph."""
    if s.index == 0:
        return ""
    folded = s.unit.folded
    return folded.text[: bisect_left(folded.offsets, s.start)].lower()


def trained_by_another_path(hit: Hit, s: Sentence) -> Hit:
    """``hit`` (a denial or opt-in of training on customer content) made ``undisclosed`` when
    its own sentence has content reach the models another way ("We do not train on your
    content, but we may use feedback you send to improve our models"), as a later sentence of
    the paragraph does (see :func:`_taken_back`)."""
    if not _content_not_trained(hit):
        return hit
    if CONTENT_BY_ANOTHER_PATH.search(s.low) is None or not _trained_on(s.low):
        return hit
    return replace(hit, value="undisclosed", cue="trained on by another path")


def hedged_by_earlier(hit: Hit, s: Sentence) -> Hit:
    """``hit`` made ``undisclosed`` when it is permissive and a sentence before it in its
    paragraph disclaims what is done with the data ("We are not responsible for how our
    partners use your data. We do not sell your personal information."), or when it is a
    deadline and one before it disclaims delays: the disclaimer hedges what follows it as it
    hedges a denial it follows (see :func:`_taken_back`), or its own sentence. A disclaimer in
    another paragraph, or about something else, leaves it. (A delay disclaimed after a
    deadline is read by :func:`_taken_back`: its ``undisclosed`` holds the number open.)"""
    if _permissive(hit):
        disclaims = _disclaims_what_is_done
    elif _deadline(hit):
        disclaims = _disclaims_delay  # "We are not responsible for delays. We will notify ..."
    else:
        return hit
    if disclaims(_earlier_in_paragraph(s)) is None:
        return hit
    return replace(hit, value="undisclosed", cue="disclaimer before the denial")


OTHERS_DO = re.compile(
    r"^(?:but |however,? )?(?:our|their|some|many|third[- ]party|these|those|other) "
    r"(?:[\w-]+ ){0,2}(?:partners|advertisers|networks|companies|vendors|providers|affiliates)"
    r" (?:may|might|can|could|will|would|do|does)(?: so| too| that)?\W*$"
)
"""After a denial: "Our ad partners do.", "Third-party advertisers may.": the practice named
again by its auxiliary alone, done by others."""
NOT_FOR_ALL = re.compile(
    r"^(?:however,? )?(?:this|these|that|the above|the foregoing)(?: \w+)?"
    r" (?:(?:does|do|will|shall)(?: not|n't) apply|appl(?:y|ies) only|only appl(?:y|ies)|"
    r"(?:is|are) only (?:the case|true|so))\b|"
    # "This applies to our free plan only.", "These commitments apply to EU customers only."
    r"^(?:however,? )?(?:this|these|that|the above|the foregoing)(?: \w+)? appl(?:y|ies) to "
    r"[^.;]{1,60}? only\b"
)
"""After a denial or a deadline: "This does not apply to data you submit through our API.",
"This applies only to Enterprise accounts.": the denial is narrowed to some of the data or
customers, the deadline to some of the cases."""
REFERS_BACK = re.compile(
    r"^(?:however|but|please note|note|in addition|also)?,? ?(?:that )?(?:this|these|that|those|"
    r"such|the (?:above|foregoing|preceding|previous)|the (?:\w+ )?(?:commitments?|restrictions?|"
    r"limitations?|promises?) (?:above|set out above|described above))\b"
)
"""A sentence opening by pointing back at what was said before it ("This does not apply ...",
"Such notice may be shortened ...", "The foregoing does not apply ..."): when it opens a
paragraph, it points at the paragraph before it, whose promise it may qualify."""
SHORTENED = re.compile(
    r"\b(?:may|might|can|could|reserves? the right to)(?: \w+ly)? (?:be )?(?:shorten|reduc|"
    r"waiv|curtail|abridg)\w*\b|\b(?:be|is|are) (?:shortened|reduced|waived|curtailed)\b|"
    # "In urgent cases, we may give shorter notice"
    r"\b(?:may|might|can|could) (?:\w+ )?(?:give|provide|send) (?:you )?(?:shorter|less|reduced)"
    r" (?:\w+ )?(?:notice|notification|period)\b"
)
"""A notice the vendor may make shorter or go without ("Such notice may be shortened in an
emergency"): for the notice before a change, the unsafe side of the number."""
EXCEPTIONS_AFTER = re.compile(
    # "There are some exceptions to this.", "Certain exceptions apply.", "This commitment is
    # subject to the exceptions in Section 4."; not "There are no exceptions"
    r"^(?:however,? |but )?there (?:are|may be|can be) (?!no\b)(?:\w+ ){0,2}exceptions?\b|"
    r"\b(?<!no )(?:certain|some|limited|a few|several|other|the following) exceptions? "
    r"(?:apply|exist|may apply)\b|"
    r"\b(?<!no )exceptions? (?:to (?:this|these|that|the above|the foregoing)|(?:are|is) "
    r"(?:described|set out|listed|explained))\b|"
    r"\b(?:is|are) subject to (?:the |certain |some |limited |these |those )?exceptions?\b|"
    # "We may make exceptions at our discretion.": the vendor may set the promise aside
    r"\b(?:we|it|the company) (?:may|might|can|could|reserves? the right to) (?:also )?(?:make|"
    r"grant|allow|permit) (?:\w+ )?exceptions?\b"
)
"""A later sentence saying the promise before it has exceptions: it does not hold in every
case."""
REFERS_BACK_INSIDE = re.compile(r"\bexceptions? to (?:this|these|that|the above|the foregoing)\b")
"""A sentence of another paragraph naming what it refers to inside it ("There are limited
exceptions to this rule"), as one opening with "This" does."""
CHANGE_AFTER = re.compile(
    # "This may change in the future.", "This practice is subject to change."; not the
    # document's own changes ("This Privacy Policy may change"), which every policy foresees
    r"^(?:however,? |but |please note(?: that)?,? )?(?:this|that|these|the above|the foregoing)"
    r"(?! (?:privacy|cookie|policy|policies|notice|statement|terms|agreement|document|page|"
    r"section|website|site)\b)(?: \w+){0,2} (?:(?:may|might|could|can) (?:\w+ )?(?:change|be "
    r"(?:changed|revised|updated|modified|withdrawn|reconsidered))|(?:is|are) subject to change)\b"
)
"""A later sentence foreseeing that the promise before it may change ("This may change in
the future"): a promise the vendor already says it may not keep."""
UNKEPT_DEADLINE = re.compile(
    r"\b(?:try|tries|attempt|endeavou?r|aim|strive|seek)s? to (?:meet|keep|observe|honou?r|"
    r"comply)\b|"
    r"\b(?:where|when|if|as far as) (?:reasonably )?(?:possible|practicable|feasible)\b|"
    r"\bnot (?:always )?(?:be )?(?:possible|feasible|practicable)\b|"
    r"\b(?:best|reasonable) efforts?\b"
)
"""A later sentence naming the deadline again as one the vendor tries to meet, or may not:
"This timeline may not always be possible", "We will try to meet this timeline where
possible"."""
SALE_AFTER_ALL = re.compile(
    # "Some of our disclosures may be considered \"sharing\" under California law."
    r"\b(?:may|might|could|can|would)(?: also)? (?:be (?:considered|deemed|treated as|regarded "
    r"as|classed as)|constitute|qualify as|amount to) (?:an? )?[\"']?(?:sales?|selling|sharing|"
    r"shares?|sold)\b|"
    # "We may receive compensation from partners to whom we disclose data."
    r"\b(?:receiv|get|earn|obtain|accept)\w* (?:\w+ )?(?:compensation|payments?|money|"
    r"consideration|revenue|benefits?)\b[^.;]{0,60}\b(?:disclos|shar|provid|transfer|pass)\w*"
)
"""After a denial of sale: a disclosure that may count as one, or one the vendor is paid for."""
KEPT_ON = re.compile(
    r"\b(?:may|might|will|can|could|would) (?:still |also |continue to )?(?:be )?(?:keep|kept|"
    r"retain\w*|remain|persist|store|stored)\b"
)
"""The vendor keeping the content on ("We may keep backups for as long as we need."): after
a control stated just before it, the control is taken back."""
NOT_KEPT = re.compile(r"\b(?:not|never|no longer)\b|n't\b")
WHAT_WAS_DELETED = re.compile(
    r"\b(?:backups?|back-ups?|cop(?:y|ies)|archives?|snapshots?|(?:your |customer |user |such |"
    r"the |deleted )content|files|it|them)\b"
)
"""The content itself, or copies of it, as what is kept on (not other data: "Services
Data")."""
REFERS_TO_CONTENT = re.compile(
    r"\b(?:it|them|licen[cs]es?|rights?|(?:your|the|such|this|that|customer|user) (?:content|"
    r"data|information|files))\b"
)
"""The content of the sentence before named again: by a pronoun, or as the licence over it."""
CONTENT_BY_ANOTHER_PATH = re.compile(
    r"\b(?:feedback|flagged|reported|reviewed|rated|ratings?|thumbs[- ](?:up|down))\b"
)
"""Content that reaches the vendor's models another way than as the service's data: sent as
feedback (with the prompts and outputs it is about), or flagged or reviewed for safety."""
TRAINED_ON = re.compile(
    r"\b(?:use|used|using|uses)\b[^.;]{0,60}?\b(?:to|for|in) (?:train|improv|develop|"
    r"fine[- ]?tun|refin)\w*\b[^.;]{0,40}?\b(?:models?|classifiers?|algorithms?|ai|machine "
    r"learning|systems?|filters?)\b|"
    r"\btrain\w* (?:on )?(?:our |its |the )?(?:\w+ )?(?:models?|classifiers?|algorithms?|ai)\b"
)
"""Used to train or improve models, classifiers or the systems built on them."""
DEEMED_HERE = re.compile(r"\b(?:consent|agree)\w*\b")
"""A consent or an agreement the sentence deems given ("By using our AI features, you consent
to such use")."""


_REFERRED_DATA = r"(?:it|them|(?:this|that|such|these|those) (?:data|information|details|content))"
PRACTICE_ON_IT = rx(
    # "We may share it with partners", "We may use it for marketing"
    r"\b(?:use|uses|using|share|shares|sharing|disclose|discloses|disclosing|provide|provides|"
    r"providing|transfer|transfers|pass|passes|sell|sells|rent|rents|trade|trades|license|"
    r"licenses|make|makes)\b " + _REFERRED_DATA + r"\b",
    # "It may be disclosed to partners who compensate us"
    r"\b(?:it|they|(?:this|that|such|these|those) (?:data|information|details|content)) "
    r"(?:may|might|can|could|will|would|is|are)(?: also| still| then)? (?:be )?(?:used|shared|"
    r"disclosed|provided|transferred|passed|sold|rented|traded|licensed|made available)\b",
)
"""The data of the sentence before named by a pronoun, and something done with it."""
PAID_FOR = re.compile(
    r"\b(?:who|that|which) (?:pay|pays|compensate|compensates|remunerate|remunerates) us\b|"
    r"\bin (?:exchange|return) for (?:money|payment|a fee|fees|compensation|(?:monetary|valuable) "
    r"consideration|something of value)\b|"
    r"\bfor (?:money|payment|a fee|(?:monetary|valuable) consideration)\b"
)
"""A disclosure the vendor is paid for: a sale, whatever it is called."""
AD_PURPOSE = re.compile(
    r"\b(?:ads?|advertis\w*|marketing|promotional|promotions?|targeted|interest[- ]based|"
    r"retargeting|remarketing|personali[sz]ed (?:ads|offers|promotions))\b"
)
"""What the data is used for when the use is advertising, or marketing with it."""
SOLD_TO = re.compile(
    r"\b(?:advertis\w* (?:partners|networks|companies)|advertisers|ad (?:partners|networks)|"
    r"data brokers|marketing partners)\b"
)
"""Recipients a disclosure to whom is a sale or a "sharing" in the state laws' sense."""


WIDER_PURPOSE = re.compile(
    r"\b(?:research|develop\w*|improv\w*|analy[sz]\w*|analytics|market\w*|advertis\w*|ads|"
    r"train\w*|new (?:products|features|services|technolog\w+)|other purposes|any purposes?|"
    r"(?:our|its) own (?:\w+ )?purposes|business purposes|commercial purposes|promot\w*)\b"
)
"""What content is used for beyond providing the service to the customer."""
NOT_LIMITING = re.compile(
    r"^(?:however,? )?(?:this|these|that|the above|the foregoing)(?: \w+)? (?:does|do|shall|will)"
    r"(?: not|n't) (?:limit|restrict|affect|apply to)\b|"
    r"^(?:this|these|that|the above|the foregoing)(?: \w+)? (?:is|are) (?:without prejudice to|in "
    r"addition to)\b"
)
"""After a licence limited to the service: "The foregoing does not limit our rights under the
Privacy Policy", "This is in addition to the licence in Section 5": another grant stands."""


SOLD = re.compile(r"\b(?:sell|sells|selling|sold|rent|rents|renting|rented)\b")
"""A sale named by its verb."""


def _sold_itself(text: str) -> bool:
    """Whether ``text`` sells or rents the data named by a pronoun ("We may sell it to data
    brokers."), not denying it."""
    return any(
        SOLD.search(found.group()) and not near_negation(text, found.start(), 60)
        for found in PRACTICE_ON_IT.finditer(text)
    )


def _practised_on_it(text: str, purpose: re.Pattern[str]) -> bool:
    """Whether ``text`` does something with the data named by a pronoun ("We may share it"),
    not denying it, for ``purpose`` in the rest of its clause."""
    for found in PRACTICE_ON_IT.finditer(text):
        if near_negation(text, found.start(), 60):
            continue
        rest = re.split(r";|\. ", text[found.end() :])[0]
        if purpose.search(rest):
            return True
    return False


ADS_NAMED = re.compile(
    r"\b(?:ads?|advertis\w*|targeted|interest[- ]based|retargeting|remarketing|personali[sz]ed "
    r"ads)\b"
)
"""Ads named as what the data is used for, not marketing, which may be the vendor's own."""
STATED_AFTER = {
    "sale_of_data": "a paid disclosure of it",
    "advertising_use": "used for ads after all",
}
"""The cues of later sentences that do the practice denied before them to the same data
("We do not use your data for ads. We may share it with advertising partners.", "We do not
sell your personal information. We may share it with partners who pay us."): the practice is
stated, ``always``, not merely left open. Marketing with it leaves it open only: the vendor
marketing its own products is no advertising use."""


OBJECTION_WINDOW = re.compile(r"\bobject\w*\b[^.]*\bwithin\b|\bwithin\b[^.]*\bobject\w*")


def _taken_back(text: str) -> list[tuple[str, Callable[[Hit], bool]]]:
    """What a later sentence of the paragraph (``text``, lower case) takes back from the hits
    before it: for each rule it matches, its cue and which earlier hits it leaves open."""
    found: list[tuple[str, Callable[[Hit], bool]]] = []
    if disclaimer := _disclaims_what_is_done(text):
        # "We do not sell your personal information. We are not responsible for how our
        # partners use the data we share with them.": the disclaimer hedges the denial it
        # follows, as it would in the denial's own sentence
        found.append((named("disclaimer after the denial", disclaimer), _permissive))
    if hold := _holds_deadline_open(text):
        # "We will notify you of a breach within 72 hours. We are not responsible for delays in
        # notification.": the number before it is no promise
        found.append((named("deadline held open after it", hold), _deadline))
    if narrowing := NOT_FOR_ALL.search(text):
        # "We will not use your data to train our models. This does not apply to data you
        # submit through our API.": the denial does not hold for all of it; nor does a
        # deadline ("We will notify you within 48 hours. This does not apply where ...")
        found.append((named("not for all", narrowing), _promised))
    if exceptions := EXCEPTIONS_AFTER.search(text):
        # "We do not sell your personal information. There are some exceptions to this.": the
        # denial, or the deadline, does not hold in every case
        found.append((named("exceptions after it", exceptions), _promised))
    if change := CHANGE_AFTER.search(text):
        # "We do not use your content to train our models. This may change in the future.": as
        # a change foreseen in the denial's own sentence
        found.append((named("change foreseen after it", change), _promised))
    if DEADLINE_NAMED.search(text) and (unkept := UNKEPT_DEADLINE.search(text)):
        # "We will notify you within 24 hours. This timeline may not always be possible."
        found.append((named("deadline only tried after it", unkept), _deadline))
    if DEADLINE_NAMED.search(text) and (shorter := SHORTENED.search(text)):
        # "We will give 30 days' notice of a new sub-processor. Such notice may be shortened in
        # an emergency.": the notice may be less than the number (a breach notice or a
        # deletion made quicker is on its safe side, so only the notice before a change)
        found.append((named("notice shortened after it", shorter), _notice_before_a_change))
    if waits := deletion_waits(text):
        # "You can delete your files at any time. Deletion from our systems may take longer.":
        # the customer's deletion does not say when the content is gone
        found.append((named("deletion delayed after it", waits), _customer_controlled))
    if sale := SALE_AFTER_ALL.search(text):
        # "We don't sell your personal data. Some of our disclosures may be considered
        # \"sharing\" under California law.": the denial is of the word only
        found.append(
            (named("a sale after all", sale), lambda h: h.fact == "sale_of_data" and _permissive(h))
        )
    if others := OTHERS_DO.search(text):
        # "We do not use your data for advertising. Our ad partners do.": the denial is the
        # vendor's own; the practice goes on through others
        found.append(
            (
                named("done by others", others),
                lambda h: h.fact in PRACTICE_FACTS and h.value == "never",
            )
        )
    if DEEMED_CONSENT.search(text) and DEEMED_HERE.search(text):
        # "... without your consent. By using our AI features, you consent to such use.": the
        # consent the practice waits for is given by using the service
        found.append(
            ("consent deemed given", lambda h: h.fact in PRACTICE_FACTS and h.value == "opt_in")
        )
    if switched := ON_BY_DEFAULT.search(text) or CHANGE_FORESEEN.search(text):
        # "We do not train on your content unless you enable the feature. The feature is enabled
        # by default.", "Free accounts are opted in automatically.": the switch the denial or
        # the opt-in waits for is on already, or the vendor's to turn; as in its own sentence
        found.append(
            (
                named("switched on after it", switched),
                lambda h: h.fact in PRACTICE_FACTS and h.value in ("never", "opt_in"),
            )
        )
    if _practised_on_it(text, WIDER_PURPOSE):
        # "We use your content only to provide the Services. We may also use it for research.":
        # the same content, used beyond the service
        found.append(("used beyond the service after it", _service_only))
    if beyond := NOT_LIMITING.search(text):
        # "... The foregoing does not limit our rights under the Privacy Policy.": the limit
        # leaves a wider grant elsewhere standing
        found.append((named("limit not limiting after it", beyond), _service_only))
    if _practised_on_it(text, PAID_FOR) or _sold_itself(text):
        # "We do not sell your personal information. We may share it with partners who pay
        # us.", "... We may sell it to data brokers.": the pronoun names the data denied; a
        # disclosure paid for is a sale, as a sale named is
        found.append(
            (STATED_AFTER["sale_of_data"], lambda h: h.fact == "sale_of_data" and _permissive(h))
        )
    elif _practised_on_it(text, SOLD_TO):
        # "... However, we may share it with advertising partners.": a disclosure to
        # advertisers or data brokers may be a sale in the state laws' sense; it leaves the
        # denial open (the same sentence alone states ads, not a sale)
        found.append(
            ("disclosed to buyers after it", lambda h: h.fact == "sale_of_data" and _permissive(h))
        )
    if _practised_on_it(text, ADS_NAMED):
        # "We don't use your data for ads. We may share it with advertising partners.": the
        # same data, used for ads after all
        found.append(
            (
                STATED_AFTER["advertising_use"],
                lambda h: h.fact == "advertising_use" and _permissive(h),
            )
        )
    elif _practised_on_it(text, AD_PURPOSE):
        # "We don't use your content for ads. We may use it for marketing.": the same data,
        # used for what may be the ads denied (or the vendor's own marketing, which is none)
        found.append(
            (
                "used for marketing after it",
                lambda h: h.fact == "advertising_use" and _permissive(h),
            )
        )
    if CONTENT_BY_ANOTHER_PATH.search(text) and _trained_on(text):
        # "We do not train on your content. If you send us feedback, we may use it to improve
        # our models.": content sent as feedback, or flagged for review, is trained on after all
        found.append(("trained on by another path", _content_not_trained))
    if passed_on(text) and REFERS_TO_CONTENT.search(text):
        # "We use your content only to provide the Services. We may also share it with our
        # partners.": the partners' use is not limited to the service
        found.append(("passed on to others", _service_only))
    kept = KEPT_ON.search(text)
    if kept and WHAT_WAS_DELETED.search(text) and not NOT_KEPT.search(text):
        # "You can delete your content at any time. We may keep backups for as long as we
        # need.": the deletion the customer controls leaves copies the vendor keeps
        found.append((named("kept on after", kept), _customer_controlled))
    return found


STATED_STATES = frozenset({"encrypted", "available"})
"""Encryption at rest, or an agreement to be had: states a rule passes on, which a later
"There are limited exceptions to this." leaves open as it leaves a denial."""


def _promised(hit: Hit) -> bool:
    """A denial, a licence limited to the service, a deadline, encryption or an agreement on
    offer: what a later narrowing, exception or change foreseen takes back."""
    return _permissive(hit) or _deadline(hit) or hit.value in STATED_STATES


def _permissive(hit: Hit) -> bool:
    return hit.fact in HEDGED_FACTS and hit.value in PERMISSIVE_VALUES


def _trained_on(text: str) -> bool:
    """Whether ``text`` says something is used to train or improve models, not denying it."""
    return any(not near_negation(text, m.start(), 60) for m in TRAINED_ON.finditer(text))


def _content_not_trained(hit: Hit) -> bool:
    return hit.fact == "ai_training_customer_content" and hit.value in PERMISSIVE_VALUES


def _service_only(hit: Hit) -> bool:
    return hit.fact == "content_license_scope" and hit.value == "service_only"


def _notice_before_a_change(hit: Hit) -> bool:
    return hit.fact == "subprocessor_change_notice_days" and _deadline(hit)


def _customer_controlled(hit: Hit) -> bool:
    return hit.fact == "content_retention" and hit.value == "customer_controlled"


def follow_ups(s: Sentence, earlier: Iterable[Hit]) -> list[Hit]:
    """Hits a sentence gets from the sentences before it in its paragraph: an opt-out offered
    for a practice just described, an objection window after a sub-processor notice, and
    ``undisclosed`` where a later sentence of the same paragraph takes back a permissive
    reading before it (see :func:`_taken_back`: a disclaimer, a narrowing, exceptions, a change
    foreseen or a switch on already, a sale after all, others doing it, a consent deemed given,
    copies kept on or a deletion that may wait, a notice that may be shortened or a deadline
    only tried for, content passed on to others, used beyond the service or reaching the
    models by another path, a limit said not to limit another grant, the data named again by a
    pronoun and sold or used for ads); ``always`` where the pronoun's data is disclosed for pay
    or used for ads named (:data:`STATED_AFTER`). A narrowing, exceptions or a change foreseen
    take back encryption at rest and an agreement on offer as well. A paragraph
    opening by pointing back at the one before ("This does not apply to ..."), or naming it
    ("There are limited exceptions to this rule"), takes back from that paragraph's hits,
    ``earlier`` then. Every cue opens with :data:`ID`."""
    hits: list[Hit] = []
    earlier = list(earlier)
    # (a way out the vendor may refuse, or of part of the practice only, is none)
    held_back = NO_WAY_OUT.search(s.low) or WAY_OUT_HELD_BACK.search(s.low)
    if OPT_OUT_SENTENCE.search(s.low) and not held_back:
        topics = _opted_topics(s.low)
        for fact in sorted({h.fact for h in earlier if h.fact in PRACTICE_FACTS}):
            if topics is not None and FACT_TOPIC[fact] not in topics:
                continue  # a way out of another practice named in the paragraph
            hits.append(Hit(fact, "opt_out", 0.65, None, 1, cue="opt-out for the practice above"))
    # within the paragraph, or from the paragraph before when this one opens by pointing back
    # at it ("This does not apply to ...", "Such notice may be shortened ..."): another
    # paragraph's denial is no business of a sentence that does not refer to it
    if s.index > 0 or REFERS_BACK.search(s.low) or REFERS_BACK_INSIDE.search(s.low):
        for cue, left_open in _taken_back(s.low):
            for fact in sorted({h.fact for h in earlier if left_open(h)}):
                # an undisclosed taken back from a number holds that number open
                held = any(_deadline(h) for h in earlier if h.fact == fact and left_open(h))
                value = "always" if STATED_AFTER.get(fact) == cue else "undisclosed"
                hits.append(Hit(fact, value, 0.65, None, 1, cue=cue, holds_open=held))
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
    # each named as a detector's hit is (the scanner adds no detector's name to these)
    return [replace(h, cue=f"{ID}: {h.cue}") for h in hits]
