"""The command line's edge: every command writes the same bytes to ``-o FILE`` as to stdout,
``--format`` offers what the registry lists, and no module outside ``cli`` imports click or
writes to stdout."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from tests.support.cli import GOLDEN, REPO, run_cli
from vendorgate.cli import main
from vendorgate.report import view_choices

PACKAGE = REPO / "src" / "vendorgate"
ZOOM = "snapshots/zoom/terms-of-service"

# One invocation per command, each from a folder where it reads only fixtures.
INVOCATIONS: dict[str, tuple[Path, tuple[str, ...]]] = {
    "validate": (GOLDEN, ("validate", "org.yaml", "rules", "vendors", "--as-of", "2026-01-15")),
    "check": (GOLDEN, ("check", "--org", "org.yaml", "--as-of", "2026-01-15", "--format", "json")),
    "schema": (GOLDEN, ("schema", "vendor")),
    "evidence verify": (GOLDEN, ("evidence", "verify", "vendors")),
    "evidence diff": (
        REPO,
        (
            "evidence",
            "diff",
            f"{ZOOM}/2023-07-28.md",
            f"{ZOOM}/2023-08-07.md",
            "--vendors",
            "vendors/zoom-2023-03.yaml",
        ),
    ),
    "report": (GOLDEN, ("report", "--org", "org.yaml", "--as-of", "2026-01-15")),
    "explain": (
        GOLDEN,
        (
            "explain",
            "vendors/zoom-march.yaml",
            "golden-no-ai-training",
            "--org",
            "org.yaml",
            "--as-of",
            "2026-01-15",
        ),
    ),
    "scan": (REPO, ("scan", f"{ZOOM}/2023-08-11.md", "--format", "json")),
    "gate": (
        GOLDEN,
        ("gate", "vendors/zoom-march.yaml", "--org", "org.yaml", "--as-of", "2026-01-15"),
    ),
    "test": (REPO, ("test", "rules/ai-baseline.yaml", "--as-of", "2026-01-15")),
    "review": (REPO, ("review", "tests/golden/review/zoom-unreviewed.yaml")),
}


@pytest.mark.parametrize("name", sorted(INVOCATIONS))
def test_output_file_holds_the_bytes_stdout_gets(name: str, tmp_path: Path) -> None:
    cwd, args = INVOCATIONS[name]
    shown = run_cli(*args, cwd=cwd)
    target = tmp_path / "out"
    written = run_cli(*args, "-o", str(target), cwd=cwd)
    assert shown.returncode in (0, 1), shown.stderr
    assert written.returncode == shown.returncode, written.stderr
    assert written.stdout == ""
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert shown.stdout


def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(_commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


def _option(command: click.Command, flag: str) -> click.Option | None:
    for param in command.params:
        if isinstance(param, click.Option) and flag in param.opts:
            return param
    return None


def test_every_command_accepts_an_output_file() -> None:
    commands = _commands(main)
    assert len(commands) == 16  # new, init and review included
    missing = [name for name, command in commands.items() if _option(command, "-o") is None]
    assert missing == []


KINDS = {
    "check": ("check",),
    "report": ("report",),
    "gate": ("gate", "gate-record-verification"),
    "diff": ("diff",),
    "evidence verify": ("evidence-verify",),
    "evidence diff": ("evidence-diff",),
    "watch": ("watch",),
    "scan": ("scan", "scan-comparison"),
    "explain": ("explain",),
    "review": ("review",),
    "test": ("test",),
}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_format_choices_come_from_the_registry(name: str) -> None:
    option = _option(_commands(main)[name], "--format")
    assert option is not None and isinstance(option.type, click.Choice)
    expected = list(dict.fromkeys(f for kind in KINDS[name] for f in view_choices(kind)))
    assert list(option.type.choices) == expected
    assert all(f"{fmt}:" in (option.help or "") for fmt in expected)


def _edge_uses(path: Path) -> list[str]:
    """Imports of click and writes to stdout (``print``, ``sys.stdout``) in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    uses = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Import)
            and any(a.name.split(".")[0] == "click" for a in node.names)
        ) or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "click"):
            uses.append(f"{path.name}:{node.lineno} imports click")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and (node.func.id == "print")
        ):
            uses.append(f"{path.name}:{node.lineno} prints")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in ("stdout", "stderr")
            and (isinstance(node.value, ast.Name) and node.value.id == "sys")
        ):
            uses.append(f"{path.name}:{node.lineno} uses sys.{node.attr}")
    return uses


def test_only_the_cli_imports_click_or_writes_to_stdout() -> None:
    outside = [
        p for p in sorted(PACKAGE.rglob("*.py")) if "cli" not in p.relative_to(PACKAGE).parts
    ]
    assert len(outside) > 50
    uses = [use for path in outside for use in _edge_uses(path)]
    assert uses == []


def test_the_edge_check_sees_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sys\nimport click\nprint('x')\nsys.stdout.write('y')\n")
    assert len(_edge_uses(sample)) == 3


def test_a_bad_date_is_a_located_error_without_output(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    done = run_cli("check", "--as-of", "2026-13-45", "-o", str(target), cwd=GOLDEN)
    assert done.returncode == 2 and "--as-of" in done.stderr
    assert "Traceback" not in done.stderr and not target.exists()
