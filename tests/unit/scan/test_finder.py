"""The learned clause finder: pointers are verbatim, stay clear of the rules' passages, never
touch a suggestion, come out the same every time, and the shipped model matches the labels.

Only `split: tune` documents are scanned here (chosen by ``split_of`` before a document is
read); the other sentences are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bench import train_finder
from bench.scan_quality import split_of

from tests.support.cli import REPO
from vendorgate.core.render import RenderOptions
from vendorgate.report.scan import POINTERS_HEADING, render_json, render_text
from vendorgate.scan import finder
from vendorgate.scan.document import sentences
from vendorgate.scan.finder import FactModel, Model, Pointer, point_sentences
from vendorgate.scan.scanner import ScanResult, scan_document, scan_text
from vendorgate.text.normalise import normalise

LABELS = REPO / "tests" / "scan_labels"


def _tune_documents() -> list[Path]:
    documents = []
    for path in sorted(LABELS.glob("*.yaml")):
        if split_of(path) != "tune":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        documents.append(REPO / data["document"])
    return documents


TUNE = _tune_documents()
SAMPLE = TUNE[::7]
"""A few tune documents of different vendors, to keep the tests fast."""

TEXT = """# Terms

## 4. Your data

We keep a ledger of widgets for you. Our staff may read the widget ledger to help you.

The weather in the office is usually mild.
"""
TOY = Model(
    {"toy_fact": FactModel(-2.0, {"w:widget": 1.5, "w:ledger": 1.5}, 0.5)},
    "0" * 64,
    {},
)
"""A hand-made model: a sentence naming a widget ledger reads as the toy fact."""


def test_the_toy_model_points_at_the_widget_sentences_only() -> None:
    pointers = point_sentences(TEXT, sentences(TEXT), (), using=TOY)
    assert [p.text for p in pointers] == [
        "We keep a ledger of widgets for you.",
        "Our staff may read the widget ledger to help you.",
    ]
    first = pointers[0]
    assert first.fact == "toy_fact" and first.section == "4" and first.heading == "Your data"
    assert first.line == TEXT[: first.start].count("\n") + 1
    assert TEXT[first.start : first.end] == first.quote
    assert first.words == ("ledger", "widgets")  # as written, not the stem
    assert 0.5 <= first.score <= 1


def test_a_rule_passage_of_the_same_fact_silences_the_pointer_there() -> None:
    (passage, *_) = [
        p for p in scan_text("We do not sell your personal information.") if p.fact
    ] or pytest.fail("the rules found no passage in the sale sentence")
    text = "We do not sell your personal information."
    sale = Model({passage.fact: FactModel(5.0, {}, 0.5), "other": FactModel(5.0, {}, 0.5)}, "", {})
    pointers = point_sentences(text, sentences(text), (passage,), using=sale)
    assert [p.fact for p in pointers] == ["other"]


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: "/".join(p.parts[-3:]))
def test_pointers_are_verbatim_and_clear_of_their_facts_rule_passages(path: Path) -> None:
    result = scan_document(path)
    text = path.read_text(encoding="utf-8")
    normalised = normalise(text)
    for pointer in result.pointers:
        assert text[pointer.start : pointer.end] == pointer.quote
        assert normalise(pointer.quote) in normalised
        assert pointer.line == text.count("\n", 0, pointer.start) + 1
        assert pointer.fact in finder.model().facts
        assert finder.model().facts[pointer.fact].threshold <= pointer.score <= 1
        assert not [
            p
            for p in result.passages
            if p.fact == pointer.fact and p.start < pointer.end and pointer.start < p.end
        ]
    keys = [(p.start, p.end, list(finder.model().facts).index(p.fact)) for p in result.pointers]
    assert keys == sorted(keys)


def test_some_tune_document_gets_pointers() -> None:
    assert any(scan_document(path).pointers for path in SAMPLE)


@pytest.mark.parametrize("path", SAMPLE[:2], ids=lambda p: "/".join(p.parts[-3:]))
def test_pointers_change_no_passage_and_no_suggestion(path: Path) -> None:
    with_pointers = scan_document(path)
    without = scan_document(path, pointers=False)
    assert without.pointers == ()
    assert with_pointers.passages == without.passages == scan_text(path.read_text("utf-8"))
    assert with_pointers.suggestions == without.suggestions


def test_scanning_with_pointers_is_deterministic() -> None:
    path = SAMPLE[0]
    options = RenderOptions()
    first = render_json(scan_document(path), options)
    finder.model.cache_clear()
    assert render_json(scan_document(path), options) == first


def test_the_model_was_trained_on_the_current_tune_labels() -> None:
    recorded = finder.model().labels_sha256
    assert recorded == train_finder.current_digest(), (
        "the tune labels changed since the finder was trained; run bench/train_finder.py"
    )


def test_the_model_file_is_small_sorted_and_names_its_thresholds() -> None:
    path = REPO / "src" / "vendorgate" / finder.MODEL_FILE
    assert path.stat().st_size < 1_000_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8") == json.dumps(data, sort_keys=True, indent=0) + "\n"
    for entry in data["facts"].values():
        assert 0 < entry["threshold"] < 1


def test_a_model_of_another_features_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"run bench/train_finder\.py"):
        finder.parse_model({"features_version": finder.FEATURES_VERSION + 1, "facts": {}})


def _toy_docs() -> list[train_finder.Doc]:
    positive = "We share the widget ledger with partners."
    texts = [
        f"{positive}\n\nThe office opens at nine.\n\nLunch is served at noon.\n",
        "Parking is free on Sundays.\n\nPartners may read the widget ledger.\n",
    ]
    docs = []
    for n, text in enumerate(texts):
        cut = sentences(text)
        marked = [frozenset({"toy"}) if "widget" in s.low else frozenset() for s in cut]
        docs.append(
            train_finder.Doc(
                f"toy-{n}",
                f"vendor-{n}",
                [],
                [(s.start, s.end) for s in cut],
                [finder.features(s) for s in cut],
                marked,
            )
        )
    return docs


def test_training_on_a_tiny_set_is_deterministic_and_separates_the_classes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the toy set names each word twice at most: below the shipped floor on feature counts
    monkeypatch.setattr(train_finder, "MIN_COUNT", 2)
    docs = _toy_docs()
    first = train_finder.stored(train_finder.train(docs, ["toy"], [1e-3])[1e-3])
    assert train_finder.stored(train_finder.train(docs, ["toy"], [1e-3])[1e-3]) == first
    model = FactModel(first["toy"]["bias"], first["toy"]["weights"], 0.5)
    text = "Our widget ledger is shared.\n\nThe garden is green.\n"
    yes, no = sentences(text)
    assert (
        finder.score(model, finder.features(yes)) > 0.5 > finder.score(model, finder.features(no))
    )


def _result_with_a_pointer() -> ScanResult:
    pointer = Pointer(
        "advertising_use",
        0.8,
        "4",
        "Your data",
        "We keep a ledger of widgets for you.",
        30,
        66,
        5,
        ("ledger", "heading: data"),
    )
    return ScanResult("terms.md", "0" * 64, (), (), None, (), (pointer,))


def test_text_output_lists_pointers_after_the_suggestions() -> None:
    out = render_text(_result_with_a_pointer(), RenderOptions())
    after = out.split(POINTERS_HEADING, 1)[1]
    assert "line 5 (4 Your data): advertising_use; words: ledger, heading: data" in after
    assert '"We keep a ledger of widgets for you."' in after


def test_json_output_carries_pointers_without_a_value() -> None:
    data = json.loads(render_json(_result_with_a_pointer(), RenderOptions()))
    (pointer,) = data["pointers"]
    assert pointer["fact"] == "advertising_use" and pointer["line"] == 5
    assert "value" not in pointer
    assert pointer["words"] == ["ledger", "heading: data"]
