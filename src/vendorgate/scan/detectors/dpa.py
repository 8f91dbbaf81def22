"""Whether a data processing agreement applies or is offered."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import named, near_negation, rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "dpa"
FACTS: tuple[str, ...] = ("dpa_available",)
TRIGGER = Trigger("dpa|addendum|agreement|terms|exhibit|schedule")


DPA_SPELLED = re.compile(
    r"\bdata (?:processing|protection|processor) (?:addendum|agreement)\b|\bprocessing addendum\b|"
    r"\bdata (?:processing|protection) (?:terms|exhibit|schedule)\b"
)
_NAMED_DPA = (
    r"(?:the|our|this|that|a|an|its|their|applicable|signed|executed|separate|[a-z]+'s) dpa\b"
)
_OTHER_DPA = r"(?:the|our|that|a|an|its|their|applicable|signed|executed|separate|[a-z]+'s) dpa\b"
DPA_SHORT = rx(
    # the abbreviation, where the sentence says the agreement applies, is offered or binds:
    # "the DPA applies", "this DPA forms part of", "sign our DPA", "in accordance with the DPA";
    # not "section 12 of this DPA applies", nor a DPA's own "under this DPA" cross-references
    r"(?<!of )(?<!in )(?<!to )\b" + _NAMED_DPA + r"\)?\"?,? (?:(?:also|hereby|shall|will) )*"
    r"(?:appl(?:y|ies)|govern|governs|forms? (?:a |an integral )?part|"
    r"(?:is|are|be) (?:hereby )?incorporated|(?:is|are) available|becomes?|(?:is|are) entered into|"
    r"and the annexes are entered)\b",
    r"\b(?:sign|execute|offer|provide|make available|enter into|request|comply with|"
    r"in accordance with|subject to|"
    r"incorporat\w+|includes?|including|review|accept|agree to|object of)\b[^.;]{0,30}\b"
    + _OTHER_DPA,
    r"\bobject of this dpa\b",
    r"^\"?dpa\"? means\b",
)
DATA_PROTECTION_AUTHORITY = re.compile(
    r"\bcomplain\w*|\blodge\b|\bsupervisory\b|\bauthorit(?:y|ies)\b|\bregulators?\b|"
    r"\b(?:local|competent|national|lead|relevant|your) dpa\b|\bdpa (?:in|of) (?:your|the) "
    r"(?:country|jurisdiction|member state)\b"
)
"""In a privacy policy "DPA" is as often the data protection authority one complains to."""
POINTER_LEAD = re.compile(
    r"(?:please )?(?:see|refer to)\b|(?:for )?(?:further|more|additional) (?:information|details)\b"
)
"""A sentence sending the reader to the DPA ("See Section 5 of the DPA", "Further information
... is set out in the DPA"): where it is, not that it applies."""
NOT_ABOUT_THE_DPA = rx(
    # the DPA named only as where a term is defined, or a term defined by reference to it
    r"\bas (?:that term is |those terms are |such terms are )?defined (?:in|under|by)\b",
    r"\bha(?:s|ve) the (?:same )?meanings? (?:given|set (?:forth|out)|ascribed|assigned)\b",
    r"\bdefinition of\b[^.;]{0,80}\bin (?:the|our|this)\b",
    # amending it, ranking it among other documents, or listing it in a termination clause
    r"\b(?:updat\w*|amend\w*|modif\w*|variation|chang(?:e|es|ing))\b",
    r"\border of (?:decreasing |increasing )?precedence\b|\bin the following order\b",
    r"\(including [^)]*\bdata processing (?:addendum|agreement)\b[^)]*\)",
    # the customer's warranty, not the vendor's commitment
    r"\byou (?:warrant|represent|undertake)\b",
)
"""Mentions of a DPA that say nothing about it applying to or being offered for the data."""
OTHER_TERM_DEFINED = re.compile(r'^(?:\(?[a-z0-9]{1,4}\)\s*)?"?(?P<term>[^".]{1,60}?)"? means\b')
CHANGES_HEADING = re.compile(r"\bupdates?\b|\bchanges\b|\bmodifications?\b|\bamendments?\b")
ON_REQUEST = rx(
    r"\bupon (?:[\w-]+'s |your |written )*request\b|\bon request\b|"
    r"\bcontact us to (?:request|obtain|sign)",
    r"\b(?:request|ask for|ask us for)\b[^.;]{0,20}\b(?:a|our|the) (?:copy of (?:the|our) )?"
    r"(?:dpa|data (?:processing|protection) (?:addendum|agreement))\b",
    # the request in the passive: "a copy of our DPA can be requested from our legal team"
    # (not "a copy of which can be obtained at" a public address: that is no request)
    r"\b(?:can|may|must|should|is to) be requested\b|"
    r"\b(?:can|may) be obtained (?:by|on|upon|through) (?:request|contact\w*|e-?mail\w*|"
    r"writing|asking)\b|"
    r"\b(?:available|provided|supplied|sent) (?:to customers |to you )?(?:by|after|following) "
    r"(?:a |your |written )*request\b",
    # only where one has been signed: "if you have entered into a DPA with us"
    r"\b(?:if|where|when|to the extent)\b[^,;]{0,40}\b(?:have|has) "
    r"(?:signed|executed|entered into)\b",
    r"\b(?:if|where|when)\b[^,;]{0,20}\b(?:a|the|an applicable) (?:dpa|data processing (?:addendum|"
    r"agreement)) (?:has been|is) (?:signed|executed|entered into|in place)\b",
)
"""A DPA the customer has to ask for or has to have signed: not one that already applies."""


def detect(s: Sentence) -> list[Hit]:
    """Whether a data processing agreement applies or is offered."""
    text = s.low
    if not re.search(r"dpa|addendum|agreement|terms|exhibit|schedule", text):
        return []
    cue = DPA_SPELLED.search(text)
    if cue is None:
        cue = DPA_SHORT.search(text)
        if cue is None or DATA_PROTECTION_AUTHORITY.search(text):
            return []
    if POINTER_LEAD.match(text):
        return []  # a pointer to the DPA, not a statement that it applies
    context = " ".join((s.unit.local, s.unit.lead))
    if NOT_ABOUT_THE_DPA.search(text) or re.search(r"\bupdat\w*|\bamend\w*", context):
        return []
    if CHANGES_HEADING.search(s.heading) and len(s.heading) <= 40:
        return []
    if len(text.split()) <= 7 and not re.search(
        r"\b(?:is|are|appl(?:y|ies)|governs?|sign)\b", text
    ):
        # a title naming the DPA ("(d) To the Data Processing Addendum."), not a statement
        return []
    defined = OTHER_TERM_DEFINED.match(text)
    if defined and not re.search(r"\bdpa\b|data process", defined["term"]):
        return []
    if near_negation(text, cue.start(), 30):
        return [Hit("dpa_available", "not_available", 0.7, span(cue), 1)]
    if asked := ON_REQUEST.search(text):
        return [
            Hit("dpa_available", "on_request", 0.75, span(cue), 1, cue=named("on request", asked))
        ]
    return [Hit("dpa_available", "available", 0.8, span(cue), 1, cue="DPA")]
