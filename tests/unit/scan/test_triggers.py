"""A detector's trigger (the pieces of text its rule needs) never turns away a sentence the rule
finds something in: every rule is run on every sentence of the tune documents, trigger or not,
and each sentence it finds something in must be one its trigger admits. A cue added to a rule
without its piece in the trigger fails here, or in the cue's own test (the sentence is never
read). Only tune documents are read: held-out ones stay unseen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.support.cli import REPO
from vendorgate.scan.detectors import DETECTORS, Trigger
from vendorgate.scan.document import html_view, sentences
from vendorgate.scan.scanner import _is_html

LABELS = REPO / "tests" / "scan_labels"


def _tune_documents() -> list[str]:
    found: list[str] = []
    for path in sorted(LABELS.glob("*.yaml")):
        labelled = yaml.safe_load(path.read_text(encoding="utf-8"))
        if labelled["split"] == "tune":
            found.append(labelled["document"])
    return found


@pytest.mark.parametrize("document", _tune_documents())
def test_a_trigger_admits_every_sentence_its_rule_finds_something_in(document: str) -> None:
    text = Path(REPO / document).read_text(encoding="utf-8")
    view = html_view(text) if _is_html(text) else text  # as scan_text reads it
    missed = [
        f"{detector.ID}: {s.text[:120]!r}"
        for s in sentences(view)
        for detector in DETECTORS
        if not detector.TRIGGER.admits(s) and detector.detect(s)
    ]
    assert not missed, "add a piece of these sentences to the detector's TRIGGER:\n" + "\n".join(
        missed
    )


def test_a_trigger_looks_for_plain_pieces_of_the_lower_case_sentence() -> None:
    trigger = Trigger("crypt|at rest|u.s.")
    assert trigger.admits(sentences("Files are Encrypted.")[0])
    assert trigger.admits(sentences("Backups are kept at rest in the U.S. region.")[0])
    # plain text, not a pattern: the dot is a dot, and "atrest" is not "at rest"
    assert not trigger.admits(sentences("Kept atrest in the US region.")[0])
    assert not trigger.admits(sentences("We keep your files.")[0])


def test_a_trigger_pattern_context_and_kinds_admit_more() -> None:
    trigger = Trigger("crypt", pattern=re.compile(r"\bstored\b"), context="sub-processors")
    assert trigger.admits(sentences("Your files are stored in Ireland.")[0])
    assert not trigger.admits(sentences("Your files are restored on request.")[0])
    listed = "Our sub-processors are:\n\n- Acme Hosting Ltd, hosting\n"
    item = next(s for s in sentences(listed) if s.unit.kind == "item")
    assert trigger.admits(item)
    rows = "| Name | Location |\n| --- | --- |\n| Acme | Ireland |\n"
    row = next(s for s in sentences(rows) if s.unit.kind == "row")
    assert not Trigger("crypt").admits(row)
    assert Trigger("crypt", kinds=frozenset({"row"})).admits(row)
