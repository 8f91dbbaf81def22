"""Train the learned clause finder (``vendorgate.scan.finder``) on the tune split, or measure it.

    python bench/train_finder.py          # train on every tune document, write the model file
    python bench/train_finder.py --cv     # leave-one-vendor-out cross-validation, print figures

Only label files of ``split: tune`` are read (filtered by ``scan_quality.split_of`` before a
document is loaded); no document of another split is opened.

Data: every sentence of a tune document (``vendorgate.scan.document.sentences``) is positive
for fact F when its raw span overlaps a label of F. Features: ``finder.features``.

Model: per fact, an L2-regularised logistic regression over binary features (those seen in
the fact's positive sentences), class-balanced (each class weighs half), solved to its
optimum by Newton's method (``bench/logistic.py``): no randomness and no order of examples,
the same model every time. Features seen in fewer than ``MIN_COUNT`` training sentences are
left out; stored weights are rounded and those below ``KEEP`` dropped.

L2 strength and thresholds: per fact, the threshold is the grid value that maximises F1 of the
model alone (recall over labels, precision over the sentences it points at) on out-of-fold
scores; the L2 strength, one for all facts, is the value of ``L2_GRID`` with the best overall
F1 when each vendor is counted at thresholds chosen without it. In ``--cv`` both are nested:
each held-out vendor is scored with the strength and thresholds chosen from the other vendors'
out-of-fold scores, so its figures are not scored with settings fitted on itself. The model
file stores the settings chosen from all out-of-fold scores (so training runs the
cross-validation too), and its models are those of the all-document fits the folds start from.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from logistic import Problem, solve  # noqa: E402
from scan_quality import LABELS, Label, load, overlaps, split_of  # noqa: E402

from vendorgate.scan import finder  # noqa: E402
from vendorgate.scan.detectors import SCANNED_FACTS  # noqa: E402
from vendorgate.scan.document import html_view, is_html, sentences  # noqa: E402
from vendorgate.scan.scanner import scan_text  # noqa: E402

MODEL = REPO / "src" / "vendorgate" / finder.MODEL_FILE
SPLIT = "tune"
L2_GRID = (1e-3, 3e-4)
"""Candidate L2 strengths (on a loss whose two classes weigh 1/2 each); the one with the best
leave-one-vendor-out F1 of the model alone is kept (3e-3 and 1e-4 did worse in --cv)."""
MIN_COUNT = 3
"""Features seen in fewer training sentences are left out (2 and 5 did worse in --cv)."""
WORKERS = os.cpu_count() or 1
KEEP = 0.02
DIGITS = 3
MIN_LABELS = 5
"""A fact with fewer labels, or labels in fewer than MIN_VENDORS vendors, gets no model."""
MIN_VENDORS = 2
GRID = tuple(round(0.05 + 0.05 * i, 2) for i in range(19))
"""Candidate thresholds, 0.05 .. 0.95."""
TARGET_RECALL = 0.46
TARGET_PRECISION = 0.50
"""Targets for the model alone: the figures of a feasibility experiment outside the repository
(an off-the-shelf full-batch logistic regression solver, leave-one-vendor-out,
probability > 0.2)."""


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


def _problem(docs: Sequence[Doc], fact: str, vocabulary: Sequence[str]) -> Problem:
    """The sentences of ``docs`` as rows over the features of ``vocabulary`` seen in a positive
    sentence of ``fact`` (a word no positive has would only learn where the fact is not)."""
    ys = [fact in positive for d in docs for positive in d.positive]
    known = set(vocabulary)
    seen = {
        f
        for d in docs
        for feats, p in zip(d.feats, d.positive, strict=True)
        if fact in p
        for f in feats
        if f in known
    }
    own = [f for f in vocabulary if f in seen]
    index = {f: i + 1 for i, f in enumerate(own)}
    rows = [[index[f] for f in feats if f in index] for d in docs for feats in d.feats]
    return Problem.build(rows, ys, len(own) + 1), own


Weights = dict[float, dict[str, dict[str, Any]]]
"""{l2: {fact: {"bias": b, "weights": {feature: w}}}}"""


def train(
    docs: Sequence[Doc], facts: Sequence[str], grid: Sequence[float], start: Weights | None = None
) -> Weights:
    """The optimum for each fact and each L2 strength of ``grid``, trained on ``docs``.

    The solver reaches the optimum from any start, so a start only saves time: ``start``'s
    weights of the same fact and strength when given (a cross-validation fold starts from the
    model of all documents, a few steps from its own optimum), else the optimum of the next
    stronger strength (the strongest starts from zero)."""
    counts: Counter[str] = Counter(f for d in docs for feats in d.feats for f in feats)
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    out: Weights = {l2: {} for l2 in grid}
    for fact in facts:
        problem, own = _problem(docs, fact, vocabulary)
        w: list[float] | None = None
        for l2 in sorted(grid, reverse=True):
            if start is not None and fact in start[l2]:
                w = _vector(start[l2][fact], own)
            w = solve(problem, l2, w)
            out[l2][fact] = {"bias": w[0], "weights": dict(zip(own, w[1:], strict=True))}
    return out


def _vector(entry: dict[str, Any], own: Sequence[str]) -> list[float]:
    """A model's weights as a vector over ``own`` features (bias first; a feature the model
    lacks starts at zero)."""
    weights: dict[str, float] = entry["weights"]
    return [entry["bias"], *(weights.get(f, 0.0) for f in own)]


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


_SHARED: list[tuple[Sequence[Doc], Sequence[str], Weights]] = []
"""The documents, facts and all-document models of a cross-validation, inherited by the worker
processes."""

Scores = dict[str, dict[str, list[float]]]
"""{fact: {document: the score of each of its sentences}}"""


def _all_documents(fact: str) -> Weights:
    """The models of one fact trained on every document, at every L2 strength."""
    ((docs, _facts, _start),) = _SHARED
    return train(docs, [fact], L2_GRID)


def _fold(vendor: str) -> dict[float, Scores]:
    """{l2: scores of ``vendor``'s documents, from a model trained without it}."""
    ((docs, facts, start),) = _SHARED
    trained = [d for d in docs if d.vendor != vendor]
    held = [d for d in docs if d.vendor == vendor]
    present = [f for f in facts if any(f in p for d in trained for p in d.positive)]
    by_l2 = train(trained, present, L2_GRID, start)
    out: dict[float, Scores] = {}
    for l2, weights in by_l2.items():
        models = stored(weights)
        out[l2] = {
            fact: {
                doc.name: scores(doc, models[fact]) if fact in models else [0.0] * len(doc.feats)
                for doc in held
            }
            for fact in facts
        }
    return out


def out_of_fold(docs: Sequence[Doc], facts: Sequence[str]) -> tuple[Weights, dict[float, Scores]]:
    """The models trained on every document, and {l2: scores from models trained without the
    document's vendor}. Facts, then folds, run in parallel; each is deterministic, and they are
    joined in fact and vendor order."""
    vendors = sorted({d.vendor for d in docs})
    context = multiprocessing.get_context("fork")
    _SHARED[:] = [(docs, facts, {})]
    with context.Pool(min(WORKERS, len(facts))) as pool:
        per_fact = pool.map(_all_documents, facts, chunksize=1)
    full: Weights = {l2: {} for l2 in L2_GRID}
    for trained in per_fact:
        for l2, by_fact in trained.items():
            full[l2].update(by_fact)
    _SHARED[:] = [(docs, facts, full)]
    with context.Pool(min(WORKERS, len(vendors))) as pool:
        folds = pool.map(_fold, vendors, chunksize=1)
    oof: dict[float, Scores] = {l2: {f: {} for f in facts} for l2 in L2_GRID}
    for fold in folds:
        for l2, by_fact in fold.items():
            for fact in facts:
                oof[l2][fact].update(by_fact[fact])
    return full, oof


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


Alone = tuple[int, int, int, int]
"""(labels, found, pointed, pointed_good) of the model alone at one threshold."""


def _alone(doc: Doc, fact: str, doc_scores: Sequence[float]) -> list[Alone]:
    """The model-alone counts of one document at every threshold of ``GRID`` (from its sorted
    scores, so that choosing thresholds and L2 strengths costs little)."""
    labels = [(lb.start, lb.end) for lb in doc.labels if lb.fact == fact]
    good = [any(overlaps(s, lb) for lb in labels) for s in doc.spans]
    every = sorted(doc_scores)
    of_good = sorted(v for v, g in zip(doc_scores, good, strict=True) if g)
    label_best = sorted(
        max((v for s, v in zip(doc.spans, doc_scores, strict=True) if overlaps(s, lb)), default=-1)
        for lb in labels
    )

    def at_least(values: list[float], t: float) -> int:
        return len(values) - bisect_left(values, t)

    return [
        (len(labels), at_least(label_best, t), at_least(every, t), at_least(of_good, t))
        for t in GRID
    ]


@dataclass
class Table:
    """Model-alone counts at every threshold, by vendor and in total, for one fact and one L2
    strength."""

    by_vendor: dict[str, list[Alone]]
    total: list[Alone]

    def without(self, vendors: Collection[str]) -> list[Alone]:
        """The counts at every threshold over all vendors but ``vendors``."""
        rows = self.total
        for vendor in vendors:
            rows = [_minus(a, b) for a, b in zip(rows, self.by_vendor[vendor], strict=True)]
        return rows


def _table(docs: Sequence[Doc], fact: str, oof: dict[str, list[float]]) -> Table:
    by_vendor: dict[str, list[Alone]] = {}
    total = [(0, 0, 0, 0)] * len(GRID)
    for doc in docs:
        rows = _alone(doc, fact, oof[doc.name])
        before = by_vendor.get(doc.vendor, [(0, 0, 0, 0)] * len(GRID))
        by_vendor[doc.vendor] = [_plus(a, b) for a, b in zip(before, rows, strict=True)]
        total = [_plus(a, b) for a, b in zip(total, rows, strict=True)]
    return Table(by_vendor, total)


def _plus(a: Alone, b: Alone) -> Alone:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def _minus(a: Alone, b: Alone) -> Alone:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3])


def _f1(a: Alone) -> float:
    labels, found, pointed, good = a
    if not good:
        return 0.0
    return 2 * (found / labels) * (good / pointed) / (found / labels + good / pointed)


def best(table: Table, without: Collection[str] = ()) -> tuple[float, int]:
    """(F1, index in GRID) of the threshold with the best F1 of the model alone over every
    vendor but ``without`` (ties: the higher threshold)."""
    rows = table.without(without)
    return max((round(_f1(a), 6), i) for i, a in enumerate(rows))


def nested(tables: dict[str, Table], without: str | None = None) -> Alone:
    """Model-alone counts over all facts at one L2 strength, each vendor (but ``without``)
    counted at the thresholds chosen from the other vendors (but ``without``)."""
    total: Alone = (0, 0, 0, 0)
    left = [without] if without else []
    for table in tables.values():
        for vendor, rows in table.by_vendor.items():
            if vendor != without:
                total = _plus(total, rows[best(table, [vendor, *left])[1]])
    return total


def choose_l2(tables: dict[float, dict[str, Table]], without: str | None = None) -> float:
    """The L2 strength with the best overall F1 of :func:`nested` counts, ``without`` a vendor
    (ties: the stronger). Nested, because a threshold fitted to the very vendors it is scored
    on flatters the weakly regularised models, which fit their training vendors best."""
    return max(tables, key=lambda l2: (round(_f1(nested(tables[l2], without)), 6), l2))


def ratio(a: int, b: int) -> str:
    return f"{a / b:4.2f}" if b else "   -"


def cross_validate(docs: Sequence[Doc], facts: Sequence[str]) -> dict[str, Any]:
    """Leave-one-vendor-out figures, nested: each held-out vendor is scored with the L2
    strength and thresholds chosen from the other vendors' out-of-fold scores only."""
    full, oof = out_of_fold(docs, facts)
    tables = {l2: {f: _table(docs, f, oof[l2][f]) for f in facts} for l2 in L2_GRID}
    per_fact = {f: Count() for f in facts}
    chosen: dict[str, float] = {}
    for vendor in sorted({d.vendor for d in docs}):
        l2 = chosen[vendor] = choose_l2(tables, vendor)
        for fact in facts:
            threshold = GRID[best(tables[l2][fact], [vendor])[1]]
            for doc in (d for d in docs if d.vendor == vendor):
                per_fact[fact].add(count(doc, fact, oof[l2][fact][doc.name], threshold))
    overall = Count()
    for c in per_fact.values():
        overall.add(c)
    l2 = choose_l2(tables)
    return {
        "per_fact": per_fact,
        "models": full[l2],
        "overall": overall,
        "l2": l2,
        "fold_l2": chosen,
        "by_l2": {strength: nested(tables[strength]) for strength in L2_GRID},
        "thresholds": {f: GRID[best(tables[l2][f])[1]] for f in facts},
        # a fact whose nested figures find no label gets no model: its pointers would be
        # noise. (A threshold fitted on every vendor's out-of-fold scores found some label
        # for ai_training_service_data, whose nested figures found none of its 8.)
        "shipped": [f for f in facts if per_fact[f].found > 0],
    }


def print_cv(result: dict[str, Any], docs: Sequence[Doc]) -> None:
    vendors = len({d.vendor for d in docs})
    print(
        f"finder, leave-one-vendor-out cross-validation on the tune split: {len(docs)} documents, "
        f"{vendors} vendors, {sum(len(d.feats) for d in docs)} sentences"
    )
    print(
        "model alone = every sentence at or above the fact's threshold (L2 strength and\n"
        "thresholds chosen from the other vendors' out-of-fold scores); shown = those no rule\n"
        "passage of the fact overlaps (what `vendorgate scan` lists). The rules were tuned on\n"
        "these documents, so 'rules' and 'rules+shown' are optimistic; the model-alone figures\n"
        "are the honest ones."
    )

    def line(name: str, c: Count, threshold: str) -> None:
        print(
            f"{name:32} {threshold:>4} {ratio(c.found, c.labels)} {f'({c.found}/{c.labels})':>8} "
            f"{ratio(c.pointed_good, c.pointed)} {f'({c.pointed_good}/{c.pointed})':>9} "
            f"{ratio(c.shown_good, c.shown)} {f'({c.shown_good}/{c.shown})':>8} "
            f"{ratio(c.rules, c.labels)} {f'({c.rules}/{c.labels})':>8} "
            f"{ratio(c.either, c.labels)} {f'({c.either}/{c.labels})':>8}"
        )

    for strength, alone in result["by_l2"].items():
        labels, found, pointed, good = alone
        print(
            f"l2 {strength:g}: model alone recall {ratio(found, labels).strip()} "
            f"({found}/{labels}), precision {ratio(good, pointed).strip()} ({good}/{pointed})"
            f"{'   <- chosen' if strength == result['l2'] else ''}"
        )
    picked = Counter(result["fold_l2"].values())
    print(
        "l2 chosen without each vendor: "
        + ", ".join(f"{strength:g} x{picked[strength]}" for strength in sorted(picked))
    )
    print(
        f"{'fact':32} {'thr':>4} {'alone rec':>13} {'alone prec':>14} {'shown prec':>13} "
        f"{'rules rec':>13} {'rules+shown':>13}"
    )

    for fact, c in result["per_fact"].items():
        line(fact, c, f"{result['thresholds'][fact]:.2f}")
    left = [f for f in result["per_fact"] if f not in result["shipped"]]
    print(f"not shipped (no label found by the nested cross-validation): {', '.join(left)}")
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
    models = stored({fact: result["models"][fact] for fact in shipped})
    overall: Count = result["overall"]
    data = {
        "features_version": finder.FEATURES_VERSION,
        "labels_sha256": current_digest(),
        "split": SPLIT,
        "documents": len(docs),
        "sentences": sum(len(d.feats) for d in docs),
        "training": {
            "model": "L2 logistic regression per fact, class-balanced, solved by Newton's method",
            "l2": result["l2"],
            "l2_grid": list(L2_GRID),
            "l2_chosen_by": "best overall F1 of the model alone on leave-one-vendor-out scores",
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
