"""The package's shape, checked: no import cycle, no private name used across modules.

The layers themselves are checked by ``lint-imports`` (the contract in ``.importlinter``),
which ``make test`` runs; these are the properties it does not express.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

from tests.support.cli import REPO

PACKAGE = REPO / "src" / "vendorgate"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), lazy imports included."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.find_modules_directly_imported_by(module)):
            if target not in graph.modules:
                continue
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_takes_part_in_an_import_cycle() -> None:
    graph = grimp.build_graph("vendorgate")
    assert len(graph.modules) > 50  # the package was really read
    assert _cycles(graph) == []


def _private_uses(path: Path, modules: set[str]) -> list[str]:
    """``from vendorgate.x import _y`` and ``x._y`` where ``x`` is a vendorgate module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases: dict[str, str] = {}
    uses: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("vendorgate"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    uses.append(f"{path.name}:{node.lineno} imports {full}")
                if full in modules:
                    aliases[alias.asname or alias.name] = full
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            uses.append(f"{path.name}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    return uses


def test_no_module_uses_a_private_name_of_another() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {_module_name(p) for p in files}
    assert "vendorgate.engine.conditions" in modules
    uses = [use for path in files for use in _private_uses(path, modules)]
    assert uses == []


def test_the_private_name_check_sees_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from vendorgate.engine import conditions\n"
        "from vendorgate.load.yaml import _Builder\n"
        "conditions._Evaluation\n",
        encoding="utf-8",
    )
    uses = _private_uses(sample, {"vendorgate.engine.conditions"})
    assert len(uses) == 2
