"""Validation of loaded YAML against the published JSON Schemas, with located, helpful errors."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from vendorgate.core.errors import InputError, Problem
from vendorgate.core.hints import did_you_mean
from vendorgate.load.yaml import Document, PathKey

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator
from vendorgate.schemas.files import schema

KINDS = {"VendorProfile": "vendor", "RulePack": "rules", "OrgProfile": "org"}
"""The ``kind`` of each input file and the schema that validates it."""


@cache
def fast_check(name: str) -> Callable[[Any], bool]:
    """A compiled yes/no check; jsonschema runs only for documents that fail it."""
    from vendorgate.load.fastschema import compile_schema

    return compile_schema(schema(name))


@cache
def validator(name: str) -> Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(name))


def detect_kind(doc: Document) -> str:
    """The schema name for a document, from its apiVersion and kind."""
    data = doc.data
    if not isinstance(data, dict):
        raise InputError(doc.problem((), "expected a mapping with `apiVersion` and `kind`"))
    api = data.get("apiVersion")
    if api != "vendorgate/v1":
        where: PathKey = ("apiVersion",) if "apiVersion" in data else ()
        raise InputError(
            doc.problem(where, f"expected `apiVersion: vendorgate/v1`, found {_show(api)}")
        )
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in KINDS:  # a mapping or list is unhashable
        hint = did_you_mean(str(kind), KINDS)
        raise InputError(
            doc.problem(
                ("kind",),
                f"expected `kind` to be one of {', '.join(KINDS)}, found {_show(kind)}{hint}",
            )
        )
    return KINDS[str(kind)]


def validate(doc: Document, expected: str | None = None) -> str:
    """Validate ``doc``; returns its schema name. Raises InputError listing every problem."""
    name = detect_kind(doc)
    if expected is not None and name != expected:
        wanted = next(k for k, v in KINDS.items() if v == expected)
        raise InputError(
            doc.problem(("kind",), f"expected a {wanted} here, found kind {doc.data['kind']}")
        )
    if fast_check(name)(doc.data):
        return name
    errors = sorted(
        validator(name).iter_errors(doc.data),
        key=lambda e: doc.position(tuple(e.absolute_path)),
    )
    if errors:
        raise InputError(_dedupe([describe(doc, e) for e in errors]))
    return name


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for p in problems:
        if (p.line, p.column, p.message) not in seen:
            seen.add((p.line, p.column, p.message))
            unique.append(p)
    return unique


def describe(doc: Document, error: ValidationError) -> Problem:
    """Turn a jsonschema error into one located sentence a person can act on."""
    error = _most_relevant(error)
    path: PathKey = tuple(error.absolute_path)
    instance = error.instance
    part: dict[str, Any] = dict(error.schema) if isinstance(error.schema, dict) else {}
    expected_values: list[Any] = (
        list(error.validator_value) if isinstance(error.validator_value, (list, tuple)) else []
    )
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        allowed = list(part.get("properties", {}))
        extra = sorted(k for k in instance if k not in allowed)
        name = extra[0] if extra else "?"
        hint = did_you_mean(name, allowed)
        where = f" in `{_dotted(path)}`" if path else ""
        return doc.problem((*path, name), f"unknown field `{name}`{where}{hint}", of_key=True)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return doc.problem(path, f"`{missing}` is required{_at(path)}")
    if isinstance(instance, bool) and path in doc.scalar_sources:
        source = doc.scalar_sources[path]
        expected = _expected(part)
        return doc.problem(
            path,
            f"`{_dotted(path)}: {source}` is read by YAML as the boolean {str(instance).lower()}; "
            f'expected {expected}. Write a value from the list (or quote "{source}" if you '
            "mean the word)",
        )
    if error.validator == "enum":
        hint = did_you_mean(str(instance), [str(x) for x in expected_values])
        return doc.problem(
            path,
            f"{_show(instance)} is not allowed{_at(path)}; expected one of "
            f"{', '.join(map(str, expected_values))}{hint}",
        )
    if error.validator == "const":
        return doc.problem(
            path, f"expected {_show(error.validator_value)}{_at(path)}, found {_show(instance)}"
        )
    if error.validator == "pattern":
        return doc.problem(path, _pattern_message(path, instance, str(error.validator_value)))
    if error.validator == "type":
        hint = ""
        if part.get("type") == "string" and path in doc.scalar_sources:
            hint = f'; YAML reads it as a number, so quote it: "{doc.scalar_sources[path]}"'
        return doc.problem(
            path, f"expected {_expected(part)}{_at(path)}, found {_type_name(instance)}{hint}"
        )
    if error.validator == "minItems" and instance == []:
        return doc.problem(path, f"an empty list{_at(path)}; give at least one entry")
    if error.validator in ("oneOf", "anyOf"):
        return doc.problem(path, f"expected {_expected(part)}{_at(path)}, found {_show(instance)}")
    return doc.problem(path, f"{error.message}{_at(path)}")


def _most_relevant(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, prefer the error of the branch that matched the instance's type."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return error
    from jsonschema.exceptions import best_match

    if error.validator == "oneOf" and _is_leaf_operator_error(error):
        return error
    for sub in error.context:  # `all: []`: the empty list, not the other branches' keys
        if sub.validator == "minItems" and sub.instance == []:
            return sub
    candidate = best_match(error.context)
    if candidate is None:
        return error
    if candidate.validator in ("type", "const") and not isinstance(error.instance, dict):
        return error  # the value is of the wrong shape altogether; describe the whole choice
    return _most_relevant(candidate)


def _is_leaf_operator_error(error: ValidationError) -> bool:
    return all(sub.validator == "required" for sub in error.context or ())


def _expected(schema_part: dict[str, Any]) -> str:
    if "enum" in schema_part:
        return "one of " + ", ".join(map(str, schema_part["enum"]))
    if "const" in schema_part:
        return _show(schema_part["const"])
    for key in ("oneOf", "anyOf"):
        if key in schema_part:
            parts = [_expected(p) for p in schema_part[key]]
            return " or ".join(dict.fromkeys(parts))
    if "$ref" in schema_part:
        return "a condition (all / any / not / a fact test)"
    kind = schema_part.get("type")
    if kind == "array":
        return "a list"
    if kind == "object":
        return "a mapping"
    if kind == "integer":
        minimum = schema_part.get("minimum")
        return "a whole number" + (f" >= {minimum}" if minimum is not None else "")
    if kind == "string":
        pattern = schema_part.get("pattern")
        if pattern and "[0-9]{4}" in pattern:
            return "a date YYYY-MM-DD"
        return "a string"
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind or "a value")


def _pattern_message(path: PathKey, instance: Any, pattern: str) -> str:
    if "[0-9]{4}" in pattern:
        return f"{_show(instance)} is not a date{_at(path)}; write YYYY-MM-DD"
    if "[0-9a-f]{64}" in pattern:
        return f"{_show(instance)} is not a sha256{_at(path)}; expected 64 lowercase hex digits"
    if pattern.startswith("^https?"):
        return f"{_show(instance)} is not a URL{_at(path)}; expected http:// or https://"
    if "a-z0-9" in pattern:
        return (
            f"{_show(instance)} is not a valid id{_at(path)}; use lowercase letters, digits, "
            "'.', '_' and '-'"
        )
    return f"{_show(instance)} does not match {pattern}{_at(path)}"


def _dotted(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _at(path: PathKey) -> str:
    return f" at `{_dotted(path)}`" if path else ""


def _show(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"`{value}`"
    if isinstance(value, (dict, list)):
        return _type_name(value)
    return f"`{value}`"


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string `{value}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
