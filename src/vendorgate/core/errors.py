"""User-facing errors. Each carries an exit code and formats itself; only the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_BLOCKING = 1
EXIT_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as possible."""

    message: str
    """What is wrong and, where it can, how to fix it."""
    path: str
    """The file, as the user named it (or relative to the working directory)."""
    line: int = 0
    """1-based line, 0 when unknown."""
    column: int = 0
    """1-based column, 0 when unknown."""

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class VendorgateError(Exception):
    """Base of every error shown to users; never shown with a traceback."""

    exit_code = EXIT_INPUT

    def format(self) -> str:
        return str(self)


class InputError(VendorgateError):
    """One or more inputs are wrong. Exit 2; every problem names its file:line:col."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(self.format())

    def format(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class UsageError(VendorgateError):
    """The invocation is wrong (a missing file, an unknown option value). Exit 2."""

    exit_code = EXIT_INPUT


class OutputError(VendorgateError):
    """The output could not be written; nothing partial was left behind. Exit 2."""

    exit_code = EXIT_INPUT


class MissingExtraError(VendorgateError):
    """An optional dependency is needed for this feature. Exit 2."""

    exit_code = EXIT_INPUT

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package `{module}`: pip install 'vendorgate[{extra}]'"
        )
