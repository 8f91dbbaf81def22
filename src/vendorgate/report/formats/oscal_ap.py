"""``report --format oscal-ap``: the NIST OSCAL assessment plan the results
(``--format oscal``) import.

What an auditor resolves in it:

* ``local-definitions.objectives-and-methods``: one local objective per rule of the enabled
  packs and per check vendorgate adds itself; control id the rule id, its one part the
  objective (``<rule id>_obj``), which each finding of the results targets;
* ``reviewed-controls``: the same control ids;
* ``back-matter``: the organisation profile, every rule pack and every snapshot the evidence
  was verified against, each an rlink with its sha256 (``hashes``), so the inputs of the
  assessment can be checked byte for byte;
* ``import-ssp``: vendorgate assesses no system security plan; it points at the organisation
  profile, which describes the system assessed (the organisation's use of its vendors).

The plan's UUID and times are those :mod:`vendorgate.report.formats.oscal` names in the results'
``import-ap``, so the two files written from the same inputs belong together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from urllib.parse import quote

from vendorgate.core.model import (
    CheckResult,
    Citation,
    OrgProfile,
    Rule,
    RulePack,
    VendorResult,
)
from vendorgate.core.render import Piece
from vendorgate.core.version import __version__
from vendorgate.report import RenderOptions, jsontext
from vendorgate.report import digest as dg
from vendorgate.report.formats import oscal

JSON = dict[str, Any]


_SLOT = oscal.PLAN_SLOT
"""Marks where the snapshots' resources go in the frame (YAML input can hold no NUL)."""
_DEPTH = 8
"""Indentation of a back-matter resource in the plan."""


def render(result: CheckResult, options: RenderOptions) -> str:
    pieces = []
    for vr in dg.ordered_results(result):
        text, meta = piece(vr, options, result.org)
        pieces.append(Piece(vr.vendor.id, vr.decision.kind.value, {}, 0, (), text, meta))
    parts = frame(pieces, result.org, result.evaluated_on, result.packs, options)
    return b"".join(parts).decode("utf-8")


def piece(vr: VendorResult, options: RenderOptions, org: OrgProfile) -> tuple[bytes, JSON]:
    """The resources of one vendor's snapshots, indented where they sit; ``meta`` names each
    one's path and length, so the frame keeps one per path, in path order."""
    ids = oscal.Ids(org)
    resources = _snapshot_resources(ids, vr)
    texts = [_indented(oscal.dumps_safe(resource)).encode("utf-8") for _, resource in resources]
    meta = {
        "order": [vr.vendor.id, vr.plan or ""],
        "snapshots": [[path, len(t)] for (path, _), t in zip(resources, texts, strict=True)],
    }
    return b"".join(texts), meta


def _indented(text: str) -> str:
    # JSON strings hold no raw newline, so every newline starts a line of the structure.
    pad = " " * _DEPTH
    return pad + text.replace("\n", "\n" + pad)


def _snapshots(pieces: Sequence[Piece]) -> list[bytes]:
    """Every snapshot's resource once (the first vendor's, in vendor order), by path."""
    found: dict[str, bytes] = {}
    for p in sorted(pieces, key=lambda p: tuple(p.meta["order"])):
        start = 0
        for path, length in p.meta["snapshots"]:
            found.setdefault(path, p.text[start : start + length])
            start += length
    return [found[path] for path in sorted(found)]


def frame(
    pieces: Sequence[Piece],
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    options: RenderOptions,
) -> list[bytes]:
    """The plan around the snapshots' resources: everything else is known from the
    organisation, the day, the packs and the number of vendors."""
    snapshots = _snapshots(pieces)
    plan = _plan(org, day, packs, len(pieces), options, bool(snapshots))
    rendered = oscal.dumps_safe({"assessment-plan": plan}) + "\n"
    if not snapshots:
        return [rendered.encode("utf-8")]
    marker = " " * _DEPTH + jsontext.dumps(_SLOT)
    return jsontext.splice(rendered, marker, snapshots, "snapshots in the OSCAL plan")


def _plan(
    org: OrgProfile,
    day: date,
    packs: Sequence[RulePack],
    vendors: int,
    options: RenderOptions,
    snapshots: bool,
) -> JSON:
    when = oscal.timestamp(day, options)
    ids = oscal.Ids(org)
    org_resource = _org_resource(ids, org)
    resources: list[Any] = [org_resource]
    resources += [_pack_resource(ids, p) for p in sorted(packs, key=lambda p: p.id)]
    if snapshots:
        resources.append(_SLOT)
    org_party = ids("party", "organisation")
    return {
        "uuid": oscal.plan_uuid(ids, day, when, packs),
        "metadata": {
            "title": f"Vendor data-practice assessment plan: {org.name}",
            "last-modified": when,
            "version": day.isoformat(),
            "oscal-version": oscal.OSCAL_VERSION,
            "roles": [{"id": "assessor", "title": "Assessor"}],
            "parties": [{"uuid": org_party, "type": "organization", "name": org.name}],
            "responsible-parties": [{"role-id": "assessor", "party-uuids": [org_party]}],
            "props": [
                oscal.prop("generator", f"vendorgate {__version__}"),
                oscal.prop("as-of", day.isoformat()),
            ],
        },
        "import-ssp": {
            "href": f"#{org_resource['uuid']}",
            "remarks": "There is no system security plan: the system assessed is the "
            "organisation's use of its vendors, which its organisation profile describes.",
        },
        "local-definitions": {
            "components": [oscal.tool_component()],
            "objectives-and-methods": _objectives(packs),
        },
        "reviewed-controls": oscal.reviewed_controls(packs),
        "assessment-subjects": [
            {
                "type": "party",
                "description": "Every vendor profile of the catalogue in force on "
                f"{day.isoformat()} ({vendors} evaluated).",
                "include-all": {},
            }
        ],
        "back-matter": {"resources": resources},
    }


def _objectives(packs: Sequence[RulePack]) -> list[JSON]:
    by_id = {r.id: r for p in packs for r in p.rules}
    out = []
    for rule_id, title, pack in oscal.controls(packs):
        rule = by_id.get(rule_id)
        objective: JSON = {
            "control-id": oscal.control_id(rule_id),
            "description": title,
            "props": [
                oscal.prop("rule", rule_id),
                oscal.prop("pack", pack.id if pack else "vendorgate"),
            ],
            "parts": [
                {
                    "id": oscal.objective_id(rule_id),
                    "name": "assessment-objective",
                    "prose": _prose(rule, title),
                }
            ],
        }
        if rule is not None:
            objective["props"].append(oscal.prop("severity", rule.severity.value))
            links = _links(rule.citations)
            if links:
                objective["links"] = links
        out.append(objective)
    return out


def _prose(rule: Rule | None, title: str) -> str:
    if rule is None:
        return f"{title}: a check vendorgate makes of every vendor, whatever the rule packs."
    where = f"{rule.location.path}:{rule.location.line}" if rule.location.line else rule.pack
    text = f"{title} (rule `{rule.id}` of the pack `{rule.pack}`, {where})."
    if rule.description:
        text += f"\n\n{rule.description}"
    return text


def _links(citations: Sequence[Citation]) -> list[JSON]:
    return [
        {"href": href, "rel": "reference", "text": c.citation}
        for c in citations
        if (href := dg.safe_href(c.url))
    ]


def _hashed(path: str, sha256: str, media: str) -> JSON:
    link: JSON = {"href": quote(path), "media-type": media}
    hashes = oscal.sha256_hashes(sha256)
    if hashes:
        link["hashes"] = hashes
    return link


def _org_resource(ids: oscal.Ids, org: OrgProfile) -> JSON:
    resource: JSON = {
        "uuid": ids("resource", "organisation-profile"),
        "title": f"Organisation profile of {org.name}",
        "description": "Sectors, jurisdictions, the packs enabled, blocking policy, waivers "
        "and vendor usage: the policy every vendor was evaluated under.",
        "props": [oscal.prop("input", "organisation-profile")],
    }
    if org.path:
        resource["rlinks"] = [_hashed(_display(org.path), org.sha256, "application/yaml")]
    return resource


def _pack_resource(ids: oscal.Ids, pack: RulePack) -> JSON:
    resource: JSON = {
        "uuid": ids("resource", "rule-pack", pack.id),
        "title": f"Rule pack {pack.id}: {pack.title}",
        "description": f"{len(pack.rules)} rule(s): "
        + ", ".join(f"`{r.id}`" for r in sorted(pack.rules, key=lambda r: r.id)),
        "props": [oscal.prop("input", "rule-pack"), oscal.prop("pack", pack.id)],
    }
    if pack.path:
        resource["rlinks"] = [_hashed(_display(pack.path), pack.sha256, "application/yaml")]
    return resource


def _snapshot_resources(ids: oscal.Ids, vr: VendorResult) -> list[tuple[str, JSON]]:
    """(path, resource) for each snapshot of the vendor's documents, a path once."""
    found: dict[str, JSON] = {}
    for document in sorted(vr.vendor.documents.values(), key=lambda d: d.id):
        path = oscal.snapshot_path(vr, document) if document.snapshot else ""
        if not path or path in found:
            continue
        found[path] = {
            "uuid": ids("resource", "snapshot", path),
            "title": document.title or document.id,
            "description": f"Snapshot of the {document.type.replace('_', ' ')} of "
            f"{vr.vendor.name}"
            + (f", retrieved {document.retrieved.isoformat()}" if document.retrieved else "")
            + f". The sha256 is the one {vr.vendor.location.path} records; the results say "
            "whether the snapshot's bytes and quotes matched it.",
            "props": [oscal.prop("input", "snapshot"), oscal.prop("vendor", vr.vendor.id)],
            "rlinks": [_hashed(path, document.sha256, "text/markdown")],
        }
    return list(found.items())


def _display(path: str) -> str:
    """A policy file's path as the plan names it: forward slashes; a path outside the project
    (the packs shipped with vendorgate) by its last two parts, so the plan is the same in every
    checkout and installation."""
    clean = path.replace("\\", "/")
    if clean.startswith("/"):
        return "/".join(clean.rsplit("/", 2)[-2:])
    return clean
