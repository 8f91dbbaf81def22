"""``--format junit``: JUnit XML for CI test reports (GitLab, Jenkins, Azure...).

One test suite per vendor and one test case per vendor x rule (classname
``vendorgate.<vendor id>``, name = rule id). How verdicts map:

* fail -> ``<failure type="fail">`` (whether or not it blocks: the vendor does fail the rule);
* error -> ``<error type="error">`` (the evaluation itself went wrong; it always blocks);
* undetermined -> ``<failure type="undetermined">`` when it blocks, else ``<skipped>`` saying
  why it does not block (a dashboard's red count then matches what gates the pipeline);
* waived -> ``<skipped>`` naming who waived it until when, with the ticket and justification;
* not_applicable -> ``<skipped>`` with the reason; pass -> a passing test case.

Failure bodies carry both citations: the authority (citation, title, URL) and the vendor's own
clause (document, section, URL, verbatim quote); the message attribute carries the sentence, so
the body does not repeat it. No timestamps or durations: deterministic.

GitLab takes JUnit reports of at most 30 MB: when the document would be larger
(:data:`MAX_BYTES`), details are left out until it fits, from the last vendor back: the bodies
of skipped cases first, then the detail of their messages (``not applicable``, ``waived``
stay), then the bodies of failures that do not block, then the rest; a comment at the top says
how many. Every test case, its verdict and every failure's message stay.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from vendorgate.ci.baseline import BASELINE_NOTE
from vendorgate.core.model import CheckResult, Finding, OrgProfile, RulePack, VendorResult, Verdict
from vendorgate.core.render import Piece
from vendorgate.report import RenderOptions, cite, escape
from vendorgate.report.paths import repo_path

# XML 1.0 cannot carry most control characters, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Multi-line XML text under the shared policy; what XML cannot carry becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", escape.multiline(text))


def _one(text: str) -> str:
    """A one-line XML attribute (a name, a class, a file path) under the shared policy."""
    return _NOT_XML.sub("\ufffd", escape.inline(text))


MAX_BYTES = 30_000_000
"""GitLab's limit for a JUnit report."""


def render(result: CheckResult, options: RenderOptions) -> str:
    pieces = []
    for vr in result.results:
        text, meta = piece(vr, options)
        pieces.append(Piece(vr.vendor.id, vr.decision.kind.value, {}, 0, (), text, meta))
    return b"".join(frame(pieces, result.org, result.evaluated_on, result.packs, options)).decode(
        "utf-8"
    )


_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SLOT = "vendorgate-suites"
"""Stands for the suites in the frame (no test suite is named like an XML tag)."""


def _order(vr: VendorResult) -> tuple[str, str]:
    return (vr.vendor.id, vr.plan or "")


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """One vendor's test suite, indented as the second level of the document (``ET.indent``
    indents an element the same whether it stands alone or in its parent), with its counts."""
    bodies: list[tuple[int, str]] = []
    suite, counts = _suite(result, options, bodies)
    ET.indent(suite, space="  ", level=1)
    text = ET.tostring(suite, encoding="unicode", short_empty_elements=True)
    # Each body was written as a marker: put the escaped body there, noting where it lies.
    out = bytearray()
    spans = []
    rest = text
    for i, (rank, body) in enumerate(bodies):
        before, _, rest = rest.partition(_marker(i))
        out += before.encode("utf-8")
        escaped = body.encode("utf-8")
        spans.append([rank, len(out), len(out) + len(escaped)])
        out += escaped
    out += rest.encode("utf-8")
    meta = {"counts": dict(counts), "order": list(_order(result)), "bodies": spans}
    return bytes(out), meta


def _marker(i: int) -> str:
    # \x01 cannot come from the input: every text is _clean()ed of control characters.
    return f"\x01{i}\x01"


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> list[bytes]:
    """The document from the vendors' suites: the root element with the totals, then the suites
    in vendor order, placed where a stand-in child of the root is written."""
    ordered = sorted(pieces, key=lambda p: tuple(p.meta["order"]))
    root = ET.Element("testsuites", name="vendorgate")
    totals: Counter[str] = Counter()
    for p in ordered:
        totals.update(p.meta["counts"])
    _counts(root, totals)
    if ordered:
        ET.SubElement(root, _SLOT)
    ET.indent(root, space="  ")
    body = _DECLARATION + ET.tostring(root, encoding="unicode", short_empty_elements=True) + "\n"
    if not ordered:
        return [body.encode("utf-8")]
    head, _, tail = body.partition(f"<{_SLOT} />")
    size = len(body) + sum(len(p.text) + 3 for p in ordered)
    dropped = _dropped(ordered, size - MAX_BYTES)
    if dropped:
        count = sum(len(d) for d in dropped.values())
        note = (
            f"<!-- vendorgate: {count} detail(s) of test cases are left out to keep this "
            "report within 30 MB; the JSON, SARIF and HTML reports have them -->\n"
        )
        head = head.replace(_DECLARATION, _DECLARATION + note, 1)
    parts = [head.encode("utf-8")]
    for i, p in enumerate(ordered):
        if i:
            parts.append(b"\n  ")
        parts.append(_without(p, dropped.get(i, set())))
    parts.append(tail.encode("utf-8"))
    return parts


def _dropped(pieces: Sequence[Piece], excess: int) -> dict[int, set[int]]:
    """Which bodies to leave out (by piece and body) to save ``excess`` bytes: skipped cases'
    first, then failures that do not block, then the rest, the last vendors' first."""
    if excess <= 0:
        return {}
    spans = [
        (rank, i, j, end - start)
        for i, p in enumerate(pieces)
        for j, (rank, start, end) in enumerate(p.meta["bodies"])
    ]
    dropped: dict[int, set[int]] = {}
    for _, i, j, length in sorted(spans, key=lambda s: (-s[0], -s[1], -s[2])):
        if excess <= 0:
            break
        dropped.setdefault(i, set()).add(j)
        excess -= length
    return dropped


def _without(p: Piece, bodies: set[int]) -> bytes:
    if not bodies:
        return p.text
    out = bytearray()
    at = 0
    for j, (_, start, end) in enumerate(p.meta["bodies"]):
        if j in bodies:
            out += p.text[at:start]
            at = end
    out += p.text[at:]
    return bytes(out)


def _counts(element: ET.Element, counts: Counter[str]) -> None:
    for key in ("tests", "failures", "errors", "skipped"):
        element.set(key, str(counts[key]))


def _suite(
    vr: VendorResult, options: RenderOptions, bodies: list[tuple[int, str]]
) -> tuple[ET.Element, Counter[str]]:
    suite = ET.Element("testsuite", name=f"vendorgate.{vr.vendor.id}")
    props = ET.SubElement(suite, "properties")
    for name, value in (
        ("vendor", vr.vendor.name),
        ("plan", vr.plan or ""),
        ("decision", vr.decision.kind.value),
        ("profile", repo_path(vr.vendor.location.path, options)),
    ):
        ET.SubElement(props, "property", name=name, value=_clean(value))
    counts: Counter[str] = Counter()
    for f in sorted(vr.findings, key=lambda f: f.rule):
        suite.append(_case(f, counts, options, bodies))
    _counts(suite, counts)
    return suite, counts


def _case(
    f: Finding, counts: Counter[str], options: RenderOptions, bodies: list[tuple[int, str]]
) -> ET.Element:
    """A test case. Its body, and the detail of a skipped case's message, go to ``bodies`` with
    how readily they are left out (3 a skipped case's body, 2 its message's detail, 1 the body
    of a failure that does not block, 0 the others), and a marker stands for each."""
    case = ET.Element(
        "testcase",
        classname=_one(f"vendorgate.{f.vendor}"),
        name=_one(f.rule),
        file=_one(repo_path(f.location.path, options)),
        line=str(f.location.line),
    )
    counts["tests"] += 1
    headline = f"{f.verdict.value} ({f.severity.value}{', blocking' if f.blocking else ''})"
    if f.verdict is Verdict.ERROR:
        counts["errors"] += 1
        _child(case, "error", headline, f, "error", bodies)
    elif f.verdict is Verdict.FAIL or (f.verdict is Verdict.UNDETERMINED and f.blocking):
        counts["failures"] += 1
        _child(case, "failure", headline, f, f.verdict.value, bodies)
    elif f.verdict in (Verdict.UNDETERMINED, Verdict.WAIVED, Verdict.NOT_APPLICABLE):
        counts["skipped"] += 1
        kind, detail = _skip_message(f)
        message = _clean(kind) + _body(bodies, 2, f": {detail}", attribute=True)
        skipped = ET.SubElement(case, "skipped", message=message)
        if f.verdict is not Verdict.NOT_APPLICABLE:
            # The message attribute of a waived case names the waiver, not the sentence.
            waived = f.verdict is Verdict.WAIVED
            skipped.text = _body(bodies, 3, cite.text(f, with_message=waived))
    return case


def _child(
    case: ET.Element, tag: str, headline: str, f: Finding, kind: str, bodies: list[tuple[int, str]]
) -> None:
    child = ET.SubElement(case, tag, message=_clean(f"{headline}: {f.message}"), type=kind)
    rank = 0 if f.blocking or f.verdict is Verdict.ERROR else 1
    child.text = _body(bodies, rank, f"at {f.location}\n" + cite.text(f, with_message=False))


_ATTRIBUTE = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
"""What ElementTree escapes in an attribute besides &, < and >."""


def _body(bodies: list[tuple[int, str]], rank: int, text: str, attribute: bool = False) -> str:
    """Keep ``text`` escaped as ElementTree would write it, and return its marker."""
    bodies.append((rank, xml_escape(_clean(text), _ATTRIBUTE if attribute else {})))
    return _marker(len(bodies) - 1)


def _skip_message(f: Finding) -> tuple[str, str]:
    if f.verdict is Verdict.WAIVED:
        return "waived", cite.waiver(f)
    if f.verdict is Verdict.NOT_APPLICABLE:
        return "not applicable", f.message
    why = next((r for r in f.reasons if r.startswith(BASELINE_NOTE)), "")
    return f"undetermined, not blocking{f' ({why})' if why else ''}", f.message
