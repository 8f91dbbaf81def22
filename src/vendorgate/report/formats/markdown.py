"""``--format markdown``: a summary fit for a pull-request comment or a CI job summary.

A decision table per vendor, then every blocking finding with both citations (the authority and
the vendor's own clause), then each vendor's full findings inside a ``<details>`` block. Every
value read from an input file is escaped (see :mod:`vendorgate.report.mdtext`). The text stays
under GitHub's comment limit: when it would not, vendor details are left out with a note.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from vendorgate.core.model import CheckResult, Finding, OrgProfile, RulePack, VendorResult, Verdict
from vendorgate.core.render import Piece
from vendorgate.engine.conditions import describe_read
from vendorgate.report import RenderOptions, cite
from vendorgate.report.mdtext import cell, code, html_text, link, md

MAX_CHARS = 60_000
"""GitHub refuses comments over 65,536 characters; keep a margin for what CI adds around it."""
TABLE_CHARS = MAX_CHARS // 2
"""The decision table's share of the comment; the blocking findings and details get the rest."""
ATTENTION = (Verdict.ERROR, Verdict.FAIL, Verdict.UNDETERMINED, Verdict.WAIVED)


def decision_label(value: str) -> str:
    return value.replace("_", " ")


def render(result: CheckResult, options: RenderOptions) -> str:
    ordered = _ordered(result)
    head = _head(result.org.name, result.evaluated_on, result.packs, [_row(vr) for vr in ordered])
    blocking = [block for _, block in sorted(_blocking(result.findings), key=lambda b: b[0])]
    details = [_vendor_details(vr, options) for vr in ordered]
    return _page(head, blocking, len(blocking), details, len(details))


def _page(
    head: str, blocking: Iterable[str], blocks: int, details: Iterable[str], vendors: int
) -> str:
    budget = MAX_CHARS - len(head) - 200
    body, budget = _fit(
        blocking,
        blocks,
        budget,
        "*{} more blocking finding(s) not shown here; see the full report.*\n",
    )
    shown, _ = _fit(
        details, vendors, budget, "*Details of {} more vendor(s) left out to fit a comment.*\n"
    )
    parts = [head]
    if body:
        parts += ["### Blocking findings\n", *body]
    if shown:
        parts += ["### Details\n", *shown]
    return "\n".join(parts)


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """The vendor's details block followed by its blocking findings' blocks, with its table
    row, where each block starts and ends (with its rank) and its place in vendor order: the
    frame fits them into the comment budget. The blocks are bytes of the piece, not metadata,
    so that metadata stays small however many findings block; and the bytes are deflated
    (zlib), since the pipeline holds every vendor's piece until the frame is built while a
    comment shows only a few of them (offsets are into the inflated text)."""
    text = bytearray(_vendor_details(result, options).encode("utf-8"))
    details = len(text)
    blocking = []
    for key, block in _blocking(result.findings):
        start = len(text)
        text += block.encode("utf-8")
        blocking.append([*key, start, len(text)])
    meta = {
        "row": _row(result),
        "blocking": blocking,
        "details": details,
        "order": list(_order(result)),
    }
    return zlib.compress(bytes(text), 1), meta


def _blocks(ordered: Sequence[Piece]) -> Iterator[str]:
    """Every blocking finding's block, most severe first, inflated only when asked for."""
    found = [
        ((rank, vendor, plan, rule), p.text, start, end)
        for p in ordered
        for rank, vendor, plan, rule, start, end in p.meta["blocking"]
    ]
    found.sort(key=lambda b: b[0])
    return (zlib.decompress(text)[start:end].decode("utf-8") for _, text, start, end in found)


def _details_of(p: Piece) -> bytes:
    return zlib.decompress(p.text)[: p.meta["details"]]


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> list[bytes]:
    """The comment from the vendors' pieces; only the details that fit are decoded."""
    ordered = sorted(pieces, key=lambda p: tuple(p.meta["order"]))
    head = _head(org.name, day, packs, [p.meta["row"] for p in ordered])
    blocking = sum(len(p.meta["blocking"]) for p in ordered)
    # Decoded as they are fitted: most never are, a comment holds only a few vendors' details.
    details = (_details_of(p).decode("utf-8") for p in ordered)
    return [_page(head, _blocks(ordered), blocking, details, len(ordered)).encode("utf-8")]


def _fit(blocks: Iterable[str], total: int, budget: int, left_out: str) -> tuple[list[str], int]:
    """The leading blocks (of ``total``) that fit in ``budget`` characters, then (if any did
    not fit) ``left_out`` filled in with how many were left out; and the budget that remains."""
    shown: list[str] = []
    for block in blocks:
        if budget - len(block) < 0:
            shown.append(left_out.format(total - len(shown)))
            break
        shown.append(block)
        budget -= len(block)
    return shown, budget


def _order(vr: VendorResult) -> tuple[str, str]:
    return (vr.vendor.id, vr.plan or "")


def _ordered(result: CheckResult) -> list[VendorResult]:
    return sorted(result.results, key=_order)


def _head(org: str, day: date, packs: Sequence[RulePack], rows: Sequence[_Row]) -> str:
    blocking = sum(row[0] for row in rows)
    status = f"**{blocking} blocking finding(s)**" if blocking else "**No blocking findings**"
    names = ", ".join(code(p.id) for p in packs) or "none"
    lines = [
        f"## vendorgate check: {md(org)}",
        "",
        f"{status} in {len(rows)} vendor(s), evaluated "
        f"{day.isoformat()} against rule pack(s) {names}.",
        "",
        "| Vendor | Plan | Decision | Blocking | Fail | Undetermined | Waived | Pass |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    shown, hidden = _table_rows(rows)
    lines += shown
    if hidden:
        lines += [
            "",
            f"*{len(rows) - len(shown)} more vendor(s) not in this table ({hidden} blocking "
            "finding(s) among them); see the full report.*",
        ]
    return "\n".join(lines) + "\n"


def _table_rows(rows: Sequence[_Row]) -> tuple[list[str], int]:
    """The table's lines: every row when they fit in :data:`TABLE_CHARS`, else the rows with
    the most blocking findings that fit, in vendor order; and the blocking findings of the
    rows left out."""
    if sum(len(line) + 1 for _, line in rows) <= TABLE_CHARS:
        return [line for _, line in rows], 0
    ranked = sorted(range(len(rows)), key=lambda i: (-rows[i][0], i))
    budget = TABLE_CHARS
    chosen: set[int] = set()
    for i in ranked:
        cost = len(rows[i][1]) + 1
        if cost > budget:
            break
        chosen.add(i)
        budget -= cost
    hidden = sum(row[0] for i, row in enumerate(rows) if i not in chosen)
    return [rows[i][1] for i in sorted(chosen)], hidden


_Row = tuple[int, str] | list[Any]
"""A vendor's number of blocking findings and its line of the decision table."""


def _row(vr: VendorResult) -> list[Any]:
    verdicts = Counter(f.verdict for f in vr.findings)
    fails = verdicts[Verdict.FAIL] + verdicts[Verdict.ERROR]
    blocking = sum(1 for f in vr.findings if f.blocking)
    return [
        blocking,
        f"| {md(vr.vendor.name)} ({code(vr.vendor.id, in_table=True)}) | {cell(vr.plan or '')} "
        f"| **{decision_label(vr.decision.kind.value)}** "
        f"| {blocking} | {fails} "
        f"| {verdicts[Verdict.UNDETERMINED]} | {verdicts[Verdict.WAIVED]} "
        f"| {verdicts[Verdict.PASS]} |",
    ]


def _blocking(findings: Iterable[Finding]) -> list[tuple[tuple[int, str, str, str], str]]:
    """Each blocking finding's block and its rank (most severe first, then vendor, plan, rule)."""
    return [
        ((cite.severity_rank(f), f.vendor, f.plan or "", f.rule), _finding(f, heading=True))
        for f in findings
        if f.blocking
    ]


def _finding(f: Finding, *, heading: bool) -> str:
    blocking = ", blocking" if f.blocking else ""
    who = f"{md(f.vendor_name)}: " if heading else ""
    lines = [
        f"**{who}{code(f.rule)} {md(f.rule_title)}** - "
        f"{f.verdict.value.replace('_', ' ')} ({f.severity.value}{blocking})",
        "",
        f"At {code(str(f.location))}. {md(f.message)}",
        "",
    ]
    lines += [f"- Note: {md(reason)}" for reason in f.reasons]
    for c in f.citations:
        title = f" - {md(c.title)}" if c.title else ""
        flag = " *(citation not verified)*" if not c.verified else ""
        lines.append(f"- Authority: {link(c.citation, c.url)}{title}{flag}")
    for read in sorted(f.facts, key=lambda r: r.fact):
        plan = f" (plan {md(read.plan)})" if read.plan else ""
        lines.append(
            f"- Vendor fact: {code(read.fact)} = {md(describe_read(read))}{plan}, "
            f"evidence {read.status.value}, at {code(str(read.location))}"
        )
        for ev in read.evidence:
            where = [link(ev.title or ev.doc, ev.url)]
            if ev.section:
                where.append(f"section {md(ev.section)}")
            if ev.effective:
                where.append(f"effective {ev.effective.isoformat()}")
            detail = f"; {md(ev.detail)}" if ev.detail else ""
            lines.append(
                f"  - {', '.join(where)}: \u201c{md(ev.quote)}\u201d "
                f"(quote {ev.status.value}{detail})"
            )
    if f.waiver is not None:
        w = f.waiver
        lines.append(
            f"- Waived by {md(w.approver)} until {w.expires.isoformat()} ({md(w.ticket)}): "
            f"{md(w.justification)}"
        )
    if f.verdict is not Verdict.PASS and f.remediation:
        lines.append(f"- Demand: {md(f.remediation)}")
    return "\n".join(lines) + "\n"


def _vendor_details(vr: VendorResult, options: RenderOptions) -> str:
    decision = decision_label(vr.decision.kind.value)
    plan = f", {vr.plan} plan" if vr.plan else ""
    lines = [
        "<details>",
        f"<summary>{html_text(vr.vendor.name)}{html_text(plan)}: {decision} "
        f"({len(vr.findings)} rule(s))</summary>",
        "",
        f"Profile {code(vr.vendor.location.path)}.",
        "",
        "| Verdict | Severity | Rule | Title | Where |",
        "| --- | --- | --- | --- | --- |",
    ]
    rank = {v: i for i, v in enumerate((*ATTENTION, Verdict.PASS, Verdict.NOT_APPLICABLE))}
    ordered = sorted(vr.findings, key=lambda f: (rank[f.verdict], cite.severity_rank(f), f.rule))
    for f in ordered:
        mark = " (blocking)" if f.blocking else ""
        lines.append(
            f"| {f.verdict.value.replace('_', ' ')}{mark} | {f.severity.value} "
            f"| {code(f.rule, in_table=True)} | {md(f.rule_title)} "
            f"| {code(str(f.location), in_table=True)} |"
        )
    lines.append("")
    for f in ordered:
        if f.verdict in ATTENTION or options.verbose:
            lines.append(_finding(f, heading=False))
    lines.append("</details>")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- report --format markdown


def document(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> Iterator[bytes]:
    """The whole report for a file (``report --format markdown``): laid out as the comment,
    but with every blocking finding and every vendor's details, since only a pull-request
    comment has a size limit. Written a vendor at a time."""
    ordered = sorted(pieces, key=lambda p: tuple(p.meta["order"]))
    head = _head(org.name, day, packs, [p.meta["row"] for p in ordered])
    yield head.encode("utf-8")
    if any(p.meta["blocking"] for p in ordered):
        yield b"\n### Blocking findings\n"
        for block in _blocks(ordered):
            yield ("\n" + block).encode("utf-8")
    if ordered:
        yield b"\n### Details\n"
        for p in ordered:
            yield b"\n" + _details_of(p)


def render_document(result: CheckResult, options: RenderOptions) -> str:
    """:func:`document` from a whole result (plans or data classes given on the command line,
    Rego rules)."""
    pieces = [
        Piece(vr.vendor.id, vr.decision.kind.value, {}, 0, (), text, meta)
        for vr in result.results
        for text, meta in [piece(vr, options)]
    ]
    parts = document(pieces, result.org, result.evaluated_on, result.packs, options)
    return b"".join(parts).decode("utf-8")
