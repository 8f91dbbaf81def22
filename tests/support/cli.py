"""Paths of the repository and its fixtures, and the real command line run as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
REPO = TESTS.parent
GOLDEN = TESTS / "golden"


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real `vendorgate` entry point in a subprocess, as a user would."""
    # The tester's terminal size must not shape the output the tests read (COLUMNS is set by
    # some shells and test runners even where no terminal is attached).
    inherited = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    full_env = {**inherited, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "vendorgate", *args],
        cwd=cwd or REPO,
        env=full_env,
        capture_output=True,
        text=True,
        input=input_text,
        timeout=300,
        check=False,
    )


def empty_catalogue(root: Path) -> Path:
    """``root`` as a project with the shipped organisation (without its per-vendor usage and
    waivers, which name vendors this empty catalogue does not hold), the shipped rule packs and
    an empty ``vendors/``."""
    import yaml

    org = yaml.safe_load((REPO / "vendorgate.yaml").read_text(encoding="utf-8"))
    org.pop("usage", None)
    org.pop("waivers", None)
    (root / "vendorgate.yaml").write_text(yaml.safe_dump(org, sort_keys=False), "utf-8")
    shutil.copytree(REPO / "rules", root / "rules")
    (root / "vendors").mkdir()
    return root


def onboarded(root: Path, name: str, text: str, url: str, *as_of: str) -> Path:
    """``root`` as :func:`empty_catalogue`, with ``text`` written to ``name`` and onboarded by
    ``vendorgate new acme`` (``as_of``: ``"--as-of", DAY`` when the day matters)."""
    empty_catalogue(root)
    (root / name).write_text(text, encoding="utf-8")
    made = run_cli("new", "acme", name, "--url", url, *as_of, cwd=root)
    assert made.returncode == 0, made.stderr
    return root
