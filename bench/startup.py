"""Start-up cost of the CLI: `vendorgate --version` against bare `python -c "import click"`.

Both are run alternately in the same invocation (machines are noisy), and the ratio of medians
is printed. Target: <= 1.5.

    .venv/bin/python bench/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    version = [sys.executable, "-m", "vendorgate", "--version"]
    baseline = [sys.executable, "-c", "import click"]
    for command in (version, baseline):  # warm the OS caches first
        timed(command)
    ours, theirs = [], []
    for _ in range(args.runs):
        ours.append(timed(version))
        theirs.append(timed(baseline))
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"vendorgate --version: median {statistics.median(ours) * 1000:.1f} ms")
    print(f"python -c 'import click': median {statistics.median(theirs) * 1000:.1f} ms")
    print(f"ratio: {ratio:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
