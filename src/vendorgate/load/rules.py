"""Building rule packs from validated YAML, with the checks a schema cannot express:
operators that fit the fact's type, values from the fact's vocabulary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vendorgate.core import vocabulary as v
from vendorgate.core.errors import InputError, Problem
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import (
    AllOf,
    AnyOf,
    Applicability,
    Citation,
    Condition,
    Leaf,
    Location,
    Not,
    Rule,
    RulePack,
    Severity,
)
from vendorgate.load.yaml import Document, PathKey

OPERATORS = (
    "equals",
    "not_equals",
    "in",
    "not_in",
    "at_least",
    "at_most",
    "before",
    "after",
    "contains",
    "not_contains",
    "subset_of",
    "is",
)
_OPS_BY_KIND = {
    "enum": {"equals", "not_equals", "in", "not_in", "is"},
    "integer": {"equals", "not_equals", "in", "not_in", "at_least", "at_most", "is"},
    "list": {"contains", "not_contains", "subset_of", "is"},
    "subprocessors": {"is"},
    "field": {"contains", "not_contains", "subset_of", "is"},
}
_SUBPROCESSOR_FIELDS = {"name": (), "region": v.REGIONS, "category": v.SUBPROCESSOR_CATEGORIES}


def build_pack(doc: Document, path: Path) -> RulePack:
    """A RulePack from a schema-valid document."""
    data: dict[str, Any] = doc.data
    problems: list[Problem] = []
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, item in enumerate(data["rules"]):
        where: PathKey = ("rules", index)
        if item["id"] in seen:
            problems.append(doc.problem((*where, "id"), f"duplicate rule id `{item['id']}`"))
            continue
        seen.add(item["id"])
        condition = _condition(doc, item["condition"], (*where, "condition"), problems)
        rules.append(
            Rule(
                id=item["id"],
                title=item["title"],
                severity=Severity(item["severity"]),
                condition=condition,
                citations=tuple(_citation(c) for c in item["citations"]),
                remediation=item["remediation"],
                pack=data["id"],
                location=_loc(doc, where),
                applies_to=_applicability(item.get("applies_to", {})),
                description=item.get("description", ""),
                examples=str(path.parent / item["examples"]) if "examples" in item else "",
            )
        )
    if problems:
        raise InputError(problems)
    return RulePack(
        id=data["id"],
        title=data["title"],
        rules=tuple(rules),
        path=doc.path,
        description=data.get("description", ""),
        sha256=doc.sha256,
    )


def _loc(doc: Document, path: PathKey) -> Location:
    line, column = doc.position(path)
    return Location(doc.path, line, column)


def _citation(item: dict[str, Any]) -> Citation:
    return Citation(
        citation=item["citation"],
        url=item["url"],
        title=item.get("title", ""),
        authority=item.get("authority", ""),
        verified=bool(item.get("verified", True)),
        kind=item.get("kind", "authority"),
    )


def _applicability(item: dict[str, Any]) -> Applicability:
    return Applicability(
        sectors=tuple(item.get("sectors", ())),
        jurisdictions=tuple(item.get("jurisdictions", ())),
        vendor_categories=tuple(item.get("vendor_categories", ())),
        data_classes=tuple(item.get("data_classes", ())),
    )


def _condition(
    doc: Document, item: dict[str, Any], path: PathKey, problems: list[Problem]
) -> Condition:
    if "all" in item:
        return AllOf(
            tuple(
                _condition(doc, c, (*path, "all", i), problems) for i, c in enumerate(item["all"])
            ),
            _loc(doc, path),
        )
    if "any" in item:
        return AnyOf(
            tuple(
                _condition(doc, c, (*path, "any", i), problems) for i, c in enumerate(item["any"])
            ),
            _loc(doc, path),
        )
    if "not" in item:
        return Not(_condition(doc, item["not"], (*path, "not"), problems), _loc(doc, path))
    op = next(k for k in item if k != "fact")
    leaf = Leaf(item["fact"], op, _operand(item[op]), _loc(doc, path))
    problems.extend(_check_leaf(doc, leaf, (*path, op)))
    return leaf


def _operand(raw: Any) -> object:
    return tuple(raw) if isinstance(raw, list) else raw


def _fact_kind(fact: str) -> tuple[str, tuple[str, ...]]:
    if fact.startswith("subprocessors."):
        return "field", _SUBPROCESSOR_FIELDS[fact.split(".", 1)[1]]
    spec = v.FACTS_BY_NAME[fact]
    return spec.kind, spec.values


def _check_leaf(doc: Document, leaf: Leaf, path: PathKey) -> list[Problem]:
    kind, values = _fact_kind(leaf.fact)
    allowed = _OPS_BY_KIND[kind]
    if leaf.op not in allowed:
        return [
            doc.problem(
                path,
                f"`{leaf.op}` does not apply to `{leaf.fact}` ({kind} fact); "
                f"use one of {', '.join(sorted(allowed))}",
                of_key=True,
            )
        ]
    if leaf.op == "is" or not values:
        return []
    operands = leaf.operand if isinstance(leaf.operand, tuple) else (leaf.operand,)
    problems = []
    for operand in operands:
        if operand not in values and operand != v.UNDISCLOSED:
            hint = did_you_mean(str(operand), values)
            problems.append(
                doc.problem(
                    path,
                    f"`{operand}` is never a value of `{leaf.fact}`; its values are "
                    f"{', '.join(values)}{hint}",
                )
            )
    return problems
