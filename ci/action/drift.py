"""The drift step of action.yml (``mode: drift``): has a document that a vendor profile cites
changed on the vendor's site, and what would that change?

1. ``vendorgate watch --save`` fetches every document and stores each changed page.
2. For each changed document with cited quotes: ``vendorgate evidence diff`` between the pinned
   snapshot and the fetched page (the sections that changed, the facts whose quotes vanished).
3. A copy of the repository in which those pages replace their snapshots (and the profiles pin
   their sha256) is compared with the repository as it is: ``vendorgate diff`` names the
   verdicts that would flip if the new text were adopted as it stands.

The Markdown report goes to ``$RUNNER_TEMP/vendorgate-drift.md``, named by the step's
``report`` output; ``changed`` says whether there is anything to report. Inputs arrive as
environment variables only. Exit 0 whether or not a document changed; 2 (or watch's own code)
when an input is bad, so a broken run never looks like "nothing changed".
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

VENDORGATE = os.environ["VENDORGATE"]
TEMP = Path(os.environ.get("RUNNER_TEMP", "/tmp"))
SAVED = TEMP / "vendorgate-drift-pages"
AFTER = TEMP / "vendorgate-drift-after"
REPORT = TEMP / "vendorgate-drift.md"


def output(name: str, value: str) -> None:
    with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
        handle.write(f"{name}={value}\n")


def vendorgate(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([VENDORGATE, *args], cwd=cwd, capture_output=True, text=True, check=False)


def pinned(profile: Path, doc_id: str) -> tuple[Path, str]:
    """The snapshot file and sha256 that ``profile`` pins for document ``doc_id``."""
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    for document in data.get("documents", []):
        if document.get("id") == doc_id:
            return profile.parent / document["snapshot"], str(document["sha256"])
    raise SystemExit(f"{profile}: no document {doc_id!r}, which watch reported")


def main() -> int:
    paths = os.environ.get("VG_VENDORS", "").split()
    watched = vendorgate("watch", "--save", str(SAVED), "--format", "json", *paths)
    sys.stderr.write(watched.stderr)
    if watched.returncode not in (0, 1):
        return watched.returncode
    documents = json.loads(watched.stdout)["documents"]
    changed = [d for d in documents if d["status"] == "changed" and d["saved"] and d["quotes"]]
    unreachable = [d for d in documents if d["status"] == "unreachable"]
    if not changed and not unreachable:
        output("changed", "false")
        return 0

    shutil.rmtree(AFTER, ignore_errors=True)
    shutil.copytree(Path.cwd(), AFTER, ignore=shutil.ignore_patterns(".git"))
    lines = ["# Cited vendor documents changed", ""]
    for item in changed:
        profile = Path(item["quotes"][0]["location"]["path"])
        snapshot, sha = pinned(profile, item["doc"])
        lines += [f"## {item['vendor']}: {item['title']}", "", f"<{item['url']}>", ""]
        compared = vendorgate(
            "evidence",
            "diff",
            str(snapshot),
            item["saved"],
            "--vendors",
            str(profile),
            "--format",
            "markdown",
        )
        if compared.returncode not in (0, 1):
            sys.stderr.write(compared.stderr)
            return compared.returncode
        lines += [compared.stdout.rstrip(), ""]
        shutil.copyfile(item["saved"], AFTER / snapshot)
        moved = AFTER / profile
        moved.write_text(
            moved.read_text(encoding="utf-8").replace(sha, item["sha256"]), encoding="utf-8"
        )
    for item in unreachable:
        lines.append(
            f"- unreachable: {item['vendor']} {item['doc']} <{item['url']}>: {item['reason']}"
        )
    if changed:
        flipped = vendorgate("diff", str(Path.cwd()), str(AFTER), "--format", "markdown")
        if flipped.returncode not in (0, 1):
            sys.stderr.write(flipped.stderr)
            return flipped.returncode
        lines += ["", "## Verdicts that would flip with the new text", "", flipped.stdout.rstrip()]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output("changed", "true")
    output("report", str(REPORT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
