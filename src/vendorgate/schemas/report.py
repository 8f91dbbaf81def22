"""JSON Schema of ``vendorgate check --format json`` (the ``report`` schema)."""

from __future__ import annotations

from typing import Any

from vendorgate.core.model import DecisionKind, EvidenceStatus, Severity, Verdict

Schema = dict[str, Any]


def _obj(properties: Schema) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


_STR: Schema = {"type": "string"}
_NULLABLE_STR: Schema = {"type": ["string", "null"]}
_INT: Schema = {"type": "integer"}


def report_schema() -> Schema:
    location = _obj({"path": _STR, "line": _INT, "column": _INT})
    evidence = _obj(
        {
            "doc": _STR,
            "title": _STR,
            "url": _STR,
            "effective": _NULLABLE_STR,
            "section": _STR,
            "quote": _STR,
            "sha256": _STR,
            "status": {"enum": [s.value for s in EvidenceStatus]},
            "detail": _STR,
        }
    )
    fact = _obj(
        {
            "fact": _STR,
            "value": {"description": "The fact's value; null when the profile does not state it."},
            "plan": _NULLABLE_STR,
            "location": location,
            "evidenceStatus": {"enum": [s.value for s in EvidenceStatus]},
            "evidence": {"type": "array", "items": evidence},
        }
    )
    citation = _obj(
        {
            "citation": _STR,
            "title": _STR,
            "url": _STR,
            "authority": _STR,
            "verified": {"type": "boolean"},
        }
    )
    waiver = {
        "oneOf": [
            {"type": "null"},
            _obj(
                {
                    "rule": _STR,
                    "vendor": _STR,
                    "plan": _NULLABLE_STR,
                    "justification": _STR,
                    "approver": _STR,
                    "ticket": _STR,
                    "expires": _STR,
                }
            ),
        ]
    }
    finding = _obj(
        {
            "rule": _STR,
            "title": _STR,
            "pack": _STR,
            "severity": {"enum": [s.value for s in Severity]},
            "verdict": {"enum": [v.value for v in Verdict]},
            "blocking": {"type": "boolean"},
            "message": _STR,
            "location": location,
            "citations": {"type": "array", "items": citation},
            "facts": {"type": "array", "items": fact},
            "remediation": _STR,
            "reasons": {"type": "array", "items": _STR},
            "waiver": waiver,
        }
    )
    vendor = _obj(
        {
            "id": _STR,
            "name": _STR,
            "category": _STR,
            "plan": _NULLABLE_STR,
            "path": _STR,
            "decision": {"enum": [d.value for d in DecisionKind]},
            "decisionReasons": {"type": "array", "items": _STR},
            "findings": {"type": "array", "items": finding},
        }
    )
    counts = {"type": "object", "additionalProperties": _INT}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vendorgate.dev/schemas/v1/report.schema.json",
        "title": "vendorgate check report",
        **_obj(
            {
                "schemaVersion": {"const": "1"},
                "generator": _obj({"name": {"const": "vendorgate"}, "version": _STR}),
                "evaluatedOn": {"type": "string", "format": "date"},
                "organisation": _obj(
                    {
                        "name": _STR,
                        "path": _STR,
                        "blockingSeverity": {"enum": [s.value for s in Severity]},
                        "undetermined": {"enum": ["block", "review", "ignore"]},
                        "evidenceRequire": {"enum": ["verified", "any"]},
                    }
                ),
                "packs": {
                    "type": "array",
                    "items": _obj({"id": _STR, "title": _STR, "path": _STR, "rules": _INT}),
                },
                "summary": _obj(
                    {
                        "vendors": _INT,
                        "findings": counts,
                        "blocking": _INT,
                        "decisions": counts,
                    }
                ),
                "vendors": {"type": "array", "items": vendor},
            }
        ),
    }
