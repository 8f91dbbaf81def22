"""The pre-commit hooks in .pre-commit-hooks.yaml, run for real by pre-commit on `git commit` in
a temporary repository.

Offline: the shipped hooks say `language: python`, which makes pre-commit build a virtualenv
and install vendorgate from an index. The test keeps every other field of each hook (id, entry
arguments, files, pass_filenames...) and runs it as a `repo: local` hook with
`language: system`, pointing the entry at the vendorgate already installed for the tests, so
nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.ci_fixture import GIT_ENV, git, make_repo, zoom_august, zoom_march
from tests.support.cli import REPO

HOOKS = REPO / ".pre-commit-hooks.yaml"


def shipped_hooks() -> list[dict[str, Any]]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and hooks
    return hooks


def local_config() -> str:
    local = []
    for hook in shipped_hooks():
        command, _, arguments = hook["entry"].partition(" ")
        assert command == "vendorgate"
        entry = f"{shlex.quote(sys.executable)} -m vendorgate {arguments}".strip()
        local.append({**hook, "entry": entry, "language": "system"})
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}, sort_keys=False)


def commit(repo: Path, message: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **GIT_ENV,
        "HOME": str(repo.parent),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-cache"),
        "NO_COLOR": "1",
    }
    return subprocess.run(
        ["git", "commit", "-m", message],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def hooked_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(local_config(), encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "-q", "-m", "pre-commit configuration")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache")}
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return repo


def test_the_shipped_hooks_validate_and_check_changed_vendor_files() -> None:
    hooks = {h["id"]: h for h in shipped_hooks()}
    assert set(hooks) == {"vendorgate-validate", "vendorgate-check"}
    assert hooks["vendorgate-validate"]["entry"] == "vendorgate validate"
    assert hooks["vendorgate-check"]["entry"] == "vendorgate check"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook.get("pass_filenames", True) is True


def test_pre_commit_blocks_a_failing_vendor_and_lets_a_passing_one_through(
    hooked_repo: Path,
) -> None:
    repo = hooked_repo
    head = git(repo, "rev-parse", "HEAD").stdout
    (repo / "vendors" / "zoom.yaml").write_text(zoom_august(), encoding="utf-8")
    git(repo, "add", "vendors/zoom.yaml")
    done = commit(repo, "add Zoom (August 2023 terms)")
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout + done.stderr
    assert "vendorgate validate" in out and "vendorgate check" in out
    assert "Failed" not in out
    passed = git(repo, "rev-parse", "HEAD").stdout
    assert passed != head

    (repo / "vendors" / "zoom-2023-03.yaml").write_text(
        zoom_march("zoom-2023-03"), encoding="utf-8"
    )
    git(repo, "add", "vendors/zoom-2023-03.yaml")
    done = commit(repo, "add Zoom (March 2023 terms)")
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert re.search(r"vendorgate check\.+Failed", out), out
    assert re.search(r"vendorgate validate\.+Passed", out), out
    assert "hipaa-no-ai-training-on-phi" in out
    assert "vendors/zoom-2023-03.yaml" in out
    assert git(repo, "rev-parse", "HEAD").stdout == passed  # nothing was committed


def test_pre_commit_rejects_an_invalid_profile_with_its_line(hooked_repo: Path) -> None:
    repo = hooked_repo
    broken = zoom_august().replace("value: never\n", "value: nope\n", 1)
    (repo / "vendors" / "zoom.yaml").write_text(broken, encoding="utf-8")
    git(repo, "add", "vendors/zoom.yaml")
    done = commit(repo, "add a broken profile")
    assert done.returncode != 0
    out = done.stdout + done.stderr
    assert re.search(r"vendorgate validate\.+Failed", out), out
    line = 1 + broken.splitlines().index("    value: nope")
    assert f"vendors/zoom.yaml:{line}:" in out


@pytest.mark.slow  # about 90 s on 2 cores: building the hook's virtualenv is most of it
def test_try_repo_installs_the_shipped_hooks_and_blocks_a_failing_vendor(tmp_path: Path) -> None:
    """The hooks as users get them: ``pre-commit try-repo`` clones this repository, builds the
    hook's virtualenv with ``language: python`` (vendorgate installed from the checkout, its
    dependencies from the package index) and runs both hooks, one after the other. It is the
    one test here that needs the package index, and the slowest; kept because nothing else
    proves the shipped hooks install."""
    repo = make_repo(tmp_path)
    (repo / "vendors" / "zoom-2023-03.yaml").write_text(
        zoom_march("zoom-2023-03"), encoding="utf-8"
    )
    git(repo, "add", "vendors/zoom-2023-03.yaml")
    assert all(hook["require_serial"] is True for hook in shipped_hooks())
    env = {
        **os.environ,
        **GIT_ENV,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "NO_COLOR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert re.search(r"vendorgate validate\.+Passed", out), out
    assert re.search(r"vendorgate check\.+Failed", out), out
    assert "hipaa-no-ai-training-on-phi" in out
