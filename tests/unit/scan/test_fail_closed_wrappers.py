"""Every value the scanner would let a rule pass on, read from the real sentences of the tune
documents, stops being suggested once the sentence is hedged, limited to one plan or given an
exception: whichever detector read it. The sentences are the labelled quotes (verbatim from
the snapshots); the wrapped versions are made here."""

from __future__ import annotations

import pytest
import yaml

from tests.support.cli import REPO
from vendorgate.scan.detectors import Hit, detect
from vendorgate.scan.detectors.cues import GUARD_CLAUSE, PERMISSIVE_VALUES
from vendorgate.scan.document import Sentence, sentences

LABELS = REPO / "tests" / "scan_labels"


def _single_clause_sentences() -> list[str]:
    """Tune label quotes that are one sentence of one clause (so a lead-in governs it all)."""
    quotes: list[str] = []
    for path in sorted(LABELS.glob("*.yaml")):
        labelled = yaml.safe_load(path.read_text(encoding="utf-8"))
        if labelled["split"] != "tune":
            continue
        for label in labelled["labels"]:
            found = sentences(label["quote"])
            if len(found) == 1 and not GUARD_CLAUSE.search(found[0].low):
                quotes.append(label["quote"])
    return quotes


def _passing(s: Sentence, *, deadlines: bool) -> list[Hit]:
    return [
        hit
        for hit in detect(s)
        if hit.value in PERMISSIVE_VALUES or (deadlines and isinstance(hit.value, int))
    ]


QUOTES = _single_clause_sentences()


@pytest.mark.parametrize(
    ("lead", "deadlines"),
    [
        ("As a rule, ", True),  # a hedge: a habit, not a promise
        ("To our knowledge, ", True),
        ("For Enterprise customers, ", False),  # one plan: the others stay open
        ("Except as described in our Enterprise terms, ", False),  # an exception
    ],
)
def test_a_wrapped_permissive_reading_is_never_suggested(lead: str, deadlines: bool) -> None:
    checked = 0
    for quote in QUOTES:
        plain = sentences(quote)[0]
        before = _passing(plain, deadlines=deadlines)
        if not before:
            continue
        wrapped = sentences(lead + quote[0].lower() + quote[1:])
        assert len(wrapped) == 1
        after = {hit.fact: hit.value for hit in detect(wrapped[0])}
        for hit in before:
            checked += 1
            assert after.get(hit.fact) not in PERMISSIVE_VALUES, (lead, quote, hit.fact)
            assert not isinstance(after.get(hit.fact), int), (lead, quote, hit.fact)
    # the tune documents hold about fifty such sentences: far fewer means the quotes were misread
    assert checked >= 40
