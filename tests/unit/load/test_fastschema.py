"""The compiled validator must agree with jsonschema on every instance, valid or not."""

from __future__ import annotations

import copy
import functools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.support.cli import REPO
from vendorgate.load.fastschema import compile_schema
from vendorgate.load.workspace import discover
from vendorgate.load.yaml import load_file
from vendorgate.schemas.files import schema

NAMES = ("vendor", "rules", "org")
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 100),
    st.floats(allow_nan=False, width=32),
    st.sampled_from(
        [
            "",
            "never",
            "always",
            "available",
            "x" * 70,
            "2026-01-01",
            "phi",
            "eu",
            "https://example.org",
            "undisclosed",
            "ai_model_provider",
        ]
    ),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["value", "x", "id", "doc"]), inner, max_size=3),
    ),
    max_leaves=6,
)


@functools.cache
def shipped(name: str) -> list[Any]:
    kind = {"vendor": b"VendorProfile", "rules": b"RulePack", "org": b"OrgProfile"}[name]
    files = [
        p
        for p in discover(
            [REPO / "vendors", REPO / "rules", REPO / "examples", REPO / "tests" / "golden"],
            what="YAML file",
        )
        if kind in p.read_bytes()[:4096]
    ]
    return [load_file(p).data for p in files]


@pytest.mark.parametrize("name", NAMES)
def test_every_shipped_file_is_valid_for_both(name: str) -> None:
    fast = compile_schema(schema(name))
    slow = Draft202012Validator(schema(name))
    documents = shipped(name)
    assert documents
    for data in documents:
        assert fast(data) is slow.is_valid(data) is True


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _mutate(data: Any, path: tuple[Any, ...], action: int, value: Any) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == 0:
        parent[last] = value
    elif action == 1 and isinstance(parent, dict):
        del parent[last]
    elif action == 2 and isinstance(parent, dict):
        parent[f"{last}_extra"] = value
    elif isinstance(parent, list):
        parent.append(value)
    return data


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_mutations_get_the_same_answer(name: str, data: st.DataObject) -> None:
    documents = shipped(name)
    base = data.draw(st.sampled_from(documents))
    path = data.draw(st.sampled_from(_paths(base)))
    action = data.draw(st.integers(0, 3))
    value = data.draw(JSON_VALUES)
    mutated = _mutate(base, path, action, value)
    expected = Draft202012Validator(schema(name)).is_valid(mutated)
    assert compile_schema(schema(name))(mutated) is expected


def test_unknown_keywords_are_refused_at_compile_time() -> None:
    with pytest.raises(ValueError, match="patternProperties"):
        compile_schema({"patternProperties": {"x": {}}})
