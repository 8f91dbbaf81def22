"""Train the learned clause finder (``vendorgate.scan.finder``) on the tune split, or measure it.

    python bench/train_finder.py          # train on every tune document, write the model file
    python bench/train_finder.py --cv     # leave-one-vendor-out cross-validation, print figures

Only label files of ``split: tune`` are read (filtered by ``scan_quality.split_of`` before a
document is loaded); no document of another split is opened.

Data: every sentence of a tune document (``vendorgate.scan.document.sentences``) is positive
for fact F when its raw span overlaps a label of F. Features: ``finder.features``.

Model: per fact, an L2-regularised logistic regression over binary features, class-balanced
(each class weighs half), trained by AdaGrad SGD for a fixed number of epochs over the
sentences in a fixed order (a sha256 of document and position), from zero weights: no
randomness, the same model every time. Features seen in fewer than ``MIN_COUNT`` training
sentences are left out; stored weights are rounded and those below ``KEEP`` dropped.

Thresholds: per fact, the grid value that maximises F1 of the model alone (recall over labels,
precision over the sentences it points at) on out-of-fold scores. In ``--cv`` each held-out
vendor's threshold is chosen from the other vendors' out-of-fold scores, so its figures are not
scored with a threshold fitted on itself; the model file stores the thresholds chosen from all
out-of-fold scores (so training runs the cross-validation too).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from scan_quality import LABELS, Label, load, overlaps, split_of  # noqa: E402

from vendorgate.scan import finder  # noqa: E402
from vendorgate.scan.detectors import SCANNED_FACTS  # noqa: E402
from vendorgate.scan.document import html_view, is_html, sentences  # noqa: E402
from vendorgate.scan.scanner import scan_text  # noqa: E402

MODEL = REPO / "src" / "vendorgate" / finder.MODEL_FILE
SPLIT = "tune"
EPOCHS = 4
RATE = 0.2
L2 = 1e-2
MIN_COUNT = 2
EASY = 0.002
BALANCE = 1.0
OWN_WORDS = True
WORKERS = os.cpu_count() or 1
SKIP = 2
KEEP = 0.02
DIGITS = 3
MIN_LABELS = 5
"""A fact with fewer labels, or labels in fewer than MIN_VENDORS vendors, gets no model."""
MIN_VENDORS = 2
GRID = tuple(round(0.05 + 0.05 * i, 2) for i in range(19))
"""Candidate thresholds, 0.05 .. 0.95."""
TARGET_RECALL = 0.46
TARGET_PRECISION = 0.50
"""Targets for the model alone: the feasibility experiment's figures (scikit-learn logistic
regression over word unigrams and bigrams, leave-one-vendor-out, probability > 0.2)."""


@dataclass
class Doc:
    """One tune document, cut into sentences, with its labels and the rules' passages."""

    name: str
    vendor: str
    labels: list[Label]
    spans: list[tuple[int, int]]
    feats: list[tuple[str, ...]]
    positive: list[frozenset[str]]
    rules: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def tune_files() -> list[Path]:
    """The tune label files, in name order (the split read before anything else)."""
    return [p for p in sorted(LABELS.glob("*.yaml")) if split_of(p) == SPLIT]


def current_digest() -> str:
    """``finder.labels_digest`` of the tune label files as they are now."""
    return finder.labels_digest((p.name, p.read_bytes()) for p in tune_files())


def read_docs() -> list[Doc]:
    docs = []
    for path in tune_files():
        _split, text, labels = load(path)
        import yaml

        document = str(yaml.safe_load(path.read_text(encoding="utf-8"))["document"])
        view = html_view(text) if is_html(text) else text
        cut = sentences(view)
        rules: dict[str, list[tuple[int, int]]] = {}
        for passage in scan_text(text):
            rules.setdefault(passage.fact, []).append((passage.start, passage.end))
        docs.append(
            Doc(
                path.stem,
                document.split("/")[1],
                labels,
                [(s.start, s.end) for s in cut],
                [finder.features(s) for s in cut],
                [
                    frozenset(
                        lb.fact for lb in labels if overlaps((s.start, s.end), (lb.start, lb.end))
                    )
                    for s in cut
                ],
                rules,
            )
        )
    return docs


def modelled_facts(docs: Sequence[Doc]) -> list[str]:
    counts = Counter(lb.fact for d in docs for lb in d.labels)
    vendors = {f: {d.vendor for d in docs if any(lb.fact == f for lb in d.labels)} for f in counts}
    return [
        f
        for f in SCANNED_FACTS
        if counts[f] >= MIN_LABELS and len(vendors.get(f, ())) >= MIN_VENDORS
    ]


def _order(docs: Sequence[Doc]) -> list[tuple[int, int]]:
    """(document, sentence) pairs in a fixed scrambled order."""
    pairs = [(i, j) for i, d in enumerate(docs) for j in range(len(d.feats))]
    return sorted(
        pairs, key=lambda p: hashlib.sha256(f"{docs[p[0]].name}:{p[1]}".encode()).digest()
    )


def train(docs: Sequence[Doc], facts: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per fact: {"bias": b, "weights": {feature: w}} trained on ``docs``."""
    counts: Counter[str] = Counter(f for d in docs for feats in d.feats for f in feats)
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    order = _order(docs)
    rows = [[index[f] for f in docs[i].feats[j] if f in index] for i, j in order]
    labels = [docs[i].positive[j] for i, j in order]
    out: dict[str, dict[str, Any]] = {}
    for fact in facts:
        ys = [fact in lb for lb in labels]
        positives = sum(ys)
        # class balance by repetition: a positive sentence is stepped on up to `repeat` times
        # in a row (as many as there are negatives per positive), stopping once the model
        # scores it near 1, so a rare fact's few positives weigh as much as its negatives
        # without the jumps a gradient multiplied by the same factor would make
        repeat = max(1, round(((len(ys) - positives) / positives) ** BALANCE))
        mine = rows
        if OWN_WORDS:
            seen = {k for row, y in zip(rows, ys, strict=True) if y for k in row}
            mine = [[k for k in row if k in seen] for row in rows]
        w = [0.0] * len(vocabulary)
        g2 = [1e-8] * len(vocabulary)
        bias, bias_g2 = 0.0, 1e-8
        # a negative the model already scores near 0 is skipped for the next SKIP epochs: its
        # gradient is nearly nothing, and most sentences are such negatives
        rest = [0] * len(rows)
        for _epoch in range(EPOCHS):
            for i, (row, y) in enumerate(zip(mine, ys, strict=True)):
                if rest[i]:
                    rest[i] -= 1
                    continue
                for _step in range(repeat if y else 1):
                    s = bias
                    for k in row:
                        s += w[k]
                    p = finder.sigmoid(s)
                    if y and p > 1.0 - EASY:
                        break
                    if not y and p < EASY:
                        rest[i] = SKIP
                    g = p - 1.0 if y else p
                    bias_g2 += g * g
                    bias -= RATE * g / bias_g2**0.5
                    for k in row:
                        gk = g + L2 * w[k]
                        g2[k] += gk * gk
                        w[k] -= RATE * gk / g2[k] ** 0.5
        out[fact] = {
            "bias": bias,
            "weights": {vocabulary[k]: w[k] for k in range(len(vocabulary)) if w[k] != 0.0},
        }
    return out


def stored(weights: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rounded and pruned, as the model file stores them (and as the finder scores)."""
    return {
        fact: {
            "bias": round(entry["bias"], DIGITS),
            "weights": {
                f: round(v, DIGITS) for f, v in sorted(entry["weights"].items()) if abs(v) >= KEEP
            },
        }
        for fact, entry in weights.items()
    }


def scores(doc: Doc, entry: dict[str, Any]) -> list[float]:
    weights: dict[str, float] = entry["weights"]
    return [
        finder.sigmoid(entry["bias"] + sum(weights.get(f, 0.0) for f in feats))
        for feats in doc.feats
    ]


_SHARED: list[tuple[Sequence[Doc], Sequence[str]]] = []
"""The documents and facts of a cross-validation, inherited by the worker processes."""


def _fold(vendor: str) -> dict[str, dict[str, list[float]]]:
    """{fact: {document: scores}} of ``vendor``'s documents, from a model trained without it."""
    ((docs, facts),) = _SHARED
    trained = [d for d in docs if d.vendor != vendor]
    held = [d for d in docs if d.vendor == vendor]
    present = [f for f in facts if any(f in p for d in trained for p in d.positive)]
    models = stored(train(trained, present))
    return {
        fact: {
            doc.name: scores(doc, models[fact]) if fact in models else [0.0] * len(doc.feats)
            for doc in held
        }
        for fact in facts
    }


def out_of_fold(docs: Sequence[Doc], facts: Sequence[str]) -> dict[str, dict[str, list[float]]]:
    """{fact: {document: scores}} from models trained without the document's vendor. The folds
    run in parallel; each is deterministic, and they are joined in vendor order."""
    _SHARED[:] = [(docs, facts)]
    vendors = sorted({d.vendor for d in docs})
    context = multiprocessing.get_context("fork")
    with context.Pool(min(WORKERS, len(vendors))) as pool:
        folds = pool.map(_fold, vendors, chunksize=1)
    oof: dict[str, dict[str, list[float]]] = {f: {} for f in facts}
    for fold in folds:
        for fact in facts:
            oof[fact].update(fold[fact])
    return oof


@dataclass
class Count:
    labels: int = 0
    found: int = 0
    pointed: int = 0
    pointed_good: int = 0
    shown: int = 0
    shown_good: int = 0
    rules: int = 0
    either: int = 0

    def add(self, other: Count) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def count(doc: Doc, fact: str, doc_scores: Sequence[float], threshold: float) -> Count:
    """How the sentences at or above ``threshold`` do against the labels of ``fact``."""
    c = Count()
    labels = [(lb.start, lb.end) for lb in doc.labels if lb.fact == fact]
    rules = doc.rules.get(fact, [])
    chosen = [s for s, v in zip(doc.spans, doc_scores, strict=True) if v >= threshold]
    shown = [s for s in chosen if not any(overlaps(s, r) for r in rules)]
    c.pointed = len(chosen)
    c.pointed_good = sum(1 for s in chosen if any(overlaps(s, lb) for lb in labels))
    c.shown = len(shown)
    c.shown_good = sum(1 for s in shown if any(overlaps(s, lb) for lb in labels))
    for lb in labels:
        c.labels += 1
        by_rule = any(overlaps(lb, r) for r in rules)
        by_pointer = any(overlaps(lb, s) for s in chosen)
        c.found += by_pointer
        c.rules += by_rule
        c.either += by_rule or any(overlaps(lb, s) for s in shown)
    return c


def f1(c: Count) -> float:
    if not c.pointed_good:
        return 0.0
    recall, precision = c.found / c.labels, c.pointed_good / c.pointed
    return 2 * recall * precision / (recall + precision)


def best(docs: Sequence[Doc], fact: str, oof: dict[str, list[float]]) -> tuple[float, float]:
    """(F1, threshold): the grid threshold with the best F1 of the model alone over ``docs``
    (ties: the higher threshold)."""
    found = (-1.0, 0.0)
    for threshold in GRID:
        total = Count()
        for doc in docs:
            total.add(count(doc, fact, oof[doc.name], threshold))
        found = max(found, (round(f1(total), 6), threshold))
    return found


def choose(docs: Sequence[Doc], fact: str, oof: dict[str, list[float]]) -> float:
    return best(docs, fact, oof)[1]


def ratio(a: int, b: int) -> str:
    return f"{a / b:4.2f}" if b else "   -"


def cross_validate(docs: Sequence[Doc], facts: Sequence[str]) -> dict[str, Any]:
    oof = out_of_fold(docs, facts)
    per_fact: dict[str, Count] = {}
    thresholds: dict[str, list[float]] = {}
    for fact in facts:
        total = Count()
        for vendor in sorted({d.vendor for d in docs}):
            others = [d for d in docs if d.vendor != vendor]
            threshold = choose(others, fact, oof[fact])
            thresholds.setdefault(fact, []).append(threshold)
            for doc in (d for d in docs if d.vendor == vendor):
                total.add(count(doc, fact, oof[fact][doc.name], threshold))
        per_fact[fact] = total
    overall = Count()
    for c in per_fact.values():
        overall.add(c)
    return {
        "per_fact": per_fact,
        "overall": overall,
        "thresholds": {f: choose(docs, f, oof[f]) for f in facts},
        # a fact whose out-of-fold scores find no label at any threshold gets no model: its
        # pointers would be noise
        "shipped": [f for f in facts if best(docs, f, oof[f])[0] > 0],
        "fold_thresholds": thresholds,
    }


def print_cv(result: dict[str, Any], docs: Sequence[Doc]) -> None:
    vendors = len({d.vendor for d in docs})
    print(
        f"finder, leave-one-vendor-out cross-validation on the tune split: {len(docs)} documents, "
        f"{vendors} vendors, {sum(len(d.feats) for d in docs)} sentences"
    )
    print(
        "model alone = every sentence at or above the fact's threshold (chosen from the other\n"
        "vendors' out-of-fold scores); shown = those no rule passage of the fact overlaps (what\n"
        "`vendorgate scan` lists). The rules were tuned on these documents, so 'rules' and\n"
        "'rules+shown' are optimistic; the model-alone figures are the honest ones."
    )
    print(
        f"{'fact':32} {'thr':>4} {'alone rec':>13} {'alone prec':>14} {'shown prec':>13} "
        f"{'rules rec':>13} {'rules+shown':>13}"
    )

    def line(name: str, c: Count, threshold: str) -> None:
        print(
            f"{name:32} {threshold:>4} {ratio(c.found, c.labels)} {f'({c.found}/{c.labels})':>8} "
            f"{ratio(c.pointed_good, c.pointed)} {f'({c.pointed_good}/{c.pointed})':>9} "
            f"{ratio(c.shown_good, c.shown)} {f'({c.shown_good}/{c.shown})':>8} "
            f"{ratio(c.rules, c.labels)} {f'({c.rules}/{c.labels})':>8} "
            f"{ratio(c.either, c.labels)} {f'({c.either}/{c.labels})':>8}"
        )

    for fact, c in result["per_fact"].items():
        line(fact, c, f"{result['thresholds'][fact]:.2f}")
    left = [f for f in result["per_fact"] if f not in result["shipped"]]
    print(f"not shipped (no label found out of fold at any threshold): {', '.join(left)}")
    overall: Count = result["overall"]
    line("overall", overall, "")
    recall = overall.found / overall.labels
    precision = overall.pointed_good / overall.pointed if overall.pointed else 0.0
    print(
        f"model alone: recall {recall:.2f} ({overall.found}/{overall.labels}; target >= "
        f"{TARGET_RECALL:.2f})   precision {precision:.2f} ({overall.pointed_good}/"
        f"{overall.pointed}; target >= {TARGET_PRECISION:.2f})"
    )
    print(
        f"shown pointers: precision {ratio(overall.shown_good, overall.shown).strip()} "
        f"({overall.shown_good}/{overall.shown})   rules+shown clause recall "
        f"{ratio(overall.either, overall.labels).strip()} ({overall.either}/{overall.labels}; "
        f"rules alone {ratio(overall.rules, overall.labels).strip()}, optimistic: tuned here)"
    )


def write_model(
    docs: Sequence[Doc], facts: Sequence[str], result: dict[str, Any], seconds: float
) -> None:
    shipped: list[str] = result["shipped"]
    models = stored(train(docs, shipped))
    overall: Count = result["overall"]
    data = {
        "features_version": finder.FEATURES_VERSION,
        "labels_sha256": current_digest(),
        "split": SPLIT,
        "documents": len(docs),
        "sentences": sum(len(d.feats) for d in docs),
        "training": {
            "model": "L2 logistic regression per fact, class-balanced, AdaGrad SGD",
            "epochs": EPOCHS,
            "rate": RATE,
            "l2": L2,
            "min_count": MIN_COUNT,
            "kept_above": KEEP,
            "threshold_grid": list(GRID),
            "thresholds_chosen_by": "best F1 of the model alone on leave-one-vendor-out scores",
        },
        "cross_validation": {
            "labels": overall.labels,
            "found": overall.found,
            "pointed": overall.pointed,
            "pointed_good": overall.pointed_good,
        },
        "facts": {
            fact: {**models[fact], "threshold": result["thresholds"][fact]} for fact in shipped
        },
        "not_modelled": [f for f in SCANNED_FACTS if f not in shipped],
    }
    MODEL.write_text(json.dumps(data, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    size = MODEL.stat().st_size
    print(
        f"wrote {MODEL.relative_to(REPO)} ({size} bytes, {len(shipped)} facts, "
        f"{sum(len(m['weights']) for m in models.values())} weights) in {seconds:.0f} s"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/train_finder.py", description="Train or cross-validate the clause finder."
    )
    parser.add_argument("--cv", action="store_true", help="cross-validate only; write nothing")
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    docs = read_docs()
    facts = modelled_facts(docs)
    result = cross_validate(docs, facts)
    print_cv(result, docs)
    if not arguments.cv:
        write_model(docs, facts, result, time.perf_counter() - started)
    else:
        print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
