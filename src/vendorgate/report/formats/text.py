"""``--format text``: an overview of every vendor's decision (worst first), a table per vendor,
then the details of every finding that needs attention with both citations: the authority
behind the rule and the vendor's own clause.

Colour only when asked (a terminal without NO_COLOR); otherwise plain aligned text."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table

from vendorgate.core.model import CheckResult, Finding, OrgProfile, RulePack, VendorResult, Verdict
from vendorgate.core.render import Piece
from vendorgate.engine.conditions import describe_value
from vendorgate.report import RenderOptions
from vendorgate.report import escape as policy


def escape(text: str) -> str:
    """A value for the terminal: the shared policy (no control sequence, bidi override or
    line break from a profile reaches the terminal), then Rich's markup escaping."""
    return rich_escape(policy.inline(text))


_VERDICT_STYLE = {
    Verdict.FAIL: "bold red",
    Verdict.ERROR: "bold red",
    Verdict.UNDETERMINED: "yellow",
    Verdict.WAIVED: "magenta",
    Verdict.PASS: "green",
    Verdict.NOT_APPLICABLE: "dim",
}
_DECISION_STYLE = {
    "rejected": "bold red",
    "needs_review": "bold yellow",
    "approved_with_conditions": "bold cyan",
    "approved": "bold green",
}
_DETAILED = (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.WAIVED, Verdict.ERROR)


def render(result: CheckResult, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = _console(buffer, options)
    _header(console, result.org.name, result.evaluated_on, result.packs, len(result.results))
    ordered = sorted(result.results, key=_worst_first)
    _overview(console, [_row(vr) for vr in ordered], options)
    for vendor in ordered:
        _vendor(console, vendor, options)
    blocking = sum(1 for f in result.findings if f.blocking)
    _summary(
        console, Counter(f.verdict.value for f in result.findings), _decisions(result), blocking
    )
    return buffer.getvalue()


def _console(buffer: io.StringIO, options: RenderOptions) -> Console:
    return Console(
        file=buffer,
        width=max(options.width, 60),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
        soft_wrap=True,
    )


def _decisions(result: CheckResult) -> Counter[str]:
    return Counter(r.decision.kind.value for r in result.results)


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """One vendor's section (printed on its own console: rich output is line by line, so the
    sections of a whole render are these texts one after the other), with its overview row
    and its place in the worst-first order."""
    buffer = io.StringIO()
    _vendor(_console(buffer, options), result, options)
    return buffer.getvalue().encode("utf-8"), {"row": _row(result), "order": _worst_first(result)}


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> list[bytes]:
    """The report from the vendors' pieces: header, overview and summary from their metadata,
    their sections in between (worst first)."""
    ordered = sorted(pieces, key=lambda p: tuple(p.meta["order"]))
    buffer = io.StringIO()
    console = _console(buffer, options)
    _header(console, org.name, day, packs, len(pieces))
    _overview(console, [list(p.meta["row"]) for p in ordered], options)
    head = buffer.getvalue().encode("utf-8")
    verdicts: Counter[str] = Counter()
    for p in pieces:
        verdicts.update(p.verdicts)
    buffer = io.StringIO()
    decisions = Counter(p.decision for p in pieces)
    _summary(_console(buffer, options), verdicts, decisions, sum(p.blocking for p in pieces))
    return [head, *(p.text for p in ordered), buffer.getvalue().encode("utf-8")]


_DECISION_ORDER = ("rejected", "needs_review", "approved_with_conditions", "approved")


def _worst_first(vr: VendorResult) -> tuple[int, str, str]:
    """Rejected vendors first, so the findings that matter are on the first screen."""
    return (_DECISION_ORDER.index(vr.decision.kind.value), vr.vendor.id, vr.plan or "")


def _row(vr: VendorResult) -> list[str]:
    """The vendor's overview row (rich markup)."""
    counts = Counter(f.verdict for f in vr.findings)
    decision = vr.decision.kind.value
    plan = f" [{vr.plan} plan]" if vr.plan else ""
    return [
        escape(vr.vendor.id + plan),
        f"[{_DECISION_STYLE[decision]}]{decision}[/]",
        str(counts[Verdict.FAIL] + counts[Verdict.ERROR]),
        str(counts[Verdict.UNDETERMINED]),
        str(counts[Verdict.WAIVED]),
        str(sum(1 for f in vr.findings if f.blocking)),
    ]


def _overview(console: Console, rows: list[list[str]], options: RenderOptions) -> None:
    table = Table(box=box.SIMPLE if options.color else box.ASCII2, show_edge=False, pad_edge=False)
    for column in ("vendor", "decision", "fail", "undetermined", "waived", "blocking"):
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*row)
    console.print()
    console.print(table)


def _header(console: Console, org: str, day: date, packs: Sequence[RulePack], vendors: int) -> None:
    names = ", ".join(p.id for p in packs)
    console.print(f"[bold]vendorgate check[/] - {escape(org)} - evaluated {day.isoformat()}")
    console.print(f"{vendors} vendor(s); rule packs: {escape(names)}")


def _vendor(console: Console, vr: VendorResult, options: RenderOptions) -> None:
    decision = vr.decision.kind.value
    plan = f" [{vr.plan} plan]" if vr.plan else ""
    console.print()
    console.print(
        f"[bold]{escape(vr.vendor.name)}[/]{escape(plan)}  ({escape(vr.vendor.location.path)})"
        f"  decision: [{_DECISION_STYLE[decision]}]{decision.upper()}[/]"
    )
    shown = [
        f
        for f in _ordered(vr.findings)
        if options.verbose or f.verdict is not Verdict.NOT_APPLICABLE
    ]
    hidden = len(vr.findings) - len(shown)
    table = Table(box=box.SIMPLE if options.color else box.ASCII2, show_edge=False, pad_edge=False)
    table.add_column("verdict", no_wrap=True, min_width=14)
    table.add_column("severity", no_wrap=True, min_width=8)
    table.add_column("rule", no_wrap=True, min_width=20)
    table.add_column(
        "title", no_wrap=True, overflow="ellipsis", max_width=max(options.width - 80, 20)
    )
    for f in shown:
        mark = " *" if f.blocking else ""
        table.add_row(
            f"[{_VERDICT_STYLE[f.verdict]}]{f.verdict.value.upper()}[/]{mark}",
            f.severity.value,
            escape(f.rule),
            escape(f.rule_title),
        )
    if shown:
        console.print(table)
    if hidden:
        console.print(f"  ({hidden} rule(s) not applicable to this vendor)")
    for f in shown:
        if f.verdict in _DETAILED or options.verbose:
            _details(console, f)


def _ordered(findings: tuple[Finding, ...]) -> list[Finding]:
    rank = {v: i for i, v in enumerate((*_DETAILED, Verdict.PASS, Verdict.NOT_APPLICABLE))}
    return sorted(findings, key=lambda f: (rank[f.verdict], -f.severity.rank, f.rule))


def _details(console: Console, f: Finding) -> None:
    flag = ", blocking" if f.blocking else ""
    console.print()
    console.print(
        f"  [{_VERDICT_STYLE[f.verdict]}]{f.verdict.value.upper()}[/] [bold]{escape(f.rule)}[/]"
        f" - {escape(f.rule_title)} ({f.severity.value}{flag})"
    )
    console.print(f"    at {escape(str(f.location))}")
    console.print(f"    {escape(f.message)}")
    for reason in f.reasons:
        console.print(f"    note: {escape(reason)}")
    for c in f.citations:
        unverified = " (citation not verified)" if not c.verified else ""
        title = f" - {c.title}" if c.title else ""
        console.print(f"    Authority: {escape(c.citation)}{escape(title)}{unverified}")
        console.print(f"      {escape(c.url)}")
    for read in sorted(f.facts, key=lambda r: r.fact):
        plan = f" (plan {read.plan})" if read.plan else ""
        console.print(
            f"    Vendor fact: {escape(read.fact)} = {escape(describe_value(read.value))}{plan}"
            f"  (evidence: {read.status.value})  {escape(str(read.location))}"
        )
        for ev in read.evidence:
            section = f", section {ev.section}" if ev.section else ""
            effective = f", effective {ev.effective.isoformat()}" if ev.effective else ""
            console.print(f"      {escape(ev.title or ev.doc)}{escape(section)}{effective}")
            if ev.url:
                console.print(f"      {escape(ev.url)}")
            if ev.sha256:
                console.print(f"      snapshot sha256 {ev.sha256} (quote {ev.status.value})")
            console.print(f"      > \u201c{escape(ev.quote)}\u201d")
            if ev.detail:
                console.print(f"      ({escape(ev.detail)})")
    if f.waiver:
        w = f.waiver
        console.print(
            f"    Waived by {escape(w.approver)} until {w.expires.isoformat()} "
            f"({escape(w.ticket)}): {escape(w.justification)}"
        )
    if f.verdict is not Verdict.PASS:
        console.print(f"    Demand: {escape(f.remediation)}")


def _summary(
    console: Console, verdicts: Counter[str], decisions: Counter[str], blocking: int
) -> None:
    """Totals: findings by verdict value, vendors by decision, blocking findings."""
    console.print()
    parts = [f"{verdicts[v.value]} {v.value}" for v in Verdict if verdicts[v.value]]
    console.print("Findings: " + (", ".join(parts) or "none"))
    console.print("Decisions: " + ", ".join(f"{n} {k}" for k, n in sorted(decisions.items())))
    if blocking:
        console.print(f"[bold red]{blocking} blocking finding(s)[/] (marked *)")
    else:
        console.print("[green]No blocking findings.[/]")
