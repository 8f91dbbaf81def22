"""Writing ``vendorgate explain``: the evaluation as plain text, in the order a reader asks the
questions."""

from __future__ import annotations

import textwrap

from vendorgate.app.explain import Explanation
from vendorgate.core.model import (
    CitedEvidence,
    EvidenceStatus,
    FactRead,
    Finding,
    LeafTrace,
    NodeTrace,
    Outcome,
    Trace,
    Verdict,
)
from vendorgate.core.render import RenderOptions
from vendorgate.core.vocabulary import UNDISCLOSED
from vendorgate.engine import conditions as engine

WIDTH = 100
_INDENT = "  "


def to_text(ex: Explanation, options: RenderOptions) -> str:
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
        and ex.org.evidence_require == "binding"
        and read.status is (EvidenceStatus.VERIFIED)
    ):
        return (
            "the value rests only on a summary, FAQ or announcement and the organisation "
            "requires binding evidence, so it is treated as unknown"
        )
    if (
        read is not None
        and ex.org.evidence_require in ("verified", "binding")
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
