"""`-o FILE` gives the file the mode the umask allows (or keeps an existing file's mode), not
the 0600 of the temporary file it is written through."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.support.cli import REPO


def _schema_to(path: Path, umask: int) -> None:
    code = (
        f"import os, sys; os.umask({umask}); sys.argv = ['vendorgate', 'schema', 'org', '-o', "
        f"{str(path)!r}]; from vendorgate.cli import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_new_output_file_honours_the_umask(tmp_path: Path) -> None:
    for umask, expected in ((0o022, 0o644), (0o077, 0o600), (0o002, 0o664)):
        path = tmp_path / f"org-{umask:o}.json"
        _schema_to(path, umask)
        assert stat.S_IMODE(path.stat().st_mode) == expected
        assert path.read_text("utf-8").startswith("{")


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "org.json"
    path.write_text("old", "utf-8")
    os.chmod(path, 0o640)
    _schema_to(path, 0o022)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text("utf-8") != "old"
