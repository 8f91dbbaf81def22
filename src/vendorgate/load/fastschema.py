"""A compiled yes/no validator for the subset of JSON Schema our own schemas use.

Validating thousands of profiles with ``jsonschema`` costs more than parsing them. Almost all
profiles are valid, so we answer "valid?" with closures compiled once from the schema, and run
``jsonschema`` only for files that fail, to produce its detailed errors. A keyword this compiler
does not know is a compile-time error, never silently ignored; a property test checks that both
validators agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "title", "description", "format", "$comment", "default", "examples"}
)


def _is_type(name: str) -> Check:
    checks: dict[str, Check] = {
        "string": lambda x: isinstance(x, str),
        # JSON Schema counts 3.0 as an integer, as jsonschema does.
        "integer": lambda x: (
            (isinstance(x, int) and not isinstance(x, bool))
            or (isinstance(x, float) and x.is_integer())
        ),
        "number": lambda x: isinstance(x, (int, float)) and not isinstance(x, bool),
        "boolean": lambda x: isinstance(x, bool),
        "array": lambda x: isinstance(x, list),
        "object": lambda x: isinstance(x, dict),
        "null": lambda x: x is None,
    }
    return checks[name]


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 and True differ."""
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if pointer not in self.refs:
            cell: list[Check] = []
            self.refs[pointer] = lambda x: cell[0](x)  # noqa: PLW0108 - late-bound for recursion
            target: Any = self.root
            for part in pointer.removeprefix("#/").split("/"):
                target = target[part]
            cell.append(self.compile(target))
        return self.refs[pointer]

    def compile(self, schema: dict[str, Any] | bool) -> Check:
        if schema is True:
            return lambda _x: True
        if schema is False:
            return lambda _x: False
        assert isinstance(schema, dict)
        keywords = {k for k in schema if k not in _ANNOTATIONS and k != "$defs"}
        if schema.get("type") == "object" and keywords <= _OBJECT_KEYWORDS:
            return self._object(schema)
        checks = [self._keyword(key, schema[key], schema) for key in schema if key in keywords]
        return _all_of([c for c in checks if c is not None])

    def _object(self, schema: dict[str, Any]) -> Check:
        """``type: object`` with properties, additionalProperties and required, as one loop
        over the instance (the profile schemas are mostly this; one function per keyword
        and a generator per check cost more than the checking)."""
        props = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        additional = schema.get("additionalProperties", True)
        closed = additional is False
        extra = None if additional is True or closed else self.compile(additional)
        required = tuple(schema.get("required", ()))

        def check(x: Any) -> bool:
            if not isinstance(x, dict):
                return False
            for key, item in x.items():
                sub = props.get(key)
                if sub is None:
                    if closed or (extra is not None and not extra(item)):
                        return False
                elif not sub(item):
                    return False
            return all(name in x for name in required) if required else True

        return check

    def _keyword(self, key: str, value: Any, schema: dict[str, Any]) -> Check | None:
        handler = getattr(self, "_k_" + key.lstrip("$"), None)
        if handler is None:
            raise ValueError(f"fastschema does not support the keyword {key!r}")
        result: Check | None = handler(value, schema)
        return result

    def _k_ref(self, value: str, _schema: dict[str, Any]) -> Check:
        return self.ref(value)

    def _k_type(self, value: str | list[str], _schema: dict[str, Any]) -> Check:
        names = [value] if isinstance(value, str) else value
        tests = [_is_type(n) for n in names]
        if len(tests) == 1:
            return tests[0]
        return lambda x: any(t(x) for t in tests)

    def _k_enum(self, value: list[Any], _schema: dict[str, Any]) -> Check:
        if all(isinstance(v, str) for v in value):
            allowed = frozenset(value)
            return lambda x: isinstance(x, str) and x in allowed
        return lambda x: any(_same(x, v) for v in value)

    def _k_const(self, value: Any, _schema: dict[str, Any]) -> Check:
        return lambda x: _same(x, value)

    def _k_pattern(self, value: str, _schema: dict[str, Any]) -> Check:
        search = re.compile(value).search
        return lambda x: not isinstance(x, str) or search(x) is not None

    def _k_minLength(self, value: int, _schema: dict[str, Any]) -> Check:
        return lambda x: not isinstance(x, str) or len(x) >= value

    def _k_minimum(self, value: float, _schema: dict[str, Any]) -> Check:
        return lambda x: isinstance(x, bool) or not isinstance(x, (int, float)) or x >= value

    def _k_minItems(self, value: int, _schema: dict[str, Any]) -> Check:
        return lambda x: not isinstance(x, list) or len(x) >= value

    def _k_uniqueItems(self, value: bool, _schema: dict[str, Any]) -> Check | None:
        if not value:
            return None

        def unique(x: Any) -> bool:
            if not isinstance(x, list):
                return True
            try:
                return len({(type(i), i) for i in x}) == len(x)
            except TypeError:  # unhashable items: compare pairwise
                return all(not _same(a, b) for i, a in enumerate(x) for b in x[i + 1 :])

        return unique

    def _k_items(self, value: Any, _schema: dict[str, Any]) -> Check:
        item = self.compile(value)

        def check(x: Any) -> bool:
            if isinstance(x, list):
                for i in x:
                    if not item(i):
                        return False
            return True

        return check

    def _k_required(self, value: list[str], _schema: dict[str, Any]) -> Check:
        names = tuple(value)
        return lambda x: not isinstance(x, dict) or all(n in x for n in names)

    def _k_properties(self, value: dict[str, Any], _schema: dict[str, Any]) -> Check:
        props = {name: self.compile(sub) for name, sub in value.items()}

        def check(x: Any) -> bool:
            if not isinstance(x, dict):
                return True
            for key, item in x.items():
                sub = props.get(key)
                if sub is not None and not sub(item):
                    return False
            return True

        return check

    def _k_additionalProperties(self, value: Any, schema: dict[str, Any]) -> Check:
        known = frozenset(schema.get("properties", {}))
        if value is False:
            return lambda x: not isinstance(x, dict) or all(k in known for k in x)
        extra = self.compile(value)
        return lambda x: (
            not isinstance(x, dict) or all(extra(v) for k, v in x.items() if k not in known)
        )

    def _k_propertyNames(self, value: Any, _schema: dict[str, Any]) -> Check:
        name = self.compile(value)
        return lambda x: not isinstance(x, dict) or all(name(k) for k in x)

    def _k_oneOf(self, value: list[Any], _schema: dict[str, Any]) -> Check:
        options = [self.compile(v) for v in value]

        def check(x: Any) -> bool:
            matched = False
            for option in options:
                if option(x):
                    if matched:
                        return False
                    matched = True
            return matched

        return check

    def _k_anyOf(self, value: list[Any], _schema: dict[str, Any]) -> Check:
        options = [self.compile(v) for v in value]
        return lambda x: any(o(x) for o in options)

    def _k_allOf(self, value: list[Any], _schema: dict[str, Any]) -> Check:
        options = [self.compile(v) for v in value]
        return lambda x: all(o(x) for o in options)

    def _k_not(self, value: Any, _schema: dict[str, Any]) -> Check:
        inner = self.compile(value)
        return lambda x: not inner(x)

    def _k_if(self, value: Any, schema: dict[str, Any]) -> Check:
        condition = self.compile(value)
        then = self.compile(schema.get("then", True))
        otherwise = self.compile(schema.get("else", True))
        return lambda x: then(x) if condition(x) else otherwise(x)

    def _k_then(self, _value: Any, _schema: dict[str, Any]) -> None:
        return None  # handled by ``if``

    def _k_else(self, _value: Any, _schema: dict[str, Any]) -> None:
        return None  # handled by ``if``

    def _k_maximum(self, value: float, _schema: dict[str, Any]) -> Check:
        return lambda x: isinstance(x, bool) or not isinstance(x, (int, float)) or x <= value

    def _k_maxLength(self, value: int, _schema: dict[str, Any]) -> Check:
        return lambda x: not isinstance(x, str) or len(x) <= value

    def _k_maxItems(self, value: int, _schema: dict[str, Any]) -> Check:
        return lambda x: not isinstance(x, list) or len(x) <= value

    def _k_minProperties(self, value: int, _schema: dict[str, Any]) -> Check:
        return lambda x: not isinstance(x, dict) or len(x) >= value


_OBJECT_KEYWORDS = frozenset({"type", "properties", "additionalProperties", "required"})
"""Keywords :meth:`_Compiler._object` checks in one function."""


def _all_of(checks: list[Check]) -> Check:
    """All of ``checks``, without a generator for the usual one, two or three."""
    if not checks:
        return lambda _x: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda x: a(x) and b(x)
    if len(checks) == 3:
        a, b, c = checks
        return lambda x: a(x) and b(x) and c(x)
    return lambda x: all(check(x) for check in checks)


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function that says whether an instance is valid against ``schema``."""
    return _Compiler(schema).compile(schema)
