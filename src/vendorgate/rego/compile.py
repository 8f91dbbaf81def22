"""YAML rules -> Rego modules, and the policy (modules + data) that decides a vendor.

Each YAML rule becomes one module, ``package vendorgate.compiled.<pack>.<rule>``, whose
``finding`` is the rule's finding for ``input``. The semantics live in ``lib.rego`` (package
``vendorgate.lib``); a compiled module only wires the rule's leaf tests and its all/any/not
tree to it. ``package vendorgate`` holds ``findings`` (every enabled rule, in pack and rule
order) and ``decision``. Rule metadata and the organisation profile are data
(``data.vendorgate.rules`` and ``data.vendorgate.org``), the same data an OPA bundle ships.

Everything here is plain text generation: the same packs and organisation always give
byte-identical modules, data and revision. regopy is not needed to compile.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from vendorgate.engine import describe_test
from vendorgate.model import AllOf, AnyOf, Condition, Leaf, Not, OrgProfile, Rule, RulePack

ROOT = "vendorgate"
"""The bundle root: every generated package and all data live below ``data.vendorgate``."""
DECISION_PATH = "vendorgate/decision"
"""The decision's entrypoint, as OPA's REST API and ``regopy`` name it."""
LIB_PATH = "vendorgate/lib.rego"
DECISION_MODULE_PATH = "vendorgate/decision.rego"
USER_PACKAGE_PREFIX = "vendorgate.packs."
"""Packages of Rego modules written by users must sit here (or outside ``vendorgate``)."""

_KEYWORDS = frozenset(
    {
        "as", "contains", "data", "default", "else", "every", "false", "if", "import", "in",
        "input", "not", "null", "package", "some", "true", "with",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Module:
    """One Rego module of a policy."""

    path: str
    """Path inside the bundle, e.g. ``vendorgate/compiled/hipaa/baa.rego``."""
    text: str
    """The module source."""
    source: str = ""
    """The user's file it came from (display path), or empty for generated modules."""
    shifts: tuple[tuple[int, int], ...] = ()
    """(row, characters added) where a user's rule head was renamed, to map columns back."""


@dataclass(frozen=True)
class RegoRuleRef:
    """Where the results of a rule written in Rego are found (see ``vendorgate.rego.packs``)."""

    rule: str
    """The vendorgate rule id."""
    package: str
    """The module's package, e.g. ``vendorgate.packs.ai``."""
    name: str
    """The rule's name after separation, e.g. ``vendorgate_ai_subprocessor_regions``."""


@dataclass(frozen=True)
class Policy:
    """Everything the decision needs besides the input: modules and data."""

    modules: tuple[Module, ...]
    """Library, compiled rules, users' Rego modules, decision; sorted by path."""
    data: dict[str, Any] = field(hash=False)
    """The base document, ``{"vendorgate": {"org": ..., "rules": ..., "revision": ...}}``."""
    revision: str = ""
    """sha256 of the modules and the data (without the revision itself)."""

    @property
    def entrypoints(self) -> tuple[str, ...]:
        return (DECISION_PATH,)


@cache
def library() -> str:
    """The shared library module, verbatim."""
    return resources.files("vendorgate.rego").joinpath("lib.rego").read_text("utf-8")


def identifier(text: str) -> str:
    """A Rego identifier made from an id (``hipaa-baa`` -> ``hipaa_baa``)."""
    ident = re.sub(r"[^A-Za-z0-9_]", "_", text)
    if not ident or ident[0].isdigit():
        ident = "r_" + ident
    return ident + "_" if ident in _KEYWORDS else ident


def _unique(names: Sequence[str]) -> dict[str, str]:
    """Identifiers for ids, disambiguated by a short hash when two ids map to one name."""
    plain = {name: identifier(name) for name in names}
    counts: dict[str, int] = {}
    for ident in plain.values():
        counts[ident] = counts.get(ident, 0) + 1
    return {
        name: ident
        if counts[ident] == 1
        else f"{ident}_{hashlib.sha256(name.encode()).hexdigest()[:8]}"
        for name, ident in plain.items()
    }


def literal(value: object) -> str:
    """A Rego term for a JSON value (JSON literals are valid Rego terms)."""
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


# ---------------------------------------------------------------- one rule


@dataclass(frozen=True)
class _CompiledLeaf:
    index: int
    leaf: Leaf
    negated: bool

    @property
    def base(self) -> str:
        return self.leaf.fact.split(".", 1)[0]

    @property
    def projection(self) -> str:
        return self.leaf.fact.split(".", 1)[1] if "." in self.leaf.fact else ""


def _flatten(cond: Condition, negated: bool, out: list[_CompiledLeaf]) -> str:
    """Collect leaves in document order; return the Rego expression of the tree's outcome."""
    if isinstance(cond, Leaf):
        out.append(_CompiledLeaf(len(out), cond, negated))
        return f"leaf{len(out) - 1}.outcome"
    if isinstance(cond, Not):
        return f"lib.negate({_flatten(cond.item, not negated, out)})"
    items = [_flatten(c, negated, out) for c in cond.items]
    func = "lib.all_of" if isinstance(cond, AllOf) else "lib.any_of"
    assert isinstance(cond, (AllOf, AnyOf))
    return f"{func}([{', '.join(items)}])"


def leaf_test(leaf: Leaf, value: str, base: str) -> tuple[str, bool]:
    """The Rego call computing a leaf's raw outcome, and whether the evidence policy applies."""
    op, operand = leaf.op, leaf.operand
    listed = literal(operand if isinstance(operand, tuple) else (operand,))
    if op == "is":
        if operand == "undisclosed":
            return f"lib.op_is_undisclosed({value})", False
        if operand == "disclosed":
            return f"lib.op_is_disclosed({value})", True
        return f"lib.op_is_evidenced({value}, {literal(base)})", True
    if op in ("equals", "not_equals", "contains", "not_contains"):
        return f"lib.op_{op}({value}, {literal(operand)})", True
    if op in ("in", "not_in", "subset_of"):
        return f"lib.op_{op}({value}, {listed})", True
    if op in ("at_least", "at_most", "before", "after"):
        # The native engine compares integers with integers and text with text only.
        if isinstance(operand, bool | int):
            return f"lib.op_compare_int({literal(op)}, {value}, {int(operand)})", True
        if isinstance(operand, str):
            return f"lib.op_compare_text({literal(op)}, {value}, {literal(operand)})", True
        return '"undetermined"', True
    raise ValueError(f"operator `{op}` cannot be compiled to Rego")


def _describe_condition(cond: Condition, depth: int = 0) -> list[str]:
    pad = "#   " + "  " * depth
    if isinstance(cond, Leaf):
        return [f"{pad}- {cond.fact} {cond.op} {literal(cond.operand)}"]
    if isinstance(cond, Not):
        return [f"{pad}- not:", *_describe_condition(cond.item, depth + 1)]
    kind = "all" if isinstance(cond, AllOf) else "any"
    lines = [f"{pad}- {kind}:"]
    for item in cond.items:
        lines.extend(_describe_condition(item, depth + 1))
    return lines


def compile_rule(rule: Rule, package: str) -> str:
    """The Rego module of one YAML rule."""
    leaves: list[_CompiledLeaf] = []
    tree = _flatten(rule.condition, False, leaves)
    lines = [
        f"# Rule `{rule.id}` of pack `{rule.pack}`, compiled by vendorgate. Do not edit: "
        "change the YAML rule and rebuild.",
        "#",
        "# Condition (what a compliant vendor satisfies):",
        *_describe_condition(rule.condition),
        f"package {package}",
        "",
        "import rego.v1",
        "",
        "import data.vendorgate.lib",
        "",
        f"id := {literal(rule.id)}",
        "",
    ]
    specs = []
    for item in leaves:
        leaf = item.leaf
        call, checked = leaf_test(leaf, f"val{item.index}", item.base)
        value = f"lib.value({literal(item.base)}, {literal(item.projection)})"
        lines.append(f"val{item.index} := {value}")
        lines.append(
            f"leaf{item.index} := lib.leaf({call}, val{item.index}, {literal(item.base)}, "
            f"{'true' if checked else 'false'})"
        )
        lines.append("")
        specs.append(
            {
                "fact": leaf.fact,
                "base": item.base,
                "expects": describe_test(leaf),
                "negated": item.negated,
            }
        )
    reads = list(dict.fromkeys(item.base for item in leaves))
    lines += [
        "# Each leaf: the fact it reads, what it expects, and whether a `not` inverts it.",
        "specs := [",
        *[f"\t{literal(spec)}," for spec in specs],
        "]",
        "",
        f"results := [{', '.join(f'leaf{i.index}' for i in leaves)}]",
        "",
        f"outcome := {tree}",
        "",
        f"finding := lib.finding(id, specs, results, outcome, {literal(reads)})",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- data


def rule_data(rule: Rule) -> dict[str, Any]:
    """A rule's metadata as the decision reads it from ``data.vendorgate.rules``."""
    scope = rule.applies_to
    return {
        "id": rule.id,
        "title": rule.title,
        "pack": rule.pack,
        "severity": rule.severity.value,
        "description": rule.description,
        "applies_to": {
            "sectors": list(scope.sectors),
            "jurisdictions": list(scope.jurisdictions),
            "vendor_categories": list(scope.vendor_categories),
            "data_classes": list(scope.data_classes),
        },
        "citations": [
            {
                "citation": c.citation,
                "url": c.url,
                "title": c.title,
                "authority": c.authority,
                "verified": c.verified,
            }
            for c in rule.citations
        ],
        "remediation": rule.remediation,
    }


def org_data(org: OrgProfile) -> dict[str, Any]:
    """The organisation profile as data (no file paths: bundles must not depend on a machine)."""
    return {
        "name": org.name,
        "sectors": list(org.sectors),
        "jurisdictions": list(org.jurisdictions),
        "packs": list(org.packs) if org.packs is not None else None,
        "blocking": {"severity": org.blocking_severity.value, "undetermined": org.undetermined},
        "evidence": {
            "require": org.evidence_require,
            "on_failure": org.evidence_on_failure,
            "max_age_days": org.max_evidence_age_days,
        },
        "waivers": [
            {
                "rule": w.rule,
                "vendor": w.vendor,
                "plan": w.plan,
                "justification": w.justification,
                "approver": w.approver,
                "ticket": w.ticket,
                "expires": w.expires.isoformat(),
                "granted": w.granted.isoformat() if w.granted is not None else None,
            }
            for w in org.waivers
        ],
        "usage": {
            vendor: {
                "plan": override.plan,
                "data_classes": list(override.data_classes)
                if override.data_classes is not None
                else None,
            }
            for vendor, override in sorted(org.usage.items())
        },
    }


# ---------------------------------------------------------------- the policy


def decision_module(entries: Sequence[str]) -> str:
    """``package vendorgate``: every finding in rule order, and the decision."""
    return "\n".join(
        [
            "# The decision for one vendor, generated by vendorgate. Query",
            "# data.vendorgate.decision with the input described in docs/opa.md.",
            "package vendorgate",
            "",
            "import rego.v1",
            "",
            "import data.vendorgate.lib",
            "",
            "# Every enabled rule's finding, in the order of the packs and of their rules.",
            "rule_findings := [",
            *[f"\t{entry}," for entry in entries],
            "]",
            "",
            "# Then vendorgate's own findings: evidence age, expired waivers (never blocking).",
            "findings := array.concat(",
            "\tarray.concat(rule_findings, lib.evidence_age_findings),",
            "\tlib.expired_waiver_findings,",
            ")",
            "",
            "verdict := lib.decide(findings)",
            "",
            "decision := {",
            '\t"vendor": input.vendor.id,',
            '\t"plan": lib.plan,',
            '\t"evaluated_on": lib.today,',
            '\t"revision": data.vendorgate.revision,',
            '\t"decision": verdict.kind,',
            '\t"reasons": verdict.reasons,',
            '\t"findings": findings,',
            "} if {",
            "\tis_string(input.vendor.id)",
            "\tis_string(input.vendor.name)",
            "}",
            "",
        ]
    )


def compile_policy(
    packs: Sequence[RulePack],
    org: OrgProfile,
    user_modules: Sequence[Module] = (),
    rego_rules: Sequence[RegoRuleRef] = (),
) -> Policy:
    """The whole policy for an organisation and its enabled packs.

    ``user_modules`` are users' Rego modules (already prepared by ``vendorgate.rego.packs``)
    and ``rego_rules`` says where each of their rules' results are; both empty for YAML only.
    """
    refs = {ref.rule: ref for ref in rego_rules}
    pack_ids = _unique([p.id for p in packs])
    modules = [Module(LIB_PATH, library())]
    entries = []
    rules: dict[str, Any] = {}
    for pack in packs:
        yaml_rules = [r for r in pack.rules if r.id not in refs]
        rule_ids = _unique([r.id for r in yaml_rules])
        for rule in pack.rules:
            rules[rule.id] = rule_data(rule)
            ref = refs.get(rule.id)
            if ref is not None:
                entries.append(
                    f"lib.rego_finding({literal(rule.id)}, data.{ref.package}.{ref.name})"
                )
                continue
            package = f"{ROOT}.compiled.{pack_ids[pack.id]}.{rule_ids[rule.id]}"
            modules.append(
                Module(
                    package.replace(".", "/") + ".rego",
                    compile_rule(rule, package),
                )
            )
            entries.append(f"data.{package}.finding")
    modules.extend(user_modules)
    modules.append(Module(DECISION_MODULE_PATH, decision_module(entries)))
    ordered = tuple(sorted(modules, key=lambda m: m.path))
    config = {"org": org_data(org), "rules": dict(sorted(rules.items()))}
    revision = _revision(ordered, config)
    return Policy(ordered, {ROOT: {**config, "revision": revision}}, revision)


def canonical_json(value: Any) -> str:
    """The one JSON text of a value: sorted keys, no spaces, ASCII."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def _revision(modules: Sequence[Module], config: dict[str, Any]) -> str:
    """The policy's identity. The blocking settings are left out: each request may set them
    (``fail_on``, ``undetermined``), as ``check --fail-on`` does."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(module.path.encode() + b"\0" + module.text.encode() + b"\0")
    org = {k: v for k, v in config["org"].items() if k != "blocking"}
    digest.update(canonical_json({**config, "org": org}).encode())
    return digest.hexdigest()
