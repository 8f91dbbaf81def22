"""Fixtures shared by every test (helpers live in ``tests/support/``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import GOLDEN


@pytest.fixture
def in_golden(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run with the golden fixture folder as the working directory, so paths are stable."""
    monkeypatch.chdir(GOLDEN)
    yield GOLDEN
