"""Fixtures shared by every test (helpers live in ``tests/support/``)."""

from __future__ import annotations

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
