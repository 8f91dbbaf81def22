"""``--format oscal``: NIST OSCAL assessment results (JSON) for GRC tools.

How vendorgate's words map onto OSCAL's:

* each vendor is a party (an organisation) in the metadata, and the subject of observations;
* each fact a rule read is an **observation** (method EXAMINE) whose relevant evidence points
  at a **back-matter resource** for the vendor's document; the resource's rlinks carry the
  snapshot's sha256, so an auditor can check the bytes the quotes were verified against;
* each applicable (vendor, plan, rule) evaluation is a **finding** whose target is the rule,
  ``satisfied`` on pass and ``not-satisfied`` otherwise (an undetermined or waived rule is not
  shown as satisfied: fail closed); rules that do not apply are left out;
* each waiver that applies is a **risk** with status ``deviation-approved``, its expiry as the
  deadline, linked from the finding.

Output is byte-identical for the same inputs: every UUID is a UUID 5 of stable keys and every
timestamp is midnight UTC of the evaluation date. Every string passes through
:func:`vendorgate.report.escape.data`: controls and bidi characters are replaced, and line
breaks are kept only in descriptions and remarks.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date
from posixpath import join as posix_join
from posixpath import normpath
from typing import Any
from urllib.parse import quote

from vendorgate.core.model import (
    CheckResult,
    CitedEvidence,
    Document,
    FactRead,
    Finding,
    VendorResult,
    Verdict,
)
from vendorgate.core.version import __version__
from vendorgate.engine.conditions import describe_value
from vendorgate.report import RenderOptions, escape
from vendorgate.report import digest as dg

OSCAL_VERSION = "1.2.1"
NAMESPACE = "urn:vendorgate:oscal"
"""Namespace of vendorgate's own props (a URN: it names, it does not resolve)."""
_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)
_TOKEN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

JSON = dict[str, Any]


def timestamp(day: date) -> str:
    """Midnight UTC of the evaluation date: a fixed time, so output does not change per run."""
    return f"{day.isoformat()}T00:00:00+00:00"


def token(text: str) -> str:
    """An OSCAL token (used for target ids); rule ids already are, others get a prefix."""
    return text if _TOKEN.match(text) else "rule-" + re.sub(r"[^A-Za-z0-9_.-]", "-", text)


class _Ids:
    """UUID 5s under one document key, so two different reports never share ids."""

    def __init__(self, result: CheckResult) -> None:
        vendors = ",".join(f"{r.vendor.id}/{r.plan or ''}" for r in dg.ordered_results(result))
        packs = ",".join(sorted(p.id for p in result.packs))
        key = f"{result.org.name}|{result.evaluated_on.isoformat()}|{packs}|{vendors}"
        self.document = uuid.uuid5(_ROOT, key)

    def __call__(self, *parts: str) -> str:
        return str(uuid.uuid5(self.document, "/".join(parts)))


MULTILINE_FIELDS = frozenset({"description", "remarks"})
"""The OSCAL fields that hold text of several lines; every other string is made one line."""


def _prop(name: str, value: str) -> JSON:
    return {"name": name, "ns": NAMESPACE, "value": value}


def render(result: CheckResult, options: RenderOptions) -> str:
    ids = _Ids(result)
    results = dg.ordered_results(result)
    when = timestamp(result.evaluated_on)
    resources = _Resources(ids)
    observations: list[JSON] = []
    findings: list[JSON] = []
    risks: list[JSON] = []
    for vr in results:
        seen: dict[str, str] = {}
        for f in dg.ordered_findings(vr.findings):
            if f.verdict is Verdict.NOT_APPLICABLE:
                continue
            related = []
            for read in sorted(f.facts, key=lambda r: r.fact):
                if read.fact not in seen:
                    observation = _observation(ids, vr, read, when, resources)
                    seen[read.fact] = observation["uuid"]
                    observations.append(observation)
                related.append({"observation-uuid": seen[read.fact]})
            risk = _risk(ids, f, when) if f.waiver is not None else None
            if risk is not None:
                risks.append(risk)
            findings.append(_finding(ids, f, related, risk))
    plan_resource = resources.packs(result)
    body: JSON = {
        "uuid": str(ids.document),
        "metadata": _metadata(ids, result, results, when),
        "import-ap": {
            "href": f"#{plan_resource}",
            "remarks": "The assessment plan is the organisation profile and its enabled rule "
            "packs, listed in back-matter.",
        },
        "results": [_result(ids, result, when, observations, risks, findings)],
        "back-matter": {"resources": resources.all()},
    }
    safe = escape.data({"assessment-results": body}, MULTILINE_FIELDS)
    return json.dumps(safe, indent=2, ensure_ascii=False) + "\n"


def _metadata(ids: _Ids, result: CheckResult, results: list[VendorResult], when: str) -> JSON:
    org_party = ids("party", "organisation")
    parties = [{"uuid": org_party, "type": "organization", "name": result.org.name}]
    for vr in results:
        party: JSON = {
            "uuid": ids("party", "vendor", vr.vendor.id),
            "type": "organization",
            "name": vr.vendor.legal_name or vr.vendor.name,
            "short-name": vr.vendor.id,
        }
        href = dg.safe_href(vr.vendor.website)
        if href:
            party["links"] = [{"href": href, "rel": "homepage"}]
        if party not in parties:
            parties.append(party)
    return {
        "title": f"Vendor data-practice assessment: {result.org.name}",
        "last-modified": when,
        "version": result.evaluated_on.isoformat(),
        "oscal-version": OSCAL_VERSION,
        "roles": [{"id": "assessor", "title": "Assessor"}],
        "parties": parties,
        "responsible-parties": [{"role-id": "assessor", "party-uuids": [org_party]}],
        "props": [_prop("generator", f"vendorgate {__version__}")],
    }


def _result(
    ids: _Ids,
    result: CheckResult,
    when: str,
    observations: list[JSON],
    risks: list[JSON],
    findings: list[JSON],
) -> JSON:
    org = result.org
    blocking = sum(1 for f in result.findings if f.blocking)
    body: JSON = {
        "uuid": ids("result"),
        "title": f"vendorgate report as of {result.evaluated_on.isoformat()}",
        "description": (
            f"{len(result.results)} vendor(s) evaluated against the rule packs "
            f"{', '.join(sorted(p.id for p in result.packs))}; {blocking} blocking finding(s). "
            f"Blocking threshold {org.blocking_severity.value}; undetermined findings: "
            f"{org.undetermined}; evidence required: {org.evidence_require}."
        ),
        "start": when,
        "end": when,
        "props": [_prop("blocking-findings", str(blocking))],
        "reviewed-controls": {
            "control-selections": [
                {
                    "description": "Every rule of the enabled rule packs.",
                    "include-all": {},
                }
            ]
        },
    }
    if observations:
        body["observations"] = observations
    if risks:
        body["risks"] = risks
    if findings:
        body["findings"] = findings
    return body


def _observation(
    ids: _Ids, vr: VendorResult, read: FactRead, when: str, resources: _Resources
) -> JSON:
    vendor = vr.vendor
    plan = f" on the {vr.plan} plan" if vr.plan else ""
    value = describe_value(read.value)
    observation: JSON = {
        "uuid": ids("observation", vendor.id, vr.plan or "", read.fact),
        "title": f"{vendor.name}: {read.fact}",
        "description": f"{vendor.name}{plan}: `{read.fact}` is {value}.",
        "props": [
            _prop("fact", read.fact),
            _prop("value", value),
            _prop("evidence-status", read.status.value),
            _prop("location", dg.location_text(read.location)),
        ],
        "methods": ["EXAMINE"],
        "types": ["finding"],
        "subjects": [
            {
                "subject-uuid": ids("party", "vendor", vendor.id),
                "type": "party",
                "title": vendor.name,
            }
        ],
        "collected": when,
    }
    evidence = [_evidence(ev, vr, resources) for ev in read.evidence]
    if evidence:
        observation["relevant-evidence"] = evidence
    else:
        observation["remarks"] = "No quote backs this value (unverified)."
    return observation


def _evidence(ev: CitedEvidence, vr: VendorResult, resources: _Resources) -> JSON:
    section = f"Section {ev.section}: " if ev.section else ""
    item: JSON = {
        "description": f"{section}\u201c{ev.quote}\u201d",
        "props": [_prop("quote-status", ev.status.value)],
    }
    if ev.section:
        item["props"].append(_prop("section", ev.section))
    document = vr.vendor.documents.get(ev.doc)
    if document is not None:
        item["href"] = f"#{resources.document(vr, document)}"
    if ev.detail:
        item["remarks"] = ev.detail
    return item


def _finding(ids: _Ids, f: Finding, related: list[JSON], risk: JSON | None) -> JSON:
    satisfied = f.verdict is Verdict.PASS
    reason = {Verdict.PASS: "pass", Verdict.FAIL: "fail"}.get(f.verdict, "other")
    status: JSON = {"state": "satisfied" if satisfied else "not-satisfied", "reason": reason}
    if f.verdict not in (Verdict.PASS, Verdict.FAIL):
        status["remarks"] = f"vendorgate verdict: {f.verdict.value}."
    target: JSON = {
        "type": "objective-id",
        "target-id": token(f.rule),
        "title": f.rule_title,
        "status": status,
    }
    finding: JSON = {
        "uuid": ids("finding", f.vendor, f.plan or "", f.rule),
        "title": f"{f.vendor_name}: {f.rule_title}",
        "description": f.message,
        "props": [
            _prop("vendor", f.vendor),
            _prop("rule", f.rule),
            _prop("pack", f.pack),
            _prop("verdict", f.verdict.value),
            _prop("severity", f.severity.value),
            _prop("blocking", "true" if f.blocking else "false"),
        ],
        "links": [
            {"href": href, "rel": "reference", "text": c.citation}
            for c in f.citations
            if (href := dg.safe_href(c.url))
        ],
        "target": target,
    }
    if f.plan:
        finding["props"].insert(1, _prop("plan", f.plan))
    if not finding["links"]:
        del finding["links"]
    if related:
        finding["related-observations"] = related
    if risk is not None:
        finding["related-risks"] = [{"risk-uuid": risk["uuid"]}]
    remarks = [*f.reasons]
    if f.verdict is not Verdict.PASS:
        remarks.append(f"Contract condition to demand: {f.remediation}")
    if remarks:
        finding["remarks"] = "\n\n".join(remarks)
    return finding


def _risk(ids: _Ids, f: Finding, when: str) -> JSON:
    assert f.waiver is not None
    w = f.waiver
    key = ("risk", f.vendor, f.plan or "", f.rule)
    return {
        "uuid": ids(*key),
        "title": f"Waived: {f.rule_title} ({f.vendor_name})",
        "description": f"Waived by {w.approver} until {w.expires.isoformat()} ({w.ticket}): "
        f"{w.justification}",
        "statement": f.message,
        "props": [
            _prop("approver", w.approver),
            _prop("ticket", w.ticket),
            _prop("waiver-expires", w.expires.isoformat()),
        ],
        "status": "deviation-approved",
        "deadline": timestamp(w.expires),
        "remediations": [
            {
                "uuid": ids(*key, "remediation"),
                "lifecycle": "recommendation",
                "title": "Contract condition to demand",
                "description": f.remediation,
            }
        ],
    }


class _Resources:
    """Back-matter resources, one per vendor document and one for the assessment plan."""

    def __init__(self, ids: _Ids) -> None:
        self.ids = ids
        self.items: dict[str, JSON] = {}

    def document(self, vr: VendorResult, document: Document) -> str:
        key = self.ids("resource", vr.vendor.id, document.id)
        if key in self.items:
            return key
        rlinks: list[JSON] = []
        hashes = (
            [{"algorithm": "SHA-256", "value": document.sha256}]
            if _SHA256.match(document.sha256)
            else None
        )
        if document.snapshot:
            snapshot = normpath(posix_join(_folder(vr.vendor.location.path), document.snapshot))
            link: JSON = {"href": quote(snapshot), "media-type": "text/markdown"}
            if hashes:
                link["hashes"] = hashes
            rlinks.append(link)
        href = dg.safe_href(document.url)
        if href:
            link = {"href": href}
            if hashes and not document.snapshot:
                link["hashes"] = hashes
            rlinks.append(link)
        resource: JSON = {
            "uuid": key,
            "title": document.title or document.id,
            "description": f"{vr.vendor.name}: {document.type.replace('_', ' ')} "
            f"(`{document.id}` in {vr.vendor.location.path}).",
            "props": [_prop("document-type", document.type)],
        }
        if document.effective:
            resource["props"].append(_prop("effective", document.effective.isoformat()))
        if document.retrieved:
            resource["props"].append(_prop("retrieved", document.retrieved.isoformat()))
        if document.sha256:
            resource["props"].append(_prop("sha256", document.sha256))
        if rlinks:
            resource["rlinks"] = rlinks
        if document.source:
            resource["citation"] = {"text": document.source}
        self.items[key] = resource
        return key

    def packs(self, result: CheckResult) -> str:
        key = self.ids("resource", "assessment-plan")
        org = result.org
        rlinks = [{"href": quote(org.path)}] if org.path else []
        rlinks += [{"href": quote(p.path)} for p in sorted(result.packs, key=lambda p: p.id)]
        resource: JSON = {
            "uuid": key,
            "title": f"Organisation profile and rule packs of {org.name}",
            "description": "Rule packs: "
            + "; ".join(f"{p.id} ({p.title})" for p in sorted(result.packs, key=lambda p: p.id)),
        }
        if rlinks:
            resource["rlinks"] = rlinks
        self.items[key] = resource
        return key

    def all(self) -> list[JSON]:
        """Resources in the order they were first referenced (deterministic)."""
        return list(self.items.values())


def _folder(path: str) -> str:
    """The folder of a profile path, with forward slashes."""
    clean = path.replace("\\", "/")
    return clean.rsplit("/", 1)[0] if "/" in clean else ""
