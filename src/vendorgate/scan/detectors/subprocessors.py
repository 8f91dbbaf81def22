"""Passages that name sub-processors or say the vendor uses them."""

from __future__ import annotations

import re

from vendorgate.scan.detectors.cues import rx, span
from vendorgate.scan.detectors.hit import Hit
from vendorgate.scan.document import Sentence

ID = "subprocessors"
FACTS: tuple[str, ...] = ("subprocessors",)


SUBPROCESSOR = re.compile(
    r"\bsub-? ?processors?\b|\bsub-?contractors?\b|\bthird[- ]party (?:service )?providers?\b|"
    r"\bservice providers?\b|\bvendors\b"
)
SUBPROCESSOR_USE = rx(
    r"\b(?:use|uses|engage|engages|appoint|contract|contracts|employ|employs|rely on|include|"
    r"continue to use|work with)\b[^.;]{0,80}?\b(?:sub-? ?processors?|sub-?contractors?|"
    r"third[- ]party (?:service )?providers?|service providers?)",
    r"\bauthori[sz]\w*\b[^.;]{0,40}\bto (?:appoint|engage|use)\b[^.;]{0,30}\bsub-? ?processors?",
    r"\bgeneral authori[sz]ation for the engagement of sub-? ?processors\b",
    r"\blist of sub-? ?processors\b|\bsub-? ?processors? list\b|\bour sub-? ?processors\b",
    r"\bthe following (?:sub-? ?processors|sub-?contractors|third[- ]party (?:service )?providers)",
    r"\bthird[- ]party providers?\b[^.;]{0,20}\b(?:send|sending|process|processing|help|"
    r"provide|providing)\b",
    r"\bwork with third parties to provide\b",
    r"\bengage third parties\b",
    r"\bshare\w*\b[^.;]{0,60}\bwith (?:our |these |its |trusted )?(?:third[- ]party )?"
    r"(?:service providers|vendors|sub-? ?processors|processors)\b",
    r"\b(?:using|use|uses) third parties\b[^.;]{0,40}\b(?:to|for)\b",
    r"\b(?:companies|third parties|providers|vendors) (?:who|that) (?:provide|perform) "
    r"services (?:to us|on our behalf)",
    r"\b(?:our|important|authori[sz]ed) sub-? ?processors\b",
    r"\bthe following (?:third[- ]party )?(?:service )?providers?\(s\)",
    # others doing the work for the vendor: "companies and individuals to perform functions on
    # our behalf", "third-party agents process personal data on our behalf"
    r"\b(?:employ|engage|use|hire|retain)\w*\b[^.;]{0,60}\b(?:companies|individuals|third "
    r"parties|contractors|agents)\b[^.;]{0,60}\bon (?:our|its) behalf\b",
    r"\b(?:contractors|agents|processors)\b[^.;]{0,20}\b(?:process|handle)\w*\b[^.;]{0,60}"
    r"\bon (?:our|its) behalf\b",
    r"\bour (?:contractors|sub-?contractors)\b",
    r"\b(?:use|uses|using|engage|engages|work with)\b[^.;]{0,40}\b(?:analytics|hosting|payment|"
    r"cloud|infrastructure|e-?mail|storage|data centre|data center) (?:service )?providers?\b",
    r"\b(?:using|through|via) third parties\b",
)
NOT_SUBPROCESSOR = rx(
    r"\bresponsib\w+ for the acts\b",
    r"\bliab\w+\b",
    r"\bpersonnel\b",
    r"\bonward transfer\b",
    r"\bmeans\b",
    r"\bis a sub-? ?processor\b|\bacts as (?:a |customer )?sub-? ?processor\b",
    r"\btransfers? (?:of personal data )?to (?:a )?sub-? ?processors?\b",
    r"\bthird[- ]party (?:services|applications|offerings|websites|integrations)\b",
    r"\bproviders? of (?:offerings|third)\b",
    r"\buse of sub-? ?processors\b",
    r"\bobjection",
)
SUBPROCESSOR_WORDS = re.compile(
    r"processor|contractor|provider|vendor|third part|share|on (?:our|its) behalf"
)
SHARES_WITH_NAMED = re.compile(
    r"\bshare[sd]?\b[^.;]{0,60}\b(?:data|information|content)\b[^.;]{0,20}\bwith "
    r"(?!You\b|Your\b|Customers?\b|Third\b|Other\b|Users?\b)([A-Z][A-Za-z]+)"
)
PROVIDER_LEAD = re.compile(
    r"(?:following|these)[^.;]{0,40}(?:sub-? ?processors|sub-?contractors|providers)|"
    r"service providers|sub-? ?processors"
)


def detect(s: Sentence) -> list[Hit]:
    """Passages that name sub-processors or say the vendor uses them."""
    text = s.low
    local = s.unit.local
    plain = s.unit.kind == "paragraph" and not s.unit.lead and not local
    if plain and not SUBPROCESSOR_WORDS.search(text):
        return []
    if NOT_SUBPROCESSOR.search(text) and not SUBPROCESSOR_USE.search(text):
        return []
    use = SUBPROCESSOR_USE.search(text)
    if use and not NOT_SUBPROCESSOR.search(text):
        return [Hit("subprocessors", None, 0.8, span(use), 1, cue="sub-processors")]
    if local and SUBPROCESSOR.search(local) and not NOT_SUBPROCESSOR.search(local):
        return [Hit("subprocessors", None, 0.7, None, 1, cue="under a sub-processor lead-in")]
    named = SHARES_WITH_NAMED.search(s.text)
    if named:
        return [Hit("subprocessors", None, 0.65, (named.start(1), named.end(1)), 1)]
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
    lead = s.unit.parent or lead
    if not PROVIDER_LEAD.search(lead) or NOT_SUBPROCESSOR.search(lead):
        return False
    if s.unit.kind == "paragraph":
        # a line of a table archived without pipes; its column header line is not an entry
        return len(s.text.split()) >= 3 and not s.text.lower().startswith("name ")
    return len(s.text) <= 160
