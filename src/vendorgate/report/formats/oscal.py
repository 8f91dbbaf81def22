"""``--format oscal``: NIST OSCAL assessment results (JSON) for GRC tools.

How vendorgate's words map onto OSCAL's:

* each rule is a local **objective** of the assessment plan (``--format oscal-ap``, see
  :mod:`vendorgate.report.formats.oscal_ap`): control id the rule id, objective id
  ``<rule id>_obj``; ``reviewed-controls`` names every control, and each finding's target is
  the objective of its rule, so every target resolves in the plan the results import;
* each vendor is a party (an organisation) in the metadata, and the subject of observations;
* each fact a rule read is an **observation** (method EXAMINE) whose relevant evidence points
  at a **back-matter resource** for the vendor's document; the resource's rlinks carry the
  snapshot's sha256, so an auditor can check the bytes the quotes were verified against;
* each applicable (vendor, plan, rule) evaluation is a **finding**, ``satisfied`` on pass and
  ``not-satisfied`` otherwise (an undetermined or waived rule is not shown as satisfied: fail
  closed); rules that do not apply are left out;
* each waiver that applies is a **risk** with status ``deviation-approved``, the end of its
  expiry day as the deadline, linked from the finding;
* observations, findings and risks name their origin: the tool (vendorgate and its version, a
  component of the result's local definitions).

Output is byte-identical for the same inputs: every UUID is a UUID 5 of stable keys, and every
time is the evaluation instant (:func:`timestamp`). Every string passes through
:func:`vendorgate.report.escape.data`: controls and bidi characters are replaced, and line
breaks are kept only in descriptions and remarks. The report is put together from per-vendor
pieces (:func:`piece`, :func:`frame`), so a catalogue of 10,000 vendors streams a vendor at a
time; :func:`render` is the same pieces of a whole result.
"""

from __future__ import annotations

import hashlib
import re
import uuid
import zlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
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
    OrgProfile,
    RulePack,
    VendorResult,
    Verdict,
    Waiver,
)
from vendorgate.core.render import Piece
from vendorgate.core.version import __version__
from vendorgate.engine import evidence_age, waiver_warnings
from vendorgate.engine.conditions import describe_read
from vendorgate.report import RenderOptions, escape, jsontext
from vendorgate.report import digest as dg

OSCAL_VERSION = "1.2.1"
NAMESPACE = "urn:vendorgate:oscal"
"""Namespace of vendorgate's own props (a URN: it names, it does not resolve)."""
PLAN_FILE = "assessment-plan.json"
"""Where the results expect their assessment plan: beside them, under this name."""
BUILTIN_RULES = (
    ("vendorgate.evaluation-error", "Evaluation error"),
    (evidence_age.RULE_ID, evidence_age.RULE_TITLE),
    (waiver_warnings.EXPIRED_RULE, "A waiver has expired"),
)
"""The findings vendorgate itself adds (no pack describes them): objectives all the same."""
_ROOT = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)
_TOKEN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*\Z")
_SHA256 = re.compile(r"^[0-9a-f]{64}\Z")
_SLOT = "\x00vendorgate-oscal-{}\x00"
"""Marks where the pieces' items go in the frame (YAML input can hold no NUL character)."""
_WHEN = "\x00vendorgate-oscal-instant\x00"
"""Stands for the evaluation instant in a piece (cached pieces outlive a run's instant)."""
_SECTIONS = ("parties", "observations", "risks", "findings", "resources")
PLAN_SLOT = "\x00vendorgate-oscal-snapshots\x00"
"""Marks where the snapshots' resources go in the assessment plan's frame."""
PLACEHOLDERS = frozenset({_WHEN, PLAN_SLOT, *(_SLOT.format(name) for name in _SECTIONS)})
"""The writers' own stand-ins, which the escaping policy leaves as they are (see
:func:`vendorgate.report.escape.data`)."""
"""The lists every vendor adds items to, in the order a piece holds them."""
_DEPTH = {"parties": 8, "observations": 10, "risks": 10, "findings": 10, "resources": 8}
"""Indentation of an item of each list in the document."""

JSON = dict[str, Any]


def timestamp(day: date, options: RenderOptions) -> str:
    """The evaluation instant: ``SOURCE_DATE_EPOCH`` when the command was given one (the
    reproducible-builds convention: CI can pass the commit time), else the start of the
    evaluation day (``--as-of``) in UTC, the day the assessment is as of."""
    if options.epoch is not None:
        return datetime.fromtimestamp(options.epoch, timezone.utc).isoformat()
    return f"{day.isoformat()}T00:00:00+00:00"


def token(text: str) -> str:
    """An OSCAL token; rule ids already are, others get a prefix."""
    return text if _TOKEN.match(text) else "rule-" + re.sub(r"[^A-Za-z0-9_.-]", "-", text)


def control_id(rule: str) -> str:
    """The control a rule is in the assessment plan and the results: its id."""
    return token(rule)


def objective_id(rule: str) -> str:
    """The id of the rule's objective (OSCAL's ``<control>_obj`` convention)."""
    return f"{control_id(rule)}_obj"


def controls(packs: Sequence[RulePack]) -> list[tuple[str, str, RulePack | None]]:
    """Every control the assessment reviews: (rule id, title, its pack or None for vendorgate's
    own), the packs' rules by id, then the built-in ones."""
    rules = sorted(((r.id, r.title, p) for p in packs for r in p.rules), key=lambda c: c[0])
    known = {rule for rule, _, _ in rules}
    builtin = [(rule, title, None) for rule, title in BUILTIN_RULES if rule not in known]
    return [*rules, *builtin]


class Ids:
    """UUID 5s under the organisation's name. A vendor's items keep their UUIDs from one report
    to the next (OSCAL asks that an observation or finding keep its UUID across revisions) and
    do not depend on the other vendors (they are rendered a vendor at a time, and cached); the
    document's own UUID names the day, the instant, the packs and every vendor, so each report
    has its own."""

    def __init__(self, org: OrgProfile) -> None:
        self.scope = uuid.uuid5(_ROOT, f"organisation/{org.name}")
        self.prefix = self.scope.bytes

    def __call__(self, *parts: str) -> str:
        # ``str(uuid.uuid5(self.scope, name))`` without building UUID objects: a report of
        # 10,000 vendors makes a million of these (tests compare the two).
        digest = bytearray(hashlib.sha1(self.prefix + "/".join(parts).encode("utf-8")).digest())
        digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
        digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
        h = digest[:16].hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def tool_uuid() -> str:
    """The component standing for vendorgate (this version) as the actor of every origin."""
    return str(uuid.uuid5(_ROOT, f"tool/vendorgate/{__version__}"))


def tool_component() -> JSON:
    return {
        "uuid": tool_uuid(),
        "type": "software",
        "title": "vendorgate",
        "description": "The policy engine that evaluated each vendor's documented data "
        "practices against the rule packs and verified the quoted evidence.",
        "props": [prop("version", __version__)],
        "status": {"state": "operational"},
    }


def origins() -> list[JSON]:
    return [{"actors": [{"type": "tool", "actor-uuid": tool_uuid()}]}]


def prop(name: str, value: str) -> JSON:
    return {"name": name, "ns": NAMESPACE, "value": value}


def plan_uuid(ids: Ids, day: date, when: str, packs: Sequence[RulePack]) -> str:
    """The assessment plan's UUID: the same in the plan and in the results importing it."""
    return ids("assessment-plan", day.isoformat(), when, ",".join(sorted(p.id for p in packs)))


def _order(vr: VendorResult) -> tuple[str, str]:
    return (vr.vendor.id, vr.plan or "")


# ---------------------------------------------------------------- whole result


def render(result: CheckResult, options: RenderOptions) -> str:
    pieces = []
    for vr in dg.ordered_results(result):
        text, meta = piece(vr, options, result.org)
        blocking = sum(1 for f in vr.findings if f.blocking)
        pieces.append(Piece(vr.vendor.id, vr.decision.kind.value, {}, blocking, (), text, meta))
    parts = frame(pieces, result.org, result.evaluated_on, result.packs, options)
    return b"".join(parts).decode("utf-8")


# ---------------------------------------------------------------- a vendor's piece


def piece(vr: VendorResult, options: RenderOptions, org: OrgProfile) -> tuple[bytes, JSON]:
    """One vendor's items of each list (:data:`_SECTIONS`), indented where they sit, with
    :data:`_WHEN` for the instant, each list deflated (zlib) and the lists one after the other;
    ``meta`` has each deflated list's length in bytes and the vendor's sort key.

    Deflated because OSCAL is verbose: ~30 KB a vendor, 300 MB at 10,000 vendors, all of which
    the pipeline holds until the document is put together; deflated it is a tenth of that."""
    ids = Ids(org)
    when = _WHEN
    items: dict[str, list[JSON]] = {name: [] for name in _SECTIONS}
    items["parties"].append(_party(ids, vr))
    resources = _Resources(ids)
    seen: dict[str, str] = {}
    for f in dg.ordered_findings(vr.findings):
        if f.verdict is Verdict.NOT_APPLICABLE:
            continue
        related = []
        for read in sorted(f.facts, key=lambda r: r.fact):
            if read.fact not in seen:
                observation = _observation(ids, vr, read, when, resources)
                seen[read.fact] = observation["uuid"]
                items["observations"].append(observation)
            related.append({"observation-uuid": seen[read.fact]})
        risk = _risk(ids, f, f.waiver) if f.waiver is not None else None
        if risk is not None:
            items["risks"].append(risk)
        items["findings"].append(_finding(ids, f, related, risk))
    items["resources"] = resources.all()
    out = bytearray()
    lengths = []
    for name in _SECTIONS:
        text = ",\n".join(_indented(dumps_safe(item), _DEPTH[name]) for item in items[name])
        encoded = zlib.compress(text.encode("utf-8"), 1) if items[name] else b""
        lengths.append(len(encoded))
        out += encoded
    return bytes(out), {"order": list(_order(vr)), "sections": lengths}


MULTILINE_FIELDS = frozenset({"description", "remarks"})
"""The OSCAL fields that hold text of several lines; every other string is made one line."""


def dumps_safe(value: JSON) -> str:
    """JSON text of ``value`` with every string through the one escaping policy
    (:func:`vendorgate.report.escape.data`): controls and bidi characters replaced, line breaks
    kept only in descriptions and remarks."""
    return jsontext.dumps(escape.data(value, MULTILINE_FIELDS, PLACEHOLDERS))


def _indented(text: str, depth: int) -> str:
    # JSON strings hold no raw newline, so every newline starts a line of the structure.
    pad = " " * depth
    return pad + text.replace("\n", "\n" + pad)


def _section(p: Piece, name: str, when: bytes) -> bytes:
    """A piece's items of one list, inflated, the instant filled in."""
    lengths = p.meta["sections"]
    index = _SECTIONS.index(name)
    start = sum(lengths[:index])
    deflated = p.text[start : start + lengths[index]]
    if not deflated:
        return b""
    return zlib.decompress(deflated).replace(jsontext.dumps(_WHEN).encode("utf-8"), when)


def _party(ids: Ids, vr: VendorResult) -> JSON:
    party: JSON = {
        "uuid": ids("party", "vendor", vr.vendor.id),
        "type": "organization",
        "name": vr.vendor.legal_name or vr.vendor.name,
        "short-name": vr.vendor.id,
    }
    href = dg.safe_href(vr.vendor.website)
    if href:
        party["links"] = [{"href": href, "rel": "homepage"}]
    return party


def _observation(
    ids: Ids, vr: VendorResult, read: FactRead, when: str, resources: _Resources
) -> JSON:
    vendor = vr.vendor
    plan = f" on the {vr.plan} plan" if vr.plan else ""
    value = describe_read(read)
    observation: JSON = {
        "uuid": ids("observation", vendor.id, vr.plan or "", read.fact),
        "title": f"{vendor.name}: {read.fact}",
        "description": f"{vendor.name}{plan}: `{read.fact}` is {value}.",
        "props": [
            prop("fact", read.fact),
            prop("value", value),
            prop("evidence-status", read.status.value),
            prop("location", dg.location_text(read.location)),
        ],
        "methods": ["EXAMINE"],
        "types": ["finding"],
        "origins": origins(),
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
        "props": [prop("quote-status", ev.status.value)],
    }
    if ev.section:
        item["props"].append(prop("section", ev.section))
    document = vr.vendor.documents.get(ev.doc)
    if document is not None:
        item["href"] = f"#{resources.document(vr, document)}"
    if ev.detail:
        item["remarks"] = ev.detail
    return item


def _finding(ids: Ids, f: Finding, related: list[JSON], risk: JSON | None) -> JSON:
    satisfied = f.verdict is Verdict.PASS
    reason = {Verdict.PASS: "pass", Verdict.FAIL: "fail"}.get(f.verdict, "other")
    status: JSON = {"state": "satisfied" if satisfied else "not-satisfied", "reason": reason}
    if f.verdict not in (Verdict.PASS, Verdict.FAIL):
        status["remarks"] = f"vendorgate verdict: {f.verdict.value}."
    target: JSON = {
        "type": "objective-id",
        "target-id": objective_id(f.rule),
        "title": f.rule_title,
        "status": status,
    }
    finding: JSON = {
        "uuid": ids("finding", f.vendor, f.plan or "", f.rule),
        "title": f"{f.vendor_name}: {f.rule_title}",
        "description": f.message,
        "props": [
            prop("vendor", f.vendor),
            prop("rule", f.rule),
            prop("pack", f.pack),
            prop("verdict", f.verdict.value),
            prop("severity", f.severity.value),
            prop("blocking", "true" if f.blocking else "false"),
        ],
        "links": [
            {"href": href, "rel": "reference", "text": c.citation}
            for c in f.citations
            if (href := dg.safe_href(c.url))
        ],
        "origins": origins(),
        "target": target,
    }
    if f.plan:
        finding["props"].insert(1, prop("plan", f.plan))
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


def _risk(ids: Ids, f: Finding, w: Waiver) -> JSON:
    key = ("risk", f.vendor, f.plan or "", f.rule)
    return {
        "uuid": ids(*key),
        "title": f"Waived: {f.rule_title} ({f.vendor_name})",
        "description": f"Waived by {w.approver} until {w.expires.isoformat()} ({w.ticket}): "
        f"{w.justification}",
        "statement": f.message,
        "props": [
            prop("approver", w.approver),
            prop("ticket", w.ticket),
            prop("waiver-expires", w.expires.isoformat()),
        ],
        "status": "deviation-approved",
        "origins": origins(),
        # A waiver holds through its expiry day.
        "deadline": f"{w.expires.isoformat()}T23:59:59+00:00",
        "remediations": [
            {
                "uuid": ids(*key, "remediation"),
                "lifecycle": "recommendation",
                "title": "Contract condition to demand",
                "description": f.remediation,
            }
        ],
    }


def snapshot_path(vr: VendorResult, document: Document) -> str:
    """The snapshot's path as the report names it: from the project root, forward slashes."""
    return normpath(posix_join(_folder(vr.vendor.location.path), document.snapshot))


def sha256_hashes(value: str) -> list[JSON] | None:
    """OSCAL's ``hashes`` for a recorded sha256, or None when it is not one."""
    return [{"algorithm": "SHA-256", "value": value}] if _SHA256.match(value) else None


class _Resources:
    """Back-matter resources of one vendor: one per document its evidence cites."""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.items: dict[str, JSON] = {}

    def document(self, vr: VendorResult, document: Document) -> str:
        key = self.ids("resource", vr.vendor.id, document.id)
        if key in self.items:
            return key
        rlinks: list[JSON] = []
        hashes = sha256_hashes(document.sha256)
        if document.snapshot:
            link: JSON = {"href": quote(snapshot_path(vr, document)), "media-type": "text/markdown"}
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
            "props": [prop("document-type", document.type)],
        }
        if document.effective:
            resource["props"].append(prop("effective", document.effective.isoformat()))
        if document.retrieved:
            resource["props"].append(prop("retrieved", document.retrieved.isoformat()))
        if document.sha256:
            resource["props"].append(prop("sha256", document.sha256))
        if rlinks:
            resource["rlinks"] = rlinks
        if document.source:
            resource["citation"] = {"text": document.source}
        self.items[key] = resource
        return key

    def all(self) -> list[JSON]:
        """Resources in the order they were first referenced (deterministic)."""
        return list(self.items.values())


def _folder(path: str) -> str:
    """The folder of a profile path, with forward slashes."""
    clean = path.replace("\\", "/")
    return clean.rsplit("/", 1)[0] if "/" in clean else ""


# ---------------------------------------------------------------- the frame


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> Iterator[bytes]:
    """The document around the vendors' items: everything known from the organisation, the day
    and the packs, the totals and the document's UUID (which names every vendor) from the
    pieces, and a slot in each list where the vendors' items go, in vendor order."""
    ordered = sorted(pieces, key=lambda p: tuple(p.meta["order"]))
    when = timestamp(day, options)
    ids = Ids(org)
    lengths = [p.meta["sections"] for p in ordered]
    filled = {name for i, name in enumerate(_SECTIONS) if any(n[i] for n in lengths)}
    body = _document(ids, org, day, packs, ordered, when, filled)
    rendered = dumps_safe({"assessment-results": body}) + "\n"
    return _spliced(rendered, ordered, filled, jsontext.dumps(when).encode("utf-8"))


def _spliced(
    rendered: str, pieces: Sequence[Piece], filled: set[str], when: bytes
) -> Iterator[bytes]:
    """The frame with each list's slot replaced by the vendors' items, inflated one vendor at a
    time as they are written (so the whole document is never in memory)."""
    rest = rendered
    for name in _SECTIONS:
        if name not in filled:
            continue
        marker = " " * _DEPTH[name] + jsontext.dumps(_SLOT.format(name))
        head, found, rest = rest.partition(marker)
        if not found:  # pragma: no cover - the document always has the slot
            raise AssertionError(f"no place for the {name} in the OSCAL frame")
        yield head.encode("utf-8")
        yield from _joined((_section(p, name, when) for p in pieces), dedupe=name == "parties")
    yield rest.encode("utf-8")


def _joined(texts: Iterator[bytes], *, dedupe: bool) -> Iterator[bytes]:
    """The vendors' items of one list, comma-separated; a vendor whose party is already there
    (two profiles of one vendor id) does not add it again."""
    first = True
    seen: set[bytes] = set()
    for text in texts:
        if not text or (dedupe and text in seen):
            continue
        if dedupe:
            seen.add(text)
        if not first:
            yield b",\n"
        first = False
        yield text


def _document(
    ids: Ids,
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    pieces: Sequence[Piece],
    when: str,
    filled: set[str],
) -> JSON:
    def slot(name: str) -> list[str]:
        return [_SLOT.format(name)]

    vendors = ",".join("/".join(p.meta["order"]) for p in pieces)
    packs_key = ",".join(sorted(p.id for p in packs))
    org_party = ids("party", "organisation")
    parties: list[Any] = [{"uuid": org_party, "type": "organization", "name": org.name}]
    if "parties" in filled:
        parties += slot("parties")
    plan_resource = ids("resource", "assessment-plan")
    resources: list[Any] = [_plan_link(plan_resource, plan_uuid(ids, day, when, packs))]
    if "resources" in filled:
        resources += slot("resources")
    result = _result(ids, org, day, packs, pieces, when)
    for name in ("observations", "risks", "findings"):
        if name in filled:
            result[name] = slot(name)
    return {
        "uuid": ids("assessment-results", day.isoformat(), when, packs_key, vendors),
        "metadata": {
            "title": f"Vendor data-practice assessment: {org.name}",
            "last-modified": when,
            "version": day.isoformat(),
            "oscal-version": OSCAL_VERSION,
            "roles": [{"id": "assessor", "title": "Assessor"}],
            "parties": parties,
            "responsible-parties": [{"role-id": "assessor", "party-uuids": [org_party]}],
            "props": [
                prop("generator", f"vendorgate {__version__}"),
                prop("as-of", day.isoformat()),
            ],
        },
        "import-ap": {
            "href": f"#{plan_resource}",
            "remarks": f"The assessment plan (`vendorgate report --format oscal-ap`), written as "
            f"{PLAN_FILE} beside these results.",
        },
        "results": [result],
        "back-matter": {"resources": resources},
    }


def _plan_link(key: str, plan: str) -> JSON:
    return {
        "uuid": key,
        "title": "Assessment plan",
        "description": "The plan these results import: the rule packs' objectives, and the "
        "organisation profile, rule packs and snapshots, each with its sha256.",
        "props": [prop("assessment-plan-uuid", plan)],
        "rlinks": [{"href": PLAN_FILE, "media-type": "application/oscal.ap+json"}],
    }


def _result(
    ids: Ids,
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    pieces: Sequence[Piece],
    when: str,
) -> JSON:
    blocking = sum(p.blocking for p in pieces)
    return {
        "uuid": ids("result"),
        "title": f"vendorgate report as of {day.isoformat()}",
        "description": (
            f"{len(pieces)} vendor(s) evaluated against the rule packs "
            f"{', '.join(sorted(p.id for p in packs))}; {blocking} blocking finding(s). "
            f"Blocking threshold {org.blocking_severity.value}; undetermined findings: "
            f"{org.undetermined}; evidence required: {org.evidence_require}."
        ),
        "start": when,
        "end": when,
        "props": [prop("blocking-findings", str(blocking))],
        "local-definitions": {"components": [tool_component()]},
        "reviewed-controls": reviewed_controls(packs),
    }


def reviewed_controls(packs: Sequence[RulePack]) -> JSON:
    """Every rule of the enabled packs and vendorgate's own, by control id."""
    return {
        "control-selections": [
            {
                "description": "Every rule of the enabled rule packs, and the checks vendorgate "
                "adds itself (evidence age, expired waivers, evaluation errors).",
                "include-controls": [{"control-id": control_id(r)} for r, _, _ in controls(packs)],
            }
        ]
    }
