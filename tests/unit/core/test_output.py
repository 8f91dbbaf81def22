"""Several output files are written all or nothing, even when a rename fails halfway."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendorgate.core import output
from vendorgate.core.errors import OutputError


def _fail_on_second_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the first rename happen, then fail the next as a full or read-only disk would."""
    real = output._replace
    calls: list[Path] = []

    def flaky(tmp: str, target: Path) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OutputError(f"{target}: cannot write output: injected failure")
        real(tmp, target)

    monkeypatch.setattr(output, "_replace", flaky)


def test_a_failed_rename_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = (tmp_path / name for name in ("a.sarif", "b.xml", "c.md"))
    first.write_text("old a")
    second.write_text("old b")
    _fail_on_second_rename(monkeypatch)

    with pytest.raises(OutputError, match=r"b\.xml"):
        output.write_atomic_many([(p, [b"new"]) for p in (first, second, third)])

    assert first.read_text() == "old a"
    assert second.read_text() == "old b"
    assert not third.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sarif", "b.xml"]


def test_a_new_file_already_renamed_is_removed_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "new.json", tmp_path / "other.json"
    _fail_on_second_rename(monkeypatch)

    with pytest.raises(OutputError):
        output.write_atomic_many([(first, [b"{}"]), (second, [b"{}"])])

    assert list(tmp_path.iterdir()) == []


def test_success_replaces_every_file_and_leaves_no_copies(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("old")
    first.chmod(0o640)

    output.write_atomic_many([(first, [b"one"]), (second, [b"two"])])

    assert (first.read_text(), second.read_text()) == ("one", "two")
    assert first.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
