"""How long customer content is kept, and when it is deleted after termination."""

from __future__ import annotations

import re
from dataclasses import replace

from vendorgate.scan.detectors.cues import (
    CONTENT,
    HEDGED_DENIAL,
    LEGAL_COMPULSION,
    NUMBER_WORDS,
    PLAN_SCOPE,
    Spot,
    aimed_only,
    deletion_waits,
    in_business_days,
    named,
    not_a_statement,
    rx,
    some_plans,
    span,
)
from vendorgate.scan.detectors.cues import periods as _stated_periods
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "retention"
FACTS: tuple[str, ...] = (
    "content_retention",
    "deletion_after_termination_days",
)
TRIGGER = Trigger(
    # RETAIN, DELETE, EXPORT_WINDOW, INACTIVITY, KEPT_AFTER_END, BACKUP
    "retain|retention|keep|kept|stor|queue|delet|erase|erasure|buffer|destr|purg|return|remov|"
    "recoverable|retrievable|export|retrieve|inactiv|activity|not used|not accessed|not logged|"
    "not been|preserv|remain|stay|held|hold|backup|back-up|archiv"
)


RETAIN = re.compile(
    r"\bretain\w*|\bretention\b|\bkeeps?\b|\bkept\b|\bstor(?:e|es|ed|ing|age)\b|\bqueues?\b|"
    r"\bdelet\w+|\berase\w*|\berasures?\b|\bpurg(?:e|es|ed|ing)\b|\bbuffer\b"
)
KEEPING_REMOVAL = re.compile(r"\bremov(?:e|es|ed|ing)\b")
"""A removal, which bears on how long content is kept as a deletion does, unless the sentence
removes for cause (see :func:`_retain_cue`)."""
_ERASE = r"(?:delet|eras|purg|remov)"
"""The deletion verbs' stems: "remove", "purge" and "erase" read as "delete" does."""
NOT_RETENTION_TOPIC = re.compile(
    r"\blogs?\b|log files|\bbilling\b|\bpayment\b|\bprofile (?:information|data)\b|"
    r"support (?:request|ticket|case)s?|\bnewsletter|\baccount data\b|\bservices data\b|"
    r"\bconfidential information\b|\bcharges\b|\bunderage\b|\bminor\b|\barbitrat\w+|"
    r"\bnot be liable\b|\bliable for\b|\blive chat\b|\bchatbot\b|"
    # where data is kept or moved to, not for how long
    r"\btransferred\b|\bcountr(?:y|ies)\b|\bdata cent(?:er|re)s?\b"
)
BIOMETRIC = re.compile(
    r"\bbiometric|\bvoiceprints?\b|\bfacial\b|\bface (?:geometry|templates?|scans?)\b"
)
"""Biometric templates a feature derives: not the content the customer puts in the service."""
TERMINATION_HEADING = re.compile(
    r"\bterminat\w+|\bcancel\w*|\bexpir\w+|\bdeletion and return\b|\breturn and deletion\b|"
    r"\bclos\w+ (?:your |the )?account\b"
)
CONTENT_WORDS = re.compile(
    # what the customer put in the service, in the words privacy notices and terms use for it
    # (not personal data in general: a privacy notice's "personal data" is mostly account data)
    r"\bcontent\b|\bfiles\b|\brepositor(?:y|ies)\b|\bworkspaces?\b|"
    r"\byour (?:posts|uploads|photos|pictures|images|videos|notes|projects)\b|"
    r"\bdata (?:stored|you store|uploaded)\b"
)
AS_LONG_AS = re.compile(
    r"\b(?:for )?as long as (?:(?:is |are |it is |they are )?(?:reasonably )?(?:necessary|needed|"
    r"required)|your account (?:is|remains) (?:active|open)|you (?:maintain|have|keep|hold) "
    r"(?:an|your|a) (?:\w+ )?account|"
    r"we (?:deem|consider|think) (?:it )?(?:necessary|appropriate))\b|"
    r"\bwhile (?:your|the|its|their) (?:\w+ )?account (?:is|remains) (?:active|open)\b|"
    r"\bfor the (?:duration|term|life(?:time)?) of (?:the|this|your|its|their|any) (?:\w+ )?"
    r"(?:agreement|contract|subscription|account|services?)\b|"
    r"\bfor the (?:period|time) (?:\w+ )?(?:necessary|needed|required)\b"
)
"""Kept "as long as necessary" or while the account is open: no end is stated."""
ACCOUNT_LIFETIME = re.compile(
    r"\b(?:for )?as long as (?:your account (?:is|remains) (?:active|open)|you (?:maintain|have|"
    r"keep|hold) (?:an|your|a) (?:\w+ )?account)\b|"
    r"\bwhile (?:your|the|its|their) (?:\w+ )?account (?:is|remains) (?:active|open)\b|"
    r"\bfor the (?:duration|term|life(?:time)?) of (?:the|this|your|its|their|any) (?:\w+ )?"
    r"(?:agreement|contract|subscription|account|services?)\b"
)
"""Kept while the account or the contract lasts: no end while the contract runs."""
AFTER_THE_END = re.compile(
    r"\b(?:afterwards?|thereafter|after (?:that|closure|it (?:is closed|closes|ends))|"
    r"following (?:that|closure|its closure))\b"
)
"""A period counted from the end of the account just named: "and for 30 days afterwards"."""
KEPT_FOR_A_PERIOD = re.compile(
    r"\b(?:retain|retains|keep|keeps|store|stores)\b[^.;]{0,100}\b(?:for|up to|no longer than|"
    r"not (?:more|longer) than|a maximum of|at most) (?:a (?:maximum|period) of )?(?:[a-z-]+ )?"
    r"\(?\d+\)? (?:days?|weeks?|months?|years?)\b"
)
"""The vendor keeps data for a stated number of days, months or years."""
ACCOUNT_REMOVED = re.compile(
    r"\b(?:clos\w*|delet\w*|terminat\w*|remov\w*)\b[^.;]{0,20}\baccounts?\b|"
    r"\baccounts?\b[^.;]{0,60}\b(?:closed|deleted|terminated|removed)\b"
)
"""An account closed or deleted for inactivity takes the content in it along."""
INACTIVITY = re.compile(
    r"\binactiv\w+|\bno (?:account )?activity\b|\bnot (?:been )?(?:used|accessed|logged)"
)
NOT_KEPT_AT_ALL = re.compile(
    # the vendor denies keeping the content at all: "we do not store your files", "at no time
    # does the Provider retain or store any ... data", "no content data will be stored" (not the
    # user: "you do not store", nor a passive "is not retained", which may say where, not whether)
    r"(?:\b(?!(?:you|users?|customers?|they|which|that|it|do|does|will|shall)\b)[a-z]+ "
    r"(?:(?:do|does|will|shall)? ?(?:not|never)|don't|doesn't|won't)|"
    r"\bat no time (?:do|does|will) (?:the )?[a-z]+)"
    r"(?: \w+ly)? (?:retain|store|keep|save)s?"
    r"(?: or (?:retain|store|keep|save))?\b|"
    r"^no\b[^.;]{0,80}\b(?:will|shall|is|are) (?:ever )?(?:be )?(?:stored|retained|kept|saved)\b"
)
KEPT_BEYOND = re.compile(
    r"\b(?:longer than|beyond|after|except|unless|other than|outside (?:of )?the scope|"
    r"permanent\w*|full (?:credit )?card|card numbers?)\b"
)
"""The denial is of keeping longer, or of one kind of copy: not a denial of keeping at all."""
CUSTOMER_DUTY = re.compile(
    r"^(?:\W*\w+\W+){0,3}?(?:you|customer|the customer|client|the client|users?)\b(?: \w+){0,2} "
    r"(?:is|are) (?:solely |fully |exclusively )?responsible for\b|"
    r"\b(?:you|customer|client|users?) (?:must|shall|should) (?:\w+ ){0,3}(?:back ?up|export|"
    r"retrieve|download|save|copy)\b"
)
"""The customer's own duty to keep a copy before the end ("The Client is solely responsible
for ensuring that backups ... are performed"): no deletion of the vendor's is stated."""
WE_DELETE = re.compile(
    r"\bwe (?:will |shall |may |would )?(?:then )?(?:delete|erase|destroy|purge|remove)\b"
)
NO_DUTY_TO_KEEP = re.compile(r"\bno obligation to (?:retain|keep|store)\b")
"""The vendor owes no keeping after the end: it bears on deletion without a period."""
CUSTOMER_DELETES_FIRST = re.compile(
    r"\b(?:you|customers?|the customer)\b[^.;]{0,30}\b(?:can|may)\b[^.;]{0,20}\bdelet\w*\b"
    r"[^.;]{0,60}\b(?:prior to|before)\b"
)
"""The customer may delete content itself before it leaves: control, not a deletion period."""
NOT_RETENTION_SECTION = re.compile(r"\brights\b|payment|billing|\blogs?\b|support|newsletter")
CONTROLLED = rx(
    r"\bin accordance with (?:a |the )?(?:customer|controller|your)'?s? instructions\b",
    r"(?<!whether )\b(?:you|customer|the customer|controller|the controller) "
    r"(?:may|can|elects? to|chooses? to)"
    r"\b[^.;]{0,60}\b(?:delete|request (?:the )?(?:return|deletion)|remove|purge|erase)",
    # the customers named with more words, or in the plural: "paying customers can delete
    # their content", "account owners may delete" (a red-team pass found these read as
    # nothing; a plan named makes the control undisclosed, see detect)
    r"(?<!whether )(?<!other )\b(?:[\w-]+ ){0,2}?(?:customers|users|account owners?|"
    r"administrators|admins|subscribers|members)(?: (?:on|of|in|with) (?:the |an? |our |their )?"
    r"(?:[\w-]+ ){0,2}?(?:plans?|accounts?|workspaces?|tiers?|subscriptions?|editions?))? "
    r"(?:may|can)\b[^.;]{0,20}\b(?:delete|remove|purge|erase)\b",
    r"\b(?:deleted|removed|erased|purged) by (?:the |a |any )?(?:[\w-]+ )?(?:customers?|you|users?|"
    r"account owners?|administrators?|admins?)\b(?! of\b)",
    r"\bretention (?:settings|period you)\b",
    # the customer sets the period itself: "you can configure the retention period",
    # "retention periods set by the Customer"
    r"\b(?:you|customers?|the customer|administrators?|admins?)\b[^.;]{0,40}\b(?:configure|"
    r"set|choose|select|define|adjust|customi[sz]e)\b[^.;]{0,40}\bretention\b",
    r"\bretention (?:periods?|polic(?:y|ies)|settings?) (?:that )?(?:you|the customer|customers?|"
    r"an? administrator|admins?) (?:\w+ )?(?:configure|set|choose|select|define)\b",
    r"\bretention (?:periods?|polic(?:y|ies)|settings?) (?:configured|set|chosen|defined|"
    r"selected) by (?:you|the customer|customers?|an? administrator|admins?)\b",
    r"\byou control\b",
    # "until you make the decision to (permanently) delete it": the adverb is the same deletion
    r"\buntil (?:you|the customer|customer|the controller|the user|users?) (?:\w+ ){0,4}"
    r"(?:(?:permanently|securely|irreversibly) )?" + _ERASE + r"(?:e|es|ing)\b",
    # deleted when the customer asks: "We will delete Customer Data upon Customer's request"
    r"\b" + _ERASE + r"\w*\b[^.;]{0,60}\b(?:upon|on|at|following) (?:your|the customer'?s?|"
    r"customer'?s?|"
    r"the controller'?s?|controller'?s?) (?:written |verified )?(?:request|instruction)s?\b",
    r"\b(?:you|customers?|the customer|administrators?|admins?) (?:can|may) (?:choose|decide|"
    r"select|set|control|determine) how long\b",
    r"\b(?:upon|on|after) (?:receiving |receipt of )?(?:your|the customer'?s?|a) (?:verified )?"
    r"request\b[^.;]{0,60}\b" + _ERASE,
    r"\b(?:unless|until|upon|when)\b[^.;]{0,50}\b(?:you|customer|controller)\b[^.;]{0,30}"
    r"\brequests?\b[^.;]{0,20}\b" + _ERASE,
    # the customer's organisation sets the rules: "the Account Holder may have established its
    # own rules regarding ... retention"
    r"\b(?:account (?:holder|owner)|administrator|admin\w*|organi[sz]ation|employer)\b"
    r"[^.;]{0,80}\b(?:rules|polic\w+|settings)\b[^.;]{0,80}\bretention\b",
)
FIXED = rx(
    r"\btemporar\w+",
    r"\buntil (?:it is |they are )?(?:delivered|uploaded|sent)\b",
    r"\bduring the (?:meeting|session|call)\b",
    r"(?:\ba (?:maximum|period) of|\bfor) (?:\w+ ){0,3}?\(?\d+\)? "
    r"(?:days?|hours?|months?|years?)\b",
    r"\b(?:within|after|up to|no longer than|no later than|not more than|maximum of|at most) "
    r"(?:[a-z-]+ )?"
    r"\(?\d+\)? (?:calendar |business )?(?:days?|hours?|weeks?|months?|years?)\b",
    r"\b\d+[- ](?:day|month|year)s? (?:retention|period|window)\b",
    # the number in words: "deleted after six months", "kept for thirty days"
    r"\b(?:for|within|after|up to|no longer than|no later than|not more than|a maximum of|at most|"
    r"a period of) (?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|an?)"
    r"(?: \(\d+\))? (?:calendar |business )?(?:days?|hours?|weeks?|months?|years?)\b",
    r"\bautomatically " + _ERASE + r"\w+",
    r"\bfor delivery\b",
    r"\bto buffer\b",
)
INDEFINITE = rx(r"\bindefinite\w*", r"\bno (?:fixed )?retention (?:period|limit)")
TERMINATION = rx(
    r"\bterminat\w+",
    r"\bend of the provision of (?:the )?services\b",
    r"\bexpir\w+",
    r"\bcancel\w*",
    r"\bthereafter\b",
    r"\bstop using (?:the|our) services?\b",
    r"\bafter this (?:export )?period\b",
    r"\bdeactivat\w+",
    r"\bclos(?:e|es|ing|ure) (?:of )?(?:your |the |its |their )?account\b",
    r"\bdeletion of (?:your |the |its |their )?account\b",
    # the noun after the account: "within 30 days of account closure"
    r"\baccount (?:closure|deletion|cancell?ation|termination|deactivation)\b",
    # the passive: "after your account is closed", "once the account has been deleted"
    r"\baccount (?:is|has been|was|being|gets) (?:closed|deleted|terminated|cancell?ed|"
    r"deactivated)\b",
    r"\bend of (?:the|this|your|its|their) (?:\w+ )?(?:agreement|contract|subscription|term|"
    r"services?|engagement|relationship)\b",
    # the end drafted as what the contract does: "when your subscription ends", "once the plan
    # is no longer active", "after your plan lapses"
    r"\b(?:subscription|agreement|contract|plan|membership|engagement)s? (?:ends|has ended|"
    r"comes to an end|lapses|has lapsed|is no longer (?:active|in (?:force|effect)))\b",
    # "upon completion of the services", "on cessation of the processing services"
    r"\b(?:completion|cessation|conclusion) of (?:the |all |its |our )?(?:\w+ ){0,2}?"
    r"(?:services?|agreement|contract|engagement|relationship)\b",
)
GENERAL_RETENTION = re.compile(
    r"\bretain\w*|\bretention\b|\bkept\b|"
    # "for" only when a time follows it ("store files for you" says no period)
    r"\b(?:keeps?|stor(?:e|es|ed|ing))\b[^.;]{0,60}\b(?:for as long as|as long as|until|while|"
    # ("for the customer's benefit", "for a customer" name whom, not how long)
    r"for(?= (?:(?:a|an|the) (?:[\w-]+ ){0,2}?(?:period|time|term|duration|life|lifetime|length|"
    r"while|days?|weeks?|months?|years?|hours?)\b|up to|at least|no longer|longer|\(?\d|"
    r"[a-z-]+ \(\d)\b))\b|"
    # the user's deletion leaves other copies: "won't delete copies in the accounts of others"
    r"\b(?:won't|will not|does not|doesn't|do not) (?:\w+ )?delete (?:the |any )?copies\b"
)
"""A statement that content is kept, with no period or control named: bears on retention
without settling its value."""
KEPT_WHATEVER_THE_USER_DOES = rx(
    # the permission to keep it cannot be taken back: "you cannot revoke permission for us to
    # publish, store and use such content", "you may not withdraw our right to keep your posts"
    r"\b(?:cannot|can't|can not|may not|are not able to|will not be able to)\b (?:\w+ )?"
    r"(?:revoke|withdraw|rescind|take back)\b[^.;]{0,80}\b(?:stor(?:e|ing)|retain\w*|keep\w*|"
    r"hold)\b",
    # it is kept on after the user deletes it: "we may continue to store it after you delete it",
    # "our right to keep copies of your content continues after you delete it"
    r"\b(?:continue|continues) to (?:store|retain|keep|hold)\b[^.;]{0,60}\b(?:after|even if|"
    r"once) (?:you|users?|the user) (?:have |has )?(?:delete|remove)",
    r"\b(?:even )?(?:after|if|once) (?:you|users?|the user) (?:have |has )?(?:delete|remove)\w*"
    r"[^.;]{0,60}\b(?:continue|continues) to (?:store|retain|keep|hold)\b",
    r"\b(?:right|licen[cs]e|permission)s? to (?:[\w,]+ ){0,6}?(?:store|retain|keep)\b[^.;]{0,60}"
    r"\b(?:continues?|survives?|remains?)\b[^.;]{0,20}\b(?:after|even if|once) (?:you|users?|"
    r"the user) (?:have |has )?(?:delete|remove)",
)
"""The content kept whatever the user does: the permission to store it cannot be revoked, or
it is kept on after the user deletes it. With no period stated, no end is (``indefinite``)."""
CONTRACT_END = re.compile(
    r"\b(?:terminat\w+|expir\w+|end)(?: or (?:expiration|termination|expiry))? of (?:the|this|"
    r"your|our|any|an|its) (?:\w+ )?(?:agreement|contract|dpa|services?|subscription|terms|"
    r"engagement|relationship|processing)\b|\bupon (?:termination|expiration|expiry)\b|"
    r"\bend of the provision of (?:the )?services\b|"
    r"\b(?:completion|cessation|conclusion) of (?:the |all |its |our )?(?:\w+ ){0,2}?"
    r"(?:services?|agreement|contract|engagement|relationship)\b"
)
PROCESSED_DATA = re.compile(r"\b(?:all )?personal data\b|\ball (?:such )?data\b")
"""When the contract ends, the personal data the vendor still holds is the customer's."""
DELETE = re.compile(
    r"\bdelet\w+|\berase\w*|\berasures?\b|\bdestr(?:oy|uction)\b|\bpurg\w+|\breturn\b|"
    # "your files will be removed": the vendor's act to come (not "until the material is
    # removed", which the user may do)
    r"\b(?:will|shall|may|would) (?:then )?be (?:permanently )?removed\b|"
    r"\bremoved from (?:our|its|the) (?:servers|systems)\b|"
    # gone for good: "your files become unrecoverable after ten days"
    r"\b(?:becomes?|will be|is|are) (?:permanently )?(?:unrecoverable|irretrievable|"
    r"irrecoverable)\b"
)
REMOVAL = re.compile(r"\bremov(?:e|es|ing)\b|\b(?:is|are|be|been|gets?)(?: \w+ly)? removed\b")
"""The vendor's removal of the content as a deletion ("we remove your content within 30 days",
"your content is removed"), read as "delete" is, unless the sentence is about removal for
cause (see :data:`FOR_CAUSE`)."""
FOR_CAUSE = re.compile(
    r"\b(?:violat\w*|infring\w*|breach\w*|objectionable|inappropriate|unlawful|illegal|"
    r"abusive|offensive|offending|harmful|prohibited|misuse)\b"
)
"""Content taken down for breaking the rules: moderation, not the deletion after the end."""


def _deletion_cues(text: str) -> list[re.Match[str]]:
    """The deletions of ``text``, in order: the words of :data:`DELETE`, and a removal when the
    sentence does not remove for cause ("we may remove content that violates these terms")."""
    found = list(DELETE.finditer(text))
    if not FOR_CAUSE.search(text):
        # not "until the material is removed": a condition the user may meet
        found += (m for m in REMOVAL.finditer(text) if not UNTIL.search(text, 0, m.start()))
    return sorted(found, key=lambda m: m.start())


UNTIL = re.compile(r"\buntil\b[^,;.]{0,60}$")


def _retain_cue(text: str) -> re.Match[str] | None:
    """A word of keeping or deleting in ``text``: :data:`RETAIN`'s, or a removal when the
    sentence does not remove for cause ("we may remove the offending content")."""
    return RETAIN.search(text) or (None if FOR_CAUSE.search(text) else KEEPING_REMOVAL.search(text))


def _deletion_cue(text: str) -> re.Match[str] | None:
    found = _deletion_cues(text)
    return found[0] if found else None


EXPORT_WINDOW = re.compile(r"\b(?:export|retrieve)\b")
AVAILABLE = re.compile(
    r"\b(?:available|accessible|retrievable|recoverable|restorable|downloadable)\b|"
    r"\b(?:can|may|will be able to|(?:is|are) able to) (?:still )?(?:access|restore|recover|"
    r"download|retrieve)\b"
)
"""The content left within the customer's reach: how long it can still be had, which says
nothing of when it is deleted."""
BACKUP = re.compile(
    r"\b(?:retain\w*|kept|remain\w*|persist\w*|linger\w*|stay\w*)\b[^.;]{0,100}\b(?:backups?|"
    r"back-up|archiv\w+)\b|"
    r"\b(?:residual )?backup cop(?:y|ies)\b|"
    # the backups named first: "backups may not be removed right away"
    r"\b(?:backups?|back-ups?)\b[^.;]{0,60}\b(?:(?:is|are|be|will|may|might)(?: \w+)? not (?:be )?"
    r"(?:immediately |fully |completely )?(?:removed|deleted|erased|purged)|persist\w*|"
    r"remain\w*)\b"
)
COST = re.compile(r"\b(?:cost|costs|expenses?)\b[^.]{0,120}\bborne\b|\badditional costs?\b")
NOT_KEEPING = re.compile(
    r"\bretain\w* (?:all |any |its |their )?(?:\w+ )?(?:ownership|rights?|title|intellectual)\b|"
    r"\b(?:you|customers?|users?|licensees?)(?: will| shall| may)? (?:retains?|keeps?)\b|"
    r"\bresponsib\w+ for (?:the )?retention\b|\bnot (?:be )?(?:retain|kept|keep|stor)\w*"
)
""""You retain all rights in your content", "no responsibility for retention", "is not
retained": no statement of how long the vendor keeps the content."""


HYPHENED_PERIOD = re.compile(r"(?<=\d)-(?=(?:day|week|month|year)s?\b)")
"""A period drafted as an adjective: "a 30-day grace period"."""


def periods(text: str) -> list[tuple[float, tuple[int, int]]]:
    """The shared period reader, also reading "30-day" (the hyphen turned into a space keeps
    every offset in place)."""
    return _stated_periods(HYPHENED_PERIOD.sub(" ", text))


def _content_of(text: str) -> re.Match[str] | None:
    text = re.sub(r"\(excluding [^)]*\)", "", text)
    found = CONTENT.search(text) or re.search(
        r"\buser (?:information|submissions)\b|\bcopies\b", text
    )
    return found or CONTENT_WORDS.search(text)


def detect(s: Sentence) -> list[Hit]:
    """How long customer content is kept, and its deletion after termination; a control or a
    period the vendor only "typically" keeps, or only aims at, is ``undisclosed``."""
    # ("delete one message specifically or all of them generally" is no habit)
    plain = SCOPE_WORDS.sub("#", s.low)
    hedge = HEDGED_DENIAL.search(plain) or aimed_only(plain)
    return [
        replace(hit, value="undisclosed", cue="hedged")
        if hedge and hit.fact == "content_retention" and hit.value in BOUNDED
        else _plan_scoped(hit, s.low)
        for hit in _detect(s)
    ]


CONTROL_CLAUSE_START = re.compile(r"[,;:(]|\bbut\b|\bwhile\b|\bwhereas\b")


def _plan_scoped(hit: Hit, text: str) -> Hit:
    """``hit`` with a customer's control made ``undisclosed`` when the clause stating it names
    one plan ("paying customers can delete their content", "content in Team workspaces can be
    deleted by customers"): the reader's plan is not known, so it settles no
    customer_controlled. A plan named in another clause ("If you are an End User of an
    Enterprise account, ... your organization may set its own rules") is who controls, not a
    limit on the control."""
    if hit.fact != "content_retention" or hit.value != "customer_controlled" or not hit.focus:
        return hit
    a, b = hit.focus
    start = max((m.end() for m in CONTROL_CLAUSE_START.finditer(text, 0, a)), default=0)
    plan = PLAN_SCOPE.search(text, start, b) or some_plans(text, start, b)
    if plan is None:
        return hit
    return replace(hit, value="undisclosed", cue=named("scoped to a plan", plan))


SCOPE_WORDS = re.compile(
    r"\b(?:specifically|individually|selectively|partly|partially|entirely|wholly) (?:and|or) "
    r"(?:generally|in general)\b"
)
BOUNDED = frozenset({"customer_controlled", "fixed_period"})
"""The retention values that set an end: a habit or an aim sets none."""


def _detect(s: Sentence) -> list[Hit]:
    """How long customer content is kept, and its deletion after termination."""
    text = s.low
    if not (
        _retain_cue(text)
        or _deletion_cue(text)
        or EXPORT_WINDOW.search(text)
        or (INACTIVITY.search(text) and ACCOUNT_REMOVED.search(text))
        or (KEPT_AFTER_END.search(text) and TERMINATION.search(text))
        or BACKUP.search(text)
    ):
        return []
    if len(text.split()) <= 6 and not re.search(r"\b(?:is|are|will|may|we|you)\b", text):
        return []  # a title ("Retention of Personal Information"), not a statement
    if not_a_statement(s):
        return []  # a definition or a title left in a paragraph
    if (denied := _not_kept_at_all(text)) is not None:
        return [Hit("content_retention", "fixed_period", 0.7, span(denied), 1, cue="not kept")]
    # examples in parentheses ("(such as a log in event or payment)") do not change the topic
    topic = re.sub(r"\((?:such as|e\.g\.|for example|including)[^)]*\)", "", text)
    if NOT_RETENTION_TOPIC.search(topic) and not BACKUP.search(text):
        return []
    endless = INDEFINITE.search(text) and re.search(r"\b(?:we|it) (?:\w+ )?retain", text)
    if not endless and (
        NOT_RETENTION_SECTION.search(s.heading) or NOT_RETENTION_SECTION.search(s.unit.local)
    ):
        # (a vendor's own "we retain ... indefinitely" counts even in a section on rights)
        return []
    if BIOMETRIC.search(s.unit.folded.text.lower()):
        return []
    data = _content_of(text) or (_content_of(s.unit.lead) if s.unit.kind != "paragraph" else None)
    if data is None and INDEFINITE.search(text) and _retain_cue(text):
        # personal data kept "indefinitely": the worst reading, worth a reviewer's eye even where
        # the data is not only the customer's content
        data = re.search(r"\bpersonal (?:data|information)\b|\byour (?:information|data)\b", text)
    if data is None and CONTRACT_END.search(text) and _deletion_cue(text):
        # at the end of the contract, the personal data the processor still holds is the
        # customer's ("Deletion and return of personal data")
        data = PROCESSED_DATA.search(text) or PROCESSED_DATA.search(s.heading)
    if data is None and BACKUP.search(text) and TERMINATION_HEADING.search(s.heading):
        # under a termination heading, "your information" kept in backups is what survives the
        # deletion of the account
        data = re.search(r"\byour (?:information|data)\b", text)
    if data is None and KEPT_FOR_A_PERIOD.search(text) and periods(text):
        # personal data kept "for a maximum of three (3) years": a stated limit covers what the
        # customer put in the service too
        data = re.search(r"\bpersonal (?:data|information)\b|\byour (?:information|data)\b", text)
    if data is None and INACTIVITY.search(text):
        data = ACCOUNT_REMOVED.search(text)
    if data is None or COST.search(text):
        return []
    if CUSTOMER_DUTY.search(text) and not (periods(text) or WE_DELETE.search(text)):
        return []
    ended = TERMINATION.search(text)
    if ended and _end_of_a_period(text, ended):
        ended = None
    if ended is None and TERMINATION_HEADING.search(s.heading) and text.strip(" .") != s.heading:
        # a deletion clause under a termination heading speaks of what happens at the end
        ended = _deletion_cue(text)
    deleted = _vendor_deletes(text) or NO_DUTY_TO_KEEP.search(text)
    first = CUSTOMER_DELETES_FIRST.search(text)
    if first:
        # (unless taken back: "..., but we may keep copies in backups")
        taken_back = _control_taken_back(text, first)
        value = "undisclosed" if taken_back else "customer_controlled"
        return [
            Hit("content_retention", value, 0.75, span(taken_back or first), 1, cue="retention")
        ]
    if INACTIVITY.search(text) and (_deletion_cue(text) or ACCOUNT_REMOVED.search(text)):
        # deleted after a period without use: a retention period while the contract runs
        if (permitted := _removal_only_permitted(text)) is not None and periods(text):
            # "we may delete the content of accounts with no activity for 18 months": a right
            # to delete, not a promise that the content is gone by then
            return [
                Hit(
                    "content_retention",
                    "undisclosed",
                    0.7,
                    span(data),
                    1,
                    cue=named("deletion when inactive only permitted", permitted),
                )
            ]
        value = "fixed_period" if periods(text) else "undisclosed"
        return [Hit("content_retention", value, 0.7, span(data), 1, cue="deleted when inactive")]
    if ended and deleted and periods(text):
        return [_deletion(s, ended)]
    backup = BACKUP.search(text)
    if backup:
        return [
            Hit(
                "deletion_after_termination_days",
                "undisclosed",
                0.7,
                span(backup),
                1,
                cue="copies kept in backups",
            )
        ]
    if ended and deleted:
        return [_deletion(s, ended)]
    if ended and (export := EXPORT_WINDOW.search(text)) and periods(text):
        # "you may export your data for 30 days after termination": a window to take the
        # content out, no promise to delete it then (a deletion stated "after this period" in
        # the next sentence takes the window's days there)
        return [
            Hit(
                "deletion_after_termination_days",
                "undisclosed",
                0.75,
                span(ended),
                1,
                cue=named("export window, no deletion", export),
            )
        ]
    if ended and periods(text) and _content_of(text) and _kept_after_the_end(text):
        if available := AVAILABLE.search(text):
            # "your files remain available for 14 days after cancellation": how long the
            # customer can still reach them, like an export window, not when the vendor deletes
            # them (a deletion stated with it, "after which we delete them", is read above)
            return [
                Hit(
                    "deletion_after_termination_days",
                    "undisclosed",
                    0.75,
                    span(ended),
                    1,
                    cue=named("available, no deletion", available),
                )
            ]
        # "we retain your content for 30 days after termination", "your documents stay on our
        # servers for no more than 45 days after cancellation": kept for that long, then gone
        # (said of the content itself: personal data in general kept for years after the end is
        # mostly the account's, a retention period of its own)
        return [_deletion(s, ended)]
    if _retain_cue(text) is None:
        return []
    if (lifetime := ACCOUNT_LIFETIME.search(text)) and (
        after := AFTER_THE_END.search(text, lifetime.end())
    ):
        # "while your account is active and for 90 days after closure": no end while the
        # contract runs (a period only after it is no fixed retention), then the deletion
        open_ended = Hit(
            "content_retention", "indefinite", 0.6, span(lifetime), 1, cue="as long as"
        )
        return [open_ended, _deletion(s, after)]
    if (kept_on := KEPT_WHATEVER_THE_USER_DOES.search(text)) and not periods(text):
        return [Hit("content_retention", "indefinite", 0.65, span(kept_on), 1, cue="kept on")]

    return _stated_retention(text)


EVEN_AFTER = re.compile(r"\beven (?:if|after|when|though|once)\b[^.;]{0,80}$")
"""Just before the customer's deletion: what is said holds "even if" the customer deletes."""


def _stated_retention(text: str) -> list[Hit]:
    """The retention a sentence about keeping the content states: the customer's control, a
    fixed period or none, each unless taken back or left open after it; else kept with no
    period ("as long as necessary" is indefinite)."""
    for value, pattern in (
        ("customer_controlled", CONTROLLED),
        ("fixed_period", FIXED),
        ("indefinite", INDEFINITE),
    ):
        match = pattern.search(text)
        if (
            match
            and value == "fixed_period"
            and (
                AT_LEAST.search(text[: match.end()])
                or re.match(
                    r",? (?:at (?:the )?(?:very )?least|minimum|or (?:more|longer))\b",
                    text[match.end() :],
                )
            )
        ):
            # kept "for at least two years": a floor, with no end stated
            return [Hit("content_retention", "undisclosed", 0.6, span(match), 1, cue="at least")]
        if match and value == "customer_controlled" and EVEN_AFTER.search(text, 0, match.start()):
            # "a licence ..., even if the content has been removed by you": the right outlives
            # the customer's deletion, which controls nothing
            continue
        if (
            match
            and value == "customer_controlled"
            and (taken_back := _control_taken_back(text, match))
        ):
            # "you can delete your content, but we may keep copies": the customer's deletion
            # does not settle how long the vendor keeps it
            return [
                Hit("content_retention", "undisclosed", 0.6, span(taken_back), 1, cue="but kept")
            ]
        if match and value == "customer_controlled" and (waits := deletion_waits(text)):
            # "deletion of your data may be delayed, and you can delete it at any time": the
            # customer's choice does not say when the content is gone, before or after it
            return [
                Hit("content_retention", "undisclosed", 0.6, span(waits), 1, cue="deletion waits")
            ]
        if (
            match
            and value in ("fixed_period", "customer_controlled")
            and (longer := _kept_longer(text[match.end() :]))
        ):
            # "for 30 days, or longer where we have a reason", "until you delete it or for five
            # years, whichever is later": the period or the customer's choice is no end
            return [Hit("content_retention", "undisclosed", 0.6, span(longer), 1, cue="longer")]
        if match:
            return [Hit("content_retention", value, 0.75, span(match), 1, cue="retention")]
    kept = GENERAL_RETENTION.search(text)
    if kept and not NOT_KEEPING.search(text):
        if endless := AS_LONG_AS.search(text):
            # "as long as necessary", "while your account is active": no end is stated
            return [Hit("content_retention", "indefinite", 0.6, span(endless), 1, cue="as long as")]
        # kept with no period at all: the less committal value
        return [Hit("content_retention", "undisclosed", 0.55, span(kept), 1, cue="retained")]
    return []


KEPT_AFTER_END = re.compile(
    r"\b(?:retain(?:s|ed)?|keeps?|kept|stor(?:e|es|ed)|preserv(?:e|es|ed)|remains?|stays?|"
    r"held|holds?)\b"
)
NOT_KEPT_DATA = re.compile(
    r"\bback-?ups?\b|\bin (?:full )?(?:force|effect)\b|\bsurviv\w*|\bliable\b|\bresponsible\b"
)
"""Backups kept after the end, or a clause that survives it: not the content kept."""


def _kept_after_the_end(text: str) -> re.Match[str] | None:
    """The vendor keeping the content for a while after the contract ends (the period and the
    end are checked by the caller); not backups, a surviving clause, or the customer keeping."""
    if NOT_KEPT_DATA.search(text) or NOT_KEEPING.search(text):
        return None
    return KEPT_AFTER_END.search(text)


def _not_kept_at_all(text: str) -> re.Match[str] | None:
    """The vendor's denial that it keeps the customer's content at all (a retention of none),
    unless the denial is only of keeping it longer, elsewhere or in one form."""
    denied = NOT_KEPT_AT_ALL.search(text)
    if denied is None or KEPT_BEYOND.search(text[denied.end() :]):
        return None
    # "we do not store your files": the content follows the verb; "no content data will be
    # stored": it comes before
    what = text if denied.group().startswith("no") else text[denied.end() :]
    if BIOMETRIC.search(text) or not (
        _content_of(what) or re.search(r"\bany (?:\w+ )?(?:data|content)\b", what)
    ):
        return None
    return denied


def _end_of_a_period(text: str, ended: re.Match[str]) -> bool:
    """ "When the retention period expires", "upon the expiry of the data retention period": the
    end of a period, not of the contract."""
    before = text[: ended.start()][-30:]
    after = text[ended.end() : ended.end() + 30]
    return bool(
        re.search(r"\bperiod\s+(?:has\s+)?$|\bperiod of\s*$", before)
        or re.search(r"\b(?:retention|storage) period\b", after)
    )


def _vendor_deletes(text: str) -> re.Match[str] | None:
    """The first deletion in ``text`` that the customer does not do itself ("if Customer deletes
    its workspace" is the customer's act, not the vendor's deletion)."""
    for match in _deletion_cues(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if not re.search(
            r"\b(?:customer|you|users?)\s+(?:\w+\s+)?$|"
            r"\b(?:customer|you|users?)\s+\w+\s+[^,;.]{0,40}\b(?:or|and)\s+$",
            before,
        ):
            return match
    return None


COPIES_KEPT = rx(
    # copies kept on after the last period stated, with no period of their own: "except for
    # backups, which we keep indefinitely", "though residual copies may remain", "except that we
    # may retain copies as needed for our business"
    r"\b(?:except|excluding|other than|save|but|though|although|however|while)\b[^.;]{0,60}"
    r"\b(?:back-?ups?|archives?|copies|residual)\b",
    r"\b(?:copies|back-?ups?|archives?|remnants)\b[^.;]{0,30}\b(?:may|might|can|could|will)"
    r"(?: \w+)? (?:remain|persist|linger|be (?:kept|retained|stored|held))\b",
    r"\b(?:retain|keep|hold|store)s? (?:\w+ ){0,2}?(?:copies|back-?ups?|archives?)\b",
)
"""Copies of the content kept on after the last period stated, with no period of their own:
the content is not gone by then, and nothing says when it is."""
LONGER = re.compile(
    r"(?<!no )(?<!not )\blonger\b|\bextend\w*\b|"
    r"\bwhichever (?:is|comes|occurs|happens) (?:the )?(?:later|last|longer|greater)\b|"
    # "30 days after termination, or later if we have a reason" (not "and later deleted")
    r"\bor (?:\w+ )?later\b|\blater (?:if|where|when|as)\b"
)
LONGER_BY_LAW = re.compile(
    r"^(?: (?:retention|storage))? (?:period|time)?\s?(?:is |may be |will be )?(?:required|"
    r"mandated|compelled) by (?:applicable )?(?:law|laws|legislation)\b"
)
"""A longer time the law compels ("unless a longer period is required by law"): the stated
period still holds as far as the vendor's choice goes (one the law only permits is open)."""


def _kept_longer(after: str) -> re.Match[str] | None:
    """A longer keeping left open after the stated period or choice: "or longer", "and may keep
    it longer", "which we may extend", "or later if", "whichever is later"; not "no longer than",
    nor a longer time the law compels ("or later if required by law")."""
    for found in LONGER.finditer(after):
        if LONGER_BY_LAW.match(
            re.sub(r"^ (?:if|where|when|as|unless)\b", "", after[found.end() :])
        ):
            continue
        return found
    return None


CONTROL_TAKEN_BACK = rx(
    # a contrast or a condition after the customer's control: "but we may keep copies",
    # "subject to our right to retain it", "unless we need to keep it"
    r"\b(?:but|although|though|however|subject to|provided that)\b",
    r"\b(?:except|unless|other than|excluding|save (?:for|where))\b",
    # the vendor keeping on, or weighing the request: "copies may remain", "we will consider
    # your request", "we are not obliged to"
    r"\b(?:may|might|will|can|could|would) (?:still |also |continue to )?(?:be )?(?:keep|"
    r"kept|retain\w*|remain|persist|store|stored)\b",
    r"\b(?:consider|evaluate|review|assess)\w* (?:your |the |such |each )?requests?\b|"
    r"\bnot (?:be )?(?:obliged|obligated|required) to\b|\bdiscretion\b",
    # deleted on request only where a law gives the right: "where required by applicable law"
    r"\b(?:where|to the extent|if) (?:\w+ )?(?:required|mandated) by (?:applicable )?law\b",
    # a control the customer has only in some places: "through your settings where available"
    r"\b(?:where|if|when|to the extent) (?:(?:technically|reasonably) )?(?:available|supported|"
    r"possible|applicable|feasible|offered|enabled)\b",
)
"""What takes back the customer's control of deletion after it is stated."""


def _control_taken_back(text: str, control: re.Match[str]) -> re.Match[str] | None:
    """A contrast, condition or vendor's keeping after the customer's control ("you can delete
    your content, but copies may remain"); an exception for what the law compels takes nothing
    back."""
    after = text[control.end() :]
    blanked = LEGAL_COMPULSION.sub(lambda m: "#" * len(m.group()), after)
    found = CONTROL_TAKEN_BACK.search(blanked)
    if found is None:
        return None
    return re.compile(re.escape(found.group())).search(text, control.end() + found.start())


AT_LEAST = re.compile(
    r"\b(?:at least|(?:a )?minimum (?:period )?of|not less than|no less than|no fewer than|"
    r"not fewer than|no sooner than|not before|no earlier than|not earlier than)\b[^.;,]{0,25}$"
)
"""A period stated as a floor: the words ending with it."""


STARTED = re.compile(
    r"\b(?:begins?|starts?|initiates?|commences?|kicks? off)\b(?: \w+){0,2} "
    r"(?:delet|eras|purg|destr|remov)\w*|"
    r"\b(?:begin|start|initiate|commence)s? (?:the |our )?(?:deletion|erasure|purg\w+|"
    r"destruction|removal)\b|"
    # "deletion of your content starts", "the deletion process will begin"
    r"\b(?:deletion|erasure|purge|removal)\b(?: [\w']+){0,4}? (?:will |shall |may |would )?"
    r"(?:begins?|starts?|commences?)\b"
)
"""A deletion that begins at one period and ends at another."""
DONE = re.compile(
    r"\b(?:complet\w*|finish\w*|conclud\w*|gone|done|fully (?:deleted|erased|removed))\b"
)
"""The end of a deletion begun earlier: "... and complete it within 30 days"."""
FURTHER = re.compile(r"\b(?:further|additional|another|subsequent)\b[^.;,]{0,15}$")
"""A period counted on from the one before it: "within a further 20 days"."""
NOT_A_DELETION_PERIOD = re.compile(
    # the length of the contract, not of the time to delete: "a 12-month subscription"
    r"^\W{0,2}(?:subscriptions?|terms?|plans?|contracts?|commitments?|billing|renewals?)\b"
)
FROM_ANOTHER_PERIOD = re.compile(
    # counted from the end of another stretch of time the sentence does not measure: "30 days
    # after the end of the retention period", "60 days following the grace period" (not "after
    # the end of the subscription period", which is the end of the contract)
    r"^ (?:after|following|from|of|beyond) (?:the )?(?:(?:end|expiry|expiration|lapse|close) "
    r"of )?(?:the |this |that |such |any |a |an |your |its )?(?:[\w-]+ ){0,2}?(?:period|window)\b"
)
FROM_A_REQUEST = re.compile(
    # counted from a request the customer may make at any time after the end: "within 30 days
    # of your request following termination"
    r"^ (?:of|after|following|from) (?:receiv\w+ |receipt of )?(?:your|the customer'?s?|"
    r"customer'?s?|a|the|such|any) (?:written |verified )?(?:request|instruction|notice)s?\b"
    r"(?! of termination)"
)
ON_REQUEST_ONLY = re.compile(
    # the deletion waits for the customer to ask: "if you request it", "upon your request",
    # "at Customer's written request", "if you ask us to"
    r"\b(?:upon|on|at|following|after) (?:receipt of )?(?:your|the customer'?s?|customer'?s?|"
    r"the controller'?s?|controller'?s?|their|its) (?:written |verified |express |prior )?"
    r"(?:request|instruction|direction)s?\b|"
    r"\b(?:if|when|where|once|after|should) (?:you|the customer|customer|the controller|"
    r"controller|users?) (?:so )?(?:request|requests|requested|ask|asks|asked|instruct|instructs|"
    r"instructed|direct|directs|directed)\b|"
    r"\b(?:if|when|where|once) (?:so )?(?:requested|instructed|directed)\b|\b(?:upon|on) request\b"
)
"""A deletion done only when the customer asks for it: no deletion comes by itself after the
end, so its period is no deadline the content is gone by."""
ALTERNATIVE = re.compile(r"\bor (?:\w+ )?$")
"""Just before a request: "or sooner upon your request", "upon termination or at your request":
the request only hastens a deletion that comes anyway."""


def _only_on_request(text: str) -> re.Match[str] | None:
    """The customer's request every deletion the sentence states waits for ("we will delete
    your content within 30 days if you request it"); None when the request is an alternative
    to a deletion that comes anyway ("..., or sooner upon your request")."""
    for found in ON_REQUEST_ONLY.finditer(text):
        if not ALTERNATIVE.search(text, max(0, found.start() - 20), found.start()):
            return found
    return None


CONTRACT_PERIOD = re.compile(
    r"\b(?:subscription|billing|contract|agreement|service|licen[cs]e|initial|renewal)\b"
)
"""The period of the contract itself: its end is the end the deletion is counted from."""


DELETION_VERB = re.compile(
    r"\b(?:delet(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|destr(?:oy|oys|oyed|oying)|"
    r"purg(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|return(?:s|ed|ing)?)\b|"
    r"\b(?:becomes?|be|is|are) (?:permanently )?(?:unrecoverable|irretrievable|irrecoverable)\b"
)
"""The deletion itself as a verb (not the noun "deletion", which also names the end of an
account or a schedule)."""
PERMITTED_ONLY = re.compile(
    # the vendor only may, or has the right to, delete: "we may delete", "may be deleted",
    # "reserves the right to erase", "may, at its option, return or delete"
    r"\b(?:may|might|can|could|reserves? the right to|(?:has|have) the right to|"
    r"(?:is|are) (?:entitled|free|permitted|allowed|at liberty) to)"
    r"(?:,[^,.;]{1,40},)?"
    r"(?: (?:also|then|thereafter|subsequently|later|at any time|\w+ly))*"
    r"(?: (?:elect|choose|decide|opt|begin|start|need|want|wish) to)?"
    r"(?: be)?(?: (?:also|then|\w+ly))*"
    r"(?: [a-z]+ (?:or|and|and/or))? $"
)


def _deletion_only_permitted(text: str) -> re.Match[str] | None:
    """The vendor's "may" when every deletion of the vendor's the sentence states is one it only
    may do ("we may delete your content 30 days after termination"): a right to delete, not a
    promise to, so the days name no time by which the content is gone. ``None`` when some
    deletion is stated as done ("will delete", "deletes", "is deleted within"), or none is."""
    ends = [m.span() for m in TERMINATION.finditer(text)]
    permitted: re.Match[str] | None = None
    for verb in DELETION_VERB.finditer(text):
        if any(a <= verb.start() < b for a, b in ends):
            continue  # "within 30 days of account deletion": the end, not the vendor's act
        before = text[max(0, verb.start() - 80) : verb.start()]
        if re.search(r"\b(?:customer|you|users?)\s+(?:\w+\s+)?$", before):
            continue  # the customer's own deletion ("you may delete")
        found = PERMITTED_ONLY.search(before)
        if found is None:
            return None
        permitted = permitted or re.compile(re.escape(found.group())).search(
            text, verb.start() - len(before)
        )
    return permitted


REMOVAL_VERB = re.compile(
    DELETION_VERB.pattern + r"|\b(?:clos(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|"
    r"deactivat(?:e|es|ed|ing)|suspend(?:s|ed|ing)?)\b"
)
"""The deletion, or the closing of the account that takes the content along, as a verb."""


FIRM = re.compile(r"\b(?:will|shall|must|is|are|was|were|gets?|we|it|they)\b")
"""A verb of its own after an earlier one the vendor only may do ("we may close the account
and will delete its content")."""


def _removal_only_permitted(text: str) -> re.Match[str] | str | None:
    """Why the deletion of an inactive account's content is no commitment: the vendor's "may"
    before every deletion or closing it states ("we may delete ...", "accounts may be closed"),
    or no such verb at all ("inactive accounts are subject to deletion"). ``None`` when one is
    stated as done ("will delete", "is deleted", "we close")."""
    permitted: re.Match[str] | None = None
    verbs = 0
    last = 0
    for verb in REMOVAL_VERB.finditer(text):
        before = text[max(0, verb.start() - 80) : verb.start()]
        if re.search(r"\b(?:customer|you|users?)\s+(?:\w+\s+)?$", before):
            continue  # the customer's own act ("you may delete")
        verbs += 1
        found = PERMITTED_ONLY.search(before)
        if found is None and not (permitted and not FIRM.search(text, last, verb.start())):
            return None
        last = verb.end()
        if found is None:
            continue  # "may be closed and their content deleted": the same "may"
        permitted = permitted or re.compile(re.escape(found.group())).search(
            text, verb.start() - len(before)
        )
    return permitted if verbs else "no deletion stated"


def _deletion_periods(said: str) -> list[tuple[float, tuple[int, int]]]:
    """The periods of the content's deletion in ``said``: a period "further" than the one
    before it counted from the start, and not the length of the contract ("a 12-month
    subscription"). A period of the copies in backups counts ("deleted within 30 days and from
    backups within 90 days"): the fact is when the customer's content is gone, and a copy in a
    backup is still the content, so the caller's latest period is the backups' (the vocabulary
    has no backup fact of its own)."""
    found: list[tuple[float, tuple[int, int]]] = []
    for count, where in periods(said):
        if NOT_A_DELETION_PERIOD.search(said[where[1] :]):
            continue
        further = bool(found) and FURTHER.search(said[: where[1]]) is not None
        found.append((count + found[-1][0] if further else count, where))
    return found


def _begun_only(said: str, found: list[tuple[float, tuple[int, int]]]) -> bool:
    """ "Deletion begins 30 days after termination": the deletion's start is dated, and no period
    follows a word for its end ("... and is complete within 60 days")."""
    if STARTED.search(said) is None:
        return False
    done = DONE.search(said)
    return done is None or not any(where[0] > done.start() for _, where in found)


def _from_another_period(said: str, found: list[tuple[float, tuple[int, int]]]) -> bool:
    """Whether a period is counted from the end of another stretch the sentence does not measure
    ("30 days after the end of the retention period"), or from a request the customer may make
    any time after the end ("within 30 days of your request"): the total is not said."""
    for _, where in found:
        other = FROM_ANOTHER_PERIOD.search(said[where[1] :])
        if other and not CONTRACT_PERIOD.search(other.group()):
            return True
        if FROM_A_REQUEST.search(said[where[1] :]):
            return True
    return False


def _deletion(s: Sentence, ended: re.Match[str]) -> Hit:
    text = s.low
    if (permitted := _deletion_only_permitted(text)) is not None:
        # "we may delete your content 30 days after termination": a right to delete, no
        # promise of when (nor of "immediately")
        return Hit(
            "deletion_after_termination_days",
            "undisclosed",
            0.75,
            span(ended),
            1,
            cue=named("only permitted", permitted),
        )
    if found_request := _only_on_request(text):
        # "we will delete your content within 30 days if you request it": without the
        # request, nothing is deleted, so the days are no deadline after the end
        return Hit(
            "deletion_after_termination_days",
            "undisclosed",
            0.75,
            span(ended),
            1,
            cue=named("only on request", found_request),
        )
    found = _deletion_periods(text)
    said = text
    if not found and re.search(r"\bafter (?:this|that|such) (?:\w+ )?period\b", text):
        # "After this export period, ... delete": the period is stated just before
        found, said = _deletion_periods(s.previous), s.previous
    if found and AT_LEAST.search(said[max(0, found[0][1][0] - 30) : found[0][1][1]]):
        # kept "for a minimum of 90 days" after the end: the deletion comes no sooner, and
        # nothing says how much later
        return Hit("deletion_after_termination_days", "undisclosed", 0.75, span(ended), 1)
    if found and _begun_only(said, found):
        # "deletion begins 30 days after termination": when it is done is not said
        return Hit("deletion_after_termination_days", "undisclosed", 0.75, span(ended), 1)
    if found and (
        aimed_only(text)
        or _from_another_period(said, found)
        or _kept_longer(said[max(where[1] for _, where in found) :])
        or COPIES_KEPT.search(said, max(where[1] for _, where in found))
    ):
        # aimed at, counted from another period, or left open to later ("30 days after
        # termination, or later if we have a reason"): no number of days is promised
        return Hit("deletion_after_termination_days", "undisclosed", 0.75, span(ended), 1)
    if found:
        # several periods ("we keep it for 30 days, and delete it within 90 days"): the content
        # is gone at the latest of them
        found = [max(found, key=lambda period: period[0])]
    where: Spot = found[0][1] if found and said is text else None
    if found and in_business_days(said, found[0][1]):
        # "within 30 business days of termination": holidays stretch it past any fixed count
        return Hit("deletion_after_termination_days", "undisclosed", 0.75, span(ended), 1)
    if found:
        return Hit(
            "deletion_after_termination_days",
            round(found[0][0]),
            0.85,
            span(ended, where),
            2,
            cue="deletion after termination",
        )
    if re.search(
        r"\b(?:immediately|promptly) (?:be )?(?:delet|eras|destr|purg|remov)\w*|"
        r"\b(?:delet|eras|destr|purg|remov)\w*(?: \w+){0,4} immediately\b",
        text,
    ):
        # immediate deletion: only when "immediately" is said of the deletion itself
        return Hit("deletion_after_termination_days", 0, 0.75, span(ended), 2)
    return Hit("deletion_after_termination_days", "undisclosed", 0.75, span(ended), 1)
