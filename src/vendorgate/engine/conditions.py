"""The native condition engine: three-valued evaluation of rules against one vendor view.

A condition describes what a compliant vendor satisfies. A leaf test that reads an
``undisclosed`` or missing fact is undetermined, unless it asks about disclosure itself (``is:``).
How ``all``, ``any`` and ``not`` combine outcomes is ``engine.logic``, shared with Rego.
When the organisation requires verified evidence, a fact whose evidence is not verified is
treated as unknown where it would help the rule pass, so it can never make a rule pass; where
it makes the rule fail, the vendor's own statement stands, verified or not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from vendorgate.core.model import (
    AllOf,
    AnyOf,
    Condition,
    EvidenceStatus,
    Fact,
    FactRead,
    FactValue,
    Finding,
    Leaf,
    LeafTrace,
    Location,
    NodeTrace,
    Not,
    OrgProfile,
    Outcome,
    Rule,
    Trace,
    VendorProfile,
    Verdict,
    Waiver,
)
from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.engine import logic

WAIVER_WARNING_DAYS = 30

EvidenceResolver = Callable[[Fact], FactRead]
"""Turns a stated fact into a FactRead with checked evidence (see ``evidence.check``)."""


@dataclass(frozen=True)
class Context:
    """Everything an evaluation needs besides the rule."""

    vendor: VendorProfile
    plan: str | None
    facts: Mapping[str, Fact]
    org: OrgProfile
    today: date
    resolve: EvidenceResolver
    data_classes: tuple[str, ...] | None
    """Data classes sent to the vendor; None when the profile does not say."""


@dataclass(frozen=True)
class ScopeCheck:
    """One dimension of a rule's ``applies_to`` judged against the organisation and vendor."""

    dimension: str
    """``sectors``, ``jurisdictions``, ``vendor categories`` or ``data classes``."""
    wanted: tuple[str, ...]
    """What the rule covers; empty when it does not restrict this dimension."""
    have: tuple[str, ...] | None
    """What the organisation or vendor has; None when nobody says (data classes only)."""
    applies: bool
    """Whether this dimension lets the rule apply (unknown data classes apply, to be safe)."""
    reason: str
    """Why the rule does not apply on this dimension; empty when it applies."""


def scope_checks(
    rule: Rule, org: OrgProfile, vendor: VendorProfile, data_classes: tuple[str, ...] | None
) -> tuple[ScopeCheck, ...]:
    """Every dimension of the rule's scope, in the order they are judged."""
    scope = rule.applies_to
    sectors = () if "any" in scope.sectors else scope.sectors
    in_sector = not sectors or bool(set(sectors) & set(org.sectors))
    in_place = not scope.jurisdictions or any(
        within_jurisdiction(j, r) for j in org.jurisdictions for r in scope.jurisdictions
    )
    category = (vendor.category,)
    of_kind = not scope.vendor_categories or vendor.category in scope.vendor_categories
    # Unknown data classes keep the rule applicable: skipping it would pass on a guess.
    receives = (
        not scope.data_classes
        or data_classes is None
        or bool(set(scope.data_classes) & set(data_classes))
    )
    sent = ", ".join(data_classes or ()) or "no listed data classes"
    return (
        ScopeCheck(
            "sectors",
            sectors,
            org.sectors,
            in_sector,
            ""
            if in_sector
            else f"applies to sectors {', '.join(sectors)}; the organisation is not in them",
        ),
        ScopeCheck(
            "jurisdictions",
            scope.jurisdictions,
            org.jurisdictions,
            in_place,
            ""
            if in_place
            else f"applies in {', '.join(scope.jurisdictions)}; the organisation "
            f"operates in {', '.join(org.jurisdictions) or 'no listed jurisdiction'}",
        ),
        ScopeCheck(
            "vendor categories",
            scope.vendor_categories,
            category,
            of_kind,
            ""
            if of_kind
            else f"applies to {', '.join(scope.vendor_categories)} vendors, not {vendor.category}",
        ),
        ScopeCheck(
            "data classes",
            scope.data_classes,
            data_classes,
            receives,
            ""
            if receives
            else f"applies to vendors receiving {', '.join(scope.data_classes)}; "
            f"this one receives {sent}",
        ),
    )


def applicability(rule: Rule, ctx: Context) -> str | None:
    """None when the rule applies, else the reason it does not (the first dimension that
    excludes it)."""
    checks = scope_checks(rule, ctx.org, ctx.vendor, ctx.data_classes)
    return next((c.reason for c in checks if not c.applies), None)


def within_jurisdiction(org_jurisdiction: str, rule_jurisdiction: str) -> bool:
    return org_jurisdiction == rule_jurisdiction or org_jurisdiction.startswith(
        rule_jurisdiction + "-"
    )


class _Evaluation:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reads: dict[str, FactRead] = {}
        self.evidence_reasons: list[str] = []

    def read(self, name: str) -> FactRead:
        base = name.split(".", 1)[0]
        if base not in self.reads:
            fact = self.ctx.facts.get(base)
            if fact is None:
                self.reads[base] = FactRead(base, None, self.ctx.vendor.location, (), self.ctx.plan)
            else:
                self.reads[base] = self.ctx.resolve(fact)
        return self.reads[base]

    def condition(self, cond: Condition, negated: bool = False) -> Trace:
        """The trace of ``cond``; ``negated`` when an odd number of ``not`` encloses it."""
        if isinstance(cond, Leaf):
            return self.leaf(cond, negated)
        if isinstance(cond, Not):
            child = self.condition(cond.item, not negated)
            return NodeTrace("not", logic.negate(child.outcome), (child,))
        children = tuple(self.condition(c, negated) for c in cond.items)
        outcomes = [c.outcome for c in children]
        if isinstance(cond, AllOf):
            return NodeTrace("all", logic.all_of(outcomes), children)
        assert isinstance(cond, AnyOf)
        return NodeTrace("any", logic.any_of(outcomes), children)

    def leaf(self, leaf: Leaf, negated: bool) -> LeafTrace:
        read = self.read(leaf.fact)
        value = _project(read.value, leaf.fact)
        outcome = _test(leaf, value, read)
        # Only an outcome that argues for the rule (a pass, or a fail under a `not`) needs
        # evidence: demoting the other one too would let a stated failure whose quote stops
        # verifying become a mere question, so weaker evidence would improve the decision.
        if outcome is _favourable(negated) and _needs_evidence(leaf, value):
            shortfall = evidence_shortfall(self.ctx.org.evidence_require, read)
            if shortfall:
                self.evidence_reasons.append(shortfall)
                outcome = Outcome.UNDETERMINED
        return LeafTrace(leaf, outcome, value)


def _favourable(negated: bool) -> Outcome:
    """The leaf outcome that helps the rule pass at its root."""
    return Outcome.FAIL if negated else Outcome.PASS


def evidence_shortfall(require: str, read: FactRead) -> str:
    """Why the fact's evidence falls short of what the organisation requires; empty when it
    does not. ``binding`` is ``verified`` plus at least one binding passage (a summary, FAQ or
    announcement alone leaves the fact undetermined)."""
    if require not in ("verified", "binding"):
        return ""
    if read.status is not EvidenceStatus.VERIFIED:
        return (
            f"`{read.fact}` rests on {read.status.value} evidence, and the organisation "
            "requires verified evidence"
        )
    if require == "binding" and not read.binding:
        return (
            f"`{read.fact}` rests only on a summary, FAQ or announcement, and the organisation "
            "requires binding evidence"
        )
    return ""


def _needs_evidence(leaf: Leaf, value: FactValue | None) -> bool:
    if value is None or value == UNDISCLOSED:
        return False
    return not (leaf.op == "is" and leaf.operand == "undisclosed")


def _project(value: FactValue | None, path: str) -> FactValue | None:
    """The value a leaf reads; ``subprocessors.region`` maps over the sub-processor list."""
    if "." not in path or value is None or value == UNDISCLOSED or not isinstance(value, tuple):
        return value
    field = path.split(".", 1)[1]
    projected = tuple(str(getattr(item, field, "")) for item in value)
    # A sub-processor whose region is not stated makes the whole projection unknown; dropping
    # it would let `subprocessors.region subset_of [...]` pass on what nobody knows.
    return UNDISCLOSED if "" in projected else projected


def _test(leaf: Leaf, value: FactValue | None, read: FactRead) -> Outcome:
    unknown = value is None or value == UNDISCLOSED
    if leaf.op == "is":
        if leaf.operand == "undisclosed":
            return _bool(unknown)
        if leaf.operand == "disclosed":
            return _bool(not unknown)
        return _bool(not unknown and read.status is EvidenceStatus.VERIFIED)
    if unknown:
        return Outcome.UNDETERMINED
    operand = leaf.operand
    if leaf.op == "equals":
        return _bool(value == operand)
    if leaf.op == "not_equals":
        return _bool(value != operand)
    if leaf.op == "in":
        return _bool(value in _tuple(operand))
    if leaf.op == "not_in":
        return _bool(value not in _tuple(operand))
    if leaf.op in ("at_least", "at_most", "before", "after"):
        return _compare(leaf.op, value, operand)
    items = value if isinstance(value, tuple) else (value,)
    if leaf.op == "contains":
        return _bool(operand in items)
    if leaf.op == "not_contains":
        return _bool(operand not in items)
    if leaf.op == "subset_of":
        return _bool(set(items) <= set(_tuple(operand)))
    raise ValueError(f"unknown operator {leaf.op}")


def _compare(op: str, value: object, operand: object) -> Outcome:
    if isinstance(value, int) and isinstance(operand, int):
        return _bool(value >= operand if op == "at_least" else value <= operand)
    if isinstance(value, str) and isinstance(operand, str):
        return _bool(value < operand if op == "before" else value > operand)
    return Outcome.UNDETERMINED


def _tuple(operand: object) -> tuple[object, ...]:
    return operand if isinstance(operand, tuple) else (operand,)


def _bool(flag: bool) -> Outcome:
    return Outcome.PASS if flag else Outcome.FAIL


def _culprits(trace: Trace, target: Outcome) -> list[LeafTrace]:
    """Leaves that produced ``target`` at the root, in document order."""
    if isinstance(trace, LeafTrace):
        return [trace] if trace.outcome is target else []
    if trace.kind == "not":
        return _culprits(trace.children[0], logic.negate(target))
    return [leaf for child in trace.children for leaf in _culprits(child, target)]


def leaves(trace: Trace) -> list[LeafTrace]:
    """Every leaf of a trace, in document order."""
    if isinstance(trace, LeafTrace):
        return [trace]
    return [leaf for child in trace.children for leaf in leaves(child)]


def evaluate(rule: Rule, ctx: Context) -> Finding:
    """One finding for (vendor, plan, rule)."""
    if rule.rego_module:
        # Never evaluate a Rego rule's placeholder condition: it would pass.
        raise ValueError(f"rule `{rule.id}` is written in Rego; evaluate it with vendorgate.rego")
    reason = applicability(rule, ctx)
    if reason is not None:
        return _finding(
            rule,
            ctx,
            Verdict.NOT_APPLICABLE,
            f"Not applicable: {reason}.",
            (),
            ctx.vendor.location,
            None,
        )
    run = _Evaluation(ctx)
    trace = run.condition(rule.condition)
    reasons: list[str] = list(dict.fromkeys(run.evidence_reasons))
    if ctx.data_classes is None and rule.applies_to.data_classes:
        reasons.append(
            "the profile does not say which data classes the organisation sends; "
            "the rule is applied to be safe"
        )
    outcome = trace.outcome
    if (
        outcome is Outcome.UNDETERMINED
        and run.evidence_reasons
        and ctx.org.evidence_on_failure == "fail"
    ):
        outcome = Outcome.FAIL
    culprits = _culprits(trace, outcome) or leaves(trace)
    focus = run.read(culprits[0].leaf.fact) if culprits else None
    location = focus.location if focus else ctx.vendor.location
    verdict = Verdict(outcome.value)
    message = _message(rule, ctx, verdict, culprits)
    waiver = None
    if verdict in (Verdict.FAIL, Verdict.UNDETERMINED):
        waiver, waiver_reason = _waiver(rule, ctx)
        if waiver_reason:
            reasons.append(waiver_reason)
        if waiver is not None:
            verdict = Verdict.WAIVED
            message += (
                f" Waived by {waiver.approver} until {waiver.expires.isoformat()} "
                f"({waiver.ticket})."
            )
    facts = tuple(run.reads.values())
    return _finding(rule, ctx, verdict, message, facts, location, waiver, tuple(reasons), trace)


def _waiver(rule: Rule, ctx: Context) -> tuple[Waiver | None, str]:
    matching = [w for w in ctx.org.waivers if w.covers(rule.id, ctx.vendor, ctx.plan)]
    active = [w for w in matching if w.active_on(ctx.today)]
    if active:
        waiver = max(active, key=lambda w: w.expires)
        if waiver.expires - ctx.today <= timedelta(days=WAIVER_WARNING_DAYS):
            return waiver, (
                f"the waiver ({waiver.ticket}) expires on {waiver.expires.isoformat()}, "
                f"within {WAIVER_WARNING_DAYS} days"
            )
        return waiver, ""
    if matching:
        latest = max(matching, key=lambda w: w.expires)
        if latest.expires >= ctx.today and latest.granted is not None:
            # Only possible in an --as-of replay: the waiver did not exist yet on that day.
            return None, (
                f"the waiver ({latest.ticket}) was granted on {latest.granted.isoformat()}, "
                f"after {ctx.today.isoformat()}, so it does not waive this finding then"
            )
        return None, (
            f"the waiver ({latest.ticket}) expired on {latest.expires.isoformat()} "
            "and no longer waives this finding"
        )
    return None, ""


def _finding(
    rule: Rule,
    ctx: Context,
    verdict: Verdict,
    message: str,
    facts: tuple[FactRead, ...],
    location: Location,
    waiver: Waiver | None,
    reasons: tuple[str, ...] = (),
    trace: Trace | None = None,
) -> Finding:
    return Finding(
        vendor=ctx.vendor.id,
        vendor_name=ctx.vendor.name,
        plan=ctx.plan,
        rule=rule.id,
        rule_title=rule.title,
        pack=rule.pack,
        severity=rule.severity,
        verdict=verdict,
        message=message,
        citations=rule.citations,
        facts=facts,
        remediation=rule.remediation,
        location=location,
        waiver=waiver,
        reasons=reasons,
        trace=trace,
    )


def describe_value(value: FactValue | None) -> str:
    if value is None:
        return "not stated"
    if isinstance(value, tuple):
        shown = [getattr(item, "name", item) for item in value]
        return "[" + ", ".join(map(str, shown)) + "]"
    return str(value)


def describe_read(read: FactRead) -> str:
    """The value a rule read, saying when it stands in for a suggestion nobody reviewed."""
    shown = describe_value(read.value)
    return f"{shown} (unreviewed suggestion)" if read.unreviewed else shown


def describe_test(leaf: Leaf) -> str:
    operand = leaf.operand
    shown = ", ".join(map(str, operand)) if isinstance(operand, tuple) else str(operand)
    phrases = {
        "equals": f"to be {shown}",
        "not_equals": f"not to be {shown}",
        "in": f"to be one of {shown}",
        "not_in": f"not to be any of {shown}",
        "at_least": f"to be at least {shown}",
        "at_most": f"to be at most {shown}",
        "before": f"to be before {shown}",
        "after": f"to be after {shown}",
        "contains": f"to include {shown}",
        "not_contains": f"not to include {shown}",
        "subset_of": f"to be within {shown}",
        "is": f"to be {shown}",
    }
    return phrases[leaf.op]


def _message(rule: Rule, ctx: Context, verdict: Verdict, culprits: list[LeafTrace]) -> str:
    who = ctx.vendor.name + (f" ({ctx.plan} plan)" if ctx.plan else "")
    parts = []
    for trace in culprits[:3]:
        leaf = trace.leaf
        if trace.outcome is Outcome.UNDETERMINED:
            parts.append(f"`{leaf.fact}` is {describe_value(trace.value)}")
        else:
            parts.append(
                f"`{leaf.fact}` is {describe_value(trace.value)} (the rule expects it "
                f"{describe_test(leaf)})"
            )
    detail = "; ".join(parts)
    if verdict is Verdict.FAIL:
        return f"{who} fails \u201c{rule.title}\u201d: {detail}."
    if verdict is Verdict.UNDETERMINED:
        return f"{who}: cannot tell whether \u201c{rule.title}\u201d holds: {detail}."
    return f"{who} meets \u201c{rule.title}\u201d: {detail}."
