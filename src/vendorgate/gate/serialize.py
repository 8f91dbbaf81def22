"""The gate's answer as JSON-ready data, in a fixed order (JSON output and decision records)."""

from __future__ import annotations

from typing import Any

from vendorgate.core import serialize
from vendorgate.core.version import __version__
from vendorgate.gate.decisions import GateResult, PlanOutcome, Question

SCHEMA_VERSION = "1"


# ---------------------------------------------------------------- json


def to_dict(result: GateResult) -> dict[str, Any]:
    """The gate's answer as JSON-ready data, in a fixed order."""
    vendor = result.vendor.profile
    first = result.first_passing
    return {
        "schemaVersion": SCHEMA_VERSION,
        "generator": {"name": "vendorgate", "version": __version__},
        "command": "gate",
        "evaluatedOn": result.evaluated_on.isoformat(),
        "versionSelection": result.request.as_of is not None,
        "organisation": {"name": result.org.name, "path": result.org.path},
        "packs": [{"id": p.id, "title": p.title} for p in sorted(result.packs, key=lambda p: p.id)],
        "vendor": {
            "id": vendor.id,
            "name": vendor.name,
            "category": vendor.category,
            "path": vendor.location.path,
            "lineage": vendor.lineage,
            "inForce": (
                {
                    "from": vendor.in_force.start.isoformat(),
                    "until": vendor.in_force.end.isoformat() if vendor.in_force.end else None,
                }
                if vendor.in_force
                else None
            ),
        },
        "namedProfile": {
            "id": result.named.profile.id,
            "path": result.named.profile.location.path,
        },
        "dataClasses": {
            "classes": list(result.data_classes) if result.data_classes is not None else None,
            "source": result.data_classes_source,
        },
        "plan": result.request.plan,
        "decision": None if result.all_plans else result.outcomes[0].decision.value,
        "passes": result.passes,
        "firstPassingPlan": first.label if first else None,
        "plans": [_outcome_dict(o) for o in result.outcomes],
        "notes": list(result.notes),
    }


def _outcome_dict(o: PlanOutcome) -> dict[str, Any]:
    return {
        "plan": o.plan,
        "label": o.label,
        "decision": o.decision.value,
        "passes": o.passes,
        "decisionReasons": list(o.result.decision.reasons),
        "blocking": [serialize.finding(f) for f in o.blocking],
        "questions": [_question_dict(q) for q in o.questions],
        "conditions": [
            {"text": c.text, "rules": list(c.rules), "severity": c.severity.value}
            for c in o.conditions
        ],
        "waived": [serialize.finding(f) for f in o.waived],
        "warnings": [serialize.finding(f) for f in o.warnings],
        "findings": [
            serialize.finding(f) for f in sorted(o.result.findings, key=lambda f: (f.pack, f.rule))
        ],
    }


def _question_dict(q: Question) -> dict[str, Any]:
    return {
        "fact": q.fact,
        "question": q.text,
        "severity": q.severity.value,
        "currentValue": serialize.value(q.value),
        "neededBy": [
            {
                "rule": n.rule,
                "severity": n.severity.value,
                "citations": [serialize.citation(c) for c in n.citations],
            }
            for n in q.needs
        ],
        "line": q.line(),
    }
