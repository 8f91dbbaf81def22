"""``--format text``: an overview of every vendor's decision (worst first), a table per vendor,
then the details of every finding that needs attention with both citations: the authority
behind the rule and the vendor's own clause.

Colour only when asked (a terminal without NO_COLOR); otherwise plain aligned text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from vendorgate.core.model import (
    CheckResult,
    FactRead,
    Finding,
    OrgProfile,
    RulePack,
    VendorResult,
    Verdict,
)
from vendorgate.core.render import Piece
from vendorgate.engine.conditions import describe_read
from vendorgate.report import RenderOptions
from vendorgate.report import escape as policy
from vendorgate.report.termtext import (
    Cell,
    Column,
    Part,
    PlainWriter,
    RichWriter,
    plain,
    styled,
    writer,
)


def escape(text: str) -> Part:
    """A value from a profile, as an unstyled part: the shared policy (no control sequence,
    bidi override or line break from a profile reaches the terminal)."""
    return plain(policy.inline(text))


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


Out = RichWriter | PlainWriter


def _cells(row: Sequence[Sequence[Sequence[str]]]) -> list[Cell]:
    """An overview row back from a piece's metadata (JSON keeps parts as lists)."""
    return [[(style, text) for style, text in cell] for cell in row]


def render(result: CheckResult, options: RenderOptions) -> str:
    out = _writer(options)
    _header(out, result.org.name, result.evaluated_on, result.packs, len(result.results))
    ordered = sorted(result.results, key=_worst_first)
    _overview(out, [_row(vr) for vr in ordered])
    for vendor in ordered:
        _vendor(out, vendor, options)
    blocking = sum(1 for f in result.findings if f.blocking)
    _summary(out, Counter(f.verdict.value for f in result.findings), _decisions(result), blocking)
    return out.text()


def _writer(options: RenderOptions) -> Out:
    return writer(max(options.width, 60), options.color)


def _decisions(result: CheckResult) -> Counter[str]:
    return Counter(r.decision.kind.value for r in result.results)


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """One vendor's section (printed on its own console: rich output is line by line, so the
    sections of a whole render are these texts one after the other), with its overview row
    and its place in the worst-first order."""
    out = _writer(options)
    _vendor(out, result, options)
    return out.text().encode("utf-8"), {"row": _row(result), "order": _worst_first(result)}


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
    out = _writer(options)
    _header(out, org.name, day, packs, len(pieces))
    _overview(out, [_cells(p.meta["row"]) for p in ordered])
    head = out.text().encode("utf-8")
    verdicts: Counter[str] = Counter()
    for p in pieces:
        verdicts.update(p.verdicts)
    out = _writer(options)
    decisions = Counter(p.decision for p in pieces)
    _summary(out, verdicts, decisions, sum(p.blocking for p in pieces))
    return [head, *(p.text for p in ordered), out.text().encode("utf-8")]


_DECISION_ORDER = ("rejected", "needs_review", "approved_with_conditions", "approved")


def _worst_first(vr: VendorResult) -> tuple[int, str, str]:
    """Rejected vendors first, so the findings that matter are on the first screen."""
    return (_DECISION_ORDER.index(vr.decision.kind.value), vr.vendor.id, vr.plan or "")


def _row(vr: VendorResult) -> list[Cell]:
    """The vendor's overview row."""
    counts = Counter(f.verdict for f in vr.findings)
    decision = vr.decision.kind.value
    plan = f" [{vr.plan} plan]" if vr.plan else ""
    return [
        [escape(vr.vendor.id + plan)],
        [styled(_DECISION_STYLE[decision], decision)],
        [plain(str(counts[Verdict.FAIL] + counts[Verdict.ERROR]))],
        [plain(str(counts[Verdict.UNDETERMINED]))],
        [plain(str(counts[Verdict.WAIVED]))],
        [plain(str(sum(1 for f in vr.findings if f.blocking)))],
    ]


_OVERVIEW = tuple(
    Column(name) for name in ("vendor", "decision", "fail", "undetermined", "waived", "blocking")
)


def _overview(out: Out, rows: Sequence[Sequence[Cell]]) -> None:
    out.line()
    out.table(_OVERVIEW, rows)


def _header(out: Out, org: str, day: date, packs: Sequence[RulePack], vendors: int) -> None:
    names = ", ".join(p.id for p in packs)
    out.line(
        styled("bold", "vendorgate check"),
        plain(" - "),
        escape(org),
        plain(f" - evaluated {day.isoformat()}"),
    )
    out.line(plain(f"{vendors} vendor(s); rule packs: "), escape(names))


def _findings_table(width: int) -> tuple[Column, ...]:
    return (
        Column("verdict", min_width=14),
        Column("severity", min_width=8),
        Column("rule", min_width=20),
        Column("title", max_width=max(width - 80, 20)),
    )


def _vendor(out: Out, vr: VendorResult, options: RenderOptions) -> None:
    decision = vr.decision.kind.value
    plan = f" [{vr.plan} plan]" if vr.plan else ""
    out.line()
    out.line(
        styled("bold", policy.inline(vr.vendor.name)),
        escape(plan),
        plain("  ("),
        escape(vr.vendor.location.path),
        plain(")  decision: "),
        styled(_DECISION_STYLE[decision], decision.upper()),
    )
    shown = [
        f
        for f in _ordered(vr.findings)
        if options.verbose or f.verdict is not Verdict.NOT_APPLICABLE
    ]
    hidden = len(vr.findings) - len(shown)
    if shown:
        out.table(_findings_table(options.width), [_finding_row(f) for f in shown])
    if hidden:
        out.line(plain(f"  ({hidden} rule(s) not applicable to this vendor)"))
    for f in shown:
        if f.verdict in _DETAILED or options.verbose:
            _details(out, f)


def _finding_row(f: Finding) -> list[Cell]:
    mark = " *" if f.blocking else ""
    return [
        [styled(_VERDICT_STYLE[f.verdict], f.verdict.value.upper()), plain(mark)],
        [plain(f.severity.value)],
        [escape(f.rule)],
        [escape(f.rule_title)],
    ]


def _ordered(findings: tuple[Finding, ...]) -> list[Finding]:
    rank = {v: i for i, v in enumerate((*_DETAILED, Verdict.PASS, Verdict.NOT_APPLICABLE))}
    return sorted(findings, key=lambda f: (rank[f.verdict], -f.severity.rank, f.rule))


def _details(out: Out, f: Finding) -> None:
    flag = ", blocking" if f.blocking else ""
    out.line()
    out.line(
        plain("  "),
        styled(_VERDICT_STYLE[f.verdict], f.verdict.value.upper()),
        plain(" "),
        styled("bold", policy.inline(f.rule)),
        plain(" - "),
        escape(f.rule_title),
        plain(f" ({f.severity.value}{flag})"),
    )
    out.line(plain("    at "), escape(str(f.location)))
    out.line(plain("    "), escape(f.message))
    for reason in f.reasons:
        out.line(plain("    note: "), escape(reason))
    for c in f.citations:
        unverified = " (citation not verified)" if not c.verified else ""
        title = f" - {c.title}" if c.title else ""
        out.line(plain("    Authority: "), escape(c.citation), escape(title), plain(unverified))
        out.line(plain("      "), escape(c.url))
    for read in sorted(f.facts, key=lambda r: r.fact):
        _fact(out, read)
    if f.waiver:
        w = f.waiver
        out.line(
            plain("    Waived by "),
            escape(w.approver),
            plain(f" until {w.expires.isoformat()} ("),
            escape(w.ticket),
            plain("): "),
            escape(w.justification),
        )
    if f.verdict is not Verdict.PASS:
        out.line(plain("    Demand: "), escape(f.remediation))


def _fact(out: Out, read: FactRead) -> None:
    plan = f" (plan {read.plan})" if read.plan else ""
    out.line(
        plain("    Vendor fact: "),
        escape(read.fact),
        plain(" = "),
        escape(describe_read(read)),
        escape(plan),
        plain(f"  (evidence: {read.status.value})  "),
        escape(str(read.location)),
    )
    for ev in read.evidence:
        section = f", section {ev.section}" if ev.section else ""
        effective = f", effective {ev.effective.isoformat()}" if ev.effective else ""
        out.line(plain("      "), escape(ev.title or ev.doc), escape(section), plain(effective))
        if ev.url:
            out.line(plain("      "), escape(ev.url))
        if ev.sha256:
            out.line(plain(f"      snapshot sha256 {ev.sha256} (quote {ev.status.value})"))
        out.line(plain("      > \u201c"), escape(ev.quote), plain("\u201d"))
        if ev.detail:
            out.line(plain("      ("), escape(ev.detail), plain(")"))


def _summary(out: Out, verdicts: Counter[str], decisions: Counter[str], blocking: int) -> None:
    """Totals: findings by verdict value, vendors by decision, blocking findings."""
    out.line()
    parts = [f"{verdicts[v.value]} {v.value}" for v in Verdict if verdicts[v.value]]
    out.line(plain("Findings: " + (", ".join(parts) or "none")))
    out.line(plain("Decisions: " + ", ".join(f"{n} {k}" for k, n in sorted(decisions.items()))))
    if blocking:
        out.line(styled("bold red", f"{blocking} blocking finding(s)"), plain(" (marked *)"))
    else:
        out.line(styled("green", "No blocking findings."))
