"""The input document of the Rego decision: the one place its shape is defined.

``{"vendor": <vendor profile as JSON>, "today": "YYYY-MM-DD", ...}``. The vendor profile has
the shape of its YAML file; vendorgate adds to every fact (vendor-level and per plan) the one
thing Rego cannot compute: ``evidence_status``, the weakest status of the fact's evidence after
its quotes were checked against the pinned snapshots (``verified``, ``unsupported``, ``stale``,
``unverified``, ``missing-document``), and ``evidence_binding``, whether a verified passage of it
is binding (not a summary or FAQ). docs/opa.md documents every field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from vendorgate.core.model import Fact, FactRead, FactValue, Severity, Subprocessor, VendorProfile

Resolver = Callable[[Fact], FactRead]
"""Checks a fact's evidence (``run._Resolver`` or any equivalent)."""


def value_json(value: FactValue) -> Any:
    """A fact value as it is written in YAML."""
    if isinstance(value, tuple):
        return [_subprocessor(v) if isinstance(v, Subprocessor) else v for v in value]
    return value


def _subprocessor(item: Subprocessor) -> dict[str, str]:
    out = {"name": item.name, "category": item.category}
    if item.purpose:
        out["purpose"] = item.purpose
    if item.region:
        out["region"] = item.region
    return out


def _facts(facts: dict[str, Fact] | Any, resolve: Resolver) -> dict[str, Any]:
    out = {}
    for name, fact in facts.items():
        read = resolve(fact)
        item: dict[str, Any] = {
            "value": value_json(fact.value),
            "evidence_status": read.status.value,
            "evidence_binding": read.binding,
        }
        if fact.evidence:
            item["evidence"] = [
                {"doc": e.doc, "section": e.section, "quote": e.quote} for e in fact.evidence
            ]
        if fact.note:
            item["note"] = fact.note
        out[name] = item
    return out


def vendor_json(profile: VendorProfile, resolve: Resolver) -> dict[str, Any]:
    """The vendor profile as JSON, each fact annotated with its ``evidence_status``."""
    doc: dict[str, Any] = {
        "apiVersion": "vendorgate/v1",
        "kind": "VendorProfile",
        "id": profile.id,
        "name": profile.name,
        "category": profile.category,
        "facts": _facts(profile.facts, resolve),
    }
    if profile.reviewed is not None:
        doc["reviewed"] = profile.reviewed.isoformat()
    if profile.lineage is not None:
        doc["lineage"] = profile.lineage
    if profile.plans:
        doc["plans"] = [
            {"id": p.id, "name": p.name, "facts": _facts(p.facts, resolve)} for p in profile.plans
        ]
    if profile.usage is not None:
        usage: dict[str, Any] = {
            "status": profile.usage.status,
            "data_classes": list(profile.usage.data_classes),
        }
        if profile.usage.plan is not None:
            usage["plan"] = profile.usage.plan
        doc["usage"] = usage
    return doc


_UNSET: Any = object()


def decision_input(
    profile: VendorProfile,
    resolve: Resolver,
    today: date,
    *,
    fail_on: Severity | None = None,
    undetermined: str | None = None,
    plan: str | None = _UNSET,
    data_classes: tuple[str, ...] | None = None,
) -> dict[str, Any]:
    """The input of ``data.vendorgate.decision`` for one vendor.

    The plan and the data classes are normally left to the policy, which takes them from the
    organisation's usage overrides or the profile's ``usage``; pass them to evaluate another
    plan or another set of data classes. ``fail_on`` lowers or raises the blocking threshold
    like ``check --fail-on``, and ``undetermined`` (block | review | ignore) replaces the
    organisation's setting, like ``check --fail-on-undetermined``.
    """
    doc: dict[str, Any] = {"vendor": vendor_json(profile, resolve), "today": today.isoformat()}
    if fail_on is not None:
        doc["fail_on"] = fail_on.value
    if undetermined is not None:
        doc["undetermined"] = undetermined
    if plan is not _UNSET:
        doc["plan"] = plan
    if data_classes is not None:
        doc["data_classes"] = list(data_classes)
    return doc
