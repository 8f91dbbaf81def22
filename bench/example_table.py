"""The example organisations' outcomes, produced by running the real commands.

For each organisation in `examples/orgs/`, runs `vendorgate check --org FILE --format json`
and, for the hospital and the law firm, `vendorgate gate vendors/github.yaml --org FILE
--plan all --format json`, then prints Markdown: the summary table the README shows
(`--summary`) or the whole page `docs/example-organisations.md` (each outcome with the sentence
the engine gave for it).

    .venv/bin/python bench/example_table.py --summary          # the README table
    .venv/bin/python bench/example_table.py > docs/example-organisations.md

Pass `--as-of DATE` to replay another day (the default is the day the page was last made, so
the output does not change with the calendar).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ORGS = ("hospital", "law-firm", "school-district", "eu-saas", "us-bank")
GATED = ("hospital", "law-firm")
DECISIONS = ("rejected", "needs_review", "approved_with_conditions", "approved")
AS_OF = "2026-12-02"
SEVERITIES = ("critical", "high", "medium", "low", "info")


def vendorgate(*args: str) -> tuple[int, dict[str, Any]]:
    """Run the real command line; exit codes 0 and 1 are results, anything else is an error."""
    proc = subprocess.run(
        [sys.executable, "-m", "vendorgate", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 1, 3):
        sys.exit(f"vendorgate {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc.returncode, json.loads(proc.stdout)


def check(org: str, day: str) -> tuple[int, dict[str, Any]]:
    return vendorgate(
        "check", "--org", f"examples/orgs/{org}.yaml", "--as-of", day, "--format", "json"
    )


def gate(org: str, day: str) -> dict[str, Any]:
    _, report = vendorgate(
        "gate",
        "vendors/github.yaml",
        "--org",
        f"examples/orgs/{org}.yaml",
        "--plan",
        "all",
        "--as-of",
        day,
        "--format",
        "json",
    )
    return report


def label(vendor: dict[str, Any]) -> str:
    return (
        vendor["name"] + (f" ({vendor['plan']})" if vendor["plan"] else "") + (f" `{vendor['id']}`")
    )


def sentence(vendor: dict[str, Any]) -> str:
    """Why the decision is what it is, in the engine's own words."""
    findings = vendor["findings"]
    blocking = [f for f in findings if f["blocking"]]
    failing = [f for f in blocking if f["verdict"] in ("fail", "error")]
    for group in (failing, blocking):
        if group:
            worst = min(group, key=lambda f: SEVERITIES.index(f["severity"]))
            return str(worst["message"])
    open_ = [f for f in findings if f["verdict"] in ("fail", "undetermined", "waived")]
    if open_:
        return f"Nothing blocks; still open below the threshold: {open_[0]['message']}"
    return "Every applicable rule passes."


def summary(rows: Sequence[tuple[str, int, dict[str, Any]]]) -> list[str]:
    lines = [
        "| organisation | packs | blocks at | undetermined | exit | rejected | needs review "
        "| approved with conditions | approved |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for org, code, report in rows:
        counts = dict.fromkeys(DECISIONS, 0)
        for vendor in report["vendors"]:
            counts[vendor["decision"]] += 1
        o = report["organisation"]
        packs = ", ".join(p["id"] for p in report["packs"])
        lines.append(
            f"| {org} | {packs} | {o['blockingSeverity']} | {o['undetermined']} | {code} | "
            + " | ".join(str(counts[d]) for d in DECISIONS)
            + " |"
        )
    return lines


def github_table(gates: Sequence[tuple[str, dict[str, Any]]]) -> list[str]:
    lines = [
        "| organisation | plan | decision | blocking failures | documents asked for |",
        "| --- | --- | --- | --- | --- |",
    ]
    for org, report in gates:
        for plan in report["plans"]:
            fails = sorted({f["rule"] for f in plan["blocking"] if f["verdict"] == "fail"})
            asked = sorted(
                {
                    q["question"].split("which is not archived: ", 1)[1].rstrip(".")
                    for q in plan["questions"]
                    if "which is not archived: " in q["question"]
                }
            )
            lines.append(
                f"| {org} | {plan['plan'] or '(base)'} | {plan['decision']} | "
                f"{', '.join(fails) or '-'} | {'; '.join(asked) or '-'} |"
            )
    return lines


def page(
    rows: Sequence[tuple[str, int, dict[str, Any]]],
    gates: Sequence[tuple[str, dict[str, Any]]],
    day: str,
) -> list[str]:
    lines = [
        "# Example organisations: every outcome",
        "",
        "Generated by `python bench/example_table.py > docs/example-organisations.md`, which runs "
        f"`vendorgate check --org examples/orgs/<org>.yaml --as-of {day} --format json` for each "
        "organisation and `vendorgate gate vendors/github.yaml --org <org> --plan all` for the "
        "hospital and the law firm. Each sentence is the one the engine gave: the first blocking "
        "failure, else the first blocking unknown, else what stays open below the threshold.",
        "",
        *summary(rows),
        "",
        "## GitHub per agreement type",
        "",
        *github_table(gates),
        "",
    ]
    for org, code, report in rows:
        lines += [f"## {report['organisation']['name']} (`{org}`, exit {code})", ""]
        for decision in DECISIONS:
            vendors = [v for v in report["vendors"] if v["decision"] == decision]
            for vendor in vendors:
                lines.append(f"- **{decision}** {label(vendor)}: {sentence(vendor)}")
        lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--summary", action="store_true", help="print only the README tables")
    parser.add_argument("--as-of", default=AS_OF, help=f"evaluation day (default {AS_OF})")
    args = parser.parse_args()
    rows = [(org, *check(org, args.as_of)) for org in ORGS]
    gates = [(org, gate(org, args.as_of)) for org in GATED]
    if args.summary:
        out = [*summary(rows), "", *github_table(gates)]
    else:
        out = page(rows, gates, args.as_of)
    print("\n".join(out))


if __name__ == "__main__":
    main()
