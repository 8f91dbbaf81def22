"""The plain terminal writer prints exactly what Rich prints without colour.

``--format text`` without colour no longer goes through Rich for every line and table; these
tests hold the two writers to the same bytes on generated lines and tables (tabs, brackets,
backslashes, wide and zero-width characters, cells past a column's maximum, tables wider than
the page) and on the whole text report of the repository's catalogue.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.cli import GOLDEN
from vendorgate.app import run
from vendorgate.report import RenderOptions, escape, render
from vendorgate.report.formats import text as text_format
from vendorgate.report.termtext import Column, PlainWriter, RichWriter

# Ordinary words most of the time, and now and then what makes Rich differ from the
# characters: markup brackets, backslashes, tabs, wide CJK, combining marks, zero-width space,
# the ellipsis and typographic quotes the report itself prints.
PIECES = st.sampled_from(
    [
        *("vendor", "plan", " ", "  ", "-", "a", "[", "]", "[bold]", "\\", "\t"),
        *("\u6f22", "e\u0301", "\u200b", "\u2026", "\u201c", ":", "::", "x" * 30),
    ]
)
TEXT = st.lists(PIECES, max_size=8).map(lambda parts: escape.inline("".join(parts)))
STYLES = st.sampled_from(["", "bold", "bold red", "green"])
PARTS = st.lists(st.tuples(STYLES, TEXT), max_size=4)
COLUMNS = st.lists(
    st.builds(
        Column,
        header=st.sampled_from(["verdict", "rule", "title", "n"]),
        min_width=st.none() | st.integers(1, 20),
        max_width=st.none() | st.integers(1, 40),
    ),
    min_size=1,
    max_size=4,
)


def _pair(width: int) -> tuple[PlainWriter, RichWriter]:
    return PlainWriter(width), RichWriter(width, color=False)


@settings(max_examples=400, deadline=None)
@given(st.integers(20, 140), st.lists(PARTS, max_size=5))
def test_lines_are_what_rich_prints(width: int, lines: list[list[tuple[str, str]]]) -> None:
    ours, rich = _pair(width)
    for parts in lines:
        ours.line(*parts)
        rich.line(*parts)
    assert ours.text() == rich.text()


@settings(max_examples=400, deadline=None)
@given(st.integers(20, 140), COLUMNS, st.data())
def test_tables_are_what_rich_draws(width: int, columns: list[Column], data: st.DataObject) -> None:
    rows = data.draw(st.lists(st.lists(PARTS, min_size=len(columns), max_size=len(columns))))
    ours, rich = _pair(width)
    ours.line(("", "before"))
    rich.line(("", "before"))
    ours.table(columns, rows)
    rich.table(columns, rows)
    assert ours.text() == rich.text()


def test_the_writer_draws_the_common_table_itself() -> None:
    """The fast path is taken for ordinary cells (else the tests above prove nothing)."""
    ours = PlainWriter(100)
    ours.table(
        [Column("rule", min_width=6), Column("title", max_width=8)],
        [[[("", "a-rule")], [("", "a long title")]]],
    )
    assert ours.text() == "rule   | title   \n-------+---------\na-rule | a long \u2026\n"


@pytest.fixture
def in_golden() -> Iterator[Path]:
    cwd = os.getcwd()
    os.chdir(GOLDEN)
    try:
        yield GOLDEN
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("verbose", [False, True])
def test_the_text_report_is_the_same_through_rich(
    in_golden: Path, monkeypatch: pytest.MonkeyPatch, verbose: bool
) -> None:
    result = run.check(org_path="org.yaml", today=date(2026, 1, 15))
    options = RenderOptions(color=False, width=100, verbose=verbose)
    fast = render("text", result, options)
    assert "decision: REJECTED" in fast
    monkeypatch.setattr(text_format, "writer", RichWriter)
    assert render("text", result, options) == fast
