"""Measure the CI outputs against the platforms' limits on a generated catalogue.

    .venv/bin/python bench/limits.py [--vendors 10000] [--work DIR]

Generates the catalogue with ``bench/generate.py``, runs ``vendorgate check --format F -o FILE``
for SARIF, Markdown and JUnit, and prints one Markdown table row per format: its size, the limit
it must stay within, and (SARIF) the results per run. When the SARIF Multitool is installed
(`make tools`), a last row gives its errors and warnings on the SARIF (rule kinds Sarif and Gh;
the target is none). See bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MULTITOOL = HERE.parent / ".tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
LIMITS = {
    "sarif": "5,000 results per run (GitHub shows 5,000, rejects > 25,000)",
    "markdown": "65,536 characters (a GitHub comment)",
    "junit": "30 MB (a GitLab JUnit report)",
}


def measure(project: Path, fmt: str, out: Path) -> str:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "vendorgate", "check", "--format", fmt, "-o", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{fmt}: exit {done.returncode}: {done.stderr}")
    data = out.read_bytes()
    if fmt == "sarif":
        runs = json.loads(data)["runs"]
        size = f"{len(data):,} bytes; results per run: {[len(r['results']) for r in runs]}"
    elif fmt == "markdown":
        size = f"{len(data.decode('utf-8')):,} characters"
    else:
        size = f"{len(data):,} bytes"
    return f"| {fmt} | {size} | {LIMITS[fmt]} | {seconds:.0f} s |"


def multitool(sarif: Path) -> str:
    """The Multitool's errors and warnings on ``sarif`` (Sarif and Gh rules), as a table row."""
    target = sarif.with_name("multitool-input.sarif")  # it reads only *.sarif files
    shutil.copyfile(sarif, target)
    log = sarif.with_name("multitool-log.sarif")
    started = time.monotonic()
    command = [str(MULTITOOL), "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning"]
    command += ["--max-file-size-in-kb", "200000", "--log", "ForceOverwrite", "-o", str(log)]
    subprocess.run([*command, str(target)], capture_output=True, check=True)
    seconds = time.monotonic() - started
    found = [r for run in json.loads(log.read_bytes())["runs"] for r in run["results"]]
    levels = [r.get("level", "warning") for r in found]
    errors, warnings = levels.count("error"), levels.count("warning")
    return (
        f"| Multitool (Sarif, Gh) | {errors} errors, {warnings} warnings | none | {seconds:.0f} s |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vendors", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="vendorgate-limits-"))
    project = work / "project"
    if not project.exists():
        generate = [sys.executable, str(HERE / "generate.py"), str(project)]
        subprocess.run([*generate, "--vendors", str(args.vendors)], check=True)
    print("| format | size | limit | time |")
    print("| --- | --- | --- | ---: |")
    for fmt in LIMITS:
        print(measure(project, fmt, work / f"out.{fmt}"), flush=True)
    if MULTITOOL.exists():
        print(multitool(work / "out.sarif"), flush=True)


if __name__ == "__main__":
    main()
