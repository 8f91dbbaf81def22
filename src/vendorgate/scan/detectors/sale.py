"""Sale, rental or monetisation of customer data."""

from __future__ import annotations

import re
from dataclasses import replace

from vendorgate.scan.detectors.cues import (
    CONTENT_ONLY,
    POINTER,
    for_a_time,
    guard,
    named,
    narrowed,
    negation,
    not_a_statement,
    qualified_denial,
    rx,
    scoped,
    span,
    stated_practice,
    way_out_next,
)
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "sale"
FACTS: tuple[str, ...] = ("sale_of_data",)
TRIGGER = Trigger(
    # SALE, FOR_MONEY
    'sell|sold|sale|monet|"shar|do not share my|compensat|consideration|money|revenue|profit|'
    "don't share my|"
    "income|pay|cash|financial|cross-context|cross context",
    pattern=re.compile(r"\brent(?:s|ed|ing)?\b"),
)


SALE = re.compile(
    r"\bsell(?:s|ing)?\b|\bsold\b|\bsales?\b|\brent(?:s|ed|ing)?\b|\bmoneti[sz]\w+|"
    # the CCPA's defined "share" (in quotes) and its opt-out link
    r'"shar(?:e|ed|ing)"|\bdo(?: not|n\'t) share my\b|'
    # disclosure for value: a sale by another name
    r"\bwith or without compensation\b|\bfor (?:monetary or other )?valuable consideration\b|"
    # the data as a source of revenue ("we don't make money from your data")
    r"\b(?:make|makes|making|made|earn|earns|earning|generate|generates)(?: any)? (?:money|revenue|"
    r"profits?|income) (?:from|with|off|on|out of)\b|"
    # the state laws' "sharing": a disclosure for cross-context behavioural advertising, which
    # the CCPA treats as a sale does (see SHARED_FOR_ADS)
    r"\b(?:shar|disclos|provid|transfer|pass|mak)\w*\b(?: (?!not\b|never\b)[\w'-]+){0,12}? for "
    r"(?:the purposes? of )?cross[- ]context (?:behaviou?ral )?(?:advertising|ads)\b"
)
SHARED_FOR_ADS = re.compile(r"cross[- ]context")
"""The sale cue that is the "sharing" for cross-context advertising: a denial of that sharing
alone leaves a sale for other purposes open."""
FOR_VALUE = re.compile(r"compensat|consideration|money|pay|cash|financial|cross[- ]context")
"""A cue naming the price, or the sharing for ads: the data may stand anywhere in the
sentence ("your data is shared for cross-context advertising", "partners who pay us for it")."""
FOR_MONEY = re.compile(
    r"\b(?:in exchange for|in return for|for) (?:money|monetary (?:compensation|consideration|"
    r"payment|value|gain)|(?:a )?payment|cash|financial (?:gain|compensation|consideration)|"
    r"(?:a )?profit|(?:a )?fee)\b|"
    # "partners who pay us for it": the recipients pay for the data
    r"\b(?:who|that|which) (?:pay|pays|compensate|compensates|remunerate|remunerates) us\b"
)
"""Money as the price of the data: a sale, and a denial of one that names only money."""
TRANSFER = re.compile(
    r"\b(?:transfer|disclos|shar|provid|giv|trad|exchang|pass|hand)(?:e|es|ed|ing|s)?\b"
)
ANY_VALUE = re.compile(
    r"\bor (?:any )?other (?:\w+ )?(?:consideration|value|compensation|benefit)\b|"
    r"\bor otherwise\b|\bor for any\b"
)
"""A denial that names money and every other price as well."""
NOT_SALE = rx(
    r"\bsale of (?:all|some|substantially)\b",
    r"\b(?:merger|acquisition|bankruptcy|reorgani[sz]ation)\b[^.]{0,120}\bsale\b",
    r"\bsales?,? (?:use|and use|tax)",
    r"\blease, rent,? or sale\b",
    r"\b(?:sell|selling|resell|rent)\w*,?[^.;]{0,30}\b(?:the|our) (?:services?|software)\b",
    r"\bsold to (?:you|address)\b",
    r"\bsale of goods\b",
    r"\bcollecting, selling\b",
    r"\bunder (?:the age of )?\d+\b|\bchildren\b|\bminors?\b",
    # ads or ad space sold, not the data: "we don't sell ads on your data"
    r"\b(?:sell|sells|selling|sold)(?: \w+)? (?:ads|adverts|advertising|advertisements|ad space|"
    r"ad inventory)\b",
)


def detect(s: Sentence) -> list[Hit]:
    """Sale (or rental, monetisation) of customer data."""
    text = s.low
    cue = SALE.search(text)
    money = FOR_MONEY.search(text)
    if cue is None and money and TRANSFER.search(text, 0, money.start()):
        # "we do not transfer your data to third parties in exchange for money"
        cue = money
    if cue is None or NOT_SALE.search(text):
        return []
    if not_a_statement(s) or POINTER.search(text):
        return []
    after = text if FOR_VALUE.search(cue.group()) else text[cue.start() : cue.end() + 90]
    classed = CLASSED.search(text, 0, cue.start()) if cue.group() in ("sale", "sales") else None
    if classed:
        # "sharing your usage data with ad networks may constitute a sale": the data is named
        # in the disclosure the sentence classes, before the word
        after = text[: cue.end() + 90]
    passive = None
    if PARTICIPLE.match(cue.group()):
        # "your data is processed, not sold": a contrast whose "not" denies the sale, the data
        # the subject of both verbs
        passive = PASSIVE_SALE.search(text, 0, cue.start()) or CONTRASTED_SALE.search(
            text, 0, cue.start()
        )
    subject = ""
    if passive:
        # "your personal information is not sold": the data stands before the verb, in its
        # own clause ("..., and the company was sold" sells no data)
        subject = SUBJECT_START.split(text[max(0, passive.start() - 90) : passive.start()])[-1]
        after = subject
        if re.fullmatch(
            r" ?(?:it|they)(?: (?:will|shall|would|can|may|must|not|never))* ", subject
        ):
            # "your data is yours: it is never sold": the pronoun stands for the data named
            # before it, when no other thing stands between
            named_before = list(DATA_SOLD.finditer(text, 0, passive.start()))
            between = text[named_before[-1].end() : passive.start()] if named_before else ""
            if named_before and not OTHER_THING.search(between) and not PLACE.search(between):
                after = named_before[-1].group()
    not_for_sale = NOT_FOR_SALE.search(text, 0, cue.start()) if cue.group() == "sale" else None
    if not_for_sale and not_for_sale.end() == cue.start():
        # "your personal data is not for sale": the data is the subject, in its own clause
        after = SUBJECT_START.split(text[max(0, not_for_sale.start() - 90) : cue.start()])[-1]
    if not passive and PRONOUN.match(text, cue.end()):
        # "your personal information is yours, and we never sell it": the data is named
        # before the verb, the vendor sells, and no other thing stands between for "it"
        named_before = list(DATA_SOLD.finditer(text, 0, cue.start()))
        between = text[named_before[-1].end() : cue.start()] if named_before else ""
        if named_before and WE_SELL.search(between) and not OTHER_THING.search(between):
            after = text[: cue.end()]
        elif named_before and CONTRASTED_VERB.fullmatch(between):
            # "we process your data, not sell it": the data named as the object of the verb
            # the sale is contrasted with
            after = text[: cue.end()]
    if REVENUE.match(cue.group()):
        # the data must be the source named ("money from your data"), not a word further on
        # ("money from subscriptions, not from your data")
        source = SOURCE.match(text, cue.end())
        if source is None or not DATA_SOLD.match(text, source.end()):
            return []
    if not DATA_SOLD.search(after) and not (passive and NO_DATA.search(subject)):
        # the data may be denied as the subject of the passive ("no information is sold")
        return []
    hit = stated_practice("sale_of_data", s, cue)
    denied_class = classed and negation(text[: cue.start()])
    if denied_class and hit.value in ("never", "always"):
        # "disclosures to our service providers do not constitute a sale": one disclosure is
        # classed as no sale, which says nothing of the others
        hit = replace(hit, value="undisclosed", cue=named("classed as no sale", denied_class))
    practice_denied = PRACTICE_DENIED.match(text)
    if (
        practice_denied
        and hit.value == "always"
        and qualified_denial(text, cue) is None
        and not ANOTHER_CLAUSE.search(text, practice_denied.end())
    ):
        # "selling your data is not our business": the sale is the subject, denied after it
        denial = Hit(
            "sale_of_data",
            "never",
            0.8,
            span(practice_denied),
            2,
            cue=named("negated", practice_denied),
        )
        hit = scoped(guard(denial, text, cue.span()), text)
    no_data = NO_DATA.search(subject)
    if no_data and hit.value == "always" and qualified_denial(text, cue) is None:
        # "no personal information is shared with, sent to or sold to anyone": the "no" of
        # the subject denies the verbs, however far from it they stand
        denial = Hit("sale_of_data", "never", 0.85, span(cue), 2, cue=named("negated", no_data))
        hit = scoped(guard(denial, text, cue.span()), text)
    return [_way_out_after(_limited(hit, s, cue, money), s)]


def _way_out_after(hit: Hit, s: Sentence) -> Hit:
    """``hit`` with a sale stated ``always`` made ``opt_out`` when the next sentence offers a
    way out of it ("We may sell your personal information. You can opt out of the sale at any
    time."), as a way out in its own sentence does."""
    if hit.value != "always" or (way_out := way_out_next(s, SALE_NAMED)) is None:
        return hit
    return replace(hit, value="opt_out", cue=named("opt_out in the next sentence", way_out))


SALE_NAMED = re.compile(r"\b(?:sale|sales|sell|selling|sold)\b")
"""The sale named again after the way out in the next sentence ("opt out of the sale")."""


def _sold_by_another_name(hit: Hit, text: str, cue: re.Match[str]) -> Hit:
    """``hit`` with a denial made ``undisclosed`` where the verb the sale is contrasted with, in
    the clause before its "not", hands the data over for value, or for ads, by another name
    ("your data is licensed, not sold", "we license, not sell, your data", "shared for
    targeted advertising, not sold"): the "not" denies only the word."""
    if hit.value != "never" or not CONTRASTED_VERB_BEFORE.search(text, 0, cue.start()):
        return hit
    clause = re.split(r"[;:]|\. ", text[: cue.start()])[-1]
    other_name = OTHER_NAME_FOR_SALE.search(clause)
    if other_name is None:
        return hit
    return replace(hit, value="undisclosed", cue=named("sold by another name", other_name))


def _limited(hit: Hit, s: Sentence, cue: re.Match[str], money: re.Match[str] | None) -> Hit:
    """``hit`` with a denial of sale made ``undisclosed`` where the sentence limits it: to a
    price, to the buyer's own purpose, to a time, to the word "sell" against another name for
    a sale, or to the sharing for cross-context advertising alone."""
    text = s.low
    hit = _sold_by_another_name(hit, text, cue)
    if SHARED_FOR_ADS.search(cue.group()) and hit.value in ("never", "opt_in"):
        # "we do not share your personal information for cross-context behavioral advertising":
        # one kind of sharing denied, a sale of the data otherwise is not
        hit = narrowed(hit, "scoped denial", cue)
    if hit.value == "never" and money and not ANY_VALUE.search(text):
        # state laws count a disclosure for other valuable consideration as a sale: a denial
        # of selling "for money" leaves that open
        hit = narrowed(hit, "scoped denial", money)
    one_law = ONE_LAW.search(text)
    if one_law and hit.value == "never":
        # "for purposes of the CCPA, we do not sell": a denial in one law's sense, like one
        # for one region's people, leaves a sale in another sense open
        hit = narrowed(hit, "scoped denial", one_law)
    some = SOME_OF_THE_DATA.search(text)
    if some and hit.value == "never":
        # "we do not sell your email address", "personal information collected through our
        # app", "to unaffiliated third parties": the rest of the data, the data gathered
        # elsewhere, and the affiliates stay open
        hit = narrowed(hit, "scoped denial", some)
    content = CONTENT_ONLY.search(text)
    if content and hit.value == "never" and not WHOLE_DATA.search(text):
        # "we do not sell Customer Content": the account and usage data stay open
        hit = narrowed(hit, "scoped denial", content)
    own_purpose = OWN_PURPOSE.match(text, cue.end())
    if own_purpose and hit.value in ("never", "opt_in"):
        # "we do not sell your data to third parties for their own marketing purposes": a
        # sale for any other purpose stays open
        hit = narrowed(hit, "scoped denial", own_purpose["purpose"])
    # the rest of the paragraph, where a present denial may stand beside a past one
    beside = s.unit.folded.text.lower().replace(text, " ")
    return for_a_time(hit, text, beside, SALE)


DATA_SOLD = re.compile(
    r"\b(?:your|personal|customer|user|certain)s?'? ?(?:data|information|content)\b|"
    r"\bpersonal (?:data|information)\b|\byour data\b|"
    r"\byour (?:contacts|contact lists?|files|messages|content|documents|recordings)\b|"
    r"\bof (?:your |personal |customer |user )?data\b|"
    r"\byour (?:\w+ ){1,2}(?:data|information)\b|"
    r"\byour (?:\w+ )?(?:email address(?:es)?|contact details|details)\b|"
    r"\b(?:anonymous|aggregated|de-identified) (?:data|information)\b|"
    # the short form ("your personal info") and data named by quantity ("any data you store")
    r"\b(?:your|personal|customer|user)s?'? ?info\b|"
    r"\b(?:any|all)(?: of (?:the|your))? (?:\w+ )?data\b(?! (?:protection|privacy|security|"
    r"breach|center|centre)s?\b)|"
    # the people's data named with more words ("users' personal identification information")
    r"\b(?:users|customers|members|visitors)' (?:\w+ ){0,2}(?:data|information|info|details)\b|"
    r"\bpersonally identifiable information\b|\bpii\b|"
    # the data named bare, with whose it is after it ("data belonging to paid accounts",
    # "information from Business workspaces"): a red-team pass found these read as nothing
    r"\b(?:data|information|content)(?: (?:that is |which is )?(?:collected|received|stored|"
    r"held|gathered|uploaded))? (?:belonging to|owned by|of|from|about|associated with|"
    r"relating to) (?:(?:our|your|the|all|any|its|their) )?(?:[\w'-]+ ){0,2}?(?:customers?|"
    r"users?|accounts?|subscribers?|members?|workspaces?|clients?|organi[sz]ations?|tenants?|"
    r"people|individuals|visitors)\b|"
    # the data by its technical kind ("identifiers", "device identifiers")
    r"\b(?:your |personal |device |online |unique |advertising )?identifiers\b"
)
"""The customer's data, as the object of the sale."""
PASSIVE_SALE = re.compile(
    r"\b(?:is|are|be|been|was|were)(?: not| never|n't)?(?: \w+ly)?"
    # other participles joined to it ("is not rented, shared or sold", "is shared with, sent
    # to or sold to"), and the legal term in quotes ("may have been \"sold\"")
    r"(?: \w+(?:ed|en|nt)(?: (?:to|with|by))?,?(?: or| and)?){0,4} [\"']?$"
)
"""A passive verb right before "sold": the data sold is its subject, before it."""
CONTRASTED_SALE = re.compile(
    r"\b(?:is|are|be|been|was|were|gets?|got)(?: \w+ly)? \w+(?:ed|en|nt)\b[^,;.:]{0,80}?,?"
    r" (?:but |and )?(?:not|never) $"
)
"""Another passive verb contrasted with "sold" ("is processed, not sold", "are shared with our
service providers, but never sold"): the data sold is the subject of both, before them."""
OTHER_NAME_FOR_SALE = re.compile(
    r"\b(?:(?:sub-?)?licen[cs]\w*|leas(?:e|es|ed|ing)|rent(?:s|ed|ing)?|trad(?:e|es|ed|ing)|"
    r"exchang\w*|barter\w*|moneti[sz]\w*|advertis\w*|marketing|cross-context|targeted)\b|"
    r"\bin (?:exchange|return) for\b|\b(?:valuable )?consideration\b|\bfor value\b"
)
"""A verb or purpose contrasted with the sale that is a sale by another name: the data handed
over for value (licensed, leased, traded, exchanged, "in return for" something) or for ads."""
CONTRASTED_VERB_BEFORE = re.compile(r"\w,? (?:but |and )?(?:not|never) $")
"""Another verb contrasted with the sale right before it ("is licensed, not sold", "we license,
not sell, your data", "we license your data, not sell it")."""
CONTRASTED_VERB = re.compile(r",? (?:but |and )?(?:not|never) ")
"""What stands between the data and the verb of sale contrasted with the one before ("we
process your data, not sell it")."""
CLASSED = re.compile(
    r"\b(?:constitut\w*|qualif(?:y|ies) as|amounts? to|counts? as|"
    r"(?:(?:be|been|is|are)(?: not|n't)? )?(?:considered|deemed|treated as|regarded as|classed as)|"
    r"(?:is|are|be)(?: not|n't)?) (?:an? |the )?[\"']?$"
)
"""A disclosure classed as a sale, or as none ("may constitute a \"sale\"")."""
SUBJECT_START = re.compile(
    r"[;:]|, (?:and|but|or|while|whereas)\b|\b(?:but|while|whereas|however)\b"
)
"""Where the clause whose subject is sold begins."""
PRACTICE_DENIED = re.compile(
    r"(?:the )?(?:selling|renting|(?:the )?sale of|moneti[sz]ing)\b[^,;:]{0,60}? (?:is|are|has|was|"
    r"will)(?: not|n't| never)\b(?! (?:only|just|limited|necessarily)\b)"
    # "is not our main business": some selling still goes on
    r"(?! (?:our |the |a |an )?(?:main|primary|principal|core|chief|biggest|major|only|sole)\b)"
)
"""A sentence opening with the sale and denying it ("selling your data is not what we do")."""
ANOTHER_CLAUSE = re.compile(r";|\bbut\b|\bhowever\b|\bwhereas\b|\bwhile\b|, and\b")
"""A clause after the denial, which may state what it does not deny."""
REVENUE = re.compile(r"make|made|earn|generat")
"""A revenue cue ("make money from"), as against a sale verb."""
SOURCE = re.compile(r" (?:the |all |any )?")
NOT_FOR_SALE = re.compile(r"\b(?:is|are|will be)(?: not|n't| never)(?: ever)? for $")
"""The data denied as goods for sale ("is not for sale"), right before "sale"."""
PARTICIPLE = re.compile(r"sold|rented|moneti[sz]ed$")
"""The sale verbs whose passive puts the data sold before them."""
PRONOUN = re.compile(r"(?: or \w+(?: \w+)?)? (?:it|them)\b(?! (?:is|are|was|were|has|have)\b)")
"""The data sold named by a pronoun right after the verb ("sell it", "rent or sell it")."""
WE_SELL = re.compile(r"\bwe\b[^,;]{0,40}$")
OTHER_THING = re.compile(r"\b(?:the|a|an|our|its|their|this|that|these|those) \w+")
PLACE = re.compile(r"\b(?:on|in|at|with|from|into|onto|inside) (?!you\b|us\b)\w+")
"""A thing named after a preposition ("stored on servers"), which "they" may stand for."""
NO_DATA = re.compile(r"\bno (?:\w+ ){0,2}(?:data|information|info|content)\b")
"""The data denied in the subject ("no personal information is ...")."""
_LAW = (
    r"(?:the )?(?:ccpa|cpra|cdpa|vcdpa|ctdpa|cpa|california (?:consumer privacy act|law)|"
    r"(?:applicable |certain |some )?(?:us |u\.s\. )?state (?:privacy )?laws?|[a-z]+ state law)"
)
ONE_LAW = re.compile(
    # "your covered information, as defined under state law" defines the data, not the sale
    rf"\bwithin the meaning of\b|\b(?:for (?:the )?purposes? of|(?<!defined )under|according to|"
    rf"as understood (?:by|under)|in the sense of) {_LAW}\b"
)
"""A denial in one law's sense ("we do not sell personal information within the meaning of
the CCPA", "for purposes of the CCPA")."""
WHOLE_DATA = re.compile(
    r"\b(?:personal|your|customer|user|other|any|all)s?'? (?:\w+ )?(?:data|information|info)\b|"
    r"\bpii\b|\bpersonally identifiable\b"
)
"""The customer's data as a whole, named beside its content: the denial covers it all."""
SOME_OF_THE_DATA = rx(
    # one kind of the data: what the person keeps in the service, or how they are reached
    r"^(?:(?!\b(?:personal|your|customer|user)s?'? (?:data|information)\b)[^;])*?"
    r"\b(?:sell|sold|rent)\w* (?:your |users'? |customers'? )?(?:email address(?:es)?|contact "
    r"(?:details|lists?|information)|phone numbers?|files|messages|documents|recordings|photos)\b",
    # the data gathered through one of the vendor's surfaces
    r"\b(?:collected|gathered|obtained|received) (?:through|via|on|from|in|by) (?:our|the|its|this)"
    r" (?:mobile |ios |android |desktop )?(?:apps?|applications?|websites?|web ?sites?|sites?)\b",
    # one kind of recipient: the affiliates stay open
    r"\b(?:to|with) (?:any )?(?:un|non-?)affiliated (?:third[- ]part(?:y|ies)|companies|parties|"
    r"entities|businesses)\b",
)
"""A sale denied of some of the data only, or to some buyers only."""
OWN_PURPOSE = re.compile(
    # not past another verb or clause ("..., and we do not let partners use it for their own
    # marketing"): the purpose must belong to the sale
    r"(?:(?!,? and\b| or (?:to )?(?:use|process)\b| use\b| but\b)[^.;:]){0,100}?"
    r"\b(?P<purpose>for (?:their|its|(?:such |those )?third part(?:y's|ies'?)|the recipients?'?s?)"
    r" (?:own (?:\w+ )?purposes|own (?:direct )?(?:marketing|advertising)|(?:direct )?(?:marketing|"
    r"advertising) purposes))\b"
)
"""The sale denied only for the buyer's own purpose or marketing, in the same verb phrase."""
