"""The scanner and the evaluation, timed side by side against an earlier revision.

    .venv/bin/python bench/against.py --base REV [--rounds 3]

The base revision is checked out into a temporary git worktree; each side runs in its own
interpreter on this checkout's files (the same snapshots and catalogue), rounds alternate which
side goes first, and each side keeps its fastest round. Printed per job: both times, their ratio
beside its target, and whether both sides gave the same output (a sha256 over it; the output
itself is never printed, so held-out documents stay unseen).

1. scanning every ``snapshots/**/*.md``: base / this (target >= 2.0, output identical)
2. ``check`` of the shipped catalogue, evaluated and rendered as JSON: base / this
   (target >= 1.5, output identical)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SCAN = """
import hashlib, json, sys, time
from dataclasses import asdict
from pathlib import Path
from vendorgate.scan.scanner import scan_document
paths = sorted(Path("snapshots").rglob("*.md"))
digest = hashlib.sha256()
start = time.perf_counter()
for path in paths:
    digest.update(str(path).encode() + b"\\0" + repr(asdict(scan_document(str(path)))).encode())
print(json.dumps({"seconds": time.perf_counter() - start, "sha256": digest.hexdigest()}))
"""

CHECK = """
import hashlib, json, time
from datetime import date
from pathlib import Path
from vendorgate.app import run
from vendorgate.report import RenderOptions, render
start = time.perf_counter()
result = run.check(today=date(2026, 1, 15))
out = render("json", result, RenderOptions(root=str(Path.cwd()), base=str(Path.cwd())))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "sha256": hashlib.sha256(out.encode()).hexdigest()}))
"""

JOBS = (("scan every snapshot", SCAN, 2.0), ("check the shipped catalogue", CHECK, 1.5))


def timed(source: Path, code: str) -> dict[str, float | str]:
    """One run of ``code`` with the package of ``source``, in this checkout."""
    env = {**os.environ, "PYTHONPATH": str(source / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"{source}: the timed run failed:\n{done.stderr}")
    return dict(json.loads(done.stdout))


def compare(base: Path, rounds: int) -> None:
    for name, code, target in JOBS:
        best: dict[str, float] = {}
        digests: dict[str, set[str]] = {"base": set(), "this": set()}
        for round_ in range(rounds):
            sides = [("base", base), ("this", REPO)]
            for label, source in sides if round_ % 2 == 0 else sides[::-1]:
                result = timed(source, code)
                best[label] = min(best.get(label, float("inf")), float(result["seconds"]))
                digests[label].add(str(result["sha256"]))
        ratio = best["base"] / best["this"]
        same = (
            "identical"
            if digests["base"] == digests["this"] and len(digests["this"]) == 1
            else "DIFFERENT"
        )
        print(
            f"{name}: base {best['base']:.2f} s, this {best['this']:.2f} s, "
            f"ratio {ratio:.2f} (target >= {target}), output {same}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the revision to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per job (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        worktree = Path(scratch) / "base"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(worktree), args.base],
            check=True,
        )
        try:
            compare(worktree, args.rounds)
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(worktree)], check=True
            )


if __name__ == "__main__":
    main()
