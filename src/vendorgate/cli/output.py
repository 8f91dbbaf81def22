"""Writing a command's outcome, and the one error handler at the edge. The only module of
vendorgate that writes to stdout or stderr."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import NoReturn

import click

from vendorgate.commands.outcome import Extra, Outcome, Target
from vendorgate.core.errors import (
    EXIT_BLOCKING,
    EXIT_INPUT,
    EXIT_OK,
    UsageError,
    VendorgateError,
)

EXIT_INTERRUPTED = 130
"""128 + SIGINT, as a shell reports a command stopped by Ctrl-C."""
EXIT_PIPE = 141
"""128 + SIGPIPE, as a shell reports a command whose reader went away (``| head``)."""


def deliver(
    outcome: Outcome, output: str | None = None, *, quiet: bool = False, soft_fail: bool = False
) -> NoReturn:
    """Write the extras, then the main output (to ``output`` atomically, or to stdout; or the
    outcome's several targets), then exit with the outcome's code. ``quiet``: nothing on
    stdout and no notes, only the files. ``soft_fail``: blocking findings exit 0 (bad input
    still exits 2)."""
    from vendorgate.core.output import (
        append_text,
        write_atomic,
        write_atomic_parts,
        write_tree,
    )

    if sys.stdout is None and not (outcome.targets or output or quiet):
        # A closed stdout (`>&-`) swallows every write without an error: the verdict would
        # go unseen while the exit code said it had been delivered.
        raise UsageError("standard output is closed: nothing could be written; give -o FILE")
    for extra in outcome.extras:
        _write_extra(extra, append_text, write_atomic)
    if not quiet:
        for note in outcome.notes:
            click.echo(note, err=True)
    code = EXIT_OK if soft_fail and outcome.exit_code == EXIT_BLOCKING else outcome.exit_code
    if outcome.targets:
        _write_targets(outcome.targets, quiet)
    elif outcome.site is not None and output:
        write_tree(output, outcome.site)
    elif output:
        write_atomic_parts(output, (_bytes(part) for part in outcome.parts))
    elif not quiet:
        for part in outcome.parts:
            click.echo(part, nl=False)
    else:
        for _ in outcome.parts:  # rendered all the same: an error must not pass unseen
            pass
    sys.exit(code)


def _write_targets(targets: tuple[Target, ...], quiet: bool) -> None:
    """Every file whole or none (see ``write_atomic_many``), then stdout's output."""
    from vendorgate.core.output import write_atomic_many

    files = [(t.path, (_bytes(part) for part in t.parts)) for t in targets if t.path != "-"]
    write_atomic_many(files)
    for target in targets:
        if target.path == "-":
            for part in target.parts:
                if not quiet:
                    click.echo(part, nl=False)


def _write_extra(
    extra: Extra,
    append: Callable[[str, str], None],
    replace: Callable[[str, str | bytes], None],
) -> None:
    if extra.append:
        data = extra.data.decode("utf-8") if isinstance(extra.data, bytes) else extra.data
        append(extra.path, data)
    else:
        replace(extra.path, extra.data)


def _bytes(part: str | bytes) -> bytes:
    return part.encode("utf-8") if isinstance(part, str) else part


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


@contextlib.contextmanager
def errors_shown() -> Iterator[None]:
    """Show a VendorgateError as its message (never a traceback) with its exit code; Ctrl-C
    exits 130; a reader that went away ends the run quietly. Click's own errors pass."""
    try:
        yield
    except (click.ClickException, click.exceptions.Exit, click.Abort):
        raise
    except VendorgateError as exc:
        text = exc.format()
        fail(text if "\n" in text else f"error: {text}", exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        _quiet_pipe()
    except Exception as exc:
        if os.environ.get("VENDORGATE_DEBUG"):
            raise
        fail(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a vendorgate bug; set VENDORGATE_DEBUG=1 for a traceback and report it."
        )


def _quiet_pipe() -> NoReturn:
    # Point stdout at /dev/null so that flushing it at exit does not fail a second time.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_PIPE)
