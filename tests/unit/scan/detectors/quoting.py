"""Sentences for the detector tests, taken word for word from the shipped snapshots.

Every quote is checked against the document it names before the detector sees it, so a test
cannot drift into a sentence no vendor wrote.
"""

from __future__ import annotations

from tests.support.cli import REPO
from vendorgate.scan.detectors import Detector, Hit, HitValue, detect
from vendorgate.scan.document import Sentence, sentences

SNAPSHOTS = REPO / "snapshots"


def sentence(document: str, quote: str) -> Sentence:
    """``quote`` as one sentence, after checking it stands verbatim in ``snapshots/document``;
    an empty ``document`` marks a sentence copied from an existing test instead."""
    if document:
        text = (SNAPSHOTS / document).read_text(encoding="utf-8")
        assert quote in text, f"not verbatim in {document}: {quote!r}"
    found = sentences(quote)
    assert len(found) == 1, f"not one sentence: {[s.text for s in found]}"
    return found[0]


def hits(detector: Detector, document: str, quote: str) -> list[Hit]:
    """What ``detector`` finds in the quoted sentence on its own."""
    return detector.detect(sentence(document, quote))


def suggested(detector: Detector, document: str, quote: str) -> dict[str, HitValue]:
    """Fact -> suggested value for each hit on the quoted sentence."""
    return {hit.fact: hit.value for hit in hits(detector, document, quote)}


def written(text: str) -> dict[str, HitValue]:
    """Fact -> value the whole registry suggests for one sentence written for a test (not a
    quote: it stands in no snapshot), so the cues are tested on phrasings no vendor was
    tuned on. Going through the registry applies the rule on who is bound."""
    found = sentences(text)
    assert len(found) == 1, f"not one sentence: {[s.text for s in found]}"
    return {hit.fact: hit.value for hit in detect(found[0])}
