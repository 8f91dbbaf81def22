"""The word index that finds quotes in a snapshot answers exactly as a scan of the whole
normalised text would (``needle in normalised``), for quotes found and not found."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgate.evidence import Snapshot, SnapshotStore, normalise

from .conftest import REPO

FILES = sorted((REPO / "snapshots").glob("*/*/*.md"))


@functools.cache
def snapshot(index: int) -> Snapshot:
    raw = FILES[index].read_bytes()
    text = raw.decode("utf-8")
    return Snapshot(FILES[index], hashlib.sha256(raw).hexdigest(), text, normalise(text))


@st.composite
def needles(draw: st.DrawFn) -> tuple[Snapshot, str]:
    snap = snapshot(draw(st.integers(0, len(FILES) - 1)))
    text = snap.normalised
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start, min(len(text), start + 300)))
    needle = text[start:end]
    change = draw(st.sampled_from(["none", "replace", "insert", "other-word", "join"]))
    if needle and change == "replace":
        at = draw(st.integers(0, len(needle) - 1))
        needle = needle[:at] + draw(st.sampled_from(["x", "Q", ".", "é"])) + needle[at + 1 :]
    elif change == "insert":
        at = draw(st.integers(0, len(needle)))
        needle = needle[:at] + draw(st.sampled_from([" the", "data ", "ZZ"])) + needle[at:]
    elif change == "other-word":
        needle = needle.replace(" the ", " a ", 1)
    elif change == "join":
        needle = needle.replace(" ", "", 1)
    return snap, normalise(needle)


@settings(max_examples=400, deadline=None)
@given(needles())
def test_the_index_finds_what_a_scan_finds(case: tuple[Snapshot, str]) -> None:
    snap, needle = case
    assert snap.contains(needle) == (needle in snap.normalised)


def test_the_store_answers_the_same_before_and_after_indexing(tmp_path: Path) -> None:
    snap = snapshot(0)
    words = snap.normalised.split(" ")
    quotes = [" ".join(words[i : i + 12]) for i in range(0, 600, 7)]
    quotes += [q.replace(" ", "  ", 1) + " nowhere in the text" for q in quotes[:20]]
    store = SnapshotStore(tmp_path)
    fresh = Snapshot(snap.path, snap.sha256, snap.text, snap.normalised)
    answers = [store.quoted(fresh, q) for q in quotes]
    assert fresh.indexed  # the index was built after the first few scans
    assert answers == [normalise(q) in snap.normalised for q in quotes]
    assert answers.count(True) == len(quotes) - 20
