"""A short, bounded atheris run in CI: the loader must survive mutated inputs seeded with
real profiles (see tests/fuzz/fuzz_load.py for longer sessions)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import TESTS

FUZZ = TESTS / "fuzz"


def test_short_fuzzing_session_finds_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "corpus", corpus)
    proc = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_load.py"), "-atheris_runs=4000", "-seed=1", str(corpus)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done 4000 in" in proc.stderr
