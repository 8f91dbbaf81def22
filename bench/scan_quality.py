"""Measure the clause scanner against the labelled passages in tests/scan_labels/.

For every labelled snapshot the scanner runs on the document; an emitted passage is a true
positive when it overlaps a labelled passage of the same fact. Printed per fact and overall:

* precision: emitted passages that overlap a label of their fact / emitted passages;
* recall: labelled passages overlapped by an emitted passage of their fact / labels;
* value: of the true positives, those whose suggested value equals the label's value
  (a label with value null accepts any value);
* strict precision / recall: the same counts, requiring the value to match too.

Below each table, the figures the project's goals are stated in:

* value precision: emitted passages whose value equals the value of a label they overlap /
  every emitted passage (a passage no label covers counts as a wrong suggestion);
* clause recall: labelled passages overlapped by an emitted passage of their fact / labels;
* dangerous errors: an emitted passage suggesting ``never`` or ``opt_in`` where an overlapping
  label says ``opt_out`` or ``always``, or ``service_only`` where the label's licence is broader.
  Those are the errors that would let a rule pass that should fail.
* with pointers: the clause recall when the learned finder's pointers count too (a label
  overlapped by a rule passage or a pointer of its fact), and pointer precision: pointers that
  overlap a label of their fact / pointers. Pointers suggest no value, so value precision is
  untouched. The finder is trained on the tune split, so its tune figures are in-sample;
  ``bench/train_finder.py --cv`` gives the cross-validated ones.

Splits are read from the label files: "tune" was used while writing the scanner's rules; any
other split is held out (see tests/scan_labels/README.md).

Usage: ``python bench/scan_quality.py [--split NAME] [--verbose [--show-holdout]]``;
``--verbose`` lists the misses of the tune split only, so a held-out split stays unseen while
tuning. ``--split NAME`` scans only the documents of that split and prints only its table, so
tuning runs (``--split tune``) never run the scanner on a held-out document at all.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vendorgate.scan.detectors import SCANNED_FACTS
from vendorgate.scan.document import Folded, fold
from vendorgate.scan.finder import Pointer, point
from vendorgate.scan.scanner import Passage, scan_text

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "tests" / "scan_labels"


@dataclass(frozen=True)
class Label:
    fact: str
    value: object
    start: int
    end: int
    quote: str


@dataclass
class Tally:
    emitted: Counter[str] = field(default_factory=Counter)
    emitted_hit: Counter[str] = field(default_factory=Counter)
    emitted_exact: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    labels_hit: Counter[str] = field(default_factory=Counter)
    labels_exact: Counter[str] = field(default_factory=Counter)
    dangerous: Counter[str] = field(default_factory=Counter)
    pointers: Counter[str] = field(default_factory=Counter)
    pointers_hit: Counter[str] = field(default_factory=Counter)
    labels_either: Counter[str] = field(default_factory=Counter)
    documents: int = 0


def locate(document: Folded, quote: str) -> tuple[int, int]:
    """Raw span of a label quote in its folded document (labels are verbatim)."""
    needle = fold(quote).text
    index = document.text.find(needle)
    if index < 0 or not needle:
        raise SystemExit(f"label quote not found: {quote[:80]!r}")
    return document.raw_span(index, index + len(needle))


def same_value(label: object, value: object) -> bool:
    if label is None:
        return True
    if isinstance(label, list):
        return isinstance(value, tuple) and set(value) == set(label)
    return label == value


PERMISSIVE = {"never", "opt_in"}
"""Practice values that let a rule against the practice pass."""
EXPOSED = {"opt_out", "always"}
BROADER_LICENCE = {"service_and_improvement", "any_purpose"}


def dangerous(label: object, value: object) -> bool:
    """Whether suggesting ``value`` where the label says ``label`` errs toward a pass."""
    if value in PERMISSIVE and label in EXPOSED:
        return True
    return value == "service_only" and label in BROADER_LICENCE


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def split_of(path: Path) -> str:
    """The split a label file belongs to, read without touching its document."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(data.get("split", "tune"))


def load(path: Path) -> tuple[str, str, list[Label]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (REPO / data["document"]).read_text(encoding="utf-8")
    labels = []
    folded = fold(text)
    for item in data["labels"] or []:
        start, end = locate(folded, item["quote"])
        labels.append(Label(item["fact"], item["value"], start, end, item["quote"]))
    return data.get("split", "tune"), text, labels


def score_pointers(
    labels: list[Label], passages: tuple[Passage, ...], pointers: tuple[Pointer, ...], tally: Tally
) -> None:
    """The finder's pointers against the labels; the passages' figures are left alone."""
    for pointer in pointers:
        tally.pointers[pointer.fact] += 1
        span = (pointer.start, pointer.end)
        if any(lb.fact == pointer.fact and overlaps(span, (lb.start, lb.end)) for lb in labels):
            tally.pointers_hit[pointer.fact] += 1
    for label in labels:
        span = (label.start, label.end)
        if any(
            p.fact == label.fact and overlaps((p.start, p.end), span)
            for p in (*passages, *pointers)
        ):
            tally.labels_either[label.fact] += 1


def score(
    text: str, labels: list[Label], passages: tuple[Passage, ...], tally: Tally, log: list[str]
) -> None:
    for passage in passages:
        span = (passage.start, passage.end)
        tally.emitted[passage.fact] += 1
        matching = [
            lb for lb in labels if lb.fact == passage.fact and overlaps(span, (lb.start, lb.end))
        ]
        if matching:
            tally.emitted_hit[passage.fact] += 1
            if any(same_value(lb.value, passage.value) for lb in matching):
                tally.emitted_exact[passage.fact] += 1
            elif any(dangerous(lb.value, passage.value) for lb in matching):
                tally.dangerous[passage.fact] += 1
                log.append(
                    f"  DANGEROUS {passage.fact}={passage.value!r} "
                    f"(label {matching[0].value!r}) line {passage.line}: {passage.text[:90]}"
                )
            else:
                log.append(
                    f"  wrong value {passage.fact}={passage.value!r} "
                    f"(label {matching[0].value!r}) line {passage.line}: {passage.text[:90]}"
                )
        else:
            log.append(
                f"  false positive {passage.fact}={passage.value!r} line {passage.line}: "
                f"{passage.text[:100]}"
            )
    for label in labels:
        tally.labels[label.fact] += 1
        found = [
            p
            for p in passages
            if p.fact == label.fact and overlaps((p.start, p.end), (label.start, label.end))
        ]
        if found:
            tally.labels_hit[label.fact] += 1
            if any(same_value(label.value, p.value) for p in found):
                tally.labels_exact[label.fact] += 1
        else:
            log.append(f"  missed {label.fact}={label.value!r}: {fold(label.quote).text[:100]}")


def ratio(a: int, b: int) -> str:
    return f"{a / b:5.2f}" if b else "    -"


def report(name: str, tally: Tally) -> None:
    print(f"\n{name}: {tally.documents} document(s)")
    print(
        f"{'fact':34} {'prec':>5} {'rec':>5} {'value':>5} {'s.prec':>6} {'s.rec':>5}"
        "  emitted/labels"
    )
    facts = [f for f in SCANNED_FACTS if tally.emitted[f] or tally.labels[f]]
    for fact in facts:
        print(
            f"{fact:34} {ratio(tally.emitted_hit[fact], tally.emitted[fact])} "
            f"{ratio(tally.labels_hit[fact], tally.labels[fact])} "
            f"{ratio(tally.emitted_exact[fact], tally.emitted_hit[fact])} "
            f"{ratio(tally.emitted_exact[fact], tally.emitted[fact]):>6} "
            f"{ratio(tally.labels_exact[fact], tally.labels[fact])}  "
            f"{tally.emitted[fact]}/{tally.labels[fact]}"
        )
    total = {k: sum(v.values()) for k, v in vars(tally).items() if isinstance(v, Counter)}
    print(
        f"{'overall':34} {ratio(total['emitted_hit'], total['emitted'])} "
        f"{ratio(total['labels_hit'], total['labels'])} "
        f"{ratio(total['emitted_exact'], total['emitted_hit'])} "
        f"{ratio(total['emitted_exact'], total['emitted']):>6} "
        f"{ratio(total['labels_exact'], total['labels'])}  "
        f"{total['emitted']}/{total['labels']}"
    )
    print(
        f"value precision {ratio(total['emitted_exact'], total['emitted']).strip()} "
        f"({total['emitted_exact']}/{total['emitted']}; goal >= 0.90)   "
        f"clause recall {ratio(total['labels_hit'], total['labels']).strip()} "
        f"({total['labels_hit']}/{total['labels']}; goal >= 0.85)   "
        f"dangerous errors {total['dangerous']} (goal 0)"
    )
    print(
        f"with pointers: clause recall "
        f"{ratio(total['labels_either'], total['labels']).strip()} "
        f"({total['labels_either']}/{total['labels']}), pointer precision "
        f"{ratio(total['pointers_hit'], total['pointers']).strip()} "
        f"({total['pointers_hit']}/{total['pointers']})"
        + ("   (finder trained on this split: in-sample)" if name.startswith("tune") else "")
    )
    if total["dangerous"]:
        named = ", ".join(f"{f} {n}" for f, n in sorted(tally.dangerous.items()) if n)
        print(f"  dangerous errors by fact: {named}")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The options; ``--help`` or a mistyped option stops here, before any document is scanned.

    A bench that ran on a misread option would print the held-out figures to someone who only
    asked how to call it.
    """
    parser = argparse.ArgumentParser(
        prog="bench/scan_quality.py",
        description="Measure the clause scanner against tests/scan_labels/.",
    )
    parser.add_argument(
        "--split",
        metavar="NAME",
        help="scan only the documents of this split (tuning runs use --split tune)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list each miss of the tune split",
    )
    parser.add_argument(
        "--show-holdout",
        action="store_true",
        help="with --verbose, list the held-out misses too (spends the held-out split)",
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    verbose = arguments.verbose
    only: str | None = arguments.split
    tallies: dict[str, Tally] = {}
    everything = Tally()
    paths = sorted(LABELS.glob("*.yaml"))
    scanned = 0
    for path in paths:
        if only is not None and split_of(path) != only:
            continue
        split, text, labels = load(path)
        scanned += 1
        passages = scan_text(text)
        pointers = point(text, passages)
        log: list[str] = []
        tally = tallies.setdefault(split, Tally())
        tally.documents += 1
        everything.documents += 1
        score(text, labels, passages, tally, log)
        score(text, labels, passages, everything, [])
        score_pointers(labels, passages, pointers, tally)
        score_pointers(labels, passages, pointers, everything)
        if verbose and log and (split == "tune" or arguments.show_holdout):
            print(f"{path.name} ({split})")
            print("\n".join(log))
    if only is not None and not scanned:
        raise SystemExit(f"no labelled document has split {only!r}")
    print(f"clause scanner on {scanned} labelled documents (tests/scan_labels)")
    for split in sorted(tallies, key=lambda name: (name != "tune", name)):
        said = "rules written against these" if split == "tune" else "held out, never tuned on"
        report(f"{split} split ({said})", tallies[split])
    if only is None:
        report("all labelled documents", everything)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
