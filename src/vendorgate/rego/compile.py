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

import dataclasses
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from vendorgate.core.model import AllOf, AnyOf, Condition, Leaf, Not, OrgProfile, Rule, RulePack
from vendorgate.engine.conditions import describe_test

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
    added_from: int = 0
    """In a user's module, the first row (1-based) of the lines vendorgate added to re-add the
    renamed rules' results to ``deny`` / ``warn``; 0 elsewhere. Once compiled, ``deny`` and
    ``warn`` may be defined only from there on (see ``runtime.check_heads``)."""


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
        return f"leaf{len(out) - 1}"
    if isinstance(cond, Not):
        return f"lib.negate({_flatten(cond.item, not negated, out)})"
    items = [_flatten(c, negated, out) for c in cond.items]
    func = "lib.all_of" if isinstance(cond, AllOf) else "lib.any_of"
    assert isinstance(cond, (AllOf, AnyOf))
    return f"{func}([{', '.join(items)}])"


def _pass_condition(leaf: Leaf, value: str, items: str) -> str | None:
    """The Rego condition under which a leaf on a known value passes (None: never decided)."""
    op, operand = leaf.op, leaf.operand
    listed = literal(operand if isinstance(operand, tuple) else (operand,))
    conditions = {
        "equals": f"{value} == {literal(operand)}",
        "not_equals": f"{value} != {literal(operand)}",
        "in": f"{value} in {listed}",
        "not_in": f"not {value} in {listed}",
        "contains": f"{literal(operand)} in {items}",
        "not_contains": f"not {literal(operand)} in {items}",
        "subset_of": f"every item in {items} {{ item in {listed} }}",
    }
    if op in conditions:
        return conditions[op]
    if op in ("at_least", "at_most", "before", "after"):
        # The native engine compares integers with integers and text with text only:
        # `at_least` is >=, the other operators <= on integers; `before` is <, the others >
        # on text.
        if isinstance(operand, bool | int):
            sign = ">=" if op == "at_least" else "<="
            return f"{value} {sign} {int(operand)}"
        if isinstance(operand, str):
            sign = "<" if op == "before" else ">"
            return f"{value} {sign} {literal(operand)}"
        return None
    raise ValueError(f"operator `{op}` cannot be compiled to Rego")


def _checked(leaf: Leaf) -> bool:
    """Whether the evidence policy applies: to every test but ``is: undisclosed``, which asks
    about disclosure itself."""
    return not (leaf.op == "is" and leaf.operand == "undisclosed")


def _kind_check(leaf: Leaf) -> str:
    """A type the value must have for the comparison to decide anything, or ""."""
    if leaf.op not in ("at_least", "at_most", "before", "after"):
        return ""
    return "int" if isinstance(leaf.operand, bool | int) else "text"


def _leaf_rules(item: _CompiledLeaf) -> list[str]:
    """The rules computing one leaf: its value, whether it is known, its raw outcome, whether
    the evidence policy makes it undetermined (``demoted``), and its outcome."""
    i, leaf, base = item.index, item.leaf, item.base
    value = (
        f"object.get(lib.subprocessor_fields, {literal(item.projection)}, null)"
        if item.projection
        else f"object.get(lib.fact_values, {literal(base)}, null)"
    )
    status = f"object.get(lib.fact_status, {literal(base)}, {literal('unverified')})"
    lines = [
        f"# Leaf {i}: `{leaf.fact}` {leaf.op} {literal(leaf.operand)}",
        f"val{i} := {value}",
        "",
        f"known{i} if {{",
        f"\tval{i} != null",
        f'\tval{i} != "undisclosed"',
        "}",
        "",
    ]
    if leaf.op == "is":
        if leaf.operand == "undisclosed":
            lines += [f'raw{i} := "fail" if known{i}', 'else := "pass"']
        elif leaf.operand == "disclosed":
            lines += [f'raw{i} := "pass" if known{i}', 'else := "fail"']
        else:
            lines += [
                f'raw{i} := "pass" if {{',
                f"\tknown{i}",
                f'\t{status} == "verified"',
                "}",
                'else := "fail"',
            ]
    else:
        if leaf.op in ("contains", "not_contains", "subset_of"):
            lines += [f"items{i} := val{i} if is_array(val{i})", f"else := [val{i}]", ""]
        condition = _pass_condition(leaf, f"val{i}", f"items{i}")
        kind = _kind_check(leaf)
        lines.append(f'raw{i} := "undetermined" if not known{i}')
        if condition is None:
            lines.append('else := "undetermined"')
        else:
            if kind == "int":
                lines.append(f'else := "undetermined" if not lib.is_int(val{i})')
            elif kind == "text":
                lines.append(f'else := "undetermined" if not is_string(val{i})')
            lines += ['else := "pass" if {', f"\t{condition}", "}", 'else := "fail"']
    lines.append("")
    if _checked(leaf):
        # As in the native engine, only the outcome that helps the rule pass is demoted.
        favourable = literal("fail" if item.negated else "pass")
        lines += [
            f"demoted{i} if {{",
            f"\traw{i} == {favourable}",
            "\tlib.require_verified",
            f"\tknown{i}",
            f'\t{status} != "verified"',
            "}",
            "",
            f"demoted{i} if {{",
            f"\traw{i} == {favourable}",
            "\tlib.require_binding",
            f"\tknown{i}",
            f'\t{status} == "verified"',
            f"\tnot object.get(lib.fact_binding, {literal(base)}, false)",
            "}",
            "",
            f'leaf{i} := "undetermined" if demoted{i}',
            f"else := raw{i}",
        ]
    else:
        lines.append(f"leaf{i} := raw{i}")
    return [*lines, ""]


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


def finding_rules(leaves: list[_CompiledLeaf], tree: str) -> list[str]:
    """How the leaves become the finding: the outcome (with the evidence policy), the leaves
    that decided it, the message, the waiver, the verdict."""
    indexes = ", ".join(str(item.index) for item in leaves)
    checked = [item for item in leaves if _checked(item.leaf)]
    reads = list(dict.fromkeys(item.base for item in leaves))
    target = {False: "outcome", True: "flipped"}
    lines = [f"tree := {tree}", ""]
    lines += [f"any_demoted if demoted{item.index}" for item in checked] or ["any_demoted := false"]
    lines += [
        "",
        "# With `on_failure: fail`, an undetermined outcome caused by unverified evidence fails.",
        'outcome := "fail" if {',
        '\ttree == "undetermined"',
        "\tany_demoted",
        "\tlib.evidence_failure_fails",
        "}",
        "else := tree",
        "",
        'flipped := {"pass": "fail", "fail": "pass", "undetermined": "undetermined"}[outcome]',
        "",
        "# Each leaf's outcome beside the outcome that makes it decisive (inverted under a `not`).",
        "pairs := [",
        *[f"\t[leaf{item.index}, {target[item.negated]}]," for item in leaves],
        "]",
        "",
        "hits := [i | some i; pairs[i][0] == pairs[i][1]]",
        "",
        "# The leaves that decided the outcome, in document order; all leaves when none did.",
        "picked := hits if count(hits) > 0",
        f"else := [{indexes}]",
        "",
        f"values := [{', '.join(f'val{item.index}' for item in leaves)}]",
        "",
        'detail := concat("; ", [y |',
        "\tsome i in array.slice(picked, 0, 3)",
        "\ty := lib.part(specs[i], pairs[i][0], values[i])",
        "])",
        "",
        "focus := specs[picked[0]].base if count(picked) > 0",
        "else := null",
        "",
    ]
    lines += [
        f"demoted_facts contains {literal(item.base)} if demoted{item.index}" for item in checked
    ]
    if not checked:
        lines.append("demoted_facts := set()")
    lines += [
        "",
        f"evidence_reasons := [y | some b in {literal(reads)}; b in demoted_facts; "
        "y := lib.evidence_reason(b)]",
        "",
        'no_waiver := {"index": null, "reason": ""}',
        "",
        "waiver := object.get(lib.waiver_states, id, no_waiver) if "
        'outcome in {"fail", "undetermined"}',
        "else := no_waiver",
        "",
        'verdict := "waived" if is_number(waiver.index)',
        "else := outcome",
        "",
        "reasons := array.concat(",
        "\tarray.concat(evidence_reasons, notes),",
        '\t[r | r := waiver.reason; r != ""],',
        ")",
        "",
        'sentence := concat("", [lib.who, " fails \\u201c", meta.title, "\\u201d: ", '
        'detail, "."]) if {',
        '\toutcome == "fail"',
        "}",
        'else := concat("", [lib.who, ": cannot tell whether \\u201c", meta.title, '
        '"\\u201d holds: ", detail, "."]) if {',
        '\toutcome == "undetermined"',
        "}",
        'else := concat("", [lib.who, " meets \\u201c", meta.title, "\\u201d: ", detail, "."])',
        "",
        'waived_note := "" if waiver.index == null',
        'else := concat("", [',
        '\t" Waived by ", lib.org.waivers[waiver.index].approver,',
        '\t" until ", lib.org.waivers[waiver.index].expires,',
        '\t" (", lib.org.waivers[waiver.index].ticket, ")."',
        "])",
        "",
        'message := concat("", [sentence, waived_note])',
        "",
        "# Blocking: a failure, or an undetermined finding when the organisation blocks on those,",
        "# at or above the threshold.",
        "at_threshold if lib.severity_rank[meta.severity] >= lib.severity_rank[lib.threshold]",
        "",
        "blocking := true if {",
        '\tverdict == "fail"',
        "\tat_threshold",
        "}",
        "else := true if {",
        '\tverdict == "undetermined"',
        '\tlib.undetermined_mode == "block"',
        "\tat_threshold",
        "}",
        "else := false",
        "",
        'finding := lib.not_applicable_finding(meta, na_reason) if na_reason != ""',
        "else := {",
        '\t"rule": id,',
        '\t"title": meta.title,',
        '\t"pack": meta.pack,',
        '\t"severity": meta.severity,',
        '\t"verdict": verdict,',
        '\t"blocking": blocking,',
        '\t"message": message,',
        '\t"reasons": reasons,',
        '\t"focus": focus,',
        f'\t"facts": {literal(reads)},',
        '\t"waiver": waiver.index,',
        f'\t"leaves": [{", ".join(f"leaf{item.index}" for item in leaves)}],',
        '\t"citations": meta.citations,',
        '\t"remediation": meta.remediation,',
        "}",
        "",
    ]
    return lines


def _applicability_rules(rule: Rule) -> list[str]:
    """The rule's scope, tested against the organisation and the vendor: ``na_reason`` says why
    the rule does not apply ("" when it does) and ``notes`` what applying it assumed. Only the
    dimensions the rule lists are tested; the first that misses gives the reason."""
    scope = rule.applies_to
    lines = ["# Applicability."]
    chain: list[tuple[str, str]] = []
    if scope.sectors and "any" not in scope.sectors:
        lines += [
            "applies_sectors if {",
            f"\tsome s in {literal(scope.sectors)}",
            "\ts in lib.org.sectors",
            "}",
            "",
        ]
        reason = f"applies to sectors {', '.join(scope.sectors)}; the organisation is not in them"
        chain.append(("applies_sectors", literal(reason)))
    if scope.jurisdictions:
        wanted = literal(scope.jurisdictions)
        lines += [
            "# `us` covers `us-ca`.",
            "applies_jurisdictions if {",
            f"\tsome r in {wanted}",
            "\tsome j in lib.org.jurisdictions",
            "\tj == r",
            "}",
            "",
            "applies_jurisdictions if {",
            f"\tsome r in {wanted}",
            "\tsome j in lib.org.jurisdictions",
            '\tstartswith(j, concat("", [r, "-"]))',
            "}",
            "",
        ]
        reason = f"applies in {', '.join(scope.jurisdictions)}; the organisation operates in "
        chain.append(
            ("applies_jurisdictions", f'concat("", [{literal(reason)}, lib.jurisdictions_text])')
        )
    if scope.vendor_categories:
        lines += [
            f"applies_category if lib.vendor.category in {literal(scope.vendor_categories)}",
            "",
        ]
        reason = f"applies to {', '.join(scope.vendor_categories)} vendors, not "
        chain.append(("applies_category", f'concat("", [{literal(reason)}, lib.vendor.category])'))
    if scope.data_classes:
        lines += [
            "# Data classes nobody states: the rule applies, to be safe.",
            "applies_classes if lib.data_classes == null",
            "",
            "applies_classes if {",
            f"\tsome c in {literal(scope.data_classes)}",
            "\tc in lib.data_classes",
            "}",
            "",
            "notes := [lib.data_classes_note] if lib.data_classes == null",
            "else := []",
            "",
        ]
        reason = f"applies to vendors receiving {', '.join(scope.data_classes)}; this one receives "
        chain.append(("applies_classes", f'concat("", [{literal(reason)}, lib.data_classes_text])'))
    else:
        lines += ["notes := []", ""]
    first = True
    for name, text in chain:
        lines.append(f"{'na_reason' if first else 'else'} := {text} if not {name}")
        first = False
    lines += ['na_reason := ""' if first else 'else := ""', ""]
    return lines


def _rule_module_head(rule: Rule, package: str) -> list[str]:
    """What every rule's module opens with: its package, imports, the rule's id and metadata,
    and when it applies."""
    return [
        f"package {package}",
        "",
        "import rego.v1",
        "",
        "import data.vendorgate.lib",
        "",
        f"id := {literal(rule.id)}",
        "",
        "meta := data.vendorgate.rules[id]",
        "",
        *_applicability_rules(rule),
    ]


def compile_rego_rule(rule: Rule, package: str, ref: RegoRuleRef) -> str:
    """The module wiring a rule written in Rego to its finding."""
    return "\n".join(
        [
            f"# Rule `{rule.id}` of pack `{rule.pack}`, written in Rego in {ref.package}; "
            "wired by vendorgate.",
            *_rule_module_head(rule, package),
            f"finding := lib.rego_finding(meta, data.{ref.package}.{ref.name}, na_reason, notes)",
            "",
        ]
    )


def compile_rule(rule: Rule, package: str) -> str:
    """The Rego module of one YAML rule."""
    leaves: list[_CompiledLeaf] = []
    tree = _flatten(rule.condition, False, leaves)
    specs = [
        {"fact": i.leaf.fact, "base": i.base, "expects": describe_test(i.leaf)} for i in leaves
    ]
    lines = [
        f"# Rule `{rule.id}` of pack `{rule.pack}`, compiled by vendorgate. Do not edit: "
        "change the YAML rule and rebuild.",
        "#",
        "# Condition (what a compliant vendor satisfies):",
        *_describe_condition(rule.condition),
        *_rule_module_head(rule, package),
    ]
    for item in leaves:
        lines += _leaf_rules(item)
    lines += [
        "# Each leaf's fact, the fact it is read from, and what the rule expects of it.",
        "specs := [",
        *[f"\t{literal(spec)}," for spec in specs],
        "]",
        "",
    ]
    lines += finding_rules(leaves, tree)
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
        "citations": [dataclasses.asdict(c) for c in rule.citations],
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
        rule_ids = _unique([r.id for r in pack.rules])
        for rule in pack.rules:
            rules[rule.id] = rule_data(rule)
            ref = refs.get(rule.id)
            package = f"{ROOT}.compiled.{pack_ids[pack.id]}.{rule_ids[rule.id]}"
            text = (
                compile_rule(rule, package)
                if ref is None
                else compile_rego_rule(rule, package, ref)
            )
            modules.append(Module(package.replace(".", "/") + ".rego", text))
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
