"""A closed standard output (`>&-`) is an error, not a verdict nobody sees: Python then has no
stdout at all and every write would vanish without a word while the exit code spoke."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.cli import REPO

CHECK = ("check", "--org", "examples/orgs/hospital.yaml", "vendors/")


def _closed_stdout(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        ["sh", "-c", 'exec >&-; exec "$0" -m vendorgate "$@"', sys.executable, *args],
        cwd=REPO,
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )


def test_a_command_with_stdout_closed_exits_2_and_says_why() -> None:
    for args in (CHECK, ("validate", "vendors/"), ("schema", "org")):
        done = _closed_stdout(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert "standard output is closed" in done.stderr and "-o FILE" in done.stderr
        assert "internal error" not in done.stderr


def test_with_o_the_closed_stdout_does_not_matter(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    done = _closed_stdout(*CHECK, "-o", str(target))
    assert done.returncode == 1, done.stderr  # the hospital's blocking findings, as make demo
    assert "Decisions:" in target.read_text(encoding="utf-8")
