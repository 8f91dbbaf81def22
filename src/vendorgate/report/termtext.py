"""Terminal text for ``--format text``: lines of styled parts and simple tables, written either
through Rich (colour) or straight to a buffer (no colour), with the same bytes.

Rich lays out every ``print`` call: markup parsing, segments, measuring, padding. For a
catalogue of thousands of vendors that was most of ``check --format text``'s time, although
without colour the result is just the characters with the tables' spaces. :class:`PlainWriter`
writes those characters itself whenever the result is certain to be what Rich prints, and
hands the line or table to Rich otherwise (tabs, which Rich expands; brackets and backslashes,
which Rich's markup escaping treats specially; characters wider or narrower than one cell;
a table wider than the page, which Rich shrinks). ``tests/unit/report/test_termtext.py``
checks the two writers against each other on generated text.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Part = tuple[str, str]
"""A run of text and its Rich style (``""`` for none); the text is already escaped by the
shared policy (:mod:`vendorgate.report.escape`) and is not Rich markup."""
Cell = Sequence[Part]
"""A table cell: its runs of text, one line."""


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    header: str
    """The header text (plain)."""
    min_width: int | None = None
    """Fewest cells the column takes, padding not counted."""
    max_width: int | None = None
    """Most cells the column takes; longer values end in an ellipsis."""


def plain(text: str) -> Part:
    """Unstyled text."""
    return ("", text)


def styled(style: str, text: str) -> Part:
    """Text in a Rich style (shown only with colour)."""
    return (style, text)


class RichWriter:
    """Everything through a Rich console: colour, or the reference for :class:`PlainWriter`."""

    def __init__(self, width: int, color: bool) -> None:
        from rich.console import Console

        self._buffer = io.StringIO()
        self._color = color
        self._console = Console(
            file=self._buffer,
            width=width,
            force_terminal=color,
            no_color=not color,
            color_system="standard" if color else None,
            highlight=False,
            emoji=False,
            soft_wrap=True,
        )

    def line(self, *parts: Part) -> None:
        """One line (no parts: an empty line)."""
        self._console.print(_markup(parts))

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> None:
        """A table: ASCII rules without colour, Rich's simple box with it; cells never wrap."""
        from rich import box
        from rich.table import Table

        table = Table(
            box=box.SIMPLE if self._color else box.ASCII2, show_edge=False, pad_edge=False
        )
        for c in columns:
            table.add_column(
                c.header,
                no_wrap=True,
                min_width=c.min_width,
                max_width=c.max_width,
                overflow="ellipsis",
            )
        for row in rows:
            table.add_row(*(_markup(cell) for cell in row))
        self._console.print(table)

    def text(self) -> str:
        """Everything written so far."""
        return self._buffer.getvalue()


class PlainWriter:
    """No colour: the characters themselves, as Rich would print them without colour."""

    def __init__(self, width: int) -> None:
        self._width = width
        self._out: list[str] = []

    def line(self, *parts: Part) -> None:
        """One line (no parts: an empty line)."""
        text = "".join(t for _, t in parts)
        if _verbatim(text):
            self._out.append(text + "\n")
        else:
            self._out.append(self._by_rich(lambda rich: rich.line(*parts)))

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> None:
        """The table as Rich draws it with ASCII rules, when it fits the page unshrunk."""
        headers = [c.header for c in columns]
        cells = [["".join(t for _, t in cell) for cell in row] for row in rows]
        widths = _widths(columns, [headers, *cells])
        total = sum(widths) + 3 * len(widths) - 3  # padding and rules, no outer edge
        drawable = all(_narrow(t) for row in (headers, *cells) for t in row)
        if widths and total <= self._width and drawable:
            self._out.append(_row(headers, widths))
            self._out.append("-+-".join("-" * w for w in widths) + "\n")
            self._out.extend(_row(row, widths) for row in cells)
        else:
            self._out.append(self._by_rich(lambda rich: rich.table(columns, rows)))

    def text(self) -> str:
        """Everything written so far."""
        return "".join(self._out)

    def _by_rich(self, write: Callable[[RichWriter], None]) -> str:
        rich = RichWriter(self._width, color=False)
        write(rich)
        return rich.text()


def writer(width: int, color: bool) -> RichWriter | PlainWriter:
    """The writer for a page ``width`` cells wide."""
    return RichWriter(width, color) if color else PlainWriter(width)


def _markup(parts: Sequence[Part]) -> str:
    from rich.markup import escape

    return "".join(f"[{style}]{escape(t)}[/]" if style else escape(t) for style, t in parts)


def _verbatim(text: str) -> bool:
    """Rich prints this unchanged: no tab to expand, no markup escape to interpret, no control
    code to strip (the escaping policy leaves none but tabs)."""
    return "\t" not in text and "[" not in text and "\\" not in text and "\r" not in text


def _narrow(text: str) -> bool:
    """Every character takes exactly one cell, so slicing is truncating."""
    if text.isascii():
        return text.isprintable() and _verbatim(text)
    from rich.cells import cell_len

    return _verbatim(text) and text.isprintable() and cell_len(text) == len(text)


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[int]:
    widths = []
    for i, column in enumerate(columns):
        width = max(len(row[i]) for row in rows)
        if column.min_width is not None:
            width = max(width, column.min_width)
        if column.max_width is not None:
            width = min(width, column.max_width)
        widths.append(width)
    return widths


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return " | ".join(_fit(t, w) for t, w in zip(cells, widths, strict=True)) + "\n"


def _fit(text: str, width: int) -> str:
    text = text.rstrip()
    if len(text) > width:
        text = text[: width - 1] + "\u2026"
    return text.ljust(width)
