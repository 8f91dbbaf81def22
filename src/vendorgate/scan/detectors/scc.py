"""Whether the standard contractual clauses are offered for transfers."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import near_negation, rx, span
from vendorgate.scan.detectors.hit import Hit, Trigger
from vendorgate.scan.document import Sentence

ID = "scc"
FACTS: tuple[str, ...] = ("scc_available",)
TRIGGER = Trigger(
    # SCC, in the sentence or in the lead-in of its paragraph
    "clauses|scc|international data transfer|idta|uk addendum",
    context="clauses|scc|international data transfer|idta|uk addendum",
)


SCC = re.compile(
    r"\bstandard (?:contractual|data protection) clauses\b|\bsccs?\b|"
    r"\bmodel (?:contract )?clauses\b|"
    # the UK's transfer mechanisms: the IDTA, and the addendum to the EU clauses
    r"\binternational data transfer (?:addendum|agreement)\b|\bidta\b|\buk addendum\b"
)
"""The clauses by name. The EU-U.S. Data Privacy Framework, binding corporate rules and
adequacy decisions are other transfer mechanisms, not the clauses."""
SCC_APPLIES = re.compile(
    r"\bin place\b|\bmaintain\w*|\busing\b|\bwe use\b|"
    r"\bincorporated\b|\bincorporating\b|\bappl(?:y|ies)\b|\bentered into\b|\bentering into\b|"
    r"\bconclude[ds]?\b|\bput in place\b|\bsafeguards? (?:are|is) taken\b|\bsupported by\b|"
    r"\bpursuant to\b|\brel(?:y|ies) on\b|\bsuch as\b|\bby entering\b|\bagree that\b|"
    # how vendors say a transfer rests on the clauses: "governed by", "on the basis of",
    # "we ensure ... the SCCs", "we offer / sign / execute the SCCs"
    r"\b(?:governed by|subject to|on the basis of|based on|protected by|under)"
    r" (?:[\w'-]+ ){0,4}(?:standard|model|sccs?|international data|idta|uk addendum)\b|"
    r"\bensur\w+|\boffer\w*|\bsign\w*|\bexecut\w+|\bimplement\w*|\bavailable\b|"
    # "we also use the SCCs", "an agreement which complies with the SCCs", "power of attorney to
    # enter into the SCCs", the clauses "adopted by" the Commission as the safeguard chosen
    r"\b(?:use|uses|used)\b|\bcompl(?:y|ies|ying) with\b|\benter into\b|\badopted by\b|"
    r"\bapproved by\b|"
    # a safeguards field of a processor entry: "Guarantees for international transfer: SCCs"
    r"\b(?:guarantees?|safeguards?|mechanisms?|transfer tools?)\b[^:.;]{0,40}:|"
    # a copy of the clauses to be had: they are in place
    r"\bcopy\b|"
    # the clauses made part of the contract, or the transfer resting on them: "our DPA includes
    # the SCCs", "attached as Annex 3", "the SCCs form part of", "covered by the UK Addendum",
    # "safeguarded by", "on the strength of"
    # (not the UK GDPR "as it forms part of the law of England")
    r"\binclud(?:e|es|ed|ing)\b|\battached\b|\bannexed\b|\bforms? (?:a |an integral )?part of "
    r"(?:this|the|our|these|its) (?:dpa|addendum|agreement|terms|contract|data)|"
    r"\b(?:covered|safeguarded|secured) by\b|\bon the strength of\b|\benter\b"
)
ON_REQUEST = re.compile(
    r"\bupon (?:[\w-]+'s |your |written )*request\b|\bon request\b|"
    r"\bcopy\b[^.;]{0,60}\b(?:request\w*|contact\w*)\b|"
    r"\b(?:request|contact\w*)\b[^.;]{0,40}\bcopy\b"
)
SCC_APPLIES_INHERITED = re.compile(r"\b(?:shall|will) apply\b|\bincorporated\b|\bentered into\b")
NOT_SCC = rx(
    r"\bmeans\b",
    r"\bshall govern\b|\bgoverning law\b",
    r"\bchoice of forum\b",
    r"\bwill terminate\b",
    r"\bthe version of\b",
    r"\baudit right\b",
    # how the clauses operate once in place: liability under them, precedence over the contract
    r"\bliab(?:le|ility)\b|\bderogat\w*|\bconflicts? with\b",
    r"\bpurpose of (?:the|this) (?:previous |preceding |following )?(?:paragraph|section|clause)\b",
    # a pointer to where the clauses are explained
    r"^(?:for )?(?:further|more|additional) (?:information|details)\b",
)
CLAUSE = re.compile(r"[,;:()]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|\bexcept\b|\bunless\b")
DENIED_AFTER = re.compile(
    r"^[^,;:]{0,20}?\b(?:(?:are|is|will be|were) not|(?:do|does|will) not|cannot|never)\b"
)


def detect(s: Sentence) -> list[Hit]:
    """Whether the standard contractual clauses are offered for transfers."""
    text = s.low
    cue = SCC.search(text)
    inherited = cue is None and s.unit.kind == "paragraph" and SCC.search(s.unit.lead)
    if (cue is None and not inherited) or NOT_SCC.search(text):
        return []
    applies = SCC_APPLIES.search(text)
    if cue is None and applies is not None and not SCC_APPLIES_INHERITED.search(text):
        applies = None  # under an SCC lead-in only an explicit "apply" or "incorporated" counts
    if applies is None:
        return []
    if cue is not None and _denied(text, cue):
        return [Hit("scc_available", "not_available", 0.7, span(cue), 1)]
    if cue is not None and ON_REQUEST.search(text):
        return [Hit("scc_available", "on_request", 0.7, span(cue), 1, cue="SCCs on request")]
    confidence = 0.8 if cue is not None else 0.65
    return [Hit("scc_available", "available", confidence, span(cue, applies), 1, cue="SCCs")]


def _denied(text: str, cue: re.Match[str]) -> bool:
    """Whether the clause naming the clauses denies them ("we do not rely on standard
    contractual clauses", "SCCs are not offered"), not a condition beside it ("where the Data
    Privacy Framework does not apply, we rely on the SCCs")."""
    before = CLAUSE.split(text[: cue.start()])[-1]
    after = CLAUSE.split(text[cue.end() :])[0]
    return near_negation(before, len(before), 40) or bool(DENIED_AFTER.search(after))
