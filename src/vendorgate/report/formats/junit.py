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
clause (document, section, URL, verbatim quote). No timestamps or durations: deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

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


def render(result: CheckResult, options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="vendorgate")
    totals: Counter[str] = Counter()
    for vr in sorted(result.results, key=_order):
        suite, counts = _suite(vr, options)
        root.append(suite)
        totals.update(counts)
    _counts(root, totals)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return _DECLARATION + body + "\n"


_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SLOT = "vendorgate-suites"
"""Stands for the suites in the frame (no test suite is named like an XML tag)."""


def _order(vr: VendorResult) -> tuple[str, str]:
    return (vr.vendor.id, vr.plan or "")


def piece(result: VendorResult, options: RenderOptions) -> tuple[bytes, dict[str, Any]]:
    """One vendor's test suite, indented as the second level of the document (``ET.indent``
    indents an element the same whether it stands alone or in its parent), with its counts."""
    suite, counts = _suite(result, options)
    ET.indent(suite, space="  ", level=1)
    text = ET.tostring(suite, encoding="unicode", short_empty_elements=True)
    return text.encode("utf-8"), {"counts": dict(counts), "order": list(_order(result))}


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
    parts = [head.encode("utf-8")]
    for i, p in enumerate(ordered):
        if i:
            parts.append(b"\n  ")
        parts.append(p.text)
    parts.append(tail.encode("utf-8"))
    return parts


def _counts(element: ET.Element, counts: Counter[str]) -> None:
    for key in ("tests", "failures", "errors", "skipped"):
        element.set(key, str(counts[key]))


def _suite(vr: VendorResult, options: RenderOptions) -> tuple[ET.Element, Counter[str]]:
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
        suite.append(_case(f, counts, options))
    _counts(suite, counts)
    return suite, counts


def _case(f: Finding, counts: Counter[str], options: RenderOptions) -> ET.Element:
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
        _child(case, "error", headline, f, "error")
    elif f.verdict is Verdict.FAIL or (f.verdict is Verdict.UNDETERMINED and f.blocking):
        counts["failures"] += 1
        _child(case, "failure", headline, f, f.verdict.value)
    elif f.verdict in (Verdict.UNDETERMINED, Verdict.WAIVED, Verdict.NOT_APPLICABLE):
        counts["skipped"] += 1
        skipped = ET.SubElement(case, "skipped", message=_clean(_skip_message(f)))
        if f.verdict is not Verdict.NOT_APPLICABLE:
            skipped.text = _clean(cite.text(f))
    return case


def _child(case: ET.Element, tag: str, headline: str, f: Finding, kind: str) -> None:
    child = ET.SubElement(case, tag, message=_clean(f"{headline}: {f.message}"), type=kind)
    child.text = _clean(f"at {f.location}\n" + cite.text(f))


def _skip_message(f: Finding) -> str:
    if f.verdict is Verdict.WAIVED:
        return f"waived: {cite.waiver(f)}"
    if f.verdict is Verdict.NOT_APPLICABLE:
        return f"not applicable: {f.message}"
    why = next(
        (r for r in f.reasons if r.startswith(BASELINE_NOTE)),
        "the blocking threshold and the organisation's `undetermined` setting let it pass",
    )
    return f"undetermined, not blocking ({why}): {f.message}"
