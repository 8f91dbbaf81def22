"""The executive summary at the top of the HTML report: what a CISO reads before any detail.

Everything here is computed from the small metadata each vendor's piece carries (see
``html.piece``), never from whole results, so a catalogue of 10,000 vendors costs a few numbers
per vendor. Labels are plain language (rule titles, vendor names); rule ids and file positions
stay in the vendor sections. Lists that grow with the catalogue show the worst few and say how
many more there are, so the summary stays a page or two long.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from vendorgate.core.model import Finding, OrgProfile, RulePack, VendorProfile, Verdict
from vendorgate.report import digest as dg

DECISION_LABEL = {
    "rejected": "Rejected",
    "needs_review": "Needs review",
    "approved_with_conditions": "Approved with conditions",
    "approved": "Approved",
}
_BAR_COLOUR = {
    "rejected": "#b3261e",
    "needs_review": "#a15c00",
    "approved_with_conditions": "#3b5ba9",
    "approved": "#1e6b34",
}
"""Bar colours; each bar also carries its label and count as text, so colour is never the only
sign (and the chart reads in greyscale print)."""
_VERDICT_CELL = {
    "error": "Error",
    "fail": "Fail",
    "undetermined": "Gap",
    "waived": "Waived",
    "pass": "Pass",
    "not_applicable": "n/a",
}
WINDOWS = (30, 60, 90)
"""Waiver expiry windows shown in the summary, in days."""
LIST_LIMIT = 25
"""Rows of a summary list that grows with the catalogue (the vendor table holds every vendor)."""


def esc(text: object) -> str:
    """Escape text for element content and attribute values alike."""
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Previous:
    """What a previous report (``report --previous REPORT.json``) said, keyed by vendor."""

    path: str
    """The file it was read from (as given)."""
    evaluated_on: str
    """Its evaluation date (ISO)."""
    decisions: Mapping[tuple[str, str], str]
    """Decision by (vendor id, plan or "")."""
    names: Mapping[tuple[str, str], str]
    """Display name by the same key."""


def profile_digest(profile: VendorProfile) -> str:
    """A digest of the vendor profile as loaded (facts, quotes, documents and their snapshots'
    sha256): one of the inputs the report identifier is derived from."""
    return hashlib.sha256(repr(profile).encode("utf-8")).hexdigest()


_ABSOLUTE = re.compile(r"'/[^']*'")


def _portable(text: str) -> str:
    """``text`` with each absolute path cut to its last part, so that the identifier is the
    same in every checkout of the same inputs."""
    return _ABSOLUTE.sub(lambda m: "'" + m.group(0)[1:-1].rsplit("/", 1)[-1] + "'", text)


def report_id(org: OrgProfile, packs: Sequence[RulePack], day: date, digests: list[str]) -> str:
    """A short identifier derived from every input: the organisation profile, the rule packs,
    each vendor profile (with its snapshots' hashes) and the evaluation date. The same inputs
    give the same identifier; any change to one of them gives another."""
    h = hashlib.sha256()
    h.update(_portable(repr(org)).encode("utf-8"))
    for pack in sorted(packs, key=lambda p: p.id):
        h.update(b"\x00pack\x00" + _portable(repr(pack)).encode("utf-8"))
    for d in sorted(digests):
        h.update(b"\x00vendor\x00" + d.encode("ascii"))
    h.update(b"\x00day\x00" + day.isoformat().encode("ascii"))
    hexed = h.hexdigest()
    return f"VG-{hexed[:4]}-{hexed[4:8]}-{hexed[8:12]}".upper()


# ---------------------------------------------------------------- chart


def decision_chart(decisions: Counter[str]) -> list[str]:
    """A horizontal bar chart of decisions as inline SVG: text inside, no script, prints."""
    total = sum(decisions.values())
    width, label_w, row_h = 640, 210, 34
    bar_w = width - label_w - 70
    kinds = list(dg.DECISION_RANK)
    height = row_h * len(kinds) + 10
    summary = ", ".join(f"{decisions[k]} {DECISION_LABEL[k].lower()}" for k in kinds)
    lines = [
        f'<svg id="decision-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="chart-t chart-d" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-t">Decisions at a glance</title>',
        f'<desc id="chart-d">{esc(summary)} (of {total} evaluated)</desc>',
    ]
    for i, kind in enumerate(kinds):
        n = decisions[kind]
        y = 5 + i * row_h
        length = round(bar_w * n / total) if total else 0
        share = f"{100 * n / total:.0f}%" if total else "0%"
        lines += [
            f'<text x="{label_w - 10}" y="{y + 21}" text-anchor="end" '
            f'font-size="15" fill="#1a1a1a">{esc(DECISION_LABEL[kind])}</text>',
            f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="24" fill="#eeeeee"/>',
            f'<rect class="bar bar-{kind}" x="{label_w}" y="{y + 4}" width="{length}" '
            f'height="24" fill="{_BAR_COLOUR[kind]}"/>',
            f'<text x="{label_w + max(length, 0) + 8}" y="{y + 21}" font-size="15" '
            f'fill="#1a1a1a">{n} ({share})</text>',
        ]
    lines.append("</svg>")
    return lines


# ---------------------------------------------------------------- sections


def changes(previous: Previous | None, ordered: Sequence[Any], href: Any) -> list[str]:
    """What changed since the previous report: vendors added, removed, decisions that moved."""
    lines = ['<h3 id="changes-h">What changed since the previous report</h3>']
    if previous is None:
        return [
            *lines,
            '<p class="none">No previous report was given (<code>report --previous '
            "REPORT.json</code> compares with one).</p>",
        ]
    now = {tuple(p.meta["key"]): p for p in ordered}
    moved: list[tuple[int, str]] = []
    for key, p in now.items():
        before = previous.decisions.get(key)
        if before is None:
            moved.append((0, f"<li>{href(p)} is new: {esc(DECISION_LABEL[p.decision])}.</li>"))
        elif before != p.decision:
            worse = dg.DECISION_RANK[p.decision] < dg.DECISION_RANK.get(before, 9)
            word = "worse" if worse else "better"
            moved.append(
                (
                    0 if worse else 1,
                    f"<li>{href(p)}: {esc(DECISION_LABEL.get(before, before))} &rarr; "
                    f"<strong>{esc(DECISION_LABEL[p.decision])}</strong> ({word}).</li>",
                )
            )
    gone = sorted(k for k in previous.decisions if k not in now)
    lines.append(
        f"<p>Compared with the report of <time>{esc(previous.evaluated_on)}</time> "
        f"(<code>{esc(previous.path)}</code>): {len(moved) - _count_new(previous, now)} "
        f"decision(s) changed, {_count_new(previous, now)} vendor(s) new, {len(gone)} no "
        "longer in the report.</p>"
    )
    if not moved and not gone:
        return [*lines, '<p class="none">No decision changed.</p>']
    lines.append('<ul class="changes">')
    ranked = sorted(moved, key=lambda m: m[0])
    lines += [text for _, text in ranked[:LIST_LIMIT]]
    lines += [
        f"<li>{esc(previous.names.get(k, k[0]))} is no longer in the report.</li>"
        for k in gone[:LIST_LIMIT]
    ]
    lines.append("</ul>")
    more = max(0, len(ranked) - LIST_LIMIT) + max(0, len(gone) - LIST_LIMIT)
    if more:
        lines.append(f'<p class="none">{more} more change(s) not listed here.</p>')
    return lines


def _count_new(previous: Previous, now: Mapping[Any, Any]) -> int:
    return sum(1 for k in now if k not in previous.decisions)


def blockers(ordered: Sequence[Any], href: Any) -> list[str]:
    """Blocking findings in plain language: each blocking rule's title and the vendors it
    blocks (failed, or not settled by the vendor's terms), the rule blocking most first."""
    by_title: dict[str, list[Any]] = {}
    for p in ordered:
        for title in p.meta["blockers"]:
            by_title.setdefault(title, []).append(p)
    lines = ['<h3 id="blockers-h">What blocks approval</h3>']
    if not by_title:
        return [*lines, '<p class="none">No finding blocks any vendor.</p>']
    lines.append("<ul>")
    ranked = sorted(by_title.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for title, vendors in ranked[:LIST_LIMIT]:
        named = ", ".join(href(p) for p in vendors[:5])
        rest = f" and {len(vendors) - 5} more" if len(vendors) > 5 else ""
        lines.append(
            f"<li><strong>{esc(title)}</strong>: blocks {len(vendors)} "
            f"vendor{'s' if len(vendors) != 1 else ''} ({named}{rest}).</li>"
        )
    lines.append("</ul>")
    if len(ranked) > LIST_LIMIT:
        lines.append(f'<p class="none">{len(ranked) - LIST_LIMIT} more blocking rule(s).</p>')
    return lines


def matrix(ordered: Sequence[Any], packs: Sequence[RulePack], href: Any) -> list[str]:
    """Vendors by rule pack, worst vendor first: each cell the worst verdict of that pack."""
    ids = sorted(p.id for p in packs)
    titles = {p.id: p.title for p in packs}
    lines = ['<h3 id="matrix-h">Vendors by rule pack, worst first</h3>']
    if not ids or not ordered:
        return [*lines, '<p class="none">Nothing to show.</p>']
    head = "".join(f'<th scope="col">{esc(titles[i])}</th>' for i in ids)
    lines += [
        '<div class="scroll"><table id="matrix">',
        "<caption>The worst verdict of each rule pack per vendor (Gap: the terms do not "
        "settle a rule; n/a: no rule of the pack applies)</caption>",
        f'<thead><tr><th scope="col">Vendor</th><th scope="col">Decision</th>{head}</tr></thead>',
        "<tbody>",
    ]
    for p in ordered[:LIST_LIMIT]:
        cells = "".join(_matrix_cell(p.meta["packs"].get(i)) for i in ids)
        lines.append(
            f'<tr><th scope="row">{href(p)}</th>'
            f'<td class="d-{p.decision}">{esc(DECISION_LABEL[p.decision])}</td>{cells}</tr>'
        )
    lines += ["</tbody>", "</table>", "</div>"]
    if len(ordered) > LIST_LIMIT:
        lines.append(
            f'<p class="none">The {LIST_LIMIT} worst of {len(ordered)} vendors; the vendor '
            "table below lists every one.</p>"
        )
    return lines


def _matrix_cell(verdict: str | None) -> str:
    if verdict is None:
        return '<td class="none">-</td>'
    return f'<td class="v-{esc(verdict)}">{esc(_VERDICT_CELL.get(verdict, verdict))}</td>'


def waiver_windows(
    org: OrgProfile, day: date, ordered: Sequence[Any], packs: Sequence[RulePack], href: Any
) -> list[str]:
    """Waivers that lapse in the next 30, 60 and 90 days (and those already lapsed)."""
    by_vendor: dict[str, Any] = {}
    for p in ordered:  # the first plan of a vendor is where its waivers link to
        by_vendor.setdefault(p.meta["key"][0], p)
    titles = {r.id: r.title for pack in packs for r in pack.rules}
    notices = dg.waiver_notices_of(
        org, day, {k: p.meta["name"] for k, p in by_vendor.items()}, max(WINDOWS)
    )
    lines = [f'<h3 id="waiver-windows-h">Waivers expiring in the next {max(WINDOWS)} days</h3>']
    buckets = Counter(_bucket(n.days_left) for n in notices)
    told = (
        "; ".join(f"{buckets[w]} within {w} days" for w in WINDOWS if buckets[w])
        or "none within 90 days"
    )
    lapsed = f"; {buckets['expired']} already expired" if buckets["expired"] else ""
    lines.append(f"<p>{told}{lapsed}.</p>")
    if not notices:
        return lines
    lines += ["<ul>"]
    for n in notices[:LIST_LIMIT]:
        w = n.waiver
        when = f"expired {-n.days_left} day(s) ago" if n.expired else f"in {n.days_left} day(s)"
        lines.append(
            f"<li>{href(by_vendor[w.vendor])}: {esc(titles.get(w.rule, w.rule))}, approved by "
            f"{esc(w.approver)}, expires <time>{w.expires.isoformat()}</time> ({when}).</li>"
        )
    lines.append("</ul>")
    if len(notices) > LIST_LIMIT:
        lines.append(f'<p class="none">{len(notices) - LIST_LIMIT} more waiver(s).</p>')
    return lines


def _bucket(days_left: int) -> str | int:
    if days_left < 0:
        return "expired"
    return next(w for w in WINDOWS if days_left <= w)


def old_evidence(org: OrgProfile, day: date, ordered: Sequence[Any], href: Any) -> list[str]:
    """Vendors whose oldest document was retrieved longer ago than the organisation allows."""
    lines = ['<h3 id="old-evidence-h">Evidence older than policy</h3>']
    limit = org.max_evidence_age_days
    if limit is None:
        return [
            *lines,
            '<p class="none">The organisation sets no maximum evidence age '
            "(<code>evidence.max_age_days</code> in its profile).</p>",
        ]
    cutoff = day - timedelta(days=limit)
    old = sorted(
        (
            p
            for p in ordered
            if p.meta["retrieved"] and date.fromisoformat(p.meta["retrieved"]) < cutoff
        ),
        key=lambda p: (p.meta["retrieved"], p.meta["key"]),
    )
    undated = [p for p in ordered if not p.meta["retrieved"]]
    lines.append(
        f"<p>Policy: documents retrieved within {limit} days. {len(old)} vendor(s) rest on "
        f"older documents; {len(undated)} give no retrieval date.</p>"
    )
    if old:
        lines.append("<ul>")
        lines += [
            f"<li>{href(p)}: oldest document retrieved <time>{p.meta['retrieved']}</time>"
            f" ({(day - date.fromisoformat(p.meta['retrieved'])).days} days ago).</li>"
            for p in old[:LIST_LIMIT]
        ]
        lines.append("</ul>")
    if len(old) > LIST_LIMIT:
        lines.append(f'<p class="none">{len(old) - LIST_LIMIT} more vendor(s).</p>')
    return lines


def due_dates(day: date, ordered: Sequence[Any], href: Any) -> list[str]:
    """Contract renewals and reviews due within 90 days (from the organisation's ``usage``)."""
    soon = day + timedelta(days=max(WINDOWS))
    rows = []
    for p in ordered:
        risk = p.meta["risk"]
        for field, label in (("renewal", "contract renews"), ("review_due", "review due")):
            when = risk.get(field)
            if when and date.fromisoformat(when) <= soon:
                rows.append((when, p, label))
    rows.sort(key=lambda r: (r[0], r[1].meta["key"]))
    lines = ['<h3 id="due-h">Renewals and reviews due in the next 90 days</h3>']
    if not rows:
        return [*lines, '<p class="none">None is due.</p>']
    lines.append("<ul>")
    for when, p, label in rows[:LIST_LIMIT]:
        overdue = " (overdue)" if date.fromisoformat(when) < day else ""
        tier = p.meta["risk"].get("tier")
        tiered = f", {esc(tier)} tier" if tier else ""
        lines.append(f"<li>{href(p)}{tiered}: {label} <time>{esc(when)}</time>{overdue}.</li>")
    lines.append("</ul>")
    if len(rows) > LIST_LIMIT:
        lines.append(f'<p class="none">{len(rows) - LIST_LIMIT} more.</p>')
    return lines


def tiers(ordered: Sequence[Any]) -> str:
    """A sentence: how many vendors of each criticality tier are not approved outright."""
    counts: Counter[str] = Counter()
    open_: Counter[str] = Counter()
    for p in ordered:
        tier = p.meta["risk"].get("tier") or "untiered"
        counts[tier] += 1
        if p.decision != "approved":
            open_[tier] += 1
    order = ["critical", "high", "medium", "low", "untiered"]
    parts = [f"{t}: {open_[t]} of {counts[t]} not approved outright" for t in order if counts[t]]
    return "By criticality tier: " + "; ".join(parts) + "." if parts else ""


def sign_off(report: str, day: date) -> list[str]:
    """Blank lines for the people who prepare and review the report to sign, on screen and
    on paper."""
    return [
        '<section id="sign-off" aria-labelledby="sign-off-h">',
        '<h3 id="sign-off-h">Sign-off</h3>',
        f"<p>Report <strong>{esc(report)}</strong>, evaluated on "
        f"<time>{day.isoformat()}</time>.</p>",
        '<table class="sign-off"><tbody>',
        '<tr><th scope="row">Prepared by</th><td class="line"></td>'
        '<th scope="row">Date</th><td class="line"></td></tr>',
        '<tr><th scope="row">Reviewed by</th><td class="line"></td>'
        '<th scope="row">Date</th><td class="line"></td></tr>',
        "</tbody></table>",
        "</section>",
    ]


def worst_verdicts(findings: Sequence[Finding]) -> dict[str, str]:
    """The worst verdict of each pack among the findings (not-applicable counts last)."""
    rank = {v: i for i, v in enumerate(dg.ATTENTION_ORDER)}
    worst: dict[str, Verdict] = {}
    for f in findings:
        now = worst.get(f.pack)
        if now is None or rank[f.verdict] < rank[now]:
            worst[f.pack] = f.verdict
    return {pack: v.value for pack, v in sorted(worst.items())}
