"""Building vendor and organisation profiles from validated YAML, with reference checks."""

from __future__ import annotations

import posixpath
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from vendorgate.core.errors import InputError, Problem
from vendorgate.core.hints import did_you_mean
from vendorgate.core.model import Document as VendorDocument
from vendorgate.core.model import (
    Evidence,
    Fact,
    FactValue,
    InForce,
    Location,
    OrgProfile,
    Plan,
    Severity,
    Subprocessor,
    Usage,
    UsageOverride,
    VendorProfile,
    Waiver,
)
from vendorgate.core.vocabulary import SCOPED_FACTS, UNDISCLOSED, default_weight
from vendorgate.load.builtin import builtin_packs_dir, resolve_rules_path
from vendorgate.load.yaml import Document, PathKey


class _Reader:
    """Collects problems while building, so one run reports all of them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def loc(self, path: PathKey) -> Location:
        line, column = self.doc.position(path)
        return Location(self.doc.path, line, column)

    def key_loc(self, path: PathKey) -> Location:
        line, column = self.doc.position(path, of_key=True)
        return Location(self.doc.path, line, column)

    def date(self, value: Any, path: PathKey) -> date | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.problems.append(self.doc.problem(path, f"`{value}` is not a real calendar date"))
            return None

    def fail_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def build_vendor(doc: Document) -> VendorProfile:
    """A VendorProfile from a schema-valid document."""
    r = _Reader(doc)
    data: dict[str, Any] = doc.data
    documents = _documents(r, data.get("documents", []))
    facts = _with_scopes(_facts(r, data.get("facts", {}), ("facts",), documents, None), None)
    plans = _plans(r, data.get("plans", []), documents, facts)
    usage = _usage(r, data.get("usage"), plans)
    in_force = _in_force(r, data)
    profile = VendorProfile(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        documents=documents,
        facts=facts,
        plans=plans,
        usage=usage,
        location=r.key_loc(("kind",)),
        legal_name=data.get("legal_name", ""),
        website=data.get("website", ""),
        reviewed=r.date(data.get("reviewed"), ("reviewed",)),
        reviewed_at=r.loc(("reviewed",)) if "reviewed" in data else None,
        description=data.get("description", ""),
        lineage=data.get("lineage"),
        in_force=in_force,
    )
    r.fail_if_any()
    return profile


def _in_force(r: _Reader, data: dict[str, Any]) -> InForce | None:
    """The dates a dated profile was in force; a lineage without them cannot be placed in time."""
    item = data.get("in_force")
    if item is None:
        if "lineage" in data:
            r.problems.append(
                r.doc.problem(
                    ("lineage",),
                    "a profile with `lineage` needs `in_force: {from: YYYY-MM-DD}` (the "
                    "effective date of its terms) so the version in force on a date can be found",
                    of_key=True,
                )
            )
        return None
    start = r.date(item["from"], ("in_force", "from"))
    end = r.date(item.get("until"), ("in_force", "until"))
    if start is not None and end is not None and end < start:
        r.problems.append(
            r.doc.problem(
                ("in_force", "until"),
                f"`until` ({end.isoformat()}) is before `from` ({start.isoformat()})",
            )
        )
    if start is None:
        return None
    return InForce(start, end, r.key_loc(("in_force",)))


def _documents(r: _Reader, items: list[dict[str, Any]]) -> dict[str, VendorDocument]:
    documents: dict[str, VendorDocument] = {}
    backing: dict[str, str] = {}
    for index, item in enumerate(items):
        path: PathKey = ("documents", index)
        if item["id"] in documents:
            r.problems.append(r.doc.problem((*path, "id"), f"duplicate document id `{item['id']}`"))
            continue
        _one_snapshot_per_document(r, item, path, backing)
        documents[item["id"]] = VendorDocument(
            id=item["id"],
            title=item["title"],
            type=item["type"],
            url=item["url"],
            location=r.loc(path),
            effective=r.date(item.get("effective"), (*path, "effective")),
            retrieved=r.date(item.get("retrieved"), (*path, "retrieved")),
            sha256=item.get("sha256", ""),
            snapshot=item.get("snapshot", ""),
            source=item.get("source", ""),
            weight=item.get("weight", default_weight(item["type"])),
            archived=item.get("archived", True),
        )
        if not documents[item["id"]].archived and ("snapshot" in item or "sha256" in item):
            r.problems.append(
                r.doc.problem(
                    (*path, "archived"),
                    "a document marked `archived: false` has no snapshot; remove `snapshot` "
                    "and `sha256`, or remove `archived: false`",
                )
            )
    return documents


def _one_snapshot_per_document(
    r: _Reader, item: dict[str, Any], path: PathKey, backing: dict[str, str]
) -> None:
    """One snapshot file backs at most one document, unless the later document says why in
    ``shares_snapshot``: two documents pinned to one file make a quote from one count as
    evidence from the other (a privacy policy "verified" against the terms)."""
    snapshot = item.get("snapshot", "")
    if not snapshot:
        return
    key = posixpath.normpath(snapshot.replace("\\", "/"))
    first = backing.get(key)
    if first is None:
        backing[key] = item["id"]
        return
    if not str(item.get("shares_snapshot", "")).strip():
        r.problems.append(
            r.doc.problem(
                (*path, "snapshot"),
                f"document `{item['id']}` uses the snapshot of document `{first}` "
                f"(`{snapshot}`): pin each document to its own copy, or say why one file holds "
                "both with `shares_snapshot: <reason>`",
            )
        )


def _facts(
    r: _Reader,
    items: dict[str, dict[str, Any]],
    base: PathKey,
    documents: dict[str, VendorDocument],
    plan: str | None,
) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for name, item in items.items():
        path = (*base, name)
        evidence = tuple(
            _evidence(r, ev, (*path, "evidence", i), documents)
            for i, ev in enumerate(item.get("evidence", []))
        )
        rests_on = tuple(
            _rests_on(r, doc_id, (*path, "rests_on", i), documents)
            for i, doc_id in enumerate(item.get("rests_on", []))
        )
        value = _value(item["value"])
        unreviewed = item.get("unreviewed") is True
        # A fact that waits for an unarchived document is unknown until it is archived,
        # whatever the reviewer expects it to say; a suggestion nobody has checked is unknown
        # until somebody has.
        unknown = bool(rests_on) or unreviewed
        facts[name] = Fact(
            name=name,
            value=UNDISCLOSED if unknown else value,
            evidence=evidence,
            location=r.key_loc(path),
            note=item.get("note", ""),
            plan=plan,
            rests_on=rests_on,
            claimed=value if unknown and value != UNDISCLOSED else None,
            unreviewed=unreviewed,
        )
    return facts


def _rests_on(r: _Reader, doc_id: str, path: PathKey, documents: dict[str, VendorDocument]) -> str:
    document = documents.get(doc_id)
    if document is None:
        hint = did_you_mean(doc_id, list(documents))
        r.problems.append(
            r.doc.problem(path, f"`rests_on` names document `{doc_id}`, which is not listed{hint}")
        )
    elif document.archived:
        r.problems.append(
            r.doc.problem(
                path,
                f"`rests_on` names document `{doc_id}`, which is archived; quote it as evidence "
                "instead, or mark the document `archived: false`",
            )
        )
    return doc_id


def _with_scopes(facts: dict[str, Fact], stated: dict[str, Fact] | None) -> dict[str, Fact]:
    """Facts plus each scoped fact the profile leaves out, read from its broad fact (a
    profile written before the scopes existed states the broad fact for every scope).
    ``stated`` is the vendor-level facts when ``facts`` are a plan's overrides: a plan that
    overrides only the broad fact overrides the scoped facts derived from it too."""
    out = dict(facts)
    for spec in SCOPED_FACTS:
        broad = facts.get(spec.broad)
        if spec.name in facts or broad is None:
            continue
        if stated is not None and spec.name in stated and not stated[spec.name].derived_from:
            continue
        out[spec.name] = replace(broad, name=spec.name, derived_from=spec.broad)
    return out


def _value(raw: Any) -> FactValue:
    if isinstance(raw, list):
        if raw and isinstance(raw[0], dict):
            return tuple(
                Subprocessor(
                    name=s["name"],
                    category=s["category"],
                    purpose=s.get("purpose", ""),
                    region=s.get("region", ""),
                )
                for s in raw
            )
        return tuple(raw)
    if isinstance(raw, int):
        return raw
    return str(raw)


def _evidence(
    r: _Reader, item: dict[str, Any], path: PathKey, documents: dict[str, VendorDocument]
) -> Evidence:
    if item["doc"] not in documents:
        hint = did_you_mean(item["doc"], list(documents))
        known = ", ".join(f"`{d}`" for d in documents) or "none"
        r.problems.append(
            r.doc.problem(
                (*path, "doc"),
                f"evidence cites document `{item['doc']}`, which is not listed under "
                f"`documents:` (listed: {known}){hint}",
            )
        )
    return Evidence(
        doc=item["doc"],
        quote=item["quote"],
        section=str(item.get("section", "")),
        location=r.loc(path),
        weight=item.get("weight", ""),
    )


def _plans(
    r: _Reader,
    items: list[dict[str, Any]],
    documents: dict[str, VendorDocument],
    vendor: dict[str, Fact],
) -> tuple[Plan, ...]:
    plans: list[Plan] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        path: PathKey = ("plans", index)
        if item["id"] in seen:
            r.problems.append(r.doc.problem((*path, "id"), f"duplicate plan id `{item['id']}`"))
            continue
        seen.add(item["id"])
        facts = _with_scopes(
            _facts(r, item.get("facts", {}), (*path, "facts"), documents, item["id"]), vendor
        )
        plans.append(Plan(item["id"], item.get("name", item["id"]), facts, r.loc(path)))
    return tuple(plans)


def _usage(r: _Reader, item: dict[str, Any] | None, plans: tuple[Plan, ...]) -> Usage | None:
    if item is None:
        return None
    plan = item.get("plan")
    if plan is not None and plan not in {p.id for p in plans}:
        known = ", ".join(f"`{p.id}`" for p in plans) or "none"
        r.problems.append(
            r.doc.problem(("usage", "plan"), f"plan `{plan}` is not defined (plans: {known})")
        )
    return Usage(
        status=item["status"],
        plan=plan,
        data_classes=tuple(item.get("data_classes", ())),
        owner=item.get("owner", ""),
        since=r.date(item.get("since"), ("usage", "since")),
    )


def _rules_paths(data: dict[str, Any], base: Path) -> tuple[str, ...]:
    """Where the organisation's packs are: its ``rules_paths``, or the shipped packs when it
    names ``packs`` and no ``rules_paths`` (an organisation outside this repository)."""
    if "rules_paths" not in data:
        return (str(builtin_packs_dir()),) if data.get("packs") else ()
    return tuple(resolve_rules_path(p, base) for p in data["rules_paths"])


def build_org(doc: Document, base: Path) -> OrgProfile:
    """An OrgProfile from a schema-valid document; relative paths resolve against ``base``."""
    r = _Reader(doc)
    data: dict[str, Any] = doc.data
    blocking = data.get("blocking", {})
    evidence = data.get("evidence", {})
    waivers = tuple(_waiver(r, w, ("waivers", i)) for i, w in enumerate(data.get("waivers", [])))
    r.fail_if_any()
    packs = data.get("packs")
    return OrgProfile(
        name=data["name"],
        path=doc.path,
        sha256=doc.sha256,
        sectors=tuple(data.get("sectors", ())),
        jurisdictions=tuple(data.get("jurisdictions", ())),
        packs=tuple(packs) if packs is not None else None,
        rules_paths=_rules_paths(data, base),
        vendors_paths=tuple(str(base / p) for p in data.get("vendors_paths", ())),
        blocking_severity=Severity(blocking.get("severity", "high")),
        undetermined=blocking.get("undetermined", "block"),
        evidence_require=evidence.get("require", "any"),
        evidence_on_failure=evidence.get("on_failure", "undetermined"),
        max_evidence_age_days=evidence.get("max_age_days"),
        waivers=waivers,
        usage={
            vendor: _usage_override(r, item, ("usage", vendor))
            for vendor, item in data.get("usage", {}).items()
        },
    )


def _usage_override(r: _Reader, item: dict[str, Any], path: PathKey) -> UsageOverride:
    classes = item.get("data_classes")
    return UsageOverride(
        status=item.get("status"),
        plan=item.get("plan"),
        data_classes=tuple(classes) if classes is not None else None,
        owner=item.get("owner", ""),
        location=r.key_loc(path),
        tier=item.get("tier"),
        renewal=r.date(item.get("renewal"), (*path, "renewal")),
        review_due=r.date(item.get("review_due"), (*path, "review_due")),
    )


def _waiver(r: _Reader, item: dict[str, Any], path: PathKey) -> Waiver:
    expires = r.date(item["expires"], (*path, "expires")) or date.min
    granted = r.date(item.get("granted"), (*path, "granted"))
    if granted is not None and expires < granted:
        r.problems.append(
            r.doc.problem(
                (*path, "expires"),
                f"the waiver expires on {expires.isoformat()}, before it was granted "
                f"({granted.isoformat()}): it was already expired when written",
            )
        )
    return Waiver(
        rule=item["rule"],
        vendor=item["vendor"],
        plan=item.get("plan"),
        justification=item["justification"],
        approver=item["approver"],
        ticket=item["ticket"],
        expires=expires,
        location=r.loc(path),
        granted=granted,
    )
