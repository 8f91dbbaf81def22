"""Performance benchmark for large catalogues (issue 9): every figure is a ratio of two things
run side by side in this invocation, or a median of many in-process runs; never one absolute
time alone (machines are noisy, and shared ones more so).

    .venv/bin/python bench/run.py [--vendors 10000] [--runs 3] [--work DIR] [--write]

1. cold ``check`` of N profiles / parsing the same files with ``yaml.CSafeLoader`` alone (<= 1.25)
2. warm ``check`` (nothing changed, cache present) / cold ``check`` (<= 0.15)
3. ``check`` after one of the N files changed / cold ``check`` (<= 0.2)
4. ``vendorgate --version`` / ``python -c "import click"`` (<= 1.5; as bench/startup.py)
5. an in-process gate decision for one loaded vendor, median microseconds (<= 500)
6. peak memory of the cold ``check``: the whole process tree (<= 300 MB)
7. native engine / Rego engine evaluation time per vendor (reported)
8. per format (``check``: text, json, sarif, junit, github, markdown; ``report``: html,
   markdown, oscal, json): the cold time, its ratio to cold ``check --format sarif`` (<= 1.5)
   and the peak memory of the whole process tree (<= 300 MB, PSS summed over the process and
   its forked workers from ``/proc/<pid>/smaps_rollup``, sampled every 20 ms)

``check`` writes SARIF to a file (``--format sarif -o results.sarif``), what a CI job uploads
to code scanning. Each side is a whole process (interpreter start-up included on both sides);
rounds alternate which side runs first. The catalogue is made by ``bench/generate.py`` (same
seed, same files) in ``--work`` and reused while its stamp matches. ``--write`` records the
results in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import startup  # noqa: E402

PY = sys.executable
CSAFE = """
import sys
from pathlib import Path
import yaml
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""
SEED = 9


@dataclass
class Row:
    label: str
    value: float
    unit: str
    target: str
    met: bool | None
    detail: str


@dataclass
class Side:
    """Wall and CPU seconds of a process (its children included)."""

    wall: float
    cpu: float


def run_timed(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Side:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{proc.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Side(wall, cpu)


def ratio(ours: list[Side], theirs: list[Side], attr: str = "wall") -> float:
    return statistics.median(getattr(s, attr) for s in ours) / statistics.median(
        getattr(s, attr) for s in theirs
    )


def median_ms(sides: list[Side]) -> str:
    wall = statistics.median(s.wall for s in sides) * 1000
    cpu = statistics.median(s.cpu for s in sides) * 1000
    return f"{wall:,.0f} ms wall, {cpu:,.0f} ms CPU"


# ---------------------------------------------------------------- the catalogue


def catalogue(work: Path, vendors: int) -> Path:
    """The generated project, made again only when its stamp (size, seed, the generator and
    the repository files it copies) differs."""
    project = work / "project"
    sources = [HERE / "generate.py"]
    for folder in ("rules", "snapshots", "examples/orgs"):
        sources += sorted(p for p in (generate.REPO / folder).rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.read_bytes())
    stamp = f"{vendors} {SEED} {digest.hexdigest()}"
    stamp_file = work / "stamp"
    if not (stamp_file.is_file() and stamp_file.read_text() == stamp):
        shutil.rmtree(project, ignore_errors=True)
        print(f"generating {vendors} profiles in {project} ...", file=sys.stderr)
        generate.generate(project, vendors, SEED)
        stamp_file.write_text(stamp)
    return project


# ---------------------------------------------------------------- 1-3, 6: check


def check_ratios(project: Path, work: Path, runs: int) -> tuple[list[Row], Path]:
    cache = work / "cache"
    out = work / "results.sarif"
    env = {**os.environ, "VENDORGATE_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("VENDORGATE_JOBS", None)
    check = [PY, "-m", "vendorgate", "check", "--format", "sarif", "-o", str(out)]
    csafe = [PY, "-c", CSAFE, str(project / "vendors")]
    files = sorted((project / "vendors").glob("*.yaml"))
    parse: list[Side] = []
    cold: list[Side] = []
    warm: list[Side] = []
    changed: list[Side] = []
    reference: bytes | None = None

    def cold_run() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(run_timed(check, project, env))

    for round_ in range(runs):
        first, second = (
            (lambda: parse.append(run_timed(csafe, project, env)), cold_run)
            if round_ % 2 == 0
            else (cold_run, lambda: parse.append(run_timed(csafe, project, env)))
        )
        first()
        second()
        cold_bytes = out.read_bytes()
        warm.append(run_timed(check, project, env))
        assert out.read_bytes() == cold_bytes, "a warm run must write the cold run's bytes"
        target = files[(round_ * 7919) % len(files)]
        original = target.read_bytes()
        target.write_bytes(original + f"# edited in round {round_}\n".encode())
        try:
            changed.append(run_timed(check, project, env))
        finally:
            target.write_bytes(original)
        assert out.read_bytes() == cold_bytes, "a comment changes no finding"
        if reference is None:
            reference = cold_bytes
        print(
            f"round {round_ + 1}/{runs}: parse {parse[-1].wall:.1f}s, cold {cold[-1].wall:.1f}s,"
            f" warm {warm[-1].wall:.2f}s, one changed {changed[-1].wall:.2f}s",
            file=sys.stderr,
        )
    uncached = run_timed([*check, "--no-cache"], project, env)
    assert out.read_bytes() == reference, "--no-cache must write the cached runs' bytes"
    text = (reference or b"").decode("utf-8")
    verified, unsupported = text.count("(evidence verified)"), text.count("evidence unsupported")
    assert verified and not unsupported, "every quote must verify"
    n = len(files)
    rows = [
        Row(
            f"cold `check` of {n:,} profiles / `yaml.CSafeLoader` parse of the same files",
            ratio(cold, parse),
            "x",
            "<= 1.25",
            ratio(cold, parse) <= 1.25,
            f"check {median_ms(cold)}; CSafeLoader {median_ms(parse)}; "
            f"CPU ratio {ratio(cold, parse, 'cpu'):.2f}; --no-cache {uncached.wall:,.1f} s",
        ),
        Row(
            "warm `check` (nothing changed, cache present) / cold `check`",
            ratio(warm, cold),
            "x",
            "<= 0.15",
            ratio(warm, cold) <= 0.15,
            f"warm {median_ms(warm)}",
        ),
        Row(
            f"`check` after 1 of {n:,} files changed / cold `check`",
            ratio(changed, cold),
            "x",
            "<= 0.2",
            ratio(changed, cold) <= 0.2,
            f"one changed {median_ms(changed)}",
        ),
    ]
    return rows, out


def tree_memory(command: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Peak RSS and peak PSS (MB) summed over the process and its descendants, sampled every
    20 ms. RSS counts pages the forked workers share with their parent once per process; PSS
    splits them, so it is the memory the run really takes."""
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    peak_rss = peak_pss = 0.0
    while proc.poll() is None:
        rss = pss = 0.0
        for pid in _tree(proc.pid):
            rss_kb, pss_kb = _memory(pid)
            rss += rss_kb
            pss += pss_kb
        peak_rss, peak_pss = max(peak_rss, rss / 1024), max(peak_pss, pss / 1024)
        time.sleep(0.02)
    return peak_rss, peak_pss


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _memory(pid: int) -> tuple[float, float]:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0, 0.0
    fields = {line.split(":")[0]: line.split()[1] for line in text.splitlines()[1:]}
    return float(fields.get("Rss", 0)), float(fields.get("Pss", 0))


def memory_row(project: Path, work: Path, runs: int) -> Row:
    cache = work / "cache"
    env = {**os.environ, "VENDORGATE_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    check = [PY, "-m", "vendorgate", "check", "--format", "sarif", "-o", str(work / "m.sarif")]
    samples = []
    for _ in range(max(1, min(runs, 2))):
        shutil.rmtree(cache, ignore_errors=True)
        samples.append(tree_memory(check, project, env))
    rss = max(s[0] for s in samples)
    pss = max(s[1] for s in samples)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Row(
        "peak memory of the cold `check` (all its processes, PSS)",
        pss,
        "MB",
        "<= 300 MB",
        pss <= 300,
        f"summed RSS {rss:,.0f} MB (shared pages counted in every process); "
        f"largest single process of any run here (warm runs included) {largest:,.0f} MB",
    )


# ---------------------------------------------------------------- 8: every format


FORMATS = (
    ("check", "sarif"),
    ("check", "text"),
    ("check", "json"),
    ("check", "junit"),
    ("check", "github"),
    ("check", "markdown"),
    ("report", "html"),
    ("report", "markdown"),
    ("report", "oscal"),
    ("report", "json"),
)
"""SARIF first: every other format's time is compared with its."""


@dataclass
class FormatRow:
    command: str
    fmt: str
    wall: float
    pss: float
    rss: float


def format_rows(project: Path, work: Path, only: Sequence[str] = ()) -> list[FormatRow]:
    """Each format once (or those of ``only``, as ``command:format``, after SARIF), cold (no
    cache), output to a file, with the memory sampler running (the SARIF reference is measured
    the same way, so the sampler's cost is on both sides)."""
    cache = work / "cache-formats"
    env = {**os.environ, "VENDORGATE_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("VENDORGATE_JOBS", None)
    env.pop("GITHUB_STEP_SUMMARY", None)
    rows = []
    chosen = [(c, f) for c, f in FORMATS if not only or f"{c}:{f}" in only or f == "sarif"]
    for command, fmt in chosen:
        out = work / f"out.{command}.{fmt}"
        argv = [PY, "-m", "vendorgate", command, "--format", fmt, "-o", str(out)]
        shutil.rmtree(cache, ignore_errors=True)
        start = time.perf_counter()
        rss, pss = tree_memory(argv, project, env)
        rows.append(FormatRow(command, fmt, time.perf_counter() - start, pss, rss))
        print(f"{command} {fmt}: {rows[-1]}", file=sys.stderr, flush=True)
    return rows


def format_table(rows: list[FormatRow]) -> str:
    sarif = rows[0].wall
    lines = [
        "| Command | Cold time | / cold SARIF | Target | Met | Peak memory (PSS, all "
        "processes) | Target | Met | Summed RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        share = r.wall / sarif
        lines.append(
            f"| `{r.command} --format {r.fmt}` | {r.wall:.1f} s | {share:.2f}x | <= 1.5x "
            f"| {'yes' if share <= 1.5 else '**no**'} | {r.pss:,.0f} MB | <= 300 MB "
            f"| {'yes' if r.pss <= 300 else '**no**'} | {r.rss:,.0f} MB |"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------- 4: start-up


def startup_row(runs: int) -> Row:
    version = [PY, "-m", "vendorgate", "--version"]
    baseline = [PY, "-c", "import click"]
    for command in (version, baseline):
        startup.timed(command)
    ours: list[float] = []
    theirs: list[float] = []
    for i in range(runs):
        if i % 2 == 0:
            ours.append(startup.timed(version))
            theirs.append(startup.timed(baseline))
        else:
            theirs.append(startup.timed(baseline))
            ours.append(startup.timed(version))
    value = statistics.median(ours) / statistics.median(theirs)
    return Row(
        '`vendorgate --version` / `python -c "import click"`',
        value,
        "x",
        "<= 1.5",
        value <= 1.5,
        f"{statistics.median(ours) * 1000:.0f} ms / {statistics.median(theirs) * 1000:.0f} ms",
    )


# ---------------------------------------------------------------- 5, 7: in process


def in_process_rows(project: Path, sample: int) -> list[Row]:
    here = Path.cwd()
    os.chdir(project)
    try:
        return _in_process_rows(project, sample)
    finally:
        os.chdir(here)


def _in_process_rows(project: Path, sample: int) -> list[Row]:
    from vendorgate.app import run
    from vendorgate.engine import vendor
    from vendorgate.evidence import snapshots as evidence
    from vendorgate.gate import decisions as gate
    from vendorgate.load import catalogue as load_catalogue

    files = sorted((project / "vendors").glob("*.yaml"))[:sample]
    inputs = run.gather(files)
    day = date.today()
    org, rules = inputs.org, inputs.rules
    primed = evidence.SnapshotStore(project)
    for v in inputs.vendors:  # snapshots read once, as a long-running service would hold them
        vendor.evaluate_vendor(v, rules, org, day, org.plan_for(v.profile), primed)

    def decide(v: load_catalogue.LoadedVendor, store: evidence.SnapshotStore) -> float:
        start = time.perf_counter()
        gate._outcome(vendor.evaluate_vendor(v, rules, org, day, org.plan_for(v.profile), store))
        return time.perf_counter() - start

    fresh = []
    for v in inputs.vendors:
        # The snapshots read and their paths resolved (what a service holding the repository's
        # store has done once), but none of this vendor's quotes checked yet.
        store = evidence.SnapshotStore(project)
        store._cache = primed._cache
        store._resolved = primed._resolved
        fresh.append(decide(v, store))
    warm = [decide(v, primed) for v in inputs.vendors]
    decision_us = statistics.median(fresh) * 1e6
    rows = [
        Row(
            "in-process gate decision for one loaded vendor (median)",
            decision_us,
            "us",
            "<= 500 us",
            decision_us <= 500,
            f"{len(fresh)} vendors, snapshots in memory, each vendor's quotes checked afresh; "
            f"with the quote checks remembered too {statistics.median(warm) * 1e6:.0f} us; "
            f"{len(rules)} rules",
        )
    ]
    rows.append(_engines_row(inputs, day, max(1, min(len(files), 200))))
    return rows


def _engines_row(inputs: object, day: date, count: int) -> Row:
    from dataclasses import replace

    from vendorgate.app import run
    from vendorgate.load import catalogue as load_catalogue

    assert isinstance(inputs, load_catalogue.Inputs)
    subset = replace(inputs, vendors=inputs.vendors[:count])
    try:
        from vendorgate.rego.adapter import EngineOptions

        options = EngineOptions(engine="rego")
        run.evaluate(subset, day, engine_options=options)  # an untimed warm-up run
    except Exception as exc:  # the Rego engine is an extra; report why it is missing
        return Row("native / Rego evaluation time per vendor", 0, "", "reported", None, str(exc))
    native: list[float] = []
    rego: list[float] = []
    for i in range(3):
        order: list[tuple[list[float], Callable[[], object]]] = [
            (native, lambda: run.evaluate(subset, day)),
            (rego, lambda: run.evaluate(subset, day, engine_options=options)),
        ]
        for times, call in order if i % 2 == 0 else reversed(order):
            start = time.perf_counter()
            call()
            times.append((time.perf_counter() - start) / count)
    value = statistics.median(native) / statistics.median(rego)
    return Row(
        "native engine / Rego engine, evaluation time per vendor",
        value,
        "x",
        "reported",
        None,
        f"native {statistics.median(native) * 1e6:,.0f} us, Rego (regopy) "
        f"{statistics.median(rego) * 1e6:,.0f} us per vendor over {count} vendors; "
        "each Rego evaluation builds the policy and runs it in a bounded worker process",
    )


# ---------------------------------------------------------------- report


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), {model}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}; "
        f"load average {load}"
    )


def table(rows: list[Row]) -> str:
    lines = ["| Measure | Result | Target | Met | Details |", "|---|---|---|---|---|"]
    for r in rows:
        value = f"{r.value:,.0f} {r.unit}" if r.unit in ("MB", "us") else f"{r.value:.2f}"
        met = {True: "yes", False: "**no**", None: "-"}[r.met]
        lines.append(f"| {r.label} | {value} | {r.target} | {met} | {r.detail} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vendors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="rounds of the check measurements")
    parser.add_argument("--work", type=Path, default=None, help="where the catalogue is made")
    parser.add_argument("--write", action="store_true", help="record bench/RESULTS.md")
    parser.add_argument("--formats-only", action="store_true", help="measure only the formats (8)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="COMMAND:FORMAT",
        help="with --formats-only: measure these formats (and SARIF, the reference); no --write",
    )
    args = parser.parse_args()
    if args.only and args.write:
        parser.error("--only measures part of the table; it cannot --write it")
    work = args.work or Path(f"/tmp/vendorgate-bench-{args.vendors}")
    work.mkdir(parents=True, exist_ok=True)
    project = catalogue(work, args.vendors)
    before = machine()
    formats = format_table(format_rows(project, work, args.only))
    print(formats, flush=True)
    if args.formats_only:
        if args.write:
            write_block(formats, args, before, machine(), "formats")
        return
    rows, _ = check_ratios(project, work, args.runs)
    rows.append(startup_row(max(20, args.runs * 5)))
    rows += in_process_rows(project, min(args.vendors, 500))
    rows.append(memory_row(project, work, args.runs))
    after = machine()
    report = table(rows)
    print(report)
    if args.write:
        write_block(report, args, before, after, "results")
        write_block(formats, args, before, after, "formats")


def write_block(report: str, args: argparse.Namespace, before: str, after: str, name: str) -> None:
    """Replace the block ``name`` of bench/RESULTS.md (or add it at the end)."""
    path = HERE / "RESULTS.md"
    text = path.read_text("utf-8") if path.is_file() else ""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = (
        f"{start}\n"
        f"Measured on {date.today().isoformat()} with `bench/run.py --vendors {args.vendors} "
        f"--runs {args.runs}`.\n\n"
        f"Machine: {before}; at the end: load average {after.rsplit('load average ', 1)[1]}.\n\n"
        f"{report}\n{end}"
    )
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text + "\n" + block + "\n"
    path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
