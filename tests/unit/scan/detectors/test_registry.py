"""The registry: every detector module listed once, its facts in the vocabulary, every scanned
fact covered by exactly one detector."""

from __future__ import annotations

import pkgutil
from collections import Counter

from tests.unit.scan.detectors.quoting import sentence
from vendorgate.core.vocabulary import FACTS_BY_NAME
from vendorgate.scan import detectors
from vendorgate.scan.detectors import DETECTORS, SCANNED_FACTS, detect

# modules of the package that hold shared pieces rather than a detector
NOT_DETECTORS = {"cues", "hit", "follow_ups"}


def test_every_detector_module_is_registered_once() -> None:
    modules = {m.name for m in pkgutil.iter_modules(detectors.__path__)} - NOT_DETECTORS
    registered = Counter(d.__name__.rsplit(".", 1)[-1] for d in DETECTORS)
    assert set(registered) == modules
    assert max(registered.values()) == 1


def test_each_detector_s_id_is_its_module_name() -> None:
    for detector in DETECTORS:
        assert detector.__name__.rsplit(".", 1)[-1] == detector.ID


def test_declared_facts_are_in_the_vocabulary_and_cover_the_scanned_facts_once() -> None:
    declared = Counter(fact for detector in DETECTORS for fact in detector.FACTS)
    assert set(declared) <= set(FACTS_BY_NAME)
    assert set(declared) == set(SCANNED_FACTS)
    assert max(declared.values()) == 1
    assert len(SCANNED_FACTS) == len(set(SCANNED_FACTS))


def test_detect_runs_every_detector_and_hits_only_declared_facts() -> None:
    quote = (
        "Zoom does not use any of your audio, video, chat, screen sharing, attachments or other "
        "communications-like Customer Content (such as poll results, whiteboard and reactions) "
        "to train Zoom or third-party artificial intelligence models."
    )
    found = detect(sentence("zoom/terms-of-service/2023-08-11.md", quote))
    assert {h.fact for h in found} >= {"ai_training_customer_content", "ai_training_third_party"}
    owners = {fact: d.ID for d in DETECTORS for fact in d.FACTS}
    assert all(h.fact in owners for h in found)
