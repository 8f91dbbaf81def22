"""The purposes for which the customer licenses its content to the vendor."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import (
    CONTENT,
    POINTER,
    SERVICE_DATA,
    context,
    guard,
    near_negation,
    not_a_statement,
    passed_on,
    rx,
    span,
)
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "content_license"
FACTS: tuple[str, ...] = ("content_license_scope",)
TRIGGER = Trigger(
    # NON_RESTRICTION; a purpose named in a list item or a table row; the cues that make a use
    # of content one (GRANT, AUTHORISE, USE_LIMIT, SERVICE_NEED, PROCESSOR, PASSIVE_USE,
    # EXTENSION, IMPROVING_USE)
    "restrict|limit|prevent|improv|research|develop|new |grant|give|authori|only|sole|exclusively|"
    "purpose|any other|anything else|permitted|right|necessary|needed|licen|process|be used|"
    "permission|enhanc|better",
    # a lead-in listing the purposes below it (LEAD_IN, CONTENT_LEAD); USE_VERBS
    pattern=re.compile(
        r":$|\b(?:may|will|shall) (?:also )?(?:redistribute|publish|access|use|store|process|"
        r"reproduce|display|copy)"
    ),
    context="process",  # a processor clause in the lead-in
)


GRANT = rx(
    r"\b(?:you|customer|users?|licensee|controller)s?\b[^.;]{0,40}?"
    r"\b(?:grant|grants|give|gives|hereby grant)\b[^.;]{0,200}?\b(?:licen[cs]e|rights?|"
    r"permission)\b",
)
AUTHORISE = re.compile(
    r"\b(?:you|customer|users?|licensee|controller)s?\b[^.;]{0,40}?\b(?:hereby )?authori[sz]es?\b"
    r" (?:\w+ ){1,3}?to (?:use|copy|reproduce|host|store|process|modify|display|distribute|"
    r"transmit|publish|analy[sz]e|adapt)\b"
)
"""A licence drafted as an authorisation ("Customer authorizes Provider to use, copy and store
Customer Data"); not one to access (for support, say), which is a permission only."""


def _authorised(text: str) -> re.Match[str] | None:
    """An authorisation that names what it is for ("to use ... to provide the service"): one
    naming no purpose ("you authorize us to store recordings") says how the service works, not
    what the content is licensed for."""
    found = AUTHORISE.search(text)
    if found is None:
        return None
    rest = text[found.end() :]
    if SERVICE_PURPOSE.search(rest) or IMPROVEMENT.search(rest) or ANY_PURPOSE.search(rest):
        return found
    return None


VENDOR_GRANT = rx(
    r"\bgrants? (?:to )?you\b",
    r"\bgives? you\b",
    r"\blicen[cs]e to use (?:the|any|our) (?:software|services?|website|documentation)\b",
    r"\bproprietary rights in or to service generated data\b",
    # a licence whose purpose is the customer's use of the service is the vendor's grant
    r"\b(?:enabl|allow|permit)\w* (?:you|the customer|customers?|users?|licensee) to (?:access "
    r"(?:and |or )?)?use (?:the|our|its) (?:services?|software|platform|website|app)\b",
)
VENDOR_OWN = re.compile(r"\bfeedback\b|\btrademarks?\b|\blogos?\b")
"""Feedback: a licence over it is no licence over the customer's content, unless the sentence
also names that content."""
EXTENSION = rx(
    r"\b(?:this|the|such|that) (?:licen[cs]e|right|permission)s? (?:also )?(?:includes?|"
    r"extends?)\b(?![^.]*\bsoftware\b)",
    r"\bincludes? (?:granting \w+ )?the right for \w+ to\b",
    # "the same rights to Outputs as to Inputs", "the same licence applies to your comments"
    r"\b(?:the same|equivalent|identical) (?:[\w-]+ ){0,2}?(?:rights?|licen[cs]es?)\b"
    r"(?: (?:applies|apply|extends?))? (?:to|in|over)\b",
    # "This licence is solely for the purpose of providing and improving our products"
    r"\b(?:this|the|such|that|these|those) (?:licen[cs]es?|rights?|permissions?) (?:is|are) "
    r"(?:granted )?(?:solely |only |exclusively )?(?:for the (?:limited |sole )?purposes? of|"
    r"(?:so as )?to (?:enable|allow|permit) (?:us|\w+) to)\b",
)
"""A sentence widening a licence granted before it ("This license also extends to our
partners"): its scope is that licence's, unless it names purposes of its own."""
GRANTED_RIGHTS = re.compile(
    r"\b(?:rights?|licen[cs]es?) (?:that )?(?:you|customers?|users?) grants? (?:to )?\w+\b"
)
IMPROVING_USE = re.compile(
    r"\b(?:use|uses|analy[sz]es?|process(?:es)?)\b (?:\w+ ){0,3}?(?:your |customer |personal |"
    r"this |such |the )?(?:data|contents?|information|inputs?)\b(?:[^.;]|\.(?=\S)){0,160}?"
    r"(?:\b(?:improv|develop)\w*|\benhanc(?:e|es|ed|ing|ements?)\b(?! (?:the |its |their )?"
    r"(?:security|safety|protection))|\bmake (?:\w+ ){0,2}?better\b)"
)
"""The vendor using the data to improve or develop its products: the improvement purpose,
stated without a licence grant."""
PURPOSE_LEAD = re.compile(
    r"\blicen[cs]e\b|\b(?:use|uses|process(?:es)?) (?:\w+ ){0,3}?(?:data|information|content)\b"
    r"[^.]{0,40}\bpurposes?\b|\bpurposes?\b[^.]{0,30}:$"
)
"""A list lead-in naming the purposes of a licence or of the use of data ("This licence is
for the limited purpose of:", "We may use information for the following purposes:")."""
CONTENT_LEAD = re.compile(
    r"\b(?:use|uses|used|process|processes|processed|access|accesses|analy[sz]es?)\b "
    r"(?:\w+ ){0,3}?(?:(?:customer|user|client|subscriber|member)s?'? (?:content|data|inputs?|"
    r"submissions|files)|your (?:content|contents|files|inputs?|submissions|documents)|"
    r"(?:the )?content (?:that )?you (?:provide|upload|submit|post|share|store|create))\b"
    r"[^.:]{0,60}:$|"
    r"\b(?:content|customer data|inputs|submissions|files) (?:is|are|will be|may be|shall be) "
    r"(?:only )?(?:used|processed|accessed)\b[^.:]{0,60}:$"
)
"""A list lead-in stating what the vendor uses the customer's content for ("We may use
Customer Data to:", "Your content is processed by us in order to:"): its items are the
purposes."""
OTHER_USES_DENIED = re.compile(
    r"\b(?:not|never|nor)\b[^.;]{0,80}?\b(?:use|uses|process|processes|access)\b[^.;]{0,40}?"
    r"\b(?:in any other (?:way|manner)|for any other (?:purposes?|reasons?)|for anything else)\b"
    r"(?! (?:than|other than|except|save|beyond|but)\b)"
)
"""Other uses denied, without saying other than what: a limit to the uses named before it in
the sentence, if any."""
USE_LIMIT = rx(
    r"\b(?:will|shall|may|can)? ?only (?:access|process|use|collect|store)\b",
    # "use Customer Data solely to provide", "process it only to the extent necessary and
    # proportionate to provide": the limit after the verb and its object
    r"\b(?:use|uses|used|access|accesses|accessed|process|processes|processed|store|stores|"
    r"stored|handle|handles|handled|analy[sz]e|analy[sz]es|analy[sz]ed)\b[^.;:]{0,100}?"
    r"\b(?:solely|only|exclusively)"
    r" (?:(?:to the extent|insofar as|as far as) (?:strictly |reasonably )?(?:necessary|needed|"
    r"required)(?: and proportionate)? |as (?:strictly |reasonably )?(?:necessary|needed|"
    r"required) )?(?:for|to|in order to) (?:the purposes? of )?(?:provid|perform|deliver|operat|"
    r"host|maintain|support|carry(?:ing)? out|fulfil)\w*",
    r"\bprocess\w*\b[^.;]{0,100}\b(?:solely|only) (?:for|to (?:provide|perform|deliver)|in "
    r"accordance)\b",
    r"\bsole(?:ly)? (?:for )?(?:the )?(?:limited )?purposes? of\b",
    r"\bfor the limited purposes? of\b",
    r"\bfor no other purposes?\b",
    # "nor will we use it in any other way", "we do not use your files for anything else"
    OTHER_USES_DENIED.pattern,
    r"\b(?:any|no) other purposes? than\b|\bfor (?:any|no) purposes? other than\b",
    r"\bonly as (?:reasonably )?necessary\b",
    r"\bpermitted uses?\b",
    r"\bprocessing activities include\b",
    r"\bshall serve the purpose of providing\b",
    r"\bfor the purpose of providing the service\b",
)
SERVICE_LIMIT = re.compile(
    r"\b(?:use|uses|access|accesses|process|processes|store|stores|handle|handles|analy[sz]es?)"
    r"\b(?:(?! (?:share|disclose|transfer|provide it|send)\b)[^.;:]){0,100}?"
    r"(?:\b(?:solely|only|exclusively)\b[^.;:]{0,60}?\b(?:for|to|in order to) "
    r"(?:the purposes? of )?(?:provid|perform|deliver|operat|host|carry(?:ing)? out|fulfil)\w*|"
    r"\b(?:any|no) other purposes? than (?:as (?:\w+ )?(?:needed|necessary|required) )?"
    r"(?:to |for )?(?:provid|perform|deliver|operat|host|carry(?:ing)? out)\w*)"
)
"""A limit of a use (not of a disclosure) to providing the service, stated outright ("solely
to provide the Services", "for no other purpose than to carry out the Services"): said of
personal data, it limits the processing of what the customer entrusted, whoever the customer
is."""
ENTRUSTED = re.compile(
    r"\b(?:the |such |this |your |customer'?s? )?personal (?:data|information)\b"
)
PASSIVE_USE = rx(
    r"\b(?:will|may|shall|can) be (?:used|processed)\b[^.;]{0,160}\b(?:to provide|providing|"
    r"in accordance with)\b",
)
USE_VERBS = re.compile(
    r"\b(?:may|will|shall)\s+(?:also\s+)?(?:redistribute|publish|access|use|store|process|"
    r"reproduce|display|copy)\b"
)
LICENSE_HEADING = re.compile(
    r"customer licen[cs]e|licen[cs]e grant|permitted use|data use|use of (?:customer )?"
    r"(?:content|data)|your content|user submissions|user information|"
    r"purposes? (?:and duration )?of (?:the )?processing(?! (?:of )?(?:your|the|a) "
    r"(?:request|order|payment|application|enquiry|inquiry))|instructions"
)
WARRANTY = re.compile(
    r"\b(?:you|customer|users?) (?:have|has|possess(?:es)?|hold) (?:all )?(?:the )?(?:necessary )?"
    r"rights\b|"
    r"\b(?:has|have|obtained) all (?:the )?(?:necessary|required|applicable) (?:rights|consents|"
    r"permissions)\b|"
    r"\b(?:necessary )?rights? to grant\b|\bmake sure you have\b|\brepresents? and warrants?\b"
)
SECURITY_ONLY = r"(?! (?:the |its |their )?(?:security|safety|protection)\b(?! and\b| or\b|,))"
"""After an improving verb: not the security, safety or protection alone (which is securing the
service, not improving it)."""
IMPROVEMENT = rx(
    # improving the security or safety of the service is securing it, as for "enhance" below;
    # not when more is improved beside it ("improve the security and the features")
    rf"\bimprov(?:e|es|ed|ing|ements?)\b{SECURITY_ONLY}",
    r"\bdevelop\w*",
    # "providing and enhancing the platform", "to make it better"
    rf"\benhanc(?:e|es|ed|ing|ements?)\b{SECURITY_ONLY}",
    r"\bmake (?:\w+ ){0,2}?better\b",
    # "to provide and optimise the Services", "to refine them", "to innovate"
    r"\boptimi[sz](?:e|es|ed|ing|ation)\b|\brefin(?:e|es|ed|ing|ement|ements)\b|\binnovat\w*",
    r"\b(?:purposes?|for)\b[^.;]{0,80}\b(?:machine learning|artificial intelligence)\b",
    r"\banalytics\b",
    r"\bmarketing\b",
    # advertising with the content is a use beyond the service, as marketing is
    r"\badvertis(?:e|es|ed|ing|ements?)\b|\b(?:show|serve|display|target)\w* (?:you |users )?"
    r"(?:\w+ )?ads\b",
    # promoting the service with the content is a use beyond providing it, like marketing
    r"\bpromot(?:e|es|ed|ing|ion|ional)\b(?! (?:the )?(?:safety|security|compliance|"
    r"(?:a )?(?:safe|secure|respectful)))",
    r"\bresearch\b",
    r"\bnew (?:features|products)\b",
    # training models is an improvement purpose ("... and we may use it to train those models")
    r"\b(?:train(?:s|ed|ing)?|fine[- ]?tun\w*)\b[^.;]{0,60}\b(?:models?|ai|algorithms?|"
    r"machine learning|artificial intelligence)\b",
)
LICENSE_WORDS = re.compile(
    r"grant|give|only|sole|exclusively|purpose|permitted|processing activities|be used|"
    r"be processed|this information|may|will|shall|licen[cs]e|right|\buses?\b|analy[sz]|authori[sz]"
)
NOT_LICENSE = rx(
    # a legal basis under data protection law, or how long data is kept, limits no licence
    r"\b(?:lawful|legal) bas(?:is|es)\b",
    r"\bfor as long as\b",
    r"\byour consent is required\b",
    r"\bnewsletter\b",
)
ELSEWHERE = rx(
    r"\bpurposes? (?:described|set (?:out|forth)|specified|listed|outlined|identified|stated)\b",
    r"\bpurposes? (?:of|under) (?:this|the|these) (?:agreement|terms|privacy)",
    r"\bin accordance with (?:this|the|these|our) (?:agreement|terms|privacy|policy)",
    r"\b(?:those|the ones?) (?:described|set (?:out|forth)|specified|listed) in (?:this|the|these|"
    r"our)\b",
    r"\bas (?:otherwise )?(?:permitted|allowed) (?:under|by|in) (?:this|the|these|our)\b",
    r"\b(?:than|except|other than) (?:as )?(?:described|set (?:out|forth)|specified|stated|"
    r"permitted) (?:in|by|under)\b",
)
"""A limit to purposes named elsewhere: whether those include improvement is not said here."""
REFERENCE = re.compile(
    r"\bas (?:specified|described|set (?:out|forth)|provided|defined) (?:in|by|under) "
    r"(?:the|this|these|our|its)\b|"
    r"\bin accordance with (?:this|the|these|our) (?:agreement|terms|privacy|policy|dpa)"
)
"""A formula of compliance with another document ("in accordance with this Agreement", "as
specified in the ToU"): unlike "for the purposes described in our policies", it does not
even say the purposes are listed there."""
SERVICE_PURPOSE = re.compile(
    r"\b(?:to|for|of) (?:the purposes? of )?(?:provid|operat|host|deliver|perform|run|maintain|"
    r"support|secur|enabl)\w*|"
    # "in connection with Acme's operation of the service", and "our" for the vendor's name
    r"\bin connection with (?:\w+'s |our |its )?(?:operation|provision) of\b|"
    r"\bin connection with (?:the )?(?:customer|your)?'?s? ?(?:use of )?(?:the )?services?\b|"
    r"\bin connection with (?:the )?(?:operat|provi|deliver|perform|host)\w*|"
    # "we ask you to grant us some rights so we can provide services to you"
    r"\bso (?:that )?(?:we|it|they) (?:can|may|could|are able to) (?:provid|operat|deliver|run|"
    r"host|perform)\w*"
)
ANY_PURPOSE = rx(
    r"\bfor any (?:other )?(?:lawful |legitimate |legal |business )?purposes?\b"
    r"(?! relating| other than| except| save| beyond| than)",
    r"\bin any manner\b",
    # "as we see fit", "as it deems appropriate", "for any reason", "for whatever purpose"
    r"\bas \w+ (?:may )?(?:otherwise )?(?:sees?|deems?|considers?|thinks?) (?:fit|appropriate)\b"
    r"(?! (?:to|for|in order to) )",
    r"\bfor any reason\b|\bfor whatever (?:purposes?|reasons?)\b",
    # "without restriction", "an unrestricted licence": nothing limits it
    r"(?<!including )\bwithout (?:any )?(?:restrictions?|limitations?)\b(?! (?:to|on|of)\b)",
    r"\b(?:unrestricted|unlimited)\b,?(?: [\w-]+,?){0,4} (?:licen[cs]e|rights?)\b",
    r"\bcommercially exploit\b|\bexploit commercially\b",
    # "for advertising, promotional or commercial purposes": any use that makes money
    r"\bfor (?:(?:any|all|its|our|their) )?(?:[a-z-]+,? (?:or |and )?){0,4}?(?<!non-)commercial "
    r"purposes?\b",
    r"\bindependent of the services?\b",
)
LICENSED = rx(
    # the content a licence or a purpose limit is about, besides the shared CONTENT words
    r"\b(?:subscriber|member|user|customer|public|form|assessment|repository|learner)"
    r" (?:content|contents|inputs?|outputs?|submissions|files)\b",
    r"\b(?:ai )?inputs?(?:,)? (?:and|or) outputs?\b|\bai (?:inputs?|outputs?)\b",
    r"\byour (?:inputs?|outputs?|contents?|contributions|posts|contacts|contact lists?)\b",
    # what the customer uploads, named by its kind
    r"\byour (?:(?:public|private) )?(?:uploads|photos|pictures|images|videos|posts|works|"
    r"materials|creations|designs|recordings)\b",
    r"\bcustomer files\b",
    # "content you post", "the content that you upload": named by what the customer does
    r"\bcontent (?:that |which )?you (?:provide|upload|submit|post|share|store|create|send|"
    r"make available)\b",
)
NAMED_CONTENT = re.compile(
    r"\b(?:subscriber|member|user|customer|public|form|assessment|repository|learner)"
    r" (?:content|contents|inputs?|outputs?|submissions|files)\b"
)
"""Customer content named as a defined term ("Subscriber Content")."""
OTHER_GRANTEE = re.compile(
    r"\bgrants? (?:to )?(?:other|each|every|all|any|fellow) (?:users?|members?|people|persons)\b|"
    r"\bgrants? (?:to )?(?:the public|everyone|anyone)\b|\bgrant additional rights\b"
)
"""A licence the customer gives other users or the public (by making a repository public):
not a right of the vendor's."""
PERMISSION_ONLY = re.compile(r"\bgrants? (?:us )?permission\b|\bgives? (?:\w+ ){0,3}permission\b")
"""A permission to access (for support, for a third-party app) grants no licence over content."""
BROAD_GRANT = re.compile(
    r"\b(?:perpetual|irrevocable|sublicensable|fully[- ]transferable|transferable)\b"
    r"[^.;]{0,120}\b(?:licen[cs]e|rights?)\b"
)
"""A perpetual, irrevocable or sublicensable licence: when it names no purpose, nothing
limits it."""
PROCESSOR = rx(
    r"\b(?:as|functions as|acting as|acts as) (?:a |the |its )?(?:data )?processor\b",
    r"\b(?:pursuant to|in accordance with|adhering to|under|following|on) (?:the )?"
    r"(?:customer'?s?|client'?s?|(?:data )?controller'?s?|their|your|documented) (?:\w+ ){0,2}?"
    r"instructions?\b",
    r"\binstructs? \w+ to process\b",
)
"""A processor acting on the customer's instructions: the customer's data serves its
purposes, which is the service."""
PROCESS_VERB = re.compile(r"\bprocess(?:es|ed)?\b")
"""Processing as something done (``to process``, ``processes``), not a noun naming it (``the
processing of``, ``processing activities performed by``)."""


def _processor(text: str) -> re.Match[str] | None:
    """A processor acting on the customer's instructions, where the processing is what the
    sentence says is done: a whole sentence (of text broken across lines, joined again) may
    name "processing activities performed under the Client's instruction" while it states
    something about another matter. The processing is done when the verb comes shortly before
    the instructions ("process Personal Data only under the Client's instruction")."""
    if "process" not in text:
        return None
    match = PROCESSOR.search(text)
    if match is None or "processor" in match.group() or PROCESS_VERB.search(match.group()):
        return match
    return match if PROCESS_VERB.search(text[max(0, match.start() - 80) : match.start()]) else None


SERVICE_NEED = re.compile(
    r"\brights? (?:that )?(?:we|it|\w+) (?:needs?|requires?)\b|\b(?:reasonably )?(?:necessary|"
    r"needed) (?:for \w+ )?to (?:provide|carry out|perform|operate|host|run|deliver|maintain|"
    r"support)\b|"
    r"\bneeded for the operation\b|"
    # rights denied but for the service's: "nothing ... gives us any right to use your content
    # other than to provide the Services"
    r"\b(?:no|not|nothing|never)\b[^.;]{0,100}?\b(?:rights?|licen[cs]es?)\b[^.;]{0,80}?"
    r"\b(?:other than|except|save|beyond) (?:to|for) (?:provid|perform|operat|deliver|host|run)\w*"
)
NOT_A_LICENCE = rx(
    r"\barticle 6\b",
    r"\bif you delete\b",
    r"\bsecurity (?:standards|measures)\b|\bkeep your content confidential\b",
    r"\bno one at \w+ can (?:view|see|access)\b",
    r"\bconstitutes? (?:an|the) agreement\b",
    r"\bis the (?:data )?controller\b",
    # the document describing itself: "The purpose of this part is to define the conditions"
    r"\bthe purpose of this (?:part|section|clause|annex|schedule|addendum|dpa|agreement|"
    r"document) is to\b",
)
"""A legal basis, a deletion, a security measure or an access limit: no licence or purpose."""


NON_RESTRICTION = re.compile(
    r"\b(?:nothing in|no (?:provision|term) of) (?:this|these|the) (?:terms|agreement|section)\b"
    r"[^.;]{0,40}?\b(?:shall |will |is intended to |may )?(?:restrict|limit|prevent)s?\b|"
    r"\b(?:this|these|the) (?:terms|agreement) (?:do|does|shall|will)(?: not|n't) "
    r"(?:restrict|limit|prevent)\b"
)
"""A clause saying the terms leave the vendor's other rights to the content untouched
("Nothing in these Terms restricts other rights we may have to User Content"): whatever
licence the terms grant, the vendor's use is not bounded by it."""
VENDOR_RIGHTS = re.compile(
    r"\brights? (?:that )?(?:we|\w+) (?:may )?(?:have|has|hold|holds)\b|"
    r"\b(?:access to|use of)\b[^.;]{0,80}\bby (?:us|\w+)\b"
)
CONTENTS_OF = re.compile(r"\b(?:access to|use of) (?:or (?:use of|access to) )?the contents? of\b")
LEAD_IN = re.compile(
    r"\bpurposes?(?: (?:of|for|as follows))?:$|"
    r"\bfor the following (?:purposes|reasons|uses)\b[^:]{0,40}:$"
)
"""A lead-in naming the purposes it lists: "for the limited purpose of:", "for the following
purposes:"."""
TABLE_PURPOSE = re.compile(
    # the whole word before the look-ahead: "improv\w+" would give back a letter to pass it
    rf"\bimprov(?:e|es|ed|ing|ement|ements)\b{SECURITY_ONLY}|"
    r"\b(?:research|develop\w*)\b|"
    r"\bnew (?:features|products|technologies|services)\b"
)


def _non_restriction(text: str) -> Hit | None:
    """``any_purpose`` for a clause leaving the vendor's own rights to the content unrestricted;
    not for one leaving the customer's rights ("nothing in these terms limits your rights")."""
    found = NON_RESTRICTION.search(text)
    if found is None:
        return None
    after = text[found.end() : found.end() + 200]
    if re.match(r" (?:your|you|the customer'?s?|either party|any rights you)\b", after):
        return None
    content = CONTENT.search(after) or LICENSED.search(after) or CONTENTS_OF.search(after)
    if content is None or VENDOR_RIGHTS.search(after) is None:
        return None
    return Hit("content_license_scope", "any_purpose", 0.7, span(found), 1, cue="not restricted")


def _purpose_table(s: Sentence) -> bool:
    """Whether ``s`` is a row of a table of purposes (and the data used for each)."""
    if s.unit.kind != "row" or len(s.unit.cells) < 2:
        return False
    return "purpose" in " ".join((*s.unit.header, s.unit.lead[-200:]))


def _purpose_row(s: Sentence) -> Hit | None:
    """A row of a table of purposes and the data used for each: a purpose of improving,
    developing or researching in one cell and the customer's content in another."""
    if not _purpose_table(s):
        return None  # a summary table, not one of purposes
    cells = [s.low[a:b] for a, b in s.unit.cells if b <= len(s.low)]
    purpose = next((c for c in cells if TABLE_PURPOSE.search(c)), None)
    if purpose is None or NOT_LICENSE.search(s.low):
        return None
    if not any(CONTENT.search(c) or LICENSED.search(c) for c in cells if c is not purpose):
        return None
    found = TABLE_PURPOSE.search(s.low)
    return Hit(
        "content_license_scope",
        "service_and_improvement",
        0.7,
        span(found),
        1,
        cue="purpose table row",
    )


def _lead_in(s: Sentence, content: re.Match[str] | None) -> Hit | None:
    """A licence or a use of content whose purposes are listed below it ("This licence is for
    the limited purpose of:", "We may use Customer Content to:"): the sentence itself names
    none, and the items may include improvement, so it settles nothing (``undisclosed``)."""
    text = s.low
    if not (LEAD_IN.search(text) or CONTENT_LEAD.search(text)) or s.unit.kind == "row":
        return None
    if _in_purpose_list(s):
        return None  # a sub-list of a purpose: its purposes are that item's
    licence = re.search(r"\b(?:this|the|such) licen[cs]e\b|\blicen[cs]e (?:to|for)\b", text)
    if licence and near_negation(text, licence.end() + 20, 20):
        return None  # "This licence doesn't cover:"
    use = re.search(r"\b(?:use[sd]?|process(?:es|ed)?|access(?:es|ed)?|analy[sz]e)\b", text)
    if licence is None and (content is None or use is None):
        return None
    if SERVICE_PURPOSE.search(text) or IMPROVEMENT.search(text) or NOT_LICENSE.search(text):
        return None  # the sentence names purposes of its own: read it as a whole
    return Hit(
        "content_license_scope",
        "undisclosed",
        0.7,
        span(licence or use),
        1,
        cue="purposes listed below",
    )


def _in_purpose_list(s: Sentence) -> bool:
    """Whether ``s`` is an item of a list of a licence's or a content use's purposes."""
    lead = s.unit.lead[-200:]
    return s.unit.kind == "item" and bool(PURPOSE_LEAD.search(lead) or CONTENT_LEAD.search(lead))


def detect(s: Sentence) -> list[Hit]:
    """The purposes for which the customer lets the vendor use its content."""
    text = s.low
    if not_a_statement(s) or POINTER.search(text):
        return []
    shaped = _non_restriction(text) or _purpose_row(s)
    if shaped is not None:
        return [shaped]
    if _purpose_table(s):
        # one row states one purpose among the table's: unless it widens the use, it limits
        # nothing ("To improve the security of the Services | Content you provide")
        return []
    lead = s.unit.lead[-300:]
    processor = _processor(text) or _processor(lead)
    if _in_purpose_list(s) and not VENDOR_OWN.search(text):
        # an item of a list of purposes: improvement named here widens the licence or use
        named_improvement = re.search(
            r"\bimprov\w+|\bdevelop\w*|\bnew (?:features|products|technologies)\b", text
        )
        if named_improvement and not NOT_LICENSE.search(text):
            return [
                Hit(
                    "content_license_scope",
                    "service_and_improvement",
                    0.7,
                    span(named_improvement),
                    1,
                    cue="purpose list item",
                )
            ]
    if not LICENSE_WORDS.search(text) and not processor:
        return []
    around = context(s)
    content = (
        CONTENT.search(text)
        or LICENSED.search(text)
        or re.search(r"\b(?:user information|such content|this information)\b", text)
        or (re.search(r"\b(?:personal )?data\b", text) if processor else None)
        or (ENTRUSTED.search(text) if SERVICE_LIMIT.search(text) else None)
    )
    if SERVICE_DATA.search(text) and not (CONTENT.search(text) or LICENSED.search(text)):
        return []
    if VENDOR_GRANT.search(text) is None and (listed := _lead_in(s, content)) is not None:
        return [listed]
    if VENDOR_GRANT.search(text) or WARRANTY.search(text) or "confidential information" in text:
        return []
    own = VENDOR_OWN.search(text)
    if own and not (
        NAMED_CONTENT.search(text) or (own.group() == "feedback" and LICENSED.search(text))
    ):
        # feedback beside "your Content" ("collect feedback and analyze your Content to
        # improve"): the content is licensed too; a brand or logo in the content is not
        return []
    if NOT_LICENSE.search(text) or NOT_A_LICENCE.search(text) or OTHER_GRANTEE.search(text):
        return []
    grant = GRANT.search(text) or GRANTED_RIGHTS.search(text) or _authorised(text)
    extension = EXTENSION.search(text)
    improving = IMPROVING_USE.search(text)
    if improving and re.search(
        r"\b(?:train\w*|models?|machine learning|artificial intelligence)\b", text
    ):
        improving = None  # improving models is the training facts' business
    if grant and PERMISSION_ONLY.search(text) and not re.search(r"\blicen[cs]e\b", text):
        grant = None
    limit = USE_LIMIT.search(text) or SERVICE_NEED.search(text) or processor
    if limit and BARE_LIMIT.fullmatch(limit.group().strip()) and not NAMES_PURPOSE.search(text):
        # "we only process customer data where you consent", "only store your files in the
        # EU": a limit of when or where, not of what for
        limit = None
    passive = PASSIVE_USE.search(text)
    about_use = LICENSE_HEADING.search(around) or LICENSE_HEADING.search(text)
    verbs = USE_VERBS.search(text) if about_use and content else None
    if verbs and near_negation(text, verbs.end(), 30):
        verbs = None  # "will not use ... to train": a restriction, not a grant
    trigger = grant or limit or passive or verbs or extension or improving
    if trigger is None:
        return []
    if content is None and extension is not None:
        # "This licence is solely for the purpose of ...": a licence granted before, whose
        # content this sentence does not name; read as a widening of it (only improvement
        # named here settles a value)
        trigger = extension
    if content is None and not about_use and trigger is not extension:
        return []
    confidence = 0.85 if (grant or limit) and content else 0.7
    unlimited = ANY_PURPOSE.search(text)
    if unlimited and not near_negation(text, unlimited.start(), 60):
        # "for any purpose" widens; "nor use them for any purpose" forbids
        return [Hit("content_license_scope", "any_purpose", confidence, span(trigger), 1)]
    if limit and _refers_elsewhere(limit.group(), text[limit.end() : limit.end() + 160]):
        # "will only use Customer Content in accordance with this Agreement", "will process
        # personal data as the Processor as specified in the DPA": the purposes are the other
        # document's, whatever else the sentence goes on to say; nothing here bears on them
        return []
    restricted = trigger is improving and near_negation(text, trigger.start() + 1, 40)
    value, focus = _scope(text, trigger, limit or passive, trigger in (extension, improving))
    if restricted:
        # "we will not otherwise use your contents to improve the Service": a restriction,
        # whose scope is what the rest of the terms allow
        value, focus = "undisclosed", span(trigger)
    hit = Hit("content_license_scope", value, confidence, focus, 1, cue="use of content")
    return [guard(hit, text)]


BARE_LIMIT = re.compile(r"(?:(?:will|shall|may|can) ?)?only (?:access|process|use|collect|store)")
"""A limit whose words name no purpose: what it limits the use to follows it, if anything."""
NAMES_PURPOSE = rx(
    SERVICE_PURPOSE.pattern,
    IMPROVEMENT.pattern,
    r"\bpurposes?\b|\binstructions?\b|\bprocessor\b|\bpermitted uses?\b",
    r"\b(?:necessary|needed|required) (?:for|to)\b",
)
OTHER_PURPOSES = rx(
    # "to provide the Services and for the other purposes described in our Privacy Policy",
    # "and for Provider's business purposes": a purpose besides the service
    r"\b(?:and|or|as well as) (?:for |to )?(?:the |its |our |their |\w+'s )?(?:other|own|"
    r"business|internal|commercial|legitimate|additional|further|related)\b[^.;]{0,40}?"
    r"\bpurposes?\b",
    r"\b(?:and|or) (?:as |for the purposes )?(?:described|set (?:out|forth)|specified|listed|"
    r"permitted) (?:in|by|under)\b",
)
"""A purpose named beside the service's: the use is not limited to the service."""


def _scope(
    text: str, trigger: re.Match[str], limit: re.Match[str] | None, indirect: bool
) -> tuple[str, tuple[int, int] | None]:
    """The licence scope a sentence states at ``trigger``, with the words deciding it.

    ``limit`` is its purpose limit ("only to provide"), if any; ``indirect`` says the trigger
    only widens a licence granted elsewhere or states a use, not a licence of its own."""
    improvement = next(
        (m for m in IMPROVEMENT.finditer(text) if not _denied_purpose(text, m)), None
    )
    if improvement and not re.search(r"\btechnical purposes\b", text[: improvement.start()]):
        return "service_and_improvement", span(trigger, improvement)
    if indirect:
        # widening a licence stated elsewhere, or a use naming no improvement: not settled here
        return "undisclosed", span(trigger)
    service = _service_purpose(text)
    if not limit and not service and BROAD_GRANT.search(text):
        # a perpetual or sublicensable licence naming no purpose: nothing limits it
        return "any_purpose", span(trigger)
    if not limit and not service:
        # a grant naming no purpose at all: its scope is settled elsewhere, if anywhere
        return "undisclosed", span(trigger)
    if ELSEWHERE.search(text) and not service:
        return "undisclosed", span(trigger)
    if not service and limit is not None and OTHER_USES_DENIED.match(limit.group()):
        # "we will not use your content for any other purpose": other than what is not said
        return "undisclosed", span(trigger)
    if (
        not service
        and limit is not None
        and BARE_LIMIT.fullmatch(limit.group().strip())
        and IMPROVEMENT.search(text)
    ):
        # "we only use metadata, not your content, to improve our models": an "only" whose
        # one purpose is an improvement denied for the content limits nothing to the service
        return "undisclosed", span(trigger)
    if OTHER_PURPOSES.search(text, service.end() if service else 0):
        return "undisclosed", span(trigger)
    if service is not None and _extra_purpose(text, service):
        return "undisclosed", span(trigger)
    if BEYOND_THE_SERVICE.search(text, service.start() if service else 0):
        return "undisclosed", span(trigger)
    if passed_on(text):
        # "... only to provide the Services and may share it with our partners": the partners'
        # use is not limited to the service
        return "undisclosed", span(trigger)
    return "service_only", span(trigger)


VENDOR_POSSESSIVE = r"(?!(?:customer|client|user|licensee|subscriber|member)'s)[a-z]+'s"
"""A name in the possessive that is not the customer's ("Acme's", not "Customer's"): the
customer's business or affiliates are whom the service is for."""
BEYOND_THE_SERVICE = rx(
    # the business served, not the service: "to operate our business", "in connection with
    # the operation of our business"
    rf"\b(?:our|its|their|the company'?s|{VENDOR_POSSESSIVE}) (?:own |wider |general |overall )?"
    r"business(?:es| operations)?\b(?! (?:days?|hours?|contact|associates?)\b)",
    # other services than the one the content is in: "and other Acme services", "related
    # services", "any of our products"
    r"\b(?:other|related|affiliated|additional|future|any of our|all of our|our other)"
    r" (?:[\w-]+ )?(?:services|products|offerings|apps|applications|platforms|brands)\b",
    # what the vendor may add later: "and any features we may add in the future", "including
    # future functionality": the licence reaches what the customer cannot read today
    r"\bfuture (?:[\w-]+ )?(?:features?|functionalit(?:y|ies)|capabilit(?:y|ies)|tools?|"
    r"versions?|releases?|uses?|purposes?|technolog(?:y|ies))\b",
    r"\b(?:features?|functionalit(?:y|ies)|capabilit(?:y|ies)|tools?|services?|products?|"
    r"offerings?|technolog(?:y|ies)|uses?|purposes?) (?:that |which )?(?:we|it|\w+) (?:may|might|"
    r"will|could)(?: (?:later|subsequently|in the future|choose to|decide to))? (?:add|introduce|"
    r"launch|develop|create|offer|release|provide|build|roll out|implement|adopt|make "
    r"available)\w*\b",
    # someone else's services: "to enable our partners to offer their services"
    r"\b(?:their|partners'?|third[- ]part(?:y|ies)'?s?) (?:own )?(?:services|products|"
    r"offerings)\b",
    # the use of others, or the vendor's own: "for our affiliates", "for their own use"
    rf"\bfor (?:the benefit of )?(?:our|its|their|{VENDOR_POSSESSIVE}) affiliates\b|"
    r"\baffiliates'? (?:own )?(?:purposes|uses?|products|services)\b",
    r"\bfor (?:their|its|our|partners'?|third parties'?) own (?:\w+ )?(?:use|uses|purposes?|"
    r"benefit)\b",
)
"""The service a purpose names when it is more than the one the customer uses: the vendor's
business at large, its other products, what it may add later, or others' services."""


EXTRA_PURPOSE = re.compile(
    r"(?:,|\band\b|\bor\b|\bas well as\b|\bplus\b)\s+(?:also\s+)?(?:in order\s+)?(?:to|for)\s+"
    r"(?P<what>[^,;:.()]{1,80})"
)
"""A purpose joined to the service's ("to provide the Services and to personalise your
experience", "..., and for product optimisation")."""
SERVICE_WORDS = re.compile(
    r"\b(?:provi\w*|operat\w*|host\w*|deliver\w*|perform\w*|run\w*|maintain\w*|support\w*|"
    r"secur\w*|protect\w*|enabl\w*|fix\w*|troubleshoot\w*|prevent\w*|detect\w*|investigat\w*|"
    r"compl(?:y|ying|iance)|meet\w*|fulfil\w*|enforc\w*|exercis\w*|respond\w*|render\w*|"
    r"display\w*|stor(?:e|es|ed|ing|age)|back(?:ing)? ?up|bill\w*|transmit\w*|carry\w*|"
    r"process(?:es|ed|ing)?|administ\w*|communicat\w*|notify\w*|law|legal\w*|obligations?)\b"
)
"""Words of what serving the customer takes (running it, securing it, billing, complying with
the law): a purpose joined with them is still the service's."""
NOT_A_PURPOSE = re.compile(
    r"(?:no|nothing|none|any purpose other|(?:that|this|these|those|such) purposes?|"
    r"the (?:duration|term|period|life|length)|as long|so long|a (?:period|term)|free|"
    r"the benefit)\b|"
    r"(?:you|(?:the |our |other |its |their |your )?(?:users?|customers?|recipients?|end users?|"
    r"members?))\s*$"
)
"""What follows "and for" without naming a further purpose: "for no other purpose" restricts,
"for the duration of" says how long, "and for other users" says whom the service is for."""


def _extra_purpose(text: str, service: re.Match[str]) -> bool:
    """Whether a purpose that is not the service's is joined to the ``service`` purpose, in its
    clause: a licence "to provide the Services and to create aggregated statistics" is not
    limited to the service, whatever the second purpose turns out to be."""
    start = service.end()
    end = min((m.start() for m in re.finditer(r";|\. ", text[start:])), default=len(text) - start)
    for found in EXTRA_PURPOSE.finditer(text, start, start + end):
        what = found["what"]
        if NOT_A_PURPOSE.match(what) or SERVICE_WORDS.search(what):
            continue
        return True
    if OTHERWISE.search(text, start, start + end):
        return True
    # verbs joined to a verb ("to provide and personalise"), not to a noun ("of security and
    # technical issues")
    verb = service.group().startswith("to ") or service.group().endswith("ing")
    return verb and _joined_verb(text, start)


OTHERWISE = re.compile(r"\b(?:and|or) otherwise\b(?! (?:as )?(?:required|compelled|mandated)\b)")
"""A use "and otherwise" than to provide the service: in the business at large."""
JOINED_VERB = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or)\s+)(?P<verb>[a-z]+)")


def _joined_verb(text: str, start: int) -> bool:
    """Whether a verb joined to the service's after ``start`` names something else done
    ("to provide and personalise the Services", "to provide, host and analyse"): the verbs up
    to the object ("the Services"), each one of serving the customer or not."""
    at = start
    while found := JOINED_VERB.match(text, at):
        verb = found["verb"]
        if verb in ("to", "for", "in", "as", "the", "our", "its", "your", "we", "it", "you"):
            return False  # a purpose, a reference or a clause of its own: read as such
        if not SERVICE_WORDS.fullmatch(verb):
            return True
        at = found.end()
    return False


GRANTED_ACTS = re.compile(
    r"\b(?:licen[cs]es?|rights?|permission|authori[sz]e[sd]? (?:\w+ ){1,2}?)(?: \([^)]*\))?\s*$"
)
"""The words that open a licence's list of acts ("a licence to host, copy and display"): a
service verb right after them is what may be done with the content, not what for."""


def _service_purpose(text: str) -> re.Match[str] | None:
    """The first service purpose in ``text`` that is not the first act a licence lists ("a
    licence to host, use and copy your content" names no purpose)."""
    for found in SERVICE_PURPOSE.finditer(text):
        if found.group().startswith("to ") and GRANTED_ACTS.search(text[: found.start()]):
            continue
        return found
    return None


def _denied_purpose(text: str, found: re.Match[str]) -> bool:
    """Whether ``found`` names a purpose beyond the service that its clause denies ("... and
    will not use it to train our AI models", "we will not use your content for advertising"):
    a purpose excluded, not one the licence covers. Not one named after an exception to the
    denial ("we do not use it except to provide and improve the Services"), nor one an
    exception after it lets in again, which it allows."""
    clause = re.split(
        r";|\bbut\b|, and (?:we|it)\b|\. |\bexcept\b|\bother than\b|\bunless\b|\bsave\b|"
        r"\bapart from\b|\bbeyond\b|\bonly\b",
        text[: found.start()],
    )[-1]
    after = re.split(r";|\bbut\b|\. ", text[found.end() :])[0]
    if re.search(r"\b(?:except|other than|unless|save|apart from)\b", after):
        return False  # "not for advertising except as needed to provide the Service": allowed
    return near_negation(clause, len(clause), 60)


def _refers_elsewhere(limit: str, after: str) -> bool:
    """Whether a use limit names its purposes only by reference ("only ... in accordance with
    this Agreement"), with no service purpose in it or before the reference."""
    reference = REFERENCE.search(after)
    return reference is not None and not SERVICE_PURPOSE.search(limit + after[: reference.start()])
