"""Builds the published JSON Schemas (draft 2020-12) from the vocabulary.

The generated files live in ``vendorgate/schemas/`` so editors and other tools can use them
without running Python; ``python -m vendorgate.schemas.build`` rewrites them and a test fails when
they drift from this module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vendorgate.core import vocabulary as v

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "https://vendorgate.dev/schemas/v1/"
"""The canonical ``$id`` of every schema is this base plus its file name (docs/schemas.md).
The ids name the schemas; tools read the copies shipped in the package, never the network."""
SCHEMA_IDS = {n: f"{SCHEMA_BASE}{n}.schema.json" for n in ("vendor", "rules", "org", "report")}
API_VERSION = "vendorgate/v1"
# Each pattern ends in `$(?!\n)`: Python's `re` (jsonschema and the fast check use it) lets `$`
# match before a final newline, so `"zoom\n"` would pass for the id `zoom`; the lookahead
# makes the end the end in Python and changes nothing in ECMA-262, where `$` already is.
_END = r"$(?!\n)"
ID_PATTERN = "^[a-z0-9][a-z0-9._-]*" + _END
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}" + _END
SHA256_PATTERN = "^[0-9a-f]{64}" + _END
JURISDICTION_PATTERN = "^[a-z]{2,3}(-[a-z0-9]{1,3})?" + _END

Schema = dict[str, Any]


def _conditions() -> Schema:
    """A non-empty list of conditions (the operands of `all` / `any`)."""
    return {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1}


def _obj(properties: Schema, required: list[str], description: str = "") -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _str(description: str, **extra: Any) -> Schema:
    return {"type": "string", "description": description, **extra}


def _enum(values: tuple[str, ...] | list[str], description: str) -> Schema:
    return {"type": "string", "enum": list(values), "description": description}


def _header(kind: str) -> Schema:
    return {
        "apiVersion": {"const": API_VERSION, "description": "Always `vendorgate/v1`."},
        "kind": {"const": kind, "description": f"Always `{kind}`."},
    }


def _date(description: str) -> Schema:
    return _str(description, pattern=DATE_PATTERN, format="date")


def _evidence() -> Schema:
    return _obj(
        {
            "doc": _str("Id of a document listed under `documents:`.", pattern=ID_PATTERN),
            "section": _str("The section or clause number, as the document numbers it."),
            "quote": _str(
                "Text copied verbatim from the document (checked against the snapshot).",
                minLength=1,
            ),
            "weight": _enum(
                v.EVIDENCE_WEIGHTS,
                "This passage's weight when it differs from its document's: `summary` for a "
                "summary box or FAQ inside binding terms.",
            ),
        },
        ["doc", "quote"],
        "Where a document says what the fact claims.",
    )


def _fact_value(spec: v.FactSpec) -> Schema:
    undisclosed: Schema = {"const": v.UNDISCLOSED}
    if spec.kind == "enum":
        return _enum((*spec.values, v.UNDISCLOSED), spec.description)
    if spec.kind == "integer":
        return {"oneOf": [{"type": "integer", "minimum": 0}, undisclosed]}
    if spec.kind == "list":
        items = _enum(spec.values, "One allowed item.")
        return {"oneOf": [{"type": "array", "items": items, "uniqueItems": True}, undisclosed]}
    subprocessor = _obj(
        {
            "name": _str("The sub-processor's legal or trading name.", minLength=1),
            "purpose": _str("What it does with customer data."),
            "region": _enum(v.REGIONS, "Where it processes the data."),
            "category": _enum(v.SUBPROCESSOR_CATEGORIES, "Its role."),
        },
        ["name", "category"],
    )
    return {"oneOf": [{"type": "array", "items": subprocessor}, undisclosed]}


def _fact(spec: v.FactSpec) -> Schema:
    return _obj(
        {
            "value": _fact_value(spec),
            "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
            "note": _str("A reviewer's remark; never evidence."),
            "rests_on": {
                "type": "array",
                "items": _str(
                    "Id of a listed document marked `archived: false`.", pattern=ID_PATTERN
                ),
                "uniqueItems": True,
                "minItems": 1,
                "description": "Referenced documents, not archived, that decide this fact: "
                "it reads as undisclosed and the gate asks for them.",
            },
            "unreviewed": {
                "type": "boolean",
                "description": "true on a suggestion nobody has checked yet (`vendorgate new` "
                "marks the scanner's so): the fact reads as undisclosed until the line is "
                "removed after review.",
            },
        },
        ["value"],
        spec.description,
    )


def _facts() -> Schema:
    return {
        "type": "object",
        "properties": {spec.name: _fact(spec) for spec in v.FACTS},
        "additionalProperties": False,
    }


def vendor_schema() -> Schema:
    document = _obj(
        {
            "id": _str("Short id facts use to cite this document.", pattern=ID_PATTERN),
            "title": _str("The document's title.", minLength=1),
            "type": _enum(v.DOCUMENT_TYPES, "Kind of document."),
            "weight": _enum(
                v.EVIDENCE_WEIGHTS,
                "`binding` (terms, DPA, BAA, privacy policy) or `summary` (FAQ, announcement, "
                "summary); defaults to `summary` for types faq, announcement and summary.",
            ),
            "archived": {
                "type": "boolean",
                "description": "false for a document the vendor refers to that has no "
                "snapshot here; facts name it in `rests_on`.",
            },
            "url": _str("Where the vendor publishes it.", format="uri", pattern="^https?://"),
            "effective": _date("The vendor's own effective date."),
            "retrieved": _date("When this copy was retrieved."),
            "sha256": _str("sha256 of the snapshot file's bytes.", pattern=SHA256_PATTERN),
            "snapshot": _str(
                "Path of the local copy, relative to this profile, inside the repository."
            ),
            "source": _str("Who archived the copy and under which licence."),
            "shares_snapshot": _str(
                "Why this document's snapshot is the same file as an earlier document's (one "
                "page holding both); without it, one snapshot file backs one document only.",
                minLength=1,
            ),
        },
        ["id", "title", "type", "url"],
    )
    plan = _obj(
        {
            "id": _str("Plan id.", pattern=ID_PATTERN),
            "name": _str("Plan name as the vendor sells it."),
            "facts": {"$ref": "#/$defs/facts"},
            "note": _str("Remarks."),
        },
        ["id"],
        "A plan whose facts override the vendor-level facts.",
    )
    usage = _obj(
        {
            "status": _enum(("active", "candidate", "retired"), "Where the vendor stands."),
            "plan": _str("Id of the plan in use.", pattern=ID_PATTERN),
            "data_classes": {
                "type": "array",
                "items": _enum(v.DATA_CLASSES, "A data class sent to the vendor."),
                "uniqueItems": True,
            },
            "owner": _str("Who owns the relationship."),
            "since": _date("When use began."),
        },
        ["status"],
        "How the organisation uses the vendor.",
    )
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_IDS["vendor"],
        "title": "vendorgate vendor profile",
        **_obj(
            {
                **_header("VendorProfile"),
                "id": _str("Stable vendor id, unique in the catalogue.", pattern=ID_PATTERN),
                "name": _str("Display name.", minLength=1),
                "legal_name": _str("The contracting entity."),
                "category": _enum(v.VENDOR_CATEGORIES, "What the vendor provides."),
                "website": _str("Vendor home page.", format="uri", pattern="^https?://"),
                "reviewed": _date("When this profile was last reviewed against the documents."),
                "description": _str("Free text for people."),
                "documents": {"type": "array", "items": document},
                "facts": {"$ref": "#/$defs/facts"},
                "plans": {"type": "array", "items": plan},
                "usage": usage,
                "lineage": _str(
                    "Name shared by dated profiles of one vendor (e.g. `zoom`); `gate` and "
                    "`check --as-of` evaluate the version in force on the date. Needs `in_force`.",
                    pattern=ID_PATTERN,
                ),
                "in_force": _obj(
                    {
                        "from": _date("First day these terms applied (their effective date)."),
                        "until": _date(
                            "Last day they applied; omit while in force or when the lineage's "
                            "next version ends them."
                        ),
                    },
                    ["from"],
                    "When the terms this profile describes were in force.",
                ),
            },
            ["apiVersion", "kind", "id", "name", "category", "documents", "facts"],
        ),
        "$defs": {"evidence": _evidence(), "facts": _facts()},
    }


def _condition_defs() -> Schema:
    fact_paths = [spec.name for spec in v.FACTS] + [
        "subprocessors.name",
        "subprocessors.region",
        "subprocessors.category",
    ]
    scalar: Schema = {"type": ["string", "integer"]}
    operators: Schema = {
        "equals": scalar,
        "not_equals": scalar,
        "in": {"type": "array", "items": scalar, "minItems": 1},
        "not_in": {"type": "array", "items": scalar, "minItems": 1},
        "at_least": {"type": "integer"},
        "at_most": {"type": "integer"},
        "before": _date("The value is a date before this one."),
        "after": _date("The value is a date after this one."),
        "contains": scalar,
        "not_contains": scalar,
        "subset_of": {"type": "array", "items": scalar},
        "is": _enum(v.DISCLOSURE_STATES, "Asks about disclosure itself; never undetermined."),
    }
    leaf = {
        "type": "object",
        "properties": {
            "fact": _enum(fact_paths, "The fact the test reads."),
            **operators,
        },
        "required": ["fact"],
        "additionalProperties": False,
        "oneOf": [{"required": [op]} for op in operators],
    }
    return {
        "condition": {
            "oneOf": [
                # An empty `all` would pass and an empty `any` fail without reading any fact.
                _obj({"all": _conditions()}, ["all"]),
                _obj({"any": _conditions()}, ["any"]),
                _obj({"not": {"$ref": "#/$defs/condition"}}, ["not"]),
                {"$ref": "#/$defs/leaf"},
            ]
        },
        "leaf": leaf,
    }


def rules_schema() -> Schema:
    citation = _obj(
        {
            "kind": _enum(
                ("authority", "organisation_policy"),
                "What backs the rule: an `authority` from the registry (law, regulation, "
                "professional rule; the default) or the organisation's own policy.",
            ),
            "authority": _str("Id in the authorities registry.", pattern=ID_PATTERN),
            "citation": _str("The exact citation string.", minLength=1),
            "title": _str("What the authority is."),
            "url": _str(
                "Where its text can be read: an http(s) URL; an organisation policy may also "
                "be a path relative to the pack.",
                minLength=1,
            ),
            "verified": {
                "type": "boolean",
                "description": "false when the exact text or subsection was not confirmed.",
            },
        },
        ["citation", "url"],
    )
    # An organisation's policy may live in the repository next to its packs; a law is always
    # read at a public URL.
    citation["if"] = {
        "properties": {"kind": {"const": "organisation_policy"}},
        "required": ["kind"],
    }
    citation["else"] = {"properties": {"url": {"format": "uri", "pattern": "^https?://"}}}
    applies = _obj(
        {
            "sectors": {"type": "array", "items": _enum(v.SECTORS, "Sector.")},
            "jurisdictions": {"type": "array", "items": {"type": "string"}},
            "vendor_categories": {
                "type": "array",
                "items": _enum(v.VENDOR_CATEGORIES, "Category."),
            },
            "data_classes": {"type": "array", "items": _enum(v.DATA_CLASSES, "Data class.")},
        },
        [],
        "The rule applies when every listed dimension matches (any item within a list).",
    )
    rule = _obj(
        {
            "id": _str("Stable rule id.", pattern=ID_PATTERN),
            "title": _str("One line.", minLength=1),
            "severity": _enum(("critical", "high", "medium", "low", "info"), "Severity."),
            "description": _str("Why the rule exists."),
            "applies_to": applies,
            "condition": {"$ref": "#/$defs/condition"},
            "citations": {"type": "array", "items": citation, "minItems": 1},
            "remediation": _str("The contract condition to demand.", minLength=1),
            "examples": _str("Folder of example profiles, relative to the pack."),
        },
        ["id", "title", "severity", "condition", "citations", "remediation"],
    )
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_IDS["rules"],
        "title": "vendorgate rule pack",
        **_obj(
            {
                **_header("RulePack"),
                "id": _str("Pack id.", pattern=ID_PATTERN),
                "title": _str("Pack title.", minLength=1),
                "description": _str("What the pack enforces."),
                "rules": {"type": "array", "items": rule, "minItems": 1},
            },
            ["apiVersion", "kind", "id", "title", "rules"],
        ),
        "$defs": _condition_defs(),
    }


def org_schema() -> Schema:
    waiver = _obj(
        {
            "rule": _str("Rule id.", pattern=ID_PATTERN),
            "vendor": _str("Vendor id.", pattern=ID_PATTERN),
            "plan": _str("Plan id (optional).", pattern=ID_PATTERN),
            "justification": _str("Why the risk is accepted.", minLength=1),
            "approver": _str("Who accepted it.", minLength=1),
            "ticket": _str("Tracking reference.", minLength=1),
            "expires": _date("Last day the waiver applies."),
            "granted": _date(
                "When it was granted (optional); it does not waive before then, and it may not "
                "expire before it."
            ),
        },
        ["rule", "vendor", "justification", "approver", "ticket", "expires"],
    )
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_IDS["org"],
        "title": "vendorgate organisation profile",
        **_obj(
            {
                **_header("OrgProfile"),
                "name": _str("Organisation name.", minLength=1),
                "sectors": {"type": "array", "items": _enum(v.SECTORS, "Sector.")},
                "jurisdictions": {
                    "type": "array",
                    "items": _str(
                        "Jurisdiction code (us, us-ca, eu...).", pattern=JURISDICTION_PATTERN
                    ),
                },
                "packs": {
                    "type": "array",
                    "items": _str("Rule pack id.", pattern=ID_PATTERN),
                    "description": "Enabled rule packs; all found packs when omitted.",
                },
                "rules_paths": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Folders or files of rule packs, relative to this file; "
                    "`builtin:` names the packs shipped with vendorgate. When omitted and "
                    "`packs` is given, the shipped packs are used.",
                },
                "vendors_paths": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Folders or files of vendor profiles, relative to this file.",
                },
                "blocking": _obj(
                    {
                        "severity": _enum(
                            ("critical", "high", "medium", "low", "info"),
                            "Failures at or above this severity block.",
                        ),
                        "undetermined": _enum(
                            ("block", "review", "ignore"),
                            "Undetermined findings at or above the threshold: block (exit 1, "
                            "needs_review), or review (approved_with_conditions, with the "
                            "questions); ignore is kept for old profiles and means review: "
                            "an unknown never yields a plain approved.",
                        ),
                    },
                    [],
                ),
                "evidence": _obj(
                    {
                        "require": _enum(
                            ("binding", "verified", "any"),
                            "Evidence a passing fact needs: `binding` is verified evidence "
                            "of which at least one passage is binding (not a summary or FAQ).",
                        ),
                        "max_age_days": {"type": "integer", "minimum": 1},
                        "on_failure": _enum(
                            ("undetermined", "fail"),
                            "Verdict when evidence does not meet the requirement.",
                        ),
                    },
                    [],
                ),
                "waivers": {"type": "array", "items": waiver},
                "usage": {
                    "type": "object",
                    "description": "How this organisation uses each vendor, by vendor id; "
                    "overrides the `usage` written in the vendor profile.",
                    "propertyNames": {"pattern": ID_PATTERN},
                    "additionalProperties": _obj(
                        {
                            "status": _enum(("active", "candidate", "retired"), "Status."),
                            "plan": _str("Id of the plan in use.", pattern=ID_PATTERN),
                            "data_classes": {
                                "type": "array",
                                "items": _enum(v.DATA_CLASSES, "A data class sent."),
                                "uniqueItems": True,
                            },
                            "owner": _str("Who owns the relationship."),
                            "tier": _enum(
                                v.CRITICALITY_TIERS,
                                "Criticality tier: how much harm the vendor's failure does.",
                            ),
                            "renewal": _date("When the contract renews."),
                            "review_due": _date("When the next review of the vendor is due."),
                        },
                        [],
                    ),
                },
            },
            ["apiVersion", "kind", "name"],
        ),
    }


def all_schemas() -> dict[str, Schema]:
    from vendorgate.schemas.report import report_schema

    return {
        "vendor": vendor_schema(),
        "rules": rules_schema(),
        "org": org_schema(),
        "report": report_schema(),
    }


def schema_dir() -> Path:
    return Path(__file__).parent


def render(schema: Schema) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def main() -> None:
    for name, schema in all_schemas().items():
        (schema_dir() / f"{name}.schema.json").write_text(render(schema), encoding="utf-8")


if __name__ == "__main__":
    main()
