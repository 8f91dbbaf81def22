"""Passages that name sub-processors or say the vendor uses them."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "subprocessors"
FACTS: tuple[str, ...] = ("subprocessors",)
TRIGGER = Trigger(
    # SUBPROCESSOR_USE, VENDOR_USE, VENDOR_USE_NAMED, PARTIES, SHARES_WITH_NAMED
    "processor|contract|provider|vendor|supplier|third-part|third part|parties|share|behalf|"
    "rely on|relies on|relying on|compan|partner|services used|services we used|businesses|"
    "organi|help us|to process|to host|to store|to send|to deliver|to handle|to manage|to run",
    context="processor|provider|contractor",  # an entry of a list of sub-processors
    kinds=frozenset({"row"}),
)


SUBPROCESSOR = re.compile(
    r"\bsub-? ?processors?\b|\bsub-?contractors?\b|\bthird[- ]party (?:service )?providers?\b|"
    r"\bservice providers?\b|\bvendors\b|"
    r"\b(?:payment|hosting|analytics|e-?mail|cloud|infrastructure|support) "
    r"(?:service )?providers?\b"
)
SUBPROCESSOR_USE = rx(
    r"\b(?:use|uses|engage|engages|appoint|contract|contracts|employ|employs|rely on|"
    r"continue to use|work with|(?:undertakes? to|will|shall) (?:only )?select)\b[^.;]{0,80}?"
    r"\b(?:sub-? ?processors?|sub-?contractors?|third[- ]party (?:service )?providers?|"
    r"service providers?|vendors)",
    # "recipients include service providers" (not "our partners include vendors and resellers":
    # a vendor that sells is no processor)
    r"\binclude\b[^.;]{0,80}?\b(?:sub-? ?processors?|sub-?contractors?|(?:third[- ]party )?"
    r"service providers?|third[- ]party providers?)",
    r"\bauthori[sz]\w*\b[^.;]{0,40}\bto (?:appoint|engage|use)\b[^.;]{0,30}\bsub-? ?processors?",
    r"\bgeneral authori[sz]ation for the engagement of sub-? ?processors\b",
    r"\blist of sub-? ?processors\b|\bsub-? ?processors? list\b|\bour sub-? ?processors\b",
    r"\bthird[- ]party providers?\b[^.;]{0,20}\b(?:send|sending|process|processing|help us|"
    r"provide|providing)\b",
    r"\b(?:share|disclos|transmit|transfer|provid)\w*\b[^.;]{0,60}\b(?:with|to) "
    r"(?:our |these |its |trusted |such )?(?:third[- ]party )?"
    r"(?:service providers|vendors|sub-? ?processors|processors)\b",
    # "to third parties, such as private code modelling service providers"
    r"\b(?:third[- ]part(?:y|ies)|companies|partners),? (?:such as|including|like)\b[^.;]{0,60}"
    r"\b(?:providers?|processors?)\b",
    r"\b(?:through|via|by) (?:our )?third[- ]party (?:service )?providers\b",
    # a list announced: "the following sub-processors", "the following third-party service
    # provider(s)", "the following categories of service providers"
    r"\bthe following (?:categories of )?(?:third[- ]party )?(?:sub-? ?processors|"
    r"sub-?contractors|(?:service )?providers?(?:\(s\))?)",
    # the vendor's engaging third parties, however the verb is drafted ("we work with third
    # parties to provide", "engage third parties", "using third parties", "via third parties")
    r"\b(?:use|uses|using|engage|engages|engaging|work with|works with|working with|hire|hires|"
    r"contract with|contracts with)\b (?:\w+ ){0,2}?third parties\b",
    r"\b(?:companies|third parties|providers|vendors|businesses|organi[sz]ations) "
    r"(?:who|that|which) (?:provide|perform)s? (?:us with )?(?:\w+ ){0,2}?services "
    r"(?:to us|on our behalf|that help)",
    r"\b(?:companies|parties|providers|vendors) (?:provide|perform) services to help us\b",
    r"\b(?:our|important|authori[sz]ed) sub-? ?processors\b",
    # others doing the work for the vendor: "companies and individuals to perform functions on
    # our behalf", "third-party agents process personal data on our behalf"
    r"\b(?:employ|engage|use|hire|retain)\w*\b[^.;]{0,60}\b(?:companies|individuals|third "
    r"parties|contractors|agents)\b[^.;]{0,60}\bon (?:our|its) behalf\b",
    r"\b(?:contractors|agents|processors)\b[^.;]{0,20}\b(?:process|handle)\w*\b[^.;]{0,60}"
    r"\bon (?:our|its) behalf\b",
    r"\bour (?:contractors|sub-?contractors)\b",
    r"\b(?:use|uses|using|engage|engages|work with)\b[^.;]{0,40}\b(?:analytics|hosting|payment|"
    r"cloud|infrastructure|e-?mail|storage|data centre|data center) (?:service )?providers?\b",
    # the vendor's suppliers doing its processing: "some of our suppliers process personal data
    # for us", "processed by our suppliers on our instructions"
    r"\b(?:our|its) (?:\w+ )?suppliers\b[^.;]{0,30}\b(?:process|handle|host|store)\w*\b",
    r"\b(?:processed|handled|hosted|stored) by (?:our|its|selected|trusted) (?:\w+ )?"
    r"(?:suppliers|vendors|service providers|contractors)\b",
    # "Exampleco handles that data on our behalf as our data processor"
    r"\bon (?:our|its) behalf as (?:our|its|a) (?:data )?(?:sub-? ?)?processors?\b",
    # "we hire other companies to help us deliver the service"
    r"\b(?:hire|hires|engage|engages|use|uses|retain|retains|employ|employs) (?:other |outside |"
    r"external |third[- ]party )?(?:companies|firms|businesses|organi[sz]ations) to help us\b",
)
RECEIVED_FROM = (
    # where data comes from, not who handles it: "we may receive information about you from
    # third parties such as vendors" (unless they are the ones "that help us deliver" it)
    r"\b(?:receive|collect|obtain)\w*\b[^.;]{0,200}\bfrom\b(?![^.;]{0,40}\b(?:who|that) help us\b)"
    r"[^.;]{0,80}\b(?:vendors|providers|third[- ]part\w*|partners|companies|affiliates|sources)\b"
)
VENDOR_USE = rx(
    # legal drafting of the vendor handing work to others: "Google may subcontract obligations
    # under this Agreement", "subcontractors acting on our behalf"
    r"\b(?:may|will|can|shall) sub-?contract\b|\bsub-?contracted obligations\b",
    r"\b(?:sub-? ?(?:processors?|contractors?)|providers?)\b[^.;]{0,20}\bacting on (?:our|its|"
    r"\w+'s) behalf\b",
    # "we rely on third parties / its processor Hubspot / Chargebee to process payments"
    r"\brel(?:y|ies|ying) on (?:its |our |different |other )?"
    r"(?:third[- ]part|(?:data )?processors?\b|(?:service )?providers?\b|vendors?\b)",
    r"\brel(?:y|ies|ying) on (?:its |our )?(?:\w+ )?processor\b",
    # "relies on a small number of carefully selected subprocessors"
    r"\brel(?:y|ies|ying) on (?:[\w-]+ ){0,6}?(?:sub-? ?processors|sub-?contractors|suppliers)\b",
    # a named party of the vendor's: "its affiliates, subsidiaries, or subprocessors"
    r"\b(?:its|our|\w+'s)\b(?: [\w-]+(?: [\w-]+)?,){1,6} (?:and |or )?"
    r"sub-? ?(?:processors|contractors)\b",
    r"\blist of sub-? ?(?:processors|contractors)\b",
    r"\b(?:the following|this|the) list(?: below)?\b[^.;]{0,60}\bsub-? ?processors?\b",
    r"\bsub-? ?(?:processors?|contractors?)\b[^.;]{0,30}\b(?:may|will|shall|can) (?:\w+ )?"
    r"(?:participate|take part|process|have access)\b",
    r"\b(?:enter\w* into|conclud\w+)\b[^.;]{0,40}\b(?:agreement|contract)\b[^.;]{0,30}"
    r"\bsub-? ?(?:processors?|contractors?)\b",
    r"\b(?:provides?|provided|gives?|sends?|discloses?)\b[^.;]{0,30}\b(?:the|its|our) "
    r"(?:third[- ]party )?sub-? ?processors? with\b",
    r"\bthird[- ]part(?:y|ies)(?: services| providers)? (?:may |will |can )?process\w*\b",
    r"\b(?:third parties|companies|providers|vendors) (?:that|who) help us (?:to )?(?:deliver|"
    r"provide|operate|run|process)\b",
    r"\b(?:third parties|companies|partners|vendors|providers) (?:that |who |whom )?we "
    r"(?:work with|engage|use|rely on)\b",
    r"(?<!you )(?<!users )(?<!customers )(?<!customer )(?<!to )\b(?:use|uses|utili[sz]es?|"
    r"rel(?:y|ies) on)\b (?:\w+ ){0,2}third[- ]party (?:provided |hosted )?(?:\w+ )?services\b",
    r"\bthird[- ]party (?:\w+ )?services (?:used|relied on) (?:for|to provide|in providing)\b",
    r"\b(?:services|providers|vendors) (?:we )?used (?:for|to|in) provid\w+\b",
)
"""The vendor handing its work to others, in words that hold even beside a liability clause."""
VENDOR_USE_NAMED = re.compile(
    # "We use Stripe, Chargify and Aria to process payments", "processed by Zendesk Inc, the
    # provider of our live chat platform" (case-sensitive: the names are capitalised)
    r"\b(?:[Ww]e|[A-Z]\w+) (?:use|uses|rel(?:y|ies) on|engages?)\s+"
    r"(?!(?:Personal|Customer|Your|Our|Services?|Content|Data|Information|Cookies)\b)"
    # each name runs to a space or comma, so a long capitalised word is never split up (which
    # would backtrack exponentially)
    r"(?:[A-Z][\w\u00ae\u2122.&-]*(?=[\s,]|$),?\s*"
    r"(?:and\s+)?)+(?:[^.;]{0,40}?)\bto (?:process|host|store|send|deliver|handle|manage|run)\b|"
    r"\bby [A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*,? the provider of\b"
)
NOT_VENDOR_USE = rx(
    r"\bmeans\b",
    r"\bobjection",
    r"\bdisclos\w+ (?:customer )?confidential information\b",
    r"\byou (?:agree not to|may not|must not|shall not|will not)\b",
    RECEIVED_FROM,
    r"\bpersonnel\b",
)
"""A definition, an objection window, a confidentiality clause or the customer's duty."""
NOT_SUBPROCESSOR = rx(
    # the providers of someone else: "their own vendors", "provide their own terms"
    r"\b(?:their|your) own (?:\w+ )?(?:vendors|providers|service providers|customers|terms|"
    r"privacy polic\w+)\b",
    # an example of a category of data ("such as if we use a service provider to store ..."):
    # a hypothetical, not the vendor's statement that it does
    r"\b(?:such as|for example|for instance|e\.g\.),? (?:if|when|where) we\b",
    # handing data over because the law requires it is no processing on the vendor's behalf
    r"\b(?:required|compelled|obliged|obligated)\b(?: by (?:applicable )?law)? to (?:share|"
    r"disclose|provide|transfer)\b",
    r"\bresponsib\w+ for the acts\b",
    r"\bliab\w+\b",
    r"\bpersonnel\b",
    r"\bonward transfer\b",
    r"\bcookies\b",
    # data that no longer identifies anyone is not processed on the customer's behalf
    r"\banonymous information\b|\banonymi[sz]ed\b|\bde-?identified\b",
    r"\bmeans\b",
    r"\bis a sub-? ?processor\b|\bacts as (?:a |customer )?sub-? ?processor\b",
    r"\btransfers? (?:of personal data )?to (?:a )?sub-? ?processors?\b",
    r"\bthird[- ]party (?:services?\b(?! providers?)|apps?\b|applications|offerings|websites|"
    r"integrations)",
    r"\b(?:purchase|buy|obtain)\w*\b[^.;]{0,60}\bfrom third[- ]party\b",
    # where data comes from, not who handles it: "we may receive information from vendors"
    RECEIVED_FROM,
    r"\b(?:at|to fulfil\w*|upon|fulfilling) your request\b",
    r"\byou (?:agree not to|may not|must not|shall not|will not)\b",
    r"\bproviders? of (?:offerings|third)\b",
    r"\buse of sub-? ?processors\b",
    r"\bobjection",
)
SUBPROCESSOR_WORDS = re.compile(
    r"processor|contract|provider|vendor|supplier|third[- ]part|share|on (?:our|its) behalf|"
    r"rel(?:y|ies) on|companies|services used"
)
SHARES_WITH_NAMED = re.compile(
    r"\bshare[sd]?\b[^.;]{0,60}\b(?:data|information|content)\b[^.;]{0,20}\bwith "
    r"(?!You\b|Your\b|Customers?\b|Third\b|Other\b|Users?\b)([A-Z][A-Za-z]+)"
)
PARTIES = re.compile(
    r"\b(?:providers?|vendors?|(?:third )?parties|sub-? ?processors?|processors?|sub-?contractors?|"
    r"companies)\b"
)
"""Words for the parties themselves, in a sentence under a sub-processor lead-in."""
NOT_PROVIDER_LIST = re.compile(
    r"\b(?:circumstances|situations|cases|purposes|ways|reasons|instances|scenarios)\b[^.;]{0,20}:?$|"
    r"\b(?:help|helps|assist) us(?: to)?:?$|\bto:$"
)
"""A lead announcing circumstances or purposes ("our service providers help us:"), not parties."""
ANNOUNCES_LIST = re.compile(r":\s*$|\bfollowing\b|\bthey include\b|\bas follows?\b|\bbelow\b")
CATEGORY_OF_PROVIDERS = re.compile(r"[^.]{0,60}(?:providers|processors)\.?$")
"""A parent entry naming a category of providers ("Payment processors.")."""
PROVIDER_LEAD = re.compile(
    r"(?:following|these)[^.;]{0,40}(?:sub-? ?processors?|sub-?contractors|providers)|"
    r"service providers|sub-? ?processors"
)


USERS_OWN = re.compile(r"\b(?:you|users?|customers?|the customer|clients?|end users?|members?)\b")
"""Before a verb: the user is the one acting ("if you use a third-party service provider",
"you can log in via third parties", "customers use vendors to ..."): the user's own providers
are not the vendor's."""
VENDOR_BETWEEN = re.compile(r"[,;:()]|\b(?:we|us|our|it|its|that|which|who|whom)\b|\w+'s\b")
"""Between the user and the verb: the vendor takes over ("you agree that we will engage")."""
NOT_THE_VENDOR_S = re.compile(r"\badvertis\w+|\bmarketing\b|\btheir own\b")
"""Data shared with a named company for its advertising or its own ends: a third party acting for
itself, not a processor acting for the vendor."""


def _by_vendor(text: str, match: re.Match[str] | None) -> re.Match[str] | None:
    """``match`` unless the user is the one who uses or shares with the provider (the customer's
    authorisation of the vendor's sub-processors stays: "Customer authorises X to appoint")."""
    if match is None or match.group().startswith("authori"):
        return match
    before = text[max(0, match.start() - 60) : match.start()]
    users = list(USERS_OWN.finditer(before))
    if not users:
        return match
    between = before[users[-1].end() :]
    if len(between.split()) > 4 or VENDOR_BETWEEN.search(between):
        return match
    return None


def detect(s: Sentence) -> list[Hit]:
    """Passages that name sub-processors or say the vendor uses them."""
    text = s.low
    local = s.unit.local
    plain = s.unit.kind == "paragraph" and not s.unit.lead and not local
    named = VENDOR_USE_NAMED.search(s.text)
    if plain and not named and not SUBPROCESSOR_WORDS.search(text):
        return []
    use = _by_vendor(text, SUBPROCESSOR_USE.search(text))
    if use and not NOT_SUBPROCESSOR.search(text):
        return [Hit("subprocessors", None, 0.8, span(use), 1, cue="sub-processors")]
    vendor = _by_vendor(text, VENDOR_USE.search(text)) or named
    if vendor and not NOT_VENDOR_USE.search(text):
        return [Hit("subprocessors", None, 0.75, span(vendor), 1, cue="vendor's sub-processors")]
    if NOT_SUBPROCESSOR.search(text) and not use:
        return []
    if (
        local
        and SUBPROCESSOR.search(local)
        and not NOT_SUBPROCESSOR.search(local)
        and PARTIES.search(text)
        and not NOT_SUBPROCESSOR.search(text)
    ):
        # under a "Service providers:" lead-in, the sentences that speak of the parties
        return [Hit("subprocessors", None, 0.7, None, 1, cue="under a sub-processor lead-in")]
    shared = SHARES_WITH_NAMED.search(s.text)
    if shared and not NOT_THE_VENDOR_S.search(text) and _by_vendor(text, shared):
        return [Hit("subprocessors", None, 0.65, (shared.start(1), shared.end(1)), 1)]
    listed = s.unit.kind in ("row", "item") or (s.unit.kind == "paragraph" and bool(s.unit.lead))
    if listed and _listed_provider(s):
        return [Hit("subprocessors", None, 0.75, None, 1, cue="listed sub-processor")]
    return []


def _listed_provider(s: Sentence) -> bool:
    """A table row or list entry under a caption or lead-in announcing sub-processors."""
    lead = s.unit.lead
    if s.unit.kind == "row":
        header = " ".join(s.unit.header)
        where = " ".join((lead, s.heading))
        return bool(re.search(r"company|name|entity", header)) and bool(
            re.search(r"sub-? ?processors?|subcontractors?|third[- ]party providers", where)
        )
    # a nested entry belongs to the item right above it ("Business Partners. They include:"),
    # not to the paragraph that announced the outer list
    # of a paragraph above the list, its last sentence is the one that introduces the list
    lead = s.unit.parent or re.split(r"(?<=[.!?]) (?=\S)", lead.strip())[-1]
    if not (PROVIDER_LEAD.search(lead) or re.search(r"\b(?:providers|processors)\b", lead)):
        return False
    if NOT_SUBPROCESSOR.search(lead) or NOT_PROVIDER_LIST.search(lead.strip()):
        return False
    if not ANNOUNCES_LIST.search(lead) and not CATEGORY_OF_PROVIDERS.match(lead):
        return False
    if s.unit.kind == "paragraph":
        # a line of a table archived without pipes; its column header line is not an entry
        words = len(s.text.split())
        return words >= 3 and len(s.text) <= 200 and not s.text.lower().startswith("name ")
    return len(s.text) <= 160
