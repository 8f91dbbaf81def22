"""Use of customer data for advertising."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import (
    CONTENT_ONLY,
    EXCEPTION,
    POINTER,
    customer_consent,
    for_a_time,
    guard,
    named,
    narrowed,
    not_a_statement,
    opt_out_cue,
    qualified_denial,
    rx,
    scoped,
    span,
    stated_practice,
)
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "advertising"
FACTS: tuple[str, ...] = ("advertising_use",)
_CUES = (
    # ADVERTISING, in the sentence or, for an opt-out under it, in the lead-in
    "advert|ads|targeted ad|an ad|ad targeting|ad tracking|ad network|ad partner|ad tech|monetiz|"
    "market|promot|target"
)
TRIGGER = Trigger(_CUES, context=_CUES)


ADVERTISING = rx(
    r"\badvertis\w+",
    r"\btargeted ads?\b",
    r"\bads\b",
    r"\bmonetiz\w+",
    r"\bdirect marketing purposes\b",
    r"\bthird parties'? (?:own )?(?:direct )?marketing\b",
    # the customer's data put to marketing use ("does not use Customer Content for marketing")
    r"\b(?:use|uses|using|used)\b[^.;]{0,160}\bfor (?:any )?(?:marketing|promotion)",
    r"\bad (?:targeting|tracking|networks?|partners?|tech\w*)\b",
    # ads shown again to past visitors, by whatever name; one ad, or an "advert"
    r"\bre-?target\w*|\bremarket\w*",
    r"\badverts?\b|\ban ad\b(?! hoc)",
    # the vendor's own products promoted to the person elsewhere ("pixels to promote our
    # services on third-party sites")
    r"\b(?:promot\w+|market\w*)\b[^.;]{0,40}\bon (?:other|third[- ]party|external|partner)"
    r" (?:companies'? )?(?:websites|sites|apps|applications|platforms)\b",
)
NOT_ADVERTISING = rx(
    r"\badvertisements? for\b",
    r"\badvertising or marketing communications\b",
    r"\bmarketing materials\b",
    r"\badvertising campaigns\b",
    r"\bpromotional communications\b",
    r"\bsolicitations\b",
    r"\bmarketing communications\b",
    r"\bsend\w*\b[^.;]{0,40}\badvertis",
    # the vendor's own advertisements shown to the person
    r"\b(?:one of )?our (?:own )?(?:advertisements|ads)\b",
    # the vendor advertising its own offerings to the person
    r"\bto (?:market|advertise|promote)(?:,? (?:and |or )?(?:market|advertise|promote))+"
    r" (?:\w+ ){0,2}(?:offerings|products|services)\b",
    # what a technology is generally used for, not what the vendor does
    r"\b(?:are|is) (?:commonly|typically|generally|often|usually) used\b",
)
DATA_OBJECT = rx(
    r"\b(?:your|personal|customer|user)s?'? ?(?:data|information|content)\b",
    r"\bpersonal (?:data|information)\b",
    r"\bcookies?\b|\btrackers?\b",
    r"\byour use of\b",
    r"\byour data\b|\bdata\b",
    r"\byour (?:\w+ ){0,2}(?:data|information|details)\b",
    r"\b(?:this|such|that) information\b",
    # these kinds of advertising are built on the person's data by definition
    r"\b(?:personali[sz]ed|targeted|interest-based|behaviou?ral|cross-context|tailored)\b",
    r"\b(?:customer|user) content\b",
    r"\bpersonally identifiable information\b|\bemail address(?:es)?\b|\baccount information\b",
    r"\b(?:anonymous|aggregated|de-identified|usage|device) (?:data|information)\b",
    r"\btargeting\b",
    # ads shown on other sites are chosen from what is known of the person
    r"\bon (?:other|third[- ]party|external|partner) (?:companies'? )?(?:websites|sites|apps|"
    r"applications|platforms)\b|\bafter you (?:leave|have left)\b",
    r"\bre-?target\w*|\bremarket\w*",
    # the data named by its technical kind: the address, the identifiers, the browsing
    r"\bip address(?:es)?\b|\b(?:online|device|advertising|mobile|unique|cookie) (?:ids?|"
    r"identifiers?)\b|\bbrowsing (?:history|habits|activity|behaviou?r)\b|\bonline activit\w+",
    r"\btrack(?:s|ed|ing)? (?:whether|when|how|which|what) you\b",
    # what the person keeps in the service, and the person as the one targeted
    r"\byour (?:\w+ ){0,2}(?:files|documents|messages|e-?mails|contacts|conversations|recordings|"
    r"photos|notes|uploads)\b",
    r"\btarget(?:s|ed|ing)? you\b",
    # a bare "information" as what is denied, or handed over ("no information is shared with
    # advertisers", "we do not give any information to ad networks")
    r"\bno (?:\w+ ){0,2}(?:information|data)\b(?=[^.;]{0,40}? (?:is|are|will|gets?)\b)",
    r"\bnone of (?:the|your|our|this|that|such) (?:\w+ ){0,2}(?:information|data)\b",
    r"\b(?:shar|sell|disclos|provid|giv|pass|transfer)\w* any (?:\w+ )?(?:information|data)\b",
    # what is known of the person, by the words ads are most often said to be chosen by:
    # "information about you", "ads based on your activity", "what you do on our site"
    r"\b(?:information|data|details) (?:about|on|regarding|relating to|from) (?:you|your)\b",
    r"\b(?:based on|tailored to|according to|informed by|matched to|relevant to) (?:your|what you|"
    r"how you|where you)\b",
    r"\bwhat you (?:do|view|browse|search|read|buy|like|click)\b",
    r"\byour (?:\w+ )?(?:activit(?:y|ies)|interests|preferences|location|visits|searches|"
    r"purchases|behaviou?r)\b",
    # information handed to advertisers, whatever it is called
    r"\b(?:shar|disclos|provid|giv|pass|transfer|sen[dt])\w* (?:\w+ )?(?:information|data) "
    r"(?:with|to)\b",
    # the tracking technology itself, as cookies are: "pixels for advertising"
    r"\b(?:pixels?|web beacons?|tags|sdks?|tracking technolog(?:y|ies))\b",
)
AD_TECH = re.compile(
    r"\b(?:ad(?:vertising)? (?:networks?|partners?|servers?|exchanges?|platforms?|companies|"
    r"vendors|providers|tech\w*)|advertisers|third[- ]part(?:y|ies)(?: (?:ad(?:vertising)? )?"
    r"(?:companies|partners|vendors|providers|networks))?)\b"
)
ADS_SERVED = re.compile(
    r"\b(?:serv|show|display|deliver|plac)\w* (?:\w+ ){0,2}?(?:ads|advertisements|adverts|"
    r"advertising)\b|"
    r"\b(?:ads|advertisements|adverts|advertising)\b[^.;]{0,60}\b(?:served|shown|displayed|"
    r"delivered|placed) by\b"
)
"""Ads served, shown or placed by ad networks or other third parties ("we partner with ad
networks to serve ads", "ads are served by our advertising partners"): no data is named, but
an ad network serving ads on the vendor's service works from the visitor's cookies and
activity there, which the vocabulary's advertising_use covers (the vendor's own ads, and ads
it sends, are left to NOT_ADVERTISING)."""


def ads_by_others(text: str) -> re.Match[str] | None:
    """The ad network or third party serving ads in ``text``, when ads are said to be served."""
    if ADS_SERVED.search(text) is None:
        return None
    return AD_TECH.search(text)


PERSONAL_LEAD = re.compile(r"\bpersonal (?:data|information)\b")
ON_OUR_BEHALF = re.compile(r"\bon (?:our|its|\w+'s) behalf\b")
"""Vendors providing services (advertising among them) on the vendor's behalf: a list of
processors, not a use of the person's data for advertising."""
TRACKING = re.compile(r"\bcookies?\b|\btrackers?\b|\bshar(?:e|es|ed|ing)\b|\bpersonal data\b")


RIGHT_TO_ASK = re.compile(r"\bshine the light\b|\b1798\.83\b")
"""A statutory notice of the right to ask what was disclosed for direct marketing ("Shine the
Light"): it states no practice, unless it offers a way to stop one."""


def detect(s: Sentence) -> list[Hit]:
    """Use of customer data for advertising."""
    text = s.low
    cue = ADVERTISING.search(text)
    if cue is None and not NOT_ADVERTISING.search(text):
        # an opt-out from cookies or sharing under a lead-in about advertising partners
        lead = ADVERTISING.search(s.unit.local)
        opt = opt_out_cue(text)
        if lead and opt and TRACKING.search(text) and not not_a_statement(s):
            return [
                Hit("advertising_use", "opt_out", 0.65, span(opt), 1, cue=named("opt_out", opt))
            ]
        return []
    if cue is None or NOT_ADVERTISING.search(text):
        return []
    # a red-team pass found "We partner with ad networks to serve ads" read as nothing: ads
    # served by others stand for the data they are chosen from
    served_by = ads_by_others(text)
    if (
        DATA_OBJECT.search(text) is None
        and served_by is None
        and (not PERSONAL_LEAD.search(s.unit.lead[-300:]) or ON_OUR_BEHALF.search(text))
    ):
        # neither the sentence nor the paragraph it hangs from ("Zoom provides personal data
        # to third parties ... in one of the following circumstances:") names the data
        return []
    if RIGHT_TO_ASK.search(text) and opt_out_cue(text) is None:
        return []
    if not_a_statement(s) or (POINTER.search(text) and opt_out_cue(text) is None):
        return []
    hit = stated_practice("advertising_use", s, cue)
    if hit.value == "always" and (consent := consent_before(s)):
        # "We may disclose personal data whenever you consent to such sharing. This includes,
        # for example, to show you personalized advertising": an example of what the sentence
        # before it allows with the person's consent
        hit = Hit("advertising_use", "opt_in", 0.65, span(cue), 1, cue=named("consent", consent))
    denied = ADVERTISER_DENIED.match(text)
    if (
        denied
        and hit.value == "always"
        and qualified_denial(text, cue) is None
        and not ANOTHER_CLAUSE.search(text, denied.end())
    ):
        # "advertisers never see your messages": the advertiser is the subject, the denial
        # follows it. It denies the advertisers the data, not the vendor choosing ads with it,
        # so it settles nothing either way
        hit = Hit(
            "advertising_use", "undisclosed", 0.6, span(denied), 1, cue=named("negated", denied)
        )
    subject = denied_subject(text, cue)
    if subject and hit.value == "always" and qualified_denial(text, cue) is None:
        # "no information is passed to third parties for advertising": the "no" of the
        # subject denies the verb, however far from the advertising it stands
        denial = Hit("advertising_use", "never", 0.85, span(cue), 2, cue=named("negated", subject))
        hit = scoped(guard(denial, text, cue.span()), text)
    surface = ONE_SURFACE.search(text)
    if surface and hit.value in ("never", "opt_in"):
        # "our mobile apps do not use your data for ads": the website, and the vendor's other
        # products, may
        hit = narrowed(hit, "scoped denial", surface)
    kind = _one_kind_of_data(text, cue, ONE_KIND_OF_DATA) or _content_only(text, cue)
    if hit.value == "never":
        kind = kind or _one_kind_of_data(text, cue, ONE_TECHNOLOGY)
    if kind and hit.value in ("never", "opt_in"):
        # "we do not use the content of your emails for advertising", "... any Customer
        # Content to advertise": the rest of what the vendor knows of the person (browsing,
        # purchases, location, account and usage data) may be used
        hit = narrowed(hit, "scoped denial", kind)
    others = ONE_KIND_OF_ADS.search(text)
    if others and hit.value in ("never", "opt_in"):
        # "we do not use your data for third-party advertising": the vendor's own ads, or ads
        # chosen from what it sees of the person on its own sites, are not denied
        hit = narrowed(hit, "scoped denial", others)
    offers = OFFERS_INSTEAD.search(text, cue.end())
    if offers and hit.value in ("never", "opt_in"):
        # "we don't sell ads on your data, but we use it to show you relevant offers": the
        # same use under another name
        hit = Hit("advertising_use", "always", 0.7, span(cue), 1, cue=named("stated", offers))
    if served_by is not None and hit.value in ("never", "opt_in") and not DATA_OBJECT.search(text):
        # "we do not partner with ad networks to serve ads": others' ads are denied, the
        # vendor's own use of the data for ads is not
        hit = narrowed(hit, "scoped denial", served_by)
    handed = HANDED_TO_ADVERTISERS.search(text)
    if handed and hit.value == "never":
        # "we never share your data with advertisers (or anyone else)": the data is kept from
        # them, which says nothing of the vendor choosing ads with it for them
        hit = narrowed(hit, "denied to advertisers", handed)
    if hit.value in ("never", "opt_in", "undisclosed"):
        # "we do not use your files for advertising; we do use your usage data for personalised
        # ads": a later clause stating the use wins over the denial of an earlier one, as it
        # would from a sentence of its own
        hit = _stated_later(s, cue) or hit
    # the rest of the paragraph, where a present denial may stand beside a past one
    beside = s.unit.folded.text.lower().replace(text, " ")
    return [for_a_time(hit, text, beside, ADVERTISING)]


def _stated_later(s: Sentence, cue: re.Match[str]) -> Hit | None:
    """The use for ads a clause after the one of ``cue`` states, unhedged and undenied
    (``always``), or None. Not a clause about the person's consent ("...; by continuing to
    browse, you consent to our use of cookies for advertising"): that reads the consent of the
    denial before it, which the central checks weigh."""
    text = s.low
    opening = CLAUSE_OPENING.search(text, cue.end())
    if opening is None:
        return None
    later = ADVERTISING.search(text, opening.end())
    if later is None or NOT_ADVERTISING.search(text, opening.end()):
        return None
    if CONSENT_WORD.search(text, opening.end()):
        return None
    hit = stated_practice("advertising_use", s, later)
    return hit if hit.value == "always" else None


HANDED_TO_ADVERTISERS = re.compile(
    r"\b(?:sell|sold|rent|shar|disclos|provid|giv|pass|transfer|trad|licens|leas|sen[dt]|"
    r"hand)\w*\b[^.;:]{0,60}?\b(?:to|with) (?:any |other |our )?(?:third[- ]party )?"
    r"(?:advertisers|ad(?:vertising)? (?:networks?|companies|partners)|marketers|marketing "
    r"(?:companies|firms|agencies|partners))\b"
)
"""The data denied to advertisers: a transfer to them, not the use for ads."""


ONE_KIND_OF_DATA = re.compile(
    r"\b(?:the )?contents? of (?:your |their |users'? |customers'? )?(?:e-?mails?|messages|"
    r"files|documents|chats?|conversations|calls|recordings|meetings|inbox)\b|"
    r"\byour (?:private |personal )?(?:e-?mails?|messages|files|documents|photos|contacts|"
    r"conversations|recordings|chats?|notes|uploads|calls)\b"
)
"""One kind of the person's data (what they keep in the service) named as what is not used for
ads: what else is known of them is not denied."""
ONE_TECHNOLOGY = re.compile(r"\b(?:cookies?|pixels?|web beacons?|trackers?)\b")
"""One technology denied for ads ("we do not use cookies for advertising"): the data others
gather is not denied. Not read beside a consent: consent to cookies for ads is how ads wait
for the person's yes."""
WHOLE_DATA = re.compile(
    r"\b(?:personal|your|customer|user)s?'? (?:data|information)\b|\bany (?:\w+ )?(?:data|"
    r"information)\b"
)
"""The person's data as a whole, named beside one kind of it ("your personal data, including
your messages"): the denial covers it all."""


def _one_kind_of_data(
    text: str, cue: re.Match[str], kinds: re.Pattern[str]
) -> re.Match[str] | None:
    """The one kind of data (of ``kinds``) the clause of the advertising at ``cue`` denies the
    use of, named before it and with no wider word for the data in that clause."""
    start = _clause_start(text, cue)
    if WHOLE_DATA.search(text, start, cue.start()):
        return None
    return kinds.search(text, start, cue.start())


CONSENT_WORD = re.compile(r"\bconsent\w*|\bagree\w*|\bopt(?:ed|s)?[- ]?in\b")
CLAUSE_OPENING = re.compile(r";| but (?!not limited to\b)")
"""Where a new clause opens before the advertising: not at the "but" of "including but not
limited to", an aside inside the clause."""


def _clause_start(text: str, cue: re.Match[str]) -> int:
    """Where the clause of the advertising at ``cue`` starts."""
    return max((m.end() for m in CLAUSE_OPENING.finditer(text, 0, cue.start())), default=0)


def _content_only(text: str, cue: re.Match[str]) -> re.Match[str] | None:
    """The customer's content, named as the only data in the clause of the advertising at
    ``cue`` ("we never use customer content for marketing", "No customer content will be used
    to target ads"), with no wider word for the data there."""
    start = _clause_start(text, cue)
    end = min((m.start() for m in re.finditer(r";| but ", text[cue.end() :])), default=None)
    stop = len(text) if end is None else cue.end() + end
    if WHOLE_DATA.search(text, start, stop):
        return None
    return CONTENT_ONLY.search(text, start, stop)


ONE_KIND_OF_ADS = rx(
    # others' ads only: "third-party advertising", "ads by partners" (not the data kept from
    # others' ads, "not shared with third parties for their own advertising", which the
    # transfer's denial reads)
    r"\bthird[- ]part(?:y|ies)'? (?:advertising|ads|adverts|marketing)\b",
    r"\b(?:advertising|ads|marketing)(?: purposes)? (?:by|of|from) (?:any )?(?:third parties|"
    r"others|(?:our )?partners|advertisers)\b",
    # the ads of one law's definition: "cross-context behavioral advertising", "targeted
    # advertising as described in the CCPA"; ads from what the vendor itself sees stay open
    r"\bcross[- ]context (?:behaviou?ral )?(?:advertising|ads)\b",
    r"\b(?:as (?:described|defined|used) (?:in|by|under)|within the meaning of|for (?:the )?"
    r"purposes of) (?:the )?(?:ccpa|cpra|california|(?:us |u\.s\. )?state (?:privacy )?laws?|"
    r"applicable (?:state )?(?:privacy )?laws?)\b",
    # ads chosen from the person's activity elsewhere only: the vendor's own sites stay open
    r"\bacross (?:non-?affiliated|other|third[- ]party|unaffiliated) (?:companies'? )?(?:websites|"
    r"sites|apps|applications|services|platforms)\b",
)
"""A denial of one kind of advertising: others' ads shown or served, or ads chosen from the
person's activity across other companies' sites."""
OFFERS_INSTEAD = re.compile(
    r"(?:\b(?:but|although|though|yet|however|whereas|instead)\b|[;\u2014\u2013]| - )[^.]{0,100}"
    r"\b(?:(?:relevant|"
    r"tailored|personali[sz]ed|targeted|special|exclusive) )?(?:offers?|deals|promotions|"
    r"sponsored (?:content|posts|listings|results|messages|recommendations|suggestions))\b|"
    # "...; we use it for contextual ads": the data used for ads of another kind
    r"(?:\b(?:but|however|instead)\b|[;\u2014\u2013]| - )\s*(?:we )?(?:do |may |also |still )*"
    r"use (?:it|them|this|such|your|that) (?:\w+ )?(?:for|to)\b[^.;]{0,40}\b(?:ads|advertis\w*|"
    r"marketing|retarget\w*)"
)
"""After a denial of ads: offers or promotions chosen for the person, the same use by another
name."""


ONE_SURFACE = re.compile(
    r"\b(?:in|on|within|through|from) (?:our|the|its|this) (?:mobile |desktop |ios |android )?"
    r"(?:apps?|applications?|websites?|web ?sites?|sites?|platforms?|marketing (?:pages|sites|"
    r"websites))\b"
    r"(?! (?:center|centre|store|marketplace|directory|gallery)\b)|"
    r"^(?:our|the|its) (?:mobile |desktop )?(?:apps?|applications?|websites?|sites?)\b"
)
"""A denial held on one of the vendor's surfaces (its app, its website): ads are often served
on one and not the other."""


ADVERTISER_DENIED = re.compile(
    r"(?:no |our |the |third[- ]party )?(?:advertisers|ad (?:networks|partners)|advertising "
    r"(?:partners|networks|companies))(?: (?!who|that|which)\w+)?? (?:cannot|can't|can ?not|"
    r"do not|don't|will not|won't|never|are not|aren't|have no|get no|receive no)\b"
)
"""A sentence opening with the advertisers and denying what they get of the person's data."""
ANOTHER_CLAUSE = re.compile(r";|\bbut\b|\bhowever\b|\bwhereas\b|\bwhile\b|, and\b")
"""A clause after the denial, which may state what it does not deny."""


DENIED_SUBJECT = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but|so|that)\s+)(?:no|none of(?: the| your| our| its| their| this|"
    r" that| such| these| those)?) (?!matter|longer|later|less|more|doubt)(?:\w+ ){0,3}?"
    r"(?:data|information|info|content|details|identifiers|messages|files)\b"
)
"""The data denied as the subject of its clause ("no information is ...", "none of your data
will be ..."): the "no" denies whatever the clause then says of it."""
SUBJECT_VERB = re.compile(
    r"\b(?:is|are|was|were|(?:will|shall|would|can|could|may|might) be|gets?|got|has been|have "
    r"been)(?: ever| \w+ly)? (?:\w+ed|given|sent|sold|shown|made|seen|known|kept|taken)\b"
)
"""The passive verb saying what is done to the denied data ("is passed", "will ever be used")."""


def denied_subject(text: str, cue: re.Match[str]) -> re.Match[str] | None:
    """The denied data opening the clause that names the advertising at ``cue``, when a verb
    follows it and no other clause stands between it and the advertising."""
    for found in DENIED_SUBJECT.finditer(text, 0, cue.start()):
        between = text[found.end() : cue.start()]
        if SUBJECT_VERB.search(between) and not ANOTHER_CLAUSE.search(between):
            return found
    return None


EXAMPLE_OF_BEFORE = re.compile(
    r"^(?:this|these|such (?:sharing|disclosures?|uses?|transfers?)) (?:may |can |will |could )?"
    r"(?:includes?|cover|covers|encompass(?:es)?)\b"
)
"""A sentence giving examples of the practice stated before it ("This includes, for example,
...")."""


def consent_before(s: Sentence) -> re.Match[str] | None:
    """The customer's consent on which the sentence before ``s`` makes its practice depend,
    when ``s`` only gives examples of that practice and takes nothing out of it."""
    if not EXAMPLE_OF_BEFORE.match(s.low) or EXCEPTION.search(s.low):
        return None
    if opt_out_cue(s.previous) is not None or REQUIRED_CONSENT.search(s.previous):
        # a way out, or a consent asked only where the law requires it: not opt_in elsewhere
        return None
    return customer_consent(s.previous)


REQUIRED_CONSENT = re.compile(
    r"\b(?:where|if|when|to the extent|as) (?:legally |otherwise )?(?:required|mandated)\b"
)
