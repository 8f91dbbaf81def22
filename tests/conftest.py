"""Fixtures shared by every test (helpers live in ``tests/support/``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN


@pytest.fixture(autouse=True, scope="session")
def private_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The cache and the cache's signing key go to the user's folders: tests use their own
    (subprocesses inherit them), never the real home's."""
    base = tmp_path_factory.mktemp("user")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    patch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    yield
    patch.undo()


@pytest.fixture
def in_golden(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run with the golden fixture folder as the working directory, so paths are stable."""
    monkeypatch.chdir(GOLDEN)
    yield GOLDEN


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test fails the run: every real part (regopy, OPA, trestle, Chromium, the
    SARIF Multitool) is installed by the repo's own files there, so a skip means a check that
    silently did not happen."""
    if os.environ.get("CI") != "true" or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:  # an xdist worker: the controller counts its reports
        return
    skipped = reporter.stats.get("skipped", [])
    if skipped:
        reporter.write_sep("=", f"CI=true: {len(skipped)} skipped; every test must run in CI")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
