"""``vendorgate explain VENDOR RULE``: one evaluation, step by step, in words.

It shows why the rule applies (or not), every leaf test with the fact's value, the vendor's
quotes and the test's outcome, how each all / any / not node combined its items under
three-valued logic, whether a waiver applied, and the final verdict. The text is built here
(no printing); the CLI writes it.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vendorgate.app import run
from vendorgate.app.context import build_context, lineage_versions, pick_version
from vendorgate.core.errors import UsageError
from vendorgate.core.model import (
    CitedEvidence,
    EvidenceStatus,
    FactRead,
    Finding,
    LeafTrace,
    NodeTrace,
    OrgProfile,
    Outcome,
    Rule,
    Severity,
    Trace,
    VendorProfile,
    Verdict,
)
from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.engine import conditions as engine
from vendorgate.load import catalogue, workspace

WIDTH = 100
_INDENT = "  "


@dataclass(frozen=True)
class Explanation:
    """Everything ``explain`` shows about one (vendor, plan, rule) evaluation."""

    vendor: VendorProfile
    """The vendor profile evaluated."""
    plan: str | None
    """The plan whose facts were used."""
    rule: Rule
    """The rule evaluated."""
    org: OrgProfile
    """The organisation whose settings applied."""
    data_classes: tuple[str, ...] | None
    """Data classes the organisation sends to the vendor; None when nobody says."""
    finding: Finding
    """The finding, with its trace."""
    decision: str
    """The vendor's decision if this were the only rule."""
    today: date
    """Evaluation date (waiver expiry is judged against it)."""
    notes: tuple[str, ...] = ()
    """The evaluation context's notes (version in force picked, documents not yet in force),
    worded as ``check`` and ``gate`` word them."""

    @property
    def blocking(self) -> bool:
        return self.finding.blocking


def explain(
    vendor: str,
    rule_id: str,
    plan: str | None = None,
    org_path: str | Path | None = None,
    rules_paths: Sequence[str | Path] = (),
    vendor_paths: Sequence[str | Path] = (),
    today: date | None = None,
    *,
    as_of: date | None = None,
    fail_on: Severity | None = None,
    fail_on_undetermined: bool = False,
    data_classes: tuple[str, ...] | None = None,
) -> Explanation:
    """Evaluate one rule for one vendor. ``vendor`` is a vendor id from the organisation's
    catalogue (or ``vendor_paths``), or the path of a vendor profile.

    ``as_of`` (``--as-of``; ``today`` is its older name, which the command line passes) is the
    evaluation day and, for a dated vendor, picks the version of its lineage in force then,
    exactly as ``check``, ``report`` and ``gate`` do."""
    ctx = build_context(
        org_path,
        rules_paths,
        as_of=as_of or today,
        fail_on=fail_on,
        fail_on_undetermined=fail_on_undetermined,
        plan=plan,
        data_classes=data_classes,
    )
    as_path = Path(vendor)
    by_path = as_path.suffix in workspace.YAML_SUFFIXES and as_path.is_file()
    sources = [as_path] if by_path else list(vendor_paths)
    inputs = run.gather(sources, context=ctx)
    named = _find_vendor(inputs, vendor, by_path)
    ctx, loaded = pick_version(ctx, named, _lineage_of(named, inputs, by_path))
    rule = _find_rule(inputs, rule_id)
    profile = loaded.profile
    chosen = ctx.plan_for(profile)
    if chosen is not None and profile.plan(chosen) is None:
        plans = ", ".join(p.id for p in profile.plans) or "none"
        raise UsageError(f"vendor `{profile.id}` has no plan `{chosen}` (plans: {plans})")
    result = ctx.evaluate_vendor(loaded, [rule], plan=chosen)
    finding = next((f for f in result.findings if f.rule == rule.id), result.findings[0])
    return Explanation(
        vendor=profile,
        plan=chosen,
        rule=rule,
        org=inputs.org,
        data_classes=ctx.data_classes_for(profile)[0],
        finding=finding,
        decision=result.decision.kind.value,
        today=ctx.day,
        notes=ctx.notes,
    )


def _lineage_of(
    named: catalogue.LoadedVendor, inputs: catalogue.Inputs, by_path: bool
) -> tuple[catalogue.LoadedVendor, ...]:
    """The versions of the named vendor's lineage: in the catalogue, and beside a named file."""
    if named.profile.lineage is None:
        return (named,)
    name = named.profile.lineage
    found = {v.path.resolve(): v for v in inputs.vendors if v.profile.lineage == name}
    if by_path:
        found.update({v.path.resolve(): v for v in lineage_versions(named, inputs.org)})
    found.pop(named.path.resolve(), None)
    return (named, *sorted(found.values(), key=lambda v: v.profile.id))


def _find_vendor(inputs: catalogue.Inputs, vendor: str, by_path: bool) -> catalogue.LoadedVendor:
    if by_path and len(inputs.vendors) == 1:
        return inputs.vendors[0]
    for loaded in inputs.vendors:
        if loaded.profile.id == vendor:
            return loaded
    known = sorted(v.profile.id for v in inputs.vendors)
    close = difflib.get_close_matches(vendor, known, n=1)
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    raise UsageError(
        f"no vendor `{vendor}` in the catalogue{hint}; known: {', '.join(known) or 'none'}"
        " (or give the path of a vendor profile)"
    )


def _find_rule(inputs: catalogue.Inputs, rule_id: str) -> Rule:
    rules = {r.id: r for r in inputs.rules}
    if rule_id in rules:
        return rules[rule_id]
    close = difflib.get_close_matches(rule_id, sorted(rules), n=1)
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    packs = ", ".join(p.id for p in inputs.packs) or "none"
    raise UsageError(f"no rule `{rule_id}` in the enabled packs ({packs}){hint}")


# ---------------------------------------------------------------- rendering


def render(ex: Explanation) -> str:
    """The explanation as plain text, sections in the order a reader asks the questions."""
    lines: list[str] = []
    lines += _heading(ex)
    lines += _applicability(ex)
    if ex.finding.trace is not None:
        lines += ["", "How the condition evaluated (what a compliant vendor satisfies):"]
        lines += _trace(ex.finding.trace, ex, 1)
    lines += _evidence_policy(ex)
    lines += _waiver(ex)
    lines += _verdict(ex)
    return "\n".join(lines) + "\n"


def _heading(ex: Explanation) -> list[str]:
    rule = ex.rule
    plan = f", {ex.plan} plan" if ex.plan else ""
    org = ex.org.path or "no organisation profile"
    lines = [
        f"Rule    {rule.id} - {rule.title}",
        f"        severity {rule.severity.value}, pack {rule.pack}, {rule.location}",
        f"Vendor  {ex.vendor.name} ({ex.vendor.id}{plan}), {ex.vendor.location.path}",
        f"For     {ex.org.name} ({org}), evaluated {ex.today.isoformat()}",
    ]
    for c in rule.citations:
        title = f" - {c.title}" if c.title else ""
        unverified = " (citation not verified)" if not c.verified else ""
        lines.append(f"Authority  {c.citation}{title}{unverified}")
        lines.append(f"           {c.url}")
    return lines


_PHRASES = {
    "sectors": "the organisation is in",
    "jurisdictions": "the organisation operates in",
    "vendor categories": "the vendor is",
}


def _applicability(ex: Explanation) -> list[str]:
    # The engine judges each dimension; explain only puts its judgement into words.
    checks = engine.scope_checks(ex.rule, ex.org, ex.vendor, ex.data_classes)
    rows = [_dimension(c, _PHRASES[c.dimension]) for c in checks if c.dimension in _PHRASES]
    rows.append(_data_classes_row(next(c for c in checks if c.dimension == "data classes")))
    applies = ex.finding.verdict is not Verdict.NOT_APPLICABLE
    title = "Why the rule applies:" if applies else "Why the rule does not apply:"
    return ["", title, *rows]


def _data_classes_row(check: engine.ScopeCheck) -> str:
    if not check.wanted:
        return "  data classes: any (the rule does not restrict them)"
    covers = ", ".join(check.wanted)
    if check.have is None:
        return (
            f"  data classes: the rule covers {covers}; nobody says "
            "which data classes the organisation sends, so the rule is applied to be safe"
        )
    sent = ", ".join(check.have) or "none"
    return (
        f"  data classes: the rule covers {covers}; the organisation "
        f"sends {sent} to this vendor -> {'applies' if check.applies else 'does not apply'}"
    )


def _dimension(check: engine.ScopeCheck, phrase: str) -> str:
    if not check.wanted:
        return f"  {check.dimension}: any (the rule does not restrict them)"
    shown = ", ".join(check.have or ()) or "none listed"
    verdict = "applies" if check.applies else "does not apply"
    return (
        f"  {check.dimension}: the rule covers {', '.join(check.wanted)}; {phrase} {shown} "
        f"-> {verdict}"
    )


_MARK = {Outcome.PASS: "PASS", Outcome.FAIL: "FAIL", Outcome.UNDETERMINED: "UNDETERMINED"}


def _trace(trace: Trace, ex: Explanation, depth: int) -> list[str]:
    pad = _INDENT * depth
    if isinstance(trace, LeafTrace):
        return _leaf(trace, ex, depth)
    lines = [f"{pad}{_MARK[trace.outcome]}  {_node_title(trace)}: {_combination(trace)}"]
    for child in trace.children:
        lines += _trace(child, ex, depth + 1)
    return lines


def _node_title(node: NodeTrace) -> str:
    return {"all": "all of", "any": "any of", "not": "not"}.get(node.kind, node.kind)


def _combination(node: NodeTrace) -> str:
    """How three-valued logic combined the items' outcomes."""
    outcomes = [c.outcome for c in node.children]
    n_pass = outcomes.count(Outcome.PASS)
    n_fail = outcomes.count(Outcome.FAIL)
    n_und = outcomes.count(Outcome.UNDETERMINED)
    tally = f"{n_pass} pass, {n_fail} fail, {n_und} undetermined"
    if node.kind == "not":
        inner = _MARK[outcomes[0]].lower()
        return f"swaps pass and fail; its item is {inner}, so this is {node.outcome.value}"
    if node.kind == "all":
        if node.outcome is Outcome.FAIL:
            return f"fails because at least one item fails ({tally})"
        if node.outcome is Outcome.UNDETERMINED:
            return f"undetermined: no item fails, but not every item passes ({tally})"
        return f"passes because every item passes ({tally})"
    if node.outcome is Outcome.PASS:
        return f"passes because at least one item passes ({tally})"
    if node.outcome is Outcome.UNDETERMINED:
        return f"undetermined: no item passes, but not every item fails ({tally})"
    return f"fails because no item passes ({tally})"


def _leaf(trace: LeafTrace, ex: Explanation, depth: int) -> list[str]:
    pad = _INDENT * depth
    body = pad + " " * (len(_MARK[trace.outcome]) + 2)
    leaf = trace.leaf
    read = _read_for(ex.finding, leaf.fact)
    lines = [
        f"{pad}{_MARK[trace.outcome]}  expects `{leaf.fact}` {engine.describe_test(leaf)}"
        f"  ({leaf.location})"
    ]
    value = engine.describe_value(trace.value)
    where = f"{read.location}" if read else str(ex.vendor.location)
    status = f", evidence {read.status.value}" if read else ""
    plan = f", from the {read.plan} plan" if read and read.plan else ""
    lines.append(f"{body}value: {value}{plan}  ({where}{status})")
    lines += _wrap(f"why: {_leaf_reason(trace, read, ex)}", body)
    note = _note(ex, leaf.fact)
    if note:
        lines += _wrap(f"note: {note}", body)
    if read is not None:
        for ev in read.evidence:
            lines += _quote(ev, body)
    return lines


def _read_for(finding: Finding, fact: str) -> FactRead | None:
    base = fact.split(".", 1)[0]
    return next((r for r in finding.facts if r.fact == base), None)


def _note(ex: Explanation, fact: str) -> str:
    stated = ex.vendor.facts_for(ex.plan).get(fact.split(".", 1)[0])
    return stated.note if stated is not None else ""


def _leaf_reason(trace: LeafTrace, read: FactRead | None, ex: Explanation) -> str:
    leaf = trace.leaf
    expects = f"the rule expects it {engine.describe_test(leaf)}"
    if trace.outcome is Outcome.PASS:
        return "the value meets the expectation, so the test passes"
    if trace.outcome is Outcome.FAIL:
        return "the value does not meet the expectation, so the test fails"
    if trace.value is None:
        return "the profile does not state this fact, so the test cannot be decided"
    if trace.value == UNDISCLOSED:
        return "the vendor does not disclose this, so the test cannot be decided"
    if (
        read is not None
        and ex.org.evidence_require == "verified"
        and read.status is not EvidenceStatus.VERIFIED
    ):
        return (
            f"the value rests on {read.status.value} evidence and the organisation requires "
            "verified evidence, so it is treated as unknown"
        )
    return f"the value cannot be compared ({expects})"


def _quote(ev: CitedEvidence, pad: str) -> list[str]:
    source = ev.title or ev.doc
    section = f", section {ev.section}" if ev.section else ""
    effective = f", effective {ev.effective.isoformat()}" if ev.effective else ""
    lines = [f"{pad}{source}{section}{effective} [quote {ev.status.value}]"]
    if ev.url:
        lines.append(f"{pad}{ev.url}")
    lines += _wrap(f"\u201c{ev.quote}\u201d", pad + "> ")
    if ev.detail:
        lines += _wrap(f"({ev.detail})", pad)
    return lines


def _wrap(text: str, prefix: str) -> list[str]:
    width = max(WIDTH - len(prefix), 40)
    return [prefix + line for line in textwrap.wrap(" ".join(text.split()), width)] or [prefix]


def _evidence_policy(ex: Explanation) -> list[str]:
    extra = [*ex.notes, *(r for r in ex.finding.reasons if "waiver" not in r)]
    if not extra:
        return []
    return ["", "Notes:", *(line for r in extra for line in _wrap(r, "  - "))]


def _waiver(ex: Explanation) -> list[str]:
    f = ex.finding
    if f.verdict is Verdict.NOT_APPLICABLE:
        return []
    if f.waiver is not None:
        w = f.waiver
        lines = [
            "",
            f"Waiver: applies - approved by {w.approver} ({w.ticket}), until "
            f"{w.expires.isoformat()}; the verdict becomes waived.",
        ]
        lines += _wrap(f"justification: {w.justification}", "  ")
        lines += [f"  written at {w.location}"]
        return lines
    lapsed = [r for r in f.reasons if "waiver" in r]
    if lapsed:
        return ["", *(_wrap(f"Waiver: none applies - {lapsed[0]}.", ""))]
    if f.verdict in (Verdict.FAIL, Verdict.UNDETERMINED):
        return ["", "Waiver: none names this rule and vendor."]
    return ["", "Waiver: not needed (the rule passes)."]


def _verdict(ex: Explanation) -> list[str]:
    f = ex.finding
    flag = ", blocking" if f.blocking else ""
    lines = [
        "",
        f"Verdict: {f.verdict.value.upper()} ({f.severity.value}{flag}); with this rule alone the "
        f"vendor would be {ex.decision.replace('_', ' ')}.",
    ]
    lines += _wrap(f.message, "  ")
    if f.verdict not in (Verdict.PASS, Verdict.NOT_APPLICABLE):
        lines += _wrap(f"Demand: {f.remediation}", "  ")
    return lines
