"""``--format html``: one self-contained page a compliance officer can hand to an auditor.

The page carries everything inline (styles and a small script, no fonts, images or requests), so
it works offline and from an e-mail attachment. A Content-Security-Policy allows only that exact
style and script (by hash), so even a mistake in escaping could not run injected code.

The summary comes first (decision per vendor, counts by severity, waivers about to lapse,
evidence that cannot be relied on), then a section per vendor with every finding, the authority
behind the rule, the vendor's own words as a block quote, waivers and the contract condition to
demand. The vendor table is sortable and filterable by the script and reads the same without it.

Every piece of text from an input file goes through :func:`_e`; a URL from an input file becomes
a live link only when it is http(s) (:func:`vendorgate.report.digest.safe_href`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from vendorgate.core.model import (
    CheckResult,
    CitedEvidence,
    FactRead,
    Finding,
    OrgProfile,
    RulePack,
    Severity,
    VendorResult,
    Verdict,
)
from vendorgate.core.render import Piece
from vendorgate.core.version import __version__
from vendorgate.core.vocabulary import CRITICALITY_TIERS
from vendorgate.engine.conditions import WAIVER_WARNING_DAYS, describe_read
from vendorgate.report import RenderOptions, escape
from vendorgate.report import digest as dg
from vendorgate.report.formats import html_summary as es
from vendorgate.report.formats.html_summary import Previous

_VERDICT_LABEL = {
    Verdict.ERROR: "Error",
    Verdict.FAIL: "Fail",
    Verdict.UNDETERMINED: "Undetermined",
    Verdict.WAIVED: "Waived",
    Verdict.PASS: "Pass",
    Verdict.NOT_APPLICABLE: "Not applicable",
}
_DECISION_LABEL = {
    "rejected": "Rejected",
    "needs_review": "Needs review",
    "approved_with_conditions": "Approved with conditions",
    "approved": "Approved",
}


@dataclass(frozen=True)
class Assets:
    """The page's inline style and script (package data), and the CSP that allows exactly them."""

    css: str
    """Contents of ``data/html/report.css``."""
    script: str
    """Contents of ``data/html/report.js``."""
    site_script: str = ""
    """Contents of ``data/html/site.js`` (the index page of ``report -o DIR/``)."""

    @property
    def site_policy(self) -> str:
        """The site's pages: only this style and the index's script; links between pages."""
        return (
            "default-src 'none'; "
            f"style-src {_csp_hash(self.css)}; "
            f"script-src {_csp_hash(self.site_script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        )

    @property
    def policy(self) -> str:
        """Only this style and this script may run; nothing may be fetched or framed."""
        return (
            "default-src 'none'; "
            f"style-src {_csp_hash(self.css)}; "
            f"script-src {_csp_hash(self.script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'"
        )


@functools.cache
def assets() -> Assets:
    folder = resources.files("vendorgate") / "data" / "html"
    return Assets(
        (folder / "report.css").read_text(encoding="utf-8"),
        (folder / "report.js").read_text(encoding="utf-8"),
        (folder / "site.js").read_text(encoding="utf-8"),
    )


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _e(text: object) -> str:
    """Escape text for element content and attribute values alike (after the shared policy:
    controls and bidi overrides never reach the page)."""
    return html.escape(escape.multiline(text), quote=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower() or "x"


def _link(url: str, text: str | None = None) -> str:
    """A live link for http(s) URLs; any other URL is shown as inert text."""
    label = _e(text if text is not None else url)
    href = dg.safe_href(url)
    if href is None:
        if not url:
            return label
        if text is None:
            return f'<span class="url">{label}</span> <span class="none">(not linked)</span>'
        return f'{label} <span class="url">({_e(url)}, not linked)</span>'
    return f'<a href="{_e(href)}" rel="noreferrer">{label}</a>'


def _badge(kind: str, value: str, label: str) -> str:
    return f'<span class="badge {kind}-{_e(value)}">{_e(label)}</span>'


def _verdict(v: Verdict) -> str:
    return _badge("v", v.value, _VERDICT_LABEL[v])


def _decision(value: str) -> str:
    return _badge("d", value, _DECISION_LABEL.get(value, value))


class _Anchors:
    """Unique, stable element ids derived from vendor ids, plans and rule ids."""

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        self.vendor: dict[tuple[str, str], str] = {}
        used: set[str] = set()
        for vendor, plan in keys:
            base = _anchor_base(vendor, plan)
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            self.vendor[(vendor, plan)] = anchor

    def of(self, vendor: str, plan: str | None) -> str:
        return self.vendor[(vendor, plan or "")]

    def finding(self, f: Finding) -> str:
        return f"{self.of(f.vendor, f.plan)}--{_slug(f.rule)}"


def _anchor_base(vendor: str, plan: str) -> str:
    return "vendor-" + _slug(vendor + (f"-{plan}" if plan else ""))


class _Own(_Anchors):
    """The anchors of one vendor's piece: its own id is not known until every vendor is (two
    may slug alike), so a stand-in is written and replaced when the page is put together."""

    def __init__(self) -> None:
        super().__init__(())

    def of(self, vendor: str, plan: str | None) -> str:
        return _ANCHOR


_ANCHOR = "\x00vendor-anchor\x00"
"""Stands for the vendor's anchor in its piece (input files can hold no NUL character)."""


def render(result: CheckResult, options: RenderOptions, previous: Previous | None = None) -> str:
    pieces = [piece_of(vr, result.org) for vr in result.results]
    parts = frame(pieces, result.org, result.evaluated_on, result.packs, options, previous)
    return b"".join(parts).decode("utf-8")


def piece(
    result: VendorResult, options: RenderOptions, org: OrgProfile
) -> tuple[bytes, dict[str, Any]]:
    """The vendor's section, deflated (zlib: the pipeline holds every vendor's section until the
    page or site is written, and they are inflated one at a time as they are), and what the
    page's header and summary need from it: its place, title, table row, findings per severity
    and its evidence concerns (rendered)."""
    anchors = _Own()
    counts = dg.severity_counts(CheckResult(org, (result,), date.min, ()))
    concerns = dg.evidence_concerns(CheckResult(org, (result,), date.min, ()))
    meta = {
        "key": [result.vendor.id, result.plan or ""],
        "name": result.vendor.name,
        "title": _vendor_title(result),
        "rank": [dg.DECISION_RANK[result.decision.kind.value], result.vendor.id],
        "row": _row(result, anchors, _risk(result, org)),
        "severity": [[counts[s][v] for v in dg.ATTENTION_ORDER] for s in Severity],
        "concerns": [_concern(c, anchors) for c in concerns],
        "packs": es.worst_verdicts(result.findings),
        "blockers": sorted({f.rule_title for f in result.findings if f.blocking}),
        "risk": _risk(result, org),
        "retrieved": _oldest_retrieved(result),
        "digest": es.profile_digest(result.vendor),
        "cells": _cells(result, _risk(result, org)),
    }
    return zlib.compress("\n".join(_vendor(result, org, anchors)).encode("utf-8"), 1), meta


def _risk(result: VendorResult, org: OrgProfile) -> dict[str, str]:
    """The organisation's risk fields for the vendor (``usage`` in its profile), those stated."""
    own = org.usage.get(result.vendor.id)
    usage = result.vendor.usage
    owner = (own.owner if own else "") or (usage.owner if usage else "")
    risk = {"owner": owner}
    if own is not None:
        if own.tier:
            risk["tier"] = own.tier
        if own.renewal:
            risk["renewal"] = own.renewal.isoformat()
        if own.review_due:
            risk["review_due"] = own.review_due.isoformat()
    return {k: v for k, v in risk.items() if v}


def _cells(result: VendorResult, risk: dict[str, str]) -> list[Any]:
    """The vendor's row of the site's vendor index (JSON): the table's columns as values."""
    counts = dg.verdict_counts(result.findings)
    return [
        result.vendor.name,
        result.vendor.category,
        result.plan or "-",
        dg.DECISION_RANK[result.decision.kind.value],
        sum(1 for f in result.findings if f.blocking),
        *(counts[v] for v in (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.WAIVED, Verdict.PASS)),
        risk.get("owner", "-"),
        risk.get("tier", "-"),
        risk.get("renewal", "-"),
        risk.get("review_due", "-"),
    ]


def _oldest_retrieved(result: VendorResult) -> str | None:
    days = [d.retrieved for d in result.vendor.documents.values() if d.retrieved is not None]
    return min(days).isoformat() if days else None


def piece_of(result: VendorResult, org: OrgProfile) -> Piece:
    text, meta = piece(result, RenderOptions(), org)
    return Piece(result.vendor.id, result.decision.kind.value, {}, 0, (), text, meta)


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
    previous: Previous | None = None,
) -> Iterator[bytes]:
    """The page from the vendors' pieces: header, summary and footer from their metadata, each
    section with its anchor filled in as it is written (a copy of one section at a time, not of
    the page). Sections follow the vendor table's order, worst decision first; ``previous``
    (``--previous``) is what an earlier report said."""
    page = assets()
    by_key = sorted(pieces, key=lambda p: tuple(p.meta["key"]))
    anchors = _Anchors((p.meta["key"][0], p.meta["key"][1]) for p in by_key)
    ordered = sorted(by_key, key=lambda p: tuple(p.meta["rank"]) + tuple(p.meta["key"]))
    title = f"Vendor compliance report - {org.name} - {day.isoformat()}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(page.policy)}">',
        f'<meta name="generator" content="vendorgate {_e(__version__)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{page.css}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        *_header(org, day, packs),
        '<main id="main">',
        *_summary(org, day, packs, ordered, anchors, previous),
        *_contents(ordered, anchors),
    ]
    yield "\n".join(parts).encode("utf-8")
    for p in ordered:
        anchor = anchors.of(p.meta["key"][0], p.meta["key"][1]).encode("utf-8")
        yield b"\n"
        yield zlib.decompress(p.text).replace(_ANCHOR.encode("utf-8"), anchor)
    tail = [
        "</main>",
        *_footer(day),
        f"<script>{page.script}</script>",
        "</body>",
        "</html>",
    ]
    yield ("\n" + "\n".join(tail) + "\n").encode("utf-8")


# ---------------------------------------------------------------- report -o DIR/

SITE_ROWS = 50
"""Vendor table rows the site's index holds in its HTML (the worst first); the script shows
at most as many matches of the filter, from the JSON list of every vendor."""
_VENDOR_HREF = re.compile(r'href="#(vendor-(?:(?!--)[^"])+)"')
"""A link to a vendor's section (not to one of its findings, ``vendor-x--rule``)."""


def site(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
    previous: Previous | None = None,
) -> Iterator[tuple[str, bytes]]:
    """The report as a small static site, file by file (relative path, bytes): ``index.html``
    (the summary and a filterable table of every vendor, of which the worst
    :data:`SITE_ROWS` are in the HTML and all in a JSON list), ``vendors.html`` (the whole
    table, for reading without script and printing) and ``vendors/<anchor>.html`` per vendor."""
    page = assets()
    by_key = sorted(pieces, key=lambda p: tuple(p.meta["key"]))
    anchors = _Anchors((p.meta["key"][0], p.meta["key"][1]) for p in by_key)
    ordered = sorted(by_key, key=lambda p: tuple(p.meta["rank"]) + tuple(p.meta["key"]))
    summary = _summary(org, day, packs, ordered, anchors, previous, rows=SITE_ROWS)
    index = [
        *_site_head(f"Vendor compliance report - {org.name} - {day.isoformat()}", page),
        *_header(org, day, packs),
        '<main id="main">',
        *summary,
        _site_index(ordered, anchors),
        "</main>",
        *_footer(day),
        f"<script>{page.site_script}</script>",
        "</body>",
        "</html>",
    ]
    yield "index.html", _site_links("\n".join(index) + "\n", "vendors/").encode("utf-8")
    table = [
        *_site_head(f"Every vendor - {org.name} - {day.isoformat()}", page),
        '<main id="main">',
        '<p><a href="index.html">Back to the summary</a></p>',
        *_vendor_table(ordered, anchors, every=True),
        "</main>",
        "</body>",
        "</html>",
    ]
    yield "vendors.html", _site_links("\n".join(table) + "\n", "vendors/").encode("utf-8")
    for p in ordered:
        anchor = anchors.of(p.meta["key"][0], p.meta["key"][1])
        head = [
            *_site_head(f"{p.meta['title']} - {org.name} - {day.isoformat()}", page),
            '<main id="main">',
            '<p><a href="../index.html">Back to the summary</a> &middot; '
            '<a href="../vendors.html">Every vendor</a></p>',
        ]
        text = zlib.decompress(p.text).replace(_ANCHOR.encode("utf-8"), anchor.encode("utf-8"))
        tail = "\n</main>\n" + "\n".join(_footer(day)) + "\n</body>\n</html>\n"
        yield (
            f"vendors/{anchor}.html",
            ("\n".join(head) + "\n").encode("utf-8") + text + tail.encode("utf-8"),
        )


def _site_head(title: str, page: Assets) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(page.site_policy)}">',
        f'<meta name="generator" content="vendorgate {_e(__version__)}">',
        f"<title>{_e(title)}</title>",
        f"<style>{page.css}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the report</a>',
    ]


def _site_links(text: str, folder: str) -> str:
    """Links to vendor sections become links to the vendors' pages."""
    return _VENDOR_HREF.sub(lambda m: f'href="{folder}{m[1]}.html"', text)


def _site_index(ordered: list[Piece], anchors: _Anchors) -> str:
    """Every vendor's row as JSON for the index's script (never executed as script: the
    type is data, and ``<`` is escaped so no text can close the element)."""
    rows = [
        [
            *p.meta["cells"],
            f"vendors/{anchors.of(p.meta['key'][0], p.meta['key'][1])}.html",
            p.meta["key"][0],
        ]
        for p in ordered
    ]
    data = {
        "columns": [list(c) for c in _TABLE_COLUMNS],
        "decisions": {str(rank): _DECISION_LABEL[k] for k, rank in dg.DECISION_RANK.items()},
        "tiers": _TIER_RANK,
        "rows": rows,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="vendor-index">{text}</script>'


def _anchored(text: str, p: Piece, anchors: _Anchors) -> str:
    return text.replace(_ANCHOR, anchors.of(p.meta["key"][0], p.meta["key"][1]))


def _header(org: OrgProfile, day: date, packs: Sequence[RulePack]) -> list[str]:
    names = ", ".join(f"{p.id} ({p.title})" for p in sorted(packs, key=lambda p: p.id))
    return [
        "<header>",
        "<h1>Vendor compliance report</h1>",
        f'<p class="lede">{_e(org.name)} &middot; evaluated on '
        f"<time>{day.isoformat()}</time> &middot; rule packs: {_e(names)}</p>",
        f'<p class="lede">Blocking threshold: {_e(org.blocking_severity.value)} and above; '
        f"undetermined findings: {_e(org.undetermined)}; evidence required: "
        f"{_e(org.evidence_require)}.</p>",
        "</header>",
    ]


def _contents(ordered: list[Piece], anchors: _Anchors) -> list[str]:
    """The contents, after the summary: one link per vendor section, in the table's order."""
    lines = [
        '<nav id="contents" aria-labelledby="contents-h">',
        '<h2 id="contents-h">Vendor details</h2>',
        '<p><a href="#summary">Back to the summary</a></p>',
        "<ol>",
    ]
    for p in ordered:
        anchor = anchors.of(p.meta["key"][0], p.meta["key"][1])
        lines.append(f'<li><a href="#{anchor}">{_e(p.meta["title"])}</a></li>')
    lines += ["</ol>", "</nav>"]
    return lines


def _vendor_title(vr: VendorResult) -> str:
    return vr.vendor.name + (f" ({vr.plan} plan)" if vr.plan else "")


# ---------------------------------------------------------------- summary


def _summary(
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    ordered: list[Piece],
    anchors: _Anchors,
    previous: Previous | None,
    rows: int | None = None,
) -> list[str]:
    """The executive summary, then the table of vendors (only the worst ``rows`` of them
    when given: the site's index) with the counts, waiver and evidence tables."""
    decisions = Counter(p.decision for p in ordered)
    told = ", ".join(
        f"{decisions[k]} {_DECISION_LABEL[k].lower()}" for k in dg.DECISION_RANK if decisions[k]
    )
    # Blocking findings are counted from the table rows' metadata (the piece's own total
    # belongs to whoever built it; a page made by render() has none).
    blocking = sum(p.meta["row"][0] for p in ordered)
    blocking_text = (
        f"<strong>{blocking} blocking finding{'s' if blocking != 1 else ''}</strong>"
        if blocking
        else "no blocking findings"
    )
    ident = es.report_id(org, packs, day, [p.meta["digest"] for p in ordered])

    def href(p: Piece) -> str:
        anchor = anchors.of(p.meta["key"][0], p.meta["key"][1])
        return f'<a href="#{anchor}">{_e(p.meta["title"])}</a>'

    tiers = es.tiers(ordered)
    return [
        '<section id="summary" aria-labelledby="summary-h">',
        '<h2 id="summary-h">Executive summary</h2>',
        f'<p class="report-id">Report identifier <strong id="report-id">{_e(ident)}</strong> '
        "(derived from the organisation profile, the rule packs, every vendor profile with its "
        "snapshots' hashes, and the evaluation date).</p>",
        f"<p>{len(ordered)} vendor{'s' if len(ordered) != 1 else ''} evaluated: "
        f"{_e(told or 'none')}; {blocking_text}.</p>",
        *([f"<p>{_e(tiers)}</p>"] if tiers else []),
        '<figure class="chart">',
        *es.decision_chart(decisions),
        "<figcaption>Decisions at a glance</figcaption>",
        "</figure>",
        *es.blockers(ordered, href),
        *es.changes(previous, ordered, href),
        *es.matrix(ordered, packs, href),
        *es.waiver_windows(org, day, ordered, packs, href),
        *es.old_evidence(org, day, ordered, href),
        *es.due_dates(day, ordered, href),
        *es.sign_off(ident, day),
        "</section>",
        '<section id="overview" aria-labelledby="overview-h">',
        '<h2 id="overview-h">Every vendor</h2>',
        *_vendor_table(ordered if rows is None else ordered[:rows], anchors, rows is None),
        *_severity_table(ordered),
        *_waiver_notices(org, day, ordered, anchors),
        *_evidence_concerns(
            [_anchored(c, p, anchors) for p in ordered for c in p.meta["concerns"]]
        ),
        "</section>",
    ]


_NUM = ' class="num"'
_COUNTS = ("Blocking", "Fail", "Undetermined", "Waived", "Pass")
"""Columns of counts, right-aligned (Decision sorts by rank but shows a word)."""
_TABLE_COLUMNS = (
    ("Vendor", "text"),
    ("Category", "text"),
    ("Plan", "text"),
    ("Decision", "number"),
    ("Blocking", "number"),
    ("Fail", "number"),
    ("Undetermined", "number"),
    ("Waived", "number"),
    ("Pass", "number"),
    ("Owner", "text"),
    ("Tier", "number"),
    ("Renewal", "text"),
    ("Review due", "text"),
)


_TIER_RANK = {tier: i for i, tier in enumerate(CRITICALITY_TIERS)}
"""Sort key of the Tier column: most critical first, untiered last."""


def _row(vr: VendorResult, anchors: _Anchors, risk: dict[str, str]) -> list[Any]:
    """The vendor's number of blocking findings and its row of the decision table."""
    counts = dg.verdict_counts(vr.findings)
    decision = vr.decision.kind.value
    blocking = sum(1 for f in vr.findings if f.blocking)
    anchor = anchors.of(vr.vendor.id, vr.plan)
    cells = [
        f'<th scope="row"><a href="#{anchor}">{_e(vr.vendor.name)}</a></th>',
        f"<td>{_e(vr.vendor.category)}</td>",
        f"<td>{_e(vr.plan or '-')}</td>",
        f'<td data-sort="{dg.DECISION_RANK[decision]}">{_decision(decision)}</td>',
        f'<td class="num">{blocking}</td>',
        *(
            f'<td class="num">{counts[v]}</td>'
            for v in (Verdict.FAIL, Verdict.UNDETERMINED, Verdict.WAIVED, Verdict.PASS)
        ),
        f"<td>{_e(risk.get('owner', '-'))}</td>",
        f'<td data-sort="{_TIER_RANK.get(risk.get("tier", ""), 9)}">'
        f"{_e(risk.get('tier', '-'))}</td>",
        f"<td>{_e(risk.get('renewal', '-'))}</td>",
        f"<td>{_e(risk.get('review_due', '-'))}</td>",
    ]
    return [blocking, "<tr>" + "".join(cells) + "</tr>"]


def _vendor_table(ordered: list[Piece], anchors: _Anchors, every: bool = True) -> list[str]:
    head = "".join(
        f'<th scope="col" data-type="{kind}"{_NUM if name in _COUNTS else ""}>{_e(name)}</th>'
        for name, kind in _TABLE_COLUMNS
    )
    lines = [
        '<h3 id="decisions-h">Decision per vendor</h3>',
        '<div class="tools" id="vendor-tools" hidden>',
        '<label for="vendor-filter">Filter vendors</label>',
        '<input id="vendor-filter" type="search" autocomplete="off" '
        'placeholder="name, owner, tier, decision...">',
        '<span id="vendor-count" role="status" aria-live="polite"></span>',
        "</div>",
        '<div class="scroll"><table id="vendor-table" aria-describedby="decisions-h">',
        "<caption>Vendors, worst decision first (the column headers sort the table)</caption>"
        if every
        else f"<caption>The {len(ordered)} worst vendors (the filter searches every vendor; "
        '<a href="vendors.html">every vendor on one page</a>)</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for p in sorted(ordered, key=lambda p: tuple(p.meta["rank"])):
        lines.append(_anchored(p.meta["row"][1], p, anchors))
    lines += ["</tbody>", "</table>", "</div>"]
    return lines


def _severity_table(ordered: list[Piece]) -> list[str]:
    verdicts = dg.ATTENTION_ORDER
    counts = [[0] * len(verdicts) for _ in Severity]
    for p in ordered:
        for total, numbers in zip(counts, p.meta["severity"], strict=True):
            for i, n in enumerate(numbers):
                total[i] += n
    head = "".join(f'<th scope="col" class="num">{_VERDICT_LABEL[v]}</th>' for v in verdicts)
    lines = [
        '<h3 id="severity-h">Findings by severity</h3>',
        '<div class="scroll"><table>',
        "<caption>Number of findings per rule severity and verdict</caption>",
        f'<thead><tr><th scope="col">Severity</th>{head}</tr></thead>',
        "<tbody>",
    ]
    for severity, numbers in zip(Severity, counts, strict=True):
        row = "".join(f'<td class="num">{n}</td>' for n in numbers)
        lines.append(f'<tr><th scope="row">{severity.value}</th>{row}</tr>')
    lines += ["</tbody>", "</table>", "</div>"]
    return lines


def _waiver_notices(
    org: OrgProfile, day: date, ordered: list[Piece], anchors: _Anchors
) -> list[str]:
    names = {p.meta["key"][0]: p.meta["name"] for p in ordered}
    first_plan: dict[str, str] = {}
    for p in ordered:  # in vendor then plan order: the first seen is the first plan
        first_plan.setdefault(p.meta["key"][0], p.meta["key"][1])
    notices = dg.waiver_notices_of(org, day, names)
    lines = [f'<h3 id="waivers-h">Waivers expiring within {WAIVER_WARNING_DAYS} days</h3>']
    if not notices:
        return [*lines, '<p class="none">No waiver expires within that window.</p>']
    lines += [
        '<div class="scroll"><table>',
        "<caption>Waivers that lapse soon or have lapsed, soonest first</caption>",
        '<thead><tr><th scope="col">Vendor</th><th scope="col">Rule</th>'
        '<th scope="col">Expires</th><th scope="col">Approver</th><th scope="col">Ticket</th>'
        '<th scope="col">Justification</th></tr></thead>',
        "<tbody>",
    ]
    for n in notices:
        w = n.waiver
        when = f"expired {-n.days_left} day(s) ago" if n.expired else f"in {n.days_left} day(s)"
        # A link to the vendor's section (its first plan when it was evaluated on several).
        href = anchors.of(w.vendor, first_plan[w.vendor] or None)
        vendor = f'<a href="#{href}">{_e(n.vendor_name)}</a>'
        lines.append(
            f'<tr><th scope="row">{vendor}</th><td><code>{_e(w.rule)}</code></td>'
            f"<td><time>{w.expires.isoformat()}</time> ({when})</td><td>{_e(w.approver)}</td>"
            f"<td>{_e(w.ticket)}</td><td>{_e(w.justification)}</td></tr>"
        )
    lines += ["</tbody>", "</table>", "</div>"]
    return lines


def _concern(c: dg.EvidenceConcern, anchors: _Anchors) -> str:
    vendor = f'<a href="#{anchors.of(c.vendor, c.plan)}">{_e(c.vendor_name)}</a>'
    why = "<br>".join(_e(d) for d in c.details)
    rules = ", ".join(f"<code>{_e(r)}</code>" for r in c.rules)
    return (
        f'<tr><th scope="row">{vendor}</th><td><code>{_e(c.read.fact)}</code></td>'
        f"<td>{_e(describe_read(c.read))}</td>"
        f'<td>{_badge("s", c.status.value, c.status.value)}</td><td class="why">{why}</td>'
        f"<td><code>{_e(dg.location_text(c.read.location))}</code></td>"
        f"<td>{rules}</td></tr>"
    )


def _evidence_concerns(rows: list[str]) -> list[str]:
    lines = ['<h3 id="evidence-h">Evidence that is stale or unverified</h3>']
    if not rows:
        return [
            *lines,
            '<p class="none">Every stated fact a rule read rests on verified quotes.</p>',
        ]
    lines += [
        '<div class="scroll"><table>',
        "<caption>Stated facts whose quotes could not be verified against a pinned "
        "snapshot</caption>",
        '<thead><tr><th scope="col">Vendor</th><th scope="col">Fact</th>'
        '<th scope="col">Value</th><th scope="col">Evidence</th><th scope="col">Why</th>'
        '<th scope="col">Where</th><th scope="col">Read by</th></tr></thead>',
        "<tbody>",
        *rows,
    ]
    lines += ["</tbody>", "</table>", "</div>"]
    return lines


# ---------------------------------------------------------------- per vendor


def _vendor(vr: VendorResult, org: OrgProfile, anchors: _Anchors) -> list[str]:
    anchor = anchors.of(vr.vendor.id, vr.plan)
    profile = vr.vendor
    decision = vr.decision.kind.value
    classes = org.data_classes_for(profile)
    usage = profile.usage
    meta = [
        ("Decision", _decision(decision)),
        ("Vendor id", f"<code>{_e(profile.id)}</code>"),
        ("Category", _e(profile.category)),
        ("Plan evaluated", _e(vr.plan or "vendor-level facts (no plan)")),
        (
            "Data classes sent",
            _e(", ".join(classes) if classes is not None else "not stated (rules applied)"),
        ),
    ]
    if profile.legal_name:
        meta.append(("Contracting entity", _e(profile.legal_name)))
    if profile.website:
        meta.append(("Website", _link(profile.website)))
    if usage is not None:
        owner = org.usage.get(profile.id)
        who = (owner.owner if owner and owner.owner else "") or usage.owner
        meta.append(("Status", _e(usage.status) + (f" (owner: {_e(who)})" if who else "")))
    if profile.reviewed:
        meta.append(("Profile reviewed", f"<time>{profile.reviewed.isoformat()}</time>"))
    meta.append(("Profile", f"<code>{_e(profile.location.path)}</code>"))
    lines = [
        f'<section class="vendor" id="{anchor}" aria-labelledby="{anchor}-h">',
        f'<h2 id="{anchor}-h">{_e(_vendor_title(vr))}</h2>',
        '<dl class="meta">',
        *(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta),
        "</dl>",
    ]
    if vr.decision.reasons:
        lines.append("<p>The decision rests on:</p><ul>")
        lines += [f"<li>{_e(reason)}</li>" for reason in vr.decision.reasons]
        lines.append("</ul>")
    ordered = dg.ordered_findings(vr.findings)
    applicable = [f for f in ordered if f.verdict is not Verdict.NOT_APPLICABLE]
    skipped = [f for f in ordered if f.verdict is Verdict.NOT_APPLICABLE]
    if not applicable:
        lines.append('<p class="none">No enabled rule applies to this vendor.</p>')
    for f in applicable:
        lines += _finding(f, anchors)
    if skipped:
        lines += [
            f'<h3 id="{anchor}--not-applicable">Rules that do not apply</h3>',
            "<ul>",
            *(
                f"<li><code>{_e(f.rule)}</code> {_e(f.rule_title)}: {_e(f.message)}</li>"
                for f in skipped
            ),
            "</ul>",
        ]
    lines.append("</section>")
    return lines


def _finding(f: Finding, anchors: _Anchors) -> list[str]:
    anchor = anchors.finding(f)
    blocking = ' <span class="badge v-fail">Blocking</span>' if f.blocking else ""
    lines = [
        f'<article class="finding v-{f.verdict.value}" id="{anchor}" aria-labelledby="{anchor}-h">',
        f'<h3 id="{anchor}-h">{_e(f.rule_title)}</h3>',
        f"<p>{_verdict(f.verdict)}{blocking} &middot; severity <strong>{f.severity.value}"
        f"</strong> &middot; rule <code>{_e(f.rule)}</code> (pack <code>{_e(f.pack)}</code>)"
        f" &middot; at <code>{_e(dg.location_text(f.location))}</code></p>",
        f"<p>{_e(f.message)}</p>",
    ]
    if f.reasons:
        lines += ["<ul>", *(f"<li>{_e(r)}</li>" for r in f.reasons), "</ul>"]
    lines += _citations(f)
    lines += _facts(f.facts)
    if f.waiver is not None:
        w = f.waiver
        plan = f" for the {w.plan} plan" if w.plan else ""
        lines += [
            "<h4>Waiver</h4>",
            '<div class="waiver"><p>Waived by <strong>'
            f"{_e(w.approver)}</strong>{_e(plan)} until <time>{w.expires.isoformat()}</time> "
            f"(ticket {_e(w.ticket)}).</p><p>{_e(w.justification)}</p></div>",
        ]
    if f.verdict is not Verdict.PASS:
        lines += [
            "<h4>Contract condition to demand</h4>",
            f'<p class="demand">{_e(f.remediation)}</p>',
        ]
    lines.append("</article>")
    return lines


def _citations(f: Finding) -> list[str]:
    if not f.citations:
        return []
    lines = ["<h4>Authority</h4>", "<ul>"]
    for c in f.citations:
        title = f" - {_e(c.title)}" if c.title else ""
        unverified = (
            ' <span class="badge s-unverified">citation not verified</span>'
            if not c.verified
            else ""
        )
        lines.append(f"<li><cite>{_link(c.url, c.citation)}</cite>{title}{unverified}</li>")
    lines.append("</ul>")
    return lines


def _facts(reads: Iterable[FactRead]) -> list[str]:
    ordered = sorted(reads, key=lambda r: r.fact)
    if not ordered:
        return []
    lines = ["<h4>What the vendor says</h4>"]
    for read in ordered:
        plan = f" (plan {_e(read.plan)})" if read.plan else ""
        lines.append(
            f"<p><code>{_e(read.fact)}</code> = <strong>{_e(describe_read(read))}</strong>"
            f"{plan} &middot; evidence {_badge('s', read.status.value, read.status.value)} "
            f"&middot; <code>{_e(dg.location_text(read.location))}</code></p>"
        )
        lines += [_evidence(ev) for ev in read.evidence]
    return lines


def _evidence(ev: CitedEvidence) -> str:
    href = dg.safe_href(ev.url)
    cite = f' cite="{_e(href)}"' if href else ""
    source = [f"<cite>{_link(ev.url, ev.title or ev.doc)}</cite>"]
    if ev.section:
        source.append(f"section {_e(ev.section)}")
    if ev.effective:
        source.append(f"effective <time>{ev.effective.isoformat()}</time>")
    status = _badge("s", ev.status.value, ev.status.value)
    caption = ", ".join(source) + f" &middot; quote {status}"
    if ev.sha256:
        caption += f' &middot; snapshot sha256 <span class="hash">{_e(ev.sha256)}</span>'
    if ev.detail:
        caption += f" &middot; {_e(ev.detail)}"
    return (
        f"<figure><blockquote{cite}><p>{_e(ev.quote)}</p></blockquote>"
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _footer(day: date) -> list[str]:
    return [
        "<footer>",
        f"<p>Generated by vendorgate {_e(__version__)} from the profiles as of "
        f"<time>{day.isoformat()}</time>. Quotes are checked verbatim against "
        "pinned snapshots of the vendor's documents; <em>verified</em> means the quote was found "
        "in a snapshot whose sha256 matches the profile.</p>",
        "<p>Verdicts: <em>fail</em> the vendor's terms contradict the rule; "
        "<em>undetermined</em> the terms do not settle it (treated as a gap, never as a pass); "
        "<em>waived</em> a named person accepted the gap until a date.</p>",
        "</footer>",
    ]
