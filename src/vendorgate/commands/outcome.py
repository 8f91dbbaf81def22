"""What every command returns to the command line: the text to write, the exit code, and any
further files. Commands never print; ``vendorgate.cli.output`` writes an outcome."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Extra:
    """A file a command writes besides its main output."""

    path: str
    """Where, as the user (or the CI environment) named it."""
    data: str | bytes
    """Its whole content."""
    append: bool = False
    """Append with one write (the GitHub step summary, which other steps share) instead of
    replacing the file atomically."""


@dataclass(frozen=True)
class Target:
    """One of several outputs of one evaluation (``check -o a.sarif -o b.json``)."""

    path: str
    """Where, as the user named it; ``-`` is stdout."""
    parts: Iterable[str | bytes]
    """Its content, part after part (read once)."""


@dataclass(frozen=True)
class Outcome:
    """A command's answer."""

    parts: Iterable[str | bytes]
    """The main output, part after part, read once (a large report is never joined in memory);
    written to ``-o FILE`` atomically, or to stdout."""
    exit_code: int
    """0 nothing blocking, 1 blocking, 2 bad input (see ``vendorgate.commands.exits``)."""
    extras: tuple[Extra, ...] = ()
    """Further files, written before the main output so that a failed write leaves stdout
    empty."""
    notes: tuple[str, ...] = ()
    """Lines for stderr (what a person should know that is not the output itself)."""
    site: Iterable[tuple[str, bytes]] | None = None
    """Instead of ``parts``: files (path relative to the ``-o`` folder, bytes) to write as
    that folder's content, all or nothing (``report -o DIR/``); read once."""
    targets: tuple[Target, ...] = ()
    """Instead of ``parts``: the outputs the command was asked for, files written all or
    nothing (each to a temporary file first), then stdout's."""


def text(rendered: str, exit_code: int, *extras: Extra) -> Outcome:
    """An outcome whose main output is one rendered text."""
    return Outcome((rendered,), exit_code, extras)
