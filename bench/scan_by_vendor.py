"""Per-vendor figures of the clause scanner on the tune split, and cues only one vendor uses.

A leave-one-vendor-out view of ``bench/scan_quality.py``: for each vendor of the tune split,
its value precision and clause recall; then, with ``--cues``, every cue (the rule a passage's
value came from and the words it matched, as in ``Passage.cue``) that fires on one vendor's
documents only. A rule that only one vendor's wording triggers has likely learnt that
document rather than how clauses are drafted.

Only the tune split is ever scanned: held-out documents stay unseen.

Usage: ``python bench/scan_by_vendor.py [--cues]``
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_quality import LABELS, Tally, load, score, split_of

from vendorgate.scan.scanner import scan_text

DOC_SUFFIX = re.compile(r"-(?:tos|privacy|dpa)-\d{4}-\d\d-\d\d$")


def vendor_of(path: Path) -> str:
    """``zoom`` for ``zoom-tos-2023-08-07.yaml``."""
    return DOC_SUFFIX.sub("", path.stem)


def cue_key(cue: str) -> str:
    """The cue with its words lower-cased and squeezed (``ai_training: opt_in "opt in"``)."""
    return " ".join(cue.lower().split())


def main(argv: list[str]) -> int:
    tallies: dict[str, Tally] = defaultdict(Tally)
    cues: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in sorted(LABELS.glob("*.yaml")):
        if split_of(path) != "tune":
            continue
        _, text, labels = load(path)
        vendor = vendor_of(path)
        passages = scan_text(text)
        tallies[vendor].documents += 1
        score(text, labels, passages, tallies[vendor], [])
        for passage in passages:
            if '"' in passage.cue:
                cues[cue_key(passage.cue)][vendor] += 1
    print(f"{'vendor':18} {'docs':>4} {'v.prec':>12} {'recall':>12}")
    for vendor, tally in sorted(tallies.items()):
        emitted = sum(tally.emitted.values())
        exact = sum(tally.emitted_exact.values())
        labels_n = sum(tally.labels.values())
        hit = sum(tally.labels_hit.values())
        prec = f"{exact / emitted:.2f} ({exact}/{emitted})" if emitted else "-"
        rec = f"{hit / labels_n:.2f} ({hit}/{labels_n})" if labels_n else "-"
        print(f"{vendor:18} {tally.documents:>4} {prec:>12} {rec:>12}")
    if "--cues" in argv:
        print("\ncues firing on one vendor only (passages):")
        for cue, vendors in sorted(cues.items()):
            if len(vendors) == 1:
                (vendor, count), *_ = vendors.items()
                print(f"  {vendor:16} {count:3}  {cue[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
