"""From a Rego decision document back to vendorgate's findings and decision.

Verdicts, blocking flags, messages, reasons, the fact that locates each finding, the waiver and
the decision all come from the policy. Python adds what only it knows: the file:line of each
fact, the checked evidence behind it, and the rule objects (citations, remediation).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from vendorgate.core.model import (
    AllOf,
    AnyOf,
    Citation,
    Condition,
    Decision,
    DecisionKind,
    Fact,
    FactRead,
    FactValue,
    Finding,
    Leaf,
    LeafTrace,
    NodeTrace,
    OrgProfile,
    Outcome,
    Rule,
    Severity,
    Trace,
    VendorProfile,
    VendorResult,
    Verdict,
)
from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.engine import logic


class DecisionShapeError(ValueError):
    """The decision document does not have the shape vendorgate's policy produces."""


def vendor_result(
    decision: Mapping[str, Any],
    profile: VendorProfile,
    rules: Mapping[str, Rule],
    org: OrgProfile,
    resolve: Callable[[Fact], FactRead],
) -> VendorResult:
    """The VendorResult a decision document describes."""
    try:
        plan = decision["plan"]
        facts = profile.facts_for(plan)
        findings = tuple(
            _finding(item, profile, plan, facts, rules, org, resolve)
            for item in decision["findings"]
        )
        verdict = Decision(
            profile.id, plan, DecisionKind(decision["decision"]), tuple(decision["reasons"])
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise DecisionShapeError(f"{type(exc).__name__}: {exc}") from exc
    return VendorResult(profile, plan, findings, verdict)


def _finding(
    item: Mapping[str, Any],
    profile: VendorProfile,
    plan: str | None,
    facts: Mapping[str, Fact],
    rules: Mapping[str, Rule],
    org: OrgProfile,
    resolve: Callable[[Fact], FactRead],
) -> Finding:
    rule = rules.get(item["rule"])

    def read(name: str) -> FactRead:
        fact = facts.get(name)
        if fact is None:
            return FactRead(name, None, profile.location, (), plan)
        return resolve(fact)

    reads = tuple(read(name) for name in item["facts"])
    focus = item["focus"]
    waiver = org.waivers[item["waiver"]] if item["waiver"] is not None else None
    leaves = [Outcome(o) for o in item["leaves"]]
    located_at = item.get("located_at")
    if located_at == "waiver" and waiver is not None:
        location = waiver.location
    elif located_at == "reviewed":
        location = profile.reviewed_at or profile.location
    else:
        location = read(focus).location if focus is not None else profile.location
    return Finding(
        vendor=profile.id,
        vendor_name=profile.name,
        plan=plan,
        rule=item["rule"],
        rule_title=item["title"],
        pack=item["pack"],
        severity=Severity(item["severity"]),
        verdict=Verdict(item["verdict"]),
        message=item["message"],
        citations=rule.citations
        if rule is not None
        else tuple(Citation(**c) for c in item["citations"]),
        facts=reads,
        remediation=item["remediation"],
        location=location,
        waiver=waiver,
        reasons=tuple(item["reasons"]),
        trace=trace(rule.condition, leaves, read) if leaves and rule is not None else None,
        blocking=bool(item["blocking"]),
    )


# ---------------------------------------------------------------- traces for `explain`


def trace(cond: Condition, outcomes: Sequence[Outcome], read: Callable[[str], FactRead]) -> Trace:
    """The condition's trace, with each leaf's outcome as the policy computed it."""
    queue = list(outcomes)
    return _node(cond, queue, read)


def _node(cond: Condition, queue: list[Outcome], read: Callable[[str], FactRead]) -> Trace:
    if isinstance(cond, Leaf):
        value = _project(read(cond.fact.split(".", 1)[0]).value, cond.fact)
        return LeafTrace(cond, queue.pop(0), value)
    if isinstance(cond, AllOf | AnyOf):
        children = tuple(_node(c, queue, read) for c in cond.items)
        kind = "all" if isinstance(cond, AllOf) else "any"
        return NodeTrace(kind, logic.combine(kind, [c.outcome for c in children]), children)
    child = _node(cond.item, queue, read)
    return NodeTrace("not", logic.negate(child.outcome), (child,))


def _project(value: FactValue | None, path: str) -> FactValue | None:
    """The value a leaf showed (as lib.rego's ``value`` computes it), for the trace."""
    if "." not in path or not isinstance(value, tuple):
        return value
    field = path.split(".", 1)[1]
    projected = tuple(str(getattr(item, field, "")) for item in value)
    return UNDISCLOSED if "" in projected else projected
